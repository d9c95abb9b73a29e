/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wenji-export-dialog.h"
#include "wenji-settings.h"
#include "wenji-window-private.h"

/*
 * Export (Ctrl+E) of the selected articles, or of the open one, through
 * WenjiExportDialog; a toast when it is done opens the file or shows it in
 * the file manager.
 */

static void
on_export_finished (WenjiWindow       *self,
                    const char        *path,
                    WenjiExportDialog *dialog)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *title = NULL;
  GtkWidget *box, *label, *folder_button;
  AdwToast *toast;

  g_free (self->last_export);
  self->last_export = g_strdup (path);

  /* Translators: %s is the name of a file or folder */
  title = g_strdup_printf (_("Exported “%s”"), escaped);

  /* A toast has one button; Show in Folder goes beside the title. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new (title);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_use_markup (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  folder_button = gtk_button_new_with_mnemonic (_("Show in _Folder"));
  gtk_widget_add_css_class (folder_button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (folder_button), "win.show-export-in-folder");
  gtk_box_append (GTK_BOX (box), folder_button);

  toast = adw_toast_new (title);
  adw_toast_set_custom_title (toast, box);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-export");
  wenji_window_add_toast (self, toast);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  g_autoptr (GArray) ids = wenji_window_dup_selected_ids (self);
  g_autoptr (GError) error = NULL;
  gint64 current = wenji_editor_get_article_id (self->editor);
  WenjiExportDialog *dialog;

  if (self->export_dialog != NULL) {
    gtk_window_present (self->export_dialog);
    return;
  }

  /* One article: the one in the editor, which may be a search result. */
  if (ids->len <= 1) {
    g_array_set_size (ids, 0);
    if (current != 0)
      g_array_append_val (ids, current);
  }

  if (ids->len == 0)
    return;

  if (!wenji_editor_save (self->editor, &error) ||
      !wenji_metadata_panel_save (self->metadata_panel, &error)) {
    wenji_window_toast_error (self, error);
    return;
  }

  dialog = wenji_export_dialog_new (GTK_WINDOW (self), self->library, ids, self->settings);
  g_signal_connect_object (dialog, "finished",
                           G_CALLBACK (on_export_finished), self, G_CONNECT_SWAPPED);
  self->export_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->export_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The open article on the clipboard as WeChat's editor, Zhihu or a web
 * CMS takes it (text/html), and as plain text for the others. */
static void
copy_wechat_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  const WenjiExportFormat *format = wenji_export_format_lookup ("wechat");
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkContentProvider) provider = NULL;
  g_autoptr (GBytes) html_bytes = NULL;
  g_autoptr (GBytes) text_bytes = NULL;
  GdkContentProvider *providers[3];
  WenjiExportOptions options = { 0 };
  WenjiArticle *article;
  char *html, *text;

  if (!wenji_editor_save (self->editor, &error) ||
      !wenji_metadata_panel_save (self->metadata_panel, &error)) {
    wenji_window_toast_error (self, error);
    return;
  }

  article = wenji_editor_get_article (self->editor);
  if (article == NULL)
    return;

  wenji_settings_get_export_setup (self->settings, format, &options.setup);
  html = format->render (&options, article);
  text = wenji_wechat_writer_render_text (article);
  html_bytes = g_bytes_new_take (html, strlen (html));
  text_bytes = g_bytes_new (text, strlen (text));

  providers[0] = gdk_content_provider_new_for_bytes ("text/html", html_bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", text_bytes);
  providers[2] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  g_free (text);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);

  wenji_window_add_toast (self, adw_toast_new (_("Copied for WeChat")));
}

static void
launch_uri (WenjiWindow *self,
            const char  *uri)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAppLaunchContext) context =
    G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
                            gtk_widget_get_display (GTK_WIDGET (self))));

  if (!g_app_info_launch_default_for_uri (uri, context, &error))
    wenji_window_toast_error (self, error);
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  g_autoptr (GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (self->last_export == NULL)
    return;

  file = g_file_new_for_path (self->last_export);
  /* A folder of HTML opens at its index. */
  if (g_file_test (self->last_export, G_FILE_TEST_IS_DIR)) {
    g_autoptr (GFile) index = g_file_get_child (file, "index.html");

    if (g_file_query_exists (index, NULL))
      g_set_object (&file, index);
  }

  uri = g_file_get_uri (file);
  launch_uri (self, uri);
}

static void
on_show_items_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (WenjiWindow) self = user_data;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) parent = NULL;
  g_autofree char *uri = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply != NULL || self->last_export == NULL)
    return;

  /* No file manager that shows items: open the folder. */
  g_debug ("ShowItems failed: %s", error->message);
  file = g_file_new_for_path (self->last_export);
  parent = g_file_get_parent (file);
  uri = g_file_get_uri (parent != NULL ? parent : file);
  launch_uri (self, uri);
}

static void
show_export_in_folder_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  g_autoptr (GDBusConnection) bus = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };

  if (self->last_export == NULL)
    return;

  file = g_file_new_for_path (self->last_export);
  uri = g_file_get_uri (file);
  uris[0] = uri;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL) {
    g_autoptr (GFile) parent = g_file_get_parent (file);
    g_autofree char *parent_uri = g_file_get_uri (parent != NULL ? parent : file);

    launch_uri (self, parent_uri);
    return;
  }

  g_dbus_connection_call (bus,
                          "org.freedesktop.FileManager1",
                          "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1",
                          "ShowItems",
                          g_variant_new ("(^ass)", uris, ""),
                          NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                          on_show_items_done, g_object_ref (self));
}

void
wenji_window_dispose_export (WenjiWindow *self)
{
  if (self->export_dialog != NULL) {
    g_object_remove_weak_pointer (G_OBJECT (self->export_dialog),
                                  (gpointer *) &self->export_dialog);
    gtk_window_destroy (self->export_dialog);
    self->export_dialog = NULL;
  }
}

void
wenji_window_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-wechat", NULL, copy_wechat_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", NULL, open_export_action);
  gtk_widget_class_install_action (widget_class, "win.show-export-in-folder", NULL,
                                   show_export_in_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-wechat", NULL);
}
