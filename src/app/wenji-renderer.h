/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean wenji_renderer_is_software (const char *gl_renderer);
gboolean wenji_renderer_choose      (GdkDisplay *display);

G_END_DECLS
