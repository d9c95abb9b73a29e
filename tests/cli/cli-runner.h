/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A temporary folder with library.db (not created) and three files to
 * import: articles.jsonl (two articles), note.txt and essay.md. */
typedef struct {
  char *dir;
  char *library;
  char *jsonl;
  char *txt;
  char *md;
} CliFixture;

typedef struct {
  gboolean exited;
  int      status;
  int      signal;
  char    *out;
  char    *err;
} CliResult;

/* The character counts (字数) of the fixture's articles, counted by hand. */
/* 长江是中华民族的母亲河 (11) + 十年来 (3) + 沿江省市共抓大保护 (9) */
#define JSONL_FIRST_CHARS 23

/* 臺灣位於亞熱帶 (7) + 氣候溫暖潮濕 (6) */
#define JSONL_SECOND_CHARS 13

/* 今天读了一本关于城市的书 */
#define TXT_CHARS 12

/* 春风吹过江南的小镇 */
#define MD_CHARS 9

extern const char cli_jsonl_text[];
extern const char cli_txt_text[];
extern const char cli_md_text[];

void        cli_result_free       (CliResult          *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

void        cli_write_file        (const char         *path,
                                   const char         *contents);
void        cli_fixture_setup     (CliFixture         *fixture,
                                   gconstpointer       data);
void        cli_fixture_teardown  (CliFixture         *fixture,
                                   gconstpointer       data);

CliResult  *cli_run_argv          (const char         *library,
                                   const char * const *argv);
CliResult  *cli_run               (const char         *library,
                                   ...) G_GNUC_NULL_TERMINATED;

void        cli_assert_success    (CliResult          *result);
void        cli_assert_user_error (CliResult          *result,
                                   const char         *expected_fragment);

JsonNode   *cli_parse_json        (const char         *text);
void        cli_import_fixture    (CliFixture         *fixture);
JsonObject *cli_find_by_title     (JsonArray          *array,
                                   const char         *title);
gint64      cli_id_of             (CliFixture         *fixture,
                                   const char         *title);

G_END_DECLS
