/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * WenjiPageLayout: a document's blocks laid out and cut into pages for one
 * page setup. The preview widget and the PDF writer both draw its pages.
 *
 * Each block is laid out on its own and kept in a cache keyed by the
 * block's content hash; setting a new version of the document re-lays only
 * the blocks whose hash is new, then paginates again (which is cheap: it
 * only adds up line heights).
 */
#include "config.h"

#include "wenji-page-layout-private.h"
#include "wenji-text.h"

typedef struct {
  guint  block;
  guint  first_line;
  guint  n_lines;
  double y;
} Slice;

struct _WenjiPageLayout
{
  GObject          parent_instance;

  WenjiPageSetup   setup;
  PangoContext    *context;
  WenjiDocument   *document;
  GHashTable      *cache;        /* guint64 hash -> WenjiBlockLayout */
  GPtrArray       *blocks;       /* WenjiBlockLayout, one per block */
  GPtrArray       *pages;        /* GArray of Slice, one per page */
  GArray          *headings;     /* WenjiHeadingPosition */
  guint            first_page_number;
  guint            n_laid_out;
};

G_DEFINE_FINAL_TYPE (WenjiPageLayout, wenji_page_layout, G_TYPE_OBJECT)

static void
wenji_page_layout_finalize (GObject *object)
{
  WenjiPageLayout *self = WENJI_PAGE_LAYOUT (object);

  g_clear_object (&self->context);
  g_clear_object (&self->document);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_array_unref);

  G_OBJECT_CLASS (wenji_page_layout_parent_class)->finalize (object);
}

static void
wenji_page_layout_class_init (WenjiPageLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wenji_page_layout_finalize;
}

static void
wenji_page_layout_init (WenjiPageLayout *self)
{
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) wenji_block_layout_unref);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) wenji_block_layout_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->headings = g_array_new (FALSE, FALSE, sizeof (WenjiHeadingPosition));
  self->first_page_number = 1;
}

/* Vertical pages are laid out as horizontal ones turned a quarter to the
 * right: lines become columns from right to left. Han characters stand
 * upright in them and Latin lies along the column. */
static void
set_gravity (WenjiPageLayout *self)
{
  pango_context_set_base_gravity (self->context,
                                  self->setup.vertical ? PANGO_GRAVITY_EAST : PANGO_GRAVITY_SOUTH);
  pango_context_set_gravity_hint (self->context, PANGO_GRAVITY_HINT_NATURAL);
}

/**
 * wenji_page_layout_new:
 * @setup: the page setup, copied
 *
 * Returns: (transfer full): a page layout with no document yet
 */
WenjiPageLayout *
wenji_page_layout_new (const WenjiPageSetup *setup)
{
  WenjiPageLayout *self = g_object_new (WENJI_TYPE_PAGE_LAYOUT, NULL);
  cairo_font_options_t *options = cairo_font_options_create ();

  self->setup = *setup;

  /* Unhinted metrics and unrounded positions: the same line breaks on
   * screen at any zoom and in the PDF. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  cairo_font_options_destroy (options);
  set_gravity (self);

  return self;
}

const WenjiPageSetup *
wenji_page_layout_get_setup (WenjiPageLayout *self)
{
  g_return_val_if_fail (WENJI_IS_PAGE_LAYOUT (self), NULL);
  return &self->setup;
}

/**
 * wenji_page_layout_set_setup:
 * @self: the page layout
 * @setup: the new page setup, copied
 *
 * Lays the document out again, every block of it, if @setup differs from
 * the setup the layout has.
 *
 * Returns: whether the setup changed
 */
gboolean
wenji_page_layout_set_setup (WenjiPageLayout      *self,
                             const WenjiPageSetup *setup)
{
  g_return_val_if_fail (WENJI_IS_PAGE_LAYOUT (self), FALSE);
  g_return_val_if_fail (setup != NULL, FALSE);

  if (wenji_page_setup_equal (&self->setup, setup))
    return FALSE;

  self->setup = *setup;
  set_gravity (self);
  /* The cached blocks were laid out for the old setup. */
  g_hash_table_remove_all (self->cache);
  if (self->document != NULL)
    wenji_page_layout_set_document (self, self->document);

  return TRUE;
}

/* The length of a line: the width of the text, or the height of a column. */
static double
text_width (WenjiPageLayout *self)
{
  double width, height;

  wenji_page_setup_get_size (&self->setup, &width, &height);
  if (self->setup.vertical)
    return height - self->setup.margin_top - self->setup.margin_bottom;
  return width - self->setup.margin_left - self->setup.margin_right;
}

/* Where lines start and end, across them: from the top margin down, or,
 * turned, from the right margin leftwards. */
static void
get_frame (WenjiPageLayout *self,
           double          *top,
           double          *bottom)
{
  double width, height;

  wenji_page_setup_get_size (&self->setup, &width, &height);
  if (self->setup.vertical) {
    *top = 0;
    *bottom = width - self->setup.margin_left - self->setup.margin_right;
  } else {
    *top = self->setup.margin_top;
    *bottom = height - self->setup.margin_bottom;
  }
}

static void
add_slice (GArray *page,
           guint   block,
           guint   first_line,
           guint   n_lines,
           double  y)
{
  Slice slice = { block, first_line, n_lines, y };
  g_array_append_val (page, slice);
}

static double
line_bottom (WenjiBlockLayout *layout,
             guint             n)
{
  WenjiLine *line;

  if (n == 0)
    return 0;
  line = &g_array_index (layout->lines, WenjiLine, n - 1);
  return line->top + line->height;
}

/* The height a heading needs below it: the first two lines of the next block. */
static double
next_block_start (WenjiPageLayout *self,
                  guint            index)
{
  WenjiBlockLayout *next;

  if (index + 1 >= self->blocks->len)
    return 0;
  next = self->blocks->pdata[index + 1];
  return next->space_before + line_bottom (next, MIN (next->lines->len, 2));
}

static void
paginate (WenjiPageLayout *self)
{
  double page_width, page_height, top, bottom, y;
  GArray *page;

  wenji_page_setup_get_size (&self->setup, &page_width, &page_height);
  get_frame (self, &top, &bottom);

  g_ptr_array_set_size (self->pages, 0);
  g_array_set_size (self->headings, 0);
  page = g_array_new (FALSE, FALSE, sizeof (Slice));
  g_ptr_array_add (self->pages, page);
  y = top;

  for (guint b = 0; b < self->blocks->len; b++) {
    WenjiBlockLayout *layout = self->blocks->pdata[b];
    guint n = layout->lines->len;
    guint first = 0;

    if (n == 0)
      continue;

    if (y > top)
      y += layout->space_before;

    /* A heading goes to the next page with the lines it introduces. */
    if (layout->keep_with_next && y > top &&
        y + line_bottom (layout, n) + layout->space_after + next_block_start (self, b) > bottom) {
      page = g_array_new (FALSE, FALSE, sizeof (Slice));
      g_ptr_array_add (self->pages, page);
      y = top;
    }

    if (layout->kind == WENJI_BLOCK_HEADING || layout->kind == WENJI_BLOCK_TITLE) {
      WenjiHeadingPosition heading = {
        layout->kind == WENJI_BLOCK_TITLE ? 0 : layout->block->level,
        layout->block->text->text, layout->block->anchor,
        self->pages->len - 1, self->setup.margin_left + layout->x, y
      };

      /* On the page: the column's right edge, at its top. */
      if (self->setup.vertical) {
        heading.x = page_width - self->setup.margin_right - y;
        heading.y = self->setup.margin_top + layout->x;
      }
      g_array_append_val (self->headings, heading);
    }

    while (first < n) {
      double base = g_array_index (layout->lines, WenjiLine, first).top;
      guint fit = 0;

      while (first + fit < n && y + line_bottom (layout, first + fit + 1) - base <= bottom)
        fit++;

      if (first + fit < n) {
        guint rest = n - first - fit;

        /* No widow: leave at least two lines for the next page. */
        if (rest == 1 && fit >= 3 && layout->kind == WENJI_BLOCK_PARAGRAPH)
          fit--;
        /* No orphan: a paragraph does not start with its last line on a page. */
        if (fit == 1 && first == 0 && n > 1 && layout->kind == WENJI_BLOCK_PARAGRAPH)
          fit = 0;
        /* An empty page takes at least one line, however tall. */
        if (fit == 0 && y <= top)
          fit = 1;
      }

      if (fit > 0) {
        add_slice (page, b, first, fit, y);
        y += line_bottom (layout, first + fit) - base;
        first += fit;
      }

      if (first < n) {
        page = g_array_new (FALSE, FALSE, sizeof (Slice));
        g_ptr_array_add (self->pages, page);
        y = top;
      }
    }

    y += layout->space_after;
  }
}

/**
 * wenji_page_layout_set_document:
 * @self: the page layout
 * @document: the document, a new version of the previous one or another
 *
 * Lays out the blocks that are not in the cache and paginates.
 */
void
wenji_page_layout_set_document (WenjiPageLayout *self,
                                WenjiDocument   *document)
{
  g_autoptr (GHashTable) cache = NULL;
  const char *lang;
  double width;

  g_return_if_fail (WENJI_IS_PAGE_LAYOUT (self));
  g_return_if_fail (WENJI_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  lang = wenji_document_get_lang (document);
  pango_context_set_language (self->context, wenji_pango_language (lang));
  width = text_width (self);
  self->n_laid_out = 0;

  /* Only the blocks of this version stay in the cache. */
  cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                 (GDestroyNotify) wenji_block_layout_unref);
  g_ptr_array_set_size (self->blocks, 0);

  for (guint i = 0; i < wenji_document_get_n_blocks (document); i++) {
    const WenjiBlock *block = wenji_document_get_block (document, i);
    WenjiBlockLayout *layout = g_hash_table_lookup (cache, &block->hash);

    if (layout == NULL) {
      layout = g_hash_table_lookup (self->cache, &block->hash);
      if (layout != NULL) {
        wenji_block_layout_ref (layout);
        /* The old block goes away with the old document. */
        layout->block = block;
      } else {
        layout = wenji_block_layout_new (self->context, &self->setup, lang, block, width);
        self->n_laid_out++;
      }
      g_hash_table_insert (cache, g_memdup2 (&block->hash, sizeof block->hash), layout);
    }
    g_ptr_array_add (self->blocks, wenji_block_layout_ref (layout));
  }

  g_clear_pointer (&self->cache, g_hash_table_unref);
  self->cache = g_steal_pointer (&cache);

  paginate (self);
}

WenjiDocument *
wenji_page_layout_get_document (WenjiPageLayout *self)
{
  g_return_val_if_fail (WENJI_IS_PAGE_LAYOUT (self), NULL);
  return self->document;
}

/**
 * wenji_page_layout_get_n_blocks_laid_out:
 *
 * Returns: how many blocks the last wenji_page_layout_set_document() laid
 *   out anew; the others came from the cache
 */
guint
wenji_page_layout_get_n_blocks_laid_out (WenjiPageLayout *self)
{
  g_return_val_if_fail (WENJI_IS_PAGE_LAYOUT (self), 0);
  return self->n_laid_out;
}

guint
wenji_page_layout_get_n_pages (WenjiPageLayout *self)
{
  g_return_val_if_fail (WENJI_IS_PAGE_LAYOUT (self), 0);
  return self->pages->len;
}

void
wenji_page_layout_get_page_size (WenjiPageLayout *self,
                                 double          *width,
                                 double          *height)
{
  g_return_if_fail (WENJI_IS_PAGE_LAYOUT (self));
  wenji_page_setup_get_size (&self->setup, width, height);
}

/**
 * wenji_page_layout_set_first_page_number:
 * @number: the number the footer of the first page shows
 *
 * In a book the pages of a chapter go on counting; the number is also the
 * PDF page that in-document links point to.
 */
void
wenji_page_layout_set_first_page_number (WenjiPageLayout *self,
                                         guint            number)
{
  g_return_if_fail (WENJI_IS_PAGE_LAYOUT (self));
  self->first_page_number = number;
}

/**
 * wenji_page_layout_get_headings:
 *
 * Returns: (transfer none) (element-type WenjiHeadingPosition): the title and
 *   headings in order, with the page each one is on
 */
GArray *
wenji_page_layout_get_headings (WenjiPageLayout *self)
{
  g_return_val_if_fail (WENJI_IS_PAGE_LAYOUT (self), NULL);
  return self->headings;
}

gboolean
wenji_page_layout_find_anchor (WenjiPageLayout *self,
                               const char      *anchor,
                               guint           *page,
                               double          *x,
                               double          *y)
{
  for (guint i = 0; i < self->headings->len; i++) {
    WenjiHeadingPosition *heading = &g_array_index (self->headings, WenjiHeadingPosition, i);

    if (heading->anchor != NULL && g_str_equal (heading->anchor, anchor)) {
      *page = self->first_page_number + heading->page;
      *x = heading->x;
      *y = heading->y;
      return TRUE;
    }
  }

  return FALSE;
}

static void
draw_footer (WenjiPageLayout *self,
             cairo_t         *cr,
             guint            page)
{
  g_autoptr (GObject) context = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  g_autoptr (PangoFontDescription) font = pango_font_description_new ();
  g_autofree char *number = self->setup.vertical
                            ? wenji_text_chinese_numeral (self->first_page_number + page)
                            : g_strdup_printf ("%u", self->first_page_number + page);
  double width, height;
  int text_w, text_h;

  /* The page number stands upright under the columns. */
  context = G_OBJECT (pango_font_map_create_context (pango_context_get_font_map (self->context)));
  pango_cairo_context_set_font_options (PANGO_CONTEXT (context),
                                        pango_cairo_context_get_font_options (self->context));
  pango_context_set_language (PANGO_CONTEXT (context), pango_context_get_language (self->context));
  layout = pango_layout_new (PANGO_CONTEXT (context));

  wenji_page_setup_get_size (&self->setup, &width, &height);
  pango_font_description_set_family (font,
    wenji_page_setup_get_font_family (&self->setup, WENJI_FONT_HEADING,
                                      wenji_document_get_lang (self->document)));
  pango_font_description_set_size (font, self->setup.font_size * 0.8 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, number, -1);
  pango_layout_get_size (layout, &text_w, &text_h);

  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_move_to (cr, (width - (double) text_w / PANGO_SCALE) / 2,
                 height - self->setup.margin_bottom / 2 - (double) text_h / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
}

/**
 * wenji_page_layout_draw_page:
 * @self: the page layout
 * @cr: where to draw, in points with the page's top left at the origin
 *   (scale @cr for a screen)
 * @page: the page, from 0
 *
 * Draws one page: a white background, the text and the footer. On a PDF
 * surface, links become PDF links.
 */
void
wenji_page_layout_draw_page (WenjiPageLayout *self,
                             cairo_t         *cr,
                             guint            page)
{
  gboolean pdf;
  GArray *slices;
  double width, height;

  g_return_if_fail (WENJI_IS_PAGE_LAYOUT (self));
  g_return_if_fail (page < self->pages->len);

  pdf = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF;
  slices = self->pages->pdata[page];
  wenji_page_setup_get_size (&self->setup, &width, &height);

  cairo_save (cr);
  if (!pdf) {
    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_rectangle (cr, 0, 0, width, height);
    cairo_fill (cr);
  }

  if (self->setup.page_numbers)
    draw_footer (self, cr, page);

  /* A vertical page is drawn turned: its lines run down, from the right. */
  if (self->setup.vertical) {
    cairo_translate (cr, width - self->setup.margin_right, self->setup.margin_top);
    cairo_rotate (cr, G_PI / 2);
  }

  for (guint i = 0; i < slices->len; i++) {
    Slice *slice = &g_array_index (slices, Slice, i);

    wenji_block_layout_draw (self->blocks->pdata[slice->block], cr,
                             self->setup.vertical ? 0 : self->setup.margin_left, slice->y,
                             slice->first_line, slice->n_lines, pdf, self);
  }

  cairo_restore (cr);
}
