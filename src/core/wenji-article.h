/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WENJI_STATUS_DRAFT     "draft"
#define WENJI_STATUS_READY     "ready"
#define WENJI_STATUS_PUBLISHED "published"

#define WENJI_TYPE_ARTICLE (wenji_article_get_type ())

G_DECLARE_FINAL_TYPE (WenjiArticle, wenji_article, WENJI, ARTICLE, GObject)

WenjiArticle       *wenji_article_new              (void);
WenjiArticle       *wenji_article_copy             (WenjiArticle *self);

gint64              wenji_article_get_id           (WenjiArticle *self);
const char         *wenji_article_get_uuid         (WenjiArticle *self);
const char         *wenji_article_get_title        (WenjiArticle *self);
void                wenji_article_set_title        (WenjiArticle *self,
                                                    const char   *title);
const char         *wenji_article_get_body         (WenjiArticle *self);
void                wenji_article_set_body         (WenjiArticle *self,
                                                    const char   *body);
const char         *wenji_article_get_author       (WenjiArticle *self);
void                wenji_article_set_author       (WenjiArticle *self,
                                                    const char   *author);
const char         *wenji_article_get_source       (WenjiArticle *self);
void                wenji_article_set_source       (WenjiArticle *self,
                                                    const char   *source);
const char         *wenji_article_get_source_url   (WenjiArticle *self);
void                wenji_article_set_source_url   (WenjiArticle *self,
                                                    const char   *source_url);
const char         *wenji_article_get_editor       (WenjiArticle *self);
void                wenji_article_set_editor       (WenjiArticle *self,
                                                    const char   *editor);
const char         *wenji_article_get_published_at (WenjiArticle *self);
void                wenji_article_set_published_at (WenjiArticle *self,
                                                    const char   *published_at);
const char         *wenji_article_get_status       (WenjiArticle *self);
void                wenji_article_set_status       (WenjiArticle *self,
                                                    const char   *status);
const char         *wenji_article_get_lang         (WenjiArticle *self);
void                wenji_article_set_lang         (WenjiArticle *self,
                                                    const char   *lang);
const char         *wenji_article_get_summary      (WenjiArticle *self);
void                wenji_article_set_summary      (WenjiArticle *self,
                                                    const char   *summary);
const char         *wenji_article_get_created_at   (WenjiArticle *self);
const char         *wenji_article_get_updated_at   (WenjiArticle *self);
const char         *wenji_article_get_deleted_at   (WenjiArticle *self);
const char         *wenji_article_get_content_hash (WenjiArticle *self);
guint               wenji_article_get_char_count   (WenjiArticle *self);
const char * const *wenji_article_get_tags         (WenjiArticle *self);
gboolean            wenji_article_is_trashed       (WenjiArticle *self);

gboolean            wenji_status_is_valid          (const char   *status);

G_END_DECLS
