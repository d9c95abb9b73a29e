/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * WenjiArticleView: the open article's side of the window, the editor (or
 * in its place the article's history) with the details panel beside it.
 */
#include "config.h"

#include "wenji-article-view.h"

struct _WenjiArticleView
{
  GtkWidget           parent_instance;

  GtkStack           *stack;
  WenjiEditor        *editor;
  WenjiHistoryView   *history_view;
  WenjiMetadataPanel *metadata_panel;
};

G_DEFINE_FINAL_TYPE (WenjiArticleView, wenji_article_view, GTK_TYPE_WIDGET)

static void
wenji_article_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WENJI_TYPE_ARTICLE_VIEW);

  G_OBJECT_CLASS (wenji_article_view_parent_class)->dispose (object);
}

static void
wenji_article_view_class_init (WenjiArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenji_article_view_dispose;

  g_type_ensure (WENJI_TYPE_EDITOR);
  g_type_ensure (WENJI_TYPE_HISTORY_VIEW);
  g_type_ensure (WENJI_TYPE_METADATA_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wenji/Wenji/ui/wenji-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WenjiArticleView, stack);
  gtk_widget_class_bind_template_child (widget_class, WenjiArticleView, editor);
  gtk_widget_class_bind_template_child (widget_class, WenjiArticleView, history_view);
  gtk_widget_class_bind_template_child (widget_class, WenjiArticleView, metadata_panel);
}

static void
wenji_article_view_init (WenjiArticleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WenjiEditor *
wenji_article_view_get_editor (WenjiArticleView *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_VIEW (self), NULL);

  return self->editor;
}

WenjiHistoryView *
wenji_article_view_get_history_view (WenjiArticleView *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_VIEW (self), NULL);

  return self->history_view;
}

WenjiMetadataPanel *
wenji_article_view_get_metadata_panel (WenjiArticleView *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_VIEW (self), NULL);

  return self->metadata_panel;
}

/**
 * wenji_article_view_show_history:
 * @show_history: show the history in place of the editor
 *
 * Switches between the editor and the history, and puts the focus there.
 */
void
wenji_article_view_show_history (WenjiArticleView *self,
                                 gboolean          show_history)
{
  g_return_if_fail (WENJI_IS_ARTICLE_VIEW (self));

  gtk_stack_set_visible_child_name (self->stack, show_history ? "history" : "editor");
  if (show_history)
    gtk_widget_child_focus (GTK_WIDGET (self->history_view), GTK_DIR_TAB_FORWARD);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}
