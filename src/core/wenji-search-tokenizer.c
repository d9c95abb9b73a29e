/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The search tokenizer, for SQLite FTS5 and for the query parser.
 *
 * Chinese has no spaces between words, and most words are two characters.
 * Each Han character (folded from Traditional to Simplified one code point
 * at a time, so offsets stay where they were) gives one token at its
 * position: the bigram of it and the next character when that is Han too,
 * else the character alone. A query of two or more characters looks up
 * consecutive bigrams, whose lists are short; a single character is a prefix
 * query, which finds it first in a bigram or alone. One token per character
 * keeps the index small and the import fast.
 *
 * Latin letters and digits are NFKC-normalised and case-folded, and split
 * where letters meet digits (ＡＰＰＬＥ = apple, iPhone１５ = iphone 15),
 * except in identifiers (see is_identifier()), which stay one token.
 * Punctuation is a token of its own that no query asks for, so a phrase
 * never matches across it.
 */
#include "config.h"

#include <opencc.h>

#include "wenji-text.h"
#include "wenji-search-tokenizer.h"

/* The Simplified form of each code point of the Basic Multilingual Plane
 * (0: the same), and of the few beyond it that have one. */
typedef struct {
  guint16    *bmp;
  GHashTable *astral;
} FoldTable;

static FoldTable *fold_table;

static void
add_block (GString  *text,
           GArray   *chars,
           gunichar  first,
           gunichar  last)
{
  for (gunichar c = first; c <= last; c++) {
    if (!g_unichar_isdefined (c))
      continue;
    g_array_append_val (chars, c);
    g_string_append_unichar (text, c);
    g_string_append_c (text, '\n');
  }
}

static gpointer
build_fold_table (gpointer data)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autofree char *converted = NULL;
  g_auto (GStrv) lines = NULL;
  FoldTable *table = g_new0 (FoldTable, 1);

  table->bmp = g_new0 (guint16, 0x10000);
  table->astral = g_hash_table_new (NULL, NULL);

  /* One character a line: OpenCC's phrase tables never join across lines,
   * so each character gets its own most usual Simplified form. */
  add_block (text, chars, 0x3400, 0x4DBF);
  add_block (text, chars, 0x4E00, 0x9FFF);
  add_block (text, chars, 0xF900, 0xFAFF);
  add_block (text, chars, 0x20000, 0x2A6DF);

  converted = wenji_text_convert ("t2s", text->str, NULL);
  if (converted == NULL)
    return table;

  lines = g_strsplit (converted, "\n", -1);
  for (guint i = 0; i < chars->len && lines[i] != NULL; i++) {
    gunichar from = g_array_index (chars, gunichar, i);
    gunichar to = g_utf8_get_char (lines[i]);

    if (g_utf8_strlen (lines[i], -1) != 1 || to == from)
      continue;
    if (from < 0x10000 && to < 0x10000)
      table->bmp[from] = (guint16) to;
    else
      g_hash_table_insert (table->astral, GUINT_TO_POINTER (from), GUINT_TO_POINTER (to));
  }

  return table;
}

/**
 * wenji_fold_han:
 *
 * Returns: the Simplified form of a Han character, or @c itself
 */
gunichar
wenji_fold_han (gunichar c)
{
  static GOnce once = G_ONCE_INIT;
  gpointer folded;

  fold_table = g_once (&once, build_fold_table, NULL);

  if (c < 0x10000)
    return fold_table->bmp[c] ? fold_table->bmp[c] : c;

  folded = g_hash_table_lookup (fold_table->astral, GUINT_TO_POINTER (c));

  return folded ? GPOINTER_TO_UINT (folded) : c;
}

/**
 * wenji_fold_text:
 *
 * Folds every Han character of @text to Simplified, one code point for one,
 * as the index sees it.
 *
 * Returns: (transfer full): the folded text, as long in characters as @text
 */
char *
wenji_fold_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    g_string_append_unichar (out, wenji_fold_han (g_utf8_get_char (p)));

  return g_string_free (out, FALSE);
}

/**
 * wenji_fold_search_char:
 *
 * Returns: @c as search compares it: Han folded to Simplified, full-width
 *   ASCII to ASCII, lower case; one character for one
 */
gunichar
wenji_fold_search_char (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    c -= 0xFEE0;

  return g_unichar_tolower (wenji_fold_han (c));
}

/**
 * wenji_fold_for_search:
 *
 * Returns: (transfer full): @text with every character folded by
 *   wenji_fold_search_char(), as long in characters as @text
 */
char *
wenji_fold_for_search (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    g_string_append_unichar (out, wenji_fold_search_char (g_utf8_get_char (p)));

  return g_string_free (out, FALSE);
}

typedef enum {
  CLASS_SPACE,
  CLASS_PUNCT,
  CLASS_HAN,
  CLASS_LETTER,
  CLASS_DIGIT,
} CharClass;

static CharClass
classify (gunichar c)
{
  /* Most characters of Chinese text: skip the Unicode tables. */
  if (c >= 0x4E00 && c <= 0x9FFF)
    return CLASS_HAN;
  if (c < 0x80) {
    if (g_ascii_isalpha (c))
      return CLASS_LETTER;
    if (g_ascii_isdigit (c))
      return CLASS_DIGIT;
    if (g_ascii_isspace (c) || g_ascii_iscntrl (c))
      return CLASS_SPACE;
    return CLASS_PUNCT;
  }

  switch (g_unichar_get_script (c)) {
  case G_UNICODE_SCRIPT_HAN:
  case G_UNICODE_SCRIPT_HIRAGANA:
  case G_UNICODE_SCRIPT_KATAKANA:
  case G_UNICODE_SCRIPT_HANGUL:
  case G_UNICODE_SCRIPT_BOPOMOFO:
    if (g_unichar_isalpha (c))
      return CLASS_HAN;
    break;
  default:
    break;
  }

  if (g_unichar_isdigit (c))
    return CLASS_DIGIT;
  if (g_unichar_isalpha (c) || g_unichar_ismark (c))
    return CLASS_LETTER;
  if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
    return CLASS_SPACE;

  return CLASS_PUNCT;
}

/*
 * A run of letters and digits is an identifier, one token, when it is at
 * least IDENTIFIER_MIN_CHARS characters long and letters and digits take
 * turns at least twice in it (three parts or more): video ids, hashes,
 * tracking codes. Split like a word, the random letters and digits of
 * "VIDEFHsXOin5GmxQNdl2a0iR220929" hold "5" followed by "gmxqndl", which a
 * search for 5G finds. The words people write with letters and digits
 * (5G, G20, MP3, H5N1, Win10, C919, iPhone14ProMax, AdobePhotoshopCS2) are
 * shorter or have fewer parts, and keep matching their parts. In the
 * benchmark corpus such words are at most 17 characters and the ids 30.
 */
#define IDENTIFIER_MIN_CHARS 16
#define IDENTIFIER_MIN_PARTS 3

/* The class of the character at @p, CLASS_SPACE at the end or on a byte
 * that is not UTF-8. */
static CharClass
class_at (const char *p,
          const char *end)
{
  gunichar c;

  if (p >= end)
    return CLASS_SPACE;
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return CLASS_SPACE;

  return classify (c);
}

/* The end of the letters (with their marks) or the digits that start at @p. */
static const char *
part_end (const char *p,
          const char *end)
{
  CharClass class = class_at (p, end);

  while (p < end) {
    gunichar d = g_utf8_get_char_validated (p, end - p);

    if (d == (gunichar) -1 || d == (gunichar) -2)
      break;
    /* Marks stay with their letter; letters and digits part. */
    if (classify (d) != class && !(class == CLASS_LETTER && g_unichar_ismark (d)))
      break;
    p = g_utf8_next_char (p);
  }

  return p;
}

static gboolean
is_identifier (const char *run,
               const char *run_end)
{
  guint n_parts = 0;

  if (g_utf8_strlen (run, run_end - run) < IDENTIFIER_MIN_CHARS)
    return FALSE;
  for (const char *p = run; p < run_end; p = part_end (p, run_end))
    n_parts++;

  return n_parts >= IDENTIFIER_MIN_PARTS;
}

/* Emits a Latin run, normalised and case-folded. */
static gboolean
emit_word (const char     *text,
           gsize           start,
           gsize           end,
           WenjiTokenFunc  func,
           gpointer        user_data)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  char ascii[64];
  gsize length = end - start;
  gboolean plain = length < sizeof ascii;

  /* Plain ASCII needs no normalisation: lower-case it in place. */
  for (gsize i = 0; plain && i < length; i++) {
    plain = (guchar) text[start + i] < 0x80;
    ascii[i] = g_ascii_tolower (text[start + i]);
  }
  if (plain)
    return func (WENJI_TOKEN_WORD, ascii, length, start, end, user_data);

  normal = g_utf8_normalize (text + start, length, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (normal ? normal : "", -1);
  if (*folded == '\0')
    return TRUE;

  return func (WENJI_TOKEN_WORD, folded, strlen (folded), start, end, user_data);
}

/**
 * wenji_tokenize:
 * @text: UTF-8 text
 * @length: its length in bytes
 * @bigrams: report each Han character followed by another as the bigram of
 *   the two, as documents are indexed; else every character alone
 *
 * Splits @text into search tokens, calling @func for each in order.
 */
void
wenji_tokenize (const char     *text,
                gsize           length,
                gboolean        bigrams,
                WenjiTokenFunc  func,
                gpointer        user_data)
{
  const char *end = text + length;
  const char *p = text;
  gboolean last_was_barrier = TRUE;

  while (p < end) {
    gunichar c = g_utf8_get_char_validated (p, end - p);
    const char *next;
    CharClass class;

    if (c == (gunichar) -1 || c == (gunichar) -2) {
      p++;
      continue;
    }

    next = g_utf8_next_char (p);
    class = classify (c);

    if (class == CLASS_HAN) {
      char token[12];
      gsize n = g_unichar_to_utf8 (wenji_fold_han (c), token);
      WenjiTokenKind kind = WENJI_TOKEN_HAN;
      const char *token_end = next;

      if (bigrams && next < end) {
        gunichar c2 = g_utf8_get_char_validated (next, end - next);

        if (c2 != (gunichar) -1 && c2 != (gunichar) -2 && classify (c2) == CLASS_HAN) {
          n += g_unichar_to_utf8 (wenji_fold_han (c2), token + n);
          kind = WENJI_TOKEN_BIGRAM;
          token_end = g_utf8_next_char (next);
        }
      }

      if (!func (kind, token, n, p - text, token_end - text, user_data))
        return;
      last_was_barrier = FALSE;
      p = next;
    } else if (class == CLASS_LETTER || class == CLASS_DIGIT) {
      const char *run_end = p;
      gboolean whole;

      do
        run_end = part_end (run_end, end);
      while (class_at (run_end, end) == CLASS_LETTER || class_at (run_end, end) == CLASS_DIGIT);

      whole = is_identifier (p, run_end);
      while (p < run_end) {
        const char *part = p;

        p = whole ? run_end : part_end (p, run_end);
        if (!emit_word (text, part - text, p - text, func, user_data))
          return;
      }
      last_was_barrier = FALSE;
    } else {
      /* One barrier for a run of punctuation is enough. */
      if (class == CLASS_PUNCT && !last_was_barrier) {
        if (!func (WENJI_TOKEN_BARRIER, WENJI_TOKEN_BARRIER_TEXT, 1, p - text, next - text,
                   user_data))
          return;
        last_was_barrier = TRUE;
      }
      p = next;
    }
  }
}

/* FTS5 glue. */

typedef struct {
  void *ctx;
  int (*token) (void *, int, const char *, int, int, int);
  int rc;
} Fts5Call;

static gboolean
fts5_token (WenjiTokenKind  kind,
            const char     *token,
            gsize           length,
            gsize           start,
            gsize           end,
            gpointer        user_data)
{
  Fts5Call *call = user_data;
  call->rc = call->token (call->ctx, 0, token, (int) length, (int) start, (int) end);

  return call->rc == SQLITE_OK;
}

static int
fts5_create (void            *user_data,
             const char     **args,
             int              n_args,
             Fts5Tokenizer  **tokenizer)
{
  /* Stateless: any non-NULL pointer will do. */
  *tokenizer = (Fts5Tokenizer *) user_data;
  return SQLITE_OK;
}

static void
fts5_delete (Fts5Tokenizer *tokenizer)
{
}

static int
fts5_tokenize (Fts5Tokenizer  *tokenizer,
               void           *ctx,
               int             flags,
               const char     *text,
               int             length,
               int           (*token) (void *, int, const char *, int, int, int))
{
  Fts5Call call = { ctx, token, SQLITE_OK };

  /* Queries are built by wenji-search-query.c from tokens this file made:
   * each quoted string is one token already, taken as it is. */
  if (flags & FTS5_TOKENIZE_QUERY)
    return length > 0 ? token (ctx, 0, text, length, 0, length) : SQLITE_OK;

  wenji_tokenize (text, length, TRUE, fts5_token, &call);

  return call.rc;
}

/**
 * wenji_fts5_api:
 *
 * Returns: (nullable): the FTS5 API of a connection
 */
fts5_api *
wenji_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api;
}

/**
 * wenji_tokenizer_register:
 *
 * Registers the tokenizer as `wenji` on a connection. Every connection that
 * writes articles needs it, as triggers keep the index in step.
 *
 * Returns: a SQLite result code
 */
int
wenji_tokenizer_register (sqlite3 *db)
{
  static fts5_tokenizer tokenizer = { fts5_create, fts5_delete, fts5_tokenize };
  static int marker;
  fts5_api *api = wenji_fts5_api (db);

  if (api == NULL)
    return SQLITE_ERROR;

  return api->xCreateTokenizer (api, "wenji", &marker, &tokenizer, NULL);
}
