/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the built wenji-cli (its path in $WENJI_CLI) for the CLI tests:
 * a temporary folder with a library path and three files to import, and
 * assertions on what a user of the command line sees. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cli-runner.h"

void
cli_result_free (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

const char cli_jsonl_text[] =
  "{\"title\": \"长江经济带焕发新活力\", "
  "\"text\": \"长江是中华民族的母亲河。\\n十年来，沿江省市共抓大保护。\", "
  "\"date\": \"2022-09-24\", \"source\": \"新闻联播文字稿\", \"lang\": \"zh-Hans\"}\n"
  "{\"title\": \"臺灣的氣候\", "
  "\"text\": \"臺灣位於亞熱帶，氣候溫暖潮濕。\", "
  "\"date\": \"2021-02-07\", \"source\": \"維基百科\", \"lang\": \"zh-Hant\"}\n";

const char cli_txt_text[] = "读书笔记\n今天读了一本关于城市的书。\n";

const char cli_md_text[] = "春天的散文\n\n春风吹过**江南**的小镇。\n";

void
cli_write_file (const char *path,
                const char *contents)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

void
cli_fixture_setup (CliFixture    *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("wenji-cli-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->library = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->jsonl = g_build_filename (fixture->dir, "articles.jsonl", NULL);
  fixture->txt = g_build_filename (fixture->dir, "note.txt", NULL);
  fixture->md = g_build_filename (fixture->dir, "essay.md", NULL);

  cli_write_file (fixture->jsonl, cli_jsonl_text);
  cli_write_file (fixture->txt, cli_txt_text);
  cli_write_file (fixture->md, cli_md_text);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *child = g_build_filename (path, name, NULL);

    if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
      remove_tree (child);
    else
      g_unlink (child);
  }

  g_rmdir (path);
}

void
cli_fixture_teardown (CliFixture    *fixture,
                      gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->library);
  g_free (fixture->jsonl);
  g_free (fixture->txt);
  g_free (fixture->md);
}

/* Runs wenji-cli with @argv (no program name); @library, when not NULL,
 * comes first as --library. */
CliResult *
cli_run_argv (const char         *library,
              const char * const *argv)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  CliResult *result = g_new0 (CliResult, 1);
  const char *cli = g_getenv ("WENJI_CLI");

  g_assert_nonnull (cli);

  g_ptr_array_add (args, (char *) cli);
  if (library != NULL) {
    g_ptr_array_add (args, (char *) "--library");
    g_ptr_array_add (args, (char *) library);
  }
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* English messages, UTF-8 output, and never the user's own library. */
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "WENJI_LIBRARY");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);

  result->exited = g_subprocess_get_if_exited (process);
  result->status = result->exited ? g_subprocess_get_exit_status (process) : -1;
  result->signal = g_subprocess_get_if_signaled (process) ? g_subprocess_get_term_sig (process) : 0;

  return result;
}

CliResult *
cli_run (const char *library,
         ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  va_start (args, library);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return cli_run_argv (library, (const char * const *) argv->pdata);
}

void
cli_assert_success (CliResult *result)
{
  if (!result->exited)
    g_error ("wenji-cli was killed by signal %d: %s", result->signal, result->err);
  if (result->status != 0)
    g_error ("wenji-cli failed with status %d: %s", result->status, result->err);
  g_assert_cmpstr (result->err, ==, "");
}

/* A user error: status 1 and one line on stderr that names the program,
 * with nothing that looks like a crash or a GLib warning. */
void
cli_assert_user_error (CliResult  *result,
                       const char *expected_fragment)
{
  const char *newline;

  if (!result->exited)
    g_error ("wenji-cli was killed by signal %d: %s", result->signal, result->err);
  g_assert_cmpint (result->status, ==, 1);
  g_assert_true (g_str_has_prefix (result->err, "wenji-cli: "));

  newline = strchr (result->err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");

  g_assert_null (strstr (result->err, "CRITICAL"));
  g_assert_null (strstr (result->err, "WARNING"));
  g_assert_null (strstr (result->err, "**"));

  if (expected_fragment != NULL && strstr (result->err, expected_fragment) == NULL)
    g_error ("stderr “%s” lacks “%s”", result->err, expected_fragment);
}

JsonNode *
cli_parse_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

void
cli_import_fixture (CliFixture *fixture)
{
  g_autoptr (CliResult) result = NULL;

  result = cli_run (fixture->library, "import", fixture->jsonl, fixture->txt, fixture->md, NULL);
  cli_assert_success (result);
}

JsonObject *
cli_find_by_title (JsonArray  *array,
                   const char *title)
{
  for (guint i = 0; i < json_array_get_length (array); i++) {
    JsonObject *object = json_array_get_object_element (array, i);

    if (g_strcmp0 (json_object_get_string_member (object, "title"), title) == 0)
      return object;
  }

  g_error ("no article titled “%s” in the list", title);
  return NULL;
}

gint64
cli_id_of (CliFixture *fixture,
           const char *title)
{
  g_autoptr (CliResult) result = cli_run (fixture->library, "list", "--json", NULL);
  g_autoptr (JsonNode) root = NULL;

  cli_assert_success (result);
  root = cli_parse_json (result->out);

  return json_object_get_int_member (cli_find_by_title (json_node_get_array (root), title), "id");
}
