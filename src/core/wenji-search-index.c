/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The search index: an FTS5 table over the articles, kept in step by
 * triggers and rebuilt when the tokenizer changes, and wenji_rank(), the
 * ranking function that searches order their matches by.
 */
#include "config.h"

#include <math.h>

#include "wenji-error.h"
#include "wenji-library-private.h"
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
 * reads the column sizes, one B-tree lookup per matching row.
 *
 * A phrase's idf needs the number of articles it is in. Counting them all
 * would read the whole list of a common character, which is what a search
 * that ranks only the newest matches avoids: the count stops after
 * IDF_SAMPLE articles, oldest first, and the rest is estimated from how
 * far into the library they reached. With a single phrase the idf is the
 * same for every row and is not counted at all.
 */

#define RANK_K1    1.2
#define IDF_SAMPLE 1000

typedef struct {
  int     n_phrases;
  double *idf;
} RankData;

typedef struct {
  sqlite3_int64 n;
  sqlite3_int64 first;
  sqlite3_int64 last;
} PhraseCount;

static int
count_row (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           void                   *user_data)
{
  PhraseCount *count = user_data;
  sqlite3_int64 rowid = api->xRowid (fts);

  if (count->n++ == 0)
    count->first = rowid;
  count->last = rowid;

  return count->n < IDF_SAMPLE ? SQLITE_OK : SQLITE_DONE;
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
    PhraseCount count = { 0, 0, 0 };
    double hits, idf;

    if (rank->n_phrases == 1) {
      rank->idf[i] = 1.0;
      break;
    }

    api->xQueryPhrase (fts, i, &count, count_row);
    hits = count.n;
    /* Stopped early: the rowids follow the order articles were added in. */
    if (count.n == IDF_SAMPLE && count.last > count.first)
      hits = MIN ((double) n_rows, hits * n_rows / (double) (count.last - count.first + 1));
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
  int n_inst = 0, rc;

  if (rank == NULL) {
    rank = rank_data_new (api, fts);
    if (api->xSetAuxdata (fts, rank, rank_data_free) != SQLITE_OK) {
      sqlite3_result_error_nomem (context);
      return;
    }
  }

  if ((rc = api->xInstCount (fts, &n_inst)) != SQLITE_OK) {
    sqlite3_result_error_code (context, rc);
    return;
  }
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
