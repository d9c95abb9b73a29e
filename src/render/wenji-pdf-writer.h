/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "wenji-document.h"
#include "wenji-page-setup.h"

G_BEGIN_DECLS

#define WENJI_TYPE_PDF_WRITER (wenji_pdf_writer_get_type ())

G_DECLARE_FINAL_TYPE (WenjiPdfWriter, wenji_pdf_writer, WENJI, PDF_WRITER, GObject)

WenjiPdfWriter *wenji_pdf_writer_new           (const WenjiPageSetup *setup);
gboolean        wenji_pdf_writer_write_article (WenjiPdfWriter       *self,
                                                WenjiArticle         *article,
                                                const char           *path,
                                                GError              **error);
gboolean        wenji_pdf_writer_write_book    (WenjiPdfWriter       *self,
                                                const char           *title,
                                                GPtrArray            *articles,
                                                const char           *path,
                                                WenjiExportProgress   progress,
                                                gpointer              user_data,
                                                GCancellable         *cancellable,
                                                GError              **error);

G_END_DECLS
