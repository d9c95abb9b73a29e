/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void wenji_tag_dialogs_install_actions (GtkWidgetClass *sidebar_class);

G_END_DECLS
