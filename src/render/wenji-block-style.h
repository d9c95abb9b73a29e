/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "wenji-page-setup.h"

G_BEGIN_DECLS

/**
 * WenjiBlockStyleKind:
 * @WENJI_BLOCK_STYLE_TITLE: the article's title
 * @WENJI_BLOCK_STYLE_BYLINE: the author, source and date under it
 * @WENJI_BLOCK_STYLE_HEADING_1: a heading of the text, down to level 6
 * @WENJI_BLOCK_STYLE_PARAGRAPH: a paragraph
 * @WENJI_BLOCK_STYLE_PARAGRAPH_INDENTED: a paragraph when its first line is
 *   indented (首行缩进)
 * @WENJI_BLOCK_STYLE_LIST_ITEM: a paragraph in a list, @inset for each level
 * @WENJI_BLOCK_STYLE_QUOTE: a block quote, @inset for each level, its bar in
 *   @line_color
 * @WENJI_BLOCK_STYLE_CODE: a block of code on its @background
 * @WENJI_BLOCK_STYLE_RULE: a horizontal rule, @size its line's height
 * @WENJI_BLOCK_STYLE_TABLE: a table, @background the head rows'
 * @WENJI_BLOCK_STYLE_FIGURE: a picture
 *
 * The kinds of block the house style describes.
 */
typedef enum {
  WENJI_BLOCK_STYLE_TITLE,
  WENJI_BLOCK_STYLE_BYLINE,
  WENJI_BLOCK_STYLE_HEADING_1,
  WENJI_BLOCK_STYLE_HEADING_2,
  WENJI_BLOCK_STYLE_HEADING_3,
  WENJI_BLOCK_STYLE_HEADING_4,
  WENJI_BLOCK_STYLE_HEADING_5,
  WENJI_BLOCK_STYLE_HEADING_6,
  WENJI_BLOCK_STYLE_PARAGRAPH,
  WENJI_BLOCK_STYLE_PARAGRAPH_INDENTED,
  WENJI_BLOCK_STYLE_LIST_ITEM,
  WENJI_BLOCK_STYLE_QUOTE,
  WENJI_BLOCK_STYLE_CODE,
  WENJI_BLOCK_STYLE_RULE,
  WENJI_BLOCK_STYLE_TABLE,
  WENJI_BLOCK_STYLE_FIGURE,
  WENJI_N_BLOCK_STYLES
} WenjiBlockStyleKind;

/* No background. */
#define WENJI_BLOCK_STYLE_NO_COLOR 0xFFFFFFFFu

/**
 * WenjiDecoration:
 * @WENJI_DECORATION_NONE: nothing beside the text
 * @WENJI_DECORATION_BAR: a bar in @line_color before the first line
 * @WENJI_DECORATION_RULE: a rule in @line_color under the last line
 */
typedef enum {
  WENJI_DECORATION_NONE,
  WENJI_DECORATION_BAR,
  WENJI_DECORATION_RULE,
} WenjiDecoration;

/**
 * WenjiBlockStyle:
 * @role: which family of the page setup the text takes
 * @size: the text size, in body sizes (em)
 * @line_height: the distance of lines, in text sizes; 0 for the page
 *   setup's
 * @bold: the text is bold
 * @centered: the lines are centred
 * @space_before: space above the block, in body sizes
 * @space_after: space below it, in body sizes
 * @inset: how far the text stands in from the left, in body sizes
 * @padding: the room between the text and its background or borders
 * @first_line: the indent of the first line, in body sizes
 * @color: the text, 0xRRGGBB
 * @background: 0xRRGGBB or %WENJI_BLOCK_STYLE_NO_COLOR
 * @line_color: bars, rules and borders, 0xRRGGBB
 * @decoration: what a heading has beside it
 *
 * How one kind of block looks. The pages (Pango), the HTML style sheet and
 * every other writer read these numbers, so they cannot drift apart.
 */
typedef struct {
  WenjiFontRole role;
  double        size;
  double        line_height;
  gboolean      bold;
  gboolean      centered;
  double        space_before;
  double        space_after;
  double        inset;
  double        padding;
  double        first_line;
  guint32       color;
  guint32       background;
  guint32       line_color;
  WenjiDecoration decoration;
} WenjiBlockStyle;

const WenjiBlockStyle *wenji_block_style_get         (WenjiBlockStyleKind kind);
const WenjiBlockStyle *wenji_block_style_get_themed  (WenjiBlockStyleKind kind,
                                                      WenjiTheme          theme);
guint32                wenji_theme_get_accent        (WenjiTheme          theme);
WenjiBlockStyleKind         wenji_block_style_for_heading (guint          level);
void                   wenji_block_style_rgb         (guint32        color,
                                                      double        *red,
                                                      double        *green,
                                                      double        *blue);

G_END_DECLS
