/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "wenji-search-result.h"

G_BEGIN_DECLS

#define WENJI_TYPE_SEARCH_ROW (wenji_search_row_get_type ())

G_DECLARE_FINAL_TYPE (WenjiSearchRow, wenji_search_row, WENJI, SEARCH_ROW, GtkWidget)

WenjiSearchResult *wenji_search_row_get_result (WenjiSearchRow    *self);
void               wenji_search_row_set_result (WenjiSearchRow    *self,
                                                WenjiSearchResult *result);

G_END_DECLS
