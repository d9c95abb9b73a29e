/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening, creating, upgrading and refusing library files. */
#include "config.h"

#include <sqlite3.h>

#include "wenji-core.h"
#include "wenji-library-private.h"
#include "test-scratch.h"

static void
test_create (Scratch       *scratch,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (scratch->dir, "nested", "folder", "library.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = NULL;
  WenjiStatusCounts counts = { 1, 1, 1, 1, 1 };

  library = wenji_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (library);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (wenji_library_get_path (library), ==, path);

  g_assert_true (wenji_library_count_articles (library, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.all, ==, 0);
  g_assert_cmpuint (counts.trash, ==, 0);
  g_clear_object (&library);

  /* Opening it again finds the same, empty library. */
  library = wenji_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (library);
}

static void
test_reopen_keeps_articles (Scratch       *scratch,
                            gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "library.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = wenji_library_open (path, &error);
  g_autoptr (WenjiArticle) article = wenji_article_new ();
  g_autoptr (WenjiArticle) loaded = NULL;
  gint64 id;

  g_assert_no_error (error);
  wenji_article_set_title (article, "春眠不觉晓");
  wenji_article_set_body (article, "处处闻啼鸟。");
  g_assert_true (wenji_library_insert_article (library, article, &error));
  g_assert_no_error (error);
  id = wenji_article_get_id (article);
  g_clear_object (&library);

  library = wenji_library_open (path, &error);
  g_assert_no_error (error);
  loaded = wenji_library_load_article (library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_body (loaded), ==, "处处闻啼鸟。");
}

static void
test_refuse_garbage (Scratch       *scratch,
                     gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "notes.db");
  g_autofree char *wal = scratch_path (scratch, "notes.db-wal");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  GString *garbage = g_string_new ("这不是数据库。This is not a database.\n");

  for (guint i = 0; i < 200; i++)
    g_string_append (garbage, "junk bytes \x01\x02\x03 ");
  g_file_set_contents (path, garbage->str, garbage->len, &error);
  g_assert_no_error (error);
  g_string_free (garbage, TRUE);
  before = scratch_read_bytes (path);

  library = wenji_library_open (path, &error);
  g_assert_null (library);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NOT_A_LIBRARY);
  g_assert_nonnull (strstr (error->message, "notes.db"));

  after = scratch_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_foreign_database (Scratch       *scratch,
                              gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "other.sqlite");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE songs (name TEXT); INSERT INTO songs VALUES ('x');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = scratch_read_bytes (path);

  library = wenji_library_open (path, &error);
  g_assert_null (library);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NOT_A_LIBRARY);

  after = scratch_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_refuse_newer (Scratch       *scratch,
                   gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "library.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = wenji_library_open (path, &error);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  sqlite3 *db;

  g_assert_no_error (error);
  g_clear_object (&library);

  /* As if a future Wenji had written it. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE meta SET value = '99' WHERE key = 'schema_version';"
                                 "PRAGMA journal_mode = DELETE;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = scratch_read_bytes (path);

  library = wenji_library_open (path, &error);
  g_assert_null (library);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer"));

  after = scratch_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_refuse_unwritable_location (Scratch       *scratch,
                                 gconstpointer  data)
{
  g_autofree char *blocker = scratch_path (scratch, "a-file");
  g_autofree char *path = g_build_filename (blocker, "library.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = NULL;

  /* A folder cannot be made inside a regular file, even by root. */
  g_file_set_contents (blocker, "x", 1, &error);
  g_assert_no_error (error);

  library = wenji_library_open (path, &error);
  g_assert_null (library);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_READ_ONLY);

  g_clear_error (&error);
  library = wenji_library_open (scratch->dir, &error);
  g_assert_null (library);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NOT_A_LIBRARY);
}

/* The steps of this Wenji, done already, and @n_next more after them. */
static GArray *
steps_after_current (const char * const *next,
                     guint               n_next)
{
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (WenjiMigration));

  for (int v = 1; v <= WENJI_SCHEMA_VERSION; v++)
    g_array_append_val (steps, ((WenjiMigration) { v, "" }));
  for (guint i = 0; i < n_next; i++)
    g_array_append_val (steps, ((WenjiMigration) { WENJI_SCHEMA_VERSION + 1 + i, next[i] }));

  return steps;
}

static gint64
count_rows (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static void
test_migrate (Scratch       *scratch,
              gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "library.db");
  g_autofree char *backup_name = g_strdup_printf ("library.db.v%d.bak", WENJI_SCHEMA_VERSION);
  g_autofree char *second_name = g_strdup_printf ("library.db.v%d.2.bak", WENJI_SCHEMA_VERSION);
  g_autofree char *backup = scratch_path (scratch, backup_name);
  g_autofree char *second_backup = scratch_path (scratch, second_name);
  const char *upgrade[] = {
    "ALTER TABLE articles ADD COLUMN word_goal INTEGER NOT NULL DEFAULT 0;"
  };
  const char *broken[] = { "ALTER TABLE articles ADD COLUMN word_goal INTEGER;",
                           "THIS IS NOT SQL;" };
  g_autoptr (GArray) upgrade_steps = steps_after_current (upgrade, G_N_ELEMENTS (upgrade));
  g_autoptr (GArray) broken_steps = steps_after_current (broken, G_N_ELEMENTS (broken));
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = wenji_library_open (path, &error);
  g_autoptr (WenjiArticle) article = wenji_article_new ();
  sqlite3 *db, *old;

  g_assert_no_error (error);
  wenji_article_set_title (article, "迁移前的文章");
  g_assert_true (wenji_library_insert_article (library, article, &error));
  g_assert_no_error (error);
  g_clear_object (&library);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);

  /* A failing step leaves the library at its version, with its article. */
  g_assert_false (wenji_library_migrate (db, path, (WenjiMigration *) broken_steps->data,
                                         broken_steps->len, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (wenji_library_read_version (db, path, &error), ==, WENJI_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM pragma_table_info('articles') "
                                   "WHERE name = 'word_goal'"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM articles"), ==, 1);

  /* The failed attempt made the backup; a second attempt keeps it and adds one. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_true (wenji_library_migrate (db, path, (WenjiMigration *) upgrade_steps->data,
                                       upgrade_steps->len, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wenji_library_read_version (db, path, &error), ==, WENJI_SCHEMA_VERSION + 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM articles WHERE word_goal = 0"), ==, 1);
  sqlite3_close (db);

  /* The backup is the library as it was, with its article. */
  g_assert_cmpint (sqlite3_open (backup, &old), ==, SQLITE_OK);
  g_assert_cmpint (wenji_library_read_version (old, backup, &error), ==, WENJI_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (old, "SELECT count(*) FROM articles WHERE title = '迁移前的文章'"), ==, 1);
  sqlite3_close (old);
  g_assert_true (g_file_test (second_backup, G_FILE_TEST_IS_REGULAR));

  /* This version of Wenji now refuses the upgraded file as newer. */
  library = wenji_library_open (path, &error);
  g_assert_null (library);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NEWER_SCHEMA);
}

static void
test_check_clean (Scratch       *scratch,
                  gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "library.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = wenji_library_open (path, &error);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (WenjiArticle) article = wenji_article_new ();

  g_assert_no_error (error);
  wenji_article_set_body (article, "正文");
  g_assert_true (wenji_library_insert_article (library, article, &error));
  g_assert_true (wenji_library_add_tag (library, wenji_article_get_id (article), "标签", &error));
  g_assert_true (wenji_library_check (library, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_check_finds_broken_links (Scratch       *scratch,
                               gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "library.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = wenji_library_open (path, &error);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db;

  g_assert_no_error (error);
  g_clear_object (&library);

  /* Another program wrote a link to an article that does not exist. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO tags (id, name, name_key) VALUES (1, 'x', 'x');"
                                 "INSERT INTO article_tags VALUES (42, 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  library = wenji_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (wenji_library_check (library, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "foreign key"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SCRATCH_TEST ("/library/create", test_create);
  SCRATCH_TEST ("/library/reopen", test_reopen_keeps_articles);
  SCRATCH_TEST ("/library/refuse-garbage", test_refuse_garbage);
  SCRATCH_TEST ("/library/refuse-foreign-database", test_refuse_foreign_database);
  SCRATCH_TEST ("/library/refuse-newer", test_refuse_newer);
  SCRATCH_TEST ("/library/refuse-unwritable", test_refuse_unwritable_location);
  SCRATCH_TEST ("/library/migrate", test_migrate);
  SCRATCH_TEST ("/library/check/clean", test_check_clean);
  SCRATCH_TEST ("/library/check/broken-links", test_check_finds_broken_links);

  return g_test_run ();
}
