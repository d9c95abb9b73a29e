/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The query language a user types without learning it: words separated by
 * spaces must all occur, "…" is an exact phrase, -word excludes, and
 * tag:NAME, author:NAME, source:NAME filter. Everything else is text: the
 * FTS5 expression is built from tokens, each one quoted, so no input can be
 * an FTS5 syntax error.
 */
#include "config.h"

#include "wenji-search.h"
#include "wenji-search-tokenizer.h"

void
wenji_search_query_free (WenjiSearchQuery *query)
{
  g_free (query->match);
  g_free (query->exclude);
  g_clear_pointer (&query->tags, g_ptr_array_unref);
  g_clear_pointer (&query->terms, g_ptr_array_unref);
  g_free (query);
}

gboolean
wenji_search_query_is_empty (WenjiSearchQuery *query)
{
  return query->match == NULL && query->exclude == NULL && query->tags->len == 0;
}

typedef struct {
  GPtrArray *tokens;   /* of the phrase being built */
  GPtrArray *phrases;  /* FTS5 phrases of this term */
  gboolean   open_end; /* a word ending a phrase may be the start of a longer one */
} TermBuilder;

static void
append_quoted (GString    *out,
               const char *token)
{
  g_string_append_c (out, '"');
  for (const char *p = token; *p; p++) {
    if (*p == '"')
      g_string_append_c (out, '"');
    g_string_append_c (out, *p);
  }
  g_string_append_c (out, '"');
}

/* A token as the query parser reads it: Han characters one by one. */
typedef struct {
  WenjiTokenKind kind;
  char          *text;
} Token;

static void
token_free (Token *token)
{
  g_free (token->text);
  g_free (token);
}

static void
append_token (GString    *phrase,
              const char *text,
              gboolean    prefix)
{
  if (phrase->len > 0)
    g_string_append (phrase, " + ");
  append_quoted (phrase, text);
  if (prefix)
    g_string_append (phrase, " *");
}

/*
 * Turns the tokens of one phrase into what the index holds at consecutive
 * positions. Each Han character is a token; where it and the next are a
 * pair the index keeps a bigram of, the bigram stands for it, as it is
 * rarer, and a last character that the bigram before it holds needs no
 * token of its own. Outside quotes, a Latin word that ends a phrase is a
 * prefix, so that "ipho" finds iPhone as the user types: the index's prefix
 * token when the word is short enough to have one, else an FTS5 prefix.
 */
static void
close_phrase (TermBuilder *builder)
{
  GPtrArray *tokens = builder->tokens;
  gboolean covered = FALSE;
  GString *phrase;

  if (tokens->len == 0)
    return;

  phrase = g_string_new (NULL);
  for (guint i = 0; i < tokens->len; i++) {
    Token *token = tokens->pdata[i];
    Token *next = i + 1 < tokens->len ? tokens->pdata[i + 1] : NULL;
    gboolean open_end = builder->open_end && next == NULL;

    if (token->kind != WENJI_TOKEN_HAN) {
      g_autofree char *prefix = open_end ? wenji_token_prefix (token->text) : NULL;
      gboolean word = !g_unichar_isdigit (g_utf8_get_char (token->text));

      if (prefix != NULL)
        append_token (phrase, prefix, FALSE);
      else
        append_token (phrase, token->text, open_end && word);
      covered = FALSE;
    } else if (next != NULL && next->kind == WENJI_TOKEN_HAN &&
               wenji_han_pair_indexed (g_utf8_get_char (token->text),
                                       g_utf8_get_char (next->text))) {
      g_autofree char *bigram = g_strconcat (token->text, next->text, NULL);

      append_token (phrase, bigram, FALSE);
      covered = TRUE;
    } else {
      if (!covered || next != NULL)
        append_token (phrase, token->text, FALSE);
      covered = FALSE;
    }
  }

  g_ptr_array_add (builder->phrases, g_string_free (phrase, FALSE));
  g_ptr_array_set_size (tokens, 0);
}

static gboolean
collect_token (WenjiTokenKind  kind,
               const char     *text,
               gsize           length,
               gsize           start,
               gsize           end,
               gpointer        user_data)
{
  TermBuilder *builder = user_data;
  Token *token;

  if (kind == WENJI_TOKEN_BARRIER) {
    close_phrase (builder);
    return TRUE;
  }

  token = g_new0 (Token, 1);
  token->kind = kind;
  token->text = g_strndup (text, length);
  g_ptr_array_add (builder->tokens, token);

  return TRUE;
}

/* The FTS5 expression for one term (all its phrases), or NULL if the term
 * has nothing to search for, such as "*" or "，". */
static char *
term_expression (const char *text,
                 const char *column,
                 gboolean    quoted)
{
  TermBuilder builder;
  GString *expression;

  builder.open_end = !quoted;
  builder.tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) token_free);
  builder.phrases = g_ptr_array_new_with_free_func (g_free);
  wenji_tokenize (text, strlen (text), FALSE, collect_token, &builder);
  close_phrase (&builder);
  g_ptr_array_unref (builder.tokens);

  if (builder.phrases->len == 0) {
    g_ptr_array_unref (builder.phrases);
    return NULL;
  }

  expression = g_string_new (NULL);
  if (column != NULL)
    g_string_append_printf (expression, "%s : ", column);
  if (builder.phrases->len > 1 || column != NULL)
    g_string_append_c (expression, '(');
  for (guint i = 0; i < builder.phrases->len; i++) {
    if (i > 0)
      g_string_append (expression, " AND ");
    g_string_append (expression, builder.phrases->pdata[i]);
  }
  if (builder.phrases->len > 1 || column != NULL)
    g_string_append_c (expression, ')');
  g_ptr_array_unref (builder.phrases);

  return g_string_free (expression, FALSE);
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000;
}

/* Reads one term at @p: a quoted phrase or a run up to white space. */
static char *
read_term (const char **p,
           gboolean    *quoted)
{
  const char *start = *p;
  gunichar open = g_utf8_get_char (start);
  gunichar close = open == 0x201C ? 0x201D : open == 0x300C ? 0x300D : open == '"' ? '"' : 0;

  *quoted = FALSE;
  if (close != 0) {
    const char *inner = g_utf8_next_char (start);

    for (const char *q = inner; *q; q = g_utf8_next_char (q)) {
      if (g_utf8_get_char (q) == close) {
        *p = g_utf8_next_char (q);
        *quoted = TRUE;
        return g_strndup (inner, q - inner);
      }
    }
    /* An unbalanced quote is text like any other. */
  }

  while (**p && !is_space (g_utf8_get_char (*p)))
    *p = g_utf8_next_char (*p);

  return g_strndup (start, *p - start);
}

static void
append_expression (GString    *out,
                   const char *expression,
                   const char *op)
{
  if (out->len > 0)
    g_string_append (out, op);
  g_string_append (out, expression);
}

/**
 * wenji_search_query_parse:
 * @text: what the user typed
 *
 * Returns: (transfer full): the query; never fails
 */
WenjiSearchQuery *
wenji_search_query_parse (const char *text)
{
  WenjiSearchQuery *query = g_new0 (WenjiSearchQuery, 1);
  g_autoptr (GString) match = g_string_new (NULL);
  g_autoptr (GString) exclude = g_string_new (NULL);
  const char *p;

  query->tags = g_ptr_array_new_with_free_func (g_free);
  query->terms = g_ptr_array_new_with_free_func (g_free);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return query;

  p = text;
  while (*p) {
    g_autofree char *term = NULL;
    g_autofree char *expression = NULL;
    const char *column = NULL;
    const char *value;
    gboolean negative = FALSE, quoted;

    if (is_space (g_utf8_get_char (p))) {
      p = g_utf8_next_char (p);
      continue;
    }

    if (*p == '-' && p[1] && !is_space (g_utf8_get_char (p + 1))) {
      negative = TRUE;
      p++;
    }

    if (!negative && (g_str_has_prefix (p, "tag:") || g_str_has_prefix (p, "author:") ||
                      g_str_has_prefix (p, "source:"))) {
      const char *colon = strchr (p, ':');
      g_autofree char *key = g_strndup (p, colon - p);
      const char *after = colon + 1;

      if (*after && !is_space (g_utf8_get_char (after))) {
        p = after;
        term = read_term (&p, &quoted);
        if (g_str_equal (key, "tag")) {
          g_ptr_array_add (query->tags, g_steal_pointer (&term));
          continue;
        }
        column = g_str_equal (key, "author") ? "author" : "source";
      }
    }

    if (term == NULL)
      term = read_term (&p, &quoted);
    value = term;

    expression = term_expression (value, column, quoted);
    if (expression == NULL)
      continue;

    if (negative) {
      append_expression (exclude, expression, " OR ");
    } else {
      append_expression (match, expression, " AND ");
      if (column == NULL)
        g_ptr_array_add (query->terms, wenji_fold_text (value));
    }
  }

  if (match->len > 0)
    query->match = g_strdup (match->str);
  if (exclude->len > 0)
    query->exclude = g_strdup (exclude->str);

  return query;
}
