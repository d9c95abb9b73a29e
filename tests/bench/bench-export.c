/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Export speed: a 10,000-character article to PDF (horizontal and
 * vertical) and HTML, and a 1,000-article book to one PDF and to one EPUB,
 * beside headless Chromium printing Wenji's own HTML export of the same
 * article (the path browser-based editors use).
 *
 *   bench-export /path/to/articles.jsonl.gz [--runs 3] [--batch 1000]
 *
 * Prints the median of the runs. Chromium is looked up as chromium or
 * chromium-browser; without it that column is skipped with a note.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "wenji-render.h"
#include "wenji-text.h"

static GPtrArray *
read_corpus (const char *path,
             guint       limit)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) raw = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_autoptr (GConverter) gunzip = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GDataInputStream) lines = NULL;
  char *line;

  if (raw == NULL)
    g_error ("cannot read %s: %s", path, error->message);
  gunzip = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
  stream = g_converter_input_stream_new (raw, gunzip);
  lines = g_data_input_stream_new (stream);

  while (articles->len < limit &&
         (line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL) {
    g_autoptr (JsonParser) parser = json_parser_new ();
    g_autofree char *owned = line;
    JsonObject *object;
    WenjiArticle *article;
    g_auto (GStrv) paragraphs = NULL;
    g_autofree char *body = NULL;

    if (!json_parser_load_from_data (parser, owned, -1, NULL))
      continue;
    object = json_node_get_object (json_parser_get_root (parser));
    paragraphs = g_strsplit (json_object_get_string_member_with_default (object, "text", ""),
                             "\n", -1);
    body = g_strjoinv ("\n\n", paragraphs);

    article = wenji_article_new ();
    wenji_article_set_title (article,
                             json_object_get_string_member_with_default (object, "title", ""));
    wenji_article_set_body (article, body);
    wenji_article_set_source (article,
                              json_object_get_string_member_with_default (object, "source", ""));
    wenji_article_set_published_at (
      article, json_object_get_string_member_with_default (object, "date", ""));
    wenji_article_set_lang (article,
                            json_object_get_string_member_with_default (object, "lang", "zh-Hans"));
    g_ptr_array_add (articles, article);
  }
  if (error != NULL)
    g_error ("cannot read %s: %s", path, error->message);

  return g_steal_pointer (&articles);
}

/* Paragraphs of the corpus, in order, until 10,000 characters. */
static WenjiArticle *
long_article (GPtrArray *articles)
{
  g_autoptr (GString) body = g_string_new (NULL);
  WenjiArticle *article = wenji_article_new ();

  for (guint i = 0; i < articles->len && wenji_text_count_chars (body->str) < 10000; i++) {
    g_string_append_printf (body, "## %s\n\n", wenji_article_get_title (articles->pdata[i]));
    g_string_append_printf (body, "%s\n\n", wenji_article_get_body (articles->pdata[i]));
  }

  wenji_article_set_title (article, "一万字的文章");
  wenji_article_set_author (article, "文集");
  wenji_article_set_lang (article, "zh-Hans");
  wenji_article_set_body (article, body->str);
  return article;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static double
run_chromium (const char *chromium,
              const char *html,
              const char *pdf)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *profile = g_dir_make_tmp ("wenji-chromium-XXXXXX", &error);
  g_autofree char *profile_arg = g_strdup_printf ("--user-data-dir=%s", profile);
  g_autofree char *pdf_arg = g_strdup_printf ("--print-to-pdf=%s", pdf);
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", profile);
  const char *argv[] = {
    chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    profile_arg, pdf_arg, html, NULL
  };
  int status = 0;
  gint64 start = g_get_monotonic_time ();
  double elapsed;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    g_error ("cannot run %s: %s", chromium, error->message);
  elapsed = seconds_since (start);
  if (!g_spawn_check_wait_status (status, &error) || !g_file_test (pdf, G_FILE_TEST_EXISTS))
    g_error ("%s did not print the PDF", chromium);

  if (!g_spawn_command_line_sync (rm, NULL, NULL, NULL, &error))
    g_warning ("%s", error->message);
  return elapsed;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("CORPUS.jsonl.gz");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) corpus = NULL;
  g_autoptr (GPtrArray) batch = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (WenjiPdfWriter) pdf_writer = wenji_pdf_writer_new (NULL);
  g_autoptr (WenjiHtmlWriter) html_writer = wenji_html_writer_new (NULL);
  g_autoptr (GArray) pdf_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) html_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) chromium_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) batch_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) vertical_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) epub_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (WenjiPdfWriter) vertical_writer = NULL;
  g_autofree char *vertical_pdf = NULL;
  g_autofree char *epub = NULL;
  WenjiPageSetup vertical_setup;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *html = NULL;
  g_autofree char *book = NULL;
  g_autofree char *chromium_pdf = NULL;
  g_autofree char *chromium = NULL;
  int runs = 3, batch_size = 1000;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each measure (median)", "N" },
    { "batch", 0, 0, G_OPTION_ARG_INT, &batch_size, "Articles in the book", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2) {
    fprintf (stderr, "usage: bench-export CORPUS.jsonl.gz [--runs N] [--batch N]\n");
    return 1;
  }

  corpus = read_corpus (argv[1], MAX (batch_size, 200));
  article = long_article (corpus);
  batch = g_ptr_array_new ();
  for (int i = 0; i < batch_size && (guint) i < corpus->len; i++)
    g_ptr_array_add (batch, corpus->pdata[i]);

  dir = g_dir_make_tmp ("wenji-bench-XXXXXX", &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "article.pdf", NULL);
  html = g_build_filename (dir, "article.html", NULL);
  book = g_build_filename (dir, "book.pdf", NULL);
  vertical_pdf = g_build_filename (dir, "vertical.pdf", NULL);
  epub = g_build_filename (dir, "book.epub", NULL);
  wenji_page_setup_init (&vertical_setup);
  vertical_setup.vertical = TRUE;
  vertical_writer = wenji_pdf_writer_new (&vertical_setup);
  chromium_pdf = g_build_filename (dir, "chromium.pdf", NULL);
  chromium = g_find_program_in_path ("chromium");
  if (chromium == NULL)
    chromium = g_find_program_in_path ("chromium-browser");

  printf ("article: %u characters; book: %u articles; median of %d runs\n",
          wenji_text_count_chars (wenji_article_get_body (article)), batch->len, runs);

  for (int r = 0; r < runs; r++) {
    gint64 start = g_get_monotonic_time ();
    double t;

    if (!wenji_pdf_writer_write_article (pdf_writer, article, pdf, &error))
      g_error ("%s", error->message);
    t = seconds_since (start);
    g_array_append_val (pdf_times, t);

    start = g_get_monotonic_time ();
    if (!wenji_pdf_writer_write_article (vertical_writer, article, vertical_pdf, &error))
      g_error ("%s", error->message);
    t = seconds_since (start);
    g_array_append_val (vertical_times, t);

    start = g_get_monotonic_time ();
    if (!wenji_html_writer_write_article (html_writer, article, html, &error))
      g_error ("%s", error->message);
    t = seconds_since (start);
    g_array_append_val (html_times, t);

    if (chromium != NULL) {
      t = run_chromium (chromium, html, chromium_pdf);
      g_array_append_val (chromium_times, t);
    }

    start = g_get_monotonic_time ();
    if (!wenji_pdf_writer_write_book (pdf_writer, "文集", batch, book, NULL, NULL, NULL, &error))
      g_error ("%s", error->message);
    t = seconds_since (start);
    g_array_append_val (batch_times, t);

    start = g_get_monotonic_time ();
    if (!wenji_epub_writer_write_book (&vertical_setup, "文集", batch, epub, NULL, NULL, NULL,
                                       &error))
      g_error ("%s", error->message);
    t = seconds_since (start);
    g_array_append_val (epub_times, t);
  }

  printf ("%-36s %10.3f s\n", "article -> PDF (Wenji)", median (pdf_times));
  printf ("%-36s %10.3f s  (%.2f x the horizontal PDF)\n", "article -> vertical PDF (Wenji)",
          median (vertical_times), median (vertical_times) / median (pdf_times));
  printf ("%-36s %10.3f s\n", "article -> HTML (Wenji)", median (html_times));
  if (chromium != NULL) {
    double c = median (chromium_times);
    printf ("%-36s %10.3f s\n", "Wenji HTML -> PDF (headless Chromium)", c);
    printf ("%-36s %10.1f x\n", "Chromium / Wenji PDF", c / median (pdf_times));
  } else {
    printf ("%-36s %10s   (chromium is not installed: apt-get install chromium)\n",
            "Wenji HTML -> PDF (headless Chromium)", "-");
  }
  printf ("%-36s %10.3f s  (%u articles)\n", "book -> one PDF (Wenji)",
          median (batch_times), batch->len);
  printf ("%-36s %10.3f s  (%u articles, vertical)\n", "book -> one EPUB (Wenji)",
          median (epub_times), batch->len);

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
    g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
  }
  return 0;
}
