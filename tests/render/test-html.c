/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HTML export: well-formed, with its language, and nothing an article can
 * write turns into script, event handler or javascript: URL. */

#include "config.h"

#include <string.h>

#include "render-test.h"

static const char hostile[] =
  "<script>alert(1)</script>\n\n"
  "<img src=x onerror=alert(1)> <svg onload=alert(1)>\n\n"
  "<a href=\"javascript:alert(1)\" onclick=\"x()\">点我</a>\n\n"
  "[链接](javascript:alert(1)) [大写](JAVASCRIPT:alert(1)) [数据](data:text/html,x)\n\n"
  "[制表](java&#09;script:alert(1)) <javascript:alert(1)>\n\n"
  "![图](javascript:alert(1)) [\"引号\" onmouseover=\"x\"](https://example.com/\"onmouseover=\"x)\n\n"
  "<style>body{}</style><iframe src=\"https://evil.example\"></iframe>\n\n"
  "| <b onclick=x>表</b> |\n|---|\n| <script>x</script> |\n\n"
  "```html\n<script>alert(1)</script>\n```\n\n"
  "这是**“强调”**的文字，**我想做的事。**所以中文_斜体_中文，2*3*4 与 snake_case_name。";

static char *
render (const char *body,
        const char *lang)
{
  g_autoptr (WenjiHtmlWriter) writer = wenji_html_writer_new (NULL);
  g_autoptr (WenjiArticle) article = render_test_article ("<b>标题</b> & “引号”", body, lang);

  return wenji_html_writer_render_article (writer, article);
}

static void
assert_no_attribute_handlers (const char *html)
{
  g_autoptr (GRegex) handler = g_regex_new ("<[^>]*\\son[a-z]+\\s*=", G_REGEX_CASELESS, 0, NULL);
  g_autoptr (GRegex) script = g_regex_new ("<\\s*script", G_REGEX_CASELESS, 0, NULL);
  g_autoptr (GRegex) js = g_regex_new ("javascript\\s*:", G_REGEX_CASELESS, 0, NULL);
  g_autoptr (GRegex) tags = g_regex_new ("<(iframe|svg|img|style|a)\\b[^>]*>", G_REGEX_CASELESS, 0,
                                         NULL);
  g_autoptr (GMatchInfo) match = NULL;

  g_assert_false (g_regex_match (handler, html, 0, NULL));
  g_assert_false (g_regex_match (script, html, 0, NULL));
  g_assert_false (g_regex_match (js, html, 0, NULL));

  /* The only elements with attributes that load or link are ours. */
  g_regex_match (tags, html, 0, &match);
  while (g_match_info_matches (match)) {
    g_autofree char *tag = g_match_info_fetch (match, 0);
    g_assert_true (g_str_has_prefix (tag, "<style>") ||
                   g_str_has_prefix (tag, "<a href=\"https://") ||
                   g_str_has_prefix (tag, "<a href=\"#") ||
                   g_str_has_prefix (tag, "<img src=\"data:image/png;base64,"));
    g_match_info_next (match, NULL);
  }
}

static void
test_hostile_body (void)
{
  g_autofree char *html = render (hostile, "zh-Hans");
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "hostile.html", NULL);
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "xmllint", "--html", "--noout", path, NULL };
  g_autofree char *lint = NULL;

  g_assert_true (g_file_set_contents (path, html, -1, &error));
  g_assert_no_error (error);
  lint = scratch_run_tool (argv);

  assert_no_attribute_handlers (html);
  g_assert_nonnull (strstr (html, "<html lang=\"zh-Hans\">"));
  g_assert_nonnull (strstr (html, "<meta charset=\"utf-8\">"));
  g_assert_nonnull (strstr (html, "<title>&lt;b&gt;标题&lt;/b&gt; &amp; “引号”</title>"));
  g_assert_nonnull (strstr (html, "<meta name=\"author\" content=\"王小明\">"));
  /* Raw HTML is shown as text. */
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  /* No outside requests: no http URL except in plain links. */
  g_assert_null (strstr (html, "src=\"http"));
  g_assert_null (strstr (html, "@import"));

  g_assert_nonnull (strstr (html, "<strong>“强调”</strong>"));
  g_assert_nonnull (strstr (html, "<strong>我想做的事。</strong>"));
  g_assert_nonnull (strstr (html, "<em>斜体</em>"));
  g_assert_nonnull (strstr (html, "2*3*4 与 snake_case_name"));

  render_test_rmdir (dir);
}

static void
test_traditional (void)
{
  g_autofree char *html = render ("臺灣位於亞熱帶。\n\n- 項目\n\n> 引文", "zh-Hant");

  g_assert_nonnull (strstr (html, "<html lang=\"zh-Hant\">"));
  g_assert_nonnull (strstr (html, "Noto Serif CJK TC"));
  g_assert_nonnull (strstr (html, "<ul>\n<li><p>項目</p>\n</li></ul>"));
  g_assert_nonnull (strstr (html, "<blockquote>\n<p>引文</p>\n</blockquote>"));
}

/* The chosen families go first in the stacks, before the script's fonts,
 * except for the marks Chinese sets full width; without them the page
 * names only the script's fonts. */
static void
test_font_stacks (void)
{
  g_autofree char *chosen = render_test_html_with_fonts ("DejaVu Serif", "DejaVu Sans");
  g_autofree char *automatic = render_test_html_with_fonts (NULL, "");
  const char *face;

  g_assert_nonnull (strstr (chosen, "\nhtml:lang(zh-Hans) body { font-family: "
                                    "\"Wenji Punctuation Serif SC\", "
                                    "\"DejaVu Serif\", \"Noto Serif CJK SC\""));
  g_assert_nonnull (strstr (chosen, "\nhtml:lang(zh-Hant) body { font-family: "
                                    "\"Wenji Punctuation Serif TC\", "
                                    "\"DejaVu Serif\", \"Noto Serif CJK TC\""));
  g_assert_nonnull (strstr (chosen, "\nhtml:lang(zh-Hans) h1, html:lang(zh-Hans) h2, "
                                    "html:lang(zh-Hans) h3, html:lang(zh-Hans) h4, "
                                    "html:lang(zh-Hans) h5, html:lang(zh-Hans) h6, "
                                    "html:lang(zh-Hans) th, html:lang(zh-Hans) .header, "
                                    "html:lang(zh-Hans) .index { font-family: "
                                    "\"Wenji Punctuation Sans SC\", \"DejaVu Sans\", "
                                    "\"Noto Sans CJK SC\""));
  /* That face is the script's font, for those marks alone. */
  face = strstr (chosen, "@font-face { font-family: \"Wenji Punctuation Serif SC\"");
  g_assert_nonnull (face);
  g_assert_nonnull (strstr (face, "local(\"Noto Serif CJK SC\")"));
  g_assert_true (strstr (face,
                         "unicode-range: U+00B7, U+2014, U+2018-2019, U+201C-201D, U+2026; }") <
                 strstr (face + 1, "@font-face"));
  /* Other languages get the chosen families too. */
  g_assert_nonnull (strstr (chosen, "\nbody { font-family: \"DejaVu Serif\", serif; }"));

  g_assert_null (strstr (automatic, "DejaVu"));
  g_assert_null (strstr (automatic, "@font-face"));
  g_assert_null (strstr (automatic, "\nbody { font-family"));
  g_assert_nonnull (strstr (automatic, "\nhtml:lang(zh-Hans) body { font-family: "
                                       "\"Noto Serif CJK SC\""));
  g_assert_nonnull (strstr (automatic, "{ font-family: \"Noto Sans CJK SC\""));
}

static void
test_embedded_image (void)
{
  static const guchar png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde,
  };
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *image = g_build_filename (dir, "图.png", NULL);
  g_autofree char *text = g_build_filename (dir, "not-an-image.png", NULL);
  g_autofree char *body = NULL;
  g_autofree char *html = NULL;

  g_assert_true (g_file_set_contents (image, (const char *) png, sizeof png, NULL));
  g_assert_true (g_file_set_contents (text, "<script>alert(1)</script>", -1, NULL));
  body = g_strdup_printf ("![图一](%s)\n\n![假图](%s)\n\n![远程](https://example.com/a.png)",
                          image, text);
  html = render (body, "zh-Hans");

  g_assert_nonnull (strstr (html, "<img src=\"data:image/png;base64,iVBORw0KGgo"));
  g_assert_null (strstr (html, "example.com/a.png"));
  assert_no_attribute_handlers (html);
  render_test_rmdir (dir);
}

/* Each inline style becomes its own element: a link is not code, code is
 * not a link. */
static void
test_inline_styles (void)
{
  g_autofree char *html = render ("见[官网](https://example.com/)、`代码`、**强调**和*斜体*。", "zh-Hans");

  g_assert_nonnull (strstr (html,
                            "<a href=\"https://example.com/\" rel=\"noopener noreferrer\">官网</a>"));
  g_assert_nonnull (strstr (html, "<code>代码</code>"));
  g_assert_nonnull (strstr (html, "<strong>强调</strong>"));
  g_assert_nonnull (strstr (html, "<em>斜体</em>"));
  g_assert_null (strstr (html, "<code>官网"));
  g_assert_null (strstr (html, "<code>强调"));
}

/* A numbered list right after a bulleted one is a list of its own. */
static void
test_list_kinds (void)
{
  g_autofree char *html = render ("- 甲\n- 乙\n\n1. 第一\n2. 第二\n", "zh-Hans");

  g_assert_nonnull (strstr (html, "<ul>\n<li><p>甲</p>\n</li>\n<li><p>乙</p>\n</li></ul>\n"
                                  "<ol>\n<li><p>第一</p>\n</li>\n<li><p>第二</p>\n</li></ol>"));
}

static void
test_folder (void)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = render_test_tmpdir ();
  WenjiExportOptions options = { .title = "文集" };
  g_autofree char *folder = g_build_filename (dir, "out", NULL);
  g_autofree char *index_path = g_build_filename (folder, "index.html", NULL);
  g_autofree char *index = NULL;

  g_ptr_array_add (articles, render_test_article ("甲", "正文一", "zh-Hans"));
  g_ptr_array_add (articles, render_test_article ("乙", "正文二", "zh-Hans"));
  wenji_page_setup_init (&options.setup);
  g_assert_true (wenji_export_articles (wenji_export_format_lookup ("html"), &options,
                                        articles, folder, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (index_path, &index, NULL, NULL));
  g_assert_nonnull (strstr (index, ">甲</a>"));
  g_assert_nonnull (strstr (index, ">乙</a>"));
  render_test_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/html/hostile-body", test_hostile_body);
  g_test_add_func ("/render/html/traditional", test_traditional);
  g_test_add_func ("/render/html/font-stacks", test_font_stacks);
  g_test_add_func ("/render/html/embedded-image", test_embedded_image);
  g_test_add_func ("/render/html/inline-styles", test_inline_styles);
  g_test_add_func ("/render/html/list-kinds", test_list_kinds);
  g_test_add_func ("/render/html/folder", test_folder);

  return g_test_run ();
}
