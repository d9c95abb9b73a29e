/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Articles and tags: round trips, trash, and what the library derives. */
#include "config.h"

#include "wenji-core.h"
#include "test-library-fixture.h"

static WenjiArticle *
add_article (WenjiLibrary *library,
             const char   *title,
             const char   *body)
{
  g_autoptr (GError) error = NULL;
  WenjiArticle *article = wenji_article_new ();

  wenji_article_set_title (article, title);
  wenji_article_set_body (article, body);
  g_assert_true (wenji_library_insert_article (library, article, &error));
  g_assert_no_error (error);

  return article;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) article = wenji_article_new ();
  g_autoptr (WenjiArticle) loaded = NULL;
  const char *body = "基層減負是一個老話題。\n\n近年來，從中央到地方，紛紛出臺措施。";

  wenji_article_set_title (article, "為基層減負需久久為功");
  wenji_article_set_body (article, body);
  wenji_article_set_author (article, "郭靜");
  wenji_article_set_source (article, "江蘇蘇訊網");
  wenji_article_set_source_url (article, "https://example.com/新聞/1.html");
  wenji_article_set_editor (article, "陸超");
  wenji_article_set_published_at (article, "2021-02-07 15:16");
  wenji_article_set_status (article, WENJI_STATUS_READY);
  wenji_article_set_lang (article, "zh-Hant");
  wenji_article_set_summary (article, "基層減負要持之以恒。");

  g_assert_true (wenji_library_insert_article (fixture->library, article, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wenji_article_get_id (article), >, 0);
  g_assert_nonnull (wenji_article_get_uuid (article));
  g_assert_true (g_uuid_string_is_valid (wenji_article_get_uuid (article)));

  loaded = wenji_library_load_article (fixture->library, wenji_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_cmpint (wenji_article_get_id (loaded), ==, wenji_article_get_id (article));
  g_assert_cmpstr (wenji_article_get_uuid (loaded), ==, wenji_article_get_uuid (article));
  g_assert_cmpstr (wenji_article_get_title (loaded), ==, "為基層減負需久久為功");
  g_assert_cmpstr (wenji_article_get_body (loaded), ==, body);
  g_assert_cmpstr (wenji_article_get_author (loaded), ==, "郭靜");
  g_assert_cmpstr (wenji_article_get_source (loaded), ==, "江蘇蘇訊網");
  g_assert_cmpstr (wenji_article_get_source_url (loaded), ==, "https://example.com/新聞/1.html");
  g_assert_cmpstr (wenji_article_get_editor (loaded), ==, "陸超");
  g_assert_cmpstr (wenji_article_get_published_at (loaded), ==, "2021-02-07 15:16");
  g_assert_cmpstr (wenji_article_get_status (loaded), ==, "ready");
  g_assert_cmpstr (wenji_article_get_lang (loaded), ==, "zh-Hant");
  g_assert_cmpstr (wenji_article_get_summary (loaded), ==, "基層減負要持之以恒。");
  g_assert_cmpstr (wenji_article_get_created_at (loaded), ==,
                   wenji_article_get_created_at (article));
  g_assert_cmpstr (wenji_article_get_updated_at (loaded), ==,
                   wenji_article_get_created_at (article));
  g_assert_null (wenji_article_get_deleted_at (loaded));
  /* 基層減負是一個老話題 (10) + 近年來 從中央到地方 紛紛出臺措施 (15) */
  g_assert_cmpuint (wenji_article_get_char_count (loaded), ==, 25);
  g_assert_cmpuint (strlen (wenji_article_get_content_hash (loaded)), ==, 64);
}

static void
test_defaults (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (WenjiArticle) simplified = add_article (fixture->library, "减负", "为基层减负需久久为功，这是一个老话题。");
  g_autoptr (WenjiArticle) traditional = NULL;
  g_autoptr (WenjiArticle) fresh = wenji_article_new ();

  g_assert_cmpstr (wenji_article_get_status (fresh), ==, "draft");
  g_assert_cmpstr (wenji_article_get_status (simplified), ==, "draft");

  /* Without a language, the library detects it from the body. */
  traditional = wenji_article_new ();
  wenji_article_set_body (traditional, "為基層減負需久久為功，這是一個老話題。");
  wenji_article_set_lang (traditional, NULL);
  g_assert_true (wenji_library_insert_article (fixture->library, traditional, NULL));
  g_assert_cmpstr (wenji_article_get_lang (traditional), ==, "zh-Hant");
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) article = add_article (fixture->library, "标题", "一二三");
  g_autoptr (WenjiArticle) loaded = NULL;
  g_autofree char *created = g_strdup (wenji_article_get_updated_at (article));
  g_autofree char *hash = g_strdup (wenji_article_get_content_hash (article));

  g_assert_cmpuint (wenji_article_get_char_count (article), ==, 3);

  /* Saving without a change writes nothing. */
  g_usleep (3000);
  g_assert_true (wenji_library_update_article (fixture->library, article, &error));
  g_assert_no_error (error);
  loaded = wenji_library_load_article (fixture->library, wenji_article_get_id (article), &error);
  g_assert_cmpstr (wenji_article_get_updated_at (loaded), ==, created);
  g_clear_object (&loaded);

  wenji_article_set_body (article, "一二三四五 and six words here");
  wenji_article_set_title (article, "新标题");
  g_assert_true (wenji_library_update_article (fixture->library, article, &error));
  g_assert_no_error (error);

  loaded = wenji_library_load_article (fixture->library, wenji_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_title (loaded), ==, "新标题");
  g_assert_cmpuint (wenji_article_get_char_count (loaded), ==, 9);
  g_assert_cmpstr (wenji_article_get_updated_at (loaded), >, created);
  g_assert_cmpstr (wenji_article_get_created_at (loaded), ==, created);
  g_assert_cmpstr (wenji_article_get_content_hash (loaded), !=, hash);

  /* A bad status is refused and nothing is stored. */
  wenji_article_set_status (article, "archived");
  g_assert_false (wenji_library_update_article (fixture->library, article, &error));
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_INVALID);
}

static void
test_trash_restore_delete (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) a = add_article (fixture->library, "甲", "第一篇");
  g_autoptr (WenjiArticle) b = add_article (fixture->library, "乙", "第二篇");
  g_autoptr (WenjiArticle) loaded = NULL;
  WenjiStatusCounts counts;
  gint64 id = wenji_article_get_id (a);

  g_assert_true (wenji_library_add_tag (fixture->library, id, "诗", &error));
  g_assert_true (wenji_library_trash_article (fixture->library, id, &error));
  g_assert_no_error (error);

  g_assert_true (wenji_library_count_articles (fixture->library, &counts, &error));
  g_assert_cmpuint (counts.all, ==, 1);
  g_assert_cmpuint (counts.trash, ==, 1);

  loaded = wenji_library_load_article (fixture->library, id, &error);
  g_assert_true (wenji_article_is_trashed (loaded));
  g_assert_cmpstr (wenji_article_get_body (loaded), ==, "第一篇");
  g_assert_cmpstr (wenji_article_get_tags (loaded)[0], ==, "诗");
  g_clear_object (&loaded);

  g_assert_true (wenji_library_restore_article (fixture->library, id, &error));
  g_assert_true (wenji_library_count_articles (fixture->library, &counts, &error));
  g_assert_cmpuint (counts.all, ==, 2);
  g_assert_cmpuint (counts.trash, ==, 0);
  loaded = wenji_library_load_article (fixture->library, id, &error);
  g_assert_false (wenji_article_is_trashed (loaded));
  g_clear_object (&loaded);

  g_assert_true (wenji_library_trash_article (fixture->library, id, &error));
  g_assert_true (wenji_library_delete_article (fixture->library, id, &error));
  g_assert_no_error (error);
  loaded = wenji_library_load_article (fixture->library, id, &error);
  g_assert_null (loaded);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Its tag went with it; the other article is untouched. */
  {
    g_autoptr (GPtrArray) tags = wenji_library_list_tags (fixture->library, &error);
    g_assert_cmpuint (tags->len, ==, 1);
    g_assert_cmpuint (((WenjiTagCount *) tags->pdata[0])->count, ==, 0);
  }

  g_assert_true (wenji_library_trash_article (fixture->library, wenji_article_get_id (b), &error));
  g_assert_true (wenji_library_empty_trash (fixture->library, &error));
  g_assert_true (wenji_library_count_articles (fixture->library, &counts, &error));
  g_assert_cmpuint (counts.all + counts.trash, ==, 0);

  g_assert_false (wenji_library_trash_article (fixture->library, 9999, &error));
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND);
}

static void
on_changed (WenjiLibrary *library,
            gint64        id,
            GArray       *seen)
{
  g_array_append_val (seen, id);
}

static void
test_changed_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GError) error = NULL;
  gulong handler;

  handler = g_signal_connect (fixture->library, "changed", G_CALLBACK (on_changed), seen);
  article = add_article (fixture->library, "信号", "内容");
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (g_array_index (seen, gint64, 0), ==, wenji_article_get_id (article));

  /* A batch says so once, at the commit. */
  g_assert_true (wenji_library_begin (fixture->library, &error));
  for (guint i = 0; i < 5; i++)
    g_object_unref (add_article (fixture->library, "批量", "内容"));
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_true (wenji_library_commit (fixture->library, &error));
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpint (g_array_index (seen, gint64, 1), ==, 0);

  /* A rolled back batch leaves nothing behind. */
  g_assert_true (wenji_library_begin (fixture->library, &error));
  g_object_unref (add_article (fixture->library, "回滚", "内容"));
  wenji_library_rollback (fixture->library);
  {
    WenjiStatusCounts counts;
    g_assert_true (wenji_library_count_articles (fixture->library, &counts, &error));
    g_assert_cmpuint (counts.all, ==, 6);
  }

  g_signal_handler_disconnect (fixture->library, handler);
}

static void
test_tags (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) a = add_article (fixture->library, "甲", "一");
  g_autoptr (WenjiArticle) b = add_article (fixture->library, "乙", "二");
  g_autoptr (GPtrArray) tags = NULL;
  g_auto (GStrv) names = NULL;
  gint64 ia = wenji_article_get_id (a), ib = wenji_article_get_id (b);

  g_assert_true (wenji_library_add_tag (fixture->library, ia, "  GNOME  ", &error));
  g_assert_no_error (error);
  /* The same tag, whatever the case, width or spacing. */
  g_assert_true (wenji_library_add_tag (fixture->library, ib, "gnome", &error));
  g_assert_true (wenji_library_add_tag (fixture->library, ib, "ＧＮＯＭＥ", &error));
  g_assert_true (wenji_library_add_tag (fixture->library, ia, "上海  文学", &error));
  g_assert_true (wenji_library_add_tag (fixture->library, ib, "北京", &error));

  tags = wenji_library_list_tags (fixture->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 3);
  /* Chinese order: Han first, by pinyin (北京 bei < 上海 shang), then Latin. */
  g_assert_cmpstr (((WenjiTagCount *) tags->pdata[0])->name, ==, "北京");
  g_assert_cmpstr (((WenjiTagCount *) tags->pdata[1])->name, ==, "上海 文学");
  g_assert_cmpstr (((WenjiTagCount *) tags->pdata[2])->name, ==, "GNOME");
  g_assert_cmpuint (((WenjiTagCount *) tags->pdata[2])->count, ==, 2);
  g_clear_pointer (&tags, g_ptr_array_unref);

  g_assert_false (wenji_library_add_tag (fixture->library, ia, " \t ", &error));
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wenji_library_add_tag (fixture->library, 4242, "x", &error));
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Rename, refuse a rename onto another tag, merge. */
  g_assert_true (wenji_library_rename_tag (fixture->library, "gnome", "GNOME 桌面", &error));
  g_assert_no_error (error);
  g_assert_false (wenji_library_rename_tag (fixture->library, "北京", "gnome 桌面", &error));
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (wenji_library_merge_tags (fixture->library, "北京", "GNOME 桌面", &error));
  g_assert_no_error (error);

  names = wenji_library_get_article_tags (fixture->library, ib, &error);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "GNOME 桌面");
  g_clear_pointer (&names, g_strfreev);

  /* Removing the last use of a tag forgets it. */
  g_assert_true (wenji_library_remove_tag (fixture->library, ia, "上海 文学", &error));
  g_assert_no_error (error);
  tags = wenji_library_list_tags (fixture->library, &error);
  g_assert_cmpuint (tags->len, ==, 1);
  g_clear_pointer (&tags, g_ptr_array_unref);

  g_assert_true (wenji_library_delete_tag (fixture->library, "gnome 桌面", &error));
  names = wenji_library_get_article_tags (fixture->library, ia, &error);
  g_assert_cmpuint (g_strv_length (names), ==, 0);

  g_assert_false (wenji_library_remove_tag (fixture->library, ia, "没有", &error));
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND);
}

/* The tag functions, the article list and a tag: search find a tag by the
 * same key, so that a name typed with other spacing, case or width finds
 * the same articles in the sidebar and in search. */
static void
test_tag_key_everywhere (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) tagged = add_article (fixture->library, "维港", "夜景");
  g_autoptr (WenjiArticle) other = add_article (fixture->library, "香江", "无");
  g_autoptr (WenjiArticleList) list = wenji_article_list_new (fixture->library);
  g_autoptr (GPtrArray) tags = NULL;
  const char *spellings[] = { "hong kong", "HONG KONG", "  Hong   Kong ", "ｈｏｎｇ\u3000ＫＯＮＧ" };
  gint64 id = wenji_article_get_id (tagged);

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++) {
    g_autofree char *key = wenji_tag_key (spellings[i]);
    g_assert_cmpstr (key, ==, "hong kong");
  }
  g_assert_null (wenji_tag_key (" \t\u3000"));
  g_assert_null (wenji_tag_key ("\xff"));

  g_assert_true (wenji_library_add_tag (fixture->library, id, "  Hong   Kong ", &error));
  g_assert_no_error (error);
  g_assert_true (wenji_library_add_tag (fixture->library, wenji_article_get_id (other),
                                        "Hong Kong Island", &error));
  /* Adding it again by another spelling adds nothing. */
  g_assert_true (wenji_library_add_tag (fixture->library, id, "HONG KONG", &error));
  tags = wenji_library_list_tags (fixture->library, &error);
  g_assert_cmpuint (tags->len, ==, 2);
  g_assert_cmpstr (((WenjiTagCount *) tags->pdata[0])->name, ==, "Hong Kong");
  g_assert_cmpuint (((WenjiTagCount *) tags->pdata[0])->count, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++) {
    g_autofree char *query = g_strdup_printf ("tag:\"%s\"", spellings[i]);
    g_autoptr (GPtrArray) hits = wenji_library_search (fixture->library, query, 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpint (((WenjiSearchHit *) hits->pdata[0])->id, ==, id);

    wenji_article_list_set_tag (list, spellings[i]);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    g_assert_cmpint (wenji_article_list_get_id (list, 0), ==, id);
  }

  g_assert_true (wenji_library_remove_tag (fixture->library, id, "hong  KONG", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  FIXTURE_TEST ("/articles/round-trip", test_round_trip);
  FIXTURE_TEST ("/articles/defaults", test_defaults);
  FIXTURE_TEST ("/articles/update", test_update);
  FIXTURE_TEST ("/articles/trash-restore-delete", test_trash_restore_delete);
  FIXTURE_TEST ("/articles/changed-signal", test_changed_signal);
  FIXTURE_TEST ("/articles/tags", test_tags);
  FIXTURE_TEST ("/articles/tag-key-everywhere", test_tag_key_everywhere);

  return g_test_run ();
}
