/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What an element of a saved page is: by its tag (a block, a paragraph, a
 * heading, text no reader sees) and by its class and id, which say much on
 * Chinese news pages (`content`, `zhengwen` the article; `nav`, `related`,
 * `comment`, `share` furniture; `picinfo`, `img_desc` a caption; `l_tit` the
 * title).
 */
#include "config.h"

#include <string.h>

#include "wenji-import-html-private.h"

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

static const struct {
  const char *name;
  guint       flags;
} tags[] = {
  { "a", WENJI_TAG_LINK },
  { "address", WENJI_TAG_BLOCK | WENJI_TAG_PART },
  { "article", WENJI_TAG_BLOCK | WENJI_TAG_ARTICLE },
  { "aside", WENJI_TAG_BLOCK | WENJI_TAG_FURNITURE },
  { "blockquote", WENJI_TAG_BLOCK | WENJI_TAG_PART },
  { "body", WENJI_TAG_BLOCK },
  { "br", WENJI_TAG_BREAK },
  { "button", WENJI_TAG_SKIPPED },
  { "canvas", WENJI_TAG_SKIPPED },
  { "center", WENJI_TAG_BLOCK },
  { "dd", WENJI_TAG_BLOCK | WENJI_TAG_PART },
  { "div", WENJI_TAG_BLOCK },
  { "dl", WENJI_TAG_BLOCK },
  { "dt", WENJI_TAG_BLOCK | WENJI_TAG_PART },
  { "embed", WENJI_TAG_SKIPPED },
  { "figcaption", WENJI_TAG_BLOCK | WENJI_TAG_PART | WENJI_TAG_FIGURE },
  { "figure", WENJI_TAG_BLOCK | WENJI_TAG_FIGURE },
  { "footer", WENJI_TAG_BLOCK | WENJI_TAG_FURNITURE },
  { "form", WENJI_TAG_BLOCK | WENJI_TAG_FURNITURE },
  { "h1", WENJI_TAG_BLOCK | WENJI_TAG_PART | WENJI_TAG_HEADLINE },
  { "h2", WENJI_TAG_BLOCK | WENJI_TAG_PART | WENJI_TAG_HEADLINE },
  { "h3", WENJI_TAG_BLOCK | WENJI_TAG_PART | WENJI_TAG_HEADLINE },
  { "h4", WENJI_TAG_BLOCK | WENJI_TAG_PART | WENJI_TAG_HEADLINE },
  { "h5", WENJI_TAG_BLOCK | WENJI_TAG_PART | WENJI_TAG_HEADLINE },
  { "h6", WENJI_TAG_BLOCK | WENJI_TAG_PART | WENJI_TAG_HEADLINE },
  { "head", WENJI_TAG_SKIPPED },
  { "header", WENJI_TAG_BLOCK | WENJI_TAG_FURNITURE },
  { "hr", WENJI_TAG_BLOCK | WENJI_TAG_PART },
  { "iframe", WENJI_TAG_SKIPPED },
  { "input", WENJI_TAG_SKIPPED },
  { "li", WENJI_TAG_BLOCK | WENJI_TAG_PART },
  { "link", WENJI_TAG_SKIPPED },
  { "main", WENJI_TAG_BLOCK | WENJI_TAG_ARTICLE },
  { "meta", WENJI_TAG_SKIPPED },
  { "nav", WENJI_TAG_BLOCK | WENJI_TAG_FURNITURE },
  { "noscript", WENJI_TAG_SKIPPED },
  { "object", WENJI_TAG_SKIPPED },
  { "ol", WENJI_TAG_BLOCK },
  { "p", WENJI_TAG_BLOCK | WENJI_TAG_PART },
  { "pre", WENJI_TAG_BLOCK | WENJI_TAG_PART },
  { "script", WENJI_TAG_SKIPPED },
  { "section", WENJI_TAG_BLOCK },
  { "select", WENJI_TAG_SKIPPED },
  { "style", WENJI_TAG_SKIPPED },
  { "svg", WENJI_TAG_SKIPPED },
  { "table", WENJI_TAG_BLOCK },
  { "tbody", WENJI_TAG_BLOCK },
  { "td", WENJI_TAG_BLOCK },
  { "template", WENJI_TAG_SKIPPED },
  { "textarea", WENJI_TAG_SKIPPED },
  { "th", WENJI_TAG_BLOCK },
  { "thead", WENJI_TAG_BLOCK },
  { "title", WENJI_TAG_SKIPPED },
  { "tr", WENJI_TAG_BLOCK },
  { "ul", WENJI_TAG_BLOCK },
};

/* An article's own header, `<article><header><h1>…`, holds its headline
 * and byline: no site's header. */
static gboolean
is_article_header (xmlNode *node)
{
  if (!wenji_import_node_is (node, "header"))
    return FALSE;
  for (xmlNode *up = node->parent; up != NULL && up->type == XML_ELEMENT_NODE; up = up->parent)
    if (wenji_import_node_is (up, "article"))
      return TRUE;

  return FALSE;
}

/**
 * wenji_import_tag_flags:
 * @node: an element of a page
 *
 * libxml2's HTML parser gives element names in lower case.
 *
 * Returns: what its tag says it is: WENJI_TAG_*
 */
guint
wenji_import_tag_flags (xmlNode *node)
{
  const char *name = (const char *) node->name;
  gsize low = 0, high = G_N_ELEMENTS (tags);

  if (node->type != XML_ELEMENT_NODE)
    return 0;

  /* tags[] is in the order of its names. */
  while (low < high) {
    gsize middle = (low + high) / 2;
    int order = strcmp (name, tags[middle].name);

    if (order == 0)
      return tags[middle].flags & ~(is_article_header (node) ? WENJI_TAG_FURNITURE : 0);
    if (order < 0)
      high = middle;
    else
      low = middle + 1;
  }

  return 0;
}

/* The class and id of @node, lower case, separated by a space. */
static char *
node_names (xmlNode *node)
{
  g_autofree char *klass = NULL;
  g_autofree char *id = NULL;
  g_autofree char *joined = NULL;

  /* Most elements have neither: look before asking for them. */
  if (node->properties == NULL)
    return NULL;
  klass = wenji_import_node_attr (node, "class");
  id = wenji_import_node_attr (node, "id");
  if (klass == NULL && id == NULL)
    return NULL;
  joined = g_strjoin (" ", klass ? klass : "", id ? id : "", NULL);

  return g_ascii_strdown (joined, -1);
}

/* Whether @node's title says it holds other articles to read. */
static gboolean
is_reading_box (xmlNode *node)
{
  static const char * const labels[] = {
    "推荐", "推薦", "相关推荐", "相關推薦", "相关阅读", "相關閱讀", "相关新闻", "相關新聞",
    "延伸阅读", "延伸閱讀", "推荐阅读", "推薦閱讀", NULL
  };
  g_autofree char *title = wenji_import_node_attr (node, "title");

  return title != NULL && g_strv_contains (labels, g_strstrip (title));
}

/* Whether a word of @names (split at spaces, `-` and `_`) starts with one
 * of @prefixes: `news-img` and `picinfo` are pictures, `topic` is not. */
static gboolean
has_name_prefix (const char         *names,
                 const char * const *prefixes)
{
  for (const char *word = names; word != NULL && *word != '\0';) {
    gsize length = strcspn (word, " -_");

    for (guint i = 0; prefixes[i] != NULL; i++)
      if (length >= strlen (prefixes[i]) && strncmp (word, prefixes[i], strlen (prefixes[i])) == 0)
        return TRUE;
    word += length;
    word += strspn (word, " -_");
  }

  return FALSE;
}

/**
 * wenji_import_name_flags:
 * @node: an element of a page
 * @flags: its tag's flags
 * @weight: (out): what its names say: > 0 article, < 0 furniture, and
 *   WENJI_WEIGHT_OTHER_TEXT for a block of other articles' text
 *   (recommendations, comments) that no score of its own redeems: a word of
 *   its names starts with one of other_text[]
 *
 * Returns: what its class and id say it is: WENJI_NAME_*
 */
guint
wenji_import_name_flags (xmlNode *node,
            guint    flags,
            int     *weight)
{
  static const char * const other_text[] = {
    "comment", "related", "relate", "recommend", "share", "footer", "copyright", "advert",
    "breadcrumb", "crumb", "login", "qrcode", "erweima", "pager", "pagination", "social",
    "ticker", "marquee", "subscri", "rank", "player", NULL
  };
  static const char * const negative[] = {
    "nav", "menu", "foot", "header", "aside", "sidebar", "side", "position", "banner",
    "search", "toolbar", "links", "friend", "tags", "list", NULL
  };
  /* Matched at the start of a word only: `hot` is not in `photo`. */
  static const char * const negative_words[] = { "hot", NULL };
  static const char * const positive[] = {
    "article", "content", "text", "body", "main", "detail", "post", "entry", "story",
    "zhengwen", NULL
  };
  static const char * const captions[] = {
    "caption", "pic", "photo", "img", "image", "figure", NULL
  };
  static const char * const titles[] = {
    "tit", "headline", "heading", "arttitle", "articletitle", "newstitle", "biaoti", NULL
  };
  static const char * const summaries[] = {
    "summary", "endsummary", "abstract", "digest", "zhaiyao", "desc", "quotation", NULL
  };
  g_autofree char *names = node_names (node);
  guint found = 0;

  *weight = (flags & WENJI_TAG_ARTICLE) ? 10 : 0;
  if (flags & WENJI_TAG_FURNITURE)
    *weight = WENJI_WEIGHT_FURNITURE;
  /* A box the site's editor titles as other reading, inside the text:
   * `<pre datatype="specialtag" title="推荐">`. */
  if (node->properties != NULL && !(flags & WENJI_TAG_FURNITURE) && is_reading_box (node)) {
    *weight = WENJI_WEIGHT_OTHER_TEXT;
    return 0;
  }
  if (names == NULL)
    return 0;

  if (has_name_prefix (names, captions))
    found |= WENJI_NAME_CAPTION;
  if (has_name_prefix (names, titles))
    found |= WENJI_NAME_TITLE;
  if (has_name_prefix (names, summaries))
    found |= WENJI_NAME_SUMMARY;
  if (flags & WENJI_TAG_FURNITURE)
    return found;

  /* Words, not parts of them: `enableXrayTickerEntities` is a flag. */
  if (has_name_prefix (names, other_text)) {
    *weight = WENJI_WEIGHT_OTHER_TEXT;
    return found;
  }
  for (guint i = 0; negative[i] != NULL; i++)
    if (strstr (names, negative[i]) != NULL) {
      *weight += WENJI_WEIGHT_FURNITURE;
      break;
    }
  if (*weight >= 0 && has_name_prefix (names, negative_words))
    *weight += WENJI_WEIGHT_FURNITURE;
  for (guint i = 0; positive[i] != NULL; i++)
    if (strstr (names, positive[i]) != NULL) {
      *weight -= WENJI_WEIGHT_FURNITURE;
      break;
    }

  return found;
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
    } else if (child->type == XML_ELEMENT_NODE &&
               !(wenji_import_tag_flags (child) & WENJI_TAG_SKIPPED) &&
               !all_bold (child, bold || is_one_of (child, bold_tags), any)) {
      return FALSE;
    }
  }

  return TRUE;
}

/**
 * wenji_import_is_heading:
 * @node: a block of a page
 *
 * A headline or subheading: <h1>…<h6>, or a short paragraph set all in
 * bold without a full stop at its end, as Chinese news pages set theirs
 * (<p><strong>二、把老店留下来</strong></p>).
 *
 * Returns: whether @node is one
 */
gboolean
wenji_import_is_heading (xmlNode *node)
{
  g_autofree char *text = NULL;
  xmlChar *content;
  gboolean any = FALSE;
  glong length;

  if (wenji_import_tag_flags (node) & WENJI_TAG_HEADLINE)
    return TRUE;
  if (!wenji_import_node_is (node, "p") || !all_bold (node, FALSE, &any) || !any)
    return FALSE;

  content = xmlNodeGetContent (node);
  text = g_strstrip (g_strdup ((const char *) content));
  xmlFree (content);
  length = g_utf8_strlen (text, -1);

  /* A question may head a section, `出国后：国家未来将如何发展？`; a
   * sentence ends with a full stop. */
  return length > 0 && length <= 30 && !g_str_has_suffix (text, "。") &&
         !g_str_has_suffix (text, "…") &&
         (length <= 20 || (!g_str_has_suffix (text, "！") && !g_str_has_suffix (text, "？")));
}
