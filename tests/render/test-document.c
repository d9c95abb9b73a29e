/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document model: Markdown blocks, CJK emphasis, and the layout cache
 * that re-lays only the blocks an edit changed. */

#include "config.h"

#include <string.h>

#include "wenji-render.h"

/* The styles of the first span whose text is @needle, in the first block. */
static WenjiStyle
style_of (const char *markdown,
          const char *needle)
{
  g_autoptr (WenjiDocument) document = wenji_document_new_from_markdown (markdown, "zh-Hans", NULL);
  const WenjiBlock *block = wenji_document_get_block (document, 0);

  for (guint i = 0; i < block->text->spans->len; i++) {
    const WenjiSpan *span = &g_array_index (block->text->spans, WenjiSpan, i);

    if (strlen (needle) == span->end - span->start &&
        strncmp (block->text->text + span->start, needle, span->end - span->start) == 0)
      return span->style;
  }

  g_error ("no span “%s” in “%s”", needle, block->text->text);
  return WENJI_STYLE_NONE;
}

static const char *
text_of (WenjiDocument *document,
         guint          index)
{
  return wenji_document_get_block (document, index)->text->text;
}

static void
test_cjk_emphasis (void)
{
  g_autoptr (WenjiDocument) literal = NULL;

  g_assert_cmpint (style_of ("这是**“强调”**的文字", "“强调”"), ==, WENJI_STYLE_STRONG);
  g_assert_cmpint (style_of ("**我想做的事。**所以", "我想做的事。"), ==, WENJI_STYLE_STRONG);
  g_assert_cmpint (style_of ("中文_斜体_中文", "斜体"), ==, WENJI_STYLE_EM);
  g_assert_cmpint (style_of ("中文*斜体*中文", "斜体"), ==, WENJI_STYLE_EM);
  g_assert_cmpint (style_of ("前***“粗斜”***后", "“粗斜”"), ==,
                   WENJI_STYLE_STRONG | WENJI_STYLE_EM);

  literal = wenji_document_new_from_markdown ("2*3*4 和 snake_case_name，`**代码**` 与 \\*\\*转义\\*\\*",
                                              "zh-Hans", NULL);
  g_assert_cmpstr (text_of (literal, 0), ==,
                   "2*3*4 和 snake_case_name，**代码** 与 **转义**");
  g_assert_cmpuint (wenji_document_get_block (literal, 0)->text->spans->len, ==, 3);
}

static void
test_blocks (void)
{
  const char *markdown =
    "# 标题\n\n段落一，\n第二行。\n\n- 甲\n  1. 乙\n- [x] 丙\n\n> 引用\n\n```\ncode\n```\n\n"
    "---\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n<script>alert(1)</script>\n\n"
    "[链接](https://example.com) ~~删~~";
  g_autoptr (WenjiDocument) document = wenji_document_new_from_markdown (markdown, NULL, NULL);
  const WenjiBlock *block;

  g_assert_cmpstr (wenji_document_get_lang (document), ==, "zh-Hans");
  g_assert_cmpuint (wenji_document_get_n_blocks (document), ==, 11);

  block = wenji_document_get_block (document, 0);
  g_assert_cmpint (block->kind, ==, WENJI_BLOCK_HEADING);
  g_assert_cmpuint (block->level, ==, 1);
  g_assert_cmpstr (block->anchor, ==, "标题");
  /* A soft break between Han characters is no space. */
  g_assert_cmpstr (text_of (document, 1), ==, "段落一，第二行。");

  block = wenji_document_get_block (document, 2);
  g_assert_cmpstr (block->marker, ==, "•");
  g_assert_cmpuint (block->list_depth, ==, 1);
  block = wenji_document_get_block (document, 3);
  g_assert_cmpstr (block->marker, ==, "1.");
  g_assert_cmpuint (block->list_depth, ==, 2);
  g_assert_true (block->ordered);
  g_assert_cmpstr (wenji_document_get_block (document, 4)->marker, ==, "☑");

  block = wenji_document_get_block (document, 5);
  g_assert_cmpuint (block->quote_depth, ==, 1);
  g_assert_cmpint (wenji_document_get_block (document, 6)->kind, ==, WENJI_BLOCK_CODE);
  g_assert_cmpstr (text_of (document, 6), ==, "code");
  g_assert_cmpint (wenji_document_get_block (document, 7)->kind, ==, WENJI_BLOCK_RULE);

  block = wenji_document_get_block (document, 8);
  g_assert_cmpint (block->kind, ==, WENJI_BLOCK_TABLE);
  g_assert_cmpuint (block->n_columns, ==, 2);
  g_assert_cmpuint (block->cells->len, ==, 4);
  g_assert_cmpint (g_array_index (block->aligns, WenjiAlign, 1), ==, WENJI_ALIGN_RIGHT);

  /* Raw HTML is text. */
  g_assert_cmpstr (text_of (document, 9), ==, "<script>alert(1)</script>");

  g_assert_cmpint (style_of ("[链接](https://example.com) ~~删~~", "链接"), ==, WENJI_STYLE_LINK);
  g_assert_cmpint (style_of ("[链接](https://example.com) ~~删~~", "删"), ==, WENJI_STYLE_STRIKE);
}

static void
test_urls (void)
{
  g_assert_true (wenji_url_is_safe ("https://example.com/a?b=c"));
  g_assert_true (wenji_url_is_safe ("mailto:a@example.com"));
  g_assert_true (wenji_url_is_safe ("#标题"));
  g_assert_false (wenji_url_is_safe ("javascript:alert(1)"));
  g_assert_false (wenji_url_is_safe ("JaVaScRiPt:alert(1)"));
  g_assert_false (wenji_url_is_safe ("java\tscript:alert(1)"));
  g_assert_false (wenji_url_is_safe ("data:text/html,<script>"));
  g_assert_false (wenji_url_is_safe ("vbscript:x"));
  g_assert_false (wenji_url_is_safe ("relative/path"));
}

static void
test_layout_cache (void)
{
  g_autoptr (GString) markdown = g_string_new (NULL);
  g_autoptr (WenjiDocument) first = NULL;
  g_autoptr (WenjiDocument) second = NULL;
  g_autoptr (WenjiPageLayout) layout = NULL;
  WenjiPageSetup setup;
  char *changed;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (markdown, "第%u段：长江是中华民族的母亲河，也是中华民族发展的重要支撑。"
                            "十年来，从国家到沿江省市，把修复长江生态环境摆在压倒性位置。\n\n", i);
  wenji_page_setup_init (&setup);
  layout = wenji_page_layout_new (&setup);

  first = wenji_document_new_from_markdown (markdown->str, "zh-Hans", NULL);
  wenji_page_layout_set_document (layout, first);
  g_assert_cmpuint (wenji_page_layout_get_n_blocks_laid_out (layout), ==, 60);
  g_assert_cmpuint (wenji_page_layout_get_n_pages (layout), >=, 3);

  /* Edit one paragraph: one block is laid out again. */
  changed = strstr (markdown->str, "第30段");
  memcpy (changed, "甲", strlen ("甲"));
  second = wenji_document_new_from_markdown (markdown->str, "zh-Hans", NULL);
  wenji_page_layout_set_document (layout, second);
  g_assert_cmpuint (wenji_page_layout_get_n_blocks_laid_out (layout), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/document/cjk-emphasis", test_cjk_emphasis);
  g_test_add_func ("/render/document/blocks", test_blocks);
  g_test_add_func ("/render/document/urls", test_urls);
  g_test_add_func ("/render/layout/cache", test_layout_cache);

  return g_test_run ();
}
