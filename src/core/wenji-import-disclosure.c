/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A government page's disclosure index (政府信息公开): the table above a
 * document that files it, `索引号`, `发布机构`, `发文日期`, `公开方式`, each
 * label in a cell of its own or before its value. Its day is the
 * document's, where the page's meta tags give the day it was regenerated
 * and the document's own date line the day it was signed; its office is
 * the source when the page names no other.
 */
#include "config.h"

#include <string.h>

#include "wenji-import-html-private.h"

typedef enum {
  KEY_OTHER,      /* files the document, names nothing of ours */
  KEY_PUBLISHER,  /* the office that issued it */
  KEY_ISSUED,     /* the day it was issued */
  KEY_WRITTEN,    /* the day it was signed, when no other is given */
} Key;

static const struct {
  const char *label;
  Key         key;
} labels[] = {
  { "索引号", KEY_OTHER },
  { "發文字號", KEY_OTHER },
  { "发文字号", KEY_OTHER },
  { "文号", KEY_OTHER },
  { "主题分类", KEY_OTHER },
  { "信息分类", KEY_OTHER },
  { "组配分类", KEY_OTHER },
  { "体裁分类", KEY_OTHER },
  { "公开方式", KEY_OTHER },
  { "公开时限", KEY_OTHER },
  { "公开范围", KEY_OTHER },
  { "公开形式", KEY_OTHER },
  { "有效性", KEY_OTHER },
  { "发布机构", KEY_PUBLISHER },
  { "發布機構", KEY_PUBLISHER },
  { "发文机关", KEY_PUBLISHER },
  { "发文单位", KEY_PUBLISHER },
  { "发布单位", KEY_PUBLISHER },
  { "责任部门", KEY_PUBLISHER },
  { "公开责任部门", KEY_PUBLISHER },
  { "发文日期", KEY_ISSUED },
  { "发布日期", KEY_ISSUED },
  { "生成日期", KEY_ISSUED },
  { "公开日期", KEY_ISSUED },
  { "成文日期", KEY_WRITTEN },
};

/* The index's keys a page must show, at least, to be filed by one. */
#define MIN_KEYS 3
/* How far the index goes on, in lines, from its first key. */
#define MAX_INDEX_LINES 40

/* @text as a key of the index: `索 引 号：` is 索引号. Returns the key's
 * place in labels[], or -1; @value is set to what follows its colon. */
static int
find_label (const char  *text,
            const char **value)
{
  g_autoptr (GString) label = g_string_new (NULL);
  const char *p = text;

  for (; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (c == 0xFF1A || c == ':' || c == 0xFE30) {
      p = g_utf8_next_char (p);
      break;
    }
    if (g_unichar_isspace (c))
      continue;
    if (label->len > 24)
      return -1;
    g_string_append_unichar (label, c);
  }
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++) {
    if (g_str_equal (label->str, labels[i].label)) {
      while (g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      *value = p;
      return i;
    }
  }

  return -1;
}

/**
 * wenji_import_read_disclosure:
 * @lines: (element-type WenjiImportLine): the page's lines
 * @fields: where the day and the office go
 *
 * Reads the disclosure index before a document: its day of issue (else
 * the day it was signed) replaces any other day the page gave, and its
 * office becomes the source if none was found.
 */
void
wenji_import_read_disclosure (GPtrArray         *lines,
                              WenjiImportFields *fields)
{
  WenjiImportDate issued = { 0 }, written = { 0 };
  g_autofree char *publisher = NULL;
  guint keys = 0, first = 0;

  for (guint i = 0; i < lines->len; i++) {
    WenjiImportLine *line = lines->pdata[i];
    const char *value = NULL;
    int found;

    if (line->region != WENJI_IMPORT_BEFORE || (keys > 0 && i > first + MAX_INDEX_LINES))
      break;
    if ((found = find_label (line->text, &value)) < 0)
      continue;
    if (keys++ == 0)
      first = i;
    /* The value in the next cell: `发布机构：`, then `宜春市统计局`. */
    if (*value == '\0' && i + 1 < lines->len) {
      WenjiImportLine *next = lines->pdata[i + 1];
      const char *unused;

      if (find_label (next->text, &unused) < 0 && g_utf8_strlen (next->text, -1) <= 40)
        value = next->text;
    }
    switch (labels[found].key) {
    case KEY_PUBLISHER:
      if (publisher == NULL && *value != '\0' && g_utf8_strlen (value, -1) <= 30)
        publisher = g_strdup (value);
      break;
    case KEY_ISSUED:
      if (issued.year == 0)
        wenji_import_date_scan (value, &issued, NULL, NULL);
      break;
    case KEY_WRITTEN:
      if (written.year == 0)
        wenji_import_date_scan (value, &written, NULL, NULL);
      break;
    case KEY_OTHER:
    default:
      break;
    }
  }

  if (keys < MIN_KEYS)
    return;
  if (issued.year == 0)
    issued = written;
  /* A byline's time on the same day says more than the index's day. */
  if (issued.year != 0 &&
      !(fields->published.year == issued.year && fields->published.month == issued.month &&
        fields->published.day == issued.day))
    fields->published = issued;
  if (fields->source == NULL && publisher != NULL)
    fields->source = g_steal_pointer (&publisher);
}
