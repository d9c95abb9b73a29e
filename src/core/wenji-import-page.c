/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a saved page is and says: its headline (the heading its own titles
 * agree with), its date (the byline's, weighed against the meta tags', in
 * the page's zone), whether its author meta tag names the writer, and
 * whether it is an article at all or a list, a search, a sign-in form or a
 * page a script was to fill.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "wenji-error.h"
#include "wenji-import-html-private.h"

/* Below this much prose a page is a list of links, not an article. */
#define MIN_ARTICLE_CHARS 40

/**
 * wenji_import_titles_init:
 * @titles: the titles to fill
 * @meta: what the page says of itself
 *
 * Gathers the titles a page gives itself, to weigh its headings against:
 * og:title and `<title>` without the site's name, the structured headline,
 * and both as they are.
 */
void
wenji_import_titles_init (WenjiImportTitles *titles,
                          WenjiImportMeta   *meta)
{
  const char *all[] = { NULL, NULL, meta->headline, meta->og_title, meta->title };
  guint n = 0;
  g_autofree char *og_site = NULL;

  titles->og = meta->og_title ? wenji_import_strip_site_suffix (meta->og_title, meta->site,
                                                                &og_site)
                              : NULL;
  titles->title = meta->title ? wenji_import_strip_site_suffix (meta->title, meta->site,
                                                                &titles->site)
                              : NULL;
  /* `昔笑談連勝文… | TVBS 新聞` in og:title only. */
  if (titles->site == NULL)
    titles->site = g_steal_pointer (&og_site);
  all[0] = titles->og;
  all[1] = titles->title;
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (all[i] != NULL && *all[i] != '\0')
      titles->keys[n++] = wenji_import_title_key (all[i]);
  titles->keys[n] = NULL;
}

/**
 * wenji_import_titles_clear:
 * @titles: titles gathered by wenji_import_titles_init()
 */
void
wenji_import_titles_clear (WenjiImportTitles *titles)
{
  g_clear_pointer (&titles->og, g_free);
  g_clear_pointer (&titles->title, g_free);
  g_clear_pointer (&titles->site, g_free);
  for (guint i = 0; titles->keys[i] != NULL; i++)
    g_clear_pointer (&titles->keys[i], g_free);
}

/**
 * wenji_import_title_agreement:
 * @heading: a heading of the page
 * @titles: the titles the page gives itself
 *
 * Returns: how well @heading agrees with @titles: 3 the same headline, 2
 *   one holds the other (a site's or a column's name beside it), 0 not
 */
int
wenji_import_title_agreement (const char        *heading,
                              WenjiImportTitles *titles)
{
  g_autofree char *key = wenji_import_title_key (heading);
  gsize length = strlen (key);
  int best = 0;

  if (length < 6)
    return 0;
  for (guint i = 0; titles->keys[i] != NULL; i++) {
    const char *title = titles->keys[i];

    if (*title == '\0')
      continue;
    if (g_str_equal (key, title))
      return 3;
    /* The page title holds the heading (and the site's name), or the
     * heading holds the page title (and a column's name). */
    if (strstr (title, key) != NULL || (strlen (title) >= 12 && strstr (key, title) != NULL))
      best = 2;
  }

  return best;
}

/* A line that may be the headline: a heading or a block called a title,
 * of a headline's length, outside furniture, before the article ends. */
static gboolean
is_headline_candidate (WenjiImportLine *line)
{
  glong chars;

  if (!(line->heading || line->titled) || line->furniture || line->region == WENJI_IMPORT_AFTER)
    return FALSE;
  chars = g_utf8_strlen (line->text, -1);

  return chars >= 4 && chars <= 100;
}

/* Whether @text is as long as a headline and reads as none of a sentence's
 * end, a count or a link list. */
static gboolean
is_headline_length (const char *text)
{
  glong chars = g_utf8_strlen (text, -1);

  return chars >= 6 && chars <= 60 && !g_str_has_suffix (text, "。") &&
         !g_str_has_suffix (text, "：") && !strchr (text, '|') && !strchr (text, '>') &&
         !strstr (text, "»") && !strstr (text, "位置");
}

/* The last line of a headline's length within three lines above the
 * article, not a byline. */
static const char *
line_above_text (GPtrArray *lines)
{
  guint body = 0;

  while (body < lines->len &&
         ((WenjiImportLine *) lines->pdata[body])->region == WENJI_IMPORT_BEFORE)
    body++;
  for (guint i = body; i > 0 && i + 3 > body; i--) {
    WenjiImportLine *line = lines->pdata[i - 1];

    if (is_headline_length (line->text) && !wenji_import_may_be_byline (line->text))
      return line->text;
  }

  return NULL;
}

/* Whether a page's <title> is no more than short names, the site's and a
 * column's (`世艺网>艺术教育`, `China-Pub blog--洞庭一叶`), each shorter than
 * @heading. */
static gboolean
names_only_site (const char *title,
                 const char *heading)
{
  g_auto (GStrv) parts = NULL;
  glong longest = g_utf8_strlen (heading, -1);
  guint n = 0;

  if (title == NULL)
    return FALSE;
  parts = g_regex_split_simple ("\\s*(?:[|｜>›»_—/]|-{1,2}|&gt;)\\s*", title, 0, 0);
  for (guint i = 0; parts[i] != NULL; i++) {
    glong chars = g_utf8_strlen (g_strstrip (parts[i]), -1);

    if (chars == 0)
      continue;
    if (chars > 8 && !wenji_import_is_site_name (parts[i], NULL))
      return FALSE;
    if (chars >= longest)
      return FALSE;
    n++;
  }

  return n > 0;
}

/**
 * wenji_import_choose_title:
 * @lines: (element-type WenjiImportLine): the page's lines
 * @meta: what the page says of itself
 * @titles: its titles
 *
 * The headline: the heading the page's own titles agree with best, else
 * the structured headline, else og:title or the page title without the
 * site's name, else the first heading.
 *
 * Returns: (transfer full) (nullable): the title
 */
char *
wenji_import_choose_title (GPtrArray         *lines,
                           WenjiImportMeta   *meta,
                           WenjiImportTitles *titles)
{
  const char *best = NULL, *first_heading = NULL, *above = NULL;
  int best_agreement = 0;

  for (guint i = 0; i < lines->len; i++) {
    WenjiImportLine *line = lines->pdata[i];
    int agreement;

    if (!is_headline_candidate (line))
      continue;
    if (first_heading == NULL && (line->heading || line->titled) &&
        line->region == WENJI_IMPORT_BEFORE)
      first_heading = line->text;

    agreement = wenji_import_title_agreement (line->text, titles);
    if (agreement > best_agreement ||
        (agreement == 2 && best_agreement == 2 && strlen (line->text) > strlen (best))) {
      best = line->text;
      best_agreement = agreement;
    }
    /* A widget inside the headline element: `<h1>标题<div>播报文章</div></h1>`. */
    if (line->head != NULL &&
        (agreement = wenji_import_title_agreement (line->head, titles)) > best_agreement) {
      best = line->head;
      best_agreement = agreement;
    }
  }

  if (best != NULL)
    return g_strdup (best);
  /* No heading is what the page's titles say, and they say no more than
   * the site's and a column's names (`世艺网>艺术教育`): the heading just
   * above the article is its headline. */
  if (meta->headline == NULL && titles->og == NULL && (above = line_above_text (lines)) &&
      names_only_site (meta->title, above))
    return g_strdup (above);
  if (meta->headline != NULL)
    return g_strdup (meta->headline);
  if (titles->og != NULL && *titles->og != '\0')
    return g_strdup (titles->og);
  if (titles->title != NULL && *titles->title != '\0')
    return g_strdup (titles->title);

  return g_strdup (first_heading);
}

/**
 * wenji_import_take_title_date:
 * @fields: a page's fields, its title chosen
 *
 * A headline that ends with its date, `馮光遠：…搞獨裁 2014-04-30 23:54`,
 * gives the date and loses it.
 */
void
wenji_import_take_title_date (WenjiImportFields *fields)
{
  WenjiImportDate date;
  int start, end;

  if (fields->title == NULL || !wenji_import_date_scan (fields->title, &date, &start, &end) ||
      start < 4 || fields->title[end + strspn (fields->title + end, " ")] != '\0')
    return;

  fields->title[start] = '\0';
  g_strchomp (fields->title);
  if (fields->published.year == 0)
    fields->published = date;
}

/* The page's zone, from a byline time and a meta time with a zone that say
 * the same moment: `06/02/2022 - 13:48` against `2022-02-06T12:48+00:00`
 * is +01:00. China's zone when nothing says otherwise. */
static int
page_offset (const WenjiImportDate *shown,
             const WenjiImportDate *stated)
{
  gint64 difference;

  if (shown->year != 0 && shown->hour >= 0 && shown->offset != WENJI_IMPORT_NO_OFFSET)
    return shown->offset;
  if (shown->year == 0 || shown->hour < 0 || stated->year == 0 || stated->hour < 0 ||
      stated->offset == WENJI_IMPORT_NO_OFFSET)
    return WENJI_IMPORT_CHINA_OFFSET;

  difference = wenji_import_date_minutes (shown) -
               (wenji_import_date_minutes (stated) - stated->offset);
  /* A meta time in UTC that is the shown time is a CMS's slip, not a zone. */
  if (difference != 0 && ABS (difference) <= 12 * 60 && difference % 30 == 0)
    return (int) difference;

  return WENJI_IMPORT_CHINA_OFFSET;
}

/**
 * wenji_import_choose_date:
 * @fields: a page's fields, its bylines read
 * @meta: what the page says of itself
 * @address: (nullable): the page's address
 *
 * The date: the byline's, with the meta tags' time when the byline gives
 * only the day; then the meta tags', WeChat's, a script's, an update time
 * the page shows, and the date in the page's address or at the end of its
 * `<title>`. All in the page's zone: China's unless the page says or shows
 * another.
 */
void
wenji_import_choose_date (WenjiImportFields *fields,
                          WenjiImportMeta   *meta,
                          const char        *address)
{
  WenjiImportDate *date = &fields->published;
  /* The zone the page shows its times in, also when it shows an update. */
  int offset = page_offset (date->year != 0 ? date : &fields->updated, &meta->published);

  if (date->year != 0 && date->hour < 0 && meta->published.year != 0 &&
      meta->published.hour >= 0) {
    WenjiImportDate stated = meta->published;

    wenji_import_date_to_offset (&stated, offset);
    if (stated.year == date->year && stated.month == date->month && stated.day == date->day)
      *date = stated;
  }
  if (date->year == 0)
    *date = meta->published;
  if (date->year == 0)
    *date = meta->posted;
  if (date->year == 0)
    *date = meta->scripted;
  if (date->year == 0)
    *date = fields->updated;
  if (date->year == 0)
    wenji_import_date_from_url (address, date);
  if (date->year == 0)
    wenji_import_date_from_title (meta->title, date);

  wenji_import_date_to_offset (date, offset);
  memset (&fields->updated, 0, sizeof fields->updated);
}

/* Whether @name is @site's name, or part of it: `Paradigm X`. */
static gboolean
names_site (const char *name,
            const char *site)
{
  g_autofree char *key = wenji_import_title_key (name);
  g_autofree char *site_key = site != NULL ? wenji_import_title_key (site) : NULL;

  return *key == '\0' || (site_key != NULL && *site_key != '\0' &&
                          (strstr (site_key, key) != NULL || strstr (key, site_key) != NULL));
}

/* Whether @name reads as a person's name in letters, given and family
 * name: `Neo Lee`; not an account's handle (`sina_mobile`), nor one word,
 * which is as often a site's brand (`NetEase`). */
static gboolean
is_person_in_letters (const char *name)
{
  return wenji_import_is_name_in_letters (name) && strchr (name, '_') == NULL &&
         strchr (name, ' ') != NULL && g_ascii_isupper (name[0]);
}

/**
 * wenji_import_is_meta_author:
 * @author: (nullable): what the author meta tag says
 * @fields: a page's fields
 * @meta: what the page says of itself
 *
 * The author meta tag often names the site (`网易`, `自由時報`), the web
 * editor (`青网新闻张毅`), the account (WeChat) or the software
 * (`Discuz! Team`): only a name that is none of these is the writer's.
 *
 * Returns: whether @author names the writer
 */
gboolean
wenji_import_is_meta_author (const char        *author,
                             WenjiImportFields *fields,
                             WenjiImportMeta   *meta)
{
  if (author == NULL || strstr (author, "://") || g_strcmp0 (author, meta->account) == 0 ||
      (is_person_in_letters (author) ? names_site (author, fields->site)
                                     : wenji_import_is_site_name (author, fields->site)) ||
      (meta->title != NULL && strstr (meta->title, author) != NULL &&
       (fields->title == NULL || strstr (fields->title, author) == NULL)))
    return FALSE;
  if (fields->editor != NULL &&
      (strstr (author, fields->editor) != NULL || strstr (fields->editor, author) != NULL))
    return FALSE;
  /* The web editor, named beside the 责任编辑: `编辑：倪仕轩 责任编辑：杨格`. */
  if (fields->staff != NULL) {
    g_auto (GStrv) staff = g_strsplit (fields->staff, "\n", -1);

    if (g_strv_contains ((const char * const *) staff, author))
      return FALSE;
  }
  /* Several words of Latin letters name a team or a company. */
  if (g_str_is_ascii (author) && strchr (author, ' ') && strchr (strchr (author, ' ') + 1, ' '))
    return FALSE;

  return TRUE;
}

/* What the text found says of the page. */
typedef struct {
  guint paragraphs;
  guint chars;
  guint sentence_chars;  /* in paragraphs that read as sentences */
  guint snippets;        /* paragraphs cut short: `…`, `...` */
  guint stamped;         /* short paragraphs with a feed item's time: `1小时前` */
} BodyFigures;

static gboolean
reads_as_sentences (const char *text)
{
  return strstr (text, "，") || strstr (text, "。") || strstr (text, "；") ||
         strstr (text, "！") || strstr (text, "？") || strstr (text, ", ") ||
         strstr (text, ". ") || g_str_has_suffix (text, ".");
}

/* Whether @text says when as a while ago, `1小时前`, as a feed's items do;
 * an article's times (a chronology, a live report) are dates. */
static gboolean
has_time (const char *text)
{
  static GRegex *ago;

  if (g_once_init_enter (&ago))
    g_once_init_leave (&ago, wenji_import_rule ("\\d+\\s*(?:分钟|分鐘|小时|小時|天)前"));

  return g_regex_match (ago, text, 0, NULL);
}

static void
measure_body (GPtrArray   *paragraphs,
              BodyFigures *figures)
{
  for (guint i = 0; i < paragraphs->len; i++) {
    const char *text = paragraphs->pdata[i];
    guint chars = g_utf8_strlen (text, -1);

    figures->paragraphs++;
    figures->chars += chars;
    if (reads_as_sentences (text))
      figures->sentence_chars += chars;
    if (g_str_has_suffix (text, "…") || g_str_has_suffix (text, "..."))
      figures->snippets++;
    if (chars <= 80 && has_time (text))
      figures->stamped++;
  }
}

/* A page that reports an error instead of showing what was asked for:
 * little text, and that text or the title says so (`…的时候发生错误`,
 * `您访问的页面不存在`, `404 Not Found`, `帖子已被删除`). */
static gboolean
is_error_page (const char  *title,
               GPtrArray   *paragraphs,
               BodyFigures *figures)
{
  static GRegex *words;

  if (g_once_init_enter (&words))
    g_once_init_leave (&words, wenji_import_rule ("发生错误|發生錯誤|错误信息|錯誤信息|出错了|出錯了|"
                                                  "出错啦|页面不存在|頁面不存在|页面未找到|"
                                                  "找不到(?:该|該|此|您要的)?(?:页面|頁面|网页|網頁)|"
                                                  "(?:帖子|主题|主題|文章|内容|內容)(?:不存在|"
                                                  "已被删除|已被刪除|已删除|已刪除)|"
                                                  "没有权限|沒有權限|无权访问|無權訪問|"
                                                  "(?i:404 not found|page not found)"));
  if (figures->chars >= 4 * MIN_ARTICLE_CHARS)
    return FALSE;
  if (title != NULL && g_regex_match (words, title, 0, NULL))
    return TRUE;
  for (guint i = 0; i < paragraphs->len; i++)
    if (g_regex_match (words, paragraphs->pdata[i], 0, NULL))
      return TRUE;

  return FALSE;
}

/* A site's home page: the address it was fetched from is the site's root,
 * `https://www.gmw.cn/` or `/index.html`, with no query or route after it
 * (a blog's `/?p=12`, an app's `/#/post?id=…` are posts). The address a
 * saved page gives itself counts only for an undated page with little
 * text, as some sites give every page their root for og:url. */
static gboolean
is_home_page (const char      *name,
              WenjiImportMeta *meta,
              const char      *address,
              BodyFigures     *figures)
{
  static GRegex *home;

  if (g_once_init_enter (&home))
    g_once_init_leave (&home, wenji_import_rule ("^(?i:https?)://[^/?#]+/?"
                                                 "(?i:index\\.[a-z]+|default\\.aspx?)?$"));

  if (g_str_has_prefix (name, "http://") || g_str_has_prefix (name, "https://"))
    return g_regex_match (home, name, 0, NULL);

  return address != NULL && !meta->dated && figures->chars < 4 * MIN_ARTICLE_CHARS &&
         g_regex_match (home, address, 0, NULL);
}

/* A page of search results: its title says so (`…_百度搜索`), or its
 * address asks a query (`/s?wd=`, `/search?q=`). */
static gboolean
is_search_page (WenjiImportTitles     *titles,
                const char *address)
{
  static const char * const query_keys[] = { "q=", "wd=", "word=", "query=", "keyword=",
                                             "keywords=", "kw=", NULL };
  const char *query;

  if (titles->site != NULL &&
      (g_str_has_suffix (titles->site, "搜索") || g_str_has_suffix (titles->site, "搜尋") ||
       strstr (titles->site, "搜索结果") || strstr (titles->site, "搜尋結果") ||
       g_str_has_suffix (titles->site, "Search")))
    return TRUE;
  if (address == NULL || (query = strchr (address, '?')) == NULL)
    return address != NULL && (strstr (address, "/search/") || strstr (address, "/search?"));
  for (guint i = 0; query_keys[i] != NULL; i++) {
    const char *at = strstr (query, query_keys[i]);

    if (at != NULL && (at[-1] == '?' || at[-1] == '&'))
      return TRUE;
  }

  /* Not `/s?`: WeChat's articles are `mp.weixin.qq.com/s?__biz=…`. */
  return strstr (address, "/search") != NULL;
}

/* A title one of whose parts says it: `智能解析 - 搜索结果 - 知乎`, or
 * names the site's search after the query: `新闻搜索_新浪搜索_新浪网`. */
static gboolean
is_search_title (const char *title)
{
  static const char * const words[] = { "搜索结果", "搜尋結果", NULL };
  g_auto (GStrv) parts = title != NULL ? g_strsplit_set (title, "-_|", -1) : NULL;

  for (guint i = 1; parts != NULL && parts[i] != NULL; i++) {
    char *part = g_strstrip (parts[i]);

    if (g_utf8_strlen (part, -1) <= 8 &&
        (g_str_has_suffix (part, "搜索") || g_str_has_suffix (part, "搜尋")))
      return TRUE;
  }

  for (guint i = 0; title != NULL && words[i] != NULL; i++) {
    const char *at = strstr (title, words[i]);
    const char *after = at != NULL ? at + strlen (words[i]) : NULL;

    if (at != NULL && (at == title || strchr (" -_|", at[-1]) != NULL) &&
        (*after == '\0' || strchr (" -_|", *after) != NULL))
      return TRUE;
  }

  return FALSE;
}

/**
 * wenji_import_refuse_page:
 * @error: where the reason goes
 * @name: the page's name, for the message
 * @meta: what the page says of itself
 * @titles: its titles
 * @address: (nullable): its address
 * @paragraphs: (element-type utf8): the text found in it
 *
 * Whether the page is no article: a page of search results, a sign-in
 * form, a page whose article a script was to load, or a list of links,
 * headlines or summaries. The reason goes in @error.
 *
 * Returns: %TRUE if the page is refused
 */
gboolean
wenji_import_refuse_page (GError           **error,
                          const char        *name,
                          WenjiImportMeta   *meta,
                          WenjiImportTitles *titles,
                          const char        *address,
                          GPtrArray         *paragraphs)
{
  BodyFigures body = { 0 }, *figures = &body;
  gboolean little;

  measure_body (paragraphs, figures);
  little = figures->chars < MIN_ARTICLE_CHARS ||
           (figures->sentence_chars < MIN_ARTICLE_CHARS && figures->chars < 4 * MIN_ARTICLE_CHARS);

  if (is_search_page (titles, address) || is_search_title (meta->title)) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 _("“%s” is a page of search results, not an article."), name);
    return TRUE;
  }
  if (is_home_page (name, meta, address, figures)) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 _("“%s” is a site’s home page, not an article."), name);
    return TRUE;
  }
  if (meta->thread_marks >= 2) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 _("“%s” is a forum thread or a question with its answers, not an article."),
                 name);
    return TRUE;
  }
  if (little && meta->password) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 _("“%s” asks to sign in: the article is not in the page."), name);
    return TRUE;
  }
  if (is_error_page (meta->title, paragraphs, figures)) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 _("“%s” is a page that reports an error, not an article."), name);
    return TRUE;
  }
  /* Little text in the page itself, much in its scripts: a script was to
   * put the article there when the page was shown. */
  if (figures->chars < MIN_ARTICLE_CHARS && (meta->app_root || meta->script_chars > 20000)) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 _("“%s” holds no article text: a script loads it when the page is shown. "
                   "Save the page again from the browser once it has loaded, or import its "
                   "address."), name);
    return TRUE;
  }
  /* Headlines, names and summaries cut short: an index, a table of
   * contents, a list of results. */
  if (little ||
      (figures->paragraphs >= 8 && figures->sentence_chars * 4 < figures->chars &&
       figures->chars < figures->paragraphs * 20) ||
      (figures->paragraphs >= 4 && figures->snippets * 5 >= figures->paragraphs * 2) ||
      (figures->stamped >= 5 && figures->stamped * 5 >= figures->paragraphs) ||
      meta->read_more >= 3) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 _("“%s” does not look like an article: the page holds a list of links, "
                   "headlines or summaries, not the text of one article."), name);
    return TRUE;
  }

  return FALSE;
}
