/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "wenji-editor.h"
#include "wenji-history-view.h"
#include "wenji-metadata-panel.h"

G_BEGIN_DECLS

#define WENJI_TYPE_ARTICLE_VIEW (wenji_article_view_get_type ())

G_DECLARE_FINAL_TYPE (WenjiArticleView, wenji_article_view, WENJI, ARTICLE_VIEW, GtkWidget)

WenjiEditor        *wenji_article_view_get_editor         (WenjiArticleView *self);
WenjiHistoryView   *wenji_article_view_get_history_view   (WenjiArticleView *self);
WenjiMetadataPanel *wenji_article_view_get_metadata_panel (WenjiArticleView *self);
void                wenji_article_view_show_history       (WenjiArticleView *self,
                                                           gboolean          show_history);

G_END_DECLS
