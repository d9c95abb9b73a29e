/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The house style: one description per kind of block, in sizes of the
 * body text, read by the Pango pages and by the HTML writer.
 */
#include "config.h"

#include "wenji-block-style.h"

#define TEXT 0x1A1A1A

#define HEADING(scale) \
  { WENJI_FONT_HEADING, scale, 1.5, TRUE, FALSE, 1.2, 0.5, 0, 0, 0, \
    TEXT, WENJI_BLOCK_STYLE_NO_COLOR, TEXT, WENJI_DECORATION_NONE }

static const WenjiBlockStyle styles[WENJI_N_BLOCK_STYLES] = {
  [WENJI_BLOCK_STYLE_TITLE] =
    { WENJI_FONT_HEADING, 1.9, 1.4, TRUE, TRUE, 0, 0.8, 0, 0, 0,
      TEXT, WENJI_BLOCK_STYLE_NO_COLOR, TEXT },
  [WENJI_BLOCK_STYLE_BYLINE] =
    { WENJI_FONT_HEADING, 0.9, 1.6, FALSE, TRUE, 0, 1.8, 0, 0, 0,
      0x666666, WENJI_BLOCK_STYLE_NO_COLOR, TEXT },
  [WENJI_BLOCK_STYLE_HEADING_1] = HEADING (1.6),
  [WENJI_BLOCK_STYLE_HEADING_2] = HEADING (1.35),
  [WENJI_BLOCK_STYLE_HEADING_3] = HEADING (1.2),
  [WENJI_BLOCK_STYLE_HEADING_4] = HEADING (1.1),
  [WENJI_BLOCK_STYLE_HEADING_5] = HEADING (1.0),
  [WENJI_BLOCK_STYLE_HEADING_6] = HEADING (1.0),
  [WENJI_BLOCK_STYLE_PARAGRAPH] =
    { WENJI_FONT_BODY, 1.0, 0, FALSE, FALSE, 0, 0.7, 0, 0, 0,
      TEXT, WENJI_BLOCK_STYLE_NO_COLOR, TEXT },
  [WENJI_BLOCK_STYLE_PARAGRAPH_INDENTED] =
    { WENJI_FONT_BODY, 1.0, 0, FALSE, FALSE, 0, 0.3, 0, 0, 2.0,
      TEXT, WENJI_BLOCK_STYLE_NO_COLOR, TEXT },
  [WENJI_BLOCK_STYLE_LIST_ITEM] =
    { WENJI_FONT_BODY, 1.0, 0, FALSE, FALSE, 0, 0.2, 2.0, 0, 0,
      TEXT, WENJI_BLOCK_STYLE_NO_COLOR, TEXT },
  [WENJI_BLOCK_STYLE_QUOTE] =
    { WENJI_FONT_BODY, 1.0, 0, FALSE, FALSE, 0, 0, 1.5, 0.3, 0,
      TEXT, WENJI_BLOCK_STYLE_NO_COLOR, 0xBFBFBF },
  [WENJI_BLOCK_STYLE_CODE] =
    { WENJI_FONT_MONO, 0.85, 1.5, FALSE, FALSE, 0.4, 0.9, 0.6, 0.4, 0,
      TEXT, 0xF2F2F2, TEXT },
  [WENJI_BLOCK_STYLE_RULE] =
    { WENJI_FONT_BODY, 1.5, 1.0, FALSE, TRUE, 0, 0.5, 0, 0, 0,
      TEXT, WENJI_BLOCK_STYLE_NO_COLOR, 0x999999 },
  [WENJI_BLOCK_STYLE_TABLE] =
    { WENJI_FONT_BODY, 0.95, 1.5, FALSE, FALSE, 0.3, 0.8, 0, 0.4, 0,
      TEXT, 0xEDEDED, 0x999999 },
  [WENJI_BLOCK_STYLE_FIGURE] =
    { WENJI_FONT_BODY, 1.0, 0, FALSE, TRUE, 0, 0.6, 0, 0, 0,
      TEXT, WENJI_BLOCK_STYLE_NO_COLOR, TEXT },
};

/**
 * wenji_block_style_get:
 *
 * Returns: (transfer none): how blocks of @kind look
 */
const WenjiBlockStyle *
wenji_block_style_get (WenjiBlockStyleKind kind)
{
  g_return_val_if_fail (kind < WENJI_N_BLOCK_STYLES, &styles[WENJI_BLOCK_STYLE_PARAGRAPH]);

  return &styles[kind];
}

/* What a theme lays over the house style. */
static const struct {
  guint32         text;
  guint32         accent;
  gboolean        centered_headings;
  WenjiDecoration decoration;
} themes[WENJI_N_THEMES] = {
  [WENJI_THEME_HOUSE] = { TEXT, 0x1A5FB4, FALSE, WENJI_DECORATION_NONE },
  [WENJI_THEME_FRESH] = { 0x333333, 0x0E7C7B, FALSE, WENJI_DECORATION_BAR },
  [WENJI_THEME_INK] = { 0x2B2B2B, 0x8B1A1A, TRUE, WENJI_DECORATION_RULE },
};

static WenjiBlockStyle themed[WENJI_N_THEMES][WENJI_N_BLOCK_STYLES];

static gpointer
build_themes (gpointer data)
{
  for (guint theme = 0; theme < WENJI_N_THEMES; theme++) {
    for (guint kind = 0; kind < WENJI_N_BLOCK_STYLES; kind++) {
      WenjiBlockStyle *style = &themed[theme][kind];
      gboolean heading = kind >= WENJI_BLOCK_STYLE_HEADING_1 && kind <= WENJI_BLOCK_STYLE_HEADING_6;

      *style = styles[kind];
      if (theme == WENJI_THEME_HOUSE)
        continue;

      if (style->color == TEXT)
        style->color = themes[theme].text;
      if (heading || kind == WENJI_BLOCK_STYLE_TITLE)
        style->color = themes[theme].accent;
      if (heading) {
        style->line_color = themes[theme].accent;
        style->decoration = themes[theme].decoration;
        style->centered = themes[theme].centered_headings;
      }
      if (kind == WENJI_BLOCK_STYLE_QUOTE)
        style->line_color = themes[theme].accent;
    }
  }

  return NULL;
}

/**
 * wenji_block_style_get_themed:
 * @theme: the colours and heading styles to lay over the house style
 *
 * Returns: (transfer none): how blocks of @kind look in @theme
 */
const WenjiBlockStyle *
wenji_block_style_get_themed (WenjiBlockStyleKind kind,
                              WenjiTheme          theme)
{
  static GOnce once = G_ONCE_INIT;

  g_return_val_if_fail (kind < WENJI_N_BLOCK_STYLES, wenji_block_style_get (kind));

  g_once (&once, build_themes, NULL);
  return &themed[MIN (theme, WENJI_N_THEMES - 1)][kind];
}

/**
 * wenji_theme_get_accent:
 *
 * Returns: the colour of @theme's links and headings, 0xRRGGBB
 */
guint32
wenji_theme_get_accent (WenjiTheme theme)
{
  return themes[MIN (theme, WENJI_N_THEMES - 1)].accent;
}

/**
 * wenji_block_style_for_heading:
 * @level: a heading's level, 1 to 6 (others are clamped)
 *
 * Returns: the style of a heading of that level
 */
WenjiBlockStyleKind
wenji_block_style_for_heading (guint level)
{
  return WENJI_BLOCK_STYLE_HEADING_1 + CLAMP (level, 1, 6) - 1;
}

void
wenji_block_style_rgb (guint32  color,
                       double  *red,
                       double  *green,
                       double  *blue)
{
  *red = ((color >> 16) & 0xFF) / 255.0;
  *green = ((color >> 8) & 0xFF) / 255.0;
  *blue = (color & 0xFF) / 255.0;
}
