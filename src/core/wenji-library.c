/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * WenjiLibrary: one library file, one SQLite connection.
 *
 * Opening is careful: a file that is not a Wenji library, one cut short, or
 * one written by a newer Wenji, is looked at read-only and refused before
 * anything is written to it (wenji-library-file.c). An older library is
 * copied aside, then migrated in one transaction. Every other thread that
 * works on the library opens its own WenjiLibrary on the same path; WAL lets
 * readers go on while one of them writes.
 *
 * Articles are in wenji-library-articles.c, tags in wenji-library-tags.c.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "wenji-error.h"
#include "wenji-library-private.h"
#include "wenji-search-private.h"

struct _WenjiLibrary
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements; /* SQL text -> sqlite3_stmt */
  guint       transaction_depth;
  gint64      pending_change; /* in a transaction: -1 none, an id, 0 many */
};

G_DEFINE_FINAL_TYPE (WenjiLibrary, wenji_library, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char schema_v1[] =
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  author TEXT,"
  "  source TEXT,"
  "  source_url TEXT,"
  "  editor TEXT,"
  "  published_at TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (status IN ('draft', 'ready', 'published')),"
  "  lang TEXT NOT NULL DEFAULT 'zh-Hans',"
  "  summary TEXT,"
  "  char_count INTEGER NOT NULL DEFAULT 0,"
  "  content_hash TEXT NOT NULL DEFAULT '',"
  "  deleted_at TEXT,"
  "  title_sort_key BLOB,"
  /* Last: reading any other column never walks the body's overflow pages. */
  "  body TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX articles_by_updated ON articles (deleted_at, updated_at);"
  "CREATE INDEX articles_by_published ON articles (deleted_at, published_at);"
  "CREATE INDEX articles_by_title ON articles (deleted_at, title_sort_key);"
  "CREATE INDEX articles_by_length ON articles (deleted_at, char_count);"
  "CREATE INDEX articles_by_status ON articles (status, deleted_at, updated_at);"
  "CREATE INDEX articles_by_hash ON articles (content_hash);"
  "CREATE TABLE tags ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  name_key TEXT NOT NULL UNIQUE"
  ");"
  "CREATE TABLE article_tags ("
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (article_id, tag_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);"
  "CREATE TABLE revisions ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  reason TEXT NOT NULL"
  ");"
  "CREATE INDEX revisions_by_article ON revisions (article_id, created_at);";

/* Pictures fetched with articles, stored once by their content and kept
 * while an article names them; followed feeds and the items they gave. */
static const char schema_v2[] =
  "CREATE TABLE assets ("
  "  hash TEXT PRIMARY KEY,"
  "  mime_type TEXT NOT NULL,"
  "  source_url TEXT,"
  "  created_at TEXT NOT NULL,"
  "  data BLOB NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE article_assets ("
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  hash TEXT NOT NULL REFERENCES assets (hash),"
  "  PRIMARY KEY (article_id, hash)"
  ") WITHOUT ROWID;"
  "CREATE INDEX article_assets_by_hash ON article_assets (hash);"
  /* A picture no article names any more goes. */
  "CREATE TRIGGER assets_unused AFTER DELETE ON article_assets "
  "WHEN NOT EXISTS (SELECT 1 FROM article_assets WHERE hash = OLD.hash) "
  "BEGIN DELETE FROM assets WHERE hash = OLD.hash; END;"
  "CREATE INDEX articles_by_source_url ON articles (source_url);"
  "CREATE TABLE feeds ("
  "  id INTEGER PRIMARY KEY,"
  "  url TEXT NOT NULL UNIQUE,"
  "  title TEXT,"
  "  etag TEXT,"
  "  last_modified TEXT,"
  "  checked_at TEXT,"
  "  error TEXT,"
  "  created_at TEXT NOT NULL"
  ");"
  "CREATE TABLE feed_items ("
  "  feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,"
  "  link TEXT NOT NULL,"
  "  article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,"
  "  unread INTEGER NOT NULL DEFAULT 1,"
  "  added_at TEXT NOT NULL,"
  "  PRIMARY KEY (feed_id, link)"
  ") WITHOUT ROWID;"
  "CREATE INDEX feed_items_by_article ON feed_items (article_id);";

static const WenjiMigration migrations[] = {
  { 1, schema_v1 },
  { 2, schema_v2 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == WENJI_SCHEMA_VERSION);

void
wenji_library_set_error (WenjiLibrary  *self,
                         int            rc,
                         GError       **error)
{
  wenji_sqlite_set_error (self->db, self->path, rc, error);
}

/* Runs SQL text without results; used for schema and pragmas. */
static gboolean
exec_sql (sqlite3     *db,
          const char  *path,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK) {
    wenji_sqlite_set_error (db, path, rc, error);
    return FALSE;
  }

  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *path,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_ROW) {
      *value = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
      *value = 0;
      rc = SQLITE_OK;
    }
  }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK) {
    wenji_sqlite_set_error (db, path, rc, error);
    return FALSE;
  }

  return TRUE;
}

/**
 * wenji_library_read_version:
 *
 * Reads the schema version of an open database without writing to it.
 *
 * Returns: the version, 0 for an empty database, -1 with @error set when the
 *   file is not a Wenji library or cannot be read
 */
int
wenji_library_read_version (sqlite3     *db,
                            const char  *path,
                            GError     **error)
{
  gint64 app_id = 0, n_tables = 0, version = 0;
  g_autofree char *name = g_filename_display_name (path);

  /* The first read of a file that is not SQLite fails with SQLITE_NOTADB. */
  if (!query_int (db, path, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return -1;
  if (n_tables == 0)
    return 0;

  if (!query_int (db, path, "PRAGMA application_id", &app_id, error))
    return -1;
  if (app_id != WENJI_APPLICATION_ID) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_NOT_A_LIBRARY,
                 "“%s” is a database of another program, not a Wenji library. "
                 "Choose another file; this one was not changed.", name);
    return -1;
  }

  if (!query_int (db, path,
                  "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'",
                  &version, error))
    return -1;

  return (int) version;
}

/**
 * wenji_library_migrate:
 * @db: an open read-write connection
 * @path: the library file, for backups and messages
 * @steps: (array length=n_steps): the migrations, in version order
 *
 * Brings the database to the last version of @steps. An empty database gets
 * the whole schema; an older library is first copied to `PATH.vN.bak`, then
 * every step runs in one transaction, so a failure leaves it as it was.
 *
 * Returns: %TRUE when the database is at the latest version
 */
gboolean
wenji_library_migrate (sqlite3              *db,
                       const char           *path,
                       const WenjiMigration *steps,
                       guint                 n_steps,
                       GError              **error)
{
  int current, latest = steps[n_steps - 1].version;
  g_autofree char *set_version = NULL;

  current = wenji_library_read_version (db, path, error);
  if (current < 0)
    return FALSE;
  if (current == latest)
    return TRUE;

  if (current > latest) {
    g_autofree char *name = g_filename_display_name (path);
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_NEWER_SCHEMA,
                 "The library “%s” was written by a newer version of Wenji "
                 "(schema %d; this version knows %d). Update Wenji to open it; "
                 "the file was not changed.", name, current, latest);
    return FALSE;
  }

  if (current > 0 && !wenji_library_backup (db, path, current, error))
    return FALSE;

  if (!exec_sql (db, path, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < n_steps; i++) {
    if (steps[i].version <= current)
      continue;
    if (!exec_sql (db, path, steps[i].sql, error)) {
      g_prefix_error (error, "Upgrading the library to schema %d failed: ", steps[i].version);
      exec_sql (db, path, "ROLLBACK", NULL);
      return FALSE;
    }
  }

  set_version = g_strdup_printf ("PRAGMA application_id = %d;"
                                 "INSERT OR REPLACE INTO meta (key, value) "
                                 "VALUES ('schema_version', '%d');",
                                 WENJI_APPLICATION_ID, latest);
  if (!exec_sql (db, path, set_version, error) ||
      !exec_sql (db, path, "COMMIT", error)) {
    exec_sql (db, path, "ROLLBACK", NULL);
    return FALSE;
  }

  return TRUE;
}

static WenjiLibrary *open_library (const char            *path,
                                   WenjiLibraryProgress   progress,
                                   gpointer               user_data,
                                   GCancellable          *cancellable,
                                   GError               **error);

/**
 * wenji_library_open:
 * @path: the library file; created when it does not exist
 * @error: return location for a #GError
 *
 * Opens a library, creating or upgrading it as needed. Errors are in the
 * %WENJI_ERROR domain: %WENJI_ERROR_NOT_A_LIBRARY, %WENJI_ERROR_NEWER_SCHEMA,
 * %WENJI_ERROR_READ_ONLY, %WENJI_ERROR_CORRUPT or %WENJI_ERROR_BUSY; in each
 * case the file was not modified.
 *
 * Opening may have to build the search index, which takes a while for a
 * large library; wenji_library_open_async() reports its progress.
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
WenjiLibrary *
wenji_library_open (const char  *path,
                    GError     **error)
{
  return wenji_library_open_with_progress (path, NULL, NULL, error);
}

/**
 * wenji_library_open_with_progress:
 * @progress: (nullable) (scope call): told how much of the search index is
 *   built, when it has to be
 *
 * Like wenji_library_open().
 */
WenjiLibrary *
wenji_library_open_with_progress (const char            *path,
                                  WenjiLibraryProgress   progress,
                                  gpointer               user_data,
                                  GError               **error)
{
  return open_library (path, progress, user_data, NULL, error);
}

/* The whole of opening; @cancellable stops an index rebuild, which then
 * leaves the library as it was. */
static WenjiLibrary *
open_library (const char            *path,
              WenjiLibraryProgress   progress,
              gpointer               user_data,
              GCancellable          *cancellable,
              GError               **error)
{
  g_autoptr (WenjiLibrary) self = NULL;
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!wenji_library_check_writable (path, error))
    return NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !wenji_library_check_file (path, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK) {
    wenji_sqlite_set_error (db, path, rc, error);
    sqlite3_close (db);
    return NULL;
  }

  self = g_object_new (WENJI_TYPE_LIBRARY, "path", path, NULL);
  self->db = db;

  sqlite3_busy_timeout (db, wenji_library_get_busy_timeout ());
  sqlite3_extended_result_codes (db, TRUE);

  if ((rc = wenji_search_register (db)) != SQLITE_OK) {
    wenji_sqlite_set_error (db, path, rc, error);
    return NULL;
  }

  /* WAL: readers in other threads go on while one connection writes.
   * synchronous=FULL: a commit that returned is on disk, even on power loss. */
  if (!exec_sql (db, path,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = FULL;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA temp_store = MEMORY;"
                 "PRAGMA cache_size = -32768;",
                 error))
    return NULL;

  if (!wenji_library_migrate (db, path, migrations, G_N_ELEMENTS (migrations), error) ||
      !wenji_search_ensure_index (db, path, progress, user_data, cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

typedef struct {
  char                 *path;
  WenjiLibraryProgress  progress;
  gpointer              progress_data;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_free (job->path);
  g_free (job);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  GError *error = NULL;
  WenjiLibrary *library;

  library = open_library (job->path, job->progress, job->progress_data, cancellable, &error);
  if (library == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, library, g_object_unref);
}

/**
 * wenji_library_open_async:
 * @progress: (nullable): called in the worker thread while the search index
 *   is built; hand the fraction to the main loop before touching widgets
 *
 * Opens a library in a worker thread, so that a window can show the
 * progress of an index rebuild instead of freezing. Cancelling stops a
 * rebuild at once and leaves the library as it was; the next open starts
 * the rebuild again.
 */
void
wenji_library_open_async (const char           *path,
                          WenjiLibraryProgress  progress,
                          gpointer              progress_data,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenJob *job = g_new0 (OpenJob, 1);

  job->path = g_strdup (path);
  job->progress = progress;
  job->progress_data = progress_data;

  g_task_set_source_tag (task, wenji_library_open_async);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * wenji_library_open_finish:
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
WenjiLibrary *
wenji_library_open_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * wenji_library_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/wenji/library.db`
 */
char *
wenji_library_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "wenji", "library.db", NULL);
}

const char *
wenji_library_get_path (WenjiLibrary *self)
{
  g_return_val_if_fail (WENJI_IS_LIBRARY (self), NULL);
  return self->path;
}

sqlite3 *
wenji_library_get_db (WenjiLibrary *self)
{
  return self->db;
}

/**
 * wenji_library_prepare:
 *
 * Returns: (transfer none): a cached statement, reset and unbound, for @sql
 */
sqlite3_stmt *
wenji_library_prepare (WenjiLibrary  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL) {
    sqlite3_reset (stmt);
    sqlite3_clear_bindings (stmt);
    return stmt;
  }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK) {
    wenji_library_set_error (self, rc, error);
    return NULL;
  }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

/* Steps a statement that returns no rows; resets it either way. */
gboolean
wenji_library_step_done (WenjiLibrary  *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
    wenji_library_set_error (self, rc, error);
    sqlite3_reset (stmt);
    return FALSE;
  }

  sqlite3_reset (stmt);

  return TRUE;
}

/**
 * wenji_library_begin:
 *
 * Starts a write transaction; calls nest, and only the outermost commit
 * writes. Use it to import many articles at once; the #WenjiLibrary::changed
 * signal is emitted once, at the commit: with the article's id when only one
 * article changed, else with 0.
 */
gboolean
wenji_library_begin (WenjiLibrary  *self,
                     GError       **error)
{
  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  if (self->transaction_depth == 0 &&
      !exec_sql (self->db, self->path, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->transaction_depth++;

  return TRUE;
}

gboolean
wenji_library_commit (WenjiLibrary  *self,
                      GError       **error)
{
  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth > 1) {
    self->transaction_depth--;
    return TRUE;
  }

  if (!exec_sql (self->db, self->path, "COMMIT", error)) {
    wenji_library_rollback (self);
    return FALSE;
  }

  self->transaction_depth = 0;
  if (self->pending_change >= 0) {
    gint64 id = self->pending_change;

    self->pending_change = -1;
    g_signal_emit (self, signals[CHANGED], 0, id);
  }

  return TRUE;
}

/**
 * wenji_library_rollback:
 *
 * Abandons the whole transaction, however deeply nested the call is.
 */
void
wenji_library_rollback (WenjiLibrary *self)
{
  g_return_if_fail (WENJI_IS_LIBRARY (self));

  if (self->transaction_depth == 0)
    return;

  self->transaction_depth = 0;
  self->pending_change = -1;
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * wenji_library_changed:
 * @article_id: the article that changed, or 0 when many did
 *
 * Tells views that the library changed. The library calls it for its own
 * changes; call it after another connection (an import thread) wrote.
 */
void
wenji_library_changed (WenjiLibrary *self,
                       gint64        article_id)
{
  g_return_if_fail (WENJI_IS_LIBRARY (self));

  if (self->transaction_depth > 0)
    self->pending_change = self->pending_change < 0 || self->pending_change == article_id
                           ? article_id : 0;
  else
    g_signal_emit (self, signals[CHANGED], 0, article_id);
}

/**
 * wenji_library_now:
 *
 * Returns: (transfer full): the current UTC time as ISO 8601 with
 *   milliseconds, so that times sort as text
 */
char *
wenji_library_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}

static void
collect_rows (sqlite3_stmt *stmt,
              GPtrArray    *problems,
              const char   *prefix)
{
  while (sqlite3_step (stmt) == SQLITE_ROW) {
    GString *row = g_string_new (prefix);

    for (int i = 0; i < sqlite3_column_count (stmt); i++) {
      const char *text = (const char *) sqlite3_column_text (stmt, i);
      g_string_append_printf (row, "%s%s", i ? " " : "", text ? text : "NULL");
    }
    g_ptr_array_add (problems, g_string_free (row, FALSE));
  }
}

/**
 * wenji_library_check:
 * @problems: (element-type utf8): receives one message per problem found
 *
 * Checks the database file (integrity, foreign keys) and that the search
 * index matches the articles.
 *
 * Returns: %FALSE with @error set when the check itself could not run
 */
gboolean
wenji_library_check (WenjiLibrary  *self,
                     GPtrArray     *problems,
                     GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WENJI_IS_LIBRARY (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK) {
    wenji_library_set_error (self, rc, error);
    return FALSE;
  }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    const char *row = (const char *) sqlite3_column_text (stmt, 0);
    if (g_strcmp0 (row, "ok") != 0)
      g_ptr_array_add (problems, g_strdup_printf ("integrity: %s", row));
  }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE) {
    g_ptr_array_add (problems, g_strdup_printf ("integrity: %s", sqlite3_errstr (rc)));
    return TRUE;
  }

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK) {
    wenji_library_set_error (self, rc, error);
    return FALSE;
  }
  collect_rows (stmt, problems, "foreign key: ");
  sqlite3_finalize (stmt);

  /* FTS5 compares its index with the articles it was built from. */
  rc = sqlite3_exec (self->db,
                     "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
                     NULL, NULL, NULL);
  if ((rc & 0xff) == SQLITE_CORRUPT)
    g_ptr_array_add (problems, g_strdup ("search index: it does not match the articles"));
  else if (rc != SQLITE_OK)
    g_ptr_array_add (problems, g_strdup_printf ("search index: %s", sqlite3_errmsg (self->db)));

  return TRUE;
}

static void
wenji_library_finalize (GObject *object)
{
  WenjiLibrary *self = WENJI_LIBRARY (object);

  wenji_library_rollback (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (wenji_library_parent_class)->finalize (object);
}

static void
wenji_library_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WenjiLibrary *self = WENJI_LIBRARY (object);

  switch (prop_id) {
  case PROP_PATH:
    g_value_set_string (value, self->path);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_library_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WenjiLibrary *self = WENJI_LIBRARY (object);

  switch (prop_id) {
  case PROP_PATH:
    self->path = g_value_dup_string (value);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_library_class_init (WenjiLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wenji_library_finalize;
  object_class->get_property = wenji_library_get_property;
  object_class->set_property = wenji_library_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WenjiLibrary::changed:
   * @article_id: the article that was added, edited, trashed, restored,
   *   deleted or tagged; 0 when many changed
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
wenji_library_init (WenjiLibrary *self)
{
  self->pending_change = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
}
