/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-core.h"
#include "wenji-preferences-window.h"
#include "wenji-preview.h"
#include "wenji-settings.h"

/*
 * The preferences: fonts and size, page size, first-line indent (the
 * preview and export read them), and the script of new articles. Each
 * control writes its GSettings key at once.
 */

struct _WenjiPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkFontButton        *body_font_button;
  GtkFontButton        *heading_font_button;
  GtkSpinButton        *font_size_button;
  AdwComboRow          *paper_row;
  GtkSwitch            *indent_switch;
  GtkSwitch            *widen_switch;
  GtkSwitch            *vertical_switch;
  AdwComboRow          *script_row;
  AdwComboRow          *theme_row;
  WenjiPreview         *theme_preview;

  GSettings            *settings;
  guint                 loading;
};

G_DEFINE_FINAL_TYPE (WenjiPreferencesWindow, wenji_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const paper_names[] = { "a4", "a5", "b5", "letter" };
static const char * const scripts[] = { "zh-Hans", "zh-Hant" };
static const char * const themes[] = { "house", "fresh", "ink" };

/* What the theme preview shows, in the script of new articles. */
static const char sample_hans[] =
  "## 小标题\n\n正文段落，看看颜色和标题样式。**强调**的文字。\n\n> 引文一段。";
static const char sample_hant[] =
  "## 小標題\n\n正文段落，看看顏色和標題樣式。**強調**的文字。\n\n> 引文一段。";

static void
on_font_changed (WenjiPreferencesWindow *self,
                 GParamSpec             *pspec,
                 GtkFontButton          *button)
{
  const char *key = button == self->body_font_button ? "body-font" : "heading-font";
  g_autofree char *family = NULL;

  if (self->loading > 0 || self->settings == NULL)
    return;

  family = gtk_font_chooser_get_font_family (GTK_FONT_CHOOSER (button)) != NULL
           ? g_strdup (pango_font_family_get_name (
                         gtk_font_chooser_get_font_family (GTK_FONT_CHOOSER (button))))
           : g_strdup ("");
  g_settings_set_string (self->settings, key, family);
}

static void
load_font (WenjiPreferencesWindow *self,
           GtkFontButton          *button,
           const char             *key)
{
  g_autofree char *family = g_settings_get_string (self->settings, key);
  g_autofree char *script = g_settings_get_string (self->settings, "default-script");
  WenjiFontRole role = button == self->heading_font_button ? WENJI_FONT_HEADING : WENJI_FONT_BODY;

  self->loading++;
  /* An empty key stands for the script's own font: show the one new
   * articles get. */
  gtk_font_chooser_set_font (GTK_FONT_CHOOSER (button),
                             *family != '\0' ? family : wenji_font_family (role, script));
  self->loading--;
}

static void
load_fonts (WenjiPreferencesWindow *self)
{
  load_font (self, self->body_font_button, "body-font");
  load_font (self, self->heading_font_button, "heading-font");
}

static void
on_reset_fonts (WenjiPreferencesWindow *self)
{
  if (self->settings == NULL)
    return;

  g_settings_reset (self->settings, "body-font");
  g_settings_reset (self->settings, "heading-font");
  load_fonts (self);
}

static void
on_paper_selected (WenjiPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->paper_row);

  if (self->loading == 0 && self->settings != NULL && selected < G_N_ELEMENTS (paper_names))
    g_settings_set_string (self->settings, "page-size", paper_names[selected]);
}

static void
on_script_selected (WenjiPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->script_row);

  if (self->loading == 0 && self->settings != NULL && selected < G_N_ELEMENTS (scripts))
    g_settings_set_string (self->settings, "default-script", scripts[selected]);
}

/* The sample article, laid out with the theme as the WeChat copy takes it. */
static void
update_theme_preview (WenjiPreferencesWindow *self)
{
  g_autoptr (WenjiArticle) article = wenji_article_new ();
  g_autoptr (WenjiDocument) document = NULL;
  g_autofree char *script = g_settings_get_string (self->settings, "default-script");
  gboolean hant = g_strcmp0 (script, WENJI_LANG_HANT) == 0;

  WenjiPageSetup setup;

  wenji_settings_get_export_setup (self->settings, wenji_export_format_lookup ("wechat"), &setup);
  /* A narrow page with little margin, near a phone's screen. */
  setup.paper = WENJI_PAPER_A5;
  setup.vertical = FALSE;
  setup.margin_top = setup.margin_bottom = setup.margin_left = setup.margin_right = 24;
  wenji_preview_set_page_setup (self->theme_preview, &setup);

  wenji_article_set_title (article, "示例文章");
  wenji_article_set_body (article, hant ? sample_hant : sample_hans);
  wenji_article_set_lang (article, script);
  document = wenji_document_new_for_article (article, NULL);
  wenji_preview_set_document (self->theme_preview, document);
}

static void
on_theme_selected (WenjiPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->theme_row);

  if (self->loading == 0 && self->settings != NULL && selected < G_N_ELEMENTS (themes))
    g_settings_set_string (self->settings, "wechat-theme", themes[selected]);
}

static void
select_string (AdwComboRow        *row,
               const char * const *values,
               guint               n_values,
               const char         *value)
{
  for (guint i = 0; i < n_values; i++)
    if (g_strcmp0 (values[i], value) == 0)
      adw_combo_row_set_selected (row, i);
}

static void
wenji_preferences_window_dispose (GObject *object)
{
  WenjiPreferencesWindow *self = (WenjiPreferencesWindow *)object;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), WENJI_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (wenji_preferences_window_parent_class)->dispose (object);
}

static void
wenji_preferences_window_class_init (WenjiPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenji_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/wenji/Wenji/ui/wenji-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WenjiPreferencesWindow, body_font_button);
  gtk_widget_class_bind_template_child (widget_class, WenjiPreferencesWindow, heading_font_button);
  gtk_widget_class_bind_template_child (widget_class, WenjiPreferencesWindow, font_size_button);
  gtk_widget_class_bind_template_child (widget_class, WenjiPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiPreferencesWindow, indent_switch);
  gtk_widget_class_bind_template_child (widget_class, WenjiPreferencesWindow, widen_switch);
  gtk_widget_class_bind_template_child (widget_class, WenjiPreferencesWindow, vertical_switch);
  gtk_widget_class_bind_template_child (widget_class, WenjiPreferencesWindow, script_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiPreferencesWindow, theme_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiPreferencesWindow, theme_preview);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_fonts);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_script_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_theme_selected);
}

static void
wenji_preferences_window_init (WenjiPreferencesWindow *self)
{
  g_type_ensure (WENJI_TYPE_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = wenji_settings_new ();
  if (self->settings == NULL) {
    gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
    return;
  }

  self->loading++;

  load_fonts (self);
  /* The automatic fonts are those of the script of new articles. */
  g_signal_connect_object (self->settings, "changed::default-script",
                           G_CALLBACK (load_fonts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body_font_button, "notify::font",
                           G_CALLBACK (on_font_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->heading_font_button, "notify::font",
                           G_CALLBACK (on_font_changed), self, G_CONNECT_SWAPPED);

  g_settings_bind (self->settings, "body-font-size", self->font_size_button, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "first-line-indent", self->indent_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "import-widen-punctuation", self->widen_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "vertical", self->vertical_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  {
    g_autofree char *paper = g_settings_get_string (self->settings, "page-size");
    g_autofree char *script = g_settings_get_string (self->settings, "default-script");

    g_autofree char *theme = g_settings_get_string (self->settings, "wechat-theme");

    select_string (self->paper_row, paper_names, G_N_ELEMENTS (paper_names), paper);
    select_string (self->script_row, scripts, G_N_ELEMENTS (scripts), script);
    select_string (self->theme_row, themes, G_N_ELEMENTS (themes), theme);
  }

  update_theme_preview (self);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (update_theme_preview), self, G_CONNECT_SWAPPED);

  self->loading--;
}

GtkWindow *
wenji_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (WENJI_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
