/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window in Chinese: the app follows LANG and LANGUAGE, as a user in
 * Beijing or Taipei would start it. Each language runs in a subprocess of
 * its own, because gettext, GTK and Pango read the locale once. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "app-test-harness.h"
#include "wenji-article-pane.h"
#include "wenji-editor.h"

typedef struct {
  const char *locale;        /* LANG, a locale that must exist on the machine */
  const char *language;      /* LANGUAGE */
  const char *screenshot;    /* NULL for none */
  const char *labels[8];     /* shown on screen, as the .po translates them */
  const char *placeholder;   /* of the search entry */
  const char *pango_language;
  const char *cjk_family;    /* the face Noto CJK gives this language */
} Expectation;

static const Expectation zh_cn = {
  "zh_CN.UTF-8", "zh_CN", NULL,
  { "全部文章", "草稿", "待发", "已发表", "回收站", "标签", NULL },
  "搜索文章",
  "zh-cn", "Noto Sans CJK SC",
};

static const Expectation zh_tw = {
  "zh_TW.UTF-8", "zh_TW", "wenji-zh_TW.png",
  { "全部文章", "草稿", "待發", "已發表", "垃圾桶", "標籤", NULL },
  "搜尋文章",
  "zh-tw", "Noto Sans CJK TC",
};

static void
add_article (WenjiLibrary *library,
             const char   *title,
             const char   *body,
             const char   *status,
             const char   *lang,
             const char   *tag)
{
  g_autoptr (GError) error = NULL;
  gint64 id = app_test_add_article (library, title, body, "聯合報", "2026-11-20", status, lang);

  g_assert_true (wenji_library_add_tag (library, id, tag, &error));
  g_assert_no_error (error);
}

/* The mapped labels of @widget and its descendants, one string each. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* The family of the font Pango picks for the first character of @label's
 * text: the UI font has no Han glyphs, so this is the fallback chosen by
 * the label's language. */
static char *
get_han_font_family (GtkWidget *label)
{
  PangoContext *context = gtk_widget_get_pango_context (label);
  PangoFontset *fontset;
  g_autoptr (PangoFont) font = NULL;
  g_autoptr (PangoFontDescription) description = NULL;
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  fontset = pango_context_load_fontset (context, pango_context_get_font_description (context),
                                        pango_context_get_language (context));
  g_assert_nonnull (fontset);
  font = pango_fontset_get_font (fontset, g_utf8_get_char (text));
  description = pango_font_describe (font);
  g_object_unref (fontset);

  return g_strdup (pango_font_description_get_family (description));
}

static gboolean
labels_contain (GPtrArray  *labels,
                const char *text)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (g_ptr_array_index (labels, i), text) == 0)
      return TRUE;

  return FALSE;
}

/* In the subprocess: the start-up of main.c under @expected's LANG and
 * LANGUAGE, with the catalogues of the build tree, then the window. */
static void
show_window_in (const Expectation *expected)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  AppTestFixture fixture = { NULL, };
  WenjiWindow *window;
  GtkWidget *search_entry;

  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_setenv ("LANG", expected->locale, TRUE);
  g_setenv ("LANGUAGE", expected->language, TRUE);

  g_assert_nonnull (setlocale (LC_ALL, ""));
  bindtextdomain (GETTEXT_PACKAGE, WENJI_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_assert_true (app_test_init_gtk ());

  app_test_fixture_open_library (&fixture);
  add_article (fixture.library, "數位時代的閱讀習慣", "在資訊爆炸的時代，深度閱讀顯得格外珍貴。",
               WENJI_STATUS_DRAFT, WENJI_LANG_HANT, "閱讀");
  add_article (fixture.library, "為基層減負的新做法", "各地推動基層減負，讓幹部把時間用在群眾身上。",
               WENJI_STATUS_READY, WENJI_LANG_HANT, "評論");
  add_article (fixture.library, "城市更新要留住烟火气", "老街区的改造，既要改善居住条件，也要留住生活气息。",
               WENJI_STATUS_PUBLISHED, WENJI_LANG_HANS, "评论");

  app_test_fixture_present (&fixture, 1100, 700);
  window = fixture.window;

  /* The window title comes from a .ui file, the sidebar's lists from C. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "文集");

  collect_labels (GTK_WIDGET (window), labels);
  for (guint i = 0; expected->labels[i] != NULL; i++) {
    if (!labels_contain (labels, expected->labels[i])) {
      g_autofree char *shown = NULL;

      g_ptr_array_add (labels, NULL);
      shown = g_strjoinv (" | ", (char **) labels->pdata);
      g_error ("No label “%s” in the %s window; it shows: %s",
               expected->labels[i], expected->language, shown);
    }
  }
  g_assert_false (labels_contain (labels, "All Articles"));
  g_assert_false (labels_contain (labels, "Trash"));

  /* Han characters have regional forms: the labels must be drawn with the
   * face of the user's region, which Pango chooses from the locale. */
  g_assert_cmpstr (pango_language_to_string (pango_language_get_default ()), ==,
                   expected->pango_language);
  {
    GtkWidget *label = app_test_find_label (GTK_WIDGET (window), expected->labels[0]);
    g_autofree char *family = get_han_font_family (label);

    if (g_str_has_prefix (family, "Noto Sans CJK"))
      g_assert_cmpstr (family, ==, expected->cjk_family);
    else
      g_test_message ("Han characters use %s, not Noto CJK (fonts-noto-cjk is not installed?)",
                      family);
  }

  /* The open article is Simplified: its text must get Simplified forms in
   * either locale. GtkTextView shapes with the locale's language, so the
   * editor names the SC face and turns localized forms (locl) off. */
  {
    WenjiEditor *editor = WENJI_EDITOR (app_test_find_widget (GTK_WIDGET (window),
                                                              WENJI_TYPE_EDITOR));
    GtkTextBuffer *buffer = GTK_TEXT_BUFFER (wenji_editor_get_buffer (editor));
    GtkTextIter start;
    GSList *tags;
    gboolean regional = FALSE;

    gtk_text_buffer_get_start_iter (buffer, &start);
    g_assert_cmpint (gtk_text_iter_get_char (&start), ==, g_utf8_get_char ("老"));
    tags = gtk_text_iter_get_tags (&start);
    for (GSList *l = tags; l != NULL; l = l->next) {
      g_autofree char *family = NULL;
      g_autofree char *features = NULL;

      g_object_get (l->data, "family", &family, "font-features", &features, NULL);
      if (family != NULL && strstr (family, "Noto Sans CJK SC") != NULL &&
          g_strcmp0 (features, "locl=0") == 0)
        regional = TRUE;
    }
    g_slist_free (tags);
    g_assert_true (regional);
  }

  search_entry = app_test_find_widget (app_test_find_widget (GTK_WIDGET (window),
                                                            WENJI_TYPE_ARTICLE_PANE),
                                      GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry)), ==, "");
  {
    g_autofree char *placeholder = NULL;

    g_object_get (search_entry, "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, expected->placeholder);
  }

  if (expected->screenshot != NULL)
    app_test_save_screenshot (GTK_WIDGET (window), expected->screenshot);

  app_test_fixture_teardown (&fixture, NULL);
}

static void
test_language (gconstpointer data)
{
  const Expectation *expected = data;
  locale_t locale;

  if (g_test_subprocess ()) {
    show_window_in (expected);
    return;
  }

  /* gettext ignores LANGUAGE under the C locale: without the real locale
   * the test would prove nothing. */
  locale = newlocale (LC_ALL_MASK, expected->locale, (locale_t) 0);
  if (locale == (locale_t) 0) {
    g_autofree char *reason = g_strdup_printf ("The %s locale is not installed "
                                               "(build-aux/install-deps.sh generates it)",
                                               expected->locale);
    g_test_skip (reason);
    return;
  }
  freelocale (locale);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The subprocesses initialise GTK themselves, after setting the locale. */
  if (!g_test_subprocess () && !gtk_init_check ()) {
    g_test_skip ("No display");
    return g_test_run ();
  }

  g_test_add_data_func ("/i18n/zh_CN", &zh_cn, test_language);
  g_test_add_data_func ("/i18n/zh_TW", &zh_tw, test_language);

  return g_test_run ();
}
