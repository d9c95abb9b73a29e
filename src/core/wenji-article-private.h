/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wenji-article.h"

G_BEGIN_DECLS

/* Fields only the library sets: identity, bookkeeping and derived values. */
void wenji_article_set_id           (WenjiArticle       *self,
                                     gint64              id);
void wenji_article_set_uuid         (WenjiArticle       *self,
                                     const char         *uuid);
void wenji_article_set_created_at   (WenjiArticle       *self,
                                     const char         *created_at);
void wenji_article_set_updated_at   (WenjiArticle       *self,
                                     const char         *updated_at);
void wenji_article_set_deleted_at   (WenjiArticle       *self,
                                     const char         *deleted_at);
void wenji_article_set_content_hash (WenjiArticle       *self,
                                     const char         *content_hash);
void wenji_article_set_char_count   (WenjiArticle       *self,
                                     guint               char_count);
void wenji_article_set_tags         (WenjiArticle       *self,
                                     const char * const *tags);

G_END_DECLS
