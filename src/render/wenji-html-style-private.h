/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "wenji-page-setup.h"

G_BEGIN_DECLS

void wenji_html_append_block_styles (GString              *out,
                                     const WenjiPageSetup *setup);

G_END_DECLS
