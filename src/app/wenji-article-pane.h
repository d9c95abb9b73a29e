/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "wenji-core.h"

G_BEGIN_DECLS

#define WENJI_TYPE_ARTICLE_PANE (wenji_article_pane_get_type ())

G_DECLARE_FINAL_TYPE (WenjiArticlePane, wenji_article_pane, WENJI, ARTICLE_PANE, GtkWidget)

WenjiLibrary       *wenji_article_pane_get_library        (WenjiArticlePane *self);
void                wenji_article_pane_set_library        (WenjiArticlePane *self,
                                                           WenjiLibrary     *library);
WenjiArticleList   *wenji_article_pane_get_article_list   (WenjiArticlePane *self);
GtkMultiSelection  *wenji_article_pane_get_selection      (WenjiArticlePane *self);
GtkSingleSelection *wenji_article_pane_get_search_results (WenjiArticlePane *self);
guint               wenji_article_pane_get_n_selected     (WenjiArticlePane *self);
GArray             *wenji_article_pane_dup_selected_ids   (WenjiArticlePane *self);
gint64              wenji_article_pane_get_article_id     (WenjiArticlePane *self);
void                wenji_article_pane_set_article_id     (WenjiArticlePane *self,
                                                           gint64            id);
void                wenji_article_pane_select_article     (WenjiArticlePane *self,
                                                           gint64            id);
void                wenji_article_pane_select_first       (WenjiArticlePane *self);
void                wenji_article_pane_select_all         (WenjiArticlePane *self);
const char         *wenji_article_pane_get_page           (WenjiArticlePane *self);
gboolean            wenji_article_pane_get_search_mode    (WenjiArticlePane *self);
void                wenji_article_pane_set_search_mode    (WenjiArticlePane *self,
                                                           gboolean          search_mode);
gboolean            wenji_article_pane_get_searching      (WenjiArticlePane *self);
void                wenji_article_pane_start_search       (WenjiArticlePane *self);
void                wenji_article_pane_refresh_search     (WenjiArticlePane *self);
void                wenji_article_pane_set_progress       (WenjiArticlePane *self,
                                                           const char       *text,
                                                           double            fraction);

G_END_DECLS
