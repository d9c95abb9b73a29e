/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Raise when the tokens change: libraries rebuild their index on open. */
#define WENJI_TOKENIZER_VERSION 3

/* What wenji_tokenize() reports for a token. */
typedef enum {
  WENJI_TOKEN_WORD,      /* a Latin word or a number, folded */
  WENJI_TOKEN_HAN,       /* one Han character, folded to Simplified */
  WENJI_TOKEN_BIGRAM,    /* a Han character and the next, at the first one's position */
  WENJI_TOKEN_BARRIER,   /* punctuation: phrases never match across it */
} WenjiTokenKind;

/* Return FALSE to stop. @start and @end are byte offsets in the text. */
typedef gboolean (*WenjiTokenFunc) (WenjiTokenKind  kind,
                                    const char     *token,
                                    gsize           length,
                                    gsize           start,
                                    gsize           end,
                                    gpointer        user_data);

#define WENJI_TOKEN_BARRIER_TEXT "\x01"

gunichar  wenji_fold_han          (gunichar        c);
char     *wenji_fold_text         (const char     *text);
gunichar  wenji_fold_search_char  (gunichar        c);
char     *wenji_fold_for_search   (const char     *text);
void      wenji_tokenize          (const char     *text,
                                   gsize           length,
                                   gboolean        bigrams,
                                   WenjiTokenFunc  func,
                                   gpointer        user_data);
int       wenji_tokenizer_register (sqlite3       *db);
fts5_api *wenji_fts5_api          (sqlite3        *db);

G_END_DECLS
