/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "wenji-article.h"

G_BEGIN_DECLS

#define WENJI_SCHEMA_VERSION 2

/**
 * WenjiTagCount:
 * @name: the tag as the user wrote it
 * @count: articles outside the Trash that carry it
 */
typedef struct {
  char  *name;
  guint  count;
} WenjiTagCount;

void wenji_tag_count_free (WenjiTagCount *tag);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WenjiTagCount, wenji_tag_count_free)

/**
 * WenjiStatusCounts:
 *
 * How many articles each smart list of the sidebar holds.
 */
typedef struct {
  guint all;
  guint draft;
  guint ready;
  guint published;
  guint trash;
} WenjiStatusCounts;

#define WENJI_TYPE_LIBRARY (wenji_library_get_type ())

G_DECLARE_FINAL_TYPE (WenjiLibrary, wenji_library, WENJI, LIBRARY, GObject)

/**
 * WenjiLibraryProgress:
 * @fraction: how much is done, from 0 to 1
 */
typedef void (*WenjiLibraryProgress) (double   fraction,
                                      gpointer user_data);

char         *wenji_library_default_path     (void);
WenjiLibrary *wenji_library_open             (const char    *path,
                                              GError       **error);
WenjiLibrary *wenji_library_open_with_progress (const char           *path,
                                                WenjiLibraryProgress  progress,
                                                gpointer              user_data,
                                                GError              **error);
void          wenji_library_open_async       (const char           *path,
                                              WenjiLibraryProgress  progress,
                                              gpointer              progress_data,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
WenjiLibrary *wenji_library_open_finish      (GAsyncResult  *result,
                                              GError       **error);
const char   *wenji_library_get_path         (WenjiLibrary  *self);

gboolean      wenji_library_begin            (WenjiLibrary  *self,
                                              GError       **error);
gboolean      wenji_library_commit           (WenjiLibrary  *self,
                                              GError       **error);
void          wenji_library_rollback         (WenjiLibrary  *self);

gboolean      wenji_library_insert_article   (WenjiLibrary  *self,
                                              WenjiArticle  *article,
                                              GError       **error);
WenjiArticle *wenji_library_load_article     (WenjiLibrary  *self,
                                              gint64         id,
                                              GError       **error);
gboolean      wenji_library_update_article   (WenjiLibrary  *self,
                                              WenjiArticle  *article,
                                              GError       **error);
gboolean      wenji_library_trash_article    (WenjiLibrary  *self,
                                              gint64         id,
                                              GError       **error);
gboolean      wenji_library_restore_article  (WenjiLibrary  *self,
                                              gint64         id,
                                              GError       **error);
gboolean      wenji_library_delete_article   (WenjiLibrary  *self,
                                              gint64         id,
                                              GError       **error);
gboolean      wenji_library_empty_trash      (WenjiLibrary  *self,
                                              GError       **error);
gboolean      wenji_library_count_articles   (WenjiLibrary  *self,
                                              WenjiStatusCounts *counts,
                                              GError       **error);

gboolean      wenji_library_add_tag          (WenjiLibrary  *self,
                                              gint64         article_id,
                                              const char    *name,
                                              GError       **error);
gboolean      wenji_library_remove_tag       (WenjiLibrary  *self,
                                              gint64         article_id,
                                              const char    *name,
                                              GError       **error);
gboolean      wenji_library_rename_tag       (WenjiLibrary  *self,
                                              const char    *old_name,
                                              const char    *new_name,
                                              GError       **error);
gboolean      wenji_library_merge_tags       (WenjiLibrary  *self,
                                              const char    *from,
                                              const char    *into,
                                              GError       **error);
gboolean      wenji_library_delete_tag       (WenjiLibrary  *self,
                                              const char    *name,
                                              GError       **error);
GPtrArray    *wenji_library_list_tags        (WenjiLibrary  *self,
                                              GError       **error);
GStrv         wenji_library_get_article_tags (WenjiLibrary  *self,
                                              gint64         article_id,
                                              GError       **error);
char         *wenji_tag_key                  (const char    *name);

gboolean      wenji_library_check            (WenjiLibrary  *self,
                                              GPtrArray     *problems,
                                              GError       **error);

void          wenji_library_changed          (WenjiLibrary  *self,
                                              gint64         article_id);

/**
 * WenjiFeed:
 * @id: its id
 * @url: its address
 * @title: (nullable): what it calls itself
 * @etag: (nullable): the ETag of its last copy
 * @last_modified: (nullable): the Last-Modified date of its last copy
 * @checked_at: (nullable): when it was last fetched
 * @error: (nullable): why it could not be read then
 * @unread: articles it gave that have not been opened
 *
 * A followed feed.
 */
typedef struct {
  gint64  id;
  char   *url;
  char   *title;
  char   *etag;
  char   *last_modified;
  char   *checked_at;
  char   *error;
  guint   unread;
} WenjiFeed;

void          wenji_feed_free                (WenjiFeed     *feed);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WenjiFeed, wenji_feed_free)

/* Followed feeds, in wenji-library-feeds.c. */
GPtrArray    *wenji_library_list_feeds       (WenjiLibrary  *self,
                                              GError       **error);
WenjiFeed    *wenji_library_get_feed         (WenjiLibrary  *self,
                                              gint64         id,
                                              GError       **error);
gint64        wenji_library_add_feed         (WenjiLibrary  *self,
                                              const char    *url,
                                              const char    *title,
                                              GError       **error);
gboolean      wenji_library_remove_feed      (WenjiLibrary  *self,
                                              gint64         id,
                                              GError       **error);
gboolean      wenji_library_set_feed_checked (WenjiLibrary  *self,
                                              gint64         id,
                                              const char    *title,
                                              const char    *etag,
                                              const char    *last_modified,
                                              const char    *problem,
                                              GError       **error);
int           wenji_library_has_feed_item    (WenjiLibrary  *self,
                                              gint64         id,
                                              const char    *link,
                                              GError       **error);
gboolean      wenji_library_add_feed_item    (WenjiLibrary  *self,
                                              gint64         id,
                                              const char    *link,
                                              gint64         article_id,
                                              GError       **error);
gboolean      wenji_library_mark_read        (WenjiLibrary  *self,
                                              gint64         article_id,
                                              GError       **error);

/* Pictures that came with articles, in wenji-library-assets.c. */
char         *wenji_library_add_asset            (WenjiLibrary  *self,
                                                  GBytes        *data,
                                                  const char    *mime_type,
                                                  const char    *source_url,
                                                  GError       **error);
GBytes       *wenji_library_load_asset           (WenjiLibrary  *self,
                                                  const char    *hash,
                                                  char         **mime_type,
                                                  GError       **error);
gboolean      wenji_library_cache_assets         (WenjiLibrary  *self,
                                                  const char    *body,
                                                  GError       **error);
gboolean      wenji_library_forget_unused_assets (WenjiLibrary  *self,
                                                  GError       **error);
gint64        wenji_library_count_assets         (WenjiLibrary  *self,
                                                  GError       **error);
char         *wenji_asset_cache_path             (const char    *hash);
GPtrArray    *wenji_asset_refs                   (const char    *text);

G_END_DECLS
