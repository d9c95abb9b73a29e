/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "wenji-metadata-panel.h"

/*
 * The details of the article open in the editor: who wrote it, where it
 * came from, its status, language, summary and tags. The panel edits the
 * editor's own WenjiArticle, so whichever of the two saves first writes
 * both; the title is the editor's title field, mirrored. Tags are written
 * at once through the library.
 */

#define SAVE_DELAY_MS 500

struct _WenjiMetadataPanel
{
  GtkWidget       parent_instance;

  GtkStack       *stack;
  GtkWidget      *content;
  AdwEntryRow    *title_row;
  AdwEntryRow    *author_row;
  AdwEntryRow    *source_row;
  AdwEntryRow    *source_url_row;
  AdwEntryRow    *published_row;
  AdwEntryRow    *editor_row;
  AdwComboRow    *status_row;
  AdwComboRow    *lang_row;
  GtkTextView    *summary_view;
  GtkFlowBox     *tags_box;
  GtkEntry       *tag_entry;

  GtkTextTag     *summary_lang_tag;
  GtkListStore   *completion_store;
  WenjiEditor    *editor;
  WenjiArticle   *article;
  GStrv           tags;

  guint           save_id;
  guint           loading;
  gboolean        dirty;
};

G_DEFINE_FINAL_TYPE (WenjiMetadataPanel, wenji_metadata_panel, GTK_TYPE_WIDGET)

static const char * const statuses[] = { WENJI_STATUS_DRAFT, WENJI_STATUS_READY,
                                         WENJI_STATUS_PUBLISHED };

static WenjiLibrary *
get_library (WenjiMetadataPanel *self)
{
  return self->editor != NULL ? wenji_editor_get_library (self->editor) : NULL;
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* Empty fields are stored as NULL. */
static char *
dup_row_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* A date (YYYY-MM-DD) or an ISO 8601 time, or nothing. */
static gboolean
published_is_valid (const char *text)
{
  g_autoptr (GDateTime) time = NULL;
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *midnight = NULL;

  if (text == NULL)
    return TRUE;

  if (strlen (text) == 10) {
    midnight = g_strconcat (text, "T00:00:00Z", NULL);
    text = midnight;
  }

  time = g_date_time_new_from_iso8601 (text, utc);

  return time != NULL;
}

static void
update_tags (WenjiMetadataPanel *self)
{
  WenjiLibrary *library = get_library (self);
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);
  g_clear_pointer (&self->tags, g_strfreev);

  if (self->article == NULL || library == NULL)
    return;

  self->tags = wenji_library_get_article_tags (library, wenji_article_get_id (self->article),
                                               &error);
  if (self->tags == NULL) {
    g_warning ("Could not read the tags of the article: %s", error->message);
    return;
  }

  for (guint i = 0; self->tags[i] != NULL; i++) {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    GtkWidget *label = gtk_label_new (self->tags[i]);
    GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
    /* Translators: %s is a tag */
    g_autofree char *tooltip = g_strdup_printf (_("Remove “%s”"), self->tags[i]);

    gtk_widget_add_css_class (box, "tag-chip");
    gtk_widget_set_margin_start (label, 8);
    gtk_box_append (GTK_BOX (box), label);
    gtk_widget_add_css_class (remove, "flat");
    gtk_widget_add_css_class (remove, "circular");
    gtk_widget_set_tooltip_text (remove, tooltip);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "metadata.remove-tag");
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove),
                                            g_variant_new_string (self->tags[i]));
    gtk_box_append (GTK_BOX (box), remove);
    gtk_flow_box_append (self->tags_box, box);
  }
}

/* Completion offers the tags of the library. */
static void
update_completion (WenjiMetadataPanel *self)
{
  WenjiLibrary *library = get_library (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tags = NULL;

  gtk_list_store_clear (self->completion_store);

  if (library == NULL)
    return;

  tags = wenji_library_list_tags (library, &error);
  if (tags == NULL) {
    g_warning ("Could not list tags: %s", error->message);
    return;
  }

  for (guint i = 0; i < tags->len; i++) {
    WenjiTagCount *tag = g_ptr_array_index (tags, i);

    gtk_list_store_insert_with_values (self->completion_store, NULL, -1, 0, tag->name, -1);
  }
}

/* The fields show Han characters in the article's regional forms, and the
 * language row says which. */
static void
show_language (WenjiMetadataPanel *self)
{
  AdwEntryRow *rows[] = { self->title_row, self->author_row, self->source_row, self->editor_row };
  const char *lang = self->article != NULL ? wenji_article_get_lang (self->article) : NULL;
  PangoAttrList *attrs = wenji_editor_language_attributes (lang);
  GtkTextBuffer *summary = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;
  guint lang_index = 2;

  if (lang == NULL || g_str_equal (lang, WENJI_LANG_HANS))
    lang_index = 0;
  else if (g_str_equal (lang, WENJI_LANG_HANT))
    lang_index = 1;

  self->loading++;
  adw_combo_row_set_selected (self->lang_row, lang_index);
  self->loading--;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    adw_entry_row_set_attributes (rows[i], attrs);
  gtk_entry_set_attributes (self->tag_entry, attrs);
  pango_attr_list_unref (attrs);

  wenji_editor_set_tag_language (self->summary_lang_tag, lang);
  gtk_text_buffer_get_bounds (summary, &start, &end);
  gtk_text_buffer_apply_tag (summary, self->summary_lang_tag, &start, &end);
}

/* Typed text takes the language of the rest of the summary. */
static void
on_summary_insert_after (WenjiMetadataPanel *self,
                         GtkTextIter        *location,
                         const char         *text,
                         int                 len,
                         GtkTextBuffer      *buffer)
{
  GtkTextIter start = *location;

  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, len));
  gtk_text_buffer_apply_tag (buffer, self->summary_lang_tag, &start, location);
}

static void
load_article (WenjiMetadataPanel *self)
{
  const char *status;
  guint status_index = 0;

  self->loading++;

  gtk_stack_set_visible_child_name (self->stack, self->article != NULL ? "article" : "empty");

  if (self->article != NULL) {
    set_row_text (self->author_row, wenji_article_get_author (self->article));
    set_row_text (self->source_row, wenji_article_get_source (self->article));
    set_row_text (self->source_url_row, wenji_article_get_source_url (self->article));
    set_row_text (self->published_row, wenji_article_get_published_at (self->article));
    set_row_text (self->editor_row, wenji_article_get_editor (self->article));
    gtk_widget_remove_css_class (GTK_WIDGET (self->published_row), "error");

    status = wenji_article_get_status (self->article);
    for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
      if (g_strcmp0 (status, statuses[i]) == 0)
        status_index = i;
    adw_combo_row_set_selected (self->status_row, status_index);

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                              wenji_article_get_summary (self->article)
                              ? wenji_article_get_summary (self->article) : "",
                              -1);
    show_language (self);

    gtk_widget_set_sensitive (self->content, !wenji_article_is_trashed (self->article));
  }

  update_tags (self);
  update_completion (self);

  self->dirty = FALSE;
  self->loading--;
}

static gboolean
save_cb (gpointer user_data)
{
  WenjiMetadataPanel *self = user_data;
  g_autoptr (GError) error = NULL;

  self->save_id = 0;

  if (!wenji_metadata_panel_save (self, &error))
    g_signal_emit_by_name (self->editor, "save-failed", error);

  return G_SOURCE_REMOVE;
}

/* Copies the fields into the article; a bad date is not copied. */
static void
on_field_changed (WenjiMetadataPanel *self)
{
  g_autofree char *author = NULL;
  g_autofree char *source = NULL;
  g_autofree char *source_url = NULL;
  g_autofree char *published = NULL;
  g_autofree char *editor = NULL;
  g_autofree char *summary = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint lang_index;
  const char *lang;

  if (self->loading > 0 || self->article == NULL)
    return;

  author = dup_row_text (self->author_row);
  source = dup_row_text (self->source_row);
  source_url = dup_row_text (self->source_url_row);
  published = dup_row_text (self->published_row);
  editor = dup_row_text (self->editor_row);

  wenji_article_set_author (self->article, author);
  wenji_article_set_source (self->article, source);
  wenji_article_set_source_url (self->article, source_url);
  wenji_article_set_editor (self->article, editor);
  if (published_is_valid (published)) {
    wenji_article_set_published_at (self->article, published);
    gtk_widget_remove_css_class (GTK_WIDGET (self->published_row), "error");
  } else {
    gtk_widget_add_css_class (GTK_WIDGET (self->published_row), "error");
  }

  wenji_article_set_status (self->article,
                            statuses[MIN (adw_combo_row_get_selected (self->status_row), 2)]);

  lang_index = adw_combo_row_get_selected (self->lang_row);
  lang = wenji_article_get_lang (self->article);
  if (lang_index == 0)
    wenji_article_set_lang (self->article, WENJI_LANG_HANS);
  else if (lang_index == 1)
    wenji_article_set_lang (self->article, WENJI_LANG_HANT);
  else if (lang == NULL || g_str_has_prefix (lang, "zh"))
    wenji_article_set_lang (self->article, "en");

  buffer = gtk_text_view_get_buffer (self->summary_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  summary = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  wenji_article_set_summary (self->article, *summary != '\0' ? summary : NULL);

  self->dirty = TRUE;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

/**
 * wenji_metadata_panel_save:
 *
 * Writes the details now if they changed; the editor's pending text first.
 */
gboolean
wenji_metadata_panel_save (WenjiMetadataPanel  *self,
                           GError             **error)
{
  WenjiLibrary *library = get_library (self);

  g_return_val_if_fail (WENJI_IS_METADATA_PANEL (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);

  if (!self->dirty || self->article == NULL || library == NULL)
    return TRUE;

  if (self->article == wenji_editor_get_article (self->editor) &&
      !wenji_editor_save (self->editor, error))
    return FALSE;

  if (!wenji_library_update_article (library, self->article, error))
    return FALSE;

  self->dirty = FALSE;

  return TRUE;
}

static void
on_article_changed (WenjiMetadataPanel *self)
{
  WenjiArticle *article = wenji_editor_get_article (self->editor);
  g_autoptr (GError) error = NULL;

  if (article == self->article)
    return;

  /* The editor saved the text of the article it left; the details are ours. */
  if (!wenji_metadata_panel_save (self, &error))
    g_signal_emit_by_name (self->editor, "save-failed", error);

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, show_language, self);
  g_set_object (&self->article, article);
  /* A conversion in the editor, or its undo, changes it too. */
  if (article != NULL)
    g_signal_connect_object (article, "notify::lang", G_CALLBACK (show_language), self,
                             G_CONNECT_SWAPPED);
  load_article (self);
}

static void
on_library_changed (WenjiMetadataPanel *self,
                    gint64              article_id)
{
  if (self->article != NULL &&
      (article_id == 0 || article_id == wenji_article_get_id (self->article))) {
    update_tags (self);
    update_completion (self);
  }
}

static void
on_tag_entry_activate (WenjiMetadataPanel *self)
{
  g_autofree char *name =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_entry))));

  if (*name == '\0')
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "metadata.add-tag", "s", name);
  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
}

static void
add_tag_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WenjiMetadataPanel *self = WENJI_METADATA_PANEL (widget);
  WenjiLibrary *library = get_library (self);
  g_autoptr (GError) error = NULL;
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->article == NULL || library == NULL || *name == '\0')
    return;

  if (!wenji_library_add_tag (library, wenji_article_get_id (self->article), name, &error))
    g_signal_emit_by_name (self->editor, "save-failed", error);
}

static void
remove_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WenjiMetadataPanel *self = WENJI_METADATA_PANEL (widget);
  WenjiLibrary *library = get_library (self);
  g_autoptr (GError) error = NULL;

  if (self->article == NULL || library == NULL)
    return;

  if (!wenji_library_remove_tag (library, wenji_article_get_id (self->article),
                                 g_variant_get_string (parameter, NULL), &error))
    g_signal_emit_by_name (self->editor, "save-failed", error);
}

static void
wenji_metadata_panel_dispose (GObject *object)
{
  WenjiMetadataPanel *self = (WenjiMetadataPanel *)object;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  if (self->dirty && !wenji_metadata_panel_save (self, &error))
    g_warning ("Could not save the details of the article: %s", error->message);
  g_clear_handle_id (&self->save_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), WENJI_TYPE_METADATA_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->completion_store);
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, show_language, self);
  g_clear_object (&self->article);
  g_clear_object (&self->editor);
  g_clear_pointer (&self->tags, g_strfreev);

  G_OBJECT_CLASS (wenji_metadata_panel_parent_class)->dispose (object);
}

static void
wenji_metadata_panel_class_init (WenjiMetadataPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenji_metadata_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wenji/Wenji/ui/wenji-metadata-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, WenjiMetadataPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, WenjiMetadataPanel, content);
  gtk_widget_class_bind_template_child (widget_class, WenjiMetadataPanel, title_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiMetadataPanel, author_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiMetadataPanel, source_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiMetadataPanel, source_url_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiMetadataPanel, published_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiMetadataPanel, editor_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiMetadataPanel, status_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiMetadataPanel, lang_row);
  gtk_widget_class_bind_template_child (widget_class, WenjiMetadataPanel, summary_view);
  gtk_widget_class_bind_template_child (widget_class, WenjiMetadataPanel, tags_box);
  gtk_widget_class_bind_template_child (widget_class, WenjiMetadataPanel, tag_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_entry_activate);

  gtk_widget_class_install_action (widget_class, "metadata.add-tag", "s", add_tag_action);
  gtk_widget_class_install_action (widget_class, "metadata.remove-tag", "s", remove_tag_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wenji-metadata-panel");
}

static void
wenji_metadata_panel_init (WenjiMetadataPanel *self)
{
  GtkEntryCompletion *completion;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->completion_store = gtk_list_store_new (1, G_TYPE_STRING);
  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->completion_store));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, TRUE);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_set_completion (self->tag_entry, completion);
  g_object_unref (completion);

  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
  self->summary_lang_tag =
    gtk_text_buffer_create_tag (gtk_text_view_get_buffer (self->summary_view), NULL, NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "insert-text",
                           G_CALLBACK (on_summary_insert_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  load_article (self);
}

/**
 * wenji_metadata_panel_set_editor:
 *
 * Follows the article of @editor, and its library.
 */
void
wenji_metadata_panel_set_editor (WenjiMetadataPanel *self,
                                 WenjiEditor        *editor)
{
  g_return_if_fail (WENJI_IS_METADATA_PANEL (self));
  g_return_if_fail (WENJI_IS_EDITOR (editor));
  g_return_if_fail (self->editor == NULL);

  self->editor = g_object_ref (editor);
  g_signal_connect_object (editor, "notify::article",
                           G_CALLBACK (on_article_changed), self, G_CONNECT_SWAPPED);
  if (wenji_editor_get_library (editor) != NULL)
    g_signal_connect_object (wenji_editor_get_library (editor), "changed",
                             G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);
  /* Dropped by itself when either field goes. */
  g_object_bind_property (wenji_editor_get_title_editable (editor), "text",
                          self->title_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  on_article_changed (self);
}

/**
 * wenji_metadata_panel_dup_tags:
 *
 * Returns: (transfer full): the tags the panel shows
 */
GStrv
wenji_metadata_panel_dup_tags (WenjiMetadataPanel *self)
{
  g_return_val_if_fail (WENJI_IS_METADATA_PANEL (self), NULL);

  return g_strdupv (self->tags);
}
