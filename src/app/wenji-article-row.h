/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "wenji-core.h"

G_BEGIN_DECLS

#define WENJI_TYPE_ARTICLE_ROW (wenji_article_row_get_type ())

G_DECLARE_FINAL_TYPE (WenjiArticleRow, wenji_article_row, WENJI, ARTICLE_ROW, GtkWidget)

WenjiArticleSummary *wenji_article_row_get_summary (WenjiArticleRow     *self);
void                 wenji_article_row_set_summary (WenjiArticleRow     *self,
                                                    WenjiArticleSummary *summary);
char                *wenji_article_row_format_meta (WenjiArticleSummary *summary);

G_END_DECLS
