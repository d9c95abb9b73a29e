/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "wenji-document.h"
#include "wenji-page-setup.h"

G_BEGIN_DECLS

char     *wenji_wechat_writer_render_article (const WenjiPageSetup  *setup,
                                              WenjiArticle          *article);
char     *wenji_wechat_writer_render_text    (WenjiArticle          *article);
gboolean  wenji_wechat_writer_write_article  (const WenjiPageSetup  *setup,
                                              WenjiArticle          *article,
                                              const char            *path,
                                              GError               **error);

G_END_DECLS
