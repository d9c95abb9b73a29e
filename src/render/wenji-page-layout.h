/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "wenji-document.h"
#include "wenji-page-setup.h"

G_BEGIN_DECLS

/**
 * WenjiHeadingPosition:
 * @level: 0 for the title, else 1 to 6
 * @text: the heading's text
 * @anchor: (nullable): its anchor
 * @page: the page it starts on, from 0
 * @x: where its text starts, in points from the page's left edge
 * @y: where its first line's top is, in points from the page's top edge
 */
typedef struct {
  guint       level;
  const char *text;
  const char *anchor;
  guint       page;
  double      x;
  double      y;
} WenjiHeadingPosition;

#define WENJI_TYPE_PAGE_LAYOUT (wenji_page_layout_get_type ())

G_DECLARE_FINAL_TYPE (WenjiPageLayout, wenji_page_layout, WENJI, PAGE_LAYOUT, GObject)

WenjiPageLayout *wenji_page_layout_new                  (const WenjiPageSetup *setup);
const WenjiPageSetup *wenji_page_layout_get_setup       (WenjiPageLayout      *self);
gboolean         wenji_page_layout_set_setup            (WenjiPageLayout      *self,
                                                         const WenjiPageSetup *setup);
void             wenji_page_layout_set_document         (WenjiPageLayout      *self,
                                                         WenjiDocument        *document);
WenjiDocument   *wenji_page_layout_get_document         (WenjiPageLayout      *self);
guint            wenji_page_layout_get_n_pages          (WenjiPageLayout      *self);
void             wenji_page_layout_get_page_size        (WenjiPageLayout      *self,
                                                         double               *width,
                                                         double               *height);
void             wenji_page_layout_set_first_page_number (WenjiPageLayout     *self,
                                                         guint                 number);
void             wenji_page_layout_draw_page            (WenjiPageLayout      *self,
                                                         cairo_t              *cr,
                                                         guint                 page);
GArray          *wenji_page_layout_get_headings         (WenjiPageLayout      *self);
guint            wenji_page_layout_get_n_blocks_laid_out (WenjiPageLayout     *self);

G_END_DECLS
