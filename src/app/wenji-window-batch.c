/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-window-private.h"

/*
 * The selected articles, and what applies to all of them at once: a tag,
 * for now. Trash and export of a selection live with their single-article
 * forms.
 */

/**
 * wenji_window_dup_selected_ids:
 *
 * Returns: (transfer full) (element-type gint64): the articles selected in
 *   the list, in list order
 */
GArray *
wenji_window_dup_selected_ids (WenjiWindow *self)
{
  return wenji_article_pane_dup_selected_ids (self->article_pane);
}

/* The selection, or the article of the editor when nothing is selected. */
static GArray *
dup_target_ids (WenjiWindow *self)
{
  GArray *ids = wenji_window_dup_selected_ids (self);
  gint64 current = wenji_editor_get_article_id (self->editor);

  if (ids->len == 0 && current != 0)
    g_array_append_val (ids, current);

  return ids;
}

static void
on_tag_response (AdwMessageDialog *dialog,
                 const char       *response,
                 GtkEditable      *entry)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "tag") == 0 && window != NULL && *name != '\0')
    gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selected-confirmed", "s", name);
}

static void
tag_selected_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  g_autoptr (GArray) ids = dup_target_ids (self);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (ids->len == 0)
    return;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Add a Tag to %u Article",
                                          "Add a Tag to %u Articles", ids->len),
                             ids->len);
  dialog = wenji_window_new_question (self, heading, NULL, "tag", _("_Add Tag"),
                                      ADW_RESPONSE_SUGGESTED);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Tag"));
  adw_message_dialog_set_extra_child (dialog, entry);
  g_signal_connect (dialog, "response", G_CALLBACK (on_tag_response), entry);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
tag_one (WenjiLibrary  *library,
         gint64         id,
         gconstpointer  name,
         GError       **error)
{
  return wenji_library_add_tag (library, id, name, error);
}

/* win.tag-selected without the question, for the dialog and for tests. */
static void
tag_selected_confirmed_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);
  g_autoptr (GArray) ids = dup_target_ids (self);
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  const char *name = g_variant_get_string (parameter, NULL);

  if (ids->len == 0 || *name == '\0')
    return;

  if (!wenji_window_change_articles (self, ids, tag_one, name))
    return;

  escaped = g_markup_escape_text (name, -1);
  /* Translators: “%s” is a tag, %u a number of articles */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tagged %2$u article “%1$s”",
                                        "Tagged %2$u articles “%1$s”", ids->len),
                           escaped, ids->len);
  wenji_window_add_toast (self, adw_toast_new (title));
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WenjiWindow *self = WENJI_WINDOW (widget);

  wenji_article_pane_select_all (self->article_pane);
}

void
wenji_window_class_init_batch (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.tag-selected", NULL, tag_selected_action);
  gtk_widget_class_install_action (widget_class, "win.tag-selected-confirmed", "s",
                                   tag_selected_confirmed_action);
  gtk_widget_class_install_action (widget_class, "win.select-all", NULL, select_all_action);
}
