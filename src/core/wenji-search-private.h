/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "wenji-library.h"

G_BEGIN_DECLS

int      wenji_search_register     (sqlite3               *db);
gboolean wenji_search_ensure_index (sqlite3               *db,
                                    const char            *path,
                                    WenjiLibraryProgress   progress,
                                    gpointer               user_data,
                                    GCancellable          *cancellable,
                                    GError               **error);

G_END_DECLS
