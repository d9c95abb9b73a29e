/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-import: how fast a corpus goes into a fresh library, how big the
 * library gets, and how long the app would take to open it and show the
 * first screen of the article list.
 *
 *   bench-import CORPUS.jsonl[.gz] [--repeat K] [--library PATH] [--runs N] [--direct]
 *
 * By default the corpus goes through wenji_import_paths(), as the app's
 * import does: the decompressed corpus is written once to a temporary
 * .jsonl and imported K times (hard links, so the K copies cost no disk).
 * --direct instead builds WenjiArticles from the JSON and inserts them with
 * wenji_library_insert_article() in transactions of 1,000, which measures
 * the storage alone. */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wenji-core.h"
#include "wenji-import.h"

#define FIRST_SCREEN_ROWS 30
#define DIRECT_BATCH 1000

typedef struct {
  char *title;
  char *text;
  char *date;
  char *source;
  char *lang;
} CorpusArticle;

typedef struct {
  GBytes    *data;      /* the decompressed corpus */
  GPtrArray *articles;  /* CorpusArticle, for --direct */
  guint64    text_bytes;
} Corpus;

typedef struct {
  guint   articles;
  double  seconds;
  double  rate;
  guint64 library_bytes;
  guint64 text_bytes;
  double  first_screen_ms;
} RunResult;

static void
corpus_article_free (CorpusArticle *article)
{
  g_free (article->title);
  g_free (article->text);
  g_free (article->date);
  g_free (article->source);
  g_free (article->lang);
  g_free (article);
}

static void
corpus_clear (Corpus *corpus)
{
  g_clear_pointer (&corpus->data, g_bytes_unref);
  g_clear_pointer (&corpus->articles, g_ptr_array_unref);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

/* Reads the corpus, decompressing a .gz, and parses every line. */
static gboolean
corpus_load (Corpus      *corpus,
             const char  *path,
             GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GInputStream) input = NULL;
  g_autoptr (GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_auto (GStrv) lines = NULL;
  g_autofree char *text = NULL;

  input = G_INPUT_STREAM (g_file_read (file, NULL, error));
  if (input == NULL)
    return FALSE;

  if (g_str_has_suffix (path, ".gz")) {
    g_autoptr (GZlibDecompressor) decompressor =
      g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
    GInputStream *converted = g_converter_input_stream_new (input, G_CONVERTER (decompressor));

    g_object_unref (input);
    input = converted;
  }

  if (g_output_stream_splice (output, input,
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                              G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, error) < 0)
    return FALSE;

  corpus->data = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
  corpus->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) corpus_article_free);
  corpus->text_bytes = 0;

  text = g_strndup (g_bytes_get_data (corpus->data, NULL), g_bytes_get_size (corpus->data));
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++) {
    CorpusArticle *article;
    JsonObject *object;

    if (*g_strstrip (lines[i]) == '\0')
      continue;

    if (!json_parser_load_from_data (parser, lines[i], -1, error)) {
      g_prefix_error (error, "%s, line %u: ", path, i + 1);
      return FALSE;
    }

    object = json_node_get_object (json_parser_get_root (parser));
    if (object == NULL) {
      g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                   "%s, line %u: not a JSON object", path, i + 1);
      return FALSE;
    }

    article = g_new0 (CorpusArticle, 1);
    article->title = dup_member (object, "title");
    article->text = dup_member (object, "text");
    article->date = dup_member (object, "date");
    article->source = dup_member (object, "source");
    article->lang = dup_member (object, "lang");

    corpus->text_bytes += (article->title != NULL ? strlen (article->title) : 0) +
                          (article->text != NULL ? strlen (article->text) : 0);
    g_ptr_array_add (corpus->articles, article);
  }

  return TRUE;
}

/* What the importer does with a JSONL line, without its cleanup. */
static WenjiArticle *
corpus_article_to_article (CorpusArticle *entry)
{
  WenjiArticle *article = wenji_article_new ();
  const char *text = entry->text != NULL ? entry->text : "";

  if (entry->title != NULL) {
    wenji_article_set_title (article, entry->title);
  } else {
    const char *newline = strchr (text, '\n');
    g_autofree char *first_line = newline != NULL ? g_strndup (text, newline - text)
                                                  : g_strdup (text);

    wenji_article_set_title (article, g_strstrip (first_line));
  }

  wenji_article_set_body (article, text);
  wenji_article_set_published_at (article, entry->date);
  wenji_article_set_source (article, entry->source);
  wenji_article_set_lang (article, entry->lang);

  return article;
}

static gboolean
import_direct (WenjiLibrary  *library,
               Corpus        *corpus,
               guint          repeat,
               guint         *imported,
               GError       **error)
{
  guint in_batch = 0;

  *imported = 0;

  for (guint copy = 0; copy < repeat; copy++) {
    for (guint i = 0; i < corpus->articles->len; i++) {
      g_autoptr (WenjiArticle) article =
        corpus_article_to_article (g_ptr_array_index (corpus->articles, i));

      if (in_batch == 0 && !wenji_library_begin (library, error))
        return FALSE;

      if (!wenji_library_insert_article (library, article, error)) {
        wenji_library_rollback (library);
        return FALSE;
      }

      (*imported)++;
      if (++in_batch == DIRECT_BATCH) {
        in_batch = 0;
        if (!wenji_library_commit (library, error))
          return FALSE;
      }
    }
  }

  if (in_batch > 0 && !wenji_library_commit (library, error))
    return FALSE;

  return TRUE;
}

static gboolean
import_paths (WenjiLibrary  *library,
              GStrv          paths,
              guint          repeat,
              guint         *imported,
              GError       **error)
{
  g_autoptr (WenjiImportReport) report = NULL;
  WenjiImportFlags flags = repeat > 1 ? WENJI_IMPORT_KEEP_DUPLICATES : WENJI_IMPORT_FLAGS_NONE;

  report = wenji_import_paths (library, (const char * const *) paths, flags,
                               NULL, NULL, NULL, error);
  if (report == NULL)
    return FALSE;

  if (report->failed > 0) {
    WenjiImportFile *file = g_ptr_array_index (report->files, 0);

    g_set_error (error, WENJI_ERROR, WENJI_ERROR_FAILED, "%u files failed to import: %s",
                 report->failed, file->message != NULL ? file->message : "?");
    return FALSE;
  }

  *imported = report->imported;
  if (report->duplicates > 0)
    g_printerr ("note: %u duplicates skipped\n", report->duplicates);

  return TRUE;
}

/* The corpus as K .jsonl files for wenji_import_paths(): one file and
 * K - 1 hard links to it. */
static GStrv
write_corpus_copies (Corpus      *corpus,
                     const char  *dir,
                     guint        repeat,
                     GError     **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *first = g_build_filename (dir, "corpus-1.jsonl", NULL);

  if (!g_file_set_contents (first, g_bytes_get_data (corpus->data, NULL),
                            g_bytes_get_size (corpus->data), error))
    return NULL;
  g_strv_builder_add (builder, first);

  for (guint i = 2; i <= repeat; i++) {
    g_autofree char *name = g_strdup_printf ("corpus-%u.jsonl", i);
    g_autofree char *copy = g_build_filename (dir, name, NULL);

    if (link (first, copy) != 0) {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot link %s: %s", copy, g_strerror (saved_errno));
      return NULL;
    }
    g_strv_builder_add (builder, copy);
  }

  return g_strv_builder_end (builder);
}

static guint64
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (guint64) buf.st_size : 0;
}

static guint64
library_size (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return file_size (path) + file_size (wal);
}

static void
remove_library (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++) {
    g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

    g_unlink (file);
  }
}

/* Opens the library as the app does at start-up and loads the rows the
 * article list shows first. */
static gboolean
measure_first_screen (const char  *path,
                      double      *ms,
                      GError     **error)
{
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiArticleList) list = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_items;

  library = wenji_library_open (path, error);
  if (library == NULL)
    return FALSE;

  list = wenji_article_list_new (library);
  wenji_article_list_set_sort (list, WENJI_ARTICLE_SORT_UPDATED);
  if (!wenji_article_list_reload (list, error))
    return FALSE;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < MIN (n_items, FIRST_SCREEN_ROWS); i++) {
    g_autoptr (WenjiArticleSummary) summary = g_list_model_get_item (G_LIST_MODEL (list), i);

    if (wenji_article_summary_get_title (summary) == NULL)
      g_printerr ("note: row %u has no title\n", i);
  }

  *ms = (g_get_monotonic_time () - start) / 1000.0;
  return TRUE;
}

static gboolean
run_once (Corpus      *corpus,
          GStrv        paths,
          const char  *library_path,
          guint        repeat,
          RunResult   *result,
          GError     **error)
{
  g_autoptr (WenjiLibrary) library = NULL;
  gint64 start;
  gboolean ok;

  remove_library (library_path);

  start = g_get_monotonic_time ();
  library = wenji_library_open (library_path, error);
  if (library == NULL)
    return FALSE;

  if (paths != NULL)
    ok = import_paths (library, paths, repeat, &result->articles, error);
  else
    ok = import_direct (library, corpus, repeat, &result->articles, error);
  if (!ok)
    return FALSE;

  /* Closing checkpoints the WAL: part of the cost of an import. */
  g_clear_object (&library);
  result->seconds = seconds_since (start);
  result->rate = result->articles / result->seconds;
  result->library_bytes = library_size (library_path);
  result->text_bytes = corpus->text_bytes * repeat;

  return measure_first_screen (library_path, &result->first_screen_ms, error);
}

static void
print_run (const char *label,
           RunResult  *result)
{
  g_print ("%-7s %7u articles  %7.2f s  %7.0f articles/s  "
           "library %.1f MB / text %.1f MB = %.2f  first screen %.1f ms\n",
           label, result->articles, result->seconds, result->rate,
           result->library_bytes / 1e6, result->text_bytes / 1e6,
           (double) result->library_bytes / MAX (result->text_bytes, 1),
           result->first_screen_ms);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  guint n = values->len;

  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);

  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static void
print_median (GArray *results)
{
  g_autoptr (GArray) seconds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) screens = g_array_new (FALSE, FALSE, sizeof (double));
  RunResult summary = g_array_index (results, RunResult, 0);

  for (guint i = 0; i < results->len; i++) {
    RunResult *result = &g_array_index (results, RunResult, i);

    g_array_append_val (seconds, result->seconds);
    g_array_append_val (rates, result->rate);
    g_array_append_val (screens, result->first_screen_ms);
  }

  summary.seconds = median (seconds);
  summary.rate = median (rates);
  summary.first_screen_ms = median (screens);
  print_run ("median", &summary);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) results = g_array_new (FALSE, TRUE, sizeof (RunResult));
  g_autofree char *library_option = NULL;
  g_autofree char *work_dir = NULL;
  g_autofree char *library_path = NULL;
  g_auto (GStrv) paths = NULL;
  Corpus corpus = { NULL, };
  int repeat = 1;
  int runs = 1;
  gboolean direct = FALSE;
  gint64 start;
  const GOptionEntry entries[] = {
    { "repeat", 'k', 0, G_OPTION_ARG_INT, &repeat, "Import the corpus K times", "K" },
    { "library", 0, 0, G_OPTION_ARG_FILENAME, &library_option,
      "Build the library here (must not exist; kept afterwards)", "PATH" },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Measure N times and print the median", "N" },
    { "direct", 0, 0, G_OPTION_ARG_NONE, &direct,
      "Insert WenjiArticles directly instead of through the importer", NULL },
    { NULL }
  };

  context = g_option_context_new ("CORPUS.jsonl[.gz]");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error)) {
    g_printerr ("bench-import: %s\n", error->message);
    return EXIT_FAILURE;
  }

  if (argc != 2 || repeat < 1 || runs < 1) {
    g_printerr ("usage: bench-import CORPUS.jsonl[.gz] [--repeat K] [--library PATH] "
                "[--runs N] [--direct]\n");
    return EXIT_FAILURE;
  }

  if (library_option != NULL && g_file_test (library_option, G_FILE_TEST_EXISTS)) {
    g_printerr ("bench-import: %s exists; the benchmark needs a fresh library\n",
                library_option);
    return EXIT_FAILURE;
  }

  start = g_get_monotonic_time ();
  if (!corpus_load (&corpus, argv[1], &error)) {
    g_printerr ("bench-import: %s\n", error->message);
    corpus_clear (&corpus);
    return EXIT_FAILURE;
  }
  g_print ("corpus: %u articles, %.1f MB of title+text, read in %.2f s; repeat %d, %s\n",
           corpus.articles->len, corpus.text_bytes / 1e6, seconds_since (start), repeat,
           direct ? "direct inserts in transactions of 1000" : "wenji_import_paths()");

  work_dir = g_dir_make_tmp ("wenji-bench-XXXXXX", &error);
  if (work_dir == NULL) {
    g_printerr ("bench-import: %s\n", error->message);
    corpus_clear (&corpus);
    return EXIT_FAILURE;
  }

  library_path = library_option != NULL ? g_strdup (library_option)
                                        : g_build_filename (work_dir, "library.db", NULL);

  if (!direct)
    paths = write_corpus_copies (&corpus, work_dir, repeat, &error);

  for (int run = 1; error == NULL && run <= runs; run++) {
    RunResult result = { 0, };
    g_autofree char *label = g_strdup_printf ("run %d", run);

    if (!run_once (&corpus, paths, library_path, repeat, &result, &error))
      break;

    print_run (label, &result);
    g_array_append_val (results, result);
  }

  if (error == NULL && runs > 1)
    print_median (results);

  /* Clean up the temporary folder; a --library is kept for inspection. */
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    g_unlink (paths[i]);
  if (library_option == NULL)
    remove_library (library_path);
  g_rmdir (work_dir);
  corpus_clear (&corpus);

  if (error != NULL) {
    g_printerr ("bench-import: %s\n", error->message);
    return EXIT_FAILURE;
  }

  return EXIT_SUCCESS;
}
