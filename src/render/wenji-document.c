/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * WenjiDocument: an article as blocks of styled text, the one model the page
 * layout (preview and PDF) and the HTML writer read.
 */
#include "config.h"

#include <string.h>

#include "wenji-document-private.h"
#include "wenji-text.h"

struct _WenjiDocument
{
  GObject    parent_instance;

  char      *lang;
  char      *title;
  GPtrArray *blocks;
};

G_DEFINE_FINAL_TYPE (WenjiDocument, wenji_document, G_TYPE_OBJECT)

WenjiBlock *
wenji_block_new (WenjiBlockKind kind)
{
  WenjiBlock *block = g_new0 (WenjiBlock, 1);

  block->kind = kind;
  return block;
}

void
wenji_block_free (WenjiBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->marker);
  g_clear_pointer (&block->text, wenji_rich_text_free);
  g_free (block->anchor);
  g_clear_pointer (&block->cells, g_ptr_array_unref);
  g_clear_pointer (&block->aligns, g_array_unref);
  g_free (block->image_path);
  g_free (block);
}

/**
 * wenji_hash_bytes:
 * @seed: the hash so far (0 to start)
 * @data: bytes to add
 * @len: their length
 *
 * FNV-1a, 64 bits: fast, and good enough to tell blocks apart in a cache.
 *
 * Returns: the new hash
 */
guint64
wenji_hash_bytes (guint64     seed,
                  const void *data,
                  gsize       len)
{
  const guchar *p = data;
  guint64 hash = seed != 0 ? seed : G_GUINT64_CONSTANT (14695981039346656037);

  for (gsize i = 0; i < len; i++) {
    hash ^= p[i];
    hash *= G_GUINT64_CONSTANT (1099511628211);
  }

  return hash;
}

static guint64
hash_string (guint64     hash,
             const char *text)
{
  if (text == NULL)
    return wenji_hash_bytes (hash, "\1", 1);
  return wenji_hash_bytes (hash, text, strlen (text) + 1);
}

static guint64
hash_rich_text (guint64              hash,
                const WenjiRichText *text)
{
  if (text == NULL)
    return hash_string (hash, NULL);

  hash = hash_string (hash, text->text);
  for (guint i = 0; i < text->spans->len; i++) {
    const WenjiSpan *span = &g_array_index (text->spans, WenjiSpan, i);
    guint values[3] = { span->start, span->end, span->style };

    hash = wenji_hash_bytes (hash, values, sizeof values);
    hash = hash_string (hash, span->href);
  }

  return hash;
}

static guint64
hash_block (const WenjiBlock *block)
{
  guint values[6] = { block->kind, block->level, block->list_depth, block->quote_depth,
                      block->n_columns, block->ordered };
  guint64 hash = wenji_hash_bytes (0, values, sizeof values);

  hash = hash_string (hash, block->marker);
  hash = hash_string (hash, block->image_path);
  hash = hash_rich_text (hash, block->text);
  for (guint i = 0; block->cells != NULL && i < block->cells->len; i++)
    hash = hash_rich_text (hash, block->cells->pdata[i]);
  if (block->aligns != NULL)
    hash = wenji_hash_bytes (hash, block->aligns->data, block->aligns->len * sizeof (WenjiAlign));

  return hash;
}

/* GitHub's way: lower case, spaces to hyphens, ASCII punctuation dropped;
 * Han characters stay. Repeats get -1, -2... */
static char *
make_anchor (const char *text,
             GHashTable *seen)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *anchor = g_string_new (NULL);
  guint n;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (c == ' ')
      g_string_append_c (anchor, '-');
    else if (c < 0x80 && !g_ascii_isalnum ((char) c) && c != '-' && c != '_')
      continue;
    else if (g_unichar_ispunct (c))
      continue;
    else
      g_string_append_unichar (anchor, c);
  }

  n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, anchor->str));
  g_hash_table_insert (seen, g_strdup (anchor->str), GUINT_TO_POINTER (n + 1));
  if (n > 0)
    g_string_append_printf (anchor, "-%u", n);

  return g_string_free (anchor, FALSE);
}

static void
wenji_document_finalize (GObject *object)
{
  WenjiDocument *self = WENJI_DOCUMENT (object);

  g_free (self->lang);
  g_free (self->title);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (wenji_document_parent_class)->finalize (object);
}

static void
wenji_document_class_init (WenjiDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wenji_document_finalize;
}

static void
wenji_document_init (WenjiDocument *self)
{
}

static void
finish_blocks (WenjiDocument *self)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->blocks->len; i++) {
    WenjiBlock *block = self->blocks->pdata[i];

    if (block->kind == WENJI_BLOCK_HEADING)
      block->anchor = make_anchor (block->text->text, seen);
    block->hash = hash_block (block);
  }
}

/**
 * wenji_document_new_from_markdown:
 * @markdown: Markdown text
 * @lang: (nullable): the BCP 47 language of the text, "zh-Hans" if %NULL
 * @base_dir: (nullable): the folder relative image paths start from
 *
 * Returns: (transfer full): the document, without an article header
 */
WenjiDocument *
wenji_document_new_from_markdown (const char *markdown,
                                  const char *lang,
                                  const char *base_dir)
{
  WenjiDocument *self = g_object_new (WENJI_TYPE_DOCUMENT, NULL);

  self->lang = g_strdup (lang != NULL && *lang != '\0' ? lang : WENJI_LANG_HANS);
  self->title = g_strdup ("");
  self->blocks = wenji_markdown_parse (markdown != NULL ? markdown : "", base_dir);
  finish_blocks (self);

  return self;
}

static void
append_field (GString    *line,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (line->len > 0)
    g_string_append (line, " · ");
  g_string_append (line, value);
}

/**
 * wenji_document_new_for_article:
 * @article: the article
 * @base_dir: (nullable): the folder relative image paths start from
 *
 * The article's body with its header: a title block and a byline of
 * author, source and date.
 *
 * Returns: (transfer full): the document
 */
WenjiDocument *
wenji_document_new_for_article (WenjiArticle *article,
                                const char   *base_dir)
{
  WenjiDocument *self;
  g_autoptr (GString) byline = g_string_new (NULL);
  g_autofree char *date = NULL;
  const char *published = wenji_article_get_published_at (article);
  const char *title = wenji_article_get_title (article);
  guint at = 0;

  g_return_val_if_fail (WENJI_IS_ARTICLE (article), NULL);

  self = wenji_document_new_from_markdown (wenji_article_get_body (article),
                                           wenji_article_get_lang (article), base_dir);
  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : "");

  if (*self->title != '\0') {
    WenjiBlock *block = wenji_block_new (WENJI_BLOCK_TITLE);
    block->text = wenji_rich_text_new_plain (self->title);
    block->hash = hash_block (block);
    g_ptr_array_insert (self->blocks, at++, block);
  }

  if (published != NULL)
    date = g_strndup (published, 10);  /* the date part of ISO 8601 */
  append_field (byline, wenji_article_get_author (article));
  append_field (byline, wenji_article_get_source (article));
  append_field (byline, date);
  if (byline->len > 0) {
    WenjiBlock *block = wenji_block_new (WENJI_BLOCK_BYLINE);
    block->text = wenji_rich_text_new_plain (byline->str);
    block->hash = hash_block (block);
    g_ptr_array_insert (self->blocks, at, block);
  }

  return self;
}

const char *
wenji_document_get_lang (WenjiDocument *self)
{
  g_return_val_if_fail (WENJI_IS_DOCUMENT (self), NULL);
  return self->lang;
}

const char *
wenji_document_get_title (WenjiDocument *self)
{
  g_return_val_if_fail (WENJI_IS_DOCUMENT (self), NULL);
  return self->title;
}

guint
wenji_document_get_n_blocks (WenjiDocument *self)
{
  g_return_val_if_fail (WENJI_IS_DOCUMENT (self), 0);
  return self->blocks->len;
}

const WenjiBlock *
wenji_document_get_block (WenjiDocument *self,
                          guint          index)
{
  g_return_val_if_fail (WENJI_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return self->blocks->pdata[index];
}

/**
 * wenji_url_is_safe:
 * @url: a link target from an article
 *
 * Only web, mail and in-document links leave the renderer; a
 * `javascript:` or `data:` URL never does.
 *
 * Returns: whether @url may be written into a PDF or HTML link
 */
gboolean
wenji_url_is_safe (const char *url)
{
  g_autofree char *scheme = NULL;

  if (url == NULL || *url == '\0')
    return FALSE;
  if (url[0] == '#')
    return TRUE;

  /* Control characters and spaces could hide a scheme from a browser. */
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return FALSE;

  scheme = g_uri_parse_scheme (url);
  if (scheme == NULL)
    return FALSE;

  return g_ascii_strcasecmp (scheme, "http") == 0 ||
         g_ascii_strcasecmp (scheme, "https") == 0 ||
         g_ascii_strcasecmp (scheme, "mailto") == 0;
}
