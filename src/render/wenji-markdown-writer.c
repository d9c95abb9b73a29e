/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An article as a Markdown file with YAML front matter, in the form Wenji's
 * importer reads back (wenji-import-formats.c): every field a double-quoted
 * scalar, tags as a block list, the body as written.
 */
#include "config.h"

#include <string.h>

#include "wenji-error.h"
#include "wenji-markdown-writer.h"

/* A double-quoted YAML scalar; only what g_strcompress() undoes is escaped,
 * so Chinese text stays readable. */
static void
append_scalar (GString    *out,
               const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++) {
    switch (*p) {
    case '"': g_string_append (out, "\\\""); break;
    case '\\': g_string_append (out, "\\\\"); break;
    case '\n': g_string_append (out, "\\n"); break;
    case '\r': g_string_append (out, "\\r"); break;
    case '\t': g_string_append (out, "\\t"); break;
    default: g_string_append_c (out, *p); break;
    }
  }
  g_string_append_c (out, '"');
}

static void
append_field (GString    *out,
              const char *key,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (out, "%s: ", key);
  append_scalar (out, value);
  g_string_append_c (out, '\n');
}

/**
 * wenji_markdown_writer_render_article:
 * @article: the article
 *
 * Returns: (transfer full): the Markdown file: front matter (title, author,
 *   source, source_url, editor, date, status, lang, summary, tags) and body
 */
char *
wenji_markdown_writer_render_article (WenjiArticle *article)
{
  GString *out = g_string_new ("---\n");
  const char * const *tags = wenji_article_get_tags (article);
  const char *body = wenji_article_get_body (article);

  g_return_val_if_fail (WENJI_IS_ARTICLE (article), NULL);

  append_field (out, "title", wenji_article_get_title (article));
  append_field (out, "author", wenji_article_get_author (article));
  append_field (out, "source", wenji_article_get_source (article));
  append_field (out, "source_url", wenji_article_get_source_url (article));
  append_field (out, "editor", wenji_article_get_editor (article));
  append_field (out, "date", wenji_article_get_published_at (article));
  append_field (out, "status", wenji_article_get_status (article));
  append_field (out, "lang", wenji_article_get_lang (article));
  append_field (out, "summary", wenji_article_get_summary (article));
  if (tags != NULL && tags[0] != NULL) {
    g_string_append (out, "tags:\n");
    for (guint i = 0; tags[i] != NULL; i++) {
      g_string_append (out, "  - ");
      append_scalar (out, tags[i]);
      g_string_append_c (out, '\n');
    }
  }
  g_string_append (out, "---\n\n");

  if (body != NULL && *body != '\0') {
    g_string_append (out, body);
    if (out->str[out->len - 1] != '\n')
      g_string_append_c (out, '\n');
  }

  return g_string_free (out, FALSE);
}

/**
 * wenji_markdown_writer_write_article:
 * @article: the article
 * @path: the file to write
 * @error: return location for an error
 *
 * Returns: whether the file was written
 */
gboolean
wenji_markdown_writer_write_article (WenjiArticle  *article,
                                     const char    *path,
                                     GError       **error)
{
  g_autofree char *text = wenji_markdown_writer_render_article (article);
  g_autoptr (GError) local_error = NULL;

  if (!g_file_set_contents (path, text, -1, &local_error)) {
    g_autofree char *name = g_filename_display_name (path);
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_READ_ONLY,
                 "Cannot write “%s”: %s", name, local_error->message);
    return FALSE;
  }

  return TRUE;
}
