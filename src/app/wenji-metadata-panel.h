/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "wenji-core.h"
#include "wenji-editor.h"

G_BEGIN_DECLS

#define WENJI_TYPE_METADATA_PANEL (wenji_metadata_panel_get_type ())

G_DECLARE_FINAL_TYPE (WenjiMetadataPanel, wenji_metadata_panel, WENJI, METADATA_PANEL, GtkWidget)

void     wenji_metadata_panel_set_editor (WenjiMetadataPanel  *self,
                                          WenjiEditor         *editor);
gboolean wenji_metadata_panel_save       (WenjiMetadataPanel  *self,
                                          GError             **error);
GStrv    wenji_metadata_panel_dup_tags   (WenjiMetadataPanel  *self);

G_END_DECLS
