/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The line rules shared by HTML pages and text files saved from them: which
 * lines are a byline (date, source, author, editor), which are page
 * furniture (contact and copyright lines, share buttons, navigation), and
 * which are the article. A line is only removed when it matches a rule, so a
 * plain text file keeps every line it has.
 *
 * A byline is recognised by consumption: the date, the `key: value` fields
 * and view counters are taken out of the line, and when almost nothing is
 * left the line was a byline. A sentence that merely mentions a date or a
 * source keeps its words and stays in the article.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "wenji-article.h"
#include "wenji-import-private.h"

/* Bylines and furniture are short; a longer line is article text unless it
 * is a copyright notice or a contact line. */
#define MAX_FIELDS_CHARS 120
#define MAX_FURNITURE_CHARS 40
#define MAX_CONTACT_CHARS 200
#define MAX_LEFT_OVER_CHARS 4

/* A value after `key:`, up to the next space or key; possessive, so that
 * `來源: 編輯:供稿` gives the source no value rather than `編`. */
#define VALUE "([^\\s\\x{3000}|｜:：【】\\[\\]()（）,，。;；]++)(?![:：])"
#define NAME "([\\p{Han}·]{2,5}(?:[ \\x{3000}、，,]+[\\p{Han}·]{2,5})*|[A-Za-z][A-Za-z.' -]{1,40})"

typedef struct {
  GRegex *date;
  GRegex *date_key;
  GRegex *counter;
  GRegex *source;
  GRegex *editor;
  GRegex *author;
  GRegex *reporter;
  GRegex *credit;
  GRegex *dateline;
  GRegex *contact;
  GRegex *copyright;
  GRegex *furniture;
  GRegex *breadcrumb;
  GRegex *site;
  GRegex *leftover;
} Rules;

static GRegex *
compile (const char *pattern)
{
  g_autoptr (GError) error = NULL;
  GRegex *regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);

  /* The patterns are constants: a failure is a bug, found by the tests. */
  if (regex == NULL)
    g_error ("Bad import rule “%s”: %s", pattern, error->message);

  return regex;
}

static gpointer
compile_rules (gpointer data)
{
  Rules *rules = g_new0 (Rules, 1);

  rules->date = compile ("(?<!\\d)((?:19|20)\\d{2})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)"
                         "\\s*(\\d{1,2})(?!\\d)\\s*日?(?:[T\\s\\x{3000}]*(\\d{1,2})\\s*[:：时時]\\s*"
                         "(\\d{2})(?:\\s*[:：分]\\s*(?:\\d{2}(?:\\.\\d+)?)?)?)?"
                         "(?:Z|[+-]\\d{2}:?\\d{2})?");
  rules->date_key = compile ("(?:发布时间|發布時間|發佈時間|发表时间|發表時間|发布日期|發布日期|更新时间|"
                             "更新時間|时间|時間|日期|发布于|發布於|发布|發布|發佈)\\s*[:：]?");
  rules->counter = compile ("(?:浏览量|瀏覽量|浏览|瀏覽|阅读量|閱讀量|阅读|閱讀|点击量|點擊量|点击|點擊|"
                            "访问量|訪問量|人气|人氣)(?:次数|次數|数|數)?\\s*[:：]?\\s*\\d*\\s*次?");
  rules->source = compile ("(?:信息来源|信息來源|文章来源|文章來源|新闻来源|新聞來源|稿件来源|稿件來源|"
                           "来源|來源|稿源|出处|出處)\\s*[:：]\\s*(?:" VALUE ")?");
  rules->editor = compile ("(责任编辑|責任編輯|责编|責編|编辑|編輯)\\s*[:：]\\s*(?:" VALUE ")?");
  rules->author = compile ("(?:(?:作者|撰文|撰稿)\\s*[:：]\\s*|(?<!\\p{Han})文\\s*[/／]\\s*)" VALUE);
  rules->reporter = compile ("(?:本报|本報|本台|本网|本網)?(?:记者|記者|通讯员|通訊員)\\s*[:：]?\\s*" NAME);
  rules->credit = compile ("\\s*[(（]\\s*(?:文\\s*[/／]|作者\\s*[:：]|撰文\\s*[:：])\\s*([^()（）/／]{1,12}?)"
                           "\\s*[)）]\\s*$");
  rules->dateline = compile ("^[^，。,]{2,30}?(?:电|電|讯|訊)\\s*[(（]\\s*(?:本报|本報)?(?:记者|記者)\\s*"
                             "([^()（）]{2,20}?)\\s*[)）]");
  /* A contact key with a number or address right after it: `客服電話:025-86163400`,
   * not `移动电话用户达5.1亿户`. */
  rules->contact = compile ("(?:电话|電話|客服|热线|熱線|邮箱|郵箱|投稿|联系方式|聯繫方式|聯系方式|传真|傳真|"
                            "电邮|電郵|(?i:e-?mail)|(?<![A-Za-z])QQ(?![A-Za-z]))"
                            "[^\\d\\n]{0,8}?(?:\\d{3,4}-\\d{7,8}|"
                            "(?<!\\d)1[3-9]\\d{9}(?!\\d)|(?<!\\d)\\d{4} \\d{4}(?!\\d)|"
                            "[A-Za-z0-9._-]+@[A-Za-z0-9-]+\\.[A-Za-z.]+|"
                            "(?<!\\d)[1-9]\\d{4,10}(?!\\d))");
  rules->copyright = compile ("版权所有|版權所有|版权声明|版權聲明|版权及免责|版權及免責|免责声明|免責聲明|"
                              "(?i:copyright)|©|(?i:all rights reserved)|ICP备|ICP證|ICP证|公网安备|"
                              "公網安備|不得转载|不得轉載");
  rules->furniture = compile ("分享到|分享至|扫一扫|掃一掃|二维码|二維碼|打印本页|打印本頁|【打印】|关闭窗口|"
                              "關閉窗口|返回顶部|返回頂部|上一篇|下一篇|相关阅读|相關閱讀|相关新闻|相關新聞|"
                              "相关链接|相關鏈接|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热门推荐|熱門推薦|"
                              "当前位置|當前位置|您的位置|您现在的位置|字号\\s*[:：]|字號\\s*[:：]|【字|"
                              "网友评论|網友評論|发表评论|發表評論|我要评论|我要評論|收藏本文|加入收藏|点击排行|點擊排行|微信公众号|"
                              "微信公眾號|关注我们|關注我們|^(?:打印|关闭|關閉|返回|分享|收藏|纠错|糾錯|"
                              "[大中小]|[\\s|｜【】\\[\\]])+$|^[(（](?:完|全文完|END|end)[)）]$");
  rules->breadcrumb = compile ("^(?:网站首页|網站首頁|首页|首頁)|(?:首页|首頁)\\s*(?:>|＞|»|›|/)");
  rules->site = compile ("(\\p{Han}{2,10}?(?:网|網|报|報|台|在线|在線|门户|門戶|新闻|新聞))(?=\\s*(?:版权|"
                         "版權|客服|免责|免責|声明|聲明|热线|熱線))|(?:感谢您浏览|感謝您瀏覽|欢迎访问|"
                         "歡迎訪問|欢迎光临|歡迎光臨)(\\p{Han}{2,12}?(?:网|網|报|報|台|站))");
  rules->leftover = compile ("[\\s\\x{3000}|｜/／:：【】\\[\\]()（）·•\\-—_,，;；.。]+");

  return rules;
}

static Rules *
get_rules (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, compile_rules, NULL);
}

void
wenji_import_fields_clear (WenjiImportFields *fields)
{
  g_clear_pointer (&fields->title, g_free);
  g_clear_pointer (&fields->author, g_free);
  g_clear_pointer (&fields->source, g_free);
  g_clear_pointer (&fields->editor, g_free);
  g_clear_pointer (&fields->published_at, g_free);
  g_clear_pointer (&fields->site, g_free);
  fields->editor_is_responsible = FALSE;
}

/* Values that sit in a byline field but name nobody. */
static gboolean
is_placeholder (const char *value)
{
  static const char * const placeholders[] = {
    "供稿", "佚名", "未知", "匿名", "网络", "網絡", "网友", "網友", "本站", "本网", "本網",
    "小编", "小編", "admin", "编辑", "編輯", "暂无", "暫無", "无", "無",
  };

  if (value == NULL || *value == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (g_ascii_strcasecmp (value, placeholders[i]) == 0)
      return TRUE;

  return FALSE;
}

static void
set_field (char       **field,
           const char  *value)
{
  if (*field == NULL && !is_placeholder (value))
    *field = g_strdup (value);
}

static char *
format_date (GMatchInfo *match)
{
  g_autofree char *year = g_match_info_fetch (match, 1);
  g_autofree char *month = g_match_info_fetch (match, 2);
  g_autofree char *day = g_match_info_fetch (match, 3);
  g_autofree char *hour = g_match_info_fetch (match, 4);
  g_autofree char *minute = g_match_info_fetch (match, 5);
  int y = atoi (year), m = atoi (month), d = atoi (day);

  if (m < 1 || m > 12 || d < 1 || d > 31)
    return NULL;
  if (hour != NULL && *hour != '\0' && atoi (hour) < 24 && atoi (minute) < 60)
    return g_strdup_printf ("%04d-%02d-%02d %02d:%02d", y, m, d, atoi (hour), atoi (minute));

  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/**
 * wenji_import_parse_date:
 * @text: text holding a date: `2021-02-07 15:16`, `2021年2月7日`,
 *   `2021/02/07`, `2021-02-07T15:16:00+08:00`
 *
 * The time is kept as the page wrote it, in the page's own local time: a
 * zone (`+08:00`, `Z`) is dropped, not converted, and seconds are dropped.
 *
 * Returns: (transfer full) (nullable): the first date in @text as
 *   `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`, or %NULL
 */
char *
wenji_import_parse_date (const char *text)
{
  g_autoptr (GMatchInfo) match = NULL;

  if (text == NULL || !g_regex_match (get_rules ()->date, text, 0, &match))
    return NULL;

  return format_date (match);
}

/* Every name a reporter line gives, joined with 、. */
static char *
reporter_names (const char *value)
{
  static const char * const not_names[] = {
    "记者", "記者", "通讯员", "通訊員", "报道", "報道", "摄影", "攝影", NULL
  };
  g_auto (GStrv) parts = g_strsplit_set (value, " \t", -1);
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;

  for (guint i = 0; parts[i] != NULL; i++) {
    const char *part = g_strstrip (parts[i]);

    if (*part == '\0' || g_strv_contains (not_names, part))
      continue;
    g_strv_builder_add (names, part);
  }
  list = g_strv_builder_end (names);

  return list[0] != NULL ? g_strjoinv ("、", list) : NULL;
}

/* Takes the fields of a byline out of @line: returns what is left. */
static char *
consume_fields (const char        *line,
                WenjiImportFields *fields,
                guint             *n_found)
{
  Rules *rules = get_rules ();
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *rest = g_strdup (line);
  guint found = 0;

  if (g_regex_match (rules->date, rest, 0, &match)) {
    g_autofree char *date = format_date (match);

    set_field (&fields->published_at, date);
    found++;
  }
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match (rules->editor, rest, 0, &match)) {
    g_autofree char *key = g_match_info_fetch (match, 1);
    g_autofree char *value = g_match_info_fetch (match, 2);
    gboolean responsible = strlen (key) > strlen ("编辑");

    if (!is_placeholder (value) && (fields->editor == NULL ||
                                    (responsible && !fields->editor_is_responsible))) {
      g_free (fields->editor);
      fields->editor = g_strdup (value);
      fields->editor_is_responsible = responsible;
    }
    found++;
  }
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match (rules->source, rest, 0, &match)) {
    g_autofree char *value = g_match_info_fetch (match, 1);

    set_field (&fields->source, value);
    found++;
  }
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match (rules->author, rest, 0, &match)) {
    g_autofree char *value = g_match_info_fetch (match, 1);

    set_field (&fields->author, value);
    found++;
  }
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match (rules->reporter, rest, 0, &match)) {
    g_autofree char *value = g_match_info_fetch (match, 1);
    g_autofree char *names = reporter_names (value);

    set_field (&fields->author, names);
    found++;
  }

  {
    GRegex *consumed[] = { rules->date, rules->date_key, rules->editor, rules->source,
                           rules->author, rules->reporter, rules->counter, rules->leftover };

    for (guint i = 0; i < G_N_ELEMENTS (consumed); i++) {
      char *next = g_regex_replace_literal (consumed[i], rest, -1, 0, "", 0, NULL);

      if (next == NULL)
        break;
      if (i == G_N_ELEMENTS (consumed) - 2 && strcmp (next, rest) != 0)
        found++;
      g_free (rest);
      rest = next;
    }
  }

  *n_found = found;

  return g_steal_pointer (&rest);
}

/**
 * wenji_import_note_site:
 * @line: a furniture line, such as `江蘇蘇訊網客服:025-86163400`
 * @fields: where to keep the site's name
 *
 * Remembers the site's own name when a contact or copyright line gives it.
 */
void
wenji_import_note_site (const char        *line,
                        WenjiImportFields *fields)
{
  g_autoptr (GMatchInfo) match = NULL;

  if (fields->site != NULL || !g_regex_match (get_rules ()->site, line, 0, &match))
    return;

  for (int group = 1; group <= 2 && fields->site == NULL; group++) {
    g_autofree char *name = g_match_info_fetch (match, group);

    if (name != NULL && *name != '\0')
      fields->site = g_steal_pointer (&name);
  }
}

/**
 * wenji_import_classify_line:
 * @line: one line of text, stripped
 * @fields: filled with what a byline says
 *
 * Returns: whether @line is article text, a byline or page furniture
 */
WenjiImportLineKind
wenji_import_classify_line (const char        *line,
                            WenjiImportFields *fields)
{
  Rules *rules = get_rules ();
  glong chars = g_utf8_strlen (line, -1);
  g_autofree char *head = NULL;
  g_autofree char *rest = NULL;
  WenjiImportFields found = { 0 };
  guint n_found = 0;

  if (chars <= MAX_CONTACT_CHARS && g_regex_match (rules->contact, line, 0, NULL))
    return WENJI_IMPORT_LINE_CHROME;

  /* A copyright notice starts with it, or is short. */
  head = chars > 80 ? g_utf8_substring (line, 0, 30) : g_strdup (line);
  if (g_regex_match (rules->copyright, head, 0, NULL))
    return WENJI_IMPORT_LINE_CHROME;

  if (chars > MAX_FIELDS_CHARS)
    return WENJI_IMPORT_LINE_BODY;

  if (chars <= MAX_FURNITURE_CHARS &&
      (g_regex_match (rules->furniture, line, 0, NULL) ||
       g_regex_match (rules->breadcrumb, line, 0, NULL)))
    return WENJI_IMPORT_LINE_CHROME;

  /* Most lines hold no field at all: skip the costly part. */
  if (!g_regex_match (rules->date, line, 0, NULL) &&
      !g_regex_match (rules->source, line, 0, NULL) &&
      !g_regex_match (rules->editor, line, 0, NULL) &&
      !g_regex_match (rules->author, line, 0, NULL) &&
      !g_regex_match (rules->reporter, line, 0, NULL) &&
      !g_regex_match (rules->counter, line, 0, NULL))
    return WENJI_IMPORT_LINE_BODY;

  rest = consume_fields (line, &found, &n_found);
  if (n_found == 0 || g_utf8_strlen (rest, -1) > MAX_LEFT_OVER_CHARS) {
    wenji_import_fields_clear (&found);
    return WENJI_IMPORT_LINE_BODY;
  }

  /* Only now that the line is a byline do its fields count. */
  set_field (&fields->published_at, found.published_at);
  set_field (&fields->source, found.source);
  set_field (&fields->author, found.author);
  if (found.editor != NULL &&
      (fields->editor == NULL || (found.editor_is_responsible && !fields->editor_is_responsible))) {
    g_free (fields->editor);
    fields->editor = g_strdup (found.editor);
    fields->editor_is_responsible = found.editor_is_responsible;
  }
  wenji_import_fields_clear (&found);

  return WENJI_IMPORT_LINE_FIELDS;
}

/**
 * wenji_import_take_credit:
 * @paragraph: the last words of an article, `…新農村。(文/郭靜)`
 * @fields: its author is set from the credit
 *
 * Returns: (transfer full): @paragraph without a closing author credit
 */
char *
wenji_import_take_credit (const char        *paragraph,
                          WenjiImportFields *fields)
{
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *name = NULL;
  int start;

  if (!g_regex_match (get_rules ()->credit, paragraph, 0, &match))
    return g_strdup (paragraph);

  name = g_match_info_fetch (match, 1);
  g_strstrip (name);
  set_field (&fields->author, name);
  g_match_info_fetch_pos (match, 0, &start, NULL);

  return g_strndup (paragraph, start);
}

/* The reporter of a news agency dateline, `本报北京6月17日电（记者赵静）`,
 * which stays in the text. */
static void
take_dateline (const char        *paragraph,
               WenjiImportFields *fields)
{
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *value = NULL;
  g_autofree char *names = NULL;

  if (!g_regex_match (get_rules ()->dateline, paragraph, 0, &match))
    return;
  value = g_match_info_fetch (match, 1);
  names = reporter_names (value);
  set_field (&fields->author, names);
}

/* Whether @line is nothing but a date. */
static gboolean
is_bare_date (const char *line)
{
  g_autofree char *rest = g_regex_replace_literal (get_rules ()->date, line, -1, 0, "", 0, NULL);

  return rest != NULL && strcmp (rest, line) != 0 && *g_strstrip (rest) == '\0';
}

/**
 * wenji_import_filter_lines:
 * @lines: (element-type utf8): stripped, non-empty lines
 * @fields: filled from the bylines
 *
 * Drops bylines and page furniture, and takes a closing author credit off
 * the article's last words. A date on its own line after the article has
 * started (the signature of a notice) stays in the article.
 *
 * Returns: (transfer full) (element-type utf8): the lines of the article
 */
GPtrArray *
wenji_import_filter_lines (GPtrArray         *lines,
                           WenjiImportFields *fields)
{
  g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  gboolean in_body = FALSE;

  for (guint i = 0; i < lines->len; i++) {
    const char *line = lines->pdata[i];
    WenjiImportLineKind kind;
    char *paragraph;

    /* A picture the page's body holds stays where it is. */
    if (g_str_has_prefix (line, "![") && g_str_has_suffix (line, ")") &&
        strstr (line, "](") != NULL) {
      g_ptr_array_add (kept, g_strdup (line));
      continue;
    }

    kind = wenji_import_classify_line (line, fields);
    if (kind == WENJI_IMPORT_LINE_CHROME) {
      wenji_import_note_site (line, fields);
      continue;
    }
    if (kind == WENJI_IMPORT_LINE_FIELDS && !(in_body && is_bare_date (line)))
      continue;

    paragraph = wenji_import_take_credit (line, fields);
    if (*paragraph == '\0') {
      g_free (paragraph);
      continue;
    }
    if (!in_body && fields->author == NULL)
      take_dateline (paragraph, fields);
    if (g_utf8_strlen (paragraph, -1) >= 30)
      in_body = TRUE;
    g_ptr_array_add (kept, paragraph);
  }

  return g_steal_pointer (&kept);
}

/**
 * wenji_import_strip_site_suffix:
 * @title: a page title, `为基层减负需久久为功_中山网`
 * @site: (out) (optional) (transfer full): the site name removed, if any
 *
 * Removes the site names a page title ends with: `_中山网`, `-新浪新闻`,
 * ` | 网站名`, several of them if need be.
 *
 * Returns: (transfer full): the title of the article
 */
char *
wenji_import_strip_site_suffix (const char  *title,
                                char       **site)
{
  static const char * const separators[] = {
    " | ", "|", "｜", " - ", " — ", "—", "–", "－", "_", "-", "::"
  };
  g_autofree char *current = g_strstrip (g_strdup (title));

  if (site != NULL)
    *site = NULL;

  for (guint round = 0; round < 3; round++) {
    const char *best = NULL;
    const char *best_separator = NULL;
    g_autofree char *tail = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (separators); i++) {
      const char *found = g_strrstr (current, separators[i]);

      if (found != NULL && (best == NULL || found > best)) {
        best = found;
        best_separator = separators[i];
      }
    }
    if (best == NULL)
      break;

    tail = g_strstrip (g_strdup (best + strlen (best_separator)));
    /* A site name is short; a bare hyphen between digits is a range. */
    if (g_utf8_strlen (tail, -1) > 20 || g_utf8_strlen (current, best - current) < 4 ||
        (g_str_equal (best_separator, "-") && strpbrk (tail, "0123456789") != NULL))
      break;

    if (site != NULL && *site == NULL && *tail != '\0')
      *site = g_strdup (tail);
    current[best - current] = '\0';
    g_strchomp (current);
  }

  return g_steal_pointer (&current);
}

/**
 * wenji_import_apply_fields:
 * @article: an article being imported
 * @fields: what its page said
 *
 * Sets the article's fields; the site's own name is the source when the
 * page names no other.
 */
void
wenji_import_apply_fields (WenjiArticle      *article,
                           WenjiImportFields *fields)
{
  if (fields->title != NULL)
    wenji_article_set_title (article, fields->title);
  if (fields->author != NULL)
    wenji_article_set_author (article, fields->author);
  if (fields->source != NULL || fields->site != NULL)
    wenji_article_set_source (article, fields->source ? fields->source : fields->site);
  if (fields->editor != NULL)
    wenji_article_set_editor (article, fields->editor);
  if (fields->published_at != NULL)
    wenji_article_set_published_at (article, fields->published_at);
}
