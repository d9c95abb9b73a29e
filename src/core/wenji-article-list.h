/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "wenji-library.h"

G_BEGIN_DECLS

typedef enum {
  WENJI_ARTICLE_FILTER_ALL,
  WENJI_ARTICLE_FILTER_DRAFT,
  WENJI_ARTICLE_FILTER_READY,
  WENJI_ARTICLE_FILTER_PUBLISHED,
  WENJI_ARTICLE_FILTER_TRASH,
} WenjiArticleFilter;

typedef enum {
  WENJI_ARTICLE_SORT_UPDATED,
  WENJI_ARTICLE_SORT_PUBLISHED,
  WENJI_ARTICLE_SORT_TITLE,
  WENJI_ARTICLE_SORT_LENGTH,
} WenjiArticleSort;

GType wenji_article_filter_get_type (void) G_GNUC_CONST;
GType wenji_article_sort_get_type (void) G_GNUC_CONST;
#define WENJI_TYPE_ARTICLE_FILTER (wenji_article_filter_get_type ())
#define WENJI_TYPE_ARTICLE_SORT (wenji_article_sort_get_type ())

/* One row of the article list: what a list shows, loaded on demand. */
#define WENJI_TYPE_ARTICLE_SUMMARY (wenji_article_summary_get_type ())

G_DECLARE_FINAL_TYPE (WenjiArticleSummary, wenji_article_summary, WENJI, ARTICLE_SUMMARY, GObject)

gint64      wenji_article_summary_get_id           (WenjiArticleSummary *self);
const char *wenji_article_summary_get_title        (WenjiArticleSummary *self);
const char *wenji_article_summary_get_source       (WenjiArticleSummary *self);
const char *wenji_article_summary_get_published_at (WenjiArticleSummary *self);
const char *wenji_article_summary_get_updated_at   (WenjiArticleSummary *self);
const char *wenji_article_summary_get_status       (WenjiArticleSummary *self);
const char *wenji_article_summary_get_lang         (WenjiArticleSummary *self);
guint       wenji_article_summary_get_char_count   (WenjiArticleSummary *self);
const char *wenji_article_summary_get_tags         (WenjiArticleSummary *self);

#define WENJI_TYPE_ARTICLE_LIST (wenji_article_list_get_type ())

G_DECLARE_FINAL_TYPE (WenjiArticleList, wenji_article_list, WENJI, ARTICLE_LIST, GObject)

WenjiArticleList   *wenji_article_list_new        (WenjiLibrary       *library);
WenjiLibrary       *wenji_article_list_get_library (WenjiArticleList  *self);
WenjiArticleFilter  wenji_article_list_get_filter (WenjiArticleList   *self);
void                wenji_article_list_set_filter (WenjiArticleList   *self,
                                                   WenjiArticleFilter  filter);
const char         *wenji_article_list_get_tag    (WenjiArticleList   *self);
void                wenji_article_list_set_tag    (WenjiArticleList   *self,
                                                   const char         *tag);
gint64              wenji_article_list_get_feed_id (WenjiArticleList  *self);
void                wenji_article_list_set_feed_id (WenjiArticleList  *self,
                                                    gint64             feed_id);
WenjiArticleSort    wenji_article_list_get_sort   (WenjiArticleList   *self);
void                wenji_article_list_set_sort   (WenjiArticleList   *self,
                                                   WenjiArticleSort    sort);
gint64              wenji_article_list_get_id     (WenjiArticleList   *self,
                                                   guint               position);
gboolean            wenji_article_list_find       (WenjiArticleList   *self,
                                                   gint64              id,
                                                   guint              *position);
guint               wenji_article_list_get_n_loaded (WenjiArticleList *self);
gboolean            wenji_article_list_reload     (WenjiArticleList   *self,
                                                   GError            **error);

G_END_DECLS
