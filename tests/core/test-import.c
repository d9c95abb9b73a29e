/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing .jsonl, .txt and .md files and folders of them. */
#include "config.h"

#include "wenji-core.h"
#include "wenji-import.h"
#include "test-scratch.h"

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_jsonl (Scratch       *scratch,
            gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "corpus.jsonl");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  WenjiArticle *first, *second;

  write_file (path,
              "{\"id\": 1, \"title\": \"习近平会见外宾\", \"date\": \"2022-01-03\", "
              "\"source\": \"新闻联播\", \"lang\": \"zh-Hans\", \"text\": \"第一段。\\n第二段。\"}\n"
              "\n"
              "{\"title\": null, \"text\": \"無題的散文。\", \"date\": null, \"lang\": \"zh-Hant\", "
              "\"tags\": [\"散文\", \"隨筆\"]}\n");

  articles = wenji_import_parse_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);

  first = articles->pdata[0];
  g_assert_cmpstr (wenji_article_get_title (first), ==, "习近平会见外宾");
  g_assert_cmpstr (wenji_article_get_published_at (first), ==, "2022-01-03");
  g_assert_cmpstr (wenji_article_get_source (first), ==, "新闻联播");
  g_assert_cmpstr (wenji_article_get_lang (first), ==, "zh-Hans");
  /* Each line of the text is a Markdown paragraph. */
  g_assert_cmpstr (wenji_article_get_body (first), ==, "第一段。\n\n第二段。");

  second = articles->pdata[1];
  g_assert_cmpstr (wenji_article_get_title (second), ==, "");
  g_assert_null (wenji_article_get_published_at (second));
  g_assert_cmpstr (wenji_article_get_lang (second), ==, "zh-Hant");
  g_assert_cmpuint (g_strv_length ((char **) wenji_article_get_tags (second)), ==, 2);

  /* A broken line fails the file and names the line. */
  write_file (path, "{\"title\": \"好\", \"text\": \"好\"}\n{\"title\": \"坏\", \"text\": \n");
  g_clear_pointer (&articles, g_ptr_array_unref);
  articles = wenji_import_parse_file (path, &error);
  g_assert_null (articles);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 2"));
}

static void
test_text_and_markdown (Scratch       *scratch,
                        gconstpointer  data)
{
  g_autofree char *txt = scratch_path (scratch, "随笔.txt");
  g_autofree char *md = scratch_path (scratch, "note.md");
  g_autofree char *front = scratch_path (scratch, "front.md");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  WenjiArticle *article;

  write_file (txt, "\xEF\xBB\xBF\n  春天的故事  \r\n\r\n\u3000\u3000第一段，有缩进。\r\n第二段。\r\n");
  articles = wenji_import_parse_file (txt, &error);
  g_assert_no_error (error);
  article = articles->pdata[0];
  g_assert_cmpstr (wenji_article_get_title (article), ==, "春天的故事");
  g_assert_cmpstr (wenji_article_get_body (article), ==, "第一段，有缩进。\n\n第二段。");
  g_clear_pointer (&articles, g_ptr_array_unref);

  write_file (md, "# 标题在这里\n\n正文**加粗**。\n\n- 列表\n");
  articles = wenji_import_parse_file (md, &error);
  g_assert_no_error (error);
  article = articles->pdata[0];
  g_assert_cmpstr (wenji_article_get_title (article), ==, "标题在这里");
  g_assert_cmpstr (wenji_article_get_body (article), ==, "正文**加粗**。\n\n- 列表");
  g_clear_pointer (&articles, g_ptr_array_unref);

  write_file (front,
              "---\n"
              "title: \"引号里的: 标题\"\n"
              "author: 郭靜\n"
              "date: 2021-02-07 15:16\n"
              "source: 江蘇蘇訊網\n"
              "status: published\n"
              "lang: zh-Hant\n"
              "tags: [評論, \"基層\"]\n"
              "---\n"
              "\n"
              "基層減負是一個老話題。\n");
  articles = wenji_import_parse_file (front, &error);
  g_assert_no_error (error);
  article = articles->pdata[0];
  g_assert_cmpstr (wenji_article_get_title (article), ==, "引号里的: 标题");
  g_assert_cmpstr (wenji_article_get_author (article), ==, "郭靜");
  g_assert_cmpstr (wenji_article_get_published_at (article), ==, "2021-02-07 15:16");
  g_assert_cmpstr (wenji_article_get_source (article), ==, "江蘇蘇訊網");
  g_assert_cmpstr (wenji_article_get_status (article), ==, "published");
  g_assert_cmpstr (wenji_article_get_lang (article), ==, "zh-Hant");
  g_assert_cmpstr (wenji_article_get_tags (article)[0], ==, "評論");
  g_assert_cmpstr (wenji_article_get_tags (article)[1], ==, "基層");
  g_assert_cmpstr (wenji_article_get_body (article), ==, "基層減負是一個老話題。");
}

/* Scraped feeds write JavaScript's missing values as text. */
static void
test_jsonl_placeholders (Scratch       *scratch,
                         gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "feed.jsonl");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  WenjiArticle *article;

  write_file (path,
              "{\"title\": \"undefined\", \"date\": \"2022-09-25\", \"author\": \"null\", "
              "\"text\": \"undefined\\n[查看原文](https://tv.cctv.com/2022/09/25/a.shtml)\"}\n"
              "{\"title\": \"null 值的讨论\", \"text\": \"JavaScript 里 undefined 和 null 不同。\"}\n");

  articles = wenji_import_parse_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);

  article = articles->pdata[0];
  g_assert_cmpstr (wenji_article_get_title (article), ==, "");
  g_assert_null (wenji_article_get_author (article));
  g_assert_cmpstr (wenji_article_get_published_at (article), ==, "2022-09-25");
  g_assert_cmpstr (wenji_article_get_body (article), ==,
                   "[查看原文](https://tv.cctv.com/2022/09/25/a.shtml)");

  /* Only a whole field or line is a placeholder. */
  article = articles->pdata[1];
  g_assert_cmpstr (wenji_article_get_title (article), ==, "null 值的讨论");
  g_assert_cmpstr (wenji_article_get_body (article), ==, "JavaScript 里 undefined 和 null 不同。");
}

/* Pictures beside a Markdown file keep showing from the library. */
static void
test_markdown_pictures (Scratch       *scratch,
                        gconstpointer  data)
{
  g_autofree char *folder = scratch_path (scratch, "笔记");
  g_autofree char *pictures = g_build_filename (folder, "图 片", NULL);
  g_autofree char *photo = g_build_filename (pictures, "照片.jpg", NULL);
  g_autofree char *chart = g_build_filename (folder, "chart.png", NULL);
  g_autofree char *md = g_build_filename (folder, "游记.md", NULL);
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;

  g_assert_cmpint (g_mkdir_with_parents (pictures, 0700), ==, 0);
  write_file (photo, "jpeg");
  write_file (chart, "png");
  write_file (md,
              "# 游记\n\n"
              "![照片](图%20片/照片.jpg \"山顶\")\n\n"
              "![图表](<chart.png>)\n\n"
              "![不在这里](missing.png) ![网上的](https://example.com/a.png)\n\n"
              "一行里的 ![\n跨行](chart.png)\n");

  articles = wenji_import_parse_file (md, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("![照片](<%s> \"山顶\")\n\n"
                              "![图表](<%s>)\n\n"
                              "![不在这里](missing.png) ![网上的](https://example.com/a.png)\n\n"
                              "一行里的 ![\n跨行](chart.png)",
                              photo, chart);
  g_assert_cmpstr (wenji_article_get_body (articles->pdata[0]), ==, expected);
}

/* Found by fuzz-text-extract: quoted front matter values with a trailing
 * backslash or an octal escape made GLib warn, and \377 put a byte that is
 * not UTF-8 into the author. Backslashes the export does not write stay. */
static void
test_front_matter_escapes (Scratch       *scratch,
                           gconstpointer  data)
{
  g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "seeds", "text-extract",
                                                 "front-matter-escapes.md", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = wenji_import_parse_file (seed, &error);
  WenjiArticle *article;

  g_assert_no_error (error);
  article = articles->pdata[0];
  g_assert_cmpstr (wenji_article_get_title (article), ==, "标题\\");
  g_assert_cmpstr (wenji_article_get_author (article), ==, "\\377\\0作者");
  g_assert_cmpstr (wenji_article_get_source (article), ==, "\"引号\" \\ 与\t制表");
  g_assert_cmpstr (wenji_article_get_body (article), ==, "正文。");
}

static void
test_bad_files (Scratch       *scratch,
                gconstpointer  data)
{
  g_autofree char *empty = scratch_path (scratch, "empty.txt");
  g_autofree char *binary = scratch_path (scratch, "binary.txt");
  g_autofree char *latin1 = scratch_path (scratch, "latin1.txt");
  g_autofree char *missing = scratch_path (scratch, "missing.txt");
  g_autofree char *picture = scratch_path (scratch, "picture.png");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = NULL;

  write_file (empty, "");
  g_assert_true (g_file_set_contents (binary, "PK\x03\x04\0\0\x01", 7, NULL));
  write_file (latin1, "caf\xe9 cr\xe8me");
  write_file (picture, "not really");

  articles = wenji_import_parse_file (empty, &error);
  g_assert_null (articles);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_INVALID);
  g_clear_error (&error);

  articles = wenji_import_parse_file (binary, &error);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_ENCODING);
  g_clear_error (&error);

  articles = wenji_import_parse_file (latin1, &error);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_ENCODING);
  g_clear_error (&error);

  articles = wenji_import_parse_file (missing, &error);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  articles = wenji_import_parse_file (picture, &error);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_UNSUPPORTED);
  g_clear_error (&error);
}

/* Every row of the import table is found in a folder and parsed, in any
 * case of its suffix; other files are left alone and their message names
 * every suffix the table has. */
static void
test_format_table (Scratch       *scratch,
                   gconstpointer  data)
{
  g_autofree char *folder = scratch_path (scratch, "table");
  g_autofree char *other = g_build_filename (folder, "notes.docx", NULL);
  const char *paths[] = { folder, NULL };
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GPtrArray) articles = NULL;
  g_autoptr (GError) error = NULL;
  const WenjiImportFormat *format;
  guint n = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  for (guint i = 0; (format = wenji_import_format_get (i)) != NULL; i++, n++) {
    g_autofree char *upper = g_ascii_strup (format->suffix, -1);
    g_autofree char *name = g_strdup_printf ("%02u.%s", i, i % 2 ? upper : format->suffix);
    g_autofree char *path = g_build_filename (folder, name, NULL);
    const char *text;

    g_assert_true (wenji_import_format_for_path (path) == format);
    g_assert_nonnull (wenji_import_format_for_mime_type (format->mime_type));
    if (g_str_equal (format->suffix, "jsonl"))
      text = "{\"title\": \"表格\", \"text\": \"每种格式都能导入。\"}\n";
    else if (format->markup)
      text = "<html><head><title>表格</title></head><body><h1>表格</h1><div>"
             "<p>每种格式都能导入，这是正文的第一段，写得足够长，才像一篇文章的正文。</p>"
             "<p>第二段接着说下去：网页、文本、Markdown 和 JSON 行文件，都走同一条路。</p>"
             "<p>第三段收尾，说明导入表里的每一行都被读到了，没有遗漏任何一种后缀。</p>"
             "</div></body></html>";
    else
      text = "表格\n\n每种格式都能导入。\n";
    write_file (path, text);

    articles = wenji_import_parse_file (path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (articles->len, ==, 1);
    g_assert_nonnull (strstr (wenji_article_get_body (articles->pdata[0]), "每种格式都能导入"));
    g_clear_pointer (&articles, g_ptr_array_unref);
  }
  write_file (other, "not an article");

  files = wenji_import_collect_files (paths, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, n);

  articles = wenji_import_parse_file (other, &error);
  g_assert_null (articles);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_UNSUPPORTED);
  for (guint i = 0; (format = wenji_import_format_get (i)) != NULL; i++) {
    g_autofree char *suffix = g_strdup_printf (".%s", format->suffix);

    g_assert_nonnull (strstr (error->message, suffix));
  }

  g_assert_true (wenji_import_format_for_mime_type ("text/html; charset=gbk") ==
                 wenji_import_format_for_path ("a.html"));
  g_assert_null (wenji_import_format_for_mime_type ("image/png"));
  g_assert_null (wenji_import_format_for_path ("folder.md/file"));
  g_assert_null (wenji_import_format_for_path ("README"));
}

static void
count_progress (guint       done,
                guint       total,
                const char *path,
                gpointer    user_data)
{
  guint *calls = user_data;

  (*calls)++;
  g_assert_cmpuint (done, <=, total);
}

static void
test_folder (Scratch       *scratch,
             gconstpointer  data)
{
  g_autofree char *folder = scratch_path (scratch, "articles");
  g_autofree char *sub = g_build_filename (folder, "子目录", NULL);
  g_autofree char *library_path = scratch_path (scratch, "library.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiImportReport) report = NULL;
  g_autoptr (WenjiImportReport) again = NULL;
  const char *paths[] = { folder, NULL };
  WenjiStatusCounts counts;
  guint calls = 0;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  for (guint i = 0; i < 20; i++) {
    g_autofree char *name = g_strdup_printf ("%02u.txt", i);
    g_autofree char *path = g_build_filename (i % 2 ? sub : folder, name, NULL);
    g_autofree char *text = g_strdup_printf ("第%u篇\n正文%u。", i, i);
    write_file (path, text);
  }
  {
    g_autofree char *bad = g_build_filename (sub, "bad.txt", NULL);
    g_autofree char *ignored = g_build_filename (folder, "photo.jpg", NULL);
    g_assert_true (g_file_set_contents (bad, "\xff\xfe\0garbage", 10, NULL));
    write_file (ignored, "JPEG");
  }

  library = wenji_library_open (library_path, &error);
  g_assert_no_error (error);

  report = wenji_import_paths (library, paths, WENJI_IMPORT_FLAGS_NONE,
                               count_progress, &calls, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 20);
  g_assert_cmpuint (report->failed, ==, 1);
  g_assert_cmpuint (report->files->len, ==, 21);
  g_assert_cmpuint (calls, ==, 21);
  for (guint i = 0; i < report->files->len; i++) {
    WenjiImportFile *file = report->files->pdata[i];
    if (g_str_has_suffix (file->path, "bad.txt")) {
      g_assert_cmpint (file->outcome, ==, WENJI_IMPORT_FAILED);
      g_assert_nonnull (strstr (file->message, "bad.txt"));
    } else {
      g_assert_cmpint (file->outcome, ==, WENJI_IMPORT_IMPORTED);
      g_assert_cmpuint (file->ids->len, ==, 1);
    }
  }

  /* Importing the same folder again adds nothing. */
  again = wenji_import_paths (library, paths, WENJI_IMPORT_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->imported, ==, 0);
  g_assert_cmpuint (again->duplicates, ==, 20);
  g_assert_true (wenji_library_count_articles (library, &counts, &error));
  g_assert_cmpuint (counts.all, ==, 20);
}

static void
test_cancel (Scratch       *scratch,
             gconstpointer  data)
{
  g_autofree char *file = scratch_path (scratch, "one.txt");
  g_autofree char *library_path = scratch_path (scratch, "library.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = wenji_library_open (library_path, &error);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (WenjiImportReport) report = NULL;
  const char *paths[] = { file, NULL };
  WenjiStatusCounts counts;

  write_file (file, "标题\n正文");
  g_cancellable_cancel (cancellable);
  report = wenji_import_paths (library, paths, WENJI_IMPORT_FLAGS_NONE, NULL, NULL, cancellable,
                               &error);
  g_assert_no_error (error);
  g_assert_true (report->cancelled);
  g_assert_cmpuint (report->imported, ==, 0);
  g_assert_true (wenji_library_count_articles (library, &counts, &error));
  g_assert_cmpuint (counts.all, ==, 0);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  WenjiImportReport **report = user_data;
  g_autoptr (GError) error = NULL;

  *report = wenji_import_paths_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (Scratch       *scratch,
            gconstpointer  data)
{
  g_autofree char *file = scratch_path (scratch, "one.md");
  g_autofree char *library_path = scratch_path (scratch, "library.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = wenji_library_open (library_path, &error);
  g_autoptr (WenjiImportReport) report = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  const char *paths[] = { file, NULL };

  write_file (file, "# 异步导入\n\n在另一个线程里。");
  wenji_import_paths_async (library_path, paths, WENJI_IMPORT_FLAGS_NONE, NULL, NULL, NULL,
                            on_imported, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (report->imported, ==, 1);
  /* The caller's own connection sees what the thread wrote. */
  article = wenji_library_load_article (
    library, g_array_index (((WenjiImportFile *) report->files->pdata[0])->ids, gint64, 0),
    &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_title (article), ==, "异步导入");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SCRATCH_TEST ("/import/jsonl", test_jsonl);
  SCRATCH_TEST ("/import/text-and-markdown", test_text_and_markdown);
  SCRATCH_TEST ("/import/jsonl-placeholders", test_jsonl_placeholders);
  SCRATCH_TEST ("/import/markdown-pictures", test_markdown_pictures);
  SCRATCH_TEST ("/import/front-matter-escapes", test_front_matter_escapes);
  SCRATCH_TEST ("/import/bad-files", test_bad_files);
  SCRATCH_TEST ("/import/format-table", test_format_table);
  SCRATCH_TEST ("/import/folder", test_folder);
  SCRATCH_TEST ("/import/cancel", test_cancel);
  SCRATCH_TEST ("/import/async", test_async);

  return g_test_run ();
}
