/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One house style: the sizes, weights and spacing of each kind of block
 * in the HTML style sheet and on the PDF pages are the ones the block
 * style table gives, so the two cannot drift apart.
 */
#include "config.h"

#include <string.h>

#include "render-test.h"
#include "wenji-block-style.h"

static const char body[] =
  "## 二级标题\n\n"
  "正文。\n\n"
  "### 三级标题\n\n"
  "- 列表项\n\n"
  "> 引文\n\n"
  "```\ncode 代码\n```\n";

/* The declarations of the rule for @selector, up to its closing brace. */
static char *
css_rule (const char *html,
          const char *selector)
{
  g_autofree char *opening = g_strdup_printf ("\n%s { ", selector);
  const char *start = strstr (html, opening);
  const char *end;

  g_assert_nonnull (start);
  start += strlen (opening);
  end = strchr (start, '}');
  g_assert_nonnull (end);

  return g_strndup (start, end - start);
}

static double
css_number (const char *rule,
            const char *property)
{
  g_autofree char *key = g_strdup_printf ("%s: ", property);
  const char *value = strstr (rule, key);

  g_assert_nonnull (value);
  return g_ascii_strtod (value + strlen (key), NULL);
}

static void
test_html (void)
{
  g_autoptr (WenjiArticle) article = render_test_article ("标题", body, "zh-Hans");
  g_autoptr (WenjiHtmlWriter) writer = wenji_html_writer_new (NULL);
  g_autofree char *html = wenji_html_writer_render_article (writer, article);
  static const struct {
    WenjiBlockStyleKind kind;
    const char         *selector;
  } rules[] = {
    { WENJI_BLOCK_STYLE_TITLE, ".header h1.title" },
    { WENJI_BLOCK_STYLE_BYLINE, ".byline" },
    { WENJI_BLOCK_STYLE_HEADING_2, "h2" },
    { WENJI_BLOCK_STYLE_HEADING_3, "h3" },
    { WENJI_BLOCK_STYLE_PARAGRAPH, "p" },
    { WENJI_BLOCK_STYLE_CODE, "pre" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++) {
    const WenjiBlockStyle *style = wenji_block_style_get (rules[i].kind);
    g_autofree char *rule = css_rule (html, rules[i].selector);
    g_autofree char *weight = g_strdup_printf ("font-weight: %d;", style->bold ? 700 : 400);

    g_assert_cmpfloat_with_epsilon (css_number (rule, "font-size"), style->size, 0.01);
    if (style->line_height > 0)
      g_assert_cmpfloat_with_epsilon (css_number (rule, "line-height"), style->line_height, 0.01);
    g_assert_nonnull (strstr (rule, weight));
    /* "margin: before end after start": the space below, in the element's own ems. */
    if (style->space_after > 0) {
      const char *margin = strstr (rule, "margin: ");
      g_autofree char *value = NULL;
      g_auto (GStrv) parts = NULL;

      g_assert_nonnull (margin);
      margin += strlen ("margin: ");
      value = g_strndup (margin, strcspn (margin, ";"));
      parts = g_strsplit (value, " ", -1);
      g_assert_cmpuint (g_strv_length (parts), ==, 4);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (parts[2], NULL) * style->size,
                                      style->space_after, 0.01);
    }
  }
}

/* The size of the first text the PDF sets with @text, from pdftohtml. */
static double
pdf_size_of (const char *xml,
             const char *text)
{
  g_autofree char *needle = g_strdup_printf (">%s<", text);
  const char *hit = strstr (xml, needle);
  const char *font, *spec;
  g_autofree char *id = NULL;
  g_autofree char *spec_key = NULL;

  g_assert_nonnull (hit);
  /* Back to the <text … font="N"> that holds it. */
  while (hit > xml && strncmp (hit, "<text ", 6) != 0)
    hit--;
  font = strstr (hit, "font=\"");
  g_assert_nonnull (font);
  id = g_strndup (font + 6, strcspn (font + 6, "\""));
  spec_key = g_strdup_printf ("<fontspec id=\"%s\" size=\"", id);
  spec = strstr (xml, spec_key);
  g_assert_nonnull (spec);

  return g_ascii_strtod (spec + strlen (spec_key), NULL);
}

static void
test_pdf (void)
{
  g_autoptr (WenjiArticle) article = render_test_article ("标题", body, "zh-Hans");
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "style.pdf", NULL);
  g_autofree char *xml = NULL;
  g_autoptr (GPtrArray) articles = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  WenjiExportOptions options = { 0 };
  double paragraph;
  const char *argv[] = { "pdftohtml", "-xml", "-stdout", "-i", "-q", "-zoom", "1", path, NULL };
  static const struct {
    WenjiBlockStyleKind kind;
    const char         *text;
  } texts[] = {
    { WENJI_BLOCK_STYLE_TITLE, "标题" },
    { WENJI_BLOCK_STYLE_HEADING_2, "二级标题" },
    { WENJI_BLOCK_STYLE_HEADING_3, "三级标题" },
    { WENJI_BLOCK_STYLE_PARAGRAPH, "正文。" },
  };

  wenji_page_setup_init (&options.setup);
  options.setup.font_size = 30;
  g_ptr_array_add (articles, article);
  g_assert_true (wenji_export_articles (wenji_export_format_lookup ("pdf"), &options, articles,
                                        path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  xml = scratch_run_tool (argv);

  /* pdftohtml gives a font's height, a little more than its size, in
   * whole points: compare each size with the body text's, at a large size. */
  paragraph = pdf_size_of (xml, texts[G_N_ELEMENTS (texts) - 1].text);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++) {
    const WenjiBlockStyle *style = wenji_block_style_get (texts[i].kind);
    double expected = style->size / wenji_block_style_get (WENJI_BLOCK_STYLE_PARAGRAPH)->size;

    g_assert_cmpfloat_with_epsilon (pdf_size_of (xml, texts[i].text) / paragraph, expected,
                                    expected * 0.04);
  }

  render_test_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/block-style/html", test_html);
  g_test_add_func ("/render/block-style/pdf", test_pdf);

  return g_test_run ();
}
