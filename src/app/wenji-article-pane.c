/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * WenjiArticlePane: the list of articles, its search bar and search
 * results, the import progress and the Trash bar. It keeps the article
 * shown in the editor (#WenjiArticlePane:article-id) selected wherever the
 * list moves it, and asks its owner to open another article with
 * #WenjiArticlePane::open-article when the user selects one. Its search is
 * wenji-article-pane-search.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-article-pane-private.h"
#include "wenji-article-row.h"
#include "wenji-search-result.h"
#include "wenji-search-row.h"


G_DEFINE_FINAL_TYPE (WenjiArticlePane, wenji_article_pane, GTK_TYPE_WIDGET)


GParamSpec *wenji_article_pane_properties[N_PROPS];

enum {
  OPEN_ARTICLE,
  ARTICLE_ACTIVATED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
wenji_article_pane_report_error (WenjiArticlePane *self,
                                 const GError     *error)
{
  g_signal_emit (self, signals[ERROR], 0, error);
}

static guint
first_selected (WenjiArticlePane *self)
{
  g_autoptr (GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return gtk_bitset_is_empty (selected) ? GTK_INVALID_LIST_POSITION
                                        : gtk_bitset_get_minimum (selected);
}

static void
update_n_selected (WenjiArticlePane *self)
{
  g_autoptr (GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n = (guint) gtk_bitset_get_size (selected);

  if (n == self->n_selected)
    return;

  self->n_selected = n;
  g_object_notify_by_pspec (G_OBJECT (self), wenji_article_pane_properties[PROP_N_SELECTED]);
}

/* The list, or while searching the results, or what stands for them empty. */
void
wenji_article_pane_update_page (WenjiArticlePane *self)
{
  guint n_items;

  /* Until its first results arrive, a query leaves the pane as it was. */
  if (self->search_query != NULL) {
    if (self->search_ready)
      gtk_stack_set_visible_child_name (self->list_stack,
                                        g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0
                                        ? "results" : "no-results");
    return;
  }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->article_list));
  gtk_stack_set_visible_child_name (self->list_stack, n_items > 0 ? "list" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->trash_bar),
                          wenji_article_list_get_filter (self->article_list) ==
                          WENJI_ARTICLE_FILTER_TRASH &&
                          wenji_article_list_get_tag (self->article_list) == NULL &&
                          n_items > 0);
}

void
wenji_article_pane_open_article (WenjiArticlePane *self,
                                 gint64            id)
{
  if (id != self->article_id)
    g_signal_emit (self, signals[OPEN_ARTICLE], 0, id);
}

static void
select_position (WenjiArticlePane *self,
                 guint             position)
{
  self->syncing++;
  if (position == GTK_INVALID_LIST_POSITION)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  else
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  self->syncing--;
  update_n_selected (self);
}

/* Selects the article of the editor, or nothing when the list lacks it. */
void
wenji_article_pane_sync_selection (WenjiArticlePane *self)
{
  guint position;

  if (self->article_id != 0 &&
      wenji_article_list_find (self->article_list, self->article_id, &position))
    select_position (self, position);
  else
    select_position (self, GTK_INVALID_LIST_POSITION);
}

/*
 * The editor shows the only selected article; with several selected, the
 * one just added by a Ctrl+click, or else it stays where it was.
 */
static void
follow_selection (WenjiArticlePane *self,
                  guint             changed_position,
                  guint             n_changed)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);
  guint position = GTK_INVALID_LIST_POSITION;

  update_n_selected (self);

  if (self->n_selected == 1)
    position = first_selected (self);
  else if (self->n_selected > 1 && n_changed == 1 &&
           gtk_selection_model_is_selected (model, changed_position))
    position = changed_position;
  else if (self->n_selected > 1)
    return;

  wenji_article_pane_open_article (self, position != GTK_INVALID_LIST_POSITION
                      ? wenji_article_list_get_id (self->article_list, position) : 0);
}

static void
on_selection_changed (WenjiArticlePane  *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *model)
{
  if (self->syncing > 0)
    return;

  follow_selection (self, position, n_items);
}

static void
on_items_changed_before (WenjiArticlePane *self)
{
  guint n_selected = self->n_selected;

  self->syncing++;
  self->previous_position = first_selected (self);

  /* A selection of several survives edits of its rows (not a huge one:
   * it is found again by id). */
  g_clear_pointer (&self->kept_ids, g_array_unref);
  if (n_selected > 1 && n_selected <= 10000)
    self->kept_ids = wenji_article_pane_dup_selected_ids (self);
}

/*
 * Runs after the selection model handled the change: keeps the article of
 * the editor selected wherever it moved, or, when it left the list
 * (trashed, restored, another filter), moves on to a neighbour.
 */
static void
on_items_changed_after (WenjiArticlePane *self,
                        guint             position,
                        guint             removed,
                        guint             added,
                        GListModel       *model)
{
  guint n_items = g_list_model_get_n_items (model);
  guint old_n = n_items - added + removed;
  guint found;

  self->syncing--;

  wenji_article_pane_update_page (self);

  if (self->kept_ids != NULL) {
    g_autoptr (GArray) kept = g_steal_pointer (&self->kept_ids);
    g_autoptr (GtkBitset) positions = gtk_bitset_new_empty ();
    g_autoptr (GtkBitset) mask = gtk_bitset_new_range (0, n_items);

    for (guint i = 0; i < kept->len; i++)
      if (wenji_article_list_find (self->article_list, g_array_index (kept, gint64, i), &found))
        gtk_bitset_add (positions, found);

    if (gtk_bitset_get_size (positions) > 1) {
      self->syncing++;
      gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), positions, mask);
      self->syncing--;
      update_n_selected (self);
      return;
    }
  }

  if (self->article_id != 0 &&
      wenji_article_list_find (self->article_list, self->article_id, &found)) {
    select_position (self, found);
    return;
  }

  /* The editor follows the results while searching, not the hidden list. */
  if (self->search_query != NULL) {
    select_position (self, GTK_INVALID_LIST_POSITION);
    return;
  }

  if (n_items == 0) {
    select_position (self, GTK_INVALID_LIST_POSITION);
    wenji_article_pane_open_article (self, 0);
  } else if ((position == 0 && removed == old_n) ||
             self->previous_position == GTK_INVALID_LIST_POSITION) {
    /* A new query: start at the top. */
    select_position (self, 0);
  } else {
    select_position (self, MIN (self->previous_position, n_items - 1));
  }

  follow_selection (self, GTK_INVALID_LIST_POSITION, 0);
}

static void
on_list_activate (WenjiArticlePane *self,
                  guint             position,
                  GtkListView      *list_view)
{
  g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0);
}

static void
on_page_changed (WenjiArticlePane *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), wenji_article_pane_properties[PROP_PAGE]);
}

static void
on_library_changed (WenjiArticlePane *self,
                    gint64            article_id,
                    WenjiLibrary     *library)
{
  wenji_article_pane_update_page (self);

  /* Edits, trash and imports change what matches. */
  if (self->search_query != NULL)
    wenji_article_pane_refresh_search (self);
}

static void
wenji_article_pane_dispose (GObject *object)
{
  WenjiArticlePane *self = (WenjiArticlePane *)object;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->search_query, g_free);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->results_view != NULL)
    gtk_list_view_set_model (self->results_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), WENJI_TYPE_ARTICLE_PANE);

  g_clear_object (&self->results_selection);
  g_clear_object (&self->results);
  g_clear_object (&self->selection);
  g_clear_object (&self->article_list);
  g_clear_object (&self->library);
  g_clear_pointer (&self->kept_ids, g_array_unref);

  G_OBJECT_CLASS (wenji_article_pane_parent_class)->dispose (object);
}

static void
wenji_article_pane_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WenjiArticlePane *self = WENJI_ARTICLE_PANE (object);

  switch (prop_id) {
  case PROP_LIBRARY:
    g_value_set_object (value, self->library);
    break;
  case PROP_ARTICLE_LIST:
    g_value_set_object (value, self->article_list);
    break;
  case PROP_SELECTION:
    g_value_set_object (value, self->selection);
    break;
  case PROP_SEARCH_RESULTS:
    g_value_set_object (value, self->results_selection);
    break;
  case PROP_N_SELECTED:
    g_value_set_uint (value, self->n_selected);
    break;
  case PROP_ARTICLE_ID:
    g_value_set_int64 (value, self->article_id);
    break;
  case PROP_PAGE:
    g_value_set_string (value, wenji_article_pane_get_page (self));
    break;
  case PROP_SEARCH_MODE:
    g_value_set_boolean (value, wenji_article_pane_get_search_mode (self));
    break;
  case PROP_SEARCHING:
    g_value_set_boolean (value, self->search_query != NULL);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_article_pane_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  WenjiArticlePane *self = WENJI_ARTICLE_PANE (object);

  switch (prop_id) {
  case PROP_LIBRARY:
    wenji_article_pane_set_library (self, g_value_get_object (value));
    break;
  case PROP_ARTICLE_ID:
    wenji_article_pane_set_article_id (self, g_value_get_int64 (value));
    break;
  case PROP_SEARCH_MODE:
    wenji_article_pane_set_search_mode (self, g_value_get_boolean (value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_article_pane_class_init (WenjiArticlePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenji_article_pane_dispose;
  object_class->get_property = wenji_article_pane_get_property;
  object_class->set_property = wenji_article_pane_set_property;

  wenji_article_pane_properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         WENJI_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The articles of the sidebar's choice, in the window's order. */
  wenji_article_pane_properties[PROP_ARTICLE_LIST] =
    g_param_spec_object ("article-list", NULL, NULL,
                         WENJI_TYPE_ARTICLE_LIST,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  wenji_article_pane_properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         GTK_TYPE_MULTI_SELECTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The results of the current query, a GtkSingleSelection of WenjiSearchResult. */
  wenji_article_pane_properties[PROP_SEARCH_RESULTS] =
    g_param_spec_object ("search-results", NULL, NULL,
                         GTK_TYPE_SINGLE_SELECTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  wenji_article_pane_properties[PROP_N_SELECTED] =
    g_param_spec_uint ("n-selected", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The article the editor shows, kept selected wherever the list moves it. */
  wenji_article_pane_properties[PROP_ARTICLE_ID] =
    g_param_spec_int64 ("article-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "list", "empty", or while searching "results" and "no-results". */
  wenji_article_pane_properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         "list",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The search bar is shown. */
  wenji_article_pane_properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A query is typed: the pane shows its results. */
  wenji_article_pane_properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, wenji_article_pane_properties);

  /**
   * WenjiArticlePane::open-article:
   * @id: the article the user selected, or 0 for none
   *
   * The owner opens @id in the editor and sets #WenjiArticlePane:article-id.
   */
  signals[OPEN_ARTICLE] =
    g_signal_new ("open-article",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * WenjiArticlePane::article-activated:
   *
   * Enter or a double click on an article: the user wants to write.
   */
  signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /**
   * WenjiArticlePane::error:
   * @error: what went wrong, for the user
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  g_type_ensure (WENJI_TYPE_ARTICLE_ROW);
  g_type_ensure (WENJI_TYPE_SEARCH_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wenji/Wenji/ui/wenji-article-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, WenjiArticlePane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, WenjiArticlePane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WenjiArticlePane, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, WenjiArticlePane, import_label);
  gtk_widget_class_bind_template_child (widget_class, WenjiArticlePane, import_progress);
  gtk_widget_class_bind_template_child (widget_class, WenjiArticlePane, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WenjiArticlePane, list_view);
  gtk_widget_class_bind_template_child (widget_class, WenjiArticlePane, results_view);
  gtk_widget_class_bind_template_child (widget_class, WenjiArticlePane, results_count);
  gtk_widget_class_bind_template_child (widget_class, WenjiArticlePane, trash_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback_full (
    widget_class, "on_search_changed", G_CALLBACK (wenji_article_pane_on_search_changed));
  gtk_widget_class_bind_template_callback_full (
    widget_class, "on_search_mode_changed",
    G_CALLBACK (wenji_article_pane_on_search_mode_changed));
}

static void
wenji_article_pane_init (WenjiArticlePane *self)
{
  self->previous_position = GTK_INVALID_LIST_POSITION;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_list_store_new (WENJI_TYPE_SEARCH_RESULT);
  self->results_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_single_selection_set_autoselect (self->results_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->results_selection, TRUE);
  g_signal_connect_object (self->results_selection, "notify::selected",
                           G_CALLBACK (wenji_article_pane_on_result_selected), self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->results_selection));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->list_stack, "notify::visible-child-name",
                           G_CALLBACK (on_page_changed), self, G_CONNECT_SWAPPED);
}

WenjiLibrary *
wenji_article_pane_get_library (WenjiArticlePane *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_PANE (self), NULL);

  return self->library;
}

/**
 * wenji_article_pane_set_library:
 * @library: the library whose articles the pane lists; set once
 */
void
wenji_article_pane_set_library (WenjiArticlePane *self,
                                WenjiLibrary     *library)
{
  g_return_if_fail (WENJI_IS_ARTICLE_PANE (self));
  g_return_if_fail (library == NULL || WENJI_IS_LIBRARY (library));
  g_return_if_fail (self->library == NULL);

  if (library == NULL)
    return;

  self->library = g_object_ref (library);
  self->article_list = wenji_article_list_new (library);
  wenji_article_list_set_sort (self->article_list, WENJI_ARTICLE_SORT_UPDATED);

  /* Connected before the selection model, so it runs before the selection reacts. */
  g_signal_connect_object (self->article_list, "items-changed",
                           G_CALLBACK (on_items_changed_before), self, G_CONNECT_SWAPPED);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->article_list)));
  g_signal_connect_object (self->article_list, "items-changed",
                           G_CALLBACK (on_items_changed_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (library, "changed",
                           G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);

  wenji_article_pane_update_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), wenji_article_pane_properties[PROP_LIBRARY]);
}

WenjiArticleList *
wenji_article_pane_get_article_list (WenjiArticlePane *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_PANE (self), NULL);

  return self->article_list;
}

GtkMultiSelection *
wenji_article_pane_get_selection (WenjiArticlePane *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_PANE (self), NULL);

  return self->selection;
}

GtkSingleSelection *
wenji_article_pane_get_search_results (WenjiArticlePane *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_PANE (self), NULL);

  return self->results_selection;
}

guint
wenji_article_pane_get_n_selected (WenjiArticlePane *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_PANE (self), 0);

  return self->n_selected;
}

/**
 * wenji_article_pane_dup_selected_ids:
 *
 * Returns: (transfer full) (element-type gint64): the articles selected in
 *   the list, in list order
 */
GArray *
wenji_article_pane_dup_selected_ids (WenjiArticlePane *self)
{
  g_autoptr (GtkBitset) selected = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (WENJI_IS_ARTICLE_PANE (self), ids);

  if (self->selection == NULL)
    return ids;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean valid = gtk_bitset_iter_init_first (&iter, selected, &position);
       valid;
       valid = gtk_bitset_iter_next (&iter, &position)) {
    gint64 id = wenji_article_list_get_id (self->article_list, position);

    if (id != 0)
      g_array_append_val (ids, id);
  }

  return ids;
}

gint64
wenji_article_pane_get_article_id (WenjiArticlePane *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_PANE (self), 0);

  return self->article_id;
}

/**
 * wenji_article_pane_set_article_id:
 * @id: the article the editor shows now, or 0
 *
 * Tells the pane which article is open; it does not move the selection.
 */
void
wenji_article_pane_set_article_id (WenjiArticlePane *self,
                                   gint64            id)
{
  g_return_if_fail (WENJI_IS_ARTICLE_PANE (self));

  if (self->article_id == id)
    return;

  self->article_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), wenji_article_pane_properties[PROP_ARTICLE_ID]);
}

/**
 * wenji_article_pane_select_article:
 * @id: an article, or 0
 *
 * Selects @id and scrolls to it when the list holds it, else selects
 * nothing. The owner opens the article itself.
 */
void
wenji_article_pane_select_article (WenjiArticlePane *self,
                                   gint64            id)
{
  guint position;

  g_return_if_fail (WENJI_IS_ARTICLE_PANE (self));

  if (id != 0 && wenji_article_list_find (self->article_list, id, &position)) {
    select_position (self, position);
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  } else {
    select_position (self, GTK_INVALID_LIST_POSITION);
  }
}

/**
 * wenji_article_pane_select_first:
 *
 * Selects the first article, when there is one, and asks for it to open.
 */
void
wenji_article_pane_select_first (WenjiArticlePane *self)
{
  g_return_if_fail (WENJI_IS_ARTICLE_PANE (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->article_list)) > 0)
    select_position (self, 0);
  follow_selection (self, GTK_INVALID_LIST_POSITION, 0);
}

void
wenji_article_pane_select_all (WenjiArticlePane *self)
{
  g_return_if_fail (WENJI_IS_ARTICLE_PANE (self));

  gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

/**
 * wenji_article_pane_get_page:
 *
 * Returns: what the pane shows: "list", "empty", or while searching
 *   "results" and "no-results"
 */
const char *
wenji_article_pane_get_page (WenjiArticlePane *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_PANE (self), NULL);

  return gtk_stack_get_visible_child_name (self->list_stack);
}

gboolean
wenji_article_pane_get_search_mode (WenjiArticlePane *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_PANE (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

/**
 * wenji_article_pane_set_search_mode:
 *
 * Shows or hides the search bar; hiding it ends the search.
 */
void
wenji_article_pane_set_search_mode (WenjiArticlePane *self,
                                    gboolean          search_mode)
{
  g_return_if_fail (WENJI_IS_ARTICLE_PANE (self));

  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
}

gboolean
wenji_article_pane_get_searching (WenjiArticlePane *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_PANE (self), FALSE);

  return self->search_query != NULL;
}

/**
 * wenji_article_pane_start_search:
 *
 * Shows the search bar and puts the typing there, its query selected.
 */
void
wenji_article_pane_start_search (WenjiArticlePane *self)
{
  g_return_if_fail (WENJI_IS_ARTICLE_PANE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * wenji_article_pane_set_progress:
 * @text: (nullable): what is going on, or %NULL to hide the progress
 * @fraction: how much is done, from 0 to 1, or below 0 to pulse
 */
void
wenji_article_pane_set_progress (WenjiArticlePane *self,
                                 const char       *text,
                                 double            fraction)
{
  g_return_if_fail (WENJI_IS_ARTICLE_PANE (self));

  gtk_revealer_set_reveal_child (self->import_revealer, text != NULL);
  if (text == NULL)
    return;

  gtk_label_set_label (self->import_label, text);
  if (fraction < 0)
    gtk_progress_bar_pulse (self->import_progress);
  else
    gtk_progress_bar_set_fraction (self->import_progress, fraction);
}
