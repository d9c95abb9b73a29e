/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-window-private.h"

/* The window's actions: the interface's API, used by menus, keys and tests. */

static const char *
display_title (WenjiArticle *article)
{
  const char *title = article ? wenji_article_get_title (article) : NULL;

  return title != NULL && *title != '\0' ? title : _("Untitled");
}

/* Toast titles are markup. */
static char *
escaped_title (WenjiArticle *article)
{
  return g_markup_escape_text (display_title (article), -1);
}

void
wenji_window_update_actions (WenjiWindow *self)
{
  WenjiArticle *article = wenji_editor_get_article (self->editor);
  gboolean trashed = article != NULL && wenji_article_is_trashed (article);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.trash", article != NULL && !trashed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore", trashed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-forever", trashed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.history", article != NULL && !trashed);
}

static void
new_article_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  g_autoptr (WenjiArticle) article = wenji_article_new ();
  g_autoptr (GError) error = NULL;
  WenjiArticleFilter filter = wenji_article_list_get_filter (self->article_list);

  if (!wenji_editor_save (self->editor, &error)) {
    wenji_window_toast_error (self, error);
    return;
  }

  /* A new draft must be visible in the list it lands in. */
  wenji_window_close_search (self);
  if (wenji_article_list_get_tag (self->article_list) != NULL ||
      (filter != WENJI_ARTICLE_FILTER_ALL && filter != WENJI_ARTICLE_FILTER_DRAFT))
    wenji_sidebar_select_filter (self->sidebar, WENJI_ARTICLE_FILTER_ALL);

  wenji_article_set_title (article, "");
  wenji_article_set_body (article, "");
  wenji_article_set_status (article, WENJI_STATUS_DRAFT);
  wenji_article_set_lang (article, WENJI_LANG_HANS);

  if (!wenji_library_insert_article (self->library, article, &error)) {
    wenji_window_toast_error (self, error);
    return;
  }

  wenji_window_show_article (self, wenji_article_get_id (article));
  wenji_editor_focus_title (self->editor);
}

static void
trash_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 id;

  if (wenji_editor_get_article (self->editor) == NULL)
    return;

  article = g_object_ref (wenji_editor_get_article (self->editor));
  if (wenji_article_is_trashed (article))
    return;

  /* Saved first, so that Undo brings back the text as it was. */
  id = wenji_article_get_id (article);
  if (!wenji_editor_save (self->editor, &error) ||
      !wenji_library_trash_article (self->library, id, &error)) {
    wenji_window_toast_error (self, error);
    return;
  }

  escaped = escaped_title (article);
  /* Translators: %s is an article title */
  title = g_strdup_printf (_("“%s” moved to Trash"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-trash");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_trash_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (!wenji_library_restore_article (self->library, id, &error)) {
    wenji_window_toast_error (self, error);
    return;
  }

  wenji_window_show_article (self, id);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  WenjiArticle *current = wenji_editor_get_article (self->editor);
  g_autoptr (WenjiArticle) article = current ? g_object_ref (current) : NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  if (article == NULL || !wenji_article_is_trashed (article))
    return;

  if (!wenji_library_restore_article (self->library, wenji_article_get_id (article), &error)) {
    wenji_window_toast_error (self, error);
    return;
  }

  escaped = escaped_title (article);
  /* Translators: %s is an article title */
  title = g_strdup_printf (_("“%s” restored"), escaped);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gint64           *id)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "delete") == 0 && window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-forever-confirmed", "x", *id);
}

static void
delete_forever_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  WenjiArticle *article = wenji_editor_get_article (self->editor);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  gint64 *id;

  if (article == NULL || !wenji_article_is_trashed (article))
    return;

  /* Translators: %s is an article title */
  heading = g_strdup_printf (_("Delete “%s” Forever?"), display_title (article));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The article and its history will be removed from the library. "
                                     "This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Forever"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  id = g_new (gint64, 1);
  *id = wenji_article_get_id (article);
  g_signal_connect_data (dialog, "response",
                         G_CALLBACK (on_delete_response), id,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.delete-forever without the question, for the dialog and for tests. */
static void
delete_forever_confirmed_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  article = wenji_library_load_article (self->library, id, &error);
  if (article == NULL) {
    wenji_window_toast_error (self, error);
    return;
  }

  if (!wenji_article_is_trashed (article)) {
    g_warning ("Article %" G_GINT64_FORMAT " is not in the Trash; not deleting it", id);
    return;
  }

  if (!wenji_library_delete_article (self->library, id, &error)) {
    wenji_window_toast_error (self, error);
    return;
  }

  escaped = escaped_title (article);
  /* Translators: %s is an article title */
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (WenjiWindow) self = user_data;
  g_autoptr (WenjiImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) message = g_string_new (NULL);

  report = wenji_import_paths_finish (result, &error);
  if (report == NULL) {
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      wenji_window_toast_error (self, error);
    return;
  }

  g_string_append_printf (message,
                          g_dngettext (GETTEXT_PACKAGE, "Imported %u article", "Imported %u articles",
                                       report->imported),
                          report->imported);
  if (report->duplicates > 0) {
    g_string_append (message, _(", "));
    g_string_append_printf (message,
                            g_dngettext (GETTEXT_PACKAGE, "%u already in the library",
                                         "%u already in the library", report->duplicates),
                            report->duplicates);
  }
  if (report->failed > 0) {
    g_string_append (message, _(", "));
    g_string_append_printf (message,
                            g_dngettext (GETTEXT_PACKAGE, "%u file failed", "%u files failed",
                                         report->failed),
                            report->failed);
  }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message->str));

  /* The import wrote through its own connection. */
  wenji_library_changed (self->library, 0);
}

/**
 * wenji_window_import_paths:
 * @paths: files and folders to import
 *
 * Imports in a thread and reports the outcome in a toast.
 */
void
wenji_window_import_paths (WenjiWindow        *self,
                           const char * const *paths)
{
  g_return_if_fail (WENJI_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  wenji_import_paths_async (wenji_library_get_path (self->library), paths,
                            WENJI_IMPORT_FLAGS_NONE, NULL, NULL,
                            self->cancellable, on_import_done, g_object_ref (self));
}

static void
on_import_response (WenjiWindow     *self,
                    int              response,
                    GtkNativeDialog *dialog)
{
  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
    g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < g_list_model_get_n_items (files); i++) {
      g_autoptr (GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
    g_ptr_array_add (paths, NULL);

    if (paths->len > 1)
      wenji_window_import_paths (self, (const char * const *)paths->pdata);
  }

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->import_dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  if (self->import_dialog != NULL)
    return;

  native = gtk_file_chooser_native_new (_("Import Articles"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);

  gtk_file_filter_set_name (articles, _("Articles"));
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_filter_add_mime_type (articles, "text/markdown");
  gtk_file_filter_add_mime_type (articles, "text/html");
  gtk_file_filter_add_suffix (articles, "txt");
  gtk_file_filter_add_suffix (articles, "md");
  gtk_file_filter_add_suffix (articles, "html");
  gtk_file_filter_add_suffix (articles, "htm");
  gtk_file_filter_add_suffix (articles, "jsonl");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), articles);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  self->import_dialog = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_set_modal (self->import_dialog, TRUE);
  g_signal_connect_object (native, "response",
                           G_CALLBACK (on_import_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->import_dialog);
}

void
wenji_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-article", NULL, new_article_action);
  gtk_widget_class_install_action (widget_class, "win.trash", NULL, trash_action);
  gtk_widget_class_install_action (widget_class, "win.undo-trash", "x", undo_trash_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "win.delete-forever", NULL, delete_forever_action);
  gtk_widget_class_install_action (widget_class, "win.delete-forever-confirmed", "x",
                                   delete_forever_confirmed_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_property_action (widget_class, "win.sort", "sort");
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-article", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
}
