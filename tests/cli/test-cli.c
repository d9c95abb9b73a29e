/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wenji-cli's commands as a user runs them: import, list, show, tag and
 * check against a library in a temporary folder (see cli-runner.c). */

#include "config.h"

#include <string.h>

#include "wenji-core.h"
#include "cli-runner.h"

static void
test_version_and_help (void)
{
  g_autoptr (CliResult) version = cli_run (NULL, "--version", NULL);
  g_autoptr (CliResult) help = cli_run (NULL, "--help", NULL);
  g_autoptr (CliResult) list_help = cli_run (NULL, "list", "--help", NULL);

  cli_assert_success (version);
  g_assert_true (g_str_has_prefix (version->out, "wenji-cli " PACKAGE_VERSION "\n"));

  cli_assert_success (help);
  g_assert_nonnull (strstr (help->out, "import"));
  g_assert_nonnull (strstr (help->out, "check"));
  g_assert_nonnull (strstr (help->out, "--library"));

  cli_assert_success (list_help);
  g_assert_nonnull (strstr (list_help->out, "--status"));
  g_assert_nonnull (strstr (list_help->out, "--trash"));
}

static void
test_import (CliFixture    *fixture,
             gconstpointer  data)
{
  g_autoptr (CliResult) result = NULL;
  g_autoptr (CliResult) again = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *report;
  JsonArray *files;
  JsonObject *file;

  result = cli_run (fixture->library, "import", "--json",
                    fixture->jsonl, fixture->txt, fixture->md, NULL);
  cli_assert_success (result);

  root = cli_parse_json (result->out);
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
  again = cli_run (fixture->library, "import", fixture->jsonl, fixture->txt, fixture->md, NULL);
  cli_assert_success (again);
  g_assert_cmpstr (again->out, ==, "Imported 0 articles, 4 duplicates skipped, 0 failed\n");
}

static void
test_import_folder (CliFixture    *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "文章", NULL);
  g_autofree char *nested = g_build_filename (folder, "2024", NULL);
  g_autofree char *first = g_build_filename (folder, "一.txt", NULL);
  g_autofree char *second = g_build_filename (nested, "二.md", NULL);
  g_autoptr (CliResult) result = NULL;
  g_autoptr (CliResult) list = NULL;
  g_autoptr (JsonNode) root = NULL;

  g_assert_cmpint (g_mkdir_with_parents (nested, 0700), ==, 0);
  cli_write_file (first, "第一篇\n山高水长。\n");
  cli_write_file (second, "# 第二篇\n\n风清月明。\n");

  result = cli_run (fixture->library, "import", folder, NULL);
  cli_assert_success (result);
  g_assert_cmpstr (result->out, ==, "Imported 2 articles, 0 duplicates skipped, 0 failed\n");

  list = cli_run (fixture->library, "list", "--json", NULL);
  cli_assert_success (list);
  root = cli_parse_json (list->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  cli_find_by_title (json_node_get_array (root), "第一篇");
  cli_find_by_title (json_node_get_array (root), "第二篇");
}

/* The corpus' essays have no title and no date: "title": null. */
static void
test_import_untitled (CliFixture    *fixture,
                      gconstpointer  data)
{
  g_autofree char *untitled = g_build_filename (fixture->dir, "essays.jsonl", NULL);
  g_autoptr (CliResult) result = NULL;
  g_autoptr (CliResult) show = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) article = NULL;
  g_autofree char *id_text = NULL;
  JsonObject *file;
  JsonObject *object;

  cli_write_file (untitled,
              "{\"id\": 1, \"title\": null, \"date\": null, \"source\": null, "
              "\"lang\": \"zh-Hans\", \"text\": \"秋天的落叶\\n落叶铺满了小路。\"}\n");

  result = cli_run (fixture->library, "import", "--json", untitled, NULL);
  cli_assert_success (result);
  root = cli_parse_json (result->out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "imported"), ==, 1);
  file = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "files"), 0);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                             json_array_get_int_element (
                               json_object_get_array_member (file, "ids"), 0));

  show = cli_run (fixture->library, "show", "--json", id_text, NULL);
  cli_assert_success (show);
  article = cli_parse_json (show->out);
  object = json_node_get_object (article);
  g_assert_nonnull (json_object_get_string_member (object, "title"));
  g_assert_true (json_object_get_null_member (object, "published_at"));
  g_assert_true (json_object_get_null_member (object, "source"));
  g_assert_nonnull (strstr (json_object_get_string_member (object, "body"), "落叶铺满了小路。"));
}

static void
test_import_failures (CliFixture    *fixture,
                      gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_autofree char *binary = g_build_filename (fixture->dir, "picture.png", NULL);
  g_autoptr (CliResult) only_failures = NULL;
  g_autoptr (CliResult) some_failures = NULL;
  g_autoptr (CliResult) json = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *failed;

  cli_write_file (binary, "\x89PNG\r\n\x1a\n");

  /* Nothing imported and something failed: status 1. */
  only_failures = cli_run (fixture->library, "import", binary, missing, NULL);
  g_assert_cmpint (only_failures->status, ==, 1);
  g_assert_true (g_str_has_prefix (only_failures->out,
                                   "Imported 0 articles, 0 duplicates skipped, 2 failed\n"));
  g_assert_nonnull (strstr (only_failures->out, binary));
  g_assert_nonnull (strstr (only_failures->out, missing));
  cli_assert_user_error (only_failures, NULL);

  /* Some imported: status 0, the failure listed. */
  some_failures = cli_run (fixture->library, "import", fixture->txt, binary, NULL);
  g_assert_cmpint (some_failures->status, ==, 0);
  g_assert_true (g_str_has_prefix (some_failures->out,
                                   "Imported 1 article, 0 duplicates skipped, 1 failed\n"));
  g_assert_nonnull (strstr (some_failures->out, binary));

  json = cli_run (fixture->library, "import", "--json", fixture->md, binary, NULL);
  g_assert_cmpint (json->status, ==, 0);
  root = cli_parse_json (json->out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "failed"), ==, 1);
  failed = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "files"), 1);
  g_assert_cmpstr (json_object_get_string_member (failed, "outcome"), ==, "failed");
  g_assert_nonnull (json_object_get_string_member (failed, "message"));
}

static void
test_list (CliFixture    *fixture,
           gconstpointer  data)
{
  g_autoptr (CliResult) result = NULL;
  g_autoptr (CliResult) table = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonArray *array;
  JsonObject *object;

  cli_import_fixture (fixture);

  result = cli_run (fixture->library, "list", "--json", NULL);
  cli_assert_success (result);
  /* UTF-8 as it is, not \u escapes. */
  g_assert_nonnull (strstr (result->out, "\"长江经济带焕发新活力\""));
  root = cli_parse_json (result->out);
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

  object = cli_find_by_title (array, "长江经济带焕发新活力");
  g_assert_cmpint (json_object_get_int_member (object, "char_count"), ==, JSONL_FIRST_CHARS);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (object, "lang"), ==, "zh-Hans");
  g_assert_cmpstr (json_object_get_string_member (object, "published_at"), ==, "2022-09-24");
  g_assert_cmpstr (json_object_get_string_member (object, "source"), ==, "新闻联播文字稿");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "tags")), ==, 0);

  object = cli_find_by_title (array, "臺灣的氣候");
  g_assert_cmpint (json_object_get_int_member (object, "char_count"), ==, JSONL_SECOND_CHARS);
  g_assert_cmpstr (json_object_get_string_member (object, "lang"), ==, "zh-Hant");

  object = cli_find_by_title (array, "读书笔记");
  g_assert_cmpint (json_object_get_int_member (object, "char_count"), ==, TXT_CHARS);

  object = cli_find_by_title (array, "春天的散文");
  g_assert_cmpint (json_object_get_int_member (object, "char_count"), ==, MD_CHARS);

  /* The table: a heading and one line per article, in the same order. */
  table = cli_run (fixture->library, "list", NULL);
  cli_assert_success (table);
  {
    g_auto (GStrv) lines = g_strsplit (table->out, "\n", -1);

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
test_show (CliFixture    *fixture,
           gconstpointer  data)
{
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (CliResult) result = NULL;
  g_autoptr (CliResult) plain = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *expected_id_line = NULL;
  JsonObject *object;
  JsonArray *tags;
  gint64 id;

  cli_import_fixture (fixture);
  id = cli_id_of (fixture, "长江经济带焕发新活力");
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  result = cli_run (fixture->library, "show", "--json", id_text, NULL);
  cli_assert_success (result);
  root = cli_parse_json (result->out);
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
  plain = cli_run (fixture->library, "show", id_text, NULL);
  cli_assert_success (plain);
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
test_tags (CliFixture    *fixture,
           gconstpointer  data)
{
  g_autoptr (CliResult) add = NULL;
  g_autoptr (CliResult) remove = NULL;
  g_autoptr (CliResult) show = NULL;
  g_autoptr (CliResult) tagged = NULL;
  g_autoptr (CliResult) untagged = NULL;
  g_autoptr (JsonNode) show_root = NULL;
  g_autoptr (JsonNode) tagged_root = NULL;
  g_autoptr (JsonNode) untagged_root = NULL;
  g_autofree char *id_text = NULL;
  JsonArray *tags;
  JsonArray *array;

  cli_import_fixture (fixture);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, cli_id_of (fixture, "读书笔记"));

  add = cli_run (fixture->library, "tag", id_text, "add", "读书", "城市", NULL);
  cli_assert_success (add);
  g_assert_cmpstr (add->out, ==, "");

  show = cli_run (fixture->library, "show", "--json", id_text, NULL);
  cli_assert_success (show);
  show_root = cli_parse_json (show->out);
  tags = json_object_get_array_member (json_node_get_object (show_root), "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);

  tagged = cli_run (fixture->library, "list", "--tag", "读书", "--json", NULL);
  cli_assert_success (tagged);
  tagged_root = cli_parse_json (tagged->out);
  array = json_node_get_array (tagged_root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "title"),
                   ==, "读书笔记");
  tags = json_object_get_array_member (json_array_get_object_element (array, 0), "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);

  remove = cli_run (fixture->library, "tag", id_text, "remove", "读书", NULL);
  cli_assert_success (remove);
  g_assert_cmpstr (remove->out, ==, "");

  untagged = cli_run (fixture->library, "list", "--tag", "读书", "--json", NULL);
  cli_assert_success (untagged);
  untagged_root = cli_parse_json (untagged->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (untagged_root)), ==, 0);

  {
    g_autoptr (CliResult) city = cli_run (fixture->library, "show", id_text, NULL);

    cli_assert_success (city);
    g_assert_nonnull (strstr (city->out, "\ntags: 城市\n"));
  }
}

static void
test_status_and_trash (CliFixture    *fixture,
                       gconstpointer  data)
{
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CliResult) drafts = NULL;
  g_autoptr (CliResult) published = NULL;
  g_autoptr (CliResult) all = NULL;
  g_autoptr (CliResult) trash = NULL;
  g_autoptr (JsonNode) drafts_root = NULL;
  g_autoptr (JsonNode) published_root = NULL;
  g_autoptr (JsonNode) all_root = NULL;
  g_autoptr (JsonNode) trash_root = NULL;
  JsonArray *array;
  gint64 published_id, trashed_id;

  cli_import_fixture (fixture);
  published_id = cli_id_of (fixture, "臺灣的氣候");
  trashed_id = cli_id_of (fixture, "读书笔记");

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

  published = cli_run (fixture->library, "list", "--status", "published", "--json", NULL);
  cli_assert_success (published);
  published_root = cli_parse_json (published->out);
  array = json_node_get_array (published_root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "id"),
                   ==, published_id);

  drafts = cli_run (fixture->library, "list", "--status", "draft", "--json", NULL);
  cli_assert_success (drafts);
  drafts_root = cli_parse_json (drafts->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (drafts_root)), ==, 2);

  all = cli_run (fixture->library, "list", "--json", NULL);
  cli_assert_success (all);
  all_root = cli_parse_json (all->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (all_root)), ==, 3);

  trash = cli_run (fixture->library, "list", "--trash", "--json", NULL);
  cli_assert_success (trash);
  trash_root = cli_parse_json (trash->out);
  array = json_node_get_array (trash_root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "id"),
                   ==, trashed_id);
}

static void
test_check (CliFixture    *fixture,
            gconstpointer  data)
{
  g_autoptr (CliResult) result = NULL;

  cli_import_fixture (fixture);

  result = cli_run (fixture->library, "check", NULL);
  cli_assert_success (result);
  g_assert_cmpstr (result->out, ==, "ok\n");
}

static void
test_library_from_environment (CliFixture    *fixture,
                               gconstpointer  data)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  cli_import_fixture (fixture);

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
test_search (CliFixture    *fixture,
             gconstpointer  data)
{
  g_autoptr (CliResult) result = NULL;
  g_autoptr (CliResult) plain = NULL;
  g_autoptr (CliResult) hostile = NULL;
  g_autoptr (CliResult) nothing = NULL;
  g_autoptr (CliResult) missing = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonArray *array;
  JsonObject *object;

  cli_import_fixture (fixture);

  /* A Simplified query finds the Traditional article, marked in its script. */
  result = cli_run (fixture->library, "search", "--json", "台湾", NULL);
  cli_assert_success (result);
  root = cli_parse_json (result->out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  object = json_array_get_object_element (array, 0);
  g_assert_nonnull (strstr (json_object_get_string_member (object, "snippet"), "[臺灣]"));
  g_assert_true (json_object_has_member (object, "score"));
  g_assert_true (json_object_has_member (object, "id"));

  plain = cli_run (fixture->library, "search", "--limit", "5", "臺灣", NULL);
  cli_assert_success (plain);
  g_assert_nonnull (strstr (plain->out, "[臺灣]"));

  hostile = cli_run (fixture->library, "search", "--json", "NEAR(", "\"", "*", NULL);
  cli_assert_success (hostile);

  nothing = cli_run (fixture->library, "search", "--json", "没有这个词", NULL);
  cli_assert_success (nothing);
  g_clear_pointer (&root, json_node_unref);
  root = cli_parse_json (nothing->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);

  missing = cli_run (fixture->library, "search", NULL);
  cli_assert_user_error (missing, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version-and-help", test_version_and_help);
#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, cli_fixture_setup, func, cli_fixture_teardown)
  ADD ("/cli/import", test_import);
  ADD ("/cli/import/folder", test_import_folder);
  ADD ("/cli/import/untitled", test_import_untitled);
  ADD ("/cli/import/failures", test_import_failures);
  ADD ("/cli/list", test_list);
  ADD ("/cli/show", test_show);
  ADD ("/cli/tag", test_tags);
  ADD ("/cli/list/status-and-trash", test_status_and_trash);
  ADD ("/cli/check", test_check);
  ADD ("/cli/search", test_search);
  ADD ("/cli/library-from-environment", test_library_from_environment);
#undef ADD

  return g_test_run ();
}
