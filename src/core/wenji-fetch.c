/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * WenjiFetcher: a web page or a picture, fetched the way a browser would
 * ask for it, within limits. Only http and https; at most ten redirects,
 * each checked, and none in a loop; a timeout; a size limit; certificates
 * checked, never waived. Every failure is a message for the user.
 *
 * It uses libsoup's synchronous API, so it runs in a worker thread, one
 * fetcher to a thread.
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "wenji-error.h"
#include "wenji-fetch.h"

#define MAX_REDIRECTS    10
#define DEFAULT_TIMEOUT  30
#define DEFAULT_MAX_SIZE (20 * 1024 * 1024)

/* Some Chinese sites serve a stripped page, or none, to other agents. */
#define USER_AGENT "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) " \
                   "Chrome/120.0 Safari/537.36 Wenji/" PACKAGE_VERSION

struct _WenjiFetcher
{
  GObject      parent_instance;

  SoupSession *session;
  guint        timeout;
  gsize        max_size;
};

G_DEFINE_FINAL_TYPE (WenjiFetcher, wenji_fetcher, G_TYPE_OBJECT)

void
wenji_fetch_result_free (WenjiFetchResult *result)
{
  g_free (result->url);
  g_free (result->content_type);
  g_free (result->charset);
  g_clear_pointer (&result->body, g_bytes_unref);
  g_free (result->etag);
  g_free (result->last_modified);
  g_free (result);
}

static void
wenji_fetcher_dispose (GObject *object)
{
  WenjiFetcher *self = WENJI_FETCHER (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (wenji_fetcher_parent_class)->dispose (object);
}

static void
wenji_fetcher_class_init (WenjiFetcherClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wenji_fetcher_dispose;
}

static void
wenji_fetcher_init (WenjiFetcher *self)
{
  self->timeout = DEFAULT_TIMEOUT;
  self->max_size = DEFAULT_MAX_SIZE;
  self->session = soup_session_new_with_options ("user-agent", USER_AGENT,
                                                 "timeout", self->timeout,
                                                 NULL);
}

/**
 * wenji_fetcher_new:
 *
 * Returns: (transfer full): a fetcher, for one thread
 */
WenjiFetcher *
wenji_fetcher_new (void)
{
  return g_object_new (WENJI_TYPE_FETCHER, NULL);
}

/**
 * wenji_fetcher_set_timeout:
 * @seconds: how long a server may keep silent
 */
void
wenji_fetcher_set_timeout (WenjiFetcher *self,
                           guint         seconds)
{
  g_return_if_fail (WENJI_IS_FETCHER (self));

  self->timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
}

/**
 * wenji_fetcher_set_max_size:
 * @bytes: the most a page or picture may weigh
 */
void
wenji_fetcher_set_max_size (WenjiFetcher *self,
                            gsize         bytes)
{
  g_return_if_fail (WENJI_IS_FETCHER (self));

  self->max_size = bytes;
}

/**
 * wenji_fetch_is_url:
 * @source: what the user gave: a file or an address
 *
 * Returns: whether @source is a web address (`http:` or `https:`)
 */
gboolean
wenji_fetch_is_url (const char *source)
{
  return source != NULL &&
         (g_ascii_strncasecmp (source, "http://", 7) == 0 ||
          g_ascii_strncasecmp (source, "https://", 8) == 0);
}

static void
set_error (GError     **error,
           const char  *url,
           const char  *format,
           ...) G_GNUC_PRINTF (3, 4);

static void
set_error (GError     **error,
           const char  *url,
           const char  *format,
           ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, WENJI_ERROR, WENJI_ERROR_NETWORK, "Cannot fetch %s: %s.", url, reason);
}

/* A failure of the connection, said for a reader. */
static void
set_transport_error (GError       **error,
                     const char    *url,
                     const GError  *cause,
                     guint          timeout)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    set_error (error, url, "the server did not answer within %u seconds", timeout);
  else if (cause->domain == G_TLS_ERROR)
    set_error (error, url, "the site's certificate is not trusted (%s); Wenji does not fetch "
                           "pages whose site it cannot check", cause->message);
  else if (g_error_matches (cause, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND))
    set_error (error, url, "there is no such host");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    set_error (error, url, "the server refused the connection");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    set_error (error, url, "the connection broke off before the page was complete");
  else
    set_error (error, url, "%s", cause->message);
}

/* Only the web: no files, no other schemes, however a redirect asks. */
static GUri *
parse_web_address (const char  *url,
                   GError     **error)
{
  g_autoptr (GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL) {
    set_error (error, url, "this is not a web address");
    return NULL;
  }
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) {
    set_error (error, url, "only http and https addresses can be fetched, not %s", scheme);
    return NULL;
  }
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0') {
    set_error (error, url, "the address names no host");
    return NULL;
  }

  return g_steal_pointer (&uri);
}

/* The body, up to the size limit; a longer one is refused, not cut. */
static GBytes *
read_body (WenjiFetcher  *self,
           GInputStream  *stream,
           SoupMessage   *message,
           const char    *url,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr (GByteArray) body = g_byte_array_new ();
  goffset declared =
    soup_message_headers_get_content_length (soup_message_get_response_headers (message));
  g_autoptr (GError) local_error = NULL;
  guint8 chunk[65536];

  if (declared > 0 && (guint64) declared > self->max_size) {
    set_error (error, url, "it is larger than %" G_GSIZE_FORMAT " MB",
               self->max_size / (1024 * 1024));
    return NULL;
  }

  for (;;) {
    gssize n = g_input_stream_read (stream, chunk, sizeof chunk, cancellable, &local_error);

    if (n < 0) {
      set_transport_error (error, url, local_error, self->timeout);
      return NULL;
    }
    if (n == 0)
      break;
    if (body->len + (gsize) n > self->max_size) {
      set_error (error, url, "it is larger than %" G_GSIZE_FORMAT " MB",
                 self->max_size / (1024 * 1024));
      return NULL;
    }
    g_byte_array_append (body, chunk, n);
  }

  /* A server that closes early has said how much it meant to send. */
  if (declared > 0 && body->len < (guint64) declared &&
      soup_message_headers_get_one (soup_message_get_response_headers (message),
                                    "Content-Encoding") == NULL) {
    set_error (error, url, "the connection broke off before the page was complete");
    return NULL;
  }

  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

static WenjiFetchResult *
fetch (WenjiFetcher  *self,
       const char    *url,
       const char    *referer,
       const char    *accept,
       const char    *etag,
       const char    *last_modified,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr (GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *current = g_strdup (url);

  g_return_val_if_fail (WENJI_IS_FETCHER (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  for (guint redirects = 0;; redirects++) {
    g_autoptr (GUri) uri = parse_web_address (current, error);
    g_autoptr (SoupMessage) message = NULL;
    g_autoptr (GInputStream) stream = NULL;
    g_autoptr (GError) local_error = NULL;
    SoupMessageHeaders *headers;
    const char *location;
    guint status;

    if (uri == NULL)
      return NULL;

    g_hash_table_add (visited, g_uri_to_string (uri));
    message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
    /* Each redirect is checked here, not followed blindly. */
    soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
    headers = soup_message_get_request_headers (message);
    soup_message_headers_replace (headers, "Accept-Language",
                                  "zh-CN,zh;q=0.9,zh-TW;q=0.8,en;q=0.6");
    soup_message_headers_replace (headers, "Accept",
                                  accept != NULL ? accept
                                                 : "text/html,application/xhtml+xml,"
                                                   "application/xml;q=0.9,*/*;q=0.8");
    if (referer != NULL)
      soup_message_headers_replace (headers, "Referer", referer);
    if (etag != NULL)
      soup_message_headers_replace (headers, "If-None-Match", etag);
    if (last_modified != NULL)
      soup_message_headers_replace (headers, "If-Modified-Since", last_modified);

    stream = soup_session_send (self->session, message, cancellable, &local_error);
    if (stream == NULL) {
      set_transport_error (error, current, local_error, self->timeout);
      return NULL;
    }

    status = soup_message_get_status (message);
    location = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                             "Location");

    if (SOUP_STATUS_IS_REDIRECTION (status) && location != NULL) {
      g_autofree char *next = g_uri_resolve_relative (current, location, SOUP_HTTP_URI_FLAGS,
                                                      &local_error);

      if (next == NULL) {
        set_error (error, url, "a redirect pointed to “%s”, which is not an address", location);
        return NULL;
      }
      if (redirects + 1 > MAX_REDIRECTS) {
        set_error (error, url, "it redirected more than %d times", MAX_REDIRECTS);
        return NULL;
      }
      {
        g_autoptr (GUri) next_uri = g_uri_parse (next, SOUP_HTTP_URI_FLAGS, NULL);
        g_autofree char *key = next_uri != NULL ? g_uri_to_string (next_uri) : g_strdup (next);

        if (g_hash_table_contains (visited, key)) {
          set_error (error, url, "its redirects go round in a loop");
          return NULL;
        }
      }
      g_input_stream_close (stream, NULL, NULL);
      g_free (current);
      current = g_steal_pointer (&next);
      continue;
    }

    /* Unchanged since the copy the caller has. */
    if (status == SOUP_STATUS_NOT_MODIFIED && (etag != NULL || last_modified != NULL)) {
      WenjiFetchResult *result = g_new0 (WenjiFetchResult, 1);

      result->url = g_steal_pointer (&current);
      result->not_modified = TRUE;
      result->etag = g_strdup (etag);
      result->last_modified = g_strdup (last_modified);
      return result;
    }

    if (status != SOUP_STATUS_OK) {
      const char *reason = soup_message_get_reason_phrase (message);

      set_error (error, current, "the server answered %u%s%s", status,
                 reason != NULL && *reason != '\0' ? " " : "", reason != NULL ? reason : "");
      return NULL;
    }

    {
      g_autoptr (GHashTable) params = NULL;
      const char *type =
        soup_message_headers_get_content_type (soup_message_get_response_headers (message),
                                               &params);
      g_autoptr (GBytes) body = read_body (self, stream, message, current, cancellable, error);
      WenjiFetchResult *result;

      if (body == NULL)
        return NULL;

      result = g_new0 (WenjiFetchResult, 1);
      result->url = g_steal_pointer (&current);
      result->content_type = g_strdup (type);
      result->charset = g_strdup (params != NULL ? g_hash_table_lookup (params, "charset") : NULL);
      result->body = g_steal_pointer (&body);
      result->etag = g_strdup (soup_message_headers_get_one (
        soup_message_get_response_headers (message), "ETag"));
      result->last_modified = g_strdup (soup_message_headers_get_one (
        soup_message_get_response_headers (message), "Last-Modified"));

      return result;
    }
  }
}

/**
 * wenji_fetcher_get:
 * @url: an http or https address
 * @referer: (nullable): the page that names @url, sent as the Referer
 * @accept: (nullable): the Accept header, for pictures
 * @cancellable: (nullable): stops the fetch
 *
 * Fetches @url as a browser would, following redirects.
 *
 * Returns: (transfer full): what came back, or %NULL with @error set
 *   (%WENJI_ERROR_NETWORK with a message for the user, or cancelled)
 */
WenjiFetchResult *
wenji_fetcher_get (WenjiFetcher  *self,
                   const char    *url,
                   const char    *referer,
                   const char    *accept,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (WENJI_IS_FETCHER (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  return fetch (self, url, referer, accept, NULL, NULL, cancellable, error);
}

/**
 * wenji_fetcher_get_if_changed:
 * @url: an http or https address
 * @etag: (nullable): the `ETag` of the copy the caller has
 * @last_modified: (nullable): its `Last-Modified` date
 * @cancellable: (nullable): stops the fetch
 *
 * Fetches @url unless the server says it has not changed since the copy
 * the caller has, as feeds are fetched.
 *
 * Returns: (transfer full): what came back (its @not_modified set, and no
 *   body, when nothing changed), or %NULL with @error set
 */
WenjiFetchResult *
wenji_fetcher_get_if_changed (WenjiFetcher  *self,
                              const char    *url,
                              const char    *etag,
                              const char    *last_modified,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_return_val_if_fail (WENJI_IS_FETCHER (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  return fetch (self, url, NULL,
                "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,"
                "*/*;q=0.5",
                etag, last_modified, cancellable, error);
}
