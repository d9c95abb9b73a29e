/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

typedef enum {
  WENJI_PAPER_A4,
  WENJI_PAPER_A5,
  WENJI_PAPER_B5,
  WENJI_PAPER_LETTER,
} WenjiPaper;

/**
 * WenjiPageSetup:
 * @paper: the page size
 * @margin_top: margins, in points
 * @font_size: the body size, in points
 * @line_height: distance between lines as a multiple of the font size
 * @indent: indent the first line of each paragraph by two characters (首行缩进)
 * @page_numbers: number the pages in the footer
 *
 * How pages look; the fonts follow the document's language.
 */
typedef struct {
  WenjiPaper paper;
  double     margin_top;
  double     margin_bottom;
  double     margin_left;
  double     margin_right;
  double     font_size;
  double     line_height;
  gboolean   indent;
  gboolean   page_numbers;
} WenjiPageSetup;

typedef enum {
  WENJI_FONT_BODY,
  WENJI_FONT_HEADING,
  WENJI_FONT_MONO,
} WenjiFontRole;

void           wenji_page_setup_init       (WenjiPageSetup *setup);
void           wenji_page_setup_get_size   (const WenjiPageSetup *setup,
                                            double         *width,
                                            double         *height);
gboolean       wenji_paper_from_string     (const char     *name,
                                            WenjiPaper     *paper);

const char    *wenji_font_family           (WenjiFontRole   role,
                                            const char     *lang);
PangoLanguage *wenji_pango_language        (const char     *lang);

G_END_DECLS
