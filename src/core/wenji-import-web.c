/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An address as an import source: the page is fetched (wenji-fetch.c),
 * goes through the same decoding and extraction as a saved page, and its
 * pictures come home: each is fetched with the page as its Referer, kept
 * in the library, and named in the Markdown as `wenji-asset:HASH`, so the
 * article shows them offline. A picture that cannot be fetched keeps its
 * address, gets a visible note in its description and a line in the
 * report; it never fails the import.
 *
 * Everything is fetched before the library is written, so that no write
 * waits on the network.
 */
#include "config.h"

#include <string.h>

#include "wenji-error.h"
#include "wenji-fetch.h"
#include "wenji-import-private.h"
#include "wenji-library-private.h"
#include "wenji-text.h"

/* The picture types the renderer draws. */
static const char *
sniff_picture (GBytes *bytes)
{
  gsize length;
  const guchar *data = g_bytes_get_data (bytes, &length);

  if (length >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (length >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    return "image/jpeg";
  if (length >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return "image/gif";
  if (length >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "image/webp";

  return NULL;
}

/* What a picture that stayed behind says, in the article's language. */
static const char *
missing_note (const char *lang)
{
  if (g_str_has_prefix (lang, "zh-Hant"))
    return "（圖片未能下載）";
  if (g_str_has_prefix (lang, "zh"))
    return "（图片未能下载）";
  return " (picture not downloaded)";
}

typedef struct {
  char   *url;
  char   *alt;
  GBytes *bytes;       /* NULL: it stayed behind */
  char   *mime_type;
} Picture;

static void
picture_free (Picture *picture)
{
  g_free (picture->url);
  g_free (picture->alt);
  g_clear_pointer (&picture->bytes, g_bytes_unref);
  g_free (picture->mime_type);
  g_free (picture);
}

/**
 * WenjiWebPage:
 *
 * A fetched page: its article, with the pictures fetched and waiting to be
 * stored with it.
 */
struct _WenjiWebPage {
  WenjiArticle *article;
  GPtrArray    *pictures;   /* Picture */
  GPtrArray    *warnings;   /* char *: pictures that stayed behind */
};

void
wenji_web_page_free (WenjiWebPage *page)
{
  g_clear_object (&page->article);
  g_clear_pointer (&page->pictures, g_ptr_array_unref);
  g_clear_pointer (&page->warnings, g_ptr_array_unref);
  g_free (page);
}

/* The remote pictures the article's Markdown names: `![alt](http…)`. */
static GPtrArray *
find_pictures (const char *body)
{
  g_autoptr (GRegex) regex = g_regex_new ("!\\[([^\\]\\n]*)\\]\\((https?://[^)\\s]+)\\)",
                                          G_REGEX_CASELESS, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  GPtrArray *pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) picture_free);

  for (g_regex_match (regex, body, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL)) {
    Picture *picture = g_new0 (Picture, 1);

    picture->alt = g_match_info_fetch (match, 1);
    picture->url = g_match_info_fetch (match, 2);
    g_ptr_array_add (pictures, picture);
  }

  return pictures;
}

/**
 * wenji_import_fetch_page:
 * @fetcher: the thread's fetcher
 * @url: the page's address
 *
 * Fetches a page and reads its article, then fetches its pictures.
 *
 * Returns: (transfer full): the page, or %NULL with @error set when the
 *   page could not be fetched or holds no article
 */
WenjiWebPage *
wenji_import_fetch_page (WenjiFetcher  *fetcher,
                         const char    *url,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr (WenjiFetchResult) result = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  const WenjiImportFormat *format;
  WenjiWebPage *page;
  gsize length;
  const char *data;
  const char *canonical;

  result = wenji_fetcher_get (fetcher, url, NULL, NULL, cancellable, error);
  if (result == NULL)
    return NULL;

  /* A server that names no type sends a page, as far as Wenji knows. */
  format = wenji_import_format_for_mime_type (result->content_type != NULL ? result->content_type
                                                                           : "text/html");
  if (format == NULL) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_UNSUPPORTED,
                 "%s is not a page Wenji imports (it is %s).", url, result->content_type);
    return NULL;
  }

  data = g_bytes_get_data (result->body, &length);
  articles = wenji_import_parse_bytes (format, result->url, data, length, result->charset, error);
  if (articles == NULL)
    return NULL;

  page = g_new0 (WenjiWebPage, 1);
  page->article = g_object_ref (articles->pdata[0]);
  page->warnings = g_ptr_array_new_with_free_func (g_free);

  /* The page's own address: what it says it is, else where it came from. */
  canonical = wenji_article_get_source_url (page->article);
  if (canonical == NULL || !wenji_fetch_is_url (canonical))
    wenji_article_set_source_url (page->article, result->url);

  page->pictures = find_pictures (wenji_article_get_body (page->article));
  for (guint i = 0; i < page->pictures->len; i++) {
    Picture *picture = page->pictures->pdata[i];
    g_autoptr (GError) picture_error = NULL;
    g_autoptr (WenjiFetchResult) fetched = NULL;

    if (g_cancellable_set_error_if_cancelled (cancellable, error)) {
      wenji_web_page_free (page);
      return NULL;
    }

    fetched = wenji_fetcher_get (fetcher, picture->url, result->url,
                                 "image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8",
                                 cancellable, &picture_error);
    if (fetched != NULL &&
        (picture->mime_type = g_strdup (sniff_picture (fetched->body))) != NULL) {
      picture->bytes = g_bytes_ref (fetched->body);
      continue;
    }

    if (g_error_matches (picture_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
      g_propagate_error (error, g_steal_pointer (&picture_error));
      wenji_web_page_free (page);
      return NULL;
    }
    g_ptr_array_add (page->warnings,
                     picture_error != NULL
                     ? g_strdup (picture_error->message)
                     : g_strdup_printf ("The picture %s is not a PNG, JPEG, GIF or WebP picture.",
                                        picture->url));
  }

  return page;
}

/**
 * wenji_web_page_get_article:
 *
 * Returns: (transfer none): the page's article
 */
WenjiArticle *
wenji_web_page_get_article (WenjiWebPage *page)
{
  return page->article;
}

/**
 * wenji_web_page_get_warnings:
 *
 * Returns: (transfer none) (element-type utf8): what stayed behind
 */
GPtrArray *
wenji_web_page_get_warnings (WenjiWebPage *page)
{
  return page->warnings;
}

/**
 * wenji_web_page_store_pictures:
 * @library: the library, in the caller's transaction
 *
 * Stores the pictures that came and names them in the article's text;
 * those that did not keep their address and say so in their description.
 */
gboolean
wenji_web_page_store_pictures (WenjiWebPage  *page,
                               WenjiLibrary  *library,
                               GError       **error)
{
  g_autoptr (GString) body = g_string_new (wenji_article_get_body (page->article));
  const char *lang = wenji_article_get_lang (page->article);

  if (lang == NULL || *lang == '\0')
    lang = wenji_text_detect_lang (body->str);

  for (guint i = 0; i < page->pictures->len; i++) {
    Picture *picture = page->pictures->pdata[i];
    g_autofree char *old = g_strdup_printf ("![%s](%s)", picture->alt, picture->url);
    g_autofree char *new = NULL;

    if (picture->bytes != NULL) {
      g_autofree char *hash = wenji_library_add_asset (library, picture->bytes, picture->mime_type,
                                                       picture->url, error);

      if (hash == NULL)
        return FALSE;
      new = g_strdup_printf ("![%s](wenji-asset:%s)", picture->alt, hash);
    } else {
      new = g_strdup_printf ("![%s%s](%s)", picture->alt, missing_note (lang), picture->url);
    }
    g_string_replace (body, old, new, 0);
  }

  wenji_article_set_body (page->article, body->str);

  return TRUE;
}

/*
 * Fetching several pages at once: a few threads, each with a fetcher of
 * its own, take the next address in turn; the importer takes the pages in
 * the order it was given them, so what it stores and reports does not
 * depend on which server answered first.
 */
typedef struct {
  WenjiWebPage *page;
  GError       *error;
  gboolean      done;
} Fetched;

struct _WenjiPrefetch {
  GPtrArray    *urls;
  Fetched      *fetched;
  guint         next;
  GMutex        lock;
  GCond         changed;
  GCancellable *cancellable;
  GPtrArray    *threads;
};

static gpointer
prefetch_thread (gpointer data)
{
  WenjiPrefetch *prefetch = data;
  g_autoptr (WenjiFetcher) fetcher = wenji_fetcher_new ();

  for (;;) {
    WenjiWebPage *page;
    GError *error = NULL;
    guint index;

    g_mutex_lock (&prefetch->lock);
    index = prefetch->next++;
    g_mutex_unlock (&prefetch->lock);
    if (index >= prefetch->urls->len)
      break;

    page = wenji_import_fetch_page (fetcher, prefetch->urls->pdata[index], prefetch->cancellable,
                                    &error);

    g_mutex_lock (&prefetch->lock);
    prefetch->fetched[index].page = page;
    prefetch->fetched[index].error = error;
    prefetch->fetched[index].done = TRUE;
    g_cond_broadcast (&prefetch->changed);
    g_mutex_unlock (&prefetch->lock);
  }

  return NULL;
}

/**
 * wenji_prefetch_new:
 * @urls: (element-type utf8): the pages' addresses
 * @n_threads: how many pages to fetch at once
 *
 * Starts fetching @urls, @n_threads at a time.
 */
WenjiPrefetch *
wenji_prefetch_new (GPtrArray    *urls,
                    guint         n_threads,
                    GCancellable *cancellable)
{
  WenjiPrefetch *prefetch = g_new0 (WenjiPrefetch, 1);

  prefetch->urls = g_ptr_array_ref (urls);
  prefetch->fetched = g_new0 (Fetched, MAX (urls->len, 1));
  prefetch->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  prefetch->threads = g_ptr_array_new ();
  g_mutex_init (&prefetch->lock);
  g_cond_init (&prefetch->changed);

  for (guint i = 0; i < MIN (n_threads, urls->len); i++)
    g_ptr_array_add (prefetch->threads, g_thread_new ("wenji-fetch", prefetch_thread, prefetch));

  return prefetch;
}

/**
 * wenji_prefetch_take:
 * @index: the page's place in the addresses given
 *
 * Waits for a page and takes it.
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
WenjiWebPage *
wenji_prefetch_take (WenjiPrefetch  *prefetch,
                     guint           index,
                     GError        **error)
{
  WenjiWebPage *page;

  g_return_val_if_fail (index < prefetch->urls->len, NULL);

  g_mutex_lock (&prefetch->lock);
  while (!prefetch->fetched[index].done)
    g_cond_wait (&prefetch->changed, &prefetch->lock);
  page = g_steal_pointer (&prefetch->fetched[index].page);
  if (page == NULL)
    g_propagate_error (error, g_steal_pointer (&prefetch->fetched[index].error));
  g_mutex_unlock (&prefetch->lock);

  return page;
}

/* Stops the fetching threads: those still at work finish the page they
 * are on, unless the import was cancelled. */
void
wenji_prefetch_free (WenjiPrefetch *prefetch)
{
  g_mutex_lock (&prefetch->lock);
  prefetch->next = prefetch->urls->len;
  g_mutex_unlock (&prefetch->lock);

  for (guint i = 0; i < prefetch->threads->len; i++)
    g_thread_join (prefetch->threads->pdata[i]);
  g_ptr_array_unref (prefetch->threads);

  for (guint i = 0; i < prefetch->urls->len; i++) {
    g_clear_pointer (&prefetch->fetched[i].page, wenji_web_page_free);
    g_clear_error (&prefetch->fetched[i].error);
  }
  g_free (prefetch->fetched);
  g_ptr_array_unref (prefetch->urls);
  g_clear_object (&prefetch->cancellable);
  g_mutex_clear (&prefetch->lock);
  g_cond_clear (&prefetch->changed);
  g_free (prefetch);
}
