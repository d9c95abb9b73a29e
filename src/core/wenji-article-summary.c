/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * WenjiArticleSummary: what a row of the article list shows. A list keeps
 * one object per article while anything holds it, and refreshes it in place
 * when the article changes, so selections and bindings follow the article.
 */
#include "config.h"

#include "wenji-article-list-private.h"

enum {
  FIELD_TITLE,
  FIELD_SOURCE,
  FIELD_PUBLISHED_AT,
  FIELD_UPDATED_AT,
  FIELD_STATUS,
  FIELD_LANG,
  FIELD_TAGS,
  N_FIELDS
};

struct _WenjiArticleSummary
{
  GObject  parent_instance;

  gint64   id;
  guint    char_count;
  char    *fields[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (WenjiArticleSummary, wenji_article_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHAR_COUNT,
  PROP_FIRST_FIELD,
  PROP_LAST_FIELD = PROP_FIRST_FIELD + N_FIELDS - 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const field_names[N_FIELDS] = {
  "title", "source", "published-at", "updated-at", "status", "lang", "tags",
};

#define SUMMARY_SQL \
  "SELECT title, source, published_at, updated_at, status, lang, " \
  "  (SELECT group_concat (name, ', ') FROM " \
  "    (SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id " \
  "     WHERE at.article_id = a.id ORDER BY t.name_key)), " \
  "  char_count " \
  "FROM articles a WHERE id = ?"

/**
 * wenji_article_summary_refresh:
 *
 * Reloads the row from the library, notifying the properties that changed.
 *
 * Returns: %TRUE when anything changed; %FALSE when nothing did, or when the
 *   article is gone or could not be read (@error says which)
 */
gboolean
wenji_article_summary_refresh (WenjiArticleSummary  *self,
                               WenjiLibrary         *library,
                               GError              **error)
{
  sqlite3_stmt *stmt;
  gboolean changed = FALSE;
  int rc;

  if (!(stmt = wenji_library_prepare (library, SUMMARY_SQL, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW) {
    if (rc != SQLITE_DONE)
      wenji_library_set_error (library, rc, error);
    sqlite3_reset (stmt);
    return FALSE;
  }

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < N_FIELDS; i++) {
    const char *value = (const char *) sqlite3_column_text (stmt, i);

    if (g_strcmp0 (self->fields[i], value) != 0) {
      g_free (self->fields[i]);
      self->fields[i] = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIELD + i]);
      changed = TRUE;
    }
  }

  if (self->char_count != (guint) sqlite3_column_int (stmt, N_FIELDS)) {
    self->char_count = sqlite3_column_int (stmt, N_FIELDS);
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHAR_COUNT]);
    changed = TRUE;
  }

  sqlite3_reset (stmt);
  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

WenjiArticleSummary *
wenji_article_summary_load (WenjiLibrary  *library,
                            gint64         id,
                            GError       **error)
{
  g_autoptr (WenjiArticleSummary) self = g_object_new (WENJI_TYPE_ARTICLE_SUMMARY, NULL);
  g_autoptr (GError) local_error = NULL;

  self->id = id;
  if (!wenji_article_summary_refresh (self, library, &local_error) && local_error != NULL) {
    g_propagate_error (error, g_steal_pointer (&local_error));
    return NULL;
  }

  return g_steal_pointer (&self);
}

static void
wenji_article_summary_finalize (GObject *object)
{
  WenjiArticleSummary *self = WENJI_ARTICLE_SUMMARY (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);

  G_OBJECT_CLASS (wenji_article_summary_parent_class)->finalize (object);
}

static void
wenji_article_summary_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  WenjiArticleSummary *self = WENJI_ARTICLE_SUMMARY (object);

  switch (prop_id) {
  case PROP_ID:
    g_value_set_int64 (value, self->id);
    break;
  case PROP_CHAR_COUNT:
    g_value_set_uint (value, self->char_count);
    break;
  default:
    if (prop_id >= PROP_FIRST_FIELD && prop_id <= PROP_LAST_FIELD)
      g_value_set_string (value, self->fields[prop_id - PROP_FIRST_FIELD]);
    else
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_article_summary_class_init (WenjiArticleSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wenji_article_summary_finalize;
  object_class->get_property = wenji_article_summary_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHAR_COUNT] =
    g_param_spec_uint ("char-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < N_FIELDS; i++)
    properties[PROP_FIRST_FIELD + i] =
      g_param_spec_string (field_names[i], NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wenji_article_summary_init (WenjiArticleSummary *self)
{
}

gint64
wenji_article_summary_get_id (WenjiArticleSummary *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_SUMMARY (self), 0);
  return self->id;
}

guint
wenji_article_summary_get_char_count (WenjiArticleSummary *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_SUMMARY (self), 0);
  return self->char_count;
}

#define SUMMARY_FIELD(name, FIELD)                                      \
  const char *                                                          \
  wenji_article_summary_get_##name (WenjiArticleSummary *self)          \
  {                                                                     \
    g_return_val_if_fail (WENJI_IS_ARTICLE_SUMMARY (self), NULL);       \
    return self->fields[FIELD];                                         \
  }

SUMMARY_FIELD (title, FIELD_TITLE)
SUMMARY_FIELD (source, FIELD_SOURCE)
SUMMARY_FIELD (published_at, FIELD_PUBLISHED_AT)
SUMMARY_FIELD (updated_at, FIELD_UPDATED_AT)
SUMMARY_FIELD (status, FIELD_STATUS)
SUMMARY_FIELD (lang, FIELD_LANG)
SUMMARY_FIELD (tags, FIELD_TAGS)

#undef SUMMARY_FIELD
