/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Dates as saved pages write them: in a byline (`2021年02月07日 15:16`,
 * `2021-2-7`, `21/02/07`, `2024 05/09 22:27`, `06/02/2022 - 13:48`,
 * `15:31 2018/09/16`, `2020-08-08 HKT 15:02`, `01 Dec 2025 10:56`,
 * `格林尼治标准时间10:41`, `Saturday, September 10th, 2005 10:56 am`,
 * `五月 30, 2018`), in a
 * meta tag (`2021-02-07T15:16:00+08:00`, a Unix time) and in the page's
 * address (`/2021-02/07/`, `t20210207_`).
 *
 * A date keeps the time the page wrote and the zone the page stated, if
 * any; the importer gives the zone of the page to the others once all the
 * page's dates are known, and a date in another zone is converted to it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "wenji-import-private.h"

/* The date alternatives, then one time and zone for all of them. */
#define YMD "(?<![\\d.])(?<y1>(?:19|20)\\d{2})\\s*(?:[-/.]|年|\\s(?=\\s*\\d{1,2}/))\\s*" \
            "(?<m1>\\d{1,2})\\s*(?:[-/.]|月)\\s*(?<d1>\\d{1,2})(?:(?!\\d)|(?=\\d{1,2}:\\d{2}))" \
            "\\s*[日号號]?"
#define DMY "(?<![\\d/.])(?<d2>\\d{1,2})[/.](?<m2>\\d{1,2})[/.](?<y2>(?:19|20)\\d{2})(?!\\d)"
#define YY "(?<![\\d/.:-])(?<y3>[0-9]{2})(?<s3>[/.-])(?<m3>\\d{1,2})\\k<s3>(?<d3>\\d{1,2})" \
           "(?![\\d/.:-])"
/* The time before the day, as some Taiwan pages print it: `15:31 2018/09/16`. */
#define TD "(?<![\\d:])(?<h5>\\d{1,2}):(?<mi5>\\d{2})\\s*" \
           "(?<y5>(?:19|20)\\d{2})[-/.](?<m5>\\d{1,2})[-/.](?<d5>\\d{1,2})(?!\\d)"
#define WEEKDAY "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?"
#define EN "(?i:" WEEKDAY "(?<mon4>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?" \
           "\\s+(?<d4>\\d{1,2})(?:st|nd|rd|th)?,?\\s+" WEEKDAY "(?<y4>(?:19|20)\\d{2}))(?!\\d)"
/* The day before the month's name: `01 Dec 2025 10:56`. */
#define EN_DMY "(?i:" WEEKDAY "(?<![\\d:])(?<d6>\\d{1,2})(?:st|nd|rd|th)?\\s+" \
               "(?<mon6>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?,?\\s+" \
               "(?<y6>(?:19|20)\\d{2}))(?!\\d)"
/* A month's Chinese name in an English order, as some blog themes print
 * it: `五月 30, 2018`. */
#define CN_MDY "(?<mon7>十[一二]?|[一二三四五六七八九])月\\s+(?<d7>\\d{1,2}),\\s*" \
               "(?<y7>(?:19|20)\\d{2})(?!\\d)"
#define ZONE_WORDS "北京时间|北京時間|台北时间|台北時間|香港时间|香港時間|格林尼治标准时间|" \
                   "格林威治标准时间|格林尼治時間|格林威治時間|GMT|UTC|HKT"
#define TIME "(?:\\s*[,，]?\\s*[(（]?(?<zw>" ZONE_WORDS ")?[)）]?[T\\s\\x{3000}·|/-]*" \
             "(?<ap>上午|下午|凌晨|晚上|中午)?\\s*(?<h>\\d{1,2})\\s*[:：时時点點]\\s*" \
             "(?<mi>\\d{2})(?:\\s*[:：分]\\s*(?:\\d{2}(?:\\.\\d+)?)?)?(?:\\s*秒)?" \
             "(?:\\s*(?i:(?<ap2>[ap])\\.?m\\.?)(?![a-z]))?" \
             "(?:(?<z>Z)|\\s*[(（]?(?<zw2>" ZONE_WORDS ")?\\s*(?<zs>[+-])(?<zh>\\d{1,2}):?" \
             "(?<zm>\\d{2})?[)）]?|\\s*[(（]?(?<zw3>" ZONE_WORDS ")[)）]?)?)?"

static const char * const months[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
};

typedef struct {
  GRegex *date;
  GRegex *chinese_month;
  GRegex *url;
  GRegex *title;
} DateRules;

static gpointer
compile_rules (gpointer data)
{
  DateRules *rules = g_new0 (DateRules, 1);
  g_autoptr (GError) error = NULL;

  rules->date = g_regex_new ("(?:" TD "|" YMD "|" DMY "|" YY "|" EN "|" EN_DMY ")" TIME,
                             G_REGEX_OPTIMIZE, 0, &error);
  /* With a month's Chinese name, for the few lines that may hold one: a
   * pattern that may start at any Chinese character is slow on all. */
  if (rules->date != NULL)
    rules->chinese_month = g_regex_new ("(?:" TD "|" YMD "|" DMY "|" YY "|" EN "|" EN_DMY "|"
                                        CN_MDY ")" TIME, G_REGEX_OPTIMIZE, 0, &error);
  /* A path: `/2021-02/07/`, `/20210207/`, `t20210207_`, `/201603190029.aspx`. */
  if (rules->chinese_month != NULL)
    rules->url = g_regex_new ("(?<!\\d)((?:199|20[0-4])\\d)[-/_]?(0[1-9]|1[0-2])[-/_]?"
                              "(0[1-9]|[12]\\d|3[01])(?=\\d{0,6}(?:\\D|$))", G_REGEX_OPTIMIZE, 0,
                              &error);
  /* The last part of a page title: `…富商非禮-20120517`. */
  if (rules->url != NULL)
    rules->title = g_regex_new ("(?:[-_|｜ ]|^)((?:199|20[0-4])\\d)-?(0[1-9]|1[0-2])-?"
                                "(0[1-9]|[12]\\d|3[01])\\s*$", G_REGEX_OPTIMIZE, 0, &error);
  /* The patterns are constants: a failure is a bug, found by the tests. */
  if (rules->title == NULL)
    g_error ("Bad date rule: %s", error->message);

  return rules;
}

static DateRules *
get_rules (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, compile_rules, NULL);
}

static int
fetch_number (GMatchInfo *match,
              const char *name)
{
  g_autofree char *text = g_match_info_fetch_named (match, name);

  return text != NULL && *text != '\0' ? atoi (text) : -1;
}

static gboolean
fetched (GMatchInfo *match,
         const char *name)
{
  g_autofree char *text = g_match_info_fetch_named (match, name);

  return text != NULL && *text != '\0';
}

static int
zone_word_offset (const char *word)
{
  if (g_str_has_prefix (word, "北京") || g_str_has_prefix (word, "台北") ||
      g_str_has_prefix (word, "香港") || strcmp (word, "HKT") == 0)
    return 8 * 60;

  return 0;
}

static gboolean
is_valid (const WenjiImportDate *date)
{
  return date->year >= 1990 && date->year <= 2100 && date->month >= 1 && date->month <= 12 &&
         g_date_valid_dmy (date->day, date->month, date->year) &&
         (date->hour < 0 || (date->hour < 24 && date->minute >= 0 && date->minute < 60));
}

/* The month of an English name, from 1; 0 if it is none. */
static int
month_of (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0)
      return i + 1;

  return 0;
}

/* The month a Chinese name gives: `五` is 5, `十二` 12. */
static int
chinese_month_of (const char *name)
{
  static const char * const numerals[] = {
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"
  };

  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    if (g_str_equal (name, numerals[i]))
      return i + 1;

  return 0;
}

static void
read_time (GMatchInfo      *match,
           WenjiImportDate *date)
{
  g_autofree char *ap = g_match_info_fetch_named (match, "ap");
  g_autofree char *ap2 = g_match_info_fetch_named (match, "ap2");
  g_autofree char *zone = NULL;

  date->hour = fetch_number (match, "h");
  date->minute = fetch_number (match, "mi");
  date->offset = WENJI_IMPORT_NO_OFFSET;
  if (date->hour < 0)
    return;

  /* 下午3:20, 3:20 pm; 凌晨 and 上午 are the morning already. */
  if (date->hour < 12 && ((ap != NULL && (g_str_equal (ap, "下午") || g_str_equal (ap, "晚上"))) ||
                          (ap2 != NULL && g_ascii_tolower (*ap2) == 'p')))
    date->hour += 12;
  else if (date->hour == 12 && ap2 != NULL && g_ascii_tolower (*ap2) == 'a')
    date->hour = 0;

  if (fetched (match, "z")) {
    date->offset = 0;
  } else if (fetched (match, "zs")) {
    g_autofree char *sign = g_match_info_fetch_named (match, "zs");
    int minutes = fetch_number (match, "zh") * 60 + MAX (fetch_number (match, "zm"), 0);

    date->offset = sign[0] == '-' ? -minutes : minutes;
  } else {
    for (guint i = 0; i < 3 && zone == NULL; i++) {
      const char *names[] = { "zw", "zw2", "zw3" };

      zone = g_match_info_fetch_named (match, names[i]);
      if (zone != NULL && *zone == '\0')
        g_clear_pointer (&zone, g_free);
    }
    if (zone != NULL)
      date->offset = zone_word_offset (zone);
  }
}

/**
 * wenji_import_date_scan:
 * @text: text that may hold a date
 * @date: (out): the first date in it
 * @start: (out) (optional): where it starts, in bytes
 * @end: (out) (optional): where it ends
 *
 * Returns: whether @text holds a date
 */
gboolean
wenji_import_date_scan (const char      *text,
                        WenjiImportDate *date,
                        int             *start,
                        int             *end)
{
  g_autoptr (GMatchInfo) match = NULL;
  DateRules *rules;

  memset (date, 0, sizeof *date);
  date->hour = date->minute = -1;
  date->offset = WENJI_IMPORT_NO_OFFSET;

  /* Most lines hold no digit at all. */
  if (text == NULL || strpbrk (text, "0123456789") == NULL)
    return FALSE;

  rules = get_rules ();
  for (g_regex_match (strstr (text, "月 ") ? rules->chinese_month : rules->date, text, 0, &match);
       g_match_info_matches (match);
       g_match_info_next (match, NULL)) {
    if (fetched (match, "y5")) {
      date->year = fetch_number (match, "y5");
      date->month = fetch_number (match, "m5");
      date->day = fetch_number (match, "d5");
    } else if (fetched (match, "y1")) {
      date->year = fetch_number (match, "y1");
      date->month = fetch_number (match, "m1");
      date->day = fetch_number (match, "d1");
    } else if (fetched (match, "y2")) {
      date->year = fetch_number (match, "y2");
      date->month = fetch_number (match, "m2");
      date->day = fetch_number (match, "d2");
      /* Day first, as Europe and Hong Kong write it, unless it cannot be. */
      if (date->month > 12 && date->day <= 12) {
        int day = date->month;

        date->month = date->day;
        date->day = day;
      }
    } else if (fetched (match, "y3")) {
      /* `21/02/07`: two digits of this century or the 1990s. */
      date->year = fetch_number (match, "y3");
      date->year += date->year >= 90 ? 1900 : 2000;
      date->month = fetch_number (match, "m3");
      date->day = fetch_number (match, "d3");
    } else if (fetched (match, "y4")) {
      g_autofree char *name = g_match_info_fetch_named (match, "mon4");

      date->year = fetch_number (match, "y4");
      date->month = month_of (name);
      date->day = fetch_number (match, "d4");
    } else if (fetched (match, "y6")) {
      g_autofree char *name = g_match_info_fetch_named (match, "mon6");

      date->year = fetch_number (match, "y6");
      date->month = month_of (name);
      date->day = fetch_number (match, "d6");
    } else {
      g_autofree char *name = g_match_info_fetch_named (match, "mon7");

      date->year = fetch_number (match, "y7");
      date->month = chinese_month_of (name);
      date->day = fetch_number (match, "d7");
    }
    read_time (match, date);
    if (fetched (match, "h5")) {
      date->hour = fetch_number (match, "h5");
      date->minute = fetch_number (match, "mi5");
    }

    if (is_valid (date)) {
      g_match_info_fetch_pos (match, 0, start, end);
      return TRUE;
    }
  }

  memset (date, 0, sizeof *date);
  return FALSE;
}

/**
 * wenji_import_date_from_timestamp:
 * @seconds: a Unix time
 * @offset: the zone to give it in, minutes east of UTC
 * @date: (out): the date and time there
 */
gboolean
wenji_import_date_from_timestamp (gint64           seconds,
                                  int              offset,
                                  WenjiImportDate *date)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (seconds);
  g_autoptr (GDateTime) local = utc ? g_date_time_add_minutes (utc, offset) : NULL;

  memset (date, 0, sizeof *date);
  if (local == NULL)
    return FALSE;

  date->year = g_date_time_get_year (local);
  date->month = g_date_time_get_month (local);
  date->day = g_date_time_get_day_of_month (local);
  date->hour = g_date_time_get_hour (local);
  date->minute = g_date_time_get_minute (local);
  date->offset = offset;

  if (!is_valid (date)) {
    memset (date, 0, sizeof *date);
    return FALSE;
  }

  return TRUE;
}

/**
 * wenji_import_date_parse_meta:
 * @value: what a meta tag or structured data says: ISO 8601, a date as
 *   bylines write it, or a Unix time in seconds or milliseconds
 * @date: (out): the date; a Unix time is given in China's zone
 */
gboolean
wenji_import_date_parse_meta (const char      *value,
                              WenjiImportDate *date)
{
  gsize length;

  if (value == NULL)
    return FALSE;

  while (g_ascii_isspace (*value))
    value++;
  length = strspn (value, "0123456789");
  if ((length == 10 || length == 13) && value[length] == '\0') {
    gint64 seconds = g_ascii_strtoll (value, NULL, 10);

    return wenji_import_date_from_timestamp (length == 13 ? seconds / 1000 : seconds,
                                             WENJI_IMPORT_CHINA_OFFSET, date);
  }

  return wenji_import_date_scan (value, date, NULL, NULL);
}

/* The day a match's year, month and day (groups 1 to 3) give, without a
 * time; whether it is one. */
static gboolean
day_of_match (GMatchInfo      *match,
              WenjiImportDate *date)
{
  g_autofree char *year = g_match_info_fetch (match, 1);
  g_autofree char *month = g_match_info_fetch (match, 2);
  g_autofree char *day = g_match_info_fetch (match, 3);

  *date = (WenjiImportDate) { .year = atoi (year), .month = atoi (month), .day = atoi (day),
                              .hour = -1, .minute = -1, .offset = WENJI_IMPORT_NO_OFFSET };

  return is_valid (date);
}

/**
 * wenji_import_date_from_url:
 * @url: a page's address
 * @date: (out): the date its path holds, without a time
 */
gboolean
wenji_import_date_from_url (const char      *url,
                            WenjiImportDate *date)
{
  g_autoptr (GMatchInfo) match = NULL;
  const char *path;

  memset (date, 0, sizeof *date);
  if (url == NULL || (path = strstr (url, "://")) == NULL || !(path = strchr (path + 3, '/')))
    return FALSE;
  /* A copy in a web archive, `/web/20160908043818/http://…/2007/05/24/…`:
   * the day it was copied is not the article's. */
  if (g_str_has_prefix (path, "/web/") && (url = strstr (path, "://")) != NULL &&
      (path = strchr (url + 3, '/')) == NULL)
    return FALSE;

  for (g_regex_match (get_rules ()->url, path, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    if (day_of_match (match, date))
      return TRUE;

  memset (date, 0, sizeof *date);
  return FALSE;
}

/**
 * wenji_import_date_from_title:
 * @title: a page's `<title>`
 * @date: (out): the date its last part is, without a time
 */
gboolean
wenji_import_date_from_title (const char      *title,
                              WenjiImportDate *date)
{
  g_autoptr (GMatchInfo) match = NULL;

  memset (date, 0, sizeof *date);
  if (title == NULL || !g_regex_match (get_rules ()->title, title, 0, &match))
    return FALSE;
  if (day_of_match (match, date))
    return TRUE;

  memset (date, 0, sizeof *date);
  return FALSE;
}

/**
 * wenji_import_date_to_offset:
 * @date: a date with a time
 * @offset: the page's zone, minutes east of UTC
 *
 * Gives a time without a zone the page's zone; converts one in another zone.
 */
void
wenji_import_date_to_offset (WenjiImportDate *date,
                             int              offset)
{
  g_autoptr (GDateTime) stated = NULL;
  g_autoptr (GDateTime) utc = NULL;

  if (date->year == 0 || date->hour < 0)
    return;
  if (date->offset == WENJI_IMPORT_NO_OFFSET) {
    date->offset = offset;
    return;
  }
  if (date->offset == offset)
    return;

  stated = g_date_time_new_utc (date->year, date->month, date->day, date->hour, date->minute, 0);
  utc = stated ? g_date_time_add_minutes (stated, -date->offset) : NULL;
  if (utc != NULL)
    wenji_import_date_from_timestamp (g_date_time_to_unix (utc), offset, date);
}

/**
 * wenji_import_date_minutes:
 * @date: a date with a time
 *
 * Returns: its minutes since 1970 as the page wrote it, zone aside
 */
gint64
wenji_import_date_minutes (const WenjiImportDate *date)
{
  g_autoptr (GDateTime) time = g_date_time_new_utc (date->year, date->month, date->day,
                                                    MAX (date->hour, 0), MAX (date->minute, 0), 0);

  return time != NULL ? g_date_time_to_unix (time) / 60 : 0;
}

/**
 * wenji_import_date_format:
 * @date: a date
 *
 * Returns: (transfer full) (nullable): `2021-02-07 15:16 +08:00`,
 *   `2021-02-07 15:16` when the zone is unknown, `2021-02-07` without a
 *   time; %NULL for no date
 */
char *
wenji_import_date_format (const WenjiImportDate *date)
{
  int offset;

  if (date->year == 0)
    return NULL;
  if (date->hour < 0)
    return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
  if (date->offset == WENJI_IMPORT_NO_OFFSET)
    return g_strdup_printf ("%04d-%02d-%02d %02d:%02d", date->year, date->month, date->day,
                            date->hour, date->minute);

  offset = ABS (date->offset);
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d %c%02d:%02d", date->year, date->month,
                          date->day, date->hour, date->minute, date->offset < 0 ? '-' : '+',
                          offset / 60, offset % 60);
}
