/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Titles: a page's `<title>` says the headline with the site's name around
 * it (`为基层减负需久久为功_中山网`, `多维博客 » 播客热潮迅速蔓延`), while a
 * column's name before the headline (`新华视界｜河北遵化：…`) is part of it.
 * A part is taken off only when it reads as a site's name.
 */
#include "config.h"

#include <string.h>

#include "wenji-import-private.h"

static const char * const separators[] = {
  " | ", "|", "｜", " - ", " — ", "—", "–", "－", "_", "-", "::", " » ", "»", " @ ", "--",
  " / ", " ／ ", " > ", ">", "›", " · ",
};

/* Endings of a site's or a section's name. */
static const char * const site_words[] = {
  "网", "網", "报", "報", "台", "社", "刊", "频道", "頻道", "新闻", "新聞", "资讯", "資訊",
  "在线", "在線", "博客", "官网", "門戶", "门户", "首页", "首頁", "客户端", "客戶端", "网站",
  "網站", "站", "号", "號", "博客园", "中心", "论坛", "論壇", "社区", "社區", "日报", "晚报", "时报",
  "時報", "周刊", "週刊", "杂志", "雜誌", "电视", "電視", "廣播", "广播", "搜索", "搜尋",
};

/* Organisations that keep a site, named after a page's title there:
 * `5月18日养老金增发到位-上海市总工会`. */
static const char * const organisations[] = {
  "工会", "工會", "协会", "協會", "学会", "學會", "联合会", "聯合會",
};

/**
 * wenji_import_title_key:
 * @title: a title
 *
 * Returns: (transfer full): @title without spaces, punctuation and symbols,
 *   in lower case, to tell whether two titles are the same headline
 */
char *
wenji_import_title_key (const char *title)
{
  GString *key = g_string_new (NULL);

  for (const char *p = title; p != NULL && *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (g_unichar_isalnum (c) || g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
      g_string_append_unichar (key, g_unichar_tolower (c));
  }

  return g_string_free (key, FALSE);
}

/**
 * wenji_import_same_title:
 *
 * Returns: whether @a and @b are the same headline but for spaces and
 *   punctuation
 */
gboolean
wenji_import_same_title (const char *a,
                         const char *b)
{
  g_autofree char *key_a = wenji_import_title_key (a);
  g_autofree char *key_b = wenji_import_title_key (b);

  return *key_a != '\0' && g_str_equal (key_a, key_b);
}

/**
 * wenji_import_has_letter:
 * @text: a line or a part of one
 *
 * Returns: whether @text holds a letter or a Chinese character, not only
 *   digits, punctuation and symbols (`+1`, `-20120517`)
 */
gboolean
wenji_import_has_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static gboolean
is_latin (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return FALSE;

  return TRUE;
}

/* Whether each of @words is a word of letters: `Headline`, `Daily`. */
static gboolean
is_all_latin_words (char **words)
{
  if (words[0] == NULL)
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++) {
    if (*words[i] == '\0')
      return FALSE;
    for (const char *p = words[i]; *p != '\0'; p++)
      if (!g_ascii_isalpha (*p))
        return FALSE;
  }

  return TRUE;
}

/* Whether @part ends as a site's name does, rather than a section's
 * (`频道`, `新闻`, `资讯`). */
static gboolean
names_site (const char *part)
{
  static const char * const sections[] = {
    "频道", "頻道", "新闻", "新聞", "资讯", "資訊", "首页", "首頁", "中心", "论坛", "論壇",
    "社区", "社區", "客户端", "客戶端",
  };
  /* A section's usual names, on their own: `- 娱乐 - 21CN.COM`. */
  static const char * const section_names[] = {
    "娱乐", "娛樂", "体育", "體育", "财经", "財經", "科技", "汽车", "汽車", "房产", "房產", "军事",
    "軍事", "国际", "國際", "国内", "國內", "社会", "社會", "教育", "健康", "旅游", "旅遊", "文化",
    "时尚", "時尚", "游戏", "遊戲", "数码", "數碼", "股票", "理财", "理財", "读书", "讀書", "历史",
    "歷史", "女性", "生活", "评论", "評論", "图片", "圖片", "视频", "視頻", "要闻", "要聞", "正文",
  };

  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    if (g_str_equal (part, section_names[i]))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_str_has_suffix (part, sections[i]))
      return g_str_has_suffix (part, "新闻网") || g_str_has_suffix (part, "新聞網");

  return TRUE;
}

/* Whether @part of a page title is the site's name (or a section's, once
 * the site's is gone), not part of the headline. */
static gboolean
is_site_name (const char *part,
              const char *site,
              gboolean    after_site)
{
  g_autofree char *key = wenji_import_title_key (part);
  glong chars = g_utf8_strlen (part, -1);

  if (*key == '\0')
    return TRUE;
  if (site != NULL && *site != '\0') {
    g_autofree char *site_key = wenji_import_title_key (site);

    if (*site_key != '\0' && (strstr (site_key, key) != NULL || strstr (key, site_key) != NULL))
      return TRUE;
  }
  if (chars > 20)
    return FALSE;
  if (after_site && chars <= 6)
    return TRUE;
  if (strchr (part, '.') != NULL || (is_latin (part) && chars <= 16))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (site_words); i++)
    if (g_str_has_suffix (part, site_words[i]))
      return TRUE;

  /* A site and its section: `香港電台-財經`, `新华日报·交汇点`. */
  {
    g_auto (GStrv) dotted = g_strsplit (part, "·", -1);
    g_autofree char *dashed = g_strjoinv ("-", dotted);
    g_auto (GStrv) pieces = g_strsplit (dashed, "-", -1);

    for (guint i = 0; pieces[i] != NULL && pieces[1] != NULL; i++)
      for (guint k = 0; k < G_N_ELEMENTS (site_words); k++)
        if (*pieces[i] != '\0' && g_str_has_suffix (pieces[i], site_words[k]))
          return TRUE;
  }

  return FALSE;
}

typedef struct {
  const char *start;  /* in the title */
  const char *end;
  char       *text;   /* stripped */
} Segment;

static void
segment_clear (Segment *segment)
{
  g_free (segment->text);
}

/* Whether a separator at @at may split the title: a hyphen or an
 * underscore between letters or digits joins them (`1-2月`, `COVID-19`). */
static gboolean
splits (const char *title,
        const char *at,
        const char *separator)
{
  gboolean bare = g_str_equal (separator, "-") || g_str_equal (separator, "_");
  const char *after = at + strlen (separator);

  return !bare || !(at > title && g_ascii_isalnum (at[-1]) && g_ascii_isalnum (*after));
}

/* The parts of @title between separators. */
static GArray *
split_title (const char *title)
{
  GArray *segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  const char *start = title;

  g_array_set_clear_func (segments, (GDestroyNotify) segment_clear);
  for (const char *p = title; *p != '\0';) {
    const char *separator = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
      if (g_str_has_prefix (p, separators[i]) && splits (title, p, separators[i]) &&
          (separator == NULL || strlen (separators[i]) > strlen (separator)))
        separator = separators[i];

    if (separator == NULL) {
      p = g_utf8_next_char (p);
      continue;
    }
    g_array_append_val (segments,
                        ((Segment) { start, p, g_strstrip (g_strndup (start, p - start)) }));
    p += strlen (separator);
    start = p;
  }
  g_array_append_val (segments, ((Segment) { start, start + strlen (start),
                                             g_strstrip (g_strdup (start)) }));

  return segments;
}

/**
 * wenji_import_is_site_name:
 * @name: a name a page gives
 * @site: (nullable): the site's name, if the page says it
 *
 * Returns: whether @name is a site's or an organisation's name, not a
 *   person's: `蘋果新聞網`, `自由時報`, `CNA`
 */
gboolean
wenji_import_is_site_name (const char *name,
                           const char *site)
{
  return is_site_name (name, site, FALSE);
}

/* Web editions known by a name of their own: their articles are the paper's. */
static const struct {
  const char *edition;
  const char *paper;
} editions[] = {
  { "自由電子報", "自由時報" },
  { "自由电子报", "自由时报" },
};

/* Whether @word is a name's initials in capitals: `PNN`, `CNA`. */
static gboolean
is_initials (const char *word)
{
  gsize length = strlen (word);

  return length >= 2 && length <= 5 && strspn (word, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == length;
}

/**
 * wenji_import_blog_owner:
 * @title: (nullable): a page's `<title>`
 *
 * The owner of the blog a page title names after the post's title:
 * `Cairo-Clock：漂亮的桌面时钟 - davidjory的日志 - 网易博客`,
 * `… - tangxiangpi的专栏`.
 *
 * Returns: (transfer full) (nullable): the owner's name
 */
char *
wenji_import_blog_owner (const char *title)
{
  static GRegex *blog;
  g_autoptr (GArray) parts = NULL;

  if (title == NULL)
    return NULL;
  if (g_once_init_enter (&blog))
    g_once_init_leave (&blog, wenji_import_rule ("^([^\\s的]{2,24})的(?:日志|博客|专栏|專欄|空间|空間|"
                                                 "部落格|網誌|网志|(?i:blog))$"));
  parts = split_title (title);
  for (guint i = 1; i < parts->len; i++) {
    g_autoptr (GMatchInfo) match = NULL;

    if (g_regex_match (blog, g_array_index (parts, Segment, i).text, 0, &match))
      return g_match_info_fetch (match, 1);
  }

  return NULL;
}

/**
 * wenji_import_publication_name:
 * @site: a site's own name, `自由時報電子報`
 *
 * The name of the publication whose web edition @site is, as a source
 * names it: a paper's electronic edition or its breaking news is the
 * paper (`自由時報`, `信報` for `信報即時新聞`), a name given in letters
 * and in Chinese is the Chinese one.
 *
 * Returns: (transfer full): the publication's name
 */
char *
wenji_import_publication_name (const char *site)
{
  static const char * const suffixes[] = { "電子報", "电子报", "即時新聞", "即时新闻", NULL };
  g_autoptr (GArray) parts = split_title (site);

  /* `TVBS 新聞`, `CSDN博客`: a name in letters, and its news or blogs. */
  {
    static const char * const kinds[] = { "新聞", "新闻", "博客", "News", "Blog" };
    const char *end = site;

    while (g_ascii_isalnum (*end))
      end++;
    for (guint i = 0; end > site && i < G_N_ELEMENTS (kinds); i++)
      if (g_str_equal (end + strspn (end, " "), kinds[i]))
        return g_strndup (site, end - site);
  }
  /* `RFI - 法国国际广播电台`: the name in Chinese, not the letters. */
  if (parts->len == 2) {
    const char *first = g_array_index (parts, Segment, 0).text;
    const char *second = g_array_index (parts, Segment, 1).text;

    if (*first != '\0' && *second != '\0' && is_latin (first) != is_latin (second))
      return g_strdup (is_latin (first) ? second : first);
  }
  /* `on.cc東網`: the site's address, then its name. */
  {
    const char *end = site;

    while (g_ascii_isalnum (*end) || *end == '.' || *end == '-')
      end++;
    if (end > site && memchr (site, '.', end - site) != NULL && g_utf8_strlen (end, -1) >= 2 &&
        wenji_import_is_all_han (end))
      return g_strdup (end);
  }
  /* `頭條日報 Headline Daily`, `Apple Daily 蘋果日報`: a paper's name in
   * Chinese beside its name in letters, of two words or more (`ETtoday
   * 新聞雲` is one name). */
  {
    g_auto (GStrv) words = g_strsplit (site, " ", -1);
    guint n = g_strv_length (words);

    if (n >= 3 && !is_latin (words[0]) && is_all_latin_words (words + 1) &&
        g_utf8_strlen (words[0], -1) >= 3)
      return g_strdup (words[0]);
    /* `CSDN.NET`: a brand in letters and its domain. */
    if (n == 1 && is_latin (site)) {
      static const char * const domains[] = { ".NET", ".COM", ".CN", ".net", ".com", ".cn" };

      for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
        if (g_str_has_suffix (site, domains[i]) && strlen (site) >= strlen (domains[i]) + 2 &&
            strchr (site, '.') == site + strlen (site) - strlen (domains[i]))
          return g_strndup (site, strlen (site) - strlen (domains[i]));
    }
    /* `公視新聞網 PNN`: the name, then its initials. */
    if (n == 2 && wenji_import_is_all_han (words[0]) && g_utf8_strlen (words[0], -1) >= 3 &&
        is_initials (words[1]))
      return g_strdup (words[0]);
    if (n >= 3 && !is_latin (words[n - 1]) && g_utf8_strlen (words[n - 1], -1) >= 3) {
      g_free (words[n - 1]);
      words[n - 1] = NULL;
      if (is_all_latin_words (words))
        return g_strdup (g_strrstr (site, " ") + 1);
    }
  }
  for (guint i = 0; i < G_N_ELEMENTS (editions); i++)
    if (g_str_equal (site, editions[i].edition))
      return g_strdup (editions[i].paper);
  for (guint i = 0; suffixes[i] != NULL; i++) {
    gsize length = strlen (site), suffix = strlen (suffixes[i]);
    g_autofree char *paper = NULL;

    if (length <= suffix || !g_str_has_suffix (site, suffixes[i]))
      continue;
    paper = g_strndup (site, length - suffix);
    if (g_utf8_strlen (paper, -1) >= 2 &&
        (g_str_has_suffix (paper, "報") || g_str_has_suffix (paper, "报")))
      return g_steal_pointer (&paper);
  }

  return g_strdup (site);
}

/**
 * wenji_import_title_site:
 * @title: the page's `<title>`, `深度学习入门笔记 - 简书`
 * @headline: the article's headline, `深度学习入门笔记`
 *
 * The site's name a page title gives after the headline, when it names
 * no site in a way the suffix rules know: `简书`, `知乎`; of a name in
 * Chinese and in letters, `哔哩哔哩_bilibili`, the Chinese.
 *
 * Returns: (transfer full) (nullable): the site's name
 */
char *
wenji_import_title_site (const char *title,
                         const char *headline)
{
  g_autofree char *stripped = NULL;
  g_autoptr (GArray) segments = NULL;
  const char *site = NULL;

  if (title == NULL || headline == NULL || *headline == '\0')
    return NULL;
  stripped = g_strstrip (g_strdup (title));
  segments = split_title (stripped);
  if (segments->len < 2 || segments->len > 3 ||
      !g_str_equal (g_array_index (segments, Segment, 0).text, headline))
    return NULL;
  for (guint i = 1; i < segments->len; i++) {
    const char *part = g_array_index (segments, Segment, i).text;
    glong chars = g_utf8_strlen (part, -1);

    if (chars < 2 || chars > 12 || strstr (part, "，") || strstr (part, "。") ||
        strstr (part, "！") || strstr (part, "？") || strstr (part, "："))
      return NULL;
    if (site == NULL || (is_latin (site) && !is_latin (part)))
      site = part;
  }

  return site != NULL ? wenji_import_publication_name (site) : NULL;
}

/* Whether a part of a page title names the site, or the organisation that
 * keeps it. */
static gboolean
names_site_or_keeper (const char *part,
                      const char *site)
{
  if (is_site_name (part, site, FALSE))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    if (g_utf8_strlen (part, -1) <= 12 && g_str_has_suffix (part, organisations[i]))
      return TRUE;

  return FALSE;
}

/**
 * wenji_import_strip_site_suffix:
 * @title: a page title, `为基层减负需久久为功_中山网`
 * @site: (nullable): the site's name, if the page says it
 * @removed: (out) (optional) (transfer full): the site's name as the title
 *   gave it, if one was removed
 *
 * Removes the site and section names a page title ends (or starts) with:
 * `_中山网`, `-新浪新闻`, ` -- 上报 / 焦点`, `网站名 » `. The headline is the
 * longest part that is no site's name; the parts after it go when one of
 * them names a site, the parts before it when all of them do.
 *
 * Returns: (transfer full): the title of the article
 */
char *
wenji_import_strip_site_suffix (const char  *title,
                                const char  *site,
                                char       **removed)
{
  g_autofree char *stripped = g_strstrip (g_strdup (title));
  g_autoptr (GArray) segments = split_title (stripped);
  guint headline = 0, first = 0, n = segments->len;
  glong longest = -1;
  gboolean tail_is_site = FALSE, head_is_site = TRUE;
  const char *site_part = NULL;

  if (removed != NULL)
    *removed = NULL;

  /* The longest part that is no site's name; the longest part if all are. */
  for (int pass = 0; pass < 2 && longest < 0; pass++) {
    for (guint i = 0; i < n; i++) {
      Segment *segment = &g_array_index (segments, Segment, i);
      glong chars = g_utf8_strlen (segment->text, -1);

      if (chars > longest && (pass == 1 || !names_site_or_keeper (segment->text, site))) {
        longest = chars;
        headline = i;
      }
    }
  }

  for (guint i = headline + 1; i < n; i++) {
    Segment *segment = &g_array_index (segments, Segment, i);

    if (g_utf8_strlen (segment->text, -1) > 20) {
      tail_is_site = FALSE;
      break;
    }
    if (*segment->text != '\0' && names_site_or_keeper (segment->text, site)) {
      tail_is_site = TRUE;
      /* `_教育频道_中国青年网`, `_新闻_腾讯网`: the site's name over a section's;
       * a date (`-20120517`) names none. */
      if (!wenji_import_has_letter (segment->text))
        continue;
      if (site_part == NULL || (names_site (segment->text) && !names_site (site_part)) ||
          (names_site (segment->text) && names_site (site_part) && i > 0))
        site_part = segment->text;
    }
  }

  /* `_哔哩哔哩_bilibili`: the name in Chinese over the one in letters. */
  for (guint i = headline + 1; tail_is_site && site_part != NULL && is_latin (site_part) && i < n;
       i++) {
    const char *text = g_array_index (segments, Segment, i).text;

    if (*text != '\0' && !is_latin (text) && g_utf8_strlen (text, -1) <= 8 && names_site (text)) {
      site_part = text;
      break;
    }
  }

  for (guint i = 0; i < headline; i++) {
    Segment *segment = &g_array_index (segments, Segment, i);

    head_is_site &= *segment->text == '\0' ||
                    (g_utf8_strlen (segment->text, -1) <= 8 &&
                     is_site_name (segment->text, site, FALSE));
  }
  if (headline > 0 && head_is_site) {
    first = headline;
    for (guint i = 0; i < headline && site_part == NULL; i++)
      if (*g_array_index (segments, Segment, i).text != '\0')
        site_part = g_array_index (segments, Segment, i).text;
  }

  if (!tail_is_site && first == 0)
    return g_steal_pointer (&stripped);

  if (removed != NULL && site_part != NULL)
    *removed = g_strdup (site_part);
  {
    Segment *from = &g_array_index (segments, Segment, first);
    Segment *to = &g_array_index (segments, Segment, tail_is_site ? headline : n - 1);
    g_autofree char *kept = g_strndup (from->start, to->end - from->start);

    return g_strstrip (g_steal_pointer (&kept));
  }
}
