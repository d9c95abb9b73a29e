/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Feeds in the window: Follow a Feed… asks for its address, checks in a
 * thread that it is one, and imports its articles; Update Feeds (also in
 * a feed's context menu) imports the new items of every feed or of one,
 * in a thread, with the import's progress bar and Cancel above the list.
 * The outcome is a toast; feeds that could not be read are listed in its
 * Details. Opening an article counts it as read.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-import.h"
#include "wenji-window-private.h"

static void update_feeds (WenjiWindow *self,
                          gint64       feed_id);

/* Progress from the updating thread, shown from the main loop. */
typedef struct {
  GWeakRef window;
  guint    done;
  guint    total;
} FeedProgress;

static gboolean
show_progress (gpointer data)
{
  FeedProgress *progress = data;
  g_autoptr (WenjiWindow) self = g_weak_ref_get (&progress->window);
  g_autofree char *text = NULL;

  if (self == NULL || self->import_cancellable == NULL)
    return G_SOURCE_REMOVE;

  text = g_strdup_printf (_("Updating feeds… %u of %u"), progress->done, progress->total);
  wenji_article_pane_set_progress (self->article_pane, text,
                                   (double) progress->done / MAX (progress->total, 1));

  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  FeedProgress *progress = data;

  g_weak_ref_clear (&progress->window);
  g_free (progress);
}

static void
on_feed_progress (guint       done,
                  guint       total,
                  const char *url,
                  gpointer    user_data)
{
  WenjiWindow *self = user_data;
  FeedProgress *progress = g_new0 (FeedProgress, 1);

  /* The window may be gone when the idle runs. */
  g_weak_ref_init (&progress->window, self);
  progress->done = done;
  progress->total = total;
  g_idle_add_full (G_PRIORITY_DEFAULT, show_progress, progress, progress_free);
}

static void
on_update_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (WenjiWindow) self = user_data;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  guint imported = 0, broken = 0;

  reports = wenji_import_update_feeds_finish (result, &error);

  if (self->library == NULL)
    return;

  wenji_window_end_import (self);
  /* The update wrote through its own connection. */
  wenji_library_changed (self->library, 0);

  if (reports == NULL) {
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      wenji_window_toast_error (self, error);
    return;
  }

  g_ptr_array_set_size (self->import_failures, 0);
  for (guint i = 0; i < reports->len; i++) {
    WenjiFeedReport *report = reports->pdata[i];
    const char *name = report->title != NULL ? report->title : report->url;

    imported += report->imported;
    if (report->message != NULL) {
      broken++;
      g_ptr_array_add (self->import_failures, g_strdup_printf ("%s\n%s", name, report->message));
    }
    for (guint k = 0; k < report->problems->len; k++)
      g_ptr_array_add (self->import_failures,
                       g_strdup_printf ("%s\n%s", name, (char *) report->problems->pdata[k]));
  }

  if (broken > 0)
    summary = g_strdup_printf (ngettext ("%u new article; %u feed could not be read",
                                         "%u new articles; %u feeds could not be read", broken),
                               imported, broken);
  else
    summary = g_strdup_printf (ngettext ("%u new article", "%u new articles", imported),
                               imported);

  wenji_window_toast_import (self, summary);
}

static void
update_feeds (WenjiWindow *self,
              gint64       feed_id)
{
  if (!wenji_window_begin_import (self, _("Updating feeds…")))
    return;

  wenji_import_update_feeds_async (wenji_library_get_path (self->library), feed_id,
                                   on_feed_progress, self, self->import_cancellable,
                                   on_update_done, g_object_ref (self));
}

static void
update_feeds_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  update_feeds (WENJI_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* Following: the feed is fetched once in a thread, to check that it is
 * one and to learn its name, through a connection of the thread's own. */
typedef struct {
  char *library_path;
  char *url;
} FollowJob;

static void
follow_job_free (FollowJob *job)
{
  g_free (job->library_path);
  g_free (job->url);
  g_free (job);
}

static void
follow_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FollowJob *job = task_data;
  g_autoptr (WenjiLibrary) library = NULL;
  GError *error = NULL;
  gint64 id;

  if ((library = wenji_library_open (job->library_path, &error)) == NULL) {
    g_task_return_error (task, error);
    return;
  }
  id = wenji_import_add_feed (library, job->url, cancellable, &error);
  if (id == 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, id);
}

static void
on_follow_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (WenjiWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  gint64 id = g_task_propagate_int (G_TASK (result), &error);

  if (self->library == NULL)
    return;

  wenji_article_pane_set_progress (self->article_pane, NULL, 0);
  if (id == 0) {
    if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      wenji_window_toast_error (self, error);
    return;
  }

  wenji_library_changed (self->library, 0);
  update_feeds (self, id);
}

static void
on_follow_response (AdwMessageDialog *dialog,
                    const char       *response,
                    WenjiWindow      *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autoptr (GTask) task = NULL;
  FollowJob *job;

  if (!g_str_equal (response, "accept"))
    return;

  job = g_new0 (FollowJob, 1);
  job->library_path = g_strdup (wenji_library_get_path (self->library));
  job->url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  wenji_article_pane_set_progress (self->article_pane, _("Reading the feed…"), 0);
  task = g_task_new (NULL, self->cancellable, on_follow_done, g_object_ref (self));
  g_task_set_source_tag (task, on_follow_response);
  g_task_set_task_data (task, job, (GDestroyNotify) follow_job_free);
  g_task_run_in_thread (task, follow_thread);
}

static void
follow_feed_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = wenji_window_new_address_dialog (self, _("Follow a Feed"),
                                            _("The address of an RSS or Atom feed. Each new "
                                              "article it lists is imported whole, with its "
                                              "pictures, when feeds are updated."),
                                            _("_Follow"), FALSE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_follow_response), self, 0);
}

void
wenji_window_class_init_feeds (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.follow-feed", NULL, follow_feed_action);
  gtk_widget_class_install_action (widget_class, "win.update-feeds", "x", update_feeds_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.update-feeds", "x",
                                       (gint64) 0);
}
