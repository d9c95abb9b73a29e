/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The editor's preview and status line. A keystroke only restarts a short
 * timer; when typing pauses, the text is parsed again and the page layout
 * re-lays the blocks that changed (its cache keeps the others), so the
 * pages catch up without ever holding up a key.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-editor-private.h"

static gboolean
preview_visible (WenjiEditor *self)
{
  return g_strcmp0 (self->view_mode, "edit") != 0;
}

/* The article as it is in the editor now, with its header (title, byline). */
static WenjiArticle *
current_article (WenjiEditor *self,
                 const char  *body)
{
  WenjiArticle *article = wenji_article_copy (self->article);

  wenji_article_set_title (article, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  wenji_article_set_body (article, body);

  return article;
}

static void
update_status (WenjiEditor *self,
               const char  *body)
{
  g_autofree char *count = NULL;
  g_autofree char *minutes = NULL;
  g_autofree char *status = NULL;
  guint n = wenji_text_count_chars (body);
  guint reading = wenji_text_reading_minutes (n);

  /* Translators: 字数, the article's length in characters */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u character", "%u characters", n), n);
  /* Translators: the reading time of the article */
  minutes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %u min", "about %u min", reading),
                             reading);
  /* Translators: the character count, then the reading time */
  status = g_strdup_printf (_("%s · %s"), count, minutes);
  wenji_status_label_set_text (self->status_label, status, count);
}

static void
update_preview (WenjiEditor *self,
                const char  *body)
{
  g_autoptr (WenjiArticle) article = current_article (self, body);
  g_autoptr (WenjiDocument) document = wenji_document_new_for_article (article, NULL);

  wenji_preview_set_document (self->preview, document);
  self->preview_stale = FALSE;
}

static void follow_cursor (WenjiEditor *self);

static void
refresh (WenjiEditor *self)
{
  g_autofree char *body = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  wenji_editor_update_refresh_pending (self);

  if (self->article == NULL) {
    wenji_status_label_set_text (self->status_label, "", "");
    return;
  }

  body = wenji_editor_dup_body (self);
  update_status (self, body);

  if (!preview_visible (self)) {
    self->preview_stale = TRUE;
    return;
  }

  update_preview (self, body);
  if (g_strcmp0 (self->view_mode, "split") == 0)
    follow_cursor (self);
}

static void
refresh_cb (gpointer user_data)
{
  WenjiEditor *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  wenji_editor_update_refresh_pending (self);
}

/**
 * wenji_editor_queue_refresh:
 * @delay_ms: how long to wait for more changes
 *
 * Brings the status line and, when it shows, the preview up to date after
 * @delay_ms; every call before then starts the wait again.
 */
void
wenji_editor_queue_refresh (WenjiEditor *self,
                            guint        delay_ms)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add_once (delay_ms, refresh_cb, self);
  wenji_editor_update_refresh_pending (self);
}

/*
 * Shows the page of the block the cursor is in: the text up to the end of
 * the cursor's line, laid out on its own (again only the blocks that
 * changed), ends on that page.
 */
static void
follow_cursor (WenjiEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (WenjiDocument) document = NULL;
  g_autofree char *prefix = NULL;
  const WenjiPageSetup *setup;
  GtkTextIter start, end;
  guint n_pages;

  g_clear_handle_id (&self->follow_id, g_source_remove);
  wenji_editor_update_refresh_pending (self);

  if (self->article == NULL || self->preview_stale || g_strcmp0 (self->view_mode, "split") != 0)
    return;

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, gtk_text_buffer_get_insert (buffer));
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  prefix = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  article = current_article (self, prefix);
  document = wenji_document_new_for_article (article, NULL);
  /* The probe lays pages out as the preview does, also after the
   * preferences changed. */
  setup = wenji_page_layout_get_setup (wenji_preview_get_layout (self->preview));
  if (self->probe == NULL)
    self->probe = wenji_page_layout_new (setup);
  else
    wenji_page_layout_set_setup (self->probe, setup);
  wenji_page_layout_set_document (self->probe, document);

  n_pages = wenji_page_layout_get_n_pages (self->probe);
  if (n_pages > 0)
    wenji_preview_show_page (self->preview, n_pages - 1);
}

static void
follow_cb (gpointer user_data)
{
  WenjiEditor *self = user_data;

  self->follow_id = 0;
  follow_cursor (self);
  wenji_editor_update_refresh_pending (self);
}

static void
on_cursor_moved (WenjiEditor *self)
{
  if (self->loading > 0 || g_strcmp0 (self->view_mode, "split") != 0)
    return;

  /* A refresh on its way follows the cursor when it is done. */
  if (self->refresh_id != 0)
    return;

  g_clear_handle_id (&self->follow_id, g_source_remove);
  self->follow_id = g_timeout_add_once (WENJI_EDITOR_REFRESH_DELAY_MS, follow_cb, self);
  wenji_editor_update_refresh_pending (self);
}

static void
update_zoom_label (WenjiEditor *self)
{
  g_autofree char *label = NULL;

  /* Translators: the zoom of the preview, in percent */
  label = g_strdup_printf (_("%.0f%%"), wenji_preview_get_zoom (self->preview) * 100);
  gtk_menu_button_set_label (self->zoom_button, label);
}

void
wenji_editor_update_view_mode (WenjiEditor *self)
{
  gboolean edit = g_strcmp0 (self->view_mode, "preview") != 0;
  gboolean preview = preview_visible (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));

  gtk_widget_set_visible (self->edit_box, edit);
  gtk_widget_set_visible (self->preview_scroller, preview);
  gtk_widget_set_visible (self->zoom_box, preview);

  /* Half and half when the split opens. */
  if (edit && preview) {
    int width = gtk_widget_get_width (GTK_WIDGET (self->paned));

    if (width > 0)
      gtk_paned_set_position (self->paned, width / 2);
  }

  if (preview && self->preview_stale)
    refresh (self);
  else if (g_strcmp0 (self->view_mode, "split") == 0)
    follow_cursor (self);

  if (had_focus || focus == NULL)
    gtk_widget_grab_focus (edit ? GTK_WIDGET (self->source_view) : GTK_WIDGET (self->preview));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WenjiEditor *self = WENJI_EDITOR (widget);

  /* editor.zoom-in is preview.zoom-in, for the buttons outside the preview. */
  gtk_widget_activate_action (GTK_WIDGET (self->preview),
                              g_str_equal (action_name, "editor.zoom-in") ? "preview.zoom-in" :
                              g_str_equal (action_name, "editor.zoom-out") ? "preview.zoom-out" :
                              "preview.zoom-fit",
                              NULL);
}

void
wenji_editor_class_init_preview (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "editor.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "editor.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_property_action (widget_class, "editor.view-mode", "view-mode");
}

void
wenji_editor_init_preview (WenjiEditor *self)
{
  g_signal_connect_object (self->buffer, "notify::cursor-position",
                           G_CALLBACK (on_cursor_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "notify::zoom",
                           G_CALLBACK (update_zoom_label), self, G_CONNECT_SWAPPED);
  /* The fitted zoom changes with the pane's width. */
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (
                             GTK_SCROLLED_WINDOW (self->preview_scroller)),
                           "changed", G_CALLBACK (update_zoom_label), self, G_CONNECT_SWAPPED);
  update_zoom_label (self);
  self->preview_stale = TRUE;
}

void
wenji_editor_dispose_preview (WenjiEditor *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->follow_id, g_source_remove);
  g_clear_object (&self->probe);
}
