/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Full-text search: the matches of a query on the index of
 * wenji-search-index.c, ranked by bm25 with the title above the body, with
 * a snippet around the best match in the article's own script; in a worker
 * thread, the first results before the others.
 */
#include "config.h"

#include <math.h>

#include "wenji-library-private.h"
#include "wenji-search.h"
#include "wenji-search-tokenizer.h"

WenjiSearchHit *
wenji_search_hit_copy (const WenjiSearchHit *hit)
{
  WenjiSearchHit *copy = g_memdup2 (hit, sizeof *hit);

  copy->title = g_strdup (hit->title);
  copy->snippet = g_strdup (hit->snippet);

  return copy;
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

/* A body read one character at a time, as far as a snippet needs it. */
typedef struct {
  const char *next;
  gunichar   *original;
  gunichar   *folded;
  glong       n;
} SnippetText;

/* Reads up to @n characters; fewer at the end of the text. */
static void
read_to (SnippetText *text,
         glong        n)
{
  while (text->n < n && *text->next) {
    gunichar c = g_utf8_get_char (text->next);

    text->original[text->n] = c;
    text->folded[text->n] = wenji_fold_search_char (c);
    text->n++;
    text->next = g_utf8_next_char (text->next);
  }
}

static gboolean
matches_at (SnippetText    *text,
            glong           at,
            const gunichar *term,
            glong           n_term)
{
  read_to (text, at + n_term);
  if (at + n_term > text->n)
    return FALSE;
  for (glong k = 0; k < n_term; k++)
    if (text->folded[at + k] != term[k])
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
 * article's own script whatever the script of the terms. The text is read
 * only as far as the snippet needs it.
 *
 * Returns: (transfer full): the snippet, on one line
 */
char *
wenji_search_snippet (const char *body,
                      GPtrArray  *terms,
                      guint       width)
{
  g_autoptr (GPtrArray) folded_terms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) term_lengths = g_array_new (FALSE, FALSE, sizeof (glong));
  g_autofree gunichar *original = NULL;
  g_autofree gunichar *folded = NULL;
  g_autofree guint8 *marked = NULL;
  gsize max_chars = body != NULL ? strlen (body) : 0;
  SnippetText text;
  glong first = -1, longest = 0, start, end;
  GString *out;

  original = g_new (gunichar, max_chars + 1);
  folded = g_new (gunichar, max_chars + 1);
  text = (SnippetText) { body != NULL ? body : "", original, folded, 0 };

  for (guint t = 0; t < terms->len; t++) {
    glong n_term = 0;
    gunichar *term = fold_chars (terms->pdata[t], &n_term);

    g_ptr_array_add (folded_terms, term);
    g_array_append_val (term_lengths, n_term);
    longest = MAX (longest, n_term);
  }

  /* The first match of any term. */
  for (glong i = 0; first < 0; i++) {
    read_to (&text, i + 1);
    if (i >= text.n)
      break;
    for (guint t = 0; t < folded_terms->len && first < 0; t++) {
      glong n_term = g_array_index (term_lengths, glong, t);

      if (n_term > 0 && matches_at (&text, i, folded_terms->pdata[t], n_term))
        first = i;
    }
  }

  start = first < 0 ? 0 : MAX (0, first - (glong) width / 3);
  read_to (&text, start + width + longest);
  end = MIN (text.n, start + (glong) width);
  if (end - start < (glong) width)
    start = MAX (0, end - (glong) width);

  /* Every match that shows, whole or in part. */
  marked = g_new0 (guint8, end - start + 1);
  for (guint t = 0; t < folded_terms->len; t++) {
    glong n_term = g_array_index (term_lengths, glong, t);

    for (glong i = MAX (0, start - n_term + 1); n_term > 0 && i < end; i++)
      if (matches_at (&text, i, folded_terms->pdata[t], n_term))
        for (glong k = MAX (i, start); k < MIN (i + n_term, end); k++)
          marked[k - start] = 1;
  }

  out = g_string_new (start > 0 ? "…" : "");
  for (glong i = start; i < end; i++) {
    gunichar c = original[i];

    if (marked[i - start] && (i == start || !marked[i - start - 1]))
      g_string_append (out, WENJI_SNIPPET_OPEN);
    g_string_append_unichar (out, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    if (marked[i - start] && (i + 1 == end || !marked[i - start + 1]))
      g_string_append (out, WENJI_SNIPPET_CLOSE);
  }
  read_to (&text, end + 1);
  if (end < text.n)
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

void
wenji_search_results_free (WenjiSearchResults *results)
{
  g_clear_pointer (&results->hits, g_ptr_array_unref);
  g_clear_pointer (&results->terms, g_ptr_array_unref);
  g_free (results);
}

/*
 * A search reads the matches newest first and ranks no more than
 * SEARCH_WINDOW of them (or as many as it is asked for, if more): a common
 * character is in most articles, and ranking all of them to show twenty
 * would read the whole index. The best of the newest few thousand are good
 * results for so short a query, and a longer one has fewer matches, all
 * ranked. Where the window is full, the number of matches is estimated.
 */
#define SEARCH_WINDOW 2000

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const WenjiSearchHit *x = *(WenjiSearchHit * const *) a;
  const WenjiSearchHit *y = *(WenjiSearchHit * const *) b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  /* Then the most recently added first. */
  return x->id > y->id ? -1 : x->id < y->id;
}

/* @value to two significant digits: 98,234 is about 98,000. But never more
 * than @most, the number there can be: 107,350 articles are about 107,000,
 * not 110,000. */
static guint64
round_estimate (double  value,
                guint64 most)
{
  double unit = 1, rounded;

  while (value >= 100 * unit)
    unit *= 10;
  rounded = round (value / unit) * unit;
  if (rounded > most && unit > 1)
    rounded = floor (value / (unit / 10)) * (unit / 10);

  return MIN ((guint64) rounded, most);
}

/*
 * About how many articles match, when the newest @n_read matches reached
 * back to article @oldest_read: the newest articles are often not like the
 * older ones (a folder of essays imported after years of news), so the
 * older ones are sampled, ESTIMATE_SLICES stretches of ESTIMATE_SLICE_IDS
 * ids spread over them, counted on the index in one statement. When there
 * are no more older ids than that, they are all counted, and the count is
 * exact. @filters are those of the search.
 */
#define ESTIMATE_SLICES    8
#define ESTIMATE_SLICE_IDS 256

static int bind_filters (sqlite3_stmt     *stmt,
                         WenjiSearchQuery *parsed,
                         const char       *expression);

static gboolean
estimate_matches (WenjiLibrary      *self,
                  const char        *filters,
                  WenjiSearchQuery  *parsed,
                  const char        *expression,
                  guint              n_read,
                  gint64             oldest_read,
                  guint64           *estimate,
                  gboolean          *estimated,
                  GError           **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT count (*) FROM (VALUES ");
  sqlite3_stmt *stmt = NULL;
  gint64 first = 0, older, step, sampled = 0, found = 0;
  int rc;

  if (!(stmt = wenji_library_prepare (self, "SELECT min (id) FROM articles", error)))
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    first = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW) {
    wenji_library_set_error (self, rc, error);
    return FALSE;
  }

  *estimate = n_read;
  *estimated = FALSE;
  older = oldest_read - first;
  if (older <= 0)
    return TRUE;

  /* Stretches at even steps over the older ids, or all of them. */
  step = MAX (older / ESTIMATE_SLICES, ESTIMATE_SLICE_IDS);
  for (gint64 start = first; start < oldest_read && start < first + ESTIMATE_SLICES * step;
       start += step) {
    gint64 end = MIN (start + ESTIMATE_SLICE_IDS, oldest_read) - 1;

    g_string_append_printf (sql, "%s(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                            start > first ? ", " : "", start, end);
    sampled += end - start + 1;
  }
  /* The slices first, each a range of rowids for the index to read. */
  g_string_append_printf (sql,
                          ") AS slice CROSS JOIN articles_fts WHERE articles_fts MATCH ?1 "
                          "AND articles_fts.rowid BETWEEN slice.column1 AND slice.column2 %s",
                          filters);

  rc = sqlite3_prepare_v2 (wenji_library_get_db (self), sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = bind_filters (stmt, parsed, expression);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    found = sqlite3_column_int64 (stmt, 0);
    rc = SQLITE_OK;
  }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK) {
    wenji_library_set_error (self, rc, error);
    return FALSE;
  }

  /* A library small enough has all its older ids counted. */
  *estimated = sampled < older;
  if (!*estimated)
    *estimate = n_read + found;
  else
    *estimate = MAX (n_read, round_estimate (n_read + (double) found * older / sampled,
                                             n_read + older));

  return TRUE;
}

/* Binds the FTS5 expression to ?1 and the tags to ?2 on; a result code. */
static int
bind_filters (sqlite3_stmt     *stmt,
              WenjiSearchQuery *parsed,
              const char       *expression)
{
  int rc = SQLITE_OK;

  if (expression != NULL)
    rc = sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_TRANSIENT);
  for (guint i = 0; rc == SQLITE_OK && i < parsed->tags->len; i++) {
    g_autofree char *key = wenji_tag_key (parsed->tags->pdata[i]);

    /* No key (a blank name) binds NULL, which no tag has. */
    rc = sqlite3_bind_text (stmt, 2 + i, key, -1, SQLITE_TRANSIENT);
  }

  return rc;
}

/*
 * Each tag of a query is a filter on @column. SQLite would look up every
 * article of a tag on the index, one FTS5 query each: quick for a tag of a
 * few articles, and seconds for one of ten thousand, where reading the
 * matches newest first and keeping those with the tag is better. So only a
 * tag of at most TAG_LOOKUP_MAX articles, @lookup, may drive the search;
 * the others are written +rowid, which the index cannot use.
 */
#define TAG_LOOKUP_MAX 200

static void
append_tag_filters (GString          *sql,
                    WenjiSearchQuery *parsed,
                    const char       *column,
                    guint             lookup)
{
  for (guint i = 0; i < parsed->tags->len; i++)
    g_string_append_printf (sql,
                            "AND %s%s IN (SELECT at.article_id FROM article_tags at "
                            "JOIN tags t ON t.id = at.tag_id WHERE t.name_key = ?%u) ",
                            i == lookup ? "" : "+", column, 2 + i);
}

/* The tag of @parsed with the fewest articles, if it has no more than
 * TAG_LOOKUP_MAX; else G_MAXUINT. */
static gboolean
find_lookup_tag (WenjiLibrary      *self,
                 WenjiSearchQuery  *parsed,
                 guint             *lookup,
                 GError           **error)
{
  gint64 fewest = TAG_LOOKUP_MAX + 1;

  *lookup = G_MAXUINT;
  for (guint i = 0; i < parsed->tags->len; i++) {
    g_autofree char *key = wenji_tag_key (parsed->tags->pdata[i]);
    sqlite3_stmt *stmt;
    int rc;

    stmt = wenji_library_prepare (self,
                                  "SELECT count (*) FROM article_tags at "
                                  "JOIN tags t ON t.id = at.tag_id WHERE t.name_key = ?",
                                  error);
    if (stmt == NULL)
      return FALSE;
    if ((rc = sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT)) == SQLITE_OK &&
        (rc = sqlite3_step (stmt)) == SQLITE_ROW) {
      if (sqlite3_column_int64 (stmt, 0) < fewest) {
        fewest = sqlite3_column_int64 (stmt, 0);
        *lookup = i;
      }
      rc = SQLITE_OK;
    }
    sqlite3_reset (stmt);
    if (rc != SQLITE_OK) {
      wenji_library_set_error (self, rc, error);
      return FALSE;
    }
  }

  return TRUE;
}

/* Runs @sql, whose rows are an id and a score, into @hits, and tells the
 * id of the last row in @last_id. */
static gboolean
read_hits (WenjiLibrary      *self,
           const char        *sql,
           WenjiSearchQuery  *parsed,
           const char        *expression,
           GPtrArray         *hits,
           gint64            *last_id,
           GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (wenji_library_get_db (self), sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = bind_filters (stmt, parsed, expression);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    WenjiSearchHit *hit = g_new0 (WenjiSearchHit, 1);

    hit->id = sqlite3_column_int64 (stmt, 0);
    hit->score = sqlite3_column_double (stmt, 1);
    *last_id = hit->id;
    g_ptr_array_add (hits, hit);
    rc = SQLITE_OK;
  }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE) {
    wenji_library_set_error (self, rc, error);
    return FALSE;
  }

  return TRUE;
}

/* How many articles pass the filters of a query that has no words. */
static gboolean
count_filtered (WenjiLibrary      *self,
                WenjiSearchQuery  *parsed,
                guint64           *count,
                GError           **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_string_append (sql, "SELECT count (*) FROM articles WHERE deleted_at IS NULL ");
  if (parsed->exclude != NULL)
    g_string_append (sql,
                     "AND id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1) ");
  append_tag_filters (sql, parsed, "id", 0);

  rc = sqlite3_prepare_v2 (wenji_library_get_db (self), sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = bind_filters (stmt, parsed, parsed->exclude);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    *count = sqlite3_column_int64 (stmt, 0);
    rc = SQLITE_OK;
  }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK) {
    wenji_library_set_error (self, rc, error);
    return FALSE;
  }

  return TRUE;
}

/**
 * wenji_library_search_rank:
 * @query: what the user typed
 * @limit: the most results to return
 *
 * Finds the articles outside the Trash that match @query and ranks them:
 * the best first (BM25 on the index, a match in the title weighing ten
 * times one in the body), then the most recently added. Any text is a
 * valid query.
 *
 * A query that matches more articles than a few thousand ranks the newest
 * few thousand of them (or @limit, if more), and estimates how many match
 * in all: a search stays as fast in a million articles as in ten thousand.
 * The hits have their ids and scores; wenji_library_search_load() reads
 * their titles and snippets.
 *
 * Returns: (transfer full): the results, or %NULL with @error set
 */
WenjiSearchResults *
wenji_library_search_rank (WenjiLibrary  *self,
                           const char    *query,
                           guint          limit,
                           GError       **error)
{
  g_autoptr (WenjiSearchQuery) parsed = wenji_search_query_parse (query);
  g_autoptr (WenjiSearchResults) results = g_new0 (WenjiSearchResults, 1);
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GString) filters = g_string_new (NULL);
  g_autofree char *match = NULL;
  guint window = MAX (limit, SEARCH_WINDOW);
  guint lookup;
  gint64 last_id = 0;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), NULL);

  results->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) wenji_search_hit_free);
  results->terms = g_ptr_array_ref (parsed->terms);

  if (wenji_search_query_is_empty (parsed))
    return g_steal_pointer (&results);

  if (parsed->match == NULL) {
    /* Only filters and exclusions: the newest articles that pass them. */
    g_string_append (sql, "SELECT id, 0.0 FROM articles WHERE deleted_at IS NULL ");
    if (parsed->exclude != NULL)
      g_string_append (sql,
                       "AND id NOT IN (SELECT rowid FROM articles_fts "
                       "WHERE articles_fts MATCH ?1) ");
    append_tag_filters (sql, parsed, "id", 0);
    g_string_append_printf (sql, "ORDER BY updated_at DESC, id DESC LIMIT %u", limit);

    if (!read_hits (self, sql->str, parsed, parsed->exclude, results->hits, &last_id, error) ||
        !count_filtered (self, parsed, &results->n_matches, error))
      return NULL;

    return g_steal_pointer (&results);
  }

  /* The index gives the matches newest first and ranks them as they come;
   * the Trash is a short list of ids, and titles and text are read for the
   * results shown alone. */
  match = parsed->exclude != NULL
          ? g_strdup_printf ("(%s) NOT (%s)", parsed->match, parsed->exclude)
          : g_strdup (parsed->match);
  if (!find_lookup_tag (self, parsed, &lookup, error))
    return NULL;
  g_string_append (filters,
                   "AND articles_fts.rowid NOT IN "
                   "(SELECT id FROM articles WHERE deleted_at IS NOT NULL) ");
  append_tag_filters (filters, parsed, "articles_fts.rowid", lookup);
  g_string_append_printf (sql,
                          "SELECT articles_fts.rowid, "
                          "wenji_rank (articles_fts, 10.0, 1.0, 3.0, 3.0) "
                          "FROM articles_fts WHERE articles_fts MATCH ?1 %s"
                          "ORDER BY articles_fts.rowid DESC LIMIT %u", filters->str, window);

  if (!read_hits (self, sql->str, parsed, match, results->hits, &last_id, error))
    return NULL;

  results->n_matches = results->hits->len;
  if (results->hits->len == window) {
    if (!estimate_matches (self, filters->str, parsed, match, window, last_id,
                           &results->n_matches, &results->estimated, error))
      return NULL;
  }

  g_ptr_array_sort (results->hits, compare_hits);
  if (results->hits->len > limit)
    g_ptr_array_set_size (results->hits, limit);

  return g_steal_pointer (&results);
}

/**
 * wenji_library_search_load:
 * @results: results of wenji_library_search_rank()
 * @first: the first hit to load
 * @n: how many
 *
 * Reads the titles of hits @first to @first + @n - 1 of @results, and cuts
 * their snippets.
 */
gboolean
wenji_library_search_load (WenjiLibrary        *self,
                           WenjiSearchResults  *results,
                           guint                first,
                           guint                n,
                           GError             **error)
{
  sqlite3_stmt *row;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (results != NULL, FALSE);

  if (!(row = wenji_library_prepare (self, "SELECT title, body FROM articles WHERE id = ?", error)))
    return FALSE;

  for (guint i = first; i < results->hits->len && i - first < n; i++) {
    WenjiSearchHit *hit = results->hits->pdata[i];
    int rc;

    if ((rc = sqlite3_bind_int64 (row, 1, hit->id)) != SQLITE_OK ||
        (rc = sqlite3_step (row)) != SQLITE_ROW) {
      sqlite3_reset (row);
      wenji_library_set_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      return FALSE;
    }
    g_free (hit->title);
    g_free (hit->snippet);
    hit->title = g_strdup ((const char *) sqlite3_column_text (row, 0));
    hit->snippet = wenji_search_snippet ((const char *) sqlite3_column_text (row, 1),
                                         results->terms, 40);
    sqlite3_reset (row);
  }

  return TRUE;
}

/**
 * wenji_library_search:
 * @query: what the user typed
 * @limit: the most results to return
 *
 * Searches as wenji_library_search_rank() does, and loads every hit.
 *
 * Returns: (transfer full) (element-type WenjiSearchHit): the results
 */
GPtrArray *
wenji_library_search (WenjiLibrary  *self,
                      const char    *query,
                      guint          limit,
                      GError       **error)
{
  g_autoptr (WenjiSearchResults) results = NULL;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), NULL);

  results = wenji_library_search_rank (self, query, limit, error);
  if (results == NULL ||
      !wenji_library_search_load (self, results, 0, results->hits->len, error))
    return NULL;

  return g_steal_pointer (&results->hits);
}

/* Searching in a worker thread. */

/* The first results a search hands on, before the snippets of the others. */
#define FIRST_BATCH 20

typedef struct {
  char                *library_path;
  char                *query;
  guint                limit;
  WenjiSearchBatchFunc batch_func;
  gpointer             batch_data;
  GDestroyNotify       batch_data_free;
} SearchJob;

static void
search_job_free (SearchJob *job)
{
  if (job->batch_data_free != NULL)
    job->batch_data_free (job->batch_data);
  g_free (job->library_path);
  g_free (job->query);
  g_free (job);
}

typedef struct {
  GTask              *task;
  WenjiSearchResults *results;
} SearchBatch;

static void
search_batch_free (SearchBatch *batch)
{
  g_object_unref (batch->task);
  wenji_search_results_free (batch->results);
  g_free (batch);
}

static gboolean
deliver_batch (gpointer data)
{
  SearchBatch *batch = data;
  SearchJob *job = g_task_get_task_data (batch->task);

  if (!g_cancellable_is_cancelled (g_task_get_cancellable (batch->task)))
    job->batch_func (batch->results, job->batch_data);

  return G_SOURCE_REMOVE;
}

/* Hands hits @first to @first + @n - 1 to the caller's main context. */
static void
post_batch (GTask              *task,
            WenjiSearchResults *results,
            guint               first,
            guint               n)
{
  SearchJob *job = g_task_get_task_data (task);
  SearchBatch *batch;
  GSource *source;

  if (job->batch_func == NULL || first >= results->hits->len)
    return;

  batch = g_new0 (SearchBatch, 1);
  batch->task = g_object_ref (task);
  batch->results = g_new0 (WenjiSearchResults, 1);
  batch->results->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) wenji_search_hit_free);
  batch->results->n_matches = results->n_matches;
  batch->results->estimated = results->estimated;
  batch->results->terms = g_ptr_array_ref (results->terms);
  for (guint i = first; i < results->hits->len && i - first < n; i++)
    g_ptr_array_add (batch->results->hits, wenji_search_hit_copy (results->hits->pdata[i]));

  /* Not g_main_context_invoke(): while the context is free, that would call
   * deliver_batch() here, in the worker thread. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_batch, batch, (GDestroyNotify) search_batch_free);
  g_source_set_static_name (source, "[wenji] search batch");
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

/* Stops a statement that runs on after the search was cancelled. */
static int
is_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchJob *job = task_data;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiSearchResults) results = NULL;
  GError *error = NULL;
  gboolean ok;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(library = wenji_library_open (job->library_path, &error))) {
    g_task_return_error (task, error);
    return;
  }
  if (cancellable != NULL)
    sqlite3_progress_handler (wenji_library_get_db (library), 1000, is_cancelled, cancellable);

  ok = (results = wenji_library_search_rank (library, job->query, job->limit, &error)) != NULL &&
       wenji_library_search_load (library, results, 0, FIRST_BATCH, &error);
  if (ok) {
    post_batch (task, results, 0, FIRST_BATCH);
    ok = wenji_library_search_load (library, results, FIRST_BATCH, G_MAXUINT, &error);
  }
  if (ok)
    post_batch (task, results, FIRST_BATCH, G_MAXUINT);

  if (cancellable != NULL)
    sqlite3_progress_handler (wenji_library_get_db (library), 0, NULL, NULL);

  if (g_task_return_error_if_cancelled (task)) {
    g_clear_error (&error);
    return;
  }
  if (!ok) {
    g_task_return_error (task, error);
    return;
  }

  g_task_return_pointer (task, g_steal_pointer (&results),
                         (GDestroyNotify) wenji_search_results_free);
}

/**
 * wenji_library_search_async:
 * @library_path: the library; the search opens its own connection
 * @batch_func: (nullable): called in the thread-default main context of
 *   the caller with the results as they are ready: the first twenty, then
 *   the others
 * @batch_data_free: (nullable): frees @batch_data once the search is over
 *
 * Searches in a worker thread, so that typing never waits for it. A
 * cancelled search returns %G_IO_ERROR_CANCELLED and stops at once, and
 * @batch_func is not called after the cancellation: cancel the previous
 * search when the user types on, and its stale results never arrive.
 */
void
wenji_library_search_async (const char           *library_path,
                            const char           *query,
                            guint                 limit,
                            WenjiSearchBatchFunc  batch_func,
                            gpointer              batch_data,
                            GDestroyNotify        batch_data_free,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SearchJob *job = g_new0 (SearchJob, 1);

  job->library_path = g_strdup (library_path);
  job->query = g_strdup (query);
  job->limit = limit;
  job->batch_func = batch_func;
  job->batch_data = batch_data;
  job->batch_data_free = batch_data_free;

  g_task_set_source_tag (task, wenji_library_search_async);
  g_task_set_task_data (task, job, (GDestroyNotify) search_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, search_thread);
}

/**
 * wenji_library_search_finish:
 *
 * Returns: (transfer full): the results, all of them loaded, or %NULL with
 *   @error set
 */
WenjiSearchResults *
wenji_library_search_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
