/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-article-row.h"
#include "wenji-settings.h"
#include "wenji-window-private.h"

G_DEFINE_FINAL_TYPE (WenjiWindow, wenji_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_SORT,
  PROP_SHOW_SIDEBAR,
  PROP_SHOW_HISTORY,
  PROP_SHOW_METADATA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const sort_names[] = {
  [WENJI_ARTICLE_SORT_UPDATED] = "updated",
  [WENJI_ARTICLE_SORT_PUBLISHED] = "published",
  [WENJI_ARTICLE_SORT_TITLE] = "title",
  [WENJI_ARTICLE_SORT_LENGTH] = "length",
};

void
wenji_window_toast_error (WenjiWindow  *self,
                          const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
wenji_window_add_toast (WenjiWindow *self,
                        AdwToast    *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* "3 selected" under the window title while several articles are selected. */
static void
on_n_selected_changed (WenjiWindow *self)
{
  guint n = wenji_article_pane_get_n_selected (self->article_pane);
  g_autofree char *subtitle = NULL;

  if (n > 1)
    /* Translators: shown under the window title; %u is a number of articles */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", n), n);

  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  wenji_window_update_actions (self);
}

/* The welcome page stands in for a library with no articles at all. */
void
wenji_window_update_page (WenjiWindow *self)
{
  g_autoptr (GError) error = NULL;
  WenjiStatusCounts counts = { 0 };
  gboolean empty;

  if (!wenji_library_count_articles (self->library, &counts, &error)) {
    wenji_window_toast_error (self, error);
    return;
  }

  empty = counts.all == 0 && counts.trash == 0;
  gtk_stack_set_visible_child_name (self->main_stack, empty ? "welcome" : "library");
}

/**
 * wenji_window_open_article:
 * @id: the article to edit, or 0 for none
 *
 * Shows @id in the editor after saving the current article; does not touch
 * the list's selection.
 */
typedef struct {
  GWeakRef window;
  gint64   id;
} MarkRead;

static void
mark_read_free (gpointer data)
{
  MarkRead *mark = data;

  g_weak_ref_clear (&mark->window);
  g_free (mark);
}

static gboolean
mark_read (gpointer data)
{
  MarkRead *mark = data;
  g_autoptr (WenjiWindow) self = g_weak_ref_get (&mark->window);
  g_autoptr (GError) error = NULL;

  if (self != NULL && self->library != NULL &&
      !wenji_library_mark_read (self->library, mark->id, &error))
    wenji_window_toast_error (self, error);

  return G_SOURCE_REMOVE;
}

gboolean
wenji_window_open_article (WenjiWindow *self,
                           gint64       id)
{
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GError) error = NULL;

  if (id != 0) {
    article = wenji_library_load_article (self->library, id, &error);
    if (article == NULL) {
      wenji_window_toast_error (self, error);
      return FALSE;
    }
  }

  if (!wenji_editor_set_article (self->editor, article, &error)) {
    wenji_window_toast_error (self, error);
    return FALSE;
  }

  /* Opened, an article a feed gave is read: once the list is done with
   * the change of selection that opened it. */
  if (id != 0) {
    MarkRead *mark = g_new0 (MarkRead, 1);

    g_weak_ref_init (&mark->window, self);
    mark->id = id;
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, mark_read, mark, mark_read_free);
  }

  wenji_window_update_actions (self);

  return TRUE;
}

/**
 * wenji_window_show_article:
 *
 * Opens @id in the editor and selects it in the list when the list holds it.
 */
void
wenji_window_show_article (WenjiWindow *self,
                           gint64       id)
{
  g_return_if_fail (WENJI_IS_WINDOW (self));

  if (!wenji_window_open_article (self, id))
    return;

  wenji_article_pane_select_article (self->article_pane, id);
}

static void
on_open_article (WenjiWindow      *self,
                 gint64            id,
                 WenjiArticlePane *pane)
{
  wenji_window_open_article (self, id);
}

static void
on_article_activated (WenjiWindow      *self,
                      WenjiArticlePane *pane)
{
  wenji_editor_focus_title (self->editor);
}

static void
on_pane_error (WenjiWindow      *self,
               const GError     *error,
               WenjiArticlePane *pane)
{
  wenji_window_toast_error (self, error);
}

static void
on_editor_article_changed (WenjiWindow *self)
{
  wenji_article_pane_set_article_id (self->article_pane,
                                     wenji_editor_get_article_id (self->editor));
}

static void
on_library_changed (WenjiWindow  *self,
                    gint64        article_id,
                    WenjiLibrary *library)
{
  wenji_window_update_page (self);
  wenji_window_update_actions (self);
}

static void
on_save_failed (WenjiWindow  *self,
                const GError *error,
                WenjiEditor  *editor)
{
  wenji_window_toast_error (self, error);
}

static void
save_window_state (WenjiWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
wenji_window_close_request (GtkWindow *window)
{
  WenjiWindow *self = WENJI_WINDOW (window);
  g_autoptr (GError) error = NULL;

  /* Keep the window open once so that an unsaved article is not lost silently. */
  if (!wenji_editor_save (self->editor, &error) && !self->close_after_error) {
    wenji_window_toast_error (self, error);
    self->close_after_error = TRUE;
    return TRUE;
  }

  save_window_state (self);

  return GTK_WINDOW_CLASS (wenji_window_parent_class)->close_request (window);
}

static void
set_sort (WenjiWindow *self,
          const char  *sort)
{
  if (sort == NULL || g_strcmp0 (self->sort, sort) == 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++) {
    if (g_str_equal (sort_names[i], sort)) {
      g_free (self->sort);
      self->sort = g_strdup (sort);
      if (wenji_article_pane_get_article_list (self->article_pane) != NULL)
        wenji_article_list_set_sort (wenji_article_pane_get_article_list (self->article_pane), i);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
      return;
    }
  }

  g_warning ("Unknown sort order “%s”", sort);
}

static void
set_show_sidebar (WenjiWindow *self,
                  gboolean     show_sidebar)
{
  show_sidebar = !!show_sidebar;

  if (self->show_sidebar == show_sidebar)
    return;

  self->show_sidebar = show_sidebar;
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), show_sidebar);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

static void
set_show_metadata (WenjiWindow *self,
                   gboolean     show_metadata)
{
  show_metadata = !!show_metadata;

  if (self->show_metadata == show_metadata)
    return;

  self->show_metadata = show_metadata;
  gtk_widget_set_visible (GTK_WIDGET (self->metadata_panel), show_metadata);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_METADATA]);
}

static void
setup_settings (WenjiWindow *self)
{
  /* Run from the build directory without installed schemas: remember nothing. */
  self->settings = wenji_settings_new ();
  if (self->settings == NULL) {
    g_debug ("Schema %s is not installed; window state is not saved", APP_ID);
    return;
  }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "sidebar-position", self->outer_paned, "position",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "list-position", self->inner_paned, "position",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sort", self, "sort", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-metadata", self, "show-metadata", G_SETTINGS_BIND_DEFAULT);
}

static void
wenji_window_constructed (GObject *object)
{
  WenjiWindow *self = WENJI_WINDOW (object);

  G_OBJECT_CLASS (wenji_window_parent_class)->constructed (object);

  g_return_if_fail (WENJI_IS_LIBRARY (self->library));

  g_signal_connect_object (self->editor, "notify::article",
                           G_CALLBACK (on_editor_article_changed), self, G_CONNECT_SWAPPED);
  wenji_article_pane_set_library (self->article_pane, self->library);

  wenji_editor_set_library (self->editor, self->library);
  wenji_window_init_history (self);
  wenji_sidebar_set_article_list (self->sidebar,
                                  wenji_article_pane_get_article_list (self->article_pane));
  g_signal_connect_object (self->library, "changed",
                           G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);

  setup_settings (self);

  wenji_metadata_panel_set_editor (self->metadata_panel, self->editor);
  wenji_window_init_import (self);

  wenji_window_update_page (self);
  wenji_article_pane_select_first (self->article_pane);
  wenji_window_update_actions (self);
}

static void
wenji_window_dispose (GObject *object)
{
  WenjiWindow *self = (WenjiWindow *)object;

  g_cancellable_cancel (self->cancellable);
  wenji_window_dispose_import (self);
  wenji_window_dispose_export (self);

  if (self->import_dialog != NULL) {
    gtk_native_dialog_destroy (self->import_dialog);
    g_clear_object (&self->import_dialog);
  }

  gtk_widget_dispose_template (GTK_WIDGET (self), WENJI_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_pointer (&self->trashed_ids, g_array_unref);

  G_OBJECT_CLASS (wenji_window_parent_class)->dispose (object);
}

static void
wenji_window_finalize (GObject *object)
{
  WenjiWindow *self = (WenjiWindow *)object;

  g_free (self->sort);
  g_free (self->last_export);

  G_OBJECT_CLASS (wenji_window_parent_class)->finalize (object);
}

static void
wenji_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WenjiWindow *self = WENJI_WINDOW (object);

  switch (prop_id) {
  case PROP_LIBRARY:
    g_value_set_object (value, self->library);
    break;
  case PROP_SORT:
    g_value_set_string (value, self->sort);
    break;
  case PROP_SHOW_SIDEBAR:
    g_value_set_boolean (value, self->show_sidebar);
    break;
  case PROP_SHOW_HISTORY:
    g_value_set_boolean (value, self->show_history);
    break;
  case PROP_SHOW_METADATA:
    g_value_set_boolean (value, self->show_metadata);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  WenjiWindow *self = WENJI_WINDOW (object);

  switch (prop_id) {
  case PROP_LIBRARY:
    self->library = g_value_dup_object (value);
    break;
  case PROP_SORT:
    set_sort (self, g_value_get_string (value));
    break;
  case PROP_SHOW_SIDEBAR:
    set_show_sidebar (self, g_value_get_boolean (value));
    break;
  case PROP_SHOW_HISTORY:
    wenji_window_set_show_history (self, g_value_get_boolean (value));
    break;
  case PROP_SHOW_METADATA:
    set_show_metadata (self, g_value_get_boolean (value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_window_class_init (WenjiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = wenji_window_constructed;
  object_class->dispose = wenji_window_dispose;
  object_class->finalize = wenji_window_finalize;
  object_class->get_property = wenji_window_get_property;
  object_class->set_property = wenji_window_set_property;
  window_class->close_request = wenji_window_close_request;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         WENJI_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL,
                         "updated",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The history of the open article shows in place of the editor. */
  properties[PROP_SHOW_HISTORY] =
    g_param_spec_boolean ("show-history", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The details of the article show beside it. */
  properties[PROP_SHOW_METADATA] =
    g_param_spec_boolean ("show-metadata", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* GtkApplication does this for its own windows; tests have none. */
  if (gdk_display_get_default () != NULL)
    gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      "/io/github/wenji/Wenji/icons");

  g_type_ensure (WENJI_TYPE_ARTICLE_PANE);
  g_type_ensure (WENJI_TYPE_ARTICLE_VIEW);
  g_type_ensure (WENJI_TYPE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wenji/Wenji/ui/wenji-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WenjiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WenjiWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, WenjiWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, WenjiWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, WenjiWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WenjiWindow, article_pane);
  gtk_widget_class_bind_template_child (widget_class, WenjiWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, WenjiWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_open_article);
  gtk_widget_class_bind_template_callback (widget_class, on_article_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_n_selected_changed);

  wenji_window_class_init_actions (widget_class);
  wenji_window_class_init_batch (widget_class);
  wenji_window_class_init_import (widget_class);
  wenji_window_class_init_feeds (widget_class);
  wenji_window_class_init_export (widget_class);
  wenji_window_class_init_history (widget_class);
}

static void
wenji_window_init (WenjiWindow *self)
{
  self->sort = g_strdup ("updated");
  self->show_sidebar = TRUE;
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->editor = wenji_article_view_get_editor (self->article_view);
  self->history_view = wenji_article_view_get_history_view (self->article_view);
  self->metadata_panel = wenji_article_view_get_metadata_panel (self->article_view);
  g_signal_connect_object (self->editor, "save-failed",
                           G_CALLBACK (on_save_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_pane, "error",
                           G_CALLBACK (on_pane_error), self, G_CONNECT_SWAPPED);
}

WenjiWindow *
wenji_window_new (GtkApplication *application,
                  WenjiLibrary   *library)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (WENJI_IS_LIBRARY (library), NULL);

  return g_object_new (WENJI_TYPE_WINDOW,
                       "application", application,
                       "library", library,
                       NULL);
}

WenjiLibrary *
wenji_window_get_library (WenjiWindow *self)
{
  g_return_val_if_fail (WENJI_IS_WINDOW (self), NULL);

  return self->library;
}
