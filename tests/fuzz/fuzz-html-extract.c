/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A saved web page, already decoded: glosses removed, then the article,
 * its byline and its metadata extracted, as the importer does. */
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

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_input_text (data, size);
  g_autofree char *unglossed = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GError) error = NULL;

  if (text == NULL)
    return 0;

  unglossed = wenji_import_remove_glosses (text, NULL);
  articles = wenji_import_parse_html ("fuzz.html", unglossed ? unglossed : text, &error);
  if ((articles == NULL) == (error == NULL))
    g_error ("HTML extraction returned %s with %s",
             articles ? "articles" : "nothing", error ? "an error" : "no error");
  for (guint i = 0; articles != NULL && i < articles->len; i++)
    if (!g_utf8_validate (wenji_article_get_body (articles->pdata[i]), -1, NULL))
      g_error ("HTML extraction returned a body that is not UTF-8");

  return 0;
}
