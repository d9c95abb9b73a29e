/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Chinese full-text search: what a reader types finds what it should. */
#include "config.h"

#include "wenji-core.h"
#include "wenji-search-tokenizer.h"
#include <sqlite3.h>
#include "test-library-fixture.h"

static gint64
add (WenjiLibrary *library,
     const char   *title,
     const char   *body,
     const char   *author)
{
  g_autoptr (WenjiArticle) article = wenji_article_new ();
  g_autoptr (GError) error = NULL;

  wenji_article_set_title (article, title);
  wenji_article_set_body (article, body);
  wenji_article_set_author (article, author);
  g_assert_true (wenji_library_insert_article (library, article, &error));
  g_assert_no_error (error);

  return wenji_article_get_id (article);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The ids a query finds, sorted, as "1 4 7". */
static char *
found (WenjiLibrary *library,
       const char   *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = wenji_library_search (library, query, 1000, &error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->len; i++)
    g_array_append_val (ids, ((WenjiSearchHit *) hits->pdata[i])->id);
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? " " : "",
                            g_array_index (ids, gint64, i));

  return g_string_free (out, FALSE);
}

#define assert_found(library, query, expected) G_STMT_START { \
    g_autofree char *ids_ = found (library, query);           \
    g_assert_cmpstr (ids_, ==, expected);                     \
  } G_STMT_END

static void
test_chinese_queries (Fixture       *fixture,
                      gconstpointer  data)
{
  WenjiLibrary *library = fixture->library;

  add (library, "基层减负", "为基层减负需久久为功，这是一个老话题。", "郭静");          /* 1 */
  add (library, "基層減負", "為基層減負需久久為功，這是一個老話題。", "郭靜");          /* 2 */
  add (library, "理发", "他剪了头发，心情很好。", NULL);                             /* 3 */
  add (library, "天气", "今天天气很好。减，负。", NULL);                             /* 4 */
  add (library, "苹果", "新款 iPhone１５ 发布，ＡＰＰＬＥ 股价上涨 15%。", NULL);    /* 5 */

  /* One, two, three and six characters, in either script. */
  assert_found (library, "减", "1 2 4");
  assert_found (library, "減", "1 2 4");
  assert_found (library, "减负", "1 2");
  assert_found (library, "減負", "1 2");
  assert_found (library, "头发", "3");
  assert_found (library, "頭髮", "3");
  assert_found (library, "老话题", "1 2");
  assert_found (library, "需久久為功，", "1 2");
  assert_found (library, "为基层减负需", "1 2");
  /* Not across punctuation: 减，负 is not 减负. */
  assert_found (library, "\"减负\"", "1 2");
  assert_found (library, "话题这", "");
  /* Latin and digits, full-width or not. */
  assert_found (library, "apple", "5");
  assert_found (library, "ＩＰＨＯＮＥ", "5");
  assert_found (library, "15", "5");
  assert_found (library, "iphone15", "5");
  /* A word typed halfway finds the whole one, but not inside quotes. */
  assert_found (library, "ipho", "5");
  assert_found (library, "\"ipho\"", "");
  assert_found (library, "1", "");
  /* All words must occur; "-" excludes. */
  assert_found (library, "减负 老话题", "1 2");
  assert_found (library, "很好 -头发", "4");
  assert_found (library, "-头发 很好", "4");
  assert_found (library, "減 -減負", "4");
  assert_found (library, "author:郭靜", "1 2");
  assert_found (library, "author:郭静 减负", "1 2");
  assert_found (library, "source:没有", "");
}

static void
test_hostile_queries (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *queries[] = {
    "\"", "\"减负", "减负\"", "AND", "a AND b", "OR", "NOT", "NEAR(", "NEAR(a b, 2)",
    "*", "减*", "^减", ":", "title:", "-", "--", "- -", "tag:", "(", ")", "{title}: x",
    "'; DROP TABLE articles; --", "\" OR 1=1 --", "\x01", "，。！", "", "   ", "\u3000",
    "col:\"x\"", "\"\"\"\"", "-\"\"", "减负 OR 头发", "💥", "a\"b\"c",
  };

  add (fixture->library, "AND OR NOT", "减负 NEAR 头发", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++) {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) hits = wenji_library_search (fixture->library, queries[i], 20, &error);

    g_assert_no_error (error);
    g_assert_nonnull (hits);
  }

  /* Words that are FTS5 operators are searched as words. */
  assert_found (fixture->library, "AND", "1");
  assert_found (fixture->library, "NEAR", "1");
  assert_found (fixture->library, "减负 OR 头发", "1");
}

static void
test_index_follows_edits (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gint64 id = add (fixture->library, "旧标题", "旧的正文", NULL);

  assert_found (fixture->library, "旧的", "1");

  article = wenji_library_load_article (fixture->library, id, &error);
  wenji_article_set_body (article, "新的正文");
  g_assert_true (wenji_library_update_article (fixture->library, article, &error));
  assert_found (fixture->library, "旧的", "");
  assert_found (fixture->library, "新的", "1");

  /* The Trash is not searched; restored articles are. */
  g_assert_true (wenji_library_trash_article (fixture->library, id, &error));
  assert_found (fixture->library, "新的", "");
  g_assert_true (wenji_library_restore_article (fixture->library, id, &error));
  assert_found (fixture->library, "新的", "1");

  g_assert_true (wenji_library_delete_article (fixture->library, id, &error));
  assert_found (fixture->library, "新的", "");

  g_assert_true (wenji_library_check (fixture->library, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_ranking_and_snippet (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  WenjiSearchHit *hit;
  gint64 in_body, in_title;

  in_body = add (fixture->library, "其他", "今天我们讨论很多问题，其中也有基層減負的問題，还有别的事情要说。", NULL);
  in_title = add (fixture->library, "减负", "正文里没有那两个字。", NULL);

  hits = wenji_library_search (fixture->library, "减负", 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  /* The title weighs more than the body. */
  hit = hits->pdata[0];
  g_assert_cmpint (hit->id, ==, in_title);
  hit = hits->pdata[1];
  g_assert_cmpint (hit->id, ==, in_body);
  /* The snippet marks the match in the article's own script. */
  g_assert_nonnull (strstr (hit->snippet, WENJI_SNIPPET_OPEN "減負" WENJI_SNIPPET_CLOSE));
  g_assert_cmpuint (g_utf8_strlen (hit->snippet, -1), <=, 46);

  g_assert_true (wenji_library_add_tag (fixture->library, in_body, "政策", &error));
  assert_found (fixture->library, "减负 tag:政策", "1");
  assert_found (fixture->library, "tag:政策", "1");
  assert_found (fixture->library, "tag:没有", "");
}

/* More articles than a search ranks (2,000) and than it counts exactly
 * (2,000 more): the early stop applies. */
#define MANY 5000

/* The ids of @results, best first. */
static GArray *
ids_of (WenjiSearchResults *results)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < results->hits->len; i++)
    g_array_append_val (ids, ((WenjiSearchHit *) results->hits->pdata[i])->id);

  return ids;
}

/* Checks that the best @limit of @query are the best of the full ranking
 * among its newest @window matches, and returns the full ranking. */
static WenjiSearchResults *
assert_ranks_newest (WenjiLibrary *library,
                     const char   *query,
                     guint         window)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiSearchResults) top = wenji_library_search_rank (library, query, 20, &error);
  g_autoptr (WenjiSearchResults) all = wenji_library_search_rank (library, query, G_MAXINT, &error);
  g_autoptr (GArray) top_ids = NULL;
  g_autoptr (GArray) all_ids = NULL;
  g_autoptr (GArray) newest = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 oldest_ranked;

  g_assert_no_error (error);
  g_assert_false (all->estimated);
  g_assert_cmpuint (all->n_matches, ==, all->hits->len);
  top_ids = ids_of (top);
  all_ids = ids_of (all);

  /* The id of the window's oldest match. */
  for (guint i = 0; i < all_ids->len; i++)
    g_array_append_val (newest, g_array_index (all_ids, gint64, i));
  g_array_sort (newest, compare_ids);
  oldest_ranked = g_array_index (newest, gint64, newest->len - MIN (window, newest->len));

  for (guint i = 0; i < all_ids->len && expected->len < 20; i++)
    if (g_array_index (all_ids, gint64, i) >= oldest_ranked)
      g_array_append_val (expected, g_array_index (all_ids, gint64, i));

  g_assert_cmpuint (top_ids->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (g_array_index (top_ids, gint64, i), ==, g_array_index (expected, gint64, i));

  return g_steal_pointer (&all);
}

static void
test_early_stop (Fixture       *fixture,
                 gconstpointer  data)
{
  WenjiLibrary *library = fixture->library;
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiSearchResults) all = NULL;
  g_autoptr (WenjiSearchResults) top = NULL;
  gint64 strongest = 0;

  g_assert_true (wenji_library_begin (library, &error));
  for (guint i = 1; i <= MANY; i++) {
    g_autoptr (GString) body = g_string_new ("今天天气很好。");
    /* The tenth article, among the oldest, is the best match of all:
     * 国 in its title and forty times in its text. */
    guint n = i == 10 ? 40 : 1 + i % 9;
    gint64 id;

    for (guint k = 0; k < n; k++)
      g_string_append (body, "我国，");
    if (i % 2 == 0)
      g_string_append (body, "熊猫。");
    if (i % 3 == 0)
      g_string_append (body, "鲸鱼。");
    id = add (library, i == 10 ? "国" : "标题", body->str, NULL);
    if (i == 10)
      strongest = id;
    /* A tag of many articles and one of few. */
    if (i % 10 == 0)
      g_assert_true (wenji_library_add_tag (library, id, "十", &error));
    if (i % 1000 == 0)
      g_assert_true (wenji_library_add_tag (library, id, "千", &error));
  }
  g_assert_true (wenji_library_commit (library, &error));

  /* 国 is in every article: the best 20 are those of the newest 2,000, in
   * the order of the full ranking, and the count is an estimate. */
  all = assert_ranks_newest (library, "国", 2000);
  g_assert_cmpuint (all->hits->len, ==, MANY);
  top = wenji_library_search_rank (library, "国", 20, &error);
  g_assert_no_error (error);
  g_assert_true (top->estimated);
  g_assert_cmpuint (top->n_matches, ==, MANY);

  /* Which is not the full ranking: its best, an old article, is missing. */
  g_assert_cmpint (((WenjiSearchHit *) all->hits->pdata[0])->id, ==, strongest);
  for (guint i = 0; i < top->hits->len; i++)
    g_assert_cmpint (((WenjiSearchHit *) top->hits->pdata[i])->id, !=, strongest);
  g_clear_pointer (&all, wenji_search_results_free);
  g_clear_pointer (&top, wenji_search_results_free);

  /* 熊猫 is in 2,500: ranked the same way, but few enough older ones to be
   * counted exactly. */
  all = assert_ranks_newest (library, "熊猫", 2000);
  g_assert_cmpuint (all->n_matches, ==, MANY / 2);
  top = wenji_library_search_rank (library, "熊猫", 20, &error);
  g_assert_false (top->estimated);
  g_assert_cmpuint (top->n_matches, ==, MANY / 2);
  g_clear_pointer (&all, wenji_search_results_free);
  g_clear_pointer (&top, wenji_search_results_free);

  /* 鲸鱼 is in 1,666: all ranked, all counted, the full ranking. */
  all = assert_ranks_newest (library, "鲸鱼", G_MAXINT);
  top = wenji_library_search_rank (library, "鲸鱼", 20, &error);
  g_assert_false (top->estimated);
  g_assert_cmpuint (top->n_matches, ==, MANY / 3);

  /* Tags, of many articles or few, filter the matches before the window. */
  g_clear_pointer (&top, wenji_search_results_free);
  top = wenji_library_search_rank (library, "国 tag:十", 20, &error);
  g_assert_no_error (error);
  g_assert_false (top->estimated);
  g_assert_cmpuint (top->n_matches, ==, MANY / 10);
  g_clear_pointer (&top, wenji_search_results_free);
  top = wenji_library_search_rank (library, "tag:十 国 tag:千", 20, &error);
  g_assert_false (top->estimated);
  g_assert_cmpuint (top->n_matches, ==, MANY / 1000);
  for (guint i = 0; i < top->hits->len; i++)
    g_assert_cmpint (((WenjiSearchHit *) top->hits->pdata[i])->id % 1000, ==, 0);

  /* Asked for more than the window, a search ranks as many, and here
   * leaves few enough older ones to count them all. */
  g_clear_pointer (&top, wenji_search_results_free);
  top = wenji_library_search_rank (library, "国", 3000, &error);
  g_assert_cmpuint (top->hits->len, ==, 3000);
  g_assert_false (top->estimated);
  g_assert_cmpuint (top->n_matches, ==, MANY);

  /* Sixty more: 5,060 articles hold 国, estimated at 5,060, whose two
   * digits would be 5,100, more than the library holds. */
  g_assert_true (wenji_library_begin (library, &error));
  for (guint i = 0; i < 60; i++)
    add (library, "标题", "我国", NULL);
  g_assert_true (wenji_library_commit (library, &error));
  g_clear_pointer (&top, wenji_search_results_free);
  top = wenji_library_search_rank (library, "国", 20, &error);
  g_assert_no_error (error);
  g_assert_true (top->estimated);
  g_assert_cmpuint (top->n_matches, ==, MANY + 60);
}

typedef struct {
  GPtrArray          *batches;
  WenjiSearchResults *results;
  GError             *error;
  gboolean            done;
} AsyncSearch;

static void
on_batch (WenjiSearchResults *batch,
          gpointer            user_data)
{
  AsyncSearch *search = user_data;
  WenjiSearchResults *copy = g_new0 (WenjiSearchResults, 1);

  g_assert_false (search->done);
  copy->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) wenji_search_hit_free);
  for (guint i = 0; i < batch->hits->len; i++)
    g_ptr_array_add (copy->hits, wenji_search_hit_copy (batch->hits->pdata[i]));
  copy->n_matches = batch->n_matches;
  copy->estimated = batch->estimated;
  g_ptr_array_add (search->batches, copy);
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncSearch *search = user_data;

  search->results = wenji_library_search_finish (result, &search->error);
  search->done = TRUE;
}

static void
test_async_batches (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *path = wenji_library_get_path (fixture->library);
  AsyncSearch search = { NULL, };
  GPtrArray *hits;
  guint n = 0;

  for (guint i = 0; i < 50; i++) {
    g_autofree char *body = g_strdup_printf ("第%u篇：为基层减负。", i);
    add (fixture->library, "减负", body, NULL);
  }

  /* The first twenty come first, with their snippets; then the others. */
  search.batches = g_ptr_array_new_with_free_func ((GDestroyNotify) wenji_search_results_free);
  wenji_library_search_async (path, "减负", 200, on_batch, &search, NULL, NULL,
                              on_search_done, &search);
  while (!search.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (search.error);
  g_assert_cmpuint (search.batches->len, ==, 2);
  g_assert_cmpuint (((WenjiSearchResults *) search.batches->pdata[0])->hits->len, ==, 20);
  g_assert_cmpuint (((WenjiSearchResults *) search.batches->pdata[1])->hits->len, ==, 30);
  hits = search.results->hits;
  g_assert_cmpuint (hits->len, ==, 50);
  for (guint b = 0; b < search.batches->len; b++) {
    WenjiSearchResults *batch = search.batches->pdata[b];

    g_assert_cmpuint (batch->n_matches, ==, 50);
    g_assert_false (batch->estimated);
    for (guint i = 0; i < batch->hits->len; i++, n++) {
      WenjiSearchHit *hit = batch->hits->pdata[i];

      g_assert_cmpint (hit->id, ==, ((WenjiSearchHit *) hits->pdata[n])->id);
      g_assert_cmpstr (hit->title, ==, "减负");
      g_assert_nonnull (strstr (hit->snippet, WENJI_SNIPPET_OPEN "减负" WENJI_SNIPPET_CLOSE));
    }
  }
  g_clear_pointer (&search.results, wenji_search_results_free);
  g_ptr_array_set_size (search.batches, 0);

  /* Cancelled, it says so, and hands on nothing. */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();

    search.done = FALSE;
    wenji_library_search_async (path, "减负", 200, on_batch, &search, NULL, cancellable,
                                on_search_done, &search);
    g_cancellable_cancel (cancellable);
    while (!search.done)
      g_main_context_iteration (NULL, TRUE);
    /* Whatever the worker posted before it stopped is dropped too. */
    for (guint i = 0; i < 10; i++)
      g_main_context_iteration (NULL, FALSE);
    g_assert_error (search.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (search.results);
    g_assert_cmpuint (search.batches->len, ==, 0);
    g_clear_error (&search.error);
  }

  g_ptr_array_unref (search.batches);
}

static gboolean
join_token (WenjiTokenKind  kind,
            const char     *token,
            gsize           length,
            gsize           start,
            gsize           end,
            gpointer        user_data)
{
  GString *out = user_data;

  /* The tokens beside another one have their own test. */
  if (kind == WENJI_TOKEN_BIGRAM || kind == WENJI_TOKEN_PREFIX)
    return TRUE;
  if (out->len > 0)
    g_string_append_c (out, '|');
  g_string_append_len (out, token, length);

  return TRUE;
}

/* The tokens of @text as the index has them, as "h|5|n|1". */
static char *
tokens (const char *text)
{
  GString *out = g_string_new (NULL);

  wenji_tokenize (text, strlen (text), TRUE, join_token, out);

  return g_string_free (out, FALSE);
}

#define assert_tokens(text, expected) G_STMT_START { \
    g_autofree char *tokens_ = tokens (text);         \
    g_assert_cmpstr (tokens_, ==, expected);          \
  } G_STMT_END

static void
test_identifiers (Fixture       *fixture,
                  gconstpointer  data)
{
  WenjiLibrary *library = fixture->library;
  const char *words[] = {
    "5G", "G20", "A股", "MP3", "H5N1", "Win10", "COVID-19", "iPhone15", "iphone", "2021年",
    "C919", "4G",
  };

  /* Sixteen characters and three parts make an identifier; less, a word. */
  assert_tokens ("VIDEFHsXOin5GmxQNdl2a0iR220929", "videfhsxoin5gmxqndl2a0ir220929");
  assert_tokens ("abcdefghijklmn5G", "abcdefghijklmn5g");
  assert_tokens ("abcdefghijklm5G", "abcdefghijklm|5|g");
  assert_tokens ("abcdefghijklmnop2022", "abcdefghijklmnop|2022");
  assert_tokens ("H5N1", "h|5|n|1");
  assert_tokens ("iPhone14ProMax", "iphone|14|promax");
  assert_tokens ("ＶＩＤＥＦＨｓＸＯｉｎ５ＧｍｘＱＮｄｌ２ａ０ｉＲ２２０９２９",
                 "videfhsxoin5gmxqndl2a0ir220929");

  add (library, "视频", "https://tv.cctv.com/2022/09/29/VIDEFHsXOin5GmxQNdl2a0iR220929.shtml",
       NULL);                                                                           /* 1 */
  add (library, "新闻",
       "5G 网络、G20 峰会、A股上涨、MP3 播放器、H5N1 禽流感、Win10 系统、COVID-19 疫情、"
       "iPhone15 发布、C919 首飞、4G 手机，2021年。", NULL);                            /* 2 */

  /* The letters and digits of an id are not words in it. */
  for (guint i = 0; i < G_N_ELEMENTS (words); i++) {
    g_autofree char *ids = found (library, words[i]);

    if (g_strcmp0 (ids, "2") != 0)
      g_error ("“%s” found “%s”, not “2”", words[i], ids);
  }
  assert_found (library, "\"5G\"", "2");
  assert_found (library, "2022", "1");
  /* The id itself, whole, in any case or width, or as typed so far. */
  assert_found (library, "VIDEFHsXOin5GmxQNdl2a0iR220929", "1");
  assert_found (library, "\"videfhsxoin5gmxqndl2a0ir220929\"", "1");
  assert_found (library, "ＶＩＤＥＦＨｓＸＯｉｎ５ＧｍｘＱＮｄｌ２ａ０ｉＲ２２０９２９", "1");
  assert_found (library, "VIDEFHsXOin5GmxQ", "1");
  assert_found (library, "cctv.com/2022/09/29/VIDEFHsXOin5GmxQNdl2a0iR220929", "1");
}

/* Every token of @text, those beside another at its position in
 * brackets, the prefix mark as "*": "中 [中国] 国". */
static gboolean
join_all_tokens (WenjiTokenKind  kind,
                 const char     *token,
                 gsize           length,
                 gsize           start,
                 gsize           end,
                 gpointer        user_data)
{
  GString *out = user_data;
  gboolean beside = kind == WENJI_TOKEN_BIGRAM || kind == WENJI_TOKEN_PREFIX;

  if (out->len > 0)
    g_string_append_c (out, ' ');
  if (beside)
    g_string_append_c (out, '[');
  for (gsize i = 0; i < length; i++) {
    if (token[i] == WENJI_TOKEN_PREFIX_MARK[0])
      g_string_append_c (out, '*');
    else if (token[i] == WENJI_TOKEN_BARRIER_TEXT[0])
      g_string_append_c (out, '|');
    else
      g_string_append_c (out, token[i]);
  }
  if (beside)
    g_string_append_c (out, ']');

  return TRUE;
}

static char *
all_tokens (const char *text)
{
  GString *out = g_string_new (NULL);

  wenji_tokenize (text, strlen (text), TRUE, join_all_tokens, out);

  return g_string_free (out, FALSE);
}

#define assert_all_tokens(text, expected) G_STMT_START { \
    g_autofree char *tokens_ = all_tokens (text);         \
    g_assert_cmpstr (tokens_, ==, expected);              \
  } G_STMT_END

/* The FTS5 expression a query becomes, the prefix mark as "*". */
static char *
match_of (const char *query)
{
  g_autoptr (WenjiSearchQuery) parsed = wenji_search_query_parse (query);

  return g_strdelimit (g_strdup (parsed->match), WENJI_TOKEN_PREFIX_MARK, '*');
}

#define assert_match(query, expected) G_STMT_START { \
    g_autofree char *match_ = match_of (query);      \
    g_assert_cmpstr (match_, ==, expected);          \
  } G_STMT_END

static void
test_tokens_beside (void)
{
  /* Every Han character is a token; two common ones are a bigram too. */
  g_assert_true (wenji_han_pair_indexed (g_utf8_get_char ("中"), g_utf8_get_char ("国")));
  g_assert_false (wenji_han_pair_indexed (g_utf8_get_char ("鲸"), g_utf8_get_char ("鱼")));
  assert_all_tokens ("中國人", "中 [中国] 国 [国人] 人");
  assert_all_tokens ("鯨魚", "鲸 鱼");
  /* Characters apart are no bigram, and a line break between them is a barrier. */
  assert_all_tokens ("中，国", "中 | 国");
  assert_all_tokens ("中\n国", "中 | 国");
  assert_all_tokens ("中 a", "中 | a [a*]");
  /* A word has its first characters beside it; a number has none. */
  assert_all_tokens ("CCTV 5G", "cctv [c*] [cc*] [cct*] [cctv*] 5 g [g*]");
  assert_all_tokens ("Internationale",
                     "internationale [i*] [in*] [int*] [inte*] [inter*] [intern*] "
                     "[interna*] [internat*]");

  /* Queries ask for the same tokens: a character alone, bigrams of common
   * pairs, single characters of the others, prefixes as tokens. */
  assert_match ("国", "\"国\"");
  assert_match ("國家", "\"国家\"");
  assert_match ("中国人", "\"中国\" + \"国人\"");
  assert_match ("鲸鱼", "\"鲸\" + \"鱼\"");
  assert_match ("大熊猫", "\"大\" + \"熊\" + \"猫\"");
  assert_match ("中国iPhone", "\"中国\" + \"国\" + \"iphone*\"");
  assert_match ("ipho", "\"ipho*\"");
  assert_match ("\"ipho\"", "\"ipho\"");
  assert_match ("internationale", "\"internationale\" *");
  assert_match ("2022", "\"2022\"");
}

static void
test_tokenizer_folding (void)
{
  g_autofree char *folded = wenji_fold_text ("頭髮與減負 ABC");

  g_assert_cmpstr (folded, ==, "头发与减负 ABC");
  g_assert_cmpuint (wenji_text_simplified_char (g_utf8_get_char ("體")), ==, g_utf8_get_char ("体"));
  g_assert_cmpuint (wenji_text_simplified_char (g_utf8_get_char ("体")), ==, g_utf8_get_char ("体"));
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, fraction);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  WenjiLibrary **library = user_data;
  g_autoptr (GError) error = NULL;

  *library = wenji_library_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

typedef struct {
  gboolean  done;
  GError   *error;
} OpenResult;

static void
on_open_failed (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  OpenResult *open = user_data;
  g_autoptr (WenjiLibrary) library = wenji_library_open_finish (result, &open->error);

  g_assert_null (library);
  open->done = TRUE;
}

static void
test_rebuild_on_new_tokenizer (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = g_strdup (wenji_library_get_path (fixture->library));
  g_autoptr (GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiLibrary) reopened = NULL;
  g_autoptr (WenjiLibrary) again = NULL;
  sqlite3 *db;

  for (guint i = 0; i < 1200; i++) {
    g_autofree char *body = g_strdup_printf ("第%u篇：基層減負。", i);
    add (fixture->library, "标题", body, NULL);
  }
  g_clear_object (&fixture->library);

  /* As if an older Wenji had indexed it with another tokenizer, and badly. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE meta SET value = '1' WHERE key = 'tokenizer_version';"
                                 "DELETE FROM articles_fts_data WHERE id > 10;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* Cancelled halfway: the error says so, and the next open starts again. */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    OpenResult open = { FALSE, NULL };

    wenji_library_open_async (path, cancel_on_progress, cancellable, cancellable,
                              on_open_failed, &open);
    while (!open.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_error (open.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&open.error);
  }

  reopened = wenji_library_open_with_progress (path, record_progress, seen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >=, 3);
  g_assert_cmpfloat (g_array_index (seen, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
  assert_found (reopened, "第1199篇", "1200");
  {
    g_autoptr (GPtrArray) hits = wenji_library_search (reopened, "减负", 5000, &error);
    g_assert_cmpuint (hits->len, ==, 1200);
  }
  g_clear_object (&reopened);

  /* Opening again builds nothing; the async open gives a working library. */
  g_array_set_size (seen, 0);
  wenji_library_open_async (path, record_progress, seen, NULL, on_opened, &again);
  while (again == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (seen->len, ==, 0);
  assert_found (again, "第1篇", "2");

  fixture->library = wenji_library_open (path, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/folding", test_tokenizer_folding);
  g_test_add_func ("/search/tokens-beside", test_tokens_beside);
  FIXTURE_TEST ("/search/chinese-queries", test_chinese_queries);
  FIXTURE_TEST ("/search/hostile-queries", test_hostile_queries);
  FIXTURE_TEST ("/search/index-follows-edits", test_index_follows_edits);
  FIXTURE_TEST ("/search/ranking-and-snippet", test_ranking_and_snippet);
  FIXTURE_TEST ("/search/early-stop", test_early_stop);
  FIXTURE_TEST ("/search/async-batches", test_async_batches);
  FIXTURE_TEST ("/search/identifiers", test_identifiers);
  FIXTURE_TEST ("/search/rebuild-on-new-tokenizer", test_rebuild_on_new_tokenizer);

  return g_test_run ();
}
