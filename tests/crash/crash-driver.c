/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The workload of the crash harness: imports and edits articles in a library
 * until it is killed, and tells the harness on stdout what it is about to
 * change and which changes the library acknowledged.
 *
 *   crash-driver LIBRARY SEED [sabotage]
 *
 * With "sabotage" it acknowledges changes before they are committed, as a
 * broken library would: the harness must then find lost articles.
 *
 * Each line goes out in one write(2) of less than PIPE_BUF bytes, so a kill
 * never leaves half a line, and only after the call it reports returned:
 *
 *   ready              the library is open
 *   try ID STATE       about to change article ID to STATE (crash-state.h)
 *   try new STATE      about to add an article with STATE
 *   try import         about to import articles whose text the import decides
 *   ack ID STATE       the library returned: article ID is now STATE
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "crash-state.h"
#include "wenji-article-private.h"
#include "wenji-import.h"
#include "wenji-library-private.h"

/* Past this many articles, the driver deletes some, so that the harness
 * checks every one of them after each kill in a few milliseconds. */
#define MAX_ARTICLES 160

static const char * const tag_names[] = {
  "时评", "经济", "國際", "文化", "草稿", "待查", "lang-en", "专栏",
};

typedef struct {
  WenjiLibrary *library;
  GRand        *rand;
  GArray       *ids;
  char         *dir;
  guint         serial;
} Driver;

static void
report (const char *format,
        ...) G_GNUC_PRINTF (1, 2);

static void
report (const char *format,
        ...)
{
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  va_list args;
  gsize length, written = 0;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  line = g_strconcat (text, "\n", NULL);
  length = strlen (line);
  while (written < length) {
    gssize n = write (STDOUT_FILENO, line + written, length - written);

    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      exit (3);
    written += n;
  }
}

G_GNUC_NORETURN static void
fail (const char   *what,
      const GError *error)
{
  g_printerr ("crash-driver: %s: %s\n", what, error ? error->message : "failed");
  exit (2);
}

/* Chinese text of about @n_chars characters, in Markdown paragraphs. */
static char *
random_text (Driver *self,
             guint   n_chars)
{
  static const char * const punctuation[] = { "，", "。", "、", "；", "“", "”", "？" };
  GString *text = g_string_sized_new (n_chars * 3 + 16);

  for (guint i = 0; i < n_chars; i++) {
    gint32 roll = g_rand_int_range (self->rand, 0, 100);

    if (roll < 8)
      g_string_append (text,
                       punctuation[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (punctuation))]);
    else if (roll < 9 && i > 0)
      g_string_append (text, "\n\n");
    else if (roll < 11)
      g_string_append_c (text, 'a' + g_rand_int_range (self->rand, 0, 26));
    else
      g_string_append_unichar (text, g_rand_int_range (self->rand, 0x4e00, 0x9fa6));
  }

  return g_string_free (text, FALSE);
}

static char *
random_body (Driver *self)
{
  /* Now and then a long one, so that commits span overflow pages and the
   * WAL grows past a checkpoint. */
  if (g_rand_int_range (self->rand, 0, 10) == 0)
    return random_text (self, g_rand_int_range (self->rand, 8000, 40000));
  return random_text (self, g_rand_int_range (self->rand, 40, 1500));
}

static char *
random_title (Driver *self)
{
  g_autofree char *words = random_text (self, g_rand_int_range (self->rand, 4, 16));

  /* The serial keeps every title, and so every body hash, unique. */
  return g_strdup_printf ("%s %u-%u", g_strdelimit (words, "\n", ' '),
                          (guint) getpid (), self->serial++);
}

static gint64
pick_id (Driver *self,
         guint  *index)
{
  *index = g_rand_int_range (self->rand, 0, self->ids->len);
  return g_array_index (self->ids, gint64, *index);
}

static WenjiArticle *
new_article (Driver  *self,
             char   **state)
{
  WenjiArticle *article = wenji_article_new ();
  g_autofree char *title = random_title (self);
  g_autofree char *body = random_body (self);
  const char *tags[3] = { NULL, NULL, NULL };
  guint n_tags = g_rand_int_range (self->rand, 0, 3);

  for (guint i = 0; i < n_tags; i++)
    tags[i] = tag_names[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (tag_names))];
  if (n_tags == 2 && g_str_equal (tags[0], tags[1]))
    tags[1] = NULL;

  wenji_article_set_title (article, title);
  wenji_article_set_body (article, body);
  wenji_article_set_tags (article, tags);
  *state = crash_state_new (title, body, FALSE, tags);

  return article;
}

static void
insert_one (Driver *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *state = NULL;
  g_autoptr (WenjiArticle) article = new_article (self, &state);
  gint64 id;

  report ("try new %s", state);
  if (!wenji_library_insert_article (self->library, article, &error))
    fail ("insert", error);
  id = wenji_article_get_id (article);
  g_array_append_val (self->ids, id);
  report ("ack %" G_GINT64_FORMAT " %s", id, state);
}

/* Many articles in one transaction, as an import stores a batch. */
static void
insert_batch (Driver *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  guint n = g_rand_int_range (self->rand, 5, 40);

  if (!wenji_library_begin (self->library, &error))
    fail ("begin", error);

  for (guint i = 0; i < n; i++) {
    char *state;
    WenjiArticle *article = new_article (self, &state);

    g_ptr_array_add (articles, article);
    g_ptr_array_add (states, state);
    report ("try new %s", state);
    if (!wenji_library_insert_article (self->library, article, &error))
      fail ("insert in a batch", error);
  }

  if (!wenji_library_commit (self->library, &error))
    fail ("commit", error);

  for (guint i = 0; i < n; i++) {
    gint64 id = wenji_article_get_id (articles->pdata[i]);

    g_array_append_val (self->ids, id);
    report ("ack %" G_GINT64_FORMAT " %s", id, (char *) states->pdata[i]);
  }
}

/* A real import of a JSONL file; the import decides the stored text, so the
 * acknowledged state is read back from the library. */
static void
import_file (Driver *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiImportReport) import_report = NULL;
  /* One name for all: a killed driver's file is overwritten, not left. */
  g_autofree char *path = g_build_filename (self->dir, "import.jsonl", NULL);
  const char *paths[] = { path, NULL };
  GString *jsonl = g_string_new (NULL);
  guint n = g_rand_int_range (self->rand, 3, 30);

  for (guint i = 0; i < n; i++) {
    g_autofree char *title = random_title (self);
    g_autofree char *text = random_text (self, g_rand_int_range (self->rand, 40, 3000));

    g_strdelimit (text, "\n", ' ');
    g_string_append_printf (jsonl, "{\"title\": \"%s\", \"text\": \"%s\", \"lang\": \"zh-Hans\"}\n",
                            title, text);
  }
  if (!g_file_set_contents (path, jsonl->str, jsonl->len, &error))
    fail ("write the import file", error);
  g_string_free (jsonl, TRUE);

  report ("try import");
  import_report = wenji_import_paths (self->library, paths, WENJI_IMPORT_KEEP_DUPLICATES,
                                      NULL, NULL, NULL, &error);
  if (import_report == NULL)
    fail ("import", error);

  for (guint i = 0; i < import_report->files->len; i++) {
    WenjiImportFile *file = import_report->files->pdata[i];

    for (guint k = 0; file->ids != NULL && k < file->ids->len; k++) {
      gint64 id = g_array_index (file->ids, gint64, k);
      g_autoptr (WenjiArticle) article = wenji_library_load_article (self->library, id, &error);
      g_autofree char *state = NULL;

      if (article == NULL)
        fail ("load an imported article", error);
      state = crash_state_of_article (article);
      g_array_append_val (self->ids, id);
      report ("ack %" G_GINT64_FORMAT " %s", id, state);
    }
  }
  g_unlink (path);
}

static void
edit_text (Driver *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autofree char *state = NULL;
  guint index;
  gint64 id = pick_id (self, &index);

  if (!(article = wenji_library_load_article (self->library, id, &error)))
    fail ("load", error);

  if (g_rand_boolean (self->rand)) {
    g_autofree char *title = random_title (self);
    wenji_article_set_title (article, title);
  }
  if (g_rand_int_range (self->rand, 0, 4) != 0) {
    g_autofree char *body = random_body (self);
    wenji_article_set_body (article, body);
  }
  state = crash_state_of_article (article);

  report ("try %" G_GINT64_FORMAT " %s", id, state);
  if (!wenji_library_update_article (self->library, article, &error))
    fail ("update", error);
  report ("ack %" G_GINT64_FORMAT " %s", id, state);
}

static void
edit_tags (Driver *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GPtrArray) tags = g_ptr_array_new ();
  g_autofree char *state = NULL;
  const char * const *current;
  const char *tag;
  gboolean add;
  guint index;
  gint64 id = pick_id (self, &index);

  if (!(article = wenji_library_load_article (self->library, id, &error)))
    fail ("load", error);

  current = wenji_article_get_tags (article);
  add = current == NULL || current[0] == NULL || g_rand_boolean (self->rand);
  if (add)
    tag = tag_names[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (tag_names))];
  else
    tag = current[g_rand_int_range (self->rand, 0, g_strv_length ((char **) current))];

  for (guint i = 0; current != NULL && current[i] != NULL; i++)
    if (!g_str_equal (current[i], tag))
      g_ptr_array_add (tags, (gpointer) current[i]);
  if (add)
    g_ptr_array_add (tags, (gpointer) tag);
  g_ptr_array_add (tags, NULL);
  state = crash_state_new (wenji_article_get_title (article), wenji_article_get_body (article),
                           wenji_article_is_trashed (article), (const char * const *) tags->pdata);

  report ("try %" G_GINT64_FORMAT " %s", id, state);
  if (add ? !wenji_library_add_tag (self->library, id, tag, &error)
          : !wenji_library_remove_tag (self->library, id, tag, &error))
    fail (add ? "add a tag" : "remove a tag", error);
  report ("ack %" G_GINT64_FORMAT " %s", id, state);
}

static void
trash_or_restore (Driver *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  g_autofree char *state = NULL;
  gboolean trash;
  guint index;
  gint64 id = pick_id (self, &index);

  if (!(article = wenji_library_load_article (self->library, id, &error)))
    fail ("load", error);

  trash = !wenji_article_is_trashed (article);
  state = crash_state_new (wenji_article_get_title (article), wenji_article_get_body (article),
                           trash, wenji_article_get_tags (article));

  report ("try %" G_GINT64_FORMAT " %s", id, state);
  if (trash ? !wenji_library_trash_article (self->library, id, &error)
            : !wenji_library_restore_article (self->library, id, &error))
    fail (trash ? "trash" : "restore", error);
  report ("ack %" G_GINT64_FORMAT " %s", id, state);
}

static void
delete_one (Driver *self)
{
  g_autoptr (GError) error = NULL;
  guint index;
  gint64 id = pick_id (self, &index);

  report ("try %" G_GINT64_FORMAT " " CRASH_STATE_GONE, id);
  if (!wenji_library_delete_article (self->library, id, &error))
    fail ("delete", error);
  g_array_remove_index_fast (self->ids, index);
  report ("ack %" G_GINT64_FORMAT " " CRASH_STATE_GONE, id);
}

static void
load_ids (Driver *self)
{
  sqlite3 *db = wenji_library_get_db (self->library);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT id FROM articles", -1, &stmt, NULL) != SQLITE_OK)
    fail ("list the articles", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW) {
    gint64 id = sqlite3_column_int64 (stmt, 0);
    g_array_append_val (self->ids, id);
  }
  sqlite3_finalize (stmt);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  Driver self = { 0 };
  gboolean sabotage = argc == 4 && g_str_equal (argv[3], "sabotage");
  guint64 seed;

  if (argc < 3 || argc > 4 || (argc == 4 && !sabotage) ||
      !g_ascii_string_to_unsigned (argv[2], 10, 0, G_MAXUINT32, &seed, NULL)) {
    g_printerr ("usage: crash-driver LIBRARY SEED [sabotage]\n");
    return 1;
  }

  self.rand = g_rand_new_with_seed ((guint32) seed);
  self.ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self.dir = g_path_get_dirname (argv[1]);
  if (!(self.library = wenji_library_open (argv[1], &error)))
    fail ("open", error);
  load_ids (&self);
  report ("ready");

  /* Until the harness kills it. */
  for (guint n = 1;; n++) {
    gint32 roll = g_rand_int_range (self.rand, 0, 100);

    /* Sabotage: the changes go into one transaction of 50, acknowledged
     * long before its commit. */
    if (sabotage && n % 50 == 1 && !wenji_library_begin (self.library, &error))
      fail ("begin", error);
    if (sabotage && n % 50 == 0 && !wenji_library_commit (self.library, &error))
      fail ("commit", error);

    if (self.ids->len > MAX_ARTICLES && roll < 30)
      delete_one (&self);
    else if (self.ids->len < 5 || roll < 20)
      insert_one (&self);
    else if (roll < 27)
      insert_batch (&self);
    else if (roll < 32)
      import_file (&self);
    else if (roll < 70)
      edit_text (&self);
    else if (roll < 85)
      edit_tags (&self);
    else
      trash_or_restore (&self);
  }
}
