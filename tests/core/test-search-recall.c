/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search recall on real articles: for a set of queries, the articles found
 * are exactly those a plain substring scan of the folded text finds. The
 * articles come from the benchmark corpus (WENJI_CORPUS); without it the
 * test is skipped. */
#include "config.h"

#include "wenji-core.h"
#include "wenji-import.h"
#include "wenji-search-tokenizer.h"
#include "test-scratch.h"

/* From each part of the corpus: news (Simplified), encyclopedia
 * (Traditional), essays (Simplified, untitled). */
static const struct {
  guint first;
  guint count;
} parts[] = {
  { 0, 200 }, { 19876, 120 }, { 20637, 80 },
};

static const char * const queries[] = {
  "国", "的", "灣", "发展", "經濟", "中国", "台湾", "臺灣", "人民", "习近平", "一带一路",
  "新时代", "大学", "歷史", "历史", "文化 发展", "城市", "我们", "春天", "母亲",
  "2022", "CCTV", "高质量发展", "共同体",
};

static GPtrArray *
read_corpus_lines (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) raw = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_autoptr (GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GDataInputStream) data = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  char *line;
  guint index = 0, part = 0;

  g_assert_no_error (error);
  stream = g_converter_input_stream_new (raw, G_CONVERTER (gunzip));
  data = g_data_input_stream_new (stream);

  while ((line = g_data_input_stream_read_line_utf8 (data, NULL, NULL, &error)) != NULL) {
    while (part < G_N_ELEMENTS (parts) && index >= parts[part].first + parts[part].count)
      part++;
    if (part < G_N_ELEMENTS (parts) && index >= parts[part].first)
      g_ptr_array_add (lines, line);
    else
      g_free (line);
    index++;
  }
  g_assert_no_error (error);

  return lines;
}

static void
test_recall (Scratch       *scratch,
             gconstpointer  data)
{
  const char *corpus = g_getenv ("WENJI_CORPUS");
  g_autofree char *jsonl = scratch_path (scratch, "sample.jsonl");
  g_autofree char *library_path = scratch_path (scratch, "library.db");
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GString) sample = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiImportReport) report = NULL;
  g_autoptr (GHashTable) folded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         g_free);
  const char *paths[] = { jsonl, NULL };
  guint checked = 0;

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_EXISTS)) {
    g_test_skip ("no corpus: set WENJI_CORPUS to articles.jsonl.gz");
    return;
  }

  lines = read_corpus_lines (corpus);
  g_assert_cmpuint (lines->len, ==, 400);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (sample, "%s\n", (char *) lines->pdata[i]);
  g_file_set_contents (jsonl, sample->str, sample->len, &error);
  g_assert_no_error (error);

  library = wenji_library_open (library_path, &error);
  g_assert_no_error (error);
  report = wenji_import_paths (library, paths, WENJI_IMPORT_KEEP_DUPLICATES, NULL, NULL, NULL,
                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 400);

  /* The ground truth reads what the library stored, folded as the index folds. */
  for (guint i = 0; i < report->files->len; i++) {
    WenjiImportFile *file = report->files->pdata[i];

    for (guint k = 0; k < file->ids->len; k++) {
      gint64 id = g_array_index (file->ids, gint64, k);
      g_autoptr (WenjiArticle) article = wenji_library_load_article (library, id, &error);
      g_autofree char *all = NULL;

      g_assert_no_error (error);
      all = g_strjoin ("\x01", wenji_article_get_title (article), wenji_article_get_body (article),
                       wenji_article_get_author (article) ? wenji_article_get_author (article) : "",
                       wenji_article_get_source (article) ? wenji_article_get_source (article) : "",
                       NULL);
      g_hash_table_insert (folded, g_memdup2 (&id, sizeof id), wenji_fold_for_search (all));
    }
  }

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++) {
    g_autoptr (GPtrArray) hits = wenji_library_search (library, queries[q], 100000, &error);
    g_autoptr (GHashTable) found = g_hash_table_new (g_int64_hash, g_int64_equal);
    g_autofree char *folded_query = wenji_fold_for_search (queries[q]);
    g_auto (GStrv) terms = g_strsplit (folded_query, " ", -1);
    GHashTableIter iter;
    gpointer key, value;
    guint expected = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < hits->len; i++)
      g_hash_table_add (found, &((WenjiSearchHit *) hits->pdata[i])->id);

    g_hash_table_iter_init (&iter, folded);
    while (g_hash_table_iter_next (&iter, &key, &value)) {
      gboolean all = TRUE;

      for (guint t = 0; terms[t] != NULL && all; t++)
        all = strstr (value, terms[t]) != NULL;
      if (all)
        expected++;
      if (all != g_hash_table_contains (found, key))
        g_error ("query “%s”: article %" G_GINT64_FORMAT " %s", queries[q], *(gint64 *) key,
                 all ? "was missed" : "was found but does not contain it");
    }
    g_assert_cmpuint (expected, ==, hits->len);
    checked += expected;
  }

  /* The queries were not all empty. */
  g_assert_cmpuint (checked, >, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SCRATCH_TEST ("/search/recall", test_recall);

  return g_test_run ();
}
