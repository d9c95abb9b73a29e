/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * WenjiHtmlWriter: an article as one standalone HTML file, written from the
 * same document model as the PDF. Nothing from the article is written
 * unescaped: text and attributes go through escape(), links only keep
 * http, https, mailto and #anchor targets, images are embedded as data:
 * URIs of four image types, the font families of the page setup become
 * CSS strings with every sign escaped, and a Content-Security-Policy
 * forbids scripts and outside requests even if something slipped through.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "wenji-block-style.h"
#include "wenji-error.h"
#include "wenji-html-style-private.h"
#include "wenji-html-writer.h"
#include "wenji-markup.h"
#include "wenji-text.h"

struct _WenjiHtmlWriter
{
  GObject            parent_instance;

  WenjiPageSetup     setup;
  gboolean           xhtml;
  gboolean           vertical;
  WenjiHtmlImageFunc image_func;
  gpointer           image_data;
};

G_DEFINE_FINAL_TYPE (WenjiHtmlWriter, wenji_html_writer, G_TYPE_OBJECT)

/* What the house style (wenji-block-style.c) does not say: the page, links,
 * inline code, printing. */
static const char stylesheet[] =
  ":root { color-scheme: light; }\n"
  "body { max-width: 40em; margin: 2.5em auto; padding: 0 1.2em; color: #1a1a1a;\n"
  "  background: #fff; font-size: %spt; line-height: %s; text-align: justify;\n"
  "  line-break: strict; overflow-wrap: break-word; }\n"
  "h1, h2, h3, h4, h5, h6 { text-align: left; }\n"
  "ul, ol { margin: 0; }\n"
  "pre { overflow-x: auto; white-space: pre-wrap; text-align: left; }\n"
  "code { font-family: \"Noto Sans Mono CJK SC\", monospace; font-size: .9em;\n"
  "  background: #eee; }\n"
  "pre code { font-size: 1em; background: none; }\n"
  "table { border-collapse: collapse; }\n"
  "hr { border: 0; width: 40%%; }\n"
  "img { max-width: 100%%; }\n"
  "a { color: #1a5fb4; }\n"
  "li.task { list-style: none; }\n"
  "@media print {\n"
  "  body { max-width: none; margin: 0; padding: 0; }\n"
  "  @page { size: %s; margin: %smm %smm; }\n"
  "  a { color: inherit; text-decoration: none; }\n"
  "  h1, h2, h3, h4, h5, h6 { break-after: avoid; }\n"
  "  p, li { orphans: 2; widows: 2; }\n"
  "  pre, table, .figure { break-inside: avoid; }\n"
  "}\n";

/* What takes the heading font; a rule for them is written out for each,
 * as book readers know no :is(). */
static const char * const headings[] = {
  "h1", "h2", "h3", "h4", "h5", "h6", "th", ".header", ".index",
};

/* The font stacks of the body and of headings: the family of the page
 * setup first, if it has one, then the script's own fonts. The two rules
 * without a language are only written for a chosen family: they give it
 * to pages in other languages. */
static const struct {
  const char    *scope;        /* before the elements: a language, or nothing */
  WenjiFontRole  role;
  gboolean       chosen_only;
  const char    *punctuation;  /* before a chosen family, see punctuation_faces */
  const char    *stack;
} font_rules[] = {
  { "", WENJI_FONT_BODY, TRUE, NULL, "serif" },
  { "", WENJI_FONT_HEADING, TRUE, NULL, "sans-serif" },
  { "html:lang(zh-Hans) ", WENJI_FONT_BODY, FALSE, "Wenji Punctuation Serif SC",
    "\"Noto Serif CJK SC\", \"Source Han Serif SC\",\n"
    "  \"Songti SC\", \"SimSun\", serif" },
  { "html:lang(zh-Hant) ", WENJI_FONT_BODY, FALSE, "Wenji Punctuation Serif TC",
    "\"Noto Serif CJK TC\", \"Source Han Serif TC\",\n"
    "  \"Songti TC\", \"PMingLiU\", serif" },
  { "html:lang(zh-Hans) ", WENJI_FONT_HEADING, FALSE, "Wenji Punctuation Sans SC",
    "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\",\n"
    "  \"Microsoft YaHei\", sans-serif" },
  { "html:lang(zh-Hant) ", WENJI_FONT_HEADING, FALSE, "Wenji Punctuation Sans TC",
    "\"Noto Sans CJK TC\", \"Source Han Sans TC\", \"PingFang TC\",\n"
    "  \"Microsoft JhengHei\", sans-serif" },
};

/* Chinese sets quotation marks, dashes, ellipses and middle dots full
 * width, but a Latin family chosen for the text has narrow ones that the
 * browser would take first. These faces give those marks, and only those,
 * to the script's own font; they go before a chosen family. */
static const char punctuation_faces[] =
  "@font-face { font-family: \"Wenji Punctuation Serif SC\"; font-weight: 400;\n"
  "  src: local(\"Noto Serif CJK SC\"), local(\"NotoSerifCJKsc-Regular\"), "
  "local(\"Source Han Serif SC\"),\n"
  "    local(\"SourceHanSerifSC-Regular\"), local(\"SimSun\");\n"
  "  unicode-range: U+00B7, U+2014, U+2018-2019, U+201C-201D, U+2026; }\n"
  "@font-face { font-family: \"Wenji Punctuation Serif TC\"; font-weight: 400;\n"
  "  src: local(\"Noto Serif CJK TC\"), local(\"NotoSerifCJKtc-Regular\"), "
  "local(\"Source Han Serif TC\"),\n"
  "    local(\"SourceHanSerifTC-Regular\"), local(\"PMingLiU\");\n"
  "  unicode-range: U+00B7, U+2014, U+2018-2019, U+201C-201D, U+2026; }\n"
  "@font-face { font-family: \"Wenji Punctuation Sans SC\"; font-weight: 700;\n"
  "  src: local(\"Noto Sans CJK SC Bold\"), local(\"NotoSansCJKsc-Bold\"), "
  "local(\"Source Han Sans SC Bold\"),\n"
  "    local(\"SourceHanSansSC-Bold\"), local(\"Microsoft YaHei Bold\");\n"
  "  unicode-range: U+00B7, U+2014, U+2018-2019, U+201C-201D, U+2026; }\n"
  "@font-face { font-family: \"Wenji Punctuation Sans TC\"; font-weight: 700;\n"
  "  src: local(\"Noto Sans CJK TC Bold\"), local(\"NotoSansCJKtc-Bold\"), "
  "local(\"Source Han Sans TC Bold\"),\n"
  "    local(\"SourceHanSansTC-Bold\"), local(\"Microsoft JhengHei Bold\");\n"
  "  unicode-range: U+00B7, U+2014, U+2018-2019, U+201C-201D, U+2026; }\n";

static void
wenji_html_writer_class_init (WenjiHtmlWriterClass *klass)
{
}

static void
wenji_html_writer_init (WenjiHtmlWriter *self)
{
  wenji_page_setup_init (&self->setup);
}

/**
 * wenji_html_writer_new:
 * @setup: (nullable): the page setup, for the fonts, type size, line
 *   height, indent and printed page size; the default one if %NULL
 *
 * Returns: (transfer full): an HTML writer
 */
WenjiHtmlWriter *
wenji_html_writer_new (const WenjiPageSetup *setup)
{
  WenjiHtmlWriter *self = g_object_new (WENJI_TYPE_HTML_WRITER, NULL);

  if (setup != NULL)
    self->setup = *setup;

  return self;
}

/* What a book's style sheet adds to the blocks': readers choose the page,
 * the size and the margins. */
static const char book_stylesheet[] =
  "body { margin: 0; padding: 0; line-height: %s; text-align: justify; line-break: strict;\n"
  "  overflow-wrap: break-word; }\n"
  "ul, ol { margin: 0; }\n"
  "pre { white-space: pre-wrap; }\n"
  "code { font-family: monospace; }\n"
  "table { border-collapse: collapse; }\n"
  "hr { border: 0; }\n"
  "img { max-width: 100%%; max-height: 100%%; }\n"
  "li.task { list-style: none; }\n"
  ".figure { text-align: center; }\n"
  ".title-page { text-align: center; }\n"
  ".title-page h1 { font-size: 2em; margin: 3em 0 1em; }\n"
  ".title-page p { margin: 0.5em 0; }\n"
  ".cover { margin: 0; padding: 0; text-align: center; }\n"
  "nav ol { list-style: none; padding: 0; }\n";

/* Vertical text, in the three spellings readers know. */
static const char vertical_stylesheet[] =
  "html { -epub-writing-mode: vertical-rl; -webkit-writing-mode: vertical-rl;\n"
  "  writing-mode: vertical-rl; }\n";

/**
 * wenji_html_writer_set_xhtml:
 * @xhtml: write XHTML: elements without content closed with `/>`
 */
void
wenji_html_writer_set_xhtml (WenjiHtmlWriter *self,
                             gboolean         xhtml)
{
  g_return_if_fail (WENJI_IS_HTML_WRITER (self));

  self->xhtml = !!xhtml;
}

/**
 * wenji_html_writer_set_vertical:
 * @vertical: the text is set vertically: curly quotes become corner
 *   brackets (「」『』)
 */
void
wenji_html_writer_set_vertical (WenjiHtmlWriter *self,
                                gboolean         vertical)
{
  g_return_if_fail (WENJI_IS_HTML_WRITER (self));

  self->vertical = !!vertical;
}

/**
 * wenji_html_writer_set_image_func:
 * @func: (nullable): gives the address of each picture; %NULL to embed
 *   pictures as data: URIs
 * @user_data: passed to @func
 */
void
wenji_html_writer_set_image_func (WenjiHtmlWriter    *self,
                                  WenjiHtmlImageFunc  func,
                                  gpointer            user_data)
{
  g_return_if_fail (WENJI_IS_HTML_WRITER (self));

  self->image_func = func;
  self->image_data = user_data;
}

static void
escape (GString    *out,
        const char *text,
        gssize      len)
{
  wenji_markup_escape (out, text, len, FALSE);
}

/* One article's blocks being written. */
typedef struct {
  WenjiHtmlWriter *writer;
  GString         *out;
  guint            quotes;
  GArray          *lists;   /* gboolean ordered, per open list */
} Body;

/* An element without content: <br> in HTML, <br/> in XHTML. */
static void
append_void (Body       *body,
             const char *element)
{
  g_string_append_printf (body->out, body->writer->xhtml ? "<%s/>" : "<%s>", element);
}

/* Text of the article; in a vertical book, curly quotes become corner
 * brackets, as vertical Chinese sets them. */
static void
append_text (Body       *body,
             const char *text,
             gssize      len)
{
  g_autofree char *vertical = NULL;
  g_autofree char *cut = NULL;
  GString *out = body->out;
  gsize start = out->len;

  if (body->writer->vertical) {
    cut = len < 0 ? g_strdup (text) : g_strndup (text, len);
    vertical = wenji_text_vertical_quotes (cut);
    text = vertical;
    len = -1;
  }

  wenji_markup_escape (out, text, len, TRUE);

  /* The escape writes a line separator as <br>. */
  if (body->writer->xhtml) {
    for (char *br = strstr (out->str + start, "<br>"); br != NULL;
         br = strstr (out->str + start, "<br>")) {
      gsize at = br - out->str;

      g_string_erase (out, at, 4);
      g_string_insert (out, at, "<br/>");
      start = at + 5;
    }
  }
}

static void
append_rich_text (Body                *body,
                  const WenjiRichText *text)
{
  GString *out = body->out;

  for (guint i = 0; text != NULL && i < text->spans->len; i++) {
    const WenjiSpan *span = &g_array_index (text->spans, WenjiSpan, i);
    gboolean link = (span->style & WENJI_STYLE_LINK) && wenji_url_is_safe (span->href);

    if (link) {
      g_string_append (out, "<a href=\"");
      escape (out, span->href, -1);
      g_string_append (out, span->href[0] == '#' ? "\">" : "\" rel=\"noopener noreferrer\">");
    }
    if (span->style & WENJI_STYLE_STRONG)
      g_string_append (out, "<strong>");
    if (span->style & WENJI_STYLE_EM)
      g_string_append (out, "<em>");
    if (span->style & WENJI_STYLE_STRIKE)
      g_string_append (out, "<del>");
    if (span->style & WENJI_STYLE_CODE)
      g_string_append (out, "<code>");
    append_text (body, text->text + span->start, span->end - span->start);
    if (span->style & WENJI_STYLE_CODE)
      g_string_append (out, "</code>");
    if (span->style & WENJI_STYLE_STRIKE)
      g_string_append (out, "</del>");
    if (span->style & WENJI_STYLE_EM)
      g_string_append (out, "</em>");
    if (span->style & WENJI_STYLE_STRONG)
      g_string_append (out, "</strong>");
    if (link)
      g_string_append (out, "</a>");
  }
}

static void
append_image (Body             *body,
              const WenjiBlock *block)
{
  WenjiHtmlWriter *writer = body->writer;
  g_autofree char *uri = NULL;

  if (block->image_path != NULL)
    uri = writer->image_func != NULL ? writer->image_func (block->image_path, writer->image_data)
                                     : wenji_markup_image_data_uri (block->image_path);

  if (uri == NULL) {
    /* An image that cannot be embedded shows its description. */
    g_string_append (body->out, "<p class=\"image\">");
    append_rich_text (body, block->text);
    g_string_append (body->out, "</p>\n");
    return;
  }

  g_string_append (body->out, "<div class=\"figure\"><img src=\"");
  escape (body->out, uri, -1);
  g_string_append (body->out, "\" alt=\"");
  escape (body->out, block->text != NULL ? block->text->text : "", -1);
  g_string_append (body->out, writer->xhtml ? "\"/></div>\n" : "\"></div>\n");
}

static void
append_table (Body             *body,
              const WenjiBlock *block)
{
  static const char *aligns[] = { "", " style=\"text-align:left\"",
                                  " style=\"text-align:center\"",
                                  " style=\"text-align:right\"" };
  GString *out = body->out;
  guint n_columns = MAX (block->n_columns, 1);
  guint n_rows = block->cells->len / n_columns;

  g_string_append (out, "<table>\n");
  for (guint r = 0; r < n_rows; r++) {
    gboolean head = r < block->n_head_rows;

    if (r == 0 && head)
      g_string_append (out, "<thead>\n");
    if (r == block->n_head_rows)
      g_string_append (out, "<tbody>\n");
    g_string_append (out, "<tr>");
    for (guint c = 0; c < n_columns; c++) {
      WenjiAlign align = c < block->aligns->len ?
        g_array_index (block->aligns, WenjiAlign, c) : WENJI_ALIGN_DEFAULT;

      g_string_append_printf (out, "<%s%s>", head ? "th" : "td", aligns[align]);
      append_rich_text (body, block->cells->pdata[r * n_columns + c]);
      g_string_append_printf (out, "</%s>", head ? "th" : "td");
    }
    g_string_append (out, "</tr>\n");
    if (head && r + 1 == block->n_head_rows)
      g_string_append (out, "</thead>\n");
  }
  if (n_rows > block->n_head_rows)
    g_string_append (out, "</tbody>\n");
  g_string_append (out, "</table>\n");
}

/* The model is flat; lists and quotes are opened and closed again from
 * the depths the blocks carry. Quotes go outside lists. */
static void
close_lists (Body  *body,
             guint  depth)
{
  while (body->lists->len > depth) {
    gboolean ordered = g_array_index (body->lists, gboolean, body->lists->len - 1);
    g_string_append (body->out, ordered ? "</li></ol>\n" : "</li></ul>\n");
    g_array_set_size (body->lists, body->lists->len - 1);
  }
}

static void
open_item (Body             *body,
           const WenjiBlock *block)
{
  gboolean task = block->marker != NULL &&
                  (g_str_equal (block->marker, "☐") || g_str_equal (block->marker, "☑"));

  g_string_append (body->out, task ? "<li class=\"task\">" : "<li>");
  if (task) {
    g_string_append (body->out, block->marker);
    g_string_append_c (body->out, ' ');
  }
}

static void
nest (Body             *body,
      const WenjiBlock *block)
{
  GString *out = body->out;

  if (block->quote_depth != body->quotes) {
    close_lists (body, 0);
    for (; body->quotes > block->quote_depth; body->quotes--)
      g_string_append (out, "</blockquote>\n");
    for (; body->quotes < block->quote_depth; body->quotes++)
      g_string_append (out, "<blockquote>\n");
  }

  close_lists (body, block->list_depth);
  /* A list of the other kind right after one: a new list. */
  if (block->list_depth > 0 && block->list_depth == body->lists->len && block->marker != NULL &&
      g_array_index (body->lists, gboolean, block->list_depth - 1) != block->ordered)
    close_lists (body, block->list_depth - 1);

  if (block->list_depth > 0 && block->list_depth == body->lists->len && block->marker != NULL) {
    g_string_append (out, "</li>\n");
    open_item (body, block);
  }

  while (body->lists->len < block->list_depth) {
    gboolean ordered = block->ordered && body->lists->len + 1 == block->list_depth;
    guint start = 1;

    if (ordered && block->marker != NULL)
      start = (guint) g_ascii_strtoull (block->marker, NULL, 10);
    if (ordered && start != 1)
      g_string_append_printf (out, "<ol start=\"%u\">\n", start);
    else
      g_string_append (out, ordered ? "<ol>\n" : "<ul>\n");
    g_array_append_val (body->lists, ordered);
    open_item (body, block);
  }
}

static void
append_block (Body             *body,
              const WenjiBlock *block)
{
  GString *out = body->out;

  switch (block->kind) {
  case WENJI_BLOCK_TITLE:
    g_string_append (out, "<div class=\"header\">\n<h1 class=\"title\">");
    append_rich_text (body, block->text);
    g_string_append (out, "</h1>\n");
    break;
  case WENJI_BLOCK_BYLINE:
    g_string_append (out, "<p class=\"byline\">");
    append_rich_text (body, block->text);
    g_string_append (out, "</p>\n");
    break;
  case WENJI_BLOCK_HEADING: {
    guint level = CLAMP (block->level, 1, 6);

    g_string_append_printf (out, "<h%u", level);
    if (block->anchor != NULL && *block->anchor != '\0') {
      g_string_append (out, " id=\"");
      escape (out, block->anchor, -1);
      g_string_append_c (out, '"');
    }
    g_string_append_c (out, '>');
    append_rich_text (body, block->text);
    g_string_append_printf (out, "</h%u>\n", level);
    break;
  }
  case WENJI_BLOCK_CODE:
    g_string_append (out, "<pre><code>");
    wenji_markup_escape (out, block->text->text, -1, TRUE);
    g_string_append (out, "</code></pre>\n");
    break;
  case WENJI_BLOCK_RULE:
    append_void (body, "hr");
    g_string_append_c (out, '\n');
    break;
  case WENJI_BLOCK_TABLE:
    append_table (body, block);
    break;
  case WENJI_BLOCK_IMAGE:
    append_image (body, block);
    break;
  case WENJI_BLOCK_PARAGRAPH:
  default:
    g_string_append (out, "<p>");
    append_rich_text (body, block->text);
    g_string_append (out, "</p>\n");
    break;
  }
}

/**
 * wenji_html_writer_append_body:
 * @self: the writer
 * @document: the article's document
 * @out: where to append
 *
 * Appends the article's blocks, the title and byline in a header, in a
 * `<div class="article">`.
 */
void
wenji_html_writer_append_body (WenjiHtmlWriter *self,
                               WenjiDocument   *document,
                               GString         *out)
{
  g_autoptr (GArray) lists = g_array_new (FALSE, FALSE, sizeof (gboolean));
  Body body = { self, out, 0, lists };
  gboolean header_open = FALSE;

  g_return_if_fail (WENJI_IS_HTML_WRITER (self));
  g_return_if_fail (WENJI_IS_DOCUMENT (document));

  g_string_append (out, "<div class=\"article\">\n");
  for (guint i = 0; i < wenji_document_get_n_blocks (document); i++) {
    const WenjiBlock *block = wenji_document_get_block (document, i);

    if (block->kind == WENJI_BLOCK_TITLE) {
      header_open = TRUE;
    } else if (block->kind == WENJI_BLOCK_BYLINE && !header_open) {
      g_string_append (out, "<div class=\"header\">\n");
      header_open = TRUE;
    } else if (block->kind != WENJI_BLOCK_BYLINE && header_open) {
      g_string_append (out, "</div>\n");
      header_open = FALSE;
    }

    nest (&body, block);
    append_block (&body, block);
  }
  if (header_open)
    g_string_append (out, "</div>\n");
  nest (&body, &(WenjiBlock) { .kind = WENJI_BLOCK_PARAGRAPH });
  g_string_append (out, "</div>\n");
}

/* A font family as a CSS string. The name comes from the user's settings:
 * every ASCII character but letters, digits, space, hyphen and underscore
 * is written as a hex escape, so no quote, backslash, newline, brace or
 * "</style>" can end the string, the rule or the style sheet. */
static void
append_css_string (GString    *out,
                   const char *value)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) value; *p != '\0'; p++) {
    if (g_ascii_isalnum (*p) || *p == ' ' || *p == '-' || *p == '_' || *p >= 0x80)
      g_string_append_c (out, *p);
    else
      g_string_append_printf (out, "\\%x ", *p);
  }
  g_string_append_c (out, '"');
}

static void
append_font_rules (WenjiHtmlWriter *self,
                   GString         *out)
{
  if (self->setup.body_font != NULL || self->setup.heading_font != NULL)
    g_string_append (out, punctuation_faces);

  for (guint i = 0; i < G_N_ELEMENTS (font_rules); i++) {
    const char *chosen = font_rules[i].role == WENJI_FONT_BODY ? self->setup.body_font
                                                                : self->setup.heading_font;

    if (chosen == NULL && font_rules[i].chosen_only)
      continue;

    if (font_rules[i].role == WENJI_FONT_BODY) {
      g_string_append_printf (out, "%sbody", font_rules[i].scope);
    } else {
      for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
        g_string_append_printf (out, "%s%s%s", h > 0 ? ", " : "", font_rules[i].scope, headings[h]);
    }
    g_string_append (out, " { font-family: ");
    if (chosen != NULL && font_rules[i].punctuation != NULL)
      g_string_append_printf (out, "\"%s\", ", font_rules[i].punctuation);
    if (chosen != NULL) {
      append_css_string (out, chosen);
      g_string_append (out, ", ");
    }
    g_string_append_printf (out, "%s; }\n", font_rules[i].stack);
  }
}

static void
append_meta (GString    *out,
             const char *name,
             const char *content)
{
  if (content == NULL || *content == '\0')
    return;
  g_string_append_printf (out, "<meta name=\"%s\" content=\"", name);
  escape (out, content, -1);
  g_string_append (out, "\">\n");
}

static void
append_head (WenjiHtmlWriter *self,
             GString         *out,
             const char      *lang,
             const char      *title,
             WenjiArticle    *article)
{
  static const char *page_sizes[] = { "A4", "A5", "176mm 250mm", "letter" };
  char size[G_ASCII_DTOSTR_BUF_SIZE], line[G_ASCII_DTOSTR_BUF_SIZE];
  char top[G_ASCII_DTOSTR_BUF_SIZE], side[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;

  g_ascii_formatd (size, sizeof size, "%.1f", self->setup.font_size);
  g_ascii_formatd (line, sizeof line, "%.2f", self->setup.line_height);
  g_ascii_formatd (top, sizeof top, "%.0f", self->setup.margin_top * 25.4 / 72);
  g_ascii_formatd (side, sizeof side, "%.0f", self->setup.margin_left * 25.4 / 72);
  css = g_strdup_printf (stylesheet, size, line,
                         page_sizes[MIN (self->setup.paper, G_N_ELEMENTS (page_sizes) - 1)],
                         top, side);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  escape (out, lang, -1);
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta http-equiv=\"Content-Security-Policy\" "
                        "content=\"default-src 'none'; "
                        "img-src data:; style-src 'unsafe-inline'\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"Wenji " PACKAGE_VERSION "\">\n");
  g_string_append (out, "<title>");
  escape (out, title, -1);
  g_string_append (out, "</title>\n");
  if (article != NULL) {
    const char * const *tags = wenji_article_get_tags (article);
    g_autofree char *keywords = tags != NULL ? g_strjoinv (", ", (char **) tags) : NULL;

    append_meta (out, "author", wenji_article_get_author (article));
    append_meta (out, "description", wenji_article_get_summary (article));
    append_meta (out, "keywords", keywords);
  }
  g_string_append (out, "<style>\n");
  wenji_html_append_block_styles (out, &self->setup);
  g_string_append (out, css);
  append_font_rules (self, out);
  g_string_append (out, "</style>\n</head>\n");
  g_string_append_printf (out, "<body%s>\n", self->setup.indent ? " class=\"indent\"" : "");
}

/**
 * wenji_html_writer_render_article:
 * @self: the writer
 * @article: the article
 *
 * Returns: (transfer full): the whole HTML file, UTF-8
 */
char *
wenji_html_writer_render_article (WenjiHtmlWriter *self,
                                  WenjiArticle    *article)
{
  g_autoptr (WenjiDocument) document = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (WENJI_IS_HTML_WRITER (self), NULL);
  g_return_val_if_fail (WENJI_IS_ARTICLE (article), NULL);

  document = wenji_document_new_for_article (article, NULL);
  append_head (self, out, wenji_document_get_lang (document), wenji_document_get_title (document),
               article);
  wenji_html_writer_append_body (self, document, out);
  g_string_append (out, "</body>\n</html>\n");

  return g_string_free (out, FALSE);
}

static gboolean
write_file (const char  *path,
            const char  *contents,
            GError     **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!g_file_set_contents (path, contents, -1, &local_error)) {
    g_autofree char *name = g_filename_display_name (path);
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_READ_ONLY,
                 "Cannot write “%s”: %s", name, local_error->message);
    return FALSE;
  }

  return TRUE;
}

/**
 * wenji_html_writer_write_article:
 * @self: the writer
 * @article: the article
 * @path: the file to write
 * @error: return location for an error
 *
 * Returns: whether the file was written
 */
gboolean
wenji_html_writer_write_article (WenjiHtmlWriter  *self,
                                 WenjiArticle     *article,
                                 const char       *path,
                                 GError          **error)
{
  g_autofree char *html = wenji_html_writer_render_article (self, article);

  return write_file (path, html, error);
}

/**
 * wenji_html_writer_write_index:
 * @self: the writer
 * @title: the collection's title
 * @articles: (element-type WenjiArticle): the articles, in order
 * @hrefs: the file name of each article, relative to the index
 * @path: the index file to write
 * @error: return location for an error
 *
 * The index page of a folder of articles: the title and a list of links.
 *
 * Returns: whether the file was written
 */
gboolean
wenji_html_writer_write_index (WenjiHtmlWriter     *self,
                               const char          *title,
                               GPtrArray           *articles,
                               const char * const  *hrefs,
                               const char          *path,
                               GError             **error)
{
  g_autoptr (GString) index = g_string_new (NULL);
  const char *lang = WENJI_LANG_HANS;

  g_return_val_if_fail (WENJI_IS_HTML_WRITER (self), FALSE);

  if (articles->len > 0 && *wenji_article_get_lang (articles->pdata[0]) != '\0')
    lang = wenji_article_get_lang (articles->pdata[0]);
  append_head (self, index, lang, title, NULL);
  g_string_append (index, "<div class=\"header\">\n<h1 class=\"title\">");
  escape (index, title, -1);
  g_string_append (index, "</h1>\n</div>\n<ol class=\"index\">\n");

  for (guint i = 0; i < articles->len; i++) {
    const char *article_title = wenji_article_get_title (articles->pdata[i]);

    g_string_append (index, "<li><a href=\"");
    escape (index, hrefs[i], -1);
    g_string_append (index, "\">");
    escape (index, *article_title ? article_title : "—", -1);
    g_string_append (index, "</a></li>\n");
  }

  g_string_append (index, "</ol>\n</body>\n</html>\n");
  return write_file (path, index->str, error);
}

/**
 * wenji_html_writer_get_book_style_sheet:
 * @self: the writer
 *
 * Returns: (transfer full): the style sheet of a book's pages: the house
 *   style in the setup's theme, the fonts of each script, and vertical
 *   writing when the setup asks for it
 */
char *
wenji_html_writer_get_book_style_sheet (WenjiHtmlWriter *self)
{
  GString *out = g_string_new (NULL);
  char line[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (WENJI_IS_HTML_WRITER (self), NULL);

  g_ascii_formatd (line, sizeof line, "%.2f", self->setup.line_height);
  if (self->setup.vertical)
    g_string_append (out, vertical_stylesheet);
  g_string_append_printf (out, book_stylesheet, line);
  wenji_html_append_block_styles (out, &self->setup);
  append_font_rules (self, out);

  return g_string_free (out, FALSE);
}
