/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Saved web pages: libxml2's HTML parser reads the page, and the article is
 * found by scoring the DOM rather than by rules per site.
 *
 * Every block that holds text scores by its length and its Chinese
 * punctuation (prose has commas and full stops, menus do not), less the
 * share of it that is link text; the score goes to the block, its parent
 * and, diminishing, two more ancestors. A container's score is then
 * weighed by its own link density and by class and id names that say what
 * it is (`content`, `article` up; `nav`, `footer`, `comment`, `share`,
 * `related` down). The best container is the article; its lines go through
 * the line rules of wenji-import-chrome.c, as do the lines around it, which
 * is where bylines sit.
 */
#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "wenji-article-private.h"
#include "wenji-error.h"
#include "wenji-fetch.h"
#include "wenji-import-private.h"

/* Below this much prose a page is a list of links, not an article. */
#define MIN_ARTICLE_CHARS 60
#define MIN_BLOCK_CHARS 10

typedef struct {
  guint chars;       /* non-space characters below the node */
  guint link_chars;  /* of which inside links */
  guint punct;       /* Chinese commas, full stops and the like */
  double own;        /* as a paragraph, for a block that holds no other */
  double score;      /* its own and its paragraphs' */
} NodeStats;

typedef enum {
  REGION_BEFORE,
  REGION_BODY,
  REGION_AFTER,
} Region;

typedef struct {
  char     *text;
  Region    region;
  gboolean  furniture;  /* inside navigation, a sidebar or a block of links */
  gboolean  heading;
} PageLine;

typedef struct {
  const char *base;     /* the page's address or file, for its pictures */
  GArray    *stats;     /* NodeStats, indexed by node->_private - 1 */
  xmlNode   *best;
  GPtrArray *lines;     /* PageLine */
  GString   *line;
  Region     region;
  guint      furniture_depth;
  gboolean   line_is_heading;
} Page;

static void
page_line_free (PageLine *line)
{
  g_free (line->text);
  g_free (line);
}

static gboolean
is_tag (xmlNode    *node,
        const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
is_one_of (xmlNode            *node,
           const char * const *names)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_skipped (xmlNode *node)
{
  static const char * const skipped[] = {
    "script", "style", "noscript", "iframe", "template", "svg", "canvas", "object",
    "embed", "select", "textarea", "button", "input", "head", "title", "meta", "link", NULL
  };

  return is_one_of (node, skipped);
}

static gboolean
is_block (xmlNode *node)
{
  static const char * const blocks[] = {
    "p", "div", "section", "article", "main", "td", "th", "tr", "table", "tbody", "thead",
    "ul", "ol", "li", "dl", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "form", "nav", "aside", "header", "footer", "center", "body", "figure",
    "figcaption", "address", "hr", NULL
  };

  return is_one_of (node, blocks);
}

/* Whether every bit of text below @node is bold, and there is some. */
static gboolean
all_bold (xmlNode  *node,
          gboolean  bold,
          gboolean *any)
{
  static const char * const bold_tags[] = { "b", "strong", NULL };

  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      const char *text = (const char *) child->content;
      gboolean blank = TRUE;

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        blank &= g_unichar_isspace (g_utf8_get_char (p));
      if (!blank && !bold)
        return FALSE;
      *any |= !blank;
    } else if (child->type == XML_ELEMENT_NODE && !is_skipped (child) &&
               !all_bold (child, bold || is_one_of (child, bold_tags), any)) {
      return FALSE;
    }
  }

  return TRUE;
}

/* A headline or subheading: <h1>…<h6>, or a short paragraph set all in
 * bold without a full stop at its end, as Chinese news pages set theirs
 * (<p><strong>二、把老店留下来</strong></p>). */
static gboolean
is_heading (xmlNode *node)
{
  static const char * const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
  g_autofree char *text = NULL;
  xmlChar *content;
  gboolean any = FALSE;
  glong length;

  if (is_one_of (node, headings))
    return TRUE;
  if (!is_tag (node, "p") || !all_bold (node, FALSE, &any) || !any)
    return FALSE;

  content = xmlNodeGetContent (node);
  text = g_strstrip (g_strdup ((const char *) content));
  xmlFree (content);
  length = g_utf8_strlen (text, -1);

  return length > 0 && length <= 30 &&
         !g_str_has_suffix (text, "。") && !g_str_has_suffix (text, "！") &&
         !g_str_has_suffix (text, "？") && !g_str_has_suffix (text, "…");
}

static NodeStats *
stats_of (Page    *page,
          xmlNode *node)
{
  guint index = GPOINTER_TO_UINT (node->_private);

  return index > 0 ? &g_array_index (page->stats, NodeStats, index - 1) : NULL;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);

  return copy;
}

/* What a node's class and id say it is: > 0 article, < 0 furniture. */
static int
class_weight (xmlNode *node)
{
  static const char * const negative[] = {
    "nav", "menu", "footer", "foot", "header", "aside", "sidebar", "side", "comment", "share",
    "related", "relate", "recommend", "rank", "hot", "breadcrumb", "crumb", "position",
    "copyright", "banner", "advert", "login", "search", "toolbar", "pager", "pagination",
    "social", "qrcode", "erweima", "links", "friend", "tags", "list", NULL
  };
  static const char * const positive[] = {
    "article", "content", "text", "body", "main", "detail", "post", "entry", "story",
    "zhengwen", NULL
  };
  static const char * const negative_tags[] = { "nav", "aside", "footer", "header", "form", NULL };
  g_autofree char *klass = get_attr (node, "class");
  g_autofree char *id = get_attr (node, "id");
  g_autofree char *joined = g_strjoin (" ", klass ? klass : "", id ? id : "", NULL);
  g_autofree char *names = g_ascii_strdown (joined, -1);
  int weight = 0;

  if (is_one_of (node, negative_tags))
    return -25;
  if (is_tag (node, "article") || is_tag (node, "main"))
    weight += 10;
  for (guint i = 0; negative[i] != NULL; i++)
    if (strstr (names, negative[i]) != NULL) {
      weight -= 25;
      break;
    }
  for (guint i = 0; positive[i] != NULL; i++)
    if (strstr (names, positive[i]) != NULL) {
      weight += 25;
      break;
    }

  return weight;
}

static void
count_text (const char *text,
            guint      *chars,
            guint      *punct)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (g_unichar_isspace (c) || c == 0xA0)
      continue;
    (*chars)++;
    if (c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0x3001 || c == 0xFF01 || c == 0xFF1F)
      (*punct)++;
  }
}

/* Post-order: every element gets its text figures; returns whether the
 * node holds a block (so its parent is not a leaf block). */
static gboolean
measure (Page     *page,
         xmlNode  *node,
         gboolean  in_link)
{
  NodeStats stats = { 0 };
  gboolean has_block = FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      guint chars = 0;

      count_text ((const char *) child->content, &chars, &stats.punct);
      stats.chars += chars;
      if (in_link || is_tag (node, "a"))
        stats.link_chars += chars;
    } else if (child->type == XML_ELEMENT_NODE && !is_skipped (child)) {
      NodeStats *inner;

      if (measure (page, child, in_link || is_tag (node, "a")) || is_block (child))
        has_block = TRUE;
      inner = stats_of (page, child);
      stats.chars += inner->chars;
      stats.link_chars += inner->link_chars;
      stats.punct += inner->punct;
    }
  }

  g_array_append_val (page->stats, stats);
  node->_private = GUINT_TO_POINTER (page->stats->len);

  /* A leaf block scores as a paragraph; propagate_scores() hands it up. */
  if (!has_block && is_block (node) && stats.chars >= MIN_BLOCK_CHARS) {
    NodeStats *own = &g_array_index (page->stats, NodeStats, page->stats->len - 1);
    double density = (double) stats.link_chars / stats.chars;

    own->own = (1 + stats.punct + MIN (stats.chars / 100.0, 3)) * (1 - density);
  }

  return has_block;
}

/* Gives each leaf block's score to itself, its parent and, halving, two
 * more ancestors. */
static void
propagate_scores (Page    *page,
                  xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    NodeStats *stats;
    double share = 1;

    if (child->type != XML_ELEMENT_NODE || !(stats = stats_of (page, child)))
      continue;
    propagate_scores (page, child);
    if (stats->own <= 0)
      continue;

    stats->score += stats->own;
    for (xmlNode *up = child->parent; up != NULL && share > 0.2; up = up->parent, share /= 2) {
      NodeStats *target = up->type == XML_ELEMENT_NODE ? stats_of (page, up) : NULL;

      if (target == NULL)
        break;
      target->score += stats->own * share;
    }
  }
}

/* The best container; one inside furniture is marked down like it. */
static void
find_best (Page     *page,
           xmlNode  *node,
           int       inherited,
           double   *best_score)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    NodeStats *stats;
    double density, score;
    int weight;

    if (child->type != XML_ELEMENT_NODE || !(stats = stats_of (page, child)))
      continue;
    weight = class_weight (child);
    find_best (page, child, MIN (inherited, weight < 0 ? weight : 0), best_score);
    if (stats->score <= 0 || !is_block (child))
      continue;

    density = stats->chars ? (double) stats->link_chars / stats->chars : 1;
    score = stats->score * (1 - density) + weight + (weight < 0 ? 0 : inherited);
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
static char *
normalise_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE, newline = FALSE, ideographic = FALSE;
  gunichar last = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (g_unichar_isspace (c) || c == 0xA0) {
      pending = out->len > 0;
      newline = newline || c == '\n' || c == '\r';
      ideographic = ideographic || c == 0x3000;
      continue;
    }
    /* An ideographic space inside a line separates names in a list. */
    if (pending && ideographic && !newline)
      g_string_append (out, "\u3000");
    else if (pending && !(newline && is_cjk (last) && is_cjk (c)))
      g_string_append_c (out, ' ');
    pending = newline = ideographic = FALSE;
    g_string_append_unichar (out, c);
    last = c;
  }

  return g_string_free (out, FALSE);
}

static void
flush_line (Page *page)
{
  g_autofree char *text = normalise_space (page->line->str);
  PageLine *line;

  g_string_truncate (page->line, 0);
  if (*text == '\0') {
    page->line_is_heading = FALSE;
    return;
  }

  line = g_new0 (PageLine, 1);
  line->text = g_steal_pointer (&text);
  line->region = page->region;
  line->furniture = page->furniture_depth > 0;
  line->heading = page->line_is_heading;
  page->line_is_heading = FALSE;
  g_ptr_array_add (page->lines, line);
}

/* Whether a block is mostly links: a menu, a list of related articles. */
static gboolean
is_link_block (Page    *page,
               xmlNode *node)
{
  NodeStats *stats = stats_of (page, node);

  return stats != NULL && stats->chars > 0 && stats->chars < 400 &&
         stats->link_chars * 2 > stats->chars;
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
picture_line (Page    *page,
              xmlNode *node)
{
  static const char * const sources[] = {
    "data-src", "data-original", "data-actualsrc", "data-lazy-src", "data-url", "src", NULL
  };
  g_autofree char *url = NULL;
  g_autofree char *alt = NULL;
  GString *line;

  for (guint i = 0; sources[i] != NULL && url == NULL; i++) {
    xmlChar *value = xmlGetProp (node, (const xmlChar *) sources[i]);

    url = resolve_picture (page->base, (const char *) value);
    xmlFree (value);
  }
  /* Icons and spacers are not pictures of the article. */
  for (guint i = 0; i < 2 && url != NULL; i++) {
    xmlChar *size = xmlGetProp (node, (const xmlChar *) (i == 0 ? "width" : "height"));

    if (size != NULL && g_ascii_strtoll ((const char *) size, NULL, 10) > 0 &&
        g_ascii_strtoll ((const char *) size, NULL, 10) < 40)
      g_clear_pointer (&url, g_free);
    xmlFree (size);
  }
  if (url == NULL)
    return NULL;

  {
    xmlChar *value = xmlGetProp (node, (const xmlChar *) "alt");

    alt = normalise_space (value != NULL ? (const char *) value : "");
    xmlFree (value);
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

/* Turns the page into lines, one per block or <br>, marking where each one
 * stands relative to the article and whether it is furniture. */
static void
emit_lines (Page    *page,
            xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    gboolean block, furniture = FALSE;

    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      g_string_append (page->line, (const char *) child->content);
      continue;
    }
    if (child->type != XML_ELEMENT_NODE || is_skipped (child))
      continue;
    if (is_tag (child, "br")) {
      flush_line (page);
      continue;
    }
    if (is_tag (child, "img")) {
      g_autofree char *picture = NULL;

      if (page->region == REGION_BODY && page->furniture_depth == 0 &&
          (picture = picture_line (page, child)) != NULL) {
        flush_line (page);
        g_string_append (page->line, picture);
        flush_line (page);
      }
      continue;
    }

    block = is_block (child);
    if (block) {
      flush_line (page);
      if (child == page->best)
        page->region = REGION_BODY;
      else if (!holds (child, page->best))
        furniture = class_weight (child) < 0 || is_link_block (page, child);
      if (furniture)
        page->furniture_depth++;
      page->line_is_heading = is_heading (child);
    }

    emit_lines (page, child);

    if (block) {
      flush_line (page);
      if (furniture)
        page->furniture_depth--;
      if (child == page->best)
        page->region = REGION_AFTER;
    }
  }
}

typedef struct {
  char *title;      /* <title> */
  char *og_title;
  char *site;
  char *date;
  char *author;
  char *source;
  char *url;        /* og:url or the canonical link */
} PageMeta;

static void
page_meta_clear (PageMeta *meta)
{
  g_free (meta->title);
  g_free (meta->og_title);
  g_free (meta->site);
  g_free (meta->date);
  g_free (meta->author);
  g_free (meta->source);
  g_free (meta->url);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PageMeta, page_meta_clear)

static void
keep_first (char       **field,
            const char  *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = g_strstrip (g_strdup (value));
}

static void
read_meta (xmlNode  *node,
           PageMeta *meta)
{
  static const char * const date_names[] = {
    "article:published_time", "og:release_date", "pubdate", "publishdate", "publish_date",
    "publish-date", "publishtime", "pubtime", "firstpublishedtime", "dc.date",
    "dc.date.issued", "date", "article:created_time", "weibo:article:create_at", NULL
  };

  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    if (child->type != XML_ELEMENT_NODE)
      continue;

    if (is_tag (child, "title") && meta->title == NULL) {
      xmlChar *text = xmlNodeGetContent (child);
      g_autofree char *normal = normalise_space ((const char *) text);

      keep_first (&meta->title, normal);
      xmlFree (text);
    } else if (is_tag (child, "link")) {
      g_autofree char *rel = get_attr (child, "rel");
      g_autofree char *href = get_attr (child, "href");

      if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0 && href != NULL &&
          (g_str_has_prefix (href, "http://") || g_str_has_prefix (href, "https://")))
        keep_first (&meta->url, href);
    } else if (is_tag (child, "meta")) {
      g_autofree char *name = get_attr (child, "name");
      g_autofree char *property = get_attr (child, "property");
      g_autofree char *itemprop = get_attr (child, "itemprop");
      g_autofree char *content = get_attr (child, "content");
      g_autofree char *key = g_ascii_strdown (name ? name
                                              : property ? property
                                              : itemprop ? itemprop : "", -1);

      if (content == NULL)
        continue;
      if (g_str_equal (key, "og:title") || g_str_equal (key, "twitter:title"))
        keep_first (&meta->og_title, content);
      else if (g_str_equal (key, "og:site_name") || g_str_equal (key, "sitename") ||
               g_str_equal (key, "site_name") || g_str_equal (key, "application-name"))
        keep_first (&meta->site, content);
      else if (g_strv_contains (date_names, key) || g_str_equal (key, "datepublished"))
        keep_first (&meta->date, content);
      else if (g_str_equal (key, "author") || g_str_equal (key, "article:author") ||
               g_str_equal (key, "dc.creator"))
        keep_first (&meta->author, content);
      else if ((g_str_equal (key, "og:url") || g_str_equal (key, "twitter:url")) &&
               (g_str_has_prefix (content, "http://") || g_str_has_prefix (content, "https://")))
        keep_first (&meta->url, content);
      else if (g_str_equal (key, "source") || g_str_equal (key, "contentsource") ||
               g_str_equal (key, "article:source"))
        keep_first (&meta->source, content);
    }

    read_meta (child, meta);
  }
}

/* The headline: a heading the page title repeats, else the page title
 * without the site's name, else the first heading. */
static char *
choose_title (Page      *page,
              PageMeta  *meta,
              char     **site)
{
  g_autofree char *from_og =
    meta->og_title ? wenji_import_strip_site_suffix (meta->og_title, NULL) : NULL;
  g_autofree char *from_title =
    meta->title ? wenji_import_strip_site_suffix (meta->title, site) : NULL;
  const char *best = NULL;
  const char *first_heading = NULL;

  for (guint i = 0; i < page->lines->len; i++) {
    PageLine *line = page->lines->pdata[i];
    glong chars;

    if (!line->heading || line->furniture || line->region == REGION_AFTER)
      continue;
    chars = g_utf8_strlen (line->text, -1);
    if (chars < 4 || chars > 80)
      continue;
    if (first_heading == NULL)
      first_heading = line->text;
    if (((meta->title && strstr (meta->title, line->text)) ||
         (meta->og_title && strstr (meta->og_title, line->text))) &&
        (best == NULL || strlen (line->text) > strlen (best)))
      best = line->text;
  }

  if (best != NULL)
    return g_strdup (best);
  if (from_og != NULL && *from_og != '\0')
    return g_steal_pointer (&from_og);
  if (from_title != NULL && *from_title != '\0')
    return g_steal_pointer (&from_title);

  return g_strdup (first_heading);
}

static gboolean
has_sentence_end (const char *text)
{
  return strstr (text, "。") || strstr (text, "！") || strstr (text, "？") ||
         strstr (text, "!") || strstr (text, "?") || strstr (text, ". ");
}

/* The article from the page's lines, its fields filled on the way. */
static GPtrArray *
extract (Page              *page,
         WenjiImportFields *fields)
{
  g_autoptr (GPtrArray) body = g_ptr_array_new ();
  g_autoptr (GHashTable) subheadings = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *paragraphs;
  guint headline = 0;

  /* The byline sits between the headline and the article: what stands
   * before the headline (a date in the masthead) is not the article's. */
  for (guint i = 0; i < page->lines->len && fields->title != NULL; i++) {
    PageLine *line = page->lines->pdata[i];

    if (line->region != REGION_BEFORE)
      break;
    if (line->heading && g_str_equal (line->text, fields->title))
      headline = i + 1;
  }

  for (guint i = 0; i < page->lines->len; i++) {
    PageLine *line = page->lines->pdata[i];

    if (line->furniture) {
      wenji_import_note_site (line->text, fields);
      continue;
    }
    if (line->region == REGION_BODY) {
      if (line->heading && fields->title && g_str_equal (line->text, fields->title))
        continue;
      if (line->heading)
        g_hash_table_add (subheadings, line->text);
      g_ptr_array_add (body, line->text);
      continue;
    }
    if (line->region == REGION_BEFORE && i < headline)
      continue;
    if (wenji_import_classify_line (line->text, fields) == WENJI_IMPORT_LINE_CHROME)
      wenji_import_note_site (line->text, fields);
  }

  paragraphs = wenji_import_filter_lines (body, fields);

  /* Subheadings stay subheadings, as Markdown sees them. */
  for (guint i = 0; i < paragraphs->len; i++) {
    if (g_hash_table_contains (subheadings, paragraphs->pdata[i])) {
      char *heading = g_strconcat ("## ", paragraphs->pdata[i], NULL);

      g_free (paragraphs->pdata[i]);
      paragraphs->pdata[i] = heading;
    }
  }

  return paragraphs;
}

/* A byline the reader sees wins over the page's meta date, unless the
 * meta date says the same day with the time. */
static void
merge_meta_date (WenjiImportFields *fields,
                 const char        *meta_date)
{
  g_autofree char *date = wenji_import_parse_date (meta_date);

  if (date == NULL)
    return;
  if (fields->published_at == NULL ||
      (strlen (fields->published_at) == 10 && g_str_has_prefix (date, fields->published_at))) {
    g_free (fields->published_at);
    fields->published_at = g_steal_pointer (&date);
  }
}

/* Bylines without keys: `<a class="source">新华网</a>`, `<span
 * class="author">张三</span>`. Only a short text without a colon counts;
 * one with keys went through the line rules already. */
static gboolean
read_labelled (Page              *page,
               xmlNode           *node,
               WenjiImportFields *fields)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    g_autofree char *klass = NULL;
    g_autofree char *lower = NULL;

    if (child->type != XML_ELEMENT_NODE || is_skipped (child))
      continue;
    if (child == page->best || (fields->source != NULL && fields->author != NULL))
      return TRUE;

    klass = get_attr (child, "class");
    lower = klass ? g_ascii_strdown (klass, -1) : NULL;
    if (lower != NULL && (strstr (lower, "source") || strstr (lower, "author"))) {
      xmlChar *content = xmlNodeGetContent (child);
      g_autofree char *text = normalise_space ((const char *) content);
      g_autofree char *date = wenji_import_parse_date (text);
      glong chars = g_utf8_strlen (text, -1);

      xmlFree (content);
      if (chars >= 2 && chars <= 20 && !strpbrk (text, ":") && !strstr (text, "：") &&
          !strstr (text, "，") && date == NULL) {
        if (strstr (lower, "source") && fields->source == NULL)
          fields->source = g_steal_pointer (&text);
        else if (strstr (lower, "author") && fields->author == NULL)
          fields->author = g_steal_pointer (&text);
        continue;
      }
    }

    if (read_labelled (page, child, fields))
      return TRUE;
  }

  return FALSE;
}

static void
clear_private (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    child->_private = NULL;
    clear_private (child);
  }
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/**
 * wenji_import_parse_html:
 * @path: the file, for messages
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
  g_auto (PageMeta) meta = { 0 };
  g_auto (WenjiImportFields) fields = { 0 };
  g_autofree char *title_site = NULL;
  g_autofree char *body_text = NULL;
  Page page = { 0 };
  const WenjiImportProfile *profile;
  xmlNode *root, *body;
  double best_score = 0;
  guint prose = 0, sentences = 0;

  doc = htmlReadMemory (text, strlen (text), NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  if (doc == NULL || (root = xmlDocGetRootElement (doc)) == NULL) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 "“%s” could not be read as a web page.", name);
    return NULL;
  }

  read_meta (root, &meta);
  body = root;
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_tag (child, "body"))
      body = child;

  page.base = path;
  page.stats = g_array_new (FALSE, TRUE, sizeof (NodeStats));
  page.lines = g_ptr_array_new_with_free_func ((GDestroyNotify) page_line_free);
  page.line = g_string_new (NULL);

  measure (&page, body, FALSE);
  propagate_scores (&page, body);
  /* A page whose structure is known says where its article is. */
  profile = wenji_import_find_profile (root);
  if (profile != NULL)
    page.best = wenji_import_profile_body (profile, root);
  if (page.best == NULL)
    find_best (&page, body, 0, &best_score);
  if (page.best == NULL)
    page.best = body;

  page.region = page.best == body ? REGION_BODY : REGION_BEFORE;
  emit_lines (&page, body);
  flush_line (&page);

  /* Fields: the page's meta tags first, then what its lines say. */
  fields.title = choose_title (&page, &meta, &title_site);
  fields.site = g_strdup (meta.site ? meta.site : title_site);
  if (meta.source != NULL) {
    /* `<meta name="source" content="来源：人民网">` is a byline of its own. */
    wenji_import_classify_line (meta.source, &fields);
    if (fields.source == NULL && g_strcmp0 (meta.source, fields.site) != 0)
      fields.source = g_strdup (meta.source);
  }
  paragraphs = extract (&page, &fields);
  if (profile != NULL)
    wenji_import_profile_trim (profile, paragraphs);
  read_labelled (&page, body, &fields);
  merge_meta_date (&fields, meta.date);
  if (fields.author == NULL && meta.author != NULL && !strstr (meta.author, "://") &&
      g_strcmp0 (meta.author, fields.site) != 0)
    fields.author = g_strdup (meta.author);
  if (profile != NULL)
    wenji_import_profile_read_fields (profile, root, &fields);

  for (guint i = 0; i < paragraphs->len; i++) {
    prose += g_utf8_strlen (paragraphs->pdata[i], -1);
    sentences += has_sentence_end (paragraphs->pdata[i]);
  }

  clear_private (root);
  g_array_unref (page.stats);
  g_ptr_array_unref (page.lines);
  g_string_free (page.line, TRUE);

  /* A long text without a full stop is a list of names, still an article. */
  if (prose < MIN_ARTICLE_CHARS || (sentences == 0 && prose < 4 * MIN_ARTICLE_CHARS)) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 "“%s” does not look like an article: the page holds no body text, "
                 "only links or headings.", name);
    return NULL;
  }

  g_ptr_array_add (paragraphs, NULL);
  body_text = g_strjoinv ("\n\n", (char **) paragraphs->pdata);
  wenji_article_set_body (article, body_text);
  wenji_import_apply_fields (article, &fields);
  wenji_article_set_source_url (article, meta.url);
  wenji_article_set_lang (article, NULL);

  g_ptr_array_add (articles, g_steal_pointer (&article));

  return g_steal_pointer (&articles);
}
