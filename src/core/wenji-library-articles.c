/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Articles in a WenjiLibrary: create, load, update, trash, restore, delete.
 * The library fills what the user does not type: uuid, times, the character
 * count, the content hash and the pinyin sort key of the title.
 */
#include "config.h"

#include <string.h>

#include "wenji-article-private.h"
#include "wenji-error.h"
#include "wenji-library-private.h"
#include "wenji-revision-private.h"
#include "wenji-text.h"

#define ARTICLE_COLUMNS \
  "id, uuid, title, body, author, source, source_url, editor, published_at, " \
  "created_at, updated_at, status, lang, summary, char_count, content_hash, deleted_at"

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
validate_article (WenjiArticle  *article,
                  GError       **error)
{
  const char *status = wenji_article_get_status (article);

  if (status != NULL && !wenji_status_is_valid (status)) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 "“%s” is not a status; use draft, ready or published.", status);
    return FALSE;
  }

  if (!g_utf8_validate (wenji_article_get_title (article), -1, NULL) ||
      !g_utf8_validate (wenji_article_get_body (article), -1, NULL)) {
    g_set_error_literal (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                         "The article’s text is not valid UTF-8.");
    return FALSE;
  }

  return TRUE;
}

/* Computes the fields derived from the text. */
static void
derive_fields (WenjiArticle *article)
{
  g_autofree char *hash = wenji_text_content_hash (wenji_article_get_body (article));

  wenji_article_set_char_count (article, wenji_text_count_chars (wenji_article_get_body (article)));
  wenji_article_set_content_hash (article, hash);
  if (wenji_article_get_status (article) == NULL)
    wenji_article_set_status (article, WENJI_STATUS_DRAFT);
  if (wenji_article_get_lang (article) == NULL)
    wenji_article_set_lang (article, wenji_text_detect_lang (wenji_article_get_body (article)));
}

static void
bind_sort_key (sqlite3_stmt *stmt,
               int           index,
               const char   *title)
{
  g_autoptr (GBytes) key = wenji_text_sort_key (title);
  gsize size;
  gconstpointer data = g_bytes_get_data (key, &size);

  sqlite3_bind_blob (stmt, index, data, (int) size, SQLITE_TRANSIENT);
}

/* Binds the fields a user edits to parameters ?1 … ?13, in this order. */
static void
bind_user_fields (sqlite3_stmt *stmt,
                  WenjiArticle *article)
{
  bind_text (stmt, 1, wenji_article_get_title (article));
  bind_text (stmt, 2, wenji_article_get_body (article));
  bind_text (stmt, 3, wenji_article_get_author (article));
  bind_text (stmt, 4, wenji_article_get_source (article));
  bind_text (stmt, 5, wenji_article_get_source_url (article));
  bind_text (stmt, 6, wenji_article_get_editor (article));
  bind_text (stmt, 7, wenji_article_get_published_at (article));
  bind_text (stmt, 8, wenji_article_get_status (article));
  bind_text (stmt, 9, wenji_article_get_lang (article));
  bind_text (stmt, 10, wenji_article_get_summary (article));
  sqlite3_bind_int64 (stmt, 11, wenji_article_get_char_count (article));
  bind_text (stmt, 12, wenji_article_get_content_hash (article));
  bind_sort_key (stmt, 13, wenji_article_get_title (article));
}

/**
 * wenji_library_insert_article:
 * @article: a new article (its id is 0)
 *
 * Adds @article to the library, with the tags it carries, and sets its id,
 * uuid, times, character count and content hash. A missing language is
 * detected from the body.
 */
gboolean
wenji_library_insert_article (WenjiLibrary  *self,
                              WenjiArticle  *article,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *now = wenji_library_now ();
  g_autofree char *uuid = NULL;
  const char * const *tags;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (WENJI_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (wenji_article_get_id (article) == 0, FALSE);

  if (!validate_article (article, error))
    return FALSE;

  derive_fields (article);
  uuid = g_uuid_string_random ();

  if (!wenji_library_begin (self, error))
    return FALSE;

  stmt = wenji_library_prepare (self,
                                "INSERT INTO articles (title, body, author, source, source_url, "
                                "  editor, published_at, status, lang, summary, char_count, "
                                "  content_hash, title_sort_key, uuid, created_at, updated_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                                "  ?14, ?15, ?15)",
                                error);
  if (stmt == NULL)
    goto fail;

  bind_user_fields (stmt, article);
  bind_text (stmt, 14, uuid);
  bind_text (stmt, 15, now);
  if (!wenji_library_step_done (self, stmt, error))
    goto fail;

  wenji_article_set_id (article, sqlite3_last_insert_rowid (wenji_library_get_db (self)));

  if (strstr (wenji_article_get_body (article), "wenji-asset:") != NULL &&
      !wenji_library_sync_assets (self, wenji_article_get_id (article),
                                  wenji_article_get_body (article), error))
    goto fail;

  tags = wenji_article_get_tags (article);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (!wenji_library_add_tag (self, wenji_article_get_id (article), tags[i], error))
      goto fail;

  wenji_library_changed (self, wenji_article_get_id (article));
  if (!wenji_library_commit (self, error)) {
    wenji_article_set_id (article, 0);
    return FALSE;
  }

  wenji_article_set_uuid (article, uuid);
  wenji_article_set_created_at (article, now);
  wenji_article_set_updated_at (article, now);

  return TRUE;

fail:
  wenji_library_rollback (self);
  wenji_article_set_id (article, 0);
  return FALSE;
}

/**
 * wenji_library_load_article:
 * @id: an article id
 *
 * Returns: (transfer full): the article with its tags, or %NULL with
 *   %WENJI_ERROR_NOT_FOUND when there is none with @id
 */
WenjiArticle *
wenji_library_load_article (WenjiLibrary  *self,
                            gint64         id,
                            GError       **error)
{
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GError) cache_error = NULL;
  g_auto (GStrv) tags = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), NULL);

  stmt = wenji_library_prepare (self, "SELECT " ARTICLE_COLUMNS " FROM articles WHERE id = ?",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND,
                 "There is no article with id %" G_GINT64_FORMAT ".", id);
    sqlite3_reset (stmt);
    return NULL;
  }
  if (rc != SQLITE_ROW) {
    wenji_library_set_error (self, rc, error);
    sqlite3_reset (stmt);
    return NULL;
  }

  article = wenji_article_new ();
  wenji_article_set_id (article, sqlite3_column_int64 (stmt, 0));
  wenji_article_set_uuid (article, column_text (stmt, 1));
  wenji_article_set_title (article, column_text (stmt, 2));
  wenji_article_set_body (article, column_text (stmt, 3));
  wenji_article_set_author (article, column_text (stmt, 4));
  wenji_article_set_source (article, column_text (stmt, 5));
  wenji_article_set_source_url (article, column_text (stmt, 6));
  wenji_article_set_editor (article, column_text (stmt, 7));
  wenji_article_set_published_at (article, column_text (stmt, 8));
  wenji_article_set_created_at (article, column_text (stmt, 9));
  wenji_article_set_updated_at (article, column_text (stmt, 10));
  wenji_article_set_status (article, column_text (stmt, 11));
  wenji_article_set_lang (article, column_text (stmt, 12));
  wenji_article_set_summary (article, column_text (stmt, 13));
  wenji_article_set_char_count (article, sqlite3_column_int64 (stmt, 14));
  wenji_article_set_content_hash (article, column_text (stmt, 15));
  wenji_article_set_deleted_at (article, column_text (stmt, 16));
  sqlite3_reset (stmt);

  if (!(tags = wenji_library_get_article_tags (self, id, error)))
    return NULL;
  wenji_article_set_tags (article, (const char * const *) tags);

  /* Its pictures, where the renderer finds them. Without them the article
   * is still the article: they show their descriptions. */
  if (!wenji_library_cache_assets (self, wenji_article_get_body (article), &cache_error))
    g_warning ("%s", cache_error->message);

  return g_steal_pointer (&article);
}

/* Whether the stored article differs from @article in a field a user edits,
 * and in its text (title or body). */
static gboolean
article_differs (WenjiLibrary  *self,
                 WenjiArticle  *article,
                 gboolean      *differs,
                 gboolean      *text_differs,
                 GError       **error)
{
  g_autoptr (WenjiArticle) stored = NULL;
  static const char * const fields[] = {
    "title", "body", "author", "source", "source-url", "editor",
    "published-at", "status", "lang", "summary",
  };

  stored = wenji_library_load_article (self, wenji_article_get_id (article), error);
  if (stored == NULL)
    return FALSE;

  *text_differs = g_strcmp0 (wenji_article_get_title (article),
                             wenji_article_get_title (stored)) != 0 ||
                  g_strcmp0 (wenji_article_get_body (article),
                             wenji_article_get_body (stored)) != 0;
  *differs = *text_differs;
  for (guint i = 0; i < G_N_ELEMENTS (fields) && !*differs; i++) {
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    g_object_get (article, fields[i], &a, NULL);
    g_object_get (stored, fields[i], &b, NULL);
    *differs = g_strcmp0 (a, b) != 0;
  }

  return TRUE;
}

/**
 * wenji_library_update_article:
 * @article: an article loaded from this library, edited
 *
 * Stores the fields a user edits and refreshes updated_at, the character
 * count and the content hash. Saving an article that did not change writes
 * nothing, so it keeps its place in a list sorted by time.
 *
 * When the title or the body changes and the article's last revision is
 * older than %WENJI_REVISION_INTERVAL (or it has none), the text it replaces
 * is kept as a revision first, in the same transaction: see
 * wenji-revision.c.
 */
gboolean
wenji_library_update_article (WenjiLibrary  *self,
                              WenjiArticle  *article,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *now = NULL;
  gboolean differs, text_differs;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (WENJI_IS_ARTICLE (article), FALSE);

  if (!validate_article (article, error))
    return FALSE;

  if (!article_differs (self, article, &differs, &text_differs, error))
    return FALSE;
  if (!differs)
    return TRUE;

  derive_fields (article);
  now = wenji_library_now ();

  if (!wenji_library_begin (self, error))
    return FALSE;

  if (text_differs && !wenji_library_snapshot_if_due (self, wenji_article_get_id (article), error))
    goto fail;

  stmt = wenji_library_prepare (self,
                                "UPDATE articles SET title = ?1, body = ?2, author = ?3, "
                                "  source = ?4, source_url = ?5, editor = ?6, published_at = ?7, "
                                "  status = ?8, lang = ?9, summary = ?10, char_count = ?11, "
                                "  content_hash = ?12, title_sort_key = ?13, updated_at = ?14 "
                                "WHERE id = ?15",
                                error);
  if (stmt == NULL)
    goto fail;

  bind_user_fields (stmt, article);
  bind_text (stmt, 14, now);
  sqlite3_bind_int64 (stmt, 15, wenji_article_get_id (article));
  if (!wenji_library_step_done (self, stmt, error))
    goto fail;

  /* The pictures it names may have changed. */
  if (text_differs &&
      !wenji_library_sync_assets (self, wenji_article_get_id (article),
                                  wenji_article_get_body (article), error))
    goto fail;

  wenji_library_changed (self, wenji_article_get_id (article));
  if (!wenji_library_commit (self, error))
    return FALSE;

  wenji_article_set_updated_at (article, now);

  return TRUE;

fail:
  wenji_library_rollback (self);
  return FALSE;
}

/**
 * wenji_library_article_exists:
 *
 * Returns: %TRUE when an article with @id exists, in the Trash or not;
 *   otherwise %FALSE with %WENJI_ERROR_NOT_FOUND (or a database error)
 */
gboolean
wenji_library_article_exists (WenjiLibrary  *self,
                              gint64         id,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = wenji_library_prepare (self, "SELECT 1 FROM articles WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND,
                 "There is no article with id %" G_GINT64_FORMAT ".", id);
  else
    wenji_library_set_error (self, rc, error);

  return FALSE;
}

/* Runs @sql, which changes the one article ?1 (with ?2 the current time). */
static gboolean
change_article (WenjiLibrary  *self,
                gint64         id,
                const char    *sql,
                GError       **error)
{
  g_autofree char *now = wenji_library_now ();
  sqlite3_stmt *stmt;

  if (!wenji_library_article_exists (self, id, error))
    return FALSE;

  if (!(stmt = wenji_library_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    bind_text (stmt, 2, now);
  if (!wenji_library_step_done (self, stmt, error))
    return FALSE;

  wenji_library_changed (self, id);

  return TRUE;
}

/**
 * wenji_library_trash_article:
 *
 * Moves an article to the Trash; it keeps its text and tags.
 */
gboolean
wenji_library_trash_article (WenjiLibrary  *self,
                             gint64         id,
                             GError       **error)
{
  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  return change_article (self, id,
                         "UPDATE articles SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                         error);
}

/**
 * wenji_library_restore_article:
 *
 * Takes an article out of the Trash.
 */
gboolean
wenji_library_restore_article (WenjiLibrary  *self,
                               gint64         id,
                               GError       **error)
{
  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  return change_article (self, id, "UPDATE articles SET deleted_at = NULL WHERE id = ?1", error);
}

/**
 * wenji_library_delete_article:
 *
 * Deletes an article for good, with its tags links and revisions.
 */
gboolean
wenji_library_delete_article (WenjiLibrary  *self,
                              gint64         id,
                              GError       **error)
{
  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  return change_article (self, id, "DELETE FROM articles WHERE id = ?1", error);
}

/**
 * wenji_library_empty_trash:
 *
 * Deletes for good every article in the Trash.
 */
gboolean
wenji_library_empty_trash (WenjiLibrary  *self,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  stmt = wenji_library_prepare (self, "DELETE FROM articles WHERE deleted_at IS NOT NULL", error);
  if (stmt == NULL || !wenji_library_step_done (self, stmt, error))
    return FALSE;

  wenji_library_changed (self, 0);

  return TRUE;
}

/**
 * wenji_library_count_articles:
 * @counts: (out caller-allocates): the counts of the smart lists
 */
gboolean
wenji_library_count_articles (WenjiLibrary       *self,
                              WenjiStatusCounts  *counts,
                              GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  memset (counts, 0, sizeof *counts);

  /* Counted from the indexes alone: reading the articles themselves would
   * cost a large library a table scan at every start. */
  stmt = wenji_library_prepare (self,
                                "SELECT status, count(*) FROM articles "
                                "INDEXED BY articles_by_status "
                                "WHERE deleted_at IS NULL GROUP BY status",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    const char *status = (const char *) sqlite3_column_text (stmt, 0);
    guint n = sqlite3_column_int (stmt, 1);

    counts->all += n;
    if (g_strcmp0 (status, WENJI_STATUS_DRAFT) == 0)
      counts->draft = n;
    else if (g_strcmp0 (status, WENJI_STATUS_READY) == 0)
      counts->ready = n;
    else if (g_strcmp0 (status, WENJI_STATUS_PUBLISHED) == 0)
      counts->published = n;
  }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE) {
    wenji_library_set_error (self, rc, error);
    return FALSE;
  }

  stmt = wenji_library_prepare (self,
                                "SELECT count(*) FROM articles INDEXED BY articles_by_updated "
                                "WHERE deleted_at IS NOT NULL",
                                error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW) {
    wenji_library_set_error (self, rc, error);
    sqlite3_reset (stmt);
    return FALSE;
  }
  counts->trash = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return TRUE;
}
