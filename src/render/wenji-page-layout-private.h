/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "wenji-block-style.h"
#include "wenji-page-layout.h"

G_BEGIN_DECLS

/* One line of a laid-out block (a table row counts as one line), relative
 * to the top of the block's content. */
typedef struct {
  double           top;
  double           height;
  double           baseline;
  double           left;      /* the line's offset in the block (indent, alignment) */
  PangoLayoutLine *line;     /* NULL for table rows, rules and images */
} WenjiLine;

/* A block laid out at the page width. Immutable once made, shared by every
 * block with the same hash, and kept across edits of the document. */
typedef struct {
  const WenjiBlock *block;   /* the block it was made for (for drawing links) */
  WenjiBlockKind    kind;
  const WenjiBlockStyle *style;
  PangoLayout      *layout;
  PangoLayout      *marker;
  GPtrArray        *cells;   /* PangoLayout per table cell */
  GArray           *column_x;
  cairo_surface_t  *image;
  double            image_scale;
  gboolean          upright;   /* an image turned back in a vertical page */
  GArray           *lines;   /* WenjiLine */
  double            x;
  double            width;
  double            space_before;
  double            space_after;
  gboolean          keep_with_next;
} WenjiBlockLayout;

WenjiBlockLayout *wenji_block_layout_new   (PangoContext         *context,
                                            const WenjiPageSetup *setup,
                                            const char           *lang,
                                            const WenjiBlock     *block,
                                            double                width);
WenjiBlockLayout *wenji_block_layout_ref   (WenjiBlockLayout     *layout);
void              wenji_block_layout_unref (WenjiBlockLayout     *layout);
double            wenji_block_layout_get_height (WenjiBlockLayout *layout);

void              wenji_block_layout_draw  (WenjiBlockLayout     *layout,
                                            cairo_t              *cr,
                                            double                x,
                                            double                y,
                                            guint                 first_line,
                                            guint                 n_lines,
                                            gboolean              tag_links,
                                            WenjiPageLayout      *page_layout);

PangoAttrList    *wenji_rich_text_to_attrs (const WenjiRichText  *text,
                                            PangoLanguage        *language);
gboolean          wenji_page_layout_find_anchor (WenjiPageLayout *self,
                                                 const char      *anchor,
                                                 guint           *page,
                                                 double          *x,
                                                 double          *y);

G_END_DECLS
