/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Raise when the tokens change: libraries rebuild their index on open. */
#define WENJI_TOKENIZER_VERSION 4

/* What wenji_tokenize() reports for a token. */
typedef enum {
  WENJI_TOKEN_WORD,      /* a Latin word or a number, folded */
  WENJI_TOKEN_HAN,       /* one Han character, folded to Simplified */
  WENJI_TOKEN_BIGRAM,    /* index only: a common Han character and the next, beside the first */
  WENJI_TOKEN_PREFIX,    /* index only: the first characters of a word, marked, beside it */
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

/* A prefix token is the first 1 to WENJI_TOKEN_PREFIX_MAX_CHARS characters
 * of a word, then this mark. */
#define WENJI_TOKEN_PREFIX_MARK      "\x02"
#define WENJI_TOKEN_PREFIX_MAX_CHARS 8

char     *wenji_fold_text         (const char     *text);
gunichar  wenji_fold_search_char  (gunichar        c);
char     *wenji_fold_for_search   (const char     *text);
gboolean  wenji_han_pair_indexed  (gunichar        first,
                                   gunichar        second);
char     *wenji_token_prefix      (const char     *word);
void      wenji_tokenize          (const char     *text,
                                   gsize           length,
                                   gboolean        colocated,
                                   WenjiTokenFunc  func,
                                   gpointer        user_data);
int       wenji_tokenizer_register (sqlite3       *db);
fts5_api *wenji_fts5_api          (sqlite3        *db);

G_END_DECLS
