/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "wenji-document.h"
#include "wenji-page-setup.h"

G_BEGIN_DECLS

#define WENJI_TYPE_HTML_WRITER (wenji_html_writer_get_type ())

G_DECLARE_FINAL_TYPE (WenjiHtmlWriter, wenji_html_writer, WENJI, HTML_WRITER, GObject)

WenjiHtmlWriter *wenji_html_writer_new            (const WenjiPageSetup *setup);
char            *wenji_html_writer_render_article (WenjiHtmlWriter      *self,
                                                   WenjiArticle         *article);
gboolean         wenji_html_writer_write_article  (WenjiHtmlWriter      *self,
                                                   WenjiArticle         *article,
                                                   const char           *path,
                                                   GError              **error);
gboolean         wenji_html_writer_write_index    (WenjiHtmlWriter      *self,
                                                   const char           *title,
                                                   GPtrArray            *articles,
                                                   const char * const   *hrefs,
                                                   const char           *path,
                                                   GError              **error);

G_END_DECLS
