/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wenji-editor.h"
#include "wenji-preview.h"
#include "wenji-status-label.h"

G_BEGIN_DECLS

/* The preview and the status line catch up this long after the last keystroke. */
#define WENJI_EDITOR_REFRESH_DELAY_MS 100

struct _WenjiEditor
{
  GtkWidget               parent_instance;

  /* template children */
  GtkStack               *stack;
  GtkRevealer            *trash_revealer;
  GtkPaned               *paned;
  GtkWidget              *edit_box;
  GtkEntry               *title_entry;
  GtkSourceView          *source_view;
  GtkSearchBar           *find_bar;
  GtkSearchEntry         *find_entry;
  GtkLabel               *find_count;
  GtkWidget              *replace_box;
  GtkEntry               *replace_entry;
  GtkWidget              *preview_scroller;
  WenjiPreview           *preview;
  WenjiStatusLabel       *status_label;
  GtkWidget              *zoom_box;
  GtkMenuButton          *zoom_button;

  GtkSourceBuffer        *buffer;
  GtkTextTag             *lang_tag;
  GtkSourceSearchSettings *search_settings;
  GtkSourceSearchContext *search_context;

  WenjiLibrary           *library;
  WenjiArticle           *article;

  /* "edit", "split" or "preview" */
  char                   *view_mode;

  guint                   autosave_id;
  guint                   refresh_id;
  guint                   follow_id;
  gboolean                refresh_pending;
  guint                   loading;
  gboolean                dirty;
  /* when the oldest change not yet saved was made (monotonic µs) */
  gint64                  dirty_since;
  /* the preview shows an older version of the text */
  gboolean                preview_stale;
  /* lays out the text up to the cursor, to find the cursor's page */
  WenjiPageLayout        *probe;
  /* the conversions and cleanups made since the article was loaded, oldest
   * first, each marked when undone, so that undoing one takes its title
   * and language back with the text, and redoing it brings them again */
  GPtrArray              *transforms;
};

/* wenji-editor.c */
void     wenji_editor_apply_language      (WenjiEditor    *self,
                                           const char     *lang);
void     wenji_editor_mark_dirty          (WenjiEditor    *self);
char    *wenji_editor_dup_body            (WenjiEditor    *self);

/* wenji-editor-actions.c */
void     wenji_editor_class_init_actions  (GtkWidgetClass *widget_class);
void     wenji_editor_init_actions        (WenjiEditor    *self);
void     wenji_editor_update_actions      (WenjiEditor    *self);
void     wenji_editor_forget_transforms   (WenjiEditor    *self);

/* wenji-editor-find.c */
void     wenji_editor_class_init_find     (GtkWidgetClass *widget_class);
void     wenji_editor_init_find           (WenjiEditor    *self);
void     wenji_editor_dispose_find        (WenjiEditor    *self);

/* wenji-editor-preview.c */
void     wenji_editor_class_init_preview  (GtkWidgetClass *widget_class);
void     wenji_editor_init_preview        (WenjiEditor    *self);
void     wenji_editor_dispose_preview     (WenjiEditor    *self);
void     wenji_editor_queue_refresh       (WenjiEditor    *self,
                                           guint           delay_ms);
void     wenji_editor_update_view_mode    (WenjiEditor    *self);

void     wenji_editor_update_refresh_pending (WenjiEditor *self);

G_END_DECLS
