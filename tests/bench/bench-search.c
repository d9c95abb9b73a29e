/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-search: how fast and how complete Wenji's search is on a large
 * library, side by side with an FTS5 trigram index and a LIKE scan.
 *
 *   bench-search CORPUS.jsonl[.gz] --library PATH [--repeat K] [--runs N] [--latin]
 *
 * The library at PATH is reused when it exists; otherwise bench-import
 * (beside this program) builds it from CORPUS repeated K times. For each
 * class of queries it prints p50 and p95 of "top 20 ranked with snippets",
 * each query once untimed and then N times, and the memory of the process
 * after all of them. Then, the recall against a substring scan of the
 * folded text, read one article at a time so that a library of a million
 * articles fits in memory. The trigram index ranks its top 20 with bm25 and
 * snippets; the LIKE scan finds every match, newest first, as a search
 * without an index has to.
 *
 * With --latin it prints, instead, the precision and recall of short Latin
 * and mixed queries (5G, G20, A股…) as a reader means them: the query as a
 * whole word, not inside a longer run of letters and digits. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "wenji-core.h"
#include "wenji-search-tokenizer.h"

typedef struct {
  const char *class;
  const char *queries[6];
} QueryClass;

static const QueryClass classes[] = {
  { "1 char, frequent", { "国", "会", "发", NULL } },
  { "1 char, rare", { "鲸", "琴", "蝶", NULL } },
  { "2 chars, frequent", { "发展", "中国", "经济", "建设", NULL } },
  { "2 chars, rare", { "熊猫", "减负", "钢琴", "台风", NULL } },
  { "3 chars", { "新时代", "习近平", "共同体", "博物馆", NULL } },
  { "4 chars, frequent", { "高质量发展", "人民群众", "乡村振兴", NULL } },
  { "4 chars, rare", { "久久为功", "一带一路", "大熊猫馆", NULL } },
  { "Traditional over Simplified", { "發展", "經濟", "圖書館", "頭髮", NULL } },
  { "Latin words", { "APEC", "GDP", "CCTV", NULL } },
  { "two terms (AND)", { "经济 发展", "熊猫 保护", "台风 预警", NULL } },
};

/* What a reader types for a product, a standard or a market; each must
 * find the word, not the same letters inside video ids or other words. */
static const char * const latin_queries[] = {
  "5G", "4G", "6G", "3D", "4K", "AI", "VR", "GDP", "NBA", "G20", "A股", "MP3", "H5N1",
  "C919", "IPv6", "PM2.5", "iPhone", "COVID-19", "2021年",
};

typedef struct {
  gint64  id;
  char   *folded; /* title, body, author, source, folded as the index folds */
} Row;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  guint index;

  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  index = (guint) (p * (values->len - 1) + 0.5);

  return g_array_index (values, double, index);
}

static GPtrArray *
load_rows (sqlite3 *db)
{
  GPtrArray *rows = g_ptr_array_new ();
  sqlite3_stmt *stmt;

  sqlite3_prepare_v2 (db,
                      "SELECT id, title || char(1) || body || char(1) || coalesce (author, '') "
                      "|| char(1) || coalesce (source, '') FROM articles WHERE deleted_at IS NULL",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW) {
    Row *row = g_new0 (Row, 1);
    row->id = sqlite3_column_int64 (stmt, 0);
    row->folded = wenji_fold_for_search ((const char *) sqlite3_column_text (stmt, 1));
    g_ptr_array_add (rows, row);
  }
  sqlite3_finalize (stmt);

  return rows;
}

/* Han terms match anywhere; a Latin word or number only where a word
 * starts, as a word search does: after a character that is not a letter or
 * digit, or where letters and digits meet (2023GDP), but not inside
 * "videgnxexw8rkgdppojj8". */
static gboolean
contains_term (const char *text,
               const char *term)
{
  gboolean latin = g_ascii_isalnum (term[0]);

  for (const char *p = strstr (text, term); p != NULL; p = strstr (p + 1, term)) {
    if (!latin || p == text || !g_ascii_isalnum (p[-1]) ||
        g_ascii_isdigit (p[-1]) != g_ascii_isdigit (p[0]))
      return TRUE;
  }

  return FALSE;
}

/* Whether @folded holds every space-separated term of @terms. */
static gboolean
matches_terms (const char  *folded,
               GStrv        terms)
{
  for (guint t = 0; terms[t] != NULL; t++)
    if (*terms[t] != '\0' && !contains_term (folded, terms[t]))
      return FALSE;

  return TRUE;
}

/* The articles a substring scan finds for every query of every class, in
 * one pass over the library: ids in ascending order, per query. */
static GPtrArray *
ground_truth (sqlite3 *db)
{
  GPtrArray *truth = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GPtrArray) terms = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt;

  for (guint c = 0; c < G_N_ELEMENTS (classes); c++) {
    for (guint q = 0; classes[c].queries[q] != NULL; q++) {
      g_autofree char *folded = wenji_fold_for_search (classes[c].queries[q]);

      g_ptr_array_add (terms, g_strsplit (folded, " ", -1));
      g_ptr_array_add (truth, g_array_new (FALSE, FALSE, sizeof (gint64)));
    }
  }

  if (sqlite3_prepare_v2 (db,
                          "SELECT id, title || char(1) || body || char(1) || coalesce (author, '') "
                          "|| char(1) || coalesce (source, '') FROM articles "
                          "WHERE deleted_at IS NULL ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    g_error ("ground truth: %s", sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW) {
    gint64 id = sqlite3_column_int64 (stmt, 0);
    g_autofree char *folded = wenji_fold_for_search ((const char *) sqlite3_column_text (stmt, 1));

    for (guint i = 0; i < terms->len; i++)
      if (matches_terms (folded, terms->pdata[i]))
        g_array_append_val (truth->pdata[i], id);
  }
  sqlite3_finalize (stmt);

  return truth;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* How many of the articles in @truth (ascending ids) Wenji finds, and how
 * many it finds that are not there. */
static void
compare_with_truth (WenjiLibrary *library,
                    const char   *query,
                    GArray       *truth,
                    guint        *found,
                    guint        *extra)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiSearchResults) results = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint t = 0;

  results = wenji_library_search_rank (library, query, G_MAXINT, &error);
  if (results == NULL)
    g_error ("search “%s” failed: %s", query, error->message);
  for (guint i = 0; i < results->hits->len; i++)
    g_array_append_val (ids, ((WenjiSearchHit *) results->hits->pdata[i])->id);
  g_array_sort (ids, compare_ids);

  for (guint i = 0; i < ids->len; i++) {
    gint64 id = g_array_index (ids, gint64, i);

    while (t < truth->len && g_array_index (truth, gint64, t) < id)
      t++;
    if (t < truth->len && g_array_index (truth, gint64, t) == id)
      (*found)++;
    else
      (*extra)++;
  }
}

/* The resident memory of this process now, and at most so far, in MB. */
static void
read_memory (double *rss,
             double *peak)
{
  g_autofree char *status = NULL;
  const char *line;

  *rss = *peak = 0;
  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;
  if ((line = strstr (status, "VmRSS:")) != NULL)
    *rss = g_ascii_strtod (line + 6, NULL) / 1024;
  if ((line = strstr (status, "VmHWM:")) != NULL)
    *peak = g_ascii_strtod (line + 6, NULL) / 1024;
}

/* A letter or digit of a Latin word; Han characters bound a word as
 * punctuation and spaces do. */
static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) && !wenji_text_is_han (c);
}

/* Whether @term occurs in @text as a reader means it: where the term begins
 * or ends with a letter or digit, the text has none just before or after. */
static gboolean
contains_word (const char *text,
               const char *term)
{
  gsize length = strlen (term);
  gboolean open_start = is_word_char (g_utf8_get_char (term));
  gboolean open_end = is_word_char (g_utf8_get_char (g_utf8_prev_char (term + length)));

  for (const char *p = strstr (text, term); p != NULL; p = strstr (p + 1, term)) {
    if (open_start && p > text && is_word_char (g_utf8_get_char (g_utf8_prev_char (p))))
      continue;
    if (open_end && is_word_char (g_utf8_get_char (p + length)))
      continue;
    return TRUE;
  }

  return FALSE;
}

/* Precision and recall of each Latin query, and of all of them together. */
static void
report_latin (WenjiLibrary *library,
              GPtrArray    *rows)
{
  guint all_truth = 0, all_found = 0, all_right = 0;

  g_print ("%8s %8s %8s %10s %8s  %s\n", "matches", "found", "right", "precision", "recall",
           "query");

  for (guint q = 0; q < G_N_ELEMENTS (latin_queries); q++) {
    const char *query = latin_queries[q];
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) hits = wenji_library_search (library, query, G_MAXINT, &error);
    g_autoptr (GHashTable) truth = g_hash_table_new (g_int64_hash, g_int64_equal);
    g_autofree char *term = wenji_fold_for_search (query);
    guint right = 0;

    if (hits == NULL)
      g_error ("search “%s” failed: %s", query, error->message);

    for (guint i = 0; i < rows->len; i++) {
      Row *row = rows->pdata[i];

      if (contains_word (row->folded, term))
        g_hash_table_add (truth, &row->id);
    }
    for (guint i = 0; i < hits->len; i++)
      right += g_hash_table_contains (truth, &((WenjiSearchHit *) hits->pdata[i])->id);

    g_print ("%8u %8u %8u %9.1f%% %7.1f%%  %s\n", g_hash_table_size (truth), hits->len, right,
             hits->len ? 100.0 * right / hits->len : 100.0,
             g_hash_table_size (truth) ? 100.0 * right / g_hash_table_size (truth) : 100.0, query);
    all_truth += g_hash_table_size (truth);
    all_found += hits->len;
    all_right += right;
  }

  g_print ("%8u %8u %8u %9.1f%% %7.1f%%  all\n", all_truth, all_found, all_right,
           all_found ? 100.0 * all_right / all_found : 100.0,
           all_truth ? 100.0 * all_right / all_truth : 100.0);
}

static double
time_wenji (WenjiLibrary *library,
            const char   *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  double start = now_ms ();

  hits = wenji_library_search (library, query, 20, &error);
  if (hits == NULL)
    g_error ("search “%s” failed: %s", query, error->message);

  return now_ms () - start;
}

static double
time_sql (sqlite3    *db,
          const char *sql,
          const char *param,
          guint      *n_rows)
{
  sqlite3_stmt *stmt;
  double start = now_ms ();
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  *n_rows = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    (*n_rows)++;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));

  return now_ms () - start;
}

static guint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt;
  guint64 value = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
build_library (const char  *self,
               const char  *corpus,
               const char  *library,
               int          repeat,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (self);
  g_autofree char *importer = g_build_filename (dir, "bench-import", NULL);
  g_autofree char *repeat_text = g_strdup_printf ("%d", repeat);
  const char *argv[] = { importer, corpus, "--repeat", repeat_text, "--library", library, NULL };
  g_autoptr (GSubprocess) process = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, error);

  return process != NULL && g_subprocess_wait_check (process, NULL, error);
}

/* A trigram FTS5 index of the same articles, in a file of its own. */
static sqlite3 *
open_trigram (const char *library_path,
              const char *trigram_path)
{
  sqlite3 *db;
  gboolean exists = g_file_test (trigram_path, G_FILE_TEST_EXISTS);
  g_autofree char *attach = NULL;

  if (sqlite3_open (trigram_path, &db) != SQLITE_OK)
    g_error ("cannot open %s", trigram_path);
  if (exists)
    return db;

  attach = sqlite3_mprintf ("ATTACH %Q AS lib", library_path);
  if (sqlite3_exec (db, attach, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db,
                    "CREATE VIRTUAL TABLE tri USING fts5 (title, body, tokenize = 'trigram');"
                    "INSERT INTO tri (rowid, title, body) SELECT id, title, body FROM lib.articles "
                    "WHERE deleted_at IS NULL;"
                    "DETACH lib;",
                    NULL, NULL, NULL) != SQLITE_OK)
    g_error ("trigram index: %s", sqlite3_errmsg (db));
  sqlite3_free (g_steal_pointer (&attach));

  return db;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autofree char *library_path = NULL;
  g_autofree char *trigram_path = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) truth = NULL;
  GArray *wenji_ms[G_N_ELEMENTS (classes)];
  sqlite3 *db, *tri;
  double rss, peak;
  gint64 start;
  int repeat = 5, runs = 5;
  gboolean latin = FALSE;
  guint64 index_bytes, text_bytes;
  const GOptionEntry entries[] = {
    { "library", 0, 0, G_OPTION_ARG_FILENAME, &library_path,
      "The library to search (built when missing)", "PATH" },
    { "repeat", 'k', 0, G_OPTION_ARG_INT, &repeat,
      "Build it from the corpus repeated K times", "K" },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Time every query N times", "N" },
    { "latin", 0, 0, G_OPTION_ARG_NONE, &latin, "Precision and recall of Latin queries", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("[CORPUS.jsonl[.gz]]");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || library_path == NULL || runs < 1) {
    g_printerr ("usage: bench-search CORPUS.jsonl[.gz] --library PATH [--repeat K] [--runs N] "
                "[--latin]\n");
    return EXIT_FAILURE;
  }

  if (!g_file_test (library_path, G_FILE_TEST_EXISTS)) {
    if (argc < 2) {
      g_printerr ("bench-search: %s does not exist; give the corpus to build it\n", library_path);
      return EXIT_FAILURE;
    }
    g_print ("building %s from %s x %d with bench-import:\n", library_path, argv[1], repeat);
    start = g_get_monotonic_time ();
    if (!build_library (argv[0], argv[1], library_path, repeat, &error)) {
      g_printerr ("bench-search: %s\n", error->message);
      return EXIT_FAILURE;
    }
    g_print ("built in %.0f s\n", (g_get_monotonic_time () - start) / 1e6);
  }

  if (!(library = wenji_library_open (library_path, &error))) {
    g_printerr ("bench-search: %s\n", error->message);
    return EXIT_FAILURE;
  }

  if (sqlite3_open_v2 (library_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return EXIT_FAILURE;

  text_bytes = query_int (db, "SELECT sum (length (CAST (title AS BLOB)) "
                              "+ length (CAST (body AS BLOB)) "
                              "+ coalesce (length (CAST (author AS BLOB)), 0) "
                              "+ coalesce (length (CAST (source AS BLOB)), 0)) FROM articles");
  index_bytes = query_int (db, "SELECT (SELECT sum (length (block)) FROM articles_fts_data) + "
                               "(SELECT sum (length (term)) + 16 * count (*) "
                               "FROM articles_fts_idx) + "
                               "(SELECT sum (length (sz)) + 8 * count (*) "
                               "FROM articles_fts_docsize)");
  g_print ("library: %" G_GUINT64_FORMAT " articles, text %.1f MB, index %.1f MB, "
           "index / text = %.2f\n",
           query_int (db, "SELECT count (*) FROM articles"),
           text_bytes / 1e6, index_bytes / 1e6, (double) index_bytes / text_bytes);

  if (latin) {
    rows = load_rows (db);
    report_latin (library, rows);
    sqlite3_close (db);
    return EXIT_SUCCESS;
  }

  /* Wenji alone first, so that the memory is the search's. */
  g_print ("%u classes of queries; %d runs of each query\n\n", (guint) G_N_ELEMENTS (classes),
           runs);
  for (guint c = 0; c < G_N_ELEMENTS (classes); c++) {
    wenji_ms[c] = g_array_new (FALSE, FALSE, sizeof (double));
    for (guint q = 0; classes[c].queries[q] != NULL; q++) {
      time_wenji (library, classes[c].queries[q]);
      for (int r = 0; r < runs; r++) {
        double ms = time_wenji (library, classes[c].queries[q]);
        g_array_append_val (wenji_ms[c], ms);
      }
    }
  }
  read_memory (&rss, &peak);

  trigram_path = g_strconcat (library_path, ".trigram", NULL);
  start = g_get_monotonic_time ();
  tri = open_trigram (library_path, trigram_path);
  if (g_get_monotonic_time () - start > G_USEC_PER_SEC)
    g_print ("trigram index built in %.0f s\n", (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();
  truth = ground_truth (db);
  g_print ("ground truth: a substring scan in %.0f s\n\n", (g_get_monotonic_time () - start) / 1e6);

  g_print ("%-28s %10s %10s %8s | %10s %8s | %10s %8s\n", "class", "wenji p50", "p95", "recall",
           "trigram p50", "recall", "LIKE scan", "recall");

  for (guint c = 0, index = 0; c < G_N_ELEMENTS (classes); c++) {
    g_autoptr (GArray) tri_ms = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr (GArray) like_ms = g_array_new (FALSE, FALSE, sizeof (double));
    guint truth_total = 0, wenji_found = 0, wenji_extra = 0, tri_found = 0, like_found = 0;

    for (guint q = 0; classes[c].queries[q] != NULL; q++, index++) {
      const char *query = classes[c].queries[q];
      GArray *query_truth = truth->pdata[index];
      g_autofree char *like = NULL;
      g_autofree char *phrase = NULL;
      guint n;
      double ms;

      truth_total += query_truth->len;
      compare_with_truth (library, query, query_truth, &wenji_found, &wenji_extra);

      /* What the others find of the whole truth (first term only for AND). */
      {
        g_auto (GStrv) terms = g_strsplit (query, " ", -1);
        g_autoptr (GString) match = g_string_new (NULL);

        for (guint t = 0; terms[t] != NULL; t++)
          g_string_append_printf (match, "%s\"%s\"", t ? " AND " : "", terms[t]);
        phrase = g_strdup (match->str);
        like = g_strdup_printf ("%%%s%%", terms[0]);
      }
      time_sql (tri, "SELECT rowid FROM tri WHERE tri MATCH ?1", phrase, &n);
      tri_found += MIN (n, query_truth->len);

      for (int r = 0; r < runs; r++) {
        ms = time_sql (tri,
                       "SELECT rowid, snippet (tri, 1, '[', ']', '…', 20) FROM tri "
                       "WHERE tri MATCH ?1 "
                       "ORDER BY rank LIMIT 20", phrase, &n);
        g_array_append_val (tri_ms, ms);
      }

      /* The scan reads every article whatever the query: once is enough. */
      ms = time_sql (db,
                     "SELECT id, substr (body, 1, 40) FROM articles WHERE deleted_at IS NULL "
                     "AND (title LIKE ?1 OR body LIKE ?1) ORDER BY updated_at DESC",
                     like, &n);
      g_array_append_val (like_ms, ms);
      like_found += strchr (query, ' ') ? 0 : MIN (n, query_truth->len);
    }

    g_print ("%-28s %8.2fms %8.2fms %7.1f%% | %8.2fms %7.1f%% | %8.2fms %7.1f%%",
             classes[c].class, percentile (wenji_ms[c], 0.5), percentile (wenji_ms[c], 0.95),
             truth_total ? 100.0 * wenji_found / truth_total : 100.0,
             percentile (tri_ms, 0.5), truth_total ? 100.0 * tri_found / truth_total : 100.0,
             percentile (like_ms, 0.5), truth_total ? 100.0 * like_found / truth_total : 100.0);
    if (wenji_extra > 0)
      g_print ("  (%u extra)", wenji_extra);
    g_print ("  [%u matches]\n", truth_total);
    g_array_unref (wenji_ms[c]);
  }

  g_print ("\nsearch process after the timed searches: RSS %.0f MB, peak %.0f MB\n", rss, peak);

  sqlite3_close (tri);
  sqlite3_close (db);

  return EXIT_SUCCESS;
}
