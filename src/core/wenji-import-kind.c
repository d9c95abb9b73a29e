/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Whether a saved page is an article at all, or a page of another kind: a
 * list of links or summaries, a page of search results, a forum thread or
 * a question with its answers, a sign-in form, a site's home page, a page
 * that reports an error, or one a script was to fill. Each is refused with
 * its reason, for the user to read.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "wenji-error.h"
#include "wenji-import-html-private.h"

/* Below this much prose a page is a list of links, not an article. */
#define MIN_ARTICLE_CHARS 40

/* How many replies under the text are numbered in order, each number on a
 * line of its own before the reply, `1`, `#2`, `3楼`: a forum's floors.
 * Not in the text (a list's numbers), nor in comments. */
static guint
count_floors (GPtrArray *lines)
{
  static GRegex *number;
  guint floors = 0;
  gboolean replied = TRUE;

  if (g_once_init_enter (&number))
    g_once_init_leave (&number, wenji_import_rule ("^(?:#|第)?\\s*(\\d{1,4})\\s*(?:楼|樓|#|F)?$"));

  for (guint i = 0; i < lines->len; i++) {
    WenjiImportLine *line = lines->pdata[i];
    g_autoptr (GMatchInfo) match = NULL;

    if (line->region != WENJI_IMPORT_AFTER || line->furniture || line->linked)
      continue;
    if (g_regex_match (number, line->text, 0, &match)) {
      g_autofree char *digits = g_match_info_fetch (match, 1);

      if (replied && g_ascii_strtoull (digits, NULL, 10) == floors + 1) {
        floors++;
        replied = FALSE;
      }
      continue;
    }
    replied = TRUE;
  }

  return floors;
}

/* How much the page's lines look like a forum thread or a question and
 * its answers: posts to show only the first poster's (`只看该作者`), the
 * first poster named in several posts (`楼主`, not the end of 航站楼 and
 * the start of 主体; not in comments, whose readers call a blog's writer
 * so too), a count of answers more
 * than once (`12个回答`), the buttons and counts of answers and posts
 * (`最佳答案`, `采纳率`, `写回答`, `回复此帖`, `引用此帖`), and replies on
 * numbered floors. */
guint
wenji_import_count_thread_marks (GPtrArray *lines)
{
  static GRegex *marks;
  guint only_poster = 0, poster = 0, answers = 0, best = 0;

  if (g_once_init_enter (&marks))
    g_once_init_leave (&marks, wenji_import_rule ("(只看该作者|只看該作者|只看楼主|只看樓主|仅看楼主|僅看樓主)|"
                                                  "((?:楼|樓)主(?!体|體|要|人|任|席|题|題|干|幹|导|導|张|張|持|管|办|辦|"
                                                  "动|動|流|力|角|页|頁|编|編|场|場|播|营|營|线|線|城|楼|樓|结|結))|"
                                                  "(\\d+\\s*(?:个|個)回答)|"
                                                  "(最佳答案|你对这个回答的评价是|采纳率|採納率|写回答|"
                                                  "寫回答|被采纳|被採納|关注问题|關注問題|回复此帖|"
                                                  "回覆此帖|引用此帖|收藏此帖|回复本贴|回复本帖|"
                                                  "回覆本帖|倒序看帖|倒序浏览|倒序瀏覽)"));

  for (guint i = 0; i < lines->len; i++) {
    WenjiImportLine *line = lines->pdata[i];
    g_autoptr (GMatchInfo) match = NULL;

    for (g_regex_match (marks, line->text, 0, &match); g_match_info_matches (match);
         g_match_info_next (match, NULL)) {
      int start;

      if (g_match_info_fetch_pos (match, 1, &start, NULL) && start >= 0)
        only_poster++;
      else if (g_match_info_fetch_pos (match, 2, &start, NULL) && start >= 0)
        poster += !line->furniture;
      else if (g_match_info_fetch_pos (match, 3, &start, NULL) && start >= 0)
        answers++;
      else
        best++;
    }
  }

  return MIN (only_poster, 3) + (poster >= 2 ? 2 : 0) + (answers >= 2 ? 3 : 0) + MIN (best, 3) +
         (count_floors (lines) >= 8 ? 2 : 0);
}

/* Longer lines are prose, not a shop's marks. */
#define SHOP_LINE_BYTES 180

/* What a shop's page for a product shows, kind by kind: a price, a
 * button to buy, a quantity or the stock, the delivery, the sales or the
 * buyers' reviews, the product's details. Only the buttons and the sales
 * are a shop's own: an article may quote a price or a delivery fee. */
static const struct {
  const char *pattern;
  gboolean    shop_only;
} shop_marks[] = {
  { "[¥￥]\\s*\\d|(?:价格|售价|促销价|市场价|原价|会员价|商城价|零售价|價格|售價|優惠價|特價)"
    "\\s*[：:]?\\s*[¥￥]?\\s*\\d", FALSE },
  { "立即购买|加入购物车|放入购物车|立即抢购|马上购买|立即購買|加入購物車|放入購物車|馬上購買",
    TRUE },
  { "购买数量|購買數量|库存\\s*\\d|庫存\\s*\\d|^(?:数量|數量)\\s*[：:]?$", FALSE },
  { "运费|運費|包邮|包郵|配送至|免运费|免運費", FALSE },
  { "月销量|月銷量|已售\\s*\\d|累计评价|累計評價|成交记录|成交記錄|销量\\s*[：:]?\\s*\\d|"
    "銷量\\s*[：:]?\\s*\\d", TRUE },
  { "商品详情|宝贝详情|商品詳情|寶貝詳情|规格参数|規格參數|商品介绍|商品介紹|售后保障|售後保障", FALSE },
};

/* Whether a short line holds a word that the marks only a shop shows are
 * made of: buying, sales, reviews. */
static gboolean
has_shop_words (GPtrArray *lines)
{
  static const char * const words[] = { "购", "購", "销量", "銷量", "已售", "评价", "評價", "成交" };

  for (guint i = 0; i < lines->len; i++) {
    WenjiImportLine *line = lines->pdata[i];

    if (strlen (line->text) > SHOP_LINE_BYTES)
      continue;
    for (guint w = 0; w < G_N_ELEMENTS (words); w++)
      if (strstr (line->text, words[w]) != NULL)
        return TRUE;
  }

  return FALSE;
}

/**
 * wenji_import_count_shop_marks:
 * @lines: the page's lines
 *
 * Returns: how many kinds of a shop's marks the lines show, or 0 if none
 *   of them is one only a shop shows
 */
guint
wenji_import_count_shop_marks (GPtrArray *lines)
{
  static GRegex *marks;
  gboolean seen[G_N_ELEMENTS (shop_marks)] = { FALSE };
  gboolean shop = FALSE;
  guint kinds = 0;

  /* Most pages show no mark only a shop shows: a cheap look first. */
  if (!has_shop_words (lines))
    return 0;
  if (g_once_init_enter (&marks)) {
    g_autoptr (GString) pattern = g_string_new (NULL);

    for (guint k = 0; k < G_N_ELEMENTS (shop_marks); k++)
      g_string_append_printf (pattern, "%s(%s)", k > 0 ? "|" : "", shop_marks[k].pattern);
    g_once_init_leave (&marks, wenji_import_rule (pattern->str));
  }

  for (guint i = 0; i < lines->len; i++) {
    WenjiImportLine *line = lines->pdata[i];
    g_autoptr (GMatchInfo) match = NULL;

    /* A shop's marks are short lines, its buttons, prices and tabs; the
     * prose lines, most of a page's text, need no look. */
    if (strlen (line->text) > SHOP_LINE_BYTES)
      continue;
    for (g_regex_match (marks, line->text, 0, &match); g_match_info_matches (match);
         g_match_info_next (match, NULL)) {
      for (guint k = 0; k < G_N_ELEMENTS (shop_marks); k++) {
        int start;

        if (g_match_info_fetch_pos (match, k + 1, &start, NULL) && start >= 0 && !seen[k]) {
          seen[k] = TRUE;
          kinds++;
          shop |= shop_marks[k].shop_only;
        }
      }
    }
  }

  return shop ? kinds : 0;
}

/* How many lines of the text say who wrote a post and when, as a list's
 * teasers each do: `作者 Ian Miell ，译者大愚若智 发布于 2017年5月16日`.
 * An article has one such line, above its text. */
static guint
count_teaser_credits (GPtrArray *lines)
{
  static GRegex *key;
  guint n = 0;

  if (g_once_init_enter (&key))
    g_once_init_leave (&key, wenji_import_rule ("作者|记者|記者|发布于|發佈於|发表于|發表於"));

  for (guint i = 0; i < lines->len; i++) {
    WenjiImportLine *line = lines->pdata[i];
    WenjiImportDate date;

    if (line->region == WENJI_IMPORT_BODY && !line->furniture &&
        g_utf8_strlen (line->text, -1) <= 80 && g_regex_match (key, line->text, 0, NULL) &&
        wenji_import_date_scan (line->text, &date, NULL, NULL))
      n++;
  }

  return n;
}

/* The lines that make a page an index of posts, each on a line of its
 * own: the links to the rest of a post, `Read more…`, `阅读全文`, and a
 * forum board's topics with their last replies, `skpoo • 2 分钟前 •
 * 最后回复来自 gaoolove`. More than two make an index, as three teasers'
 * credits do. */
guint
wenji_import_count_index_marks (GPtrArray *lines)
{
  static GRegex *more;
  guint n = 0;

  if (g_once_init_enter (&more))
    g_once_init_leave (&more, wenji_import_rule ("^\\s*(?:(?i:read more|continue reading)|阅读全文|"
                                                 "閱讀全文|继续阅读|繼續閱讀|查看全文|阅读更多|閱讀更多)"
                                                 "\\s*(?:…|\\.{3}|&#8230;|»|>>|→)?\\s*$"));
  for (guint i = 0; i < lines->len; i++) {
    WenjiImportLine *line = lines->pdata[i];

    n += g_regex_match (more, line->text, 0, NULL) || strstr (line->text, "最后回复来自") ||
         strstr (line->text, "最後回覆來自");
  }

  return n + (count_teaser_credits (lines) >= 3 ? 3 : 0);
}

/* What the text found says of the page. */
typedef struct {
  guint paragraphs;
  guint chars;
  guint sentence_chars;  /* in paragraphs that read as sentences */
  guint snippets;        /* paragraphs cut short: `…`, `...` */
  guint stamped;         /* short paragraphs with a feed item's time: `1小时前` */
  guint reports;         /* paragraphs that open a report: `【本報記者報道】…` */
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

/* Whether a paragraph is a summary cut short: `…`, `...`, a link to the
 * rest, `[详细]`, or a character cut in two, as a server cuts a teaser
 * at so many bytes. */
static gboolean
is_cut_short (const char *text)
{
  static const char * const ends[] = { "…", "...", "\xef\xbf\xbd", "[详细]", "[詳細]",
                                       "[全文]", "[更多]" };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    if (g_str_has_suffix (text, ends[i]))
      return TRUE;

  return FALSE;
}

/* Whether @text opens a newspaper's or an agency's report: its mark,
 * `【本報記者報道】`, `本报讯`, or a dateline that names the reporters. */
static gboolean
opens_report (const char *text)
{
  static GRegex *mark;

  if (g_once_init_enter (&mark))
    g_once_init_leave (&mark, wenji_import_rule ("^(?:【[^】]{2,12}(?:報道|报道|報導|讯|訊)】|"
                                                 "[^，。,]{0,12}(?:本报讯|本報訊))"));

  return g_regex_match (mark, text, 0, NULL) || wenji_import_opens_report (text);
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
    if (is_cut_short (text))
      figures->snippets++;
    if (chars <= 80 && has_time (text))
      figures->stamped++;
    if (opens_report (text))
      figures->reports++;
  }
}

/* A page that reports an error instead of showing what was asked for:
 * little text, and that text or the title says so (`…的时候发生错误`,
 * `您访问的页面不存在`, `404 Not Found`, `帖子已被删除`), or the title is a
 * forum's notice, which tells a reader why the page is not there or where
 * it will take them (`提示信息 - ChinaUnix.net`). */
static gboolean
is_error_page (const char  *title,
               GPtrArray   *paragraphs,
               BodyFigures *figures)
{
  static GRegex *words;
  static GRegex *notice;

  if (g_once_init_enter (&words))
    g_once_init_leave (&words, wenji_import_rule ("发生错误|發生錯誤|错误信息|錯誤信息|出错了|出錯了|"
                                                  "出错啦|页面不存在|頁面不存在|页面未找到|"
                                                  "找不到(?:该|該|此|您要的)?(?:页面|頁面|网页|網頁)|"
                                                  "(?:帖子|主题|主題|文章|内容|內容)(?:不存在|"
                                                  "已被删除|已被刪除|已删除|已刪除)|"
                                                  "没有权限|沒有權限|无权访问|無權訪問|"
                                                  "(?i:404 not found|page not found)"));
  if (g_once_init_enter (&notice))
    g_once_init_leave (&notice, wenji_import_rule ("^\\s*(?:提示信息|系统提示|系統提示)\\s*(?:[-_|｜–—]|$)"));
  if (figures->chars >= 4 * MIN_ARTICLE_CHARS)
    return FALSE;
  if (title != NULL && (g_regex_match (words, title, 0, NULL) ||
                        g_regex_match (notice, title, 0, NULL)))
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

  /* The address it was fetched from says more than the one it gives itself. */
  if (wenji_import_is_web_address (name))
    return g_regex_match (home, name, 0, NULL);

  return address != NULL && !meta->dated && figures->chars < 4 * MIN_ARTICLE_CHARS &&
         g_regex_match (home, address, 0, NULL);
}

/* Addresses of pages that list others, a pattern a row:
 * - a blog's archive of posts: `/tag/web`, `/category/x/`,
 *   `/archives/2018/05/`, `/author/x/page/2/`; not a post filed under
 *   `/archives/12345`;
 * - a topic's page (专题): a topic's folder, or its index, right under
 *   `zt`, `zt2019`, `travel_zt`, `topic`, `special` or `zhuanti`, or on a
 *   host of its own (`zt.voc.com.cn/Topic/jztpzsx/`); not a forum's topic,
 *   a number (`/topics/43661`), nor an article filed deeper in a topic
 *   (`/special/x/detail_2012_11/02/….shtml`). */
static const char * const list_addresses[] = {
  "^(?i:https?)://[^/?#]+/(?i:(?:tag|tags|category|categories|author)/[^/?#]+/?|archives?/?"
  "(?:\\d{4}/?(?:\\d{2}/?)?)?)(?:page/\\d+/?)?(?:[?#].*)?$",
  "^(?i:https?)://(?:(?i:zt)\\.[^/?#]+(?:/[^/?#]+)?|[^/?#]+(?:/[^/?#]+)*?/(?i:zt\\d{0,4}|"
  "[a-z]+_zt|topics?|special|zhuanti))/(?=[^/?#]*[A-Za-z])[^/?#.]+/?(?i:index\\.s?html?)?"
  "(?:[?#].*)?$",
};

/* Whether @address is one of a page that lists others. */
static gboolean
is_list_address (const char *address)
{
  static GRegex *rule;

  if (g_once_init_enter (&rule)) {
    g_autoptr (GString) pattern = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (list_addresses); i++)
      g_string_append_printf (pattern, "%s(?:%s)", i > 0 ? "|" : "", list_addresses[i]);
    g_once_init_leave (&rule, wenji_import_rule (pattern->str));
  }

  return address != NULL && g_regex_match (rule, address, 0, NULL);
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
  WenjiImportDate day;
  gboolean little, filed;

  measure_body (paragraphs, figures);
  little = figures->chars < MIN_ARTICLE_CHARS ||
           (figures->sentence_chars < MIN_ARTICLE_CHARS && figures->chars < 4 * MIN_ARTICLE_CHARS);

  /* Not a site named for searching (`…_成都全搜索`) whose page's address
   * files an article under its day, with no query: `/2018/0428/1969050.shtml`. */
  filed = address != NULL && strchr (address, '?') == NULL &&
          wenji_import_date_from_url (address, &day);
  if (!filed && (is_search_page (titles, address) || is_search_title (meta->title))) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 _("“%s” is a page of search results, not an article."), name);
    return TRUE;
  }
  if (is_home_page (name, meta, address, figures) ||
      (meta->government && !meta->government_article && !meta->government_column)) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 _("“%s” is a site’s home page, not an article."), name);
    return TRUE;
  }
  if (meta->shop_marks >= 3) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 _("“%s” is a shop’s page for a product, not an article."), name);
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
   * put the article there when the page was shown; so too where the page
   * has a few lines but no title at all (an account's page whose posts a
   * script lists). */
  if ((figures->chars < MIN_ARTICLE_CHARS ||
       (figures->chars < 4 * MIN_ARTICLE_CHARS && titles->keys[0] == NULL)) &&
      (meta->app_root || meta->script_chars > 20000)) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 _("“%s” holds no article text: a script loads it when the page is shown. "
                   "Save the page again from the browser once it has loaded, or import its "
                   "address."), name);
    return TRUE;
  }
  /* Headlines, names and summaries cut short: an index, a table of
   * contents, a list of results. */
  if (little || (meta->government && !meta->government_article) ||
      (figures->paragraphs >= 8 && figures->sentence_chars * 4 < figures->chars &&
       figures->chars < figures->paragraphs * 20) ||
      (figures->paragraphs >= 4 && figures->snippets * 5 >= figures->paragraphs * 2) ||
      (figures->stamped >= 5 && figures->stamped * 5 >= figures->paragraphs) ||
      (figures->reports >= 3 && figures->reports * 4 >= figures->paragraphs) ||
      meta->index_marks >= 3 ||
      is_list_address (wenji_import_is_web_address (name) ? name : address)) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 _("“%s” does not look like an article: the page holds a list of links, "
                   "headlines or summaries, not the text of one article."), name);
    return TRUE;
  }

  return FALSE;
}
