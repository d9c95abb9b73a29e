/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Tags in a WenjiLibrary. A tag is kept as the user first wrote it and
 * matched by a key, wenji_tag_key(), that ignores case, width and spacing,
 * so that "GNOME", "gnome " and "ＧＮＯＭＥ" are one tag.
 */
#include "config.h"

#include "wenji-error.h"
#include "wenji-library-private.h"
#include "wenji-text.h"

void
wenji_tag_count_free (WenjiTagCount *tag)
{
  g_free (tag->name);
  g_free (tag);
}

/* Trims and collapses white space; NULL with an error for an empty name. */
static char *
normalize_name (const char  *name,
                GError     **error)
{
  g_autofree char *nfc = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (name == NULL || !g_utf8_validate (name, -1, NULL) ||
      !(nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC))) {
    g_set_error_literal (error, WENJI_ERROR, WENJI_ERROR_INVALID, "A tag name must be text.");
    return NULL;
  }

  out = g_string_new (NULL);
  for (const char *p = nfc; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (g_unichar_isspace (c) || g_unichar_iscntrl (c)) {
      pending_space = out->len > 0;
      continue;
    }
    if (pending_space)
      g_string_append_c (out, ' ');
    pending_space = FALSE;
    g_string_append_unichar (out, c);
  }

  if (out->len == 0) {
    g_string_free (out, TRUE);
    g_set_error_literal (error, WENJI_ERROR, WENJI_ERROR_INVALID, "A tag name cannot be empty.");
    return NULL;
  }

  return g_string_free (out, FALSE);
}

/**
 * wenji_tag_key:
 * @name: a tag name as the user typed it
 *
 * The key tags are matched by: @name in NFC, trimmed, with each run of white
 * space inside made one space, then in NFKC (full-width letters become
 * ASCII) and case-folded. "  Hong   Kong ", "HONG KONG" and "ＨＯＮＧ　ＫＯＮＧ"
 * have one key. The library stores it with each tag (`tags.name_key`);
 * whatever looks a tag up by name, the sidebar's list and a `tag:` search as
 * well as the tag functions, compares this key.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL when @name is not
 *   UTF-8 text or holds only white space
 */
char *
wenji_tag_key (const char *name)
{
  g_autofree char *normalized = normalize_name (name, NULL);
  g_autofree char *compat = NULL;

  if (normalized == NULL)
    return NULL;
  compat = g_utf8_normalize (normalized, -1, G_NORMALIZE_NFKC);

  return g_utf8_casefold (compat, -1);
}

/* Finds a tag's id by name; 0 when there is none. -1 on error. */
static gint64
find_tag (WenjiLibrary  *self,
          const char    *name,
          GError       **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (!(normalized = normalize_name (name, error)))
    return -1;
  key = wenji_tag_key (normalized);

  if (!(stmt = wenji_library_prepare (self, "SELECT id FROM tags WHERE name_key = ?", error)))
    return -1;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE) {
    wenji_library_set_error (self, rc, error);
    id = -1;
  }
  sqlite3_reset (stmt);

  return id;
}

static gint64
find_existing_tag (WenjiLibrary  *self,
                   const char    *name,
                   GError       **error)
{
  gint64 id = find_tag (self, name, error);

  if (id == 0)
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND, "There is no tag “%s”.", name);

  return id > 0 ? id : -1;
}

static gint64
find_or_create_tag (WenjiLibrary  *self,
                    const char    *name,
                    GError       **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  id = find_tag (self, name, error);
  if (id != 0)
    return id;

  normalized = normalize_name (name, NULL);
  key = wenji_tag_key (normalized);

  if (!(stmt = wenji_library_prepare (self, "INSERT INTO tags (name, name_key) VALUES (?, ?)",
                                      error)))
    return -1;

  sqlite3_bind_text (stmt, 1, normalized, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  if (!wenji_library_step_done (self, stmt, error))
    return -1;

  return sqlite3_last_insert_rowid (wenji_library_get_db (self));
}

/* Runs a statement with up to two integer parameters. */
static gboolean
run_ids (WenjiLibrary  *self,
         const char    *sql,
         gint64         a,
         gint64         b,
         GError       **error)
{
  sqlite3_stmt *stmt = wenji_library_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);

  return wenji_library_step_done (self, stmt, error);
}

static gboolean
drop_unused_tags (WenjiLibrary  *self,
                  GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = wenji_library_prepare (self,
                                "DELETE FROM tags WHERE NOT EXISTS "
                                "(SELECT 1 FROM article_tags WHERE tag_id = tags.id)",
                                error);

  return stmt != NULL && wenji_library_step_done (self, stmt, error);
}

/**
 * wenji_library_add_tag:
 * @article_id: an article
 * @name: the tag; created when new
 *
 * Tags an article. Tagging it twice with the same tag does nothing.
 */
gboolean
wenji_library_add_tag (WenjiLibrary  *self,
                       gint64         article_id,
                       const char    *name,
                       GError       **error)
{
  gint64 tag_id;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  if (!wenji_library_article_exists (self, article_id, error))
    return FALSE;

  if (!wenji_library_begin (self, error))
    return FALSE;

  if ((tag_id = find_or_create_tag (self, name, error)) < 0 ||
      !run_ids (self, "INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)",
                article_id, tag_id, error)) {
    wenji_library_rollback (self);
    return FALSE;
  }

  wenji_library_changed (self, article_id);

  return wenji_library_commit (self, error);
}

/**
 * wenji_library_remove_tag:
 *
 * Removes a tag from an article; a tag no article carries any more is
 * forgotten.
 */
gboolean
wenji_library_remove_tag (WenjiLibrary  *self,
                          gint64         article_id,
                          const char    *name,
                          GError       **error)
{
  gint64 tag_id;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  if (!wenji_library_article_exists (self, article_id, error))
    return FALSE;
  if ((tag_id = find_existing_tag (self, name, error)) < 0)
    return FALSE;

  if (!wenji_library_begin (self, error))
    return FALSE;

  if (!run_ids (self, "DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?",
                article_id, tag_id, error) ||
      !drop_unused_tags (self, error)) {
    wenji_library_rollback (self);
    return FALSE;
  }

  wenji_library_changed (self, article_id);

  return wenji_library_commit (self, error);
}

/**
 * wenji_library_rename_tag:
 *
 * Renames a tag on every article. Renaming to the name of another existing
 * tag is refused with %WENJI_ERROR_INVALID: merge them instead.
 */
gboolean
wenji_library_rename_tag (WenjiLibrary  *self,
                          const char    *old_name,
                          const char    *new_name,
                          GError       **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *key = NULL;
  gint64 tag_id, other_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  if ((tag_id = find_existing_tag (self, old_name, error)) < 0)
    return FALSE;
  if (!(normalized = normalize_name (new_name, error)))
    return FALSE;
  if ((other_id = find_tag (self, normalized, error)) < 0)
    return FALSE;

  if (other_id != 0 && other_id != tag_id) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 "A tag “%s” already exists; merge the two tags instead.", normalized);
    return FALSE;
  }

  key = wenji_tag_key (normalized);
  if (!(stmt = wenji_library_prepare (self, "UPDATE tags SET name = ?, name_key = ? WHERE id = ?",
                                      error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, normalized, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, tag_id);
  if (!wenji_library_step_done (self, stmt, error))
    return FALSE;

  wenji_library_changed (self, 0);

  return TRUE;
}

/**
 * wenji_library_merge_tags:
 * @from: the tag that goes away
 * @into: the tag its articles get
 *
 * Gives every article tagged @from the tag @into, then deletes @from.
 */
gboolean
wenji_library_merge_tags (WenjiLibrary  *self,
                          const char    *from,
                          const char    *into,
                          GError       **error)
{
  gint64 from_id, into_id;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  if ((from_id = find_existing_tag (self, from, error)) < 0 ||
      (into_id = find_existing_tag (self, into, error)) < 0)
    return FALSE;
  if (from_id == into_id)
    return TRUE;

  if (!wenji_library_begin (self, error))
    return FALSE;

  if (!run_ids (self,
                "INSERT OR IGNORE INTO article_tags (article_id, tag_id) "
                "SELECT article_id, ?2 FROM article_tags WHERE tag_id = ?1",
                from_id, into_id, error) ||
      !run_ids (self, "DELETE FROM tags WHERE id = ?", from_id, 0, error)) {
    wenji_library_rollback (self);
    return FALSE;
  }

  wenji_library_changed (self, 0);

  return wenji_library_commit (self, error);
}

/**
 * wenji_library_delete_tag:
 *
 * Removes a tag from every article; the articles stay.
 */
gboolean
wenji_library_delete_tag (WenjiLibrary  *self,
                          const char    *name,
                          GError       **error)
{
  gint64 tag_id;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  if ((tag_id = find_existing_tag (self, name, error)) < 0)
    return FALSE;
  if (!run_ids (self, "DELETE FROM tags WHERE id = ?", tag_id, 0, error))
    return FALSE;

  wenji_library_changed (self, 0);

  return TRUE;
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  const WenjiTagCount *ta = *(WenjiTagCount * const *) a;
  const WenjiTagCount *tb = *(WenjiTagCount * const *) b;
  g_autoptr (GBytes) ka = wenji_text_sort_key (ta->name);
  g_autoptr (GBytes) kb = wenji_text_sort_key (tb->name);

  return g_bytes_compare (ka, kb);
}

/**
 * wenji_library_list_tags:
 *
 * Returns: (transfer full) (element-type WenjiTagCount): every tag with the
 *   number of articles outside the Trash that carry it, in pinyin order
 */
GPtrArray *
wenji_library_list_tags (WenjiLibrary  *self,
                         GError       **error)
{
  g_autoptr (GPtrArray) tags =
    g_ptr_array_new_with_free_func ((GDestroyNotify) wenji_tag_count_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), NULL);

  stmt = wenji_library_prepare (self,
                                "SELECT t.name, count(a.id) FROM tags t "
                                "LEFT JOIN article_tags at ON at.tag_id = t.id "
                                "LEFT JOIN articles a ON a.id = at.article_id "
                                "AND a.deleted_at IS NULL "
                                "GROUP BY t.id",
                                error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    WenjiTagCount *tag = g_new0 (WenjiTagCount, 1);

    tag->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    tag->count = sqlite3_column_int (stmt, 1);
    g_ptr_array_add (tags, tag);
  }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE) {
    wenji_library_set_error (self, rc, error);
    return NULL;
  }

  g_ptr_array_sort (tags, compare_tags);

  return g_steal_pointer (&tags);
}

/**
 * wenji_library_get_article_tags:
 *
 * Returns: (transfer full): the tags of an article, in pinyin order
 */
GStrv
wenji_library_get_article_tags (WenjiLibrary  *self,
                                gint64         article_id,
                                GError       **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) keyed =
    g_ptr_array_new_with_free_func ((GDestroyNotify) wenji_tag_count_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), NULL);

  stmt = wenji_library_prepare (self,
                                "SELECT t.name FROM article_tags at "
                                "JOIN tags t ON t.id = at.tag_id "
                                "WHERE at.article_id = ?",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    WenjiTagCount *tag = g_new0 (WenjiTagCount, 1);
    tag->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    g_ptr_array_add (keyed, tag);
  }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE) {
    wenji_library_set_error (self, rc, error);
    return NULL;
  }

  g_ptr_array_sort (keyed, compare_tags);
  for (guint i = 0; i < keyed->len; i++)
    g_ptr_array_add (names, g_strdup (((WenjiTagCount *) keyed->pdata[i])->name));
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_steal (names, NULL);
}
