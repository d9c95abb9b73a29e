/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wenji-article-pane.h"

G_BEGIN_DECLS

struct _WenjiArticlePane
{
  GtkWidget           parent_instance;

  /* template children */
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkRevealer        *import_revealer;
  GtkLabel           *import_label;
  GtkProgressBar     *import_progress;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkListView        *results_view;
  GtkLabel           *results_count;
  GtkActionBar       *trash_bar;

  WenjiLibrary       *library;
  WenjiArticleList   *article_list;
  GtkMultiSelection  *selection;
  gint64              article_id;
  guint               n_selected;

  /* search_query is NULL outside a search */
  GListStore         *results;
  GtkSingleSelection *results_selection;
  GCancellable       *search_cancellable;
  char               *search_query;
  gboolean            search_ready;

  /* > 0 while the pane moves the selection itself */
  guint               syncing;
  guint               previous_position;
  GArray             *kept_ids;
};

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_ARTICLE_LIST,
  PROP_SELECTION,
  PROP_SEARCH_RESULTS,
  PROP_N_SELECTED,
  PROP_ARTICLE_ID,
  PROP_PAGE,
  PROP_SEARCH_MODE,
  PROP_SEARCHING,
  N_PROPS
};

extern GParamSpec *wenji_article_pane_properties[N_PROPS];

/* wenji-article-pane.c */
void wenji_article_pane_report_error   (WenjiArticlePane *self,
                                        const GError     *error);
void wenji_article_pane_update_page    (WenjiArticlePane *self);
void wenji_article_pane_open_article   (WenjiArticlePane *self,
                                        gint64            id);
void wenji_article_pane_sync_selection (WenjiArticlePane *self);

/* wenji-article-pane-search.c */
void wenji_article_pane_on_search_changed      (WenjiArticlePane *self,
                                                GtkSearchEntry   *entry);
void wenji_article_pane_on_search_mode_changed (WenjiArticlePane *self,
                                                GParamSpec       *pspec,
                                                GtkSearchBar     *search_bar);
void wenji_article_pane_on_result_selected     (WenjiArticlePane *self);

G_END_DECLS
