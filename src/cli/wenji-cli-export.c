/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wenji-cli export: parses the options and hands the articles to the
 * export pipeline (wenji-export.c), which knows the formats. */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "wenji-cli.h"
#include "wenji-render.h"

typedef struct {
  WenjiCliProgress  line;
  const char       *what;
} ExportProgress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  ExportProgress *progress = user_data;
  g_autofree char *text = NULL;

  if (!wenji_cli_progress_due (&progress->line, done, total))
    return;

  text = g_strdup_printf ("%s %u/%u", progress->what, done, total);
  wenji_cli_progress_show (&progress->line, text);
}

/* "html, pdf or md", from the format table. */
static char *
list_formats (void)
{
  /* Translators: how names are listed, "html, pdf or md": between names,
   * and before the last one */
  return wenji_export_format_list_names (_(", "), _(" or "));
}

static GPtrArray *
load_articles (WenjiLibrary  *library,
               int            argc,
               char         **argv)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);

  for (int i = 1; i < argc; i++) {
    WenjiArticle *article;
    gint64 id;

    if (!wenji_cli_parse_article_id (argv[i], &id) ||
        (article = wenji_cli_load_article (library, id)) == NULL)
      return NULL;
    g_ptr_array_add (articles, article);
  }

  return g_steal_pointer (&articles);
}

int
wenji_cli_command_export (const char  *library_path,
                          int          argc,
                          char       **argv)
{
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *body_font = NULL;
  g_autofree char *heading_font = NULL;
  g_autofree char *title = NULL;
  g_autofree char *theme_name = NULL;
  g_autofree char *prgname = NULL;
  g_autofree char *names = list_formats ();
  gboolean indent = FALSE;
  gboolean vertical = FALSE;
  gboolean embed_fonts = FALSE;
  gboolean folder = FALSE;
  ExportProgress progress = { { 0 }, _("Exporting") };
  WenjiExportOptions options = { 0 };
  const WenjiExportFormat *format;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, names, N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file (or, for several HTML or Markdown articles, the folder) to write; "
         "- for standard output"),
      N_("PATH") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme_name,
      N_("Colours and headings: house (default), fresh or ink"), N_("THEME") },
    { "folder", 0, 0, G_OPTION_ARG_NONE, &folder,
      N_("Write several articles as a folder of files, also where they could be one book"),
      NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("Page size for PDF: a4 (default), a5, b5 or letter"), N_("SIZE") },
    { "indent", 0, 0, G_OPTION_ARG_NONE, &indent,
      N_("Indent the first line of each paragraph by two characters"), NULL },
    { "embed-fonts", 0, 0, G_OPTION_ARG_NONE, &embed_fonts,
      N_("Put subsets of the fonts in an EPUB book, for readers without Chinese fonts"), NULL },
    { "vertical", 0, 0, G_OPTION_ARG_NONE, &vertical,
      N_("Set the text vertically (直排): columns from right to left, pages turned from right "
         "to left (PDF and EPUB)"), NULL },
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
      "of contents, or a folder of files (HTML ones with an index.html)."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error)) {
    wenji_cli_error (_("%s (see “wenji-cli export --help”)"), error->message);
    return WENJI_CLI_EXIT_ERROR;
  }

  if (format_name == NULL) {
    wenji_cli_error (_("export needs --format %s"), names);
    return WENJI_CLI_EXIT_ERROR;
  }
  format = wenji_export_format_lookup (format_name);
  if (format == NULL) {
    wenji_cli_error (_("--format must be %s"), names);
    return WENJI_CLI_EXIT_ERROR;
  }

  wenji_page_setup_init (&options.setup);
  options.setup.indent = indent;
  options.setup.vertical = vertical;
  options.setup.embed_fonts = embed_fonts;
  options.title = title;
  options.split = folder;
  wenji_page_setup_set_fonts (&options.setup, body_font, heading_font);
  if (theme_name != NULL && !wenji_theme_from_string (theme_name, &options.setup.theme)) {
    wenji_cli_error (_("--theme must be house, fresh or ink"));
    return WENJI_CLI_EXIT_ERROR;
  }
  if (paper_name != NULL && !wenji_paper_from_string (paper_name, &options.setup.paper)) {
    wenji_cli_error (_("--paper must be a4, a5, b5 or letter"));
    return WENJI_CLI_EXIT_ERROR;
  }
  if (argc < 2) {
    wenji_cli_error (_("export needs at least one article id (see “wenji-cli export --help”)"));
    return WENJI_CLI_EXIT_ERROR;
  }

  library = wenji_cli_open_library (library_path, FALSE);
  if (library == NULL)
    return WENJI_CLI_EXIT_ERROR;

  articles = load_articles (library, argc, argv);
  if (articles == NULL)
    return WENJI_CLI_EXIT_ERROR;

  /* A text format of one article may go to standard output. */
  if (g_strcmp0 (output, "-") == 0) {
    g_autofree char *text = NULL;

    if (format->render == NULL || articles->len != 1) {
      wenji_cli_error (_("--output - writes one article in a text format (wechat) to standard "
                         "output"));
      return WENJI_CLI_EXIT_ERROR;
    }
    text = format->render (&options, articles->pdata[0]);
    wenji_cli_print ("%s", text);
    return WENJI_CLI_EXIT_OK;
  }

  if (output == NULL)
    output = wenji_export_default_name (format, articles, options.split);
  if (articles->len > 1 && !wenji_export_makes_folder (format, articles->len, options.split))
    progress.what = _("Laying out");

  if (!wenji_export_articles (format, &options, articles, output,
                              progress_cb, &progress, NULL, &error)) {
    wenji_cli_progress_clear (&progress.line);
    return wenji_cli_fail (error);
  }
  wenji_cli_progress_clear (&progress.line);

  wenji_cli_print ("%s\n", output);
  return WENJI_CLI_EXIT_OK;
}
