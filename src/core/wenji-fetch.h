/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * WenjiFetchResult:
 * @url: the address the page came from, after redirects
 * @content_type: its MIME type, without parameters; %NULL if unsaid
 * @charset: (nullable): the charset the server named
 * @body: the bytes; %NULL when @not_modified
 * @etag: (nullable): the server's `ETag` for them
 * @last_modified: (nullable): their `Last-Modified` date
 * @not_modified: the server said the caller's copy is current
 */
typedef struct {
  char   *url;
  char   *content_type;
  char   *charset;
  GBytes *body;
  char   *etag;
  char   *last_modified;
  gboolean not_modified;
} WenjiFetchResult;

void wenji_fetch_result_free (WenjiFetchResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WenjiFetchResult, wenji_fetch_result_free)

#define WENJI_TYPE_FETCHER (wenji_fetcher_get_type ())

G_DECLARE_FINAL_TYPE (WenjiFetcher, wenji_fetcher, WENJI, FETCHER, GObject)

WenjiFetcher     *wenji_fetcher_new             (void);
void              wenji_fetcher_set_timeout     (WenjiFetcher  *self,
                                                 guint          seconds);
void              wenji_fetcher_set_max_size    (WenjiFetcher  *self,
                                                 gsize          bytes);
WenjiFetchResult *wenji_fetcher_get             (WenjiFetcher  *self,
                                                 const char    *url,
                                                 const char    *referer,
                                                 const char    *accept,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
WenjiFetchResult *wenji_fetcher_get_if_changed  (WenjiFetcher  *self,
                                                 const char    *url,
                                                 const char    *etag,
                                                 const char    *last_modified,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
gboolean          wenji_fetch_is_url            (const char    *source);

G_END_DECLS
