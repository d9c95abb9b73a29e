/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window, driven through its actions as a user would. */
#include "config.h"

#include "app-test-harness.h"
#include "wenji-article-pane.h"
#include "wenji-metadata-panel.h"
#include "wenji-search-result.h"
#include "wenji-status-label.h"

typedef AppTestFixture Fixture;

/* The articles of app_test_fill_library(), and more about 减负 in both scripts. */
static void
fill_search_library (WenjiLibrary *library)
{
  app_test_fill_library (library);

  app_test_add_article (library, "為基層減負的新做法",
                        "各地推動基層減負，讓幹部把時間用在群眾身上，而不是填表與開會。",
                        "聯合報", "2026-11-12", WENJI_STATUS_READY, WENJI_LANG_HANT);
  app_test_add_article (library, "作风建设观察",
                        "作风建设要落到实处，真正为基层减负，而不是层层加码、重复检查。",
                        "新华社", "2026-11-10", WENJI_STATUS_PUBLISHED, WENJI_LANG_HANS);
}

/* The first selected row, as GtkSingleSelection would say. */
static guint
get_selected (GtkMultiSelection *selection)
{
  g_autoptr (GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (selection));

  return gtk_bitset_is_empty (selected) ? GTK_INVALID_LIST_POSITION
                                        : gtk_bitset_get_minimum (selected);
}

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

/* What the list pane shows: "list", "empty", "results" or "no-results". */
static void
assert_list_page (GtkWidget  *pane,
                  const char *page)
{
  g_autofree char *shown = NULL;

  g_object_get (pane, "page", &shown, NULL);
  g_assert_cmpstr (shown, ==, page);
}

/* What the window shows, from its stack of pages: "welcome" for an empty
 * library, "library" otherwise. */
static const char *
window_page (Fixture *fixture)
{
  g_autoptr (GPtrArray) stacks = app_test_find_widgets (GTK_WIDGET (fixture->window),
                                                        GTK_TYPE_STACK);

  for (guint i = 0; i < stacks->len; i++) {
    if (gtk_stack_get_child_by_name (stacks->pdata[i], "welcome") != NULL)
      return gtk_stack_get_visible_child_name (stacks->pdata[i]);
  }

  g_assert_not_reached ();
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
editor_saved (gpointer editor)
{
  return !wenji_editor_get_dirty (editor);
}

/* Chooses the article @id in the list, as a click does. */
static void
choose_article (Fixture *fixture,
                gint64   id)
{
  g_autoptr (WenjiArticleList) list = NULL;
  g_autoptr (GtkSelectionModel) selection = NULL;
  guint position;

  g_object_get (find_pane (fixture), "article-list", &list, "selection", &selection, NULL);
  g_assert_true (wenji_article_list_find (list, id, &position));
  g_assert_true (gtk_selection_model_select_item (selection, position, TRUE));
}

/* The markup of the snippet labels on screen, one a line. */
static void
collect_snippets (GtkWidget *widget,
                  GString   *markup)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "snippet") &&
      gtk_widget_get_mapped (widget)) {
    g_string_append (markup, gtk_label_get_label (GTK_LABEL (widget)));
    g_string_append_c (markup, '\n');
  }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_snippets (child, markup);
}

static gboolean
results_have_title (GListModel *model,
                    const char *title,
                    guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++) {
    g_autoptr (WenjiSearchResult) result = g_list_model_get_item (model, i);

    if (g_strcmp0 (wenji_search_result_get_title (result), title) == 0) {
      if (position != NULL)
        *position = i;
      return TRUE;
    }
  }

  return FALSE;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *pane = find_pane (fixture);
  WenjiEditor *editor = find_editor (fixture);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (wenji_editor_get_buffer (editor));
  GtkEditable *entry = GTK_EDITABLE (app_test_find_widget (pane, GTK_TYPE_SEARCH_ENTRY));
  g_autoptr (GtkSingleSelection) results = NULL;
  g_autoptr (GtkMultiSelection) selection = NULL;
  g_autoptr (WenjiArticleList) list = NULL;
  g_autoptr (GString) snippets = g_string_new (NULL);
  g_autoptr (WenjiArticle) stored = NULL;
  g_autoptr (GError) error = NULL;
  gboolean search_mode;
  GtkTextIter end;
  guint position;
  gint64 edited;

  g_object_get (pane, "search-results", &results, "selection", &selection,
                "article-list", &list, NULL);
  assert_list_page (pane, "list");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (entry)));

  /* Ctrl+F: the entry shows and takes the keys. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  app_test_wait_until (is_mapped, entry, "the search entry to show");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->window)),
                                         GTK_WIDGET (entry)));

  /* An unsaved edit in the open article, to be saved when a result opens. */
  edited = wenji_editor_get_article_id (editor);
  g_assert_cmpint (edited, >, 0);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n\n搜索之前写的。", -1);
  g_assert_true (wenji_editor_get_dirty (editor));

  /* A Traditional query finds the articles of both scripts, and only those. */
  gtk_editable_set_text (entry, "減負");
  app_test_wait_for_property (pane, "page", "results");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 3);
  g_assert_nonnull (app_test_find_label (pane, "3 articles"));
  g_assert_true (results_have_title (G_LIST_MODEL (results), "基层减负不能变成“纸面减负”", NULL));
  g_assert_true (results_have_title (G_LIST_MODEL (results), "作风建设观察", NULL));
  g_assert_true (results_have_title (G_LIST_MODEL (results), "為基層減負的新做法", &position));

  /* The snippets mark the match in each article's own script, in the rows
   * the list made for the results. */
  app_test_wait_for_frame (pane);
  collect_snippets (GTK_WIDGET (fixture->window), snippets);
  g_test_message ("Snippets:\n%s", snippets->str);
  g_assert_nonnull (strstr (snippets->str, "\">减负</span>"));
  g_assert_nonnull (strstr (snippets->str, "\">減負</span>"));
  g_assert_null (strchr (snippets->str, '\x02'));

  /* Selecting a result opens it, after saving the article open before. */
  gtk_single_selection_set_selected (results, position);
  g_assert_cmpstr (wenji_article_get_title (wenji_editor_get_article (editor)), ==,
                   "為基層減負的新做法");
  g_assert_false (wenji_editor_get_dirty (editor));
  stored = wenji_library_load_article (fixture->library, edited, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (wenji_article_get_body (stored), "搜索之前写的。"));

  app_test_save_screenshot (GTK_WIDGET (fixture->window), "wenji-search.png");

  /* The saved edit went through the library; the results stay, the selection too. */
  app_test_wait_for_property (pane, "page", "results");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 3);

  /* A query that matches nothing says so. */
  gtk_editable_set_text (entry, "不存在的词语");
  app_test_wait_for_property (pane, "page", "no-results");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 0);
  g_assert_cmpstr (wenji_article_get_title (wenji_editor_get_article (editor)), ==,
                   "為基層減負的新做法");

  /* An empty query brings back the whole list, with the open article selected. */
  gtk_editable_set_text (entry, "");
  app_test_wait_for_property (pane, "page", "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 5);
  g_assert_true (wenji_article_list_find (list, wenji_editor_get_article_id (editor), &position));
  g_assert_cmpuint (get_selected (selection), ==, position);

  /* Escape closes the search bar and leaves the list as it is. */
  gtk_editable_set_text (entry, "减负");
  app_test_wait_for_property (pane, "page", "results");
  g_signal_emit_by_name (entry, "stop-search");
  app_test_wait_for_property (pane, "page", "list");
  g_object_get (pane, "search-mode", &search_mode, NULL);
  g_assert_false (search_mode);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 0);

  /* So does Escape in the results, through win.close-search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  gtk_editable_set_text (entry, "减负");
  app_test_wait_for_property (pane, "page", "results");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.close-search",
                                             NULL));
  assert_list_page (pane, "list");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpstr (wenji_article_get_title (wenji_editor_get_article (editor)), ==,
                   "為基層減負的新做法");
}

static gboolean
results_reach_limit (gpointer results)
{
  return g_list_model_get_n_items (G_LIST_MODEL (results)) == 200;
}

static gboolean
shows_one_article (gpointer pane)
{
  return app_test_find_label (GTK_WIDGET (pane), "1 article") != NULL;
}

/* More articles with 国 than a search ranks and counts exactly. */
static void
fill_many_library (WenjiLibrary *library)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (wenji_library_begin (library, &error));
  for (guint i = 0; i < 4500; i++) {
    g_autofree char *title = g_strdup_printf ("第%u篇", i);

    app_test_add_article (library, title, "我国经济稳中向好。", NULL, NULL, NULL,
                          WENJI_LANG_HANS);
  }
  g_assert_true (wenji_library_commit (library, &error));
}

/* What the results showed each time they changed: how many, and whether
 * the count above them was already there. */
typedef struct {
  GtkWidget  *pane;
  GListModel *results;
  const char *count;
  const char *title;
  GArray     *sizes;
  GArray     *counted;
} ResultsSeen;

static gboolean
results_show_title (gpointer data)
{
  ResultsSeen *seen = data;

  return results_have_title (seen->results, seen->title, NULL);
}

static void
on_results_changed (GListModel  *results,
                    guint        position,
                    guint        removed,
                    guint        added,
                    ResultsSeen *seen)
{
  guint n = g_list_model_get_n_items (results);
  gboolean counted = app_test_find_label (seen->pane, seen->count) != NULL;

  g_array_append_val (seen->sizes, n);
  g_array_append_val (seen->counted, counted);
}

/* Types @text over what @entry holds, as a user does, without the empty
 * entry in between that gtk_editable_set_text() goes through, which would
 * close the search; then runs the search at once instead of after the
 * entry's delay. */
static void
type_over (GtkEditable *entry,
           const char  *text)
{
  int old_length = g_utf8_strlen (gtk_editable_get_text (entry), -1);
  int position = old_length;

  gtk_editable_insert_text (entry, text, -1, &position);
  gtk_editable_delete_text (entry, 0, old_length);
  g_signal_emit_by_name (entry, "search-changed");
}

static void
test_search_many (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *pane = find_pane (fixture);
  GtkEditable *entry = GTK_EDITABLE (app_test_find_widget (pane, GTK_TYPE_SEARCH_ENTRY));
  g_autoptr (GtkSingleSelection) results = NULL;
  g_autofree char *about = g_strdup_printf ("About %'d articles", 4500);
  g_autoptr (GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) counted = g_array_new (FALSE, FALSE, sizeof (gboolean));
  ResultsSeen seen = { pane, NULL, about, NULL, sizes, counted };
  gulong handler;

  g_object_get (pane, "search-results", &results, NULL);
  seen.results = G_LIST_MODEL (results);
  handler = g_signal_connect (results, "items-changed", G_CALLBACK (on_results_changed), &seen);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));

  /* One character in every article: the best two hundred show, and the
   * count is estimated, and says so, the number as the locale writes
   * numbers (4,500 in English). The first twenty show first, alone, with
   * the count; the others come after them. */
  gtk_editable_set_text (entry, "国");
  app_test_wait_for_property (pane, "page", "results");
  app_test_wait_until (results_reach_limit, results, "the best 200 results");
  g_assert_nonnull (app_test_find_label (pane, about));
  g_assert_cmpuint (sizes->len, ==, 2);
  g_assert_cmpuint (g_array_index (sizes, guint, 0), ==, 20);
  g_assert_cmpuint (g_array_index (sizes, guint, 1), ==, 200);
  g_assert_true (g_array_index (counted, gboolean, 1));

  /* Typing never waits for a query: the entry hands the query to a worker
   * thread and returns, the last results staying until the new ones come. */
  g_array_set_size (sizes, 0);
  type_over (entry, "第12篇");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 200);
  g_assert_cmpuint (sizes->len, ==, 0);

  /* A query with fewer matches has its exact count. */
  app_test_wait_until (shows_one_article, pane, "the count of one article");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 1);

  /* Typed past before it showed anything, a search never shows: only the
   * last query's results take the place of the ones shown. */
  g_array_set_size (sizes, 0);
  type_over (entry, "国");
  type_over (entry, "第13篇");
  seen.title = "第13篇";
  app_test_wait_until (results_show_title, &seen, "the results of the last query");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 1);
  for (guint i = 0; i < sizes->len; i++)
    g_assert_cmpuint (g_array_index (sizes, guint, i), ==, 1);

  g_signal_handler_disconnect (results, handler);
}

static void
test_empty_library (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (WenjiArticleList) list = NULL;

  g_object_get (find_pane (fixture), "article-list", &list, NULL);
  g_assert_cmpstr (window_page (fixture), ==, "welcome");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (wenji_editor_get_article (find_editor (fixture)));

  app_test_save_screenshot (GTK_WIDGET (fixture->window), "wenji-welcome.png");
}

static void
test_filled_library (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr (GtkMultiSelection) selection = NULL;
  g_autoptr (WenjiArticleList) list = NULL;
  WenjiEditor *editor = find_editor (fixture);
  WenjiArticle *article;
  GListModel *model;

  g_object_get (find_pane (fixture), "selection", &selection, "article-list", &list, NULL);
  model = G_LIST_MODEL (selection);
  g_assert_cmpstr (window_page (fixture), ==, "library");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (app_test_list_has_title (model, "基层减负不能变成“纸面减负”"));
  g_assert_true (app_test_list_has_title (model, "城市更新要留住烟火气"));
  g_assert_true (app_test_list_has_title (model, "數位時代的閱讀習慣"));

  /* The first row is selected and open, and opening it did not make it dirty. */
  g_assert_cmpuint (get_selected (selection), ==, 0);
  article = wenji_editor_get_article (editor);
  g_assert_nonnull (article);
  g_assert_cmpint (wenji_article_get_id (article), ==, wenji_article_list_get_id (list, 0));
  g_assert_false (wenji_editor_get_dirty (editor));

  /* Open the Simplified article with its tags for the picture. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++) {
    g_autoptr (WenjiArticleSummary) summary = g_list_model_get_item (model, i);

    if (g_str_has_prefix (wenji_article_summary_get_title (summary), "基层减负"))
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), i, TRUE);
  }
  g_assert_cmpstr (wenji_article_get_title (wenji_editor_get_article (editor)), ==,
                   "基层减负不能变成“纸面减负”");
  g_assert_false (wenji_editor_get_dirty (editor));

  app_test_save_screenshot (window, "wenji-window.png");

  /* At the default size the status line has room for all its words, in
   * Edit and in Split beside the zoom; with the details beside it, for
   * the character count at least. */
  {
    GtkWidget *status = app_test_find_widget (GTK_WIDGET (editor), WENJI_TYPE_STATUS_LABEL);
    GtkWidget *details = app_test_find_widget (window, WENJI_TYPE_METADATA_PANEL);
    WenjiStatusLabel *label = WENJI_STATUS_LABEL (status);
    graphene_rect_t bounds;
    const char *shown;

    g_assert_cmpstr (wenji_status_label_get_text (label), ==, wenji_editor_get_status (editor));
    g_assert_cmpstr (wenji_status_label_get_visible_text (label), ==,
                     wenji_editor_get_status (editor));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.view-mode",
                                               "s", "split"));
    app_test_wait_for_editor (editor);
    g_assert_cmpstr (wenji_status_label_get_visible_text (label), ==,
                     wenji_editor_get_status (editor));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.view-mode",
                                               "s", "edit"));
    g_assert_true (gtk_widget_activate_action (window, "win.show-metadata", NULL));
    app_test_wait_for_editor (editor);
    shown = wenji_status_label_get_visible_text (label);
    g_assert_nonnull (shown);
    g_assert_true (g_str_has_prefix (wenji_editor_get_status (editor), shown));

    /* Split with the details: everything still fits in the window. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.view-mode",
                                               "s", "split"));
    app_test_wait_for_editor (editor);
    app_test_save_screenshot (window, "wenji-split-details.png");
    g_assert_true (gtk_widget_compute_bounds (details, window, &bounds));
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));

    g_assert_true (gtk_widget_activate_action (window, "win.show-metadata", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.view-mode",
                                               "s", "edit"));
  }

  /* A tag in the sidebar narrows the list; Drafts holds the one draft. */
  app_test_select_sidebar_row (window, WENJI_ARTICLE_FILTER_ALL, "评论");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_false (app_test_list_has_title (model, "數位時代的閱讀習慣"));
  app_test_select_sidebar_row (window, WENJI_ARTICLE_FILTER_DRAFT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (app_test_list_has_title (model, "數位時代的閱讀習慣"));
  g_assert_cmpstr (wenji_article_get_title (wenji_editor_get_article (editor)), ==,
                   "數位時代的閱讀習慣");
  g_assert_cmpstr (wenji_article_get_lang (wenji_editor_get_article (editor)), ==,
                   WENJI_LANG_HANT);

  /* win.sort orders the list. */
  app_test_select_sidebar_row (window, WENJI_ARTICLE_FILTER_ALL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (gtk_widget_activate_action (window, "win.sort", "s", "length"));
  g_assert_cmpint (wenji_article_list_get_sort (list), ==, WENJI_ARTICLE_SORT_LENGTH);
  g_assert_true (gtk_widget_activate_action (window, "win.sort", "s", "published"));
  g_assert_cmpint (wenji_article_list_get_sort (list), ==, WENJI_ARTICLE_SORT_PUBLISHED);
}

static void
test_new_article (Fixture       *fixture,
                  gconstpointer  data)
{
  WenjiEditor *editor = find_editor (fixture);
  g_autoptr (GtkMultiSelection) selection = NULL;
  g_autoptr (WenjiArticleList) list = NULL;
  guint before;
  guint position;
  gint64 id;

  g_object_get (find_pane (fixture), "selection", &selection, "article-list", &list, NULL);
  before = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-article",
                                             NULL));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before + 1);
  g_assert_cmpstr (window_page (fixture), ==, "library");

  g_assert_nonnull (wenji_editor_get_article (editor));
  id = wenji_editor_get_article_id (editor);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (wenji_article_get_status (wenji_editor_get_article (editor)), ==,
                   WENJI_STATUS_DRAFT);
  g_assert_cmpstr (wenji_article_get_lang (wenji_editor_get_article (editor)), ==,
                   WENJI_LANG_HANS);

  /* It is in the list, selected. */
  g_assert_true (wenji_article_list_find (list, id, &position));
  g_assert_cmpuint (get_selected (selection), ==, position);
  g_assert_cmpuint (app_test_count_articles (fixture->library).draft, ==, before == 0 ? 1 : 2);
}

typedef struct {
  WenjiLibrary *library;
  gint64        id;
  const char   *suffix;
} StoredBody;

/* Whether the article as another connection reads it ends with @suffix. */
static gboolean
stored_body_ends_with (gpointer data)
{
  StoredBody *stored = data;
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GError) error = NULL;

  article = wenji_library_load_article (stored->library, stored->id, &error);
  g_assert_no_error (error);

  return g_str_has_suffix (wenji_article_get_body (article), stored->suffix);
}

/* One keystroke at the end of the text, as a typist at five a second. */
static gboolean
type_character (gpointer buffer)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "字", -1);

  return G_SOURCE_CONTINUE;
}

static void
test_autosave (Fixture       *fixture,
               gconstpointer  data)
{
  WenjiEditor *editor = find_editor (fixture);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (wenji_editor_get_buffer (editor));
  g_autoptr (WenjiLibrary) other = NULL;
  g_autoptr (WenjiArticle) stored = NULL;
  g_autoptr (GError) error = NULL;
  StoredBody typed;
  GtkTextIter end;
  gint64 start, took;
  guint typing_id;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-article",
                                             NULL));
  id = wenji_editor_get_article_id (editor);
  g_assert_cmpint (id, >, 0);

  gtk_editable_set_text (wenji_editor_get_title_editable (editor), "减负之后");
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "基层干部终于有时间下村入户了。", -1);
  g_assert_true (wenji_editor_get_dirty (editor));

  /* Not written before the delay… */
  other = wenji_library_open (fixture->path, &error);
  g_assert_no_error (error);
  stored = wenji_library_load_article (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_body (stored), ==, "");
  g_clear_object (&stored);

  /* …but after it, as another connection sees it. */
  app_test_wait_until (editor_saved, editor, "the autosave");
  stored = wenji_library_load_article (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_title (stored), ==, "减负之后");
  g_assert_cmpstr (wenji_article_get_body (stored), ==, "基层干部终于有时间下村入户了。");
  g_clear_object (&stored);

  /* Typing on without a pause is saved every few seconds all the same. */
  typed = (StoredBody) { other, id, "字" };
  start = g_get_monotonic_time ();
  typing_id = g_timeout_add (200, type_character, buffer);
  app_test_wait_until (stored_body_ends_with, &typed, "an autosave during the typing");
  took = g_get_monotonic_time () - start;
  g_source_remove (typing_id);
  g_test_message ("Saved after %" G_GINT64_FORMAT " ms of typing", took / 1000);
  g_assert_cmpint (took, <, 6 * G_TIME_SPAN_SECOND);

  /* Once the typing stops, the rest is saved too. */
  app_test_wait_until (editor_saved, editor, "the autosave after the typing");
  gtk_text_buffer_set_text (buffer, "基层干部终于有时间下村入户了。", -1);
  app_test_wait_until (editor_saved, editor, "the autosave of the new text");

  /* Edits right before switching articles are saved on the switch. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n\n第二段。", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-article",
                                             NULL));
  g_assert_cmpint (wenji_editor_get_article_id (editor), !=, id);
  stored = wenji_library_load_article (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_body (stored), ==,
                   "基层干部终于有时间下村入户了。\n\n第二段。");

  /* And edits right before the window closes. */
  gtk_text_buffer_set_text (buffer, "关窗前写的。", -1);
  id = wenji_editor_get_article_id (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "window.close", NULL));
  g_clear_object (&stored);
  stored = wenji_library_load_article (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_body (stored), ==, "关窗前写的。");

  g_assert_finalize_object (g_steal_pointer (&stored));
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
test_trash_undo_restore_delete (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  WenjiEditor *editor = find_editor (fixture);
  g_autoptr (GListModel) model = NULL;
  g_autoptr (WenjiArticle) gone = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  g_object_get (find_pane (fixture), "selection", &model, NULL);
  g_assert_cmpuint (app_test_count_articles (fixture->library).all, ==, 3);
  id = wenji_editor_get_article_id (editor);
  g_assert_cmpint (id, >, 0);

  /* Trash: the article leaves the list and the next one opens. */
  g_assert_true (gtk_widget_activate_action (window, "win.trash", NULL));
  g_assert_cmpuint (app_test_count_articles (fixture->library).all, ==, 2);
  g_assert_cmpuint (app_test_count_articles (fixture->library).trash, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (wenji_editor_get_article_id (editor), !=, id);
  g_assert_cmpint (wenji_editor_get_article_id (editor), !=, 0);

  /* Undo, as the toast's button does. */
  g_assert_true (gtk_widget_activate_action (window, "win.undo-trash", "x", id));
  g_assert_cmpuint (app_test_count_articles (fixture->library).all, ==, 3);
  g_assert_cmpuint (app_test_count_articles (fixture->library).trash, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpint (wenji_editor_get_article_id (editor), ==, id);

  /* Trash it again and restore it from the Trash view, where it is read-only. */
  g_assert_true (gtk_widget_activate_action (window, "win.trash", NULL));
  app_test_select_sidebar_row (window, WENJI_ARTICLE_FILTER_TRASH, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpint (wenji_editor_get_article_id (editor), ==, id);
  g_assert_true (wenji_article_is_trashed (wenji_editor_get_article (editor)));
  g_assert_false (gtk_editable_get_editable (wenji_editor_get_title_editable (editor)));
  /* win.trash is disabled for it: activating does nothing. */
  gtk_widget_activate_action (window, "win.trash", NULL);
  g_assert_cmpuint (app_test_count_articles (fixture->library).trash, ==, 1);
  g_assert_cmpint (wenji_editor_get_article_id (editor), ==, id);
  /* Even a change made behind the view's back is never saved into a trashed article. */
  gtk_text_buffer_insert_at_cursor (GTK_TEXT_BUFFER (wenji_editor_get_buffer (editor)), "x", -1);
  g_assert_false (wenji_editor_get_dirty (editor));

  g_assert_true (gtk_widget_activate_action (window, "win.restore", NULL));
  g_assert_cmpuint (app_test_count_articles (fixture->library).trash, ==, 0);
  g_assert_cmpuint (app_test_count_articles (fixture->library).all, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (wenji_editor_get_article (editor));

  /* Trash it from All Articles and delete it forever from the Trash. */
  app_test_select_sidebar_row (window, WENJI_ARTICLE_FILTER_ALL, NULL);
  choose_article (fixture, id);
  g_assert_cmpint (wenji_editor_get_article_id (editor), ==, id);
  g_assert_true (gtk_widget_activate_action (window, "win.trash", NULL));
  app_test_select_sidebar_row (window, WENJI_ARTICLE_FILTER_TRASH, NULL);
  g_assert_cmpint (wenji_editor_get_article_id (editor), ==, id);
  g_assert_true (gtk_widget_activate_action (window, "win.delete-forever-confirmed", "x", id));
  g_assert_cmpuint (app_test_count_articles (fixture->library).trash, ==, 0);
  g_assert_cmpuint (app_test_count_articles (fixture->library).all, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  gone = wenji_library_load_article (fixture->library, id, &error);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND);
  g_assert_null (gone);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (WenjiArticleList) list = NULL;
  g_autofree char *file = g_build_filename (fixture->dir, "减负.txt", NULL);
  g_autoptr (GError) error = NULL;
  const char *paths[] = { file, NULL };

  g_object_get (find_pane (fixture), "article-list", &list, NULL);
  g_file_set_contents (file, "基层减负不能变成纸面减负\n\n基层减负是一个老话题。近年来，各地纷纷出台措施。\n",
                       -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (window_page (fixture), ==, "welcome");

  wenji_window_import_paths (fixture->window, paths);

  /* The import runs in a thread on its own connection; the list follows. */
  app_test_wait_for_property (list, "n-items", 1);
  g_assert_cmpstr (window_page (fixture), ==, "library");
  g_assert_cmpuint (app_test_count_articles (fixture->library).all, ==, 1);
  /* The imported article opens. */
  g_assert_nonnull (wenji_editor_get_article (find_editor (fixture)));
}

/* A window closed at one size and pane widths opens the next time as it was. */
static void
test_remembers_size_and_panes (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GPtrArray) panes = NULL;
  int width, height;

  /* The panes of the window, outermost first: sidebar | list, list | article. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1234, 777);
  panes = app_test_find_widgets (GTK_WIDGET (fixture->window), GTK_TYPE_PANED);
  g_assert_cmpuint (panes->len, >=, 2);
  gtk_paned_set_position (g_ptr_array_index (panes, 0), 233);
  gtk_paned_set_position (g_ptr_array_index (panes, 1), 377);
  app_test_wait_for_frame (GTK_WIDGET (fixture->window));

  gtk_window_close (GTK_WINDOW (fixture->window));
  app_test_wait_for_finalize (g_steal_pointer (&fixture->window));

  app_test_fixture_present (fixture, 0, 0);
  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 1234);
  g_assert_cmpint (height, ==, 777);
  g_clear_pointer (&panes, g_ptr_array_unref);
  panes = app_test_find_widgets (GTK_WIDGET (fixture->window), GTK_TYPE_PANED);
  g_assert_cmpint (gtk_paned_get_position (g_ptr_array_index (panes, 0)), ==, 233);
  g_assert_cmpint (gtk_paned_get_position (g_ptr_array_index (panes, 1)), ==, 377);

  /* The next test starts from the defaults. */
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "sidebar-position");
  g_settings_reset (settings, "list-position");
}

int
main (int   argc,
      char *argv[])
{
  if (!app_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add ("/window/empty-library", Fixture, NULL,
              app_test_fixture_setup, test_empty_library, app_test_fixture_teardown);
  g_test_add ("/window/filled-library", Fixture, app_test_fill_library,
              app_test_fixture_setup, test_filled_library, app_test_fixture_teardown);
  g_test_add ("/window/new-article", Fixture, app_test_fill_library,
              app_test_fixture_setup, test_new_article, app_test_fixture_teardown);
  g_test_add ("/window/autosave", Fixture, NULL,
              app_test_fixture_setup, test_autosave, app_test_fixture_teardown);
  g_test_add ("/window/trash-undo-restore-delete", Fixture, app_test_fill_library,
              app_test_fixture_setup, test_trash_undo_restore_delete, app_test_fixture_teardown);
  g_test_add ("/window/import", Fixture, NULL,
              app_test_fixture_setup, test_import, app_test_fixture_teardown);
  g_test_add ("/window/search", Fixture, fill_search_library,
              app_test_fixture_setup, test_search, app_test_fixture_teardown);
  g_test_add ("/window/search-many", Fixture, fill_many_library,
              app_test_fixture_setup, test_search_many, app_test_fixture_teardown);
  g_test_add ("/window/remembers-size-and-panes", Fixture, app_test_fill_library,
              app_test_fixture_setup, test_remembers_size_and_panes, app_test_fixture_teardown);

  return g_test_run ();
}
