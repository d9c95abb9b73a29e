/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "crash-state.h"

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
crash_state_new (const char         *title,
                 const char         *body,
                 gboolean            trashed,
                 const char * const *tags)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  g_checksum_update (checksum, (const guchar *) title, strlen (title));
  g_checksum_update (checksum, (const guchar *) "", 1);
  g_checksum_update (checksum, (const guchar *) body, strlen (body));

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_ptr_array_add (sorted, (gpointer) tags[i]);
  g_ptr_array_sort (sorted, compare_tags);
  g_ptr_array_add (sorted, NULL);
  joined = g_strjoinv (",", (char **) sorted->pdata);

  return g_strdup_printf ("%s:%d:%s", g_checksum_get_string (checksum), trashed ? 1 : 0, joined);
}

char *
crash_state_of_article (WenjiArticle *article)
{
  return crash_state_new (wenji_article_get_title (article),
                          wenji_article_get_body (article),
                          wenji_article_is_trashed (article),
                          wenji_article_get_tags (article));
}
