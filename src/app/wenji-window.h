/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "wenji-core.h"

G_BEGIN_DECLS

#define WENJI_TYPE_WINDOW (wenji_window_get_type ())

G_DECLARE_FINAL_TYPE (WenjiWindow, wenji_window, WENJI, WINDOW, AdwApplicationWindow)

WenjiWindow  *wenji_window_new          (GtkApplication     *application,
                                         WenjiLibrary       *library);
WenjiLibrary *wenji_window_get_library  (WenjiWindow        *self);
void          wenji_window_show_article (WenjiWindow        *self,
                                         gint64              id);
void          wenji_window_import_paths (WenjiWindow        *self,
                                         const char * const *paths);

G_END_DECLS
