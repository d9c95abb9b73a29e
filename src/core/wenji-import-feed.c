/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Feeds as an import source. A feed (RSS 2.0, RSS 1.0 or Atom, read with
 * libxml2) is only a list of links: each new item's page is fetched and
 * imported whole, through the same path as an address given by hand, so
 * it arrives with its fields, its full text and its pictures rather than
 * the feed's excerpt. An item the feed gave before, or whose address the
 * library holds, is not fetched again; a page whose text the library
 * holds is a duplicate. A feed is fetched only when it changed (ETag,
 * Last-Modified), and one that fails says why and leaves the others be.
 */
#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "wenji-error.h"
#include "wenji-import-private.h"
#include "wenji-library-private.h"

#define ATOM_NS "http://www.w3.org/2005/Atom"

void
wenji_feed_item_free (WenjiFeedItem *item)
{
  g_free (item->title);
  g_free (item->link);
  g_free (item);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) node->name, name) == 0;
}

static xmlNode *
find_child (xmlNode    *node,
            const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, name))
      return child;

  return NULL;
}

static char *
child_text (xmlNode    *node,
            const char *name)
{
  xmlNode *child = find_child (node, name);
  xmlChar *content;
  char *text;

  if (child == NULL)
    return NULL;
  content = xmlNodeGetContent (child);
  text = g_strstrip (g_strdup ((const char *) content));
  xmlFree (content);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

/* An Atom entry's page: its link with no rel, or rel="alternate". */
static char *
atom_link (xmlNode *entry)
{
  for (xmlNode *child = entry->children; child != NULL; child = child->next) {
    xmlChar *rel, *href;
    char *link = NULL;

    if (!is_element (child, "link"))
      continue;
    rel = xmlGetProp (child, (const xmlChar *) "rel");
    href = xmlGetProp (child, (const xmlChar *) "href");
    if (href != NULL && (rel == NULL || xmlStrcmp (rel, (const xmlChar *) "alternate") == 0))
      link = g_strstrip (g_strdup ((const char *) href));
    xmlFree (rel);
    xmlFree (href);
    if (link != NULL)
      return link;
  }

  return NULL;
}

static void
add_item (GPtrArray  *items,
          const char *base,
          char       *title,
          char       *link)
{
  g_autofree char *absolute = NULL;

  if (link != NULL)
    absolute = g_uri_resolve_relative (base, link, G_URI_FLAGS_NONE, NULL);
  if (absolute != NULL && wenji_fetch_is_url (absolute)) {
    WenjiFeedItem *item = g_new0 (WenjiFeedItem, 1);

    item->title = g_steal_pointer (&title);
    item->link = g_steal_pointer (&absolute);
    g_ptr_array_add (items, item);
  }
  g_free (title);
  g_free (link);
}

/**
 * wenji_feed_parse:
 * @data: the feed as fetched
 * @base: the feed's address, against which relative links resolve
 * @title: (out) (optional) (transfer full) (nullable): the feed's title
 *
 * Reads the items of an RSS 2.0, RSS 1.0 or Atom feed, in the feed's order.
 *
 * Returns: (transfer full) (element-type WenjiFeedItem): the items, or
 *   %NULL with %WENJI_ERROR_UNSUPPORTED when @data is not a feed
 */
GPtrArray *
wenji_feed_parse (GBytes      *data,
                  const char  *base,
                  char       **title,
                  GError     **error)
{
  g_autoptr (GPtrArray) items =
    g_ptr_array_new_with_free_func ((GDestroyNotify) wenji_feed_item_free);
  gsize length;
  const char *bytes = g_bytes_get_data (data, &length);
  xmlDoc *doc;
  xmlNode *root, *channel;

  /* No network, no entities from outside, no complaints on stderr. */
  doc = xmlReadMemory (bytes, (int) MIN (length, G_MAXINT), base, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL || !(is_element (root, "rss") || is_element (root, "feed") ||
                        is_element (root, "RDF"))) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_UNSUPPORTED,
                 "%s is not a feed: it is neither RSS nor Atom.", base);
    if (doc != NULL)
      xmlFreeDoc (doc);
    return NULL;
  }

  if (is_element (root, "feed")) {
    if (title != NULL)
      *title = child_text (root, "title");
    for (xmlNode *entry = root->children; entry != NULL; entry = entry->next)
      if (is_element (entry, "entry"))
        add_item (items, base, child_text (entry, "title"), atom_link (entry));
  } else {
    /* RSS 2.0 keeps its items in the channel, RSS 1.0 beside it. */
    channel = find_child (root, "channel");
    if (title != NULL)
      *title = channel != NULL ? child_text (channel, "title") : NULL;
    for (xmlNode *parent = channel; parent != NULL; parent = parent == channel ? root : NULL)
      for (xmlNode *item = parent->children; item != NULL; item = item->next) {
        char *link;

        if (!is_element (item, "item"))
          continue;
        link = child_text (item, "link");
        /* A permalink guid stands in for a missing link. */
        if (link == NULL) {
          xmlNode *guid = find_child (item, "guid");
          xmlChar *permalink = guid != NULL ? xmlGetProp (guid, (const xmlChar *) "isPermaLink")
                                            : NULL;

          if (guid != NULL &&
              (permalink == NULL || xmlStrcmp (permalink, (const xmlChar *) "false")))
            link = child_text (item, "guid");
          xmlFree (permalink);
        }
        add_item (items, base, child_text (item, "title"), link);
      }
  }
  xmlFreeDoc (doc);

  return g_steal_pointer (&items);
}

/**
 * wenji_import_add_feed:
 * @url: the feed's address
 *
 * Follows a feed: fetches it once to check that it is one and to learn its
 * title. Its items are imported by wenji_import_update_feeds().
 *
 * Returns: the feed's id, or 0 with @error set
 */
gint64
wenji_import_add_feed (WenjiLibrary  *library,
                       const char    *url,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr (WenjiFetcher) fetcher = wenji_fetcher_new ();
  g_autoptr (WenjiFetchResult) result = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (WENJI_IS_LIBRARY (library), 0);

  result = wenji_fetcher_get_if_changed (fetcher, url, NULL, NULL, cancellable, error);
  if (result == NULL)
    return 0;
  items = wenji_feed_parse (result->body, result->url, &title, error);
  if (items == NULL)
    return 0;

  return wenji_library_add_feed (library, url, title, error);
}

void
wenji_feed_report_free (WenjiFeedReport *report)
{
  g_free (report->url);
  g_free (report->title);
  g_free (report->message);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

/* The items of one feed that the library has not seen, oldest first. */
static GPtrArray *
new_links (WenjiLibrary     *library,
           WenjiFeed        *feed,
           GPtrArray        *items,
           WenjiFeedReport  *report,
           GError          **error)
{
  g_autoptr (GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = items->len; i-- > 0;) {
    WenjiFeedItem *item = items->pdata[i];
    int known;

    if (!g_hash_table_add (seen, item->link))
      continue;
    known = wenji_library_has_feed_item (library, feed->id, item->link, error);
    if (known < 0)
      return NULL;
    if (known > 0)
      continue;

    /* A page the library holds already, imported by hand or by another
     * feed, is not fetched again. */
    known = wenji_import_has_source_url (library, item->link, error);
    if (known < 0 ||
        (known > 0 && !wenji_library_add_feed_item (library, feed->id, item->link, 0, error)))
      return NULL;
    if (known > 0) {
      report->skipped++;
      continue;
    }
    g_ptr_array_add (links, g_strdup (item->link));
  }

  return g_steal_pointer (&links);
}

/* One feed: FALSE only when the library failed. */
static gboolean
update_feed (WenjiLibrary     *library,
             WenjiFetcher     *fetcher,
             WenjiFeed        *feed,
             WenjiFeedReport  *report,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr (WenjiFetchResult) result = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) links = NULL;
  g_autoptr (WenjiPrefetch) prefetch = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *title = NULL;

  result = wenji_fetcher_get_if_changed (fetcher, feed->url, feed->etag, feed->last_modified,
                                         cancellable, &local_error);
  if (result != NULL && result->not_modified) {
    report->not_modified = TRUE;
    return wenji_library_set_feed_checked (library, feed->id, NULL, feed->etag,
                                           feed->last_modified, NULL, error);
  }
  if (result != NULL)
    items = wenji_feed_parse (result->body, result->url, &title, &local_error);
  if (items == NULL) {
    if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
    report->message = g_strdup (local_error->message);
    /* The copy it had stays the one to compare with. */
    return wenji_library_set_feed_checked (library, feed->id, NULL, feed->etag,
                                           feed->last_modified, report->message, error);
  }

  links = new_links (library, feed, items, report, error);
  if (links == NULL)
    return FALSE;

  prefetch = wenji_prefetch_new (links, WENJI_IMPORT_FETCH_THREADS, cancellable);
  for (guint i = 0; i < links->len; i++) {
    const char *link = links->pdata[i];
    g_autoptr (WenjiWebPage) page = NULL;
    g_autoptr (GError) page_error = NULL;
    g_autoptr (WenjiImportReport) stored = wenji_import_report_new ();
    WenjiImportFile *file = g_new0 (WenjiImportFile, 1);
    gboolean library_error = FALSE;

    file->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    file->warnings = g_ptr_array_new_with_free_func (g_free);
    g_ptr_array_add (stored->files, file);

    page = wenji_prefetch_take (prefetch, i, &page_error);
    if (page == NULL || !wenji_import_store_web_page (library, page, 0, file, &library_error,
                                                      &page_error)) {
      if (library_error || g_error_matches (page_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
        g_propagate_error (error, g_steal_pointer (&page_error));
        return FALSE;
      }
      /* Tried again at the next update. */
      report->failed++;
      g_ptr_array_add (report->problems, g_strdup (page_error->message));
      continue;
    }

    for (guint k = 0; k < file->warnings->len; k++)
      g_ptr_array_add (report->problems, g_strdup (file->warnings->pdata[k]));
    if (!wenji_library_add_feed_item (library, feed->id, link,
                                      file->ids->len > 0 ? g_array_index (file->ids, gint64, 0)
                                                         : 0,
                                      error))
      return FALSE;
    if (file->ids->len > 0)
      report->imported++;
    else
      report->skipped++;
  }

  g_free (report->title);
  report->title = g_strdup (title != NULL ? title : feed->title);

  return wenji_library_set_feed_checked (library, feed->id, title, result->etag,
                                         result->last_modified, NULL, error);
}

/**
 * wenji_import_update_feeds:
 * @feed_id: the feed to update, or 0 for every feed
 * @progress: (nullable): called after each feed, in the updating thread
 *
 * Imports the new items of followed feeds. A feed that cannot be fetched
 * or read gets its reason in the report and in the library, and the
 * others are updated all the same.
 *
 * Returns: (transfer full) (element-type WenjiFeedReport): one report per
 *   feed, or %NULL with @error set when the library failed or the update
 *   was cancelled
 */
GPtrArray *
wenji_import_update_feeds (WenjiLibrary         *library,
                           gint64                feed_id,
                           WenjiImportProgress   progress,
                           gpointer              user_data,
                           GCancellable         *cancellable,
                           GError              **error)
{
  g_autoptr (GPtrArray) feeds = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (WenjiFetcher) fetcher = wenji_fetcher_new ();

  g_return_val_if_fail (WENJI_IS_LIBRARY (library), NULL);

  if (feed_id > 0) {
    WenjiFeed *feed = wenji_library_get_feed (library, feed_id, error);

    if (feed == NULL)
      return NULL;
    feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) wenji_feed_free);
    g_ptr_array_add (feeds, feed);
  } else if ((feeds = wenji_library_list_feeds (library, error)) == NULL) {
    return NULL;
  }

  reports = g_ptr_array_new_with_free_func ((GDestroyNotify) wenji_feed_report_free);
  for (guint i = 0; i < feeds->len; i++) {
    WenjiFeed *feed = feeds->pdata[i];
    WenjiFeedReport *report = g_new0 (WenjiFeedReport, 1);

    report->feed_id = feed->id;
    report->url = g_strdup (feed->url);
    report->title = g_strdup (feed->title);
    report->problems = g_ptr_array_new_with_free_func (g_free);
    g_ptr_array_add (reports, report);

    if (!update_feed (library, fetcher, feed, report, cancellable, error))
      return NULL;
    if (progress != NULL)
      progress (i + 1, feeds->len, feed->url, user_data);
  }

  return g_steal_pointer (&reports);
}

typedef struct {
  char                *library_path;
  gint64               feed_id;
  WenjiImportProgress  progress;
  gpointer             progress_data;
} UpdateJob;

static void
update_job_free (UpdateJob *job)
{
  g_free (job->library_path);
  g_free (job);
}

static void
update_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  UpdateJob *job = task_data;
  g_autoptr (WenjiLibrary) library = NULL;
  GPtrArray *reports;
  GError *error = NULL;

  if ((library = wenji_library_open (job->library_path, &error)) == NULL) {
    g_task_return_error (task, error);
    return;
  }

  reports = wenji_import_update_feeds (library, job->feed_id, job->progress, job->progress_data,
                                       cancellable, &error);
  if (reports == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, reports, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * wenji_import_update_feeds_async:
 * @library_path: the library file; the update opens its own connection
 *
 * Runs wenji_import_update_feeds() in a thread.
 */
void
wenji_import_update_feeds_async (const char           *library_path,
                                 gint64                feed_id,
                                 WenjiImportProgress   progress,
                                 gpointer              progress_data,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  UpdateJob *job = g_new0 (UpdateJob, 1);

  job->library_path = g_strdup (library_path);
  job->feed_id = feed_id;
  job->progress = progress;
  job->progress_data = progress_data;

  g_task_set_source_tag (task, wenji_import_update_feeds_async);
  g_task_set_task_data (task, job, (GDestroyNotify) update_job_free);
  g_task_run_in_thread (task, update_thread);
}

/**
 * wenji_import_update_feeds_finish:
 *
 * Returns: (transfer full) (element-type WenjiFeedReport): the reports
 */
GPtrArray *
wenji_import_update_feeds_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
