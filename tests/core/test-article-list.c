/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The article list model: contents, order, laziness and items-changed. */
#include "config.h"

#include "wenji-core.h"
#include "test-library-fixture.h"

static gint64
add (WenjiLibrary *library,
     const char   *title,
     const char   *body,
     const char   *published_at,
     const char   *status)
{
  g_autoptr (WenjiArticle) article = wenji_article_new ();
  g_autoptr (GError) error = NULL;

  wenji_article_set_title (article, title);
  wenji_article_set_body (article, body);
  wenji_article_set_published_at (article, published_at);
  if (status)
    wenji_article_set_status (article, status);
  g_assert_true (wenji_library_insert_article (library, article, &error));
  g_assert_no_error (error);

  return wenji_article_get_id (article);
}

static char *
titles (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++) {
    g_autoptr (WenjiArticleSummary) row = g_list_model_get_item (model, i);
    g_string_append_printf (out, "%s%s", i ? " " : "", wenji_article_summary_get_title (row));
  }

  return g_string_free (out, FALSE);
}

/* Records items-changed and checks each against the model's length. */
typedef struct {
  guint calls;
  guint position, removed, added;
  guint n_before;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  /* The signal must describe exactly how the length changed. */
  g_assert_cmpuint (changes->n_before - removed + added, ==, g_list_model_get_n_items (model));
  changes->n_before = g_list_model_get_n_items (model);
  changes->calls++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static void
test_sorts_and_filters (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (WenjiArticleList) list = NULL;
  g_autoptr (GError) error = NULL;
  gint64 shanghai;
  char *order;

  add (fixture->library, "浙江", "一二三四五六七", "2021-03-01", "published");
  add (fixture->library, "北京", "一二", "2023-01-01", NULL);
  shanghai = add (fixture->library, "上海", "一二三四五", NULL, "ready");
  add (fixture->library, "安徽", "一二三", "2022-06-30", NULL);

  list = wenji_article_list_new (fixture->library);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == WENJI_TYPE_ARTICLE_SUMMARY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  /* Most recently updated first. */
  order = titles (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "安徽 上海 北京 浙江");
  g_free (order);

  /* Pinyin order, whatever the locale: an 安 < bei 北 < shang 上 < zhe 浙. */
  wenji_article_list_set_sort (list, WENJI_ARTICLE_SORT_TITLE);
  order = titles (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "安徽 北京 上海 浙江");
  g_free (order);

  /* Newest publication first, undated last. */
  wenji_article_list_set_sort (list, WENJI_ARTICLE_SORT_PUBLISHED);
  order = titles (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "北京 安徽 浙江 上海");
  g_free (order);

  /* Longest first. */
  wenji_article_list_set_sort (list, WENJI_ARTICLE_SORT_LENGTH);
  order = titles (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "浙江 上海 安徽 北京");
  g_free (order);

  wenji_article_list_set_filter (list, WENJI_ARTICLE_FILTER_DRAFT);
  order = titles (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "安徽 北京");
  g_free (order);

  wenji_article_list_set_filter (list, WENJI_ARTICLE_FILTER_PUBLISHED);
  order = titles (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "浙江");
  g_free (order);

  wenji_article_list_set_filter (list, WENJI_ARTICLE_FILTER_ALL);
  g_assert_true (wenji_library_add_tag (fixture->library, shanghai, "城市", &error));
  wenji_article_list_set_tag (list, "城市");
  order = titles (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "上海");
  g_free (order);
  {
    g_autoptr (WenjiArticleSummary) row = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (wenji_article_summary_get_tags (row), ==, "城市");
    g_assert_cmpuint (wenji_article_summary_get_char_count (row), ==, 5);
    g_assert_cmpstr (wenji_article_summary_get_status (row), ==, "ready");
  }

  wenji_article_list_set_tag (list, NULL);
  g_assert_true (wenji_library_trash_article (fixture->library, shanghai, &error));
  wenji_article_list_set_filter (list, WENJI_ARTICLE_FILTER_TRASH);
  order = titles (G_LIST_MODEL (list));
  g_assert_cmpstr (order, ==, "上海");
  g_free (order);
}

static void
test_items_changed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticleList) list = NULL;
  g_autoptr (WenjiArticle) edited = NULL;
  g_autoptr (WenjiArticleSummary) held = NULL;
  g_autoptr (WenjiArticleSummary) again = NULL;
  Changes changes = { 0 };
  const guint n = 10000;
  guint position;
  gint64 first_id = 0, middle_id = 0, new_id;

  g_assert_true (wenji_library_begin (fixture->library, &error));
  for (guint i = 0; i < n; i++) {
    g_autofree char *title = g_strdup_printf ("第%u篇", i);
    gint64 id = add (fixture->library, title, "新闻联播", NULL, NULL);

    if (i == 0)
      first_id = id;
    if (i == n / 2)
      middle_id = id;
  }
  g_assert_true (wenji_library_commit (fixture->library, &error));

  list = wenji_article_list_new (fixture->library);
  changes.n_before = n;
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  /* Nothing was loaded to count them. */
  g_assert_cmpuint (wenji_article_list_get_n_loaded (list), ==, 0);

  /* A view of one screen loads one screen. */
  for (guint i = 0; i < 30; i++) {
    g_autoptr (WenjiArticleSummary) row = g_list_model_get_item (G_LIST_MODEL (list), i);
    g_assert_nonnull (row);
  }
  g_assert_cmpuint (wenji_article_list_get_n_loaded (list), ==, 30);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));

  /* Adding puts the new article on top: one insertion at 0. */
  new_id = add (fixture->library, "新文章", "内容", NULL, NULL);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpint (wenji_article_list_get_id (list, 0), ==, new_id);

  /* Editing an article in the middle moves it to the top; the row object a
   * view holds is the one the model returns, with the new title. */
  g_assert_true (wenji_article_list_find (list, middle_id, &position));
  held = g_list_model_get_item (G_LIST_MODEL (list), position);
  edited = wenji_library_load_article (fixture->library, middle_id, &error);
  wenji_article_set_title (edited, "改过的标题");
  changes.calls = 0;
  g_assert_true (wenji_library_update_article (fixture->library, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, position + 1);
  g_assert_cmpuint (changes.added, ==, position + 1);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (again == held);
  g_assert_cmpstr (wenji_article_summary_get_title (again), ==, "改过的标题");

  /* Trashing the oldest removes the last row only. */
  changes.calls = 0;
  g_assert_true (wenji_library_trash_article (fixture->library, first_id, &error));
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, n);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_false (wenji_article_list_find (list, first_id, NULL));

  /* Restoring puts it back where it was. */
  changes.calls = 0;
  g_assert_true (wenji_library_restore_article (fixture->library, first_id, &error));
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpint (wenji_article_list_get_id (list, n), ==, first_id);

  /* Tagging a row that stays in place refreshes just that row. */
  changes.calls = 0;
  g_assert_true (wenji_library_add_tag (fixture->library, middle_id, "要闻", &error));
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpstr (wenji_article_summary_get_tags (held), ==, "要闻");

  /* Far fewer rows loaded than the list holds. */
  g_assert_cmpuint (wenji_article_list_get_n_loaded (list), <, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  FIXTURE_TEST ("/article-list/sorts-and-filters", test_sorts_and_filters);
  FIXTURE_TEST ("/article-list/items-changed", test_items_changed);

  return g_test_run ();
}
