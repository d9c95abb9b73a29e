/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The export pipeline: every row of the format table writes what it says,
 * one article as a file, several as one book or a folder whose index links
 * the files that are there, with progress and Cancel.
 */
#include "config.h"

#include <string.h>

#include "render-test.h"

static GPtrArray *
sample_articles (guint n)
{
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++) {
    g_autofree char *title = g_strdup_printf ("第%u篇", i + 1);
    WenjiArticle *article = render_test_article (title, "正文，有**强调**的文字。\n\n第二段。",
                                                 "zh-Hans");

    wenji_article_set_id (article, 40 + i);
    g_ptr_array_add (articles, article);
  }

  return articles;
}

static char *
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* What a file of each format starts with. */
static void
assert_format (const char *path,
               const char *name)
{
  g_autofree char *contents = read_file (path);

  if (g_str_equal (name, "pdf"))
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  else if (g_str_equal (name, "html"))
    g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
  else if (g_str_equal (name, "md"))
    g_assert_true (g_str_has_prefix (contents, "---\n"));
  else if (g_str_equal (name, "epub"))
    g_assert_true (g_str_has_prefix (contents, "PK\003\004") &&
                   memcmp (contents + 30, "mimetypeapplication/epub+zip", 28) == 0);
  else if (g_str_equal (name, "wechat"))
    g_assert_true (g_str_has_prefix (contents, "<meta charset=\"utf-8\">\n<section "));
  else
    g_assert_not_reached ();
}

static void
test_table (void)
{
  const WenjiExportFormat *format;
  guint n = 0;

  for (guint i = 0; (format = wenji_export_format_get (i)) != NULL; i++, n++) {
    g_assert_nonnull (format->name);
    g_assert_nonnull (format->label);
    g_assert_nonnull (format->suffix);
    g_assert_nonnull (format->mime_type);
    g_assert_nonnull (format->write_article);
    g_assert_true (wenji_export_format_lookup (format->name) == format);
  }
  g_assert_cmpuint (n, >=, 3);

  g_assert_true (wenji_export_format_lookup ("PDF") == wenji_export_format_lookup ("pdf"));
  g_assert_null (wenji_export_format_lookup ("docx"));
  g_assert_null (wenji_export_format_lookup (NULL));

  /* Only a format that can bind a book offers the choice of a folder. */
  format = wenji_export_format_lookup ("pdf");
  g_assert_true (wenji_export_format_can_split (format));
  g_assert_false (wenji_export_makes_folder (format, 1, TRUE));
  g_assert_false (wenji_export_makes_folder (format, 3, FALSE));
  g_assert_true (wenji_export_makes_folder (format, 3, TRUE));
  format = wenji_export_format_lookup ("html");
  g_assert_false (wenji_export_format_can_split (format));
  g_assert_true (wenji_export_makes_folder (format, 2, FALSE));
}

static void
test_names (void)
{
  g_autoptr (GPtrArray) articles = sample_articles (2);
  const WenjiExportFormat *pdf = wenji_export_format_lookup ("pdf");
  const WenjiExportFormat *html = wenji_export_format_lookup ("html");
  g_autoptr (GPtrArray) one = g_ptr_array_new ();
  char *name;

  g_ptr_array_add (one, articles->pdata[0]);

#define ASSERT_NAME(expr, expected) \
  name = (expr); g_assert_cmpstr (name, ==, expected); g_free (name)

  ASSERT_NAME (wenji_export_format_file_name (pdf, articles->pdata[1]), "article-41.pdf");
  ASSERT_NAME (wenji_export_default_name (html, one, FALSE), "article-40.html");
  ASSERT_NAME (wenji_export_default_name (pdf, articles, FALSE), "articles-40.pdf");
  ASSERT_NAME (wenji_export_default_name (pdf, articles, TRUE), "articles-pdf");
  ASSERT_NAME (wenji_export_default_name (html, articles, FALSE), "articles-html");
  ASSERT_NAME (wenji_export_name_for_title (pdf, "论/文:集?", FALSE), "论_文_集_.pdf");
  ASSERT_NAME (wenji_export_name_for_title (html, "文集", TRUE), "文集");
  ASSERT_NAME (wenji_export_name_for_title (pdf, "", FALSE), "Articles.pdf");
  ASSERT_NAME (wenji_export_name_for_title (pdf, ".hidden", FALSE), "Articles.pdf");

#undef ASSERT_NAME
}

typedef struct {
  guint calls;
  guint last_done;
  guint total;
} Progress;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >, progress->last_done);
  progress->calls++;
  progress->last_done = done;
  progress->total = total;
}

static void
test_one_article (void)
{
  g_autoptr (GPtrArray) articles = sample_articles (1);
  g_autofree char *dir = render_test_tmpdir ();
  const WenjiExportFormat *format;
  WenjiExportOptions options = { 0 };

  wenji_page_setup_init (&options.setup);

  for (guint i = 0; (format = wenji_export_format_get (i)) != NULL; i++) {
    g_autofree char *name = wenji_export_default_name (format, articles, FALSE);
    g_autofree char *path = g_build_filename (dir, name, NULL);
    g_autoptr (GError) error = NULL;
    Progress progress = { 0 };

    g_assert_true (wenji_export_articles (format, &options, articles, path,
                                          on_progress, &progress, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    assert_format (path, format->name);
    g_assert_cmpuint (progress.last_done, ==, 1);
    g_assert_cmpuint (progress.total, ==, 1);
  }

  render_test_rmdir (dir);
}

/* Every file the index links is there, and every article has one. */
static void
assert_folder (const char              *folder,
               const WenjiExportFormat *format,
               GPtrArray               *articles)
{
  g_autofree char *index_path = g_build_filename (folder, "index.html", NULL);
  g_autofree char *index = NULL;

  for (guint i = 0; i < articles->len; i++) {
    g_autofree char *name = wenji_export_format_file_name (format, articles->pdata[i]);
    g_autofree char *path = g_build_filename (folder, name, NULL);

    assert_format (path, format->name);
    if (format->write_index != NULL) {
      g_autofree char *link = g_strdup_printf ("<a href=\"%s\">%s</a>", name,
                                               wenji_article_get_title (articles->pdata[i]));

      if (index == NULL)
        index = read_file (index_path);
      g_assert_nonnull (strstr (index, link));
    }
  }

  if (format->write_index == NULL)
    g_assert_false (g_file_test (index_path, G_FILE_TEST_EXISTS));
}

static void
test_several (void)
{
  g_autoptr (GPtrArray) articles = sample_articles (3);
  g_autofree char *dir = render_test_tmpdir ();
  const WenjiExportFormat *format;
  WenjiExportOptions options = { 0 };

  wenji_page_setup_init (&options.setup);
  options.title = "文集";

  for (guint i = 0; (format = wenji_export_format_get (i)) != NULL; i++) {
    for (int split = 0; split < 2; split++) {
      g_autofree char *name = wenji_export_default_name (format, articles, split);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GError) error = NULL;
      Progress progress = { 0 };

      options.split = split;
      g_assert_true (wenji_export_articles (format, &options, articles, path,
                                            on_progress, &progress, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (progress.total, ==, articles->len);
      g_assert_cmpuint (progress.last_done, ==, articles->len);

      if (wenji_export_makes_folder (format, articles->len, split)) {
        g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
        assert_folder (path, format, articles);
      } else {
        /* One book: every title in one file. */
        g_autofree char *pdf_text = NULL;
        const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

        g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
        assert_format (path, format->name);
        if (g_str_equal (format->name, "pdf")) {
          pdf_text = scratch_run_tool (argv);
          for (guint a = 0; a < articles->len; a++)
            g_assert_nonnull (strstr (pdf_text, wenji_article_get_title (articles->pdata[a])));
        }
      }
    }
  }

  render_test_rmdir (dir);
}

static void
test_cancel (void)
{
  g_autoptr (GPtrArray) articles = sample_articles (2);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "out", NULL);
  g_autoptr (GError) error = NULL;
  WenjiExportOptions options = { 0 };

  wenji_page_setup_init (&options.setup);
  g_cancellable_cancel (cancellable);
  g_assert_false (wenji_export_articles (wenji_export_format_lookup ("html"), &options,
                                         articles, folder, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  render_test_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/export/table", test_table);
  g_test_add_func ("/render/export/names", test_names);
  g_test_add_func ("/render/export/one-article", test_one_article);
  g_test_add_func ("/render/export/several", test_several);
  g_test_add_func ("/render/export/cancel", test_cancel);

  return g_test_run ();
}
