/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "wenji-core.h"
#include "wenji-import.h"

G_BEGIN_DECLS

/* Exit statuses of wenji-cli: the contract promises only these two. */
#define WENJI_CLI_EXIT_OK    0
#define WENJI_CLI_EXIT_ERROR 1

/**
 * WenjiCliCommand:
 * @name: what the user types
 * @summary: one line for the command list in --help
 * @run: parses the command's own options (argv[0] is the command name)
 *   and runs it, returning an exit status
 */
typedef struct {
  const char *name;
  const char *summary;
  int       (*run) (const char  *library_path,
                    int          argc,
                    char       **argv);
} WenjiCliCommand;

const WenjiCliCommand *wenji_cli_get_commands (guint *n_commands);

/* Commands with a file of their own. */
int   wenji_cli_command_export (const char  *library_path,
                                int          argc,
                                char       **argv);
int   wenji_cli_command_feed   (const char  *library_path,
                                int          argc,
                                char       **argv);

/* Parses a command's options, or says why not; argv[0] is the command. */
gboolean wenji_cli_parse_options (int                *argc,
                                  char             ***argv,
                                  const char         *parameters,
                                  const char         *summary,
                                  const GOptionEntry *entries);

/* Output: always UTF-8, whatever the locale, so that titles and JSON
 * survive a pipe (g_print() would transliterate them in the C locale). */
void  wenji_cli_print       (const char *format,
                             ...) G_GNUC_PRINTF (1, 2);
void  wenji_cli_error       (const char *format,
                             ...) G_GNUC_PRINTF (1, 2);
int   wenji_cli_fail        (const GError *error);
char *wenji_cli_one_line    (const char *text);

WenjiLibrary *wenji_cli_open_library     (const char   *path,
                                         gboolean      create);
gboolean      wenji_cli_parse_article_id (const char   *text,
                                          gint64       *id);
WenjiArticle *wenji_cli_load_article     (WenjiLibrary *library,
                                          gint64        id);

/* A progress line on stderr for batches, at most ten times a second,
 * cleared by wenji_cli_progress_clear(). */
typedef struct {
  gint64   last_update;
  gboolean shown;
} WenjiCliProgress;

gboolean wenji_cli_progress_due   (WenjiCliProgress *progress,
                                   guint             done,
                                   guint             total);
void     wenji_cli_progress_show  (WenjiCliProgress *progress,
                                   const char       *text);
void     wenji_cli_progress_clear (WenjiCliProgress *progress);

/* JSON documents printed by --json. */
JsonNode *wenji_cli_json_article        (WenjiArticle        *article);
JsonNode *wenji_cli_json_summary        (WenjiArticleSummary *summary,
                                         const char * const  *tags);
JsonNode *wenji_cli_json_import_report  (WenjiImportReport   *report);
void      wenji_cli_json_print          (JsonNode            *node);

G_END_DECLS
