/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The history of an article: revisions listed, a diff, restore and undo. */
#include "config.h"

#include "app-test-harness.h"
#include "wenji-history-view.h"
#include "wenji-revision-private.h"

static const char title[] = "基层减负不能变成“纸面减负”";
static const char original[] =
  "基层减负是一个老话题。近年来，从中央到地方，纷纷出台措施，为基层干部松绑减负。\n\n"
  "## 形式主义的新变种\n\n"
  "一些地方把**“留痕”**当成了工作本身，文件越发越多，会议越开越长。";
static const char first_edit[] =
  "基层减负是一个老话题。近年来，从中央到地方，纷纷出台措施，为基层干部松绑减负。\n\n"
  "## 形式主义的新变种\n\n"
  "一些地方把**“留痕”**当成了工作本身，材料越报越多，检查越来越密。";
static const char second_edit[] =
  "基层减负是一个老话题。近年来，从中央到地方，纷纷出台措施，为基层干部松绑减负。\n\n"
  "## 形式主义的新变种\n\n"
  "一些地方把**“留痕”**当成了工作本身，材料越报越多，检查越来越密。\n\n"
  "减负不是减责任，而是把时间还给群众。";

typedef AppTestFixture Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  app_test_fixture_open_library (fixture);
  app_test_add_article (fixture->library, title, original, "人民日报", NULL, NULL, WENJI_LANG_HANS);
  app_test_fixture_present (fixture, 1200, 720);
}

/* Types @body into the editor as its whole text and saves at @time. */
static void
edit_at (WenjiEditor  *editor,
         WenjiLibrary *library,
         GDateTime    *time,
         const char   *body)
{
  g_autoptr (GError) error = NULL;

  wenji_library_set_time_for_testing (library, time);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (wenji_editor_get_buffer (editor)), body, -1);
  g_assert_true (wenji_editor_get_dirty (editor));
  g_assert_true (wenji_editor_save (editor, &error));
  g_assert_no_error (error);
}

/* The text of @buffer that carries the tag @name, runs joined by "|". */
static char *
tagged_text (GtkTextBuffer *buffer,
             const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GString *text = g_string_new (NULL);
  GtkTextIter iter, end;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (!gtk_text_iter_is_end (&iter)) {
    if (gtk_text_iter_starts_tag (&iter, tag) ||
        (gtk_text_iter_is_start (&iter) && gtk_text_iter_has_tag (&iter, tag))) {
      g_autofree char *run = NULL;

      end = iter;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      run = gtk_text_iter_get_text (&iter, &end);
      g_string_append_printf (text, "%s%s", text->len ? "|" : "", run);
      iter = end;
    } else if (!gtk_text_iter_forward_to_tag_toggle (&iter, tag)) {
      break;
    }
  }

  return g_string_free (text, FALSE);
}

static char *
editor_body (WenjiEditor *editor)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (wenji_editor_get_buffer (editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  WenjiEditor *editor = WENJI_EDITOR (app_test_find_widget (GTK_WIDGET (fixture->window),
                                                          WENJI_TYPE_EDITOR));
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) first = g_date_time_add_minutes (now, -20);
  g_autoptr (GDateTime) second = g_date_time_add_minutes (first, 6);
  g_autoptr (WenjiArticle) stored = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *added = NULL;
  g_autofree char *body = NULL;
  WenjiHistoryView *view;
  GListModel *listed;
  gboolean show_history;
  gint64 id, undo_id;

  id = wenji_editor_get_article_id (editor);
  g_assert_cmpint (id, >, 0);

  /* Two sessions of editing, six minutes apart: each keeps the text before it. */
  edit_at (editor, fixture->library, first, first_edit);
  edit_at (editor, fixture->library, second, second_edit);
  wenji_library_set_time_for_testing (fixture->library, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.history", NULL));
  g_object_get (fixture->window, "show-history", &show_history, NULL);
  g_assert_true (show_history);
  view = WENJI_HISTORY_VIEW (app_test_find_widget (GTK_WIDGET (fixture->window),
                                                   WENJI_TYPE_HISTORY_VIEW));
  g_assert_nonnull (view);
  /* The keys go to the history, so that Escape closes it. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->window)),
                                         GTK_WIDGET (view)));
  /* It shows in place of the editor. */
  g_assert_true (gtk_stack_get_visible_child (
                   GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (view)))) ==
                 GTK_WIDGET (view));
  g_assert_cmpint (wenji_history_view_get_article_id (view), ==, id);

  listed = wenji_history_view_get_revisions (view);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 2);

  /* The older one is the original; its diff shows what changed since. */
  wenji_history_view_select (view, 1);
  g_assert_cmpstr (wenji_revision_get_body (wenji_history_view_get_selected (view)), ==, original);
  g_assert_cmpstr (wenji_revision_get_reason (wenji_history_view_get_selected (view)), ==,
                   WENJI_REVISION_EDIT);
  removed = tagged_text (wenji_history_view_get_diff_buffer (view), "removed");
  added = tagged_text (wenji_history_view_get_diff_buffer (view), "added");
  g_test_message ("removed: %s\nadded: %s", removed, added);
  g_assert_nonnull (strstr (removed, "文件越发"));
  g_assert_nonnull (strstr (removed, "会议越开越长"));
  g_assert_nonnull (strstr (added, "材料越报"));
  g_assert_nonnull (strstr (added, "检查越来越密"));
  g_assert_nonnull (strstr (added, "减负不是减责任，而是把时间还给群众。"));
  /* Unchanged text is not marked. */
  g_assert_null (strstr (removed, "基层减负是一个老话题"));
  g_assert_null (strstr (added, "基层减负是一个老话题"));

  app_test_save_screenshot (GTK_WIDGET (fixture->window), "wenji-history.png");

  /* Restore: the editor and the library have the original again… */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "history.restore", NULL));
  g_object_get (fixture->window, "show-history", &show_history, NULL);
  g_assert_false (show_history);
  g_assert_true (gtk_stack_get_visible_child (
                   GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (view)))) ==
                 GTK_WIDGET (editor));
  g_assert_cmpint (wenji_editor_get_article_id (editor), ==, id);
  body = editor_body (editor);
  g_assert_cmpstr (body, ==, original);
  g_assert_false (wenji_editor_get_dirty (editor));
  stored = wenji_library_load_article (fixture->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_body (stored), ==, original);
  g_assert_cmpstr (wenji_article_get_title (stored), ==, title);

  /* …and the restore is in the history, with the text it replaced. */
  revisions = wenji_library_list_revisions (fixture->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 4);
  g_assert_cmpstr (wenji_revision_get_reason (g_ptr_array_index (revisions, 0)), ==,
                   WENJI_REVISION_RESTORE);
  g_assert_cmpstr (wenji_revision_get_reason (g_ptr_array_index (revisions, 1)), ==,
                   WENJI_REVISION_BEFORE_RESTORE);
  g_assert_cmpstr (wenji_revision_get_body (g_ptr_array_index (revisions, 1)), ==, second_edit);
  undo_id = wenji_revision_get_id (g_ptr_array_index (revisions, 1));

  /* The history shows it too, when it opens again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.history", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 4);
  {
    g_autoptr (WenjiRevision) newest = g_list_model_get_item (listed, 0);

    g_assert_cmpstr (wenji_revision_get_reason (newest), ==, WENJI_REVISION_RESTORE);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.history", NULL));
  g_object_get (fixture->window, "show-history", &show_history, NULL);
  g_assert_false (show_history);

  /* Undo, as the toast's button does, brings back the last edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore-revision",
                                             "x", undo_id));
  g_free (body);
  body = editor_body (editor);
  g_assert_cmpstr (body, ==, second_edit);
}

/* Without an open article there is no history to show. */
static void
test_no_article (Fixture       *fixture,
                 gconstpointer  data)
{
  WenjiEditor *editor = WENJI_EDITOR (app_test_find_widget (GTK_WIDGET (fixture->window),
                                                          WENJI_TYPE_EDITOR));
  gint64 id = wenji_editor_get_article_id (editor);
  gboolean show_history;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.trash", NULL));
  g_assert_null (wenji_editor_get_article (editor));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.history", NULL);
  g_object_get (fixture->window, "show-history", &show_history, NULL);
  g_assert_false (show_history);
  g_assert_cmpint (id, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!app_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add ("/history/restore", Fixture, NULL,
              fixture_setup, test_history, app_test_fixture_teardown);
  g_test_add ("/history/no-article", Fixture, NULL,
              fixture_setup, test_no_article, app_test_fixture_teardown);

  return g_test_run ();
}
