/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The application's settings, and the page setup the preferences make: the
 * preview and the export dialog lay pages out with the same one.
 */
#include "config.h"

#include "wenji-settings.h"

/**
 * wenji_settings_new:
 *
 * Returns: (transfer full) (nullable): the application's settings, or %NULL
 *   when its schema is not installed (run from the build directory)
 */
GSettings *
wenji_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * wenji_settings_get_page_setup:
 * @settings: the application's settings
 * @setup: (out caller-allocates): the setup to fill
 *
 * The default page setup with the page size, body font size, first-line
 * indent and fonts of the preferences.
 */
void
wenji_settings_get_page_setup (GSettings      *settings,
                               WenjiPageSetup *setup)
{
  g_autofree char *paper = NULL;
  g_autofree char *body_font = NULL;
  g_autofree char *heading_font = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (setup != NULL);

  paper = g_settings_get_string (settings, "page-size");
  body_font = g_settings_get_string (settings, "body-font");
  heading_font = g_settings_get_string (settings, "heading-font");

  wenji_page_setup_init (setup);
  /* The schema's choices are the sizes the render library knows. */
  wenji_paper_from_string (paper, &setup->paper);
  setup->font_size = g_settings_get_double (settings, "body-font-size");
  setup->indent = g_settings_get_boolean (settings, "first-line-indent");
  setup->vertical = g_settings_get_boolean (settings, "vertical");
  wenji_page_setup_set_fonts (setup, body_font, heading_font);
}

/**
 * wenji_settings_get_export_setup:
 * @settings: (nullable): the application's settings
 * @format: the export format
 * @setup: (out caller-allocates): the setup to fill
 *
 * The page setup of the preferences, with the theme of the preferences for
 * a format that takes one.
 */
void
wenji_settings_get_export_setup (GSettings               *settings,
                                 const WenjiExportFormat *format,
                                 WenjiPageSetup          *setup)
{
  g_autofree char *theme = NULL;

  g_return_if_fail (setup != NULL);

  if (settings == NULL) {
    wenji_page_setup_init (setup);
    return;
  }

  wenji_settings_get_page_setup (settings, setup);
  if (format != NULL && format->themed) {
    theme = g_settings_get_string (settings, "wechat-theme");
    wenji_theme_from_string (theme, &setup->theme);
  }
}
