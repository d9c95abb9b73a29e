/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page preferences (fonts, body size, page size, first-line indent)
 * reach the preview at once and the files the export dialog writes; the
 * fonts are read back from the PDFs with pdffonts. */
#include "config.h"

#include <string.h>
#include <cairo-pdf.h>

#include "app-test-harness.h"
#include "test-scratch.h"
#include "wenji-article-pane.h"
#include "wenji-preferences-window.h"
#include "wenji-preview.h"
#include "wenji-settings.h"

static const char * const page_keys[] = {
  "page-size", "body-font-size", "first-line-indent", "body-font", "heading-font",
  "import-widen-punctuation", "wechat-theme",
};

typedef struct {
  AppTestFixture  base;
  GSettings      *settings;
  WenjiPreview   *preview;
} Fixture;

/* A Simplified article of a few A4 pages, Latin words among the Han text. */
static void
fill_library (WenjiLibrary *library)
{
  g_autoptr (GString) body = g_string_new ("## 第一节 Wenji 与长江\n\n");

  for (guint i = 0; i < 30; i++)
    g_string_append (body, "长江是中华民族的母亲河，也是中华民族发展的重要支撑。Wenji keeps "
                           "the articles. 十年来，从国家到沿江省市，把修复长江生态环境摆在压倒性"
                           "位置，共抓大保护、不搞大开发。\n\n");

  app_test_add_article (library, "共护一江水 Wenji", body->str, "人民日报", "2026-11-20",
                        NULL, WENJI_LANG_HANS);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  WenjiEditor *editor;

  fixture->settings = wenji_settings_new ();
  g_assert_nonnull (fixture->settings);

  app_test_fixture_open_library (&fixture->base);
  fill_library (fixture->base.library);
  app_test_fixture_present (&fixture->base, 1400, 900);

  editor = WENJI_EDITOR (app_test_find_widget (GTK_WIDGET (fixture->base.window),
                                               WENJI_TYPE_EDITOR));
  g_assert_nonnull (wenji_editor_get_article (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.view-mode",
                                             "s", "preview"));
  app_test_wait_for_editor (editor);
  fixture->preview = wenji_editor_get_preview (editor);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_keys); i++)
    g_settings_reset (fixture->settings, page_keys[i]);
  g_clear_object (&fixture->settings);
  app_test_fixture_teardown (&fixture->base, data);
}

/* What @tool (pdffonts, pdfinfo) says of the PDF at @path, in lower case. */
static char *
read_pdf (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, NULL };
  g_autofree char *out = scratch_run_tool (argv);

  g_test_message ("%s", out);
  return g_ascii_strdown (out, -1);
}

/* The fonts of the first page the preview shows, drawn into a PDF. */
static char *
preview_fonts (Fixture *fixture)
{
  WenjiPageLayout *layout = wenji_preview_get_layout (fixture->preview);
  g_autofree char *path = g_build_filename (fixture->base.dir, "preview.pdf", NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  wenji_page_layout_get_page_size (layout, &width, &height);
  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  wenji_page_layout_draw_page (layout, cr, 0);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return read_pdf ("pdffonts", path);
}

static gboolean
preview_follows_settings (gpointer data)
{
  Fixture *fixture = data;
  WenjiPageLayout *layout = wenji_preview_get_layout (fixture->preview);
  WenjiPageSetup setup;

  wenji_settings_get_page_setup (fixture->settings, &setup);

  return wenji_page_setup_equal (&setup, wenji_page_layout_get_setup (layout));
}

/* Runs the main loop until the preview has laid its pages out in the page
 * setup of the preferences. */
static void
wait_for_preview (Fixture *fixture)
{
  app_test_wait_until (preview_follows_settings, fixture, "the preview to follow the preferences");
}

static void
set_string (Fixture    *fixture,
            const char *key,
            const char *value)
{
  g_assert_true (g_settings_set_string (fixture->settings, key, value));
  wait_for_preview (fixture);
}

/* Each page preference changes the preview's pages while it shows. */
static void
test_preview_follows (Fixture       *fixture,
                      gconstpointer  data)
{
  WenjiPageLayout *layout = wenji_preview_get_layout (fixture->preview);
  guint a4_pages = wenji_preview_get_n_pages (fixture->preview);
  g_autofree char *default_fonts = preview_fonts (fixture);
  g_autofree char *chosen_fonts = NULL;
  double width, height;

  g_assert_cmpuint (a4_pages, >=, 2);
  wenji_page_layout_get_page_size (layout, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.3, 0.1);
  g_assert_nonnull (strstr (default_fonts, "notoserifcjksc"));
  g_assert_null (strstr (default_fonts, "dejavu"));

  set_string (fixture, "page-size", "a5");
  wenji_page_layout_get_page_size (layout, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 419.5, 0.1);
  g_assert_cmpfloat_with_epsilon (height, 595.3, 0.1);
  g_assert_cmpuint (wenji_preview_get_n_pages (fixture->preview), >, a4_pages);

  g_settings_reset (fixture->settings, "page-size");
  wait_for_preview (fixture);
  g_assert_cmpuint (wenji_preview_get_n_pages (fixture->preview), ==, a4_pages);
  g_assert_true (g_settings_set_double (fixture->settings, "body-font-size", 16));
  wait_for_preview (fixture);
  g_assert_cmpfloat (wenji_page_layout_get_setup (layout)->font_size, ==, 16);
  g_assert_cmpuint (wenji_preview_get_n_pages (fixture->preview), >, a4_pages);

  /* A Latin font: Latin text in it, Han text still in the Simplified Noto
   * font, never the Japanese one. */
  set_string (fixture, "body-font", "DejaVu Serif");
  set_string (fixture, "heading-font", "DejaVu Sans");
  chosen_fonts = preview_fonts (fixture);
  g_assert_nonnull (strstr (chosen_fonts, "dejavuserif"));
  g_assert_nonnull (strstr (chosen_fonts, "dejavusans"));
  g_assert_nonnull (strstr (chosen_fonts, "notoserifcjksc"));
  g_assert_null (strstr (chosen_fonts, "cjkjp"));

  app_test_save_screenshot (GTK_WIDGET (fixture->base.window), "wenji-preview-fonts.png");
}

/* The export dialog writes with the fonts and page size of the preferences. */
static void
test_export_uses_preferences (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *info = NULL;
  g_autofree char *html_path = NULL;
  g_autofree char *html = NULL;
  g_autoptr (GError) error = NULL;

  set_string (fixture, "page-size", "a5");
  set_string (fixture, "body-font", "DejaVu Serif");
  set_string (fixture, "heading-font", "DejaVu Sans");

  pdf = app_test_export (&fixture->base, "pdf", "article.pdf", FALSE);
  fonts = read_pdf ("pdffonts", pdf);
  g_assert_nonnull (strstr (fonts, "dejavuserif"));
  g_assert_nonnull (strstr (fonts, "dejavusans"));
  g_assert_nonnull (strstr (fonts, "notoserifcjksc"));
  g_assert_null (strstr (fonts, "cjkjp"));
  info = read_pdf ("pdfinfo", pdf);
  g_assert_nonnull (strstr (info, "page size:       419.528 x 595.276 pts"));

  html_path = app_test_export (&fixture->base, "html", "article.html", FALSE);
  g_assert_true (g_file_get_contents (html_path, &html, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "html:lang(zh-Hans) body { font-family: "
                                 "\"Wenji Punctuation Serif SC\", "
                                 "\"DejaVu Serif\", \"Noto Serif CJK SC\""));
  g_assert_nonnull (strstr (html, "font-family: \"Wenji Punctuation Sans SC\", "
                                 "\"DejaVu Sans\", \"Noto Sans CJK SC\""));
}

typedef struct {
  GListModel *list;
  const char *title;
} Listed;

static gboolean
is_listed (gpointer data)
{
  Listed *listed = data;

  return app_test_list_has_title (listed->list, listed->title);
}

/* Imports a text file titled @title through the window and returns the
 * article as the list shows it. */
static WenjiArticle *
import_text (Fixture    *fixture,
             const char *title,
             const char *body)
{
  g_autofree char *name = g_strdup_printf ("%s.txt", title);
  g_autofree char *path = g_build_filename (fixture->base.dir, name, NULL);
  g_autofree char *text = g_strdup_printf ("%s\n%s\n", title, body);
  g_autoptr (GListModel) list = NULL;
  const char *paths[] = { path, NULL };
  Listed listed = { NULL, title };

  g_object_get (app_test_find_widget (GTK_WIDGET (fixture->base.window), WENJI_TYPE_ARTICLE_PANE),
                "article-list", &list, NULL);
  listed.list = list;
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  wenji_window_import_paths (fixture->base.window, paths);
  app_test_wait_until (is_listed, &listed, "the imported article in the list");

  for (guint i = 0; i < g_list_model_get_n_items (list); i++) {
    g_autoptr (WenjiArticleSummary) summary = g_list_model_get_item (list, i);

    if (g_strcmp0 (wenji_article_summary_get_title (summary), title) == 0)
      return wenji_library_load_article (fixture->base.library,
                                         wenji_article_summary_get_id (summary), NULL);
  }
  g_assert_not_reached ();
}

/* The import preference: on by default, punctuation between Chinese
 * characters is widened and the history keeps the text as it came; off,
 * the text stays as it was. */
static void
test_import_punctuation (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (WenjiArticle) widened = NULL;
  g_autoptr (WenjiArticle) kept = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_settings_get_boolean (fixture->settings, "import-widen-punctuation"));
  widened = import_text (fixture, "全角", "近年来,从中央到地方,纷纷出台措施。");
  g_assert_true (g_str_equal (wenji_article_get_body (widened), "近年来，从中央到地方，纷纷出台措施。"));
  revisions = wenji_library_list_revisions (fixture->base.library,
                                            wenji_article_get_id (widened), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_assert_true (g_str_equal (wenji_revision_get_body (revisions->pdata[0]),
                              "近年来,从中央到地方,纷纷出台措施。"));

  g_assert_true (g_settings_set_boolean (fixture->settings, "import-widen-punctuation", FALSE));
  kept = import_text (fixture, "半角", "基层减负,久久为功。");
  g_assert_true (g_str_equal (wenji_article_get_body (kept), "基层减负,久久为功。"));
}

typedef struct {
  char     *mime_type;
  GBytes   *bytes;
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
on_stream_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr (GError) error = NULL;

  read->bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) stream = NULL;
  const char *mime_type = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &mime_type, &error);
  g_assert_no_error (error);
  read->mime_type = g_strdup (mime_type);
  g_input_stream_read_bytes_async (stream, 4 * 1024 * 1024, G_PRIORITY_DEFAULT, NULL,
                                   on_stream_read, read);
}

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr (GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

/* Copy for WeChat puts the fragment on the clipboard as text/html, in the
 * theme of the preferences, and the plain text beside it. */
static void
test_copy_wechat (Fixture       *fixture,
                  gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->base.window));
  WenjiEditor *editor = WENJI_EDITOR (app_test_find_widget (GTK_WIDGET (fixture->base.window),
                                                          WENJI_TYPE_EDITOR));
  const char *html_types[] = { "text/html", NULL };
  ClipboardRead html = { 0 };
  ClipboardRead text = { 0 };
  WenjiPageSetup setup;
  g_autofree char *expected_html = NULL;
  g_autofree char *expected_text = NULL;

  g_assert_true (g_settings_set_string (fixture->settings, "wechat-theme", "fresh"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->base.window), "win.copy-wechat",
                                             NULL));

  wenji_settings_get_export_setup (fixture->settings, wenji_export_format_lookup ("wechat"),
                                   &setup);
  g_assert_cmpint (setup.theme, ==, WENJI_THEME_FRESH);
  expected_html = wenji_wechat_writer_render_article (&setup, wenji_editor_get_article (editor));
  expected_text = wenji_wechat_writer_render_text (wenji_editor_get_article (editor));
  g_assert_nonnull (strstr (expected_html, "#0E7C7B"));

  gdk_clipboard_read_async (clipboard, html_types, G_PRIORITY_DEFAULT, NULL,
                            on_clipboard_read, &html);
  app_test_wait_until (read_done, &html, "the clipboard's HTML");
  g_assert_cmpstr (html.mime_type, ==, "text/html");
  g_assert_cmpuint (g_bytes_get_size (html.bytes), ==, strlen (expected_html));
  g_assert_true (memcmp (g_bytes_get_data (html.bytes, NULL), expected_html,
                         strlen (expected_html)) == 0);

  gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, &text);
  app_test_wait_until (read_done, &text, "the clipboard's text");
  g_assert_true (g_str_equal (text.text, expected_text));
  g_assert_true (g_str_has_prefix (text.text, "共护一江水 Wenji\n\n"));

  g_free (html.mime_type);
  g_bytes_unref (html.bytes);
  g_free (text.text);
}

/* The theme row sets the key, and the preview beside it lays its sample
 * out in the theme at once. */
static void
test_theme_preview (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWindow *preferences = wenji_preferences_window_new (GTK_WINDOW (fixture->base.window));
  AdwComboRow *theme_row;
  WenjiPreview *preview;
  WenjiPageLayout *layout;

  gtk_window_set_default_size (preferences, 520, 1000);
  gtk_window_present (preferences);
  theme_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                            WENJI_TYPE_PREFERENCES_WINDOW,
                                                            "theme_row"));
  preview = WENJI_PREVIEW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                          WENJI_TYPE_PREFERENCES_WINDOW,
                                                          "theme_preview"));
  layout = wenji_preview_get_layout (preview);
  g_assert_cmpint (wenji_page_layout_get_setup (layout)->theme, ==, WENJI_THEME_HOUSE);
  g_assert_cmpuint (wenji_preview_get_n_pages (preview), ==, 1);

  /* Down to the preview, for the screenshots. */
  {
    GtkScrolledWindow *scroller =
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (theme_row),
                                                    GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

    app_test_wait_for_frame (GTK_WIDGET (preferences));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }

  adw_combo_row_set_selected (theme_row, 1);
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "wechat-theme"), ==, "fresh");
  g_assert_cmpint (wenji_page_layout_get_setup (layout)->theme, ==, WENJI_THEME_FRESH);
  app_test_wait_for_frame (GTK_WIDGET (preview));
  app_test_save_screenshot (GTK_WIDGET (preferences), "wenji-theme-fresh.png");

  adw_combo_row_set_selected (theme_row, 2);
  g_assert_cmpint (wenji_page_layout_get_setup (layout)->theme, ==, WENJI_THEME_INK);
  app_test_wait_for_frame (GTK_WIDGET (preview));
  app_test_save_screenshot (GTK_WIDGET (preferences), "wenji-theme-ink.png");

  gtk_window_destroy (preferences);
}

int
main (int   argc,
      char *argv[])
{
  if (!app_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add ("/preferences/preview-follows", Fixture, NULL,
              fixture_setup, test_preview_follows, fixture_teardown);
  g_test_add ("/preferences/export-uses-preferences", Fixture, NULL,
              fixture_setup, test_export_uses_preferences, fixture_teardown);
  g_test_add ("/preferences/import-punctuation", Fixture, NULL,
              fixture_setup, test_import_punctuation, fixture_teardown);
  g_test_add ("/preferences/copy-wechat", Fixture, NULL,
              fixture_setup, test_copy_wechat, fixture_teardown);
  g_test_add ("/preferences/theme-preview", Fixture, NULL,
              fixture_setup, test_theme_preview, fixture_teardown);

  return g_test_run ();
}
