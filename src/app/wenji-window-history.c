/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The history of the open article, in place of the editor: win.history
 * (the "show-history" property) shows and hides it, win.restore-revision
 * puts an earlier version back and offers to undo that.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-window-private.h"

/**
 * wenji_window_set_show_history:
 *
 * Shows the history of the open article instead of the editor, after
 * saving the editor so that the history compares with what is on screen.
 * Does nothing when no article is open or it is in the Trash.
 */
void
wenji_window_set_show_history (WenjiWindow *self,
                               gboolean     show_history)
{
  WenjiArticle *article = wenji_editor_get_article (self->editor);
  g_autoptr (GError) error = NULL;

  show_history = !!show_history;
  if (show_history == self->show_history)
    return;

  if (show_history) {
    if (article == NULL || wenji_article_is_trashed (article))
      return;

    if (!wenji_editor_save (self->editor, &error) ||
        !wenji_history_view_set_article_id (self->history_view, wenji_article_get_id (article),
                                            &error)) {
      wenji_window_toast_error (self, error);
      return;
    }
  }

  self->show_history = show_history;
  wenji_article_view_show_history (self->article_view, show_history);

  g_object_notify (G_OBJECT (self), "show-history");
}

/* Another article opened (from the list or a search) while the history shows. */
static void
on_editor_article_changed (WenjiWindow *self)
{
  WenjiArticle *article = wenji_editor_get_article (self->editor);
  g_autoptr (GError) error = NULL;

  if (!self->show_history)
    return;

  if (article == NULL || wenji_article_is_trashed (article) ||
      !wenji_history_view_set_article_id (self->history_view, wenji_article_get_id (article),
                                          &error)) {
    if (error != NULL)
      wenji_window_toast_error (self, error);
    wenji_window_set_show_history (self, FALSE);
  }
}

/*
 * Restores revision @parameter into its article and opens the article in the
 * editor. The toast's Undo restores the text the restore replaced, which the
 * core kept as a revision.
 */
static void
restore_revision_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  g_autoptr (WenjiRevision) revision = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  AdwToast *toast;
  gint64 undo_id;

  /* Unsaved edits would otherwise be written over the restored text. */
  if (!wenji_editor_save (self->editor, &error) ||
      !(revision = wenji_library_load_revision (self->library, g_variant_get_int64 (parameter),
                                                &error)) ||
      !(undo_id = wenji_library_restore_revision (self->library, wenji_revision_get_id (revision),
                                                  &error))) {
    wenji_window_toast_error (self, error);
    return;
  }

  wenji_window_set_show_history (self, FALSE);
  wenji_window_show_article (self, wenji_revision_get_article_id (revision));

  when = wenji_history_format_time (wenji_revision_get_created_unix (revision), now);
  /* Translators: %s is when the version was saved, e.g. “5 minutes ago” */
  title = g_strdup_printf (_("Restored the version of %s"), when);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.restore-revision");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (undo_id));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
wenji_window_class_init_history (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.history", "show-history");
  gtk_widget_class_install_action (widget_class, "win.restore-revision", "x",
                                   restore_revision_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "win.history", NULL);
}

void
wenji_window_init_history (WenjiWindow *self)
{
  wenji_history_view_set_library (self->history_view, self->library);
  g_signal_connect_object (self->editor, "notify::article",
                           G_CALLBACK (on_editor_article_changed), self, G_CONNECT_SWAPPED);
}
