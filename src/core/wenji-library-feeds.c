/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Followed feeds and the items they gave. A feed remembers how it was last
 * fetched (its ETag and Last-Modified, and why it failed), and each item's
 * link once it was seen, with the article it became and whether that
 * article has been read: an item is imported once, however often the feed
 * lists it.
 */
#include "config.h"

#include "wenji-error.h"
#include "wenji-library-private.h"

/**
 * wenji_feed_free:
 */
void
wenji_feed_free (WenjiFeed *feed)
{
  g_free (feed->url);
  g_free (feed->title);
  g_free (feed->etag);
  g_free (feed->last_modified);
  g_free (feed->checked_at);
  g_free (feed->error);
  g_free (feed);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

#define FEED_COLUMNS \
  "f.id, f.url, f.title, f.etag, f.last_modified, f.checked_at, f.error, " \
  "(SELECT count(*) FROM feed_items i JOIN articles a ON a.id = i.article_id " \
  " WHERE i.feed_id = f.id AND i.unread AND a.deleted_at IS NULL) " \
  "FROM feeds f "

static GPtrArray *
query_feeds (WenjiLibrary  *self,
             const char    *sql,
             gint64         id,
             GError       **error)
{
  g_autoptr (GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) wenji_feed_free);
  sqlite3_stmt *stmt = wenji_library_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    WenjiFeed *feed = g_new0 (WenjiFeed, 1);

    feed->id = sqlite3_column_int64 (stmt, 0);
    feed->url = column_text (stmt, 1);
    feed->title = column_text (stmt, 2);
    feed->etag = column_text (stmt, 3);
    feed->last_modified = column_text (stmt, 4);
    feed->checked_at = column_text (stmt, 5);
    feed->error = column_text (stmt, 6);
    feed->unread = sqlite3_column_int (stmt, 7);
    g_ptr_array_add (feeds, feed);
  }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE) {
    wenji_library_set_error (self, rc, error);
    return NULL;
  }

  return g_steal_pointer (&feeds);
}

/**
 * wenji_library_list_feeds:
 *
 * Returns: (transfer full) (element-type WenjiFeed): the followed feeds,
 *   by title, or %NULL with @error set
 */
GPtrArray *
wenji_library_list_feeds (WenjiLibrary  *self,
                          GError       **error)
{
  g_return_val_if_fail (WENJI_IS_LIBRARY (self), NULL);

  return query_feeds (self, "SELECT " FEED_COLUMNS "ORDER BY coalesce (f.title, f.url), f.id",
                      0, error);
}

/**
 * wenji_library_get_feed:
 * @id: the feed's id
 *
 * Returns: (transfer full): the feed, or %NULL with %WENJI_ERROR_NOT_FOUND
 *   or another error
 */
WenjiFeed *
wenji_library_get_feed (WenjiLibrary  *self,
                        gint64         id,
                        GError       **error)
{
  g_autoptr (GPtrArray) feeds = NULL;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), NULL);

  feeds = query_feeds (self, "SELECT " FEED_COLUMNS "WHERE f.id = ?1", id, error);
  if (feeds == NULL)
    return NULL;
  if (feeds->len == 0) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND,
                 "No feed has the id %" G_GINT64_FORMAT ".", id);
    return NULL;
  }

  return g_ptr_array_steal_index (feeds, 0);
}

/**
 * wenji_library_add_feed:
 * @url: the feed's address
 * @title: (nullable): what the feed calls itself
 *
 * Follows a feed. Following one twice is an error.
 *
 * Returns: the feed's id, or 0 with @error set
 */
gint64
wenji_library_add_feed (WenjiLibrary  *self,
                        const char    *url,
                        const char    *title,
                        GError       **error)
{
  g_autofree char *now = wenji_library_now ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), 0);
  g_return_val_if_fail (url != NULL, 0);

  stmt = wenji_library_prepare (self,
                                "INSERT INTO feeds (url, title, created_at) VALUES (?1, ?2, ?3)",
                                error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, url, -1, SQLITE_TRANSIENT);
  if (title != NULL && *title != '\0')
    sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_CONSTRAINT) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID, "The feed %s is followed already.", url);
    return 0;
  }
  if (rc != SQLITE_DONE) {
    wenji_library_set_error (self, rc, error);
    return 0;
  }

  wenji_library_changed (self, 0);

  return sqlite3_last_insert_rowid (wenji_library_get_db (self));
}

/**
 * wenji_library_remove_feed:
 * @id: the feed's id
 *
 * Stops following a feed. The articles it gave stay in the library.
 */
gboolean
wenji_library_remove_feed (WenjiLibrary  *self,
                           gint64         id,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  stmt = wenji_library_prepare (self, "DELETE FROM feeds WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!wenji_library_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (wenji_library_get_db (self)) == 0) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND,
                 "No feed has the id %" G_GINT64_FORMAT ".", id);
    return FALSE;
  }

  wenji_library_changed (self, 0);

  return TRUE;
}

/**
 * wenji_library_set_feed_checked:
 * @id: the feed's id
 * @title: (nullable): its title now, or %NULL to keep the one it had
 * @etag: (nullable): the ETag of what was fetched
 * @last_modified: (nullable): its Last-Modified date
 * @problem: (nullable): why the feed could not be read, for the user
 *
 * Records a visit to a feed.
 */
gboolean
wenji_library_set_feed_checked (WenjiLibrary  *self,
                                gint64         id,
                                const char    *title,
                                const char    *etag,
                                const char    *last_modified,
                                const char    *problem,
                                GError       **error)
{
  g_autofree char *now = wenji_library_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  stmt = wenji_library_prepare (self,
                                "UPDATE feeds SET title = coalesce (?2, title), etag = ?3, "
                                "last_modified = ?4, error = ?5, checked_at = ?6 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, title != NULL && *title != '\0' ? title : NULL, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, etag, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, last_modified, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, problem, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  if (!wenji_library_step_done (self, stmt, error))
    return FALSE;

  wenji_library_changed (self, 0);

  return TRUE;
}

/**
 * wenji_library_has_feed_item:
 * @id: the feed's id
 * @link: an item's link
 *
 * Returns: 1 when the feed gave this item before, 0 when not, -1 with
 *   @error set
 */
int
wenji_library_has_feed_item (WenjiLibrary  *self,
                             gint64         id,
                             const char    *link,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), -1);

  stmt = wenji_library_prepare (self, "SELECT 1 FROM feed_items WHERE feed_id = ?1 AND link = ?2",
                                error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, link, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    wenji_library_set_error (self, rc, error);
    return -1;
  }

  return rc == SQLITE_ROW;
}

/**
 * wenji_library_add_feed_item:
 * @id: the feed's id
 * @link: the item's link
 * @article_id: the article it became, or 0 when it became none (the
 *   library held its text already)
 *
 * Records that a feed gave an item; a new article counts as unread.
 */
gboolean
wenji_library_add_feed_item (WenjiLibrary  *self,
                             gint64         id,
                             const char    *link,
                             gint64         article_id,
                             GError       **error)
{
  g_autofree char *now = wenji_library_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  stmt = wenji_library_prepare (self,
                                "INSERT INTO feed_items "
                                "(feed_id, link, article_id, unread, added_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, link, -1, SQLITE_TRANSIENT);
  if (article_id > 0)
    sqlite3_bind_int64 (stmt, 3, article_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int (stmt, 4, article_id > 0);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);

  return wenji_library_step_done (self, stmt, error);
}

/**
 * wenji_library_mark_read:
 * @article_id: an article
 *
 * The article has been read: it no longer counts as unread in the feed
 * that gave it.
 */
gboolean
wenji_library_mark_read (WenjiLibrary  *self,
                         gint64         article_id,
                         GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  stmt = wenji_library_prepare (self,
                                "UPDATE feed_items SET unread = 0 WHERE article_id = ?1 AND unread",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (!wenji_library_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (wenji_library_get_db (self)) > 0)
    wenji_library_changed (self, article_id);

  return TRUE;
}
