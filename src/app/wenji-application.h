/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WENJI_TYPE_APPLICATION (wenji_application_get_type ())

G_DECLARE_FINAL_TYPE (WenjiApplication, wenji_application, WENJI, APPLICATION, AdwApplication)

WenjiApplication *wenji_application_new (void);

G_END_DECLS
