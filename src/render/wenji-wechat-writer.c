/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An article as an HTML fragment for the WeChat editor (公众号), Zhihu or a
 * web CMS. Those editors keep inline styles and little else, so every
 * element carries its own style, from the house style and the theme of the
 * page setup; there is no <style>, no class and no CSS variable. External
 * links become numbered notes at the end, as WeChat only keeps links to
 * its own articles; lists nest two deep at most; code keeps its lines as
 * <br>; pictures are embedded as data: URIs. Everything from the article
 * is escaped as in the HTML writer (wenji-markup.c).
 */
#include "config.h"

#include <string.h>

#include "wenji-block-style.h"
#include "wenji-error.h"
#include "wenji-markup.h"
#include "wenji-text.h"
#include "wenji-wechat-writer.h"

/* The body text, in CSS pixels: what WeChat articles are read at. */
#define BODY_PX 16.0

/* Lists deeper than this are flattened, their markers kept in the text. */
#define MAX_LIST_DEPTH 2

typedef struct {
  const WenjiPageSetup *setup;
  GString              *out;
  GPtrArray            *notes;      /* "text\tURL" of each external link */
  guint                 open_lists; /* <ul>/<ol> open */
  GArray               *list_kinds; /* gboolean ordered, per open list */
  gboolean              item_open;
} Writer;

static void
escape (GString    *out,
        const char *text,
        gssize      len)
{
  wenji_markup_escape (out, text, len, FALSE);
}

static void
escape_text (GString    *out,
             const char *text,
             gssize      len)
{
  wenji_markup_escape (out, text, len, TRUE);
}

static void
append_px (GString *out,
           double   px)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (number, sizeof number, "%.4g", px));
  if (px != 0)
    g_string_append (out, "px");
}

static const WenjiBlockStyle *
style_of (Writer              *writer,
          WenjiBlockStyleKind  kind)
{
  return wenji_block_style_get_themed (kind, writer->setup->theme);
}

/* The declarations of @style, for an element with @extra ones after them. */
static void
append_style (Writer                *writer,
              const WenjiBlockStyle *style,
              const char            *extra)
{
  GString *out = writer->out;
  double size = style->size * BODY_PX;
  double line_height = style->line_height > 0 ? style->line_height : writer->setup->line_height;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, " style=\"margin: ");
  append_px (out, style->space_before * BODY_PX);
  g_string_append (out, " 0 ");
  append_px (out, style->space_after * BODY_PX);
  g_string_append (out, "; font-size: ");
  append_px (out, size);
  g_string_append_printf (out, "; line-height: %s; color: #%06X; font-weight: %s;",
                          g_ascii_formatd (number, sizeof number, "%.3g", line_height),
                          style->color, style->bold ? "bold" : "normal");
  if (style->centered)
    g_string_append (out, " text-align: center;");
  if (style->first_line > 0) {
    g_string_append (out, " text-indent: ");
    append_px (out, style->first_line * BODY_PX);
    g_string_append_c (out, ';');
  }
  if (style->background != WENJI_BLOCK_STYLE_NO_COLOR)
    g_string_append_printf (out, " background-color: #%06X;", style->background);
  if (style->decoration == WENJI_DECORATION_BAR) {
    g_string_append_printf (out, " border-left: 4px solid #%06X; padding-left: ",
                            style->line_color);
    append_px (out, 0.5 * BODY_PX);
    g_string_append_c (out, ';');
  } else if (style->decoration == WENJI_DECORATION_RULE) {
    g_string_append_printf (out, " border-bottom: 2px solid #%06X; padding-bottom: 4px;",
                            style->line_color);
  }
  if (extra != NULL)
    g_string_append_printf (out, " %s", extra);
  g_string_append_c (out, '"');
}

/* Only links to WeChat articles survive a paste into the WeChat editor. */
static gboolean
stays_a_link (const char *href)
{
  g_autoptr (GUri) uri = g_uri_parse (href, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  return host != NULL && g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 &&
         g_ascii_strcasecmp (host, "mp.weixin.qq.com") == 0;
}

static void
append_rich_text (Writer              *writer,
                  const WenjiRichText *text)
{
  GString *out = writer->out;
  guint32 accent = wenji_theme_get_accent (writer->setup->theme);

  for (guint i = 0; text != NULL && i < text->spans->len; i++) {
    const WenjiSpan *span = &g_array_index (text->spans, WenjiSpan, i);
    gboolean external = (span->style & WENJI_STYLE_LINK) && span->href != NULL &&
                        span->href[0] != '#' && wenji_url_is_safe (span->href);
    gboolean link = external && stays_a_link (span->href);
    const char *run = text->text + span->start;
    gsize len = span->end - span->start;

    if (link) {
      g_string_append (out, "<a href=\"");
      escape (out, span->href, -1);
      g_string_append_printf (out, "\" style=\"color: #%06X; text-decoration: none;\">", accent);
    }
    if (span->style & WENJI_STYLE_STRONG)
      g_string_append (out, "<strong style=\"font-weight: bold;\">");
    if (span->style & WENJI_STYLE_EM)
      g_string_append (out, "<em style=\"font-style: italic;\">");
    if (span->style & WENJI_STYLE_STRIKE)
      g_string_append (out, "<del style=\"text-decoration: line-through;\">");
    if (span->style & WENJI_STYLE_CODE)
      g_string_append (out, "<code style=\"font-family: Menlo, Consolas, monospace; "
                            "font-size: 90%; background-color: #F2F2F2; padding: 0 2px;\">");
    escape_text (out, run, len);
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

    /* Other links: the text, and its address in a numbered note. The
     * spans of one link follow each other with the same target. */
    if (external && !link) {
      const WenjiSpan *next = i + 1 < text->spans->len
                              ? &g_array_index (text->spans, WenjiSpan, i + 1) : NULL;

      if (next == NULL || g_strcmp0 (next->href, span->href) != 0) {
        g_ptr_array_add (writer->notes, g_strdup (span->href));
        g_string_append_printf (out, "<sup style=\"color: #%06X; font-size: 75%%;\">[%u]</sup>",
                                accent, writer->notes->len);
      }
    }
  }
}

static void
close_item (Writer *writer)
{
  if (writer->item_open)
    g_string_append (writer->out, "</li>");
  writer->item_open = FALSE;
}

static void
close_lists (Writer *writer,
             guint   depth)
{
  while (writer->list_kinds->len > depth) {
    gboolean ordered = g_array_index (writer->list_kinds, gboolean, writer->list_kinds->len - 1);

    close_item (writer);
    g_string_append (writer->out, ordered ? "</ol>" : "</ul>");
    g_array_set_size (writer->list_kinds, writer->list_kinds->len - 1);
    /* The item of the list around it is open again. */
    writer->item_open = writer->list_kinds->len > 0;
  }
}

/* Opens and closes lists to the block's depth, two at most; a block deeper
 * than that goes in the innermost item, its marker written out. */
static void
nest (Writer           *writer,
      const WenjiBlock *block)
{
  const WenjiBlockStyle *item = style_of (writer, WENJI_BLOCK_STYLE_LIST_ITEM);
  guint depth = MIN (block->list_depth, MAX_LIST_DEPTH);

  close_lists (writer, depth);
  /* A list of the other kind right after one: a new list. */
  if (depth > 0 && writer->list_kinds->len == depth && block->marker != NULL &&
      block->list_depth == depth &&
      g_array_index (writer->list_kinds, gboolean, depth - 1) != block->ordered)
    close_lists (writer, depth - 1);

  while (writer->list_kinds->len < depth) {
    gboolean ordered = block->ordered && writer->list_kinds->len + 1 == depth;

    g_string_append (writer->out, ordered ? "<ol" : "<ul");
    g_string_append (writer->out, " style=\"margin: 0; padding-left: ");
    append_px (writer->out, item->inset * BODY_PX);
    g_string_append (writer->out, ";\">");
    g_array_append_val (writer->list_kinds, ordered);
    writer->item_open = FALSE;
  }

  if (depth > 0 && block->marker != NULL && block->list_depth <= MAX_LIST_DEPTH) {
    close_item (writer);
    g_string_append (writer->out, "<li style=\"margin: 0;\">");
    writer->item_open = TRUE;
  } else if (depth > 0 && !writer->item_open) {
    g_string_append (writer->out, "<li style=\"margin: 0;\">");
    writer->item_open = TRUE;
  }
}

static void
append_paragraph (Writer           *writer,
                  const WenjiBlock *block)
{
  const WenjiBlockStyle *style;
  g_autofree char *indent = NULL;

  if (block->list_depth > 0)
    style = style_of (writer, WENJI_BLOCK_STYLE_LIST_ITEM);
  else if (writer->setup->indent && block->quote_depth == 0)
    style = style_of (writer, WENJI_BLOCK_STYLE_PARAGRAPH_INDENTED);
  else
    style = style_of (writer, WENJI_BLOCK_STYLE_PARAGRAPH);

  g_string_append (writer->out, "<p");
  append_style (writer, style, "text-align: justify;");
  g_string_append_c (writer->out, '>');
  /* A marker of a list flattened into its parent stays in the text. */
  if (block->list_depth > MAX_LIST_DEPTH && block->marker != NULL) {
    escape_text (writer->out, block->marker, -1);
    g_string_append (writer->out, " ");
  }
  append_rich_text (writer, block->text);
  g_string_append (writer->out, "</p>");
}

/* Code keeps its lines and its indentation in any editor. */
static void
append_code (Writer           *writer,
             const WenjiBlock *block)
{
  const char *text = block->text != NULL ? block->text->text : "";
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  g_string_append (writer->out, "<p");
  append_style (writer, style_of (writer, WENJI_BLOCK_STYLE_CODE),
                "font-family: Menlo, Consolas, monospace; padding: 8px 12px; "
                "white-space: normal; text-align: left;");
  g_string_append_c (writer->out, '>');
  for (guint i = 0; lines[i] != NULL; i++) {
    const char *p = lines[i];

    if (i > 0)
      g_string_append (writer->out, "<br>");
    for (; *p == ' '; p++)
      g_string_append (writer->out, "&nbsp;");
    escape_text (writer->out, p, -1);
  }
  g_string_append (writer->out, "</p>");
}

static void
append_table (Writer           *writer,
              const WenjiBlock *block)
{
  const WenjiBlockStyle *style = style_of (writer, WENJI_BLOCK_STYLE_TABLE);
  WenjiBlockStyle table = *style;
  guint n_columns = MAX (block->n_columns, 1);
  guint n_rows = block->cells->len / n_columns;

  /* The background is the head rows'. */
  table.background = WENJI_BLOCK_STYLE_NO_COLOR;
  g_string_append (writer->out, "<table");
  append_style (writer, &table, "border-collapse: collapse; width: 100%;");
  g_string_append (writer->out, "><tbody>");
  for (guint r = 0; r < n_rows; r++) {
    gboolean head = r < block->n_head_rows;

    g_string_append (writer->out, "<tr>");
    for (guint c = 0; c < n_columns; c++) {
      WenjiAlign align = c < block->aligns->len ?
        g_array_index (block->aligns, WenjiAlign, c) : WENJI_ALIGN_DEFAULT;

      g_string_append_printf (writer->out, "<td style=\"border: 1px solid #%06X; padding: ",
                              style->line_color);
      append_px (writer->out, style->padding * BODY_PX / 2);
      g_string_append_c (writer->out, ' ');
      append_px (writer->out, style->padding * BODY_PX);
      g_string_append (writer->out, ";");
      if (head)
        g_string_append_printf (writer->out, " font-weight: bold; background-color: #%06X;",
                                style->background);
      if (align != WENJI_ALIGN_DEFAULT)
        g_string_append_printf (writer->out, " text-align: %s;",
                                align == WENJI_ALIGN_CENTER ? "center" :
                                align == WENJI_ALIGN_RIGHT ? "right" : "left");
      g_string_append (writer->out, "\">");
      append_rich_text (writer, block->cells->pdata[r * n_columns + c]);
      g_string_append (writer->out, "</td>");
    }
    g_string_append (writer->out, "</tr>");
  }
  g_string_append (writer->out, "</tbody></table>");
}

static void
append_image (Writer           *writer,
              const WenjiBlock *block)
{
  const WenjiBlockStyle *style = style_of (writer, WENJI_BLOCK_STYLE_FIGURE);
  g_autofree char *uri = block->image_path != NULL
                         ? wenji_markup_image_data_uri (block->image_path) : NULL;
  const char *alt = block->text != NULL ? block->text->text : "";

  g_string_append (writer->out, "<section");
  append_style (writer, style, NULL);
  g_string_append_c (writer->out, '>');
  if (uri != NULL) {
    g_string_append_printf (writer->out,
                            "<img src=\"%s\" style=\"display: block; max-width: 100%%; "
                            "height: auto; margin: 0 auto;\" alt=\"", uri);
    escape (writer->out, alt, -1);
    g_string_append (writer->out, "\">");
  }
  /* The caption; alone, it stands for a picture that is not there. */
  if (*alt != '\0') {
    g_string_append (writer->out, "<span style=\"display: block; font-size: 14px; "
                                  "color: #888888; margin-top: 4px;\">");
    escape_text (writer->out, alt, -1);
    g_string_append (writer->out, "</span>");
  }
  g_string_append (writer->out, "</section>");
}

static void
append_quote_open (Writer *writer,
                   guint   from,
                   guint   to)
{
  const WenjiBlockStyle *quote = style_of (writer, WENJI_BLOCK_STYLE_QUOTE);

  for (guint q = from; q < to; q++) {
    g_string_append_printf (writer->out,
                            "<blockquote style=\"margin: 0 0 0 0; padding: 0 0 0 ");
    append_px (writer->out, (quote->inset - quote->padding) * BODY_PX);
    g_string_append_printf (writer->out, "; border-left: 3px solid #%06X; color: #%06X;\">",
                            quote->line_color, quote->color);
  }
}

static void
append_block (Writer           *writer,
              const WenjiBlock *block)
{
  switch (block->kind) {
  case WENJI_BLOCK_TITLE:
    g_string_append (writer->out, "<h1");
    append_style (writer, style_of (writer, WENJI_BLOCK_STYLE_TITLE), NULL);
    g_string_append_c (writer->out, '>');
    append_rich_text (writer, block->text);
    g_string_append (writer->out, "</h1>");
    break;
  case WENJI_BLOCK_BYLINE:
    g_string_append (writer->out, "<p");
    append_style (writer, style_of (writer, WENJI_BLOCK_STYLE_BYLINE), NULL);
    g_string_append_c (writer->out, '>');
    append_rich_text (writer, block->text);
    g_string_append (writer->out, "</p>");
    break;
  case WENJI_BLOCK_HEADING: {
    /* The title is the <h1>. */
    guint level = CLAMP (block->level, 2, 6);

    g_string_append_printf (writer->out, "<h%u", level);
    append_style (writer, style_of (writer, wenji_block_style_for_heading (block->level)), NULL);
    g_string_append_c (writer->out, '>');
    append_rich_text (writer, block->text);
    g_string_append_printf (writer->out, "</h%u>", level);
    break;
  }
  case WENJI_BLOCK_CODE:
    append_code (writer, block);
    break;
  case WENJI_BLOCK_RULE: {
    const WenjiBlockStyle *rule = style_of (writer, WENJI_BLOCK_STYLE_RULE);

    g_string_append_printf (writer->out,
                            "<hr style=\"border: 0; border-top: 1px solid #%06X; width: 40%%; "
                            "margin: ", rule->line_color);
    append_px (writer->out, rule->size / 2 * BODY_PX);
    g_string_append (writer->out, " auto ");
    append_px (writer->out, (rule->size / 2 + rule->space_after) * BODY_PX);
    g_string_append (writer->out, ";\">");
    break;
  }
  case WENJI_BLOCK_TABLE:
    append_table (writer, block);
    break;
  case WENJI_BLOCK_IMAGE:
    append_image (writer, block);
    break;
  case WENJI_BLOCK_PARAGRAPH:
  default:
    append_paragraph (writer, block);
    break;
  }
  g_string_append_c (writer->out, '\n');
}

/* The addresses of the links, numbered in the order of the text. */
static void
append_notes (Writer     *writer,
              const char *lang)
{
  const WenjiBlockStyle *style = style_of (writer, WENJI_BLOCK_STYLE_BYLINE);
  const char *heading = g_str_has_prefix (lang, "zh-Hant") ? "參考資料" :
                        g_str_has_prefix (lang, "zh") ? "参考资料" : "Notes";

  if (writer->notes->len == 0)
    return;

  g_string_append_printf (writer->out,
                          "<section style=\"margin: 32px 0 0 0; padding-top: 8px; "
                          "border-top: 1px solid #%06X; font-size: 14px; color: #%06X;\">",
                          style_of (writer, WENJI_BLOCK_STYLE_RULE)->line_color, style->color);
  g_string_append_printf (writer->out, "<p style=\"margin: 0 0 4px 0; font-weight: bold;\">%s</p>",
                          heading);
  for (guint i = 0; i < writer->notes->len; i++) {
    g_string_append_printf (writer->out,
                            "<p style=\"margin: 0; word-break: break-all;\">[%u] ", i + 1);
    escape_text (writer->out, writer->notes->pdata[i], -1);
    g_string_append (writer->out, "</p>");
  }
  g_string_append (writer->out, "</section>\n");
}

/**
 * wenji_wechat_writer_render_article:
 * @setup: (nullable): the page setup: its theme, indent and line height
 * @article: the article
 *
 * Returns: (transfer full): the fragment, UTF-8: a `<meta charset>` and
 *   one `<section>` holding the article
 */
char *
wenji_wechat_writer_render_article (const WenjiPageSetup *setup,
                                    WenjiArticle         *article)
{
  g_autoptr (WenjiDocument) document = NULL;
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) list_kinds = g_array_new (FALSE, FALSE, sizeof (gboolean));
  WenjiPageSetup defaults;
  const WenjiBlockStyle *body;
  const char *lang;
  GString *out = g_string_new ("<meta charset=\"utf-8\">\n");
  Writer writer = { setup, out, notes, 0, list_kinds, FALSE };
  guint quotes = 0;

  g_return_val_if_fail (WENJI_IS_ARTICLE (article), NULL);

  if (setup == NULL) {
    wenji_page_setup_init (&defaults);
    writer.setup = &defaults;
  }

  document = wenji_document_new_for_article (article, NULL);
  lang = wenji_document_get_lang (document);
  body = style_of (&writer, WENJI_BLOCK_STYLE_PARAGRAPH);

  g_string_append (out, "<section lang=\"");
  escape (out, lang, -1);
  g_string_append_printf (out, "\" style=\"margin: 0; padding: 0; font-size: ");
  append_px (out, BODY_PX);
  g_string_append_printf (out, "; color: #%06X; letter-spacing: 0.5px; word-wrap: break-word; "
                          "text-align: justify;\">\n", body->color);

  for (guint i = 0; i < wenji_document_get_n_blocks (document); i++) {
    const WenjiBlock *block = wenji_document_get_block (document, i);

    if (block->quote_depth != quotes) {
      close_lists (&writer, 0);
      for (; quotes > block->quote_depth; quotes--)
        g_string_append (out, "</blockquote>");
      append_quote_open (&writer, quotes, block->quote_depth);
      quotes = block->quote_depth;
    }
    nest (&writer, block);
    append_block (&writer, block);
  }
  close_lists (&writer, 0);
  for (; quotes > 0; quotes--)
    g_string_append (out, "</blockquote>");

  append_notes (&writer, lang);
  g_string_append (out, "</section>\n");

  return g_string_free (out, FALSE);
}

/**
 * wenji_wechat_writer_render_text:
 * @article: the article
 *
 * Returns: (transfer full): the article as plain text, for editors that
 *   take no HTML: the title, then the paragraphs, with the notes' addresses
 */
char *
wenji_wechat_writer_render_text (WenjiArticle *article)
{
  g_autoptr (WenjiDocument) document = wenji_document_new_for_article (article, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < wenji_document_get_n_blocks (document); i++) {
    const WenjiBlock *block = wenji_document_get_block (document, i);

    if (block->kind == WENJI_BLOCK_TABLE) {
      guint n_columns = MAX (block->n_columns, 1);

      for (guint c = 0; c < block->cells->len; c++) {
        const WenjiRichText *cell = block->cells->pdata[c];

        g_string_append (out, cell->text);
        g_string_append (out, (c + 1) % n_columns == 0 ? "\n" : "\t");
      }
      g_string_append_c (out, '\n');
      continue;
    }
    if (block->kind == WENJI_BLOCK_RULE) {
      g_string_append (out, "——\n\n");
      continue;
    }
    if (block->marker != NULL)
      g_string_append_printf (out, "%s ", block->marker);
    if (block->text != NULL)
      g_string_append (out, block->text->text);
    g_string_append (out, "\n\n");
  }

  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

/**
 * wenji_wechat_writer_write_article:
 * @path: the file to write the fragment to
 *
 * Returns: whether the file was written
 */
gboolean
wenji_wechat_writer_write_article (const WenjiPageSetup  *setup,
                                   WenjiArticle          *article,
                                   const char            *path,
                                   GError               **error)
{
  g_autofree char *fragment = wenji_wechat_writer_render_article (setup, article);
  g_autoptr (GError) local_error = NULL;

  if (!g_file_set_contents (path, fragment, -1, &local_error)) {
    g_autofree char *name = g_filename_display_name (path);

    g_set_error (error, WENJI_ERROR, WENJI_ERROR_READ_ONLY,
                 "Cannot write “%s”: %s", name, local_error->message);
    return FALSE;
  }

  return TRUE;
}
