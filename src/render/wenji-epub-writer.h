/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "wenji-document.h"
#include "wenji-page-setup.h"

G_BEGIN_DECLS

gboolean wenji_epub_writer_write_book (const WenjiPageSetup  *setup,
                                       const char            *title,
                                       GPtrArray             *articles,
                                       const char            *path,
                                       WenjiExportProgress    progress,
                                       gpointer               user_data,
                                       GCancellable          *cancellable,
                                       GError               **error);

G_END_DECLS
