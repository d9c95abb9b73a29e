/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Pictures that came with articles from the web live in the library, one
 * row per content (a SHA-256), shared by the articles that name them in
 * their Markdown as `wenji-asset:HASH`. The library keeps a picture while
 * an article, or an earlier version of one, names it; a trigger removes it
 * after the last.
 *
 * To be drawn, a picture is written out once to the user's cache folder,
 * under its hash: the renderer reads it there (wenji_asset_cache_path()).
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "wenji-error.h"
#include "wenji-library-private.h"

#define ASSET_SCHEME "wenji-asset:"
#define HASH_LENGTH 64

static gboolean
is_hash (const char *text,
         gsize       length)
{
  if (length != HASH_LENGTH)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;

  return TRUE;
}

/**
 * wenji_asset_cache_path:
 * @hash: a picture's hash
 *
 * Returns: (transfer full) (nullable): where the picture is written out to
 *   be drawn, or %NULL when @hash is not a hash
 */
char *
wenji_asset_cache_path (const char *hash)
{
  if (hash == NULL || !is_hash (hash, strlen (hash)))
    return NULL;

  return g_build_filename (g_get_user_cache_dir (), "wenji", "assets", hash, NULL);
}

/**
 * wenji_asset_refs:
 * @text: Markdown
 *
 * Returns: (transfer full) (element-type utf8): the pictures @text names,
 *   each once, in order
 */
GPtrArray *
wenji_asset_refs (const char *text)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = text; p != NULL && (p = strstr (p, ASSET_SCHEME)) != NULL;) {
    const char *hash = p + strlen (ASSET_SCHEME);
    gsize length = strspn (hash, "0123456789abcdef");

    p = hash + length;
    if (length == HASH_LENGTH) {
      g_autofree char *found = g_strndup (hash, length);

      if (!g_ptr_array_find_with_equal_func (refs, found, g_str_equal, NULL))
        g_ptr_array_add (refs, g_steal_pointer (&found));
    }
  }

  return refs;
}

/**
 * wenji_library_add_asset:
 * @data: the picture's bytes
 * @mime_type: their type
 * @source_url: (nullable): where they came from
 *
 * Stores a picture, once whatever the number of articles that bring it.
 * It stays only if an article names it before the next
 * wenji_library_forget_unused_assets().
 *
 * Returns: (transfer full): its hash, for `wenji-asset:HASH`, or %NULL with
 *   @error set
 */
char *
wenji_library_add_asset (WenjiLibrary  *self,
                         GBytes        *data,
                         const char    *mime_type,
                         const char    *source_url,
                         GError       **error)
{
  g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  g_autofree char *now = wenji_library_now ();
  sqlite3_stmt *stmt;
  gsize length;
  gconstpointer bytes = g_bytes_get_data (data, &length);

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (mime_type != NULL, NULL);

  stmt = wenji_library_prepare (self,
                                "INSERT INTO assets "
                                "(hash, mime_type, source_url, created_at, data) "
                                "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (hash) DO NOTHING",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, mime_type, -1, SQLITE_TRANSIENT);
  if (source_url != NULL)
    sqlite3_bind_text (stmt, 3, source_url, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob64 (stmt, 5, length > 0 ? bytes : "", length, SQLITE_TRANSIENT);
  if (!wenji_library_step_done (self, stmt, error))
    return NULL;

  return g_steal_pointer (&hash);
}

/**
 * wenji_library_load_asset:
 * @hash: a picture's hash
 * @mime_type: (out) (optional) (transfer full): its type
 *
 * Returns: (transfer full): the picture's bytes, or %NULL with
 *   %WENJI_ERROR_NOT_FOUND or another error
 */
GBytes *
wenji_library_load_asset (WenjiLibrary  *self,
                          const char    *hash,
                          char         **mime_type,
                          GError       **error)
{
  sqlite3_stmt *stmt;
  GBytes *bytes;
  int rc;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), NULL);

  stmt = wenji_library_prepare (self, "SELECT data, mime_type FROM assets WHERE hash = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE) {
    sqlite3_reset (stmt);
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND, "The library holds no picture %s.",
                 hash);
    return NULL;
  }
  if (rc != SQLITE_ROW) {
    wenji_library_set_error (self, rc, error);
    sqlite3_reset (stmt);
    return NULL;
  }

  bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  if (mime_type != NULL)
    *mime_type = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  return bytes;
}

/* The hashes an article's text and its earlier versions name, as JSON. */
static char *
named_assets (WenjiLibrary  *self,
              gint64         article_id,
              const char    *body,
              GPtrArray    **refs,
              GError       **error)
{
  g_autoptr (GString) json = g_string_new ("[");
  sqlite3_stmt *stmt;
  int rc;

  *refs = wenji_asset_refs (body);

  stmt = wenji_library_prepare (self,
                                "SELECT body FROM revisions WHERE article_id = ?1 "
                                "AND body LIKE '%" ASSET_SCHEME "%'",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    g_autoptr (GPtrArray) older = wenji_asset_refs ((const char *) sqlite3_column_text (stmt, 0));

    for (guint i = 0; i < older->len; i++)
      if (!g_ptr_array_find_with_equal_func (*refs, older->pdata[i], g_str_equal, NULL))
        g_ptr_array_add (*refs, g_strdup (older->pdata[i]));
  }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE) {
    wenji_library_set_error (self, rc, error);
    return NULL;
  }

  for (guint i = 0; i < (*refs)->len; i++)
    g_string_append_printf (json, "%s\"%s\"", i > 0 ? "," : "", (char *) (*refs)->pdata[i]);
  g_string_append_c (json, ']');

  return g_string_free (g_steal_pointer (&json), FALSE);
}

/**
 * wenji_library_sync_assets:
 * @article_id: an article just written, in the caller's transaction
 * @body: its text
 *
 * Keeps the pictures the article names, in its text or an earlier
 * version, and lets go of the others (the last article to let go of a
 * picture removes it).
 */
gboolean
wenji_library_sync_assets (WenjiLibrary  *self,
                           gint64         article_id,
                           const char    *body,
                           GError       **error)
{
  g_autoptr (GPtrArray) refs = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  json = named_assets (self, article_id, body, &refs, error);
  if (json == NULL)
    return FALSE;

  /* New names first: a picture the article keeps never goes to zero. */
  stmt = wenji_library_prepare (self,
                                "INSERT INTO article_assets (article_id, hash) "
                                "SELECT ?1, hash FROM assets WHERE hash IN "
                                "  (SELECT value FROM json_each (?2)) "
                                "ON CONFLICT DO NOTHING",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_text (stmt, 2, json, -1, SQLITE_TRANSIENT);
  if (!wenji_library_step_done (self, stmt, error))
    return FALSE;

  stmt = wenji_library_prepare (self,
                                "DELETE FROM article_assets WHERE article_id = ?1 AND hash NOT IN "
                                "  (SELECT value FROM json_each (?2))",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_text (stmt, 2, json, -1, SQLITE_TRANSIENT);

  return wenji_library_step_done (self, stmt, error);
}

/**
 * wenji_library_forget_unused_assets:
 *
 * Removes the pictures no article names: those stored for an import that
 * did not keep its article.
 */
gboolean
wenji_library_forget_unused_assets (WenjiLibrary  *self,
                                    GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  stmt = wenji_library_prepare (self,
                                "DELETE FROM assets WHERE NOT EXISTS "
                                "  (SELECT 1 FROM article_assets WHERE hash = assets.hash)",
                                error);

  return stmt != NULL && wenji_library_step_done (self, stmt, error);
}

/**
 * wenji_library_cache_assets:
 * @body: an article's text
 *
 * Writes out the pictures @body names to the cache folder, where the
 * renderer reads them, unless they are there already.
 */
gboolean
wenji_library_cache_assets (WenjiLibrary  *self,
                            const char    *body,
                            GError       **error)
{
  g_autoptr (GPtrArray) refs = NULL;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  if (body == NULL || strstr (body, ASSET_SCHEME) == NULL)
    return TRUE;

  refs = wenji_asset_refs (body);
  for (guint i = 0; i < refs->len; i++) {
    g_autofree char *path = wenji_asset_cache_path (refs->pdata[i]);
    g_autofree char *dir = g_path_get_dirname (path);
    g_autoptr (GBytes) bytes = NULL;
    g_autoptr (GError) local_error = NULL;
    gsize length;
    gconstpointer data;

    if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
      continue;

    bytes = wenji_library_load_asset (self, refs->pdata[i], NULL, &local_error);
    /* A picture the library lost shows its description. */
    if (bytes == NULL && g_error_matches (local_error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND))
      continue;
    if (bytes == NULL) {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

    data = g_bytes_get_data (bytes, &length);
    if (g_mkdir_with_parents (dir, 0700) != 0 ||
        !g_file_set_contents (path, data, length, &local_error)) {
      g_set_error (error, WENJI_ERROR, WENJI_ERROR_READ_ONLY,
                   "Cannot write out the picture %s to draw it: %s", (char *) refs->pdata[i],
                   local_error != NULL ? local_error->message : g_strerror (errno));
      return FALSE;
    }
  }

  return TRUE;
}

/**
 * wenji_library_count_assets:
 *
 * Returns: the pictures the library holds, or -1 with @error set
 */
gint64
wenji_library_count_assets (WenjiLibrary  *self,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), -1);

  stmt = wenji_library_prepare (self, "SELECT count(*) FROM assets", error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    wenji_library_set_error (self, rc, error);
  sqlite3_reset (stmt);

  return n;
}
