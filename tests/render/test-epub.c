/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * EPUB books, checked by epubcheck (0 errors, 0 warnings) as a publisher
 * would, and read back: the zip's first entry, the navigation listing
 * every article in order, each chapter's text the article's own, the
 * pictures stored once and the first one as the cover, and a vertical
 * book's columns, page order and corner brackets.
 */
#include "config.h"

#include <string.h>
#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "render-test.h"

/* epubcheck, run on the Java it needs: "Messages: 0 fatals / 0 errors /
 * 0 warnings" or the test fails with what it says. */
static void
assert_epubcheck (const char *path)
{
  g_autofree char *jar = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "java", "-jar", NULL, path, NULL };

  if (g_getenv ("WENJI_EPUBCHECK") == NULL)
    g_error ("epubcheck is not installed; build-aux/install-deps.sh installs it");
  jar = g_file_read_link (g_getenv ("WENJI_EPUBCHECK"), NULL);

  /* Debian installs the jar itself as /usr/bin/epubcheck, through a link. */
  if (jar != NULL && !g_path_is_absolute (jar)) {
    g_autofree char *dir = g_path_get_dirname (g_getenv ("WENJI_EPUBCHECK"));
    resolved = g_build_filename (dir, jar, NULL);
  } else {
    resolved = g_strdup (jar != NULL ? jar : g_getenv ("WENJI_EPUBCHECK"));
  }
  argv[2] = resolved;

  out = scratch_run_tool_full (argv, NULL);
  if (strstr (out, "Messages: 0 fatals / 0 errors / 0 warnings") == NULL &&
      strstr (out, "No errors or warnings detected") == NULL)
    g_error ("epubcheck on %s:\n%s", path, out);
}

/* A file of the book, read with unzip. */
static char *
entry (const char *book,
       const char *name)
{
  const char *argv[] = { "unzip", "-p", book, name, NULL };

  return scratch_run_tool (argv);
}

static xmlDocPtr
parse_entry (const char *book,
             const char *name)
{
  g_autofree char *text = entry (book, name);
  xmlDocPtr doc = xmlReadMemory (text, strlen (text), name, "UTF-8", XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

/* The strings of the nodes @xpath selects, in the XHTML namespace as h. */
static GPtrArray *
select_strings (xmlDocPtr   doc,
                const char *xpath)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (xmlFree);
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;

  xmlXPathRegisterNs (context, (const xmlChar *) "h",
                      (const xmlChar *) "http://www.w3.org/1999/xhtml");
  xmlXPathRegisterNs (context, (const xmlChar *) "opf",
                      (const xmlChar *) "http://www.idpf.org/2007/opf");
  xmlXPathRegisterNs (context, (const xmlChar *) "dc",
                      (const xmlChar *) "http://purl.org/dc/elements/1.1/");
  result = xmlXPathEvalExpression ((const xmlChar *) xpath, context);
  g_assert_nonnull (result);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    g_ptr_array_add (strings, xmlNodeGetContent (result->nodesetval->nodeTab[i]));
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);

  return strings;
}

/* Text without white space, to compare what the reader reads. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

/* What the reader should read of @article: its blocks' text. */
static char *
article_text (WenjiArticle *article)
{
  g_autoptr (WenjiDocument) document = wenji_document_new_for_article (article, NULL);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < wenji_document_get_n_blocks (document); i++) {
    const WenjiBlock *block = wenji_document_get_block (document, i);

    if (block->kind == WENJI_BLOCK_IMAGE)
      continue;
    if (block->marker != NULL &&
        (g_str_equal (block->marker, "☐") || g_str_equal (block->marker, "☑")))
      g_string_append (text, block->marker);
    if (block->text != NULL)
      g_string_append (text, block->text->text);
    for (guint c = 0; block->cells != NULL && c < block->cells->len; c++)
      g_string_append (text, ((WenjiRichText *) block->cells->pdata[c])->text);
  }

  return squeeze (text->str);
}

static void
write_png (const char *path,
           double      red,
           double      green,
           double      blue)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 48);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, red, green, blue);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static gboolean
export_book_with_fonts (GPtrArray  *articles,
                        gboolean    vertical,
                        gboolean    embed_fonts,
                        const char *title,
                        const char *path)
{
  g_autoptr (GError) error = NULL;
  WenjiExportOptions options = { 0 };

  wenji_page_setup_init (&options.setup);
  options.setup.vertical = vertical;
  options.setup.embed_fonts = embed_fonts;
  options.title = title;
  g_assert_true (wenji_export_articles (wenji_export_format_lookup ("epub"), &options, articles,
                                        path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return TRUE;
}

static gboolean
export_book (GPtrArray  *articles,
             gboolean    vertical,
             const char *title,
             const char *path)
{
  return export_book_with_fonts (articles, vertical, FALSE, title, path);
}

/* mimetype first, stored, no extra field: a reader knows the book by its
 * first bytes. */
static void
assert_zip_start (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 58);
  g_assert_true (memcmp (data, "PK\003\004", 4) == 0);
  g_assert_cmpint (data[8] | data[9] << 8, ==, 0);            /* stored */
  g_assert_cmpint (data[26] | data[27] << 8, ==, 8);          /* name length */
  g_assert_cmpint (data[28] | data[29] << 8, ==, 0);          /* extra field length */
  g_assert_true (memcmp (data + 30, "mimetypeapplication/epub+zip", 28) == 0);
}

static void
test_one_article (void)
{
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "一篇.epub", NULL);
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) titles = NULL;
  g_autoptr (GPtrArray) languages = NULL;
  g_autoptr (GPtrArray) subjects = NULL;
  g_autoptr (GPtrArray) covers = NULL;
  xmlDocPtr opf;

  g_ptr_array_add (articles, render_test_article ("春天的散文", "## 一\n\n第一段，**强调**。\n\n- 一项\n- 二项\n\n"
                                                  "| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n> 引文\n\n"
                                                  "```\ncode\n```\n\n---\n\n最后。", "zh-Hans"));
  export_book (articles, FALSE, NULL, path);
  assert_zip_start (path);
  assert_epubcheck (path);

  opf = parse_entry (path, "OEBPS/content.opf");
  titles = select_strings (opf, "//dc:title");
  languages = select_strings (opf, "//dc:language");
  subjects = select_strings (opf, "//dc:subject");
  covers = select_strings (opf, "//opf:item[@properties = 'cover-image']/@href");
  g_assert_cmpstr (titles->pdata[0], ==, "春天的散文");
  g_assert_cmpstr (languages->pdata[0], ==, "zh-Hans");
  g_assert_cmpuint (subjects->len, ==, 2);
  g_assert_cmpstr (subjects->pdata[0], ==, "环境");
  /* No picture in the article: a cover drawn from the title. */
  g_assert_cmpstr (covers->pdata[0], ==, "images/cover.png");
  xmlFreeDoc (opf);

  render_test_rmdir (dir);
}

/* Fifty articles, some with pictures (one of them in three articles): the
 * navigation lists every article in order, each chapter reads as its
 * article, each picture is stored once, the first one is the cover. */
static void
test_fifty_articles (void)
{
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "文集.epub", NULL);
  g_autofree char *shared = g_build_filename (dir, "共用.png", NULL);
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) nav_titles = NULL;
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (GPtrArray) covers = NULL;
  g_autoptr (GPtrArray) spine = NULL;
  xmlDocPtr nav, opf;

  write_png (shared, 0.2, 0.5, 0.7);
  for (guint i = 0; i < 50; i++) {
    g_autofree char *title = g_strdup_printf ("第%u篇 “引号”与 & 符号", i + 1);
    g_autofree char *picture = g_strdup_printf ("%s/图%u.png", dir, i);
    g_autofree char *own = i % 10 == 3 ? g_strdup_printf ("![第%u张图](%s)", i, picture)
                                       : g_strdup ("");
    g_autofree char *common = i % 20 == 3 ? g_strdup_printf ("![共用的图](%s)", shared) : g_strdup ("");
    g_autofree char *body = NULL;

    if (i % 10 == 3)
      write_png (picture, i / 50.0, 0.3, 0.3);
    body = g_strdup_printf ("第%u篇的第一段，讲一件事情。\n\n%s\n\n%s\n\n## 小节\n\n"
                            "最后一段，见[网站](https://example.com/%u)。", i + 1, own, common, i);
    g_ptr_array_add (articles, render_test_article (title, body, i % 2 ? "zh-Hant" : "zh-Hans"));
  }

  export_book (articles, FALSE, "五十篇文集", path);
  assert_zip_start (path);
  assert_epubcheck (path);

  nav = parse_entry (path, "OEBPS/nav.xhtml");
  nav_titles = select_strings (nav, "//h:nav[@id = 'toc']//h:a");
  g_assert_cmpuint (nav_titles->len, ==, 50);
  for (guint i = 0; i < 50; i++)
    g_assert_cmpstr (nav_titles->pdata[i], ==, wenji_article_get_title (articles->pdata[i]));
  xmlFreeDoc (nav);

  for (guint i = 0; i < 50; i++) {
    g_autofree char *name = g_strdup_printf ("OEBPS/text/chapter-%03u.xhtml", i + 1);
    xmlDocPtr chapter = parse_entry (path, name);
    g_autoptr (GPtrArray) text = select_strings (chapter, "//h:div[@class = 'article']");
    g_autoptr (GPtrArray) langs = select_strings (chapter, "/h:html/@lang");
    g_autofree char *read = squeeze (text->pdata[0]);
    g_autofree char *written = article_text (articles->pdata[i]);

    g_assert_cmpstr (read, ==, written);
    g_assert_cmpstr (langs->pdata[0], ==, wenji_article_get_lang (articles->pdata[i]));
    xmlFreeDoc (chapter);
  }

  opf = parse_entry (path, "OEBPS/content.opf");
  images = select_strings (opf, "//opf:item[starts-with(@media-type, 'image/')]/@href");
  covers = select_strings (opf, "//opf:item[@properties = 'cover-image']/@href");
  spine = select_strings (opf, "//opf:itemref/@idref");
  /* Five pictures of their own and the shared one, once. */
  g_assert_cmpuint (images->len, ==, 6);
  g_assert_true (g_str_has_prefix (covers->pdata[0], "images/"));
  g_assert_cmpstr (covers->pdata[0], !=, "images/cover.png");
  g_assert_cmpuint (spine->len, ==, 53);
  g_assert_cmpstr (spine->pdata[3], ==, "chapter-001");
  xmlFreeDoc (opf);

  render_test_rmdir (dir);
}

/* Asked to, a book carries its fonts, cut down to what it says: OpenType
 * files of a few tens of kilobytes, not the 20 MB of a Noto CJK face. */
static void
test_embedded_fonts (void)
{
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "字体.epub", NULL);
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *css = NULL;
  g_autofree char *opf = NULL;
  const char *names[] = { "OEBPS/fonts/body.otf", "OEBPS/fonts/heading.otf" };

  g_ptr_array_add (articles, render_test_article ("带字体的书", "## 小节\n\n正文，说一件事。", "zh-Hans"));
  export_book_with_fonts (articles, FALSE, TRUE, NULL, path);
  assert_epubcheck (path);

  css = entry (path, "OEBPS/style.css");
  g_assert_nonnull (strstr (css,
                            "@font-face { font-family: \"Wenji Book body\"; font-weight: normal; "
                            "src: url(fonts/body.otf); }"));
  g_assert_nonnull (strstr (css, "\nbody { font-family: \"Wenji Book body\""));
  opf = entry (path, "OEBPS/content.opf");
  g_assert_nonnull (strstr (opf, "href=\"fonts/heading.otf\" media-type=\"font/otf\""));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    const char *argv[] = { "unzip", "-p", path, names[i], NULL };
    g_autofree char *err = NULL;
    g_autofree char *font = scratch_run_tool_full (argv, &err);
    gsize length = 0;

    /* scratch_run_tool_full stops at the first NUL: the start is enough. */
    length = strlen (font);
    g_assert_cmpuint (length, >=, 4);
    g_assert_true (memcmp (font, "OTTO", 4) == 0);
  }
  {
    const char *argv[] = { "unzip", "-l", path, NULL };
    g_autofree char *listing = scratch_run_tool (argv);
    g_auto (GStrv) lines = g_strsplit (listing, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      if (strstr (lines[i], "fonts/") != NULL)
        g_assert_cmpuint (g_ascii_strtoull (g_strchug (lines[i]), NULL, 10), <, 500 * 1024);
  }

  render_test_rmdir (dir);
}

static void
test_vertical (void)
{
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "直排.epub", NULL);
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *opf = NULL;
  g_autofree char *css = NULL;
  g_autofree char *chapter = NULL;

  g_ptr_array_add (articles, render_test_article ("直排的書", "他說：“這是‘引文’。”\n\n第二段，二〇二四年。",
                                                  "zh-Hant"));
  export_book (articles, TRUE, NULL, path);
  assert_epubcheck (path);

  opf = entry (path, "OEBPS/content.opf");
  g_assert_nonnull (strstr (opf, "<spine toc=\"ncx\" page-progression-direction=\"rtl\">"));
  css = entry (path, "OEBPS/style.css");
  g_assert_nonnull (strstr (css, "-epub-writing-mode: vertical-rl"));
  g_assert_nonnull (strstr (css, "-webkit-writing-mode: vertical-rl"));
  g_assert_nonnull (strstr (css, "\n  writing-mode: vertical-rl"));
  chapter = entry (path, "OEBPS/text/chapter-001.xhtml");
  g_assert_nonnull (strstr (chapter, "他說：「這是『引文』。」"));
  g_assert_null (strstr (chapter, "“"));

  render_test_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/epub/one-article", test_one_article);
  g_test_add_func ("/render/epub/fifty-articles", test_fifty_articles);
  g_test_add_func ("/render/epub/vertical", test_vertical);
  g_test_add_func ("/render/epub/embedded-fonts", test_embedded_fonts);

  return g_test_run ();
}
