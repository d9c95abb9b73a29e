/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <signal.h>

#include "wenji-application.h"
#include "wenji-core.h"
#include "wenji-loading-window.h"
#include "wenji-renderer.h"
#include "wenji-window.h"

struct _WenjiApplication
{
  AdwApplication parent_instance;

  /* SIGTERM, SIGINT and SIGHUP quit as Ctrl+Q does */
  guint          signal_ids[3];
};

G_DEFINE_FINAL_TYPE (WenjiApplication, wenji_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "library", 'l', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the library in FILE instead of the default one"), N_("FILE") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

static void
show_open_error (WenjiApplication *self,
                 const char       *path,
                 const GError     *error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message, display);
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("Could Not Open the Library"), body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The loading window appears only when an open takes longer than this, so that
 * an ordinary start shows no flash of it. */
#define LOADING_WINDOW_DELAY_MS 300

typedef struct {
  WenjiApplication   *application;
  WenjiLoadingWindow *loading;
  GCancellable       *cancellable;
  guint               present_id;
} Opening;

/* Closing the loading window stops an index rebuild: the core rolls it back
 * and the next start begins again. */
static gboolean
loading_close_request (GtkWindow *window,
                       Opening   *opening)
{
  g_cancellable_cancel (opening->cancellable);

  return GDK_EVENT_PROPAGATE;
}

static void
present_loading_window (gpointer user_data)
{
  Opening *opening = user_data;

  opening->present_id = 0;
  /* Not if app.quit closed it before it ever showed. */
  if (!wenji_loading_window_get_closed (opening->loading))
    gtk_window_present (GTK_WINDOW (opening->loading));
}

static void
library_opened (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Opening *opening = user_data;
  WenjiApplication *self = opening->application;
  WenjiLoadingWindow *loading = opening->loading;
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&opening->present_id, g_source_remove);
  library = wenji_loading_window_open_finish (loading, result, &error);

  /* Closed while opening, by the user or app.quit: nobody wants the library
   * any more, and dropping it closes the file. */
  if (!wenji_loading_window_get_closed (loading)) {
    if (library != NULL)
      gtk_window_present (GTK_WINDOW (wenji_window_new (GTK_APPLICATION (self), library)));
    else
      show_open_error (self, wenji_loading_window_get_path (loading), error);
  }

  g_signal_handlers_disconnect_by_func (loading, loading_close_request, opening);
  gtk_window_destroy (GTK_WINDOW (loading));
  g_object_unref (loading);
  g_object_unref (opening->cancellable);
  g_application_release (G_APPLICATION (self));
  g_object_unref (self);
  g_free (opening);
}

/* One window per library file; a second request for the same file raises it. */
static void
open_library (WenjiApplication *self,
              const char       *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  Opening *opening;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next) {
    if ((WENJI_IS_WINDOW (l->data) &&
         g_strcmp0 (wenji_library_get_path (wenji_window_get_library (l->data)), path) == 0) ||
        (WENJI_IS_LOADING_WINDOW (l->data) &&
         g_strcmp0 (wenji_loading_window_get_path (l->data), path) == 0)) {
      gtk_window_present (l->data);
      return;
    }
  }

  /* The default library's folder does not exist on first start. */
  if (g_mkdir_with_parents (folder, 0700) != 0) {
    int saved_errno = errno;

    g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
    show_open_error (self, path, error);
    return;
  }

  /* The application and the loading window stay alive until the worker
   * returns, whatever the user closes meanwhile. */
  opening = g_new0 (Opening, 1);
  opening->application = g_object_ref (self);
  opening->loading = g_object_ref (wenji_loading_window_new (GTK_APPLICATION (self), path));
  opening->cancellable = g_cancellable_new ();
  g_signal_connect (opening->loading, "close-request", G_CALLBACK (loading_close_request), opening);
  g_application_hold (G_APPLICATION (self));

  opening->present_id = g_timeout_add_once (LOADING_WINDOW_DELAY_MS, present_loading_window,
                                            opening);
  wenji_loading_window_open_async (opening->loading, opening->cancellable, library_opened, opening);
}

static char *
default_library_path (void)
{
  const char *env = g_getenv ("WENJI_LIBRARY");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return wenji_library_default_path ();
}

static void
wenji_application_activate (GApplication *application)
{
  g_autofree char *path = default_library_path ();

  open_library (WENJI_APPLICATION (application), path);
}

static int
wenji_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version")) {
    g_print ("%s %s\n", "wenji", PACKAGE_VERSION);
    return 0;
  }

  return -1;
}

static int
wenji_application_command_line (GApplication            *application,
                                GApplicationCommandLine *command_line)
{
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *library = NULL;

  if (g_variant_dict_lookup (options, "library", "^&ay", &library) && *library != '\0') {
    g_autoptr (GFile) file = g_application_command_line_create_file_for_arg (command_line, library);
    g_autofree char *path = g_file_get_path (file);

    open_library (WENJI_APPLICATION (application), path);
  } else {
    g_application_activate (application);
  }

  return 0;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = user_data;
  const char *developers[] = { "The Wenji developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Wenji"),
                         "application-icon", APP_ID,
                         "developer-name", "The Wenji developers",
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/wenji/wenji",
                         "issue-url", "https://github.com/wenji/wenji/issues",
                         "developers", developers,
                         "copyright", "© 2026 The Wenji developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (application));

  /* close-request saves the article being edited. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

/* The session ending, `kill` or Ctrl+C in a terminal: close the windows,
 * which saves what is being typed, instead of dying with it. */
static gboolean
on_quit_signal (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);

  return G_SOURCE_CONTINUE;
}

static void
wenji_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (wenji_application_parent_class)->startup (application);

  wenji_renderer_choose (gdk_display_get_default ());

  {
    WenjiApplication *self = WENJI_APPLICATION (application);
    const int signals[] = { SIGTERM, SIGINT, SIGHUP };

    for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
      self->signal_ids[i] = g_unix_signal_add (signals[i], on_quit_signal, self);
  }

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);

  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.new-article",
                                         (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.import",
                                         (const char *[]) { "<Control>i", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-sidebar",
                                         (const char *[]) { "F9", NULL });

  gtk_window_set_default_icon_name (APP_ID);
}

static void
wenji_application_shutdown (GApplication *application)
{
  WenjiApplication *self = WENJI_APPLICATION (application);

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_ids); i++)
    g_clear_handle_id (&self->signal_ids[i], g_source_remove);

  G_APPLICATION_CLASS (wenji_application_parent_class)->shutdown (application);
}

static void
wenji_application_class_init (WenjiApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = wenji_application_activate;
  app_class->startup = wenji_application_startup;
  app_class->shutdown = wenji_application_shutdown;
  app_class->command_line = wenji_application_command_line;
  app_class->handle_local_options = wenji_application_handle_local_options;
}

static void
wenji_application_init (WenjiApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
}

WenjiApplication *
wenji_application_new (void)
{
  return g_object_new (WENJI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/wenji/Wenji",
                       NULL);
}
