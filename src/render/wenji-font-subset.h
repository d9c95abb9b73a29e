/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *wenji_font_subset (const char  *family,
                           gboolean     bold,
                           const char  *text,
                           GError     **error);

G_END_DECLS
