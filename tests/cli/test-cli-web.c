/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * wenji-cli and the web, from a server on 127.0.0.1: `import` takes
 * addresses beside files and reports each, with what a page lacks;
 * `feed` follows, lists, updates and unfollows feeds.
 */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <string.h>

#include "cli-runner.h"
#include "test-server.h"

static TestServer *server;

static const char story[] =
  "<html><head><meta charset=\"utf-8\"><title>山里的学校_某某网</title></head><body>"
  "<h1>山里的学校</h1><div class=\"article\">"
  "<p>山里的学校只有两间教室，却有一位坚持了三十年的老师，他的故事在村里人人皆知。</p>"
  "<img src=\"/img/gone.png\" alt=\"教室\">"
  "<p>每天清晨，他都会提前一个小时到校，把教室打扫干净，再站在门口迎接孩子们。</p>"
  "</div></body></html>";

static JsonObject *
file_entry (JsonNode *report,
            guint     index)
{
  JsonArray *files = json_object_get_array_member (json_node_get_object (report), "files");

  return json_array_get_object_element (files, index);
}

static void
test_import_addresses (CliFixture    *fixture,
                       gconstpointer  data)
{
  g_autofree char *page = test_server_url (server, "/school.html");
  g_autofree char *gone = test_server_url (server, "/nowhere.html");
  g_autoptr (CliResult) result = NULL;
  g_autoptr (JsonNode) report = NULL;
  JsonObject *entry;
  JsonArray *warnings;

  test_server_add (server, "/school.html", 200, "text/html", story, -1);

  /* An address, a file and an address that fails, in one go. */
  result = cli_run (fixture->library, "import", "--json", page, fixture->txt, gone, NULL);
  cli_assert_success (result);
  report = cli_parse_json (result->out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (report), "imported"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (report), "failed"), ==, 1);

  entry = file_entry (report, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "path"), ==, page);
  g_assert_cmpstr (json_object_get_string_member (entry, "outcome"), ==, "imported");
  warnings = json_object_get_array_member (entry, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 1);
  g_assert_nonnull (strstr (json_array_get_string_element (warnings, 0), "gone.png"));

  entry = file_entry (report, 2);
  g_assert_cmpstr (json_object_get_string_member (entry, "outcome"), ==, "failed");
  g_assert_nonnull (strstr (json_object_get_string_member (entry, "message"), "404"));
  g_clear_pointer (&result, cli_result_free);

  /* The article knows where it came from. */
  result = cli_run (fixture->library, "show", "1", NULL);
  cli_assert_success (result);
  g_assert_nonnull (strstr (result->out, "title: 山里的学校\n"));
  g_assert_nonnull (strstr (result->out, page));
  g_assert_nonnull (strstr (result->out, "![教室（图片未能下载）]"));
  g_clear_pointer (&result, cli_result_free);

  /* Again: a duplicate, said in words. */
  result = cli_run (fixture->library, "import", page, NULL);
  cli_assert_success (result);
  g_assert_nonnull (strstr (result->out, "1 duplicate skipped"));
  g_clear_pointer (&result, cli_result_free);

  /* Only a failing address: nothing imported, exit status 1. */
  result = cli_run (fixture->library, "import", gone, NULL);
  cli_assert_user_error (result, "nothing was imported");
  g_assert_nonnull (strstr (result->out, "404"));
}

/* Pictures that came with a page are in what is made of it, offline. */
static void
test_pictures_exported (CliFixture    *fixture,
                        gconstpointer  data)
{
  g_autofree char *page = test_server_url (server, "/gallery.html");
  g_autofree char *png = g_test_build_filename (G_TEST_DIST, "..", "data", "web", "photo.png",
                                                NULL);
  g_autofree char *webp = g_test_build_filename (G_TEST_DIST, "..", "data", "web", "photo.webp",
                                                 NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "gallery.pdf", NULL);
  g_autofree char *html = g_build_filename (fixture->dir, "gallery.html", NULL);
  g_autofree char *pdf_data = NULL;
  g_autofree char *html_data = NULL;
  g_autoptr (CliResult) result = NULL;
  gsize pdf_length;

  test_server_add (server, "/gallery.html", 200, "text/html",
                   "<html><head><meta charset=\"utf-8\"><title>湖边_某某网</title></head><body>"
                   "<h1>湖边</h1><div class=\"article\">"
                   "<p>清晨的湖边很安静，只有几只水鸟在浅滩上走来走去，远处的山还隐在雾里。</p>"
                   "<img src=\"/gallery/dawn.png\" alt=\"清晨\">"
                   "<p>太阳升起以后，雾慢慢散了，湖面上泛起一层金色的光，钓鱼的人也陆续来了。</p>"
                   "<img data-src=\"/gallery/noon.webp\" alt=\"正午\">"
                   "<p>到了中午，湖边热闹起来，孩子们在岸边放风筝，老人们坐在树荫下聊天。</p>"
                   "</div></body></html>", -1);
  test_server_add_file (server, "/gallery/dawn.png", "image/png", png);
  test_server_add_file (server, "/gallery/noon.webp", "image/webp", webp);

  result = cli_run (fixture->library, "import", page, NULL);
  cli_assert_success (result);
  g_clear_pointer (&result, cli_result_free);

  /* The server is gone: what follows reads the library only. */
  g_hash_table_remove_all (server->pages);

  result = cli_run (fixture->library, "export", "--format", "pdf", "--output", pdf, "1", NULL);
  cli_assert_success (result);
  g_clear_pointer (&result, cli_result_free);
  g_assert_true (g_file_get_contents (pdf, &pdf_data, &pdf_length, NULL));
  /* Two pictures drawn on the page. */
  {
    guint images = 0;

    const char *needle = "/Subtype /Image";

    for (const char *p = pdf_data;
         (p = memmem (p, pdf_data + pdf_length - p, needle, strlen (needle))) != NULL; p++)
      images++;
    g_assert_cmpuint (images, ==, 2);
  }

  result = cli_run (fixture->library, "export", "--format", "html", "--output", html, "1", NULL);
  cli_assert_success (result);
  g_assert_true (g_file_get_contents (html, &html_data, NULL, NULL));
  g_assert_nonnull (strstr (html_data, "src=\"data:image/png;base64,"));
  g_assert_nonnull (strstr (html_data, "src=\"data:image/webp;base64,"));
}

static void
serve_feed (guint n_items)
{
  g_autoptr (GString) feed = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                                           "<rss version=\"2.0\"><channel><title>山区简报</title>");

  for (guint i = 0; i < n_items; i++) {
    g_autofree char *path = g_strdup_printf ("/brief/%u.html", i);
    g_autofree char *page = g_strdup_printf (
      "<html><head><meta charset=\"utf-8\"><title>简报第%u期</title></head><body><h1>简报第%u期</h1>"
      "<div class=\"article\"><p>这是第%u期简报的正文，它有足够的长度，读起来像一篇完整的文章。</p>"
      "<p>简报的第二段介绍了本期的主要内容，同样足够长，不会被当作页面上的装饰。</p></div>"
      "</body></html>", i + 1, i + 1, i + 1);

    test_server_add (server, path, 200, "text/html", page, -1);
    g_string_append_printf (feed, "<item><title>简报第%u期</title><link>%s%s</link></item>", i + 1,
                            server->base, path);
  }
  g_string_append (feed, "</channel></rss>");
  test_server_add (server, "/brief.xml", 200, "application/rss+xml", feed->str, -1);
}

static void
test_feed_commands (CliFixture    *fixture,
                    gconstpointer  data)
{
  g_autofree char *feed = test_server_url (server, "/brief.xml");
  g_autofree char *page = test_server_url (server, "/school.html");
  g_autoptr (CliResult) result = NULL;
  g_autoptr (JsonNode) json = NULL;
  JsonObject *object;

  serve_feed (2);
  test_server_add (server, "/school.html", 200, "text/html", story, -1);

  /* A page is not a feed, and is not followed. */
  result = cli_run (fixture->library, "feed", "add", page, NULL);
  cli_assert_user_error (result, "not a feed");
  g_clear_pointer (&result, cli_result_free);

  result = cli_run (fixture->library, "feed", "add", feed, NULL);
  cli_assert_success (result);
  g_assert_nonnull (strstr (result->out, "山区简报"));
  g_clear_pointer (&result, cli_result_free);

  result = cli_run (fixture->library, "feed", "update", "--json", NULL);
  cli_assert_success (result);
  json = cli_parse_json (result->out);
  object = json_array_get_object_element (json_node_get_array (json), 0);
  g_assert_cmpint (json_object_get_int_member (object, "imported"), ==, 2);
  g_clear_pointer (&json, json_node_unref);
  g_clear_pointer (&result, cli_result_free);

  /* One more item: only it is imported. */
  serve_feed (3);
  result = cli_run (fixture->library, "feed", "update", feed, NULL);
  cli_assert_success (result);
  g_assert_nonnull (strstr (result->out, "山区简报: 1 new article, 0 already in the library"));
  g_clear_pointer (&result, cli_result_free);

  result = cli_run (fixture->library, "feed", "list", "--json", NULL);
  cli_assert_success (result);
  json = cli_parse_json (result->out);
  object = json_array_get_object_element (json_node_get_array (json), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "山区简报");
  g_assert_cmpint (json_object_get_int_member (object, "unread"), ==, 3);
  g_assert_true (json_object_get_null_member (object, "error"));
  g_clear_pointer (&json, json_node_unref);
  g_clear_pointer (&result, cli_result_free);

  /* Gone: the update says why, and fails since no feed could be read. */
  g_hash_table_remove (server->pages, "/brief.xml");
  result = cli_run (fixture->library, "feed", "update", NULL);
  g_assert_true (result->exited);
  g_assert_cmpint (result->status, ==, 1);
  g_assert_nonnull (strstr (result->out, "not updated"));
  g_assert_nonnull (strstr (result->out, "404"));
  g_clear_pointer (&result, cli_result_free);

  result = cli_run (fixture->library, "feed", "list", NULL);
  cli_assert_success (result);
  g_assert_nonnull (strstr (result->out, "last update failed"));
  g_clear_pointer (&result, cli_result_free);

  /* Unfollowed by address; the articles stay. */
  result = cli_run (fixture->library, "feed", "remove", feed, NULL);
  cli_assert_success (result);
  g_clear_pointer (&result, cli_result_free);
  result = cli_run (fixture->library, "feed", "remove", feed, NULL);
  cli_assert_user_error (result, "no feed");
  g_clear_pointer (&result, cli_result_free);
  result = cli_run (fixture->library, "list", "--json", NULL);
  cli_assert_success (result);
  json = cli_parse_json (result->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json)), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = test_server_start (FALSE);

#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, cli_fixture_setup, func, cli_fixture_teardown)
  ADD ("/cli/web/import-addresses", test_import_addresses);
  ADD ("/cli/web/pictures-exported", test_pictures_exported);
  ADD ("/cli/web/feed", test_feed_commands);
#undef ADD

  status = g_test_run ();
  test_server_stop (server);

  return status;
}
