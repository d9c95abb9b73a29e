/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wenji-cli: the library's operations from a terminal. This file holds
 * main(), the global options and the dispatch to a command; the commands
 * live in wenji-cli-commands.c. */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "wenji-cli.h"
#include "wenji-i18n.h"

void
wenji_cli_print (const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stdout, format, args);
  va_end (args);
}

/**
 * wenji_cli_open_library:
 * @create: make the library when there is none; reading commands never
 *   do, so that a mistyped --library is an error, not a new empty file
 *
 * Returns: (transfer full) (nullable): the library, or %NULL with the
 *   reason said on stderr
 */
WenjiLibrary *
wenji_cli_open_library (const char *path,
                        gboolean    create)
{
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (GError) error = NULL;

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS)) {
    wenji_cli_error (_("no library at %s"), path);
    return NULL;
  }

  library = wenji_library_open (path, &error);
  if (library == NULL) {
    wenji_cli_fail (error);
    return NULL;
  }

  return g_steal_pointer (&library);
}

gboolean
wenji_cli_parse_article_id (const char *text,
                            gint64     *id)
{
  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL)) {
    wenji_cli_error (_("“%s” is not an article id (a positive number)"), text);
    return FALSE;
  }

  return TRUE;
}

/**
 * wenji_cli_load_article:
 *
 * Loads an article, turning "not found" into the message the contract
 * promises.
 *
 * Returns: (transfer full) (nullable): the article, or %NULL with the
 *   reason said on stderr
 */
WenjiArticle *
wenji_cli_load_article (WenjiLibrary *library,
                        gint64        id)
{
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GError) error = NULL;

  article = wenji_library_load_article (library, id, &error);
  if (article == NULL) {
    if (error == NULL || g_error_matches (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND))
      wenji_cli_error (_("no article with id %lld"), (long long) id);
    else
      wenji_cli_fail (error);
    return NULL;
  }

  return g_steal_pointer (&article);
}

/**
 * wenji_cli_progress_due:
 *
 * Returns: whether a progress line is wanted now: for a batch of two or
 *   more, a tenth of a second after the last one, and always at the end
 */
gboolean
wenji_cli_progress_due (WenjiCliProgress *progress,
                        guint             done,
                        guint             total)
{
  gint64 now = g_get_monotonic_time ();

  if (total < 2)
    return FALSE;
  if (done < total && now - progress->last_update < G_USEC_PER_SEC / 10)
    return FALSE;

  progress->last_update = now;
  return TRUE;
}

void
wenji_cli_progress_show (WenjiCliProgress *progress,
                         const char       *text)
{
  progress->shown = TRUE;
  fprintf (stderr, "\r\033[K%s", text);
  fflush (stderr);
}

/* Clears the progress line, if one was shown. */
void
wenji_cli_progress_clear (WenjiCliProgress *progress)
{
  if (progress->shown)
    fprintf (stderr, "\r\033[K");
  progress->shown = FALSE;
}

char *
wenji_cli_one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  /* A user error is one line on stderr, even when a lower layer wrapped
   * its message. */
  g_strdelimit (line, "\r\n\t", ' ');
  return g_strstrip (line);
}

void
wenji_cli_error (const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  line = wenji_cli_one_line (message);
  fflush (stdout);
  fprintf (stderr, "wenji-cli: %s\n", line);
  fflush (stderr);
}

int
wenji_cli_fail (const GError *error)
{
  wenji_cli_error ("%s", error != NULL ? error->message : _("Unknown error"));
  return WENJI_CLI_EXIT_ERROR;
}

static char *
describe_commands (void)
{
  const WenjiCliCommand *commands;
  GString *text = g_string_new (NULL);
  guint n_commands;

  commands = wenji_cli_get_commands (&n_commands);
  g_string_append (text, _("Commands:"));
  g_string_append_c (text, '\n');
  for (guint i = 0; i < n_commands; i++)
    g_string_append_printf (text, "  %-8s %s\n", commands[i].name, _(commands[i].summary));

  g_string_append_c (text, '\n');
  g_string_append (text, _("The library is --library FILE, else $WENJI_LIBRARY, else the "
                           "library the Wenji app uses. Run “wenji-cli COMMAND --help” "
                           "for the options of a command."));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Exit status: 0 on success, 1 when the command failed; the "
                           "reason is one line on standard error."));
  g_string_append_c (text, '\n');

  return g_string_free (text, FALSE);
}

static char *
resolve_library_path (const char *library_option)
{
  const char *env;

  if (library_option != NULL && *library_option != '\0')
    return g_strdup (library_option);

  env = g_getenv ("WENJI_LIBRARY");
  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return wenji_library_default_path ();
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *library_option = NULL;
  g_autofree char *library_path = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  const WenjiCliCommand *commands;
  guint n_commands;
  const GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library_option,
      N_("The library to use (default: $WENJI_LIBRARY, then the app’s library)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  wenji_i18n_init ();
  g_set_prgname ("wenji-cli");

  description = describe_commands ();
  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_summary (context, _("Manage a Wenji article library from a terminal."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* Stop at the command: the options after it are the command's own. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error)) {
    wenji_cli_error (_("%s (see “wenji-cli --help”)"), error->message);
    return WENJI_CLI_EXIT_ERROR;
  }

  if (version) {
    wenji_cli_print ("wenji-cli %s\n", PACKAGE_VERSION);
    return WENJI_CLI_EXIT_OK;
  }

  if (argc < 2) {
    wenji_cli_error (_("no command given (see “wenji-cli --help”)"));
    return WENJI_CLI_EXIT_ERROR;
  }

  library_path = resolve_library_path (library_option);
  commands = wenji_cli_get_commands (&n_commands);

  for (guint i = 0; i < n_commands; i++) {
    if (g_strcmp0 (argv[1], commands[i].name) == 0) {
      int status = commands[i].run (library_path, argc - 1, argv + 1);

      /* A full disk or a closed pipe must not look like success. */
      if (fflush (stdout) != 0 || ferror (stdout)) {
        int saved_errno = errno;

        wenji_cli_error (_("cannot write the output: %s"), g_strerror (saved_errno));
        return WENJI_CLI_EXIT_ERROR;
      }

      return status;
    }
  }

  wenji_cli_error (_("unknown command “%s” (see “wenji-cli --help”)"), argv[1]);
  return WENJI_CLI_EXIT_ERROR;
}
