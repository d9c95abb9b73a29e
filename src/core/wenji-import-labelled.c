/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The fields a page keeps in elements named for them, before its article:
 * `<span class="source">`, `<div class="author">`, `<span id="author_baidu">`,
 * `<span id="publish_time">`; read where the lines' own rules found nothing.
 */
#include "config.h"

#include <string.h>

#include "wenji-import-html-private.h"

/* Whether an element's id or class names a time: `publish_time`, `pubTime`,
 * `span_time`, `date`. */
static gboolean
names_a_time (xmlNode *node)
{
  static const char * const attributes[] = { "id", "class", NULL };

  for (guint i = 0; attributes[i] != NULL; i++) {
    g_autofree char *value = wenji_import_node_attr (node, attributes[i]);
    g_autofree char *lower = value ? g_ascii_strdown (value, -1) : NULL;

    /* An update's time is not the publication's. */
    if (lower != NULL && (strstr (lower, "update") || strstr (lower, "modif")))
      return FALSE;
    if (lower != NULL && (strstr (lower, "time") || strstr (lower, "date") ||
                          strstr (lower, "pub")))
      return TRUE;
  }

  return FALSE;
}

/* A `<time>` whose machine-readable value has a time of day, `<time
 * datetime="2019-09-09T22:01:04+08:00">2019-09-09</time>`, unless it says
 * it is an update's (`itemprop="dateModified"`, `title="更新于"`). */
static gboolean
is_publication_time (WenjiImportPage *page,
                     xmlNode         *node,
                     WenjiImportDate *date)
{
  static const char * const attributes[] = { "itemprop", "class", "title", NULL };
  g_autofree char *value = NULL;

  if (!wenji_import_node_is (node, "time") ||
      (value = wenji_import_node_attr (node, "datetime")) == NULL)
    return FALSE;
  for (guint i = 0; attributes[i] != NULL; i++) {
    g_autofree char *said = wenji_import_node_attr (node, attributes[i]);
    g_autofree char *lower = said ? g_ascii_strdown (said, -1) : NULL;

    if (lower != NULL && (strstr (lower, "modif") || strstr (lower, "update") ||
                          strstr (lower, "更新") || strstr (lower, "修改")))
      return FALSE;
  }
  if (wenji_import_date_parse_meta (value, date) && date->hour >= 0)
    return TRUE;
  memset (date, 0, sizeof *date);

  return FALSE;
}

/* A time shown as a while ago, `创建于 11个月前`, `3 days ago`, whose exact
 * time its element keeps for a tooltip: `title="2023-05-28 10:28:25"`,
 * `data-tooltip=…`. Not an update's. */
static gboolean
is_relative_time (WenjiImportPage *page,
                  xmlNode         *node,
                  WenjiImportDate *date)
{
  static const char * const attributes[] = { "title", "data-tooltip", "data-time", "datetime",
                                             NULL };
  static GRegex *ago;
  g_autofree char *text = NULL;
  gboolean kept = FALSE;
  xmlChar *content;

  if (g_once_init_enter (&ago))
    g_once_init_leave (&ago, wenji_import_rule ("^(?:创建于|創建於|发布于|發佈於|发表于|發表於|"
                                                "(?i:posted))?\\s*\\d+\\s*(?:秒|分钟|分鐘|小时|小時|天|"
                                                "周|週|个月|個月|年)前$|^(?i:\\d+\\s+(?:second|minute|"
                                                "hour|day|week|month|year)s?\\s+ago)$"));
  if (node->properties == NULL || wenji_import_node_stats (page, node)->chars > 20)
    return FALSE;
  for (guint i = 0; attributes[i] != NULL && !kept; i++)
    kept = xmlHasProp (node, BAD_CAST attributes[i]) != NULL;
  if (!kept)
    return FALSE;
  content = xmlNodeGetContent (node);
  text = wenji_import_normalise_space ((const char *) content);
  xmlFree (content);
  if (!g_regex_match (ago, text, 0, NULL))
    return FALSE;
  for (guint i = 0; attributes[i] != NULL; i++) {
    g_autofree char *value = wenji_import_node_attr (node, attributes[i]);

    if (value != NULL && !strstr (value, "更新") && !strstr (value, "修改") &&
        wenji_import_date_scan (value, date, NULL, NULL) && date->hour >= 0)
      return TRUE;
  }
  memset (date, 0, sizeof *date);

  return FALSE;
}

/* A `<time>` with its value, or a while ago with its exact time. */
static gboolean
is_stated_time (WenjiImportPage *page,
                xmlNode         *node,
                WenjiImportDate *date)
{
  return is_publication_time (page, node, date) || is_relative_time (page, node, date);
}

/* A date and time in an element named for it: `<span id="publish_time">
 * 2011年01月01日 23:11</span>`. A date without a time there is too often
 * the day the page was shown. */
static gboolean
is_labelled_date (WenjiImportPage *page,
                  xmlNode         *node,
                  WenjiImportDate *date)
{
  g_autofree char *text = NULL;
  xmlChar *content;

  if (node->properties == NULL || wenji_import_node_stats (page, node)->chars > 40 ||
      !names_a_time (node))
    return FALSE;
  content = xmlNodeGetContent (node);
  text = wenji_import_normalise_space ((const char *) content);
  xmlFree (content);
  /* Another article's date shown in its place: `最新推荐文章于 2024-02-02
   * 22:51:05 发布`, the article's own in `data-time`. */
  if (strstr (text, "推荐") || strstr (text, "推薦")) {
    g_autofree char *own = wenji_import_node_attr (node, "data-time");

    if (own != NULL && wenji_import_date_scan (own, date, NULL, NULL) && date->hour >= 0)
      return TRUE;
  } else if (!strstr (text, "更新") && !strstr (text, "修改") &&
             wenji_import_date_scan (text, date, NULL, NULL) && date->hour >= 0) {
    return TRUE;
  }
  memset (date, 0, sizeof *date);

  return FALSE;
}

/* The first element under @node, before the article begins, that @found
 * reads a date from. Returns TRUE once the search is over, found or not. */
static gboolean
find_before_article (WenjiImportPage *page,
                     xmlNode         *node,
                     gboolean       (*found) (WenjiImportPage *, xmlNode *, WenjiImportDate *),
                     WenjiImportDate *date)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    if (child->type != XML_ELEMENT_NODE || wenji_import_node_stats (page, child) == NULL)
      continue;
    if (child == page->first || found (page, child, date) ||
        find_before_article (page, child, found, date))
      return TRUE;
  }

  return FALSE;
}

/**
 * wenji_import_find_time_element:
 * @page: the page
 * @node: where to look
 * @date: (out): the time found
 *
 * The publication time a `<time>` element before the article gives in its
 * machine-readable value, as a meta tag would (a time in UTC is the page's
 * in its own zone), or the exact time kept for a tooltip of one shown as a
 * while ago.
 *
 * Returns: %TRUE once the search is over, found or not
 */
gboolean
wenji_import_find_time_element (WenjiImportPage *page,
                                xmlNode         *node,
                                WenjiImportDate *date)
{
  return find_before_article (page, node, is_stated_time, date);
}

/* A date and time in an element named for it, before the article begins
 * (is_labelled_date()). Returns TRUE once the search is over, found or
 * not. */
gboolean
wenji_import_find_labelled_date (WenjiImportPage *page,
                                 xmlNode         *node,
                                 WenjiImportDate *date)
{
  return find_before_article (page, node, is_labelled_date, date);
}

/* Class names or ids of a byline's parts: `source`, `where` (Tencent);
 * `author`, `auth`. */
static gboolean
labels_source (const char *names)
{
  g_auto (GStrv) words = g_strsplit_set (names, " \t\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (words[i], "source") != NULL || g_str_equal (words[i], "where"))
      return TRUE;

  return FALSE;
}

/* `author`, `auth`, and a writer's screen name beside a button to follow
 * them: `follow-nickname`; not the reader's own in the navigation
 * (`navnickname`) or an account's (`rich_media_meta_nickname`). */
static gboolean
labels_author (const char *names)
{
  static const char * const nicknames[] = { "nickname", "follow-nickname", "user-nickname", NULL };
  g_auto (GStrv) words = g_strsplit_set (names, " \t\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (words[i], "author") != NULL || g_str_equal (words[i], "auth") ||
        g_strv_contains (nicknames, words[i]))
      return TRUE;

  return FALSE;
}

/* A button beside a byline, not a name: `[微博]`, `分享`. */
static gboolean
is_button (const char *text)
{
  static const char * const buttons[] = {
    "微博", "微信", "分享", "评论", "評論", "收藏", "打印", "列印", "关注", "關注", "举报", "舉報",
    "订阅", "訂閱", NULL
  };
  static const char * const brackets[] = { "[", "]", "【", "】", "(", ")", "（", "）", NULL };
  g_autofree char *bare = g_strstrip (g_strdup (text));
  gboolean trimmed = TRUE;

  while (trimmed) {
    trimmed = FALSE;
    for (guint i = 0; brackets[i] != NULL; i++) {
      gsize length = strlen (brackets[i]);

      if (g_str_has_prefix (bare, brackets[i])) {
        memmove (bare, bare + length, strlen (bare + length) + 1);
        trimmed = TRUE;
      }
      if (g_str_has_suffix (bare, brackets[i])) {
        bare[strlen (bare) - length] = '\0';
        trimmed = TRUE;
      }
    }
    g_strstrip (bare);
  }
  for (guint i = 0; buttons[i] != NULL; i++)
    if (g_str_equal (bare, buttons[i]))
      return TRUE;

  return FALSE;
}

/* Whether @node sets its text as several blocks, a name and a button's
 * words beside it: `<div>在人间</div><div>下载客户端<br>独家抢先看</div>`. */
static gboolean
holds_blocks (xmlNode *node,
              guint   *blocks)
{
  static const char * const names[] = { "div", "p", "li", "ul", "ol", "table", "dl", NULL };

  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    if (child->type != XML_ELEMENT_NODE)
      continue;
    if (g_ascii_strcasecmp ((const char *) child->name, "br") == 0)
      return TRUE;
    for (guint i = 0; names[i] != NULL; i++)
      if (g_ascii_strcasecmp ((const char *) child->name, names[i]) == 0)
        (*blocks)++;
    if (*blocks >= 2 || holds_blocks (child, blocks))
      return TRUE;
  }

  return FALSE;
}

/* The first short name linked under @node that is no button: `澎湃新闻`,
 * not `评论（0人参与）`. */
static char *
linked_name (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    char *found;

    if (child->type != XML_ELEMENT_NODE)
      continue;
    if (wenji_import_node_is (child, "a")) {
      xmlChar *content = xmlNodeGetContent (child);
      g_autofree char *text = wenji_import_normalise_space ((const char *) content);
      glong chars = g_utf8_strlen (text, -1);
      WenjiImportDate date;

      xmlFree (content);
      if (chars >= 2 && chars <= 12 && !is_button (text) && !strpbrk (text, ":()") &&
          !strstr (text, "：") && !strstr (text, "（") && !strstr (text, "评论") &&
          !strstr (text, "評論") && !wenji_import_date_scan (text, &date, NULL, NULL))
        return g_steal_pointer (&text);
      continue;
    }
    if ((found = linked_name (child)) != NULL)
      return found;
  }

  return NULL;
}

/* Bylines without keys: `<a class="source">新华网</a>`, `<span
 * class="author">张三</span>`. Only a short text without a colon counts;
 * one with keys went through the line rules already. */
gboolean
wenji_import_read_labelled (WenjiImportPage   *page,
                            xmlNode           *node,
                            WenjiImportFields *fields)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    g_autofree char *klass = NULL;
    g_autofree char *lower = NULL;

    if (child->type != XML_ELEMENT_NODE || wenji_import_node_stats (page, child) == NULL)
      continue;
    if (child == page->first || (fields->source != NULL && fields->author != NULL))
      return TRUE;

    /* Its class and its id: `<span id="author_baidu">`. */
    if (child->properties != NULL) {
      g_autofree char *id = wenji_import_node_attr (child, "id");

      klass = wenji_import_node_attr (child, "class");
      if (id != NULL) {
        char *both = g_strjoin (" ", klass ? klass : "", id, NULL);

        g_free (klass);
        klass = both;
      }
    }
    lower = klass ? g_ascii_strdown (klass, -1) : NULL;
    if (lower != NULL && (labels_source (lower) || labels_author (lower)) &&
        !holds_blocks (child, &(guint) { 0 })) {
      xmlChar *content = xmlNodeGetContent (child);
      g_autofree char *text = wenji_import_normalise_space ((const char *) content);
      WenjiImportDate date;
      glong chars = g_utf8_strlen (text, -1);
      gboolean account;

      xmlFree (content);
      /* A follow button beside a name, or the platform's word for an
       * account (`纵相新闻企鹅号`): an account's name, the source. */
      account = wenji_import_strip_account_word (text);
      /* `<div class="entry-author">By <address>刘未鹏</address>`. */
      if (g_ascii_strncasecmp (text, "by ", 3) == 0)
        memmove (text, text + 3, strlen (text + 3) + 1);
      /* `<span class="author">方可，</span><span class="bio">…`. */
      while (g_str_has_suffix (text, "，") || g_str_has_suffix (text, ","))
        text[strlen (text) - (g_str_has_suffix (text, ",") ? 1 : strlen ("，"))] = '\0';
      chars = g_utf8_strlen (text, -1);
      if (chars >= 2 && chars <= 20 && !strpbrk (text, ":") && !strstr (text, "：") &&
          !strstr (text, "，") && !is_button (text) &&
          !wenji_import_date_scan (text, &date, NULL, NULL)) {
        /* An author's block that names a newsroom or an account; a name in
         * letters there is a person's (`Mon1st`, `Jun Duanmu`), unless it is
         * an agency's capitals or an address (`CNA`, `on.cc`). */
        gboolean site = account || labels_source (lower) ||
                        (wenji_import_is_site_name (text, fields->site) &&
                         !(labels_author (lower) && wenji_import_is_name_in_letters (text)));

        if (site && fields->source == NULL)
          fields->source = g_steal_pointer (&text);
        else if (!site && labels_author (lower) && fields->author == NULL &&
                 !wenji_import_is_placeholder (text))
          fields->author = g_steal_pointer (&text);
        continue;
      }
      /* A source's block that holds the time too: the name linked in it,
       * `<p class="source-time"><span>2019-10-05 08:51</span><a>澎湃新闻</a>`. */
      if (labels_source (lower) && fields->source == NULL && chars <= 60 &&
          wenji_import_date_scan (text, &date, NULL, NULL) &&
          (fields->source = linked_name (child)) != NULL)
        continue;
    }

    if (wenji_import_read_labelled (page, child, fields))
      return TRUE;
  }

  return FALSE;
}

/* Whether @href leads to the site's home page: `/`, `http://daily.example.com/`. */
static gboolean
is_home_address (const char *href)
{
  const char *path;

  if (g_str_equal (href, "/") || g_str_equal (href, "./"))
    return TRUE;
  if (!g_str_has_prefix (href, "http://") && !g_str_has_prefix (href, "https://"))
    return FALSE;
  path = strchr (strstr (href, "//") + 2, '/');

  return path == NULL || g_str_equal (path, "/");
}

/* Looks for the home link before the article; returns TRUE once the
 * search is over, found (@name) or not. */
static gboolean
find_home_name (WenjiImportPage  *page,
                xmlNode          *node,
                char            **name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    if (child == page->first)
      return TRUE;
    if (child->type != XML_ELEMENT_NODE)
      continue;
    if (wenji_import_node_is (child, "a") && child->properties != NULL) {
      g_autofree char *href = wenji_import_node_attr (child, "href");
      g_autofree char *title = wenji_import_node_attr (child, "title");
      xmlChar *content = xmlNodeGetContent (child);
      g_autofree char *text = wenji_import_normalise_space ((const char *) content);

      xmlFree (content);
      if (href != NULL && title != NULL && *text == '\0' && is_home_address (href)) {
        g_strstrip (title);
        if (g_utf8_strlen (title, -1) >= 3 && g_utf8_strlen (title, -1) <= 8 &&
            wenji_import_is_newsroom_name (title)) {
          *name = g_steal_pointer (&title);
          return TRUE;
        }
      }
      continue;
    }
    if (find_home_name (page, child, name))
      return TRUE;
  }

  return FALSE;
}

/**
 * wenji_import_find_home_name:
 * @page: the page being read
 * @node: where to look, before the article
 *
 * The site's name a link to its home page gives in its title when it
 * shows only a logo: `<a href="/" title="知乎日报"><i class="logo"></i></a>`.
 *
 * Returns: (transfer full) (nullable): the name, or %NULL
 */
char *
wenji_import_find_home_name (WenjiImportPage *page,
                             xmlNode         *node)
{
  char *name = NULL;

  find_home_name (page, node, &name);

  return name;
}
