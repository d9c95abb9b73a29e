/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The crash harness: runs crash-driver on one library, kills it with SIGKILL
 * at a random moment, reopens the library and checks that it is intact and
 * holds every change the driver saw acknowledged; then again, --kills times.
 *
 *   crash-harness [--kills N] [--seed S] [--max-delay MS] [--keep] [--sabotage]
 *
 * Half of the checks look at a copy of the files, so that the next driver
 * finds the write-ahead log of the killed one and has to recover it itself.
 * A kill stops the process, not the machine: what the process wrote is in
 * the page cache, so this tests atomicity and when a commit is acknowledged,
 * not what the disk does on power loss (synchronous=FULL is for that).
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "crash-state.h"
#include "test-scratch.h"
#include "wenji-library-private.h"

#define EOF_LINE ""

typedef struct {
  GHashTable *expected;    /* id -> state the library must hold */
  GHashTable *pending;     /* id -> state of a change tried, not acknowledged */
  GHashTable *pending_new; /* state of an article tried, not acknowledged */
  gboolean    pending_import;
  gboolean    last_was_ack;
  gboolean    ready;
  guint       acks;
} Round;

typedef struct {
  guint kills;
  guint early_kills;
  guint acks;
  guint lost;
  guint corrupt;
  guint driver_failures;
  guint cli_failures;
} Totals;

static int kills = 20;
static int max_delay = 250;
static gint64 seed = -1;
static gboolean keep;
static gboolean verbose;
static gboolean sabotage;
static char *driver_path;
static guint n_reported;
static char *cli_path;

static const GOptionEntry options[] = {
  { "kills", 'k', 0, G_OPTION_ARG_INT, &kills, "How many times to kill the driver (20)", "N" },
  { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the random moments and edits", "S" },
  { "max-delay", 0, 0, G_OPTION_ARG_INT, &max_delay,
    "Longest run of the driver before the kill, in milliseconds (250)", "MS" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the library folder", NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "One line per kill", NULL },
  { "sabotage", 0, 0, G_OPTION_ARG_NONE, &sabotage,
    "Make the driver acknowledge before it commits: the run must fail", NULL },
  { "driver", 0, 0, G_OPTION_ARG_FILENAME, &driver_path, "The crash-driver program", "PATH" },
  { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli_path, "The wenji-cli program", "PATH" },
  { NULL }
};

static gint64 *
id_new (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static void
round_init (Round      *round,
            GHashTable *model)
{
  GHashTableIter iter;
  gpointer key, value;

  memset (round, 0, sizeof *round);
  round->expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  round->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  round->pending_new = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_iter_init (&iter, model);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (round->expected, id_new (*(gint64 *) key), g_strdup (value));
}

static void
round_clear (Round *round)
{
  g_clear_pointer (&round->expected, g_hash_table_unref);
  g_clear_pointer (&round->pending, g_hash_table_unref);
  g_clear_pointer (&round->pending_new, g_hash_table_unref);
}

/* Takes in one line of the driver. */
static gboolean
round_read_line (Round      *round,
                 const char *line)
{
  g_auto (GStrv) words = g_strsplit (line, " ", 3);
  guint n = g_strv_length (words);
  gint64 id = 0;

  if (n == 1 && g_str_equal (words[0], "ready")) {
    round->ready = TRUE;
    return TRUE;
  }

  if (n >= 2 && g_str_equal (words[0], "try")) {
    /* The driver changes one thing at a time: a new try means the changes
     * tried before were all acknowledged. */
    if (round->last_was_ack) {
      g_hash_table_remove_all (round->pending);
      g_hash_table_remove_all (round->pending_new);
      round->pending_import = FALSE;
    }
    round->last_was_ack = FALSE;

    if (n == 2 && g_str_equal (words[1], "import")) {
      round->pending_import = TRUE;
      return TRUE;
    }
    if (n == 3 && g_str_equal (words[1], "new")) {
      g_hash_table_add (round->pending_new, g_strdup (words[2]));
      return TRUE;
    }
    if (n == 3 && g_ascii_string_to_signed (words[1], 10, 1, G_MAXINT64, &id, NULL)) {
      g_hash_table_insert (round->pending, id_new (id), g_strdup (words[2]));
      return TRUE;
    }
  }

  if (n == 3 && g_str_equal (words[0], "ack") &&
      g_ascii_string_to_signed (words[1], 10, 1, G_MAXINT64, &id, NULL)) {
    g_hash_table_insert (round->expected, id_new (id), g_strdup (words[2]));
    g_hash_table_remove (round->pending, &id);
    g_hash_table_remove (round->pending_new, words[2]);
    round->last_was_ack = TRUE;
    round->acks++;
    return TRUE;
  }

  g_printerr ("crash-harness: the driver wrote “%s”\n", line);
  return FALSE;
}

/* Every article of the library and its state; %NULL when it cannot be
 * opened or read, which the message says. */
static GHashTable *
read_library (const char *path,
              Totals     *totals)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) states = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!(library = wenji_library_open (path, &error))) {
    g_printerr ("crash-harness: cannot open the library after the kill: %s\n", error->message);
    totals->corrupt++;
    return NULL;
  }

  if (!wenji_library_check (library, problems, &error)) {
    g_printerr ("crash-harness: cannot check the library: %s\n", error->message);
    totals->corrupt++;
    return NULL;
  }
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("crash-harness: check: %s\n", (char *) problems->pdata[i]);
  if (problems->len > 0)
    totals->corrupt++;

  rc = sqlite3_prepare_v2 (wenji_library_get_db (library), "SELECT id FROM articles", -1,
                           &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    gint64 id = sqlite3_column_int64 (stmt, 0);
    g_array_append_val (ids, id);
    rc = SQLITE_OK;
  }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE) {
    g_printerr ("crash-harness: cannot list the articles: %s\n", sqlite3_errstr (rc));
    totals->corrupt++;
    return NULL;
  }

  states = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < ids->len; i++) {
    gint64 id = g_array_index (ids, gint64, i);
    g_autoptr (WenjiArticle) article = wenji_library_load_article (library, id, &error);

    if (article == NULL) {
      g_printerr ("crash-harness: article %" G_GINT64_FORMAT ": %s\n", id, error->message);
      g_clear_error (&error);
      totals->corrupt++;
      continue;
    }
    g_hash_table_insert (states, id_new (id), crash_state_of_article (article));
  }

  return g_steal_pointer (&states);
}

/* Compares the library with what was acknowledged. */
static void
round_verify (Round      *round,
              GHashTable *actual,
              Totals     *totals)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, round->expected);
  while (g_hash_table_iter_next (&iter, &key, &value)) {
    const char *expected = value;
    const char *found = g_hash_table_lookup (actual, key);
    const char *tried = g_hash_table_lookup (round->pending, key);

    if (found == NULL)
      found = CRASH_STATE_GONE;
    if (g_str_equal (found, expected) || g_strcmp0 (found, tried) == 0)
      continue;

    if (g_str_equal (found, CRASH_STATE_GONE)) {
      if (n_reported++ < 20)
        g_printerr ("crash-harness: lost article %" G_GINT64_FORMAT " (%s)\n",
                    *(gint64 *) key, expected);
      totals->lost++;
    } else {
      if (n_reported++ < 20)
        g_printerr ("crash-harness: article %" G_GINT64_FORMAT " is %s, acknowledged as %s\n",
                    *(gint64 *) key, found, expected);
      totals->corrupt++;
    }
  }

  /* An article nobody acknowledged may only be the one being added. */
  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, &value)) {
    if (g_hash_table_contains (round->expected, key) ||
        g_hash_table_contains (round->pending_new, value) || round->pending_import)
      continue;
    if (n_reported++ < 20)
      g_printerr ("crash-harness: article %" G_GINT64_FORMAT " (%s) was never added\n",
                  *(gint64 *) key, (char *) value);
    totals->corrupt++;
  }
}

typedef struct {
  GInputStream *stream;
  GAsyncQueue  *lines;
} Reader;

static gpointer
read_lines (gpointer data)
{
  Reader *reader = data;
  g_autoptr (GDataInputStream) input = g_data_input_stream_new (reader->stream);
  char *line;

  while ((line = g_data_input_stream_read_line (input, NULL, NULL, NULL)) != NULL)
    g_async_queue_push (reader->lines, line);
  g_async_queue_push (reader->lines, g_strdup (EOF_LINE));

  return NULL;
}

/* Copies the library with its write-ahead log, as a killed process left it. */
static char *
copy_library (const char *path)
{
  g_autofree char *copy = g_strconcat (path, ".check", NULL);
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++) {
    g_autofree char *to = g_strconcat (copy, suffixes[i], NULL);
    g_unlink (to);
  }

  /* The -shm index is rebuilt from the log; it is not copied. */
  for (guint i = 0; i < 2; i++) {
    g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
    g_autofree char *to = g_strconcat (copy, suffixes[i], NULL);
    g_autoptr (GError) error = NULL;
    g_autofree char *data = NULL;
    gsize length;

    if (!g_file_test (from, G_FILE_TEST_EXISTS))
      continue;
    if (!g_file_get_contents (from, &data, &length, &error) ||
        !g_file_set_contents (to, data, length, &error))
      g_error ("crash-harness: copying the library: %s", error->message);
  }

  return g_steal_pointer (&copy);
}

/* `wenji-cli check` must say the library is intact. */
static void
run_cli_check (const char *path,
               Totals     *totals)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { cli_path, "--library", path, "check", NULL };
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error)) {
    g_printerr ("crash-harness: wenji-cli check: %s\n%s%s", error->message,
                out ? out : "", err ? err : "");
    totals->cli_failures++;
  }
}

/* One run of the driver, killed at a random moment; FALSE when the driver
 * failed on its own. */
static gboolean
run_driver (const char *path,
            guint32     driver_seed,
            GRand      *rand,
            Round      *round,
            Totals     *totals)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) driver = NULL;
  g_autoptr (GAsyncQueue) lines = g_async_queue_new_full (g_free);
  g_autofree char *seed_text = g_strdup_printf ("%u", driver_seed);
  gboolean eof = FALSE, ok = TRUE;
  Reader reader;
  GThread *thread;
  char *line;

  driver = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             driver_path, path, seed_text, sabotage ? "sabotage" : NULL, NULL);
  if (driver == NULL)
    g_error ("crash-harness: %s", error->message);

  reader.stream = g_subprocess_get_stdout_pipe (driver);
  reader.lines = lines;
  thread = g_thread_new ("crash-reader", read_lines, &reader);

  /* One kill in ten comes while the library is being opened. */
  if (g_rand_int_range (rand, 0, 10) == 0) {
    totals->early_kills++;
  } else {
    /* Once the library is open and a first change acknowledged, so that
     * the kill has something to lose however slow a loaded machine is. */
    while ((!round->ready || round->acks == 0) && !eof) {
      line = g_async_queue_timeout_pop (lines, 60 * G_USEC_PER_SEC);
      if (line == NULL)
        g_error ("crash-harness: the driver acknowledged nothing in a minute");
      eof = g_str_equal (line, EOF_LINE);
      if (!eof && !round_read_line (round, line))
        ok = FALSE;
      g_free (line);
    }
  }
  g_usleep (g_rand_int_range (rand, 0, max_delay + 1) * 1000);

  g_subprocess_force_exit (driver);
  if (!g_subprocess_wait (driver, NULL, &error))
    g_error ("crash-harness: %s", error->message);
  g_thread_join (thread);

  while (!eof && (line = g_async_queue_pop (lines)) != NULL) {
    eof = g_str_equal (line, EOF_LINE);
    if (!eof && !round_read_line (round, line))
      ok = FALSE;
    g_free (line);
  }

  if (!g_subprocess_get_if_signaled (driver) || g_subprocess_get_term_sig (driver) != SIGKILL) {
    g_printerr ("crash-harness: the driver stopped before it was killed (status %d)\n",
                g_subprocess_get_status (driver));
    ok = FALSE;
  }

  return ok;
}

static char *
sibling_path (const char *relative)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = g_path_get_dirname (self ? self : "crash-harness");

  return g_build_filename (dir, relative, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = g_option_context_new ("— kill Wenji while it writes");
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = NULL;
  g_autoptr (GHashTable) model = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Totals totals = { 0 };
  gboolean failed;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error)) {
    g_printerr ("crash-harness: %s\n", error->message);
    return 2;
  }
  if (driver_path == NULL)
    driver_path = sibling_path ("crash-driver");
  if (cli_path == NULL)
    cli_path = sibling_path ("../../src/cli/wenji-cli");
  if (seed < 0)
    seed = g_get_real_time () % G_MAXUINT32;
  rand = g_rand_new_with_seed ((guint32) seed);

  if (!(dir = g_dir_make_tmp ("wenji-crash-XXXXXX", &error)))
    g_error ("crash-harness: %s", error->message);
  path = g_build_filename (dir, "library.db", NULL);
  model = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_print ("crash-harness: %d kills of %s on %s, seed %" G_GINT64_FORMAT "\n",
           kills, driver_path, path, seed);

  for (int k = 0; k < kills; k++) {
    g_autoptr (GHashTable) actual = NULL;
    g_autofree char *check_path = NULL;
    Round round;
    guint lost = totals.lost, corrupt = totals.corrupt;

    round_init (&round, model);
    if (!run_driver (path, g_rand_int (rand), rand, &round, &totals))
      totals.driver_failures++;
    totals.kills++;
    totals.acks += round.acks;

    /* Half the time the next driver recovers the log itself. */
    check_path = k % 2 == 0 ? copy_library (path) : g_strdup (path);
    actual = read_library (check_path, &totals);
    if (actual != NULL)
      round_verify (&round, actual, &totals);
    if (k % 10 == 9 || k == kills - 1)
      run_cli_check (check_path, &totals);

    if (verbose)
      g_print ("kill %d: %u acknowledged, %u articles, %u lost, %u corrupt\n",
               k + 1, round.acks, actual ? g_hash_table_size (actual) : 0,
               totals.lost - lost, totals.corrupt - corrupt);

    if (actual != NULL) {
      g_hash_table_unref (model);
      model = g_steal_pointer (&actual);
    }
    round_clear (&round);
  }

  g_print ("kills %u (%u while opening), acknowledged commits %u, lost %u, corrupt %u\n",
           totals.kills, totals.early_kills, totals.acks, totals.lost, totals.corrupt);
  if (totals.driver_failures > 0 || totals.cli_failures > 0)
    g_print ("driver failures %u, wenji-cli check failures %u\n",
             totals.driver_failures, totals.cli_failures);

  failed = totals.lost > 0 || totals.corrupt > 0 || totals.driver_failures > 0 ||
           totals.cli_failures > 0;
  if ((failed && !sabotage) || keep)
    g_print ("the library is in %s\n", dir);
  else
    scratch_remove (dir);

  g_free (driver_path);
  g_free (cli_path);

  return failed ? 1 : 0;
}
