/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * WenjiPdfWriter: the pages of WenjiPageLayout on a cairo PDF surface.
 * cairo embeds subsets of the fonts Pango chose and keeps the text as text,
 * so it can be selected and searched; the writer adds the document
 * metadata, an outline from the headings, and links (drawn by the layout).
 */
#include "config.h"

#include <string.h>

#include <errno.h>
#include <glib/gstdio.h>

#include "wenji-error.h"
#include "wenji-pdf-writer-private.h"

G_DEFINE_FINAL_TYPE (WenjiPdfWriter, wenji_pdf_writer, G_TYPE_OBJECT)

static void
wenji_pdf_writer_class_init (WenjiPdfWriterClass *klass)
{
}

static void
wenji_pdf_writer_init (WenjiPdfWriter *self)
{
  wenji_page_setup_init (&self->setup);
}

/**
 * wenji_pdf_writer_new:
 * @setup: (nullable): the page setup, copied; the default one if %NULL
 *
 * Returns: (transfer full): a PDF writer
 */
WenjiPdfWriter *
wenji_pdf_writer_new (const WenjiPageSetup *setup)
{
  WenjiPdfWriter *self = g_object_new (WENJI_TYPE_PDF_WRITER, NULL);

  if (setup != NULL)
    self->setup = *setup;

  return self;
}

/*
 * The PDF goes through a GFileOutputStream that replaces the file only when
 * it closes without error: cairo's own file output ignores a failing flush,
 * so a full disk used to leave a truncated PDF and report success.
 */
typedef struct {
  GOutputStream *stream;
  GError        *error;
  gboolean       existed;
  gboolean       right_to_left;
} PdfSink;

static const cairo_user_data_key_t sink_key;

static void
pdf_sink_free (gpointer data)
{
  PdfSink *sink = data;

  g_clear_object (&sink->stream);
  g_clear_error (&sink->error);
  g_free (sink);
}

static cairo_status_t
pdf_sink_write (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 GError      *cause)
{
  g_autofree char *name = g_filename_display_name (path);

  if (cause != NULL && g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_DISK_FULL,
                 "Cannot write “%s”: the disk is full. Free some space and export again.", name);
  else
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_READ_ONLY,
                 "Cannot write “%s”: %s.", name,
                 cause != NULL ? cause->message : "the file could not be written");
}

cairo_surface_t *
wenji_pdf_surface_new (const WenjiPageSetup  *setup,
                       const char            *path,
                       GError               **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) local_error = NULL;
  cairo_surface_t *surface;
  PdfSink *sink;
  double width, height;

  sink = g_new0 (PdfSink, 1);
  sink->existed = g_file_test (path, G_FILE_TEST_EXISTS);
  sink->right_to_left = setup->vertical;
  sink->stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE,
                                                  G_FILE_CREATE_REPLACE_DESTINATION,
                                                  NULL, &local_error));
  if (sink->stream == NULL) {
    set_write_error (error, path, local_error);
    pdf_sink_free (sink);
    return NULL;
  }

  wenji_page_setup_get_size (setup, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (pdf_sink_write, sink, width, height);
  cairo_surface_set_user_data (surface, &sink_key, sink, pdf_sink_free);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS) {
    g_autofree char *name = g_filename_display_name (path);

    g_set_error (error, WENJI_ERROR, WENJI_ERROR_FAILED, "Cannot make the PDF “%s”: %s.",
                 name, cairo_status_to_string (cairo_surface_status (surface)));
    cairo_surface_destroy (surface);
    return NULL;
  }

  return surface;
}

/* The last @needle in @data, which may hold NUL bytes (compressed streams). */
static const char *
find_last (const char *data,
           gsize       length,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = length >= n ? length - n + 1 : 0; i-- > 0;)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;

  return NULL;
}

/*
 * Tells readers that the pages turn from right to left, as a vertical book
 * is read: cairo writes no viewer preferences, so an incremental update
 * adds /ViewerPreferences << /Direction /R2L >> to the document catalog.
 * The file is replaced whole, or left as cairo wrote it.
 */
static gboolean
mark_right_to_left (const char  *path,
                    GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GRegex) trailer =
    g_regex_new ("trailer\\s*<<(.*?)>>\\s*startxref\\s*(\\d+)\\s*%%EOF\\s*$",
                 G_REGEX_DOTALL, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (GString) update = NULL;
  g_autofree char *dict = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *opening = NULL;
  gint64 root = -1, size = -1, info = -1;
  const char *object, *end, *tail;
  gsize length, offset;

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;
  tail = find_last (data, length, "trailer");
  if (tail == NULL || !g_regex_match_full (trailer, tail, data + length - tail, 0, 0, &match, NULL))
    goto unreadable;

  dict = g_match_info_fetch (match, 1);
  prev = g_match_info_fetch (match, 2);
  for (char *key = strstr (dict, "/"); key != NULL; key = strstr (key + 1, "/")) {
    if (g_str_has_prefix (key, "/Root "))
      root = g_ascii_strtoll (key + 6, NULL, 10);
    else if (g_str_has_prefix (key, "/Size "))
      size = g_ascii_strtoll (key + 6, NULL, 10);
    else if (g_str_has_prefix (key, "/Info "))
      info = g_ascii_strtoll (key + 6, NULL, 10);
  }
  if (root <= 0 || size <= root)
    goto unreadable;

  /* The catalog, as cairo wrote it: "N 0 obj\n<< … >>\nendobj". */
  opening = g_strdup_printf ("\n%" G_GINT64_FORMAT " 0 obj\n", root);
  object = find_last (data, tail - data, opening);
  end = object != NULL ? strstr (object, ">>\nendobj") : NULL;
  if (object == NULL || end == NULL)
    goto unreadable;
  object += strlen (opening);

  update = g_string_new_len (data, length);
  offset = update->len;
  g_string_append_printf (update, "%" G_GINT64_FORMAT " 0 obj\n", root);
  g_string_append_len (update, object, end - object);
  g_string_append (update, "   /ViewerPreferences << /Direction /R2L >>\n>>\nendobj\n");
  g_string_append_printf (update, "xref\n%" G_GINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n"
                          "trailer\n<< /Size %" G_GINT64_FORMAT
                          "\n   /Root %" G_GINT64_FORMAT " 0 R\n",
                          root, offset, size, root);
  if (info > 0)
    g_string_append_printf (update, "   /Info %" G_GINT64_FORMAT " 0 R\n", info);
  g_string_append_printf (update, "   /Prev %s\n>>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          prev, offset + (strstr (update->str + offset, "xref\n") -
                                          (update->str + offset)));

  return g_file_set_contents (path, update->str, update->len, error);

unreadable:
  {
    g_autofree char *name = g_filename_display_name (path);

    g_set_error (error, WENJI_ERROR, WENJI_ERROR_FAILED,
                 "Cannot mark “%s” to be read from right to left: its end is not as written.",
                 name);
    return FALSE;
  }
}

/* Writes the file; a failure leaves the file as it was before, or none. */
gboolean
wenji_pdf_surface_finish (cairo_surface_t  *surface,
                          const char       *path,
                          GError          **error)
{
  PdfSink *sink = cairo_surface_get_user_data (surface, &sink_key);
  g_autoptr (GError) close_error = NULL;
  cairo_status_t status;
  gboolean ok;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS && sink->error == NULL) {
    ok = g_output_stream_close (sink->stream, NULL, &close_error);
    if (!ok) {
      set_write_error (error, path, close_error);
      if (!sink->existed)
        g_remove (path);
    } else if (sink->right_to_left) {
      ok = mark_right_to_left (path, error);
    }
  } else {
    g_autoptr (GCancellable) abandon = g_cancellable_new ();

    /* A cancelled close drops the temporary file and keeps the old one; a
     * new file was written in place, so what there is of it goes. */
    g_cancellable_cancel (abandon);
    g_output_stream_close (sink->stream, abandon, NULL);
    if (!sink->existed)
      g_remove (path);
    ok = FALSE;
    if (sink->error != NULL) {
      set_write_error (error, path, sink->error);
    } else {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, WENJI_ERROR, WENJI_ERROR_FAILED, "Cannot make the PDF “%s”: %s.",
                   name, cairo_status_to_string (status));
    }
  }

  cairo_surface_destroy (surface);

  return ok;
}

void
wenji_pdf_set_metadata (cairo_surface_t    *surface,
                        const char         *title,
                        const char         *author,
                        const char         *subject,
                        const char * const *keywords)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  if (title != NULL && *title != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL && *author != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  if (subject != NULL && *subject != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  if (keywords != NULL && keywords[0] != NULL) {
    g_autofree char *joined = g_strjoinv (", ", (char **) keywords);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, joined);
  }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Wenji " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

char *
wenji_pdf_page_link (guint  page,
                     double x,
                     double y)
{
  char pos[2][G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (pos[0], sizeof pos[0], "%.2f", x);
  g_ascii_formatd (pos[1], sizeof pos[1], "%.2f", y);
  return g_strdup_printf ("page=%u pos=[%s %s]", page, pos[0], pos[1]);
}

/**
 * wenji_pdf_add_outline:
 * @parent: the outline item the headings go under
 * @first_page: the PDF page (from 1) of the layout's first page
 * @skip_title: leave the title out (a book's chapter item stands for it)
 *
 * Adds the layout's headings, nested by level.
 */
void
wenji_pdf_add_outline (cairo_surface_t *surface,
                       int              parent,
                       WenjiPageLayout *layout,
                       guint            first_page,
                       gboolean         skip_title)
{
  GArray *headings = wenji_page_layout_get_headings (layout);
  int parents[8];

  for (guint l = 0; l < G_N_ELEMENTS (parents); l++)
    parents[l] = parent;

  for (guint i = 0; i < headings->len; i++) {
    WenjiHeadingPosition *heading = &g_array_index (headings, WenjiHeadingPosition, i);
    g_autofree char *link = NULL;
    int id;

    if (heading->level == 0 && skip_title)
      continue;

    link = wenji_pdf_page_link (first_page + heading->page, heading->x, heading->y);
    id = cairo_pdf_surface_add_outline (surface, parents[heading->level],
                                        heading->text, link, 0);
    /* Deeper headings go under this one, until one of its level or above. */
    for (guint l = heading->level + 1; l < G_N_ELEMENTS (parents); l++)
      parents[l] = id;
  }
}

/**
 * wenji_pdf_writer_write_article:
 * @self: the writer
 * @article: the article
 * @path: the PDF file to write
 * @error: return location for an error
 *
 * Writes one article with its header, page numbers, metadata and outline.
 *
 * Returns: whether the file was written
 */
gboolean
wenji_pdf_writer_write_article (WenjiPdfWriter  *self,
                                WenjiArticle    *article,
                                const char      *path,
                                GError         **error)
{
  g_autoptr (WenjiDocument) document = NULL;
  g_autoptr (WenjiPageLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (WENJI_IS_PDF_WRITER (self), FALSE);
  g_return_val_if_fail (WENJI_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  document = wenji_document_new_for_article (article, NULL);
  layout = wenji_page_layout_new (&self->setup);
  wenji_page_layout_set_document (layout, document);

  surface = wenji_pdf_surface_new (&self->setup, path, error);
  if (surface == NULL)
    return FALSE;

  wenji_pdf_set_metadata (surface, wenji_article_get_title (article),
                          wenji_article_get_author (article),
                          wenji_article_get_summary (article),
                          wenji_article_get_tags (article));

  cr = cairo_create (surface);
  for (guint page = 0; page < wenji_page_layout_get_n_pages (layout); page++) {
    wenji_page_layout_draw_page (layout, cr, page);
    cairo_show_page (cr);
  }
  cairo_destroy (cr);

  wenji_pdf_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, layout, 1, FALSE);

  return wenji_pdf_surface_finish (surface, path, error);
}
