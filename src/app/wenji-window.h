/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "wenji-core.h"
#include "wenji-editor.h"
#include "wenji-metadata-panel.h"
#include "wenji-sidebar.h"

G_BEGIN_DECLS

#define WENJI_TYPE_WINDOW (wenji_window_get_type ())

G_DECLARE_FINAL_TYPE (WenjiWindow, wenji_window, WENJI, WINDOW, AdwApplicationWindow)

WenjiWindow        *wenji_window_new                (GtkApplication     *application,
                                                     WenjiLibrary       *library);
WenjiLibrary       *wenji_window_get_library        (WenjiWindow        *self);
WenjiArticleList   *wenji_window_get_article_list   (WenjiWindow        *self);
GtkMultiSelection  *wenji_window_get_selection      (WenjiWindow        *self);
guint               wenji_window_get_n_selected     (WenjiWindow        *self);
GtkSingleSelection *wenji_window_get_search_results (WenjiWindow        *self);
WenjiEditor        *wenji_window_get_editor         (WenjiWindow        *self);
WenjiSidebar       *wenji_window_get_sidebar        (WenjiWindow        *self);
const char         *wenji_window_get_page           (WenjiWindow        *self);
const char         *wenji_window_get_list_page      (WenjiWindow        *self);
void                wenji_window_show_article       (WenjiWindow        *self,
                                                     gint64              id);
void                wenji_window_import_paths       (WenjiWindow        *self,
                                                     const char * const *paths);
gboolean            wenji_window_get_importing      (WenjiWindow        *self);
const char         *wenji_window_get_last_export    (WenjiWindow        *self);
GtkWindow          *wenji_window_get_export_dialog  (WenjiWindow        *self);
WenjiMetadataPanel *wenji_window_get_metadata_panel (WenjiWindow        *self);

G_END_DECLS
