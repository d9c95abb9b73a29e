/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An article body rendered to a standalone HTML file: whatever the body,
 * the output is UTF-8 and holds no script element, no event handler and
 * no javascript: link. */
#include "config.h"

#include "wenji-render.h"
#include "fuzz-input.h"

static GRegex *executable;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_input_init ();
  executable = g_regex_new ("<\\s*script|<[^>]*\\son[a-z]+\\s*=|"
                            "(href|src)\\s*=\\s*\"\\s*(javascript|vbscript|data:text)",
                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_input_text (data, size);
  g_autoptr (WenjiHtmlWriter) writer = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autofree char *html = NULL;

  if (text == NULL)
    return 0;

  /* Absolute image paths are files of this machine's, which a fuzzer may
   * not read (/dev/zero, /proc/...); the image test covers them. */
  if (strstr (text, "](/") != NULL || strstr (text, "file:") != NULL ||
      strstr (text, "]: /") != NULL)
    return 0;

  writer = wenji_html_writer_new (NULL);
  article = wenji_article_new ();
  wenji_article_set_title (article, "标题");
  wenji_article_set_lang (article, "zh-Hans");
  wenji_article_set_body (article, text);
  html = wenji_html_writer_render_article (writer, article);

  if (!g_utf8_validate (html, -1, NULL))
    g_error ("the HTML is not UTF-8");
  if (g_regex_match (executable, html, 0, NULL))
    g_error ("the HTML holds something executable:\n%s", html);

  return 0;
}
