/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wenji-cli's user errors: each one is exit status 1 and one line on
 * stderr, never a crash, and a file that is not a library stays as it was. */

#include "config.h"

#include <string.h>

#include "cli-runner.h"

static void
test_usage_errors (CliFixture    *fixture,
                   gconstpointer  data)
{
  g_autoptr (CliResult) no_command = NULL;
  g_autoptr (CliResult) unknown_command = NULL;
  g_autoptr (CliResult) search_options = NULL;
  g_autoptr (CliResult) unknown_global = NULL;
  g_autoptr (CliResult) unknown_option = NULL;
  g_autoptr (CliResult) bogus_status = NULL;
  g_autoptr (CliResult) bad_id = NULL;
  g_autoptr (CliResult) missing = NULL;
  g_autoptr (CliResult) missing_tag = NULL;
  g_autoptr (CliResult) bad_action = NULL;
  g_autoptr (CliResult) no_library = NULL;
  g_autofree char *nowhere = g_build_filename (fixture->dir, "nowhere.db", NULL);

  cli_import_fixture (fixture);

  no_command = cli_run (fixture->library, NULL);
  cli_assert_user_error (no_command, "no command");

  unknown_command = cli_run (fixture->library, "frobnicate", NULL);
  cli_assert_user_error (unknown_command, "frobnicate");

  search_options = cli_run (fixture->library, "search", "--limit", "0", "长江", NULL);
  cli_assert_user_error (search_options, "--limit");

  unknown_global = cli_run (NULL, "--frobnicate", "list", NULL);
  cli_assert_user_error (unknown_global, "--frobnicate");

  unknown_option = cli_run (fixture->library, "list", "--frobnicate", NULL);
  cli_assert_user_error (unknown_option, "--frobnicate");
  g_assert_cmpstr (unknown_option->out, ==, "");

  bogus_status = cli_run (fixture->library, "list", "--status", "bogus", NULL);
  cli_assert_user_error (bogus_status, "bogus");
  g_assert_cmpstr (bogus_status->out, ==, "");

  bad_id = cli_run (fixture->library, "show", "twelve", NULL);
  cli_assert_user_error (bad_id, "twelve");

  missing = cli_run (fixture->library, "show", "9999", NULL);
  cli_assert_user_error (missing, "no article with id 9999");
  g_assert_cmpstr (missing->out, ==, "");

  missing_tag = cli_run (fixture->library, "tag", "9999", "add", "读书", NULL);
  cli_assert_user_error (missing_tag, "no article with id 9999");

  bad_action = cli_run (fixture->library, "tag", "1", "rename", "读书", NULL);
  cli_assert_user_error (bad_action, "rename");

  /* Reading commands do not create a library where none is. */
  no_library = cli_run (nowhere, "list", NULL);
  cli_assert_user_error (no_library, "nowhere.db");
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

static void
test_garbage_library (CliFixture    *fixture,
                      gconstpointer  data)
{
  g_autofree char *garbage = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  gsize after_length;
  const char * const commands[][4] = {
    { "list", NULL },
    { "show", "1", NULL },
    { "check", NULL },
    { "tag", "1", "add", "x" },
    { "import", NULL },
  };
  GString *contents = g_string_new (NULL);

  /* Text that is no SQLite database, long enough to hold a page. */
  for (guint i = 0; i < 512; i++)
    g_string_append (contents, "这不是数据库 not a database\n");
  garbage = g_string_free (contents, FALSE);
  cli_write_file (fixture->library, garbage);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++) {
    g_autoptr (CliResult) result = NULL;
    const char *argv[6] = { NULL, };

    for (guint j = 0; j < 4 && commands[i][j] != NULL; j++)
      argv[j] = commands[i][j];
    if (g_str_equal (commands[i][0], "import"))
      argv[1] = fixture->txt;

    result = cli_run_argv (fixture->library, argv);
    cli_assert_user_error (result, NULL);
    g_assert_cmpstr (result->out, ==, "");
  }

  g_file_get_contents (fixture->library, &after, &after_length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_length, ==, strlen (garbage));
  g_assert_true (memcmp (after, garbage, after_length) == 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, cli_fixture_setup, func, cli_fixture_teardown)
  ADD ("/cli/errors/usage", test_usage_errors);
  ADD ("/cli/errors/garbage-library", test_garbage_library);
#undef ADD

  return g_test_run ();
}
