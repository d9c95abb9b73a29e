/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/**
 * WenjiTheme:
 * @WENJI_THEME_HOUSE: the pages' own look, black headings on white
 * @WENJI_THEME_FRESH: teal headings with a bar before them (清新)
 * @WENJI_THEME_INK: dark red centred headings over a rule (墨韵)
 *
 * The colours and heading styles laid over the house style; the WeChat
 * copy offers them, and whatever reads a page setup follows them.
 */
typedef enum {
  WENJI_THEME_HOUSE,
  WENJI_THEME_FRESH,
  WENJI_THEME_INK,
  WENJI_N_THEMES
} WenjiTheme;

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
 * @body_font: (nullable): the family of the text, an interned string, or
 *   %NULL for the font of the document's language
 * @heading_font: (nullable): the family of the title and headings, likewise
 * @theme: the colours and heading styles
 * @vertical: the text runs in columns from top to bottom, right to left
 *   (直排), and the pages turn from right to left
 * @embed_fonts: a book (EPUB) carries subsets of its fonts, for readers
 *   without Chinese fonts (a PDF always does)
 *
 * How pages look. The struct is copied by value; set the fonts with
 * wenji_page_setup_set_fonts(), which interns them.
 */
typedef struct {
  WenjiPaper  paper;
  double      margin_top;
  double      margin_bottom;
  double      margin_left;
  double      margin_right;
  double      font_size;
  double      line_height;
  gboolean    indent;
  gboolean    page_numbers;
  const char *body_font;
  const char *heading_font;
  WenjiTheme  theme;
  gboolean    vertical;
  gboolean    embed_fonts;
} WenjiPageSetup;

typedef enum {
  WENJI_FONT_BODY,
  WENJI_FONT_HEADING,
  WENJI_FONT_MONO,
} WenjiFontRole;

void           wenji_page_setup_init            (WenjiPageSetup       *setup);
void           wenji_page_setup_set_fonts       (WenjiPageSetup       *setup,
                                                 const char           *body_font,
                                                 const char           *heading_font);
gboolean       wenji_page_setup_equal           (const WenjiPageSetup *a,
                                                 const WenjiPageSetup *b);
void           wenji_page_setup_get_size        (const WenjiPageSetup *setup,
                                                 double               *width,
                                                 double               *height);
const char    *wenji_page_setup_get_font_family (const WenjiPageSetup *setup,
                                                 WenjiFontRole         role,
                                                 const char           *lang);
const char    *wenji_page_setup_get_punctuation_family (const WenjiPageSetup *setup,
                                                        WenjiFontRole         role,
                                                        const char           *lang);
gboolean       wenji_paper_from_string          (const char           *name,
                                                 WenjiPaper           *paper);
gboolean       wenji_theme_from_string          (const char           *name,
                                                 WenjiTheme           *theme);
const char    *wenji_theme_to_string            (WenjiTheme            theme);

const char    *wenji_font_family                (WenjiFontRole         role,
                                                 const char           *lang);
PangoLanguage *wenji_pango_language             (const char           *lang);

G_END_DECLS
