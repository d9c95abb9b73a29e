/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Kinds of page whose structure is known and fixed, where reading it
 * beats weighing it: a table row says how to recognise the page (an
 * element id it always has) and where its fields are (element ids, meta
 * names, script variables). The general extractor does the rest: it
 * reads the body the row names, with its pictures, and cleans it.
 *
 * WeChat articles (mp.weixin.qq.com/s/…) are the first row: the body is
 * #js_content, the headline #activity-name, the account #js_name, the
 * writer the `author` meta, #js_author_name or (in older pages) the
 * element after #post-date, and the date only in
 * script variables: `publish_time`, the day shown, and `var ct =
 * "1612682160"`, a Unix time that gives the hour when it falls on that day.
 */
#include "config.h"

#include <string.h>

#include "wenji-import-private.h"

#define MAX_NAMES 4

struct _WenjiImportProfile {
  const char *name;
  const char *marker;                   /* id of an element only such pages have */
  const char *body;                     /* id of the article's body */
  const char *title[MAX_NAMES];         /* ids of the headline, most trusted first */
  const char *source[MAX_NAMES];        /* ids of the publishing account or paper */
  const char *author[MAX_NAMES];        /* ids of the writer */
  const char *author_meta;              /* meta name of the writer */
  const char *author_after;             /* id of an element the writer's name follows */
  const char *time_vars[MAX_NAMES];     /* script variables holding a Unix time */
  const char *date_vars[MAX_NAMES];     /* script variables holding a date */
  const char *ends[MAX_NAMES * 3];      /* a body line that ends the article */
  const char *chrome[MAX_NAMES];        /* body lines that start so are not the article's */
};

static const WenjiImportProfile profiles[] = {
  {
    .name = "wechat",
    .marker = "js_content",
    .body = "js_content",
    .title = { "activity-name", "js_article_title" },
    .source = { "js_name", "js_profile_nickname" },
    .author = { "js_author_name", "js_author_name_text" },
    .author_meta = "author",
    .author_after = "post-date",
    .time_vars = { "ct", "create_time", "svr_time_ct" },
    .date_vars = { "publish_time", "createTime" },
    .ends = { "END", "THE END", "完", "长按二维码", "长按识别二维码", "扫码关注", "往期回顾",
              "推荐阅读", "帮转", "欢迎打赏" },
    .chrome = { "点击蓝字", "点击上方蓝字", "点击上方", "关注我们" },
  },
};

static xmlNode *
find_id (xmlNode    *node,
         const char *id)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    xmlChar *value;
    gboolean found;
    xmlNode *inner;

    if (child->type != XML_ELEMENT_NODE)
      continue;
    value = xmlGetProp (child, (const xmlChar *) "id");
    found = value != NULL && xmlStrcmp (value, (const xmlChar *) id) == 0;
    xmlFree (value);
    if (found)
      return child;
    if ((inner = find_id (child, id)) != NULL)
      return inner;
  }

  return NULL;
}

/* An element's text on one line, or NULL when it has none. */
static char *
text_of (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  g_autoptr (GString) line = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = (const char *) content; p != NULL && *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (g_unichar_isspace (c) || c == 0x3000) {
      space = line->len > 0;
      continue;
    }
    if (space)
      g_string_append_c (line, ' ');
    space = FALSE;
    g_string_append_unichar (line, c);
  }
  xmlFree (content);

  return line->len > 0 ? g_string_free (g_steal_pointer (&line), FALSE) : NULL;
}

static char *
first_text (xmlNode            *root,
            const char * const *ids)
{
  for (guint i = 0; i < MAX_NAMES && ids[i] != NULL; i++) {
    xmlNode *node = find_id (root, ids[i]);
    char *text = node != NULL ? text_of (node) : NULL;

    if (text != NULL)
      return text;
  }

  return NULL;
}

/* The text of the element after the one with @id, when it is a short
 * name and no link: `<em id="post-date">…</em> <em>58沈剑</em>`. */
static char *
text_after (xmlNode    *root,
            const char *id)
{
  xmlNode *node = id != NULL ? find_id (root, id) : NULL;
  char *text;

  if (node == NULL)
    return NULL;
  for (node = node->next; node != NULL && node->type != XML_ELEMENT_NODE; node = node->next)
    ;
  if (node == NULL || xmlStrcasecmp (node->name, (const xmlChar *) "a") == 0 ||
      (text = text_of (node)) == NULL)
    return NULL;
  if (g_utf8_strlen (text, -1) > 20) {
    g_free (text);
    return NULL;
  }

  return text;
}

static char *
meta_content (xmlNode    *node,
              const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    char *found = NULL;

    if (child->type != XML_ELEMENT_NODE)
      continue;
    if (xmlStrcasecmp (child->name, (const xmlChar *) "meta") == 0) {
      xmlChar *key = xmlGetProp (child, (const xmlChar *) "name");

      if (key != NULL && xmlStrcasecmp (key, (const xmlChar *) name) == 0) {
        xmlChar *content = xmlGetProp (child, (const xmlChar *) "content");

        if (content != NULL && *g_strstrip ((char *) content) != '\0')
          found = g_strdup ((const char *) content);
        xmlFree (content);
      }
      xmlFree (key);
    }
    if (found == NULL)
      found = meta_content (child, name);
    if (found != NULL)
      return found;
  }

  return NULL;
}

static void
collect_scripts (xmlNode *node,
                 GString *scripts)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    if (child->type != XML_ELEMENT_NODE)
      continue;
    if (xmlStrcasecmp (child->name, (const xmlChar *) "script") == 0) {
      xmlChar *content = xmlNodeGetContent (child);

      g_string_append (scripts, (const char *) content);
      g_string_append_c (scripts, '\n');
      xmlFree (content);
      continue;
    }
    collect_scripts (child, scripts);
  }
}

/* The value of `var NAME = "VALUE"` (or `NAME: 'VALUE'`) in the scripts. */
static char *
script_value (const char *scripts,
              const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("(?<![A-Za-z0-9_.])%s\\s*[=:]\\s*[\"']?"
                                              "([0-9][0-9: \\-/]*[0-9])",
                                              name);
  g_autoptr (GRegex) regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;

  if (regex == NULL || !g_regex_match (regex, scripts, 0, &match))
    return NULL;

  return g_match_info_fetch (match, 1);
}

/* A Unix time as the date of a page from China (UTC+8). */
static gboolean
date_from_unix_time (const char      *text,
                     WenjiImportDate *date)
{
  gint64 seconds;

  /* 2000 to 2100: anything else is not a publication time. */
  if (!g_ascii_string_to_signed (text, 10, 946684800, 4102444800, &seconds, NULL))
    return FALSE;

  return wenji_import_date_from_timestamp (seconds, 8 * 60, date);
}

/**
 * wenji_import_find_profile:
 * @root: the page's root element
 *
 * Returns: (nullable): the kind of page @root is, if its structure is known
 */
const WenjiImportProfile *
wenji_import_find_profile (xmlNode *root)
{
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    if (find_id (root, profiles[i].marker) != NULL)
      return &profiles[i];

  return NULL;
}

/**
 * wenji_import_profile_body:
 *
 * Returns: (nullable): the element that holds the article's body
 */
xmlNode *
wenji_import_profile_body (const WenjiImportProfile *profile,
                           xmlNode                  *root)
{
  return find_id (root, profile->body);
}

static void
replace (char **field,
         char  *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = value;
}

/**
 * wenji_import_profile_read_fields:
 *
 * Fills in the fields the page keeps in known places; they override what
 * the general rules found.
 */
void
wenji_import_profile_read_fields (const WenjiImportProfile *profile,
                                  xmlNode                  *root,
                                  WenjiImportFields        *fields)
{
  g_autoptr (GString) scripts = g_string_new (NULL);
  g_autofree char *meta_author = NULL;
  g_autofree char *account = NULL;
  WenjiImportDate date = { 0 };
  gboolean found = FALSE;

  replace (&fields->title, first_text (root, profile->title));
  account = first_text (root, profile->source);
  /* The header's `原创：` mark reads as a source's key, its writer's name
   * run on to the account's: `高渊上观新闻` is the account 上观新闻. */
  if (fields->source != NULL && account != NULL && strcmp (fields->source, account) != 0 &&
      g_str_has_suffix (fields->source, account))
    g_clear_pointer (&fields->source, g_free);
  if (fields->source == NULL)
    fields->source = g_steal_pointer (&account);

  /* The writer where the page keeps it beats a name the text seemed to
   * give: `（空行）` in a format's description. */
  meta_author = profile->author_meta != NULL ? meta_content (root, profile->author_meta) : NULL;
  if (meta_author == NULL || g_strcmp0 (meta_author, fields->source) == 0) {
    g_free (meta_author);
    meta_author = first_text (root, profile->author);
  }
  if (meta_author == NULL)
    meta_author = text_after (root, profile->author_after);
  replace (&fields->author, g_steal_pointer (&meta_author));
  /* An account that signs its own articles names no writer. */
  if (fields->author != NULL && g_strcmp0 (fields->author, fields->source) == 0)
    g_clear_pointer (&fields->author, g_free);

  collect_scripts (root, scripts);
  for (guint i = 0; !found && i < MAX_NAMES && profile->time_vars[i] != NULL; i++) {
    g_autofree char *value = script_value (scripts->str, profile->time_vars[i]);

    found = value != NULL && date_from_unix_time (value, &date);
  }
  /* The day the page shows is the day; the time a script keeps counts
   * when it falls on that day, not when the article was written earlier
   * and sent later. */
  for (guint i = 0; i < MAX_NAMES && profile->date_vars[i] != NULL; i++) {
    g_autofree char *value = script_value (scripts->str, profile->date_vars[i]);
    WenjiImportDate shown = { 0 };

    if (value == NULL || !wenji_import_date_parse_meta (value, &shown))
      continue;
    if (!found || shown.year != date.year || shown.month != date.month || shown.day != date.day)
      date = shown;
    found = TRUE;
    break;
  }
  if (found)
    fields->published = date;
}

/* A line's letters and characters alone: "— END —" is "END". */
static char *
bare (const char *line)
{
  GString *text = g_string_new (NULL);

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (g_unichar_isalnum (c))
      g_string_append_unichar (text, g_unichar_toupper (c));
  }

  return g_string_free (text, FALSE);
}

/**
 * wenji_import_profile_trim:
 * @paragraphs: (element-type utf8): the body's paragraphs, trimmed in place
 *
 * Drops what such pages put in the body around the article: the call to
 * follow the account before it, and from its closing mark (`— END —`, a
 * QR code to follow, links to other articles) on.
 */
void
wenji_import_profile_trim (const WenjiImportProfile *profile,
                           GPtrArray                *paragraphs)
{
  for (guint i = 0; i < paragraphs->len; i++) {
    const char *line = paragraphs->pdata[i];
    g_autofree char *letters = NULL;
    gboolean end = FALSE;

    /* A subheading may close it too: `## 欢迎打赏支持`. */
    if (g_str_has_prefix (line, "!["))
      continue;
    letters = bare (line);
    for (guint k = 0; k < G_N_ELEMENTS (profile->ends) && profile->ends[k] != NULL; k++) {
      g_autofree char *mark = bare (profile->ends[k]);

      /* A closing mark stands alone, or begins a short line. */
      if (g_str_equal (letters, mark) ||
          (g_str_has_prefix (letters, mark) && g_utf8_strlen (letters, -1) <= 20))
        end = TRUE;
    }
    if (end) {
      g_ptr_array_remove_range (paragraphs, i, paragraphs->len - i);
      break;
    }
    for (guint k = 0; k < MAX_NAMES && profile->chrome[k] != NULL; k++)
      if (g_str_has_prefix (letters, profile->chrome[k]) && g_utf8_strlen (letters, -1) <= 20) {
        g_ptr_array_remove_index (paragraphs, i--);
        break;
      }
  }
}
