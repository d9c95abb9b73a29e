/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The CSS of the house style's blocks (wenji-block-style.c) for the HTML
 * and EPUB writers: the same sizes, spacing, rules and boxes the PDF pages
 * use, in ems of each element's own size, and in logical directions when
 * the pages are vertical.
 */
#include "config.h"

#include "wenji-block-style.h"
#include "wenji-html-style-private.h"

/* The elements each kind of block of the house style becomes. */
static const char * const style_selectors[WENJI_N_BLOCK_STYLES] = {
  [WENJI_BLOCK_STYLE_TITLE] = ".header h1.title",
  [WENJI_BLOCK_STYLE_BYLINE] = ".byline",
  [WENJI_BLOCK_STYLE_HEADING_1] = "h1",
  [WENJI_BLOCK_STYLE_HEADING_2] = "h2",
  [WENJI_BLOCK_STYLE_HEADING_3] = "h3",
  [WENJI_BLOCK_STYLE_HEADING_4] = "h4",
  [WENJI_BLOCK_STYLE_HEADING_5] = "h5",
  [WENJI_BLOCK_STYLE_HEADING_6] = "h6",
  [WENJI_BLOCK_STYLE_PARAGRAPH] = "p",
  [WENJI_BLOCK_STYLE_PARAGRAPH_INDENTED] = "body.indent .article > p",
  [WENJI_BLOCK_STYLE_LIST_ITEM] = "li",
  [WENJI_BLOCK_STYLE_QUOTE] = "blockquote",
  [WENJI_BLOCK_STYLE_CODE] = "pre",
  [WENJI_BLOCK_STYLE_RULE] = "hr",
  [WENJI_BLOCK_STYLE_TABLE] = "table",
  [WENJI_BLOCK_STYLE_FIGURE] = ".figure",
};

/* A length in the element's own ems from one in body sizes. */
static void
append_em (GString *out,
           double   body_ems,
           double   size)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (body_ems == 0) {
    g_string_append_c (out, '0');
    return;
  }
  g_ascii_formatd (number, sizeof number, "%.3g", body_ems / size);
  g_string_append_printf (out, "%sem", number);
}

static void
append_number (GString *out,
               double   value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (number, sizeof number, "%.3g", value));
}

/* A box property (margin, padding) from its logical sides, in body sizes:
 * block-start, inline-end, block-end, inline-start. Vertical text (直排)
 * runs top to bottom in columns from the right: its block-start is the
 * right, its inline-start the top. */
static void
append_box (GString    *out,
            const char *property,
            gboolean    vertical,
            double      size,
            double      block_start,
            double      inline_end,
            double      block_end,
            double      inline_start)
{
  double sides[4];

  if (vertical) {
    sides[0] = inline_start;
    sides[1] = block_start;
    sides[2] = inline_end;
    sides[3] = block_end;
  } else {
    sides[0] = block_start;
    sides[1] = inline_end;
    sides[2] = block_end;
    sides[3] = inline_start;
  }

  g_string_append_printf (out, "%s:", property);
  for (guint i = 0; i < 4; i++) {
    g_string_append_c (out, ' ');
    if (sides[i] < 0)
      g_string_append (out, "auto");
    else
      append_em (out, sides[i], size);
  }
  g_string_append (out, "; ");
}

/* A border on the inline-start side (the left, or the top of vertical
 * text) or on the block-end side (the bottom, or the left). */
static void
append_border (GString    *out,
               gboolean    vertical,
               gboolean    inline_start,
               const char *width,
               guint32     color)
{
  const char *side = inline_start ? (vertical ? "top" : "left") : (vertical ? "left" : "bottom");

  g_string_append_printf (out, "border-%s: %s solid #%06X; ", side, width, color);
}

/* The CSS of every kind of block, from the numbers the pages use. */
void
wenji_html_append_block_styles (GString              *out,
                                const WenjiPageSetup *setup)
{
  gboolean vertical = setup->vertical;

  for (guint kind = 0; kind < WENJI_N_BLOCK_STYLES; kind++) {
    const WenjiBlockStyle *style = wenji_block_style_get_themed (kind, setup->theme);
    double size = kind == WENJI_BLOCK_STYLE_RULE ? 1.0 : style->size;

    g_string_append_printf (out, "%s { ", style_selectors[kind]);
    if (kind != WENJI_BLOCK_STYLE_RULE) {
      g_string_append (out, "font-size: ");
      append_number (out, size);
      g_string_append (out, "em; ");
      if (style->line_height > 0) {
        g_string_append (out, "line-height: ");
        append_number (out, style->line_height);
        g_string_append (out, "; ");
      }
      g_string_append_printf (out, "font-weight: %d; color: #%06X; ",
                              style->bold ? 700 : 400, style->color);
    }
    if (style->centered)
      g_string_append (out, "text-align: center; ");
    if (style->first_line > 0) {
      g_string_append (out, "text-indent: ");
      append_em (out, style->first_line, size);
      g_string_append (out, "; ");
    }
    if (style->background != WENJI_BLOCK_STYLE_NO_COLOR && kind != WENJI_BLOCK_STYLE_TABLE)
      g_string_append_printf (out, "background: #%06X; ", style->background);

    switch (kind) {
    case WENJI_BLOCK_STYLE_RULE:
      /* The rule is drawn across the middle of a line @size high. */
      append_box (out, "margin", vertical, size, style->size / 2, -1,
                  style->size / 2 + style->space_after, -1);
      append_border (out, vertical, !vertical, "1px", style->line_color);
      break;
    case WENJI_BLOCK_STYLE_QUOTE:
      /* The bar stands @padding in from the quote's edge. */
      append_box (out, "margin", vertical, size, 0, 0, 0, style->padding);
      append_box (out, "padding", vertical, size, 0, 0, 0, style->inset - style->padding);
      append_border (out, vertical, TRUE, "2px", style->line_color);
      break;
    case WENJI_BLOCK_STYLE_CODE:
      append_box (out, "margin", vertical, size, style->space_before, style->inset - style->padding,
                  style->space_after, style->inset - style->padding);
      append_box (out, "padding", vertical, size, style->padding / 2, style->padding,
                  style->padding / 2, style->padding);
      break;
    default:
      append_box (out, "margin", vertical, size, style->space_before, 0, style->space_after, 0);
      break;
    }

    if (style->decoration == WENJI_DECORATION_BAR) {
      append_border (out, vertical, TRUE, "0.25em", style->line_color);
      append_box (out, "padding", vertical, size, 0, 0, 0, 0.55);
    } else if (style->decoration == WENJI_DECORATION_RULE) {
      append_border (out, vertical, FALSE, "2px", style->line_color);
    }
    g_string_append (out, "}\n");

    if (kind == WENJI_BLOCK_STYLE_LIST_ITEM) {
      g_string_append_printf (out, "ul, ol { padding-%s: ", vertical ? "top" : "left");
      append_em (out, style->inset, 1.0);
      g_string_append (out, "; }\nli > p { margin: 0; }\n");
    } else if (kind == WENJI_BLOCK_STYLE_TABLE) {
      g_string_append_printf (out, "th, td { border: 1px solid #%06X; padding: ",
                              style->line_color);
      append_em (out, style->padding, size);
      g_string_append_printf (out, "; }\nthead { background: #%06X; }\n", style->background);
    }
  }
}
