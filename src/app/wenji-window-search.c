/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wenji-search-result.h"
#include "wenji-search-row.h"
#include "wenji-window-private.h"

/*
 * Search in the list pane: the entry runs each query in a thread and shows
 * its results in place of the article list until the query is emptied.
 */

#define SEARCH_LIMIT 200

typedef struct {
  GWeakRef  window;
  char     *query;
} SearchCall;

static void
search_call_free (SearchCall *call)
{
  g_weak_ref_clear (&call->window);
  g_free (call->query);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SearchCall, search_call_free)

gboolean
wenji_window_is_searching (WenjiWindow *self)
{
  return self->search_query != NULL;
}

static void
select_result (WenjiWindow *self,
               guint        position)
{
  self->syncing++;
  gtk_single_selection_set_selected (self->results_selection, position);
  self->syncing--;
}

/* Keeps the article of the editor selected when the results hold it. */
static void
sync_result_selection (WenjiWindow *self)
{
  gint64 current = wenji_editor_get_article_id (self->editor);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  for (guint i = 0; current != 0 && i < n_items; i++) {
    g_autoptr (WenjiSearchResult) result = g_list_model_get_item (G_LIST_MODEL (self->results), i);

    if (wenji_search_result_get_id (result) == current) {
      select_result (self, i);
      return;
    }
  }

  select_result (self, GTK_INVALID_LIST_POSITION);
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (SearchCall) call = user_data;
  g_autoptr (WenjiWindow) self = g_weak_ref_get (&call->window);
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  hits = wenji_library_search_finish (result, &error);

  /* Cancelled, or overtaken by what the user typed since. */
  if (self == NULL || g_strcmp0 (call->query, self->search_query) != 0)
    return;

  if (hits == NULL) {
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      wenji_window_toast_error (self, error);
    return;
  }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (items, wenji_search_result_new (g_ptr_array_index (hits, i)));

  self->syncing++;
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);
  self->syncing--;

  self->search_ready = TRUE;
  sync_result_selection (self);
  wenji_window_update_page (self);
}

/**
 * wenji_window_refresh_search:
 *
 * Runs the current query again, dropping any search still running.
 */
void
wenji_window_refresh_search (WenjiWindow *self)
{
  SearchCall *call;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (self->search_query == NULL)
    return;

  self->search_cancellable = g_cancellable_new ();
  call = g_new0 (SearchCall, 1);
  g_weak_ref_init (&call->window, self);
  call->query = g_strdup (self->search_query);

  wenji_library_search_async (wenji_library_get_path (self->library), self->search_query,
                              SEARCH_LIMIT, self->search_cancellable, on_search_done, call);
}

static void
stop_search (WenjiWindow *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (self->search_query == NULL)
    return;

  g_clear_pointer (&self->search_query, g_free);
  self->search_ready = FALSE;

  self->syncing++;
  g_list_store_remove_all (self->results);
  self->syncing--;

  /* Back in the list, the article opened from the results stays open. */
  wenji_window_sync_selection (self);
  wenji_window_update_page (self);
}

static void
on_search_changed (WenjiWindow    *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*query == '\0') {
    stop_search (self);
    return;
  }

  if (g_strcmp0 (query, self->search_query) == 0)
    return;

  g_free (self->search_query);
  self->search_query = g_steal_pointer (&query);
  self->search_ready = FALSE;
  wenji_window_refresh_search (self);
}

static void
on_search_mode_changed (WenjiWindow  *self,
                        GParamSpec   *pspec,
                        GtkSearchBar *search_bar)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    return;

  /* Closed with Escape or the button: the normal list comes back at once. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  stop_search (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_result_selected (WenjiWindow *self)
{
  WenjiSearchResult *result;
  gint64 id;

  if (self->syncing > 0)
    return;

  result = gtk_single_selection_get_selected_item (self->results_selection);
  if (result == NULL)
    return;

  /* The same path as the list, so the article open now is saved first. */
  id = wenji_search_result_get_id (result);
  if (id != wenji_editor_get_article_id (self->editor))
    wenji_window_open_article (self, id);
}

/**
 * wenji_window_close_search:
 *
 * Hides the search bar and returns to the article list.
 */
void
wenji_window_close_search (WenjiWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "library"))
    return;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
close_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  wenji_window_close_search (WENJI_WINDOW (widget));
}

void
wenji_window_init_search (WenjiWindow *self)
{
  self->results = g_list_store_new (WENJI_TYPE_SEARCH_RESULT);
  self->results_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_single_selection_set_autoselect (self->results_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->results_selection, TRUE);
  g_signal_connect_object (self->results_selection, "notify::selected",
                           G_CALLBACK (on_result_selected), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->results_selection));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

void
wenji_window_dispose_search (WenjiWindow *self)
{
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->search_query, g_free);

  if (self->results_view != NULL)
    gtk_list_view_set_model (self->results_view, NULL);
  g_clear_object (&self->results_selection);
  g_clear_object (&self->results);
}

void
wenji_window_class_init_search (GtkWidgetClass *widget_class)
{
  g_type_ensure (WENJI_TYPE_SEARCH_ROW);

  gtk_widget_class_bind_template_child (widget_class, WenjiWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, WenjiWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WenjiWindow, results_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.close-search", NULL, close_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

/**
 * wenji_window_get_search_results:
 *
 * Returns: (transfer none): the results of the current query, a
 *   #GtkSingleSelection of #WenjiSearchResult
 */
GtkSingleSelection *
wenji_window_get_search_results (WenjiWindow *self)
{
  g_return_val_if_fail (WENJI_IS_WINDOW (self), NULL);

  return self->results_selection;
}
