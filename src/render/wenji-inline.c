/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The inline content of a block, and Wenji's CJK emphasis rule.
 *
 * CommonMark decides whether `*` or `_` opens or closes emphasis from the
 * characters around it ("flanking"): `**“强调”**的` fails because the closing
 * run sits between punctuation and a letter. md4c and cmark leave such runs
 * as literal text. Wenji does not patch the Markdown source; it lets md4c
 * parse first and then looks again at the delimiter runs md4c left literal
 * (never inside code spans, never an escaped `\*`). A run of one to three
 * `*` or `_` may open when the next character is not a space, and close when
 * the previous one is not; a `_` next to an ASCII letter or digit on its
 * outer side never counts (snake_case_name). An opener and a closer of the
 * same character and length pair only when one of them touches a CJK
 * character or CJK punctuation, so Latin text such as `2*3*4` is read
 * exactly as CommonMark reads it.
 */
#include "config.h"

#include <string.h>

#include "wenji-document-private.h"
#include "wenji-text.h"

WenjiInlineBuilder *
wenji_inline_builder_new (void)
{
  WenjiInlineBuilder *builder = g_new0 (WenjiInlineBuilder, 1);

  builder->text = g_string_new (NULL);
  builder->style = g_array_new (FALSE, FALSE, sizeof (guint16));
  builder->link = g_array_new (FALSE, FALSE, sizeof (guint16));
  builder->marks = g_array_new (FALSE, FALSE, sizeof (guint8));
  builder->hrefs = g_ptr_array_new_with_free_func (g_free);

  return builder;
}

void
wenji_inline_builder_free (WenjiInlineBuilder *builder)
{
  if (builder == NULL)
    return;

  g_string_free (builder->text, TRUE);
  g_array_unref (builder->style);
  g_array_unref (builder->link);
  g_array_unref (builder->marks);
  g_clear_pointer (&builder->hrefs, g_ptr_array_unref);
  g_free (builder->image_src);
  g_free (builder);
}

void
wenji_inline_builder_append (WenjiInlineBuilder *builder,
                             const char         *text,
                             gsize               len,
                             guint               style,
                             guint               link,
                             guint               marks)
{
  guint16 s = style;
  guint16 l = link;
  guint8 m = marks;

  g_string_append_len (builder->text, text, len);
  for (gsize i = 0; i < len; i++) {
    g_array_append_val (builder->style, s);
    g_array_append_val (builder->link, l);
    g_array_append_val (builder->marks, m);
  }
}

guint
wenji_inline_builder_add_href (WenjiInlineBuilder *builder,
                               const char         *href)
{
  g_ptr_array_add (builder->hrefs, g_strdup (href));
  return builder->hrefs->len;
}

gboolean
wenji_inline_builder_is_empty (WenjiInlineBuilder *builder)
{
  for (gsize i = 0; i < builder->text->len; i++)
    if (!g_ascii_isspace (builder->text->str[i]))
      return FALSE;

  return TRUE;
}

/* A paragraph that holds one image and nothing else becomes an image block. */
gboolean
wenji_inline_builder_is_image (WenjiInlineBuilder *builder)
{
  if (builder->n_images != 1 || builder->image_src == NULL)
    return FALSE;

  for (gsize i = 0; i < builder->text->len; i++) {
    guint8 m = g_array_index (builder->marks, guint8, i);

    if (!(m & WENJI_MARK_IMAGE) && !g_ascii_isspace (builder->text->str[i]))
      return FALSE;
  }

  return TRUE;
}

gboolean
wenji_char_is_cjk (gunichar c)
{
  return wenji_text_is_han (c) ||
         (c >= 0x3000 && c <= 0x303F) ||   /* CJK symbols and punctuation */
         (c >= 0x3040 && c <= 0x30FF) ||   /* kana */
         (c >= 0xFF00 && c <= 0xFFEF) ||   /* full-width forms */
         (c >= 0xFE30 && c <= 0xFE4F) ||   /* CJK compatibility forms */
         (c >= 0x2018 && c <= 0x201F) ||   /* curly quotes, as used in Chinese */
         c == 0x2014 || c == 0x2026 || c == 0x00B7;
}

typedef struct {
  gunichar c;
  guint    start;
  guint    len;
  guint16  style;
  guint16  link;
  guint8   marks;
  gboolean drop;
} Char;

typedef struct {
  guint    first;   /* index into the chars */
  guint    len;
  gunichar delim;
  gboolean can_open;
  gboolean can_close;
  gboolean cjk;
} Run;

static gboolean
is_space (gunichar c)
{
  return c == 0 || g_unichar_isspace (c);
}

static gboolean
is_ascii_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum ((char) c);
}

static void
apply_cjk_emphasis (GArray *chars)
{
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr (GArray) openers = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < chars->len;) {
    Char *ch = &g_array_index (chars, Char, i);
    Run run = { i, 0, ch->c, FALSE, FALSE, FALSE };
    gunichar before, after;

    if ((ch->c != '*' && ch->c != '_') || (ch->style & WENJI_STYLE_CODE) ||
        (ch->marks & WENJI_MARK_ESCAPED)) {
      i++;
      continue;
    }

    while (i + run.len < chars->len) {
      Char *next = &g_array_index (chars, Char, i + run.len);
      if (next->c != run.delim || (next->style & WENJI_STYLE_CODE) ||
          (next->marks & WENJI_MARK_ESCAPED) || next->link != ch->link)
        break;
      run.len++;
    }

    before = i > 0 ? g_array_index (chars, Char, i - 1).c : 0;
    after = i + run.len < chars->len ? g_array_index (chars, Char, i + run.len).c : 0;
    run.can_open = !is_space (after);
    run.can_close = !is_space (before);
    if (run.delim == '_') {
      run.can_open = run.can_open && !is_ascii_alnum (before);
      run.can_close = run.can_close && !is_ascii_alnum (after);
    }
    run.cjk = wenji_char_is_cjk (before) || wenji_char_is_cjk (after);

    if (run.len <= 3)
      g_array_append_val (runs, run);
    i += run.len;
  }

  for (guint r = 0; r < runs->len; r++) {
    Run *run = &g_array_index (runs, Run, r);
    gboolean paired = FALSE;

    if (run->can_close) {
      for (guint k = openers->len; k > 0; k--) {
        Run *opener = &g_array_index (runs, Run, g_array_index (openers, guint, k - 1));
        guint16 add;

        if (opener->delim != run->delim || opener->len != run->len ||
            !(opener->cjk || run->cjk) || opener->first + opener->len == run->first)
          continue;

        add = run->len == 1 ? WENJI_STYLE_EM :
              run->len == 2 ? WENJI_STYLE_STRONG : WENJI_STYLE_EM | WENJI_STYLE_STRONG;
        for (guint j = opener->first; j < opener->first + opener->len; j++)
          g_array_index (chars, Char, j).drop = TRUE;
        for (guint j = run->first; j < run->first + run->len; j++)
          g_array_index (chars, Char, j).drop = TRUE;
        for (guint j = opener->first + opener->len; j < run->first; j++)
          g_array_index (chars, Char, j).style |= add;

        g_array_set_size (openers, k - 1);
        paired = TRUE;
        break;
      }
    }

    if (!paired && run->can_open) {
      guint index = r;
      g_array_append_val (openers, index);
    }
  }
}

/* A soft line break between two CJK characters is no space at all. */
static void
drop_soft_breaks (GArray *chars)
{
  for (guint i = 0; i < chars->len; i++) {
    Char *ch = &g_array_index (chars, Char, i);
    gunichar before, after;

    if (!(ch->marks & WENJI_MARK_SOFTBREAK))
      continue;

    before = i > 0 ? g_array_index (chars, Char, i - 1).c : 0;
    after = i + 1 < chars->len ? g_array_index (chars, Char, i + 1).c : 0;
    if (before == 0 || after == 0 || (wenji_char_is_cjk (before) && wenji_char_is_cjk (after)))
      ch->drop = TRUE;
  }
}

WenjiRichText *
wenji_inline_builder_finish (WenjiInlineBuilder *builder)
{
  g_autoptr (GArray) chars = g_array_new (FALSE, FALSE, sizeof (Char));
  WenjiRichText *rich = g_new0 (WenjiRichText, 1);
  const char *str = builder->text->str;
  GString *out;

  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p)) {
    Char ch;
    guint offset = p - str;

    ch.c = g_utf8_get_char (p);
    ch.start = offset;
    ch.len = g_utf8_next_char (p) - p;
    ch.style = g_array_index (builder->style, guint16, offset);
    ch.link = g_array_index (builder->link, guint16, offset);
    ch.marks = g_array_index (builder->marks, guint8, offset);
    ch.drop = FALSE;
    g_array_append_val (chars, ch);
  }

  apply_cjk_emphasis (chars);
  drop_soft_breaks (chars);

  out = g_string_sized_new (builder->text->len);
  rich->spans = g_array_new (FALSE, FALSE, sizeof (WenjiSpan));
  rich->hrefs = g_steal_pointer (&builder->hrefs);
  builder->hrefs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < chars->len; i++) {
    Char *ch = &g_array_index (chars, Char, i);
    WenjiSpan *last = rich->spans->len > 0 ?
      &g_array_index (rich->spans, WenjiSpan, rich->spans->len - 1) : NULL;
    const char *href = ch->link > 0 ? rich->hrefs->pdata[ch->link - 1] : NULL;
    guint style = ch->style & ~WENJI_STYLE_LINK;

    if (ch->drop)
      continue;
    if (href != NULL)
      style |= WENJI_STYLE_LINK;

    if (last != NULL && last->style == style && last->href == href) {
      last->end = out->len + ch->len;
    } else {
      WenjiSpan span = { out->len, out->len + ch->len, style, href };
      g_array_append_val (rich->spans, span);
    }
    g_string_append_len (out, str + ch->start, ch->len);
  }

  rich->text = g_string_free (out, FALSE);
  return rich;
}

WenjiRichText *
wenji_rich_text_new_plain (const char *text)
{
  WenjiRichText *rich = g_new0 (WenjiRichText, 1);
  WenjiSpan span = { 0, strlen (text), WENJI_STYLE_NONE, NULL };

  rich->text = g_strdup (text);
  rich->spans = g_array_new (FALSE, FALSE, sizeof (WenjiSpan));
  rich->hrefs = g_ptr_array_new_with_free_func (g_free);
  if (span.end > 0)
    g_array_append_val (rich->spans, span);

  return rich;
}

void
wenji_rich_text_free (WenjiRichText *text)
{
  if (text == NULL)
    return;

  g_free (text->text);
  g_array_unref (text->spans);
  g_ptr_array_unref (text->hrefs);
  g_free (text);
}
