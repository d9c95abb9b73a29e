/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a saved page says of itself: its headline (the heading its own
 * titles agree with), its date (the byline's, weighed against the meta
 * tags', in the page's zone) and whether its author meta tag names the
 * writer. Whether it is an article at all is wenji-import-kind.c's.
 */
#include "config.h"

#include <string.h>

#include "wenji-import-html-private.h"

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

  titles->og = meta->og_title ? wenji_import_strip_site_suffix (meta->og_title, meta->site,
                                                                &titles->og_site)
                              : NULL;
  titles->title = meta->title ? wenji_import_strip_site_suffix (meta->title, meta->site,
                                                                &titles->site)
                              : NULL;
  titles->full = meta->title ? g_strstrip (g_strdup (meta->title)) : NULL;
  /* `昔笑談連勝文… | TVBS 新聞` in og:title only. */
  if (titles->site == NULL)
    titles->site = g_strdup (titles->og_site);
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
  g_clear_pointer (&titles->og_site, g_free);
  g_clear_pointer (&titles->full, g_free);
  for (guint i = 0; titles->keys[i] != NULL; i++)
    g_clear_pointer (&titles->keys[i], g_free);
}

/* Whether @heading is the headline that `<title>` opens with, where the
 * site's name cut off more than the site: `[译]RabbitMQ教程C#版 - 远程过程
 * 调用(RPC)` in `[译]RabbitMQ教程C#版 - 远程过程调用(RPC) - Esofar - 博客园`. */
static gboolean
opens_title (const char        *heading,
             WenjiImportTitles *titles)
{
  static const char * const separators[] = { " - ", " – ", " — ", " | ", "_", "｜", " · " };
  const char *rest;

  if (titles->full == NULL || titles->title == NULL || *titles->title == '\0' ||
      !g_str_has_prefix (heading, titles->title) || g_str_equal (heading, titles->title) ||
      !g_str_has_prefix (titles->full, heading))
    return FALSE;
  rest = titles->full + strlen (heading);
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if (g_str_has_prefix (rest, separators[i]))
      return TRUE;

  return FALSE;
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
  if (opens_title (heading, titles))
    return 3;
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
 * of a headline's length, before the article ends; in furniture, only a
 * heading that is the page's title word for word. */
static gboolean
is_headline_candidate (WenjiImportLine   *line,
                       WenjiImportTitles *titles)
{
  glong chars;

  if (!(line->heading || line->titled) || line->region == WENJI_IMPORT_AFTER)
    return FALSE;
  if (line->furniture &&
      !(line->heading && wenji_import_title_agreement (line->text, titles) == 3))
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

/* How many of @key's pairs of characters @other has too, over all of
 * both's pairs: 1 for the same text, 0 for nothing in common. */
static double
shared_pairs (const char *key,
              const char *other)
{
  g_autofree gunichar *a = g_utf8_to_ucs4_fast (key, -1, NULL);
  g_autofree gunichar *b = g_utf8_to_ucs4_fast (other, -1, NULL);
  glong na = 0, nb = 0, shared = 0;
  g_autofree gboolean *used = NULL;

  while (a[na] != 0)
    na++;
  while (b[nb] != 0)
    nb++;
  if (na < 2 || nb < 2)
    return 0;
  used = g_new0 (gboolean, nb);
  for (glong i = 0; i + 1 < na; i++)
    for (glong k = 0; k + 1 < nb; k++)
      if (!used[k] && a[i] == b[k] && a[i + 1] == b[k + 1]) {
        used[k] = TRUE;
        shared++;
        break;
      }

  return 2.0 * shared / (double) (na - 1 + nb - 1);
}

/* The heading before the article that shares most of its pairs of
 * characters with one of the page's titles, if it shares at least two
 * thirds of them. */
static const char *
most_like_titles (GPtrArray         *lines,
                  WenjiImportTitles *titles)
{
  const char *best = NULL;
  double best_share = 2.0 / 3;

  for (guint i = 0; i < lines->len; i++) {
    WenjiImportLine *line = lines->pdata[i];
    g_autofree char *key = NULL;

    if (line->region != WENJI_IMPORT_BEFORE || !line->heading ||
        !is_headline_candidate (line, titles))
      continue;
    key = wenji_import_title_key (line->text);
    for (guint t = 0; titles->keys[t] != NULL; t++) {
      double share = shared_pairs (key, titles->keys[t]);

      if (share > best_share) {
        best_share = share;
        best = line->text;
      }
    }
  }

  return best;
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

    if (!is_headline_candidate (line, titles))
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
  /* A heading that says nearly what the titles say, in other words here
   * and there: `培育新时代“大国工匠”` where <title> has `育新时代大国工匠`.
   * The heading is the one the article prints. */
  if ((best = most_like_titles (lines, titles)) != NULL)
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
 * is +01:00; or the meta time's zone when the page shows no time. China's
 * zone when nothing says otherwise. */
static int
page_offset (const WenjiImportDate *shown,
             const WenjiImportDate *stated)
{
  gint64 difference;

  if (shown->year != 0 && shown->hour >= 0 && shown->offset != WENJI_IMPORT_NO_OFFSET)
    return shown->offset;
  /* No time shown, and the meta tags state one in a zone of their own, not
   * UTC: `2023-01-12T16:24:00+09:00` is the page's zone. */
  if ((shown->year == 0 || shown->hour < 0) && stated->year != 0 && stated->hour >= 0 &&
      stated->offset != WENJI_IMPORT_NO_OFFSET && stated->offset != 0)
    return stated->offset;
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
  /* A byline's day and time without the year, `09-27 20:12`, on the day
   * the address or a meta tag gives. */
  if (date->year != 0 && date->hour < 0 && fields->yearless.month == date->month &&
      fields->yearless.day == date->day) {
    date->hour = fields->yearless.hour;
    date->minute = fields->yearless.minute;
  }

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
 * wenji_import_choose_meta_author:
 * @fields: a page's fields, its bylines read
 * @meta: what the page says of itself
 *
 * The writer the page names outside its bylines, where they named none:
 * its author tag, read as a byline's credit when it is one (`陳冠勳 張梓嘉
 * 溫正衡／新北 台南報導`), then the owner of the blog its title names
 * (`… - davidjory的日志 - 网易博客`), who also wins among the author tag's
 * names.
 */
void
wenji_import_choose_meta_author (WenjiImportFields *fields,
                                 WenjiImportMeta   *meta)
{
  g_autofree char *owner = wenji_import_blog_owner (meta->title);

  if (fields->author == NULL && wenji_import_is_meta_author (meta->author, fields, meta)) {
    g_auto (WenjiImportFields) credited = { 0 };

    if (strstr (meta->author, "／") || strchr (meta->author, '/') ||
        strstr (meta->author, "報導") || strstr (meta->author, "报道"))
      wenji_import_read_credits (meta->author, &credited);
    fields->author = g_strdup (credited.author != NULL ? credited.author : meta->author);
  }
  if (owner != NULL && (fields->author == NULL || (strchr (fields->author, ',') != NULL &&
                                                   strstr (fields->author, owner) != NULL))) {
    g_free (fields->author);
    fields->author = g_steal_pointer (&owner);
  }
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
      wenji_import_is_placeholder (author))
    return FALSE;
  /* A person's blog is named for them: its name in the title is theirs. */
  if (!meta->blog &&
      ((is_person_in_letters (author) ? names_site (author, fields->site)
                                      : wenji_import_is_site_name (author, fields->site)) ||
       (meta->title != NULL && strstr (meta->title, author) != NULL &&
        (fields->title == NULL || strstr (fields->title, author) == NULL))))
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
  /* Several words of Latin letters name a team or a company, but on a
   * person's blog its author: `Sky of war`. */
  if (!meta->blog && g_str_is_ascii (author) && strchr (author, ' ') &&
      strchr (strchr (author, ' ') + 1, ' '))
    return FALSE;

  return TRUE;
}
