/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The article pane's search: a query typed in its search bar runs on a
 * worker thread (wenji_library_search_async()), each keystroke cancelling
 * the one before; the first results are shown as soon as they are ranked
 * and the rest follow, with how many articles match.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-article-pane-private.h"
#include "wenji-search-result.h"

#define SEARCH_LIMIT 200

typedef struct {
  GWeakRef  pane;
  char     *query;
  guint     n_batches;
} SearchCall;

static void
search_call_free (SearchCall *call)
{
  g_weak_ref_clear (&call->pane);
  g_free (call->query);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SearchCall, search_call_free)

static void
select_result (WenjiArticlePane *self,
               guint             position)
{
  self->syncing++;
  gtk_single_selection_set_selected (self->results_selection, position);
  self->syncing--;
}

/* Keeps the article of the editor selected when the results hold it. */
static void
sync_result_selection (WenjiArticlePane *self)
{
  GListModel *results = G_LIST_MODEL (self->results);
  guint n_items = g_list_model_get_n_items (results);

  for (guint i = 0; self->article_id != 0 && i < n_items; i++) {
    g_autoptr (WenjiSearchResult) result = g_list_model_get_item (results, i);

    if (wenji_search_result_get_id (result) == self->article_id) {
      select_result (self, i);
      return;
    }
  }

  select_result (self, GTK_INVALID_LIST_POSITION);
}

/* The pane of @call, unless the user typed something else since. */
static WenjiArticlePane *
dup_current_pane (SearchCall *call)
{
  g_autoptr (WenjiArticlePane) self = g_weak_ref_get (&call->pane);

  if (self == NULL || g_strcmp0 (call->query, self->search_query) != 0)
    return NULL;

  return g_steal_pointer (&self);
}

static void
show_count (WenjiArticlePane   *self,
            WenjiSearchResults *results)
{
  g_autofree char *number = g_strdup_printf ("%'" G_GUINT64_FORMAT, results->n_matches);
  g_autofree char *text = NULL;
  gulong n = (gulong) MIN (results->n_matches, G_MAXULONG);

  if (results->estimated)
    /* Translators: the number of search results, when it is estimated */
    text = g_strdup_printf (ngettext ("About %s article", "About %s articles", n), number);
  else
    /* Translators: the number of search results */
    text = g_strdup_printf (ngettext ("%s article", "%s articles", n), number);

  gtk_label_set_label (self->results_count, text);
}

/* The first results of a query take the place of the last query's, which
 * stayed until now; the ones after are added below them. */
static void
on_search_batch (WenjiSearchResults *batch,
                 gpointer            user_data)
{
  SearchCall *call = user_data;
  g_autoptr (WenjiArticlePane) self = dup_current_pane (call);
  g_autoptr (GPtrArray) items = NULL;
  guint n_items, position, removed;

  if (self == NULL)
    return;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < batch->hits->len; i++)
    g_ptr_array_add (items, wenji_search_result_new (g_ptr_array_index (batch->hits, i)));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  position = call->n_batches == 0 ? 0 : n_items;
  removed = call->n_batches == 0 ? n_items : 0;
  call->n_batches++;

  self->syncing++;
  g_list_store_splice (self->results, position, removed, items->pdata, items->len);
  self->syncing--;

  show_count (self, batch);
  self->search_ready = TRUE;
  sync_result_selection (self);
  wenji_article_pane_update_page (self);
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SearchCall *call = user_data;
  g_autoptr (WenjiArticlePane) self = NULL;
  g_autoptr (WenjiSearchResults) results = NULL;
  g_autoptr (GError) error = NULL;

  results = wenji_library_search_finish (result, &error);

  /* Cancelled, or overtaken by what the user typed since. */
  if (!(self = dup_current_pane (call)))
    return;

  if (results == NULL) {
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      wenji_article_pane_report_error (self, error);
    return;
  }

  /* Nothing matched: no batch came to take the last query's place. */
  if (call->n_batches == 0) {
    self->syncing++;
    g_list_store_remove_all (self->results);
    self->syncing--;
  }

  show_count (self, results);
  self->search_ready = TRUE;
  sync_result_selection (self);
  wenji_article_pane_update_page (self);
}

/**
 * wenji_article_pane_refresh_search:
 *
 * Runs the current query again, dropping any search still running. The
 * search runs in a worker thread; its first results show as soon as they
 * are ranked, the others as their snippets are cut.
 */
void
wenji_article_pane_refresh_search (WenjiArticlePane *self)
{
  SearchCall *call;

  g_return_if_fail (WENJI_IS_ARTICLE_PANE (self));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (self->search_query == NULL || self->library == NULL)
    return;

  self->search_cancellable = g_cancellable_new ();
  call = g_new0 (SearchCall, 1);
  g_weak_ref_init (&call->pane, self);
  call->query = g_strdup (self->search_query);

  wenji_library_search_async (wenji_library_get_path (self->library), self->search_query,
                              SEARCH_LIMIT, on_search_batch, call,
                              (GDestroyNotify) search_call_free,
                              self->search_cancellable, on_search_done, call);
}

static void
set_query (WenjiArticlePane *self,
           char             *query)
{
  gboolean was_searching = self->search_query != NULL;

  g_free (self->search_query);
  self->search_query = query;
  self->search_ready = FALSE;

  if (was_searching != (query != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), wenji_article_pane_properties[PROP_SEARCHING]);
}

static void
stop_search (WenjiArticlePane *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (self->search_query == NULL)
    return;

  set_query (self, NULL);

  self->syncing++;
  g_list_store_remove_all (self->results);
  self->syncing--;

  /* Back in the list, the article opened from the results stays open. */
  wenji_article_pane_sync_selection (self);
  wenji_article_pane_update_page (self);
}

void
wenji_article_pane_on_search_changed (WenjiArticlePane *self,
                                      GtkSearchEntry   *entry)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*query == '\0') {
    stop_search (self);
    return;
  }

  if (g_strcmp0 (query, self->search_query) == 0)
    return;

  set_query (self, g_steal_pointer (&query));
  wenji_article_pane_refresh_search (self);
}

void
wenji_article_pane_on_search_mode_changed (WenjiArticlePane *self,
                                           GParamSpec       *pspec,
                                           GtkSearchBar     *search_bar)
{
  g_object_notify_by_pspec (G_OBJECT (self), wenji_article_pane_properties[PROP_SEARCH_MODE]);

  if (gtk_search_bar_get_search_mode (search_bar))
    return;

  /* Closed with Escape or the button: the normal list comes back at once. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  stop_search (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

void
wenji_article_pane_on_result_selected (WenjiArticlePane *self)
{
  WenjiSearchResult *result;

  if (self->syncing > 0)
    return;

  result = gtk_single_selection_get_selected_item (self->results_selection);
  if (result != NULL)
    wenji_article_pane_open_article (self, wenji_search_result_get_id (result));
}
