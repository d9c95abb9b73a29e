/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "wenji-render.h"

G_BEGIN_DECLS

#define WENJI_TYPE_PREVIEW (wenji_preview_get_type ())

G_DECLARE_FINAL_TYPE (WenjiPreview, wenji_preview, WENJI, PREVIEW, GtkWidget)

GtkWidget       *wenji_preview_new            (void);
WenjiPageLayout *wenji_preview_get_layout     (WenjiPreview  *self);
void             wenji_preview_set_document   (WenjiPreview  *self,
                                               WenjiDocument *document);
guint            wenji_preview_get_n_pages    (WenjiPreview  *self);
double           wenji_preview_get_zoom       (WenjiPreview  *self);
void             wenji_preview_set_zoom       (WenjiPreview  *self,
                                               double         zoom);
void             wenji_preview_show_page      (WenjiPreview  *self,
                                               guint          page);
guint            wenji_preview_get_n_pages_drawn (WenjiPreview *self);
void             wenji_preview_set_page_setup (WenjiPreview         *self,
                                               const WenjiPageSetup *setup);

G_END_DECLS
