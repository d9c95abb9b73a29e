/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-article-row.h"
#include "wenji-page-setup.h"

/* One row of the article list: title, then a dim line of facts. */
struct _WenjiArticleRow
{
  GtkWidget            parent_instance;

  GtkLabel            *title_label;
  GtkLabel            *meta_label;

  WenjiArticleSummary *summary;
};

G_DEFINE_FINAL_TYPE (WenjiArticleRow, wenji_article_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "2026-11-26T08:30:00Z" and "2026-11-26 08:30" both show as the date. */
static char *
date_part (const char *timestamp)
{
  gsize len;

  if (timestamp == NULL || *timestamp == '\0')
    return NULL;

  len = strcspn (timestamp, "T ");
  return g_strndup (timestamp, len);
}

/**
 * wenji_article_row_format_meta:
 *
 * Returns: (transfer full): the dim line under the title: date, source,
 *   length in characters and tags, separated by dots
 */
char *
wenji_article_row_format_meta (WenjiArticleSummary *summary)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *date = wenji_article_summary_get_published_at (summary);
  const char *source = wenji_article_summary_get_source (summary);
  const char *tags = wenji_article_summary_get_tags (summary);
  char *part;

  if (date == NULL || *date == '\0')
    date = wenji_article_summary_get_updated_at (summary);
  if ((part = date_part (date)) != NULL)
    g_ptr_array_add (parts, part);

  if (source != NULL && *source != '\0')
    g_ptr_array_add (parts, g_strdup (source));

  /* Translators: the length of an article, counted in characters (字数) */
  g_ptr_array_add (parts,
                   g_strdup_printf (_("%u 字"), wenji_article_summary_get_char_count (summary)));

  if (tags != NULL && *tags != '\0') {
    g_auto (GStrv) split = g_strsplit (tags, ",", -1);

    for (guint i = 0; split[i] != NULL; i++)
      g_strstrip (split[i]);
    g_ptr_array_add (parts, g_strjoinv (", ", split));
  }

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

static void
update_labels (WenjiArticleRow *self)
{
  g_autofree char *meta = NULL;
  const char *title;
  const char *lang;
  PangoAttrList *attrs;

  if (self->summary == NULL) {
    gtk_label_set_label (self->title_label, "");
    gtk_label_set_label (self->meta_label, "");
    return;
  }

  title = wenji_article_summary_get_title (self->summary);
  if (title == NULL || *title == '\0')
    title = _("Untitled");

  lang = wenji_article_summary_get_lang (self->summary);
  if (lang == NULL || *lang == '\0')
    lang = WENJI_LANG_HANS;

  meta = wenji_article_row_format_meta (self->summary);

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_language_new (wenji_pango_language (lang)));
  gtk_label_set_attributes (self->title_label, attrs);
  gtk_label_set_attributes (self->meta_label, attrs);
  pango_attr_list_unref (attrs);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->meta_label, meta);
}

static void
wenji_article_row_dispose (GObject *object)
{
  WenjiArticleRow *self = (WenjiArticleRow *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), WENJI_TYPE_ARTICLE_ROW);
  /* Children without an id are not cleared by the template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (wenji_article_row_parent_class)->dispose (object);
}

static void
wenji_article_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WenjiArticleRow *self = WENJI_ARTICLE_ROW (object);

  switch (prop_id) {
  case PROP_SUMMARY:
    g_value_set_object (value, self->summary);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_article_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WenjiArticleRow *self = WENJI_ARTICLE_ROW (object);

  switch (prop_id) {
  case PROP_SUMMARY:
    wenji_article_row_set_summary (self, g_value_get_object (value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_article_row_class_init (WenjiArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenji_article_row_dispose;
  object_class->get_property = wenji_article_row_get_property;
  object_class->set_property = wenji_article_row_set_property;

  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL,
                         WENJI_TYPE_ARTICLE_SUMMARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wenji/Wenji/ui/wenji-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WenjiArticleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, WenjiArticleRow, meta_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wenji-article-row");
}

static void
wenji_article_row_init (WenjiArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WenjiArticleSummary *
wenji_article_row_get_summary (WenjiArticleRow *self)
{
  g_return_val_if_fail (WENJI_IS_ARTICLE_ROW (self), NULL);

  return self->summary;
}

void
wenji_article_row_set_summary (WenjiArticleRow     *self,
                               WenjiArticleSummary *summary)
{
  g_return_if_fail (WENJI_IS_ARTICLE_ROW (self));
  g_return_if_fail (summary == NULL || WENJI_IS_ARTICLE_SUMMARY (summary));

  if (self->summary == summary)
    return;

  if (self->summary != NULL)
    g_signal_handlers_disconnect_by_func (self->summary, update_labels, self);

  g_set_object (&self->summary, summary);

  /* The list refreshes summaries in place when an article is edited. */
  if (summary != NULL)
    g_signal_connect_object (summary, "notify",
                             G_CALLBACK (update_labels), self, G_CONNECT_SWAPPED);

  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}
