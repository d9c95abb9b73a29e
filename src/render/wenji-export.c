/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The one path from articles to files. A table of formats says what each
 * writes and how it names its files; wenji_export_articles() writes one
 * article to a file, several to one book or to a folder of files with an
 * index. The command line and the export dialog only choose the row.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "wenji-epub-writer.h"
#include "wenji-error.h"
#include "wenji-export.h"
#include "wenji-html-writer.h"
#include "wenji-markdown-writer.h"
#include "wenji-pdf-writer.h"
#include "wenji-wechat-writer.h"

static gboolean
write_pdf (const WenjiExportOptions  *options,
           WenjiArticle              *article,
           const char                *path,
           GError                   **error)
{
  g_autoptr (WenjiPdfWriter) writer = wenji_pdf_writer_new (&options->setup);

  return wenji_pdf_writer_write_article (writer, article, path, error);
}

static gboolean
write_pdf_book (const WenjiExportOptions  *options,
                GPtrArray                 *articles,
                const char                *path,
                WenjiExportProgress        progress,
                gpointer                   user_data,
                GCancellable              *cancellable,
                GError                   **error)
{
  g_autoptr (WenjiPdfWriter) writer = wenji_pdf_writer_new (&options->setup);

  return wenji_pdf_writer_write_book (writer, options->title, articles, path,
                                      progress, user_data, cancellable, error);
}

static gboolean
write_html (const WenjiExportOptions  *options,
            WenjiArticle              *article,
            const char                *path,
            GError                   **error)
{
  g_autoptr (WenjiHtmlWriter) writer = wenji_html_writer_new (&options->setup);

  return wenji_html_writer_write_article (writer, article, path, error);
}

static gboolean
write_html_index (const WenjiExportFormat   *format,
                  const WenjiExportOptions  *options,
                  GPtrArray                 *articles,
                  const char                *folder,
                  GError                   **error)
{
  g_autoptr (WenjiHtmlWriter) writer = wenji_html_writer_new (&options->setup);
  g_autoptr (GPtrArray) hrefs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (folder, "index.html", NULL);

  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (hrefs, wenji_export_format_file_name (format, articles->pdata[i]));
  g_ptr_array_add (hrefs, NULL);

  return wenji_html_writer_write_index (writer, options->title, articles,
                                        (const char * const *) hrefs->pdata, path, error);
}

static gboolean
write_markdown (const WenjiExportOptions  *options,
                WenjiArticle              *article,
                const char                *path,
                GError                   **error)
{
  return wenji_markdown_writer_write_article (article, path, error);
}

static gboolean
write_epub_book (const WenjiExportOptions  *options,
                 GPtrArray                 *articles,
                 const char                *path,
                 WenjiExportProgress        progress,
                 gpointer                   user_data,
                 GCancellable              *cancellable,
                 GError                   **error)
{
  return wenji_epub_writer_write_book (&options->setup, options->title, articles, path,
                                       progress, user_data, cancellable, error);
}

/* One article is a book of its own, titled as the article. */
static gboolean
write_epub (const WenjiExportOptions  *options,
            WenjiArticle              *article,
            const char                *path,
            GError                   **error)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new ();

  g_ptr_array_add (articles, article);
  return wenji_epub_writer_write_book (&options->setup, wenji_article_get_title (article), articles,
                                       path, NULL, NULL, NULL, error);
}

static gboolean
write_wechat (const WenjiExportOptions  *options,
              WenjiArticle              *article,
              const char                *path,
              GError                   **error)
{
  return wenji_wechat_writer_write_article (&options->setup, article, path, error);
}

static char *
render_wechat (const WenjiExportOptions *options,
               WenjiArticle             *article)
{
  return wenji_wechat_writer_render_article (&options->setup, article);
}

/* In the order the export dialog lists them; the first is the default. */
static const WenjiExportFormat formats[] = {
  { "pdf", N_("PDF"), "pdf", "application/pdf", write_pdf, write_pdf_book, NULL, NULL,
    FALSE, TRUE },
  { "html", N_("HTML"), "html", "text/html", write_html, NULL, write_html_index, NULL },
  { "md", N_("Markdown"), "md", "text/markdown", write_markdown, NULL, NULL, NULL },
  { "epub", N_("EPUB"), "epub", "application/epub+zip", write_epub, write_epub_book, NULL, NULL,
    FALSE, TRUE, TRUE },
  { "wechat", N_("WeChat (HTML fragment)"), "html", "text/html", write_wechat, NULL, NULL,
    render_wechat, TRUE },
};

/**
 * wenji_export_format_get:
 * @index: from 0
 *
 * Returns: (nullable): the format at @index in the table, or %NULL past its end
 */
const WenjiExportFormat *
wenji_export_format_get (guint index)
{
  return index < G_N_ELEMENTS (formats) ? &formats[index] : NULL;
}

/**
 * wenji_export_format_lookup:
 * @name: a format's name, in any case
 *
 * Returns: (nullable): the format, or %NULL for no such format
 */
const WenjiExportFormat *
wenji_export_format_lookup (const char *name)
{
  if (name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      return &formats[i];

  return NULL;
}

/**
 * wenji_export_format_list_names:
 * @separator: between names
 * @last_separator: before the last name
 *
 * Returns: (transfer full): the names of every format, for messages and
 *   help: "html, pdf or md"
 */
char *
wenji_export_format_list_names (const char *separator,
                                const char *last_separator)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++) {
    if (i > 0)
      g_string_append (names, i + 1 == G_N_ELEMENTS (formats) ? last_separator : separator);
    g_string_append (names, formats[i].name);
  }

  return g_string_free (names, FALSE);
}

/**
 * wenji_export_format_can_split:
 *
 * Returns: whether several articles may be one book or a folder, as the
 *   user likes; formats without a book always make a folder
 */
gboolean
wenji_export_format_can_split (const WenjiExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  return format->write_book != NULL;
}

/**
 * wenji_export_makes_folder:
 * @n_articles: how many articles are exported
 * @split: whether the user asked for a folder rather than one book
 *
 * Returns: whether the destination is a folder rather than a file
 */
gboolean
wenji_export_makes_folder (const WenjiExportFormat *format,
                           guint                    n_articles,
                           gboolean                 split)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (n_articles < 2)
    return FALSE;

  return format->write_book == NULL || split;
}

/**
 * wenji_export_format_file_name:
 *
 * Returns: (transfer full): the name of @article's file in a folder:
 *   `article-ID.SUFFIX`
 */
char *
wenji_export_format_file_name (const WenjiExportFormat *format,
                               WenjiArticle            *article)
{
  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (WENJI_IS_ARTICLE (article), NULL);

  return g_strdup_printf ("article-%" G_GINT64_FORMAT ".%s",
                          wenji_article_get_id (article), format->suffix);
}

/**
 * wenji_export_default_name:
 * @articles: (element-type WenjiArticle): what is exported, at least one
 *
 * Returns: (transfer full): a name made of ids, for the command line: the
 *   article's file name, `articles-FIRST.SUFFIX` for a book, or
 *   `articles-SUFFIX` for a folder
 */
char *
wenji_export_default_name (const WenjiExportFormat *format,
                           GPtrArray               *articles,
                           gboolean                 split)
{
  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (articles != NULL && articles->len > 0, NULL);

  if (articles->len == 1)
    return wenji_export_format_file_name (format, articles->pdata[0]);

  if (wenji_export_makes_folder (format, articles->len, split))
    return g_strdup_printf ("articles-%s", format->name);

  return g_strdup_printf ("articles-%" G_GINT64_FORMAT ".%s",
                          wenji_article_get_id (articles->pdata[0]), format->suffix);
}

/**
 * wenji_export_name_for_title:
 * @title: the article's or the book's title
 * @folder: name a folder, without a suffix
 *
 * Returns: (transfer full): a file name made of @title, less the signs a
 *   file system refuses and cut at 60 characters, with the format's suffix
 */
char *
wenji_export_name_for_title (const WenjiExportFormat *format,
                             const char              *title,
                             gboolean                 folder)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (format != NULL, NULL);

  stem = g_strdelimit (g_strdup (title != NULL ? title : ""), "/\\:*?\"<>|\n\t\r", '_');
  if (g_utf8_strlen (stem, -1) > 60)
    *g_utf8_offset_to_pointer (stem, 60) = '\0';
  if (*stem == '\0' || *stem == '.') {
    g_free (stem);
    stem = g_strdup (_("Articles"));
  }

  if (folder)
    return g_steal_pointer (&stem);

  return g_strdup_printf ("%s.%s", stem, format->suffix);
}

static gboolean
make_folder (const char  *folder,
             GError     **error)
{
  g_autofree char *name = NULL;
  int saved_errno;

  if (g_mkdir_with_parents (folder, 0755) == 0)
    return TRUE;

  saved_errno = errno;
  name = g_filename_display_name (folder);
  g_set_error (error, WENJI_ERROR,
               saved_errno == ENOSPC ? WENJI_ERROR_DISK_FULL : WENJI_ERROR_READ_ONLY,
               _("Cannot make the folder “%s”: %s"), name, g_strerror (saved_errno));

  return FALSE;
}

static gboolean
write_folder (const WenjiExportFormat   *format,
              const WenjiExportOptions  *options,
              GPtrArray                 *articles,
              const char                *folder,
              WenjiExportProgress        progress,
              gpointer                   user_data,
              GCancellable              *cancellable,
              GError                   **error)
{
  if (!make_folder (folder, error))
    return FALSE;

  for (guint i = 0; i < articles->len; i++) {
    g_autofree char *name = wenji_export_format_file_name (format, articles->pdata[i]);
    g_autofree char *path = g_build_filename (folder, name, NULL);

    if (g_cancellable_set_error_if_cancelled (cancellable, error))
      return FALSE;
    if (!format->write_article (options, articles->pdata[i], path, error))
      return FALSE;
    if (progress != NULL)
      progress (i + 1, articles->len, user_data);
  }

  if (format->write_index != NULL)
    return format->write_index (format, options, articles, folder, error);

  return TRUE;
}

/**
 * wenji_export_articles:
 * @format: the row of the format table
 * @options: the page setup, the title of a book, whether to split
 * @articles: (element-type WenjiArticle): the articles, in order
 * @destination: the file, or the folder when wenji_export_makes_folder()
 * @progress: (nullable): called after each article, from this thread
 * @cancellable: (nullable): stops between articles
 * @error: return location for an error
 *
 * Writes one article to a file, several to one book or a folder. A file
 * that cannot be written whole leaves what was at @destination before.
 *
 * Returns: whether everything was written
 */
gboolean
wenji_export_articles (const WenjiExportFormat   *format,
                       const WenjiExportOptions  *options,
                       GPtrArray                 *articles,
                       const char                *destination,
                       WenjiExportProgress        progress,
                       gpointer                   user_data,
                       GCancellable              *cancellable,
                       GError                   **error)
{
  WenjiExportOptions titled;

  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (articles != NULL && articles->len > 0, FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  titled = *options;
  if (titled.title == NULL)
    titled.title = _("Articles");

  if (wenji_export_makes_folder (format, articles->len, options->split))
    return write_folder (format, &titled, articles, destination,
                         progress, user_data, cancellable, error);

  if (articles->len > 1)
    return format->write_book (&titled, articles, destination,
                               progress, user_data, cancellable, error);

  if (!format->write_article (&titled, articles->pdata[0], destination, error))
    return FALSE;
  if (progress != NULL)
    progress (1, 1, user_data);

  return TRUE;
}
