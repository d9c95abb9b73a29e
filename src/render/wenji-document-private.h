/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wenji-document.h"

G_BEGIN_DECLS

/* Marks on the bytes an inline builder collects. */
#define WENJI_MARK_ESCAPED   (1 << 0) /* an escaped character: never a delimiter */
#define WENJI_MARK_SOFTBREAK (1 << 1) /* a soft line break, written as a space */
#define WENJI_MARK_IMAGE     (1 << 2) /* an image's alternative text */

/* Collects the inline content of one block byte by byte, so that the CJK
 * emphasis pass can turn literal delimiters into styles afterwards. */
typedef struct {
  GString   *text;
  GArray    *style;  /* guint16 per byte */
  GArray    *link;   /* guint16 per byte: 1 + index into hrefs, 0 for none */
  GArray    *marks;  /* guint8 per byte */
  GPtrArray *hrefs;
  char      *image_src;
  guint      n_images;
} WenjiInlineBuilder;

WenjiInlineBuilder *wenji_inline_builder_new      (void);
void                wenji_inline_builder_free     (WenjiInlineBuilder *builder);
void                wenji_inline_builder_append   (WenjiInlineBuilder *builder,
                                                   const char         *text,
                                                   gsize               len,
                                                   guint               style,
                                                   guint               link,
                                                   guint               marks);
guint               wenji_inline_builder_add_href (WenjiInlineBuilder *builder,
                                                   const char         *href);
gboolean            wenji_inline_builder_is_empty (WenjiInlineBuilder *builder);
gboolean            wenji_inline_builder_is_image (WenjiInlineBuilder *builder);
WenjiRichText      *wenji_inline_builder_finish   (WenjiInlineBuilder *builder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WenjiInlineBuilder, wenji_inline_builder_free)

WenjiRichText      *wenji_rich_text_new_plain     (const char         *text);

gboolean            wenji_char_is_cjk             (gunichar            c);

WenjiBlock         *wenji_block_new               (WenjiBlockKind      kind);
void                wenji_block_free              (WenjiBlock         *block);

GPtrArray          *wenji_markdown_parse          (const char         *markdown,
                                                   const char         *base_dir);

G_END_DECLS
