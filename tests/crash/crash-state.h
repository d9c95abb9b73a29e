/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The state of one article as the crash driver reports it and the harness
 * checks it: one token, "SHA256:TRASH:TAGS", where SHA256 is the digest of
 * the title, a NUL and the body, TRASH is 0 or 1 and TAGS the sorted tags
 * joined by commas. A deleted article is "gone".
 */
#pragma once

#include "wenji-core.h"

G_BEGIN_DECLS

#define CRASH_STATE_GONE "gone"

char *crash_state_new         (const char         *title,
                               const char         *body,
                               gboolean            trashed,
                               const char * const *tags);
char *crash_state_of_article  (WenjiArticle       *article);

G_END_DECLS
