/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Revisions: snapshots of an article's title and body, for its history.
 *
 * When they are taken:
 *  - wenji_library_update_article() keeps the text it is about to replace
 *    when the article's last revision is older than WENJI_REVISION_INTERVAL
 *    (or there is none), in the same transaction as the update: a first edit
 *    always leaves the original behind, and a long editing session leaves
 *    one snapshot every five minutes, not one per autosave;
 *  - callers that replace the text wholesale (script conversion, cleanup,
 *    an import over an existing article) call wenji_library_add_revision()
 *    first, with their reason;
 *  - a restore keeps the text it replaces ("before restore") and records the
 *    restored text ("restore"), so that it can itself be undone.
 *
 * After each new revision the article's history is thinned: everything of
 * the last day stays, then the newest of each (UTC) day for 30 days, then
 * the newest of each week; the newest revision always stays.
 */
#include "config.h"

#include "wenji-error.h"
#include "wenji-library-private.h"
#include "wenji-revision-private.h"
#include "wenji-text.h"

#define REVISION_COLUMNS "id, article_id, title, body, created_at, reason"

struct _WenjiRevision
{
  GObject  parent_instance;

  gint64   id;
  gint64   article_id;
  char    *title;
  char    *body;
  char    *created_at;
  gint64   created_unix;
  char    *reason;
  guint    char_count;
};

G_DEFINE_FINAL_TYPE (WenjiRevision, wenji_revision, G_TYPE_OBJECT)

static void
wenji_revision_finalize (GObject *object)
{
  WenjiRevision *self = WENJI_REVISION (object);

  g_free (self->title);
  g_free (self->body);
  g_free (self->created_at);
  g_free (self->reason);

  G_OBJECT_CLASS (wenji_revision_parent_class)->finalize (object);
}

static void
wenji_revision_class_init (WenjiRevisionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wenji_revision_finalize;
}

static void
wenji_revision_init (WenjiRevision *self)
{
}

/* Seconds since the epoch of a stored time, 0 when it cannot be read. */
static gint64
parse_time (const char *text)
{
  g_autoptr (GDateTime) time = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  return time ? g_date_time_to_unix (time) : 0;
}

/* Reads a row of REVISION_COLUMNS. */
static WenjiRevision *
revision_from_row (sqlite3_stmt *stmt)
{
  WenjiRevision *self = g_object_new (WENJI_TYPE_REVISION, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->article_id = sqlite3_column_int64 (stmt, 1);
  self->title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  self->body = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  self->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  self->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  self->created_unix = parse_time (self->created_at);
  self->char_count = wenji_text_count_chars (self->body);

  return self;
}

gint64
wenji_revision_get_id (WenjiRevision *self)
{
  g_return_val_if_fail (WENJI_IS_REVISION (self), 0);
  return self->id;
}

gint64
wenji_revision_get_article_id (WenjiRevision *self)
{
  g_return_val_if_fail (WENJI_IS_REVISION (self), 0);
  return self->article_id;
}

const char *
wenji_revision_get_title (WenjiRevision *self)
{
  g_return_val_if_fail (WENJI_IS_REVISION (self), NULL);
  return self->title;
}

const char *
wenji_revision_get_body (WenjiRevision *self)
{
  g_return_val_if_fail (WENJI_IS_REVISION (self), NULL);
  return self->body;
}

/**
 * wenji_revision_get_created_at:
 *
 * Returns: when the snapshot was taken, UTC ISO 8601 with milliseconds
 */
const char *
wenji_revision_get_created_at (WenjiRevision *self)
{
  g_return_val_if_fail (WENJI_IS_REVISION (self), NULL);
  return self->created_at;
}

/**
 * wenji_revision_get_created_unix:
 *
 * Returns: when the snapshot was taken, in seconds since the epoch
 */
gint64
wenji_revision_get_created_unix (WenjiRevision *self)
{
  g_return_val_if_fail (WENJI_IS_REVISION (self), 0);
  return self->created_unix;
}

/**
 * wenji_revision_get_reason:
 *
 * Returns: one of the `WENJI_REVISION_*` strings, e.g. %WENJI_REVISION_EDIT
 */
const char *
wenji_revision_get_reason (WenjiRevision *self)
{
  g_return_val_if_fail (WENJI_IS_REVISION (self), NULL);
  return self->reason;
}

/**
 * wenji_revision_get_char_count:
 *
 * Returns: the length of the body as Wenji counts it (字数)
 */
guint
wenji_revision_get_char_count (WenjiRevision *self)
{
  g_return_val_if_fail (WENJI_IS_REVISION (self), 0);
  return self->char_count;
}

/* The clock of revisions; tests set a fixed time on a library. */
static GQuark
test_time_quark (void)
{
  return g_quark_from_static_string ("wenji-library-test-time");
}

/**
 * wenji_library_set_time_for_testing:
 * @time: (nullable): the time revisions are taken at from now on, or %NULL
 *   for the real clock
 *
 * Lets tests move a library through time without waiting.
 */
void
wenji_library_set_time_for_testing (WenjiLibrary *self,
                                    GDateTime    *time)
{
  g_return_if_fail (WENJI_IS_LIBRARY (self));

  g_object_set_qdata_full (G_OBJECT (self), test_time_quark (),
                           time ? g_date_time_ref (time) : NULL,
                           (GDestroyNotify) g_date_time_unref);
}

/* Returns: (transfer full): the time of a revision taken now, in UTC */
static GDateTime *
revision_now (WenjiLibrary *self)
{
  GDateTime *time = g_object_get_qdata (G_OBJECT (self), test_time_quark ());

  return time ? g_date_time_to_utc (time) : g_date_time_new_now_utc ();
}

/* Formats as wenji_library_now() does, so that times sort as text. */
static char *
format_time (GDateTime *time)
{
  g_autofree char *seconds = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (time) / 1000);
}

/**
 * wenji_library_thin_revisions:
 * @now: the time to measure the revisions' age from
 *
 * Deletes the revisions of @article_id that the history no longer needs:
 * it keeps every revision younger than a day, then the newest of each UTC
 * day up to 31 days back, then the newest of each week, and never the
 * newest revision of all. wenji_library_add_revision() calls it.
 */
gboolean
wenji_library_thin_revisions (WenjiLibrary  *self,
                              gint64         article_id,
                              GDateTime     *now,
                              GError       **error)
{
  g_autoptr (GHashTable) buckets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          NULL);
  g_autoptr (GArray) doomed = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 now_unix;
  sqlite3_stmt *stmt;
  gboolean newest = TRUE;
  int rc;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  now_unix = g_date_time_to_unix (now);

  stmt = wenji_library_prepare (self,
                                "SELECT id, created_at FROM revisions WHERE article_id = ? "
                                "ORDER BY created_at DESC, id DESC",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    gint64 id = sqlite3_column_int64 (stmt, 0);
    gint64 t = parse_time ((const char *) sqlite3_column_text (stmt, 1));
    gint64 age = now_unix - t;
    gint64 day = t / (24 * 3600);
    gint64 key;

    if (newest || age < 24 * 3600) {
      newest = FALSE;
      continue;
    }

    /* Days are positive keys, weeks (starting on Monday) negative ones. */
    if (age < 31 * 24 * 3600)
      key = day + 1;
    else
      key = -((day + 3) / 7) - 1;

    if (g_hash_table_contains (buckets, &key))
      g_array_append_val (doomed, id);
    else
      g_hash_table_add (buckets, g_memdup2 (&key, sizeof key));
  }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE) {
    wenji_library_set_error (self, rc, error);
    return FALSE;
  }

  if (doomed->len == 0)
    return TRUE;

  stmt = wenji_library_prepare (self, "DELETE FROM revisions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < doomed->len; i++) {
    sqlite3_bind_int64 (stmt, 1, g_array_index (doomed, gint64, i));
    if (!wenji_library_step_done (self, stmt, error))
      return FALSE;
  }

  return TRUE;
}

/**
 * wenji_library_add_revision:
 * @article_id: an article, in the Trash or not
 * @reason: why, one of the `WENJI_REVISION_*` strings
 *
 * Keeps a snapshot of the article's stored title and body, then thins its
 * history. Call it with %WENJI_REVISION_BEFORE_CONVERSION,
 * %WENJI_REVISION_BEFORE_CLEANUP or %WENJI_REVISION_BEFORE_IMPORT before
 * replacing an article's text wholesale.
 *
 * Returns: the id of the new revision, or 0 with @error set
 */
gint64
wenji_library_add_revision (WenjiLibrary  *self,
                            gint64         article_id,
                            const char    *reason,
                            GError       **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *created_at = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), 0);
  g_return_val_if_fail (reason != NULL && *reason != '\0', 0);

  now = revision_now (self);
  created_at = format_time (now);

  if (!wenji_library_begin (self, error))
    return 0;

  if (!wenji_library_article_exists (self, article_id, error))
    goto fail;

  stmt = wenji_library_prepare (self,
                                "INSERT INTO revisions "
                                "(article_id, title, body, created_at, reason) "
                                "SELECT id, title, body, ?2, ?3 FROM articles WHERE id = ?1",
                                error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_text (stmt, 2, created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_TRANSIENT);
  if (!wenji_library_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (wenji_library_get_db (self));

  if (!wenji_library_thin_revisions (self, article_id, now, error) ||
      !wenji_library_commit (self, error))
    goto fail;

  return id;

fail:
  wenji_library_rollback (self);
  return 0;
}

/**
 * wenji_library_snapshot_if_due:
 *
 * Called by wenji_library_update_article(), in its transaction, before it
 * replaces the title or the body: keeps the stored text as a revision when
 * the last revision of @article_id is WENJI_REVISION_INTERVAL old (either
 * way, should the clock have gone back) or there is none.
 */
gboolean
wenji_library_snapshot_if_due (WenjiLibrary  *self,
                               gint64         article_id,
                               GError       **error)
{
  g_autoptr (GDateTime) now = revision_now (self);
  sqlite3_stmt *stmt;
  gboolean due;
  int rc;

  stmt = wenji_library_prepare (self,
                                "SELECT created_at FROM revisions WHERE article_id = ? "
                                "ORDER BY created_at DESC, id DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW) {
    const char *text = (const char *) sqlite3_column_text (stmt, 0);
    g_autoptr (GDateTime) last = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

    due = last == NULL || ABS (g_date_time_difference (now, last)) >= WENJI_REVISION_INTERVAL;
  } else if (rc == SQLITE_DONE) {
    due = TRUE;
  } else {
    wenji_library_set_error (self, rc, error);
    sqlite3_reset (stmt);
    return FALSE;
  }
  sqlite3_reset (stmt);

  if (!due)
    return TRUE;

  return wenji_library_add_revision (self, article_id, WENJI_REVISION_EDIT, error) != 0;
}

/**
 * wenji_library_list_revisions:
 *
 * Returns: (transfer full) (element-type WenjiRevision): the revisions of
 *   @article_id, newest first (empty for an article without any), or %NULL
 *   with @error set
 */
GPtrArray *
wenji_library_list_revisions (WenjiLibrary  *self,
                              gint64         article_id,
                              GError       **error)
{
  g_autoptr (GPtrArray) revisions = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), NULL);

  stmt = wenji_library_prepare (self,
                                "SELECT " REVISION_COLUMNS " FROM revisions WHERE article_id = ? "
                                "ORDER BY created_at DESC, id DESC",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (revisions, revision_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE) {
    wenji_library_set_error (self, rc, error);
    return NULL;
  }

  return g_steal_pointer (&revisions);
}

/**
 * wenji_library_load_revision:
 *
 * Returns: (transfer full): the revision, or %NULL with
 *   %WENJI_ERROR_NOT_FOUND (or a database error)
 */
WenjiRevision *
wenji_library_load_revision (WenjiLibrary  *self,
                             gint64         revision_id,
                             GError       **error)
{
  WenjiRevision *revision = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), NULL);

  stmt = wenji_library_prepare (self, "SELECT " REVISION_COLUMNS " FROM revisions WHERE id = ?",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, revision_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    revision = revision_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND,
                 "There is no revision with id %" G_GINT64_FORMAT "; it may have been thinned out.",
                 revision_id);
  else
    wenji_library_set_error (self, rc, error);
  sqlite3_reset (stmt);

  return revision;
}

/**
 * wenji_library_restore_revision:
 *
 * Puts the title and body of a revision back into its article, in one
 * transaction that also keeps the text it replaces (reason
 * %WENJI_REVISION_BEFORE_RESTORE) and records the restored text (reason
 * %WENJI_REVISION_RESTORE). An article in the Trash is not changed.
 *
 * Returns: the id of the %WENJI_REVISION_BEFORE_RESTORE revision, which
 *   undoes the restore, or 0 with @error set
 */
gint64
wenji_library_restore_revision (WenjiLibrary  *self,
                                gint64         revision_id,
                                GError       **error)
{
  g_autoptr (WenjiRevision) revision = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  gint64 before;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), 0);

  if (!wenji_library_begin (self, error))
    return 0;

  revision = wenji_library_load_revision (self, revision_id, error);
  if (revision == NULL)
    goto fail;

  article = wenji_library_load_article (self, revision->article_id, error);
  if (article == NULL)
    goto fail;

  if (wenji_article_is_trashed (article)) {
    g_set_error_literal (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                         "The article is in the Trash. Restore it from the Trash first.");
    goto fail;
  }

  before = wenji_library_add_revision (self, revision->article_id, WENJI_REVISION_BEFORE_RESTORE,
                                       error);
  if (before == 0)
    goto fail;

  wenji_article_set_title (article, revision->title);
  wenji_article_set_body (article, revision->body);
  if (!wenji_library_update_article (self, article, error) ||
      wenji_library_add_revision (self, revision->article_id, WENJI_REVISION_RESTORE, error) == 0 ||
      !wenji_library_commit (self, error))
    goto fail;

  return before;

fail:
  wenji_library_rollback (self);
  return 0;
}
