/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wenji-editor-private.h"
#include "wenji-page-setup.h"

/* Edits are written this long after the last keystroke. */
#define AUTOSAVE_DELAY_MS 1000
/* Typing without a pause still saves this often. */
#define AUTOSAVE_MAX_DELAY_MS 5000

G_DEFINE_FINAL_TYPE (WenjiEditor, wenji_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_ARTICLE,
  PROP_VIEW_MODE,
  PROP_REFRESH_PENDING,
  N_PROPS
};

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_style_scheme (WenjiEditor *self)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";
  GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (manager, id);

  gtk_source_buffer_set_style_scheme (self->buffer, scheme);
}

/**
 * wenji_editor_family_for:
 * @lang: (nullable): an article's language
 *
 * Returns: a Pango family list whose CJK face has @lang's regional forms
 */
const char *
wenji_editor_family_for (const char *lang)
{
  const char *region = pango_language_to_string (wenji_pango_language (lang));

  if (g_str_equal (region, "zh-tw"))
    return "Cantarell, Noto Sans, Noto Sans CJK TC";
  if (g_str_equal (region, "zh-hk"))
    return "Cantarell, Noto Sans, Noto Sans CJK HK";

  return "Cantarell, Noto Sans, Noto Sans CJK SC";
}

/**
 * wenji_editor_set_tag_language:
 * @tag: a tag over the text of an article
 * @lang: (nullable): the article's language
 *
 * Makes @tag show Han characters in @lang's regional forms. GtkTextView
 * (4.8) shapes with the locale's language, not the tag's, so under a zh_TW
 * locale HarfBuzz's localized forms (locl) would turn even a Simplified face
 * into Traditional ones. The tag names the regional CJK face and turns locl
 * off: Latin keeps the first family, Han characters get the article's forms
 * whatever the locale.
 */
void
wenji_editor_set_tag_language (GtkTextTag *tag,
                               const char *lang)
{
  g_object_set (tag,
                "language", pango_language_to_string (wenji_pango_language (lang)),
                "family", wenji_editor_family_for (lang),
                "font-features", "locl=0",
                NULL);
}

/**
 * wenji_editor_language_attributes:
 * @lang: (nullable): an article's language
 *
 * The attributes for an entry that shows a field of the article, so that
 * Pango gives its Han characters the article's regional forms.
 *
 * Returns: (transfer full): a new attribute list
 */
PangoAttrList *
wenji_editor_language_attributes (const char *lang)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_language_new (wenji_pango_language (lang)));

  return attrs;
}

/* Tells Pango which regional glyph forms to use for Han characters. */
void
wenji_editor_apply_language (WenjiEditor *self,
                             const char  *lang)
{
  PangoAttrList *attrs = wenji_editor_language_attributes (lang);
  GtkTextIter start, end;

  gtk_entry_set_attributes (self->title_entry, attrs);
  pango_attr_list_unref (attrs);

  wenji_editor_set_tag_language (self->lang_tag, lang);
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_text_buffer_apply_tag (GTK_TEXT_BUFFER (self->buffer), self->lang_tag, &start, &end);
}

static gboolean
autosave_cb (gpointer user_data)
{
  WenjiEditor *self = user_data;
  g_autoptr (GError) error = NULL;

  self->autosave_id = 0;

  if (!wenji_editor_save (self, &error)) {
    /* Tried again after the next keystrokes, not after every one. */
    self->dirty_since = g_get_monotonic_time ();
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);
  }

  return G_SOURCE_REMOVE;
}

/* Written by autosave; also for changes that are not in the text (language). */
void
wenji_editor_mark_dirty (WenjiEditor *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 unsaved_ms;

  if (self->article == NULL || wenji_article_is_trashed (self->article))
    return;

  if (!self->dirty)
    self->dirty_since = now;
  self->dirty = TRUE;

  /* A second after the last keystroke, but never later than a few seconds
   * after the first unsaved one: a long burst of typing is not at risk. */
  unsaved_ms = (now - self->dirty_since) / 1000;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add (CLAMP (AUTOSAVE_MAX_DELAY_MS - unsaved_ms,
                                            0, AUTOSAVE_DELAY_MS),
                                     autosave_cb, self);
}

/* Runs for every keystroke: only restarts timers, never lays anything out. */
static void
on_text_changed (WenjiEditor *self)
{
  if (self->loading > 0)
    return;

  wenji_editor_queue_refresh (self, WENJI_EDITOR_REFRESH_DELAY_MS);
  wenji_editor_mark_dirty (self);
}

char *
wenji_editor_dup_body (WenjiEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);

  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, FALSE);
}

static void
on_insert_text_after (WenjiEditor   *self,
                      GtkTextIter   *location,
                      const char    *text,
                      int            len,
                      GtkTextBuffer *buffer)
{
  GtkTextIter start = *location;

  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, len));
  gtk_text_buffer_apply_tag (buffer, self->lang_tag, &start, location);
}

/* Enter in the title moves on to the text, as in a word processor. */
static void
on_title_activate (WenjiEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

static void
on_article_lang_changed (WenjiEditor *self)
{
  const char *lang = wenji_article_get_lang (self->article);

  wenji_editor_apply_language (self, lang != NULL && *lang != '\0' ? lang : WENJI_LANG_HANS);
  wenji_editor_queue_refresh (self, 0);
}

static void
load_article (WenjiEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  const char *lang = NULL;
  gboolean editable;
  GtkTextIter start;

  self->loading++;
  wenji_editor_forget_transforms (self);

  if (self->article == NULL) {
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry), "");
    gtk_text_buffer_set_text (buffer, "", -1);
    gtk_revealer_set_reveal_child (self->trash_revealer, FALSE);
    gtk_stack_set_visible_child_name (self->stack, "empty");
    self->dirty = FALSE;
    self->loading--;
    wenji_editor_update_actions (self);
    return;
  }

  lang = wenji_article_get_lang (self->article);
  if (lang == NULL || *lang == '\0')
    lang = WENJI_LANG_HANS;

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry),
                         wenji_article_get_title (self->article)
                         ? wenji_article_get_title (self->article) : "");

  /* Loading is not an edit the user can undo. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer,
                            wenji_article_get_body (self->article)
                            ? wenji_article_get_body (self->article) : "",
                            -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_set_modified (buffer, FALSE);

  wenji_editor_apply_language (self, lang);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  editable = !wenji_article_is_trashed (self->article);
  gtk_editable_set_editable (GTK_EDITABLE (self->title_entry), editable);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->source_view), editable);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self->source_view), editable);
  gtk_revealer_set_reveal_child (self->trash_revealer, !editable);

  gtk_stack_set_visible_child_name (self->stack, "article");

  self->dirty = FALSE;
  self->loading--;

  wenji_editor_update_actions (self);
  /* Another article: the preview starts at its first page at once. */
  wenji_editor_queue_refresh (self, 0);
}

static void
wenji_editor_dispose (GObject *object)
{
  WenjiEditor *self = (WenjiEditor *)object;
  GtkWidget *child;

  if (self->dirty) {
    g_autoptr (GError) error = NULL;

    /* Nobody is left to tell; this is the last chance to keep the text. */
    if (!wenji_editor_save (self, &error))
      g_warning ("Could not save the article: %s", error->message);
  }

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  wenji_editor_dispose_preview (self);
  wenji_editor_dispose_find (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), WENJI_TYPE_EDITOR);
  /* Children without an id are not cleared by the template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->buffer);
  g_clear_pointer (&self->transforms, g_ptr_array_unref);
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, on_article_lang_changed, self);
  g_clear_object (&self->article);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (wenji_editor_parent_class)->dispose (object);
}

static void
wenji_editor_finalize (GObject *object)
{
  WenjiEditor *self = (WenjiEditor *)object;

  g_free (self->view_mode);

  G_OBJECT_CLASS (wenji_editor_parent_class)->finalize (object);
}

static void
wenji_editor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WenjiEditor *self = WENJI_EDITOR (object);

  switch (prop_id) {
  case PROP_LIBRARY:
    g_value_set_object (value, self->library);
    break;
  case PROP_ARTICLE:
    g_value_set_object (value, self->article);
    break;
  case PROP_VIEW_MODE:
    g_value_set_string (value, self->view_mode);
    break;
  case PROP_REFRESH_PENDING:
    g_value_set_boolean (value, self->refresh_pending);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_editor_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  WenjiEditor *self = WENJI_EDITOR (object);

  switch (prop_id) {
  case PROP_LIBRARY:
    wenji_editor_set_library (self, g_value_get_object (value));
    break;
  case PROP_VIEW_MODE:
    wenji_editor_set_view_mode (self, g_value_get_string (value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_editor_class_init (WenjiEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenji_editor_dispose;
  object_class->finalize = wenji_editor_finalize;
  object_class->get_property = wenji_editor_get_property;
  object_class->set_property = wenji_editor_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         WENJI_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         WENJI_TYPE_ARTICLE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the article pane shows: "edit", "split" (text and pages) or "preview". */
  properties[PROP_VIEW_MODE] =
    g_param_spec_string ("view-mode", NULL, NULL,
                         "edit",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The status line and the preview are about to catch up with the text or
   * the cursor: FALSE once they show what the editor holds. */
  properties[PROP_REFRESH_PENDING] =
    g_param_spec_boolean ("refresh-pending", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WenjiEditor::save-failed:
   * @error: why the article could not be written
   *
   * Emitted when an automatic save fails, so the window can tell the user.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /* Idempotent; makes the widget usable without WenjiApplication (tests). */
  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (WENJI_TYPE_PREVIEW);
  g_type_ensure (WENJI_TYPE_STATUS_LABEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wenji/Wenji/ui/wenji-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, trash_revealer);
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, source_view);
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, paned);
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, edit_box);
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, find_bar);
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, find_entry);
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, find_count);
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, replace_box);
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, preview_scroller);
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, preview);
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, WenjiEditor, zoom_button);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_title_activate);

  wenji_editor_class_init_actions (widget_class);
  wenji_editor_class_init_find (widget_class);
  wenji_editor_class_init_preview (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wenji-editor");
}

static void
wenji_editor_init (WenjiEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  self->view_mode = g_strdup ("edit");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = gtk_source_buffer_new_with_language (
    gtk_source_language_manager_get_language (languages, "markdown"));
  self->lang_tag =
    gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), NULL,
                                "language",
                                pango_language_to_string (wenji_pango_language (WENJI_LANG_HANS)),
                                NULL);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->source_view), GTK_TEXT_BUFFER (self->buffer));

  g_signal_connect_object (self->buffer, "changed",
                           G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "insert-text",
                           G_CALLBACK (on_insert_text_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  update_style_scheme (self);

  wenji_editor_init_find (self);
  wenji_editor_init_preview (self);
  wenji_editor_init_actions (self);
  load_article (self);
}

WenjiLibrary *
wenji_editor_get_library (WenjiEditor *self)
{
  g_return_val_if_fail (WENJI_IS_EDITOR (self), NULL);

  return self->library;
}

void
wenji_editor_set_library (WenjiEditor  *self,
                          WenjiLibrary *library)
{
  g_return_if_fail (WENJI_IS_EDITOR (self));
  g_return_if_fail (library == NULL || WENJI_IS_LIBRARY (library));

  if (g_set_object (&self->library, library))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * wenji_editor_get_article:
 *
 * Returns: (transfer none) (nullable): the article being edited, with the
 *   values of the last save or load
 */
WenjiArticle *
wenji_editor_get_article (WenjiEditor *self)
{
  g_return_val_if_fail (WENJI_IS_EDITOR (self), NULL);

  return self->article;
}

gint64
wenji_editor_get_article_id (WenjiEditor *self)
{
  g_return_val_if_fail (WENJI_IS_EDITOR (self), 0);

  return self->article ? wenji_article_get_id (self->article) : 0;
}

void
wenji_editor_update_refresh_pending (WenjiEditor *self)
{
  gboolean pending = self->refresh_id != 0 || self->follow_id != 0;

  if (pending == self->refresh_pending)
    return;

  self->refresh_pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESH_PENDING]);
}

/**
 * wenji_editor_set_article:
 * @article: (nullable): the article to edit; the editor keeps a reference
 *
 * Saves pending edits of the current article, then shows @article. When the
 * save fails, the editor keeps the current article and returns %FALSE.
 */
gboolean
wenji_editor_set_article (WenjiEditor   *self,
                          WenjiArticle  *article,
                          GError       **error)
{
  g_return_val_if_fail (WENJI_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (article == NULL || WENJI_IS_ARTICLE (article), FALSE);

  if (!wenji_editor_save (self, error))
    return FALSE;

  g_clear_handle_id (&self->autosave_id, g_source_remove);

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, on_article_lang_changed, self);

  if (g_set_object (&self->article, article))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);

  /* The details panel, a conversion or its undo may change the language. */
  if (article != NULL)
    g_signal_connect_object (article, "notify::lang",
                             G_CALLBACK (on_article_lang_changed), self, G_CONNECT_SWAPPED);

  load_article (self);

  return TRUE;
}

gboolean
wenji_editor_get_dirty (WenjiEditor *self)
{
  g_return_val_if_fail (WENJI_IS_EDITOR (self), FALSE);

  return self->dirty;
}

/**
 * wenji_editor_save:
 *
 * Writes the title and body to the library now if they changed since the
 * last load or save. Does nothing, successfully, otherwise.
 */
gboolean
wenji_editor_save (WenjiEditor  *self,
                   GError      **error)
{
  g_autofree char *body = NULL;
  GtkTextIter start, end;

  g_return_val_if_fail (WENJI_IS_EDITOR (self), FALSE);

  g_clear_handle_id (&self->autosave_id, g_source_remove);

  if (!self->dirty || self->article == NULL)
    return TRUE;

  g_return_val_if_fail (self->library != NULL, FALSE);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  body = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, FALSE);

  wenji_article_set_title (self->article, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  wenji_article_set_body (self->article, body);

  if (!wenji_library_update_article (self->library, self->article, error))
    return FALSE;

  self->dirty = FALSE;

  return TRUE;
}

/**
 * wenji_editor_get_buffer:
 *
 * Returns: (transfer none): the buffer holding the body
 */
GtkSourceBuffer *
wenji_editor_get_buffer (WenjiEditor *self)
{
  g_return_val_if_fail (WENJI_IS_EDITOR (self), NULL);

  return self->buffer;
}

/**
 * wenji_editor_get_title_editable:
 *
 * Returns: (transfer none): the title field
 */
GtkEditable *
wenji_editor_get_title_editable (WenjiEditor *self)
{
  g_return_val_if_fail (WENJI_IS_EDITOR (self), NULL);

  return GTK_EDITABLE (self->title_entry);
}

void
wenji_editor_focus_title (WenjiEditor *self)
{
  g_return_if_fail (WENJI_IS_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

/**
 * wenji_editor_get_view_mode:
 *
 * Returns: "edit", "split" or "preview"
 */
const char *
wenji_editor_get_view_mode (WenjiEditor *self)
{
  g_return_val_if_fail (WENJI_IS_EDITOR (self), NULL);

  return self->view_mode;
}

void
wenji_editor_set_view_mode (WenjiEditor *self,
                            const char  *view_mode)
{
  g_return_if_fail (WENJI_IS_EDITOR (self));

  if (g_strcmp0 (view_mode, "edit") != 0 && g_strcmp0 (view_mode, "split") != 0 &&
      g_strcmp0 (view_mode, "preview") != 0) {
    g_warning ("Unknown view mode “%s”", view_mode);
    return;
  }

  if (g_strcmp0 (self->view_mode, view_mode) == 0)
    return;

  g_free (self->view_mode);
  self->view_mode = g_strdup (view_mode);
  wenji_editor_update_view_mode (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_MODE]);
}

/**
 * wenji_editor_get_preview:
 *
 * Returns: (transfer none): the pages of the article
 */
WenjiPreview *
wenji_editor_get_preview (WenjiEditor *self)
{
  g_return_val_if_fail (WENJI_IS_EDITOR (self), NULL);

  return self->preview;
}

/**
 * wenji_editor_get_status:
 *
 * Returns: the status line: the character count and the reading time
 */
const char *
wenji_editor_get_status (WenjiEditor *self)
{
  g_return_val_if_fail (WENJI_IS_EDITOR (self), NULL);

  return wenji_status_label_get_text (self->status_label);
}

GtkEditable *
wenji_editor_get_find_editable (WenjiEditor *self)
{
  g_return_val_if_fail (WENJI_IS_EDITOR (self), NULL);

  return GTK_EDITABLE (self->find_entry);
}

GtkEditable *
wenji_editor_get_replace_editable (WenjiEditor *self)
{
  g_return_val_if_fail (WENJI_IS_EDITOR (self), NULL);

  return GTK_EDITABLE (self->replace_entry);
}
