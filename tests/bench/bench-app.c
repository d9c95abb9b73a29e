/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-app: how long the app takes to show the first screen of the article
 * list, how much memory it then holds, and what scrolling the whole list to
 * its end costs in memory and in rows loaded.
 *
 *   bench-app LIBRARY.db [LIBRARY.db…] [--runs N] [--steps K]
 *
 * Each run is a fresh process (this program started again with --child), so
 * every start is a real one and the RSS is that run's alone. The child runs
 * WenjiApplication on the library as `wenji --library LIBRARY.db` would and
 * watches the window's frame clock: the first screen is the first painted
 * frame after which the list has articles and row widgets showing them are
 * mapped. The time counts from just before the parent spawns the child, so
 * it includes exec, the dynamic linker and GTK's start. The child then drags
 * the list to its end in K jumps of the scrollbar (20 by default), one
 * painted frame each, and keeps at the end until the last article's row is
 * on screen. Besides the first screen, each run prints when main() began,
 * when the library was open (the window added) and when the window was
 * mapped, all counted from the spawn. "Rows loaded" counts the summaries the
 * list loaded from the library; GTK 4.8's list view keeps about 200 row
 * widgets around the visible ones, so each jump binds about 200 rows.
 *
 * Each run names the renderer GTK drew with. Under Xvfb OpenGL is Mesa's
 * llvmpipe, where Wenji asks for cairo (src/app/wenji-renderer.c);
 * GSK_RENDERER=gl measures the OpenGL renderer on it instead. Run it under a
 * display with the app's settings, as `make run` does:
 *
 *   GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=_build/data \
 *     xvfb-run -a -s "-screen 0 1400x900x24" \
 *     _build/tests/bench/bench-app /tmp/app-1k.db /tmp/app-107k.db --runs 5
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "wenji-application.h"
#include "wenji-article-pane.h"
#include "wenji-article-row.h"
#include "wenji-window.h"

#define DEFAULT_STEPS 20
/* Frames to wait at the end for the list to settle on its last row. */
#define MAX_END_FRAMES 300
#define CHILD_TIMEOUT_S 120

typedef enum {
  STAGE_FIRST_SCREEN,
  STAGE_SCROLLING,
  STAGE_AT_END,
  STAGE_DONE,
} Stage;

typedef struct {
  WenjiApplication *application;
  WenjiWindow      *window;
  GtkWidget        *pane;
  GtkListView      *list_view;
  GtkAdjustment    *vadjustment;
  Stage             stage;
  guint             steps;
  guint             step;
  guint             end_frames;
  gboolean          failed;

  gint64            main_us;
  gint64            window_us;
  gint64            map_us;
  gint64            screen_us;
  guint64           screen_rss_kb;
  guint             screen_loaded;
  guint64           end_rss_kb;
  guint64           peak_rss_kb;
  guint             end_loaded;
} Child;

/* Doubles all, so that one function takes the medians. */
typedef struct {
  double articles;
  double first_ms;
  double main_ms;
  double window_ms;
  double map_ms;
  double screen_rss_kb;
  double screen_loaded;
  double end_rss_kb;
  double peak_rss_kb;
  double end_loaded;
} RunResult;

/* A "Name:   1234 kB" line of /proc/self/status, in kB. */
static guint64
read_status_kb (const char *name)
{
  g_autofree char *contents = NULL;
  g_autofree char *prefix = g_strconcat (name, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return 0;

  for (line = contents; line != NULL && *line != '\0'; line = strchr (line, '\n')) {
    if (*line == '\n')
      line++;
    if (g_str_has_prefix (line, prefix))
      return g_ascii_strtoull (line + strlen (prefix), NULL, 10);
  }

  return 0;
}

/* The window's list pane, whose properties are its list and selection. */
static GtkWidget *
find_pane (GtkWidget *widget)
{
  if (WENJI_IS_ARTICLE_PANE (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found = find_pane (child);

    if (found != NULL)
      return found;
  }

  return NULL;
}

static GtkWidget *
find_list_view (GtkWidget  *widget,
                GListModel *model)
{
  if (GTK_IS_LIST_VIEW (widget) &&
      (GListModel *) gtk_list_view_get_model (GTK_LIST_VIEW (widget)) == model)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found = find_list_view (child, model);

    if (found != NULL)
      return found;
  }

  return NULL;
}

/* Whether a mapped row shows an article, and if @id is not 0, that one. */
static gboolean
row_showing (GtkWidget *widget,
             gint64     id)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  if (WENJI_IS_ARTICLE_ROW (widget)) {
    WenjiArticleSummary *summary = wenji_article_row_get_summary (WENJI_ARTICLE_ROW (widget));

    return summary != NULL && (id == 0 || wenji_article_summary_get_id (summary) == id);
  }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (row_showing (child, id))
      return TRUE;

  return FALSE;
}

static void
finish (Child *child)
{
  g_autoptr (WenjiArticleList) list = NULL;

  g_object_get (child->pane, "article-list", &list, NULL);
  child->stage = STAGE_DONE;
  child->end_rss_kb = read_status_kb ("VmRSS");
  child->peak_rss_kb = read_status_kb ("VmHWM");
  child->end_loaded = wenji_article_list_get_n_loaded (list);

  g_print ("renderer=%s articles=%u main_us=%" G_GINT64_FORMAT " window_us=%" G_GINT64_FORMAT
           " map_us=%" G_GINT64_FORMAT " screen_us=%" G_GINT64_FORMAT
           " screen_rss_kb=%" G_GUINT64_FORMAT " screen_loaded=%u"
           " end_rss_kb=%" G_GUINT64_FORMAT " peak_rss_kb=%" G_GUINT64_FORMAT " end_loaded=%u\n",
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (child->window))),
           g_list_model_get_n_items (G_LIST_MODEL (list)),
           child->main_us, child->window_us, child->map_us, child->screen_us,
           child->screen_rss_kb, child->screen_loaded,
           child->end_rss_kb, child->peak_rss_kb, child->end_loaded);

  g_application_quit (G_APPLICATION (child->application));
}

static void
scroll_to_step (Child *child)
{
  GtkAdjustment *adj = child->vadjustment;
  double lower = gtk_adjustment_get_lower (adj);
  double end = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

  /* The list estimates the height of rows it never made, so the end moves
   * as it goes: every step aims at its share of the end as it is now. */
  gtk_adjustment_set_value (adj, lower + (end - lower) * child->step / child->steps);
  gtk_widget_queue_draw (GTK_WIDGET (child->list_view));
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                Child         *child)
{
  g_autoptr (WenjiArticleList) list = NULL;
  guint n_items;

  g_object_get (child->pane, "article-list", &list, NULL);
  if (list == NULL || child->stage == STAGE_DONE)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  switch (child->stage) {
  case STAGE_FIRST_SCREEN:
    if (child->list_view == NULL) {
      g_autoptr (GListModel) selection = NULL;

      g_object_get (child->pane, "selection", &selection, NULL);
      child->list_view = GTK_LIST_VIEW (find_list_view (child->pane, selection));
    }
    if (child->list_view == NULL || n_items == 0 || !row_showing (GTK_WIDGET (child->list_view), 0))
      return;

    child->screen_us = g_get_monotonic_time ();
    child->screen_rss_kb = read_status_kb ("VmRSS");
    child->screen_loaded = wenji_article_list_get_n_loaded (list);
    child->vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (child->list_view));
    child->stage = STAGE_SCROLLING;
    child->step = 1;
    scroll_to_step (child);
    break;

  case STAGE_SCROLLING:
    if (child->step < child->steps) {
      child->step++;
      scroll_to_step (child);
    } else {
      child->stage = STAGE_AT_END;
      scroll_to_step (child);
    }
    break;

  case STAGE_AT_END:
    if (row_showing (GTK_WIDGET (child->list_view),
                     wenji_article_list_get_id (list, n_items - 1))) {
      finish (child);
    } else if (++child->end_frames > MAX_END_FRAMES) {
      g_printerr ("bench-app: the last row never showed\n");
      child->failed = TRUE;
      finish (child);
    } else {
      scroll_to_step (child);
    }
    break;

  case STAGE_DONE:
  default:
    break;
  }
}

static void
on_window_map (GtkWidget *widget,
               Child     *child)
{
  child->map_us = g_get_monotonic_time ();
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (on_after_paint), child);
}

static void
on_window_added (GtkApplication *application,
                 GtkWindow      *window,
                 Child          *child)
{
  /* The loading window may come first, when the open takes long. */
  if (!WENJI_IS_WINDOW (window) || child->window != NULL)
    return;

  child->window_us = g_get_monotonic_time ();
  child->window = WENJI_WINDOW (window);
  child->pane = find_pane (GTK_WIDGET (window));
  g_signal_connect (window, "map", G_CALLBACK (on_window_map), child);
}

static gboolean
on_timeout (gpointer user_data)
{
  Child *child = user_data;

  g_printerr ("bench-app: no result after %d s\n", CHILD_TIMEOUT_S);
  child->failed = TRUE;
  g_application_quit (G_APPLICATION (child->application));

  return G_SOURCE_REMOVE;
}

static int
run_child (gint64      main_us,
           const char *library,
           guint       steps)
{
  g_autoptr (WenjiApplication) application = NULL;
  char *argv[] = { (char *) "wenji", (char *) "--library", (char *) library, NULL };
  Child child = { 0, };
  int status;

  child.main_us = main_us;
  child.steps = steps;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name (_("Wenji"));

  application = wenji_application_new ();
  /* Never hand the library to a Wenji that already runs. */
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) |
                           G_APPLICATION_NON_UNIQUE);
  child.application = application;
  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added), &child);
  g_timeout_add_seconds (CHILD_TIMEOUT_S, on_timeout, &child);

  status = g_application_run (G_APPLICATION (application), G_N_ELEMENTS (argv) - 1, argv);

  return status != 0 || child.failed || child.stage != STAGE_DONE ? 1 : status;
}

static gboolean
parse_child_output (const char  *output,
                    gint64       spawn_us,
                    RunResult   *result,
                    char       **renderer)
{
  g_auto (GStrv) fields = g_strsplit_set (output, " \n", -1);
  g_autoptr (GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  const char *keys[] = { "renderer", "articles", "main_us", "window_us", "map_us",
                         "screen_us", "screen_rss_kb", "screen_loaded",
                         "end_rss_kb", "peak_rss_kb", "end_loaded" };

  for (guint i = 0; fields[i] != NULL; i++) {
    char *equals = strchr (fields[i], '=');

    if (equals != NULL) {
      *equals = '\0';
      g_hash_table_insert (values, fields[i], equals + 1);
    }
  }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!g_hash_table_contains (values, keys[i]))
      return FALSE;

  *renderer = g_strdup (g_hash_table_lookup (values, "renderer"));

#define VALUE(key) g_ascii_strtoll (g_hash_table_lookup (values, key), NULL, 10)
  result->articles = VALUE ("articles");
  result->first_ms = (VALUE ("screen_us") - spawn_us) / 1000.0;
  result->main_ms = (VALUE ("main_us") - spawn_us) / 1000.0;
  result->window_ms = (VALUE ("window_us") - spawn_us) / 1000.0;
  result->map_ms = (VALUE ("map_us") - spawn_us) / 1000.0;
  result->screen_rss_kb = VALUE ("screen_rss_kb");
  result->screen_loaded = VALUE ("screen_loaded");
  result->end_rss_kb = VALUE ("end_rss_kb");
  result->peak_rss_kb = VALUE ("peak_rss_kb");
  result->end_loaded = VALUE ("end_loaded");
#undef VALUE

  return TRUE;
}

static gboolean
run_once (const char  *self_path,
          const char  *library,
          guint        steps,
          RunResult   *result,
          char       **renderer,
          GError     **error)
{
  g_autofree char *steps_arg = g_strdup_printf ("--steps=%u", steps);
  const char *argv[] = { self_path, "--child", steps_arg, library, NULL };
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  gint64 spawn_us;
  int wait_status;

  spawn_us = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &output, &errors, &wait_status, error))
    return FALSE;

  if (!g_spawn_check_wait_status (wait_status, error) ||
      !parse_child_output (output, spawn_us, result, renderer)) {
    g_printerr ("%s%s", output, errors);
    if (error != NULL && *error == NULL)
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the child printed no result");
    return FALSE;
  }

  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_of (const RunResult *runs,
           guint            n,
           gsize            offset)
{
  g_autofree double *values = g_new (double, n);

  for (guint i = 0; i < n; i++)
    values[i] = G_STRUCT_MEMBER (double, &runs[i], offset);
  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
print_result (const char      *label,
              const RunResult *result)
{
  g_print ("%s: first screen %.0f ms (main at %.0f, library open at %.0f, "
           "window mapped at %.0f), RSS %.0f MB; "
           "after scrolling to the end RSS %.0f MB (peak %.0f MB), "
           "rows loaded %.0f (%.0f for the first screen)\n",
           label, result->first_ms, result->main_ms, result->window_ms, result->map_ms,
           result->screen_rss_kb / 1024.0,
           result->end_rss_kb / 1024.0, result->peak_rss_kb / 1024.0,
           result->end_loaded, result->screen_loaded);
}

static void
print_load_average (void)
{
  g_autofree char *loadavg = NULL;

  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    g_print ("load average: %s", loadavg);
}

int
main (int   argc,
      char *argv[])
{
  /* First, so that a child counts its start from here. */
  gint64 main_us = g_get_monotonic_time ();
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *self_path = NULL;
  gboolean child = FALSE;
  int runs = 3;
  int steps = DEFAULT_STEPS;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs,
      "Start the app N times per library and print the median", "N" },
    { "steps", 0, 0, G_OPTION_ARG_INT, &steps, "Scroll to the end in K jumps", "K" },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &child, NULL, NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("LIBRARY.db…");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error)) {
    g_printerr ("bench-app: %s\n", error->message);
    return 2;
  }

  if (argc < 2 || runs < 1 || steps < 1 || (child && argc != 2)) {
    g_printerr ("usage: bench-app LIBRARY.db [LIBRARY.db…] [--runs N] [--steps K]\n");
    return 2;
  }

  if (child)
    return run_child (main_us, argv[1], steps);

  self_path = g_file_read_link ("/proc/self/exe", &error);
  if (self_path == NULL) {
    g_printerr ("bench-app: %s\n", error->message);
    return 1;
  }

  print_load_average ();
  for (int i = 1; i < argc; i++) {
    g_autofree RunResult *results = g_new0 (RunResult, runs);
    g_autofree char *label = NULL;
    RunResult median;

    if (!g_file_test (argv[i], G_FILE_TEST_IS_REGULAR)) {
      g_printerr ("bench-app: %s is not a library\n", argv[i]);
      return 1;
    }

    g_print ("%s, %d runs, scrolling in %d steps\n", argv[i], runs, steps);
    for (int run = 0; run < runs; run++) {
      g_autofree char *run_label = NULL;
      g_autofree char *renderer = NULL;

      if (!run_once (self_path, argv[i], steps, &results[run], &renderer, &error)) {
        g_printerr ("bench-app: %s: %s\n", argv[i], error->message);
        return 1;
      }
      run_label = g_strdup_printf ("  run %d (%s)", run + 1, renderer);
      print_result (run_label, &results[run]);
    }

    for (gsize offset = 0; offset < sizeof median; offset += sizeof (double))
      G_STRUCT_MEMBER (double, &median, offset) = median_of (results, runs, offset);
    label = g_strdup_printf ("library %.0f articles, median", median.articles);
    print_result (label, &median);
  }
  print_load_average ();

  return 0;
}
