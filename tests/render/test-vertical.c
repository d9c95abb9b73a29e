/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Vertical pages (直排), read back with poppler as a reader's tools would:
 * columns run top to bottom from the right of the page, the first column
 * is the title, every character lies inside the page, brackets and quotes
 * take their vertical forms (Simplified full stops move to the top right,
 * Traditional ones stay centred), pictures stand upright, and the PDF asks
 * to be turned from right to left.
 */
#include "config.h"

#include <string.h>

#include "render-test.h"
#include "wenji-import.h"
#include "wenji-text.h"

typedef struct {
  double   left;
  double   top;
  double   width;
  double   height;
  gunichar c;
} Glyph;

/* The characters of page 1 as pdftohtml places them, in the order the PDF
 * draws them, the page number first. */
static GArray *
read_glyphs (const char *path,
             double     *page_width,
             double     *page_height)
{
  const char *argv[] = { "pdftohtml", "-xml", "-stdout", "-i", "-q", "-zoom", "1", "-f", "1",
                         "-l", "1", path, NULL };
  g_autofree char *xml = scratch_run_tool (argv);
  g_autoptr (GRegex) page = g_regex_new ("<page [^>]*height=\"([0-9.]+)\" width=\"([0-9.]+)\"",
                                         0, 0, NULL);
  g_autoptr (GRegex) text = g_regex_new ("<text top=\"([0-9-]+)\" left=\"([0-9-]+)\" "
                                         "width=\"([0-9]+)\" "
                                         "height=\"([0-9]+)\"[^>]*>(?:<b>)?([^<]+)", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));

  g_assert_true (g_regex_match (page, xml, 0, &match));
  {
    g_autofree char *height = g_match_info_fetch (match, 1);
    g_autofree char *width = g_match_info_fetch (match, 2);

    *page_height = g_ascii_strtod (height, NULL);
    *page_width = g_ascii_strtod (width, NULL);
  }
  g_clear_pointer (&match, g_match_info_free);

  for (g_regex_match (text, xml, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL)) {
    g_autofree char *top = g_match_info_fetch (match, 1);
    g_autofree char *left = g_match_info_fetch (match, 2);
    g_autofree char *width = g_match_info_fetch (match, 3);
    g_autofree char *height = g_match_info_fetch (match, 4);
    g_autofree char *chars = g_match_info_fetch (match, 5);
    Glyph glyph = { g_ascii_strtod (left, NULL), g_ascii_strtod (top, NULL),
                    g_ascii_strtod (width, NULL), g_ascii_strtod (height, NULL),
                    g_utf8_get_char (chars) };

    g_array_append_val (glyphs, glyph);
  }

  return glyphs;
}

/* The characters of the column @glyph @first starts, as one string. */
static char *
column_text (GArray *glyphs,
             guint   first,
             guint  *next)
{
  GString *out = g_string_new (NULL);
  double left = g_array_index (glyphs, Glyph, first).left;
  guint i;

  for (i = first; i < glyphs->len && ABS (g_array_index (glyphs, Glyph, i).left - left) < 2; i++)
    g_string_append_unichar (out, g_array_index (glyphs, Glyph, i).c);
  *next = i;

  return g_string_free (out, FALSE);
}

static char *
export_vertical (WenjiArticle *article,
                 const char   *dir,
                 const char   *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GPtrArray) articles = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  WenjiExportOptions options = { 0 };

  wenji_page_setup_init (&options.setup);
  options.setup.vertical = TRUE;
  g_ptr_array_add (articles, article);
  g_assert_true (wenji_export_articles (wenji_export_format_lookup ("pdf"), &options, articles,
                                        path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* The columns of page 1: right to left, each top to bottom, all inside the
 * page. Returns the glyphs, the page number left out. */
static GArray *
assert_columns (const char *path)
{
  double page_width, page_height;
  GArray *glyphs = read_glyphs (path, &page_width, &page_height);
  double previous_left = G_MAXDOUBLE;
  guint n_columns = 0;

  /* The page number, upright under the columns, in Chinese numerals. */
  g_assert_cmpuint (glyphs->len, >, 100);
  g_assert_cmpuint (g_array_index (glyphs, Glyph, 0).c, ==, 0x4E00);   /* 一 */
  g_array_remove_index (glyphs, 0);

  for (guint i = 0; i < glyphs->len; i++) {
    Glyph *glyph = &g_array_index (glyphs, Glyph, i);

    /* Nothing clipped. */
    g_assert_cmpfloat (glyph->left, >=, 0);
    g_assert_cmpfloat (glyph->top, >=, 0);
    g_assert_cmpfloat (glyph->left + glyph->width, <=, page_width);
    g_assert_cmpfloat (glyph->top + glyph->height, <=, page_height);

    if (i > 0 && ABS (glyph->left - g_array_index (glyphs, Glyph, i - 1).left) < 2) {
      /* Down the column. */
      g_assert_cmpfloat (glyph->top, >, g_array_index (glyphs, Glyph, i - 1).top);
    } else {
      /* A new column, to the left of the one before. */
      g_assert_cmpfloat (glyph->left, <, previous_left);
      previous_left = glyph->left;
      n_columns++;
    }
  }
  g_assert_cmpuint (n_columns, >, 5);

  return glyphs;
}

static void
test_fixture_traditional (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                   "scraped-oped-zh-hant.txt", NULL);
  g_autoptr (GPtrArray) parsed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *first = NULL;
  g_autofree char *tail = NULL;
  g_autoptr (GArray) glyphs = NULL;
  GString *all = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint next = 0;

  parsed = wenji_import_parse_file (source, &error);
  g_assert_no_error (error);
  /* The library gives an imported article its script; here, by hand. */
  wenji_article_set_lang (parsed->pdata[0], WENJI_LANG_HANT);
  path = export_vertical (parsed->pdata[0], dir, "fixture.pdf");
  glyphs = assert_columns (path);

  /* The first column is the title, then the byline; then the text, in
   * the order it is read. */
  title = column_text (glyphs, 0, &next);
  g_assert_cmpstr (title, ==, "為基層減負需久久為功");
  g_free (column_text (glyphs, next, &next));
  first = column_text (glyphs, next, &next);
  g_assert_true (g_str_has_prefix (first, "基層減負是一個老話題。近年來"));

  for (guint i = 0; i < glyphs->len; i++)
    g_string_append_unichar (all, g_array_index (glyphs, Glyph, i).c);
  text = g_string_free (all, FALSE);
  /* Corner brackets in their vertical forms; Traditional full stops and
   * commas stay the centred ones. */
  g_assert_nonnull (strstr (text, "\uFE41文山會海\uFE42"));
  g_assert_null (strstr (text, "「"));
  g_assert_nonnull (strstr (text, "。"));
  g_assert_null (strstr (text, "\uFE12"));

  /* Turned from right to left. */
  {
    g_autofree char *data = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &data, &length, NULL));
    tail = g_strndup (data + length - MIN (length, 600), MIN (length, 600));
    g_assert_nonnull (strstr (tail, "/ViewerPreferences << /Direction /R2L >>"));
  }
  {
    const char *info[] = { "pdfinfo", path, NULL };
    g_autofree char *out = scratch_run_tool (info);

    g_assert_nonnull (strstr (out, "Pages:"));
  }

  render_test_rmdir (dir);
}

static void
test_simplified (void)
{
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (GArray) glyphs = NULL;
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *path = NULL;
  GString *all = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < 12; i++)
    g_string_append (body, "他说：“基层减负，不是减责任。”《人民日报》（评论）——说得好……"
                           "COVID-19 与 2024 年。\n\n");
  article = render_test_article ("简体的直排", body->str, "zh-Hans");
  path = export_vertical (article, dir, "simplified.pdf");
  glyphs = assert_columns (path);

  for (guint i = 0; i < glyphs->len; i++)
    g_string_append_unichar (all, g_array_index (glyphs, Glyph, i).c);
  text = g_string_free (all, FALSE);
  g_assert_true (g_str_has_prefix (text, "简体的直排"));
  /* Quotes become corner brackets, and every mark that turns takes its
   * vertical form; Simplified full stops and commas move to the top right. */
  g_assert_nonnull (strstr (text, "他说\uFE13\uFE41基层减负\uFE10不是减责任\uFE12\uFE42"));
  g_assert_nonnull (strstr (text, "\uFE3D人民日报\uFE3E\uFE35评论\uFE36\uFE31\uFE31说得好\uFE19\uFE19"));
  g_assert_null (strstr (text, "“"));

  render_test_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/vertical/fixture-traditional", test_fixture_traditional);
  g_test_add_func ("/render/vertical/simplified", test_simplified);

  return g_test_run ();
}
