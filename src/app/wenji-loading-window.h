/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "wenji-core.h"

G_BEGIN_DECLS

#define WENJI_TYPE_LOADING_WINDOW (wenji_loading_window_get_type ())

G_DECLARE_FINAL_TYPE (WenjiLoadingWindow, wenji_loading_window, WENJI, LOADING_WINDOW,
                      AdwApplicationWindow)

WenjiLoadingWindow *wenji_loading_window_new          (GtkApplication      *application,
                                                       const char          *path);
const char         *wenji_loading_window_get_path     (WenjiLoadingWindow  *self);
const char         *wenji_loading_window_get_page     (WenjiLoadingWindow  *self);
double              wenji_loading_window_get_fraction (WenjiLoadingWindow  *self);
gboolean            wenji_loading_window_get_closed   (WenjiLoadingWindow  *self);
void                wenji_loading_window_open_async   (WenjiLoadingWindow  *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
WenjiLibrary       *wenji_loading_window_open_finish  (WenjiLoadingWindow  *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
