/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HTML export against a body full of cross-site scripting attempts: each
 * vector alone and all of them together must come out as a well-formed page
 * with no element, attribute or URL a browser would run, and with the
 * vector's text still readable where the article shows it as text. */

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "render-test.h"
#include "xss-vectors.h"

static char *
render (const char *body)
{
  g_autoptr (WenjiHtmlWriter) writer = wenji_html_writer_new (NULL);
  g_autoptr (WenjiArticle) article = render_test_article ("<script>alert(0)</script>", body,
                                                          "zh-Hans");

  return wenji_html_writer_render_article (writer, article);
}

/* xmllint's output; its warnings fail the test, so the page is well-formed. */
static char *
run_xmllint (const char * const *argv)
{
  g_autofree char *err = NULL;
  char *out = scratch_run_tool_full (argv, &err);

  g_assert_cmpstr (err, ==, "");
  return out;
}

/* What a browser's parser sees: elements that run or load, event handlers,
 * styles other than our table alignment, and links or sources that are not
 * web, mail, anchor or embedded raster image. */
static const char dangerous[] =
  "count(//script | //iframe | //object | //embed | //form | //button | //base | //link"
  " | //svg | //math | //frame | //frameset | //applet | //body//style | //body//meta"
  " | //meta[@http-equiv and @http-equiv != 'Content-Security-Policy']"
  " | //@*[starts-with(name(), 'on')] | //@action | //@formaction | //@data"
  " | //@style[not(starts-with(., 'text-align:'))]"
  " | //@href[not(starts-with(., 'https://') or starts-with(., 'http://')"
  "          or starts-with(., 'mailto:') or starts-with(., '#'))]"
  " | //@src[not(starts-with(., 'data:image/png;base64,')"
  " or starts-with(., 'data:image/jpeg;base64,')"
  "         or starts-with(., 'data:image/gif;base64,')"
  " or starts-with(., 'data:image/webp;base64,'))])";

/* What a naive reader of the bytes sees. */
static void
assert_source_inert (const char *html)
{
  static const char * const patterns[] = {
    "<\\s*/?\\s*(script|iframe|object|embed|form|button|base|link|svg|math|frame|applet)\\b",
    "<[^>]*\\son[a-z]+\\s*=",
    "(javascript|vbscript|livescript)\\s*:",
    "data:\\s*(text|image/svg|application)",
    "<meta\\s+http-equiv=\"(?!Content-Security-Policy\")",
  };

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++) {
    g_autoptr (GRegex) regex = g_regex_new (patterns[i], G_REGEX_CASELESS, 0, NULL);
    g_autoptr (GMatchInfo) match = NULL;

    if (g_regex_match (regex, html, 0, &match)) {
      g_autofree char *found = g_match_info_fetch (match, 0);
      g_error ("“%s” in the page:\n%s", found, html);
    }
  }

  /* Our own style sheet is the only one, and it is in the head. */
  g_assert_nonnull (strstr (html, "<style>"));
  g_assert_null (strstr (strstr (html, "<style>") + 1, "<style"));
  /* and the policy that backs all this up is there. */
  g_assert_nonnull (strstr (html, "content=\"default-src 'none'; "
                                  "img-src data:; style-src 'unsafe-inline'\""));
}

static char *
check_page (const char *dir,
            const char *name,
            const char *html,
            const char *visible)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.html", dir, name);
  const char *lint[] = { "xmllint", "--html", "--noout", path, NULL };
  const char *count[] = { "xmllint", "--html", "--xpath", dangerous, path, NULL };
  const char *text[] = { "xmllint", "--html", "--xpath", "string(//div[@class='article'])", path,
                         NULL };
  g_autofree char *lint_out = NULL;
  g_autofree char *count_out = NULL;
  char *text_out = NULL;

  g_test_message ("vector %s", name);
  g_assert_true (g_file_set_contents (path, html, -1, NULL));

  assert_source_inert (html);
  lint_out = run_xmllint (lint);
  count_out = run_xmllint (count);
  if (g_strcmp0 (g_strstrip (count_out), "0") != 0)
    g_error ("%s: %s dangerous nodes in the parsed page:\n%s", name, count_out, html);

  text_out = run_xmllint (text);
  if (visible != NULL && strstr (text_out, visible) == NULL)
    g_error ("%s: “%s” is not in the page's text:\n%s", name, visible, text_out);

  return text_out;
}

static void
test_each_vector (void)
{
  g_autofree char *dir = render_test_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++) {
    g_autofree char *html = render (vectors[i].body);
    g_autofree char *text = check_page (dir, vectors[i].name, html, vectors[i].visible);
  }
  render_test_rmdir (dir);
}

static void
test_all_vectors (void)
{
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    g_string_append_printf (body, "%s\n\n", vectors[i].body);
  html = render (body->str);

  text = check_page (dir, "all", html, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    if (strstr (text, vectors[i].visible) == NULL)
      g_error ("%s: “%s” is not in the page's text", vectors[i].name, vectors[i].visible);
  render_test_rmdir (dir);
}

/* The style sheet as a CSS tokenizer reads it: returns the text outside
 * strings and adds the value of each string, escapes undone, to @strings.
 * A string must end on its line. */
static char *
css_outside_strings (const char *css,
                     GPtrArray  *strings)
{
  GString *outside = g_string_new (NULL);
  const char *p = css;

  while (*p != '\0') {
    GString *value;
    char quote;

    if (*p != '"' && *p != '\'') {
      g_string_append_c (outside, *p++);
      continue;
    }

    quote = *p++;
    value = g_string_new (NULL);
    while (*p != quote) {
      g_assert_true (*p != '\0' && *p != '\n');
      if (*p == '\\' && g_ascii_isxdigit (p[1])) {
        gunichar c = 0;

        for (p++; g_ascii_isxdigit (*p); p++)
          c = c * 16 + g_ascii_xdigit_value (*p);
        if (*p == ' ')
          p++;
        g_string_append_unichar (value, c);
      } else if (*p == '\\') {
        g_assert_true (p[1] != '\0' && p[1] != '\n');
        g_string_append_c (value, p[1]);
        p += 2;
      } else {
        g_string_append_c (value, *p++);
      }
    }
    p++;
    g_ptr_array_add (strings, g_string_free (value, FALSE));
  }

  return g_string_free (outside, FALSE);
}

/* The rules of @html's style sheet, which must end where ours ends. */
static char *
style_rules (const char *html,
             GPtrArray  *strings)
{
  const char *start = strstr (html, "<style>\n");
  const char *end;
  g_autofree char *css = NULL;

  g_assert_nonnull (start);
  start += strlen ("<style>\n");
  end = strstr (start, "</");
  g_assert_true (g_str_has_prefix (end, "</style>\n</head>\n<body"));
  css = g_strndup (start, end - start);

  return css_outside_strings (css, strings);
}

/* A font family comes from the settings: whatever its name, it stays one
 * CSS string in the style sheet and the page around it is unchanged. */
static void
test_hostile_font_family (void)
{
  static const char * const families[] = {
    "x\"; } body { background:url(javascript:1) } \"",
    "</style><script>alert(1)</script>",
    "x'\\\"\n} * { color: red } <!-- \\3c /style>",
    "宋体\"); @import url(javascript:alert(1)); /*",
  };
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *harmless = render_test_html_with_fonts ("Harmless Serif", "Harmless Sans");
  g_autoptr (GPtrArray) harmless_strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *harmless_rules = style_rules (harmless, harmless_strings);

  for (guint i = 0; i < G_N_ELEMENTS (families); i++) {
    g_autofree char *name = g_strdup_printf ("font-family-%u", i);
    g_autofree char *html = render_test_html_with_fonts (families[i], families[i]);
    g_autofree char *text = check_page (dir, name, html, "正文 text。");
    g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *rules = style_rules (html, strings);

    g_assert_cmpstr (rules, ==, harmless_rules);
    g_assert_true (g_ptr_array_find_with_equal_func (strings, families[i], g_str_equal, NULL));
  }
  render_test_rmdir (dir);
}

/* The html-writer fuzz seeds, among them the inputs of past findings:
 * unbalanced-link.md made md4c close a link it never opened, and the
 * writer resized its link stack to 2^32 entries. */
static void
test_fuzz_seeds (void)
{
  g_autofree char *seeds = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "seeds", "html-writer",
                                                  NULL);
  g_autofree char *dir = render_test_tmpdir ();
  g_autoptr (GDir) folder = g_dir_open (seeds, 0, NULL);
  const char *name;
  guint n = 0;

  /* AddressSanitizer fails an absurd allocation by itself; without it, a
   * limit on the address space makes one fail as it would with real use. */
#ifndef __SANITIZE_ADDRESS__
  {
    struct rlimit limit = { (rlim_t) 8 << 30, (rlim_t) 8 << 30 };
    g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
  }
#endif

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder))) {
    g_autofree char *path = g_build_filename (seeds, name, NULL);
    g_autofree char *body = NULL;
    g_autofree char *html = NULL;
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (path, &body, NULL, NULL));
    html = render (body);
    text = check_page (dir, name, html, NULL);
    n++;
  }
  g_assert_cmpuint (n, >=, 6);
  render_test_rmdir (dir);
}

/* A body may name any path as an image: a device that never ends or blocks
 * is shown as its description, not read. */
static void
test_special_file_image (void)
{
  g_autofree char *html = render ("![零](/dev/zero)\n\n![随机](/dev/urandom)\n\n"
                                  "![页表](/proc/self/pagemap)\n\n![目录](/)");

  g_assert_null (strstr (html, "<img"));
  g_assert_nonnull (strstr (html, "零"));
  g_assert_nonnull (strstr (html, "页表"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/html-xss/each-vector", test_each_vector);
  g_test_add_func ("/render/html-xss/all-vectors", test_all_vectors);
  g_test_add_func ("/render/html-xss/fuzz-seeds", test_fuzz_seeds);
  g_test_add_func ("/render/html-xss/font-family", test_hostile_font_family);
  g_test_add_func ("/render/html-xss/special-file-image", test_special_file_image);

  return g_test_run ();
}
