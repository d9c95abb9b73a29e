/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Counting, script detection, pinyin sort keys and content hashes. */
#include "config.h"

#include <locale.h>

#include "wenji-core.h"

static void
test_count_basics (void)
{
  g_assert_cmpuint (wenji_text_count_chars (NULL), ==, 0);
  g_assert_cmpuint (wenji_text_count_chars (""), ==, 0);
  g_assert_cmpuint (wenji_text_count_chars ("，。！？　 \n"), ==, 0);
  g_assert_cmpuint (wenji_text_count_chars ("春眠不觉晓"), ==, 5);
  g_assert_cmpuint (wenji_text_count_chars ("春眠不觉晓，处处闻啼鸟。"), ==, 10);
  /* Each Latin word or number is one. */
  g_assert_cmpuint (wenji_text_count_chars ("Hello, GNOME world!"), ==, 3);
  g_assert_cmpuint (wenji_text_count_chars ("iPhone 15 发布了"), ==, 5);
  g_assert_cmpuint (wenji_text_count_chars ("don't stop"), ==, 2);
  g_assert_cmpuint (wenji_text_count_chars ("GDP增长5.2%"), ==, 5);
  /* Full-width Latin counts as words too. */
  g_assert_cmpuint (wenji_text_count_chars ("ＡＰＰＬＥ和苹果"), ==, 4);
}

/* An independent count by regular expressions, to check the fixture with. */
static guint
count_by_regex (const char *text)
{
  /* Letters of the Han script: PCRE's \p{Han} alone also takes 【 and 】. */
  g_autoptr (GRegex) han = g_regex_new ("(?=\\p{L})\\p{Han}", 0, 0, NULL);
  g_autoptr (GRegex) word = g_regex_new ("[\\p{Latin}\\p{Nd}]+(?:['’-][\\p{Latin}\\p{Nd}]+)*", 0, 0,
                                         NULL);
  g_autoptr (GMatchInfo) info = NULL;
  guint n = 0;

  g_regex_match (han, text, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    n++;
  g_clear_pointer (&info, g_match_info_free);

  g_regex_match (word, text, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL))
    n++;

  return n;
}

static void
test_count_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "scraped-oped-zh-hant.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  guint count;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  /* The title line: 為基層減負 (5), the gloss fù (1), 需久久為功 (5). */
  g_assert_cmpuint (wenji_text_count_chars ("為基層減負(fù)需久久為功"), ==, 11);
  /* The byline: the date and two numbers of the time, 來 lái 源 編輯 供稿
   * 瀏覽量 and 0. */
  g_assert_cmpuint (wenji_text_count_chars ("2021-02-07 15:16 來(lái)源: 編輯:供稿 瀏覽量:0"), ==, 14);

  count = wenji_text_count_chars (text);
  g_assert_cmpuint (count, >, 1000);
  g_assert_cmpuint (count, ==, count_by_regex (text));
}

static void
test_detect_lang (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "scraped-oped-zh-hant.txt", NULL);
  g_autofree char *fixture = NULL;

  g_assert_cmpstr (wenji_text_detect_lang ("为基层减负需久久为功"), ==, WENJI_LANG_HANS);
  g_assert_cmpstr (wenji_text_detect_lang ("為基層減負需久久為功"), ==, WENJI_LANG_HANT);
  g_assert_cmpstr (wenji_text_detect_lang ("头发很长。"), ==, WENJI_LANG_HANS);
  g_assert_cmpstr (wenji_text_detect_lang ("頭髮很長。"), ==, WENJI_LANG_HANT);
  /* Characters both scripts share: Simplified is the default. */
  g_assert_cmpstr (wenji_text_detect_lang ("中文大山"), ==, WENJI_LANG_HANS);
  g_assert_cmpstr (wenji_text_detect_lang ("Plain English text."), ==, WENJI_LANG_OTHER);
  g_assert_cmpstr (wenji_text_detect_lang (""), ==, WENJI_LANG_OTHER);

  g_file_get_contents (path, &fixture, NULL, NULL);
  g_assert_nonnull (fixture);
  g_assert_cmpstr (wenji_text_detect_lang (fixture), ==, WENJI_LANG_HANT);

  /* A long start in characters both scripts share does not hide the
   * script the rest is in. */
  {
    g_autoptr (GString) shared = g_string_new (NULL);

    for (guint i = 0; i < 300; i++)
      g_string_append (shared, "中文大山");
    g_string_append (shared, "為基層減負需久久為功，頭髮很長。");
    g_assert_cmpstr (wenji_text_detect_lang (shared->str), ==, WENJI_LANG_HANT);
  }
}

static void
test_convert (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *simplified = wenji_text_convert ("t2s", "頭髮與減負", &error);
  g_autofree char *traditional = NULL;
  g_autofree char *none = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (simplified, ==, "头发与减负");

  traditional = wenji_text_convert ("s2t", "头发与减负", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (traditional, ==, "頭髮與減負");

  none = wenji_text_convert ("no-such-conversion", "文字", &error);
  g_assert_null (none);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_FAILED);
}

static int
compare_keys (const char *a,
              const char *b)
{
  g_autoptr (GBytes) ka = wenji_text_sort_key (a);
  g_autoptr (GBytes) kb = wenji_text_sort_key (b);

  return g_bytes_compare (ka, kb);
}

static void
test_sort_key (void)
{
  /* Whatever the process locale says. */
  setlocale (LC_ALL, "C");
  g_assert_cmpint (compare_keys ("安徽", "北京"), <, 0);
  g_assert_cmpint (compare_keys ("北京", "上海"), <, 0);
  g_assert_cmpint (compare_keys ("上海", "浙江"), <, 0);
  g_assert_cmpint (compare_keys ("浙江", "安徽"), >, 0);
  /* Traditional characters sort by their reading too: 北 < 廣 (guang) < 臺 (tai). */
  g_assert_cmpint (compare_keys ("北京", "廣州"), <, 0);
  g_assert_cmpint (compare_keys ("廣州", "臺北"), <, 0);
  /* Numbers as numbers. */
  g_assert_cmpint (compare_keys ("第2章", "第10章"), <, 0);
  g_assert_cmpint (compare_keys ("", "安"), <, 0);
}

static void
test_content_hash (void)
{
  g_autofree char *a = wenji_text_content_hash ("第一段。\n\n第二段。");
  g_autofree char *b = wenji_text_content_hash ("  第一段。\n第二段。\u3000\n");
  g_autofree char *c = wenji_text_content_hash ("第一段。\n\n第三段。");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpuint (strlen (a), ==, 64);
}

static void
assert_widened (const char *text,
                const char *expected)
{
  g_autofree char *widened = wenji_text_widen_punctuation (text);

  g_assert_cmpstr (widened, ==, expected);
}

static void
test_widen_punctuation (void)
{
  assert_widened ("你好, 世界!", "你好，世界！");
  assert_widened ("他说:我们走吧.", "他说：我们走吧。");
  assert_widened ("真的吗?是的;当然.\n下一段.", "真的吗？是的；当然。\n下一段。");
  assert_widened ("括号(注释)里", "括号（注释）里");
  /* Left alone: numbers, file names, ellipses, Latin, code, glosses. */
  assert_widened ("增长3.5%, 达到", "增长3.5%, 达到");
  assert_widened ("打开文件.txt看看", "打开文件.txt看看");
  assert_widened ("然后...", "然后...");
  assert_widened ("Hello, world. 中文", "Hello, world. 中文");
  assert_widened ("代码`a, b`里", "代码`a, b`里");
  assert_widened ("```\n中文, 代码\n```\n中文, 正文", "```\n中文, 代码\n```\n中文，正文");
  assert_widened ("    中文, 缩进代码\n中文, 正文", "    中文, 缩进代码\n中文，正文");
  assert_widened ("關(guān)注", "關(guān)注");
  assert_widened ("1. 第一项, 列表", "1. 第一项，列表");
  assert_widened ("", "");
}

static void
test_reading_minutes (void)
{
  g_assert_cmpuint (wenji_text_reading_minutes (0), ==, 0);
  g_assert_cmpuint (wenji_text_reading_minutes (50), ==, 1);
  g_assert_cmpuint (wenji_text_reading_minutes (1200), ==, 3);
  g_assert_cmpuint (wenji_text_reading_minutes (4000), ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/count/basics", test_count_basics);
  g_test_add_func ("/text/count/fixture", test_count_fixture);
  g_test_add_func ("/text/detect-lang", test_detect_lang);
  g_test_add_func ("/text/convert", test_convert);
  g_test_add_func ("/text/sort-key", test_sort_key);
  g_test_add_func ("/text/content-hash", test_content_hash);
  g_test_add_func ("/text/widen-punctuation", test_widen_punctuation);
  g_test_add_func ("/text/reading-minutes", test_reading_minutes);

  return g_test_run ();
}
