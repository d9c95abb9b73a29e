/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  wenji_markup_escape         (GString    *out,
                                   const char *text,
                                   gssize      len,
                                   gboolean    colons);
char   *wenji_markup_image_data_uri (const char  *path);
GBytes *wenji_markup_read_image     (const char  *path,
                                     const char **mime_type);

G_END_DECLS
