/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wenji-cli export as a user runs it: files written, exit statuses, and a
 * one-line message for each mistake. */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "cli-runner.h"
#include "render-test.h"

static void
test_export (CliFixture    *fixture,
             gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "one.pdf", NULL);
  g_autofree char *book = g_build_filename (fixture->dir, "book.pdf", NULL);
  g_autofree char *html = g_build_filename (fixture->dir, "one.html", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "site", NULL);
  g_autofree char *index = g_build_filename (folder, "index.html", NULL);
  g_autofree char *md = g_build_filename (fixture->dir, "one.md", NULL);
  g_autofree char *contents = NULL;
  const char *pages_argv[] = { "pdfinfo", book, NULL };
  g_autofree char *info = NULL;

  cli_import_fixture (fixture);
  first = g_strdup_printf ("%" G_GINT64_FORMAT, cli_id_of (fixture, "春天的散文"));
  second = g_strdup_printf ("%" G_GINT64_FORMAT, cli_id_of (fixture, "读书笔记"));

  {
    g_autoptr (CliResult) result = cli_run (fixture->library, "export", "--format", "pdf",
                                           "--output", pdf, first, NULL);
    cli_assert_success (result);
    g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    g_clear_pointer (&contents, g_free);
  }
  {
    g_autoptr (CliResult) result = cli_run (fixture->library, "export", "--format", "pdf",
                                           "-o", book, first, second, NULL);
    g_assert_true (result->exited);
    g_assert_cmpint (result->status, ==, 0);
    /* Progress goes to stderr, not stdout. */
    g_assert_nonnull (strstr (result->err, "2/2"));
    info = scratch_run_tool (pages_argv);
    g_assert_nonnull (strstr (info, "Pages:           4\n"));
  }
  {
    g_autoptr (CliResult) result = cli_run (fixture->library, "export", "--format", "html",
                                           "--body-font", "DejaVu Serif",
                                           "--heading-font", "DejaVu Sans",
                                           "-o", html, first, NULL);
    cli_assert_success (result);
    g_assert_true (g_file_get_contents (html, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "春风吹过<strong>江南</strong>的小镇"));
    g_assert_nonnull (strstr (contents, "body { font-family: \"Wenji Punctuation Serif SC\", "
                                        "\"DejaVu Serif\", \"Noto Serif CJK"));
    g_assert_nonnull (strstr (contents, "{ font-family: \"Wenji Punctuation Sans SC\", "
                                        "\"DejaVu Sans\", \"Noto Sans CJK"));
    g_clear_pointer (&contents, g_free);
  }
  {
    g_autoptr (CliResult) result = cli_run (fixture->library, "export", "--format", "html",
                                           "-o", folder, first, second, NULL);
    g_assert_true (result->exited);
    g_assert_cmpint (result->status, ==, 0);
    g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_autoptr (CliResult) result = cli_run (fixture->library, "export", "--format", "md",
                                           "-o", md, first, NULL);
    cli_assert_success (result);
    g_assert_true (g_file_get_contents (md, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "---\ntitle: "));
  }
}

static void
test_errors (CliFixture    *fixture,
             gconstpointer  data)
{
  g_autofree char *unwritable = g_build_filename (fixture->dir, "no", "such", "dir", "a.pdf", NULL);
  g_autofree char *id = NULL;

  cli_import_fixture (fixture);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, cli_id_of (fixture, "春天的散文"));

  {
    g_autoptr (CliResult) result = cli_run (fixture->library, "export", id, NULL);
    cli_assert_user_error (result, "--format");
  }
  {
    g_autoptr (CliResult) result = cli_run (fixture->library, "export", "--format", "docx", id,
                                            NULL);
    const WenjiExportFormat *format;

    /* The message names every format there is. */
    cli_assert_user_error (result, "--format must be");
    for (guint i = 0; (format = wenji_export_format_get (i)) != NULL; i++)
      g_assert_nonnull (strstr (result->err, format->name));
  }
  {
    g_autoptr (CliResult) result = cli_run (fixture->library, "export", "--format", "pdf", NULL);
    cli_assert_user_error (result, "article id");
  }
  {
    g_autoptr (CliResult) result = cli_run (fixture->library, "export", "--format", "pdf",
                                           "999999", NULL);
    cli_assert_user_error (result, "no article with id 999999");
  }
  {
    g_autoptr (CliResult) result = cli_run (fixture->library, "export", "--format", "pdf",
                                           "abc", NULL);
    cli_assert_user_error (result, "not an article id");
  }
  {
    g_autoptr (CliResult) result = cli_run (fixture->library, "export", "--format", "pdf",
                                           "-o", unwritable, id, NULL);
    cli_assert_user_error (result, "Cannot write");
    g_assert_false (g_file_test (unwritable, G_FILE_TEST_EXISTS));
  }
}

/* In the child: files may not grow past 64 KiB, as on a nearly full disk;
 * the write fails with EFBIG instead of killing the process. */
static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { 64 * 1024, 64 * 1024 };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
test_disk_full (CliFixture    *fixture,
                gconstpointer  data)
{
  g_autofree char *fresh = g_build_filename (fixture->dir, "fresh.pdf", NULL);
  g_autofree char *existing = g_build_filename (fixture->dir, "existing.pdf", NULL);
  g_autofree char *id = NULL;
  const char *targets[] = { fresh, existing };

  cli_import_fixture (fixture);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, cli_id_of (fixture, "春天的散文"));
  cli_write_file (existing, "an earlier export");

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++) {
    const char *argv[] = { g_getenv ("WENJI_CLI"), "--library", fixture->library, "export",
                           "--format", "pdf", "--output", targets[i], id, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autoptr (GError) error = NULL;
    int status = 0;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, limit_file_size, NULL,
                  &out, &err, &status, &error);
    g_assert_no_error (error);
    /* A clear failure, never a truncated PDF reported as written. */
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_nonnull (strstr (err, "Cannot write"));
  }

  /* No half-written file, and the earlier export untouched. */
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  {
    g_autofree char *contents = NULL;

    g_file_get_contents (existing, &contents, NULL, NULL);
    g_assert_cmpstr (contents, ==, "an earlier export");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/render/cli/export", CliFixture, NULL,
              cli_fixture_setup, test_export, cli_fixture_teardown);
  g_test_add ("/render/cli/errors", CliFixture, NULL,
              cli_fixture_setup, test_errors, cli_fixture_teardown);
  g_test_add ("/render/cli/disk-full", CliFixture, NULL,
              cli_fixture_setup, test_disk_full, cli_fixture_teardown);

  return g_test_run ();
}
