/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Any bytes, as a file on disk would hold them: decoded as a text file and
 * as an HTML page, the result is UTF-8 or an error, never both or neither. */
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
decode (const uint8_t *data,
        size_t         size,
        gboolean       html)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = wenji_import_decode (html ? "fuzz.html" : "fuzz.txt",
                                               (const char *) data, size, html, NULL, &error);

  if ((text == NULL) == (error == NULL))
    g_error ("decode returned %s with %s", text ? "text" : "nothing",
             error ? "an error" : "no error");
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    g_error ("decode returned text that is not UTF-8");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  decode (data, size, FALSE);
  decode (data, size, TRUE);
  return 0;
}
