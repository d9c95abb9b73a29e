/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A plain-text or Markdown file, already decoded: split into lines, the
 * byline and page furniture sorted out, the article built. */
#include "config.h"

#include "wenji-import-private.h"
#include "fuzz-input.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_input_init ();
  return 0;
}

static void
check (GPtrArray  *articles,
       GError     *error,
       const char *what)
{
  if ((articles == NULL) == (error == NULL))
    g_error ("%s returned %s with %s", what,
             articles ? "articles" : "nothing", error ? "an error" : "no error");
  for (guint i = 0; articles != NULL && i < articles->len; i++) {
    WenjiArticle *article = articles->pdata[i];
    const char *fields[] = {
      wenji_article_get_title (article), wenji_article_get_body (article),
      wenji_article_get_author (article), wenji_article_get_source (article),
    };

    for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
      if (fields[j] != NULL && !g_utf8_validate (fields[j], -1, NULL))
        g_error ("%s returned a field that is not UTF-8", what);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_input_text (data, size);
  g_autofree char *paragraphs = NULL;
  g_autoptr (GPtrArray) plain = NULL;
  g_autoptr (GPtrArray) markdown = NULL;
  g_autoptr (GError) plain_error = NULL;
  g_autoptr (GError) markdown_error = NULL;

  if (text == NULL)
    return 0;

  plain = wenji_import_parse_text ("fuzz.txt", text, &plain_error);
  check (plain, plain_error, "text extraction");
  markdown = wenji_import_parse_markdown ("fuzz.md", text, &markdown_error);
  check (markdown, markdown_error, "Markdown import");
  paragraphs = wenji_import_paragraphs (text);

  return 0;
}
