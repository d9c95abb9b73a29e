/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "wenji-core.h"

G_BEGIN_DECLS

#define WENJI_TYPE_SEARCH_RESULT (wenji_search_result_get_type ())

G_DECLARE_FINAL_TYPE (WenjiSearchResult, wenji_search_result, WENJI, SEARCH_RESULT, GObject)

WenjiSearchResult *wenji_search_result_new            (const WenjiSearchHit *hit);
gint64             wenji_search_result_get_id         (WenjiSearchResult    *self);
const char        *wenji_search_result_get_title      (WenjiSearchResult    *self);
const char        *wenji_search_result_get_snippet    (WenjiSearchResult    *self);
const char        *wenji_search_result_get_lang       (WenjiSearchResult    *self);
char              *wenji_search_result_format_snippet (const char           *snippet);

G_END_DECLS
