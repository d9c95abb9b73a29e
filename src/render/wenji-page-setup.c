/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Page sizes, and the fonts a language gets. Noto Serif CJK for the body and
 * Noto Sans CJK for headings, in the SC or TC flavour, when fontconfig has
 * them; otherwise the generic families, which fontconfig resolves with the
 * language set on the layout. A family chosen in the setup goes first, and
 * the language's font after it takes the characters it has no glyphs for.
 */
#include "config.h"

#include <pango/pangocairo.h>

#include "wenji-page-setup.h"

#define MM (72.0 / 25.4)

static const struct {
  const char *name;
  double      width;
  double      height;
} papers[] = {
  [WENJI_PAPER_A4] = { "a4", 210 * MM, 297 * MM },
  [WENJI_PAPER_A5] = { "a5", 148 * MM, 210 * MM },
  [WENJI_PAPER_B5] = { "b5", 176 * MM, 250 * MM },
  [WENJI_PAPER_LETTER] = { "letter", 612, 792 },
};

/**
 * wenji_page_setup_init:
 * @setup: the setup to fill
 *
 * A4, 25 mm margins, 11 pt text at 1.8 lines, no first-line indent, page
 * numbers, the fonts of the document's language.
 */
void
wenji_page_setup_init (WenjiPageSetup *setup)
{
  setup->paper = WENJI_PAPER_A4;
  setup->margin_top = 25 * MM;
  setup->margin_bottom = 25 * MM;
  setup->margin_left = 25 * MM;
  setup->margin_right = 25 * MM;
  setup->font_size = 11;
  setup->line_height = 1.8;
  setup->indent = FALSE;
  setup->page_numbers = TRUE;
  setup->body_font = NULL;
  setup->heading_font = NULL;
  setup->theme = WENJI_THEME_HOUSE;
  setup->vertical = FALSE;
  setup->embed_fonts = FALSE;
}

static const char *
intern_family (const char *family)
{
  g_autofree char *stripped = NULL;

  if (family == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (family));
  return *stripped != '\0' ? g_intern_string (stripped) : NULL;
}

/**
 * wenji_page_setup_set_fonts:
 * @setup: the setup
 * @body_font: (nullable): the family of the text; %NULL or empty for the
 *   font of the document's language
 * @heading_font: (nullable): the family of the title and headings, likewise
 *
 * Sets the fonts as interned strings, so that the setup stays a plain value
 * that can be copied and compared.
 */
void
wenji_page_setup_set_fonts (WenjiPageSetup *setup,
                            const char     *body_font,
                            const char     *heading_font)
{
  g_return_if_fail (setup != NULL);
  g_return_if_fail (body_font == NULL || g_utf8_validate (body_font, -1, NULL));
  g_return_if_fail (heading_font == NULL || g_utf8_validate (heading_font, -1, NULL));

  setup->body_font = intern_family (body_font);
  setup->heading_font = intern_family (heading_font);
}

/**
 * wenji_page_setup_equal:
 * @a: a setup
 * @b: another setup
 *
 * Returns: whether pages laid out with @a and with @b are the same
 */
gboolean
wenji_page_setup_equal (const WenjiPageSetup *a,
                        const WenjiPageSetup *b)
{
  /* The fonts are interned: the same family is the same pointer. */
  return a->paper == b->paper &&
         a->margin_top == b->margin_top &&
         a->margin_bottom == b->margin_bottom &&
         a->margin_left == b->margin_left &&
         a->margin_right == b->margin_right &&
         a->font_size == b->font_size &&
         a->line_height == b->line_height &&
         !a->indent == !b->indent &&
         !a->page_numbers == !b->page_numbers &&
         a->body_font == b->body_font &&
         a->heading_font == b->heading_font &&
         a->theme == b->theme &&
         !a->vertical == !b->vertical &&
         !a->embed_fonts == !b->embed_fonts;
}

static const char * const theme_names[WENJI_N_THEMES] = {
  [WENJI_THEME_HOUSE] = "house",
  [WENJI_THEME_FRESH] = "fresh",
  [WENJI_THEME_INK] = "ink",
};

/**
 * wenji_theme_from_string:
 * @name: "house", "fresh" or "ink"
 * @theme: (out): the theme
 *
 * Returns: whether @name names a theme
 */
gboolean
wenji_theme_from_string (const char *name,
                         WenjiTheme *theme)
{
  for (guint i = 0; name != NULL && i < WENJI_N_THEMES; i++) {
    if (g_ascii_strcasecmp (name, theme_names[i]) == 0) {
      *theme = i;
      return TRUE;
    }
  }

  return FALSE;
}

const char *
wenji_theme_to_string (WenjiTheme theme)
{
  return theme_names[MIN (theme, WENJI_N_THEMES - 1)];
}

void
wenji_page_setup_get_size (const WenjiPageSetup *setup,
                           double               *width,
                           double               *height)
{
  guint paper = setup->paper < G_N_ELEMENTS (papers) ? setup->paper : WENJI_PAPER_A4;

  *width = papers[paper].width;
  *height = papers[paper].height;
}

gboolean
wenji_paper_from_string (const char *name,
                         WenjiPaper *paper)
{
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++) {
    if (g_ascii_strcasecmp (name, papers[i].name) == 0) {
      *paper = i;
      return TRUE;
    }
  }

  return FALSE;
}

static gboolean
is_traditional (const char *lang)
{
  return lang != NULL &&
         (g_ascii_strncasecmp (lang, "zh-Hant", 7) == 0 ||
          g_ascii_strcasecmp (lang, "zh-TW") == 0 ||
          g_ascii_strcasecmp (lang, "zh-HK") == 0 ||
          g_ascii_strcasecmp (lang, "zh-MO") == 0);
}

static gboolean
is_chinese (const char *lang)
{
  return lang == NULL || *lang == '\0' || g_ascii_strncasecmp (lang, "zh", 2) == 0 ||
         g_ascii_strcasecmp (lang, "und") == 0;
}

static GHashTable *
installed_families (void)
{
  static GHashTable *families;

  if (g_once_init_enter (&families)) {
    GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    PangoFontFamily **list = NULL;
    int n = 0;

    pango_font_map_list_families (pango_cairo_font_map_get_default (), &list, &n);
    for (int i = 0; i < n; i++)
      g_hash_table_add (table, g_strdup (pango_font_family_get_name (list[i])));
    g_free (list);

    g_once_init_leave (&families, table);
  }

  return families;
}

/**
 * wenji_font_family:
 * @role: body, heading or code
 * @lang: (nullable): the document's BCP 47 language
 *
 * Returns: the font family to ask Pango for
 */
const char *
wenji_font_family (WenjiFontRole  role,
                   const char    *lang)
{
  static const char *noto[][2] = {
    [WENJI_FONT_BODY] = { "Noto Serif CJK SC", "Noto Serif CJK TC" },
    [WENJI_FONT_HEADING] = { "Noto Sans CJK SC", "Noto Sans CJK TC" },
    [WENJI_FONT_MONO] = { "Noto Sans Mono CJK SC", "Noto Sans Mono CJK TC" },
  };
  static const char *generic[] = {
    [WENJI_FONT_BODY] = "Serif",
    [WENJI_FONT_HEADING] = "Sans",
    [WENJI_FONT_MONO] = "Monospace",
  };

  if (is_chinese (lang)) {
    const char *family = noto[role][is_traditional (lang) ? 1 : 0];

    if (g_hash_table_contains (installed_families (), family))
      return family;
  }

  return generic[role];
}

/**
 * wenji_page_setup_get_font_family:
 * @setup: the page setup
 * @role: body, heading or code
 * @lang: (nullable): the document's BCP 47 language
 *
 * The family @setup chose for @role, then the font of @lang (see
 * wenji_font_family()) for the characters the chosen one lacks: Han text in
 * a Latin font keeps its Simplified or Traditional forms. Code always gets
 * the font of @lang.
 *
 * Returns: the family, or the list of families, to ask Pango for
 */
const char *
wenji_page_setup_get_font_family (const WenjiPageSetup *setup,
                                  WenjiFontRole         role,
                                  const char           *lang)
{
  const char *automatic = wenji_font_family (role, lang);
  const char *chosen = NULL;
  g_autofree char *families = NULL;

  if (role == WENJI_FONT_BODY)
    chosen = setup->body_font;
  else if (role == WENJI_FONT_HEADING)
    chosen = setup->heading_font;

  if (chosen == NULL)
    return automatic;

  families = g_strconcat (chosen, ",", automatic, NULL);
  return g_intern_string (families);
}

/**
 * wenji_page_setup_get_punctuation_family:
 * @setup: the page setup
 * @role: body or heading
 * @lang: (nullable): the document's BCP 47 language
 *
 * Chinese sets quotation marks, dashes, ellipses and middle dots full
 * width, but a Latin font chosen for @role has narrow ones of its own that
 * would win over the Chinese font. The family that must set them instead.
 *
 * Returns: (nullable): the font of @lang for those marks, or %NULL when
 *   @setup chose no font for @role or @lang is not Chinese
 */
const char *
wenji_page_setup_get_punctuation_family (const WenjiPageSetup *setup,
                                         WenjiFontRole         role,
                                         const char           *lang)
{
  const char *chosen = role == WENJI_FONT_BODY ? setup->body_font :
                       role == WENJI_FONT_HEADING ? setup->heading_font : NULL;

  if (chosen == NULL || !is_chinese (lang))
    return NULL;

  return wenji_font_family (role, lang);
}

/**
 * wenji_pango_language:
 * @lang: (nullable): the document's BCP 47 language
 *
 * The language to put on layouts. Script subtags are mapped to the region
 * tags fontconfig and HarfBuzz know best (zh-Hans to zh-cn, zh-Hant to
 * zh-tw), so Han characters get Simplified or Traditional glyph forms and
 * never the Japanese ones.
 *
 * Returns: (transfer none): a Pango language
 */
PangoLanguage *
wenji_pango_language (const char *lang)
{
  if (lang == NULL || *lang == '\0' || g_ascii_strcasecmp (lang, "und") == 0)
    return pango_language_from_string ("zh-cn");
  if (g_ascii_strcasecmp (lang, "zh-HK") == 0 || g_ascii_strcasecmp (lang, "zh-Hant-HK") == 0)
    return pango_language_from_string ("zh-hk");
  if (is_traditional (lang))
    return pango_language_from_string ("zh-tw");
  if (g_ascii_strncasecmp (lang, "zh", 2) == 0)
    return pango_language_from_string ("zh-cn");

  return pango_language_from_string (lang);
}
