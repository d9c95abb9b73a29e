/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-import-html: how fast saved web pages import, and how well.
 *
 *   bench-import-html CORPUS.jsonl[.gz] [--pages N] [--runs R] [--dir DIR]
 *
 * Builds N pages from the corpus articles, each wrapped in the chrome of a
 * Chinese news page (navigation, breadcrumb, byline, share bar, related
 * links, a sidebar of hot links, comments, copyright and contact footer);
 * every other page is GB18030 with a meta charset. Each run imports the
 * folder into a fresh library with wenji_import_paths(), as the app does,
 * and prints pages/s; the median of the runs comes last. After the runs it
 * says how many pages came back with exactly the corpus title, date and
 * body. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wenji-core.h"
#include "wenji-import.h"

typedef struct {
  char *title;
  char *text;
  char *date;
  char *source;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->title);
  g_free (entry->text);
  g_free (entry->date);
  g_free (entry->source);
  g_free (entry);
}

static char *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

/* The corpus articles with a title, a date and some text. */
static GPtrArray *
load_corpus (const char  *path,
             guint        wanted,
             GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GInputStream) input = NULL;
  g_autoptr (GDataInputStream) lines = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
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

  while (entries->len < wanted &&
         (line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, error)) != NULL) {
    g_autofree char *owned = line;
    JsonObject *object;
    Entry *entry;

    if (!json_parser_load_from_data (parser, owned, -1, error))
      return NULL;
    object = json_node_get_object (json_parser_get_root (parser));
    if (object == NULL)
      continue;

    entry = g_new0 (Entry, 1);
    entry->title = member (object, "title");
    entry->text = member (object, "text");
    entry->date = member (object, "date");
    entry->source = member (object, "source");
    if (entry->title == NULL || entry->text == NULL || entry->date == NULL ||
        g_utf8_strlen (entry->text, -1) < 200 || strchr (entry->title, '_') ||
        strchr (entry->title, '|') || strchr (entry->title, '-')) {
      entry_free (entry);
      continue;
    }
    g_ptr_array_add (entries, entry);
  }
  if (error != NULL && *error != NULL)
    return NULL;

  return g_steal_pointer (&entries);
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text, -1);
}

/* The corpus text as the importer should give it back. */
static char *
expected_body (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_strv_builder_add (kept, lines[i]);
  list = g_strv_builder_end (kept);

  return g_strjoinv ("\n\n", list);
}

static char *
build_page (GPtrArray *entries,
            guint      index,
            gboolean   gbk)
{
  Entry *entry = entries->pdata[index];
  g_autofree char *title = escape (entry->title);
  g_autofree char *source = escape (entry->source ? entry->source : "新华社");
  g_auto (GStrv) paragraphs = g_strsplit (entry->text, "\n", -1);
  GString *page = g_string_new (NULL);

  g_string_append_printf (page,
                          "<!DOCTYPE html>\n<html><head>\n"
                          "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">\n"
                          "<title>%s_某某新闻网</title>\n"
                          "<meta name=\"keywords\" content=\"新闻,时政\">\n"
                          "<script>var page = {id: %u};</script>\n"
                          "<style>.nav a { margin: 0 1em; }</style>\n"
                          "</head><body>\n"
                          "<div class=\"header\"><div class=\"logo\"><a href=\"/\">某某新闻网</a></div>"
                          "<div class=\"today\">今天是2023年5月1日 星期一</div></div>\n"
                          "<div class=\"nav\"><a href=\"/\">首页</a><a href=\"/news/\">要闻</a>"
                          "<a href=\"/china/\">国内</a><a href=\"/world/\">国际</a>"
                          "<a href=\"/finance/\">财经</a>"
                          "<a href=\"/opinion/\">评论</a><a href=\"/photo/\">图片</a>"
                          "<a href=\"/video/\">视频</a></div>\n"
                          "<div class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; "
                          "<a href=\"/news/\">要闻</a> &gt; 正文</div>\n"
                          "<div class=\"wrap\"><div class=\"main\">\n"
                          "<h1>%s</h1>\n"
                          "<div class=\"info\">%s 10:%02u　来源：%s　浏览次数：%u</div>\n"
                          "<div class=\"content\">\n",
                          gbk ? "gbk" : "utf-8", title, index, title, entry->date, index % 60,
                          source, index * 7 % 1000);

  for (guint i = 0; paragraphs[i] != NULL; i++) {
    g_autofree char *paragraph = escape (g_strstrip (paragraphs[i]));

    if (*paragraph != '\0')
      g_string_append_printf (page, "<p>　　%s</p>\n", paragraph);
  }

  g_string_append (page,
                   "</div>\n<div class=\"editor\">责任编辑：王芳</div>\n"
                   "<div class=\"share\">分享到：<a href=\"#\">微信</a> <a href=\"#\">微博</a> "
                   "<a href=\"#\">QQ空间</a></div>\n"
                   "<div class=\"related\"><h3>相关新闻</h3><ul>\n");
  for (guint k = 1; k <= 10; k++) {
    Entry *other = entries->pdata[(index + k * 37) % entries->len];
    g_autofree char *other_title = escape (other->title);

    g_string_append_printf (page, "<li><a href=\"/a/%u.html\">%s</a> <span>%s</span></li>\n",
                            k, other_title, other->date);
  }
  g_string_append (page, "</ul></div>\n<div class=\"comment\"><h3>网友评论</h3>"
                         "<p>网友：说得好，支持！希望能够落到实处，让老百姓真正得到实惠。</p></div>\n"
                         "</div>\n<div class=\"sidebar\"><h3>热点排行</h3><ol>\n");
  for (guint k = 1; k <= 10; k++) {
    Entry *other = entries->pdata[(index + k * 101) % entries->len];
    g_autofree char *other_title = escape (other->title);

    g_string_append_printf (page, "<li><a href=\"/h/%u.html\">%s</a></li>\n", k, other_title);
  }
  g_string_append (page, "</ol></div></div>\n"
                         "<div class=\"footer\"><p>某某新闻网版权所有 未经授权禁止转载</p>"
                         "<p>新闻热线：010-12345678 投稿邮箱：news@example.cn</p>"
                         "<p>京ICP备12345678号</p></div>\n</body></html>\n");

  if (gbk) {
    g_autofree char *utf8 = g_string_free (page, FALSE);
    char *encoded = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, NULL, NULL);

    return encoded != NULL ? encoded : g_steal_pointer (&utf8);
  }

  return g_string_free (page, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
remove_library (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++) {
    g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
    g_unlink (file);
  }
}

int
main (int   argc,
      char *argv[])
{
  guint pages = 2000, runs = 3;
  gboolean verbose = FALSE;
  g_autofree char *dir = NULL;
  gboolean own_dir = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *folder = NULL;
  g_autofree char *library_path = NULL;
  const char *paths[2] = { NULL, NULL };
  guint64 bytes = 0;
  guint titles = 0, bodies = 0, texts = 0, dates = 0;
  double median;

  setlocale (LC_ALL, "");
  for (int i = 2; i < argc; i++) {
    if (g_str_equal (argv[i], "--pages") && i + 1 < argc)
      pages = (guint) atoi (argv[++i]);
    else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
      runs = (guint) atoi (argv[++i]);
    else if (g_str_equal (argv[i], "--verbose"))
      verbose = TRUE;
    else if (g_str_equal (argv[i], "--dir") && i + 1 < argc)
      dir = g_strdup (argv[++i]);
  }
  if (argc < 2 || pages == 0 || runs == 0) {
    g_printerr ("usage: bench-import-html CORPUS.jsonl[.gz] [--pages N] [--runs R] [--dir DIR]\n");
    return 2;
  }

  if (!(entries = load_corpus (argv[1], pages, &error))) {
    g_printerr ("bench-import-html: %s\n", error->message);
    return 1;
  }
  if (entries->len < pages)
    pages = entries->len;

  if (dir == NULL) {
    if (!(dir = g_dir_make_tmp ("wenji-bench-html-XXXXXX", &error))) {
      g_printerr ("bench-import-html: %s\n", error->message);
      return 1;
    }
    own_dir = TRUE;
  }
  folder = g_build_filename (dir, "pages", NULL);
  library_path = g_build_filename (dir, "bench.db", NULL);
  g_mkdir_with_parents (folder, 0700);

  for (guint i = 0; i < pages; i++) {
    g_autofree char *name = g_strdup_printf ("%05u.html", i);
    g_autofree char *path = g_build_filename (folder, name, NULL);
    g_autofree char *page = build_page (entries, i, i % 2 == 1);

    bytes += strlen (page);
    if (!g_file_set_contents (path, page, -1, &error)) {
      g_printerr ("bench-import-html: %s\n", error->message);
      return 1;
    }
  }
  g_print ("pages: %u (%.1f MB, half GB18030) in %s\n", pages, bytes / 1e6, folder);

  paths[0] = folder;
  for (guint run = 0; run < runs; run++) {
    g_autoptr (WenjiLibrary) library = NULL;
    g_autoptr (WenjiImportReport) report = NULL;
    gint64 start;
    double seconds, rate;

    remove_library (library_path);
    if (!(library = wenji_library_open (library_path, &error))) {
      g_printerr ("bench-import-html: %s\n", error->message);
      return 1;
    }

    start = g_get_monotonic_time ();
    report = wenji_import_paths (library, paths, WENJI_IMPORT_FLAGS_NONE, NULL, NULL, NULL, &error);
    seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
    if (report == NULL) {
      g_printerr ("bench-import-html: %s\n", error->message);
      return 1;
    }

    rate = report->files->len / seconds;
    g_array_append_val (rates, rate);
    g_print ("run %u: %u pages in %.2f s: %.0f pages/s (imported %u, duplicates %u, failed %u)\n",
             run + 1, report->files->len, seconds, rate, report->imported, report->duplicates,
             report->failed);

    if (run + 1 == runs) {
      /* How well, on the last run's library. */
      for (guint i = 0; i < report->files->len; i++) {
        WenjiImportFile *file = report->files->pdata[i];
        g_autofree char *base = g_path_get_basename (file->path);
        Entry *entry = entries->pdata[atoi (base)];
        g_autoptr (WenjiArticle) article = NULL;
        g_autofree char *body = NULL;

        if (file->outcome != WENJI_IMPORT_IMPORTED || file->ids->len == 0) {
          if (file->message != NULL)
            g_print ("  failed: %s\n", file->message);
          continue;
        }
        article = wenji_library_load_article (library, g_array_index (file->ids, gint64, 0), NULL);
        if (article == NULL)
          continue;
        body = expected_body (entry->text);
        titles += g_strcmp0 (wenji_article_get_title (article), entry->title) == 0;
        {
          g_autofree char *want_hash = wenji_text_content_hash (body);
          texts += g_strcmp0 (wenji_article_get_content_hash (article), want_hash) == 0;
        }
        if (g_strcmp0 (wenji_article_get_body (article), body) == 0) {
          bodies++;
        } else if (verbose) {
          const char *got = wenji_article_get_body (article);
          gsize at = 0;

          while (got[at] != '\0' && got[at] == body[at])
            at++;
          at = at > 30 ? at - 30 : 0;
          while (at > 0 && (body[at] & 0xC0) == 0x80)
            at--;
          g_print ("  %s: body differs\n    want …%.120s\n    got  …%.120s\n",
                   base, body + at, got + at);
        }
        dates += wenji_article_get_published_at (article) != NULL &&
                 g_str_has_prefix (wenji_article_get_published_at (article), entry->date);
      }
    }
  }

  g_array_sort (rates, compare_doubles);
  median = g_array_index (rates, double, runs / 2);
  g_print ("median of %u runs: %.0f pages/s\n", runs, median);
  g_print ("exact title %u/%u, exact body %u/%u, same text but for white space %u/%u, "
           "date %u/%u\n", titles, pages, bodies, pages, texts, pages, dates, pages);

  remove_library (library_path);
  if (own_dir) {
    for (guint i = 0; i < pages; i++) {
      g_autofree char *name = g_strdup_printf ("%05u.html", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
    g_rmdir (folder);
    g_rmdir (dir);
  }

  return 0;
}
