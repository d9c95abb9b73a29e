/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "wenji-library.h"

G_BEGIN_DECLS

/* Around each match in a snippet. */
#define WENJI_SNIPPET_OPEN  "\x02"
#define WENJI_SNIPPET_CLOSE "\x03"

/**
 * WenjiSearchHit:
 * @id: the article
 * @title: its title
 * @snippet: about 40 characters of the body around the best match, each
 *   match between %WENJI_SNIPPET_OPEN and %WENJI_SNIPPET_CLOSE
 * @score: bm25, lower is better
 */
typedef struct {
  gint64  id;
  char   *title;
  char   *snippet;
  double  score;
} WenjiSearchHit;

WenjiSearchHit *wenji_search_hit_copy (const WenjiSearchHit *hit);
void            wenji_search_hit_free (WenjiSearchHit       *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WenjiSearchHit, wenji_search_hit_free)

/**
 * WenjiSearchQuery:
 * @match: (nullable): the FTS5 expression that must match
 * @exclude: (nullable): the FTS5 expression that must not match
 * @tags: tag names the articles must all carry
 * @terms: the texts to mark in snippets, folded
 */
typedef struct {
  char      *match;
  char      *exclude;
  GPtrArray *tags;
  GPtrArray *terms;
} WenjiSearchQuery;

WenjiSearchQuery *wenji_search_query_parse (const char       *text);
gboolean          wenji_search_query_is_empty (WenjiSearchQuery *query);
void              wenji_search_query_free  (WenjiSearchQuery *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WenjiSearchQuery, wenji_search_query_free)

/**
 * WenjiSearchResults:
 * @hits: (element-type WenjiSearchHit): the best matches, best first
 * @n_matches: how many articles match, or about how many when @estimated
 * @estimated: whether @n_matches is an estimate, to be shown as "about"
 * @terms: (element-type utf8): what snippets mark, folded
 */
typedef struct {
  GPtrArray *hits;
  guint64    n_matches;
  gboolean   estimated;
  GPtrArray *terms;
} WenjiSearchResults;

void wenji_search_results_free (WenjiSearchResults *results);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WenjiSearchResults, wenji_search_results_free)

/**
 * WenjiSearchBatchFunc:
 * @batch: the next hits of a search, best first, with their titles and
 *   snippets, and how many articles match in all
 *
 * Called with the results of a search as they are ready.
 */
typedef void (*WenjiSearchBatchFunc) (WenjiSearchResults *batch,
                                      gpointer            user_data);

char      *wenji_search_snippet       (const char       *body,
                                       GPtrArray        *terms,
                                       guint             width);
WenjiSearchResults *wenji_library_search_rank (WenjiLibrary       *self,
                                               const char         *query,
                                               guint               limit,
                                               GError            **error);
gboolean   wenji_library_search_load  (WenjiLibrary       *self,
                                       WenjiSearchResults *results,
                                       guint               first,
                                       guint               n,
                                       GError            **error);
GPtrArray *wenji_library_search       (WenjiLibrary     *self,
                                       const char       *query,
                                       guint             limit,
                                       GError          **error);
void       wenji_library_search_async (const char           *library_path,
                                       const char           *query,
                                       guint                 limit,
                                       WenjiSearchBatchFunc  batch_func,
                                       gpointer              batch_data,
                                       GDestroyNotify        batch_data_free,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
WenjiSearchResults *wenji_library_search_finish (GAsyncResult  *result,
                                                 GError       **error);

G_END_DECLS
