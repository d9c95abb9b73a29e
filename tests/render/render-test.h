/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "test-scratch.h"
#include "wenji-article-private.h"
#include "wenji-render.h"

G_BEGIN_DECLS

G_GNUC_UNUSED static WenjiArticle *
render_test_article (const char *title,
                     const char *body,
                     const char *lang)
{
  WenjiArticle *article = wenji_article_new ();
  const char *tags[] = { "环境", "测试", NULL };

  wenji_article_set_title (article, title);
  wenji_article_set_body (article, body);
  wenji_article_set_lang (article, lang);
  wenji_article_set_author (article, "王小明");
  wenji_article_set_source (article, "文集日报");
  wenji_article_set_published_at (article, "2024-03-01");
  wenji_article_set_summary (article, "一篇测试文章");
  wenji_article_set_tags (article, tags);

  return article;
}

/* A Simplified article with a heading as HTML, written with @body_font
 * and @heading_font (NULL for the fonts of its script). */
G_GNUC_UNUSED static char *
render_test_html_with_fonts (const char *body_font,
                             const char *heading_font)
{
  g_autoptr (WenjiArticle) article = render_test_article ("标题 Title", "## 小节 Section\n\n正文 text。",
                                                         "zh-Hans");
  g_autoptr (WenjiHtmlWriter) writer = NULL;
  WenjiPageSetup setup;

  wenji_page_setup_init (&setup);
  wenji_page_setup_set_fonts (&setup, body_font, heading_font);
  writer = wenji_html_writer_new (&setup);

  return wenji_html_writer_render_article (writer, article);
}

/* A temporary folder for one test, removed with its files. */
G_GNUC_UNUSED static char *
render_test_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("wenji-render-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

G_GNUC_UNUSED static void
render_test_rmdir (const char *dir)
{
  const char *argv[] = { "rm", "-rf", dir, NULL };
  g_free (scratch_run_tool (argv));
}

G_END_DECLS
