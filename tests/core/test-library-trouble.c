/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Library files in trouble: not a database, cut off, damaged, newer, read
 * only, locked, or on a full disk. Each is refused or fails with a message
 * that names the file and says what to do, and the file is left as it was.
 */
#define _GNU_SOURCE /* unshare() */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wenji-core.h"
#include "wenji-import.h"
#include "wenji-library-private.h"
#include "test-scratch.h"

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr (GError) error = NULL;
  gsize length;
  gconstpointer data = g_bytes_get_data (bytes, &length);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* The file is byte for byte what it was, and opening left nothing beside it. */
static void
assert_untouched (const char *path,
                  GBytes     *before)
{
  g_autoptr (GBytes) after = scratch_read_bytes (path);
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  g_assert_true (g_bytes_equal (before, after));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++) {
    g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
    g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
  }
}

/* The message names the file and says what to do. */
static void
assert_message (const GError *error,
                const char   *path,
                const char   *advice)
{
  g_autofree char *name = g_path_get_basename (path);

  g_assert_nonnull (error);
  if (strstr (error->message, name) == NULL || strstr (error->message, advice) == NULL)
    g_error ("“%s” should name %s and say “%s”", error->message, name, advice);
}

/* Opening @path is refused with @code and a message that names the file
 * and gives @advice, and the file is left as it was. */
static void
assert_refused (const char *path,
                int         code,
                const char *advice,
                GBytes     *before)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = wenji_library_open (path, &error);

  g_assert_null (library);
  g_assert_error (error, WENJI_ERROR, code);
  assert_message (error, path, advice);
  assert_untouched (path, before);
}

static char *
article_body (guint n)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (body, "第%u篇文章的第%u句，讲的是%s。", n, i, i % 2 ? "经济" : "文化");

  return g_string_free (body, FALSE);
}

/* A closed library of @n articles, in one file with no log beside it. */
static void
make_library (const char *path,
              guint       n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = wenji_library_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (wenji_library_begin (library, &error));
  for (guint i = 0; i < n; i++) {
    g_autoptr (WenjiArticle) article = wenji_article_new ();
    g_autofree char *title = g_strdup_printf ("第%u篇", i);
    g_autofree char *body = article_body (i);

    wenji_article_set_title (article, title);
    wenji_article_set_body (article, body);
    g_assert_true (wenji_library_insert_article (library, article, &error));
    g_assert_no_error (error);
  }
  g_assert_true (wenji_library_commit (library, &error));
  g_assert_no_error (error);
}

static void
test_not_a_database (Scratch       *scratch,
                     gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "文章.db");
  g_autoptr (GBytes) before = NULL;
  guint8 binary[8192];

  /* Binary that is not SQLite: a picture, an archive. */
  for (guint i = 0; i < sizeof binary; i++)
    binary[i] = (i * 7919) & 0xff;
  before = g_bytes_new (binary, sizeof binary);
  write_bytes (path, before);

  assert_refused (path, WENJI_ERROR_NOT_A_LIBRARY, "Choose another file", before);
}

static void
test_truncated (Scratch       *scratch,
                gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "library.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) whole = NULL;
  g_autoptr (GBytes) before = NULL;

  make_library (path, 60);
  whole = scratch_read_bytes (path);
  g_assert_cmpuint (g_bytes_get_size (whole), >, 200000);

  /* Cut off, as by a copy that stopped half way; once on a page boundary,
   * once inside a page. */
  for (guint cut = 0; cut < 2; cut++) {
    gsize size = g_bytes_get_size (whole) / 2 - (cut ? 1000 : 0);

    before = g_bytes_new_from_bytes (whole, 0, size - size % (cut ? 1 : 4096));
    write_bytes (path, before);

    assert_refused (path, WENJI_ERROR_CORRUPT, "backup", before);
    g_clear_error (&error);
    g_clear_pointer (&before, g_bytes_unref);
  }
}

/* Overwrites the start of the page in the middle of the file. */
static GBytes *
damage_middle_page (GBytes *whole)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (whole, &size);
  guint8 *damaged = g_memdup2 (data, size);
  gsize page = size / 2 - (size / 2) % 4096;

  memset (damaged + page, 0xa5, 64);

  return g_bytes_new_take (damaged, size);
}

static void
test_damaged_pages (Scratch       *scratch,
                    gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "library.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GBytes) whole = NULL;
  g_autoptr (GBytes) before = NULL;
  guint damaged = 0;

  make_library (path, 60);
  whole = scratch_read_bytes (path);
  before = damage_middle_page (whole);
  write_bytes (path, before);

  /* Opening reads only the start of the file; the check reads all of it. */
  library = wenji_library_open (path, &error);
  if (library == NULL) {
    g_assert_error (error, WENJI_ERROR, WENJI_ERROR_CORRUPT);
    assert_message (error, path, "backup");
    assert_untouched (path, before);
    return;
  }

  g_assert_true (wenji_library_check (library, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >, 0);

  /* An article on the damaged page fails to load with a message that
   * names the file; the others still load. */
  for (gint64 id = 1; id <= 60; id++) {
    g_autoptr (WenjiArticle) article = wenji_library_load_article (library, id, &error);

    if (article != NULL)
      continue;
    g_assert_error (error, WENJI_ERROR, WENJI_ERROR_CORRUPT);
    assert_message (error, path, "backup");
    g_clear_error (&error);
    damaged++;
  }
  g_assert_cmpuint (damaged, <, 60);

  g_clear_object (&library);
  assert_untouched (path, before);
}

static void
test_newer_schema (Scratch       *scratch,
                   gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "library.db");
  g_autoptr (GBytes) before = NULL;
  sqlite3 *db;

  make_library (path, 2);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE meta SET value = '7' WHERE key = 'schema_version';"
                                 "PRAGMA journal_mode = DELETE;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = scratch_read_bytes (path);

  assert_refused (path, WENJI_ERROR_NEWER_SCHEMA, "Update Wenji", before);
}

/* Permissions do not stop root; a read-only mount does. */
static void
test_read_only_file (Scratch       *scratch,
                     gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "library.db");
  g_autoptr (GBytes) before = NULL;

  if (geteuid () == 0) {
    g_test_skip ("root writes to a read-only file");
    return;
  }

  make_library (path, 2);
  before = scratch_read_bytes (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  assert_refused (path, WENJI_ERROR_READ_ONLY, "writable", before);
  g_chmod (path, 0644);
}

static void
test_read_only_folder (Scratch       *scratch,
                       gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "library.db");
  g_autoptr (GBytes) before = NULL;

  if (geteuid () == 0) {
    g_test_skip ("root writes in a read-only folder");
    return;
  }

  make_library (path, 2);
  before = scratch_read_bytes (path);
  g_assert_cmpint (g_chmod (scratch->dir, 0555), ==, 0);

  assert_refused (path, WENJI_ERROR_READ_ONLY, "folder", before);
  g_chmod (scratch->dir, 0755);
}

/*
 * Mounts a tmpfs of @size_kb on @dir in a mount namespace of this process
 * alone; FALSE when the process may not (not root, or in a container that
 * forbids it).
 */
static gboolean
mount_tmpfs (const char *dir,
             guint       size_kb,
             gboolean    read_only)
{
  g_autofree char *options = g_strdup_printf ("size=%uk", size_kb);

  if (unshare (CLONE_NEWNS) != 0 ||
      mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("wenji-test", dir, "tmpfs", 0, options) != 0)
    return FALSE;
  if (read_only && mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, options) != 0)
    return FALSE;

  return TRUE;
}

/* Whether a child process can mount a tmpfs on @dir. */
static gboolean
can_mount_tmpfs (const char *dir)
{
  int status = -1;
  pid_t pid = fork ();

  if (pid == 0)
    _exit (mount_tmpfs (dir, 64, FALSE) ? 0 : 1);

  return pid > 0 && waitpid (pid, &status, 0) == pid && WIFEXITED (status) &&
         WEXITSTATUS (status) == 0;
}

static void
test_read_only_mount (Scratch       *scratch,
                      gconstpointer  data)
{
  g_autofree char *mount_dir = scratch_path (scratch, "mnt");
  g_autofree char *path = g_build_filename (mount_dir, "library.db", NULL);

  if (g_test_subprocess ()) {
    g_autoptr (GBytes) before = NULL;

    g_assert_cmpint (g_mkdir (mount_dir, 0755), ==, 0);
    g_assert_true (mount_tmpfs (mount_dir, 4096, FALSE));
    make_library (path, 2);
    before = scratch_read_bytes (path);
    g_assert_cmpint (mount (NULL, mount_dir, NULL, MS_REMOUNT | MS_RDONLY, "size=4096k"), ==, 0);

    assert_refused (path, WENJI_ERROR_READ_ONLY, "writable", before);
    g_print ("refused\n");
    umount2 (mount_dir, MNT_DETACH);
    return;
  }

  g_assert_cmpint (g_mkdir (mount_dir, 0755), ==, 0);
  if (!can_mount_tmpfs (mount_dir)) {
    g_test_skip ("no tmpfs can be mounted here (it needs root and a mount namespace)");
    return;
  }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*refused*");
}

static void
test_locked_by_writer (Scratch       *scratch,
                       gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "library.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiArticle) article = wenji_article_new ();
  g_autoptr (WenjiArticle) loaded = NULL;
  sqlite3 *other;
  gint64 start;

  make_library (path, 2);

  /* Another program is in the middle of writing. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other,
                                 "BEGIN EXCLUSIVE; "
                                 "UPDATE articles SET status = 'ready' WHERE id = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  /* Reading goes on beside it; writing waits, then fails and says why. */
  library = wenji_library_open (path, &error);
  g_assert_no_error (error);
  loaded = wenji_library_load_article (library, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_title (loaded), ==, "第0篇");

  wenji_article_set_title (article, "等一等");
  start = g_get_monotonic_time ();
  g_assert_false (wenji_library_insert_article (library, article, &error));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 150 * 1000);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_BUSY);
  assert_message (error, path, "try again");
  g_clear_error (&error);

  /* Once the other program is done, the same insert works. */
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (wenji_library_insert_article (library, article, &error));
  g_assert_no_error (error);
}

static void
test_locked_exclusive (Scratch       *scratch,
                       gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "library.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  sqlite3 *other;

  make_library (path, 2);
  before = scratch_read_bytes (path);

  /* Another program holds the file for itself alone, readers included. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  library = wenji_library_open (path, &error);
  g_assert_null (library);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_BUSY);
  assert_message (error, path, "Close it there");

  sqlite3_close (other);
  after = scratch_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  g_clear_error (&error);
  library = wenji_library_open (path, &error);
  g_assert_no_error (error);
}

/* From here on, this process may not make a file larger than @limit
 * bytes: a write past it fails with EFBIG instead of killing it. */
static void
limit_file_size (goffset limit)
{
  struct rlimit rlimit = { limit, limit };

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rlimit), ==, 0);
}

static goffset
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? buf.st_size : 0;
}

/* The scratch folder of the parent test, for its subprocess. */
static char *
shared_path (Scratch    *scratch,
             const char *name)
{
  if (g_test_subprocess ())
    return g_build_filename (g_getenv ("WENJI_TEST_TROUBLE_DIR"), name, NULL);

  g_setenv ("WENJI_TEST_TROUBLE_DIR", scratch->dir, TRUE);
  return scratch_path (scratch, name);
}

static char *
write_import_file (const char *dir,
                   guint       n)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "articles.jsonl", NULL);
  GString *jsonl = g_string_new (NULL);

  for (guint i = 0; i < n; i++) {
    g_autofree char *body = article_body (1000 + i);
    g_string_append_printf (jsonl, "{\"title\": \"导入的第%u篇\", \"text\": \"%s\"}\n", i, body);
  }
  g_file_set_contents (path, jsonl->str, jsonl->len, &error);
  g_assert_no_error (error);
  g_string_free (jsonl, TRUE);

  return g_steal_pointer (&path);
}

static void
test_disk_full_import (Scratch       *scratch,
                       gconstpointer  data)
{
  g_autofree char *path = shared_path (scratch, "library.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *import = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiImportReport) report = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  const char *paths[2] = { NULL, NULL };
  WenjiStatusCounts counts;

  if (g_test_subprocess ()) {
    paths[0] = import = write_import_file (dir, 200);
    library = wenji_library_open (path, &error);
    g_assert_no_error (error);

    /* About 6 MB to import, room for 256 kB more. */
    limit_file_size (MAX (file_size (path), file_size (wal)) + 256 * 1024);
    report = wenji_import_paths (library, paths, WENJI_IMPORT_FLAGS_NONE, NULL, NULL, NULL, &error);
    if (report == NULL) {
      g_assert_error (error, WENJI_ERROR, WENJI_ERROR_DISK_FULL);
      assert_message (error, path, "Free some space");
    } else {
      /* Or the import reports each file it could not store. */
      WenjiImportFile *file = report->files->pdata[0];

      g_assert_cmpuint (report->failed, >, 0);
      g_assert_nonnull (file->message);
      g_assert_nonnull (strstr (file->message, "Free some space"));
    }
    g_print ("disk full reported\n");
    return;
  }

  make_library (path, 3);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*disk full reported*");

  /* The library is intact, with the articles saved before. */
  library = wenji_library_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (wenji_library_check (library, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  for (gint64 id = 1; id <= 3; id++) {
    g_autoptr (WenjiArticle) article = wenji_library_load_article (library, id, &error);
    g_autofree char *title = g_strdup_printf ("第%d篇", (int) id - 1);
    g_autofree char *body = article_body (id - 1);

    g_assert_no_error (error);
    g_assert_cmpstr (wenji_article_get_title (article), ==, title);
    g_assert_cmpstr (wenji_article_get_body (article), ==, body);
  }
  g_assert_true (wenji_library_count_articles (library, &counts, &error));
  g_assert_cmpuint (counts.all, <, 203);

  /* With room again, the same import goes through. */
  paths[0] = import = g_build_filename (dir, "articles.jsonl", NULL);
  report = wenji_import_paths (library, paths, WENJI_IMPORT_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (wenji_library_count_articles (library, &counts, &error));
  g_assert_cmpuint (counts.all, ==, 203);
}

/* The steps of this Wenji, done already, and one more. */
static GArray *
upgrade_steps (void)
{
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (WenjiMigration));

  for (int v = 1; v <= WENJI_SCHEMA_VERSION; v++)
    g_array_append_val (steps, ((WenjiMigration) { v, "" }));
  g_array_append_val (steps, ((WenjiMigration) { WENJI_SCHEMA_VERSION + 1,
                                                 "ALTER TABLE articles ADD COLUMN word_goal "
                                                 "INTEGER NOT NULL DEFAULT 0;" }));

  return steps;
}

/* No upgrade without a backup: when the backup does not fit, the library
 * stays as it was and no half backup is left. */
static void
test_disk_full_backup (Scratch       *scratch,
                       gconstpointer  data)
{
  g_autofree char *path = shared_path (scratch, "library.db");
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", path, WENJI_SCHEMA_VERSION);
  g_autoptr (GArray) steps = upgrade_steps ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = NULL;
  sqlite3 *db;

  if (g_test_subprocess ()) {
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    limit_file_size (128 * 1024);
    g_assert_false (wenji_library_migrate (db, path, (WenjiMigration *) steps->data, steps->len,
                                           &error));
    g_assert_error (error, WENJI_ERROR, WENJI_ERROR_DISK_FULL);
    assert_message (error, path, "not upgraded");
    g_assert_cmpint (wenji_library_read_version (db, path, NULL), ==, WENJI_SCHEMA_VERSION);
    sqlite3_close (db);
    g_print ("not upgraded\n");
    return;
  }

  make_library (path, 40);
  before = scratch_read_bytes (path);
  g_assert_cmpint (g_bytes_get_size (before), >, 256 * 1024);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*not upgraded*");

  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  assert_untouched (path, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Locks are waited for briefly here, not the 5 seconds a user gets. */
  wenji_library_set_busy_timeout (200);

  SCRATCH_TEST ("/trouble/not-a-database", test_not_a_database);
  SCRATCH_TEST ("/trouble/truncated", test_truncated);
  SCRATCH_TEST ("/trouble/damaged-pages", test_damaged_pages);
  SCRATCH_TEST ("/trouble/newer-schema", test_newer_schema);
  SCRATCH_TEST ("/trouble/read-only/file", test_read_only_file);
  SCRATCH_TEST ("/trouble/read-only/folder", test_read_only_folder);
  SCRATCH_TEST ("/trouble/read-only/mount", test_read_only_mount);
  SCRATCH_TEST ("/trouble/locked/writer", test_locked_by_writer);
  SCRATCH_TEST ("/trouble/locked/exclusive", test_locked_exclusive);
  SCRATCH_TEST ("/trouble/disk-full/import", test_disk_full_import);
  SCRATCH_TEST ("/trouble/disk-full/backup", test_disk_full_backup);

  return g_test_run ();
}
