/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Following feeds, from a server on 127.0.0.1: an RSS and an Atom feed,
 * each updated twice, import only their new items, as whole pages; an
 * unchanged feed (ETag) is not read again; an item the library holds is
 * not fetched; a feed that is not XML, or has gone, says why and leaves
 * the others working.
 */
#include "config.h"

#include <string.h>

#include "wenji-core.h"
#include "wenji-import.h"
#include "test-library-fixture.h"
#include "test-server.h"

static TestServer *server;

static const char * const subjects[] = {
  "春天", "夏雨", "秋风", "冬雪", "山川", "河流",
};

/* An article page of its own for each item, longer than the feed says. */
static void
serve_story (const char *prefix,
             guint       n)
{
  g_autofree char *path = g_strdup_printf ("/%s/story-%u.html", prefix, n);
  g_autofree char *page = g_strdup_printf (
    "<html><head><meta charset=\"utf-8\"><title>%s的故事_某某网</title></head><body>"
    "<h1>%s的故事</h1><div class=\"article\">"
    "<p>关于%s的第一段文字，它足够长，像一篇真正的文章的开头，而不只是订阅源里的摘要。</p>"
    "<p>第二段只在网页上才有，订阅源里没有：它说明导入的是全文，编号%u，来自%s。</p>"
    "</div></body></html>", subjects[n], subjects[n], subjects[n], n, prefix);

  test_server_add (server, path, 200, "text/html", page, -1);
}

static void
serve_rss (guint first,
           guint last)
{
  g_autoptr (GString) feed = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                           "<rss version=\"2.0\"><channel><title>早报</title>"
                                           "<link>/rss/</link>");

  for (guint n = last + 1; n-- > first;) {
    serve_story ("rss", n);
    g_string_append_printf (feed, "<item><title>%s的故事</title><link>%s/rss/story-%u.html</link>"
                            "<description>摘要而已</description></item>", subjects[n],
                            server->base, n);
  }
  g_string_append (feed, "</channel></rss>");
  test_server_add (server, "/rss.xml", 200, "application/rss+xml", feed->str, -1);
}

static void
serve_atom (guint first,
            guint last)
{
  g_autoptr (GString) feed = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                           "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                                           "<title>晚報</title><id>urn:wenji:test</id>");
  TestPage *page;

  for (guint n = last + 1; n-- > first;) {
    serve_story ("atom", n);
    /* Relative links resolve against the feed's address. */
    g_string_append_printf (feed, "<entry><title>%s的故事</title><id>urn:%u</id>"
                            "<link rel=\"alternate\" href=\"atom/story-%u.html\"/>"
                            "<link rel=\"enclosure\" href=\"/audio-%u.mp3\"/></entry>",
                            subjects[n], n, n, n);
  }
  g_string_append (feed, "</feed>");
  page = test_server_add (server, "/atom.xml", 200, "application/atom+xml", feed->str, -1);
  page->etag = g_strdup_printf ("\"atom-%u-%u\"", first, last);
}

static gint64
follow (Fixture    *fixture,
        const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *url = test_server_url (server, path);
  gint64 id = wenji_import_add_feed (fixture->library, url, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static GPtrArray *
update (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *reports = wenji_import_update_feeds (fixture->library, 0, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reports);

  return reports;
}

static WenjiFeedReport *
report_for (GPtrArray *reports,
            gint64     id)
{
  for (guint i = 0; i < reports->len; i++)
    if (((WenjiFeedReport *) reports->pdata[i])->feed_id == id)
      return reports->pdata[i];
  g_assert_not_reached ();
}

static guint
count_articles (Fixture *fixture)
{
  WenjiStatusCounts counts;
  g_autoptr (GError) error = NULL;

  g_assert_true (wenji_library_count_articles (fixture->library, &counts, &error));
  g_assert_no_error (error);

  return counts.all;
}

/* Each update imports what is new, the whole page of it, once. */
static void
test_rss_and_atom (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GPtrArray) second = NULL;
  g_autoptr (GPtrArray) third = NULL;
  g_autoptr (GPtrArray) feeds = NULL;
  g_autoptr (GError) error = NULL;
  gint64 rss, atom;
  guint atom_fetches;

  serve_rss (0, 2);
  serve_atom (0, 1);
  rss = follow (fixture, "/rss.xml");
  atom = follow (fixture, "/atom.xml");

  feeds = wenji_library_list_feeds (fixture->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 2);
  g_assert_cmpstr (((WenjiFeed *) feeds->pdata[0])->title, ==, "早报");
  g_assert_cmpstr (((WenjiFeed *) feeds->pdata[1])->title, ==, "晚報");
  g_clear_pointer (&feeds, g_ptr_array_unref);

  first = update (fixture);
  g_assert_cmpuint (report_for (first, rss)->imported, ==, 3);
  g_assert_cmpuint (report_for (first, atom)->imported, ==, 2);
  g_assert_cmpuint (count_articles (fixture), ==, 5);
  /* The enclosure is not an item's page. */
  g_assert_cmpuint (test_server_count (server, "/audio-"), ==, 0);

  /* Full text, not the feed's excerpt. */
  {
    g_autoptr (WenjiArticle) article = NULL;
    gint64 id;
    g_autoptr (GPtrArray) list = wenji_library_list_feeds (fixture->library, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (((WenjiFeed *) list->pdata[0])->unread, ==, 3);
    g_assert_cmpuint (((WenjiFeed *) list->pdata[1])->unread, ==, 2);

    id = 1;
    article = wenji_library_load_article (fixture->library, id, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (wenji_article_get_body (article), "第二段只在网页上才有"));

    /* Opened, it is read. */
    g_assert_true (wenji_library_mark_read (fixture->library, id, &error));
    g_assert_no_error (error);
  }

  /* Two new items in RSS; Atom unchanged, which its ETag says. */
  serve_rss (0, 4);
  atom_fetches = test_server_count (server, "/atom.xml");
  second = update (fixture);
  g_assert_cmpuint (report_for (second, rss)->imported, ==, 2);
  g_assert_cmpuint (report_for (second, atom)->imported, ==, 0);
  g_assert_true (report_for (second, atom)->not_modified);
  g_assert_cmpuint (test_server_count (server, "/atom.xml"), ==, atom_fetches + 1);
  g_assert_cmpuint (test_server_count (server, "/rss/story-0.html"), ==, 1);
  g_assert_cmpuint (count_articles (fixture), ==, 7);

  /* Atom gains one; nothing else is fetched again. */
  serve_atom (0, 2);
  third = update (fixture);
  g_assert_cmpuint (report_for (third, rss)->imported, ==, 0);
  g_assert_cmpuint (report_for (third, atom)->imported, ==, 1);
  g_assert_cmpuint (test_server_count (server, "/atom/story-0.html"), ==, 1);
  g_assert_cmpuint (count_articles (fixture), ==, 8);

  feeds = wenji_library_list_feeds (fixture->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((WenjiFeed *) feeds->pdata[0])->unread, ==, 4);
  g_assert_cmpuint (((WenjiFeed *) feeds->pdata[1])->unread, ==, 3);

  /* The list of a feed's articles holds its own only. */
  {
    g_autoptr (WenjiArticleList) list = wenji_article_list_new (fixture->library);

    wenji_article_list_set_feed_id (list, atom);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
    wenji_article_list_set_feed_id (list, rss);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
    wenji_article_list_set_feed_id (list, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 8);
  }

  /* Unfollowed, a feed's articles stay. */
  g_assert_true (wenji_library_remove_feed (fixture->library, rss, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_articles (fixture), ==, 8);
}

/* A page imported by hand is not fetched again when a feed lists it. */
static void
test_known_page (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (WenjiImportReport) by_hand = NULL;
  g_autofree char *url = NULL;
  const char *paths[2] = { NULL, NULL };
  guint fetches;
  gint64 rss;

  serve_rss (0, 1);
  url = g_strdup_printf ("%s/rss/story-1.html", server->base);
  paths[0] = url;
  by_hand = wenji_import_paths (fixture->library, paths, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_hand->imported, ==, 1);
  fetches = test_server_count (server, "/rss/story-1.html");

  rss = follow (fixture, "/rss.xml");
  reports = update (fixture);
  g_assert_cmpuint (report_for (reports, rss)->imported, ==, 1);
  g_assert_cmpuint (report_for (reports, rss)->skipped, ==, 1);
  g_assert_cmpuint (test_server_count (server, "/rss/story-1.html"), ==, fetches);
  g_assert_cmpuint (count_articles (fixture), ==, 2);
}

/* A feed that is not a feed is not followed; one that breaks later says
 * why, and the others are updated all the same. */
static void
test_broken_feeds (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (WenjiFeed) feed = NULL;
  g_autofree char *html = test_server_url (server, "/not-a-feed.html");
  gint64 rss, atom, id;

  test_server_add (server, "/not-a-feed.html", 200, "text/html",
                   "<html><body><p>这不是订阅源</p></body></html>", -1);
  id = wenji_import_add_feed (fixture->library, html, NULL, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "not a feed"));
  g_clear_error (&error);

  serve_rss (0, 1);
  serve_atom (0, 1);
  rss = follow (fixture, "/rss.xml");
  atom = follow (fixture, "/atom.xml");

  /* RSS breaks: half a document. Atom gains an item. */
  test_server_add (server, "/rss.xml", 200, "application/rss+xml",
                   "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>早报</ti", -1);
  serve_atom (0, 2);
  reports = update (fixture);
  g_assert_nonnull (report_for (reports, rss)->message);
  g_assert_nonnull (strstr (report_for (reports, rss)->message, "not a feed"));
  g_assert_cmpuint (report_for (reports, rss)->imported, ==, 0);
  g_assert_cmpuint (report_for (reports, atom)->imported, ==, 3);

  feed = wenji_library_get_feed (fixture->library, rss, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (feed->error, "not a feed"));
  g_clear_pointer (&reports, g_ptr_array_unref);
  g_clear_pointer (&feed, wenji_feed_free);

  /* Gone altogether: the server's answer is the reason. */
  g_hash_table_remove (server->pages, "/rss.xml");
  reports = update (fixture);
  g_assert_nonnull (strstr (report_for (reports, rss)->message, "404"));

  /* Back again: it works, and the reason goes. */
  serve_rss (0, 1);
  g_clear_pointer (&reports, g_ptr_array_unref);
  reports = update (fixture);
  g_assert_null (report_for (reports, rss)->message);
  g_assert_cmpuint (report_for (reports, rss)->imported, ==, 2);
  feed = wenji_library_get_feed (fixture->library, rss, &error);
  g_assert_no_error (error);
  g_assert_null (feed->error);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cache = g_dir_make_tmp ("wenji-feeds-cache-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
  server = test_server_start (FALSE);

  FIXTURE_TEST ("/feeds/rss-and-atom", test_rss_and_atom);
  FIXTURE_TEST ("/feeds/known-page", test_known_page);
  FIXTURE_TEST ("/feeds/broken", test_broken_feeds);

  status = g_test_run ();
  test_server_stop (server);
  {
    const char *argv_rm[] = { "rm", "-rf", cache, NULL };

    g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                  NULL, NULL);
  }

  return status;
}
