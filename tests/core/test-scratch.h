/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A scratch folder per test, removed at the end, and the tools that read
 * back what a test wrote there. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

static inline void
scratch_remove (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK)) {
    g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
      g_autofree char *child = g_build_filename (path, name, NULL);
      scratch_remove (child);
    }
    g_rmdir (path);
  } else {
    g_unlink (path);
  }
}

typedef struct {
  char *dir;
} Scratch;

static inline void
scratch_setup (Scratch       *scratch,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  scratch->dir = g_dir_make_tmp ("wenji-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static inline void
scratch_teardown (Scratch       *scratch,
                  gconstpointer  data)
{
  scratch_remove (scratch->dir);
  g_free (scratch->dir);
}

static inline char *
scratch_path (Scratch    *scratch,
              const char *name)
{
  return g_build_filename (scratch->dir, name, NULL);
}

/* A file's bytes, to show that something left it untouched. */
static inline GBytes *
scratch_read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *data;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (data, length);
}

/* Runs a tool (pdffonts, pdfinfo, xmllint…) and returns its standard
 * output, and its standard error in @err unless that is NULL; the test
 * fails if the tool cannot run or exits with an error. Not inlined: GCC
 * then takes the output for a dangling pointer. */
G_GNUC_UNUSED G_NO_INLINE static char *
scratch_run_tool_full (const char * const  *argv,
                       char               **err)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *errors = NULL;
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &errors, &status, &error))
    g_error ("cannot run %s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, errors);

  if (err != NULL)
    *err = g_steal_pointer (&errors);
  return out;
}

static inline char *
scratch_run_tool (const char * const *argv)
{
  return scratch_run_tool_full (argv, NULL);
}

#define SCRATCH_TEST(path, func) \
  g_test_add (path, Scratch, NULL, scratch_setup, func, scratch_teardown)
