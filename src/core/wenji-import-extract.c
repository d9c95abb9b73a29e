/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The article from a page's lines, once wenji-import-html.c has found where
 * it stands: its paragraphs and subheadings, without the headline repeated,
 * decks, captions and widgets' words, and the fields its bylines, above and
 * below it, give.
 */
#include "config.h"

#include <string.h>

#include "wenji-import-html-private.h"

/* How many lines after the headline a byline may stand. */
#define BYLINE_LINES 8

static gboolean
is_widget_word (const char *text)
{
  return g_utf8_strlen (text, -1) <= 4 && strpbrk (text, "0123456789") == NULL &&
         !g_str_has_suffix (text, "。") && !g_str_has_suffix (text, "！") &&
         !g_str_has_suffix (text, "？");
}

/* Whether @text is a mark a page leaves after its text, of letters,
 * digits and stops but no word: `.F.X.1.6.8`. */
static gboolean
is_stray_mark (const char *text)
{
  guint marks = 0, chars = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (c >= 0x80 || g_ascii_isspace (c))
      return FALSE;
    marks += !g_ascii_isalnum (c);
    chars++;
  }

  return chars <= 16 && marks * 5 >= chars * 2;
}

/* Whether the article's text has begun, or a line that leads into what
 * follows (`…：`) has come. */
static gboolean
leads_in (GPtrArray *body)
{
  for (guint i = 0; i < body->len; i++) {
    const char *text = body->pdata[i];

    if (g_str_has_prefix (text, "原标题") || g_str_has_prefix (text, "原標題"))
      continue;
    if (g_utf8_strlen (text, -1) >= 30 || g_str_has_suffix (text, "：") ||
        g_str_has_suffix (text, ":"))
      return TRUE;
  }

  return FALSE;
}

/* Whether the line before @i gives the paper's own headline: `原标题：…`. */
static gboolean
follows_original_title (GPtrArray *lines,
                        guint      i)
{
  WenjiImportLine *before = i > 0 ? lines->pdata[i - 1] : NULL;

  return before != NULL && (g_str_has_prefix (before->text, "原标题") ||
                            g_str_has_prefix (before->text, "原標題"));
}

/* Whether @text has a Latin full stop, question or exclamation mark; the
 * point in a number (`0.3%`) is none. */
static gboolean
has_latin_stop (const char *text)
{
  for (const char *p = strpbrk (text, ".!?"); p != NULL; p = strpbrk (p + 1, ".!?"))
    if (*p != '.' || p == text || !g_ascii_isdigit (p[-1]) || !g_ascii_isdigit (p[1]))
      return TRUE;

  return FALSE;
}

/* A deck or a second headline above the article: short, no sentence, no
 * dateline `央视网消息（新闻联播）：`, no colon to lead into what follows. */
static gboolean
is_deck (const char *text)
{
  return g_utf8_strlen (text, -1) <= 25 && !strstr (text, "，") && !strstr (text, "。") &&
         !strstr (text, "！") && !strstr (text, "？") && !strstr (text, "；") &&
         !has_latin_stop (text) &&
         !strstr (text, "（") && !strchr (text, '(') &&
         !g_str_has_suffix (text, "：") && !g_str_has_suffix (text, ":");
}

/* A section's heading set as a paragraph: `一、百年征程铸就时代新辉煌`,
 * `（二）坚持人民至上`. */
static gboolean
is_numbered_heading (const char *text)
{
  static const char numerals[] = "一二三四五六七八九十";
  const char *p = text;
  gboolean bracket = g_str_has_prefix (p, "（");
  guint digits = 0;

  if (bracket)
    p += strlen ("（");
  for (; *p != '\0' && digits < 3; p = g_utf8_next_char (p)) {
    char numeral[8] = { 0 };

    g_unichar_to_utf8 (g_utf8_get_char (p), numeral);
    if (strstr (numerals, numeral) == NULL)
      break;
    digits++;
  }
  if (digits == 0)
    return FALSE;
  if (bracket ? !g_str_has_prefix (p, "）") : !g_str_has_prefix (p, "、"))
    return FALSE;

  return g_utf8_strlen (text, -1) <= 30 && !strstr (text, "，") && !strstr (text, "。") &&
         !strstr (text, "！") && !strstr (text, "？") && !strstr (text, "；");
}

/* Whether @text is the headline, whose key is @title_key; most lines are
 * too long to be. */
static gboolean
is_title (const char *text,
          const char *title_key)
{
  g_autofree char *key = NULL;

  if (strlen (text) > 2 * strlen (title_key) + 24)
    return FALSE;
  key = wenji_import_title_key (text);

  return *key != '\0' && g_str_equal (key, title_key);
}

/* Whether @body has a paragraph of text yet: pictures and a few words
 * (`分享到：`) are none. */
static gboolean
has_text (GPtrArray *body)
{
  for (guint i = 0; i < body->len; i++)
    if (!g_str_has_prefix (body->pdata[i], "![") && g_utf8_strlen (body->pdata[i], -1) >= 20)
      return TRUE;

  return FALSE;
}

/* Whether line @i is set in the middle and short, and the next line of
 * the article with text, past the other pictures and their captions, is
 * not in the middle or is long: a caption, not a poem. */
static gboolean
is_centered_caption (GPtrArray *lines,
                     guint      i)
{
  WenjiImportLine *line = lines->pdata[i];
  gboolean pictured = FALSE;

  if (!line->centered || g_utf8_strlen (line->text, -1) > 40)
    return FALSE;
  for (guint k = i + 1; k < lines->len; k++) {
    WenjiImportLine *next = lines->pdata[k];

    if (next->region != WENJI_IMPORT_BODY || next->furniture)
      continue;
    if (g_str_has_prefix (next->text, "![")) {
      pictured = TRUE;
      continue;
    }
    /* The next picture's caption, in a row of pictures. */
    if (pictured && next->centered && g_utf8_strlen (next->text, -1) <= 40) {
      pictured = FALSE;
      continue;
    }
    if (g_utf8_strlen (next->text, -1) < 10)
      continue;

    /* A poem's lines are short; prose set in the middle is not a poem. */
    return !next->centered || g_utf8_strlen (next->text, -1) > 40;
  }

  return FALSE;
}

/* Whether @text reads as a picture's label: a few words, or one short
 * clause with its full stop (`陶喆转型做导演。`), no more. */
static gboolean
is_picture_label (const char *text)
{
  static const char * const marks[] = { "，", "！", "？", "；", "：", ":", NULL };
  const char *stop = strstr (text, "。");

  if (g_utf8_strlen (text, -1) > 25 || g_str_has_prefix (text, "![") ||
      (stop != NULL && stop[strlen ("。")] != '\0'))
    return FALSE;
  for (guint i = 0; marks[i] != NULL; i++)
    if (strstr (text, marks[i]) != NULL)
      return FALSE;

  return TRUE;
}

/* Whether @text is short and has the key of an editor's or a source's
 * credit: the cheap test before the costly one. */
static gboolean
names_editor_or_source (const char *text)
{
  static const char * const keys[] = {
    "编辑", "編輯", "责编", "責編", "来源", "來源", "稿源", "转载", "轉載", NULL
  };

  if (strlen (text) > 360)
    return FALSE;
  for (guint i = 0; keys[i] != NULL; i++)
    if (strstr (text, keys[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* The key of a writer's credit on a line of its own: `作者：`, `本文作者：`,
 * `Author:`. */
#define WRITER_KEY "^\\s*(?:(?:本文|文章)?作者|撰文|撰稿|文|(?i:author))\\s*[：:︰]"

/* Whether @text starts with the key of a writer's credit, `作者：瓦克五`. */
static gboolean
starts_with_writer_key (const char *text)
{
  static GRegex *key;

  if (g_once_init_enter (&key))
    g_once_init_leave (&key, wenji_import_rule (WRITER_KEY));

  return strlen (text) <= 360 && g_regex_match (key, text, 0, NULL);
}

/* The name a writer's credit on a line of its own gives whole, as a
 * blog's box of its post's rights does, whatever its letters: `本文作者：
 * Sky of war`, `文章作者: feichaoyu`. */
static char *
writer_after_key (const char *text)
{
  static GRegex *credit;
  g_autoptr (GMatchInfo) match = NULL;

  if (g_once_init_enter (&credit))
    g_once_init_leave (&credit, wenji_import_rule (WRITER_KEY "\\s*([\\p{L}\\p{N}]"
                                                   "[\\p{L}\\p{N} ._-]{1,29}?)\\s*$"));

  return g_regex_match (credit, text, 0, &match) ? g_match_info_fetch (match, 1) : NULL;
}

/* Whether @text is nothing but the page's editor's credit: `[责任编辑：X]`. */
static gboolean
is_editor_credit (const char *text)
{
  static GRegex *credit;

  if (g_once_init_enter (&credit))
    g_once_init_leave (&credit, wenji_import_rule ("^[\\[【(（]?\\s*(?:责任编辑|責任編輯|责编|責編)\\s*[:：︰]"
                                                   "\\s*[^\\s:：\\]】)）]{2,20}\\s*[\\]】)）]?$"));

  return g_regex_match (credit, text, 0, NULL);
}

/* The date a short line starts with, maybe after its key (`发布时间：`,
 * `更新于`): the publication's, or an update's when the key says so. */
static void
take_leading_date (const char        *text,
                   WenjiImportFields *fields)
{
  WenjiImportDate date;
  int start, end;
  g_autofree char *key = NULL;

  if (g_utf8_strlen (text, -1) > 120 || !wenji_import_date_scan (text, &date, &start, &end) ||
      start > 18 || date.hour < 0)
    return;
  key = g_strndup (text, start);
  if (g_utf8_strlen (key, -1) > 6)
    return;
  if (strstr (key, "更新") != NULL)
    fields->updated = date;
  else
    fields->published = date;
}

/* A paragraph that can stand for an article's text by itself. */
#define MIN_LEAD_CHARS 50
/* Less text than this in the block taken, and it is no article's text. */
#define MIN_BODY_CHARS 40

/* The characters of @lines, pictures aside. */
static glong
text_chars (GPtrArray *lines)
{
  glong chars = 0;

  for (guint i = 0; i < lines->len; i++)
    if (!g_str_has_prefix (lines->pdata[i], "!["))
      chars += g_utf8_strlen (lines->pdata[i], -1);

  return chars;
}

/* The article from the page's lines, its fields filled on the way. */
GPtrArray *
wenji_import_extract (GPtrArray         *lines,
                      WenjiImportFields *fields)
{
  g_autoptr (GPtrArray) body = g_ptr_array_new ();
  g_autoptr (GPtrArray) leads = g_ptr_array_new ();
  g_autoptr (GHashTable) subheadings = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *paragraphs;
  guint headline = 0;
  gboolean summed_up = FALSE;
  g_autofree char *title_key = fields->title ? wenji_import_title_key (fields->title) : NULL;

  /* The byline sits between the headline and the article: what stands
   * before the headline (a date in the masthead) is not the article's. */
  for (guint i = 0; i < lines->len && fields->title != NULL; i++) {
    WenjiImportLine *line = lines->pdata[i];

    if (line->region != WENJI_IMPORT_BEFORE)
      break;
    if (is_title (line->text, title_key))
      headline = i + 1;
  }

  /* Whether the article has text outside a summary box. */
  for (guint i = 0; i < lines->len && !summed_up; i++) {
    WenjiImportLine *line = lines->pdata[i];

    summed_up = line->region == WENJI_IMPORT_BODY && !line->furniture && !line->summary &&
                !g_str_has_prefix (line->text, "![") && g_utf8_strlen (line->text, -1) >= 30;
  }

  for (guint i = 0, after = G_MAXUINT - BYLINE_LINES; i < lines->len; i++) {
    WenjiImportLine *line = lines->pdata[i];
    WenjiImportLineKind kind;

    if (line->region == WENJI_IMPORT_AFTER && after > i)
      after = i;
    /* A paper's name on its own under the headline, beside the byline
     * (`中國時報`), is the source when no byline names one; not a box's
     * title (`<div class="title">東網電視</div>` over its videos). */
    if (line->region == WENJI_IMPORT_BEFORE && headline > 0 && i >= headline && !line->titled &&
        i < headline + BYLINE_LINES && fields->agency == NULL &&
        wenji_import_is_newsroom_name (line->text)) {
      fields->agency = g_strdup (line->text);
      continue;
    }
    /* A byline can be made of links (`<a>2014年</a><a>03月</a>`): right
     * after the headline, even a line of links is read for fields. */
    if (line->furniture && line->region == WENJI_IMPORT_BEFORE && headline > 0 && i >= headline &&
        i < headline + BYLINE_LINES) {
      wenji_import_classify_line (line->text, fields);
      continue;
    }
    /* Links in the article may be its byline (`<a>記者王鼎鈞／台北報導</a>`),
     * but a related article's date is not the article's. */
    if (line->furniture && line->region == WENJI_IMPORT_BODY) {
      wenji_import_read_credits (line->text, fields);
      continue;
    }
    /* The post's time set just under the text, among its widgets:
     * `时间：2019-09-24 17:08`. */
    if (line->furniture && line->region == WENJI_IMPORT_AFTER && i < after + BYLINE_LINES &&
        wenji_import_is_signature (line->text)) {
      wenji_import_read_credits (line->text, fields);
      continue;
    }
    /* The editor's credit among the widgets under the text, `【纠错】
     * [责任编辑: 幸子 ]`, the first a link, or anywhere below it on a line of
     * its own, `[责任编辑：zhongzhang]`; right under the text, the source of
     * a reprint, `本文转载自: <a>网易科技</a>`. Not the writers of a link,
     * another article's, but those of a credit of the article's own, right
     * under it: `作者：瓦克五 责任编辑：侯雁飞`. */
    if (line->furniture && line->region == WENJI_IMPORT_AFTER &&
        (names_editor_or_source (line->text) || starts_with_writer_key (line->text)) &&
        (i < after + BYLINE_LINES || is_editor_credit (line->text))) {
      g_auto (WenjiImportFields) found = { 0 };

      wenji_import_read_credits (line->text, &found);
      if (fields->editor == NULL)
        fields->editor = g_steal_pointer (&found.editor);
      if (fields->source == NULL && i < after + BYLINE_LINES)
        fields->source = g_steal_pointer (&found.source);
      if (fields->author == NULL && !line->linked && i < after + BYLINE_LINES &&
          starts_with_writer_key (line->text))
        fields->author = found.author != NULL ? g_steal_pointer (&found.author)
                                              : writer_after_key (line->text);
    }
    if (line->furniture) {
      wenji_import_note_site (line->text, fields);
      continue;
    }
    if (line->region == WENJI_IMPORT_BODY) {
      /* The headline repeated above the article, or under the paper's own
       * headline (`原标题：…`) after it, but not a title the text itself
       * quotes after `央视网消息（新闻联播）：`. */
      if (title_key != NULL && is_title (line->text, title_key) &&
          (!leads_in (body) || follows_original_title (lines, i)))
        continue;
      /* A box that sums the article up before its text, when text
       * outside it follows: `<div class="endSummary">`. */
      if (line->summary && summed_up && !has_text (body))
        continue;
      /* A caption, or a link on its own (a related article), is no paragraph. */
      if (line->caption || (line->linked && g_utf8_strlen (line->text, -1) <= 40)) {
        wenji_import_read_credits (line->text, fields);
        continue;
      }
      /* A few words under a picture, with no sentence in them, are its
       * caption: `GDP增速一览`; so is a short line set in the middle under
       * it, when the text after it is not: `<center>杜琪峰抱紧Sammi让记者
       * 拍照，张家辉在旁边照应。</center>`. */
      if (body->len > 0 && g_str_has_prefix (body->pdata[body->len - 1], "![") &&
          !line->heading && (is_picture_label (line->text) ||
                             is_centered_caption (lines, i))) {
        wenji_import_read_credits (line->text, fields);
        continue;
      }
      if (line->heading || is_numbered_heading (line->text))
        g_hash_table_add (subheadings, line->text);
      g_ptr_array_add (body, line->text);
      continue;
    }
    if (line->region == WENJI_IMPORT_BEFORE && i < headline)
      continue;
    if (line->region == WENJI_IMPORT_AFTER) {
      wenji_import_read_credits (line->text, fields);
      continue;
    }
    kind = wenji_import_classify_line (line->text, fields);
    if (kind == WENJI_IMPORT_LINE_CHROME)
      wenji_import_note_site (line->text, fields);
    /* A byline right under the headline with more in it than the rules
     * read still gives its date, when it starts with one: `更新于2019年2月
     * 18日 07:17 英国《金融时报》 迪米 华盛顿 ， 戴维•邦德 慕尼黑报道`. */
    else if (kind == WENJI_IMPORT_LINE_BODY && headline > 0 && i < headline + BYLINE_LINES &&
             fields->published.year == 0 && fields->updated.year == 0)
      take_leading_date (line->text, fields);
    /* Sentences right under the byline, outside the block taken for the
     * article: the text of a picture story, above its pictures. */
    if (kind == WENJI_IMPORT_LINE_BODY && headline > 0 && i < headline + BYLINE_LINES &&
        g_utf8_strlen (line->text, -1) >= MIN_LEAD_CHARS && strstr (line->text, "，") != NULL)
      g_ptr_array_add (leads, line->text);
  }

  /* The block taken holds next to nothing, a picture and its caption: the
   * text is what stood above it, and the picture follows it. */
  if (leads->len > 0 && text_chars (body) < MIN_BODY_CHARS) {
    for (guint i = 0; i < body->len;) {
      if (g_str_has_prefix (body->pdata[i], "!["))
        i++;
      else
        g_ptr_array_remove_index (body, i);
    }
    for (guint i = leads->len; i-- > 0;)
      g_ptr_array_insert (body, 0, leads->pdata[i]);
  }

  paragraphs = wenji_import_filter_lines (body, fields);

  /* A word or two after a page's article is a widget's: `图集`, `廣告`. */
  while (paragraphs->len > 1 && (is_widget_word (paragraphs->pdata[paragraphs->len - 1]) ||
                                 is_stray_mark (paragraphs->pdata[paragraphs->len - 1])))
    g_ptr_array_remove_index (paragraphs, paragraphs->len - 1);
  /* Decks before it, not its subheadings. */
  while (paragraphs->len > 1 && is_deck (paragraphs->pdata[0]) &&
         !g_hash_table_contains (subheadings, paragraphs->pdata[0]))
    g_ptr_array_remove_index (paragraphs, 0);

  /* A blog's date stands just above its headline: `Dec 28 Sat 2013 00:28`. */
  for (guint i = headline > 1 ? headline - 1 : 0; i-- > 0 && i + 3 >= headline &&
       fields->published.year == 0;) {
    WenjiImportLine *line = lines->pdata[i];
    g_auto (WenjiImportFields) found = { 0 };

    if (wenji_import_classify_line (line->text, &found) == WENJI_IMPORT_LINE_FIELDS)
      fields->published = found.published;
  }

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
