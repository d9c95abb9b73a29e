/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-fetch: how fast pages from the web import, pictures included.
 *
 *   bench-fetch CORPUS.jsonl[.gz] [--pages N] [--pictures P] [--runs R]
 *
 * Serves N pages made of corpus articles (default 500), each with P
 * pictures of about 40 kB (default 3), from a server on 127.0.0.1, and
 * imports their addresses into a fresh library with wenji_import_paths(),
 * as `wenji-cli import URL…` does: the pages are fetched four at a time
 * while the importer stores them, each picture fetched with its page as
 * Referer and kept in the library. Prints articles/s and pictures/s per
 * run, then the median of the runs. The loopback server answers at once,
 * so this measures Wenji's side: fetching, decoding, extraction, storing.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wenji-core.h"
#include "wenji-import.h"
#include "test-server.h"

#define PICTURE_BYTES (40 * 1024)

/* The corpus articles with a title and some text. */
static GPtrArray *
load_corpus (const char  *path,
             guint        wanted,
             GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GInputStream) input = NULL;
  g_autoptr (GDataInputStream) lines = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  char *line;

  if (!(input = G_INPUT_STREAM (g_file_read (file, NULL, error))))
    return NULL;
  if (g_str_has_suffix (path, ".gz")) {
    g_autoptr (GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
    GInputStream *converted = g_converter_input_stream_new (input, G_CONVERTER (gunzip));

    g_object_unref (input);
    input = converted;
  }
  lines = g_data_input_stream_new (input);

  while (pages->len < wanted &&
         (line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, error)) != NULL) {
    g_autofree char *owned = line;
    JsonObject *object;
    const char *title, *text;

    if (!json_parser_load_from_data (parser, owned, -1, error))
      return NULL;
    object = json_node_get_object (json_parser_get_root (parser));
    if (object == NULL || !json_object_has_member (object, "title") ||
        !json_object_has_member (object, "text"))
      continue;
    title = json_object_get_string_member (object, "title");
    text = json_object_get_string_member (object, "text");
    if (title == NULL || text == NULL || g_utf8_strlen (text, -1) < 300)
      continue;

    /* Title and paragraphs, the pictures added when the page is served. */
    {
      g_autofree char *escaped_title = g_markup_escape_text (title, -1);
      g_auto (GStrv) paragraphs = g_strsplit (text, "\n", -1);
      GString *page = g_string_new (NULL);

      g_string_append_printf (page, "<html><head><meta charset=\"utf-8\"><title>%s</title>"
                              "</head><body><h1>%s</h1><div class=\"article\">\n",
                              escaped_title, escaped_title);
      for (guint i = 0; paragraphs[i] != NULL; i++) {
        g_autofree char *escaped = g_markup_escape_text (g_strstrip (paragraphs[i]), -1);

        if (*escaped != '\0')
          g_string_append_printf (page, "<p>%s</p>\n", escaped);
      }
      g_ptr_array_add (pages, g_string_free (page, FALSE));
    }
  }
  if (error != NULL && *error != NULL)
    return NULL;

  return g_steal_pointer (&pages);
}

/* A PNG signature and bytes no other picture has, as the importer keeps
 * pictures as they come without decoding them. */
static GBytes *
make_picture (guint n)
{
  guchar *data = g_malloc (PICTURE_BYTES);
  GRand *rand = g_rand_new_with_seed (n);

  memcpy (data, "\x89PNG\r\n\x1a\n", 8);
  for (gsize i = 8; i < PICTURE_BYTES; i++)
    data[i] = g_rand_int (rand) & 0xff;
  g_rand_free (rand);

  return g_bytes_new_take (data, PICTURE_BYTES);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GPtrArray) texts = NULL;
  g_autoptr (GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *cache = NULL;
  TestServer *server;
  int pages = 500, pictures = 3, runs = 3;
  const GOptionEntry entries[] = {
    { "pages", 0, 0, G_OPTION_ARG_INT, &pages, "Pages to import (500)", "N" },
    { "pictures", 0, 0, G_OPTION_ARG_INT, &pictures, "Pictures in each page (3)", "P" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs (3)", "R" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("CORPUS.jsonl[.gz]");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || pages < 1 ||
      pictures < 0 || runs < 1) {
    g_printerr ("usage: bench-fetch CORPUS.jsonl[.gz] [--pages N] [--pictures P] [--runs R]\n");
    return 1;
  }

  texts = load_corpus (argv[1], pages, &error);
  if (texts == NULL) {
    g_printerr ("bench-fetch: %s\n", error->message);
    return 1;
  }

  /* The pictures are kept for the renderer in a cache of the bench's own. */
  cache = g_dir_make_tmp ("bench-fetch-cache-XXXXXX", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  dir = g_dir_make_tmp ("bench-fetch-XXXXXX", &error);
  g_assert_no_error (error);

  server = test_server_start (FALSE);
  for (guint i = 0; i < texts->len; i++) {
    g_autofree char *path = g_strdup_printf ("/news/%u.html", i);
    g_autofree char *url = test_server_url (server, path);
    GString *page = g_string_new (texts->pdata[i]);

    for (int k = 0; k < pictures; k++) {
      g_autofree char *picture = g_strdup_printf ("/img/%u-%d.png", i, k);
      g_autoptr (GBytes) bytes = make_picture (i * 16 + k + 1);
      TestPage *served = test_server_add (server, picture, 200, "image/png",
                                          g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes));

      served->referer = g_strdup (url);
      g_string_append_printf (page, "<p><img data-src=\"%s\" alt=\"图%d\"></p>\n", picture, k + 1);
    }
    g_string_append (page, "</div></body></html>");
    test_server_add (server, path, 200, "text/html; charset=utf-8", page->str, page->len);
    g_string_free (page, TRUE);
    g_ptr_array_add (urls, g_steal_pointer (&url));
  }
  g_ptr_array_add (urls, NULL);

  g_print ("%u pages with %d pictures each, from 127.0.0.1, %d fetches at once\n", texts->len,
           pictures, 4);

  for (int run = 0; run < runs; run++) {
    g_autofree char *path = g_strdup_printf ("%s/run-%d.wenji", dir, run);
    g_autoptr (WenjiLibrary) library = wenji_library_open (path, &error);
    g_autoptr (WenjiImportReport) report = NULL;
    gint64 assets, start, elapsed;
    double rate;

    if (library == NULL) {
      g_printerr ("bench-fetch: %s\n", error->message);
      return 1;
    }

    start = g_get_monotonic_time ();
    report = wenji_import_paths (library, (const char * const *) urls->pdata, 0, NULL, NULL, NULL,
                                 &error);
    elapsed = g_get_monotonic_time () - start;
    if (report == NULL) {
      g_printerr ("bench-fetch: %s\n", error->message);
      return 1;
    }
    assets = wenji_library_count_assets (library, NULL);
    rate = report->imported / (elapsed / (double) G_USEC_PER_SEC);
    g_print ("run %d: %u imported, %u failed, %" G_GINT64_FORMAT " pictures kept, %.2f s: "
             "%.0f articles/s, %.0f pictures/s\n",
             run + 1, report->imported, report->failed, assets, elapsed / (double) G_USEC_PER_SEC,
             rate, assets / (elapsed / (double) G_USEC_PER_SEC));
    g_array_append_val (rates, rate);

    g_clear_object (&library);
    for (const char *suffix = ""; suffix != NULL;
         suffix = g_str_equal (suffix, "") ? "-wal" :
                  g_str_equal (suffix, "-wal") ? "-shm" : NULL) {
      g_autofree char *file = g_strconcat (path, suffix, NULL);

      g_remove (file);
    }
  }

  g_array_sort (rates, compare_doubles);
  g_print ("median of %d runs: %.0f articles/s\n", runs, g_array_index (rates, double, runs / 2));

  test_server_stop (server);
  g_rmdir (dir);
  {
    const char *rm[] = { "rm", "-rf", cache, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }

  return 0;
}
