/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Closing credits: what the last words of an article say of who wrote or
 * edited it, run on to the text or in a paragraph of their own
 * (`…（王煌忠／台中報導）`, `…新農村。(文/郭靜)`, `（记者郭倩、实习记者陈涵旸）`,
 * `…緩解。（編輯：蘇龍麒）1120221`, `（万载县统计局）`). A reporter's
 * credit names the writer and stays in the text; an editor's, a writer's
 * `文/` credit and an office's name go.
 */
#include "config.h"

#include <string.h>

#include "wenji-import-private.h"

typedef struct {
  GRegex *bare_closing;
  GRegex *closing;
  GRegex *lone_closing;
  GRegex *office_closing;
  GRegex *affiliated_closing;
  GRegex *compiled_closing;
  GRegex *credit;
  GRegex *closing_editor;
  GRegex *finis;
  GRegex *inner_role;
} Rules;

static gpointer
compile_rules (gpointer data)
{
  Rules *rules = g_new0 (Rules, 1);

  /* A reporter's credit run on to the last words, without brackets:
   * `…心里不是滋味。早报记者 骆俊澎`. It stays in the text. */
  rules->bare_closing = wenji_import_rule ("(?<=[。！？”」』])\\s*" HAN "{0,6}?(?:记者|記者)\\s*"
                                           "(" HAN "{2,3}(?:[ 、]+" HAN "{2,3}){0,3})\\s*$");
  /* Closing credits that stay in the text but name the writers:
   * `（王煌忠／台中報導）`, `（评论员 罗博 萧海川）`, `（中国南海新闻网 栾雨石）`. */
  rules->closing = wenji_import_rule ("[(（]\\s*(?:(" SHORT_NAME "(?:[ \\x{3000}、]+" SHORT_NAME
                                      "){1,3})"
                                      "|(?:記者|记者)?" NAMES SLASH HAN "{0,8}?(?:報導|报道)|(?:" HAN
                                      "{0,6}?(?:记者|記者|评论员|評論員|通讯员|通訊員)\\s*|" HAN
                                      "{2,8}?(?:网|網|报|報)\\s+)" NAME ")\\s*[)）]\\s*(.{0"
                                      ",20})(?<![。！？」』”])$");
  /* One writer's name closing the article: `…共贏”。（钟才文）`, `（溫蘭魁報導）`,
   * or in a paragraph of its own: `（羅森）`;
   * not `（待续）`, `（组图）` or an agency's, a paper's or an office's name. */
  rules->lone_closing = wenji_import_rule ("(?:(?<=[。！？」』”])|^)\\s*[(（]\\s*(?!(?:全文完|待续|待續|未完|组图|"
                                           "組圖|附图|附圖|图片|圖片|视频|視頻|资料|資料|编者按|編者按)"
                                           "\\s*[)）]|(?:前|后|後|中|上|下)略\\s*[)）])(" HAN "{2,3})"
                                           "(?<![社网網报報台站部局组組处處会會院所])"
                                           "\\s*(?:報導|报道)?\\s*[)）]\\s*$");
  /* An office's name in a paragraph of its own under a document, the
   * source: `（万载县统计局）`, `（市发展改革委）`. */
  rules->office_closing = wenji_import_rule ("^\\s*[(（]\\s*(" HAN "{2,16}?(?:局|厅|廳|委|委员会|委員會|"
                                             "办公室|辦公室|办|辦|政府|中心|署))\\s*[)）]\\s*$");
  /* A writer and where they work: `（刘宇超 北京市丰台区人民法院）`. */
  rules->affiliated_closing = wenji_import_rule ("[(（]\\s*(" HAN "{2,3})\\s+" HAN "{2,14}?"
                                                "(?:法院|检察院|檢察院|大学|大學|学院|學院|研究院|研究所|研究中心|"
                                                "医院|醫院|党校|黨校|律师事务所|律師事務所)"
                                                "\\s*[)）]\\s*$");
  /* Who put a foreign report into Chinese, and who read it over:
   * `(实习编译：徐心雨 审稿：刘洋)`. */
  rules->compiled_closing = wenji_import_rule ("\\s*[(（]\\s*(?:实习|實習)?(?:编译|編譯|翻译|翻譯)\\s*[:：︰]\\s*"
                                              "(" HAN "{2,4})(?:\\s+(?:审稿|審稿|审核|審核|校对|校對)"
                                              "\\s*[:：︰]\\s*" HAN "{2,4})*\\s*[)）]\\s*$");
  /* A writer's credit that goes: `(文/郭靜)`, `（作者：方敏）`. */
  rules->credit = wenji_import_rule ("\\s*[(（]\\s*(?:文\\s*[/／]|作者\\s*[:：︰]|"
                                     "撰文\\s*[:：︰])\\s*([^()（）/／]{1,12}?)\\s*[)）]\\s*$");
  /* An editor's credit and an agency's date code: `（編輯：蘇龍麒）1120221`. */
  rules->closing_editor = wenji_import_rule ("\\s*[(（]\\s*(?:" HAN "{2,8}?(?:网|網|报|報))?(责任编辑|"
                                             "責任編輯|编辑|編輯|责编|責編)\\s*(?:[:：︰]\\s*|\\s+)"
                                             "([^()（）]{1,20}?)\\s*[)）]\\s*(?:\\d{7})"
                                             "?\\s*$|(?<=[。！？」』”）)])\\s*(?:9\\d|1[01]\\d)(?:0[1-9]|"
                                             "1[0-2])(?:[0-2]\\d|3[01])\\s*$");
  /* The end, run on to the last words: `…之苦。（完）`. */
  rules->finis = wenji_import_rule ("(?<=[。！？」』”])\\s*[(（]\\s*(?:完|全文完|END|终|終)\\s*[)）]\\s*$");
  rules->inner_role = wenji_import_rule (INNER_ROLE);

  return rules;
}

static Rules *
get_rules (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, compile_rules, NULL);
}

/* The end of an agency paragraph: a closing editor credit and date code,
 * `…緩解。（編輯：蘇龍麒）1120221`, `（松花江网编辑 孙桂芳）`. */
static char *
take_closing_editor (const char        *paragraph,
                     WenjiImportFields *fields)
{
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  int start;

  if (!g_regex_match (get_rules ()->closing_editor, paragraph, 0, &match))
    return g_strdup (paragraph);

  key = g_match_info_fetch (match, 1);
  name = g_match_info_fetch (match, 2);
  if (key != NULL && *key != '\0')
    wenji_import_set_editor (fields, key, name);
  g_match_info_fetch_pos (match, 0, &start, NULL);

  return g_strndup (paragraph, start);
}

/**
 * wenji_import_take_credit:
 * @paragraph: the last words of an article, `…新農村。(文/郭靜)`
 * @fields: its author is set from the credit
 * @closes: (out) (optional): set when the paragraph closes the article:
 *   it ends with a reporter's credit
 *
 * Returns: (transfer full): @paragraph without a closing author credit or
 *   editor credit; a reporter's credit, `（王煌忠／台中報導）`, names the
 *   author but stays, and what follows it in the paragraph (a box's title)
 *   goes
 */
char *
wenji_import_take_credit (const char        *paragraph,
                          WenjiImportFields *fields,
                          gboolean          *closes)
{
  Rules *rules = get_rules ();
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *name = NULL;
  g_autofree char *author = NULL;
  g_autofree char *lone = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *probe = NULL;
  gsize length = strlen (paragraph);
  const char *tail = paragraph + (length > 80 ? length - 80 : 0);
  int start;

  if (closes != NULL)
    *closes = FALSE;
  if ((strstr (tail, "记者") != NULL || strstr (tail, "記者") != NULL) &&
      g_regex_match (rules->bare_closing, tail, 0, &match)) {
    g_autofree char *value = g_match_info_fetch (match, 1);
    g_autofree char *names = wenji_import_reporter_names (value);

    wenji_import_add_writers (fields, names);
  }
  g_clear_pointer (&match, g_match_info_free);
  /* Every other credit ends with a bracket, or with a date code after one. */
  if (strstr (tail, "）") == NULL && strchr (tail, ')') == NULL &&
      !(length > 0 && g_ascii_isdigit (paragraph[length - 1])))
    return g_strdup (paragraph);

  rest = take_closing_editor (paragraph, fields);
  /* `…之苦。（完）`: the end, run on to the last words, which keep it. */
  if (closes != NULL && g_regex_match (rules->finis, rest, 0, NULL))
    *closes = TRUE;
  /* `（记者郭倩、实习记者陈涵旸）`: each name after its role. */
  probe = g_regex_replace_literal (rules->inner_role, rest, -1, 0, "、", 0, NULL);
  if (probe != NULL && g_regex_match (rules->closing, probe, 0, &match)) {
    g_autofree char *names = NULL;

    /* Bare names, names before a slash, or after `记者`. */
    for (int group = 1; group <= 3 && names == NULL; group++) {
      g_autofree char *value = g_match_info_fetch (match, group);

      if (value != NULL && *value != '\0')
        names = wenji_import_reporter_names (value);
    }
    wenji_import_add_writers (fields, names);
    if (closes != NULL)
      *closes = TRUE;
    if (!g_match_info_fetch_pos (match, 4, &start, NULL) || start < 0)
      return g_steal_pointer (&rest);

    /* What follows the credit is the same in @rest as in the probe. */
    return g_strstrip (g_strndup (rest, strlen (rest) - (strlen (probe) - start)));
  }

  g_clear_pointer (&match, g_match_info_free);
  /* `（钟才文）` names a writer; `（空行）` names nobody. */
  if (g_regex_match (rules->lone_closing, rest, 0, &match))
    lone = g_match_info_fetch (match, 1);
  if (lone != NULL && wenji_import_has_surname (lone)) {
    wenji_import_add_writers (fields, lone);
    if (closes != NULL)
      *closes = TRUE;
    g_match_info_fetch_pos (match, 0, &start, NULL);
    /* A paragraph of its own, `（羅森）`, is no text. */
    return start == 0 ? g_strdup ("") : g_steal_pointer (&rest);
  }
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match (rules->office_closing, rest, 0, &match)) {
    g_autofree char *office = g_match_info_fetch (match, 1);

    wenji_import_set_field (&fields->source, office);
    if (closes != NULL)
      *closes = TRUE;
    return g_strdup ("");
  }
  g_clear_pointer (&match, g_match_info_free);

  /* `（刘宇超 北京市丰台区人民法院）`: the writer and where they work. */
  if (g_regex_match (rules->affiliated_closing, rest, 0, &match)) {
    g_autofree char *writer = g_match_info_fetch (match, 1);

    if (wenji_import_has_surname (writer)) {
      wenji_import_add_writers (fields, writer);
      if (closes != NULL)
        *closes = TRUE;
      return g_steal_pointer (&rest);
    }
  }
  g_clear_pointer (&match, g_match_info_free);

  /* `(实习编译：徐心雨 审稿：刘洋)`: who put it into Chinese wrote it; who
   * read it over is no writer or editor. */
  if (g_regex_match (rules->compiled_closing, rest, 0, &match)) {
    g_autofree char *compiler = g_match_info_fetch (match, 1);

    wenji_import_add_writers (fields, compiler);
    if (closes != NULL)
      *closes = TRUE;
    g_match_info_fetch_pos (match, 0, &start, NULL);

    return g_strndup (rest, start);
  }
  g_clear_pointer (&match, g_match_info_free);

  if (!g_regex_match (rules->credit, rest, 0, &match))
    return g_steal_pointer (&rest);

  name = g_match_info_fetch (match, 1);
  g_strstrip (name);
  /* `（作者：方敏北京大学经济学院教授）` names 方敏. */
  author = g_utf8_strlen (name, -1) > 5 ? wenji_import_author_name (name) : NULL;
  wenji_import_set_author (fields, author != NULL ? author : name);
  g_match_info_fetch_pos (match, 0, &start, NULL);

  return g_strndup (rest, start);
}
