/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An article body, as the editor saves it: Markdown into the document model
 * the PDF and HTML writers lay out. */
#include "config.h"

#include "wenji-document-private.h"
#include "wenji-render.h"
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
  g_autoptr (WenjiDocument) document = NULL;

  if (text == NULL)
    return 0;

  /* No base folder: a relative image path stays text, so the fuzzer reads
   * no file of this machine's. */
  document = wenji_document_new_from_markdown (text, "zh-Hans", NULL);
  for (guint i = 0; i < wenji_document_get_n_blocks (document); i++) {
    const WenjiBlock *block = wenji_document_get_block (document, i);

    if (block->text != NULL && !g_utf8_validate (block->text->text, -1, NULL))
      g_error ("block %u holds text that is not UTF-8", i);
  }

  return 0;
}
