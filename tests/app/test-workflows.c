/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's workflows beyond writing: details and tags, batches, trash,
 * export, import and preferences, driven through actions. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "app-test-harness.h"
#include "wenji-article-pane.h"
#include "wenji-import.h"
#include "wenji-metadata-panel.h"
#include "wenji-preferences-window.h"
#include "wenji-settings.h"
#include "wenji-sidebar-row.h"
#include "wenji-window-private.h"

typedef AppTestFixture Fixture;

static GtkWidget *
find_pane (Fixture *fixture)
{
  return app_test_find_widget (GTK_WIDGET (fixture->window), WENJI_TYPE_ARTICLE_PANE);
}

static WenjiEditor *
find_editor (Fixture *fixture)
{
  return WENJI_EDITOR (app_test_find_widget (GTK_WIDGET (fixture->window), WENJI_TYPE_EDITOR));
}

static GtkWidget *
find_metadata_panel (Fixture *fixture)
{
  return app_test_find_widget (GTK_WIDGET (fixture->window), WENJI_TYPE_METADATA_PANEL);
}

static gboolean
strv_has (GStrv        strv,
          const char  *value)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, value);
}

static GStrv
article_tags (WenjiLibrary *library,
              gint64        id)
{
  g_autoptr (GError) error = NULL;
  GStrv tags = wenji_library_get_article_tags (library, id, &error);

  g_assert_no_error (error);
  return tags;
}

static GtkWidget *
find_filter_row (Fixture            *fixture,
                 WenjiArticleFilter  filter)
{
  return app_test_find_sidebar_row (GTK_WIDGET (fixture->window), filter, NULL);
}

static GtkWidget *
find_tag_row (Fixture    *fixture,
              const char *tag)
{
  return app_test_find_sidebar_row (GTK_WIDGET (fixture->window), WENJI_ARTICLE_FILTER_ALL, tag);
}

/* How many tags the sidebar has rows for. */
static guint
count_tag_rows (Fixture *fixture)
{
  g_autoptr (GPtrArray) rows = app_test_find_widgets (GTK_WIDGET (fixture->window),
                                                      WENJI_TYPE_SIDEBAR_ROW);
  guint n = 0;

  for (guint i = 0; i < rows->len; i++) {
    g_autofree char *tag = NULL;

    g_object_get (rows->pdata[i], "tag", &tag, NULL);
    if (tag != NULL)
      n++;
  }

  return n;
}

static guint
row_count (GtkWidget *row)
{
  guint count;

  g_assert_nonnull (row);
  g_object_get (row, "count", &count, NULL);

  return count;
}

/* Chooses the article titled @title in the list, as a click does. */
static void
open_article (Fixture    *fixture,
              const char *title)
{
  g_autoptr (GListModel) list = NULL;
  g_autoptr (GtkSelectionModel) selection = NULL;
  WenjiEditor *editor = find_editor (fixture);

  g_object_get (find_pane (fixture), "article-list", &list, "selection", &selection, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++) {
    g_autoptr (WenjiArticleSummary) summary = g_list_model_get_item (list, i);

    if (g_strcmp0 (wenji_article_summary_get_title (summary), title) == 0) {
      gtk_selection_model_select_item (selection, i, TRUE);
      g_assert_cmpstr (wenji_article_get_title (wenji_editor_get_article (editor)), ==, title);
      return;
    }
  }

  g_error ("No article “%s” in the list", title);
}

static void
count_notify (guint *notified)
{
  (*notified)++;
}

/* Tag through the metadata panel, filter by the tag; edit a detail. */
static void
test_metadata_tag_filter (Fixture       *fixture,
                          gconstpointer  data)
{
  WenjiEditor *editor = find_editor (fixture);
  WenjiMetadataPanel *panel = WENJI_METADATA_PANEL (find_metadata_panel (fixture));
  g_autoptr (GListModel) list = NULL;
  g_autoptr (WenjiArticle) saved = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) tags = NULL;
  g_auto (GStrv) shown = NULL;
  GtkWidget *author;
  gint64 id;

  g_object_get (find_pane (fixture), "article-list", &list, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-metadata",
                                             NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));

  id = wenji_editor_get_article_id (editor);
  g_assert_cmpint (id, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "metadata.add-tag", "s", "社论"));
  tags = article_tags (fixture->library, id);
  g_assert_true (strv_has (tags, "社论"));
  shown = wenji_metadata_panel_dup_tags (panel);
  g_assert_true (strv_has (shown, "社论"));

  /* A detail typed in the panel is saved with the article. */
  author = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (panel),
                                                      WENJI_TYPE_METADATA_PANEL, "author_row"));
  gtk_editable_set_text (GTK_EDITABLE (author), "李明");
  g_assert_true (wenji_metadata_panel_save (panel, &error));
  g_assert_no_error (error);
  saved = wenji_library_load_article (fixture->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_author (saved), ==, "李明");

  app_test_save_screenshot (GTK_WIDGET (fixture->window), "wenji-metadata.png");

  /* The sidebar lists the tag; choosing it narrows the list to the article. */
  app_test_select_sidebar_row (GTK_WIDGET (fixture->window), WENJI_ARTICLE_FILTER_ALL, "社论");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpint (wenji_article_list_get_id (WENJI_ARTICLE_LIST (list), 0), ==, id);

  /* Removing the tag empties the filtered list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "metadata.remove-tag", "s", "社论"));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-metadata",
                                             NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
}

/* Rename and merge tags from the sidebar's actions, as its dialogs do. */
static void
test_rename_merge_tags (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *sidebar = app_test_find_widget (GTK_WIDGET (fixture->window), WENJI_TYPE_SIDEBAR);
  g_autoptr (WenjiArticleList) list = NULL;

  g_object_get (find_pane (fixture), "article-list", &list, NULL);
  app_test_select_sidebar_row (sidebar, WENJI_ARTICLE_FILTER_ALL, "评论");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  g_assert_true (gtk_widget_activate_action (sidebar, "sidebar.rename-tag-confirmed",
                                             "(ss)", "评论", "时评"));
  g_assert_null (find_tag_row (fixture, "评论"));
  g_assert_cmpuint (row_count (find_tag_row (fixture, "时评")), ==, 2);
  /* The list follows the tag under its new name. */
  g_assert_cmpstr (wenji_article_list_get_tag (list), ==, "时评");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  g_assert_true (gtk_widget_activate_action (sidebar, "sidebar.merge-tag-confirmed",
                                             "(ss)", "基层治理", "时评"));
  g_assert_cmpuint (count_tag_rows (fixture), ==, 1);
  g_assert_cmpuint (row_count (find_tag_row (fixture, "时评")), ==, 2);

  g_assert_true (gtk_widget_activate_action (sidebar, "sidebar.delete-tag-confirmed",
                                             "s", "时评"));
  g_assert_cmpuint (count_tag_rows (fixture), ==, 0);
  /* The deleted tag's list gave way to All Articles. */
  g_assert_null (wenji_article_list_get_tag (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

/* The counts of the sidebar's rows follow tagging and untagging. */
static void
test_sidebar_counts (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *panel = find_metadata_panel (fixture);
  g_autoptr (GtkWidget) row = NULL;
  guint notified = 0;

  g_assert_true (gtk_widget_activate_action (window, "win.show-metadata", NULL));

  g_assert_cmpuint (row_count (find_filter_row (fixture, WENJI_ARTICLE_FILTER_ALL)), ==, 3);
  g_assert_cmpuint (row_count (find_filter_row (fixture, WENJI_ARTICLE_FILTER_DRAFT)), ==, 1);
  g_assert_cmpuint (row_count (find_tag_row (fixture, "基层治理")), ==, 1);
  row = g_object_ref (find_tag_row (fixture, "评论"));
  g_assert_cmpuint (row_count (row), ==, 2);
  g_signal_connect_swapped (row, "notify::count", G_CALLBACK (count_notify), &notified);

  /* The untagged draft gets the tag, then loses it: the same row counts. */
  open_article (fixture, "數位時代的閱讀習慣");
  g_assert_true (gtk_widget_activate_action (panel, "metadata.add-tag", "s", "评论"));
  g_assert_true (find_tag_row (fixture, "评论") == row);
  g_assert_cmpuint (row_count (row), ==, 3);
  g_assert_cmpuint (notified, ==, 1);

  g_assert_true (gtk_widget_activate_action (panel, "metadata.remove-tag", "s", "评论"));
  g_assert_cmpuint (row_count (row), ==, 2);
  g_assert_cmpuint (notified, ==, 2);
  g_signal_handlers_disconnect_by_func (row, count_notify, &notified);

  /* A new tag gets a row; when its one article drops it, the row goes. */
  g_assert_true (gtk_widget_activate_action (panel, "metadata.add-tag", "s", "书评"));
  g_assert_cmpuint (row_count (find_tag_row (fixture, "书评")), ==, 1);
  g_assert_cmpuint (row_count (find_tag_row (fixture, "评论")), ==, 2);
  g_assert_true (gtk_widget_activate_action (panel, "metadata.remove-tag", "s", "书评"));
  g_assert_null (find_tag_row (fixture, "书评"));
  g_assert_cmpuint (count_tag_rows (fixture), ==, 2);

  /* Trashing an article counts it in the Trash, and no more under its tags. */
  open_article (fixture, "城市更新要留住烟火气");
  g_assert_true (gtk_widget_activate_action (window, "win.trash", NULL));
  g_assert_cmpuint (row_count (find_filter_row (fixture, WENJI_ARTICLE_FILTER_TRASH)), ==, 1);
  g_assert_cmpuint (row_count (find_filter_row (fixture, WENJI_ARTICLE_FILTER_ALL)), ==, 2);
  g_assert_cmpuint (row_count (find_tag_row (fixture, "评论")), ==, 1);

  g_assert_true (gtk_widget_activate_action (window, "win.show-metadata", NULL));
}

/* A tag typed again with other case, width or spacing is the same tag: one
 * row, which lists every article given it. */
static void
test_tag_spellings (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct {
    const char *title;
    const char *tag;
  } typed[] = {
    { "基层减负不能变成“纸面减负”", "GNOME Shell" },
    { "城市更新要留住烟火气", "  gnome   shell " },
    { "數位時代的閱讀習慣", "ＧＮＯＭＥ　Ｓｈｅｌｌ" },
  };
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *panel = find_metadata_panel (fixture);
  g_autoptr (GListModel) list = NULL;

  g_object_get (find_pane (fixture), "article-list", &list, NULL);
  g_assert_true (gtk_widget_activate_action (window, "win.show-metadata", NULL));
  g_assert_cmpuint (count_tag_rows (fixture), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++) {
    open_article (fixture, typed[i].title);
    g_assert_true (gtk_widget_activate_action (panel, "metadata.add-tag", "s", typed[i].tag));
  }

  /* The row shows the tag as it was first typed, trimmed. */
  g_assert_cmpuint (count_tag_rows (fixture), ==, 3);
  g_assert_cmpuint (row_count (find_tag_row (fixture, "GNOME Shell")), ==, 3);
  g_assert_null (find_tag_row (fixture, "gnome shell"));

  app_test_select_sidebar_row (window, WENJI_ARTICLE_FILTER_ALL, "GNOME Shell");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);

  g_assert_true (gtk_widget_activate_action (window, "win.show-metadata", NULL));
}

/* Several selected: a tag for all, trash all, one Undo brings all back. */
static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *pane = find_pane (fixture);
  g_autoptr (GtkSelectionModel) selection = NULL;
  g_autoptr (WenjiArticleList) list = NULL;
  gint64 first, second;
  g_auto (GStrv) tags1 = NULL;
  g_auto (GStrv) tags2 = NULL;
  g_auto (GStrv) tags3 = NULL;
  gint64 third;
  guint n_selected;

  g_object_get (pane, "selection", &selection, "article-list", &list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  first = wenji_article_list_get_id (list, 0);
  second = wenji_article_list_get_id (list, 1);
  third = wenji_article_list_get_id (list, 2);

  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 1, FALSE);
  g_object_get (pane, "n-selected", &n_selected, NULL);
  g_assert_cmpuint (n_selected, ==, 2);
  /* The editor shows the last one added. */
  g_assert_cmpint (wenji_editor_get_article_id (find_editor (fixture)), ==, second);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.tag-selected-confirmed", "s", "合集"));
  tags1 = article_tags (fixture->library, first);
  tags2 = article_tags (fixture->library, second);
  tags3 = article_tags (fixture->library, third);
  g_assert_true (strv_has (tags1, "合集"));
  g_assert_true (strv_has (tags2, "合集"));
  g_assert_false (strv_has (tags3, "合集"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.trash", NULL));
  g_assert_cmpuint (app_test_count_articles (fixture->library).trash, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpint (wenji_article_list_get_id (list, 0), ==, third);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-trash-batch",
                                             NULL));
  g_assert_cmpuint (app_test_count_articles (fixture->library).trash, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

/* Trash, undo, restore from the Trash, empty the Trash. */
static void
test_empty_trash (Fixture       *fixture,
                  gconstpointer  data)
{
  WenjiEditor *editor = find_editor (fixture);
  g_autoptr (GListModel) list = NULL;
  gint64 id = wenji_editor_get_article_id (editor);

  g_object_get (find_pane (fixture), "article-list", &list, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.trash", NULL));
  g_assert_cmpuint (app_test_count_articles (fixture->library).trash, ==, 1);
  /* Ctrl+Z in the list undoes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-trash-batch",
                                             NULL));
  g_assert_cmpuint (app_test_count_articles (fixture->library).trash, ==, 0);
  g_assert_cmpint (wenji_editor_get_article_id (editor), ==, id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.trash", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.trash", NULL));
  app_test_select_sidebar_row (GTK_WIDGET (fixture->window), WENJI_ARTICLE_FILTER_TRASH, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.empty-trash-confirmed", NULL));
  g_assert_cmpuint (app_test_count_articles (fixture->library).trash, ==, 0);
  g_assert_cmpuint (app_test_count_articles (fixture->library).all, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_null (wenji_editor_get_article (editor));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *pane = find_pane (fixture);
  WenjiArticle *article = wenji_editor_get_article (find_editor (fixture));
  g_autoptr (GtkSelectionModel) selection = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *html = NULL;
  g_autofree char *book = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *index = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr (GError) error = NULL;
  guint n_selected;
  int status;

  g_object_get (pane, "selection", &selection, NULL);
  pdf = app_test_export (fixture, "pdf", "article.pdf", TRUE);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  if (pdftotext != NULL) {
    const char *argv[] = { pdftotext, "-q", pdf, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &text, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, wenji_article_get_title (article)));
  }

  html = app_test_export (fixture, "html", "article.html", FALSE);
  g_assert_true (g_file_test (html, G_FILE_TEST_IS_REGULAR));

  /* Several selected: one book, or a folder of HTML. */
  gtk_selection_model_select_all (selection);
  g_object_get (pane, "n-selected", &n_selected, NULL);
  g_assert_cmpuint (n_selected, ==, 3);
  book = app_test_export (fixture, "pdf", "book.pdf", FALSE);
  g_assert_true (g_file_test (book, G_FILE_TEST_IS_REGULAR));
  folder = app_test_export (fixture, "html", "articles", FALSE);
  index = g_build_filename (folder, "index.html", NULL);
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* A folder through the import function, then a file dropped on the window. */
static void
test_import_folder (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GListModel) list = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "来稿", NULL);
  g_autofree char *dropped = g_build_filename (fixture->dir, "投稿.md", NULL);
  const char *paths[] = { folder, NULL };
  g_autoptr (GFile) file = NULL;
  GdkFileList *files;
  GSList *file_list;
  GValue value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  g_autoptr (GListModel) controllers = NULL;
  gboolean handled = FALSE;
  GtkWidget *cancel;

  g_object_get (find_pane (fixture), "article-list", &list, NULL);
  cancel = app_test_find_actionable (GTK_WIDGET (fixture->window), "win.cancel-import");
  g_assert_false (gtk_widget_get_sensitive (cancel));
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  write_file (folder, "一.txt", "乡村振兴的新路径\n\n各地探索乡村振兴的新路径，发展特色产业。\n");
  write_file (folder, "二.md", "# 教育公平再思考\n\n教育公平是社会公平的重要基础。\n");
  write_file (folder, "三.txt", "老城区的烟火气\n\n改造老城区，要留住烟火气。\n");

  wenji_window_import_paths (fixture->window, paths);
  /* The import bar offers to cancel while it runs, and no more after. */
  g_assert_true (gtk_widget_get_sensitive (cancel));
  app_test_wait_for_property (list, "n-items", 3 + 3);
  g_assert_false (gtk_widget_get_sensitive (cancel));
  g_assert_true (app_test_list_has_title (list, "乡村振兴的新路径"));
  g_assert_true (app_test_list_has_title (list, "教育公平再思考"));

  /* A drop goes through the window's drop target. */
  write_file (fixture->dir, "投稿.md", "# 数字时代的阅读\n\n深度阅读显得格外珍贵。\n");
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++) {
    g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

    if (GTK_IS_DROP_TARGET (controller))
      target = GTK_DROP_TARGET (controller);
  }
  g_assert_nonnull (target);

  file = g_file_new_for_path (dropped);
  file_list = g_slist_prepend (NULL, file);
  files = gdk_file_list_new_from_list (file_list);
  g_slist_free (file_list);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);
  g_assert_true (gtk_widget_get_sensitive (cancel));
  app_test_wait_for_property (list, "n-items", 3 + 4);
  g_assert_false (gtk_widget_get_sensitive (cancel));
  g_assert_true (app_test_list_has_title (list, "数字时代的阅读"));
}

/* The script chosen in the preferences is the language of new articles. */
static void
assert_font_button (GtkWindow  *preferences,
                    const char *name,
                    const char *family)
{
  GtkFontChooser *button =
    GTK_FONT_CHOOSER (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                     WENJI_TYPE_PREFERENCES_WINDOW, name));
  PangoFontFamily *chosen = gtk_font_chooser_get_font_family (button);

  g_assert_nonnull (chosen);
  g_assert_cmpstr (pango_font_family_get_name (chosen), ==, family);
}

static void
test_preferences_script (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GSettings) settings = wenji_settings_new ();
  WenjiEditor *editor = find_editor (fixture);
  GtkWindow *preferences;
  AdwComboRow *script_row;

  g_assert_nonnull (settings);
  /* win.preferences presents one; this test drives its own. */
  preferences = GTK_WINDOW (wenji_preferences_window_new (GTK_WINDOW (fixture->window)));
  gtk_window_present (preferences);
  app_test_wait_for_frame (GTK_WIDGET (preferences));

  script_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                             WENJI_TYPE_PREFERENCES_WINDOW,
                                                             "script_row"));
  /* No font chosen: the buttons name the fonts new articles get. */
  assert_font_button (preferences, "body_font_button", "Noto Serif CJK SC");
  assert_font_button (preferences, "heading_font_button", "Noto Sans CJK SC");

  adw_combo_row_set_selected (script_row, 1);
  g_assert_cmpstr (g_settings_get_string (settings, "default-script"), ==, "zh-Hant");
  assert_font_button (preferences, "body_font_button", "Noto Serif CJK TC");
  assert_font_button (preferences, "heading_font_button", "Noto Sans CJK TC");
  /* The combo row's popover closed; the screenshot waits for the window to draw again. */
  app_test_save_screenshot (GTK_WIDGET (preferences), "wenji-preferences.png");
  gtk_window_destroy (preferences);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-article",
                                             NULL));
  g_assert_cmpstr (wenji_article_get_lang (wenji_editor_get_article (editor)), ==, "zh-Hant");

  g_settings_reset (settings, "default-script");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-article",
                                             NULL));
  g_assert_cmpstr (wenji_article_get_lang (wenji_editor_get_article (editor)), ==, "zh-Hans");
}

static gboolean
filter_takes (GtkFilter  *filter,
              const char *name,
              const char *content_type)
{
  g_autoptr (GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);
  if (content_type != NULL)
    g_file_info_set_content_type (info, content_type);

  return gtk_filter_match (filter, info);
}

/* The import dialog offers every file the importer takes, by suffix in any
 * case and by type, and nothing else. */
static void
test_import_filter (void)
{
  g_autoptr (GtkFileFilter) filter = wenji_window_new_import_filter ();
  const WenjiImportFormat *format;

  for (guint i = 0; (format = wenji_import_format_get (i)) != NULL; i++) {
    g_autofree char *name = g_strdup_printf ("文章.%s", format->suffix);
    g_autofree char *upper = g_ascii_strup (name, -1);

    g_assert_true (filter_takes (GTK_FILTER (filter), name, NULL));
    g_assert_true (filter_takes (GTK_FILTER (filter), upper, NULL));
    g_assert_true (filter_takes (GTK_FILTER (filter), "无后缀", format->mime_type));
  }
  g_assert_false (filter_takes (GTK_FILTER (filter), "照片.png", "image/png"));
  g_assert_false (filter_takes (GTK_FILTER (filter), "文稿.docx", NULL));
}

int
main (int   argc,
      char *argv[])
{
  if (!app_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add ("/workflows/metadata-tag-filter", Fixture, app_test_fill_library,
              app_test_fixture_setup, test_metadata_tag_filter, app_test_fixture_teardown);
  g_test_add ("/workflows/rename-merge-tags", Fixture, app_test_fill_library,
              app_test_fixture_setup, test_rename_merge_tags, app_test_fixture_teardown);
  g_test_add ("/workflows/sidebar-counts", Fixture, app_test_fill_library,
              app_test_fixture_setup, test_sidebar_counts, app_test_fixture_teardown);
  g_test_add ("/workflows/tag-spellings", Fixture, app_test_fill_library,
              app_test_fixture_setup, test_tag_spellings, app_test_fixture_teardown);
  g_test_add ("/workflows/batch-tag-trash-undo", Fixture, app_test_fill_library,
              app_test_fixture_setup, test_batch, app_test_fixture_teardown);
  g_test_add ("/workflows/trash-undo-restore-empty", Fixture, app_test_fill_library,
              app_test_fixture_setup, test_empty_trash, app_test_fixture_teardown);
  g_test_add ("/workflows/export", Fixture, app_test_fill_library,
              app_test_fixture_setup, test_export, app_test_fixture_teardown);
  g_test_add ("/workflows/import-folder-and-drop", Fixture, app_test_fill_library,
              app_test_fixture_setup, test_import_folder, app_test_fixture_teardown);
  g_test_add ("/workflows/preferences-script", Fixture, app_test_fill_library,
              app_test_fixture_setup, test_preferences_script, app_test_fixture_teardown);
  g_test_add_func ("/workflows/import-filter", test_import_filter);

  return g_test_run ();
}
