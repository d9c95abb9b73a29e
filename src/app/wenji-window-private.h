/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wenji-article-pane.h"
#include "wenji-article-view.h"
#include "wenji-history-view.h"
#include "wenji-metadata-panel.h"
#include "wenji-sidebar.h"
#include "wenji-window.h"

G_BEGIN_DECLS

struct _WenjiWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkPaned             *outer_paned;
  GtkPaned             *inner_paned;
  WenjiSidebar         *sidebar;
  WenjiArticlePane     *article_pane;
  WenjiArticleView     *article_view;
  AdwWindowTitle       *window_title;

  /* the article view's */
  WenjiEditor          *editor;
  WenjiHistoryView     *history_view;
  WenjiMetadataPanel   *metadata_panel;

  WenjiLibrary         *library;
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkNativeDialog      *import_dialog;

  /* import, in wenji-window-import.c */
  GCancellable         *import_cancellable;
  GPtrArray            *import_failures;

  /* export, in wenji-window-export.c */
  GtkWindow            *export_dialog;
  char                 *last_export;

  /* the articles the last trash moved, for Undo */
  GArray               *trashed_ids;

  char                 *sort;
  gboolean              show_sidebar;
  gboolean              show_history;
  gboolean              show_metadata;
  gboolean              close_after_error;
};

void     wenji_window_class_init_actions (GtkWidgetClass *widget_class);
void     wenji_window_update_actions     (WenjiWindow    *self);
void     wenji_window_toast_error        (WenjiWindow    *self,
                                          const GError   *error);
gboolean wenji_window_open_article       (WenjiWindow    *self,
                                          gint64          id);
void     wenji_window_update_page        (WenjiWindow    *self);

/* One change to one article, as the library makes it. */
typedef gboolean (*WenjiArticleChange) (WenjiLibrary  *library,
                                        gint64         id,
                                        gconstpointer  data,
                                        GError       **error);

GArray  *wenji_window_dup_selected_ids   (WenjiWindow    *self);
gboolean wenji_window_change_articles    (WenjiWindow       *self,
                                          GArray            *ids,
                                          WenjiArticleChange change,
                                          gconstpointer      data);
void     wenji_window_add_toast          (WenjiWindow    *self,
                                          AdwToast       *toast);

void     wenji_window_class_init_batch   (GtkWidgetClass *widget_class);

AdwMessageDialog *wenji_window_new_question (WenjiWindow           *self,
                                             const char            *heading,
                                             const char            *body,
                                             const char            *answer,
                                             const char            *label,
                                             AdwResponseAppearance  appearance);

GtkFileFilter *wenji_window_new_import_filter (void);
gboolean wenji_window_begin_import       (WenjiWindow    *self,
                                          const char     *label);
void     wenji_window_end_import         (WenjiWindow    *self);
void     wenji_window_toast_import       (WenjiWindow    *self,
                                          const char     *summary);
gboolean wenji_window_import_text        (WenjiWindow    *self,
                                          const char     *text);
AdwMessageDialog *wenji_window_new_address_dialog (WenjiWindow *self,
                                                   const char  *heading,
                                                   const char  *body,
                                                   const char  *accept_label,
                                                   gboolean     several);

/* feeds, in wenji-window-feeds.c */
void     wenji_window_class_init_feeds   (GtkWidgetClass *widget_class);
void     wenji_window_class_init_import  (GtkWidgetClass *widget_class);
void     wenji_window_init_import        (WenjiWindow    *self);
void     wenji_window_dispose_import     (WenjiWindow    *self);

void     wenji_window_class_init_export  (GtkWidgetClass *widget_class);
void     wenji_window_dispose_export     (WenjiWindow    *self);

void     wenji_window_class_init_history (GtkWidgetClass *widget_class);
void     wenji_window_init_history       (WenjiWindow    *self);
void     wenji_window_set_show_history   (WenjiWindow    *self,
                                          gboolean        show_history);


G_END_DECLS
