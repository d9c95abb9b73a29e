/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "wenji-article.h"

G_BEGIN_DECLS

/**
 * WenjiStyle:
 *
 * Inline styles of a run of text; a run may carry several.
 */
typedef enum {
  WENJI_STYLE_NONE   = 0,
  WENJI_STYLE_EM     = 1 << 0,
  WENJI_STYLE_STRONG = 1 << 1,
  WENJI_STYLE_CODE   = 1 << 2,
  WENJI_STYLE_LINK   = 1 << 3,
  WENJI_STYLE_STRIKE = 1 << 4,
} WenjiStyle;

/**
 * WenjiSpan:
 * @start: byte offset of the first byte in the text
 * @end: byte offset after the last byte
 * @style: the styles of the run
 * @href: (nullable): the link target when @style has %WENJI_STYLE_LINK
 *
 * A run of text with one set of styles. The spans of a #WenjiRichText cover
 * its text without gaps, in order.
 */
typedef struct {
  guint       start;
  guint       end;
  WenjiStyle  style;
  const char *href;
} WenjiSpan;

/**
 * WenjiRichText:
 * @text: UTF-8, with no Markdown left in it
 * @spans: (element-type WenjiSpan): the runs of @text
 *
 * Styled text: the content of a paragraph, heading or table cell.
 */
typedef struct {
  char      *text;
  GArray    *spans;
  GPtrArray *hrefs;
} WenjiRichText;

void wenji_rich_text_free (WenjiRichText *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WenjiRichText, wenji_rich_text_free)

typedef enum {
  WENJI_BLOCK_TITLE,
  WENJI_BLOCK_BYLINE,
  WENJI_BLOCK_HEADING,
  WENJI_BLOCK_PARAGRAPH,
  WENJI_BLOCK_CODE,
  WENJI_BLOCK_RULE,
  WENJI_BLOCK_TABLE,
  WENJI_BLOCK_IMAGE,
} WenjiBlockKind;

typedef enum {
  WENJI_ALIGN_DEFAULT,
  WENJI_ALIGN_LEFT,
  WENJI_ALIGN_CENTER,
  WENJI_ALIGN_RIGHT,
} WenjiAlign;

/**
 * WenjiBlock:
 * @kind: what the block is
 * @level: the heading level, 1 to 6 (the title is 0)
 * @list_depth: how many lists the block is nested in
 * @quote_depth: how many block quotes the block is nested in
 * @marker: (nullable): the list marker ("1.", "•", "☐", "☑") of the first
 *   block of a list item
 * @ordered: the innermost list is ordered
 * @text: (nullable): the content of a title, byline, heading, paragraph or
 *   code block (code is unstyled)
 * @anchor: (nullable): a heading's anchor, for `#anchor` links
 * @n_columns: columns of a table
 * @n_head_rows: header rows of a table (0 or 1)
 * @cells: (element-type WenjiRichText): a table's cells, row by row
 * @aligns: (element-type WenjiAlign): a table's column alignments
 * @image_path: (nullable): an image's file, absolute
 * @hash: identifies the block's content and position in lists and quotes;
 *   equal hashes mean an equal layout
 *
 * One block of a document. Lists and quotes are flattened: their blocks
 * carry their depth and, for the first block of an item, its marker.
 */
typedef struct {
  WenjiBlockKind  kind;
  guint           level;
  guint           list_depth;
  guint           quote_depth;
  char           *marker;
  gboolean        ordered;
  WenjiRichText  *text;
  char           *anchor;
  guint           n_columns;
  guint           n_head_rows;
  GPtrArray      *cells;
  GArray         *aligns;
  char           *image_path;
  guint64         hash;
} WenjiBlock;

#define WENJI_TYPE_DOCUMENT (wenji_document_get_type ())

G_DECLARE_FINAL_TYPE (WenjiDocument, wenji_document, WENJI, DOCUMENT, GObject)

WenjiDocument    *wenji_document_new_from_markdown (const char    *markdown,
                                                    const char    *lang,
                                                    const char    *base_dir);
WenjiDocument    *wenji_document_new_for_article   (WenjiArticle  *article,
                                                    const char    *base_dir);
const char       *wenji_document_get_lang          (WenjiDocument *self);
const char       *wenji_document_get_title         (WenjiDocument *self);
guint             wenji_document_get_n_blocks      (WenjiDocument *self);
const WenjiBlock *wenji_document_get_block         (WenjiDocument *self,
                                                    guint          index);

guint64           wenji_hash_bytes                 (guint64        seed,
                                                    const void    *data,
                                                    gsize          len);
gboolean          wenji_url_is_safe                (const char    *url);

G_END_DECLS

G_BEGIN_DECLS

/**
 * WenjiExportProgress:
 * @done: articles written so far
 * @total: articles to write
 *
 * Called after each article of a batch, from the thread that writes.
 */
typedef void (*WenjiExportProgress) (guint    done,
                                     guint    total,
                                     gpointer user_data);

G_END_DECLS
