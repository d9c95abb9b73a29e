/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WENJI_TYPE_STATUS_LABEL (wenji_status_label_get_type ())

G_DECLARE_FINAL_TYPE (WenjiStatusLabel, wenji_status_label, WENJI, STATUS_LABEL, GtkWidget)

GtkWidget  *wenji_status_label_new              (void);
void        wenji_status_label_set_text         (WenjiStatusLabel *self,
                                                 const char       *text,
                                                 const char       *short_text);
const char *wenji_status_label_get_text         (WenjiStatusLabel *self);
const char *wenji_status_label_get_visible_text (WenjiStatusLabel *self);

G_END_DECLS
