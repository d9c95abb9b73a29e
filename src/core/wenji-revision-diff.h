/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  WENJI_DIFF_SAME,
  WENJI_DIFF_REMOVED,
  WENJI_DIFF_ADDED,
} WenjiDiffOp;

/**
 * WenjiDiffChunk:
 * @op: whether @text is in both texts, only the old one or only the new one
 * @text: a run of text; whole lines end with a newline
 */
typedef struct {
  WenjiDiffOp  op;
  char        *text;
} WenjiDiffChunk;

void       wenji_diff_chunk_free (WenjiDiffChunk *chunk);
GPtrArray *wenji_revision_diff   (const char     *old_text,
                                  const char     *new_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WenjiDiffChunk, wenji_diff_chunk_free)

G_END_DECLS
