/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text files as they arrive: a page saved as text with its chrome and
 * pinyin glosses, legacy encodings, and files that must fail one by one
 * without stopping the others. */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "wenji-core.h"
#include "wenji-import.h"
#include "test-scratch.h"

/* The body of the fixture as the user wants it, paragraph by paragraph:
 * the start and end of each (the fixture itself damaged a few characters in
 * the middle of three paragraphs, which no importer can restore). */
static const char * const fixture_paragraphs[][2] = {
  { "基層減負是一個老話題。", "一些基層干部對減負的獲得感并不強。" },
  { "有些地方雖然對基層干部進行了減負", "要持續為基層干部減負，久久為功。" },
  { "持之以恒為基層干部減負，要在當減宜減中求實效。", "提高基層的工作效率。" },
  { "持之以恒為基層干部減負，要在作風建設上下重拳。", "激濁揚清的新風氣。" },
  { "持之以恒為基層干部減負，要在服務意識上強責任。", "努力實現農業農村現代化。" },
  { "我們各級黨組織要堅持貫徹落實基層減負工作", "和諧的的社會主義新農村。" },
};

/* A gloss-free Traditional text that Big5 can hold. */
static const char big5_text[] =
  "港口城市的清晨\n"
  "\n"
  "天還沒有亮，碼頭上已經響起了汽笛聲。漁船一艘接一艘地靠岸，工人們忙著把一箱箱海鮮搬上貨車。\n"
  "　　市場裡的攤販早早開了門，熱騰騰的豆漿和油條吸引了不少趕早班的上班族。\n"
  "這座城市就這樣，在海風和人聲裡醒來。\n";

static void
write_file (const char *path,
            const char *data,
            gssize      length)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static char *
fixture_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "scraped-oped-zh-hant.txt", NULL);
}

/* Imports @path alone into a fresh library and returns the stored article. */
static WenjiArticle *
import_one (Scratch    *scratch,
            const char *path)
{
  g_autofree char *library_path = scratch_path (scratch, "one.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiImportReport) report = NULL;
  const char *paths[] = { path, NULL };
  WenjiImportFile *file;
  WenjiArticle *article;

  scratch_remove (library_path);
  library = wenji_library_open (library_path, &error);
  g_assert_no_error (error);
  report = wenji_import_paths (library, paths, WENJI_IMPORT_KEEP_DUPLICATES, NULL, NULL, NULL,
                               &error);
  g_assert_no_error (error);
  file = report->files->pdata[0];
  g_assert_cmpstr (file->message, ==, NULL);
  g_assert_cmpuint (file->ids->len, ==, 1);

  article = wenji_library_load_article (library, g_array_index (file->ids, gint64, 0), &error);
  g_assert_no_error (error);
  g_clear_object (&library);
  {
    g_autofree char *wal = g_strconcat (library_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (library_path, "-shm", NULL);
    scratch_remove (wal);
    scratch_remove (shm);
  }

  return article;
}

static void
assert_same_article (WenjiArticle *a,
                     WenjiArticle *b)
{
  g_assert_cmpstr (wenji_article_get_title (a), ==, wenji_article_get_title (b));
  g_assert_cmpstr (wenji_article_get_body (a), ==, wenji_article_get_body (b));
  g_assert_cmpstr (wenji_article_get_author (a), ==, wenji_article_get_author (b));
  g_assert_cmpstr (wenji_article_get_source (a), ==, wenji_article_get_source (b));
  g_assert_cmpstr (wenji_article_get_editor (a), ==, wenji_article_get_editor (b));
  g_assert_cmpstr (wenji_article_get_published_at (a), ==, wenji_article_get_published_at (b));
  g_assert_cmpstr (wenji_article_get_lang (a), ==, wenji_article_get_lang (b));
}

static void
assert_fixture_article (WenjiArticle *article)
{
  const char *body = wenji_article_get_body (article);
  g_auto (GStrv) paragraphs = g_strsplit (body, "\n\n", -1);

  g_assert_cmpstr (wenji_article_get_title (article), ==, "為基層減負需久久為功");
  g_assert_cmpstr (wenji_article_get_published_at (article), ==, "2021-02-07 15:16");
  g_assert_cmpstr (wenji_article_get_author (article), ==, "郭靜");
  g_assert_cmpstr (wenji_article_get_editor (article), ==, "陸超");
  g_assert_cmpstr (wenji_article_get_source (article), ==, "江蘇蘇訊網");
  g_assert_cmpstr (wenji_article_get_lang (article), ==, "zh-Hant");

  g_assert_cmpuint (g_strv_length (paragraphs), ==, G_N_ELEMENTS (fixture_paragraphs));
  for (guint i = 0; paragraphs[i] != NULL; i++) {
    if (!g_str_has_prefix (paragraphs[i], fixture_paragraphs[i][0]) ||
        !g_str_has_suffix (paragraphs[i], fixture_paragraphs[i][1]))
      g_error ("paragraph %u is\n%s", i + 1, paragraphs[i]);
  }

  /* No gloss, credit, slogan, contact line or disclaimer is left. */
  g_assert_null (strchr (body, '('));
  g_assert_null (strstr (body, "（"));
  g_assert_null (strstr (body, "guān"));
  g_assert_null (strstr (body, "郭靜"));
  g_assert_null (strstr (body, "文/"));
  g_assert_null (strstr (body, "關注民生"));
  g_assert_null (strstr (body, "客服"));
  g_assert_null (strstr (body, "025-86163400"));
  g_assert_null (strstr (body, "責任編輯"));
  g_assert_null (strstr (body, "免責聲明"));
  g_assert_null (strstr (body, "瀏覽量"));
  g_assert_null (strstr (body, "江蘇蘇訊網"));
}

static void
test_fixture (Scratch       *scratch,
              gconstpointer  data)
{
  g_autofree char *path = fixture_path ();
  g_autoptr (WenjiArticle) article = import_one (scratch, path);

  assert_fixture_article (article);
}

/* The fixture in GB18030 and in UTF-16LE with a BOM, and a Big5 text,
 * import exactly as their UTF-8 originals. */
static void
test_encodings (Scratch       *scratch,
                gconstpointer  data)
{
  g_autofree char *path = fixture_path ();
  g_autofree char *utf8 = NULL;
  g_autofree char *gb18030 = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *big5 = NULL;
  g_autofree char *gb_path = scratch_path (scratch, "gb18030.txt");
  g_autofree char *utf16_path = scratch_path (scratch, "utf16.txt");
  g_autofree char *big5_path = scratch_path (scratch, "big5.txt");
  g_autofree char *big5_utf8_path = scratch_path (scratch, "big5-utf8.txt");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) reference = NULL;
  g_autoptr (WenjiArticle) from_gb = NULL;
  g_autoptr (WenjiArticle) from_utf16 = NULL;
  g_autoptr (WenjiArticle) from_big5 = NULL;
  g_autoptr (WenjiArticle) big5_reference = NULL;
  gsize length, gb_length, utf16_length, big5_length;

  g_assert_true (g_file_get_contents (path, &utf8, &length, &error));

  gb18030 = g_convert (utf8, length, "GB18030", "UTF-8", NULL, &gb_length, &error);
  g_assert_no_error (error);
  write_file (gb_path, gb18030, gb_length);

  utf16 = g_convert (utf8, length, "UTF-16LE", "UTF-8", NULL, &utf16_length, &error);
  g_assert_no_error (error);
  {
    g_autofree char *with_bom = g_malloc (utf16_length + 2);
    with_bom[0] = '\xFF';
    with_bom[1] = '\xFE';
    memcpy (with_bom + 2, utf16, utf16_length);
    write_file (utf16_path, with_bom, utf16_length + 2);
  }

  big5 = g_convert (big5_text, -1, "BIG5", "UTF-8", NULL, &big5_length, &error);
  g_assert_no_error (error);
  write_file (big5_path, big5, big5_length);
  write_file (big5_utf8_path, big5_text, -1);

  reference = import_one (scratch, path);
  from_gb = import_one (scratch, gb_path);
  from_utf16 = import_one (scratch, utf16_path);
  assert_fixture_article (reference);
  assert_same_article (from_gb, reference);
  assert_same_article (from_utf16, reference);

  big5_reference = import_one (scratch, big5_utf8_path);
  from_big5 = import_one (scratch, big5_path);
  assert_same_article (from_big5, big5_reference);
  g_assert_cmpstr (wenji_article_get_title (from_big5), ==, "港口城市的清晨");
  g_assert_cmpstr (wenji_article_get_lang (from_big5), ==, "zh-Hant");
  g_assert_true (g_str_has_prefix (wenji_article_get_body (from_big5), "天還沒有亮，"));
}

/* Plain text keeps every line no rule matches, even lines that look a
 * little like page furniture. */
static void
test_plain_text_kept (Scratch       *scratch,
                      gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "plain.txt");
  g_autoptr (WenjiArticle) article = NULL;

  write_file (path,
              "2021年工作总结\n"
              "\n"
              "版权保护是知识产权工作的重要组成部分，今年我们在这方面做了很多事。\n"
              "他说：“艺术来源于生活，又高于生活。”\n"
              "2021年2月7日，我们召开了总结会议，来源各异的意见都得到了回应。\n"
              "作者的话：这份总结写得很仓促。\n", -1);
  article = import_one (scratch, path);

  g_assert_cmpstr (wenji_article_get_title (article), ==, "2021年工作总结");
  g_assert_cmpstr (wenji_article_get_body (article), ==,
                   "版权保护是知识产权工作的重要组成部分，今年我们在这方面做了很多事。\n\n"
                   "他说：“艺术来源于生活，又高于生活。”\n\n"
                   "2021年2月7日，我们召开了总结会议，来源各异的意见都得到了回应。\n\n"
                   "作者的话：这份总结写得很仓促。");
  g_assert_null (wenji_article_get_published_at (article));
  g_assert_null (wenji_article_get_author (article));
  g_assert_null (wenji_article_get_source (article));
}

/* Glosses go only from a clearly glossed text. */
static void
test_glosses (Scratch       *scratch,
              gconstpointer  data)
{
  g_autofree char *glossed = scratch_path (scratch, "glossed.txt");
  g_autofree char *explained = scratch_path (scratch, "explained.txt");
  g_autofree char *two = scratch_path (scratch, "two.txt");
  g_autoptr (WenjiArticle) a = NULL;
  g_autoptr (WenjiArticle) b = NULL;
  g_autoptr (WenjiArticle) c = NULL;

  write_file (glossed,
              "鄉(xiāng)村圖(tú)書館\n"
              "圖(tú)書館開(kāi)放以來，讀者越來(lái)越多，週末常常座無虛席（xí）。\n", -1);
  a = import_one (scratch, glossed);
  g_assert_cmpstr (wenji_article_get_title (a), ==, "鄉村圖書館");
  g_assert_cmpstr (wenji_article_get_body (a), ==, "圖書館開放以來，讀者越來越多，週末常常座無虛席。");

  /* A writer explaining a reading keeps it: 饕 and 餮 are no Traditional
   * forms, so they are no hits. */
  write_file (explained,
              "說文解字\n"
              "古書裡的饕(tāo)餮(tiè)是一種貪吃的猛獸，後來用來比喻貪婪的人。\n", -1);
  b = import_one (scratch, explained);
  g_assert_cmpstr (wenji_article_get_body (b), ==,
                   "古書裡的饕(tāo)餮(tiè)是一種貪吃的猛獸，後來用來比喻貪婪的人。");

  /* Two hits are not enough to call a text glossed. */
  write_file (two, "讀音\n這個字讀作關(guān)，那個字讀作開(kāi)，都是平聲。\n", -1);
  c = import_one (scratch, two);
  g_assert_cmpstr (wenji_article_get_body (c), ==, "這個字讀作關(guān)，那個字讀作開(kāi)，都是平聲。");
}

static void
assert_fails (const char *path,
              int         code,
              const char *reason)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = wenji_import_parse_file (path, &error);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_null (articles);
  g_assert_error (error, WENJI_ERROR, code);
  if (strstr (error->message, base) == NULL || strstr (error->message, reason) == NULL)
    g_error ("%s: unexpected message “%s”", base, error->message);
}

static void
test_bad_files (Scratch       *scratch,
                gconstpointer  data)
{
  g_autofree char *empty = scratch_path (scratch, "empty.txt");
  g_autofree char *blank = scratch_path (scratch, "blank.txt");
  g_autofree char *binary = scratch_path (scratch, "binary.txt");
  g_autofree char *damaged = scratch_path (scratch, "damaged.txt");
  g_autofree char *latin1 = scratch_path (scratch, "latin1.txt");
  g_autofree char *dangling = scratch_path (scratch, "dangling.txt");
  g_autofree char *loop = scratch_path (scratch, "loop.txt");
  g_autofree char *folder = scratch_path (scratch, "folder.md");
  g_autofree char *chrome = scratch_path (scratch, "chrome.txt");
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";

  write_file (empty, "", 0);
  write_file (blank, "\n\u3000\u3000\r\n  \n", -1);
  write_file (binary, png, sizeof png);
  /* Good UTF-8 with two bytes lost in the middle: GB18030 would decode it
   * all, as mojibake. */
  write_file (damaged, "第一段文字，内容很正常。\xe4\xb8\n第二段文字，也很正常。第三句话在这里。", -1);
  write_file (latin1, "caf\xe9" " cr\xe8me br\xfbl\xe9" "e", -1);
  write_file (chrome, "分享到：微信 微博\n责任编辑：王芳\n", -1);
  g_assert_cmpint (symlink ("nowhere.txt", dangling), ==, 0);
  g_assert_cmpint (symlink ("loop.txt", loop), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  assert_fails (empty, WENJI_ERROR_INVALID, "is empty");
  assert_fails (blank, WENJI_ERROR_INVALID, "is empty");
  assert_fails (binary, WENJI_ERROR_ENCODING, "not a text file");
  assert_fails (damaged, WENJI_ERROR_ENCODING, "invalid bytes");
  assert_fails (latin1, WENJI_ERROR_ENCODING, "is not UTF-8, GB18030, Big5 or UTF-16");
  assert_fails (chrome, WENJI_ERROR_INVALID, "no article text");
  /* Tests run as root in CI, where chmod 000 does not stop a read: what
   * cannot be read here is a link to nothing, a link loop and a folder. */
  assert_fails (dangling, WENJI_ERROR_NOT_FOUND, "Cannot read");
  assert_fails (loop, WENJI_ERROR_NOT_FOUND, "Cannot read");
  assert_fails (folder, WENJI_ERROR_UNSUPPORTED, "not a regular file");
}

/* A 50 MB text is one long article, imported whole. */
static void
test_large_file (Scratch       *scratch,
                 gconstpointer  data)
{
  g_autofree char *path = scratch_path (scratch, "large.txt");
  g_autofree char *library_path = scratch_path (scratch, "large.db");
  g_autoptr (GString) text = g_string_sized_new (52 * 1024 * 1024);
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiImportReport) report = NULL;
  const char *paths[] = { path, NULL };
  WenjiStatusCounts counts;
  guint n = 0;

  g_string_append (text, "很长的一篇文章\n");
  while (text->len < 50 * 1024 * 1024)
    g_string_append_printf (text, "第%u段：基层减负是一个老话题，近年来从中央到地方纷纷出台措施。\n", ++n);
  write_file (path, text->str, text->len);

  library = wenji_library_open (library_path, &error);
  g_assert_no_error (error);
  report = wenji_import_paths (library, paths, WENJI_IMPORT_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 1);
  g_assert_cmpuint (report->failed, ==, 0);
  g_assert_true (wenji_library_count_articles (library, &counts, &error));
  g_assert_cmpuint (counts.all, ==, 1);
}

typedef enum {
  FILE_GOOD,
  FILE_EMPTY,
  FILE_BINARY,
  FILE_DAMAGED,
  FILE_LATIN1,
  FILE_DANGLING,
  FILE_LIST_PAGE,
} FileKind;

static FileKind
kind_of (guint i)
{
  switch (i % 50) {
  case 7: return FILE_EMPTY;
  case 13: return FILE_BINARY;
  case 21: return FILE_DAMAGED;
  case 29: return FILE_LATIN1;
  case 37: return FILE_DANGLING;
  case 43: return FILE_LIST_PAGE;
  default: return FILE_GOOD;
  }
}

static const char *
reason_of (FileKind kind)
{
  switch (kind) {
  case FILE_EMPTY: return "is empty";
  case FILE_BINARY: return "not a text file";
  case FILE_DAMAGED: return "invalid bytes";
  case FILE_LATIN1: return "is not UTF-8";
  case FILE_DANGLING: return "Cannot read";
  case FILE_LIST_PAGE: return "does not look like an article";
  case FILE_GOOD:
  default: return NULL;
  }
}

/* 1,000 files, some bad: each bad one fails with its own reason, every
 * good one is imported, and the articles already there stay as they were. */
static void
test_thousand_files (Scratch       *scratch,
                     gconstpointer  data)
{
  g_autofree char *folder = scratch_path (scratch, "folder");
  g_autofree char *library_path = scratch_path (scratch, "library.db");
  g_autofree char *earlier = scratch_path (scratch, "earlier.md");
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiImportReport) first = NULL;
  g_autoptr (WenjiImportReport) report = NULL;
  g_autoptr (WenjiImportReport) again = NULL;
  g_autoptr (WenjiArticle) before = NULL;
  g_autoptr (WenjiArticle) after = NULL;
  const char *earlier_paths[] = { earlier, NULL };
  const char *paths[] = { folder, NULL };
  WenjiStatusCounts counts;
  guint good = 0;
  gint64 earlier_id;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < 1000; i++) {
    g_autofree char *sub = g_build_filename (folder, i % 3 ? "子目录" : ".", NULL);
    FileKind kind = kind_of (i);
    g_autofree char *name = g_strdup_printf ("%04u%s", i,
                                             kind == FILE_LIST_PAGE ? ".html" : ".txt");
    g_autofree char *path = g_build_filename (sub, name, NULL);
    g_autofree char *text = NULL;

    g_mkdir_with_parents (sub, 0700);
    switch (kind) {
    case FILE_GOOD:
      text = g_strdup_printf ("第%u篇文章\n这是第%u篇文章的正文，每一篇都不一样。\n", i, i);
      write_file (path, text, -1);
      good++;
      break;
    case FILE_EMPTY:
      write_file (path, "", 0);
      break;
    case FILE_BINARY:
      write_file (path, "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0", 18);
      break;
    case FILE_DAMAGED:
      write_file (path, "标题\n正文的第一句话很正常。\xe5\x9f第二句话也很正常，第三句。", -1);
      break;
    case FILE_LATIN1:
      write_file (path, "Caf\xe9" " au lait, cr\xe8me br\xfbl\xe9" "e et g\xe2" "teau.", -1);
      break;
    case FILE_DANGLING:
      g_assert_cmpint (symlink ("gone.txt", path), ==, 0);
      break;
    case FILE_LIST_PAGE:
      write_file (path,
                  "<html><body><ul><li><a href=1>第一条新闻标题</a></li><li><a href=2>第二条新闻标题</a>"
                  "</li><li><a href=3>第三条新闻标题</a></li></ul></body></html>", -1);
      break;
    default:
      g_assert_not_reached ();
    }
  }

  library = wenji_library_open (library_path, &error);
  g_assert_no_error (error);
  write_file (earlier, "# 早先的文章\n\n已经在文库里的正文。\n", -1);
  first = wenji_import_paths (library, earlier_paths, WENJI_IMPORT_FLAGS_NONE, NULL, NULL, NULL,
                              &error);
  g_assert_no_error (error);
  earlier_id = g_array_index (((WenjiImportFile *) first->files->pdata[0])->ids, gint64, 0);
  before = wenji_library_load_article (library, earlier_id, &error);
  g_assert_no_error (error);

  report = wenji_import_paths (library, paths, WENJI_IMPORT_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->files->len, ==, 1000);
  g_assert_cmpuint (report->imported, ==, good);
  g_assert_cmpuint (report->failed, ==, 1000 - good);
  g_assert_cmpuint (report->duplicates, ==, 0);

  for (guint i = 0; i < report->files->len; i++) {
    WenjiImportFile *file = report->files->pdata[i];
    g_autofree char *base = g_path_get_basename (file->path);
    FileKind kind = kind_of (atoi (base));

    if (kind == FILE_GOOD) {
      g_assert_cmpint (file->outcome, ==, WENJI_IMPORT_IMPORTED);
      g_assert_cmpuint (file->ids->len, ==, 1);
    } else {
      g_assert_cmpint (file->outcome, ==, WENJI_IMPORT_FAILED);
      if (strstr (file->message, base) == NULL || strstr (file->message, reason_of (kind)) == NULL)
        g_error ("%s: unexpected message “%s”", base, file->message);
    }
  }

  g_assert_true (wenji_library_count_articles (library, &counts, &error));
  g_assert_cmpuint (counts.all, ==, good + 1);
  after = wenji_library_load_article (library, earlier_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_title (after), ==, wenji_article_get_title (before));
  g_assert_cmpstr (wenji_article_get_body (after), ==, wenji_article_get_body (before));
  g_assert_cmpstr (wenji_article_get_updated_at (after), ==, wenji_article_get_updated_at (before));

  /* Again: the good files are duplicates now, the bad ones fail again. */
  again = wenji_import_paths (library, paths, WENJI_IMPORT_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->imported, ==, 0);
  g_assert_cmpuint (again->duplicates, ==, good);
  g_assert_cmpuint (again->failed, ==, 1000 - good);
  g_assert_true (wenji_library_count_articles (library, &counts, &error));
  g_assert_cmpuint (counts.all, ==, good + 1);
}

/* Imports @paths into @library and returns the one article they hold. */
static WenjiArticle *
import_into (WenjiLibrary     *library,
             const char       *path,
             WenjiImportFlags  flags,
             guint            *duplicates)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiImportReport) report = NULL;
  const char *paths[] = { path, NULL };
  WenjiImportFile *file;

  report = wenji_import_paths (library, paths, flags, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  file = report->files->pdata[0];
  g_assert_cmpstr (file->message, ==, NULL);
  if (duplicates != NULL)
    *duplicates = report->duplicates;
  if (file->ids->len == 0)
    return NULL;

  return wenji_library_load_article (library, g_array_index (file->ids, gint64, 0), NULL);
}

/* A scraped page's half-width punctuation between Chinese characters is
 * widened on import, in a revision of its own that brings the text back as
 * it came; numbers, times, addresses, Latin text and code are left alone,
 * and the preference off keeps the punctuation as it was. */
static void
test_widen_punctuation (Scratch       *scratch,
                        gconstpointer  data)
{
  g_autofree char *fixture = fixture_path ();
  g_autofree char *mixed = scratch_path (scratch, "mixed.txt");
  g_autofree char *markdown = scratch_path (scratch, "note.md");
  g_autofree char *library_path = scratch_path (scratch, "library.db");
  g_autofree char *kept_path = scratch_path (scratch, "kept.db");
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (WenjiLibrary) kept = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (WenjiArticle) restored = NULL;
  g_autoptr (WenjiArticle) plain = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GError) error = NULL;
  WenjiRevision *original;
  guint duplicates = 0;
  gint64 id;

  library = wenji_library_open (library_path, &error);
  g_assert_no_error (error);

  article = import_into (library, fixture, WENJI_IMPORT_FLAGS_NONE, NULL);
  id = wenji_article_get_id (article);
  g_assert_nonnull (strstr (wenji_article_get_body (article), "近年來，從中央到地方，紛紛出臺措施"));
  g_assert_null (strstr (wenji_article_get_body (article), "近年來,"));

  /* One revision holds the text as it came… */
  revisions = wenji_library_list_revisions (library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 1);
  original = revisions->pdata[0];
  g_assert_cmpstr (wenji_revision_get_reason (original), ==, WENJI_REVISION_BEFORE_CLEANUP);
  g_assert_nonnull (strstr (wenji_revision_get_body (original), "近年來,從中央到地方,紛紛出臺措施"));

  /* …and restoring it brings that text back. */
  g_assert_cmpint (wenji_library_restore_revision (library, wenji_revision_get_id (original),
                                                   &error),
                   >, 0);
  g_assert_no_error (error);
  restored = wenji_library_load_article (library, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (wenji_article_get_body (restored), "近年來,從中央到地方,"));

  /* The same page again is a duplicate, widened or not. */
  g_clear_object (&article);
  article = import_into (library, fixture, WENJI_IMPORT_FLAGS_NONE, &duplicates);
  g_assert_null (article);
  g_assert_cmpuint (duplicates, ==, 1);

  /* Only punctuation between Chinese characters changes: not after a
   * number, an address or before Latin text. */
  write_file (mixed,
              "混合的文本\n"
              "价格是3,000元,时间是12:30,地址是https://example.com/a,b?c=1:2,对吧?\n"
              "他说:Hello, world! 又说,好。代码`中,文`不动。\n", -1);
  article = import_into (library, mixed, WENJI_IMPORT_FLAGS_NONE, NULL);
  g_assert_cmpstr (wenji_article_get_body (article), ==,
                   "价格是3,000元，时间是12:30,地址是https://example.com/a,b?c=1:2,对吧？\n\n"
                   "他说:Hello, world! 又说，好。代码`中,文`不动。");

  /* Markdown is the writer's own text: as written. */
  write_file (markdown, "# 笔记\n\n自己写的,不改。\n", -1);
  g_clear_object (&article);
  article = import_into (library, markdown, WENJI_IMPORT_FLAGS_NONE, NULL);
  g_assert_cmpstr (wenji_article_get_body (article), ==, "自己写的,不改。");

  /* With the preference off, the page keeps its punctuation and gets no revision. */
  kept = wenji_library_open (kept_path, &error);
  g_assert_no_error (error);
  plain = import_into (kept, fixture, WENJI_IMPORT_KEEP_PUNCTUATION, NULL);
  g_assert_nonnull (strstr (wenji_article_get_body (plain), "近年來,從中央到地方,"));
  g_clear_pointer (&revisions, g_ptr_array_unref);
  revisions = wenji_library_list_revisions (kept, wenji_article_get_id (plain), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SCRATCH_TEST ("/import-files/fixture", test_fixture);
  SCRATCH_TEST ("/import-files/encodings", test_encodings);
  SCRATCH_TEST ("/import-files/plain-text-kept", test_plain_text_kept);
  SCRATCH_TEST ("/import-files/glosses", test_glosses);
  SCRATCH_TEST ("/import-files/widen-punctuation", test_widen_punctuation);
  SCRATCH_TEST ("/import-files/bad-files", test_bad_files);
  SCRATCH_TEST ("/import-files/large-file", test_large_file);
  SCRATCH_TEST ("/import-files/thousand-files", test_thousand_files);

  return g_test_run ();
}
