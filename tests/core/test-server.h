/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A web server on 127.0.0.1 for the tests that fetch, in a thread of its
 * own (the fetcher blocks the test's thread): pages and pictures by path,
 * redirects, status codes, a picture that needs the right Referer, a
 * server that never answers, one that sends 100 MB, and one that hangs up
 * halfway. No test reaches past the loopback address.
 */
#pragma once

#include <string.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct {
  guint   status;
  char   *content_type;
  GBytes *body;
  char   *location;
  char   *referer;        /* the only Referer the path answers to, or NULL */
  char   *etag;
} TestPage;

typedef struct {
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  GSocketService *raw;    /* answers /truncated by hand */
  char         *base;     /* http(s)://127.0.0.1:PORT */
  char         *raw_base;
  gboolean      tls;
  GMutex        lock;
  GCond         ready;
  gboolean      started;
  GHashTable   *pages;    /* path → TestPage */
  GPtrArray    *log;      /* "PATH referer" of each request */
  GPtrArray    *paused;   /* SoupServerMessage that never get an answer */
} TestServer;

G_GNUC_UNUSED static void
test_page_free (TestPage *page)
{
  g_free (page->content_type);
  g_clear_pointer (&page->body, g_bytes_unref);
  g_free (page->location);
  g_free (page->referer);
  g_free (page->etag);
  g_free (page);
}

/* /huge: 100 MB in chunks of 1 MB, without a length: only a limit stops it. */
#define TEST_SERVER_HUGE (100 * 1024 * 1024)
#define TEST_SERVER_CHUNK (1024 * 1024)

G_GNUC_UNUSED static void
test_server_handle (SoupServer        *soup_server,
                    SoupServerMessage *message,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  TestServer *server = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (message);
  const char *referer = soup_message_headers_get_one (request, "Referer");
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  TestPage *page;

  g_mutex_lock (&server->lock);
  g_ptr_array_add (server->log, g_strdup_printf ("%s %s", path, referer != NULL ? referer : "-"));
  page = g_hash_table_lookup (server->pages, path);
  g_mutex_unlock (&server->lock);

  if (g_str_equal (path, "/slow")) {
    g_ptr_array_add (server->paused, g_object_ref (message));
    soup_server_message_pause (message);
    return;
  }
  /* /huge lives on the raw server: a client that stops reading must not
   * leave a message half written behind. */
  if (g_str_equal (path, "/huge")) {
    g_autofree char *raw = g_strconcat (server->raw_base, "/huge", NULL);

    soup_server_message_set_redirect (message, SOUP_STATUS_TEMPORARY_REDIRECT, raw);
    return;
  }
  if (page == NULL) {
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
    return;
  }
  if (page->referer != NULL && g_strcmp0 (referer, page->referer) != 0) {
    soup_server_message_set_status (message, SOUP_STATUS_FORBIDDEN, NULL);
    return;
  }
  if (page->etag != NULL && g_strcmp0 (if_none_match, page->etag) == 0) {
    soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
    return;
  }

  soup_server_message_set_status (message, page->status, NULL);
  if (page->location != NULL)
    soup_message_headers_replace (response, "Location", page->location);
  if (page->etag != NULL)
    soup_message_headers_replace (response, "ETag", page->etag);
  if (page->body != NULL) {
    gsize length;
    gconstpointer data = g_bytes_get_data (page->body, &length);

    soup_server_message_set_response (message, page->content_type, SOUP_MEMORY_COPY, data, length);
  }
}

/* Answers by hand what a well-behaved server would not:
 * /truncated: a length of 1000 bytes, then 500 and the end of the line;
 * /huge: 100 MB in chunks of 1 MB, with no length, until the client
 * hangs up. */
G_GNUC_UNUSED static gboolean
test_server_raw (GThreadedSocketService *service,
                 GSocketConnection      *connection,
                 GObject                *source,
                 gpointer                user_data)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  char request[4096] = { 0 };

  g_input_stream_read (in, request, sizeof request - 1, NULL, NULL);

  if (g_str_has_prefix (request, "GET /huge ")) {
    const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    g_autofree char *chunk = g_malloc0 (TEST_SERVER_CHUNK);
    g_autofree char *size = g_strdup_printf ("%x\r\n", TEST_SERVER_CHUNK);

    if (g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL))
      for (gsize sent = 0; sent < TEST_SERVER_HUGE; sent += TEST_SERVER_CHUNK)
        if (!g_output_stream_write_all (out, size, strlen (size), NULL, NULL, NULL) ||
            !g_output_stream_write_all (out, chunk, TEST_SERVER_CHUNK, NULL, NULL, NULL) ||
            !g_output_stream_write_all (out, "\r\n", 2, NULL, NULL, NULL))
          break;
  } else {
    g_autofree char *half = g_strnfill (500, 'x');
    g_autofree char *answer = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                               "Content-Length: 1000\r\nConnection: close\r\n"
                                               "\r\n%s", half);

    g_output_stream_write_all (out, answer, strlen (answer), NULL, NULL, NULL);
  }
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

  return TRUE;
}

G_GNUC_UNUSED static gpointer
test_server_run (gpointer data)
{
  TestServer *server = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  GSList *uris;
  guint16 raw_port;

  g_main_context_push_thread_default (server->context);

  if (server->tls) {
    g_autofree char *pem = g_test_build_filename (G_TEST_DIST, "..", "data", "tls",
                                                  "self-signed.pem", NULL);

    certificate = g_tls_certificate_new_from_file (pem, &error);
    g_assert_no_error (error);
  }
  server->server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server->server, NULL, test_server_handle, server, NULL);
  soup_server_listen_local (server->server, 0,
                            server->tls ? SOUP_SERVER_LISTEN_HTTPS | SOUP_SERVER_LISTEN_IPV4_ONLY
                                        : SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server->server);
  server->base = g_strdup_printf ("%s://127.0.0.1:%d", server->tls ? "https" : "http",
                                  g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  server->raw = g_threaded_socket_service_new (2);
  raw_port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (server->raw), NULL, &error);
  g_assert_no_error (error);
  server->raw_base = g_strdup_printf ("http://127.0.0.1:%u", raw_port);
  g_signal_connect (server->raw, "run", G_CALLBACK (test_server_raw), NULL);
  g_socket_service_start (server->raw);

  g_mutex_lock (&server->lock);
  server->started = TRUE;
  g_cond_signal (&server->ready);
  g_mutex_unlock (&server->lock);

  g_main_loop_run (server->loop);

  g_socket_service_stop (server->raw);
  g_socket_listener_close (G_SOCKET_LISTENER (server->raw));
  g_clear_object (&server->raw);
  g_ptr_array_set_size (server->paused, 0);
  soup_server_disconnect (server->server);
  g_clear_object (&server->server);
  /* What the closed connections still had to do, so that nothing of them
   * outlives the server. */
  while (g_main_context_iteration (server->context, FALSE))
    ;
  g_main_context_pop_thread_default (server->context);

  return NULL;
}

G_GNUC_UNUSED static TestServer *
test_server_start (gboolean tls)
{
  TestServer *server = g_new0 (TestServer, 1);

  server->tls = tls;
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  server->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) test_page_free);
  server->log = g_ptr_array_new_with_free_func (g_free);
  server->paused = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&server->lock);
  g_cond_init (&server->ready);

  server->thread = g_thread_new ("test-server", test_server_run, server);
  g_mutex_lock (&server->lock);
  while (!server->started)
    g_cond_wait (&server->ready, &server->lock);
  g_mutex_unlock (&server->lock);

  return server;
}

G_GNUC_UNUSED static TestPage *
test_server_add (TestServer *server,
                 const char *path,
                 guint       status,
                 const char *content_type,
                 const void *data,
                 gssize      length)
{
  TestPage *page = g_new0 (TestPage, 1);

  page->status = status;
  page->content_type = g_strdup (content_type);
  if (data != NULL)
    page->body = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);

  g_mutex_lock (&server->lock);
  g_hash_table_replace (server->pages, g_strdup (path), page);
  g_mutex_unlock (&server->lock);

  return page;
}

G_GNUC_UNUSED static void
test_server_add_file (TestServer *server,
                      const char *path,
                      const char *content_type,
                      const char *file)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (file, &data, &length, NULL));
  test_server_add (server, path, SOUP_STATUS_OK, content_type, data, length);
}

G_GNUC_UNUSED static void
test_server_redirect (TestServer *server,
                      const char *path,
                      const char *location)
{
  TestPage *page = test_server_add (server, path, SOUP_STATUS_FOUND, NULL, NULL, 0);

  page->location = g_strdup (location);
}

G_GNUC_UNUSED static char *
test_server_url (TestServer *server,
                 const char *path)
{
  return g_strconcat (server->base, path, NULL);
}

G_GNUC_UNUSED static guint
test_server_count (TestServer *server,
                   const char *prefix)
{
  guint n = 0;

  g_mutex_lock (&server->lock);
  for (guint i = 0; i < server->log->len; i++)
    if (g_str_has_prefix (server->log->pdata[i], prefix))
      n++;
  g_mutex_unlock (&server->lock);

  return n;
}

G_GNUC_UNUSED static gboolean
test_server_quit (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

G_GNUC_UNUSED static void
test_server_stop (TestServer *server)
{
  GSource *source = g_idle_source_new ();

  g_source_set_callback (source, test_server_quit, server->loop, NULL);
  g_source_attach (source, server->context);
  g_source_unref (source);
  g_thread_join (server->thread);

  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  g_hash_table_unref (server->pages);
  g_ptr_array_unref (server->log);
  g_ptr_array_unref (server->paused);
  g_mutex_clear (&server->lock);
  g_cond_clear (&server->ready);
  g_free (server->base);
  g_free (server->raw_base);
  g_free (server);
}

G_END_DECLS
