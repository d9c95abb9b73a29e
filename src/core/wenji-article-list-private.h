/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wenji-article-list.h"
#include "wenji-library-private.h"

G_BEGIN_DECLS

WenjiArticleSummary *wenji_article_summary_load    (WenjiLibrary         *library,
                                                    gint64                id,
                                                    GError              **error);
gboolean             wenji_article_summary_refresh (WenjiArticleSummary  *self,
                                                    WenjiLibrary         *library,
                                                    GError              **error);

G_END_DECLS
