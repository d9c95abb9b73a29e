/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *wenji_i18n_init          (void);
const char *wenji_i18n_language_for  (const char *locale);

G_END_DECLS
