/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A Chinese user's first run: the real wenji binary of the build tree,
 * started as `make run` starts it, speaks the language of the locale.
 * The test reads what the window shows through the accessibility bus,
 * as a screen reader would, and wenji-cli's --help as a terminal shows it.
 *
 * It runs under dbus-run-session, which gives it a session bus of its own
 * where the accessibility bus starts on demand.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

/* libatspi's headers declare functions without prototypes. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <atspi/atspi.h>
#pragma GCC diagnostic pop

typedef struct {
  const char *locale;
  const char *expected[3];    /* names the window shows, in this language */
  const char *unexpected;     /* one it would show in another */
  const char *cli_summary;    /* the first line of wenji-cli --help's summary */
} Case;

/* The Tags heading of the sidebar, and the Split and Preview buttons. */
static const Case cases[] = {
  { "zh_CN.UTF-8", { "标签", "分栏", "预览" }, "Tags", "在终端中管理文集的文库。" },
  { "zh_TW.UTF-8", { "標籤", "分欄", "預覽" }, "标签", "在終端機中管理文集的文庫。" },
  { "zh_HK.UTF-8", { "標籤", "分欄", "預覽" }, "Tags", "在終端機中管理文集的文庫。" },
  { "C.UTF-8", { "Tags", "Split", "Preview" }, "标签",
    "Manage a Wenji article library from a terminal." },
};

static char *scratch;

/* The environment `make run` gives the app, in @locale, on the scratch
 * library. */
static char **
run_environment (const char *locale)
{
  char **env = g_get_environ ();
  g_autofree char *library = g_build_filename (scratch, "library.db", NULL);

  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_unsetenv (env, "NO_AT_BRIDGE");
  env = g_environ_setenv (env, "GTK_A11Y", "atspi", TRUE);
  env = g_environ_setenv (env, "LANG", locale, TRUE);
  env = g_environ_setenv (env, "WENJI_LIBRARY", library, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", scratch, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", scratch, TRUE);

  return env;
}

static char *
run_cli (const char  *locale,
         const char **argv)
{
  g_auto (GStrv) env = run_environment (locale);
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static void
collect_names (AtspiAccessible *accessible,
               GHashTable      *names,
               guint            depth)
{
  g_autofree char *name = atspi_accessible_get_name (accessible, NULL);
  int n_children = atspi_accessible_get_child_count (accessible, NULL);

  if (name != NULL && *name != '\0')
    g_hash_table_add (names, g_steal_pointer (&name));

  for (int i = 0; i < n_children && depth < 64; i++) {
    AtspiAccessible *child = atspi_accessible_get_child_at_index (accessible, i, NULL);

    if (child != NULL) {
      collect_names (child, names, depth + 1);
      g_object_unref (child);
    }
  }
}

/* The names in the accessible tree of the application with @pid, once it
 * has some. */
static GHashTable *
window_names (GPid pid)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  AtspiAccessible *desktop = atspi_get_desktop (0);
  int n_apps = atspi_accessible_get_child_count (desktop, NULL);

  for (int i = 0; i < n_apps; i++) {
    AtspiAccessible *app = atspi_accessible_get_child_at_index (desktop, i, NULL);

    if (app == NULL)
      continue;
    if (atspi_accessible_get_process_id (app, NULL) == (guint) pid)
      collect_names (app, names, 0);
    g_object_unref (app);
  }
  g_object_unref (desktop);

  return names;
}

typedef struct {
  GPid        pid;
  const Case *test;
  GHashTable *names;
  gboolean    exited;
} Watch;

static gboolean
shows_expected (Watch *watch)
{
  g_clear_pointer (&watch->names, g_hash_table_unref);
  watch->names = window_names (watch->pid);

  for (guint i = 0; i < G_N_ELEMENTS (watch->test->expected); i++)
    if (!g_hash_table_contains (watch->names, watch->test->expected[i]))
      return FALSE;

  return TRUE;
}

static void
on_app_exit (GPid     pid,
             int      status,
             gpointer user_data)
{
  Watch *watch = user_data;

  watch->exited = TRUE;
  g_spawn_close_pid (pid);
}

static gboolean
poll_again (gpointer user_data)
{
  return G_SOURCE_REMOVE;
}

static void
test_locale (gconstpointer data)
{
  const Case *test = data;
  g_autofree char *app = g_strdup (g_getenv ("WENJI_APP"));
  g_autofree char *cli = g_strdup (g_getenv ("WENJI_CLI"));
  g_autofree char *help = NULL;
  g_autofree char *listing = NULL;
  g_auto (GStrv) env = run_environment (test->locale);
  g_autoptr (GError) error = NULL;
  const char *help_argv[] = { cli, "--help", NULL };
  const char *list_argv[] = { cli, "list", NULL };
  const char *app_argv[] = { app, NULL };
  gint64 deadline;
  Watch watch = { 0, test, NULL, FALSE };
  gboolean shown = FALSE;

  /* wenji-cli speaks the language too. */
  help = run_cli (test->locale, help_argv);
  g_assert_nonnull (strstr (help, test->cli_summary));
  listing = run_cli (test->locale, list_argv);
  g_assert_nonnull (listing);

  g_assert_true (g_spawn_async (NULL, (char **) app_argv, env, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &watch.pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (watch.pid, on_app_exit, &watch);

  /* Until the window shows its names, or the app is gone. */
  deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (!watch.exited && g_get_monotonic_time () < deadline &&
         !(shown = shows_expected (&watch))) {
    g_timeout_add (100, poll_again, NULL);
    g_main_context_iteration (NULL, TRUE);
  }

  if (!shown) {
    g_autoptr (GString) seen = g_string_new (NULL);
    GHashTableIter iter;
    gpointer name;

    g_hash_table_iter_init (&iter, watch.names);
    while (g_hash_table_iter_next (&iter, &name, NULL))
      g_string_append_printf (seen, " “%s”", (char *) name);
    g_test_message ("The window of %s shows:%s", test->locale, seen->str);
  }
  g_assert_false (watch.exited);
  g_assert_true (shown);
  g_assert_false (g_hash_table_contains (watch.names, test->unexpected));

  kill (watch.pid, SIGTERM);
  while (!watch.exited)
    g_main_context_iteration (NULL, TRUE);
  g_hash_table_unref (watch.names);
}

static void
remove_scratch (void)
{
  const char *argv[] = { "rm", "-rf", scratch, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *article = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* libatspi warns about applications on the bus that do not answer it
   * the way it likes, which says nothing about Wenji: only the test's own
   * assertions fail it. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);

  if (g_getenv ("DISPLAY") == NULL || g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL) {
    g_test_skip ("needs a display and a session bus (run under xvfb-run and dbus-run-session)");
    return g_test_run ();
  }
  if (atspi_init () > 1) {
    g_test_skip ("no accessibility bus");
    return g_test_run ();
  }

  /* One tagged article, imported with the CLI, so that the window shows
   * the list and the sidebar its Tags. */
  scratch = g_dir_make_tmp ("wenji-locale-XXXXXX", &error);
  g_assert_no_error (error);
  article = g_build_filename (scratch, "文章.md", NULL);
  g_assert_true (g_file_set_contents (article,
                                     "---\ntitle: \"第一次运行\"\ntags:\n  - 评论\n---\n"
                                     "界面应当说用户的语言。\n", -1, NULL));
  {
    const char *import_argv[] = { g_getenv ("WENJI_CLI"), "import", article, NULL };
    g_autofree char *out = run_cli ("C.UTF-8", import_argv);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *path = g_strdup_printf ("/run-locale/%s", cases[i].locale);

    g_test_add_data_func (path, &cases[i], test_locale);
  }

  status = g_test_run ();
  remove_scratch ();

  return status;
}
