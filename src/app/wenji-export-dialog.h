/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "wenji-core.h"

G_BEGIN_DECLS

#define WENJI_TYPE_EXPORT_DIALOG (wenji_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WenjiExportDialog, wenji_export_dialog, WENJI, EXPORT_DIALOG, AdwWindow)

WenjiExportDialog *wenji_export_dialog_new             (GtkWindow         *parent,
                                                        WenjiLibrary      *library,
                                                        GArray            *ids,
                                                        GSettings         *settings);
void               wenji_export_dialog_set_format      (WenjiExportDialog *self,
                                                        const char        *format);
const char        *wenji_export_dialog_get_destination (WenjiExportDialog *self);
void               wenji_export_dialog_set_destination (WenjiExportDialog *self,
                                                        const char        *path);
gboolean           wenji_export_dialog_get_running     (WenjiExportDialog *self);

G_END_DECLS
