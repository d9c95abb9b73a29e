/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PDF export, read back with poppler-utils: text in order, embedded SC or
 * TC fonts and never JP ones, outline, metadata, Chinese line breaking;
 * and pages drawn to PNG, kept in the build folder to look at. */

#include "config.h"

#include <string.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "render-test.h"
#include "wenji-page-layout-private.h"

static const char *paragraphs[] = {
  "长江是中华民族的母亲河，也是中华民族发展的重要支撑。",
  "党的十八大以来，推动长江经济带发展上升为重大国家战略。",
  "十年来，从国家到沿江省市，把修复长江生态环境摆在压倒性位置，共抓大保护、不搞大开发。",
  "万里长江，浩荡东流，泽被南北两岸。“长江病了，而且病得不轻”。",
  "生态优先、绿色发展这一新思路，让沿江各地发展理念发生深刻变革。",
};

static char *
without_space (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

static char *
export (WenjiArticle         *article,
        const WenjiPageSetup *setup,
        const char           *dir,
        const char           *name)
{
  g_autoptr (WenjiPdfWriter) writer = wenji_pdf_writer_new (setup);
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (wenji_pdf_writer_write_article (writer, article, path, &error));
  g_assert_no_error (error);
  return path;
}

static WenjiArticle *
sample_article (const char *lang)
{
  g_autoptr (GString) body = g_string_new ("## 第一节 生态\n\n");

  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++) {
    if (i == 3)
      g_string_append (body, "## 第二节 发展\n\n");
    g_string_append_printf (body, "%s\n\n", paragraphs[i]);
  }

  return render_test_article ("共护一江水 万里长江焕发新活力", body->str, lang);
}

static void
test_text_in_order (void)
{
  g_autofree char *dir = render_test_tmpdir ();
  g_autoptr (WenjiArticle) article = sample_article ("zh-Hans");
  g_autofree char *path = export (article, NULL, dir, "article.pdf");
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = scratch_run_tool (argv);
  g_autofree char *flat = without_space (text);
  const char *at;

  at = strstr (flat, "共护一江水万里长江焕发新活力");
  g_assert_nonnull (at);
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++) {
    const char *found = strstr (at, paragraphs[i]);
    g_assert_nonnull (found);
    at = found + strlen (paragraphs[i]);
  }

  render_test_rmdir (dir);
}

static gboolean
font_installed (const char *family)
{
  PangoFontFamily **families = NULL;
  int n = 0;
  gboolean found = FALSE;

  pango_font_map_list_families (pango_cairo_font_map_get_default (), &families, &n);
  for (int i = 0; i < n && !found; i++)
    found = g_str_equal (pango_font_family_get_name (families[i]), family);
  g_free (families);

  return found;
}

/* The fonts of @article's PDF, as pdffonts lists them, in lower case. The
 * Han text is in @want, the Noto CJK font of its script, never in the
 * other script's (@unwanted) nor the Japanese or Korean ones, and every
 * font is embedded as a subset. */
static char *
check_pdf_fonts (WenjiArticle         *article,
                 const WenjiPageSetup *setup,
                 const char           *want,
                 const char           *unwanted)
{
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *path = export (article, setup, dir, "fonts.pdf");
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *fonts = scratch_run_tool (argv);
  char *lower = g_ascii_strdown (fonts, -1);

  g_test_message ("%s", fonts);
  g_assert_nonnull (strstr (lower, want));
  g_assert_null (strstr (lower, unwanted));
  g_assert_null (strstr (lower, "cjkjp"));
  g_assert_null (strstr (lower, "cjkkr"));
  g_assert_null (strstr (lower, " no "));

  render_test_rmdir (dir);
  return lower;
}

/* A link is set in the text's font, and code, only code, in the mono one. */
static void
test_fonts_inline_styles (void)
{
  g_autoptr (WenjiArticle) links = render_test_article ("链接", "见[官网](https://example.com/)和**强调**。",
                                                        "zh-Hans");
  g_autoptr (WenjiArticle) code = render_test_article ("代码", "见`printf`。", "zh-Hans");
  g_autofree char *link_fonts = check_pdf_fonts (links, NULL, "notoserifcjksc", "notoserifcjktc");
  g_autofree char *code_fonts = check_pdf_fonts (code, NULL, "notoserifcjksc", "notoserifcjktc");

  g_assert_null (strstr (link_fonts, "mono"));
  g_assert_nonnull (strstr (code_fonts, "mono"));
}

static void
check_fonts (const char *lang,
             const char *want,
             const char *unwanted)
{
  g_autoptr (WenjiArticle) article = sample_article (lang);
  g_autofree char *fonts = NULL;

  if (!g_str_has_prefix (wenji_font_family (WENJI_FONT_BODY, lang), "Noto")) {
    g_test_skip ("Noto CJK fonts are not installed");
    return;
  }

  fonts = check_pdf_fonts (article, NULL, want, unwanted);
  /* No font but the script's own. */
  g_assert_null (strstr (fonts, "dejavu"));
}

static void
test_fonts_simplified (void)
{
  check_fonts ("zh-Hans", "notoserifcjksc", "cjktc");
}

static void
test_fonts_traditional (void)
{
  check_fonts ("zh-Hant", "notoserifcjktc", "cjksc");
}

/* Latin fonts chosen for the body and headings: Latin text in them, Han
 * text still in the Noto CJK font of its script. */
static void
check_chosen_fonts (const char *lang,
                    const char *want,
                    const char *unwanted)
{
  g_autoptr (WenjiArticle) article = sample_article (lang);
  g_autofree char *fonts = NULL;
  WenjiPageSetup setup;

  if (!g_str_has_prefix (wenji_font_family (WENJI_FONT_BODY, lang), "Noto") ||
      !font_installed ("DejaVu Serif") || !font_installed ("DejaVu Sans")) {
    g_test_skip ("Noto CJK or DejaVu fonts are not installed");
    return;
  }

  wenji_article_set_title (article, "长江 The Yangtze");
  wenji_article_set_body (article, "## 第一节 Ecology\n\n长江是中华民族的母亲河 (the mother river)。\n\n"
                                   "万里长江，浩荡东流 (flowing east)。");
  wenji_page_setup_init (&setup);
  wenji_page_setup_set_fonts (&setup, "DejaVu Serif", "DejaVu Sans");

  fonts = check_pdf_fonts (article, &setup, want, unwanted);
  g_assert_nonnull (strstr (fonts, "dejavuserif"));
  g_assert_nonnull (strstr (fonts, "dejavusans-bold"));
}

static void
test_fonts_chosen_simplified (void)
{
  check_chosen_fonts ("zh-Hans", "notoserifcjksc", "cjktc");
}

static void
test_fonts_chosen_traditional (void)
{
  check_chosen_fonts ("zh-Hant", "notoserifcjktc", "cjksc");
}

/* The family of the font that sets the character at @index of @layout. */
static char *
family_at (PangoLayout *layout,
           int          index)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  char *family = NULL;

  do {
    PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

    if (run != NULL && index >= run->item->offset &&
        index < run->item->offset + run->item->length) {
      g_autoptr (PangoFontDescription) font = pango_font_describe (run->item->analysis.font);

      family = g_strdup (pango_font_description_get_family (font));
    }
  } while (family == NULL && pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  return family;
}

/* A Latin font has narrow quotation marks, dashes and ellipses of its own;
 * in Chinese text they stay the full-width ones of the Chinese font, except
 * in code. */
static void
test_fonts_chosen_punctuation (void)
{
  static const char text[] = "他说：“好的”——然后……走了。`“code”`";
  g_autoptr (WenjiDocument) document = wenji_document_new_from_markdown (text, "zh-Hans", NULL);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  const char *marks[] = { "“", "”", "—", "…" };
  WenjiBlockLayout *block;
  WenjiPageSetup setup;
  const char *laid_out;
  const char *code;

  if (!g_str_has_prefix (wenji_font_family (WENJI_FONT_BODY, "zh-Hans"), "Noto") ||
      !font_installed ("DejaVu Serif")) {
    g_test_skip ("Noto CJK or DejaVu fonts are not installed");
    g_object_unref (context);
    return;
  }

  wenji_page_setup_init (&setup);
  wenji_page_setup_set_fonts (&setup, "DejaVu Serif", NULL);
  block = wenji_block_layout_new (context, &setup, "zh-Hans",
                                  wenji_document_get_block (document, 0), 400);
  laid_out = pango_layout_get_text (block->layout);
  code = strstr (laid_out, "“code");
  g_assert_nonnull (code);

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++) {
    g_autofree char *family = family_at (block->layout, strstr (laid_out, marks[i]) - laid_out);

    g_assert_cmpstr (family, ==, "Noto Serif CJK SC");
  }
  {
    g_autofree char *latin = family_at (block->layout, code + strlen ("“") - laid_out);
    g_autofree char *quote = family_at (block->layout, code - laid_out);

    g_assert_cmpstr (latin, !=, "Noto Serif CJK SC");
    g_assert_cmpstr (quote, !=, "Noto Serif CJK SC");
  }
  wenji_block_layout_unref (block);
  g_object_unref (context);
}

/* Chinese lines are justified by sharing the width a line lacks between
 * its characters: every line but the last is as wide as the text, and a
 * Latin word or a number in the line opens no gap around it. */
static void
test_justified_by_characters (void)
{
  static const char text[] =
    "这是一段中文，夹着一个很长的英文单词 internationalization 与数字 2024 年的说明文字，"
    "用来检查两端对齐是否均匀分布。再写一句 Wenji keeps articles 的话，看看行尾是否整齐。"
    "最后一行可以不满。";
  g_autoptr (WenjiDocument) document = wenji_document_new_from_markdown (text, "zh-Hans", NULL);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  WenjiBlockLayout *block;
  WenjiPageSetup setup;
  GSList *lines;
  int width;

  wenji_page_setup_init (&setup);
  block = wenji_block_layout_new (context, &setup, "zh-Hans",
                                  wenji_document_get_block (document, 0), 300);
  width = pango_layout_get_width (block->layout);
  lines = pango_layout_get_lines_readonly (block->layout);
  g_assert_cmpuint (g_slist_length (lines), >=, 4);

  for (GSList *l = lines; l != NULL; l = l->next) {
    PangoLayoutLine *line = l->data;
    PangoRectangle logical;

    pango_layout_line_get_extents (line, NULL, &logical);
    if (l->next != NULL)
      g_assert_cmpint (ABS (logical.width - width), <, PANGO_SCALE);
    else
      g_assert_cmpint (logical.width, <, width - 4 * setup.font_size * PANGO_SCALE);

    /* No space grows to the width of a character. */
    for (GSList *r = line->runs; r != NULL; r = r->next) {
      PangoGlyphItem *run = r->data;

      for (int g = 0; g < run->glyphs->num_glyphs; g++) {
        const char *at = pango_layout_get_text (block->layout) + run->item->offset +
                         run->glyphs->log_clusters[g];

        if (*at == ' ' && g < run->glyphs->num_glyphs - 1)
          g_assert_cmpint (run->glyphs->glyphs[g].geometry.width, <,
                           0.6 * setup.font_size * PANGO_SCALE);
      }
    }
  }

  wenji_block_layout_unref (block);
  g_object_unref (context);
}

static void
test_outline_and_metadata (void)
{
  g_autofree char *dir = render_test_tmpdir ();
  g_autoptr (WenjiArticle) article = sample_article ("zh-Hans");
  g_autofree char *path = export (article, NULL, dir, "outline.pdf");
  const char *info_argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = scratch_run_tool (info_argv);
  const char *xml_argv[] = { "pdftohtml", "-xml", "-stdout", "-i", "-q", path, NULL };
  g_autofree char *xml = scratch_run_tool (xml_argv);
  const char *outline;

  g_assert_nonnull (strstr (info, "Title:           共护一江水 万里长江焕发新活力\n"));
  g_assert_nonnull (strstr (info, "Author:          王小明\n"));
  g_assert_nonnull (strstr (info, "Subject:         一篇测试文章\n"));
  g_assert_nonnull (strstr (info, "Keywords:        环境, 测试\n"));

  outline = strstr (xml, "<outline>");
  g_assert_nonnull (outline);
  g_assert_nonnull (strstr (outline, ">共护一江水 万里长江焕发新活力</item>"));
  g_assert_nonnull (strstr (outline, ">第一节 生态</item>"));
  g_assert_nonnull (strstr (outline, ">第二节 发展</item>"));

  render_test_rmdir (dir);
}

/* A long article: from the corpus when there is one, else written here
 * with punctuation at every turn. */
static char *
long_body (void)
{
  const char *corpus = g_getenv ("WENJI_CORPUS");
  GString *body = g_string_new (NULL);

  if (corpus != NULL && g_file_test (corpus, G_FILE_TEST_EXISTS)) {
    const char *argv[] = { "sh", "-c", "zcat \"$0\" | head -n 40", corpus, NULL };
    g_autofree char *lines = scratch_run_tool (argv);
    g_auto (GStrv) split = g_strsplit (lines, "\n", -1);

    for (guint i = 0; split[i] != NULL && body->len < 40000; i++) {
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonObject *object;
      g_auto (GStrv) paragraphs_of = NULL;

      if (*split[i] == '\0' || !json_parser_load_from_data (parser, split[i], -1, NULL))
        continue;
      object = json_node_get_object (json_parser_get_root (parser));
      paragraphs_of = g_strsplit (json_object_get_string_member (object, "text"), "\n", -1);
      for (guint k = 0; paragraphs_of[k] != NULL; k++)
        g_string_append_printf (body, "%s\n\n", paragraphs_of[k]);
    }
  }

  for (guint i = 0; i < 60; i++)
    g_string_append (body, "他说：“我们（包括《人民日报》的记者）都到了。”然后——大家一起走向「广场」，"
                           "看见『旗帜』、鲜花；还有什么？没有了！（完）这是第二句，也是最后一句。"
                           "数字１２３４５６７８９０，英文 Wenji renders Chinese text, 再接着写中文。\n\n");

  return g_string_free (body, FALSE);
}

static void
test_line_breaking (void)
{
  static const char *no_start[] = { "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》" };
  static const char *no_end[] = { "（", "「", "『", "《" };
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *body = long_body ();
  g_autoptr (WenjiArticle) article = render_test_article ("断行测试", body, "zh-Hans");
  g_autofree char *path = export (article, NULL, dir, "long.pdf");
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = scratch_run_tool (argv);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint checked = 0;

  for (guint i = 0; lines[i] != NULL; i++) {
    char *line = g_strstrip (lines[i]);
    gsize len = strlen (line);

    if (len == 0)
      continue;
    for (guint k = 0; k < G_N_ELEMENTS (no_start); k++)
      if (g_str_has_prefix (line, no_start[k]))
        g_error ("line %u starts with %s: %s", i, no_start[k], line);
    for (guint k = 0; k < G_N_ELEMENTS (no_end); k++)
      if (g_str_has_suffix (line, no_end[k]))
        g_error ("line %u ends with %s: %s", i, no_end[k], line);
    checked++;
  }

  g_test_message ("%u lines checked", checked);
  g_assert_cmpuint (checked, >, 200);
  render_test_rmdir (dir);
}

/* Draws the first page at 2x, as the preview would, and keeps the PNG. */
static void
render_png (const char *lang,
            const char *name)
{
  g_autoptr (WenjiArticle) article = sample_article (lang);
  g_autoptr (WenjiDocument) document = NULL;
  g_autoptr (WenjiPageLayout) layout = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  WenjiPageSetup setup;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  guint32 *pixels;
  guint dark = 0;

  if (g_str_equal (lang, "zh-Hant"))
    wenji_article_set_body (article, "## 臺灣的氣候\n\n臺灣位於亞熱帶，氣候溫暖潮濕。"
                            "「說」「為」「與」「關」「體」「觀」的字形是繁體中文的寫法。\n\n"
                            "骨、直、角、户、今、令、化、次、写：同一個字在不同地區有不同字形。");
  else
    wenji_article_set_body (article, "## 长江的生态\n\n长江是中华民族的母亲河。"
                            "骨、直、角、户、今、令、化、次、写：这几个字在简体中文里有自己的字形。\n\n"
                            "这是**“强调”**的文字，**我想做的事。**所以中文_斜体_中文。");

  document = wenji_document_new_for_article (article, NULL);
  wenji_page_setup_init (&setup);
  setup.indent = TRUE;
  layout = wenji_page_layout_new (&setup);
  wenji_page_layout_set_document (layout, document);
  wenji_page_layout_get_page_size (layout, &width, &height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * 2, height * 2);
  cr = cairo_create (surface);
  cairo_scale (cr, 2, 2);
  wenji_page_layout_draw_page (layout, cr, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  for (int i = 0;
       i < cairo_image_surface_get_width (surface) * cairo_image_surface_get_height (surface);
       i++)
    if ((pixels[i] & 0xff) < 0x80)
      dark++;
  g_assert_cmpuint (dark, >, 1000);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_test_message ("page drawn to %s", path);
}

static void
test_png_simplified (void)
{
  render_png ("zh-Hans", "page-zh-hans.png");
}

static void
test_png_traditional (void)
{
  render_png ("zh-Hant", "page-zh-hant.png");
}

static void
test_book (void)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (WenjiPdfWriter) writer = wenji_pdf_writer_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "book.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *xml = NULL;
  const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *xml_argv[] = { "pdftohtml", "-xml", "-stdout", "-i", "-q", path, NULL };
  const char *titles[] = { "第一篇", "第二篇", "第三篇" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++) {
    WenjiArticle *article = sample_article ("zh-Hans");
    wenji_article_set_title (article, titles[i]);
    g_ptr_array_add (articles, article);
  }

  g_assert_true (wenji_pdf_writer_write_book (writer, "文集", articles, path,
                                              NULL,
                                              NULL, NULL, &error));
  g_assert_no_error (error);

  text = scratch_run_tool (text_argv);
  g_assert_nonnull (strstr (text, "目录"));
  g_assert_nonnull (strstr (text, "第三篇"));
  xml = scratch_run_tool (xml_argv);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++) {
    g_autofree char *item = g_strdup_printf (">%s</item>", titles[i]);
    g_assert_nonnull (strstr (strstr (xml, "<outline>"), item));
  }

  render_test_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/pdf/text-in-order", test_text_in_order);
  g_test_add_func ("/render/pdf/fonts-simplified", test_fonts_simplified);
  g_test_add_func ("/render/pdf/fonts-traditional", test_fonts_traditional);
  g_test_add_func ("/render/pdf/fonts-inline-styles", test_fonts_inline_styles);
  g_test_add_func ("/render/pdf/fonts-chosen-simplified", test_fonts_chosen_simplified);
  g_test_add_func ("/render/pdf/fonts-chosen-traditional", test_fonts_chosen_traditional);
  g_test_add_func ("/render/pdf/fonts-chosen-punctuation", test_fonts_chosen_punctuation);
  g_test_add_func ("/render/pdf/justified-by-characters", test_justified_by_characters);
  g_test_add_func ("/render/pdf/outline-and-metadata", test_outline_and_metadata);
  g_test_add_func ("/render/pdf/line-breaking", test_line_breaking);
  g_test_add_func ("/render/pdf/png-simplified", test_png_simplified);
  g_test_add_func ("/render/pdf/png-traditional", test_png_traditional);
  g_test_add_func ("/render/pdf/book", test_book);

  return g_test_run ();
}
