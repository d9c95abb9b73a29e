/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "wenji-core.h"

G_BEGIN_DECLS

#define WENJI_TYPE_HISTORY_VIEW (wenji_history_view_get_type ())

G_DECLARE_FINAL_TYPE (WenjiHistoryView, wenji_history_view, WENJI, HISTORY_VIEW, GtkWidget)

void           wenji_history_view_set_library     (WenjiHistoryView  *self,
                                                   WenjiLibrary      *library);
gint64         wenji_history_view_get_article_id  (WenjiHistoryView  *self);
gboolean       wenji_history_view_set_article_id  (WenjiHistoryView  *self,
                                                   gint64             article_id,
                                                   GError           **error);
gboolean       wenji_history_view_reload          (WenjiHistoryView  *self,
                                                   GError           **error);
GListModel    *wenji_history_view_get_revisions   (WenjiHistoryView  *self);
void           wenji_history_view_select          (WenjiHistoryView  *self,
                                                   guint              position);
WenjiRevision *wenji_history_view_get_selected    (WenjiHistoryView  *self);
GtkTextBuffer *wenji_history_view_get_diff_buffer (WenjiHistoryView  *self);

char          *wenji_history_format_time          (gint64             unix_time,
                                                   GDateTime         *now);
const char    *wenji_history_reason_label         (const char        *reason);

G_END_DECLS
