/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Markdown export imports back to the same article. */

#include "config.h"

#include <string.h>

#include "render-test.h"
#include "wenji-import.h"

static void
test_round_trip (void)
{
  g_autoptr (WenjiArticle) article = render_test_article ("标题：“引号” \\ 与 'single' # 不是注释",
                                                         "## 小节\n\n正文**强调**。\n\n- 列表\n",
                                                         "zh-Hant");
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "article.md", NULL);
  g_autoptr (GPtrArray) parsed = NULL;
  g_autoptr (GError) error = NULL;
  const char * const *tags;
  WenjiArticle *back;

  wenji_article_set_source_url (article, "https://example.com/a?b=1&c=2");
  wenji_article_set_editor (article, "李編輯");
  wenji_article_set_status (article, WENJI_STATUS_READY);
  wenji_article_set_summary (article, "第一行\n第二行：冒号");

  g_assert_true (wenji_markdown_writer_write_article (article, path, &error));
  g_assert_no_error (error);

  parsed = wenji_import_parse_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 1);
  back = parsed->pdata[0];

  g_assert_cmpstr (wenji_article_get_title (back), ==, wenji_article_get_title (article));
  g_assert_cmpstr (wenji_article_get_body (back), ==, "## 小节\n\n正文**强调**。\n\n- 列表");
  g_assert_cmpstr (wenji_article_get_author (back), ==, "王小明");
  g_assert_cmpstr (wenji_article_get_source (back), ==, "文集日报");
  g_assert_cmpstr (wenji_article_get_source_url (back), ==, "https://example.com/a?b=1&c=2");
  g_assert_cmpstr (wenji_article_get_editor (back), ==, "李編輯");
  g_assert_cmpstr (wenji_article_get_published_at (back), ==, "2024-03-01");
  g_assert_cmpstr (wenji_article_get_status (back), ==, WENJI_STATUS_READY);
  g_assert_cmpstr (wenji_article_get_lang (back), ==, "zh-Hant");
  g_assert_cmpstr (wenji_article_get_summary (back), ==, "第一行\n第二行：冒号");
  tags = wenji_article_get_tags (back);
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "环境");
  g_assert_cmpstr (tags[1], ==, "测试");

  render_test_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/markdown/round-trip", test_round_trip);

  return g_test_run ();
}
