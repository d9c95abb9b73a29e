/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The history of the open article: its revisions, newest first, and for the
 * one selected what changed from it to the current text. Restoring goes
 * through the window's win.restore-revision, which saves the editor first.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wenji-history-view.h"
#include "wenji-editor.h"
#include "wenji-page-setup.h"

struct _WenjiHistoryView
{
  GtkWidget      parent_instance;

  GtkListBox    *revision_list;
  GtkLabel      *caption_label;
  GtkTextView   *diff_view;

  GtkTextBuffer *buffer;
  GtkTextTag    *removed_tag;
  GtkTextTag    *added_tag;
  GtkTextTag    *title_tag;
  GtkTextTag    *lang_tag;

  WenjiLibrary  *library;
  WenjiArticle  *article;     /* the current text */
  GListStore    *revisions;
  gint64         article_id;
  gboolean       differs;     /* the selected revision differs from the current text */
};

G_DEFINE_FINAL_TYPE (WenjiHistoryView, wenji_history_view, GTK_TYPE_WIDGET)

/**
 * wenji_history_reason_label:
 * @reason: a `WENJI_REVISION_*` string
 *
 * Returns: why a revision was taken, for people
 */
const char *
wenji_history_reason_label (const char *reason)
{
  if (g_strcmp0 (reason, WENJI_REVISION_EDIT) == 0)
    return _("Edited");
  if (g_strcmp0 (reason, WENJI_REVISION_BEFORE_RESTORE) == 0)
    return _("Before restoring");
  if (g_strcmp0 (reason, WENJI_REVISION_RESTORE) == 0)
    return _("Restored");
  if (g_strcmp0 (reason, WENJI_REVISION_BEFORE_CONVERSION) == 0)
    return _("Before script conversion");
  if (g_strcmp0 (reason, WENJI_REVISION_BEFORE_CLEANUP) == 0)
    return _("Before cleanup");
  if (g_strcmp0 (reason, WENJI_REVISION_BEFORE_IMPORT) == 0)
    return _("Before import");

  return reason;
}

/**
 * wenji_history_format_time:
 * @unix_time: when a revision was taken
 * @now: the time to count from
 *
 * Returns: (transfer full): "Just now", "5 minutes ago", "Today, 09:30",
 *   "Yesterday, 18:02" or a date, in local time
 */
char *
wenji_history_format_time (gint64     unix_time,
                           GDateTime *now)
{
  g_autoptr (GDateTime) local_now = g_date_time_to_local (now);
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (unix_time);
  g_autoptr (GDateTime) yesterday = g_date_time_add_days (local_now, -1);
  gint64 seconds = g_date_time_to_unix (now) - unix_time;
  const char *format;

  if (seconds >= 0 && seconds < 60)
    return g_strdup (_("Just now"));

  if (seconds >= 0 && seconds < 3600) {
    int minutes = (int) (seconds / 60);

    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago",
                                         minutes),
                            minutes);
  }

  if (g_date_time_get_year (time) == g_date_time_get_year (local_now) &&
      g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (local_now))
    /* Translators: a time today, in g_date_time_format() notation */
    format = _("Today, %H:%M");
  else if (g_date_time_get_year (time) == g_date_time_get_year (yesterday) &&
           g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (yesterday))
    /* Translators: a time yesterday, in g_date_time_format() notation */
    format = _("Yesterday, %H:%M");
  else if (g_date_time_get_year (time) == g_date_time_get_year (local_now))
    /* Translators: a date this year with the time, in g_date_time_format() notation */
    format = _("%b %-d, %H:%M");
  else
    /* Translators: a date with the year and the time, in g_date_time_format() notation */
    format = _("%Y-%m-%d %H:%M");

  return g_date_time_format (time, format);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  WenjiRevision *revision = item;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) local =
    g_date_time_new_from_unix_local (wenji_revision_get_created_unix (revision));
  g_autofree char *when = wenji_history_format_time (wenji_revision_get_created_unix (revision),
                                                     now);
  /* Translators: the length of an article, counted in characters (字数) */
  g_autofree char *size = g_strdup_printf (_("%u 字"), wenji_revision_get_char_count (revision));
  g_autofree char *subtitle =
    g_strdup_printf ("%s · %s",
                     wenji_history_reason_label (wenji_revision_get_reason (revision)),
                     size);
  g_autofree char *tooltip = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, tooltip);

  return row;
}

static void
insert_diff (WenjiHistoryView *self,
             const char       *old_text,
             const char       *new_text,
             GtkTextTag       *extra_tag)
{
  g_autoptr (GPtrArray) chunks = wenji_revision_diff (old_text, new_text);
  GtkTextIter start, end;

  for (guint i = 0; i < chunks->len; i++) {
    WenjiDiffChunk *chunk = g_ptr_array_index (chunks, i);
    GtkTextTag *op_tag = chunk->op == WENJI_DIFF_REMOVED ? self->removed_tag
                         : chunk->op == WENJI_DIFF_ADDED ? self->added_tag
                         : NULL;

    if (chunk->op != WENJI_DIFF_SAME)
      self->differs = TRUE;

    gtk_text_buffer_get_end_iter (self->buffer, &end);
    gtk_text_buffer_insert_with_tags (self->buffer, &end, chunk->text, -1, self->lang_tag, NULL);
    start = end;
    gtk_text_iter_backward_chars (&start, g_utf8_strlen (chunk->text, -1));
    if (op_tag != NULL)
      gtk_text_buffer_apply_tag (self->buffer, op_tag, &start, &end);
    if (extra_tag != NULL)
      gtk_text_buffer_apply_tag (self->buffer, extra_tag, &start, &end);
  }
}

static void
update_actions (WenjiHistoryView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.restore",
                                 wenji_history_view_get_selected (self) != NULL && self->differs);
}

/* Shows the changes from the selected revision to the current text. */
static void
show_diff (WenjiHistoryView *self)
{
  WenjiRevision *revision = wenji_history_view_get_selected (self);
  const char *lang;

  gtk_text_buffer_set_text (self->buffer, "", 0);
  self->differs = FALSE;

  if (revision == NULL || self->article == NULL) {
    gtk_label_set_label (self->caption_label, "");
    update_actions (self);
    return;
  }

  lang = wenji_article_get_lang (self->article);
  wenji_editor_set_tag_language (self->lang_tag, lang);

  insert_diff (self, wenji_revision_get_title (revision), wenji_article_get_title (self->article),
               self->title_tag);
  insert_diff (self, wenji_revision_get_body (revision), wenji_article_get_body (self->article),
               NULL);

  gtk_label_set_label (self->caption_label,
                       self->differs
                       ? _("Struck-through text is only in this version, underlined text only in "
                           "the current one.")
                       : _("This version is the same as the current text."));
  update_actions (self);
}

static void
on_row_selected (WenjiHistoryView *self)
{
  /* Not while the list goes away in dispose. */
  if (self->revision_list != NULL)
    show_diff (self);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WenjiHistoryView *self = WENJI_HISTORY_VIEW (widget);
  WenjiRevision *revision = wenji_history_view_get_selected (self);

  if (revision == NULL)
    return;

  gtk_widget_activate_action (widget, "win.restore-revision", "x",
                              wenji_revision_get_id (revision));
}

static void
on_library_changed (WenjiHistoryView *self,
                    gint64            article_id)
{
  g_autoptr (GError) error = NULL;

  if (self->article_id == 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      (article_id != 0 && article_id != self->article_id))
    return;

  if (!wenji_history_view_reload (self, &error))
    g_debug ("Could not reload the history: %s", error->message);
}

static void
wenji_history_view_dispose (GObject *object)
{
  WenjiHistoryView *self = (WenjiHistoryView *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), WENJI_TYPE_HISTORY_VIEW);
  /* Children without an id are not cleared by the template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->buffer);
  g_clear_object (&self->revisions);
  g_clear_object (&self->article);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (wenji_history_view_parent_class)->dispose (object);
}

static void
wenji_history_view_class_init (WenjiHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenji_history_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wenji/Wenji/ui/wenji-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WenjiHistoryView, revision_list);
  gtk_widget_class_bind_template_child (widget_class, WenjiHistoryView, caption_label);
  gtk_widget_class_bind_template_child (widget_class, WenjiHistoryView, diff_view);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);

  gtk_widget_class_install_action (widget_class, "history.restore", NULL, restore_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wenji-history-view");
}

static void
wenji_history_view_init (WenjiHistoryView *self)
{
  GdkRGBA removed = { 0.88, 0.11, 0.14, 0.22 };
  GdkRGBA added = { 0.18, 0.76, 0.49, 0.28 };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->revisions = g_list_store_new (WENJI_TYPE_REVISION);
  gtk_list_box_bind_model (self->revision_list, G_LIST_MODEL (self->revisions), create_row,
                           NULL, NULL);

  self->buffer = g_object_ref (gtk_text_view_get_buffer (self->diff_view));
  self->lang_tag =
    gtk_text_buffer_create_tag (self->buffer, NULL,
                                "language",
                                pango_language_to_string (wenji_pango_language (WENJI_LANG_HANS)),
                                NULL);
  /* Colour and a second cue, for those who cannot tell red from green. */
  self->removed_tag = gtk_text_buffer_create_tag (self->buffer, "removed",
                                                  "background-rgba", &removed,
                                                  "strikethrough", TRUE,
                                                  NULL);
  self->added_tag = gtk_text_buffer_create_tag (self->buffer, "added",
                                                "background-rgba", &added,
                                                "underline", PANGO_UNDERLINE_SINGLE,
                                                NULL);
  self->title_tag = gtk_text_buffer_create_tag (self->buffer, "title",
                                                "weight", PANGO_WEIGHT_BOLD,
                                                "scale", 1.3,
                                                "pixels-below-lines", 12,
                                                NULL);

  update_actions (self);
}

void
wenji_history_view_set_library (WenjiHistoryView *self,
                                WenjiLibrary     *library)
{
  g_return_if_fail (WENJI_IS_HISTORY_VIEW (self));

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, on_library_changed, self);

  if (g_set_object (&self->library, library) && library != NULL)
    g_signal_connect_object (library, "changed", G_CALLBACK (on_library_changed), self,
                             G_CONNECT_SWAPPED);
}

gint64
wenji_history_view_get_article_id (WenjiHistoryView *self)
{
  g_return_val_if_fail (WENJI_IS_HISTORY_VIEW (self), 0);

  return self->article_id;
}

/**
 * wenji_history_view_set_article_id:
 * @article_id: the article to show the history of, or 0 for none
 */
gboolean
wenji_history_view_set_article_id (WenjiHistoryView  *self,
                                   gint64             article_id,
                                   GError           **error)
{
  g_return_val_if_fail (WENJI_IS_HISTORY_VIEW (self), FALSE);

  self->article_id = article_id;

  return wenji_history_view_reload (self, error);
}

/**
 * wenji_history_view_reload:
 *
 * Reads the revisions and the current text again, keeping the selected
 * revision when it is still there, else selecting the newest.
 */
gboolean
wenji_history_view_reload (WenjiHistoryView  *self,
                           GError           **error)
{
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (WenjiArticle) article = NULL;
  WenjiRevision *selected;
  gint64 selected_id;
  guint position = 0;

  g_return_val_if_fail (WENJI_IS_HISTORY_VIEW (self), FALSE);

  selected = wenji_history_view_get_selected (self);
  selected_id = selected ? wenji_revision_get_id (selected) : 0;

  if (self->article_id != 0) {
    g_return_val_if_fail (self->library != NULL, FALSE);

    if (!(article = wenji_library_load_article (self->library, self->article_id, error)) ||
        !(revisions = wenji_library_list_revisions (self->library, self->article_id, error))) {
      self->article_id = 0;
      g_clear_object (&self->article);
      g_list_store_remove_all (self->revisions);
      return FALSE;
    }
  }

  g_set_object (&self->article, article);
  /* The list rebuilds its rows; its selection goes with them. */
  if (revisions != NULL) {
    for (guint i = 0; i < revisions->len; i++)
      if (wenji_revision_get_id (g_ptr_array_index (revisions, i)) == selected_id)
        position = i;
    g_list_store_splice (self->revisions, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->revisions)),
                         revisions->pdata, revisions->len);
  } else {
    g_list_store_remove_all (self->revisions);
  }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->revisions)) > 0)
    wenji_history_view_select (self, position);
  else
    show_diff (self);

  return TRUE;
}

/**
 * wenji_history_view_get_revisions:
 *
 * Returns: (transfer none): the revisions listed, newest first
 */
GListModel *
wenji_history_view_get_revisions (WenjiHistoryView *self)
{
  g_return_val_if_fail (WENJI_IS_HISTORY_VIEW (self), NULL);

  return G_LIST_MODEL (self->revisions);
}

void
wenji_history_view_select (WenjiHistoryView *self,
                           guint             position)
{
  GtkListBoxRow *row;

  g_return_if_fail (WENJI_IS_HISTORY_VIEW (self));

  row = gtk_list_box_get_row_at_index (self->revision_list, (int) position);
  gtk_list_box_select_row (self->revision_list, row);
  /* row-selected is silent when the row did not change. */
  show_diff (self);
}

/**
 * wenji_history_view_get_selected:
 *
 * Returns: (transfer none) (nullable): the revision whose changes are shown
 */
WenjiRevision *
wenji_history_view_get_selected (WenjiHistoryView *self)
{
  WenjiRevision *revision;
  GtkListBoxRow *row;

  g_return_val_if_fail (WENJI_IS_HISTORY_VIEW (self), NULL);

  if (self->revision_list == NULL)
    return NULL;

  row = gtk_list_box_get_selected_row (self->revision_list);
  if (row == NULL)
    return NULL;

  revision = g_list_model_get_item (G_LIST_MODEL (self->revisions),
                                    gtk_list_box_row_get_index (row));
  /* The list keeps its own reference. */
  if (revision != NULL)
    g_object_unref (revision);

  return revision;
}

/**
 * wenji_history_view_get_diff_buffer:
 *
 * Returns: (transfer none): the changes shown, with the tags "removed",
 *   "added" and "title"
 */
GtkTextBuffer *
wenji_history_view_get_diff_buffer (WenjiHistoryView *self)
{
  g_return_val_if_fail (WENJI_IS_HISTORY_VIEW (self), NULL);

  return self->buffer;
}
