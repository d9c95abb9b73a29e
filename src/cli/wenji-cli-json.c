/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The JSON documents wenji-cli prints with --json. Field names follow the
 * schema's column names so that scripts can rely on them. */

#include "config.h"

#include <stdio.h>

#include "wenji-cli.h"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

JsonNode *
wenji_cli_json_article (WenjiArticle *article)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", wenji_article_get_id (article));
  add_string (builder, "uuid", wenji_article_get_uuid (article));
  add_string (builder, "title", wenji_article_get_title (article));
  add_string (builder, "body", wenji_article_get_body (article));
  add_string (builder, "author", wenji_article_get_author (article));
  add_string (builder, "source", wenji_article_get_source (article));
  add_string (builder, "source_url", wenji_article_get_source_url (article));
  add_string (builder, "editor", wenji_article_get_editor (article));
  add_string (builder, "published_at", wenji_article_get_published_at (article));
  add_string (builder, "created_at", wenji_article_get_created_at (article));
  add_string (builder, "updated_at", wenji_article_get_updated_at (article));
  add_string (builder, "status", wenji_article_get_status (article));
  add_string (builder, "lang", wenji_article_get_lang (article));
  add_string (builder, "summary", wenji_article_get_summary (article));
  add_int (builder, "char_count", wenji_article_get_char_count (article));
  add_string (builder, "content_hash", wenji_article_get_content_hash (article));
  add_string (builder, "deleted_at", wenji_article_get_deleted_at (article));
  add_strv (builder, "tags", wenji_article_get_tags (article));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
wenji_cli_json_summary (WenjiArticleSummary *summary,
                        const char * const  *tags)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", wenji_article_summary_get_id (summary));
  add_string (builder, "title", wenji_article_summary_get_title (summary));
  add_string (builder, "status", wenji_article_summary_get_status (summary));
  add_string (builder, "lang", wenji_article_summary_get_lang (summary));
  add_string (builder, "published_at", wenji_article_summary_get_published_at (summary));
  add_string (builder, "updated_at", wenji_article_summary_get_updated_at (summary));
  add_string (builder, "source", wenji_article_summary_get_source (summary));
  add_int (builder, "char_count", wenji_article_summary_get_char_count (summary));
  add_strv (builder, "tags", tags);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
outcome_name (WenjiImportOutcome outcome)
{
  switch (outcome) {
  case WENJI_IMPORT_IMPORTED:
    return "imported";
  case WENJI_IMPORT_DUPLICATE:
    return "duplicate";
  case WENJI_IMPORT_FAILED:
  default:
    return "failed";
  }
}

JsonNode *
wenji_cli_json_import_report (WenjiImportReport *report)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "imported", report->imported);
  add_int (builder, "duplicates", report->duplicates);
  add_int (builder, "failed", report->failed);

  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; report->files != NULL && i < report->files->len; i++) {
    WenjiImportFile *file = g_ptr_array_index (report->files, i);

    json_builder_begin_object (builder);
    add_string (builder, "path", file->path);
    add_string (builder, "outcome", outcome_name (file->outcome));
    add_int (builder, "imported", file->imported);
    add_int (builder, "duplicates", file->duplicates);

    json_builder_set_member_name (builder, "ids");
    json_builder_begin_array (builder);
    for (guint j = 0; file->ids != NULL && j < file->ids->len; j++)
      json_builder_add_int_value (builder, g_array_index (file->ids, gint64, j));
    json_builder_end_array (builder);

    add_string (builder, "message", file->message);

    json_builder_set_member_name (builder, "warnings");
    json_builder_begin_array (builder);
    for (guint j = 0; file->warnings != NULL && j < file->warnings->len; j++)
      json_builder_add_string_value (builder, file->warnings->pdata[j]);
    json_builder_end_array (builder);
    json_builder_end_object (builder);
  }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
wenji_cli_json_print (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;

  /* json-glib writes non-ASCII characters as they are, not as \u escapes. */
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  data = json_generator_to_data (generator, NULL);

  fputs (data, stdout);
  fputc ('\n', stdout);
}
