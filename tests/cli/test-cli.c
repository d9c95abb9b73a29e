/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the built wenji-cli (its path in $WENJI_CLI) against a library in a
 * temporary folder and checks what a user of the command line sees: exit
 * statuses, one-line errors, the JSON documents and the tables. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wenji-core.h"

typedef struct {
  char *dir;
  char *library;
  char *jsonl;
  char *txt;
  char *md;
} Fixture;

typedef struct {
  gboolean exited;
  int      status;
  int      signal;
  char    *out;
  char    *err;
} CliResult;

static void
cli_result_free (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

static const char jsonl_text[] =
  "{\"title\": \"长江经济带焕发新活力\", "
  "\"text\": \"长江是中华民族的母亲河。\\n十年来，沿江省市共抓大保护。\", "
  "\"date\": \"2022-09-24\", \"source\": \"新闻联播文字稿\", \"lang\": \"zh-Hans\"}\n"
  "{\"title\": \"臺灣的氣候\", "
  "\"text\": \"臺灣位於亞熱帶，氣候溫暖潮濕。\", "
  "\"date\": \"2021-02-07\", \"source\": \"維基百科\", \"lang\": \"zh-Hant\"}\n";

/* 长江是中华民族的母亲河 (11) + 十年来 (3) + 沿江省市共抓大保护 (9) */
#define JSONL_FIRST_CHARS 23
/* 臺灣位於亞熱帶 (7) + 氣候溫暖潮濕 (6) */
#define JSONL_SECOND_CHARS 13

static const char txt_text[] = "读书笔记\n今天读了一本关于城市的书。\n";
/* 今天读了一本关于城市的书 */
#define TXT_CHARS 12

static const char md_text[] = "春天的散文\n\n春风吹过**江南**的小镇。\n";
/* 春风吹过江南的小镇 */
#define MD_CHARS 9

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("wenji-cli-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->library = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->jsonl = g_build_filename (fixture->dir, "articles.jsonl", NULL);
  fixture->txt = g_build_filename (fixture->dir, "note.txt", NULL);
  fixture->md = g_build_filename (fixture->dir, "essay.md", NULL);

  write_file (fixture->jsonl, jsonl_text);
  write_file (fixture->txt, txt_text);
  write_file (fixture->md, md_text);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
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

static void
fixture_teardown (Fixture       *fixture,
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
static CliResult *
run_cli_argv (const char         *library,
              const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
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

static CliResult *
run_cli (const char *library,
         ...) G_GNUC_NULL_TERMINATED;

static CliResult *
run_cli (const char *library,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  va_start (args, library);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return run_cli_argv (library, (const char * const *) argv->pdata);
}

static void
assert_success (CliResult *result)
{
  if (!result->exited)
    g_error ("wenji-cli was killed by signal %d: %s", result->signal, result->err);
  if (result->status != 0)
    g_error ("wenji-cli failed with status %d: %s", result->status, result->err);
  g_assert_cmpstr (result->err, ==, "");
}

/* A user error: status 1 and one line on stderr that names the program,
 * with nothing that looks like a crash or a GLib warning. */
static void
assert_user_error (CliResult  *result,
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

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
import_fixture (Fixture *fixture)
{
  g_autoptr(CliResult) result = NULL;

  result = run_cli (fixture->library, "import", fixture->jsonl, fixture->txt, fixture->md, NULL);
  assert_success (result);
}

static JsonObject *
find_by_title (JsonArray  *array,
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

static gint64
id_of (Fixture    *fixture,
       const char *title)
{
  g_autoptr(CliResult) result = run_cli (fixture->library, "list", "--json", NULL);
  g_autoptr(JsonNode) root = NULL;

  assert_success (result);
  root = parse_json (result->out);

  return json_object_get_int_member (find_by_title (json_node_get_array (root), title), "id");
}

/* Tests */

static void
test_version_and_help (void)
{
  g_autoptr(CliResult) version = run_cli (NULL, "--version", NULL);
  g_autoptr(CliResult) help = run_cli (NULL, "--help", NULL);
  g_autoptr(CliResult) list_help = run_cli (NULL, "list", "--help", NULL);

  assert_success (version);
  g_assert_true (g_str_has_prefix (version->out, "wenji-cli " PACKAGE_VERSION "\n"));

  assert_success (help);
  g_assert_nonnull (strstr (help->out, "import"));
  g_assert_nonnull (strstr (help->out, "check"));
  g_assert_nonnull (strstr (help->out, "--library"));

  assert_success (list_help);
  g_assert_nonnull (strstr (list_help->out, "--status"));
  g_assert_nonnull (strstr (list_help->out, "--trash"));
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CliResult) result = NULL;
  g_autoptr(CliResult) again = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *report;
  JsonArray *files;
  JsonObject *file;

  result = run_cli (fixture->library, "import", "--json",
                    fixture->jsonl, fixture->txt, fixture->md, NULL);
  assert_success (result);

  root = parse_json (result->out);
  report = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (report, "imported"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (report, "duplicates"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "failed"), ==, 0);

  files = json_object_get_array_member (report, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 3);

  file = json_array_get_object_element (files, 0);
  g_assert_cmpstr (json_object_get_string_member (file, "path"), ==, fixture->jsonl);
  g_assert_cmpstr (json_object_get_string_member (file, "outcome"), ==, "imported");
  g_assert_cmpint (json_object_get_int_member (file, "imported"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (file, "duplicates"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (file, "ids")), ==, 2);
  g_assert_true (json_object_get_null_member (file, "message"));

  for (guint i = 1; i < 3; i++) {
    file = json_array_get_object_element (files, i);
    g_assert_cmpstr (json_object_get_string_member (file, "outcome"), ==, "imported");
    g_assert_cmpint (json_object_get_int_member (file, "imported"), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (file, "ids")), ==, 1);
  }

  /* The same files again: duplicates, and the plain summary line. */
  again = run_cli (fixture->library, "import", fixture->jsonl, fixture->txt, fixture->md, NULL);
  assert_success (again);
  g_assert_cmpstr (again->out, ==, "Imported 0 articles, 4 duplicates skipped, 0 failed\n");
}

static void
test_import_folder (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "文章", NULL);
  g_autofree char *nested = g_build_filename (folder, "2024", NULL);
  g_autofree char *first = g_build_filename (folder, "一.txt", NULL);
  g_autofree char *second = g_build_filename (nested, "二.md", NULL);
  g_autoptr(CliResult) result = NULL;
  g_autoptr(CliResult) list = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpint (g_mkdir_with_parents (nested, 0700), ==, 0);
  write_file (first, "第一篇\n山高水长。\n");
  write_file (second, "# 第二篇\n\n风清月明。\n");

  result = run_cli (fixture->library, "import", folder, NULL);
  assert_success (result);
  g_assert_cmpstr (result->out, ==, "Imported 2 articles, 0 duplicates skipped, 0 failed\n");

  list = run_cli (fixture->library, "list", "--json", NULL);
  assert_success (list);
  root = parse_json (list->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  find_by_title (json_node_get_array (root), "第一篇");
  find_by_title (json_node_get_array (root), "第二篇");
}

/* The corpus' essays have no title and no date: "title": null. */
static void
test_import_untitled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *untitled = g_build_filename (fixture->dir, "essays.jsonl", NULL);
  g_autoptr(CliResult) result = NULL;
  g_autoptr(CliResult) show = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) article = NULL;
  g_autofree char *id_text = NULL;
  JsonObject *file;
  JsonObject *object;

  write_file (untitled,
              "{\"id\": 1, \"title\": null, \"date\": null, \"source\": null, "
              "\"lang\": \"zh-Hans\", \"text\": \"秋天的落叶\\n落叶铺满了小路。\"}\n");

  result = run_cli (fixture->library, "import", "--json", untitled, NULL);
  assert_success (result);
  root = parse_json (result->out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "imported"), ==, 1);
  file = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "files"), 0);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                             json_array_get_int_element (
                               json_object_get_array_member (file, "ids"), 0));

  show = run_cli (fixture->library, "show", "--json", id_text, NULL);
  assert_success (show);
  article = parse_json (show->out);
  object = json_node_get_object (article);
  g_assert_nonnull (json_object_get_string_member (object, "title"));
  g_assert_true (json_object_get_null_member (object, "published_at"));
  g_assert_true (json_object_get_null_member (object, "source"));
  g_assert_nonnull (strstr (json_object_get_string_member (object, "body"), "落叶铺满了小路。"));
}

static void
test_import_failures (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_autofree char *binary = g_build_filename (fixture->dir, "picture.png", NULL);
  g_autoptr(CliResult) only_failures = NULL;
  g_autoptr(CliResult) some_failures = NULL;
  g_autoptr(CliResult) json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *failed;

  write_file (binary, "\x89PNG\r\n\x1a\n");

  /* Nothing imported and something failed: status 1. */
  only_failures = run_cli (fixture->library, "import", binary, NULL);
  g_assert_cmpint (only_failures->status, ==, 1);
  g_assert_true (g_str_has_prefix (only_failures->out,
                                   "Imported 0 articles, 0 duplicates skipped, 1 failed\n"));
  g_assert_nonnull (strstr (only_failures->out, binary));
  assert_user_error (only_failures, NULL);

  /* Some imported: status 0, the failure listed. */
  some_failures = run_cli (fixture->library, "import", fixture->txt, binary, NULL);
  g_assert_cmpint (some_failures->status, ==, 0);
  g_assert_true (g_str_has_prefix (some_failures->out,
                                   "Imported 1 article, 0 duplicates skipped, 1 failed\n"));
  g_assert_nonnull (strstr (some_failures->out, binary));

  json = run_cli (fixture->library, "import", "--json", fixture->md, binary, NULL);
  g_assert_cmpint (json->status, ==, 0);
  root = parse_json (json->out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "failed"), ==, 1);
  failed = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "files"), 1);
  g_assert_cmpstr (json_object_get_string_member (failed, "outcome"), ==, "failed");
  g_assert_nonnull (json_object_get_string_member (failed, "message"));
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CliResult) result = NULL;
  g_autoptr(CliResult) table = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  JsonObject *object;

  import_fixture (fixture);

  result = run_cli (fixture->library, "list", "--json", NULL);
  assert_success (result);
  /* UTF-8 as it is, not \u escapes. */
  g_assert_nonnull (strstr (result->out, "\"长江经济带焕发新活力\""));
  root = parse_json (result->out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 4);

  /* Most recently changed first: the last file imported leads. */
  for (guint i = 1; i < json_array_get_length (array); i++) {
    JsonObject *previous = json_array_get_object_element (array, i - 1);
    JsonObject *current = json_array_get_object_element (array, i);

    g_assert_cmpstr (json_object_get_string_member (previous, "updated_at"), >=,
                     json_object_get_string_member (current, "updated_at"));
  }
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "春天的散文");

  object = find_by_title (array, "长江经济带焕发新活力");
  g_assert_cmpint (json_object_get_int_member (object, "char_count"), ==, JSONL_FIRST_CHARS);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (object, "lang"), ==, "zh-Hans");
  g_assert_cmpstr (json_object_get_string_member (object, "published_at"), ==, "2022-09-24");
  g_assert_cmpstr (json_object_get_string_member (object, "source"), ==, "新闻联播文字稿");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "tags")), ==, 0);

  object = find_by_title (array, "臺灣的氣候");
  g_assert_cmpint (json_object_get_int_member (object, "char_count"), ==, JSONL_SECOND_CHARS);
  g_assert_cmpstr (json_object_get_string_member (object, "lang"), ==, "zh-Hant");

  object = find_by_title (array, "读书笔记");
  g_assert_cmpint (json_object_get_int_member (object, "char_count"), ==, TXT_CHARS);

  object = find_by_title (array, "春天的散文");
  g_assert_cmpint (json_object_get_int_member (object, "char_count"), ==, MD_CHARS);

  /* The table: a heading and one line per article, in the same order. */
  table = run_cli (fixture->library, "list", NULL);
  assert_success (table);
  {
    g_auto(GStrv) lines = g_strsplit (table->out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 6);
    g_assert_nonnull (strstr (lines[0], "Title"));
    g_assert_nonnull (strstr (lines[1], "春天的散文"));
    g_assert_nonnull (strstr (lines[1], "draft"));
    g_assert_cmpstr (lines[5], ==, "");
  }
}

static void
assert_member_equals (JsonObject *object,
                      const char *member,
                      const char *expected)
{
  if (expected == NULL)
    g_assert_true (json_object_get_null_member (object, member));
  else
    g_assert_cmpstr (json_object_get_string_member (object, member), ==, expected);
}

static void
test_show (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(WenjiLibrary) library = NULL;
  g_autoptr(WenjiArticle) article = NULL;
  g_autoptr(CliResult) result = NULL;
  g_autoptr(CliResult) plain = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *expected_id_line = NULL;
  JsonObject *object;
  JsonArray *tags;
  gint64 id;

  import_fixture (fixture);
  id = id_of (fixture, "长江经济带焕发新活力");
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  result = run_cli (fixture->library, "show", "--json", id_text, NULL);
  assert_success (result);
  root = parse_json (result->out);
  object = json_node_get_object (root);

  g_assert_cmpuint (json_object_get_size (object), ==, 18);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "长江经济带焕发新活力");
  g_assert_cmpstr (json_object_get_string_member (object, "source"), ==, "新闻联播文字稿");
  g_assert_cmpstr (json_object_get_string_member (object, "published_at"), ==, "2022-09-24");
  g_assert_cmpstr (json_object_get_string_member (object, "lang"), ==, "zh-Hans");
  g_assert_nonnull (strstr (json_object_get_string_member (object, "body"),
                            "十年来，沿江省市共抓大保护。"));
  g_assert_true (json_object_get_null_member (object, "deleted_at"));

  /* Every field as the library stores it. */
  library = wenji_library_open (fixture->library, &error);
  g_assert_no_error (error);
  article = wenji_library_load_article (library, id, &error);
  g_assert_no_error (error);

  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, id);
  assert_member_equals (object, "uuid", wenji_article_get_uuid (article));
  assert_member_equals (object, "title", wenji_article_get_title (article));
  assert_member_equals (object, "body", wenji_article_get_body (article));
  assert_member_equals (object, "author", wenji_article_get_author (article));
  assert_member_equals (object, "source", wenji_article_get_source (article));
  assert_member_equals (object, "source_url", wenji_article_get_source_url (article));
  assert_member_equals (object, "editor", wenji_article_get_editor (article));
  assert_member_equals (object, "published_at", wenji_article_get_published_at (article));
  assert_member_equals (object, "created_at", wenji_article_get_created_at (article));
  assert_member_equals (object, "updated_at", wenji_article_get_updated_at (article));
  assert_member_equals (object, "status", wenji_article_get_status (article));
  assert_member_equals (object, "lang", wenji_article_get_lang (article));
  assert_member_equals (object, "summary", wenji_article_get_summary (article));
  assert_member_equals (object, "content_hash", wenji_article_get_content_hash (article));
  assert_member_equals (object, "deleted_at", wenji_article_get_deleted_at (article));
  g_assert_cmpint (json_object_get_int_member (object, "char_count"), ==,
                   wenji_article_get_char_count (article));
  g_assert_cmpint (json_object_get_int_member (object, "char_count"), ==, JSONL_FIRST_CHARS);
  tags = json_object_get_array_member (object, "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 0);

  /* Plain: "key: value" lines, a blank line, then the text. */
  plain = run_cli (fixture->library, "show", id_text, NULL);
  assert_success (plain);
  expected_id_line = g_strdup_printf ("id: %s\n", id_text);
  g_assert_true (g_str_has_prefix (plain->out, expected_id_line));
  g_assert_nonnull (strstr (plain->out, "\ntitle: 长江经济带焕发新活力\n"));
  g_assert_nonnull (strstr (plain->out, "\nsource: 新闻联播文字稿\n"));
  g_assert_nonnull (strstr (plain->out, "\nstatus: draft\n"));
  {
    const char *blank = strstr (plain->out, "\n\n");

    g_assert_nonnull (blank);
    g_assert_true (g_str_has_prefix (blank + 2, wenji_article_get_body (article)));
  }
}

static void
test_tags (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CliResult) add = NULL;
  g_autoptr(CliResult) remove = NULL;
  g_autoptr(CliResult) show = NULL;
  g_autoptr(CliResult) tagged = NULL;
  g_autoptr(CliResult) untagged = NULL;
  g_autoptr(JsonNode) show_root = NULL;
  g_autoptr(JsonNode) tagged_root = NULL;
  g_autoptr(JsonNode) untagged_root = NULL;
  g_autofree char *id_text = NULL;
  JsonArray *tags;
  JsonArray *array;

  import_fixture (fixture);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id_of (fixture, "读书笔记"));

  add = run_cli (fixture->library, "tag", id_text, "add", "读书", "城市", NULL);
  assert_success (add);
  g_assert_cmpstr (add->out, ==, "");

  show = run_cli (fixture->library, "show", "--json", id_text, NULL);
  assert_success (show);
  show_root = parse_json (show->out);
  tags = json_object_get_array_member (json_node_get_object (show_root), "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);

  tagged = run_cli (fixture->library, "list", "--tag", "读书", "--json", NULL);
  assert_success (tagged);
  tagged_root = parse_json (tagged->out);
  array = json_node_get_array (tagged_root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "title"),
                   ==, "读书笔记");
  tags = json_object_get_array_member (json_array_get_object_element (array, 0), "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);

  remove = run_cli (fixture->library, "tag", id_text, "remove", "读书", NULL);
  assert_success (remove);
  g_assert_cmpstr (remove->out, ==, "");

  untagged = run_cli (fixture->library, "list", "--tag", "读书", "--json", NULL);
  assert_success (untagged);
  untagged_root = parse_json (untagged->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (untagged_root)), ==, 0);

  {
    g_autoptr(CliResult) city = run_cli (fixture->library, "show", id_text, NULL);

    assert_success (city);
    g_assert_nonnull (strstr (city->out, "\ntags: 城市\n"));
  }
}

static void
test_status_and_trash (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(WenjiLibrary) library = NULL;
  g_autoptr(WenjiArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CliResult) drafts = NULL;
  g_autoptr(CliResult) published = NULL;
  g_autoptr(CliResult) all = NULL;
  g_autoptr(CliResult) trash = NULL;
  g_autoptr(JsonNode) drafts_root = NULL;
  g_autoptr(JsonNode) published_root = NULL;
  g_autoptr(JsonNode) all_root = NULL;
  g_autoptr(JsonNode) trash_root = NULL;
  JsonArray *array;
  gint64 published_id, trashed_id;

  import_fixture (fixture);
  published_id = id_of (fixture, "臺灣的氣候");
  trashed_id = id_of (fixture, "读书笔记");

  /* There is no status or trash command yet: change them through the core. */
  library = wenji_library_open (fixture->library, &error);
  g_assert_no_error (error);
  article = wenji_library_load_article (library, published_id, &error);
  g_assert_no_error (error);
  wenji_article_set_status (article, WENJI_STATUS_PUBLISHED);
  wenji_library_update_article (library, article, &error);
  g_assert_no_error (error);
  wenji_library_trash_article (library, trashed_id, &error);
  g_assert_no_error (error);
  g_clear_object (&library);

  published = run_cli (fixture->library, "list", "--status", "published", "--json", NULL);
  assert_success (published);
  published_root = parse_json (published->out);
  array = json_node_get_array (published_root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "id"),
                   ==, published_id);

  drafts = run_cli (fixture->library, "list", "--status", "draft", "--json", NULL);
  assert_success (drafts);
  drafts_root = parse_json (drafts->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (drafts_root)), ==, 2);

  all = run_cli (fixture->library, "list", "--json", NULL);
  assert_success (all);
  all_root = parse_json (all->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (all_root)), ==, 3);

  trash = run_cli (fixture->library, "list", "--trash", "--json", NULL);
  assert_success (trash);
  trash_root = parse_json (trash->out);
  array = json_node_get_array (trash_root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "id"),
                   ==, trashed_id);
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CliResult) result = NULL;

  import_fixture (fixture);

  result = run_cli (fixture->library, "check", NULL);
  assert_success (result);
  g_assert_cmpstr (result->out, ==, "ok\n");
}

static void
test_library_from_environment (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  import_fixture (fixture);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "WENJI_LIBRARY", fixture->library, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("WENJI_CLI"),
                                         "list", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_nonnull (strstr (out, "读书笔记"));
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CliResult) no_command = NULL;
  g_autoptr(CliResult) unknown_command = NULL;
  g_autoptr(CliResult) search = NULL;
  g_autoptr(CliResult) unknown_global = NULL;
  g_autoptr(CliResult) unknown_option = NULL;
  g_autoptr(CliResult) bogus_status = NULL;
  g_autoptr(CliResult) bad_id = NULL;
  g_autoptr(CliResult) missing = NULL;
  g_autoptr(CliResult) missing_tag = NULL;
  g_autoptr(CliResult) bad_action = NULL;
  g_autoptr(CliResult) no_library = NULL;
  g_autofree char *nowhere = g_build_filename (fixture->dir, "nowhere.db", NULL);

  import_fixture (fixture);

  no_command = run_cli (fixture->library, NULL);
  assert_user_error (no_command, "no command");

  unknown_command = run_cli (fixture->library, "frobnicate", NULL);
  assert_user_error (unknown_command, "frobnicate");

  /* Not part of this version: a usage error like any unknown command. */
  search = run_cli (fixture->library, "search", "长江", NULL);
  assert_user_error (search, "search");

  unknown_global = run_cli (NULL, "--frobnicate", "list", NULL);
  assert_user_error (unknown_global, "--frobnicate");

  unknown_option = run_cli (fixture->library, "list", "--frobnicate", NULL);
  assert_user_error (unknown_option, "--frobnicate");
  g_assert_cmpstr (unknown_option->out, ==, "");

  bogus_status = run_cli (fixture->library, "list", "--status", "bogus", NULL);
  assert_user_error (bogus_status, "bogus");
  g_assert_cmpstr (bogus_status->out, ==, "");

  bad_id = run_cli (fixture->library, "show", "twelve", NULL);
  assert_user_error (bad_id, "twelve");

  missing = run_cli (fixture->library, "show", "9999", NULL);
  assert_user_error (missing, "no article with id 9999");
  g_assert_cmpstr (missing->out, ==, "");

  missing_tag = run_cli (fixture->library, "tag", "9999", "add", "读书", NULL);
  assert_user_error (missing_tag, "no article with id 9999");

  bad_action = run_cli (fixture->library, "tag", "1", "rename", "读书", NULL);
  assert_user_error (bad_action, "rename");

  /* Reading commands do not create a library where none is. */
  no_library = run_cli (nowhere, "list", NULL);
  assert_user_error (no_library, "nowhere.db");
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

static void
test_garbage_library (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *garbage = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
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
  write_file (fixture->library, garbage);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++) {
    g_autoptr(CliResult) result = NULL;
    const char *argv[6] = { NULL, };

    for (guint j = 0; j < 4 && commands[i][j] != NULL; j++)
      argv[j] = commands[i][j];
    if (g_str_equal (commands[i][0], "import"))
      argv[1] = fixture->txt;

    result = run_cli_argv (fixture->library, argv);
    assert_user_error (result, NULL);
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
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/version-and-help", test_version_and_help);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/import", test_import);
  ADD ("/cli/import/folder", test_import_folder);
  ADD ("/cli/import/untitled", test_import_untitled);
  ADD ("/cli/import/failures", test_import_failures);
  ADD ("/cli/list", test_list);
  ADD ("/cli/show", test_show);
  ADD ("/cli/tag", test_tags);
  ADD ("/cli/list/status-and-trash", test_status_and_trash);
  ADD ("/cli/check", test_check);
  ADD ("/cli/library-from-environment", test_library_from_environment);
  ADD ("/cli/errors/usage", test_usage_errors);
  ADD ("/cli/errors/garbage-library", test_garbage_library);
#undef ADD

  return g_test_run ();
}
