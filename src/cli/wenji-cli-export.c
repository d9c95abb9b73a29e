/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wenji-cli export: articles to PDF, HTML or Markdown. One article is one
 * file; several are one PDF book, or a folder of HTML or Markdown files
 * (HTML with an index.html). */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "wenji-cli.h"
#include "wenji-render.h"

typedef enum {
  FORMAT_PDF,
  FORMAT_HTML,
  FORMAT_MD,
} Format;

static const char *extensions[] = { "pdf", "html", "md" };

typedef struct {
  gint64   last_update;
  gboolean shown;
  const char *what;
} ExportProgress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  ExportProgress *progress = user_data;
  gint64 now = g_get_monotonic_time ();

  if (total < 2)
    return;
  if (done < total && now - progress->last_update < G_USEC_PER_SEC / 10)
    return;

  progress->last_update = now;
  progress->shown = TRUE;
  fprintf (stderr, "\r%s %u/%u", progress->what, done, total);
  if (done == total)
    fputc ('\n', stderr);
  fflush (stderr);
}

static gboolean
parse_format (const char *text,
              Format     *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++) {
    if (text != NULL && g_ascii_strcasecmp (text, extensions[i]) == 0) {
      *format = i;
      return TRUE;
    }
  }

  wenji_cli_error (_("--format must be html, pdf or md"));
  return FALSE;
}

static GPtrArray *
load_articles (WenjiLibrary  *library,
               int            argc,
               char         **argv)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);

  for (int i = 1; i < argc; i++) {
    g_autoptr(GError) error = NULL;
    WenjiArticle *article;
    gint64 id;

    if (!g_ascii_string_to_signed (argv[i], 10, 1, G_MAXINT64, &id, NULL)) {
      wenji_cli_error (_("“%s” is not an article id (a positive number)"), argv[i]);
      return NULL;
    }

    article = wenji_library_load_article (library, id, &error);
    if (article == NULL) {
      if (error == NULL || g_error_matches (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND))
        wenji_cli_error (_("no article with id %lld"), (long long) id);
      else
        wenji_cli_fail (error);
      return NULL;
    }
    g_ptr_array_add (articles, article);
  }

  return g_steal_pointer (&articles);
}

static char *
default_output (Format     format,
                GPtrArray *articles)
{
  if (articles->len == 1 || format == FORMAT_PDF) {
    gint64 id = wenji_article_get_id (articles->pdata[0]);
    const char *stem = articles->len == 1 ? "article" : "articles";
    return g_strdup_printf ("%s-%" G_GINT64_FORMAT ".%s", stem, id, extensions[format]);
  }

  return g_strdup_printf ("articles-%s", extensions[format]);
}

static gboolean
write_markdown_folder (GPtrArray   *articles,
                       const char  *folder,
                       ExportProgress *progress,
                       GError     **error)
{
  if (g_mkdir_with_parents (folder, 0755) != 0) {
    g_autofree char *name = g_filename_display_name (folder);
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_READ_ONLY,
                 _("Cannot make the folder “%s”: %s"), name, g_strerror (errno));
    return FALSE;
  }

  for (guint i = 0; i < articles->len; i++) {
    WenjiArticle *article = articles->pdata[i];
    g_autofree char *name = g_strdup_printf ("article-%" G_GINT64_FORMAT ".md",
                                             wenji_article_get_id (article));
    g_autofree char *path = g_build_filename (folder, name, NULL);

    if (!wenji_markdown_writer_write_article (article, path, error))
      return FALSE;
    progress_cb (i + 1, articles->len, progress);
  }

  return TRUE;
}

int
wenji_cli_command_export (const char  *library_path,
                          int          argc,
                          char       **argv)
{
  g_autoptr(WenjiLibrary) library = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *body_font = NULL;
  g_autofree char *heading_font = NULL;
  g_autofree char *title = NULL;
  g_autofree char *prgname = NULL;
  gboolean indent = FALSE;
  ExportProgress progress = { 0, FALSE, _("Exporting") };
  WenjiPageSetup setup;
  Format format;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("html, pdf or md"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file (or, for several HTML or Markdown articles, the folder) to write"),
      N_("PATH") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("Page size for PDF: a4 (default), a5, b5 or letter"), N_("SIZE") },
    { "indent", 0, 0, G_OPTION_ARG_NONE, &indent,
      N_("Indent the first line of each paragraph by two characters"), NULL },
    { "body-font", 0, 0, G_OPTION_ARG_STRING, &body_font,
      N_("Font family of the text in PDF and HTML (default: Noto Serif CJK)"), N_("FAMILY") },
    { "heading-font", 0, 0, G_OPTION_ARG_STRING, &heading_font,
      N_("Font family of titles and headings in PDF and HTML (default: Noto Sans CJK)"),
      N_("FAMILY") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("The title of a book of several articles"), N_("TITLE") },
    { NULL }
  };

  prgname = g_strdup_printf ("wenji-cli %s", argv[0]);
  g_set_prgname (prgname);
  context = g_option_context_new (_("ID…"));
  g_option_context_set_summary (context,
    _("Export articles. One article is one file; several are one PDF book with a table "
      "of contents, or a folder of HTML files with an index.html, or of Markdown files."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error)) {
    wenji_cli_error (_("%s (see “wenji-cli export --help”)"), error->message);
    return WENJI_CLI_EXIT_ERROR;
  }

  if (format_name == NULL) {
    wenji_cli_error (_("export needs --format html, pdf or md"));
    return WENJI_CLI_EXIT_ERROR;
  }
  if (!parse_format (format_name, &format))
    return WENJI_CLI_EXIT_ERROR;

  wenji_page_setup_init (&setup);
  setup.indent = indent;
  wenji_page_setup_set_fonts (&setup, body_font, heading_font);
  if (paper_name != NULL && !wenji_paper_from_string (paper_name, &setup.paper)) {
    wenji_cli_error (_("--paper must be a4, a5, b5 or letter"));
    return WENJI_CLI_EXIT_ERROR;
  }
  if (argc < 2) {
    wenji_cli_error (_("export needs at least one article id (see “wenji-cli export --help”)"));
    return WENJI_CLI_EXIT_ERROR;
  }

  if (!g_file_test (library_path, G_FILE_TEST_EXISTS)) {
    wenji_cli_error (_("no library at %s"), library_path);
    return WENJI_CLI_EXIT_ERROR;
  }
  library = wenji_library_open (library_path, &error);
  if (library == NULL)
    return wenji_cli_fail (error);

  articles = load_articles (library, argc, argv);
  if (articles == NULL)
    return WENJI_CLI_EXIT_ERROR;

  if (output == NULL)
    output = default_output (format, articles);
  if (title == NULL)
    title = g_strdup (_("Articles"));

  if (articles->len == 1) {
    WenjiArticle *article = articles->pdata[0];

    if (format == FORMAT_PDF) {
      g_autoptr(WenjiPdfWriter) writer = wenji_pdf_writer_new (&setup);
      ok = wenji_pdf_writer_write_article (writer, article, output, &error);
    } else if (format == FORMAT_HTML) {
      g_autoptr(WenjiHtmlWriter) writer = wenji_html_writer_new (&setup);
      ok = wenji_html_writer_write_article (writer, article, output, &error);
    } else {
      ok = wenji_markdown_writer_write_article (article, output, &error);
    }
  } else if (format == FORMAT_PDF) {
    g_autoptr(WenjiPdfWriter) writer = wenji_pdf_writer_new (&setup);
    progress.what = _("Laying out");
    ok = wenji_pdf_writer_write_book (writer, title, articles, output,
                                      progress_cb, &progress, NULL, &error);
  } else if (format == FORMAT_HTML) {
    g_autoptr(WenjiHtmlWriter) writer = wenji_html_writer_new (&setup);
    ok = wenji_html_writer_write_folder (writer, title, articles, output,
                                         progress_cb, &progress, NULL, &error);
  } else {
    ok = write_markdown_folder (articles, output, &progress, &error);
  }

  if (!ok)
    return wenji_cli_fail (error);

  wenji_cli_print ("%s\n", output);
  return WENJI_CLI_EXIT_OK;
}
