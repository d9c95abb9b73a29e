/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The commands of wenji-cli. Each one parses its own options strictly,
 * opens the library, does one thing and returns an exit status; a user
 * error is one line on stderr (wenji_cli_error()) and status 1. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "wenji-cli.h"

/* Parses the options of the command argv[0]; "wenji-cli list --help"
 * prints the command's help and exits. */
gboolean
wenji_cli_parse_options (int                *argc,
                         char             ***argv,
                         const char         *parameters,
                         const char         *summary,
                         const GOptionEntry *entries)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prgname = NULL;
  const char *name = (*argv)[0];

  /* The usage line then reads "wenji-cli list [OPTION…]". */
  prgname = g_strdup_printf ("wenji-cli %s", name);
  g_set_prgname (prgname);

  context = g_option_context_new (parameters);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error)) {
    wenji_cli_error (_("%s (see “wenji-cli %s --help”)"), error->message, name);
    return FALSE;
  }

  return TRUE;
}

/* The library at @library_path with the article @id loaded from it, or
 * NULL, with the reason said, for either. */
static WenjiLibrary *
open_library_with_article (const char    *library_path,
                           gint64         id,
                           WenjiArticle **article)
{
  g_autoptr (WenjiLibrary) library = wenji_cli_open_library (library_path, FALSE);

  if (library == NULL)
    return NULL;

  *article = wenji_cli_load_article (library, id);
  if (*article == NULL)
    return NULL;

  return g_steal_pointer (&library);
}

/* import */

static void
import_progress_cb (guint       done,
                    guint       total,
                    const char *path,
                    gpointer    user_data)
{
  g_autofree char *text = NULL;

  if (!wenji_cli_progress_due (user_data, done, total))
    return;

  text = g_strdup_printf (_("Importing… %u of %u files"), done, total);
  wenji_cli_progress_show (user_data, text);
}

static void
print_import_summary (WenjiImportReport *report)
{
  g_autofree char *articles = NULL;
  g_autofree char *duplicates = NULL;
  g_autofree char *failed = NULL;

  articles = g_strdup_printf (ngettext ("%u article", "%u articles", report->imported),
                              report->imported);
  duplicates = g_strdup_printf (ngettext ("%u duplicate skipped", "%u duplicates skipped",
                                          report->duplicates),
                                report->duplicates);
  failed = g_strdup_printf (ngettext ("%u failed", "%u failed", report->failed),
                            report->failed);

  /* Translators: "Imported 3 articles, 0 duplicates skipped, 1 failed" */
  wenji_cli_print (_("Imported %s, %s, %s"), articles, duplicates, failed);
  wenji_cli_print ("\n");

  for (guint i = 0; report->files != NULL && i < report->files->len; i++) {
    WenjiImportFile *file = g_ptr_array_index (report->files, i);
    g_autofree char *message = NULL;

    if (file->outcome != WENJI_IMPORT_FAILED)
      continue;

    message = wenji_cli_one_line (file->message != NULL ? file->message : _("failed"));
    wenji_cli_print ("  %s: %s\n", file->path, message);
  }

  /* Imported all the same, with something missing: pictures that stayed
   * behind. */
  for (guint i = 0; report->files != NULL && i < report->files->len; i++) {
    WenjiImportFile *file = g_ptr_array_index (report->files, i);

    for (guint k = 0; file->warnings != NULL && k < file->warnings->len; k++) {
      g_autofree char *message = wenji_cli_one_line (file->warnings->pdata[k]);

      /* Translators: a page that was imported, and what it lacks */
      wenji_cli_print (_("  %s: imported, but %s\n"), file->path, message);
    }
  }
}

static int
command_import (const char  *library_path,
                int          argc,
                char       **argv)
{
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  WenjiCliProgress progress = { 0 };
  gboolean json = FALSE;
  gboolean keep_punctuation = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { "keep-punctuation", 0, 0, G_OPTION_ARG_NONE, &keep_punctuation,
      N_("Keep the half-width punctuation between Chinese characters of web pages and text "
         "files (by default it becomes full-width, the text as it came kept in the history)"),
      NULL },
    { NULL }
  };

  if (!wenji_cli_parse_options (&argc, &argv, _("PATH…"),
                              _("Import files or folders of .html, .txt, .md and .jsonl "
                                "files, and pages from the web by their http or https "
                                "address.\n"
                                "A saved web page becomes an article with its title, date, "
                                "author, source and editor, without the page around it. A "
                                ".txt file is one article whose first line is the title "
                                "(a page saved as text loses its page chrome too); a .md "
                                "file may start with YAML front matter; a .jsonl file "
                                "holds one article a line with the fields title, text, "
                                "date, source and lang. GB18030, Big5 and UTF-16 files are "
                                "recognised. Articles whose text is already in the library "
                                "are skipped.\n"
                                "A page from the web is fetched with its pictures, which "
                                "are kept in the library; a page whose address is already "
                                "in the library is skipped.\n\n"
                                "Exit status 1 when files failed and nothing was imported; "
                                "0 otherwise, with the failures listed."),
                              entries))
    return WENJI_CLI_EXIT_ERROR;

  if (argc < 2) {
    wenji_cli_error (_("nothing to import (see “wenji-cli import --help”)"));
    return WENJI_CLI_EXIT_ERROR;
  }

  library = wenji_cli_open_library (library_path, TRUE);
  if (library == NULL)
    return WENJI_CLI_EXIT_ERROR;

  report = wenji_import_paths (library, (const char * const *) argv + 1,
                               keep_punctuation ? WENJI_IMPORT_KEEP_PUNCTUATION
                                                : WENJI_IMPORT_FLAGS_NONE,
                               isatty (fileno (stderr)) ? import_progress_cb : NULL,
                               &progress, NULL, &error);
  wenji_cli_progress_clear (&progress);

  if (report == NULL)
    return wenji_cli_fail (error);

  if (json) {
    g_autoptr (JsonNode) node = wenji_cli_json_import_report (report);

    wenji_cli_json_print (node);
  } else {
    print_import_summary (report);
  }

  if (report->imported == 0 && report->failed > 0) {
    wenji_cli_error (ngettext ("nothing was imported; %u file failed",
                               "nothing was imported; %u files failed",
                               report->failed),
                     report->failed);
    return WENJI_CLI_EXIT_ERROR;
  }

  return WENJI_CLI_EXIT_OK;
}

/* list */

static gboolean
parse_filter (const char         *status,
              gboolean            trash,
              WenjiArticleFilter *filter)
{
  if (trash && status != NULL) {
    wenji_cli_error (_("--trash and --status cannot be used together"));
    return FALSE;
  }

  if (trash)
    *filter = WENJI_ARTICLE_FILTER_TRASH;
  else if (status == NULL)
    *filter = WENJI_ARTICLE_FILTER_ALL;
  else if (g_str_equal (status, WENJI_STATUS_DRAFT))
    *filter = WENJI_ARTICLE_FILTER_DRAFT;
  else if (g_str_equal (status, WENJI_STATUS_READY))
    *filter = WENJI_ARTICLE_FILTER_READY;
  else if (g_str_equal (status, WENJI_STATUS_PUBLISHED))
    *filter = WENJI_ARTICLE_FILTER_PUBLISHED;
  else {
    wenji_cli_error (_("unknown status “%s” (use draft, ready or published)"), status);
    return FALSE;
  }

  return TRUE;
}

static char *
table_cell (const char *text)
{
  char *cell = g_strdup (text != NULL ? text : "");

  g_strdelimit (cell, "\r\n\t", ' ');
  return cell;
}

/* Columns on a terminal: a Han character takes two cells. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (g_unichar_iszerowidth (c))
      continue;
    width += g_unichar_iswide (c) ? 2 : 1;
  }

  return width;
}

static void
append_cell (GString    *line,
             const char *text,
             guint       width,
             gboolean    align_right)
{
  guint text_width = display_width (text);
  guint padding = width > text_width ? width - text_width : 0;

  if (align_right)
    g_string_append_printf (line, "%*s%s", (int) padding, "", text);
  else
    g_string_append_printf (line, "%s%*s", text, (int) padding, "");
}

typedef enum {
  COLUMN_ID,
  COLUMN_STATUS,
  COLUMN_DATE,
  COLUMN_CHARS,
  COLUMN_TITLE,
  N_COLUMNS
} ListColumn;

static void
print_list_table (GListModel *model)
{
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint widths[N_COLUMNS] = { 0, };
  /* Translators: the column headings of "wenji-cli list". */
  const char *headings[N_COLUMNS + 1] = {
    _("ID"), _("Status"), _("Date"), _("Chars"), _("Title"), NULL
  };

  if (n_items == 0)
    return;

  g_ptr_array_add (rows, g_strdupv ((char **) headings));

  for (guint i = 0; i < n_items; i++) {
    g_autoptr (WenjiArticleSummary) summary = g_list_model_get_item (model, i);
    const char *date = wenji_article_summary_get_published_at (summary);
    char **row = g_new0 (char *, N_COLUMNS + 1);
    g_autofree char *title = NULL;

    if (date == NULL || *date == '\0')
      date = wenji_article_summary_get_updated_at (summary);
    title = table_cell (wenji_article_summary_get_title (summary));

    row[COLUMN_ID] = g_strdup_printf ("%" G_GINT64_FORMAT, wenji_article_summary_get_id (summary));
    row[COLUMN_STATUS] = table_cell (wenji_article_summary_get_status (summary));
    row[COLUMN_DATE] = g_strndup (date != NULL ? date : "", 10);
    row[COLUMN_CHARS] = g_strdup_printf ("%u", wenji_article_summary_get_char_count (summary));
    row[COLUMN_TITLE] = g_strdup (*title != '\0' ? title : _("(untitled)"));
    g_ptr_array_add (rows, row);
  }

  for (guint i = 0; i < rows->len; i++) {
    char **row = g_ptr_array_index (rows, i);

    for (guint column = 0; column < COLUMN_TITLE; column++)
      widths[column] = MAX (widths[column], display_width (row[column]));
  }

  /* The title comes last so that a long one cannot push the others. */
  for (guint i = 0; i < rows->len; i++) {
    char **row = g_ptr_array_index (rows, i);
    g_autoptr (GString) line = g_string_new (NULL);

    append_cell (line, row[COLUMN_ID], widths[COLUMN_ID], TRUE);
    g_string_append (line, "  ");
    append_cell (line, row[COLUMN_STATUS], widths[COLUMN_STATUS], FALSE);
    g_string_append (line, "  ");
    append_cell (line, row[COLUMN_DATE], widths[COLUMN_DATE], FALSE);
    g_string_append (line, "  ");
    append_cell (line, row[COLUMN_CHARS], widths[COLUMN_CHARS], TRUE);
    g_string_append (line, "  ");
    g_string_append (line, row[COLUMN_TITLE]);
    wenji_cli_print ("%s\n", line->str);
  }
}

static int
print_list_json (WenjiLibrary *library,
                 GListModel   *model)
{
  g_autoptr (JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr (JsonArray) array = json_array_new ();
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++) {
    g_autoptr (WenjiArticleSummary) summary = g_list_model_get_item (model, i);
    g_autoptr (GError) error = NULL;
    g_auto (GStrv) tags = NULL;

    /* The summary's tags are a display string; ask the library for the
     * list so that a tag containing a comma survives. */
    tags = wenji_library_get_article_tags (library,
                                           wenji_article_summary_get_id (summary),
                                           &error);
    if (error != NULL)
      return wenji_cli_fail (error);

    json_array_add_element (array,
                            wenji_cli_json_summary (summary, (const char * const *) tags));
  }

  json_node_set_array (root, array);
  wenji_cli_json_print (root);
  return WENJI_CLI_EXIT_OK;
}

static int
command_list (const char  *library_path,
              int          argc,
              char       **argv)
{
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiArticleList) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *status = NULL;
  WenjiArticleFilter filter;
  gboolean trash = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "tag", 0, 0, G_OPTION_ARG_STRING, &tag, N_("Only articles with this tag"), N_("TAG") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Only articles with this status: draft, ready or published"), N_("STATUS") },
    { "trash", 0, 0, G_OPTION_ARG_NONE, &trash, N_("List the Trash instead"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the list as JSON"), NULL },
    { NULL }
  };

  if (!wenji_cli_parse_options (&argc, &argv, NULL,
                              _("List the articles, the most recently changed first."),
                              entries))
    return WENJI_CLI_EXIT_ERROR;

  if (argc > 1) {
    wenji_cli_error (_("unexpected argument “%s” (see “wenji-cli list --help”)"), argv[1]);
    return WENJI_CLI_EXIT_ERROR;
  }

  if (!parse_filter (status, trash, &filter))
    return WENJI_CLI_EXIT_ERROR;

  library = wenji_cli_open_library (library_path, FALSE);
  if (library == NULL)
    return WENJI_CLI_EXIT_ERROR;

  list = wenji_article_list_new (library);
  wenji_article_list_set_filter (list, filter);
  wenji_article_list_set_tag (list, tag);
  wenji_article_list_set_sort (list, WENJI_ARTICLE_SORT_UPDATED);
  if (!wenji_article_list_reload (list, &error))
    return wenji_cli_fail (error);

  if (json)
    return print_list_json (library, G_LIST_MODEL (list));

  print_list_table (G_LIST_MODEL (list));
  return WENJI_CLI_EXIT_OK;
}

/* show */

static void
print_field (const char *key,
             const char *value)
{
  g_autofree char *line = NULL;

  if (value == NULL || *value == '\0')
    return;

  line = table_cell (value);
  wenji_cli_print ("%s: %s\n", key, line);
}

static void
print_article (WenjiArticle *article)
{
  const char * const *tags = wenji_article_get_tags (article);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, wenji_article_get_id (article));
  g_autofree char *char_count = g_strdup_printf ("%u", wenji_article_get_char_count (article));
  g_autofree char *tag_line = tags != NULL ? g_strjoinv (", ", (char **) tags) : NULL;
  const char *body = wenji_article_get_body (article);

  /* Keys are the JSON field names: stable, not translated. */
  print_field ("id", id);
  print_field ("uuid", wenji_article_get_uuid (article));
  print_field ("title", wenji_article_get_title (article));
  print_field ("author", wenji_article_get_author (article));
  print_field ("source", wenji_article_get_source (article));
  print_field ("source_url", wenji_article_get_source_url (article));
  print_field ("editor", wenji_article_get_editor (article));
  print_field ("published_at", wenji_article_get_published_at (article));
  print_field ("created_at", wenji_article_get_created_at (article));
  print_field ("updated_at", wenji_article_get_updated_at (article));
  print_field ("deleted_at", wenji_article_get_deleted_at (article));
  print_field ("status", wenji_article_get_status (article));
  print_field ("lang", wenji_article_get_lang (article));
  print_field ("char_count", char_count);
  print_field ("content_hash", wenji_article_get_content_hash (article));
  print_field ("tags", tag_line);
  print_field ("summary", wenji_article_get_summary (article));

  wenji_cli_print ("\n%s", body != NULL ? body : "");
  if (body != NULL && *body != '\0' && !g_str_has_suffix (body, "\n"))
    wenji_cli_print ("\n");
}

static int
command_show (const char  *library_path,
              int          argc,
              char       **argv)
{
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  gboolean json = FALSE;
  gint64 id;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the article as JSON"), NULL },
    { NULL }
  };

  if (!wenji_cli_parse_options (&argc, &argv, _("ID"),
                              _("Show an article: its fields as “key: value” lines, a blank "
                                "line, then its Markdown text."),
                              entries))
    return WENJI_CLI_EXIT_ERROR;

  if (argc != 2) {
    wenji_cli_error (_("show takes one article id (see “wenji-cli show --help”)"));
    return WENJI_CLI_EXIT_ERROR;
  }

  if (!wenji_cli_parse_article_id (argv[1], &id))
    return WENJI_CLI_EXIT_ERROR;

  library = open_library_with_article (library_path, id, &article);
  if (library == NULL)
    return WENJI_CLI_EXIT_ERROR;

  if (json) {
    g_autoptr (JsonNode) node = wenji_cli_json_article (article);

    wenji_cli_json_print (node);
  } else {
    print_article (article);
  }

  return WENJI_CLI_EXIT_OK;
}

/* tag */

static int
command_tag (const char  *library_path,
             int          argc,
             char       **argv)
{
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GError) error = NULL;
  gboolean add;
  gint64 id;

  if (!wenji_cli_parse_options (&argc, &argv, _("ID add|remove TAG…"),
                              _("Add tags to an article or remove them. Prints nothing on "
                                "success."),
                              NULL))
    return WENJI_CLI_EXIT_ERROR;

  if (argc < 4) {
    wenji_cli_error (_("usage: wenji-cli tag ID add|remove TAG…"));
    return WENJI_CLI_EXIT_ERROR;
  }

  if (!wenji_cli_parse_article_id (argv[1], &id))
    return WENJI_CLI_EXIT_ERROR;

  if (g_str_equal (argv[2], "add"))
    add = TRUE;
  else if (g_str_equal (argv[2], "remove"))
    add = FALSE;
  else {
    wenji_cli_error (_("unknown tag action “%s” (use add or remove)"), argv[2]);
    return WENJI_CLI_EXIT_ERROR;
  }

  library = open_library_with_article (library_path, id, &article);
  if (library == NULL)
    return WENJI_CLI_EXIT_ERROR;

  /* All the tags or none. */
  if (!wenji_library_begin (library, &error))
    return wenji_cli_fail (error);

  for (int i = 3; i < argc; i++) {
    gboolean ok;

    if (add)
      ok = wenji_library_add_tag (library, id, argv[i], &error);
    else
      ok = wenji_library_remove_tag (library, id, argv[i], &error);

    if (!ok) {
      wenji_library_rollback (library);
      return wenji_cli_fail (error);
    }
  }

  if (!wenji_library_commit (library, &error)) {
    wenji_library_rollback (library);
    return wenji_cli_fail (error);
  }

  return WENJI_CLI_EXIT_OK;
}

/* check */

static int
command_check (const char  *library_path,
               int          argc,
               char       **argv)
{
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;

  if (!wenji_cli_parse_options (&argc, &argv, NULL,
                              _("Check the library file’s integrity and its search index. "
                                "Prints “ok”, or each problem and exits with status 1."),
                              NULL))
    return WENJI_CLI_EXIT_ERROR;

  if (argc > 1) {
    wenji_cli_error (_("unexpected argument “%s” (see “wenji-cli check --help”)"), argv[1]);
    return WENJI_CLI_EXIT_ERROR;
  }

  library = wenji_cli_open_library (library_path, FALSE);
  if (library == NULL)
    return WENJI_CLI_EXIT_ERROR;

  if (!wenji_library_check (library, problems, &error))
    return wenji_cli_fail (error);

  if (problems->len == 0) {
    wenji_cli_print ("%s\n", _("ok"));
    return WENJI_CLI_EXIT_OK;
  }

  for (guint i = 0; i < problems->len; i++)
    wenji_cli_print ("%s\n", (const char *) g_ptr_array_index (problems, i));

  wenji_cli_error (ngettext ("the library has %u problem", "the library has %u problems",
                             problems->len),
                   problems->len);
  return WENJI_CLI_EXIT_ERROR;
}

/* search */

/* Shows the snippet's marks as [ ] on a pipe, in bold on a terminal. */
static char *
render_snippet (const char *snippet,
                gboolean    terminal)
{
  g_autoptr (GString) out = g_string_new (snippet);

  g_string_replace (out, WENJI_SNIPPET_OPEN, terminal ? "\033[1m" : "[", 0);
  g_string_replace (out, WENJI_SNIPPET_CLOSE, terminal ? "\033[0m" : "]", 0);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
command_search (const char  *library_path,
                int          argc,
                char       **argv)
{
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *query = NULL;
  gboolean json = FALSE;
  int limit = 20;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most N results (default 20)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the results as JSON"), NULL },
    { NULL }
  };

  if (!wenji_cli_parse_options (&argc, &argv, _("QUERY…"),
                              _("Search the articles outside the Trash. Words separated by "
                                "spaces must all occur, \"…\" is an exact phrase, -word "
                                "excludes, tag:NAME, author:NAME and source:NAME filter; "
                                "Simplified and Traditional find each other."),
                              entries))
    return WENJI_CLI_EXIT_ERROR;

  if (argc < 2) {
    wenji_cli_error (_("search needs a query (see “wenji-cli search --help”)"));
    return WENJI_CLI_EXIT_ERROR;
  }
  if (limit < 1) {
    wenji_cli_error (_("--limit must be a positive number"));
    return WENJI_CLI_EXIT_ERROR;
  }

  query = g_strjoinv (" ", argv + 1);
  library = wenji_cli_open_library (library_path, FALSE);
  if (library == NULL)
    return WENJI_CLI_EXIT_ERROR;

  hits = wenji_library_search (library, query, limit, &error);
  if (hits == NULL)
    return wenji_cli_fail (error);

  if (json) {
    g_autoptr (JsonBuilder) builder = json_builder_new ();
    g_autoptr (JsonNode) node = NULL;

    json_builder_begin_array (builder);
    for (guint i = 0; i < hits->len; i++) {
      WenjiSearchHit *hit = hits->pdata[i];
      g_autofree char *snippet = render_snippet (hit->snippet, FALSE);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, hit->id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, hit->title);
      json_builder_set_member_name (builder, "snippet");
      json_builder_add_string_value (builder, snippet);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, hit->score);
      json_builder_end_object (builder);
    }
    json_builder_end_array (builder);
    node = json_builder_get_root (builder);
    wenji_cli_json_print (node);
  } else {
    gboolean terminal = isatty (STDOUT_FILENO);

    for (guint i = 0; i < hits->len; i++) {
      WenjiSearchHit *hit = hits->pdata[i];
      g_autofree char *snippet = render_snippet (hit->snippet, terminal);

      wenji_cli_print ("%" G_GINT64_FORMAT "\t%.2f\t%s\n\t%s\n", hit->id, -hit->score,
                       *hit->title ? hit->title : _("(untitled)"), snippet);
    }
  }

  return WENJI_CLI_EXIT_OK;
}

static const WenjiCliCommand commands[] = {
  { "import", N_("Import files, folders or web pages (.html, .txt, .md, .jsonl, http://…)"),
    command_import },
  { "list", N_("List articles, by status, tag or in the Trash"), command_list },
  { "show", N_("Show an article’s fields and text"), command_show },
  { "search", N_("Search articles, in Simplified or Traditional"), command_search },
  { "tag", N_("Add or remove an article’s tags"), command_tag },
  { "export", N_("Export articles to PDF, HTML or Markdown"), wenji_cli_command_export },
  { "feed", N_("Follow feeds and import their new articles"), wenji_cli_command_feed },
  { "check", N_("Check the library’s integrity and search index"), command_check },
};

const WenjiCliCommand *
wenji_cli_get_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (commands);
  return commands;
}
