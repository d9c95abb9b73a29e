/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-application.h"
#include "wenji-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (WenjiApplication) app = NULL;

  wenji_i18n_init ();

  g_set_application_name (_("Wenji"));

  app = wenji_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
