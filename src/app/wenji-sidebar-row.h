/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "wenji-core.h"

G_BEGIN_DECLS

#define WENJI_TYPE_SIDEBAR_ROW (wenji_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (WenjiSidebarRow, wenji_sidebar_row, WENJI, SIDEBAR_ROW, GtkListBoxRow)

GtkWidget          *wenji_sidebar_row_new_for_tag   (const char         *tag);
GtkWidget          *wenji_sidebar_row_new_for_feed  (WenjiFeed          *feed);
gint64              wenji_sidebar_row_get_feed_id   (WenjiSidebarRow    *self);

const char         *wenji_sidebar_row_get_tag       (WenjiSidebarRow    *self);
void                wenji_sidebar_row_set_tag       (WenjiSidebarRow    *self,
                                                     const char         *tag);
WenjiArticleFilter  wenji_sidebar_row_get_filter    (WenjiSidebarRow    *self);
void                wenji_sidebar_row_set_filter    (WenjiSidebarRow    *self,
                                                     WenjiArticleFilter  filter);
const char         *wenji_sidebar_row_get_icon_name (WenjiSidebarRow    *self);
void                wenji_sidebar_row_set_icon_name (WenjiSidebarRow    *self,
                                                     const char         *icon_name);
const char         *wenji_sidebar_row_get_title     (WenjiSidebarRow    *self);
void                wenji_sidebar_row_set_title     (WenjiSidebarRow    *self,
                                                     const char         *title);
guint               wenji_sidebar_row_get_count     (WenjiSidebarRow    *self);
void                wenji_sidebar_row_set_count     (WenjiSidebarRow    *self,
                                                     guint               count);

G_END_DECLS
