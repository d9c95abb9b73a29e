/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "wenji-article.h"

G_BEGIN_DECLS

char     *wenji_markdown_writer_render_article (WenjiArticle  *article);
gboolean  wenji_markdown_writer_write_article  (WenjiArticle  *article,
                                                const char    *path,
                                                GError       **error);

G_END_DECLS
