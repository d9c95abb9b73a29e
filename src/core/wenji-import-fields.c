/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a page says of its article, gathered field by field as its bylines
 * and credits are read: each field keeps the first name given, writers add
 * up, a 责任编辑 wins over a plain 编辑, and a writer's credit replaces the
 * web editor's name given as the writer.
 */
#include "config.h"

#include <string.h>

#include "wenji-import-private.h"

void
wenji_import_fields_clear (WenjiImportFields *fields)
{
  g_clear_pointer (&fields->title, g_free);
  g_clear_pointer (&fields->author, g_free);
  g_clear_pointer (&fields->source, g_free);
  g_clear_pointer (&fields->editor, g_free);
  g_clear_pointer (&fields->site, g_free);
  g_clear_pointer (&fields->agency, g_free);
  g_clear_pointer (&fields->original_title, g_free);
  g_clear_pointer (&fields->staff, g_free);
  g_clear_pointer (&fields->description, g_free);
  memset (&fields->published, 0, sizeof fields->published);
  memset (&fields->updated, 0, sizeof fields->updated);
  memset (&fields->yearless, 0, sizeof fields->yearless);
  fields->editor_is_responsible = FALSE;
  fields->personal = FALSE;
}

/**
 * wenji_import_set_field:
 * @field: a field of #WenjiImportFields
 * @value: (nullable): a name a byline gives for it
 *
 * Keeps @value in @field, unless the field holds a name already or
 * @value names nobody (`佚名`, `转载`).
 */
void
wenji_import_set_field (char       **field,
                        const char  *value)
{
  if (*field == NULL && !wenji_import_is_placeholder (value))
    *field = g_strdup (value);
}

/**
 * wenji_import_add_writers:
 * @fields: what a page said so far
 * @names: (nullable): writers another credit names, `、` between them
 *
 * Adds @names to the writers @fields knows, each once: a byline names
 * `（通讯员 李四）`, the last paragraph `（记者 张三）`.
 */
void
wenji_import_add_writers (WenjiImportFields *fields,
                          const char        *names)
{
  g_auto (GStrv) known = NULL;
  g_auto (GStrv) more = NULL;
  g_autofree char *run_together = NULL;
  GString *joined;

  if (names == NULL || *names == '\0')
    return;
  if (fields->author == NULL) {
    fields->author = g_strdup (names);
    return;
  }

  known = g_strsplit (fields->author, "、", -1);
  more = g_strsplit (names, "、", -1);
  /* The names known, run together as a line break inside a credit runs
   * them: `潘梁平康蒙` is 潘梁平 and 康蒙, not one more writer. */
  run_together = g_strjoinv ("", known);
  joined = g_string_new (fields->author);
  for (guint i = 0; more[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) known, more[i]) &&
        !strstr (fields->author, more[i]) &&
        !(g_utf8_strlen (more[i], -1) >= 5 && strstr (run_together, more[i])))
      g_string_append_printf (joined, "、%s", more[i]);
  g_free (fields->author);
  fields->author = g_string_free (joined, FALSE);
}

/**
 * wenji_import_set_author:
 * @fields: what a page said so far
 * @value: (nullable): the writers a credit names
 *
 * Sets the writer, unless one is known; a writer who is the page's editor
 * too (`作者：陈海峰` beside `责任编辑：陈海峰`) is the web editor's name,
 * and a later credit replaces it. A credit that names the writer known so
 * far and others besides adds the others.
 */
void
wenji_import_set_author (WenjiImportFields *fields,
                         const char        *value)
{
  if (fields->author != NULL && fields->editor != NULL && value != NULL &&
      !wenji_import_is_placeholder (value) && g_str_equal (fields->author, fields->editor))
    g_clear_pointer (&fields->author, g_free);
  /* `…。记者 宋宇晟` in the text, `作者：上官云 宋宇晟` under it. */
  if (fields->author != NULL && value != NULL && strstr (value, "、") != NULL) {
    g_auto (GStrv) names = g_strsplit (value, "、", -1);

    if (g_strv_contains ((const char * const *) names, fields->author)) {
      wenji_import_add_writers (fields, value);
      return;
    }
  }
  wenji_import_set_field (&fields->author, value);
}

/**
 * wenji_import_set_editor:
 * @fields: what a page said so far
 * @key: the credit's key: `编辑`, `责任编辑`, `責編`
 * @value: the name it gives
 *
 * Notes the editor among the page's staff, and keeps them as the editor
 * unless one is known; a responsible editor's credit wins over another.
 */
void
wenji_import_set_editor (WenjiImportFields *fields,
                         const char        *key,
                         const char        *value)
{
  g_autofree char *name = wenji_import_clean_name (value);
  gboolean responsible = strlen (key) > strlen ("编辑") || g_str_has_prefix (key, "责") ||
                         g_str_has_prefix (key, "責");

  if (name != NULL) {
    char *staff = g_strconcat (fields->staff ? fields->staff : "", name, "\n", NULL);

    g_free (fields->staff);
    fields->staff = staff;
  }

  if (name != NULL &&
      (fields->editor == NULL || (responsible && !fields->editor_is_responsible))) {
    g_free (fields->editor);
    fields->editor = g_steal_pointer (&name);
    fields->editor_is_responsible = responsible;
  }
}

/**
 * wenji_import_keep_fields:
 * @fields: what a page said so far
 * @found: what one more byline says; cleared
 *
 * Keeps what @found says where @fields holds nothing yet; a `责任编辑`
 * overrides a plain `编辑`, and a writer replaces the editor's name given
 * as the writer.
 */
void
wenji_import_keep_fields (WenjiImportFields *fields,
                          WenjiImportFields *found)
{
  if (fields->published.year == 0)
    fields->published = found->published;
  if (fields->updated.year == 0)
    fields->updated = found->updated;
  if (fields->yearless.month == 0)
    fields->yearless = found->yearless;
  wenji_import_set_field (&fields->source, found->source);
  wenji_import_set_field (&fields->agency, found->agency);
  wenji_import_set_author (fields, found->author);
  if (found->editor != NULL)
    wenji_import_set_editor (fields, found->editor_is_responsible ? "责任编辑" : "编辑",
                             found->editor);
  if (found->staff != NULL) {
    char *staff = g_strconcat (fields->staff ? fields->staff : "", found->staff, NULL);

    g_free (fields->staff);
    fields->staff = staff;
  }
  wenji_import_fields_clear (found);
}
