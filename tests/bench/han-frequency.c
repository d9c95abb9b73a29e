/* SPDX-License-Identifier: GPL-3.0-or-later */
/* han-frequency: how common each Han character is in a library, as the
 * search tokenizer's table of common characters wants it.
 *
 *   han-frequency LIBRARY
 *
 * For every character of the CJK Unified Ideographs block, folded to
 * Simplified as the index folds it, counts the articles whose title or body
 * hold it, and prints the characters held by at least half, a quarter, an
 * eighth and a sixteenth of the articles as the C strings of
 * common_han[] in src/core/wenji-search-tokenizer.c, most common first. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <sqlite3.h>

#include "wenji-search-tokenizer.h"
#include "wenji-text.h"

#define FIRST_HAN 0x4E00
#define LAST_HAN  0x9FFF
#define N_CLASSES 4
#define PER_LINE  32

typedef struct {
  gunichar c;
  guint    articles;
} Count;

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const Count *x = a, *y = b;

  if (x->articles != y->articles)
    return x->articles > y->articles ? -1 : 1;
  return x->c < y->c ? -1 : x->c > y->c;
}

static void
count_text (const char *text,
            guint      *seen,
            guint       article,
            guint      *articles)
{
  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p)) {
    gunichar c = wenji_text_simplified_char (g_utf8_get_char (p));

    if (c < FIRST_HAN || c > LAST_HAN || seen[c - FIRST_HAN] == article)
      continue;
    seen[c - FIRST_HAN] = article;
    articles[c - FIRST_HAN]++;
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree guint *seen = g_new0 (guint, LAST_HAN - FIRST_HAN + 1);
  g_autofree guint *articles = g_new0 (guint, LAST_HAN - FIRST_HAN + 1);
  g_autoptr (GArray) counts = g_array_new (FALSE, FALSE, sizeof (Count));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_articles = 0, next = 0;
  int rc;

  setlocale (LC_ALL, "");
  if (argc != 2) {
    g_printerr ("usage: han-frequency LIBRARY\n");
    return EXIT_FAILURE;
  }

  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT title, body FROM articles WHERE deleted_at IS NULL", -1,
                          &stmt, NULL) != SQLITE_OK) {
    g_printerr ("han-frequency: %s: %s\n", argv[1], sqlite3_errmsg (db));
    sqlite3_close (db);
    return EXIT_FAILURE;
  }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
    n_articles++;
    count_text ((const char *) sqlite3_column_text (stmt, 0), seen, n_articles, articles);
    count_text ((const char *) sqlite3_column_text (stmt, 1), seen, n_articles, articles);
  }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE) {
    g_printerr ("han-frequency: %s: %s\n", argv[1], sqlite3_errmsg (db));
    sqlite3_close (db);
    return EXIT_FAILURE;
  }
  sqlite3_close (db);

  for (gunichar c = FIRST_HAN; c <= LAST_HAN; c++) {
    Count count = { c, articles[c - FIRST_HAN] };

    if (count.articles > 0)
      g_array_append_val (counts, count);
  }
  g_array_sort (counts, compare_counts);

  g_print ("/* %u articles */\n", n_articles);
  for (guint k = 0; k < N_CLASSES; k++) {
    /* Class k: held by at least 1 / 2^(k+1) of the articles. */
    guint64 floor_articles = (n_articles + (2u << k) - 1) >> (k + 1);
    guint n = 0;

    g_print ("  /* in 1/%u of the articles or more */\n", 2u << k);
    while (next < counts->len && g_array_index (counts, Count, next).articles >= floor_articles) {
      char utf8[8] = { 0 };

      if (n % PER_LINE == 0)
        g_print ("%s  \"", n > 0 ? "\"\n" : "");
      g_unichar_to_utf8 (g_array_index (counts, Count, next).c, utf8);
      g_print ("%s", utf8);
      next++;
      n++;
    }
    g_print ("%s,\n", n > 0 ? "\"" : "  \"\"");
  }

  return EXIT_SUCCESS;
}
