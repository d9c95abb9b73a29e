/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The library as a file: whether it can be written, whether it is whole,
 * what a failure of SQLite means to the user, and the copy made before an
 * upgrade. Every message names the file and says what to do, and says when
 * Wenji left the file as it was.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "wenji-error.h"
#include "wenji-library-private.h"

static int busy_timeout_ms = 5000;

/**
 * wenji_library_set_busy_timeout:
 * @milliseconds: how long to wait for another program's lock
 *
 * Sets how long libraries opened from now on wait for a lock that another
 * program holds before they fail with %WENJI_ERROR_BUSY. For tests.
 */
void
wenji_library_set_busy_timeout (int milliseconds)
{
  busy_timeout_ms = milliseconds;
}

int
wenji_library_get_busy_timeout (void)
{
  return busy_timeout_ms;
}

/* A write that found no room: SQLite says SQLITE_FULL only for a short
 * write, and an I/O error when the first byte already did not fit. */
static gboolean
is_no_room (int system_errno)
{
  return system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT;
}

/* SQLite does not keep the errno of a failed write for long; when it is
 * gone, the disk's free space and the file size limit tell why. */
static gboolean
is_out_of_room (const char *path,
                int         rc,
                int         system_errno)
{
  g_autofree char *dir = NULL;
  struct statvfs fs;
  struct rlimit limit;

  if (rc != SQLITE_IOERR_WRITE && rc != SQLITE_IOERR_SHMSIZE)
    return FALSE;
  if (system_errno != 0)
    return is_no_room (system_errno);

  if (getrlimit (RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    return TRUE;
  dir = g_path_get_dirname (path);

  return statvfs (dir, &fs) == 0 && (guint64) fs.f_bavail * fs.f_frsize < 4 * 1024 * 1024;
}

static gboolean
is_denied (int system_errno)
{
  return system_errno == EROFS || system_errno == EACCES || system_errno == EPERM;
}

/**
 * wenji_sqlite_set_error:
 *
 * Turns a SQLite result code into a #GError a user can act on, naming the
 * library file.
 */
void
wenji_sqlite_set_error (sqlite3     *db,
                        const char  *path,
                        int          rc,
                        GError     **error)
{
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int system_errno = db && (rc & 0xff) == SQLITE_IOERR ? sqlite3_system_errno (db) : 0;
  g_autofree char *name = g_filename_display_name (path ? path : "");

  if ((rc & 0xff) == SQLITE_FULL ||
      (path != NULL &&
       is_out_of_room (path, db ? sqlite3_extended_errcode (db) : rc, system_errno))) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_DISK_FULL,
                 "There is no room to write the library “%s”: the disk is full or the file "
                 "reached its size limit. The last change was not saved; everything saved "
                 "before it is intact. Free some space and try again.", name);
    return;
  }

  if ((rc & 0xff) == SQLITE_IOERR && is_denied (system_errno)) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_READ_ONLY,
                 "Cannot write to the library “%s” (%s). Check that the file and its "
                 "folder are writable.", name, g_strerror (system_errno));
    return;
  }

  switch (rc & 0xff) {
  case SQLITE_NOTADB:
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_NOT_A_LIBRARY,
                 "“%s” is not a Wenji library (it is not a SQLite database). "
                 "Choose another file; this one was not changed.", name);
    break;
  case SQLITE_CORRUPT:
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_CORRUPT,
                 "The library “%s” is damaged (%s). Wenji did not change it. Restore it "
                 "from a backup; “wenji-cli check” lists what is damaged.", name, detail);
    break;
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_BUSY,
                 "The library “%s” is locked by another program. "
                 "Close it there and try again.", name);
    break;
  case SQLITE_READONLY:
  case SQLITE_CANTOPEN:
  case SQLITE_PERM:
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_READ_ONLY,
                 "Cannot write to the library “%s” (%s). "
                 "Check that the file and its folder are writable.", name, detail);
    break;
  case SQLITE_IOERR:
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_FAILED,
                 "Reading or writing the library “%s” failed (%s%s%s). The last change "
                 "was not saved. Check the disk, then try again.", name, detail,
                 system_errno ? ": " : "", system_errno ? g_strerror (system_errno) : "");
    break;
  default:
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_FAILED,
                 "Library “%s”: %s", name, detail);
    break;
  }
}

/**
 * wenji_library_check_writable:
 *
 * Makes the library's folder when it is missing, and refuses a library that
 * SQLite could not write: the file, or the folder where its log goes.
 */
gboolean
wenji_library_check_writable (const char  *path,
                              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_filename_display_name (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR)) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_NOT_A_LIBRARY,
                 "“%s” is a folder, not a library file. Choose a file in it, or a new "
                 "name for one.", name);
    return FALSE;
  }

  if (g_mkdir_with_parents (dir, 0700) != 0) {
    int saved_errno = errno;
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_READ_ONLY,
                 "Cannot create the folder for the library “%s”: %s. "
                 "Choose a location you can write to.", name, g_strerror (saved_errno));
    return FALSE;
  }

  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0) {
    int saved_errno = errno;
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_READ_ONLY,
                 "The library “%s” cannot be written (%s). Make the file writable, or copy "
                 "it to a folder you can write to; Wenji did not change it.",
                 name, g_strerror (saved_errno));
    return FALSE;
  }

  /* SQLite keeps its log and lock files beside the library. */
  if (g_access (dir, W_OK) != 0) {
    int saved_errno = errno;
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_READ_ONLY,
                 "The folder of the library “%s” cannot be written (%s), and Wenji keeps "
                 "its journal beside the library. Make the folder writable, or move the "
                 "library to one you can write to.", name, g_strerror (saved_errno));
    return FALSE;
  }

  return TRUE;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return (guint32) bytes[0] << 24 | (guint32) bytes[1] << 16 | (guint32) bytes[2] << 8 | bytes[3];
}

static gboolean
has_content (const char *path,
             const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);
  GStatBuf buf;

  return g_stat (side, &buf) == 0 && buf.st_size > 0;
}

/*
 * SQLite reads the missing end of a file that was cut short as zeros, so
 * such a library would open and fail later. The header says how long the
 * file is; it is current when its change counter matches, and the file
 * alone holds the library when no log or journal lies beside it.
 */
static gboolean
check_length (const char  *path,
              GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *have = NULL;
  g_autofree char *want = NULL;
  guint8 header[100];
  GStatBuf buf;
  guint32 page_size, n_pages;
  gssize n_read;
  int fd;

  if (has_content (path, "-wal") || has_content (path, "-journal"))
    return TRUE;

  if ((fd = g_open (path, O_RDONLY, 0)) < 0)
    return TRUE; /* SQLite will say why. */
  n_read = read (fd, header, sizeof header);
  if (fstat (fd, &buf) != 0)
    n_read = -1;
  close (fd);

  if (n_read != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return TRUE;

  page_size = header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = read_be32 (header + 28);
  if (n_pages == 0 || read_be32 (header + 24) != read_be32 (header + 92) ||
      (guint64) n_pages * page_size <= (guint64) buf.st_size)
    return TRUE;

  name = g_filename_display_name (path);
  have = g_format_size (buf.st_size);
  want = g_format_size ((guint64) n_pages * page_size);
  g_set_error (error, WENJI_ERROR, WENJI_ERROR_CORRUPT,
               "The library “%s” is damaged: it is %s long where it should be %s, as if a "
               "copy stopped half way. Wenji did not change it. Restore it from a backup.",
               name, have, want);

  return FALSE;
}

/**
 * wenji_library_check_file:
 *
 * Looks at an existing file read-only and refuses it, before anything
 * writes to it, when it is not a Wenji library, is cut short, or was
 * written by a newer version of Wenji.
 */
gboolean
wenji_library_check_file (const char  *path,
                          GError     **error)
{
  sqlite3 *db = NULL;
  int rc, version;
  g_autoptr (GError) local_error = NULL;

  if (!check_length (path, error))
    return FALSE;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK) {
    wenji_sqlite_set_error (db, path, rc, error);
    sqlite3_close (db);
    return FALSE;
  }

  sqlite3_busy_timeout (db, busy_timeout_ms);
  version = wenji_library_read_version (db, path, &local_error);
  sqlite3_close (db);

  if (version < 0) {
    g_propagate_error (error, g_steal_pointer (&local_error));
    return FALSE;
  }

  if (version > WENJI_SCHEMA_VERSION) {
    g_autofree char *name = g_filename_display_name (path);
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_NEWER_SCHEMA,
                 "The library “%s” was written by a newer version of Wenji "
                 "(schema %d; this version knows %d). Update Wenji to open it; "
                 "the file was not changed.", name, version, WENJI_SCHEMA_VERSION);
    return FALSE;
  }

  return TRUE;
}

/* Puts a file, and its name in its folder, on the disk. */
static gboolean
sync_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  gboolean ok = TRUE;
  int fd;

  if ((fd = g_open (path, O_RDONLY, 0)) < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);

  if (ok && (fd = g_open (dir, O_RDONLY, 0)) >= 0) {
    fsync (fd);
    close (fd);
  }

  return ok;
}

/**
 * wenji_library_backup:
 * @version: the schema version of the library, for the backup's name
 *
 * Copies the library to `PATH.vVERSION.bak` (or `PATH.vVERSION.N.bak`: an
 * earlier backup is never overwritten) and puts the copy on the disk, so
 * that an upgrade can start. A copy that failed half way is removed.
 */
gboolean
wenji_library_backup (sqlite3     *db,
                      const char  *path,
                      int          version,
                      GError     **error)
{
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", path, version);
  char *sql;
  int rc;

  for (guint n = 2; g_file_test (backup, G_FILE_TEST_EXISTS); n++) {
    g_free (backup);
    backup = g_strdup_printf ("%s.v%d.%u.bak", path, version, n);
  }

  sql = sqlite3_mprintf ("VACUUM INTO %Q", backup);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_free (sql);

  if (rc != SQLITE_OK) {
    wenji_sqlite_set_error (db, path, rc, error);
    g_prefix_error (error, "Could not back up the library before upgrading it, so it was "
                           "not upgraded: ");
    g_unlink (backup);
    return FALSE;
  }

  if (!sync_file (backup)) {
    int saved_errno = errno;
    g_autofree char *name = g_filename_display_name (backup);

    g_set_error (error, WENJI_ERROR, is_no_room (saved_errno) ? WENJI_ERROR_DISK_FULL
                                                               : WENJI_ERROR_FAILED,
                 "Could not write the backup “%s” to the disk (%s), so the library was not "
                 "upgraded. Free some space or check the disk, then try again.",
                 name, g_strerror (saved_errno));
    g_unlink (backup);
    return FALSE;
  }

  return TRUE;
}
