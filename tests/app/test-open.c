/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a library in a worker thread, with the loading window in front. */
#include "config.h"

#include <signal.h>

#include <sqlite3.h>

#include "app-test-harness.h"
#include "wenji-application.h"
#include "wenji-loading-window.h"

#define N_ARTICLES 3000

/* Only the scratch folder: each test opens its library itself. */
typedef AppTestFixture Fixture;

typedef struct {
  WenjiLibrary *library;
  GError       *error;
  gboolean      done;
} OpenResult;

/* A library of N_ARTICLES articles whose index an older tokenizer made. */
static void
build_stale_library (const char *path)
{
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db;

  library = wenji_library_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (wenji_library_begin (library, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_ARTICLES; i++) {
    g_autoptr (WenjiArticle) article = wenji_article_new ();
    g_autoptr (GString) body = g_string_new (NULL);
    g_autofree char *title = g_strdup_printf ("第%u篇", i);

    for (guint j = 0; j < 50; j++)
      g_string_append_printf (body, "基层减负是一个老话题，第%u段。近年来各地纷纷出台措施，"
                              "为基层干部松绑减负，让他们把时间用在群众身上。\n\n", j);
    wenji_article_set_title (article, title);
    wenji_article_set_body (article, body->str);
    g_assert_true (wenji_library_insert_article (library, article, &error));
    g_assert_no_error (error);
  }
  g_assert_true (wenji_library_commit (library, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&library));

  /* As if an older Wenji had indexed it with another tokenizer. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE meta SET value = '1' WHERE key = 'tokenizer_version'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenResult *open = user_data;

  open->library = wenji_loading_window_open_finish (WENJI_LOADING_WINDOW (source), result,
                                                    &open->error);
  open->done = TRUE;
}

/* Whether the user can see @widget: it and its ancestors are shown, and no
 * stack hides the page it is on. */
static gboolean
is_showing (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget)) {
    if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
      return FALSE;
  }

  return TRUE;
}

static gboolean
label_showing (GtkWidget  *window,
               const char *text)
{
  GtkWidget *label = app_test_find_label (window, text);

  return label != NULL && is_showing (label);
}

static void
record_page (GtkStack   *stack,
             GParamSpec *pspec,
             GPtrArray  *pages)
{
  g_ptr_array_add (pages, g_strdup (gtk_stack_get_visible_child_name (stack)));
}

static gboolean
open_done (gpointer data)
{
  return ((OpenResult *) data)->done;
}

static void
record_fraction (GtkProgressBar *bar,
                 GParamSpec     *pspec,
                 GArray         *fractions)
{
  double fraction = gtk_progress_bar_get_fraction (bar);

  g_array_append_val (fractions, fraction);
}

typedef struct {
  gint64 last;
  gint64 longest_gap;
  guint  ticks;
} Heartbeat;

static gboolean
beat (gpointer user_data)
{
  Heartbeat *heartbeat = user_data;
  gint64 now = g_get_monotonic_time ();

  heartbeat->longest_gap = MAX (heartbeat->longest_gap, now - heartbeat->last);
  heartbeat->last = now;
  heartbeat->ticks++;

  return G_SOURCE_CONTINUE;
}

static void
test_rebuild_progress (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;
  OpenResult open = { NULL, };
  Heartbeat heartbeat = { 0, };
  WenjiLoadingWindow *window;
  GtkWidget *bar;
  GtkStack *stack;
  gboolean shot = FALSE;
  gint64 start, duration;
  guint beat_id;

  build_stale_library (fixture->path);

  window = g_object_ref (wenji_loading_window_new (NULL, fixture->path));
  gtk_window_present (GTK_WINDOW (window));
  app_test_wait_for_frame (GTK_WIDGET (window));

  bar = app_test_find_widget (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR);
  stack = GTK_STACK (app_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK));
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (record_fraction), fractions);

  heartbeat.last = start = g_get_monotonic_time ();
  beat_id = g_timeout_add (10, beat, &heartbeat);
  wenji_loading_window_open_async (window, NULL, on_opened, &open);

  /* Until the worker reports, the window only says that it opens. */
  g_assert_cmpstr (wenji_loading_window_get_page (window), ==, "opening");
  g_assert_true (label_showing (GTK_WIDGET (window), "Opening your library…"));
  g_assert_false (is_showing (bar));

  while (!open.done) {
    g_main_context_iteration (NULL, TRUE);

    /* Once the first report past 0 has crossfaded in, the bar shows a part done. */
    if (!shot && fractions->len > 0 &&
        g_array_index (fractions, double, fractions->len - 1) > 0.0) {
      while (gtk_stack_get_transition_running (stack))
        g_main_context_iteration (NULL, TRUE);
      app_test_save_screenshot (GTK_WIDGET (window), "wenji-open-progress.png");
      shot = TRUE;
    }
  }
  duration = g_get_monotonic_time () - start;
  g_source_remove (beat_id);

  g_assert_no_error (open.error);
  g_assert_nonnull (open.library);
  g_assert_true (shot);
  /* Past the crossfade between the pages. */
  app_test_wait_for_property (stack, "transition-running", FALSE);

  /* The rebuild showed its progress, from nothing to all. */
  g_assert_cmpstr (wenji_loading_window_get_page (window), ==, "indexing");
  g_assert_true (is_showing (bar));
  g_assert_true (label_showing (GTK_WIDGET (window), "Updating the search index…"));
  g_assert_false (label_showing (GTK_WIDGET (window), "Opening your library…"));
  g_assert_cmpuint (fractions->len, >=, 2);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, 0), <, 0.5);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  g_assert_cmpfloat (wenji_loading_window_get_fraction (window), ==, 1.0);
  g_assert_cmpstr (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)), ==, "100 %");

  /* The main loop ran all along: no gap near the length of the rebuild. */
  g_test_message ("open took %" G_GINT64_FORMAT " ms, %u ticks, "
                  "longest gap %" G_GINT64_FORMAT " ms",
                  duration / 1000, heartbeat.ticks, heartbeat.longest_gap / 1000);
  g_assert_cmpint (duration, >, 200 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (heartbeat.longest_gap, <, duration / 2);
  g_assert_cmpuint (heartbeat.ticks, >=, 5);

  /* The rebuilt index finds every article. */
  hits = wenji_library_search (open.library, "减负", N_ARTICLES + 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, N_ARTICLES);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = wenji_library_search (open.library, "第2999篇", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  gtk_window_destroy (GTK_WINDOW (window));
  app_test_wait_for_finalize (window);
  g_assert_finalize_object (open.library);
}

/* An up-to-date library opens without ever showing the rebuild. */
static void
test_no_rebuild (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  OpenResult open = { NULL, };
  WenjiLoadingWindow *window;
  GtkWidget *stack;

  g_assert_finalize_object (wenji_library_open (fixture->path, &error));
  g_assert_no_error (error);

  window = g_object_ref (wenji_loading_window_new (NULL, fixture->path));
  gtk_window_present (GTK_WINDOW (window));
  stack = app_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK);
  g_signal_connect (stack, "notify::visible-child-name", G_CALLBACK (record_page), pages);
  wenji_loading_window_open_async (window, NULL, on_opened, &open);
  app_test_wait_until (open_done, &open, "the library to open");
  g_signal_handlers_disconnect_by_func (stack, record_page, pages);

  g_assert_no_error (open.error);
  g_assert_nonnull (open.library);
  g_assert_cmpuint (pages->len, ==, 0);
  g_assert_cmpstr (wenji_loading_window_get_page (window), ==, "opening");
  g_assert_true (label_showing (GTK_WIDGET (window), "Opening your library…"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_finalize_object (open.library);
}

/* A file that is not a library is an error in the result, not a crash. */
static void
test_not_a_library (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  OpenResult open = { NULL, };
  WenjiLoadingWindow *window;

  g_assert_true (g_file_set_contents (fixture->path, "基层减负是一个老话题。\n", -1, &error));
  g_assert_no_error (error);

  window = g_object_ref (wenji_loading_window_new (NULL, fixture->path));
  gtk_window_present (GTK_WINDOW (window));
  wenji_loading_window_open_async (window, NULL, on_opened, &open);
  app_test_wait_until (open_done, &open, "the open to fail");

  g_assert_error (open.error, WENJI_ERROR, WENJI_ERROR_NOT_A_LIBRARY);
  g_assert_null (open.library);
  g_clear_error (&open.error);

  gtk_window_destroy (GTK_WINDOW (window));
  app_test_wait_for_finalize (window);
}

/* Closing the window during the rebuild hides it; the open still ends, and
 * the window knows nobody waits for the library. */
static void
test_closed_while_opening (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  OpenResult open = { NULL, };
  WenjiLoadingWindow *window;

  build_stale_library (fixture->path);

  window = g_object_ref (wenji_loading_window_new (NULL, fixture->path));
  gtk_window_present (GTK_WINDOW (window));
  wenji_loading_window_open_async (window, NULL, on_opened, &open);
  app_test_wait_for_property (app_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK),
                              "visible-child-name", "indexing");

  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (wenji_loading_window_get_closed (window));
  g_assert_false (open.done);

  app_test_wait_until (open_done, &open, "the library to open");
  g_assert_no_error (open.error);
  g_assert_true (wenji_loading_window_get_closed (window));
  g_assert_finalize_object (open.library);

  /* Once the open is over, closing destroys the window as usual. */
  gtk_window_close (GTK_WINDOW (window));
  app_test_wait_for_finalize (window);
}

typedef struct {
  GApplication *application;
  const char   *path;
  gboolean      quit_while_indexing;
  gboolean      terminate_while_typing;
  gboolean      saw_indexing;
  gboolean      saw_window;
  gboolean      quit;
} AppRun;

/* Watches the application's windows as a user would see them. */
static gboolean
watch_windows (gpointer user_data)
{
  AppRun *run = user_data;
  /* app.quit closes windows: walk a list of our own. */
  g_autolist (GtkWindow) windows =
    g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (run->application)),
                      (GCopyFunc) g_object_ref, NULL);

  for (GList *l = windows; l != NULL && !run->quit; l = l->next) {
    if (WENJI_IS_LOADING_WINDOW (l->data) &&
        g_strcmp0 (wenji_loading_window_get_page (l->data), "indexing") == 0) {
      /* The application shows it only after a moment; a fast machine may
       * not get there, so present it as a second start of Wenji would. */
      gtk_window_present (l->data);
      run->saw_indexing = TRUE;
      if (run->quit_while_indexing) {
        g_action_group_activate_action (G_ACTION_GROUP (run->application), "quit", NULL);
        run->quit = TRUE;
      }
    } else if (WENJI_IS_WINDOW (l->data)) {
      WenjiLibrary *library = wenji_window_get_library (l->data);
      WenjiEditor *editor = WENJI_EDITOR (app_test_find_widget (l->data, WENJI_TYPE_EDITOR));

      g_assert_cmpstr (wenji_library_get_path (library), ==, run->path);
      run->saw_window = TRUE;
      run->quit = TRUE;
      if (run->terminate_while_typing) {
        /* Typed a moment ago, not yet autosaved, when the session ends. */
        GtkTextBuffer *buffer = GTK_TEXT_BUFFER (wenji_editor_get_buffer (editor));
        GtkTextIter end;

        gtk_text_buffer_get_end_iter (buffer, &end);
        gtk_text_buffer_insert (buffer, &end, "最后一句。", -1);
        raise (SIGTERM);
      } else {
        g_action_group_activate_action (G_ACTION_GROUP (run->application), "quit", NULL);
      }
    }
  }

  return G_SOURCE_CONTINUE;
}

static gboolean
give_up (gpointer user_data)
{
  g_error ("The application still runs after 30 s");

  return G_SOURCE_REMOVE;
}

static void
run_application (AppRun *run)
{
  char *argv[] = { (char *) "wenji", (char *) "--library", (char *) run->path, NULL };
  guint watch_id, deadline_id;

  run->application = G_APPLICATION (wenji_application_new ());
  g_application_set_flags (run->application,
                           g_application_get_flags (run->application) | G_APPLICATION_NON_UNIQUE);
  watch_id = g_timeout_add (10, watch_windows, run);
  deadline_id = g_timeout_add_seconds (30, give_up, NULL);
  g_assert_cmpint (g_application_run (run->application, G_N_ELEMENTS (argv) - 1, argv), ==, 0);
  g_source_remove (watch_id);
  g_source_remove (deadline_id);

  /* Nothing the open left behind holds the application. */
  app_test_wait_for_finalize (run->application);
}

/* wenji --library FILE on a stale library: the loading window with its
 * progress, then the main window on that library. */
static void
test_application_opens (Fixture       *fixture,
                        gconstpointer  data)
{
  AppRun run = { .path = fixture->path };

  build_stale_library (fixture->path);
  run_application (&run);

  g_assert_true (run.saw_indexing);
  g_assert_true (run.saw_window);
}

/* app.quit during the rebuild: no crash, no main window, and the library
 * opens fine next time. */
static void
test_application_quits_while_indexing (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;
  AppRun run = { .path = fixture->path, .quit_while_indexing = TRUE };

  build_stale_library (fixture->path);
  run_application (&run);

  g_assert_true (run.saw_indexing);
  g_assert_false (run.saw_window);

  library = wenji_library_open (fixture->path, &error);
  g_assert_no_error (error);
  hits = wenji_library_search (library, "减负", N_ARTICLES + 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, N_ARTICLES);
}

/* SIGTERM (the session ending, `kill`) closes the window, and so saves
 * what was typed since the last autosave. */
static void
test_application_terminated (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GError) error = NULL;
  AppRun run = { .path = fixture->path, .terminate_while_typing = TRUE };
  gint64 id;

  library = wenji_library_open (fixture->path, &error);
  g_assert_no_error (error);
  id = app_test_add_article (library, "结尾", "第一句。", NULL, NULL, NULL, WENJI_LANG_HANS);
  g_clear_object (&library);

  run_application (&run);
  g_assert_true (run.saw_window);

  library = wenji_library_open (fixture->path, &error);
  g_assert_no_error (error);
  article = wenji_library_load_article (library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_body (article), ==, "第一句。最后一句。");
}

int
main (int   argc,
      char *argv[])
{
  if (!app_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add ("/open/rebuild-progress", Fixture, NULL,
              app_test_fixture_setup_scratch, test_rebuild_progress, app_test_fixture_teardown);
  g_test_add ("/open/no-rebuild", Fixture, NULL,
              app_test_fixture_setup_scratch, test_no_rebuild, app_test_fixture_teardown);
  g_test_add ("/open/not-a-library", Fixture, NULL,
              app_test_fixture_setup_scratch, test_not_a_library, app_test_fixture_teardown);
  g_test_add ("/open/closed-while-opening", Fixture, NULL,
              app_test_fixture_setup_scratch, test_closed_while_opening, app_test_fixture_teardown);

  g_test_add ("/open/application", Fixture, NULL,
              app_test_fixture_setup_scratch, test_application_opens, app_test_fixture_teardown);
  g_test_add ("/open/application-terminated", Fixture, NULL,
              app_test_fixture_setup_scratch, test_application_terminated,
              app_test_fixture_teardown);
  g_test_add ("/open/application-quit-while-indexing", Fixture, NULL,
              app_test_fixture_setup_scratch, test_application_quits_while_indexing,
              app_test_fixture_teardown);

  return g_test_run ();
}
