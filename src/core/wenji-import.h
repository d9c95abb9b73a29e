/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "wenji-library.h"

G_BEGIN_DECLS

typedef enum {
  WENJI_IMPORT_FLAGS_NONE = 0,
  /* Import articles even when an article with the same body exists. */
  WENJI_IMPORT_KEEP_DUPLICATES = 1 << 0,
  /* Leave a web page's or text file's punctuation as it was. */
  WENJI_IMPORT_KEEP_PUNCTUATION = 1 << 1,
} WenjiImportFlags;

typedef enum {
  WENJI_IMPORT_IMPORTED,
  WENJI_IMPORT_DUPLICATE,
  WENJI_IMPORT_FAILED,
} WenjiImportOutcome;

/**
 * WenjiImportFile:
 * @path: the file as given or found in a folder
 * @outcome: what happened to it
 * @imported: articles it added (a .jsonl file may add many)
 * @duplicates: articles it held that were already in the library
 * @ids: (element-type gint64): the ids of the added articles
 * @message: (nullable): why it failed, for the user
 * @warnings: (element-type utf8): what it lacks though it was imported:
 *   pictures of a page that could not be fetched
 */
typedef struct {
  char               *path;
  WenjiImportOutcome  outcome;
  guint               imported;
  guint               duplicates;
  GArray             *ids;
  char               *message;
  GPtrArray          *warnings;
} WenjiImportFile;

/**
 * WenjiImportReport:
 * @files: (element-type WenjiImportFile): one entry per file, in order
 * @cancelled: the import stopped early; the files listed were handled
 */
typedef struct {
  guint      imported;
  guint      duplicates;
  guint      failed;
  GPtrArray *files;
  gboolean   cancelled;
} WenjiImportReport;

WenjiImportReport *wenji_import_report_new  (void);
void               wenji_import_report_free (WenjiImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WenjiImportReport, wenji_import_report_free)

/**
 * WenjiImportProgress:
 * @done: files handled so far
 * @total: files found
 * @path: the file just handled
 *
 * Called after each file, from the thread that imports.
 */
typedef void (*WenjiImportProgress) (guint       done,
                                     guint       total,
                                     const char *path,
                                     gpointer    user_data);

/**
 * WenjiImportParser:
 * @name: the file or address the text came from
 * @text: the decoded text, UTF-8
 *
 * Returns: (transfer full) (element-type WenjiArticle): the articles, or
 *   %NULL with @error set
 */
typedef GPtrArray *(*WenjiImportParser) (const char  *name,
                                         const char  *text,
                                         GError     **error);

/**
 * WenjiImportFormat:
 * @suffix: the file name suffix, without the dot
 * @mime_type: the MIME type of such a file
 * @markup: a web page: its `<meta charset>` counts when decoding
 * @scraped: text taken from the web, whose half-width punctuation between
 *   Chinese characters is widened on import (one revision keeps the text
 *   as it came)
 * @parse: turns the decoded text into articles
 *
 * One row of the import table: what kind of file Wenji imports and how.
 */
typedef struct {
  const char        *suffix;
  const char        *mime_type;
  gboolean           markup;
  gboolean           scraped;
  WenjiImportParser  parse;
} WenjiImportFormat;

const WenjiImportFormat *wenji_import_format_get           (guint        index);
const WenjiImportFormat *wenji_import_format_for_path      (const char  *path);
const WenjiImportFormat *wenji_import_format_for_mime_type (const char  *mime_type);
char                    *wenji_import_format_list_suffixes (void);

GPtrArray         *wenji_import_parse_bytes   (const WenjiImportFormat  *format,
                                               const char               *name,
                                               const char               *data,
                                               gsize                     length,
                                               const char               *charset,
                                               GError                  **error);
GPtrArray         *wenji_import_collect_files (const char * const  *paths,
                                               GError             **error);
GPtrArray         *wenji_import_parse_file    (const char          *path,
                                               GError             **error);
WenjiImportReport *wenji_import_paths         (WenjiLibrary        *library,
                                               const char * const  *paths,
                                               WenjiImportFlags     flags,
                                               WenjiImportProgress  progress,
                                               gpointer             user_data,
                                               GCancellable        *cancellable,
                                               GError             **error);
void               wenji_import_paths_async   (const char          *library_path,
                                               const char * const  *paths,
                                               WenjiImportFlags     flags,
                                               WenjiImportProgress  progress,
                                               gpointer             progress_data,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
WenjiImportReport *wenji_import_paths_finish  (GAsyncResult        *result,
                                               GError             **error);

/**
 * WenjiFeedItem:
 * @title: (nullable): the item's title
 * @link: its page's address
 */
typedef struct {
  char *title;
  char *link;
} WenjiFeedItem;

void       wenji_feed_item_free (WenjiFeedItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WenjiFeedItem, wenji_feed_item_free)

GPtrArray *wenji_feed_parse     (GBytes         *data,
                                 const char     *base,
                                 char          **title,
                                 GError        **error);

/**
 * WenjiFeedReport:
 * @feed_id: the feed
 * @url: its address
 * @title: (nullable): its title
 * @imported: new articles
 * @skipped: items whose page or text the library held already
 * @failed: items whose page could not be fetched or read (tried again at
 *   the next update)
 * @not_modified: the feed had not changed since the last update
 * @message: (nullable): why the feed itself could not be read
 * @problems: (element-type utf8): what went wrong with its items
 *
 * What one feed's update did.
 */
typedef struct {
  gint64     feed_id;
  char      *url;
  char      *title;
  guint      imported;
  guint      skipped;
  guint      failed;
  gboolean   not_modified;
  char      *message;
  GPtrArray *problems;
} WenjiFeedReport;

void       wenji_feed_report_free           (WenjiFeedReport      *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WenjiFeedReport, wenji_feed_report_free)

gint64     wenji_import_add_feed            (WenjiLibrary         *library,
                                             const char           *url,
                                             GCancellable         *cancellable,
                                             GError              **error);
GPtrArray *wenji_import_update_feeds        (WenjiLibrary         *library,
                                             gint64                feed_id,
                                             WenjiImportProgress   progress,
                                             gpointer              user_data,
                                             GCancellable         *cancellable,
                                             GError              **error);
void       wenji_import_update_feeds_async  (const char           *library_path,
                                             gint64                feed_id,
                                             WenjiImportProgress   progress,
                                             gpointer              progress_data,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray *wenji_import_update_feeds_finish (GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
