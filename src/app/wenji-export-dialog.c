/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wenji-export-dialog.h"
#include "wenji-render.h"
#include "wenji-settings.h"

/*
 * The export dialog chooses a row of the format table (wenji-export.c), the
 * page and the destination; wenji_export_articles() writes in a thread on a
 * connection of its own while the dialog shows how far it got and cancels.
 */

static const WenjiPaper papers[] = { WENJI_PAPER_A4, WENJI_PAPER_A5, WENJI_PAPER_B5,
                                     WENJI_PAPER_LETTER };

struct _WenjiExportDialog
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  GtkWidget         *export_button;
  GtkWidget         *page;
  AdwComboRow       *format_row;
  AdwComboRow       *paper_row;
  GtkSwitch         *indent_switch;
  GtkWidget         *vertical_row;
  GtkSwitch         *vertical_switch;
  GtkWidget         *fonts_row;
  GtkSwitch         *fonts_switch;
  GtkWidget         *book_row;
  GtkSwitch         *book_switch;
  AdwActionRow      *destination_row;
  GtkRevealer       *progress_revealer;
  GtkLabel          *progress_label;
  GtkProgressBar    *progress_bar;

  char              *library_path;
  GArray            *ids;
  char              *title;
  WenjiPageSetup     setup;        /* of the preferences; paper and indent from the page */
  GSettings         *settings;
  char              *destination;
  gboolean           destination_chosen;
  GtkNativeDialog   *chooser;
  GCancellable      *cancellable;
  GTask             *task;
  guint              progress_id;
};

G_DEFINE_FINAL_TYPE (WenjiExportDialog, wenji_export_dialog, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  char                    *library_path;
  GArray                  *ids;
  char                    *title;
  char                    *destination;
  const WenjiExportFormat *format;
  WenjiExportOptions       options;
  guint                    done;
  guint                    total;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->library_path);
  g_array_unref (job->ids);
  g_free (job->title);
  g_free (job->destination);
  g_free (job);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->total, total);
  g_atomic_int_set (&job->done, done);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  /* The main thread's connection stays with the main thread. */
  library = wenji_library_open (job->library_path, &error);
  if (library == NULL) {
    g_task_return_error (task, g_steal_pointer (&error));
    return;
  }

  for (guint i = 0; i < job->ids->len; i++) {
    WenjiArticle *article = wenji_library_load_article (library,
                                                        g_array_index (job->ids, gint64, i),
                                                        &error);

    if (article == NULL) {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
    g_ptr_array_add (articles, article);
  }

  if (!wenji_export_articles (job->format, &job->options, articles, job->destination,
                              on_progress, job, cancellable, &error)) {
    g_task_return_error (task, g_steal_pointer (&error));
    return;
  }

  g_task_return_boolean (task, TRUE);
}

static const WenjiExportFormat *
get_format (WenjiExportDialog *self)
{
  const WenjiExportFormat *format =
    wenji_export_format_get (adw_combo_row_get_selected (self->format_row));

  return format != NULL ? format : wenji_export_format_get (0);
}

/* A folder for several articles, unless the format binds them into one book. */
static gboolean
writes_folder (WenjiExportDialog *self)
{
  return wenji_export_makes_folder (get_format (self), self->ids->len,
                                    !gtk_switch_get_active (self->book_switch));
}

static char *
default_name (WenjiExportDialog *self)
{
  return wenji_export_name_for_title (get_format (self), self->title, writes_folder (self));
}

static void
update_destination (WenjiExportDialog *self)
{
  g_autofree char *display = NULL;

  if (!self->destination_chosen || self->destination == NULL) {
    const char *folder = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    g_autofree char *name = default_name (self);

    g_free (self->destination);
    self->destination = g_build_filename (folder ? folder : g_get_home_dir (), name, NULL);
  } else if (!writes_folder (self)) {
    /* Keep the name chosen, with the extension of the format. */
    g_autofree char *base = g_path_get_basename (self->destination);
    g_autofree char *dir = g_path_get_dirname (self->destination);
    char *dot = strrchr (base, '.');
    g_autofree char *name = NULL;

    if (dot != NULL)
      *dot = '\0';
    name = g_strdup_printf ("%s.%s", base, get_format (self)->suffix);
    g_free (self->destination);
    self->destination = g_build_filename (dir, name, NULL);
  }

  display = g_filename_display_name (self->destination);
  adw_action_row_set_subtitle (self->destination_row, display);
}

static void
on_options_changed (WenjiExportDialog *self)
{
  gtk_widget_set_visible (self->book_row,
                          self->ids->len > 1 && wenji_export_format_can_split (get_format (self)));
  gtk_widget_set_visible (self->vertical_row, get_format (self)->vertical);
  gtk_widget_set_visible (self->fonts_row, get_format (self)->fonts);
  update_destination (self);
}

static gboolean
show_progress (gpointer user_data)
{
  WenjiExportDialog *self = user_data;
  ExportJob *job = g_task_get_task_data (self->task);
  guint done = g_atomic_int_get (&job->done);
  guint total = g_atomic_int_get (&job->total);
  g_autofree char *text = NULL;

  if (total == 0) {
    gtk_progress_bar_pulse (self->progress_bar);
    return G_SOURCE_CONTINUE;
  }

  /* Translators: %u of %u articles written so far */
  text = g_strdup_printf (_("Exported %u of %u articles"), done, total);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);

  return G_SOURCE_CONTINUE;
}

static void
set_running (WenjiExportDialog *self,
             gboolean           running)
{
  gtk_widget_set_sensitive (self->page, !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.start", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !running);
  gtk_revealer_set_reveal_child (self->progress_revealer, running);

  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (running) {
    gtk_label_set_label (self->progress_label, _("Laying out pages…"));
    gtk_progress_bar_set_fraction (self->progress_bar, 0);
    self->progress_id = g_timeout_add (100, show_progress, self);
  }
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (WenjiExportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *destination = g_strdup (job->destination);

  g_clear_object (&self->task);
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error)) {
    GtkWidget *dialog;

    if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      return;

    dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"), error->message);
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
    return;
  }

  g_signal_emit (self, signals[FINISHED], 0, destination);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WenjiExportDialog *self = WENJI_EXPORT_DIALOG (widget);
  ExportJob *job;

  if (self->task != NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->library_path = g_strdup (self->library_path);
  job->ids = g_array_ref (self->ids);
  job->title = g_strdup (self->title);
  job->destination = g_strdup (self->destination);
  job->format = get_format (self);
  if (self->settings != NULL)
    wenji_settings_get_export_setup (self->settings, job->format, &job->options.setup);
  else
    job->options.setup = self->setup;
  job->options.setup.paper = papers[MIN (adw_combo_row_get_selected (self->paper_row),
                                         G_N_ELEMENTS (papers) - 1)];
  job->options.setup.indent = gtk_switch_get_active (self->indent_switch);
  job->options.setup.vertical = job->format->vertical &&
                                gtk_switch_get_active (self->vertical_switch);
  job->options.setup.embed_fonts = job->format->fonts && gtk_switch_get_active (self->fonts_switch);
  job->options.title = job->title;
  job->options.split = !gtk_switch_get_active (self->book_switch);

  self->cancellable = g_cancellable_new ();
  self->task = g_task_new (self, self->cancellable, on_export_done, g_object_ref (self));
  g_task_set_source_tag (self->task, start_action);
  g_task_set_task_data (self->task, job, (GDestroyNotify) export_job_free);
  set_running (self, TRUE);
  g_task_run_in_thread (self->task, export_thread);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WenjiExportDialog *self = WENJI_EXPORT_DIALOG (widget);

  /* A running export is stopped first; the window closes once it is. */
  if (self->task != NULL) {
    g_cancellable_cancel (self->cancellable);
    return;
  }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_chooser_response (WenjiExportDialog *self,
                     int                response,
                     GtkNativeDialog   *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT) {
    g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
    g_autofree char *path = file ? g_file_get_path (file) : NULL;

    if (path != NULL && writes_folder (self)) {
      /* A folder of its own inside the one chosen. */
      g_autofree char *name = default_name (self);
      g_autofree char *folder = g_build_filename (path, name, NULL);

      wenji_export_dialog_set_destination (self, folder);
    } else if (path != NULL) {
      wenji_export_dialog_set_destination (self, path);
    }
  }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WenjiExportDialog *self = WENJI_EXPORT_DIALOG (widget);
  gboolean folder = writes_folder (self);
  GtkFileChooserNative *native;
  g_autoptr (GFile) current = NULL;
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;

  native = gtk_file_chooser_native_new (folder ? _("Export to Folder") : _("Export As"),
                                        GTK_WINDOW (self),
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                               : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Select"), _("_Cancel"));
  current = g_file_new_for_path (self->destination);
  if (!folder) {
    g_autoptr (GFile) parent = g_file_get_parent (current);

    name = g_path_get_basename (self->destination);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    if (parent != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), parent, NULL);
  }

  self->chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

static void
wenji_export_dialog_dispose (GObject *object)
{
  WenjiExportDialog *self = (WenjiExportDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->chooser != NULL) {
    gtk_native_dialog_destroy (self->chooser);
    g_clear_object (&self->chooser);
  }

  gtk_widget_dispose_template (GTK_WIDGET (self), WENJI_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (wenji_export_dialog_parent_class)->dispose (object);
}

static void
wenji_export_dialog_finalize (GObject *object)
{
  WenjiExportDialog *self = (WenjiExportDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->task);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self->library_path);
  g_free (self->title);
  g_free (self->destination);

  G_OBJECT_CLASS (wenji_export_dialog_parent_class)->finalize (object);
}

static void
wenji_export_dialog_class_init (WenjiExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenji_export_dialog_dispose;
  object_class->finalize = wenji_export_dialog_finalize;

  /**
   * WenjiExportDialog::finished:
   * @path: the file or folder written
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wenji/Wenji/ui/wenji-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, page);
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, indent_switch);
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, vertical_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, vertical_switch);
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, fonts_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, fonts_switch);
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, book_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, book_switch);
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, destination_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, WenjiExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed);

  gtk_widget_class_install_action (widget_class, "export.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
}

static void
wenji_export_dialog_init (WenjiExportDialog *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  const WenjiExportFormat *format;

  wenji_page_setup_init (&self->setup);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; (format = wenji_export_format_get (i)) != NULL; i++)
    gtk_string_list_append (labels, gettext (format->label));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (labels));
}

/**
 * wenji_export_dialog_new:
 * @ids: (element-type gint64): the articles to export, in order
 * @settings: (nullable): the preferences with the page defaults
 */
WenjiExportDialog *
wenji_export_dialog_new (GtkWindow    *parent,
                         WenjiLibrary *library,
                         GArray       *ids,
                         GSettings    *settings)
{
  WenjiExportDialog *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (WENJI_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (ids != NULL && ids->len > 0, NULL);

  self = g_object_new (WENJI_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->library_path = g_strdup (wenji_library_get_path (library));
  g_array_append_vals (self->ids, ids->data, ids->len);

  if (ids->len == 1) {
    g_autoptr (WenjiArticle) article = wenji_library_load_article (library,
                                                                   g_array_index (ids, gint64, 0),
                                                                   NULL);
    const char *title = article ? wenji_article_get_title (article) : NULL;

    self->title = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled"));
    subtitle = g_strdup (self->title);
  } else {
    self->title = g_strdup (_("Articles"));
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                             ids->len),
                                ids->len);
  }
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (settings != NULL)
    wenji_settings_get_page_setup (settings, &self->setup);
  g_set_object (&self->settings, settings);
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (papers[i] == self->setup.paper)
      adw_combo_row_set_selected (self->paper_row, i);
  gtk_switch_set_active (self->indent_switch, self->setup.indent);
  gtk_switch_set_active (self->vertical_switch, self->setup.vertical);

  on_options_changed (self);

  return self;
}

/**
 * wenji_export_dialog_set_format:
 * @name: the name of a format of the export table ("pdf", "html"…)
 */
void
wenji_export_dialog_set_format (WenjiExportDialog *self,
                                const char        *name)
{
  const WenjiExportFormat *format;

  g_return_if_fail (WENJI_IS_EXPORT_DIALOG (self));

  for (guint i = 0; (format = wenji_export_format_get (i)) != NULL; i++)
    if (g_strcmp0 (name, format->name) == 0)
      adw_combo_row_set_selected (self->format_row, i);
}

const char *
wenji_export_dialog_get_destination (WenjiExportDialog *self)
{
  g_return_val_if_fail (WENJI_IS_EXPORT_DIALOG (self), NULL);

  return self->destination;
}

/**
 * wenji_export_dialog_set_destination:
 * @path: the file, or for several articles not in one book, the folder
 */
void
wenji_export_dialog_set_destination (WenjiExportDialog *self,
                                     const char        *path)
{
  g_return_if_fail (WENJI_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_free (self->destination);
  self->destination = g_strdup (path);
  self->destination_chosen = TRUE;
  update_destination (self);
}

gboolean
wenji_export_dialog_get_running (WenjiExportDialog *self)
{
  g_return_val_if_fail (WENJI_IS_EXPORT_DIALOG (self), FALSE);

  return self->task != NULL;
}
