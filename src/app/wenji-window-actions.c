/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-preferences-window.h"
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

/*
 * A dialog on @self that asks before @answer, labelled @label, happens.
 * Cancel closes it; a destructive answer is never the default one.
 */
AdwMessageDialog *
wenji_window_new_question (WenjiWindow           *self,
                           const char            *heading,
                           const char            *body,
                           const char            *answer,
                           const char            *label,
                           AdwResponseAppearance  appearance)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), answer, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, answer, appearance);
  adw_message_dialog_set_default_response (dialog,
                                           appearance == ADW_RESPONSE_DESTRUCTIVE
                                           ? "cancel" : answer);
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

void
wenji_window_update_actions (WenjiWindow *self)
{
  WenjiArticle *article = wenji_editor_get_article (self->editor);
  gboolean trashed = article != NULL && wenji_article_is_trashed (article);
  gboolean several = wenji_article_pane_get_n_selected (self->article_pane) > 1;
  WenjiArticleList *list = wenji_article_pane_get_article_list (self->article_pane);
  gboolean in_trash = wenji_article_list_get_filter (list) == WENJI_ARTICLE_FILTER_TRASH;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.trash",
                                 (article != NULL && !trashed) || (several && !in_trash));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", article != NULL || several);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-wechat", article != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.tag-selected",
                                 (article != NULL && !trashed) || several);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-trash-batch",
                                 self->trashed_ids != NULL && self->trashed_ids->len > 0);
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
  WenjiArticleList *list = wenji_article_pane_get_article_list (self->article_pane);
  WenjiArticleFilter filter = wenji_article_list_get_filter (list);

  if (!wenji_editor_save (self->editor, &error)) {
    wenji_window_toast_error (self, error);
    return;
  }

  /* A new draft must be visible in the list it lands in. */
  wenji_article_pane_set_search_mode (self->article_pane, FALSE);
  if (wenji_article_list_get_tag (list) != NULL ||
      (filter != WENJI_ARTICLE_FILTER_ALL && filter != WENJI_ARTICLE_FILTER_DRAFT))
    wenji_sidebar_select_filter (self->sidebar, WENJI_ARTICLE_FILTER_ALL);

  wenji_article_set_title (article, "");
  wenji_article_set_body (article, "");
  wenji_article_set_status (article, WENJI_STATUS_DRAFT);
  wenji_article_set_lang (article, WENJI_LANG_HANS);
  if (self->settings != NULL) {
    g_autofree char *script = g_settings_get_string (self->settings, "default-script");

    wenji_article_set_lang (article, script);
  }

  if (!wenji_library_insert_article (self->library, article, &error)) {
    wenji_window_toast_error (self, error);
    return;
  }

  wenji_window_show_article (self, wenji_article_get_id (article));
  wenji_editor_focus_title (self->editor);
}

static void
remember_trashed (WenjiWindow  *self,
                  const gint64 *ids,
                  guint         n_ids)
{
  g_clear_pointer (&self->trashed_ids, g_array_unref);
  self->trashed_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (self->trashed_ids, ids, n_ids);
  wenji_window_update_actions (self);
}

/**
 * wenji_window_change_articles:
 * @ids: (element-type gint64): the articles
 * @change: what to do to each
 * @data: passed to @change
 *
 * Changes the articles in one transaction: all of them or, when one fails,
 * none, with the error in a toast.
 *
 * Returns: whether all were changed
 */
gboolean
wenji_window_change_articles (WenjiWindow       *self,
                              GArray            *ids,
                              WenjiArticleChange change,
                              gconstpointer      data)
{
  g_autoptr (GError) error = NULL;

  if (!wenji_library_begin (self->library, &error)) {
    wenji_window_toast_error (self, error);
    return FALSE;
  }

  for (guint i = 0; i < ids->len; i++) {
    if (!change (self->library, g_array_index (ids, gint64, i), data, &error)) {
      wenji_library_rollback (self->library);
      wenji_window_toast_error (self, error);
      return FALSE;
    }
  }

  if (!wenji_library_commit (self->library, &error)) {
    wenji_window_toast_error (self, error);
    return FALSE;
  }

  return TRUE;
}

static gboolean
trash_one (WenjiLibrary  *library,
           gint64         id,
           gconstpointer  data,
           GError       **error)
{
  return wenji_library_trash_article (library, id, error);
}

static gboolean
restore_one (WenjiLibrary  *library,
             gint64         id,
             gconstpointer  data,
             GError       **error)
{
  return wenji_library_restore_article (library, id, error);
}

/* Several selected articles go to the Trash in one transaction, one Undo. */
static void
trash_selected (WenjiWindow *self,
                GArray      *ids)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!wenji_editor_save (self->editor, &error)) {
    wenji_window_toast_error (self, error);
    return;
  }

  if (!wenji_window_change_articles (self, ids, trash_one, NULL))
    return;

  remember_trashed (self, (const gint64 *) ids->data, ids->len);

  /* Translators: %u is a number of articles */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article moved to Trash",
                                        "%u articles moved to Trash", ids->len),
                           ids->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-trash-batch");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
trash_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  g_autoptr (GArray) selected = wenji_window_dup_selected_ids (self);
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 id;

  if (selected->len > 1) {
    if (wenji_article_list_get_filter (wenji_article_pane_get_article_list (self->article_pane)) !=
        WENJI_ARTICLE_FILTER_TRASH)
      trash_selected (self, selected);
    return;
  }

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

  remember_trashed (self, &id, 1);

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

/* Ctrl+Z in the list and the Undo of a batch: brings back the last trashed. */
static void
undo_trash_batch_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  g_autoptr (GArray) ids = g_steal_pointer (&self->trashed_ids);

  wenji_window_update_actions (self);

  if (ids == NULL || ids->len == 0)
    return;

  if (!wenji_window_change_articles (self, ids, restore_one, NULL))
    return;

  wenji_window_show_article (self, g_array_index (ids, gint64, 0));
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
  AdwMessageDialog *dialog;
  gint64 *id;

  if (article == NULL || !wenji_article_is_trashed (article))
    return;

  /* Translators: %s is an article title */
  heading = g_strdup_printf (_("Delete “%s” Forever?"), display_title (article));
  dialog = wenji_window_new_question (self, heading,
                                      _("The article and its history will be removed from the "
                                        "library. This cannot be undone."),
                                      "delete", _("_Delete Forever"), ADW_RESPONSE_DESTRUCTIVE);
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
on_empty_trash_response (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "empty") == 0 && window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.empty-trash-confirmed", NULL);
}

static void
empty_trash_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  WenjiStatusCounts counts = { 0 };
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (!wenji_library_count_articles (self->library, &counts, &error)) {
    wenji_window_toast_error (self, error);
    return;
  }

  if (counts.trash == 0)
    return;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u article and its history will be removed from the "
                                       "library. This cannot be undone.",
                                       "%u articles and their history will be removed from the "
                                       "library. This cannot be undone.",
                                       counts.trash),
                          counts.trash);
  dialog = wenji_window_new_question (self, _("Empty Trash?"), body,
                                      "empty", _("_Empty Trash"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_empty_trash_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.empty-trash without the question, for the dialog and for tests. */
static void
empty_trash_confirmed_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  WenjiArticle *article = wenji_editor_get_article (self->editor);

  /* The open article may be one of those about to go. */
  if (article != NULL && wenji_article_is_trashed (article) &&
      !wenji_editor_set_article (self->editor, NULL, &error)) {
    wenji_window_toast_error (self, error);
    return;
  }

  if (!wenji_library_empty_trash (self->library, &error)) {
    wenji_window_toast_error (self, error);
    return;
  }

  g_clear_pointer (&self->trashed_ids, g_array_unref);
  wenji_window_update_actions (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Trash emptied")));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  GtkWindow *preferences = wenji_preferences_window_new (GTK_WINDOW (self));

  gtk_window_present (preferences);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "library"))
    wenji_article_pane_start_search (self->article_pane);
}

static void
close_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);

  wenji_article_pane_set_search_mode (self->article_pane, FALSE);
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
  gtk_widget_class_install_action (widget_class, "win.undo-trash-batch", NULL,
                                   undo_trash_batch_action);
  gtk_widget_class_install_action (widget_class, "win.empty-trash", NULL, empty_trash_action);
  gtk_widget_class_install_action (widget_class, "win.empty-trash-confirmed", NULL,
                                   empty_trash_confirmed_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.close-search", NULL, close_search_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-metadata", "show-metadata");
  gtk_widget_class_install_property_action (widget_class, "win.sort", "sort");
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-article", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_M, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-metadata", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
}
