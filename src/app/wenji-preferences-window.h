/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WENJI_TYPE_PREFERENCES_WINDOW (wenji_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (WenjiPreferencesWindow, wenji_preferences_window, WENJI, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWindow *wenji_preferences_window_new (GtkWindow *parent);

G_END_DECLS
