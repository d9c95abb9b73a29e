/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-fetch.h"
#include "wenji-import.h"
#include "wenji-window-private.h"

/*
 * Import from the menu (Ctrl+I) and by dropping files or folders on the
 * window. The import runs in a thread on its own connection; a bar above the
 * list shows the count with Cancel, and a toast the outcome, with the files
 * that failed one click away.
 */

typedef struct {
  GWeakRef  window;
  guint     done;
  guint     total;
  gboolean  queued;
  GMutex    mutex;
} ImportProgress;

static void
import_progress_clear (gpointer data)
{
  ImportProgress *progress = data;

  g_weak_ref_clear (&progress->window);
  g_mutex_clear (&progress->mutex);
}

static void
import_progress_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, import_progress_clear);
}

/* On the main thread; at most one is queued at a time. */
static gboolean
show_progress (gpointer user_data)
{
  ImportProgress *progress = user_data;
  g_autoptr (WenjiWindow) self = g_weak_ref_get (&progress->window);
  g_autofree char *text = NULL;
  guint done, total;

  g_mutex_lock (&progress->mutex);
  done = progress->done;
  total = progress->total;
  progress->queued = FALSE;
  g_mutex_unlock (&progress->mutex);

  if (self == NULL || self->import_cancellable == NULL)
    return G_SOURCE_REMOVE;

  /* Translators: %u of %u files imported so far */
  text = g_strdup_printf (_("Importing %u of %u files…"), done, total);
  wenji_article_pane_set_progress (self->article_pane, text,
                                   total > 0 ? (double) done / total : 0);

  return G_SOURCE_REMOVE;
}

/* From the import thread. */
static void
on_import_progress (guint       done,
                    guint       total,
                    const char *path,
                    gpointer    user_data)
{
  ImportProgress *progress = user_data;
  gboolean queue;

  g_mutex_lock (&progress->mutex);
  progress->done = done;
  progress->total = total;
  queue = !progress->queued;
  progress->queued = TRUE;
  g_mutex_unlock (&progress->mutex);

  if (queue)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_progress,
                     g_atomic_rc_box_acquire (progress), import_progress_release);
}

static char *
format_summary (WenjiImportReport *report)
{
  GString *message = g_string_new (NULL);

  g_string_append_printf (message,
                          g_dngettext (GETTEXT_PACKAGE, "Imported %u article",
                                       "Imported %u articles", report->imported),
                          report->imported);
  if (report->duplicates > 0) {
    g_string_append (message, _(", "));
    g_string_append_printf (message,
                            g_dngettext (GETTEXT_PACKAGE, "%u duplicate skipped",
                                         "%u duplicates skipped", report->duplicates),
                            report->duplicates);
  }
  if (report->failed > 0) {
    g_string_append (message, _(", "));
    g_string_append_printf (message,
                            g_dngettext (GETTEXT_PACKAGE, "%u failed", "%u failed", report->failed),
                            report->failed);
  }
  if (report->failed == 1) {
    for (guint i = 0; i < report->files->len; i++) {
      WenjiImportFile *file = g_ptr_array_index (report->files, i);

      if (file->outcome == WENJI_IMPORT_FAILED && file->message != NULL) {
        g_string_append (message, _(": "));
        g_string_append (message, file->message);
        break;
      }
    }
  }
  if (report->cancelled) {
    g_string_append (message, _(" "));
    g_string_append (message, _("(cancelled)"));
  }

  return g_string_free (message, FALSE);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (WenjiWindow) self = user_data;
  g_autoptr (WenjiImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;

  report = wenji_import_paths_finish (result, &error);

  if (self->library == NULL)
    return;

  wenji_window_end_import (self);

  if (report == NULL) {
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      wenji_window_toast_error (self, error);
    return;
  }

  g_ptr_array_set_size (self->import_failures, 0);
  for (guint i = 0; i < report->files->len; i++) {
    WenjiImportFile *file = g_ptr_array_index (report->files, i);
    g_autofree char *name = NULL;

    name = g_filename_display_name (file->path);
    if (file->outcome == WENJI_IMPORT_FAILED)
      g_ptr_array_add (self->import_failures,
                       g_strdup_printf ("%s\n%s", name, file->message ? file->message : ""));
    /* Imported, with pictures that stayed behind. */
    for (guint k = 0; file->warnings != NULL && k < file->warnings->len; k++)
      g_ptr_array_add (self->import_failures,
                       g_strdup_printf ("%s\n%s", name, (char *) file->warnings->pdata[k]));
  }

  summary = format_summary (report);
  wenji_window_toast_import (self, summary);

  /* The import wrote through its own connection. */
  wenji_library_changed (self->library, 0);
}

/**
 * wenji_window_begin_import:
 * @label: what the progress bar says first
 *
 * Starts a background import of any kind (files, pages, feeds): one at a
 * time, shown above the list with Cancel, stopped when the window goes.
 *
 * Returns: whether it may start; when another runs, the user is told
 */
gboolean
wenji_window_begin_import (WenjiWindow *self,
                           const char  *label)
{
  if (self->import_cancellable != NULL) {
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Wait for the import under way to finish")));
    return FALSE;
  }

  self->import_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled",
                           G_CALLBACK (g_cancellable_cancel), self->import_cancellable,
                           G_CONNECT_SWAPPED);
  wenji_article_pane_set_progress (self->article_pane, label, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", TRUE);

  return TRUE;
}

/**
 * wenji_window_end_import:
 *
 * The background import is over: its bar and Cancel go.
 */
void
wenji_window_end_import (WenjiWindow *self)
{
  g_clear_object (&self->import_cancellable);
  wenji_article_pane_set_progress (self->article_pane, NULL, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
}

/**
 * wenji_window_toast_import:
 * @summary: what the import did, in plain text
 *
 * Says what an import did, with a Details button when something in
 * import_failures deserves a look.
 */
void
wenji_window_toast_import (WenjiWindow *self,
                           const char  *summary)
{
  g_autofree char *escaped = g_markup_escape_text (summary, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, self->import_failures->len > 0 ? 10 : 5);
  if (self->import_failures->len > 0) {
    adw_toast_set_button_label (toast, _("_Details"));
    adw_toast_set_action_name (toast, "win.show-import-failures");
  }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * wenji_window_import_paths:
 * @paths: files and folders to import
 *
 * Imports in a thread, shows the progress above the list and the outcome in
 * a toast. An import already running is left to finish; @paths are ignored.
 */
void
wenji_window_import_paths (WenjiWindow        *self,
                           const char * const *paths)
{
  WenjiImportFlags flags = WENJI_IMPORT_FLAGS_NONE;
  ImportProgress *progress;

  g_return_if_fail (WENJI_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (!wenji_window_begin_import (self, _("Looking for articles…")))
    return;

  progress = g_atomic_rc_box_new0 (ImportProgress);
  g_weak_ref_init (&progress->window, self);
  g_mutex_init (&progress->mutex);
  /* The task holds the cancellable while its thread runs; idles hold their own reference. */
  g_object_set_data_full (G_OBJECT (self->import_cancellable), "progress", progress,
                          import_progress_release);


  if (self->settings != NULL &&
      !g_settings_get_boolean (self->settings, "import-widen-punctuation"))
    flags |= WENJI_IMPORT_KEEP_PUNCTUATION;

  wenji_import_paths_async (wenji_library_get_path (self->library), paths,
                            flags, on_import_progress, progress,
                            self->import_cancellable, on_import_done, g_object_ref (self));
}

static void
import_files (WenjiWindow *self,
              GSList      *files)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (GSList *l = files; l != NULL; l = l->next) {
    char *path = g_file_get_path (l->data);

    /* A link dropped from a browser is a page to fetch. */
    if (path == NULL) {
      g_autofree char *uri = g_file_get_uri (l->data);

      if (wenji_fetch_is_url (uri))
        path = g_steal_pointer (&uri);
    }
    if (path != NULL)
      g_ptr_array_add (paths, path);
  }
  g_ptr_array_add (paths, NULL);

  if (paths->len > 1)
    wenji_window_import_paths (self, (const char * const *) paths->pdata);
}

/* The web addresses in a text, one per word; NULL when any word is not
 * one, so that pasting prose does nothing. */
static GStrv
web_addresses (const char *text)
{
  g_auto (GStrv) words = NULL;
  g_autoptr (GStrvBuilder) addresses = g_strv_builder_new ();
  g_autofree char *trimmed = NULL;
  guint n = 0;

  if (text == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  words = g_regex_split_simple ("\\s+", trimmed, 0, 0);
  for (guint i = 0; words[i] != NULL; i++) {
    if (*words[i] == '\0')
      continue;
    if (!wenji_fetch_is_url (words[i]))
      return NULL;
    g_strv_builder_add (addresses, words[i]);
    n++;
  }

  return n > 0 ? g_strv_builder_end (addresses) : NULL;
}

/**
 * wenji_window_import_text:
 * @text: text pasted or dropped
 *
 * Imports the pages a text gives the addresses of, when it is nothing but
 * web addresses.
 *
 * Returns: whether @text was web addresses
 */
gboolean
wenji_window_import_text (WenjiWindow *self,
                          const char  *text)
{
  g_auto (GStrv) addresses = web_addresses (text);

  if (addresses == NULL)
    return FALSE;

  wenji_window_import_paths (self, (const char * const *) addresses);
  return TRUE;
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         WenjiWindow   *self)
{
  GdkFileList *list;

  if (G_VALUE_HOLDS (value, G_TYPE_STRING))
    return wenji_window_import_text (self, g_value_get_string (value));
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = g_value_get_boxed (value);
  if (list == NULL)
    return FALSE;

  import_files (self, gdk_file_list_get_files (list));

  return TRUE;
}

static void
on_import_response (WenjiWindow     *self,
                    int              response,
                    GtkNativeDialog *dialog)
{
  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
    GSList *list = NULL;

    for (guint i = g_list_model_get_n_items (files); i > 0; i--)
      list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));

    import_files (self, list);
    g_slist_free_full (list, g_object_unref);
  }

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->import_dialog);
}

/**
 * wenji_window_new_import_filter:
 *
 * Returns: (transfer full): the file chooser's filter of every kind of file
 *   the import table lists, by MIME type and by suffix
 */
GtkFileFilter *
wenji_window_new_import_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  const WenjiImportFormat *format;

  gtk_file_filter_set_name (filter, _("Articles"));
  for (guint i = 0; (format = wenji_import_format_get (i)) != NULL; i++) {
    gtk_file_filter_add_mime_type (filter, format->mime_type);
    gtk_file_filter_add_suffix (filter, format->suffix);
  }

  return filter;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) articles = NULL;
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  if (self->import_dialog != NULL)
    return;

  native = gtk_file_chooser_native_new (_("Import Articles"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);

  articles = wenji_window_new_import_filter ();
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

typedef struct {
  AdwMessageDialog *dialog;
  gboolean          several;
} AddressEntry;

static void
on_address_changed (GtkEditable  *entry,
                    AddressEntry *state)
{
  g_auto (GStrv) addresses = web_addresses (gtk_editable_get_text (entry));

  adw_message_dialog_set_response_enabled (state->dialog, "accept",
                                           addresses != NULL &&
                                           (state->several || g_strv_length (addresses) == 1));
}

static void
on_address_activate (GtkEntry         *entry,
                     AdwMessageDialog *dialog)
{
  /* As the accepting button does: respond, then close. */
  if (adw_message_dialog_get_response_enabled (dialog, "accept")) {
    adw_message_dialog_response (dialog, "accept");
    gtk_window_close (GTK_WINDOW (dialog));
  }
}

/* The address on the clipboard, if it holds one, fills the entry. */
static void
on_clipboard_for_entry (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (GtkWidget) entry = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  g_auto (GStrv) addresses = web_addresses (text);

  if (addresses != NULL && *gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0') {
    g_autofree char *joined = g_strjoinv (" ", addresses);

    gtk_editable_set_text (GTK_EDITABLE (entry), joined);
    gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
  }
}

/**
 * wenji_window_new_address_dialog:
 * @several: whether several addresses, separated by spaces, are welcome
 *
 * A dialog that asks for a web address (filled from the clipboard when it
 * holds one): its extra child is the entry, and its "accept" response is
 * enabled only while the entry holds web addresses.
 *
 * Returns: (transfer none): the dialog, presented
 */
AdwMessageDialog *
wenji_window_new_address_dialog (WenjiWindow *self,
                                 const char  *heading,
                                 const char  *body,
                                 const char  *accept_label,
                                 gboolean     several)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();
  AddressEntry *state = g_new0 (AddressEntry, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Web address"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "accept", accept_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "accept", FALSE);

  state->dialog = dialog;
  state->several = several;
  g_object_set_data_full (G_OBJECT (entry), "wenji-address-entry", state, g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (on_address_changed), state);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_address_activate), dialog, 0);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 on_clipboard_for_entry, g_object_ref (entry));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);

  return dialog;
}

static void
on_address_response (AdwMessageDialog *dialog,
                     const char       *response,
                     WenjiWindow      *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  if (g_str_equal (response, "accept"))
    wenji_window_import_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
import_address_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = wenji_window_new_address_dialog (self, _("Import from Web Address"),
                                            _("Wenji fetches the page, finds its article and "
                                              "brings its pictures into the library. Several "
                                              "addresses can be separated by spaces."),
                                            _("_Import"), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_address_response), self, 0);
}

static void
on_clipboard_for_paste (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (WenjiWindow) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (self->library != NULL && !wenji_window_import_text (self, text))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Nothing to import: the clipboard holds no "
                                                  "web address")));
}

static void
paste_address_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  /* Typing in the search entry, Ctrl+V pastes as ever. */
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus))) {
    gtk_widget_activate_action (focus, "clipboard.paste", NULL);
    return;
  }

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_for_paste,
                                 g_object_ref (widget));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static void
show_import_failures_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  g_autoptr (GString) text = g_string_new (NULL);
  GtkWidget *dialog, *scrolled, *label;

  if (self->import_failures->len == 0)
    return;

  for (guint i = 0; i < self->import_failures->len; i++) {
    if (i > 0)
      g_string_append (text, "\n\n");
    g_string_append (text, g_ptr_array_index (self->import_failures, i));
  }

  label = gtk_label_new (text->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Files Not Imported"), NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
wenji_window_init_import (WenjiWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };
  GtkEventController *paste = gtk_shortcut_controller_new ();

  self->import_failures = g_ptr_array_new_with_free_func (g_free);

  /* Files, folders, and links dragged from a browser. */
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));

  /* Ctrl+V on the list imports the pages of addresses on the clipboard;
   * in the search entry it pastes, as everywhere. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (paste),
                                        gtk_shortcut_new (
                                          gtk_keyval_trigger_new (GDK_KEY_v, GDK_CONTROL_MASK),
                                          gtk_named_action_new ("win.paste-address")));
  gtk_widget_add_controller (GTK_WIDGET (self->article_pane), paste);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
}

void
wenji_window_dispose_import (WenjiWindow *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);

  if (self->import_dialog != NULL) {
    gtk_native_dialog_destroy (self->import_dialog);
    g_clear_object (&self->import_dialog);
  }

  g_clear_pointer (&self->import_failures, g_ptr_array_unref);
}

void
wenji_window_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-failures", NULL,
                                   show_import_failures_action);
  gtk_widget_class_install_action (widget_class, "win.import-address", NULL,
                                   import_address_action);
  gtk_widget_class_install_action (widget_class, "win.paste-address", NULL, paste_address_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.import-address", NULL);
}
