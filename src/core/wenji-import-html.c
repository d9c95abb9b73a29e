/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Saved web pages: libxml2's HTML parser reads the page, and the article is
 * found by scoring the DOM rather than by rules per site.
 *
 * Every run of text a block holds (outside the blocks inside it) scores by
 * its length and its Chinese punctuation (prose has commas and full stops,
 * menus do not), less the share of it that is link text; the score goes to
 * the block, its parent and, diminishing, two more ancestors. A container's
 * score is then weighed by its own link density and by class and id names
 * that say what it is (`content`, `article` up; `nav`, `footer`, `comment`,
 * `share`, `related` down). The best container is the article; the page
 * becomes lines (wenji-import-lines.c), and the article's lines go through
 * the line rules of wenji-import-chrome.c, as do the lines around it, which
 * is where bylines sit. The title and date weigh what the page
 * shows against what its meta tags say (wenji-import-meta.c).
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>

#include "wenji-article-private.h"
#include "wenji-error.h"
#include "wenji-import-html-private.h"

#define MIN_BLOCK_CHARS 10
/* The bonus of a container that starts right after the headline, and how
 * many characters (a date, a byline, a share bar) may come between. */
#define NEARNESS_BONUS 20.0
#define NEARNESS_CHARS 300
/* A caption's block holds little text. */
#define MAX_CAPTION_BLOCK_CHARS 200


static void
page_line_free (WenjiImportLine *line)
{
  g_free (line->text);
  g_free (line->head);
  g_free (line);
}

/* What measure() found of @node, or %NULL when it did not measure it. */
WenjiImportNodeStats *
wenji_import_node_stats (WenjiImportPage *page,
                         xmlNode         *node)
{
  guint index = GPOINTER_TO_UINT (node->_private);

  return index > 0 ? &g_array_index (page->stats, WenjiImportNodeStats, index - 1) : NULL;
}

/* A block that holds a picture's caption: <figcaption>, `div.picinfo`. */
gboolean
wenji_import_is_caption_block (WenjiImportNodeStats *stats)
{
  return stats->chars <= MAX_CAPTION_BLOCK_CHARS &&
         (stats->flags & (WENJI_TAG_FIGURE | WENJI_NAME_CAPTION)) != 0;
}

static gboolean
is_punct (gunichar c)
{
  return c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0x3001 || c == 0xFF01 || c == 0xFF1F;
}

/* Counts the characters of @text that are not white space, and its Chinese
 * commas, full stops and the like. */
void
wenji_import_count_text (const char *text,
                         guint      *chars,
                         guint      *punct)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (g_unichar_isspace (c) || c == 0xA0)
      continue;
    (*chars)++;
    *punct += is_punct (c);
  }
}

/* Post-order: every element gets its text figures; returns whether the
 * node holds a block. */
static gboolean
measure (WenjiImportPage *page,
         xmlNode         *node,
         guint            flags,
         gboolean         in_link)
{
  WenjiImportNodeStats stats = { 0 };
  gboolean has_block = FALSE;
  gboolean link = in_link || (flags & WENJI_TAG_LINK);

  stats.flags = flags | wenji_import_name_flags (node, flags, &stats.weight);

  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      guint chars = 0, punct = 0;

      wenji_import_count_text ((const char *) child->content, &chars, &punct);
      if (chars > 0) {
        stats.first_text = stats.first_text ? stats.first_text : page->texts + 1;
        page->texts += chars;
        stats.last_text = page->texts;
      }
      stats.chars += chars;
      stats.punct += punct;
      stats.inline_chars += chars;
      stats.inline_punct += punct;
      if (link) {
        stats.link_chars += chars;
        stats.inline_links += chars;
      }
    } else if (child->type == XML_ELEMENT_NODE) {
      guint child_flags = wenji_import_tag_flags (child);
      gboolean block = (child_flags & WENJI_TAG_BLOCK) != 0;
      WenjiImportNodeStats *inner;

      if (child_flags & WENJI_TAG_SKIPPED)
        continue;
      if (measure (page, child, child_flags, link) || block)
        has_block = TRUE;
      inner = wenji_import_node_stats (page, child);
      if (inner->first_text != 0) {
        stats.first_text = stats.first_text ? stats.first_text : inner->first_text;
        stats.last_text = inner->last_text;
      }
      stats.chars += inner->chars;
      stats.link_chars += inner->link_chars;
      stats.punct += inner->punct;
      /* An inline element's text is part of this block's paragraph. */
      if (!block) {
        stats.inline_chars += inner->inline_chars;
        stats.inline_links += inner->inline_links;
        stats.inline_punct += inner->inline_punct;
      }
    }
  }

  /* A block's own text scores as a paragraph; propagate_scores() hands it up. */
  if ((stats.flags & WENJI_TAG_BLOCK) && stats.inline_chars >= MIN_BLOCK_CHARS) {
    double density = (double) stats.inline_links / stats.inline_chars;

    stats.own = (1 + stats.inline_punct + MIN (stats.inline_chars / 100.0, 3)) * (1 - density);
  }

  g_array_append_val (page->stats, stats);
  node->_private = GUINT_TO_POINTER (page->stats->len);

  return has_block;
}

/* Gives each block's own score to itself, its parent and, halving, two
 * more ancestors. */
static void
propagate_scores (WenjiImportPage *page,
                  xmlNode         *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    WenjiImportNodeStats *stats;
    double share = 1;

    if (child->type != XML_ELEMENT_NODE || !(stats = wenji_import_node_stats (page, child)))
      continue;
    propagate_scores (page, child);
    if (stats->own <= 0)
      continue;

    stats->score += stats->own;
    for (xmlNode *up = child->parent; up != NULL && share > 0.2; up = up->parent, share /= 2) {
      WenjiImportNodeStats *target =
        up->type == XML_ELEMENT_NODE ? wenji_import_node_stats (page, up) : NULL;

      if (target == NULL)
        break;
      target->score += stats->own * share;
    }
  }
}

/* A block that may hold an article; a paragraph, an item or a heading is
 * part of one. */
static gboolean
is_container (WenjiImportNodeStats *stats)
{
  return (stats->flags & WENJI_TAG_BLOCK) && !(stats->flags & WENJI_TAG_PART);
}

/* An article starts right after its headline: a container that does gets
 * a bonus, one that ends before the headline a penalty. */
static double
nearness (WenjiImportPage      *page,
          WenjiImportNodeStats *stats)
{
  WenjiImportNodeStats *headline =
    page->headline ? wenji_import_node_stats (page, page->headline) : NULL;
  guint gap;

  if (headline == NULL || headline->first_text == 0 || stats->first_text == 0)
    return 0;
  if (stats->last_text < headline->first_text)
    return -NEARNESS_BONUS;
  if (stats->first_text <= headline->last_text)
    return 0;
  gap = stats->first_text - headline->last_text;

  return gap < NEARNESS_CHARS ? NEARNESS_BONUS * (1 - (double) gap / NEARNESS_CHARS) : 0;
}

/* The best container; one inside furniture is marked down like it. */
static void
find_best (WenjiImportPage *page,
           xmlNode         *node,
           int              inherited,
           double          *best_score)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    WenjiImportNodeStats *stats;
    double density, score;
    int weight;

    if (child->type != XML_ELEMENT_NODE || !(stats = wenji_import_node_stats (page, child)))
      continue;
    weight = stats->weight;
    find_best (page, child, MIN (inherited, weight < 0 ? weight : 0), best_score);
    if (stats->score <= 0 || !is_container (stats))
      continue;

    density = stats->chars ? (double) stats->link_chars / stats->chars : 1;
    score = stats->score * (1 - density);
    if (MIN (weight, inherited) <= WENJI_WEIGHT_OTHER_TEXT)
      score /= 4;
    score += weight + (weight < 0 ? 0 : inherited) + nearness (page, stats);
    if (score > *best_score) {
      *best_score = score;
      page->best = child;
    }
  }
}

static gboolean
is_cjk (gunichar c)
{
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF) || c >= 0x20000;
}

/* Collapses white space as a browser does, but drops the space that a
 * line break in the source puts between two Chinese characters, and the
 * ideographic spaces that indent a paragraph. */
char *
wenji_import_normalise_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE, newline = FALSE, ideographic = FALSE, explicit = FALSE;
  gunichar last = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (g_unichar_isspace (c) || c == 0xA0 || c == 0x200B || c == 0xFEFF) {
      pending = out->len > 0;
      newline = newline || c == '\n' || c == '\r';
      ideographic = ideographic || c == 0x3000;
      explicit = explicit || c == 0xA0;
      continue;
    }
    /* An ideographic space inside a line separates names in a list; so
     * does a space written as &nbsp;, also after a line break. */
    if (pending && ideographic && !newline)
      g_string_append (out, "\u3000");
    else if (pending && !(newline && !explicit && is_cjk (last) && is_cjk (c)))
      g_string_append_c (out, ' ');
    pending = newline = ideographic = explicit = FALSE;
    g_string_append_unichar (out, c);
    last = c;
  }

  return g_string_free (out, FALSE);
}

/* The heading element the page's titles agree with best, before the
 * article is looked for: the article starts after it. */
static void
find_headline (WenjiImportPage   *page,
               xmlNode           *node,
               WenjiImportTitles *titles,
               int               *best_agreement)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    WenjiImportNodeStats *stats;

    if (child->type != XML_ELEMENT_NODE || !(stats = wenji_import_node_stats (page, child)))
      continue;

    /* h1 to h3, or a block called a title, of a headline's length. */
    if (((stats->flags & WENJI_TAG_HEADLINE && child->name[1] <= '3') ||
         (stats->flags & WENJI_NAME_TITLE)) && stats->chars >= 4 && stats->chars <= 150) {
      xmlChar *content = xmlNodeGetContent (child);
      g_autofree char *text = wenji_import_normalise_space ((const char *) content);
      glong chars = g_utf8_strlen (text, -1);
      int agreement = chars >= 4 && chars <= 100 ? wenji_import_title_agreement (text, titles)
                                                 : 0;

      xmlFree (content);
      if (agreement > *best_agreement) {
        *best_agreement = agreement;
        page->headline = child;
      }
      if (agreement > 0)
        continue;
    }

    find_headline (page, child, titles, best_agreement);
  }
}

/* Whether @node's class is @klass. */
static gboolean
has_class (xmlNode    *node,
           const char *klass)
{
  g_autofree char *names = node->properties ? wenji_import_node_attr (node, "class") : NULL;

  return g_strcmp0 (names, klass) == 0;
}

/* Looks for blocks of @node's class beside it, with nothing of other text
 * between but pictures' captions, and makes the first and the last of them
 * the article's edges. No more than @max of them count, unless they hold
 * paragraphs. Returns whether there were any. */
static gboolean
find_siblings_of (WenjiImportPage *page,
                  xmlNode         *node,
                  guint            max)
{
  g_autofree char *klass = NULL;
  xmlNode *first = page->first, *last = page->last;
  guint found = 0, found_chars = 0;

  if (node->parent == NULL || node->properties == NULL ||
      (klass = wenji_import_node_attr (node, "class")) == NULL || *klass == '\0')
    return FALSE;

  for (int forward = 0; forward <= 1; forward++) {
    for (xmlNode *next = forward ? node->next : node->prev; next != NULL;
         next = forward ? next->next : next->prev) {
      WenjiImportNodeStats *stats = wenji_import_node_stats (page, next);

      if (next->type != XML_ELEMENT_NODE || stats == NULL)
        continue;
      if (has_class (next, klass) && stats->chars >= 20) {
        if (forward)
          page->last = next;
        else
          page->first = next;
        found++;
        found_chars += stats->chars;
      } else if (stats->chars > 20 && !wenji_import_is_caption_block (stats)) {
        break;
      }
    }
  }
  /* Many blocks of one class around a wrapper are a list's items, unless
   * they hold paragraphs. */
  if (found > max && found_chars < found * 100) {
    page->first = first;
    page->last = last;
    return FALSE;
  }
  if (found > 0) {
    page->first = page->first == page->best ? node : page->first;
    page->last = page->last == page->best ? node : page->last;
  }

  return found > 0;
}

/* Whether @node is a bare block: a <div> or a <p> with no class, no id,
 * no style of its own. */
static gboolean
is_bare_block (xmlNode *node)
{
  return (wenji_import_node_is (node, "div") || wenji_import_node_is (node, "p")) &&
         node->properties == NULL;
}

/* A text set in bare blocks whose writer left some unclosed (`<div>
 * <strong>一、…</strong>` with no `</div>`), so that each section holds the
 * next: the block with the most paragraphs of its own is the last
 * section. Its parents are the article while, besides it, they hold only
 * more bare blocks of text and a heading's words. */
static void
climb_unclosed_sections (WenjiImportPage *page)
{
  while (page->best != NULL && is_bare_block (page->best) && page->best->parent != NULL &&
         page->best->parent->type == XML_ELEMENT_NODE &&
         is_bare_block (page->best->parent)) {
    xmlNode *parent = page->best->parent;
    WenjiImportNodeStats *outer = wenji_import_node_stats (page, parent);
    WenjiImportNodeStats *inner = wenji_import_node_stats (page, page->best);
    guint prose = 0;

    if (outer == NULL || inner == NULL || outer->link_chars * 5 > outer->chars)
      return;
    for (xmlNode *child = parent->children; child != NULL; child = child->next) {
      WenjiImportNodeStats *stats = wenji_import_node_stats (page, child);

      if (child != page->best && child->type == XML_ELEMENT_NODE && stats != NULL &&
          is_bare_block (child) && stats->score > 0)
        prose += stats->chars;
    }
    if (prose + outer->inline_chars + inner->chars < outer->chars * 9 / 10)
      return;
    page->best = parent;
  }
}

/* Whether the first paragraph in @node is a byline, `生活中心／賴俊佑報導`:
 * the article starts there, not before. */
static gboolean
opens_with_byline (WenjiImportPage *page,
                   xmlNode         *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    WenjiImportNodeStats *stats = wenji_import_node_stats (page, child);

    if (child->type != XML_ELEMENT_NODE || stats == NULL || stats->chars == 0)
      continue;
    if (stats->flags & WENJI_TAG_PART) {
      xmlChar *content = xmlNodeGetContent (child);
      g_autofree char *text = wenji_import_normalise_space ((const char *) content);
      g_auto (WenjiImportFields) fields = { 0 };
      g_autofree char *rest = NULL;
      guint found = 0;

      xmlFree (content);
      if (g_utf8_strlen (text, -1) > 60 || !wenji_import_may_be_byline (text))
        return FALSE;
      rest = wenji_import_read_byline (text, &fields, &found);

      return found > 0;
    }
    return opens_with_byline (page, child);
  }

  return FALSE;
}

/* An article's lead set in a block of its own, right before the block of
 * the rest, with no other text between (an advertisement's script, an
 * empty box): `div#upper > p` `【明報專訊】…`, then `div#lower`. It
 * follows the headline, and is prose, not links. Returns whether there
 * was one. */
static gboolean
find_lead_block (WenjiImportPage *page,
                 xmlNode         *node)
{
  WenjiImportNodeStats *headline =
    page->headline != NULL ? wenji_import_node_stats (page, page->headline) : NULL;

  if (headline == NULL || headline->last_text == 0 || opens_with_byline (page, node))
    return FALSE;
  for (xmlNode *prev = node->prev; prev != NULL; prev = prev->prev) {
    WenjiImportNodeStats *stats = wenji_import_node_stats (page, prev);

    if (prev->type != XML_ELEMENT_NODE || stats == NULL || stats->chars == 0)
      continue;
    if (stats->chars < 40 || stats->punct < 2 || stats->score <= 0 ||
        stats->link_chars * 5 > stats->chars ||
        stats->first_text <= headline->last_text || wenji_import_is_caption_block (stats) ||
        stats->weight < 0 || (stats->flags & WENJI_NAME_SUMMARY) ||
        stats->inline_chars * 2 > stats->chars)
      return FALSE;
    page->first = prev;
    return TRUE;
  }

  return FALSE;
}

/* An article set in several blocks of one class (`div.content_medium`,
 * its lead, then the rest): the first and the last of them, with nothing
 * of other text between. The blocks may be the wrappers around the ones
 * that hold the text: `div.ArticleContent_Outer > div.ArticleContent >
 * div.ArticleContent_Inner`, the lead in one, the rest in the next. */
static void
find_sibling_blocks (WenjiImportPage *page)
{
  WenjiImportNodeStats *best = wenji_import_node_stats (page, page->best);

  page->first = page->last = page->best;
  for (xmlNode *node = page->best; node != NULL && node->type == XML_ELEMENT_NODE &&
       !wenji_import_node_is (node, "body"); node = node->parent) {
    WenjiImportNodeStats *stats = wenji_import_node_stats (page, node);

    /* Only wrappers that hold nothing but the article's block; a lead
     * may be found beside one that holds a line of its tags too. */
    if (stats == NULL || best == NULL)
      return;
    if (stats->chars > best->chars) {
      if (stats->chars <= best->chars + best->chars / 20)
        find_lead_block (page, node);
      return;
    }
    if (find_siblings_of (page, node, node == page->best ? G_MAXUINT : 2))
      return;
    if (find_lead_block (page, node))
      return;
  }
}

static void
clear_private (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    child->_private = NULL;
    clear_private (child);
  }
}

static void
page_clear (WenjiImportPage *page)
{
  g_clear_pointer (&page->stats, g_array_unref);
  g_clear_pointer (&page->lines, g_ptr_array_unref);
  g_clear_pointer (&page->description_key, g_free);
  if (page->line != NULL)
    g_string_free (page->line, TRUE);
  page->line = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WenjiImportPage, page_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/**
 * wenji_import_parse_html:
 * @path: the file or address of the page, for messages and its date
 * @text: the page, decoded to UTF-8
 * @error: return location for a #GError
 *
 * Reads the article of a saved web page: its headline, body, date, author,
 * source and editor, without the page around it. A page that holds no
 * article (a list of links) fails with %WENJI_ERROR_INVALID.
 *
 * Returns: (transfer full) (element-type WenjiArticle): one article, or
 *   %NULL with @error set
 */
GPtrArray *
wenji_import_parse_html (const char  *path,
                         const char  *text,
                         GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr (xmlDoc) doc = NULL;
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (WenjiArticle) article = wenji_article_new ();
  g_autoptr (GPtrArray) paragraphs = NULL;
  g_auto (WenjiImportMeta) meta = { 0 };
  g_auto (WenjiImportFields) fields = { 0 };
  g_auto (WenjiImportPage) page = { 0 };
  g_auto (WenjiImportTitles) titles = { 0 };
  g_autofree char *body_text = NULL;
  const WenjiImportProfile *profile;
  const char *address;
  xmlNode *root, *body;
  double best_score = 0;
  int agreement = 0;

  doc = htmlReadMemory (text, strlen (text), NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  if (doc == NULL || (root = xmlDocGetRootElement (doc)) == NULL) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 _("“%s” could not be read as a web page."), name);
    return NULL;
  }

  wenji_import_meta_read (root, &meta);
  address = meta.url ? meta.url : wenji_import_is_web_address (path) ? path : NULL;
  body = root;
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (wenji_import_node_is (child, "body"))
      body = child;

  page.base = path;
  page.description_key = meta.description ? wenji_import_title_key (meta.description) : NULL;
  page.description_chars = page.description_key ? g_utf8_strlen (page.description_key, -1) : 0;
  page.stats = g_array_new (FALSE, TRUE, sizeof (WenjiImportNodeStats));
  page.lines = g_ptr_array_new_with_free_func ((GDestroyNotify) page_line_free);
  page.line = g_string_new (NULL);

  wenji_import_titles_init (&titles, &meta);
  measure (&page, body, wenji_import_tag_flags (body), FALSE);
  propagate_scores (&page, body);
  find_headline (&page, body, &titles, &agreement);
  /* A page whose structure is known says where its article is. */
  profile = wenji_import_find_profile (root);
  if (profile != NULL)
    page.best = wenji_import_profile_body (profile, root);
  if (page.best == NULL)
    find_best (&page, body, 0, &best_score);
  if (page.best == NULL)
    page.best = body;
  if (G_UNLIKELY (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN) == FALSE)) {
    g_autofree char *names = wenji_import_node_attr (page.best, "class");

    g_debug ("%s: the article is <%s %s>, score %.1f", name, page.best->name,
             names ? names : "", best_score);
  }

  climb_unclosed_sections (&page);
  find_sibling_blocks (&page);
  page.region = page.best == body ? WENJI_IMPORT_BODY : WENJI_IMPORT_BEFORE;
  wenji_import_emit_lines (&page, body);
  wenji_import_flush_line (&page);

  meta.thread_marks = wenji_import_count_thread_marks (page.lines);
  meta.index_marks = wenji_import_count_index_marks (page.lines);
  meta.shop_marks = wenji_import_count_shop_marks (page.lines);

  /* Fields: the page's meta tags first, then what its lines say. */
  fields.description = g_strdup (meta.description);
  fields.title = wenji_import_choose_title (page.lines, &meta, &titles);
  wenji_import_take_title_date (&fields);
  /* Not the headline's last words, `读《如何高效学习》—Madlife`, which its
   * <title> held whole: og:title's site, `… · 语雀`, if any. */
  if (meta.site == NULL && titles.site != NULL && fields.title != NULL &&
      strstr (fields.title, titles.site) != NULL)
    fields.site = titles.og_site != NULL && strstr (fields.title, titles.og_site) == NULL
                    ? g_strdup (titles.og_site)
                    : NULL;
  else
    fields.site = g_strdup (meta.site ? meta.site : titles.site);
  if (fields.site == NULL)
    fields.site = wenji_import_title_site (meta.title, fields.title);
  if (fields.site == NULL)
    fields.site = wenji_import_find_home_name (&page, body);
  paragraphs = wenji_import_extract (page.lines, &fields);
  if (profile != NULL)
    wenji_import_profile_trim (profile, paragraphs);
  wenji_import_read_labelled (&page, body, &fields);
  /* A time the page keeps in an element of its own, where the lines gave
   * none, or only its day. */
  {
    WenjiImportDate labelled = { 0 };
    WenjiImportDate *published = &fields.published;

    const WenjiImportDate *stated = published->year != 0 ? published : &meta.published;

    wenji_import_find_labelled_date (&page, body, &labelled);
    if (labelled.year != 0 &&
        (stated->year == 0 ||
         (stated->hour < 0 && stated->year == labelled.year &&
          stated->month == labelled.month && stated->day == labelled.day)))
      *published = labelled;
  }
  /* The source the page shows wins over its meta tag's, which may be a
   * byline of its own: `<meta name="source" content="来源：人民网">`. */
  if (meta.source != NULL && fields.source == NULL) {
    wenji_import_read_credits (meta.source, &fields);
    if (fields.source == NULL && g_strcmp0 (meta.source, fields.site) != 0)
      fields.source = g_strdup (meta.source);
  }
  /* A government document's day and office, as its disclosure index
   * files them. */
  wenji_import_read_disclosure (page.lines, &fields);
  if (meta.published.year == 0)
    wenji_import_find_time_element (&page, body, &meta.published);
  wenji_import_choose_date (&fields, &meta, address);
  if (fields.source == NULL && meta.account != NULL)
    fields.source = g_strdup (meta.account);
  if (fields.source == NULL && meta.scripted_source != NULL)
    fields.source = g_strdup (meta.scripted_source);
  fields.personal = meta.blog;
  wenji_import_choose_meta_author (&fields, &meta);
  if (fields.editor == NULL && meta.editor != NULL && !wenji_import_is_placeholder (meta.editor))
    fields.editor = g_strdup (meta.editor);
  if (profile != NULL)
    wenji_import_profile_read_fields (profile, root, &fields);

  clear_private (root);

  meta.dated = fields.published.year != 0;
  if (wenji_import_refuse_page (error, name, &meta, &titles, address, paragraphs))
    return NULL;

  g_ptr_array_add (paragraphs, NULL);
  body_text = g_strjoinv ("\n\n", (char **) paragraphs->pdata);
  wenji_article_set_body (article, body_text);
  wenji_import_apply_fields (article, &fields);
  wenji_article_set_source_url (article, address);
  wenji_article_set_lang (article, NULL);

  g_ptr_array_add (articles, g_steal_pointer (&article));

  return g_steal_pointer (&articles);
}
