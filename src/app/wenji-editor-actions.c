/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The editor's actions on the whole article: converting between scripts,
 * cleaning up, undo and redo, and the shortcuts of the article pane.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wenji-editor-private.h"
#include "wenji-import-private.h"

typedef char *(*TextTransform) (const char  *text,
                                const char  *config,
                                GError     **error);

static char *
convert_text (const char  *text,
              const char  *config,
              GError     **error)
{
  return wenji_text_convert (config, text, error);
}

static char *
remove_glosses (const char  *text,
                const char  *config,
                GError     **error)
{
  char *cleaned = wenji_import_remove_glosses (text, NULL);

  /* NULL: the text is not glossed. */
  return cleaned != NULL ? cleaned : g_strdup (text);
}

static char *
widen_punctuation (const char  *text,
                   const char  *config,
                   GError     **error)
{
  return wenji_text_widen_punctuation (text);
}

/* A conversion or cleanup as the body's undo history holds it. */
typedef struct {
  char     *body_before;
  char     *body_after;
  char     *title_before;
  char     *title_after;
  char     *lang_before;
  char     *lang_after;
  gboolean  undone;
} Transform;

static void
transform_free (gpointer data)
{
  Transform *transform = data;

  g_free (transform->body_before);
  g_free (transform->body_after);
  g_free (transform->title_before);
  g_free (transform->title_after);
  g_free (transform->lang_before);
  g_free (transform->lang_after);
  g_free (transform);
}

/* Drops the steps that can no longer be redone, from @from on. */
static void
drop_transforms_from (WenjiEditor *self,
                      guint        from)
{
  if (from < self->transforms->len)
    g_ptr_array_remove_range (self->transforms, from, self->transforms->len - from);
}

/* The first step that was undone, or the length: what a redo takes back. */
static guint
first_undone (WenjiEditor *self)
{
  guint i;

  for (i = 0; i < self->transforms->len; i++)
    if (((Transform *) g_ptr_array_index (self->transforms, i))->undone)
      break;

  return i;
}

void
wenji_editor_forget_transforms (WenjiEditor *self)
{
  drop_transforms_from (self, 0);
}

/* Sets the title and the language a step had, unless the user changed
 * them since: an undo never overwrites newer work. */
static void
restore_transform_fields (WenjiEditor *self,
                          const char  *title_now_expected,
                          const char  *title,
                          const char  *lang_now_expected,
                          const char  *lang)
{
  if (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)), title_now_expected))
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);

  if (g_strcmp0 (wenji_article_get_lang (self->article), lang_now_expected) == 0)
    wenji_article_set_lang (self->article, lang);
}

/* After the buffer undid a step: when that step was a conversion, the
 * body is back to what it was before it, and so go title and language. */
static void
on_buffer_undo (WenjiEditor *self)
{
  guint undone = first_undone (self);
  g_autofree char *body = NULL;
  Transform *transform;

  if (undone == 0 || self->article == NULL)
    return;

  transform = g_ptr_array_index (self->transforms, undone - 1);
  body = wenji_editor_dup_body (self);
  if (!g_str_equal (body, transform->body_before))
    return;

  transform->undone = TRUE;
  restore_transform_fields (self, transform->title_after, transform->title_before,
                            transform->lang_after, transform->lang_before);
}

static void
on_buffer_redo (WenjiEditor *self)
{
  guint undone = first_undone (self);
  g_autofree char *body = NULL;
  Transform *transform;

  if (undone == self->transforms->len || self->article == NULL)
    return;

  transform = g_ptr_array_index (self->transforms, undone);
  body = wenji_editor_dup_body (self);
  if (!g_str_equal (body, transform->body_after))
    return;

  transform->undone = FALSE;
  restore_transform_fields (self, transform->title_before, transform->title_after,
                            transform->lang_before, transform->lang_after);
}

/* Replaces the whole body as one step of the undo history. */
static void
replace_body (WenjiEditor *self,
              const char  *body)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end, cursor;
  int offset;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&cursor);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, body, -1);
  gtk_text_buffer_end_user_action (buffer);

  /* Conversions keep the length, mostly: the cursor stays about where it was. */
  gtk_text_buffer_get_iter_at_offset (buffer, &cursor, offset);
  gtk_text_buffer_place_cursor (buffer, &cursor);
}

/*
 * Saves, keeps the text as it was in the history under @reason, then
 * transforms the title and the body in the editor, where Ctrl+Z takes the
 * body back in one step; autosave writes the result.
 */
static void
transform_article (WenjiEditor   *self,
                   TextTransform  transform,
                   const char    *config,
                   const char    *reason,
                   const char    *lang)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  g_autofree char *result = NULL;
  g_autofree char *new_title = NULL;
  const char *new_body;
  const char *title;
  const char *newline;
  gboolean same_lang;

  if (self->article == NULL || wenji_article_is_trashed (self->article) || self->library == NULL)
    return;

  /* Title and body as one text: a cleanup judges the article as a whole
   * (the gloss rule counts the glosses of the text), and the title is one
   * line, so the first newline splits them again. */
  body = wenji_editor_dup_body (self);
  title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  text = g_strconcat (title, "\n", body, NULL);
  if ((result = transform (text, config, &error)) == NULL) {
    g_signal_emit_by_name (self, "save-failed", error);
    return;
  }
  newline = strchr (result, '\n');
  if (newline == NULL) {
    g_warning ("A text action lost the line after the title; the text stays as it was");
    return;
  }
  new_title = g_strndup (result, newline - result);
  new_body = newline + 1;

  same_lang = lang == NULL || g_strcmp0 (lang, wenji_article_get_lang (self->article)) == 0;
  if (g_str_equal (body, new_body) && g_str_equal (title, new_title) && same_lang)
    return;

  if (!wenji_editor_save (self, &error) ||
      wenji_library_add_revision (self->library, wenji_article_get_id (self->article), reason,
                                  &error) == 0) {
    g_signal_emit_by_name (self, "save-failed", error);
    return;
  }

  /* Only a changed body is a step of the buffer's undo history; a step
   * with the same body could not be told from the text before it. */
  if (!g_str_equal (body, new_body)) {
    Transform *step = g_new0 (Transform, 1);

    step->body_before = g_strdup (body);
    step->body_after = g_strdup (new_body);
    step->title_before = g_strdup (title);
    step->title_after = g_strdup (new_title);
    step->lang_before = g_strdup (wenji_article_get_lang (self->article));
    step->lang_after = g_strdup (same_lang ? step->lang_before : lang);
    drop_transforms_from (self, first_undone (self));
    g_ptr_array_add (self->transforms, step);

    replace_body (self, new_body);
  }
  if (!g_str_equal (title, new_title))
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry), new_title);

  /* The editor and the details panel follow the article's language. */
  if (!same_lang)
    wenji_article_set_lang (self->article, lang);

  wenji_editor_mark_dirty (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

static void
convert_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WenjiEditor *self = WENJI_EDITOR (widget);
  const char *config = g_variant_get_string (parameter, NULL);
  const char *lang;

  if (g_str_equal (config, "t2s") || g_str_equal (config, "tw2sp")) {
    lang = WENJI_LANG_HANS;
  } else if (g_str_equal (config, "s2t") || g_str_equal (config, "s2twp")) {
    lang = WENJI_LANG_HANT;
  } else {
    g_warning ("Unknown conversion “%s”", config);
    return;
  }

  transform_article (self, convert_text, config, WENJI_REVISION_BEFORE_CONVERSION, lang);
}

static void
remove_glosses_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  transform_article (WENJI_EDITOR (widget), remove_glosses, NULL, WENJI_REVISION_BEFORE_CLEANUP,
                     NULL);
}

static void
widen_punctuation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  transform_article (WENJI_EDITOR (widget), widen_punctuation, NULL, WENJI_REVISION_BEFORE_CLEANUP,
                     NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WenjiEditor *self = WENJI_EDITOR (widget);

  if (g_str_equal (action_name, "editor.undo"))
    gtk_text_buffer_undo (GTK_TEXT_BUFFER (self->buffer));
  else
    gtk_text_buffer_redo (GTK_TEXT_BUFFER (self->buffer));
}

void
wenji_editor_update_actions (WenjiEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = self->article != NULL && !wenji_article_is_trashed (self->article);

  gtk_widget_action_set_enabled (widget, "editor.convert", editable);
  gtk_widget_action_set_enabled (widget, "editor.remove-glosses", editable);
  gtk_widget_action_set_enabled (widget, "editor.widen-punctuation", editable);
  gtk_widget_action_set_enabled (widget, "editor.replace-show", editable);
  gtk_widget_action_set_enabled (widget, "editor.replace", editable);
  gtk_widget_action_set_enabled (widget, "editor.replace-all", editable);
  gtk_widget_action_set_enabled (widget, "editor.find", self->article != NULL);
  gtk_widget_action_set_enabled (widget, "editor.undo",
                                 editable &&
                                 gtk_text_buffer_get_can_undo (GTK_TEXT_BUFFER (self->buffer)));
  gtk_widget_action_set_enabled (widget, "editor.redo",
                                 editable &&
                                 gtk_text_buffer_get_can_redo (GTK_TEXT_BUFFER (self->buffer)));
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action,
              GVariant              *target)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                            gtk_named_action_new (action));

  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, target);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

void
wenji_editor_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.convert", "s", convert_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-glosses", NULL,
                                   remove_glosses_action);
  gtk_widget_class_install_action (widget_class, "editor.widen-punctuation", NULL,
                                   widen_punctuation_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, undo_action);

  /* Anywhere in the article pane; in the text, the view's own keys do the same. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);
}

void
wenji_editor_init_actions (WenjiEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  /* These work anywhere in the window, the list included: the window hands
   * global shortcuts to the controllers of its widgets. */
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  add_shortcut (shortcuts, "<Control>1", "editor.view-mode", g_variant_new_string ("edit"));
  add_shortcut (shortcuts, "<Control>2", "editor.view-mode", g_variant_new_string ("split"));
  add_shortcut (shortcuts, "<Control>3", "editor.view-mode", g_variant_new_string ("preview"));
  add_shortcut (shortcuts, "<Control><Shift>f", "editor.find", NULL);
  add_shortcut (shortcuts, "<Control>r", "editor.replace-show", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  self->transforms = g_ptr_array_new_with_free_func (transform_free);
  g_signal_connect_object (self->buffer, "undo",
                           G_CALLBACK (on_buffer_undo), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "redo",
                           G_CALLBACK (on_buffer_redo), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "notify::can-undo",
                           G_CALLBACK (wenji_editor_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "notify::can-redo",
                           G_CALLBACK (wenji_editor_update_actions), self, G_CONNECT_SWAPPED);
}
