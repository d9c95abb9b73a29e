/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>

#include "wenji-core.h"
#include "wenji-preview.h"

G_BEGIN_DECLS

#define WENJI_TYPE_EDITOR (wenji_editor_get_type ())

G_DECLARE_FINAL_TYPE (WenjiEditor, wenji_editor, WENJI, EDITOR, GtkWidget)

WenjiLibrary    *wenji_editor_get_library (WenjiEditor   *self);
void             wenji_editor_set_library (WenjiEditor   *self,
                                           WenjiLibrary  *library);
WenjiArticle    *wenji_editor_get_article (WenjiEditor   *self);
gboolean         wenji_editor_set_article (WenjiEditor   *self,
                                           WenjiArticle  *article,
                                           GError       **error);
gint64           wenji_editor_get_article_id (WenjiEditor *self);
gboolean         wenji_editor_get_dirty   (WenjiEditor   *self);
gboolean         wenji_editor_save        (WenjiEditor   *self,
                                           GError       **error);
GtkSourceBuffer *wenji_editor_get_buffer  (WenjiEditor   *self);
GtkEditable     *wenji_editor_get_title_editable (WenjiEditor *self);
const char      *wenji_editor_family_for  (const char    *lang);
void             wenji_editor_set_tag_language    (GtkTextTag  *tag,
                                                   const char  *lang);
PangoAttrList   *wenji_editor_language_attributes (const char  *lang);
void             wenji_editor_focus_title (WenjiEditor   *self);
const char      *wenji_editor_get_view_mode (WenjiEditor *self);
void             wenji_editor_set_view_mode (WenjiEditor *self,
                                             const char  *view_mode);
WenjiPreview    *wenji_editor_get_preview (WenjiEditor   *self);
const char      *wenji_editor_get_status  (WenjiEditor   *self);
GtkEditable     *wenji_editor_get_find_editable    (WenjiEditor *self);
GtkEditable     *wenji_editor_get_replace_editable (WenjiEditor *self);

G_END_DECLS
