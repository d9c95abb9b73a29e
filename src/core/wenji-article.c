/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * WenjiArticle: one article as the user edits it. A plain value object; the
 * library loads and stores it (wenji-library.c) and fills the fields the user
 * does not set (id, times, counts, hash).
 */
#include "config.h"

#include "wenji-article-private.h"

/* The string fields, in the order of their properties. */
enum {
  FIELD_UUID,
  FIELD_TITLE,
  FIELD_BODY,
  FIELD_AUTHOR,
  FIELD_SOURCE,
  FIELD_SOURCE_URL,
  FIELD_EDITOR,
  FIELD_PUBLISHED_AT,
  FIELD_CREATED_AT,
  FIELD_UPDATED_AT,
  FIELD_STATUS,
  FIELD_LANG,
  FIELD_SUMMARY,
  FIELD_CONTENT_HASH,
  FIELD_DELETED_AT,
  N_FIELDS
};

struct _WenjiArticle
{
  GObject  parent_instance;

  gint64   id;
  guint    char_count;
  char    *fields[N_FIELDS];
  GStrv    tags;
};

G_DEFINE_FINAL_TYPE (WenjiArticle, wenji_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHAR_COUNT,
  PROP_TAGS,
  PROP_FIRST_FIELD,
  PROP_LAST_FIELD = PROP_FIRST_FIELD + N_FIELDS - 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *name;
  gboolean    user_writable;
} field_info[N_FIELDS] = {
  [FIELD_UUID] = { "uuid", FALSE },
  [FIELD_TITLE] = { "title", TRUE },
  [FIELD_BODY] = { "body", TRUE },
  [FIELD_AUTHOR] = { "author", TRUE },
  [FIELD_SOURCE] = { "source", TRUE },
  [FIELD_SOURCE_URL] = { "source-url", TRUE },
  [FIELD_EDITOR] = { "editor", TRUE },
  [FIELD_PUBLISHED_AT] = { "published-at", TRUE },
  [FIELD_CREATED_AT] = { "created-at", FALSE },
  [FIELD_UPDATED_AT] = { "updated-at", FALSE },
  [FIELD_STATUS] = { "status", TRUE },
  [FIELD_LANG] = { "lang", TRUE },
  [FIELD_SUMMARY] = { "summary", TRUE },
  [FIELD_CONTENT_HASH] = { "content-hash", FALSE },
  [FIELD_DELETED_AT] = { "deleted-at", FALSE },
};

static void
set_field (WenjiArticle *self,
           guint         field,
           const char   *value)
{
  /* Title and body are always text; empty optional fields are NULL, so that
   * "" and unset agree. */
  if (field == FIELD_TITLE || field == FIELD_BODY) {
    if (value == NULL)
      value = "";
  } else if (value != NULL && *value == '\0') {
    value = NULL;
  }

  if (g_strcmp0 (self->fields[field], value) == 0)
    return;

  g_free (self->fields[field]);
  self->fields[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIELD + field]);
}

static void
wenji_article_finalize (GObject *object)
{
  WenjiArticle *self = WENJI_ARTICLE (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  g_strfreev (self->tags);

  G_OBJECT_CLASS (wenji_article_parent_class)->finalize (object);
}

static void
wenji_article_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WenjiArticle *self = WENJI_ARTICLE (object);

  switch (prop_id) {
  case PROP_ID:
    g_value_set_int64 (value, self->id);
    break;
  case PROP_CHAR_COUNT:
    g_value_set_uint (value, self->char_count);
    break;
  case PROP_TAGS:
    g_value_set_boxed (value, self->tags);
    break;
  default:
    if (prop_id >= PROP_FIRST_FIELD && prop_id <= PROP_LAST_FIELD)
      g_value_set_string (value, self->fields[prop_id - PROP_FIRST_FIELD]);
    else
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_article_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WenjiArticle *self = WENJI_ARTICLE (object);

  if (prop_id >= PROP_FIRST_FIELD && prop_id <= PROP_LAST_FIELD)
    set_field (self, prop_id - PROP_FIRST_FIELD, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
wenji_article_class_init (WenjiArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wenji_article_finalize;
  object_class->get_property = wenji_article_get_property;
  object_class->set_property = wenji_article_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHAR_COUNT] =
    g_param_spec_uint ("char-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  for (guint i = 0; i < N_FIELDS; i++) {
    GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

    if (field_info[i].user_writable)
      flags |= G_PARAM_WRITABLE | G_PARAM_EXPLICIT_NOTIFY;

    properties[PROP_FIRST_FIELD + i] =
      g_param_spec_string (field_info[i].name, NULL, NULL, NULL, flags);
  }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wenji_article_init (WenjiArticle *self)
{
  self->fields[FIELD_TITLE] = g_strdup ("");
  self->fields[FIELD_BODY] = g_strdup ("");
  self->fields[FIELD_STATUS] = g_strdup (WENJI_STATUS_DRAFT);
  self->fields[FIELD_LANG] = g_strdup ("zh-Hans");
  self->tags = g_new0 (char *, 1);
}

/**
 * wenji_article_new:
 *
 * Creates an empty draft, not yet in any library.
 *
 * Returns: (transfer full): a new #WenjiArticle
 */
WenjiArticle *
wenji_article_new (void)
{
  return g_object_new (WENJI_TYPE_ARTICLE, NULL);
}

/**
 * wenji_article_copy:
 * @self: a #WenjiArticle
 *
 * Returns: (transfer full): a new article with the same fields, id included
 */
WenjiArticle *
wenji_article_copy (WenjiArticle *self)
{
  WenjiArticle *copy;

  g_return_val_if_fail (WENJI_IS_ARTICLE (self), NULL);

  copy = wenji_article_new ();
  copy->id = self->id;
  copy->char_count = self->char_count;
  for (guint i = 0; i < N_FIELDS; i++) {
    g_free (copy->fields[i]);
    copy->fields[i] = g_strdup (self->fields[i]);
  }
  g_strfreev (copy->tags);
  copy->tags = g_strdupv (self->tags);

  return copy;
}

gboolean
wenji_status_is_valid (const char *status)
{
  return g_strcmp0 (status, WENJI_STATUS_DRAFT) == 0 ||
         g_strcmp0 (status, WENJI_STATUS_READY) == 0 ||
         g_strcmp0 (status, WENJI_STATUS_PUBLISHED) == 0;
}

gint64
wenji_article_get_id (WenjiArticle *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE (self), 0);
  return self->id;
}

void
wenji_article_set_id (WenjiArticle *self,
                      gint64        id)
{
  g_return_if_fail (WENJI_IS_ARTICLE (self));

  if (self->id != id) {
    self->id = id;
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  }
}

guint
wenji_article_get_char_count (WenjiArticle *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE (self), 0);
  return self->char_count;
}

void
wenji_article_set_char_count (WenjiArticle *self,
                              guint         char_count)
{
  g_return_if_fail (WENJI_IS_ARTICLE (self));

  if (self->char_count != char_count) {
    self->char_count = char_count;
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHAR_COUNT]);
  }
}

const char * const *
wenji_article_get_tags (WenjiArticle *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE (self), NULL);
  return (const char * const *) self->tags;
}

void
wenji_article_set_tags (WenjiArticle       *self,
                        const char * const *tags)
{
  g_return_if_fail (WENJI_IS_ARTICLE (self));

  g_strfreev (self->tags);
  self->tags = tags ? g_strdupv ((char **) tags) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

gboolean
wenji_article_is_trashed (WenjiArticle *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE (self), FALSE);
  return self->fields[FIELD_DELETED_AT] != NULL;
}

/* One getter and one setter per string field. */
#define STRING_FIELD(name, FIELD)                                       \
  const char *                                                          \
  wenji_article_get_##name (WenjiArticle *self)                         \
  {                                                                     \
    g_return_val_if_fail (WENJI_IS_ARTICLE (self), NULL);               \
    return self->fields[FIELD];                                         \
  }                                                                     \
  void                                                                  \
  wenji_article_set_##name (WenjiArticle *self,                         \
                            const char   *value)                        \
  {                                                                     \
    g_return_if_fail (WENJI_IS_ARTICLE (self));                         \
    set_field (self, FIELD, value);                                     \
  }

STRING_FIELD (uuid, FIELD_UUID)
STRING_FIELD (title, FIELD_TITLE)
STRING_FIELD (body, FIELD_BODY)
STRING_FIELD (author, FIELD_AUTHOR)
STRING_FIELD (source, FIELD_SOURCE)
STRING_FIELD (source_url, FIELD_SOURCE_URL)
STRING_FIELD (editor, FIELD_EDITOR)
STRING_FIELD (published_at, FIELD_PUBLISHED_AT)
STRING_FIELD (created_at, FIELD_CREATED_AT)
STRING_FIELD (updated_at, FIELD_UPDATED_AT)
STRING_FIELD (status, FIELD_STATUS)
STRING_FIELD (lang, FIELD_LANG)
STRING_FIELD (summary, FIELD_SUMMARY)
STRING_FIELD (content_hash, FIELD_CONTENT_HASH)
STRING_FIELD (deleted_at, FIELD_DELETED_AT)

#undef STRING_FIELD
