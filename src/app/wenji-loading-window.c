/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-loading-window.h"

/*
 * The small window shown while a library opens in a worker thread. It says
 * “Opening your library…” and, when the open has to rebuild the search index,
 * shows how far the rebuild is.
 */
struct _WenjiLoadingWindow
{
  AdwApplicationWindow  parent_instance;

  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkProgressBar       *progress_bar;

  char                 *path;
  /* The user closed the window while the library was still opening. */
  gboolean              closed;
  gboolean              opening;
};

G_DEFINE_FINAL_TYPE (WenjiLoadingWindow, wenji_loading_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_fraction (WenjiLoadingWindow *self,
              double              fraction)
{
  g_autofree char *text = NULL;

  fraction = CLAMP (fraction, 0.0, 1.0);
  /* Translators: how much of the search index is rebuilt, e.g. “42 %” */
  text = g_strdup_printf (_("%d %%"), (int) (fraction * 100.0));

  gtk_stack_set_visible_child_name (self->stack, "indexing");
  gtk_spinner_stop (self->spinner);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

/*
 * The core reports progress in the worker thread. The relay keeps the latest
 * fraction and queues at most one idle in the window's main context, so a fast
 * rebuild cannot flood the main loop, and no widget is touched off it.
 */
typedef struct {
  GMutex        lock;
  GMainContext *context;
  GWeakRef      window;
  double        fraction;
  gboolean      pending;
  gboolean      reported;
} ProgressRelay;

static void
progress_relay_clear (gpointer data)
{
  ProgressRelay *relay = data;

  g_mutex_clear (&relay->lock);
  g_weak_ref_clear (&relay->window);
  g_main_context_unref (relay->context);
}

static ProgressRelay *
progress_relay_new (WenjiLoadingWindow *window)
{
  ProgressRelay *relay = g_atomic_rc_box_new0 (ProgressRelay);

  g_mutex_init (&relay->lock);
  g_weak_ref_init (&relay->window, window);
  relay->context = g_main_context_ref_thread_default ();

  return relay;
}

static void
progress_relay_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, progress_relay_clear);
}

/* Hands the latest fraction to the window; in the main context. */
static void
progress_relay_deliver (ProgressRelay *relay)
{
  g_autoptr (WenjiLoadingWindow) window = NULL;
  gboolean reported;
  double fraction;

  g_mutex_lock (&relay->lock);
  fraction = relay->fraction;
  reported = relay->reported;
  relay->pending = FALSE;
  g_mutex_unlock (&relay->lock);

  window = g_weak_ref_get (&relay->window);
  if (window != NULL && reported)
    set_fraction (window, fraction);
}

static gboolean
progress_relay_dispatch (gpointer data)
{
  progress_relay_deliver (data);

  return G_SOURCE_REMOVE;
}

/* In the worker thread. */
static void
progress_relay_report (double   fraction,
                       gpointer data)
{
  ProgressRelay *relay = data;
  gboolean schedule;

  g_mutex_lock (&relay->lock);
  relay->fraction = fraction;
  relay->reported = TRUE;
  schedule = !relay->pending;
  relay->pending = TRUE;
  g_mutex_unlock (&relay->lock);

  if (schedule) {
    g_autoptr (GSource) source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT);
    g_source_set_callback (source, progress_relay_dispatch,
                           g_atomic_rc_box_acquire (relay), progress_relay_release);
    g_source_set_static_name (source, "[wenji] open progress");
    g_source_attach (source, relay->context);
  }
}

static void
library_opened (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  WenjiLoadingWindow *self = g_task_get_source_object (task);
  ProgressRelay *relay = g_task_get_task_data (task);
  g_autoptr (WenjiLibrary) library = NULL;
  GError *error = NULL;

  /* The worker is done: show its last report before the caller moves on,
   * and let idles still queued find no window. */
  progress_relay_deliver (relay);
  g_weak_ref_set (&relay->window, NULL);
  self->opening = FALSE;
  gtk_spinner_stop (self->spinner);

  library = wenji_library_open_finish (result, &error);
  if (library == NULL)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&library), g_object_unref);
}

/**
 * wenji_loading_window_open_async:
 * @cancellable: (nullable): stops the open; an index rebuild under way is
 *   rolled back, and the result is %G_IO_ERROR_CANCELLED
 *
 * Opens the window's library in a worker thread, showing the progress of an
 * index rebuild. The window stays alive until @callback runs, even when the
 * user closes it; wenji_loading_window_get_closed() tells whether they did.
 */
void
wenji_loading_window_open_async (WenjiLoadingWindow  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  ProgressRelay *relay;

  g_return_if_fail (WENJI_IS_LOADING_WINDOW (self));
  g_return_if_fail (!self->opening);

  relay = progress_relay_new (self);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wenji_loading_window_open_async);
  /* The worker holds no reference: the relay lives until library_opened(),
   * which runs after the worker returned. */
  g_task_set_task_data (task, relay, progress_relay_release);

  self->opening = TRUE;
  gtk_spinner_start (self->spinner);
  wenji_library_open_async (self->path, progress_relay_report, relay, cancellable,
                            library_opened, g_steal_pointer (&task));
}

/**
 * wenji_loading_window_open_finish:
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
WenjiLibrary *
wenji_loading_window_open_finish (WenjiLoadingWindow  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (WENJI_IS_LOADING_WINDOW (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Closing hides the window until the open finishes: the worker cannot be
 * stopped, and presenting the window again (a second start of Wenji) brings
 * the same progress back. */
static gboolean
wenji_loading_window_close_request (GtkWindow *window)
{
  WenjiLoadingWindow *self = WENJI_LOADING_WINDOW (window);

  if (!self->opening)
    return GTK_WINDOW_CLASS (wenji_loading_window_parent_class)->close_request (window);

  self->closed = TRUE;
  gtk_widget_hide (GTK_WIDGET (self));

  return TRUE;
}

static void
wenji_loading_window_show (GtkWidget *widget)
{
  WENJI_LOADING_WINDOW (widget)->closed = FALSE;

  GTK_WIDGET_CLASS (wenji_loading_window_parent_class)->show (widget);
}

static void
wenji_loading_window_finalize (GObject *object)
{
  WenjiLoadingWindow *self = (WenjiLoadingWindow *)object;

  g_free (self->path);

  G_OBJECT_CLASS (wenji_loading_window_parent_class)->finalize (object);
}

static void
wenji_loading_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WenjiLoadingWindow *self = WENJI_LOADING_WINDOW (object);

  switch (prop_id) {
  case PROP_PATH:
    g_value_set_string (value, self->path);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_loading_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  WenjiLoadingWindow *self = WENJI_LOADING_WINDOW (object);

  switch (prop_id) {
  case PROP_PATH:
    self->path = g_value_dup_string (value);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_loading_window_class_init (WenjiLoadingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = wenji_loading_window_finalize;
  object_class->get_property = wenji_loading_window_get_property;
  object_class->set_property = wenji_loading_window_set_property;
  widget_class->show = wenji_loading_window_show;
  window_class->close_request = wenji_loading_window_close_request;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wenji/Wenji/ui/wenji-loading-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WenjiLoadingWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WenjiLoadingWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, WenjiLoadingWindow, progress_bar);
}

static void
wenji_loading_window_init (WenjiLoadingWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WenjiLoadingWindow *
wenji_loading_window_new (GtkApplication *application,
                          const char     *path)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (WENJI_TYPE_LOADING_WINDOW,
                       "application", application,
                       "path", path,
                       NULL);
}

const char *
wenji_loading_window_get_path (WenjiLoadingWindow *self)
{
  g_return_val_if_fail (WENJI_IS_LOADING_WINDOW (self), NULL);

  return self->path;
}

/**
 * wenji_loading_window_get_page:
 *
 * Returns: “opening”, or “indexing” once the search index is being rebuilt
 */
const char *
wenji_loading_window_get_page (WenjiLoadingWindow *self)
{
  g_return_val_if_fail (WENJI_IS_LOADING_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

double
wenji_loading_window_get_fraction (WenjiLoadingWindow *self)
{
  g_return_val_if_fail (WENJI_IS_LOADING_WINDOW (self), 0.0);

  return gtk_progress_bar_get_fraction (self->progress_bar);
}

/**
 * wenji_loading_window_get_closed:
 *
 * Returns: whether the user closed the window while the library was opening,
 *   and nobody presented it again since
 */
gboolean
wenji_loading_window_get_closed (WenjiLoadingWindow *self)
{
  g_return_val_if_fail (WENJI_IS_LOADING_WINDOW (self), FALSE);

  return self->closed;
}
