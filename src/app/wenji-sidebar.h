/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "wenji-core.h"

G_BEGIN_DECLS

#define WENJI_TYPE_SIDEBAR (wenji_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (WenjiSidebar, wenji_sidebar, WENJI, SIDEBAR, GtkWidget)

WenjiArticleList *wenji_sidebar_get_article_list (WenjiSidebar       *self);
void              wenji_sidebar_set_article_list (WenjiSidebar       *self,
                                                  WenjiArticleList   *list);
void              wenji_sidebar_select_filter    (WenjiSidebar       *self,
                                                  WenjiArticleFilter  filter);
gboolean          wenji_sidebar_select_tag       (WenjiSidebar       *self,
                                                  const char         *tag);
void              wenji_sidebar_refresh          (WenjiSidebar       *self);

G_END_DECLS
