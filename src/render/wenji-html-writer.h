/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "wenji-document.h"
#include "wenji-page-setup.h"

G_BEGIN_DECLS

#define WENJI_TYPE_HTML_WRITER (wenji_html_writer_get_type ())

G_DECLARE_FINAL_TYPE (WenjiHtmlWriter, wenji_html_writer, WENJI, HTML_WRITER, GObject)

/**
 * WenjiHtmlImageFunc:
 * @path: a picture's file
 *
 * Returns: (transfer full) (nullable): the address the page gives the
 *   picture, or %NULL to show its description instead
 */
typedef char *(*WenjiHtmlImageFunc) (const char *path,
                                     gpointer    user_data);

WenjiHtmlWriter *wenji_html_writer_new            (const WenjiPageSetup *setup);
void             wenji_html_writer_set_xhtml      (WenjiHtmlWriter      *self,
                                                   gboolean              xhtml);
void             wenji_html_writer_set_vertical   (WenjiHtmlWriter      *self,
                                                   gboolean              vertical);
void             wenji_html_writer_set_image_func (WenjiHtmlWriter      *self,
                                                   WenjiHtmlImageFunc    func,
                                                   gpointer              user_data);
char            *wenji_html_writer_get_book_style_sheet (WenjiHtmlWriter *self);
void             wenji_html_writer_append_body    (WenjiHtmlWriter      *self,
                                                   WenjiDocument        *document,
                                                   GString              *out);
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
