/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Several articles as one PDF book: a title page, a table of contents with
 * links, then one chapter per article, numbered on from the contents and
 * each one an item of the outline with its headings below it.
 */
#include "config.h"

#include <pango/pangocairo.h>

#include "wenji-error.h"
#include "wenji-pdf-writer-private.h"

typedef struct {
  WenjiPdfWriter *writer;
  cairo_t        *cr;
  PangoContext   *context;
  const char     *lang;
  double          width;
  double          height;
} Book;

static PangoLayout *
book_layout (Book       *book,
             const char *text,
             WenjiFontRole role,
             double      size,
             PangoWeight weight,
             double      width)
{
  PangoLayout *layout = pango_layout_new (book->context);
  g_autoptr (PangoFontDescription) font = pango_font_description_new ();
  g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();
  const char *family = wenji_page_setup_get_font_family (&book->writer->setup, role, book->lang);

  pango_attr_list_insert (attrs, pango_attr_language_new (wenji_pango_language (book->lang)));
  pango_font_description_set_family (font, family);
  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
draw_title_page (Book       *book,
                 const char *title,
                 guint       n_articles)
{
  const WenjiPageSetup *setup = &book->writer->setup;
  double text_width = book->width - setup->margin_left - setup->margin_right;
  g_autoptr (PangoLayout) heading = NULL;
  g_autoptr (PangoLayout) count = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *line = g_strdup_printf ("%u 篇 · %s", n_articles, date);
  int h;

  heading = book_layout (book, title, WENJI_FONT_HEADING, setup->font_size * 2.6,
                         PANGO_WEIGHT_BOLD, text_width);
  pango_layout_set_alignment (heading, PANGO_ALIGN_CENTER);
  count = book_layout (book, line, WENJI_FONT_HEADING, setup->font_size,
                       PANGO_WEIGHT_NORMAL, text_width);
  pango_layout_set_alignment (count, PANGO_ALIGN_CENTER);

  cairo_set_source_rgb (book->cr, 0.1, 0.1, 0.1);
  cairo_move_to (book->cr, setup->margin_left, book->height * 0.35);
  pango_cairo_show_layout (book->cr, heading);
  pango_layout_get_size (heading, NULL, &h);
  cairo_set_source_rgb (book->cr, 0.4, 0.4, 0.4);
  cairo_move_to (book->cr, setup->margin_left,
                 book->height * 0.35 + (double) h / PANGO_SCALE + setup->font_size * 2);
  pango_cairo_show_layout (book->cr, count);
  cairo_show_page (book->cr);
}

static double
toc_entry_height (Book *book)
{
  return book->writer->setup.font_size * 2;
}

static guint
toc_entries_per_page (Book *book)
{
  const WenjiPageSetup *setup = &book->writer->setup;
  double area = book->height - setup->margin_top - setup->margin_bottom -
                setup->font_size * 4;  /* the heading "目录" */

  return MAX (1, (guint) (area / toc_entry_height (book)));
}

/* One line per article: its title, ellipsized, and its first page. */
static void
draw_contents (Book       *book,
               GPtrArray  *layouts,
               GArray     *first_pages)
{
  const WenjiPageSetup *setup = &book->writer->setup;
  double text_width = book->width - setup->margin_left - setup->margin_right;
  guint per_page = toc_entries_per_page (book);
  gboolean hant = g_str_has_prefix (book->lang, "zh-Hant");

  for (guint i = 0; i < layouts->len; i++) {
    guint in_page = i % per_page;
    WenjiDocument *document = wenji_page_layout_get_document (layouts->pdata[i]);
    const char *title = wenji_document_get_title (document);
    guint target = g_array_index (first_pages, guint, i);
    g_autofree char *number = g_strdup_printf ("%u", target);
    g_autoptr (PangoLayout) entry = NULL;
    g_autoptr (PangoLayout) page = NULL;
    g_autofree char *link = NULL;
    g_autofree char *attributes = NULL;
    double y;
    char rect[4][G_ASCII_DTOSTR_BUF_SIZE];

    if (in_page == 0) {
      g_autoptr (PangoLayout) heading = book_layout (book, hant ? "目錄" : "目录",
                                                    WENJI_FONT_HEADING, setup->font_size * 1.6,
                                                    PANGO_WEIGHT_BOLD, text_width);
      if (i > 0) {
        cairo_show_page (book->cr);
      }
      cairo_set_source_rgb (book->cr, 0.1, 0.1, 0.1);
      cairo_move_to (book->cr, setup->margin_left, setup->margin_top);
      pango_cairo_show_layout (book->cr, heading);
    }

    y = setup->margin_top + setup->font_size * 4 + in_page * toc_entry_height (book);
    entry = book_layout (book, *title ? title : "—", WENJI_FONT_BODY, setup->font_size,
                         PANGO_WEIGHT_NORMAL, text_width - setup->font_size * 4);
    pango_layout_set_ellipsize (entry, PANGO_ELLIPSIZE_END);
    page = book_layout (book, number, WENJI_FONT_BODY, setup->font_size,
                        PANGO_WEIGHT_NORMAL, setup->font_size * 4);
    pango_layout_set_alignment (page, PANGO_ALIGN_RIGHT);

    cairo_set_source_rgb (book->cr, 0.1, 0.1, 0.1);
    cairo_move_to (book->cr, setup->margin_left, y);
    pango_cairo_show_layout (book->cr, entry);
    cairo_move_to (book->cr, book->width - setup->margin_right - setup->font_size * 4, y);
    pango_cairo_show_layout (book->cr, page);

    link = wenji_pdf_page_link (target, setup->margin_left, setup->margin_top);
    g_ascii_formatd (rect[0], sizeof rect[0], "%.2f", setup->margin_left);
    g_ascii_formatd (rect[1], sizeof rect[1], "%.2f", y);
    g_ascii_formatd (rect[2], sizeof rect[2], "%.2f", text_width);
    g_ascii_formatd (rect[3], sizeof rect[3], "%.2f", setup->font_size * 1.5);
    attributes = g_strdup_printf ("rect=[%s %s %s %s] %s",
                                  rect[0], rect[1], rect[2], rect[3], link);
    cairo_tag_begin (book->cr, CAIRO_TAG_LINK, attributes);
    cairo_tag_end (book->cr, CAIRO_TAG_LINK);
  }

  cairo_show_page (book->cr);
}

/**
 * wenji_pdf_writer_write_book:
 * @self: the writer
 * @title: the book's title, for its title page and metadata
 * @articles: (element-type WenjiArticle): the chapters, in order
 * @path: the PDF file to write
 * @progress: (nullable): called after each article is laid out
 * @cancellable: (nullable): stops between articles
 * @error: return location for an error
 *
 * Returns: whether the file was written
 */
gboolean
wenji_pdf_writer_write_book (WenjiPdfWriter       *self,
                             const char           *title,
                             GPtrArray            *articles,
                             const char           *path,
                             WenjiExportProgress   progress,
                             gpointer              user_data,
                             GCancellable         *cancellable,
                             GError              **error)
{
  g_autoptr (GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) first_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  cairo_surface_t *surface;
  Book book = { self };
  guint n_toc_pages, next_page;

  g_return_val_if_fail (WENJI_IS_PDF_WRITER (self), FALSE);
  g_return_val_if_fail (articles != NULL && articles->len > 0, FALSE);

  /* All chapters are laid out first: the contents need their pages. */
  for (guint i = 0; i < articles->len; i++) {
    g_autoptr (WenjiDocument) document = wenji_document_new_for_article (articles->pdata[i], NULL);
    WenjiPageLayout *layout = wenji_page_layout_new (&self->setup);

    if (g_cancellable_set_error_if_cancelled (cancellable, error)) {
      g_object_unref (layout);
      return FALSE;
    }
    wenji_page_layout_set_document (layout, document);
    g_ptr_array_add (layouts, layout);
    if (progress != NULL)
      progress (i + 1, articles->len, user_data);
  }

  book.lang = wenji_document_get_lang (wenji_page_layout_get_document (layouts->pdata[0]));
  wenji_page_setup_get_size (&self->setup, &book.width, &book.height);
  n_toc_pages = (layouts->len + toc_entries_per_page (&book) - 1) / toc_entries_per_page (&book);
  next_page = 2 + n_toc_pages;
  for (guint i = 0; i < layouts->len; i++) {
    wenji_page_layout_set_first_page_number (layouts->pdata[i], next_page);
    g_array_append_val (first_pages, next_page);
    next_page += wenji_page_layout_get_n_pages (layouts->pdata[i]);
  }

  surface = wenji_pdf_surface_new (&self->setup, path, error);
  if (surface == NULL)
    return FALSE;
  wenji_pdf_set_metadata (surface, title, NULL, NULL, NULL);

  book.context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_context_set_language (book.context, wenji_pango_language (book.lang));
  book.cr = cairo_create (surface);

  draw_title_page (&book, title, layouts->len);
  draw_contents (&book, layouts, first_pages);

  for (guint i = 0; i < layouts->len; i++) {
    WenjiPageLayout *layout = layouts->pdata[i];
    WenjiDocument *document = wenji_page_layout_get_document (layout);
    guint first = g_array_index (first_pages, guint, i);
    g_autofree char *link = wenji_pdf_page_link (first, self->setup.margin_left,
                                                 self->setup.margin_top);
    const char *chapter = wenji_document_get_title (document);
    int id;

    for (guint page = 0; page < wenji_page_layout_get_n_pages (layout); page++) {
      wenji_page_layout_draw_page (layout, book.cr, page);
      cairo_show_page (book.cr);
    }

    id = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                        *chapter ? chapter : "—", link, 0);
    wenji_pdf_add_outline (surface, id, layout, first, TRUE);
  }

  cairo_destroy (book.cr);
  g_object_unref (book.context);

  return wenji_pdf_surface_finish (surface, path, error);
}
