/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Importing from the web, from a server on 127.0.0.1: real pages of two
 * news sites with their fields, a GB2312 page with and without a charset
 * in the header, pictures that come home with the page as their Referer
 * (and one that does not, which leaves a note, not a failure), pictures
 * shared between articles and forgotten with the last of them, and every
 * way a page fails leaving nothing behind.
 */
#include "config.h"

#include <string.h>

#include "wenji-core.h"
#include "wenji-import.h"
#include "test-library-fixture.h"
#include "test-server.h"

static TestServer *server;

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "web", name, NULL);
}

static void
serve (const char *path,
       const char *content_type,
       const char *file)
{
  g_autofree char *full = data_path (file);

  test_server_add_file (server, path, content_type, full);
}

static WenjiImportReport *
import (Fixture     *fixture,
        const char  *first,
        ...)
{
  g_autoptr (GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  WenjiImportReport *report;
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    g_ptr_array_add (urls, g_str_has_prefix (path, "/") ? test_server_url (server, path)
                                                        : g_strdup (path));
  va_end (args);
  g_ptr_array_add (urls, NULL);

  report = wenji_import_paths (fixture->library, (const char * const *) urls->pdata, 0, NULL, NULL,
                               NULL, &error);
  g_assert_no_error (error);

  return report;
}

static WenjiArticle *
imported_article (Fixture           *fixture,
                  WenjiImportReport *report,
                  guint              index)
{
  WenjiImportFile *file = report->files->pdata[index];
  g_autoptr (GError) error = NULL;
  WenjiArticle *article;

  g_assert_cmpint (file->outcome, ==, WENJI_IMPORT_IMPORTED);
  g_assert_cmpuint (file->ids->len, ==, 1);
  article = wenji_library_load_article (fixture->library, g_array_index (file->ids, gint64, 0),
                                        &error);
  g_assert_no_error (error);

  return article;
}

static guint
count_articles (Fixture *fixture)
{
  WenjiStatusCounts counts;
  g_autoptr (GError) error = NULL;

  g_assert_true (wenji_library_count_articles (fixture->library, &counts, &error));
  g_assert_no_error (error);

  return counts.all + counts.trash;
}

static gint64
count_assets (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  gint64 n = wenji_library_count_assets (fixture->library, &error);

  g_assert_no_error (error);

  return n;
}

/* Two real pages, one in GB2312 as a header names it, one in UTF-8. */
static void
test_news_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (WenjiImportReport) report = NULL;
  g_autoptr (WenjiArticle) cnr = NULL;
  g_autoptr (WenjiArticle) yunnan = NULL;
  g_autofree char *cnr_url = test_server_url (server, "/news/cnr.html");

  serve ("/news/cnr.html", "text/html; charset=gb2312", "cnr-gb2312.html");
  serve ("/news/yunnan.html", "text/html; charset=utf-8", "yunnan-utf8.html");

  report = import (fixture, "/news/cnr.html", "/news/yunnan.html", NULL);
  g_assert_cmpuint (report->imported, ==, 2);
  g_assert_cmpuint (report->failed, ==, 0);

  cnr = imported_article (fixture, report, 0);
  g_assert_cmpstr (wenji_article_get_title (cnr), ==,
                   "中央军委主席习近平签署命令 发布《军队装备试验鉴定规定》");
  g_assert_cmpstr (wenji_article_get_published_at (cnr), ==, "2022-02-13 07:00 +08:00");
  g_assert_cmpstr (wenji_article_get_source (cnr), ==, "央广网");
  g_assert_cmpstr (wenji_article_get_source_url (cnr), ==, cnr_url);
  g_assert_nonnull (strstr (wenji_article_get_body (cnr),
                            "中央军委主席习近平日前签署命令，发布《军队装备试验鉴定规定》"));
  g_assert_nonnull (strstr (wenji_article_get_body (cnr), "敏捷高效的工作制度。"));

  yunnan = imported_article (fixture, report, 1);
  g_assert_cmpstr (wenji_article_get_title (yunnan), ==, "17种产品、1个园区入选国家绿色制造名单");
  g_assert_cmpstr (wenji_article_get_published_at (yunnan), ==, "2022-02-13 04:22 +08:00");
  g_assert_cmpstr (wenji_article_get_source (yunnan), ==, "云南日报");
  g_assert_nonnull (strstr (wenji_article_get_body (yunnan), "近年来，我省积极把握制造业发展趋势"));

  /* The same address again is a duplicate, fetched but not stored. */
  {
    g_autoptr (WenjiImportReport) again = import (fixture, "/news/yunnan.html", NULL);

    g_assert_cmpuint (again->imported, ==, 0);
    g_assert_cmpuint (again->duplicates, ==, 1);
    g_assert_cmpuint (count_articles (fixture), ==, 2);
  }
}

/* A server that names no charset, or the wrong kind of document: the
 * page's own bytes decide, as for a saved file. */
static void
test_gb2312_without_header (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (WenjiImportReport) report = NULL;
  g_autoptr (WenjiArticle) article = NULL;

  serve ("/plain/cnr.html", "text/html", "cnr-gb2312.html");
  report = import (fixture, "/plain/cnr.html", NULL);
  article = imported_article (fixture, report, 0);
  g_assert_cmpstr (wenji_article_get_title (article), ==,
                   "中央军委主席习近平签署命令 发布《军队装备试验鉴定规定》");
  g_assert_nonnull (strstr (wenji_article_get_body (article), "中央广播电视总台中国之声"));
}

/* A redirect is followed and the page is stored under its own address:
 * the one it names as canonical, else where the redirects ended. */
static void
test_canonical_address (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (WenjiImportReport) report = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (WenjiImportReport) again = NULL;
  g_autofree char *page = NULL;
  g_autofree char *final = test_server_url (server, "/final/story.html");

  page = g_strdup_printf ("<html><head><title>短链接的文章_某某网</title>"
                          "<link rel=\"canonical\" href=\"%s\"></head><body>"
                          "<h1>短链接的文章</h1><div class=\"article\">"
                          "<p>这是一篇通过短链接分享出来的文章，它的正文有足够的长度，可以被当作一篇文章。</p>"
                          "<p>第二段说明了文章的来龙去脉，也同样足够长，让导入的程序相信这是正文而不是导航。</p>"
                          "</div></body></html>", final);
  test_server_add (server, "/final/story.html", 200, "text/html; charset=utf-8", page, -1);
  test_server_redirect (server, "/s/abc", "/final/story.html");

  report = import (fixture, "/s/abc", NULL);
  article = imported_article (fixture, report, 0);
  g_assert_cmpstr (wenji_article_get_source_url (article), ==, final);

  /* The short address and the long one are the same article. */
  again = import (fixture, "/final/story.html", NULL);
  g_assert_cmpuint (again->duplicates, ==, 1);
  g_assert_cmpuint (count_articles (fixture), ==, 1);
}

static const char picture_page[] =
  "<html><head><meta charset=\"utf-8\"><title>图片新闻_某某网</title></head><body>"
  "<div class=\"nav\"><a href=\"/\">首页</a><img src=\"/logo.png\" width=\"16\" height=\"16\"></div>"
  "<h1>图片新闻</h1><div class=\"article\">"
  "<p>第一段文字介绍了这组照片的背景，它足够长，像一篇真正的新闻报道的开头那样。</p>"
  "<p><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"/img/one.png\" "
  "alt=\"晚霞\"></p>"
  "<p>第二段文字在两张照片之间，继续讲述这个故事，也足够长，不会被当成页面的装饰。</p>"
  "<img data-original=\"img/two.webp\" alt=\"湖水\">"
  "<p>第三段文字之后还有一张照片，可是服务器上找不到它，导入不应该因此失败。</p>"
  "<img src=\"/img/missing.png\" alt=\"山峰\">"
  "</div></body></html>";

/* Pictures come home, asked for with the page as Referer (the server
 * refuses any other); one that cannot be fetched keeps a visible note. */
static void
test_pictures (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (WenjiImportReport) report = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GPtrArray) refs = NULL;
  g_autofree char *page_url = test_server_url (server, "/pictures/story.html");
  g_autofree char *png = data_path ("photo.png");
  g_autofree char *webp = data_path ("photo.webp");
  WenjiImportFile *file;
  TestPage *served;
  const char *body;

  test_server_add (server, "/pictures/story.html", 200, "text/html", picture_page, -1);
  serve ("/img/one.png", "image/png", "photo.png");
  served = g_hash_table_lookup (server->pages, "/img/one.png");
  served->referer = g_strdup (page_url);
  serve ("/pictures/img/two.webp", "image/webp", "photo.webp");
  served = g_hash_table_lookup (server->pages, "/pictures/img/two.webp");
  served->referer = g_strdup (page_url);

  report = import (fixture, "/pictures/story.html", NULL);
  article = imported_article (fixture, report, 0);
  body = wenji_article_get_body (article);
  g_test_message ("%s", body);

  /* Two pictures stored in the library, in the places the page had them. */
  refs = wenji_asset_refs (body);
  g_assert_cmpuint (refs->len, ==, 2);
  g_assert_cmpint (count_assets (fixture), ==, 2);
  g_assert_true (strstr (body, "![晚霞](wenji-asset:") < strstr (body, "第二段文字"));
  g_assert_true (strstr (body, "![湖水](wenji-asset:") > strstr (body, "第二段文字"));
  /* The navigation's icon is not a picture of the article. */
  g_assert_cmpuint (test_server_count (server, "/logo.png"), ==, 0);

  /* Stored as they came, and kept where the renderer finds them. */
  for (guint i = 0; i < refs->len; i++) {
    g_autoptr (GError) error = NULL;
    g_autofree char *mime_type = NULL;
    g_autoptr (GBytes) bytes = wenji_library_load_asset (fixture->library, refs->pdata[i],
                                                         &mime_type, &error);
    g_autofree char *cached = wenji_asset_cache_path (refs->pdata[i]);
    g_autofree char *expected = NULL;
    gsize length;

    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (g_str_equal (mime_type, "image/png") ? png : webp,
                                        &expected, &length, NULL));
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected, length);
    g_assert_true (g_file_test (cached, G_FILE_TEST_IS_REGULAR));
  }

  /* The missing one: a note in the text and a line in the report. */
  file = report->files->pdata[0];
  g_assert_nonnull (strstr (body, "![山峰（图片未能下载）]("));
  g_assert_cmpuint (file->warnings->len, ==, 1);
  g_assert_nonnull (strstr (file->warnings->pdata[0], "missing.png"));
}

/* A picture two articles name is stored once, and goes with the last. */
static void
test_shared_pictures (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (WenjiImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  const char *pages[] = { "/shared/a.html", "/shared/b.html" };
  gint64 ids[2];

  serve ("/shared/photo.png", "image/png", "photo.png");
  for (guint i = 0; i < 2; i++) {
    g_autofree char *page = g_strdup_printf (
      "<html><head><meta charset=\"utf-8\"><title>第%u篇</title></head><body><h1>第%u篇</h1>"
      "<div class=\"article\"><p>这是第%u篇文章的第一段，篇幅足够长，足以让导入的程序把它当作正文来对待。</p>"
      "<img src=\"photo.png\" alt=\"同一张照片\">"
      "<p>这是第%u篇文章的第二段，同样足够长，说明两篇文章用了同一张照片，图库里只存一份。</p>"
      "</div></body></html>", i + 1, i + 1, i + 1, i + 1);

    test_server_add (server, pages[i], 200, "text/html", page, -1);
  }

  report = import (fixture, pages[0], pages[1], NULL);
  g_assert_cmpuint (report->imported, ==, 2);
  for (guint i = 0; i < 2; i++)
    ids[i] = g_array_index (((WenjiImportFile *) report->files->pdata[i])->ids, gint64, 0);
  g_assert_cmpint (count_assets (fixture), ==, 1);

  /* In the Trash, an article keeps its pictures; deleted, it lets go. */
  g_assert_true (wenji_library_trash_article (fixture->library, ids[0], &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_assets (fixture), ==, 1);
  g_assert_true (wenji_library_delete_article (fixture->library, ids[0], &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_assets (fixture), ==, 1);
  g_assert_true (wenji_library_delete_article (fixture->library, ids[1], &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_assets (fixture), ==, 0);
}

static void
assert_wechat_fields (WenjiArticle *article)
{
  g_assert_cmpstr (wenji_article_get_title (article), ==, "老街的早点铺");
  g_assert_cmpstr (wenji_article_get_source (article), ==, "城南旧事录");
  g_assert_cmpstr (wenji_article_get_author (article), ==, "周晓岚");
  /* var ct = "1612682160": a Unix time, in China's time. */
  g_assert_cmpstr (wenji_article_get_published_at (article), ==, "2021-02-07 15:16 +08:00");
  g_assert_true (g_str_has_prefix (wenji_article_get_source_url (article),
                                   "http://mp.weixin.qq.com/s?__biz=MzA3NjEyMzQ1Ng=="));
  /* The call to follow and the closing QR code are not the article. */
  g_assert_null (strstr (wenji_article_get_body (article), "点击蓝字"));
  g_assert_null (strstr (wenji_article_get_body (article), "END"));
  g_assert_null (strstr (wenji_article_get_body (article), "二维码"));
  g_assert_nonnull (strstr (wenji_article_get_body (article), "## 一碗豆浆的讲究"));
  g_assert_true (g_str_has_suffix (wenji_article_get_body (article),
                                   "等着熟悉的人来吃早点。"));
}

/* A WeChat article, fetched: its fields from where WeChat keeps them, its
 * lazy pictures from data-src, asked for with the page as Referer. */
static void
test_wechat (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (WenjiImportReport) report = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GPtrArray) refs = NULL;
  g_autofree char *page_url = test_server_url (server, "/s/Xk3vQ9bYt2");
  const char *pictures[] = { "/mmbiz/shop.png", "/mmbiz/soy.webp" };
  const char *files[] = { "photo.png", "photo.webp" };
  const char *body;

  serve ("/s/Xk3vQ9bYt2", "text/html; charset=utf-8", "wechat-article.html");
  for (guint i = 0; i < G_N_ELEMENTS (pictures); i++) {
    TestPage *served;

    serve (pictures[i], i == 0 ? "image/png" : "image/webp", files[i]);
    served = g_hash_table_lookup (server->pages, pictures[i]);
    served->referer = g_strdup (page_url);
  }

  report = import (fixture, "/s/Xk3vQ9bYt2", NULL);
  article = imported_article (fixture, report, 0);
  assert_wechat_fields (article);

  body = wenji_article_get_body (article);
  refs = wenji_asset_refs (body);
  g_assert_cmpuint (refs->len, ==, 2);
  g_assert_nonnull (strstr (body, "![早点铺](wenji-asset:"));
  g_assert_nonnull (strstr (body, "![豆浆](wenji-asset:"));
  g_assert_cmpuint (((WenjiImportFile *) report->files->pdata[0])->warnings->len, ==, 0);
  g_assert_cmpuint (test_server_count (server, "/mmbiz/qrcode.png"), ==, 0);
}

/* The same page saved from a browser reads the same. */
static void
test_wechat_saved (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = data_path ("wechat-article.html");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = wenji_import_parse_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  assert_wechat_fields (articles->pdata[0]);
}

/* Each way a page fails: a clear reason for that address, the others
 * imported, and nothing of the failed ones in the library. */
static void
test_failures (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (WenjiImportReport) report = NULL;
  g_autofree char *truncated = g_strconcat (server->raw_base, "/truncated", NULL);
  const struct {
    const char *path;
    const char *reason;
  } failures[] = {
    { "/gone.html", "404" },
    { "/broken.html", "500" },
    { "/loop/a", "loop" },
    { "/truncated", "broke off" },
    { "/list.html", "does not look like an article" },
    { "/file.zip", "application/zip" },
  };

  test_server_add (server, "/broken.html", 500, "text/html", "<p>Internal error</p>", -1);
  test_server_redirect (server, "/loop/a", "/loop/b");
  test_server_redirect (server, "/loop/b", "/loop/a");
  test_server_add (server, "/file.zip", 200, "application/zip", "PK\003\004", 4);
  test_server_add (server, "/list.html", 200, "text/html; charset=utf-8",
                   "<html><head><title>新闻列表</title></head><body><ul>"
                   "<li><a href=\"/1\">第一条新闻的标题</a></li><li><a href=\"/2\">第二条新闻的标题</a></li>"
                   "<li><a href=\"/3\">第三条新闻的标题</a></li><li><a href=\"/4\">第四条新闻的标题</a></li>"
                   "</ul></body></html>", -1);
  serve ("/ok.html", "text/html; charset=utf-8", "yunnan-utf8.html");

  report = import (fixture, "/gone.html", "/broken.html", "/ok.html", "/loop/a",
                   truncated, "/list.html",
                   "/file.zip", NULL);
  g_assert_cmpuint (report->imported, ==, 1);
  g_assert_cmpuint (report->failed, ==, 6);

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++) {
    for (guint k = 0; k < report->files->len; k++) {
      WenjiImportFile *file = report->files->pdata[k];

      if (!g_str_has_suffix (file->path, failures[i].path))
        continue;
      g_assert_cmpint (file->outcome, ==, WENJI_IMPORT_FAILED);
      if (strstr (file->message, failures[i].reason) == NULL)
        g_error ("%s: “%s” does not say “%s”", file->path, file->message, failures[i].reason);
    }
  }

  g_assert_cmpuint (count_articles (fixture), ==, 1);
  g_assert_cmpint (count_assets (fixture), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cache = g_dir_make_tmp ("wenji-web-cache-XXXXXX", NULL);
  int status;

  /* Pictures are kept for the renderer in a cache of the test's own. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
  server = test_server_start (FALSE);

  FIXTURE_TEST ("/import-web/news-pages", test_news_pages);
  FIXTURE_TEST ("/import-web/gb2312-without-header", test_gb2312_without_header);
  FIXTURE_TEST ("/import-web/canonical-address", test_canonical_address);
  FIXTURE_TEST ("/import-web/pictures", test_pictures);
  FIXTURE_TEST ("/import-web/shared-pictures", test_shared_pictures);
  FIXTURE_TEST ("/import-web/failures", test_failures);
  FIXTURE_TEST ("/import-web/wechat", test_wechat);
  FIXTURE_TEST ("/import-web/wechat-saved", test_wechat_saved);

  status = g_test_run ();
  test_server_stop (server);
  {
    const char *argv_rm[] = { "rm", "-rf", cache, NULL };

    g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                  NULL, NULL);
  }

  return status;
}
