/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * WenjiArticleList: a GListModel over the articles of one query (a smart
 * list or a tag, in one order). It holds the ids only; a row's summary is
 * loaded when a view asks for it, and kept only while the view holds it, so
 * 100,000 articles cost little more than 1,000.
 *
 * When the library changes, the list runs its query again and tells views
 * exactly what moved: the changed span between the unchanged head and tail,
 * plus each visible row whose article was edited in place.
 */
#include "config.h"

#include "wenji-article-list-private.h"

/* Past this many cached summaries, the ones nobody else holds are dropped. */
#define CACHE_TRIM_SIZE 512

struct _WenjiArticleList
{
  GObject             parent_instance;

  WenjiLibrary       *library;
  WenjiArticleFilter  filter;
  WenjiArticleSort    sort;
  char               *tag;
  gint64              feed_id;   /* only the articles this feed gave; 0: any */

  GArray             *ids;       /* gint64, in list order */
  GHashTable         *positions; /* id -> position + 1, built on demand */
  GHashTable         *summaries; /* id -> WenjiArticleSummary */
  guint               n_loaded;
};

static void wenji_article_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WenjiArticleList, wenji_article_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      wenji_article_list_model_init))

G_DEFINE_ENUM_TYPE (WenjiArticleFilter, wenji_article_filter,
                    G_DEFINE_ENUM_VALUE (WENJI_ARTICLE_FILTER_ALL, "all"),
                    G_DEFINE_ENUM_VALUE (WENJI_ARTICLE_FILTER_DRAFT, "draft"),
                    G_DEFINE_ENUM_VALUE (WENJI_ARTICLE_FILTER_READY, "ready"),
                    G_DEFINE_ENUM_VALUE (WENJI_ARTICLE_FILTER_PUBLISHED, "published"),
                    G_DEFINE_ENUM_VALUE (WENJI_ARTICLE_FILTER_TRASH, "trash"))

G_DEFINE_ENUM_TYPE (WenjiArticleSort, wenji_article_sort,
                    G_DEFINE_ENUM_VALUE (WENJI_ARTICLE_SORT_UPDATED, "updated"),
                    G_DEFINE_ENUM_VALUE (WENJI_ARTICLE_SORT_PUBLISHED, "published"),
                    G_DEFINE_ENUM_VALUE (WENJI_ARTICLE_SORT_TITLE, "title"),
                    G_DEFINE_ENUM_VALUE (WENJI_ARTICLE_SORT_LENGTH, "length"))

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_FILTER,
  PROP_TAG,
  PROP_FEED_ID,
  PROP_SORT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
build_query (WenjiArticleList *self)
{
  GString *sql = g_string_new ("SELECT a.id FROM articles a ");
  const char *status = NULL;

  if (self->tag != NULL)
    g_string_append (sql,
                     "JOIN article_tags at ON at.article_id = a.id "
                     "JOIN tags t ON t.id = at.tag_id AND t.name_key = ?1 ");
  if (self->feed_id > 0)
    g_string_append (sql, "JOIN feed_items fi ON fi.article_id = a.id AND fi.feed_id = ?2 ");

  if (self->filter == WENJI_ARTICLE_FILTER_TRASH)
    g_string_append (sql, "WHERE a.deleted_at IS NOT NULL ");
  else
    g_string_append (sql, "WHERE a.deleted_at IS NULL ");

  switch (self->filter) {
  case WENJI_ARTICLE_FILTER_DRAFT:
    status = "draft";
    break;
  case WENJI_ARTICLE_FILTER_READY:
    status = "ready";
    break;
  case WENJI_ARTICLE_FILTER_PUBLISHED:
    status = "published";
    break;
  case WENJI_ARTICLE_FILTER_ALL:
  case WENJI_ARTICLE_FILTER_TRASH:
  default:
    break;
  }
  if (status != NULL)
    g_string_append_printf (sql, "AND a.status = '%s' ", status);

  switch (self->sort) {
  case WENJI_ARTICLE_SORT_PUBLISHED:
    g_string_append (sql, "ORDER BY a.published_at IS NULL, a.published_at DESC, a.id DESC");
    break;
  case WENJI_ARTICLE_SORT_TITLE:
    g_string_append (sql, "ORDER BY a.title = '', a.title_sort_key, a.id");
    break;
  case WENJI_ARTICLE_SORT_LENGTH:
    g_string_append (sql, "ORDER BY a.char_count DESC, a.id DESC");
    break;
  case WENJI_ARTICLE_SORT_UPDATED:
  default:
    if (self->filter == WENJI_ARTICLE_FILTER_TRASH)
      g_string_append (sql, "ORDER BY a.deleted_at DESC, a.id DESC");
    else
      g_string_append (sql, "ORDER BY a.updated_at DESC, a.id DESC");
    break;
  }

  return g_string_free (sql, FALSE);
}

static GArray *
query_ids (WenjiArticleList  *self,
           GError           **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *sql = build_query (self);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (wenji_library_get_db (self->library), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK) {
    wenji_library_set_error (self->library, rc, error);
    return NULL;
  }

  if (self->tag != NULL) {
    g_autofree char *key = wenji_tag_key (self->tag);

    /* No key (a blank name) binds NULL, which no tag has. */
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  }
  if (self->feed_id > 0)
    sqlite3_bind_int64 (stmt, 2, self->feed_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    gint64 id = sqlite3_column_int64 (stmt, 0);
    g_array_append_val (ids, id);
  }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE) {
    wenji_library_set_error (self->library, rc, error);
    return NULL;
  }

  return g_steal_pointer (&ids);
}

static void
drop_unused_summaries (WenjiArticleList *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->summaries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (G_OBJECT (value)->ref_count == 1)
      g_hash_table_iter_remove (&iter);
}

/*
 * Runs the query again and emits one items-changed for the span between the
 * unchanged head and tail, and one per row whose article @edited changed in
 * place (0: any cached row may have changed).
 */
static gboolean
update (WenjiArticleList  *self,
        gint64             edited,
        GError           **error)
{
  g_autoptr (GArray) old_ids = NULL;
  GArray *new_ids;
  guint old_n, new_n, head = 0, tail = 0;
  g_autoptr (GArray) refreshed = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key, value;

  if (!(new_ids = query_ids (self, error)))
    return FALSE;

  /* Refresh the summaries views hold, in place. */
  g_hash_table_iter_init (&iter, self->summaries);
  while (g_hash_table_iter_next (&iter, &key, &value)) {
    gint64 id = *(gint64 *) key;

    if (edited != 0 && id != edited)
      continue;
    if (wenji_article_summary_refresh (value, self->library, NULL))
      g_array_append_val (refreshed, id);
  }

  old_ids = g_steal_pointer (&self->ids);
  self->ids = new_ids;
  g_clear_pointer (&self->positions, g_hash_table_unref);

  old_n = old_ids->len;
  new_n = new_ids->len;
  while (head < old_n && head < new_n &&
         g_array_index (old_ids, gint64, head) == g_array_index (new_ids, gint64, head))
    head++;
  while (tail < old_n - head && tail < new_n - head &&
         g_array_index (old_ids, gint64, old_n - 1 - tail) ==
         g_array_index (new_ids, gint64, new_n - 1 - tail))
    tail++;

  if (old_n - head - tail > 0 || new_n - head - tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - head - tail,
                                new_n - head - tail);

  /* Rows that stayed where they were but show new text. */
  for (guint i = 0; i < refreshed->len; i++) {
    guint position;

    if (wenji_article_list_find (self, g_array_index (refreshed, gint64, i), &position) &&
        (position < head || position >= new_n - tail))
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  }

  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

static void
on_library_changed (WenjiArticleList *self,
                    gint64            article_id,
                    WenjiLibrary     *library)
{
  g_autoptr (GError) error = NULL;

  if (!update (self, article_id, &error))
    g_warning ("Cannot update the article list: %s", error->message);
}

/**
 * wenji_article_list_reload:
 *
 * Runs the query again, as after a change by another connection.
 */
gboolean
wenji_article_list_reload (WenjiArticleList  *self,
                           GError           **error)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_LIST (self), FALSE);

  return update (self, 0, error);
}

static GType
wenji_article_list_get_item_type (GListModel *model)
{
  return WENJI_TYPE_ARTICLE_SUMMARY;
}

static guint
wenji_article_list_get_n_items (GListModel *model)
{
  WenjiArticleList *self = WENJI_ARTICLE_LIST (model);

  return self->ids->len;
}

static gpointer
wenji_article_list_get_item (GListModel *model,
                             guint       position)
{
  WenjiArticleList *self = WENJI_ARTICLE_LIST (model);
  WenjiArticleSummary *summary;
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  summary = g_hash_table_lookup (self->summaries, &id);
  if (summary != NULL)
    return g_object_ref (summary);

  if (g_hash_table_size (self->summaries) >= CACHE_TRIM_SIZE)
    drop_unused_summaries (self);

  summary = wenji_article_summary_load (self->library, id, &error);
  if (summary == NULL) {
    g_warning ("Cannot load article %" G_GINT64_FORMAT ": %s", id, error->message);
    return NULL;
  }

  self->n_loaded++;
  g_hash_table_insert (self->summaries, g_memdup2 (&id, sizeof id), g_object_ref (summary));

  return summary;
}

static void
wenji_article_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = wenji_article_list_get_item_type;
  iface->get_n_items = wenji_article_list_get_n_items;
  iface->get_item = wenji_article_list_get_item;
}

static void
wenji_article_list_constructed (GObject *object)
{
  WenjiArticleList *self = WENJI_ARTICLE_LIST (object);
  g_autoptr (GError) error = NULL;

  G_OBJECT_CLASS (wenji_article_list_parent_class)->constructed (object);

  g_signal_connect_object (self->library, "changed",
                           G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);

  g_array_set_size (self->ids, 0);
  if (!update (self, 0, &error))
    g_warning ("Cannot list articles: %s", error->message);
}

static void
wenji_article_list_dispose (GObject *object)
{
  WenjiArticleList *self = WENJI_ARTICLE_LIST (object);

  g_hash_table_remove_all (self->summaries);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (wenji_article_list_parent_class)->dispose (object);
}

static void
wenji_article_list_finalize (GObject *object)
{
  WenjiArticleList *self = WENJI_ARTICLE_LIST (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->summaries, g_hash_table_unref);
  g_free (self->tag);

  G_OBJECT_CLASS (wenji_article_list_parent_class)->finalize (object);
}

static void
wenji_article_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WenjiArticleList *self = WENJI_ARTICLE_LIST (object);

  switch (prop_id) {
  case PROP_LIBRARY:
    g_value_set_object (value, self->library);
    break;
  case PROP_FILTER:
    g_value_set_enum (value, self->filter);
    break;
  case PROP_TAG:
    g_value_set_string (value, self->tag);
    break;
  case PROP_FEED_ID:
    g_value_set_int64 (value, self->feed_id);
    break;
  case PROP_SORT:
    g_value_set_enum (value, self->sort);
    break;
  case PROP_N_ITEMS:
    g_value_set_uint (value, self->ids->len);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_article_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  WenjiArticleList *self = WENJI_ARTICLE_LIST (object);

  switch (prop_id) {
  case PROP_LIBRARY:
    self->library = g_value_dup_object (value);
    break;
  case PROP_FILTER:
    wenji_article_list_set_filter (self, g_value_get_enum (value));
    break;
  case PROP_TAG:
    wenji_article_list_set_tag (self, g_value_get_string (value));
    break;
  case PROP_FEED_ID:
    wenji_article_list_set_feed_id (self, g_value_get_int64 (value));
    break;
  case PROP_SORT:
    wenji_article_list_set_sort (self, g_value_get_enum (value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_article_list_class_init (WenjiArticleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wenji_article_list_constructed;
  object_class->dispose = wenji_article_list_dispose;
  object_class->finalize = wenji_article_list_finalize;
  object_class->get_property = wenji_article_list_get_property;
  object_class->set_property = wenji_article_list_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, WENJI_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_enum ("filter", NULL, NULL, WENJI_TYPE_ARTICLE_FILTER, WENJI_ARTICLE_FILTER_ALL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FEED_ID] =
    g_param_spec_int64 ("feed-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL, WENJI_TYPE_ARTICLE_SORT, WENJI_ARTICLE_SORT_UPDATED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wenji_article_list_init (WenjiArticleList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->summaries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

/**
 * wenji_article_list_new:
 *
 * Returns: (transfer full): a list of every article outside the Trash, the
 *   most recently updated first
 */
WenjiArticleList *
wenji_article_list_new (WenjiLibrary *library)
{
  g_return_val_if_fail (WENJI_IS_LIBRARY (library), NULL);

  return g_object_new (WENJI_TYPE_ARTICLE_LIST, "library", library, NULL);
}

WenjiLibrary *
wenji_article_list_get_library (WenjiArticleList *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_LIST (self), NULL);
  return self->library;
}

/* A new query: everything changes, nothing is kept. */
static void
requery (WenjiArticleList *self)
{
  g_autoptr (GError) error = NULL;
  guint old_n = self->ids->len;
  guint new_n;
  GArray *ids;

  if (self->library == NULL)
    return; /* still constructing */

  if (!(ids = query_ids (self, &error))) {
    g_warning ("Cannot list articles: %s", error->message);
    ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  }

  g_array_unref (self->ids);
  self->ids = ids;
  g_clear_pointer (&self->positions, g_hash_table_unref);
  drop_unused_summaries (self);

  /* A handler of items-changed may query again, and free @ids. */
  new_n = ids->len;
  if (old_n > 0 || new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

WenjiArticleFilter
wenji_article_list_get_filter (WenjiArticleList *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_LIST (self), WENJI_ARTICLE_FILTER_ALL);
  return self->filter;
}

void
wenji_article_list_set_filter (WenjiArticleList   *self,
                               WenjiArticleFilter  filter)
{
  g_return_if_fail (WENJI_IS_ARTICLE_LIST (self));

  if (self->filter == filter)
    return;

  self->filter = filter;
  requery (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

const char *
wenji_article_list_get_tag (WenjiArticleList *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_LIST (self), NULL);
  return self->tag;
}

/**
 * wenji_article_list_set_tag:
 * @tag: (nullable): only list articles with this tag
 */
void
wenji_article_list_set_tag (WenjiArticleList *self,
                            const char       *tag)
{
  g_return_if_fail (WENJI_IS_ARTICLE_LIST (self));

  if (g_strcmp0 (self->tag, tag) == 0)
    return;

  g_free (self->tag);
  self->tag = g_strdup (tag);
  requery (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
}

gint64
wenji_article_list_get_feed_id (WenjiArticleList *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_LIST (self), 0);
  return self->feed_id;
}

/**
 * wenji_article_list_set_feed_id:
 * @feed_id: only list the articles this feed gave, or 0 for any
 */
void
wenji_article_list_set_feed_id (WenjiArticleList *self,
                                gint64            feed_id)
{
  g_return_if_fail (WENJI_IS_ARTICLE_LIST (self));

  if (self->feed_id == feed_id)
    return;

  self->feed_id = feed_id;
  requery (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED_ID]);
}

WenjiArticleSort
wenji_article_list_get_sort (WenjiArticleList *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_LIST (self), WENJI_ARTICLE_SORT_UPDATED);
  return self->sort;
}

void
wenji_article_list_set_sort (WenjiArticleList *self,
                             WenjiArticleSort  sort)
{
  g_return_if_fail (WENJI_IS_ARTICLE_LIST (self));

  if (self->sort == sort)
    return;

  self->sort = sort;
  requery (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

/**
 * wenji_article_list_get_id:
 *
 * Returns: the id of the article at @position without loading its row, or 0
 */
gint64
wenji_article_list_get_id (WenjiArticleList *self,
                           guint             position)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

/**
 * wenji_article_list_find:
 * @position: (out) (optional): where the article is
 *
 * Returns: whether the article @id is in the list
 */
gboolean
wenji_article_list_find (WenjiArticleList *self,
                         gint64            id,
                         guint            *position)
{
  gpointer found;

  g_return_val_if_fail (WENJI_IS_ARTICLE_LIST (self), FALSE);

  if (self->positions == NULL) {
    self->positions = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);
    for (guint i = 0; i < self->ids->len; i++)
      g_hash_table_insert (self->positions, &g_array_index (self->ids, gint64, i),
                           GUINT_TO_POINTER (i + 1));
  }

  found = g_hash_table_lookup (self->positions, &id);
  if (found == NULL)
    return FALSE;

  if (position != NULL)
    *position = GPOINTER_TO_UINT (found) - 1;

  return TRUE;
}

/**
 * wenji_article_list_get_n_loaded:
 *
 * Returns: how many rows were loaded from the library so far; a view that
 *   only shows one screen loads about a screen of rows
 */
guint
wenji_article_list_get_n_loaded (WenjiArticleList *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_LIST (self), 0);
  return self->n_loaded;
}
