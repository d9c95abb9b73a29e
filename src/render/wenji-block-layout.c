/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One block laid out with Pango at the width of the page's text area, and
 * drawn line by line, so that a paragraph can be split across pages and
 * every glyph is drawn once (pdftotext then reads the text in order).
 */
#include "config.h"

#include <string.h>

#include "wenji-block-style.h"
#include "wenji-document-private.h"
#include "wenji-image.h"
#include "wenji-page-layout-private.h"
#include "wenji-text.h"

/* The room a heading's bar takes before its text, in body sizes. */
#define DECORATION_ROOM 0.8

#define LINK_COLOR 0x1a, 0x5f, 0xb4


PangoAttrList *
wenji_rich_text_to_attrs (const WenjiRichText *text,
                          PangoLanguage       *language)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *attr;

  attr = pango_attr_language_new (language);
  pango_attr_list_insert (attrs, attr);

  for (guint i = 0; text != NULL && i < text->spans->len; i++) {
    const WenjiSpan *span = &g_array_index (text->spans, WenjiSpan, i);
    PangoAttribute *list[8];
    guint n = 0;

    if (span->style & WENJI_STYLE_EM)
      list[n++] = pango_attr_style_new (PANGO_STYLE_ITALIC);
    if (span->style & WENJI_STYLE_STRONG)
      list[n++] = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
    if (span->style & WENJI_STYLE_CODE) {
      list[n++] = pango_attr_family_new ("Monospace");
      list[n++] = pango_attr_background_new (0xeeee, 0xeeee, 0xeeee);
    }
    if (span->style & WENJI_STYLE_STRIKE)
      list[n++] = pango_attr_strikethrough_new (TRUE);
    if ((span->style & WENJI_STYLE_LINK) && wenji_url_is_safe (span->href)) {
      list[n++] = pango_attr_foreground_new (0x1a1a, 0x5f5f, 0xb4b4);
      list[n++] = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
    }

    for (guint k = 0; k < n; k++) {
      list[k]->start_index = span->start;
      list[k]->end_index = span->end;
      pango_attr_list_insert (attrs, list[k]);
    }
  }

  return attrs;
}

/* The marks Chinese sets full width that Latin fonts also have. */
static gboolean
is_wide_punctuation (gunichar c)
{
  return c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D ||
         c == 0x2014 || c == 0x2026 || c == 0x00B7;
}

static gboolean
in_code (const WenjiRichText *text,
         guint                index)
{
  for (guint i = 0; i < text->spans->len; i++) {
    const WenjiSpan *span = &g_array_index (text->spans, WenjiSpan, i);

    if ((span->style & WENJI_STYLE_CODE) && index >= span->start && index < span->end)
      return TRUE;
  }

  return FALSE;
}

/* Sets those marks in @family, outside code. */
static void
set_punctuation_family (PangoAttrList       *attrs,
                        const WenjiRichText *text,
                        const char          *family)
{
  for (const char *p = text->text; *p != '\0'; p = g_utf8_next_char (p)) {
    guint index = p - text->text;
    PangoAttribute *attr;

    if (!is_wide_punctuation (g_utf8_get_char (p)) || in_code (text, index))
      continue;

    attr = pango_attr_family_new (family);
    attr->start_index = index;
    attr->end_index = g_utf8_next_char (p) - text->text;
    pango_attr_list_insert (attrs, attr);
  }
}

static PangoLayout *
make_layout (PangoContext         *context,
             const char           *family,
             const char           *punctuation_family,
             double                size,
             double                line_height,
             PangoWeight           weight,
             const WenjiRichText  *text,
             PangoLanguage        *language,
             double                width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr (PangoFontDescription) font = pango_font_description_new ();
  g_autoptr (PangoAttrList) attrs = wenji_rich_text_to_attrs (text, language);
  g_autofree char *vertical = NULL;
  PangoAttribute *attr;

  pango_font_description_set_family (font, family);
  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  /* Lines of equal height whatever fonts a line falls back to. */
  attr = pango_attr_line_height_new_absolute (size * line_height * PANGO_SCALE);
  pango_attr_list_insert_before (attrs, attr);
  if (punctuation_family != NULL && text != NULL)
    set_punctuation_family (attrs, text, punctuation_family);
  pango_layout_set_attributes (layout, attrs);

  /* A column sets its characters upright: the marks that turn take their
   * vertical forms (of the same length, so the attributes still fit). */
  if (text != NULL && pango_context_get_base_gravity (context) == PANGO_GRAVITY_EAST)
    vertical = wenji_text_vertical_forms (text->text,
                                          pango_language_matches (language, "zh-tw;zh-hk;zh-mo"));
  pango_layout_set_text (layout, vertical != NULL ? vertical : text != NULL ? text->text : "", -1);

  return layout;
}

/* A layout in the family, size, weight and alignment of @style. */
static PangoLayout *
make_styled_layout (PangoContext          *context,
                    const WenjiPageSetup  *setup,
                    const char            *lang,
                    const WenjiBlockStyle *style,
                    const WenjiRichText   *text,
                    double                 width)
{
  const char *family = style->role == WENJI_FONT_MONO
                       ? wenji_font_family (WENJI_FONT_MONO, lang)
                       : wenji_page_setup_get_font_family (setup, style->role, lang);
  const char *punctuation = style->role == WENJI_FONT_MONO
                            ? NULL
                            : wenji_page_setup_get_punctuation_family (setup, style->role, lang);
  PangoLayout *layout;

  layout = make_layout (context, family, punctuation, style->size * setup->font_size,
                        style->line_height > 0 ? style->line_height : setup->line_height,
                        style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                        text, wenji_pango_language (lang), width);
  if (style->centered)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  return layout;
}

/* The glyph widths of @line, its final space left out as justification
 * leaves it out. */
static int
line_width_without_final_space (PangoLayoutLine *line,
                                 const char      *text)
{
  PangoRectangle logical;
  GSList *last = g_slist_last (line->runs);

  if (last != NULL) {
    PangoGlyphItem *run = last->data;
    PangoGlyphString *glyphs = run->glyphs;
    int final = glyphs->num_glyphs - 1;

    if (final >= 0 && text[run->item->offset + glyphs->log_clusters[final]] == ' ')
      glyphs->glyphs[final].geometry.width = 0;
  }

  pango_layout_line_get_extents (line, NULL, &logical);

  return logical.width;
}

/* A character of a Latin word or number: "GDP", "3.0%", "e.g.". */
static gboolean
is_narrow (gunichar c)
{
  return g_unichar_isgraph (c) && !g_unichar_iswide_cjk (c);
}

/* Whether justification may open the boundary between @before and @after:
 * anywhere but inside a Latin word or a number, and between the halves of
 * a double dash (——) or ellipsis (……). */
static gboolean
may_stretch (gunichar before,
             gunichar after)
{
  if (before == after && (before == 0x2014 || before == 0x2015 || before == 0x2026))
    return FALSE;

  return !(is_narrow (before) && is_narrow (after));
}

/* Calls @stretch for every boundary between two clusters of @line that
 * justification may open, with the glyph that ends the cluster before it. */
static guint
foreach_stretchable (PangoLayoutLine *line,
                     const char      *text,
                     int              spacing)
{
  int line_end = line->start_index + line->length;
  guint count = 0;

  for (GSList *r = line->runs; r != NULL; r = r->next) {
    PangoGlyphItem *run = r->data;
    PangoGlyphItemIter iter;

    /* Chinese lines run left to right; leave anything else as it is. */
    if (run->item->analysis.level % 2 != 0)
      continue;

    for (gboolean more = pango_glyph_item_iter_init_start (&iter, run, text); more;
         more = pango_glyph_item_iter_next_cluster (&iter)) {
      const char *end = text + iter.end_index;

      if (iter.end_index >= line_end || iter.start_glyph >= iter.end_glyph ||
          !may_stretch (g_utf8_get_char (g_utf8_prev_char (end)), g_utf8_get_char (end)))
        continue;

      count++;
      if (spacing > 0)
        run->glyphs->glyphs[iter.end_glyph - 1].geometry.width += spacing;
    }
  }

  return count;
}

/*
 * Justifies Chinese text the way Chinese typesetting does: the width a line
 * lacks is shared between its characters, not given to its spaces alone,
 * which is what Pango does when a line has any, opening a gap of a
 * character or more around one Latin word. Latin words and numbers keep
 * their letters together. The last line of the paragraph, and a line that
 * ends in a hard break, keep their natural width.
 */
static void
justify_by_characters (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  int indent = MAX (pango_layout_get_indent (layout), 0);

  /* Not the readonly lines: their glyphs are changed here. */
  for (GSList *l = pango_layout_get_lines (layout); l != NULL && l->next != NULL; l = l->next) {
    PangoLayoutLine *line = l->data;
    int target = pango_layout_get_width (layout) - (line->is_paragraph_start ? indent : 0);
    guint gaps;
    int extra;

    if (line->length > 0 && text[line->start_index + line->length - 1] == '\n')
      continue;

    extra = target - line_width_without_final_space (line, text);
    gaps = foreach_stretchable (line, text, 0);
    if (extra > 0 && gaps > 0)
      foreach_stretchable (line, text, extra / (int) gaps);
  }
}

static void
collect_lines (WenjiBlockLayout *self,
               PangoLayout      *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do {
    PangoRectangle logical;
    WenjiLine line;

    pango_layout_iter_get_line_extents (iter, NULL, &logical);
    line.top = (double) logical.y / PANGO_SCALE;
    line.height = (double) logical.height / PANGO_SCALE;
    line.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
    line.left = (double) logical.x / PANGO_SCALE;
    line.line = pango_layout_iter_get_line_readonly (iter);
    g_array_append_val (self->lines, line);
  } while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
lay_out_table (WenjiBlockLayout     *self,
               PangoContext         *context,
               const WenjiPageSetup *setup,
               PangoLanguage        *language,
               const char           *lang)
{
  const WenjiBlock *block = self->block;
  guint n_columns = MAX (block->n_columns, 1);
  guint n_rows = block->cells->len / n_columns;
  const WenjiBlockStyle *style = wenji_block_style_get_themed (WENJI_BLOCK_STYLE_TABLE,
                                                                       setup->theme);
  double pad = setup->font_size * style->padding;
  double column_width = self->width / n_columns;
  double top = 0;
  const char *family = wenji_page_setup_get_font_family (setup, WENJI_FONT_BODY, lang);
  const char *punctuation = wenji_page_setup_get_punctuation_family (setup, WENJI_FONT_BODY, lang);

  self->cells = g_ptr_array_new_with_free_func (g_object_unref);
  self->column_x = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint c = 0; c <= n_columns; c++) {
    double x = c * column_width;
    g_array_append_val (self->column_x, x);
  }

  for (guint r = 0; r < n_rows; r++) {
    WenjiLine line = { top, 0, 0, 0, NULL };
    gboolean head = r < block->n_head_rows;

    for (guint c = 0; c < n_columns; c++) {
      PangoLayout *cell = make_layout (context, family, punctuation,
                                       setup->font_size * style->size, style->line_height,
                                       head ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                       block->cells->pdata[r * n_columns + c], language,
                                       column_width - 2 * pad);
      WenjiAlign align = c < block->aligns->len ?
        g_array_index (block->aligns, WenjiAlign, c) : WENJI_ALIGN_DEFAULT;
      int height;

      if (align == WENJI_ALIGN_CENTER)
        pango_layout_set_alignment (cell, PANGO_ALIGN_CENTER);
      else if (align == WENJI_ALIGN_RIGHT)
        pango_layout_set_alignment (cell, PANGO_ALIGN_RIGHT);
      pango_layout_get_size (cell, NULL, &height);
      line.height = MAX (line.height, (double) height / PANGO_SCALE + 2 * pad);
      g_ptr_array_add (self->cells, cell);
    }

    g_array_append_val (self->lines, line);
    top += line.height;
  }
}

static gboolean
lay_out_image (WenjiBlockLayout     *self,
               const WenjiPageSetup *setup)
{
  g_autoptr (GError) error = NULL;
  cairo_surface_t *image;
  double page_width, page_height, max_height, w, h;
  WenjiLine line = { 0, 0, 0, 0, NULL };

  if (self->block->image_path == NULL)
    return FALSE;

  image = wenji_image_load (self->block->image_path, &error);
  if (image == NULL) {
    g_debug ("%s", error->message);
    return FALSE;
  }

  wenji_page_setup_get_size (setup, &page_width, &page_height);
  w = cairo_image_surface_get_width (image);
  h = cairo_image_surface_get_height (image);
  self->image = image;
  /* Pixels are points at most, and the image fits the text area. */
  if (setup->vertical) {
    /* Upright in the column: as tall as the column at most, and its
     * width takes the place of lines. */
    max_height = (page_width - setup->margin_left - setup->margin_right) * 0.7;
    self->image_scale = MIN (1.0, MIN (self->width / h, max_height / w));
    line.height = w * self->image_scale;
  } else {
    max_height = (page_height - setup->margin_top - setup->margin_bottom) * 0.7;
    self->image_scale = MIN (1.0, MIN (self->width / w, max_height / h));
    line.height = h * self->image_scale;
  }
  self->upright = setup->vertical;
  g_array_append_val (self->lines, line);

  return TRUE;
}

/**
 * wenji_block_layout_new:
 * @context: the context every layout of the document shares
 * @setup: the page setup
 * @lang: the document's language
 * @block: the block
 * @width: the width of the page's text area, in points
 *
 * Returns: (transfer full): the laid-out block
 */
WenjiBlockLayout *
wenji_block_layout_new (PangoContext         *context,
                        const WenjiPageSetup *setup,
                        const char           *lang,
                        const WenjiBlock     *block,
                        double                width)
{
  WenjiBlockLayout *self = g_rc_box_new0 (WenjiBlockLayout);
  PangoLanguage *language = wenji_pango_language (lang);
  const char *body = wenji_page_setup_get_font_family (setup, WENJI_FONT_BODY, lang);
  const char *body_punctuation = wenji_page_setup_get_punctuation_family (setup, WENJI_FONT_BODY,
                                                                          lang);
  const WenjiBlockStyle *style = NULL;
  double f = setup->font_size;

  self->block = block;
  self->kind = block->kind;
  self->lines = g_array_new (FALSE, FALSE, sizeof (WenjiLine));
  self->x = block->list_depth * wenji_block_style_get (WENJI_BLOCK_STYLE_LIST_ITEM)->inset * f +
            block->quote_depth * wenji_block_style_get (WENJI_BLOCK_STYLE_QUOTE)->inset * f;
  self->width = MAX (width - self->x, 4 * f);

  switch (block->kind) {
  case WENJI_BLOCK_TITLE:
  case WENJI_BLOCK_BYLINE:
  case WENJI_BLOCK_HEADING:
    style = wenji_block_style_get_themed (
      block->kind == WENJI_BLOCK_TITLE ? WENJI_BLOCK_STYLE_TITLE :
      block->kind == WENJI_BLOCK_BYLINE ? WENJI_BLOCK_STYLE_BYLINE :
      wenji_block_style_for_heading (block->level),
      setup->theme);
    /* A bar before a heading takes room from its text. */
    if (style->decoration == WENJI_DECORATION_BAR) {
      self->x += DECORATION_ROOM * f;
      self->width -= DECORATION_ROOM * f;
    }
    self->layout = make_styled_layout (context, setup, lang, style, block->text, self->width);
    self->keep_with_next = TRUE;
    break;
  case WENJI_BLOCK_CODE:
    style = wenji_block_style_get_themed (WENJI_BLOCK_STYLE_CODE, setup->theme);
    self->x += style->inset * f;
    self->width -= 2 * style->inset * f;
    self->layout = make_styled_layout (context, setup, lang, style, block->text, self->width);
    pango_layout_set_wrap (self->layout, PANGO_WRAP_CHAR);
    break;
  case WENJI_BLOCK_RULE: {
    WenjiLine line = { 0, 0, 0, 0, NULL };

    style = wenji_block_style_get_themed (WENJI_BLOCK_STYLE_RULE, setup->theme);
    line.height = style->size * f;
    g_array_append_val (self->lines, line);
    break;
  }
  case WENJI_BLOCK_TABLE:
    style = wenji_block_style_get_themed (WENJI_BLOCK_STYLE_TABLE, setup->theme);
    lay_out_table (self, context, setup, language, lang);
    break;
  case WENJI_BLOCK_IMAGE:
    style = wenji_block_style_get_themed (WENJI_BLOCK_STYLE_FIGURE, setup->theme);
    if (lay_out_image (self, setup))
      break;
    /* An image that cannot be drawn shows its description; without one, it
     * takes no room at all: a page saved without its pictures' folder. */
    if (block->text == NULL || block->text->text == NULL || block->text->text[0] == '\0')
      break;
    self->kind = WENJI_BLOCK_PARAGRAPH;
    G_GNUC_FALLTHROUGH;
  case WENJI_BLOCK_PARAGRAPH:
  default:
    if (block->list_depth > 0)
      style = wenji_block_style_get_themed (WENJI_BLOCK_STYLE_LIST_ITEM, setup->theme);
    else if (setup->indent && block->quote_depth == 0)
      style = wenji_block_style_get_themed (WENJI_BLOCK_STYLE_PARAGRAPH_INDENTED, setup->theme);
    else
      style = wenji_block_style_get_themed (WENJI_BLOCK_STYLE_PARAGRAPH, setup->theme);
    self->layout = make_styled_layout (context, setup, lang, style, block->text, self->width);
    if (style->first_line > 0)
      pango_layout_set_indent (self->layout, style->first_line * f * PANGO_SCALE);
    if (pango_language_matches (language, "zh"))
      justify_by_characters (self->layout);
    else
      pango_layout_set_justify (self->layout, TRUE);
    break;
  }

  self->style = style;
  self->space_before = style->space_before * f;
  self->space_after = style->space_after * f;

  if (self->layout != NULL)
    collect_lines (self, self->layout);

  if (block->marker != NULL) {
    g_autoptr (WenjiRichText) marker = wenji_rich_text_new_plain (block->marker);
    self->marker = make_layout (context, body, body_punctuation,
                                f, setup->line_height, PANGO_WEIGHT_NORMAL,
                                marker, language, 1.6 * f);
    pango_layout_set_alignment (self->marker, PANGO_ALIGN_RIGHT);
  }

  return self;
}

WenjiBlockLayout *
wenji_block_layout_ref (WenjiBlockLayout *layout)
{
  return g_rc_box_acquire (layout);
}

static void
block_layout_clear (WenjiBlockLayout *self)
{
  g_clear_object (&self->layout);
  g_clear_object (&self->marker);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->column_x, g_array_unref);
  g_clear_pointer (&self->image, cairo_surface_destroy);
  g_clear_pointer (&self->lines, g_array_unref);
}

void
wenji_block_layout_unref (WenjiBlockLayout *layout)
{
  g_rc_box_release_full (layout, (GDestroyNotify) block_layout_clear);
}

double
wenji_block_layout_get_height (WenjiBlockLayout *layout)
{
  WenjiLine *last;

  if (layout->lines->len == 0)
    return 0;
  last = &g_array_index (layout->lines, WenjiLine, layout->lines->len - 1);
  return last->top + last->height;
}

/* cairo's attribute strings quote with ' and escape with a backslash. */
static char *
tag_string (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++) {
    if (*p == '\'' || *p == '\\')
      g_string_append_c (out, '\\');
    g_string_append_c (out, *p);
  }

  return g_string_free (out, FALSE);
}

static char *
link_attributes (WenjiPageLayout *page_layout,
                 const char      *href,
                 double           x,
                 double           y,
                 double           width,
                 double           height)
{
  char rect[4][G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (rect[0], sizeof rect[0], "%.2f", x);
  g_ascii_formatd (rect[1], sizeof rect[1], "%.2f", y);
  g_ascii_formatd (rect[2], sizeof rect[2], "%.2f", width);
  g_ascii_formatd (rect[3], sizeof rect[3], "%.2f", height);

  if (href[0] == '#') {
    guint page;
    double tx, ty;
    char pos[2][G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *anchor = g_uri_unescape_string (href + 1, NULL);

    if (anchor == NULL || !wenji_page_layout_find_anchor (page_layout, anchor, &page, &tx, &ty))
      return NULL;
    g_ascii_formatd (pos[0], sizeof pos[0], "%.2f", tx);
    g_ascii_formatd (pos[1], sizeof pos[1], "%.2f", ty);
    return g_strdup_printf ("rect=[%s %s %s %s] page=%u pos=[%s %s]",
                            rect[0], rect[1], rect[2], rect[3], page, pos[0], pos[1]);
  } else {
    g_autofree char *uri = tag_string (href);
    return g_strdup_printf ("rect=[%s %s %s %s] uri='%s'",
                            rect[0], rect[1], rect[2], rect[3], uri);
  }
}

static void
tag_line_links (WenjiBlockLayout *self,
                cairo_t          *cr,
                WenjiPageLayout  *page_layout,
                const WenjiLine  *line,
                double            x,
                double            top)
{
  const WenjiRichText *text = self->block->text;
  int line_start = line->line->start_index;
  int line_end = line_start + line->line->length;

  for (guint i = 0; text != NULL && i < text->spans->len; i++) {
    const WenjiSpan *span = &g_array_index (text->spans, WenjiSpan, i);
    int start = MAX ((int) span->start, line_start);
    int end = MIN ((int) span->end, line_end);
    int *ranges = NULL;
    int n_ranges = 0;

    if (!(span->style & WENJI_STYLE_LINK) || start >= end || !wenji_url_is_safe (span->href))
      continue;

    pango_layout_line_get_x_ranges (line->line, start, end, &ranges, &n_ranges);
    for (int r = 0; r < n_ranges; r++) {
      double x0 = x + (double) ranges[2 * r] / PANGO_SCALE;
      double x1 = x + (double) ranges[2 * r + 1] / PANGO_SCALE;
      g_autofree char *attributes = link_attributes (page_layout, span->href,
                                                     x0, top, x1 - x0, line->height);

      if (attributes == NULL)
        continue;
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
    }
    g_free (ranges);
  }
}

static void
set_source_color (cairo_t *cr,
                  guint32  color)
{
  double red, green, blue;

  wenji_block_style_rgb (color, &red, &green, &blue);
  cairo_set_source_rgb (cr, red, green, blue);
}

static void
draw_table_rows (WenjiBlockLayout *self,
                 cairo_t          *cr,
                 double            x,
                 double            offset,
                 guint             first,
                 guint             last)
{
  guint n_columns = self->column_x->len - 1;
  double pad = 0;
  double right = x + g_array_index (self->column_x, double, n_columns);

  cairo_set_line_width (cr, 0.6);
  for (guint r = first; r < last; r++) {
    WenjiLine *row = &g_array_index (self->lines, WenjiLine, r);
    double top = offset + row->top;

    if (r < self->block->n_head_rows) {
      set_source_color (cr, self->style->background);
      cairo_rectangle (cr, x, top, right - x, row->height);
      cairo_fill (cr);
    }

    for (guint c = 0; c < n_columns; c++) {
      PangoLayout *cell = self->cells->pdata[r * n_columns + c];
      double cx = x + g_array_index (self->column_x, double, c);
      double column_width = g_array_index (self->column_x, double, c + 1) -
                            g_array_index (self->column_x, double, c);

      /* The cell's text is as wide as the column less the padding. */
      pad = (column_width - (double) pango_layout_get_width (cell) / PANGO_SCALE) / 2;
      set_source_color (cr, self->style->color);
      cairo_move_to (cr, cx + pad, top + pad);
      pango_cairo_show_layout (cr, cell);

      set_source_color (cr, self->style->line_color);
      cairo_rectangle (cr, cx, top, column_width, row->height);
      cairo_stroke (cr);
    }
  }
}

/* A heading's bar before its lines, or rule under its last line. */
static void
draw_decoration (WenjiBlockLayout *self,
                 cairo_t          *cr,
                 double            x,
                 double            offset,
                 guint             first_line,
                 guint             last_line,
                 double            f)
{
  const WenjiLine *first = &g_array_index (self->lines, WenjiLine, first_line);
  const WenjiLine *last = &g_array_index (self->lines, WenjiLine, last_line - 1);

  if (self->style == NULL || self->style->decoration == WENJI_DECORATION_NONE)
    return;

  set_source_color (cr, self->style->line_color);
  if (self->style->decoration == WENJI_DECORATION_BAR) {
    cairo_rectangle (cr, x - DECORATION_ROOM * f, offset + first->top + 0.15 * f,
                     0.25 * f, last->top + last->height - first->top - 0.3 * f);
    cairo_fill (cr);
  } else if (last_line == self->lines->len) {
    double y = offset + last->top + last->height + 0.1 * f;

    cairo_rectangle (cr, x + self->width * 0.35, y, self->width * 0.3, 0.1 * f);
    cairo_fill (cr);
  }
}

/**
 * wenji_block_layout_draw:
 * @x: the left edge of the page's text area
 * @y: where the first drawn line's top goes
 * @tag_links: emit cairo link tags (PDF)
 *
 * Draws lines @first_line to @first_line + @n_lines - 1.
 */
void
wenji_block_layout_draw (WenjiBlockLayout *self,
                         cairo_t          *cr,
                         double            x,
                         double            y,
                         guint             first_line,
                         guint             n_lines,
                         gboolean          tag_links,
                         WenjiPageLayout  *page_layout)
{
  guint last_line = MIN (first_line + n_lines, self->lines->len);
  const WenjiPageSetup *setup = wenji_page_layout_get_setup (page_layout);
  const WenjiBlockStyle *list = wenji_block_style_get_themed (WENJI_BLOCK_STYLE_LIST_ITEM,
                                                              setup->theme);
  const WenjiBlockStyle *quote = wenji_block_style_get_themed (WENJI_BLOCK_STYLE_QUOTE,
                                                               setup->theme);
  double f = setup->font_size;
  WenjiLine *first;
  double offset, bottom;
  const WenjiBlock *block = self->block;

  if (first_line >= last_line)
    return;

  first = &g_array_index (self->lines, WenjiLine, first_line);
  offset = y - first->top;
  bottom = offset + g_array_index (self->lines, WenjiLine, last_line - 1).top +
           g_array_index (self->lines, WenjiLine, last_line - 1).height;
  x += self->x;

  cairo_save (cr);

  /* A bar for each level of block quote, beside the drawn lines. */
  for (guint q = 0; q < block->quote_depth; q++) {
    double bar = x - (block->list_depth * list->inset + (block->quote_depth - q) * quote->inset -
                      quote->padding) * f;
    set_source_color (cr, quote->line_color);
    cairo_rectangle (cr, bar, y, 2, bottom - y);
    cairo_fill (cr);
  }

  if (self->kind == WENJI_BLOCK_CODE) {
    double pad = self->style->padding * f;
    set_source_color (cr, self->style->background);
    cairo_rectangle (cr, x - pad, y - pad / 2, self->width + 2 * pad, bottom - y + pad);
    cairo_fill (cr);
  }

  if (self->marker != NULL && first_line == 0) {
    PangoLayoutLine *marker_line = pango_layout_get_line_readonly (self->marker, 0);
    PangoRectangle logical;

    pango_layout_line_get_extents (marker_line, NULL, &logical);
    set_source_color (cr, self->style->color);
    cairo_move_to (cr, x - 0.4 * f - (double) logical.width / PANGO_SCALE,
                   offset + first->baseline);
    pango_cairo_show_layout_line (cr, marker_line);
  }

  switch (self->kind) {
  case WENJI_BLOCK_RULE: {
    double mid = offset + first->height / 2;
    set_source_color (cr, self->style->line_color);
    cairo_set_line_width (cr, 0.6);
    cairo_move_to (cr, x + self->width * 0.3, mid);
    cairo_line_to (cr, x + self->width * 0.7, mid);
    cairo_stroke (cr);
    break;
  }
  case WENJI_BLOCK_TABLE:
    draw_table_rows (self, cr, x, offset, first_line, last_line);
    break;
  case WENJI_BLOCK_IMAGE: {
    double w = cairo_image_surface_get_width (self->image) * self->image_scale;
    double h = cairo_image_surface_get_height (self->image) * self->image_scale;

    if (self->upright) {
      /* The page is turned for the column: turn the picture back. */
      cairo_translate (cr, x + (self->width - h) / 2, offset + w);
      cairo_rotate (cr, -G_PI / 2);
    } else {
      cairo_translate (cr, x + (self->width - w) / 2, offset);
    }
    cairo_scale (cr, self->image_scale, self->image_scale);
    cairo_set_source_surface (cr, self->image, 0, 0);
    cairo_paint (cr);
    break;
  }
  default:
    set_source_color (cr, self->style->color);
    for (guint i = first_line; i < last_line; i++) {
      WenjiLine *line = &g_array_index (self->lines, WenjiLine, i);

      cairo_move_to (cr, x + line->left, offset + line->baseline);
      pango_cairo_show_layout_line (cr, line->line);
      if (tag_links)
        tag_line_links (self, cr, page_layout, line, x, offset + line->top);
    }
    draw_decoration (self, cr, x, offset, first_line, last_line, f);
    break;
  }

  cairo_restore (cr);
}
