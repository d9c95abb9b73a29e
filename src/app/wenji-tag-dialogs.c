/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wenji-sidebar.h"
#include "wenji-tag-dialogs.h"

/*
 * Renaming, merging and deleting a tag, as the sidebar's context menu
 * offers them. Each is a pair of sidebar actions: "sidebar.rename-tag" asks
 * in a dialog, and its answer runs "sidebar.rename-tag-confirmed", which
 * changes the library; tests run the second one directly.
 */

/* The tag a dialog asks about, and the sidebar that its answer goes to. */
typedef struct {
  GWeakRef  sidebar;
  char     *tag;
} TagQuestion;

static TagQuestion *
tag_question_new (WenjiSidebar *sidebar,
                  const char   *tag)
{
  TagQuestion *question = g_new0 (TagQuestion, 1);

  g_weak_ref_init (&question->sidebar, sidebar);
  question->tag = g_strdup (tag);

  return question;
}

static void
tag_question_free (gpointer  data,
                   GClosure *closure)
{
  TagQuestion *question = data;

  g_weak_ref_clear (&question->sidebar);
  g_free (question->tag);
  g_free (question);
}

static WenjiLibrary *
get_library (WenjiSidebar *sidebar)
{
  WenjiArticleList *list = wenji_sidebar_get_article_list (sidebar);

  return list != NULL ? wenji_article_list_get_library (list) : NULL;
}

/* The tag the article list shows follows it when it is renamed or merged. */
static void
follow_tag (WenjiSidebar *sidebar,
            const char   *old_name,
            const char   *new_name)
{
  WenjiArticleList *list = wenji_sidebar_get_article_list (sidebar);

  if (list == NULL || g_strcmp0 (wenji_article_list_get_tag (list), old_name) != 0)
    return;

  wenji_sidebar_refresh (sidebar);
  if (new_name == NULL || !wenji_sidebar_select_tag (sidebar, new_name))
    wenji_sidebar_select_filter (sidebar, WENJI_ARTICLE_FILTER_ALL);
}

static GtkWindow *
get_parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
report_error (GtkWidget    *widget,
              const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (get_parent_window (widget),
                                              _("Could Not Change the Tag"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_tag_confirmed_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  WenjiSidebar *sidebar = WENJI_SIDEBAR (widget);
  WenjiLibrary *library = get_library (sidebar);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *new_name = NULL;

  g_variant_get (parameter, "(ss)", &name, &new_name);
  g_strstrip (new_name);
  if (library == NULL || *new_name == '\0' || g_str_equal (name, new_name))
    return;

  if (!wenji_library_rename_tag (library, name, new_name, &error)) {
    report_error (widget, error);
    return;
  }

  follow_tag (sidebar, name, new_name);
}

static void
merge_tag_confirmed_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  WenjiSidebar *sidebar = WENJI_SIDEBAR (widget);
  WenjiLibrary *library = get_library (sidebar);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *into = NULL;

  g_variant_get (parameter, "(ss)", &name, &into);
  if (library == NULL || g_str_equal (name, into))
    return;

  if (!wenji_library_merge_tags (library, name, into, &error)) {
    report_error (widget, error);
    return;
  }

  follow_tag (sidebar, name, into);
}

static void
delete_tag_confirmed_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  WenjiSidebar *sidebar = WENJI_SIDEBAR (widget);
  WenjiLibrary *library = get_library (sidebar);
  g_autoptr (GError) error = NULL;
  const char *name = g_variant_get_string (parameter, NULL);

  if (library == NULL)
    return;

  if (!wenji_library_delete_tag (library, name, &error)) {
    report_error (widget, error);
    return;
  }

  follow_tag (sidebar, name, NULL);
}

static AdwMessageDialog *
new_tag_dialog (GtkWidget  *widget,
                const char *heading,
                const char *body,
                const char *response_label)
{
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (widget), heading, body));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "ok", response_label,
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

/* Shows @dialog; its answer goes to @on_response with what it asks about. */
static void
present_tag_dialog (AdwMessageDialog *dialog,
                    GtkWidget        *sidebar,
                    const char       *tag,
                    GCallback         on_response)
{
  g_signal_connect_data (dialog, "response", on_response,
                         tag_question_new (WENJI_SIDEBAR (sidebar), tag), tag_question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    TagQuestion      *question)
{
  g_autoptr (GtkWidget) sidebar = g_weak_ref_get (&question->sidebar);
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "ok") == 0 && sidebar != NULL)
    gtk_widget_activate_action (sidebar, "sidebar.rename-tag-confirmed", "(ss)",
                                question->tag, gtk_editable_get_text (entry));
}

static void
rename_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *name = g_variant_get_string (parameter, NULL);
  /* Translators: %s is a tag */
  g_autofree char *heading = g_strdup_printf (_("Rename “%s”"), name);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  dialog = new_tag_dialog (widget, heading,
                           _("The articles with this tag keep it under the new name."),
                           _("_Rename"));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  present_tag_dialog (dialog, widget, name, G_CALLBACK (on_rename_response));
}

static void
on_merge_response (AdwMessageDialog *dialog,
                   const char       *response,
                   TagQuestion      *question)
{
  g_autoptr (GtkWidget) sidebar = g_weak_ref_get (&question->sidebar);
  GtkDropDown *drop_down = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GtkStringObject *into = gtk_drop_down_get_selected_item (drop_down);

  if (g_strcmp0 (response, "ok") == 0 && into != NULL && sidebar != NULL)
    gtk_widget_activate_action (sidebar, "sidebar.merge-tag-confirmed", "(ss)",
                                question->tag, gtk_string_object_get_string (into));
}

static void
merge_tag_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WenjiLibrary *library = get_library (WENJI_SIDEBAR (widget));
  const char *name = g_variant_get_string (parameter, NULL);
  g_autoptr (GtkStringList) others = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *drop_down;

  if (library == NULL)
    return;

  tags = wenji_library_list_tags (library, &error);
  if (tags == NULL) {
    report_error (widget, error);
    return;
  }

  for (guint i = 0; i < tags->len; i++) {
    WenjiTagCount *tag = g_ptr_array_index (tags, i);

    if (g_strcmp0 (tag->name, name) != 0)
      gtk_string_list_append (others, tag->name);
  }

  if (g_list_model_get_n_items (G_LIST_MODEL (others)) == 0)
    return;

  /* Translators: %s is a tag */
  heading = g_strdup_printf (_("Merge “%s” Into…"), name);
  dialog = new_tag_dialog (widget, heading,
                           _("The articles with this tag get the tag chosen instead; "
                             "this tag goes away."),
                           _("_Merge"));
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&others)), NULL);
  adw_message_dialog_set_extra_child (dialog, drop_down);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  present_tag_dialog (dialog, widget, name, G_CALLBACK (on_merge_response));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    TagQuestion      *question)
{
  g_autoptr (GtkWidget) sidebar = g_weak_ref_get (&question->sidebar);

  if (g_strcmp0 (response, "ok") == 0 && sidebar != NULL)
    gtk_widget_activate_action (sidebar, "sidebar.delete-tag-confirmed", "s", question->tag);
}

static void
delete_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *name = g_variant_get_string (parameter, NULL);
  /* Translators: %s is a tag */
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), name);
  AdwMessageDialog *dialog;

  dialog = new_tag_dialog (widget, heading,
                           _("The articles stay; only the tag is removed from them."),
                           _("_Delete"));
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  present_tag_dialog (dialog, widget, name, G_CALLBACK (on_delete_response));
}

/**
 * wenji_tag_dialogs_install_actions:
 * @sidebar_class: the class of #WenjiSidebar
 *
 * Installs "sidebar.rename-tag", "sidebar.merge-tag" and "sidebar.delete-tag"
 * (a tag, "s"), which ask first, and their "-confirmed" forms, which do not:
 * "sidebar.rename-tag-confirmed" and "sidebar.merge-tag-confirmed" take the
 * tag and the new name or the tag to merge into ("(ss)"),
 * "sidebar.delete-tag-confirmed" the tag ("s").
 */
void
wenji_tag_dialogs_install_actions (GtkWidgetClass *sidebar_class)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (sidebar_class), WENJI_TYPE_SIDEBAR));

  gtk_widget_class_install_action (sidebar_class, "sidebar.rename-tag", "s", rename_tag_action);
  gtk_widget_class_install_action (sidebar_class, "sidebar.merge-tag", "s", merge_tag_action);
  gtk_widget_class_install_action (sidebar_class, "sidebar.delete-tag", "s", delete_tag_action);
  gtk_widget_class_install_action (sidebar_class, "sidebar.rename-tag-confirmed", "(ss)",
                                   rename_tag_confirmed_action);
  gtk_widget_class_install_action (sidebar_class, "sidebar.merge-tag-confirmed", "(ss)",
                                   merge_tag_confirmed_action);
  gtk_widget_class_install_action (sidebar_class, "sidebar.delete-tag-confirmed", "s",
                                   delete_tag_confirmed_action);
}
