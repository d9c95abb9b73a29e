/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "wenji-export.h"
#include "wenji-page-setup.h"

G_BEGIN_DECLS

GSettings *wenji_settings_new            (void);
void       wenji_settings_get_export_setup (GSettings               *settings,
                                            const WenjiExportFormat *format,
                                            WenjiPageSetup          *setup);
void       wenji_settings_get_page_setup (GSettings      *settings,
                                          WenjiPageSetup *setup);

G_END_DECLS
