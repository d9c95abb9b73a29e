/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Fetching pages and pictures from a server on 127.0.0.1: what comes back,
 * and a clear message for each way a fetch fails: not found, a server
 * error, redirects too many or in a loop, a silent server, a page past the
 * size limit, a connection cut halfway, a certificate nobody vouches for,
 * an address that is not the web.
 */
#include "config.h"

#include "wenji-core.h"
#include "wenji-fetch.h"
#include "test-server.h"

static TestServer *server;

static WenjiFetchResult *
fetch (const char  *path,
       guint        timeout,
       GError     **error)
{
  g_autoptr (WenjiFetcher) fetcher = wenji_fetcher_new ();
  g_autofree char *url = test_server_url (server, path);

  if (timeout > 0)
    wenji_fetcher_set_timeout (fetcher, timeout);

  return wenji_fetcher_get (fetcher, url, NULL, NULL, NULL, error);
}

static void
assert_fails (const char *path,
              const char *reason)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiFetchResult) result = fetch (path, 2, &error);

  g_assert_null (result);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NETWORK);
  if (strstr (error->message, reason) == NULL)
    g_error ("%s: “%s” does not say “%s”", path, error->message, reason);
}

static void
test_page (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiFetchResult) result = NULL;
  g_autofree char *url = test_server_url (server, "/page");

  test_server_add (server, "/page", 200, "text/html; charset=utf-8", "<p>文章</p>", -1);
  result = fetch ("/page", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->url, ==, url);
  g_assert_cmpstr (result->content_type, ==, "text/html");
  g_assert_cmpstr (result->charset, ==, "utf-8");
  g_assert_cmpmem (g_bytes_get_data (result->body, NULL), g_bytes_get_size (result->body),
                   "<p>文章</p>", strlen ("<p>文章</p>"));
}

static void
test_redirects (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiFetchResult) result = NULL;
  g_autofree char *end = test_server_url (server, "/chain/end");

  test_server_add (server, "/chain/end", 200, "text/html", "<p>终点</p>", -1);
  test_server_redirect (server, "/chain/1", "/chain/2");
  test_server_redirect (server, "/chain/2", "3");
  test_server_redirect (server, "/chain/3", end);
  result = fetch ("/chain/1", 0, &error);
  g_assert_no_error (error);
  /* The page's own address is where the redirects ended. */
  g_assert_cmpstr (result->url, ==, end);

  for (guint i = 0; i < 11; i++) {
    g_autofree char *from = g_strdup_printf ("/long/%u", i);
    g_autofree char *to = g_strdup_printf ("/long/%u", i + 1);

    test_server_redirect (server, from, to);
  }
  test_server_add (server, "/long/11", 200, "text/html", "x", -1);
  assert_fails ("/long/0", "redirected more than 10 times");

  test_server_redirect (server, "/loop/a", "/loop/b");
  test_server_redirect (server, "/loop/b", "/loop/a");
  assert_fails ("/loop/a", "loop");

  test_server_redirect (server, "/to-file", "file:///etc/passwd");
  assert_fails ("/to-file", "only http and https");
}

static void
test_failures (void)
{
  test_server_add (server, "/broken", 500, "text/plain", "oops", -1);
  assert_fails ("/missing", "the server answered 404");
  assert_fails ("/broken", "the server answered 500");
  assert_fails ("/slow", "did not answer within 2 seconds");
  /* Reading 20 MB takes a while on a loaded machine: the limit, not the
   * clock, must stop it. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (WenjiFetchResult) result = fetch ("/huge", 120, &error);

    g_assert_null (result);
    g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NETWORK);
    g_assert_nonnull (strstr (error->message, "larger than 20 MB"));
  }

  {
    g_autoptr (WenjiFetcher) fetcher = wenji_fetcher_new ();
    g_autoptr (GError) error = NULL;
    g_autofree char *url = g_strconcat (server->raw_base, "/truncated", NULL);
    g_autoptr (WenjiFetchResult) result = wenji_fetcher_get (fetcher, url, NULL, NULL, NULL,
                                                             &error);

    g_assert_null (result);
    g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NETWORK);
    g_assert_nonnull (strstr (error->message, "broke off"));
  }
}

static void
test_not_the_web (void)
{
  const char *addresses[] = { "file:///etc/passwd", "ftp://127.0.0.1/a.html", "javascript:alert(1)",
                              "http://", "不是地址" };

  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++) {
    g_autoptr (WenjiFetcher) fetcher = wenji_fetcher_new ();
    g_autoptr (GError) error = NULL;
    g_autoptr (WenjiFetchResult) result = wenji_fetcher_get (fetcher, addresses[i],
                                                             NULL, NULL, NULL, &error);

    g_assert_null (result);
    g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NETWORK);
  }
  g_assert_true (wenji_fetch_is_url ("https://mp.weixin.qq.com/s/abc"));
  g_assert_true (wenji_fetch_is_url ("HTTP://example.com"));
  g_assert_false (wenji_fetch_is_url ("/home/me/a.html"));
  g_assert_false (wenji_fetch_is_url ("file:///home/me/a.html"));
}

/* A certificate nobody vouches for is refused, never waived. */
static void
test_self_signed (void)
{
  TestServer *tls = test_server_start (TRUE);
  g_autoptr (WenjiFetcher) fetcher = wenji_fetcher_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *url = test_server_url (tls, "/page");
  g_autoptr (WenjiFetchResult) result = NULL;

  test_server_add (tls, "/page", 200, "text/html", "<p>秘密</p>", -1);
  result = wenji_fetcher_get (fetcher, url, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "certificate is not trusted"));
  g_assert_cmpuint (test_server_count (tls, "/page"), ==, 0);

  test_server_stop (tls);
}

/* The Referer goes with the request, as sites that guard their pictures want. */
static void
test_referer (void)
{
  g_autoptr (WenjiFetcher) fetcher = wenji_fetcher_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiFetchResult) refused = NULL;
  g_autoptr (WenjiFetchResult) result = NULL;
  g_autofree char *url = test_server_url (server, "/guarded.png");
  g_autofree char *page = test_server_url (server, "/article.html");
  TestPage *guarded = test_server_add (server, "/guarded.png", 200, "image/png", "PNG", 3);

  guarded->referer = g_strdup (page);
  refused = wenji_fetcher_get (fetcher, url, NULL, "image/*", NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "403"));
  g_clear_error (&error);

  result = wenji_fetcher_get (fetcher, url, page, "image/*", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (result->body), ==, 3);
}

static void
test_cancel (void)
{
  g_autoptr (WenjiFetcher) fetcher = wenji_fetcher_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *url = test_server_url (server, "/page");
  g_autoptr (WenjiFetchResult) result = NULL;

  g_cancellable_cancel (cancellable);
  result = wenji_fetcher_get (fetcher, url, NULL, NULL, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = test_server_start (FALSE);

  g_test_add_func ("/fetch/page", test_page);
  g_test_add_func ("/fetch/redirects", test_redirects);
  g_test_add_func ("/fetch/failures", test_failures);
  g_test_add_func ("/fetch/not-the-web", test_not_the_web);
  g_test_add_func ("/fetch/self-signed", test_self_signed);
  g_test_add_func ("/fetch/referer", test_referer);
  g_test_add_func ("/fetch/cancel", test_cancel);

  status = g_test_run ();
  test_server_stop (server);

  return status;
}
