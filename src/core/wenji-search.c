/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Full-text search: the FTS5 index over articles, kept in step by triggers,
 * and the search itself, ranked by bm25 with the title above the body, with
 * a snippet around the best match in the article's own script.
 */
#include "config.h"

#include <math.h>

#include "wenji-error.h"
#include "wenji-library-private.h"
#include "wenji-search.h"
#include "wenji-search-private.h"
#include "wenji-search-tokenizer.h"

static const char index_sql[] =
  "DROP TRIGGER IF EXISTS articles_fts_insert;"
  "DROP TRIGGER IF EXISTS articles_fts_delete;"
  "DROP TRIGGER IF EXISTS articles_fts_update;"
  "DROP TABLE IF EXISTS articles_fts;"
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
  "  title, body, author, source,"
  "  content = 'articles', content_rowid = 'id', tokenize = 'wenji');"
  "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts (rowid, title, body, author, source)"
  "  VALUES (new.id, new.title, new.body, new.author, new.source);"
  "END;"
  "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, title, body, author, source)"
  "  VALUES ('delete', old.id, old.title, old.body, old.author, old.source);"
  "END;"
  "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, author, source ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, title, body, author, source)"
  "  VALUES ('delete', old.id, old.title, old.body, old.author, old.source);"
  "  INSERT INTO articles_fts (rowid, title, body, author, source)"
  "  VALUES (new.id, new.title, new.body, new.author, new.source);"
  "END;"
  /* Flush fewer, larger segments while importing, and merge them less
   * eagerly: most of an import's time is FTS5 merging its segments. */
  "INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);"
  "INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);";

/* Indexes every article, telling @progress every few hundred. */
static int
fill_index (sqlite3              *db,
            WenjiLibraryProgress  progress,
            gpointer              user_data,
            GCancellable         *cancellable)
{
  sqlite3_stmt *read = NULL, *write = NULL;
  sqlite3_int64 total = 0, done = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT count (*) FROM articles", -1, &read, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (read)) == SQLITE_ROW) {
    total = sqlite3_column_int64 (read, 0);
    rc = SQLITE_OK;
  }
  sqlite3_finalize (read);
  read = NULL;
  if (rc != SQLITE_OK)
    return rc;

  if ((rc = sqlite3_prepare_v2 (db, "SELECT id, title, body, author, source FROM articles", -1,
                                &read, NULL)) != SQLITE_OK ||
      (rc = sqlite3_prepare_v2 (db, "INSERT INTO articles_fts (rowid, title, body, author, source) "
                                    "VALUES (?, ?, ?, ?, ?)", -1, &write, NULL)) != SQLITE_OK)
    goto out;

  if (progress)
    progress (0.0, user_data);

  while ((rc = sqlite3_step (read)) == SQLITE_ROW) {
    for (int i = 0; i < 5; i++)
      sqlite3_bind_value (write, i + 1, sqlite3_column_value (read, i));
    rc = sqlite3_step (write);
    sqlite3_reset (write);
    if (rc != SQLITE_DONE)
      goto out;

    if (++done % 500 == 0) {
      if (g_cancellable_is_cancelled (cancellable)) {
        rc = SQLITE_INTERRUPT;
        goto out;
      }
      if (progress)
        progress ((double) done / MAX (total, 1), user_data);
    }
  }
  if (rc == SQLITE_DONE) {
    rc = SQLITE_OK;
    if (progress)
      progress (1.0, user_data);
  }

out:
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  return rc;
}

/**
 * wenji_search_ensure_index:
 * @progress: (nullable): how much of the index is built
 *
 * Builds the search index when the library has none, or one made by another
 * version of the tokenizer. Runs in one transaction: an interrupted or
 * cancelled build leaves the library as it was, and the next open starts
 * again.
 */
gboolean
wenji_search_ensure_index (sqlite3               *db,
                           const char            *path,
                           WenjiLibraryProgress   progress,
                           gpointer               user_data,
                           GCancellable          *cancellable,
                           GError               **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = 0, rc;
  g_autofree char *set_version = NULL;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT CAST(value AS INTEGER) FROM meta "
                           "WHERE key = 'tokenizer_version'",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW)
      version = sqlite3_column_int (stmt, 0);
    rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
  }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK) {
    wenji_sqlite_set_error (db, path, rc, error);
    return FALSE;
  }

  if (version == WENJI_TOKENIZER_VERSION)
    return TRUE;

  set_version = g_strdup_printf ("INSERT OR REPLACE INTO meta (key, value) "
                                 "VALUES ('tokenizer_version', '%d');",
                                 WENJI_TOKENIZER_VERSION);

  if ((rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK ||
      (rc = sqlite3_exec (db, index_sql, NULL, NULL, NULL)) != SQLITE_OK ||
      (rc = fill_index (db, progress, user_data, cancellable)) != SQLITE_OK ||
      (rc = sqlite3_exec (db, set_version, NULL, NULL, NULL)) != SQLITE_OK ||
      (rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK) {
    if (rc == SQLITE_INTERRUPT) {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           "Building the search index was cancelled.");
    } else {
      wenji_sqlite_set_error (db, path, rc, error);
      g_prefix_error (error, "Building the search index failed: ");
    }
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
    return FALSE;
  }

  return TRUE;
}

/*
 * wenji_rank(fts, title weight, body weight, author weight, source weight):
 * BM25 without length normalisation (b = 0), with the weighted count of a
 * phrase's instances as its term frequency. Unlike FTS5's bm25() it never
 * reads the column sizes, one B-tree lookup per matching row, which is most
 * of the time of a query that matches half the library.
 */

#define RANK_K1 1.2

typedef struct {
  int     n_phrases;
  double *idf;
} RankData;

static int
count_row (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           void                   *user_data)
{
  (*(sqlite3_int64 *) user_data)++;
  return SQLITE_OK;
}

static void
rank_data_free (void *data)
{
  RankData *rank = data;

  g_free (rank->idf);
  g_free (rank);
}

static RankData *
rank_data_new (const Fts5ExtensionApi *api,
               Fts5Context            *fts)
{
  RankData *rank = g_new0 (RankData, 1);
  sqlite3_int64 n_rows = 0;

  rank->n_phrases = api->xPhraseCount (fts);
  rank->idf = g_new0 (double, MAX (rank->n_phrases, 1));
  api->xRowCount (fts, &n_rows);

  for (int i = 0; i < rank->n_phrases; i++) {
    sqlite3_int64 hits = 0;
    double idf;

    api->xQueryPhrase (fts, i, &hits, count_row);
    idf = log ((n_rows - hits + 0.5) / (hits + 0.5));
    /* A phrase in most articles still counts a little. */
    rank->idf[i] = idf > 1e-6 ? idf : 1e-6;
  }

  return rank;
}

static void
rank_function (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               sqlite3_context         *context,
               int                      n_args,
               sqlite3_value          **args)
{
  RankData *rank = api->xGetAuxdata (fts, 0);
  double frequency[64] = { 0 };
  double score = 0;
  int n_inst = 0;

  if (rank == NULL) {
    rank = rank_data_new (api, fts);
    if (api->xSetAuxdata (fts, rank, rank_data_free) != SQLITE_OK) {
      sqlite3_result_error_nomem (context);
      return;
    }
  }

  api->xInstCount (fts, &n_inst);
  for (int i = 0; i < n_inst; i++) {
    int phrase, column, offset;
    double weight = 1.0;

    if (api->xInst (fts, i, &phrase, &column, &offset) != SQLITE_OK || phrase >= 64)
      continue;
    if (column < n_args)
      weight = sqlite3_value_double (args[column]);
    frequency[phrase] += weight;
  }

  for (int p = 0; p < rank->n_phrases && p < 64; p++)
    if (frequency[p] > 0)
      score += rank->idf[p] * frequency[p] * (RANK_K1 + 1) / (frequency[p] + RANK_K1);

  /* Like bm25(): lower is better, so ORDER BY sorts the best first. */
  sqlite3_result_double (context, -score);
}

/**
 * wenji_search_register:
 *
 * Registers the tokenizer and the ranking function on a connection.
 *
 * Returns: a SQLite result code
 */
int
wenji_search_register (sqlite3 *db)
{
  fts5_api *api;
  int rc;

  if ((rc = wenji_tokenizer_register (db)) != SQLITE_OK)
    return rc;
  if ((api = wenji_fts5_api (db)) == NULL)
    return SQLITE_ERROR;

  return api->xCreateFunction (api, "wenji_rank", NULL, rank_function, NULL);
}

void
wenji_search_hit_free (WenjiSearchHit *hit)
{
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

static gunichar *
fold_chars (const char *text,
            glong      *n_chars)
{
  gunichar *chars = g_utf8_to_ucs4_fast (text, -1, n_chars);

  for (glong i = 0; i < *n_chars; i++)
    chars[i] = wenji_fold_search_char (chars[i]);

  return chars;
}

static gboolean
matches_at (const gunichar *text,
            glong           n_text,
            glong           at,
            const gunichar *term,
            glong           n_term)
{
  if (at + n_term > n_text)
    return FALSE;
  for (glong k = 0; k < n_term; k++)
    if (text[at + k] != term[k])
      return FALSE;
  return TRUE;
}

/**
 * wenji_search_snippet:
 * @body: an article's text
 * @terms: (element-type utf8): what to mark
 * @width: about how many characters to show
 *
 * Cuts @width characters of @body around the first match, marking every
 * match inside with %WENJI_SNIPPET_OPEN and %WENJI_SNIPPET_CLOSE, in the
 * article's own script whatever the script of the terms.
 *
 * Returns: (transfer full): the snippet, on one line
 */
char *
wenji_search_snippet (const char *body,
                      GPtrArray  *terms,
                      guint       width)
{
  g_autofree gunichar *original = NULL;
  g_autofree gunichar *folded = NULL;
  g_autofree guint8 *marked = NULL;
  glong n = 0, first = -1, start, end;
  GString *out;

  original = g_utf8_to_ucs4_fast (body ? body : "", -1, &n);
  folded = fold_chars (body ? body : "", &n);
  marked = g_new0 (guint8, n + 1);

  for (guint t = 0; t < terms->len; t++) {
    glong n_term = 0;
    g_autofree gunichar *term = fold_chars (terms->pdata[t], &n_term);

    if (n_term == 0)
      continue;
    for (glong i = 0; i + n_term <= n; i++) {
      if (matches_at (folded, n, i, term, n_term)) {
        memset (marked + i, 1, n_term);
        if (first < 0 || i < first)
          first = i;
      }
    }
  }

  start = first < 0 ? 0 : MAX (0, first - (glong) width / 3);
  end = MIN (n, start + (glong) width);
  if (end - start < (glong) width)
    start = MAX (0, end - (glong) width);

  out = g_string_new (start > 0 ? "…" : "");
  for (glong i = start; i < end; i++) {
    gunichar c = original[i];

    if (marked[i] && (i == start || !marked[i - 1]))
      g_string_append (out, WENJI_SNIPPET_OPEN);
    g_string_append_unichar (out, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    if (marked[i] && (i + 1 == end || !marked[i + 1]))
      g_string_append (out, WENJI_SNIPPET_CLOSE);
  }
  if (end < n)
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

/**
 * wenji_library_search:
 * @query: what the user typed
 * @limit: the most results to return
 *
 * Finds the articles outside the Trash that match @query: the best ranked
 * first (BM25 on the index, a match in the title weighing ten times one in
 * the body), then the most recently added. Any text is a valid query.
 *
 * Returns: (transfer full) (element-type WenjiSearchHit): the results
 */
GPtrArray *
wenji_library_search (WenjiLibrary  *self,
                      const char    *query,
                      guint          limit,
                      GError       **error)
{
  g_autoptr (WenjiSearchQuery) parsed = wenji_search_query_parse (query);
  g_autoptr (GPtrArray) hits =
    g_ptr_array_new_with_free_func ((GDestroyNotify) wenji_search_hit_free);
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt = NULL, *row;
  int rc;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), NULL);

  if (wenji_search_query_is_empty (parsed))
    return g_steal_pointer (&hits);

  /* Ranking reads the index only; the Trash is a short list of ids, and
   * title and text are read for the few results alone. */
  if (parsed->match != NULL) {
    match = parsed->exclude != NULL
            ? g_strdup_printf ("(%s) NOT (%s)", parsed->match, parsed->exclude)
            : g_strdup (parsed->match);
    g_string_append (sql,
                     "SELECT rowid, wenji_rank (articles_fts, 10.0, 1.0, 3.0, 3.0) AS score "
                     "FROM articles_fts WHERE articles_fts MATCH ?1 "
                     "AND rowid NOT IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL) ");
  } else {
    /* Only filters and exclusions: the newest articles that pass them. */
    g_string_append (sql, "SELECT id, 0.0 AS score FROM articles WHERE deleted_at IS NULL ");
    if (parsed->exclude != NULL)
      g_string_append (sql, "AND id NOT IN (SELECT rowid FROM articles_fts "
                            "WHERE articles_fts MATCH ?1) ");
  }

  for (guint i = 0; i < parsed->tags->len; i++)
    g_string_append_printf (sql,
                            "AND %s IN (SELECT at.article_id FROM article_tags at "
                            "JOIN tags t ON t.id = at.tag_id WHERE t.name_key = ?%u) ",
                            parsed->match != NULL ? "rowid" : "id", 2 + i);

  if (parsed->match != NULL)
    g_string_append (sql, "ORDER BY score, rowid DESC ");
  else
    g_string_append (sql, "ORDER BY updated_at DESC, id DESC ");
  g_string_append_printf (sql, "LIMIT %u", limit);

  rc = sqlite3_prepare_v2 (wenji_library_get_db (self), sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK) {
    wenji_library_set_error (self, rc, error);
    return NULL;
  }

  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  else if (parsed->exclude != NULL)
    sqlite3_bind_text (stmt, 1, parsed->exclude, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < parsed->tags->len; i++) {
    g_autofree char *key = wenji_tag_key (parsed->tags->pdata[i]);
    sqlite3_bind_text (stmt, 2 + i, key, -1, SQLITE_TRANSIENT);
  }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    WenjiSearchHit *hit = g_new0 (WenjiSearchHit, 1);

    hit->id = sqlite3_column_int64 (stmt, 0);
    hit->score = sqlite3_column_double (stmt, 1);
    g_ptr_array_add (hits, hit);
  }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE) {
    wenji_library_set_error (self, rc, error);
    return NULL;
  }

  if (!(row = wenji_library_prepare (self, "SELECT title, body FROM articles WHERE id = ?", error)))
    return NULL;

  for (guint i = 0; i < hits->len; i++) {
    WenjiSearchHit *hit = hits->pdata[i];

    sqlite3_bind_int64 (row, 1, hit->id);
    rc = sqlite3_step (row);
    if (rc != SQLITE_ROW) {
      sqlite3_reset (row);
      wenji_library_set_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      return NULL;
    }
    hit->title = g_strdup ((const char *) sqlite3_column_text (row, 0));
    hit->snippet = wenji_search_snippet ((const char *) sqlite3_column_text (row, 1),
                                         parsed->terms, 40);
    sqlite3_reset (row);
  }

  return g_steal_pointer (&hits);
}

typedef struct {
  char  *library_path;
  char  *query;
  guint  limit;
} SearchJob;

static void
search_job_free (SearchJob *job)
{
  g_free (job->library_path);
  g_free (job->query);
  g_free (job);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchJob *job = task_data;
  g_autoptr (WenjiLibrary) library = NULL;
  GPtrArray *hits;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(library = wenji_library_open (job->library_path, &error)) ||
      !(hits = wenji_library_search (library, job->query, job->limit, &error))) {
    g_task_return_error (task, error);
    return;
  }

  g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * wenji_library_search_async:
 * @library_path: the library; the search opens its own connection
 *
 * Searches in a worker thread, so that typing never waits for it. A
 * cancelled search returns %G_IO_ERROR_CANCELLED: cancel the previous one
 * when the user types on, and its stale results never arrive.
 */
void
wenji_library_search_async (const char          *library_path,
                            const char          *query,
                            guint                limit,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SearchJob *job = g_new0 (SearchJob, 1);

  job->library_path = g_strdup (library_path);
  job->query = g_strdup (query);
  job->limit = limit;

  g_task_set_source_tag (task, wenji_library_search_async);
  g_task_set_task_data (task, job, (GDestroyNotify) search_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, search_thread);
}

/**
 * wenji_library_search_finish:
 *
 * Returns: (transfer full) (element-type WenjiSearchHit): the results
 */
GPtrArray *
wenji_library_search_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
