/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A saved page as lines, once its article is found: one line per block or
 * <br>, each marked with where it stands (before the article, in it, after
 * it) and what it is (furniture, a caption, a heading, a title, a summary,
 * set in the middle, all link text). Pictures of the article become
 * Markdown lines. The line rules (wenji-import-chrome.c,
 * wenji-import-extract.c) read them.
 */
#include "config.h"

#include <string.h>

#include "wenji-fetch.h"
#include "wenji-import-html-private.h"

/**
 * wenji_import_flush_line:
 * @page: the page being read
 *
 * Ends the line being gathered, if it holds any text, with what it is and
 * where it stands.
 */
void
wenji_import_flush_line (WenjiImportPage *page)
{
  g_autofree char *text = wenji_import_normalise_space (page->line->str);
  g_autofree char *head = page->heading_head > 0 ? g_strndup (page->line->str,
                                                              page->heading_head) : NULL;
  WenjiImportLine *line;

  g_string_truncate (page->line, 0);
  page->heading_head = 0;
  if (*text == '\0') {
    page->line_is_heading = FALSE;
    page->line_chars = page->line_link_chars = 0;
    return;
  }

  line = g_new0 (WenjiImportLine, 1);
  line->text = g_steal_pointer (&text);
  line->head = head ? wenji_import_normalise_space (head) : NULL;
  line->region = page->region;
  line->furniture = page->furniture_depth > 0;
  line->heading = page->line_is_heading;
  line->titled = page->title_depth > 0;
  line->caption = page->caption_depth > 0;
  line->summary = page->summary_depth > 0;
  line->centered = page->center_depth > 0;
  line->linked = page->line_chars > 0 && page->line_link_chars * 10 >= page->line_chars * 9;
  page->line_is_heading = FALSE;
  page->line_chars = page->line_link_chars = 0;
  g_ptr_array_add (page->lines, line);
}

/* Whether @node sets its text in the middle: `<center>`, `<p align="center">`,
 * `style="text-align: center"`. */
static gboolean
is_centered (xmlNode *node)
{
  g_autofree char *align = NULL;
  g_autofree char *style = NULL;

  if (wenji_import_node_is (node, "center"))
    return TRUE;
  align = wenji_import_node_attr (node, "align");
  if (align != NULL && g_ascii_strcasecmp (align, "center") == 0)
    return TRUE;
  style = wenji_import_node_attr (node, "style");
  if (style == NULL)
    return FALSE;
  for (char *p = style; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);

  return strstr (style, "text-align:center") != NULL ||
         strstr (style, "text-align: center") != NULL;
}

static gboolean
holds_picture (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE &&
        (wenji_import_node_is (child, "img") || holds_picture (child)))
      return TRUE;

  return FALSE;
}

/* Whether @node is a box set beside the text with nothing to read in it,
 * an advert a script fills: `…规划，<table align=left><tr><td><script>…
 * </script></td></tr></table>进一步了解…`; the text flows around it. */
static gboolean
is_empty_float (xmlNode              *node,
                WenjiImportNodeStats *stats)
{
  g_autofree char *align = NULL;
  g_autofree char *style = NULL;

  if (stats->chars > 0 || holds_picture (node))
    return FALSE;
  align = wenji_import_node_attr (node, "align");
  if (align != NULL && (g_ascii_strcasecmp (g_strstrip (align), "left") == 0 ||
                        g_ascii_strcasecmp (align, "right") == 0))
    return TRUE;
  style = wenji_import_node_attr (node, "style");

  return style != NULL && strstr (style, "float") != NULL;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0xA0)
      return FALSE;

  return TRUE;
}

/* Whether the text of paragraph @node runs on after it, past an empty box
 * beside it: the parser closes a <p> before a <table> in it, but the
 * sentence goes on, `<p>…规划，<table align=left>…</table>进一步了解…`. */
static gboolean
runs_on (WenjiImportPage *page,
         xmlNode         *node)
{
  xmlNode *box = node->next;
  WenjiImportNodeStats *stats;

  while (box != NULL && box->type == XML_TEXT_NODE && is_blank ((const char *) box->content))
    box = box->next;
  if (box == NULL || !wenji_import_node_is (node, "p") || box->type != XML_ELEMENT_NODE ||
      (stats = wenji_import_node_stats (page, box)) == NULL || !is_empty_float (box, stats))
    return FALSE;
  for (box = box->next; box != NULL && box->type != XML_ELEMENT_NODE; box = box->next)
    if (box->type == XML_TEXT_NODE && !is_blank ((const char *) box->content))
      return TRUE;

  return FALSE;
}

/* Whether a block is mostly links: a menu, a list of related articles.
 * In the article, a paragraph of some length may link half its words to
 * other stories and still be text: only one nearly all links is not. */
static gboolean
is_link_block (WenjiImportPage *page,
               xmlNode         *node)
{
  WenjiImportNodeStats *stats = wenji_import_node_stats (page, node);

  if (stats == NULL || stats->chars == 0 || stats->chars >= 400)
    return FALSE;
  if (page->region == WENJI_IMPORT_BODY && stats->chars >= 40)
    return stats->link_chars * 4 > stats->chars * 3;

  return stats->link_chars * 2 > stats->chars;
}

static gboolean
holds (xmlNode *node,
       xmlNode *descendant)
{
  for (xmlNode *up = descendant; up != NULL; up = up->parent)
    if (up == node)
      return TRUE;

  return FALSE;
}

/* Where a picture's address leads, from the page: another address for a
 * page from the web, a file beside a saved page, or nothing to show. */
static char *
resolve_picture (const char *base,
                 const char *src)
{
  g_autofree char *scheme = NULL;

  if (src == NULL || *src == '\0' || g_ascii_strncasecmp (src, "data:", 5) == 0)
    return NULL;
  if (wenji_fetch_is_url (base))
    return g_uri_resolve_relative (base, src, G_URI_FLAGS_NONE, NULL);

  scheme = g_uri_parse_scheme (src);
  if (scheme != NULL)
    return wenji_fetch_is_url (src) ? g_strdup (src) : NULL;
  if (g_str_has_prefix (src, "//"))
    return g_strconcat ("https:", src, NULL);

  {
    g_autofree char *unescaped = g_uri_unescape_string (src, NULL);
    g_autofree char *dir = g_path_get_dirname (base);

    if (unescaped == NULL || g_path_is_absolute (unescaped))
      return NULL;
    return g_build_filename (dir, unescaped, NULL);
  }
}

/* A picture of the article, as a Markdown line: lazy pages keep the real
 * address in data-src (WeChat, most news sites) or data-original. */
static char *
picture_line (WenjiImportPage *page,
              xmlNode         *node)
{
  static const char * const sources[] = {
    "data-src", "data-original", "data-actualsrc", "data-lazy-src", "data-url", "src", NULL
  };
  g_autofree char *url = NULL;
  g_autofree char *alt = NULL;
  GString *line;

  for (guint i = 0; sources[i] != NULL && url == NULL; i++) {
    g_autofree char *value = wenji_import_node_attr (node, sources[i]);

    url = resolve_picture (page->base, value);
  }
  /* Icons and spacers are not pictures of the article. */
  for (guint i = 0; i < 2 && url != NULL; i++) {
    g_autofree char *size = wenji_import_node_attr (node, i == 0 ? "width" : "height");

    if (size != NULL && g_ascii_strtoll (size, NULL, 10) > 0 &&
        g_ascii_strtoll (size, NULL, 10) < 40)
      g_clear_pointer (&url, g_free);
  }
  if (url == NULL)
    return NULL;

  {
    g_autofree char *value = wenji_import_node_attr (node, "alt");

    alt = wenji_import_normalise_space (value != NULL ? value : "");
  }

  /* Markdown: no bracket in the description, no space or parenthesis
   * unescaped in the address. */
  line = g_string_new ("![");
  for (const char *p = alt; *p != '\0'; p++)
    g_string_append_c (line, *p == '[' || *p == ']' ? ' ' : *p);
  g_string_append (line, "](");
  g_string_append_uri_escaped (line, url, "!#$&'*+,/:;=?@[]~%", TRUE);
  g_string_append_c (line, ')');

  return g_string_free (line, FALSE);
}

/* Whether @node is a standfirst: text set straight in a block, not in a
 * paragraph of it, that says what the page's meta description says, word
 * for word. A paragraph that does is the article's lead, which the
 * description was taken from. */
static gboolean
restates_description (WenjiImportPage      *page,
                      xmlNode              *node,
                      WenjiImportNodeStats *stats)
{
  g_autofree char *key = NULL;
  xmlChar *content;

  if (page->description_key == NULL || (stats->flags & WENJI_TAG_PART) || stats->chars < 20 ||
      stats->inline_chars < stats->chars || stats->chars < page->description_chars ||
      stats->chars > 2 * page->description_chars)
    return FALSE;
  content = xmlNodeGetContent (node);
  key = wenji_import_title_key ((const char *) content);
  xmlFree (content);

  return g_strcmp0 (key, page->description_key) == 0;
}

/**
 * wenji_import_emit_lines:
 * @page: the page being read, its article found
 * @node: the element whose lines to add
 *
 * Turns the page into lines, one per block or <br>, marking where each one
 * stands relative to the article and what it is.
 */
void
wenji_import_emit_lines (WenjiImportPage *page,
                         xmlNode         *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    gboolean block, furniture = FALSE, caption = FALSE, title = FALSE, summary = FALSE;
    gboolean centered = FALSE;
    gboolean link;
    WenjiImportNodeStats *stats;
    guint flags;

    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      guint chars = 0, punct = 0;

      wenji_import_count_text ((const char *) child->content, &chars, &punct);
      page->line_chars += chars;
      if (page->link_depth > 0)
        page->line_link_chars += chars;
      /* Outside the article, white space between two elements is a space,
       * even between Chinese characters: `来源：<a>北青网</a>\n<span>北京</span>`. */
      if (chars == 0 && page->region != WENJI_IMPORT_BODY && page->line->len > 0)
        g_string_append_c (page->line, ' ');
      else
        g_string_append (page->line, (const char *) child->content);
      continue;
    }
    /* Skipped elements were not measured. */
    if (child->type != XML_ELEMENT_NODE || (stats = wenji_import_node_stats (page, child)) == NULL)
      continue;
    flags = stats->flags;
    /* A headline set on two lines with a <br> is one too. */
    if ((flags & WENJI_TAG_BREAK) && page->heading_depth > 0) {
      if (page->heading_head == 0)
        page->heading_head = page->line->len;
      g_string_append_c (page->line, ' ');
      continue;
    }
    if (flags & WENJI_TAG_BREAK) {
      wenji_import_flush_line (page);
      continue;
    }
    if (wenji_import_node_is (child, "img")) {
      g_autofree char *picture = NULL;

      /* A linked icon in the middle of a sentence (`…的麦当娜<a><img
       * alt="所有音乐专辑"></a>，正打算…`) is no picture of the article, and
       * would cut its paragraph in two. */
      if (page->link_depth > 0 && page->line->len > 0)
        continue;
      if (page->region == WENJI_IMPORT_BODY && page->furniture_depth == 0 &&
          (picture = picture_line (page, child)) != NULL) {
        wenji_import_flush_line (page);
        g_string_append (page->line, picture);
        wenji_import_flush_line (page);
      }
      continue;
    }

    if ((flags & WENJI_TAG_BLOCK) && is_empty_float (child, stats))
      continue;
    block = (flags & WENJI_TAG_BLOCK) && page->heading_depth == 0;
    link = (flags & WENJI_TAG_LINK) != 0;
    /* A headline set on two lines is one: `<h1>…<div>…</div></h1>`. */
    if (!block && page->heading_depth > 0 && (flags & WENJI_TAG_BLOCK)) {
      if (page->heading_head == 0)
        page->heading_head = page->line->len;
      g_string_append_c (page->line, ' ');
    }
    if (block) {
      gboolean contains_best = holds (child, page->best);

      wenji_import_flush_line (page);
      if (child == page->first)
        page->region = WENJI_IMPORT_BODY;
      else if (!contains_best)
        furniture = stats->weight < 0 || is_link_block (page, child);
      caption = !contains_best && wenji_import_is_caption_block (stats);
      title = !contains_best && (flags & WENJI_NAME_TITLE);
      summary = !contains_best && ((flags & WENJI_NAME_SUMMARY) ||
                                   restates_description (page, child, stats));
      page->furniture_depth += furniture;
      page->caption_depth += caption;
      page->title_depth += title;
      page->summary_depth += summary;
      centered = is_centered (child);
      page->center_depth += centered;
      page->line_is_heading = wenji_import_is_heading (child);
    }
    page->link_depth += link;
    page->heading_depth += (flags & WENJI_TAG_HEADLINE) != 0;

    wenji_import_emit_lines (page, child);

    page->heading_depth -= (flags & WENJI_TAG_HEADLINE) != 0;
    page->link_depth -= link;
    if (block) {
      if (!runs_on (page, child))
        wenji_import_flush_line (page);
      page->furniture_depth -= furniture;
      page->caption_depth -= caption;
      page->title_depth -= title;
      page->summary_depth -= summary;
      page->center_depth -= centered;
      if (child == page->last)
        page->region = WENJI_IMPORT_AFTER;
    }
  }
}
