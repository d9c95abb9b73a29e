/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Revisions: when they are taken, restore, thinning, and what deletes them. */
#include "config.h"

#include "wenji-core.h"
#include "wenji-revision-private.h"
#include "test-library-fixture.h"

static gint64
add_article (WenjiLibrary *library,
             const char   *title,
             const char   *body)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) article = wenji_article_new ();

  wenji_article_set_title (article, title);
  wenji_article_set_body (article, body);
  g_assert_true (wenji_library_insert_article (library, article, &error));
  g_assert_no_error (error);

  return wenji_article_get_id (article);
}

/* Saves @body as the article's text at @minutes after a fixed start. */
static void
edit_at (WenjiLibrary *library,
         gint64        id,
         int           minutes,
         const char   *body)
{
  g_autoptr (GDateTime) start = g_date_time_new_utc (2026, 11, 2, 9, 0, 0);
  g_autoptr (GDateTime) time = g_date_time_add_minutes (start, minutes);
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GError) error = NULL;

  wenji_library_set_time_for_testing (library, time);
  article = wenji_library_load_article (library, id, &error);
  g_assert_no_error (error);
  wenji_article_set_body (article, body);
  g_assert_true (wenji_library_update_article (library, article, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_revisions (WenjiLibrary *library,
                gint64        id)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *revisions = wenji_library_list_revisions (library, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (revisions);

  return revisions;
}

static WenjiRevision *
nth (GPtrArray *revisions,
     guint      i)
{
  g_assert_cmpuint (i, <, revisions->len);
  return g_ptr_array_index (revisions, i);
}

static char *
stored_body (WenjiLibrary *library,
             gint64        id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) article = wenji_library_load_article (library, id, &error);

  g_assert_no_error (error);
  return g_strdup (wenji_article_get_body (article));
}

static void
test_first_edit (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 id = add_article (fixture->library, "减负", "原来的第一段。");
  g_autoptr (GPtrArray) revisions = list_revisions (fixture->library, id);

  /* A new article has no history yet. */
  g_assert_cmpuint (revisions->len, ==, 0);
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* Its first edit keeps the text it replaced. */
  edit_at (fixture->library, id, 0, "改过的第一段。");
  revisions = list_revisions (fixture->library, id);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_assert_cmpstr (wenji_revision_get_body (nth (revisions, 0)), ==, "原来的第一段。");
  g_assert_cmpstr (wenji_revision_get_title (nth (revisions, 0)), ==, "减负");
  g_assert_cmpstr (wenji_revision_get_reason (nth (revisions, 0)), ==, WENJI_REVISION_EDIT);
  g_assert_cmpint (wenji_revision_get_article_id (nth (revisions, 0)), ==, id);
  g_assert_cmpstr (wenji_revision_get_created_at (nth (revisions, 0)), ==,
                   "2026-11-02T09:00:00.000Z");
}

static void
test_interval (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  gint64 id = add_article (fixture->library, "减负", "甲");

  edit_at (fixture->library, id, 0, "乙");
  edit_at (fixture->library, id, 2, "丙");
  edit_at (fixture->library, id, 4, "丁");

  /* Autosaves within five minutes of the last revision take none. */
  revisions = list_revisions (fixture->library, id);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_assert_cmpstr (wenji_revision_get_body (nth (revisions, 0)), ==, "甲");
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* Five minutes after it, the next save keeps the text of the session. */
  edit_at (fixture->library, id, 5, "戊");
  revisions = list_revisions (fixture->library, id);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpstr (wenji_revision_get_body (nth (revisions, 0)), ==, "丁");
  g_assert_cmpstr (wenji_revision_get_body (nth (revisions, 1)), ==, "甲");
  g_assert_cmpint (wenji_revision_get_created_unix (nth (revisions, 0)) -
                   wenji_revision_get_created_unix (nth (revisions, 1)), ==, 300);
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* A change of status alone is not a change of the text. */
  edit_at (fixture->library, id, 60, "戊");
  article = wenji_library_load_article (fixture->library, id, &error);
  g_assert_no_error (error);
  wenji_article_set_status (article, WENJI_STATUS_READY);
  g_assert_true (wenji_library_update_article (fixture->library, article, &error));
  g_assert_no_error (error);
  revisions = list_revisions (fixture->library, id);
  g_assert_cmpuint (revisions->len, ==, 2);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autofree char *body = NULL;
  gint64 id = add_article (fixture->library, "城市更新", "第一稿");
  gint64 first, before;

  edit_at (fixture->library, id, 0, "第二稿");
  edit_at (fixture->library, id, 10, "第三稿");
  revisions = list_revisions (fixture->library, id);
  g_assert_cmpuint (revisions->len, ==, 2);
  first = wenji_revision_get_id (nth (revisions, 1));
  g_assert_cmpstr (wenji_revision_get_body (nth (revisions, 1)), ==, "第一稿");
  g_clear_pointer (&revisions, g_ptr_array_unref);

  before = wenji_library_restore_revision (fixture->library, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (before, >, 0);
  body = stored_body (fixture->library, id);
  g_assert_cmpstr (body, ==, "第一稿");

  /* The restore is in the history: the text it replaced, then the result. */
  revisions = list_revisions (fixture->library, id);
  g_assert_cmpuint (revisions->len, ==, 4);
  g_assert_cmpstr (wenji_revision_get_reason (nth (revisions, 0)), ==, WENJI_REVISION_RESTORE);
  g_assert_cmpstr (wenji_revision_get_body (nth (revisions, 0)), ==, "第一稿");
  g_assert_cmpstr (wenji_revision_get_reason (nth (revisions, 1)), ==,
                   WENJI_REVISION_BEFORE_RESTORE);
  g_assert_cmpstr (wenji_revision_get_body (nth (revisions, 1)), ==, "第三稿");
  g_assert_cmpint (wenji_revision_get_id (nth (revisions, 1)), ==, before);
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* Restoring the text before the restore undoes it. */
  g_assert_cmpint (wenji_library_restore_revision (fixture->library, before, &error), >, 0);
  g_assert_no_error (error);
  g_free (body);
  body = stored_body (fixture->library, id);
  g_assert_cmpstr (body, ==, "第三稿");

  /* A revision that does not exist is reported as such. */
  g_assert_cmpint (wenji_library_restore_revision (fixture->library, 999999, &error), ==, 0);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An article in the Trash is left alone. */
  g_assert_true (wenji_library_trash_article (fixture->library, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wenji_library_restore_revision (fixture->library, first, &error), ==, 0);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_INVALID);
  g_free (body);
  body = stored_body (fixture->library, id);
  g_assert_cmpstr (body, ==, "第三稿");
}

/* Which thinning bucket a revision of age @age at @t falls in; 0 for none. */
static gint64
bucket (gint64 t,
        gint64 age)
{
  gint64 day = t / (24 * 3600);

  if (age < 24 * 3600)
    return 0;
  if (age < 31 * 24 * 3600)
    return day + 1;
  return -((day + 3) / 7) - 1;
}

static void
test_thinning (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GDateTime) start = g_date_time_new_utc (2026, 1, 1, 3, 0, 0);
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GHashTable) kept_buckets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                               NULL);
  g_autoptr (GError) error = NULL;
  gint64 id = add_article (fixture->library, "日记", "每天都写。");
  gint64 lonely = add_article (fixture->library, "旧文", "很久以前。");
  const guint n = 90 * 4;
  gint64 start_unix = g_date_time_to_unix (start);
  gint64 now_unix, last_id = 0;
  guint young = 0;

  /* A snapshot every six hours for 90 days, and one long ago for another article. */
  g_assert_true (wenji_library_begin (fixture->library, &error));
  for (guint i = 0; i < n; i++) {
    g_autoptr (GDateTime) time = g_date_time_add_hours (start, 6 * i);

    wenji_library_set_time_for_testing (fixture->library, time);
    last_id = wenji_library_add_revision (fixture->library, id, WENJI_REVISION_EDIT, &error);
    g_assert_no_error (error);
    if (i == 0)
      g_assert_cmpint (wenji_library_add_revision (fixture->library, lonely,
                                                   WENJI_REVISION_BEFORE_IMPORT, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_true (wenji_library_commit (fixture->library, &error));
  g_assert_no_error (error);

  now = g_date_time_add_hours (start, 6 * (n - 1) + 1);
  now_unix = g_date_time_to_unix (now);
  g_assert_true (wenji_library_thin_revisions (fixture->library, id, now, &error));
  g_assert_no_error (error);
  g_assert_true (wenji_library_thin_revisions (fixture->library, lonely, now, &error));
  g_assert_no_error (error);

  revisions = list_revisions (fixture->library, id);
  g_test_message ("%u revisions kept of %u", revisions->len, n);
  g_assert_cmpint (wenji_revision_get_id (nth (revisions, 0)), ==, last_id);

  for (guint i = 0; i < revisions->len; i++) {
    gint64 t = wenji_revision_get_created_unix (nth (revisions, i));
    gint64 b = bucket (t, now_unix - t);

    if (b == 0) {
      young++;
      continue;
    }
    /* One a day for 30 days, then one a week, each the newest of its bucket. */
    g_assert_false (g_hash_table_contains (kept_buckets, &b));
    g_hash_table_add (kept_buckets, g_memdup2 (&b, sizeof b));
    g_assert_true ((t - start_unix) / (6 * 3600) == n - 1 ||
                   bucket (t + 6 * 3600, now_unix - t - 6 * 3600) != b);
  }

  /* All of the last day: the snapshots 1, 7, 13 and 19 hours old. */
  g_assert_cmpuint (young, ==, 4);

  /* No bucket that had a snapshot was emptied. */
  for (guint i = 0; i < n; i++) {
    gint64 t = start_unix + (gint64) i * 6 * 3600;
    gint64 b = bucket (t, now_unix - t);

    g_assert_true (b == 0 || g_hash_table_contains (kept_buckets, &b));
  }
  /* 30 days, plus the weeks of the 59 days before them. */
  g_assert_cmpuint (g_hash_table_size (kept_buckets), >=, 30 + 59 / 7);
  g_assert_cmpuint (g_hash_table_size (kept_buckets), <=, 31 + 59 / 7 + 2);
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* The only revision stays, however old. */
  revisions = list_revisions (fixture->library, lonely);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_assert_cmpstr (wenji_revision_get_reason (nth (revisions, 0)), ==,
                   WENJI_REVISION_BEFORE_IMPORT);
}

static void
test_delete_forever (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (WenjiRevision) revision = NULL;
  gint64 id = add_article (fixture->library, "删掉的", "第一稿");
  gint64 other = add_article (fixture->library, "留下的", "第一稿");
  gint64 revision_id;

  edit_at (fixture->library, id, 0, "第二稿");
  edit_at (fixture->library, other, 0, "第二稿");
  revisions = list_revisions (fixture->library, id);
  g_assert_cmpuint (revisions->len, ==, 1);
  revision_id = wenji_revision_get_id (nth (revisions, 0));
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* The Trash keeps the history… */
  g_assert_true (wenji_library_trash_article (fixture->library, id, &error));
  g_assert_no_error (error);
  revisions = list_revisions (fixture->library, id);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* …deleting forever does not. */
  g_assert_true (wenji_library_delete_article (fixture->library, id, &error));
  g_assert_no_error (error);
  revisions = list_revisions (fixture->library, id);
  g_assert_cmpuint (revisions->len, ==, 0);
  revision = wenji_library_load_revision (fixture->library, revision_id, &error);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND);
  g_assert_null (revision);
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* Other articles keep theirs. */
  revisions = list_revisions (fixture->library, other);
  g_assert_cmpuint (revisions->len, ==, 1);
}

static void
test_chinese (Fixture       *fixture,
              gconstpointer  data)
{
  const char *title = "為基層減負需久久為功：「留痕」不是工作本身";
  const char *body = "基層減負是一個老話題。\n\n## 形式主義的新變種\n\n"
                     "一些地方把**“留痕”**当成了工作本身，𠀀𪚥 半角ABC 和全角ＡＢＣ。";
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiRevision) revision = NULL;
  gint64 id = add_article (fixture->library, title, body);
  gint64 revision_id;

  /* An importer keeps the text before replacing it. */
  revision_id = wenji_library_add_revision (fixture->library, id, WENJI_REVISION_BEFORE_IMPORT,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (revision_id, >, 0);

  revision = wenji_library_load_revision (fixture->library, revision_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_revision_get_title (revision), ==, title);
  g_assert_cmpstr (wenji_revision_get_body (revision), ==, body);
  g_assert_cmpstr (wenji_revision_get_reason (revision), ==, WENJI_REVISION_BEFORE_IMPORT);
  g_assert_cmpuint (wenji_revision_get_char_count (revision), ==, wenji_text_count_chars (body));
  g_assert_cmpuint (wenji_revision_get_char_count (revision), >, 30);

  /* No revision for an article that does not exist. */
  g_assert_cmpint (wenji_library_add_revision (fixture->library, 424242, WENJI_REVISION_EDIT,
                                               &error), ==, 0);
  g_assert_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND);
}

/* Reads a diff back as "=same-removed+added" runs. */
static char *
describe_diff (const char *old_text,
               const char *new_text)
{
  g_autoptr (GPtrArray) chunks = wenji_revision_diff (old_text, new_text);
  GString *old_again = g_string_new (NULL);
  GString *new_again = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  static const char ops[] = { '=', '-', '+' };

  for (guint i = 0; i < chunks->len; i++) {
    WenjiDiffChunk *chunk = g_ptr_array_index (chunks, i);

    g_string_append_printf (out, "%c%s", ops[chunk->op], chunk->text);
    if (chunk->op != WENJI_DIFF_ADDED)
      g_string_append (old_again, chunk->text);
    if (chunk->op != WENJI_DIFF_REMOVED)
      g_string_append (new_again, chunk->text);
  }

  /* Each side reads back whole, with a newline after its last line. */
  g_string_truncate (old_again, old_again->len - 1);
  g_string_truncate (new_again, new_again->len - 1);
  g_assert_cmpstr (old_again->str, ==, old_text);
  g_assert_cmpstr (new_again->str, ==, new_text);
  g_string_free (old_again, TRUE);
  g_string_free (new_again, TRUE);

  return g_string_free (out, FALSE);
}

static void
test_diff (void)
{
  struct {
    const char *old_text, *new_text, *expected;
  } cases[] = {
    { "一\n二", "一\n二", "=一\n二\n" },
    /* A changed word inside a paragraph shows as that word. */
    { "基层减负是一个老话题。\n\n第二段。", "基层减负是一个新话题。\n\n第二段。",
      "=基层减负是一个-老+新=话题。\n\n第二段。\n" },
    /* Paragraphs added and removed. */
    { "甲\n乙\n丙", "甲\n丙\n丁", "=甲\n-乙\n=丙\n+丁\n" },
    /* A paragraph with nothing in common is replaced as a whole. */
    { "甲\n春眠不觉晓\n乙", "甲\n处处闻啼鸟\n乙", "=甲\n-春眠不觉晓\n+处处闻啼鸟\n=乙\n" },
    { "", "新的", "+新的\n" },
    /* Short common runs between changes join them into words. */
    { "文件越发越多，会议越开越长。", "材料越报越多，检查越来越密。\n\n新的一段。",
      "-文件越发+材料越报=越多，-会议越开越长+检查越来越密=。\n+\n新的一段。\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *got = describe_diff (cases[i].old_text, cases[i].new_text);

    g_assert_cmpstr (got, ==, cases[i].expected);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  FIXTURE_TEST ("/revisions/first-edit", test_first_edit);
  FIXTURE_TEST ("/revisions/interval", test_interval);
  FIXTURE_TEST ("/revisions/restore", test_restore);
  FIXTURE_TEST ("/revisions/thinning", test_thinning);
  FIXTURE_TEST ("/revisions/delete-forever", test_delete_forever);
  FIXTURE_TEST ("/revisions/chinese", test_chinese);
  g_test_add_func ("/revisions/diff", test_diff);

  return g_test_run ();
}
