/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Find and replace in the open article, in a search bar above the text.
 * Ctrl+F belongs to the article list, so finding in the article is
 * Ctrl+Shift+F and replacing Ctrl+R.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-editor-private.h"

static void
update_count (WenjiEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  int count = gtk_source_search_context_get_occurrences_count (self->search_context);
  g_autofree char *label = NULL;
  GtkTextIter start, end;
  int position = 0;

  if (count < 0 || gtk_editable_get_text (GTK_EDITABLE (self->find_entry))[0] == '\0') {
    gtk_label_set_label (self->find_count, "");
    return;
  }

  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    position = gtk_source_search_context_get_occurrence_position (self->search_context, &start,
                                                                  &end);

  if (position > 0)
    /* Translators: the match the cursor is on, of all matches */
    label = g_strdup_printf (_("%d of %d"), position, count);
  else
    label = g_strdup_printf ("%d", count);
  gtk_label_set_label (self->find_count, label);
}

static void
select_match (WenjiEditor       *self,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);

  gtk_text_buffer_select_range (buffer, start, end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->source_view),
                                gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0, 0);
  update_count (self);
}

static gboolean
find (WenjiEditor *self,
      gboolean     forward)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end, match_start, match_end;
  gboolean found;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (forward)
    found = gtk_source_search_context_forward (self->search_context, &end, &match_start, &match_end,
                                               NULL);
  else
    found = gtk_source_search_context_backward (self->search_context, &start, &match_start,
                                                &match_end, NULL);

  if (found)
    select_match (self, &match_start, &match_end);
  else
    gtk_widget_error_bell (GTK_WIDGET (self->find_entry));

  return found;
}

static void
on_find_changed (WenjiEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  GtkTextIter start, end, match_start, match_end;

  gtk_source_search_settings_set_search_text (self->search_settings, *text != '\0' ? text : NULL);

  /* Find as you type, from where the selection starts. */
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (*text != '\0' &&
      gtk_source_search_context_forward (self->search_context, &start, &match_start, &match_end,
                                         NULL))
    select_match (self, &match_start, &match_end);
  else
    update_count (self);
}

static void
on_find_activate (WenjiEditor *self)
{
  find (self, TRUE);
}

static void
on_find_next (WenjiEditor *self)
{
  find (self, TRUE);
}

static void
on_find_previous (WenjiEditor *self)
{
  find (self, FALSE);
}

static void
on_find_stop (WenjiEditor *self)
{
  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
}

static void
on_find_mode_changed (WenjiEditor *self)
{
  gboolean enabled = gtk_search_bar_get_search_mode (self->find_bar);

  if (self->search_context == NULL)
    return;

  gtk_source_search_context_set_highlight (self->search_context, enabled);
  if (!enabled) {
    gtk_widget_set_visible (self->replace_box, FALSE);
    gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
  }
}

static gboolean
replace_current (WenjiEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  g_autoptr (GError) error = NULL;
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end) ||
      gtk_source_search_context_get_occurrence_position (self->search_context, &start, &end) <= 0)
    return FALSE;

  if (!gtk_source_search_context_replace (self->search_context, &start, &end, replacement, -1,
                                          &error)) {
    /* Only a bad regular expression fails, and the entry takes plain text. */
    g_warning ("Could not replace: %s", error->message);
    return FALSE;
  }

  return TRUE;
}

static void
on_replace_activate (WenjiEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.replace", NULL);
}

static void
show_find (WenjiEditor *self,
           gboolean     replace)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;

  if (self->article == NULL)
    return;

  /* The article is searched where it is written. */
  if (g_strcmp0 (self->view_mode, "preview") == 0)
    wenji_editor_set_view_mode (self, "split");

  /* A short selection on one line is what to look for. */
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end) &&
      gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) < 100) {
    g_autofree char *selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

    gtk_editable_set_text (GTK_EDITABLE (self->find_entry), selected);
  }

  gtk_widget_set_visible (self->replace_box, replace || gtk_widget_get_visible (self->replace_box));
  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  show_find (WENJI_EDITOR (widget), FALSE);
}

static void
replace_show_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_find (WENJI_EDITOR (widget), TRUE);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  find (WENJI_EDITOR (widget), TRUE);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  find (WENJI_EDITOR (widget), FALSE);
}

/* Replaces the match under the selection, then moves on to the next one. */
static void
replace_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WenjiEditor *self = WENJI_EDITOR (widget);

  replace_current (self);
  find (self, TRUE);
}

static void
replace_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WenjiEditor *self = WENJI_EDITOR (widget);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  g_autoptr (GError) error = NULL;
  guint n;

  if (gtk_source_search_settings_get_search_text (self->search_settings) == NULL)
    return;

  /* One step for Ctrl+Z. */
  gtk_text_buffer_begin_user_action (buffer);
  n = gtk_source_search_context_replace_all (self->search_context, replacement, -1, &error);
  gtk_text_buffer_end_user_action (buffer);

  if (error != NULL)
    g_warning ("Could not replace: %s", error->message);
  else if (n == 0)
    gtk_widget_error_bell (GTK_WIDGET (self->find_entry));

  update_count (self);
}

void
wenji_editor_class_init_find (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_find_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_find_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_find_next);
  gtk_widget_class_bind_template_callback (widget_class, on_find_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_find_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_find_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_replace_activate);

  gtk_widget_class_install_action (widget_class, "editor.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "editor.replace-show", NULL, replace_show_action);
  gtk_widget_class_install_action (widget_class, "editor.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "editor.find-previous", NULL,
                                   find_previous_action);
  gtk_widget_class_install_action (widget_class, "editor.replace", NULL, replace_action);
  gtk_widget_class_install_action (widget_class, "editor.replace-all", NULL, replace_all_action);
}

void
wenji_editor_init_find (WenjiEditor *self)
{
  self->search_settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->search_settings, TRUE);
  self->search_context = gtk_source_search_context_new (self->buffer, self->search_settings);
  gtk_source_search_context_set_highlight (self->search_context, FALSE);
  g_signal_connect_object (self->search_context, "notify::occurrences-count",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->find_bar, GTK_EDITABLE (self->find_entry));
}

void
wenji_editor_dispose_find (WenjiEditor *self)
{
  g_clear_object (&self->search_context);
  g_clear_object (&self->search_settings);
}
