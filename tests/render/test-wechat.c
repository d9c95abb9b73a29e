/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The WeChat copy, read back with libxml2's HTML parser as a paste target
 * reads it: one <section> after a <meta charset>, every style inline on
 * its element, nothing that runs, external links as numbered notes, lists
 * two deep at most, code lines kept, and the 52 hostile vectors inert.
 */
#include "config.h"

#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "render-test.h"
#include "xss-vectors.h"

static char *
render_with (const WenjiPageSetup *setup,
             const char           *body,
             const char           *lang)
{
  g_autoptr (WenjiArticle) article = render_test_article ("标题", body, lang);

  return wenji_wechat_writer_render_article (setup, article);
}

static char *
render (const char *body)
{
  return render_with (NULL, body, "zh-Hans");
}

static htmlDocPtr
parse (const char *fragment)
{
  htmlDocPtr doc = htmlReadMemory (fragment, strlen (fragment), NULL, "UTF-8",
                                   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

static guint
count (htmlDocPtr  doc,
       const char *xpath)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) xpath, context);
  guint n;

  g_assert_nonnull (result);
  n = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);

  return n;
}

static char *
string_of (htmlDocPtr  doc,
           const char *xpath)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", xpath);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) wrapped, context);
  char *text;

  g_assert_nonnull (result);
  text = g_strdup ((const char *) result->stringval);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);

  return text;
}

/* What the WeChat editor and a careful paste target demand of a fragment,
 * and what no article may smuggle into it. */
static void
assert_pasteable (const char *fragment)
{
  htmlDocPtr doc;

  g_assert_true (g_str_has_prefix (fragment, "<meta charset=\"utf-8\">"));
  g_assert_null (strstr (fragment, "<style"));
  g_assert_null (strstr (fragment, "var(--"));

  doc = parse (fragment);
  /* One root: libxml2 knows no <section> and leaves it where it is found,
   * so the root is the one section outside any other. */
  g_assert_cmpuint (count (doc, "//section[not(ancestor::section)]"), ==, 1);
  g_assert_cmpuint (count (doc, "//*[not(ancestor-or-self::section)]"
                                "[not(self::html or self::head or self::body or self::meta)]"),
                    ==, 0);
  g_assert_cmpuint (count (doc, "//meta"), ==, 1);
  /* Nothing that runs, loads or hides. */
  g_assert_cmpuint (count (doc, "//script | //style | //iframe | //object | //embed | //form"
                                " | //svg | //math | //base | //link | //section//meta"), ==, 0);
  g_assert_cmpuint (count (doc, "//@class | //@id | //@*[starts-with(name(), 'on')]"), ==, 0);
  g_assert_cmpuint (count (doc, "//@*[contains(translate(., 'JAVSCRIPT', 'javscript'), "
                                "'javascript:')]"), ==, 0);
  g_assert_cmpuint (count (doc, "//@style[contains(., 'position') or contains(., 'var(')]"), ==, 0);
  g_assert_cmpuint (count (doc, "//@href[not(starts-with(., 'https://mp.weixin.qq.com/'))]"),
                    ==, 0);
  g_assert_cmpuint (count (doc, "//@src[not(starts-with(., 'data:image/'))]"), ==, 0);
  /* Every block carries its style. */
  g_assert_cmpuint (count (doc, "(//p | //h1 | //h2 | //h3 | //h4 | //h5 | //h6 | //section"
                                " | //blockquote | //ul | //ol | //li | //table | //td | //hr"
                                " | //img)[not(@style)]"), ==, 0);

  xmlFreeDoc (doc);
}

static void
test_structure (void)
{
  g_autofree char *fragment = render ("## 小节\n\n第一段，有**强调**、*斜体*和`代码`。\n\n"
                                      "| 项目 | 数量 |\n| --- | ---: |\n| 文件 | 12 |\n\n---\n\n"
                                      "> 引文\n\n最后一段。");
  htmlDocPtr doc;
  g_autofree char *lang = NULL;

  assert_pasteable (fragment);
  doc = parse (fragment);
  lang = string_of (doc, "//section[not(ancestor::section)]/@lang");
  g_assert_cmpstr (lang, ==, "zh-Hans");
  g_assert_cmpuint (count (doc, "//h1[. = '标题']"), ==, 1);
  g_assert_cmpuint (count (doc, "//h2[. = '小节']"), ==, 1);
  g_assert_cmpuint (count (doc, "//strong[. = '强调']"), ==, 1);
  g_assert_cmpuint (count (doc, "//em[. = '斜体']"), ==, 1);
  g_assert_cmpuint (count (doc, "//code[. = '代码']"), ==, 1);
  g_assert_cmpuint (count (doc, "//table//td"), ==, 4);
  g_assert_cmpuint (count (doc, "//blockquote/p[. = '引文']"), ==, 1);
  g_assert_cmpuint (count (doc, "//hr"), ==, 1);
  xmlFreeDoc (doc);
}

/* Links leave the text as numbered notes, in the order of the text; only a
 * link to a WeChat article stays a link. */
static void
test_links_become_notes (void)
{
  g_autofree char *fragment = render ("先看[甲文](https://a.example/1)，"
                                      "再看[乙文](http://b.example/2?x=1&y=2)，"
                                      "还有[公众号文章](https://mp.weixin.qq.com/s/abc)和[目录](#top)。"
                                      "[坏链接](javascript:alert(1))不算。");
  htmlDocPtr doc;
  g_autofree char *notes = NULL;
  g_autofree char *text = NULL;

  assert_pasteable (fragment);
  doc = parse (fragment);
  g_assert_cmpuint (count (doc, "//a"), ==, 1);
  g_assert_cmpuint (count (doc, "//a[@href = 'https://mp.weixin.qq.com/s/abc' and . = '公众号文章']"),
                    ==, 1);
  g_assert_cmpuint (count (doc, "//sup"), ==, 2);

  text = string_of (doc, "//section[not(ancestor::section)]/p[2]");
  g_assert_nonnull (strstr (text, "甲文[1]"));
  g_assert_nonnull (strstr (text, "乙文[2]"));
  g_assert_nonnull (strstr (text, "坏链接不算"));

  notes = string_of (doc, "//section[not(ancestor::section)]/section[last()]");
  g_assert_true (g_str_has_prefix (notes,
                                   "参考资料[1] https://a.example/1[2] http://b.example/2?x=1&y=2"));
  g_assert_null (strstr (notes, "javascript"));
  g_assert_null (strstr (notes, "mp.weixin"));
  xmlFreeDoc (doc);
}

static void
test_lists_two_deep (void)
{
  g_autofree char *fragment = render ("- 一级\n  - 二级\n    - 三级\n      - 四级\n- 又一级\n\n"
                                      "1. 第一\n2. 第二\n");
  htmlDocPtr doc;

  assert_pasteable (fragment);
  doc = parse (fragment);
  g_assert_cmpuint (count (doc, "//ul//ul//ul | //ol//ol//ol | //ul//ul//ol | //ul//ol//ul"),
                    ==, 0);
  g_assert_cmpuint (count (doc, "//ul//ul"), >, 0);
  /* The deeper items are still there, with their markers. */
  g_assert_cmpuint (count (doc, "//ul//ul//p[contains(., '三级')]"), ==, 1);
  g_assert_cmpuint (count (doc, "//ul//ul//p[contains(., '四级')]"), ==, 1);
  g_assert_cmpuint (count (doc, "//ol/li"), ==, 2);
  xmlFreeDoc (doc);
}

static void
test_code_lines (void)
{
  g_autofree char *fragment = render ("```\nint main (void)\n{\n  return 0;\n}\n```\n");
  htmlDocPtr doc;

  assert_pasteable (fragment);
  g_assert_nonnull (strstr (fragment, "int main (void)<br>{<br>&nbsp;&nbsp;return 0;<br>}"));
  doc = parse (fragment);
  g_assert_cmpuint (count (doc, "//p[contains(@style, 'monospace')]/br"), ==, 3);
  xmlFreeDoc (doc);
}

/* The page setup's indent and theme reach the inline styles. */
static void
test_indent_and_themes (void)
{
  WenjiPageSetup setup;
  g_autofree char *house = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *ink = NULL;
  g_autofree char *hant = NULL;

  wenji_page_setup_init (&setup);
  setup.indent = TRUE;
  house = render_with (&setup, "## 小节\n\n段落。", "zh-Hans");
  g_assert_nonnull (strstr (house, "text-indent: 32px"));
  g_assert_nonnull (strstr (house, "color: #1A1A1A"));

  setup.indent = FALSE;
  setup.theme = WENJI_THEME_FRESH;
  fresh = render_with (&setup, "## 小节\n\n段落。", "zh-Hans");
  assert_pasteable (fresh);
  g_assert_null (strstr (fresh, "text-indent"));
  g_assert_nonnull (strstr (fresh,
                            "color: #0E7C7B; font-weight: bold; border-left: 4px solid #0E7C7B"));

  setup.theme = WENJI_THEME_INK;
  ink = render_with (&setup, "## 小节\n\n段落。", "zh-Hans");
  assert_pasteable (ink);
  g_assert_nonnull (strstr (ink, "text-align: center; border-bottom: 2px solid #8B1A1A"));

  hant = render_with (NULL, "見[連結](https://a.example/)。", "zh-Hant");
  g_assert_nonnull (strstr (hant, "lang=\"zh-Hant\""));
  g_assert_nonnull (strstr (hant, "參考資料"));
}

static void
test_picture (void)
{
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *image = g_build_filename (dir, "图.png", NULL);
  g_autofree char *body = NULL;
  g_autofree char *fragment = NULL;
  /* A 1×1 transparent PNG. */
  static const guchar png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
  };

  g_assert_true (g_file_set_contents (image, (const char *) png, sizeof png, NULL));
  body = g_strdup_printf ("![一张图](%s)\n\n![不在的图](/no/such/picture.png)", image);
  fragment = render (body);
  assert_pasteable (fragment);
  g_assert_nonnull (strstr (fragment, "<img src=\"data:image/png;base64,iVBORw0KGgo"));
  g_assert_nonnull (strstr (fragment, "一张图"));
  /* A picture that is not there leaves its caption. */
  g_assert_nonnull (strstr (fragment, "不在的图"));
  render_test_rmdir (dir);
}

static void
test_hostile_vectors (void)
{
  g_autoptr (GString) all = g_string_new (NULL);
  g_autofree char *fragment = NULL;
  htmlDocPtr doc;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++) {
    g_autofree char *one = render (vectors[i].body);

    g_test_message ("vector %s", vectors[i].name);
    assert_pasteable (one);
    g_string_append_printf (all, "%s\n\n", vectors[i].body);
  }

  fragment = render (all->str);
  assert_pasteable (fragment);
  doc = parse (fragment);
  text = string_of (doc, "//section[not(ancestor::section)]");
  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    if (strstr (text, vectors[i].visible) == NULL)
      g_error ("%s: “%s” is not in the fragment's text", vectors[i].name, vectors[i].visible);
  xmlFreeDoc (doc);
}

static void
test_plain_text (void)
{
  g_autoptr (WenjiArticle) article = render_test_article ("标题", "第一段，**强调**。\n\n- 一项\n", "zh-Hans");
  g_autofree char *text = wenji_wechat_writer_render_text (article);

  g_assert_true (g_str_has_prefix (text, "标题\n\n"));
  g_assert_nonnull (strstr (text, "第一段，强调。\n\n"));
  g_assert_nonnull (strstr (text, "• 一项\n"));
  g_assert_null (strstr (text, "**"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/wechat/structure", test_structure);
  g_test_add_func ("/render/wechat/links-become-notes", test_links_become_notes);
  g_test_add_func ("/render/wechat/lists-two-deep", test_lists_two_deep);
  g_test_add_func ("/render/wechat/code-lines", test_code_lines);
  g_test_add_func ("/render/wechat/indent-and-themes", test_indent_and_themes);
  g_test_add_func ("/render/wechat/picture", test_picture);
  g_test_add_func ("/render/wechat/hostile-vectors", test_hostile_vectors);
  g_test_add_func ("/render/wechat/plain-text", test_plain_text);

  return g_test_run ();
}
