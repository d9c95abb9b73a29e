/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wenji-sidebar-row.h"

/*
 * One row of the sidebar: an icon, a title and a count of articles. A row
 * stands for a smart list (its filter, with no tag), for a tag (the tag,
 * with the filter that shows every article), or for a followed feed (its
 * id, the count being its unread articles).
 */
struct _WenjiSidebarRow
{
  GtkListBoxRow       parent_instance;

  GtkImage           *icon;
  GtkLabel           *title_label;
  GtkLabel           *count_label;

  char               *tag;
  gint64              feed_id;
  WenjiArticleFilter  filter;
  guint               count;
};

G_DEFINE_FINAL_TYPE (WenjiSidebarRow, wenji_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_TAG,
  PROP_FEED_ID,
  PROP_FILTER,
  PROP_ICON_NAME,
  PROP_TITLE,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wenji_sidebar_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WENJI_TYPE_SIDEBAR_ROW);

  G_OBJECT_CLASS (wenji_sidebar_row_parent_class)->dispose (object);
}

static void
wenji_sidebar_row_finalize (GObject *object)
{
  WenjiSidebarRow *self = (WenjiSidebarRow *)object;

  g_free (self->tag);

  G_OBJECT_CLASS (wenji_sidebar_row_parent_class)->finalize (object);
}

static void
wenji_sidebar_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WenjiSidebarRow *self = WENJI_SIDEBAR_ROW (object);

  switch (prop_id) {
  case PROP_TAG:
    g_value_set_string (value, self->tag);
    break;
  case PROP_FEED_ID:
    g_value_set_int64 (value, self->feed_id);
    break;
  case PROP_FILTER:
    g_value_set_enum (value, self->filter);
    break;
  case PROP_ICON_NAME:
    g_value_set_string (value, wenji_sidebar_row_get_icon_name (self));
    break;
  case PROP_TITLE:
    g_value_set_string (value, wenji_sidebar_row_get_title (self));
    break;
  case PROP_COUNT:
    g_value_set_uint (value, self->count);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_sidebar_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WenjiSidebarRow *self = WENJI_SIDEBAR_ROW (object);

  switch (prop_id) {
  case PROP_TAG:
    wenji_sidebar_row_set_tag (self, g_value_get_string (value));
    break;
  case PROP_FEED_ID:
    self->feed_id = g_value_get_int64 (value);
    break;
  case PROP_FILTER:
    wenji_sidebar_row_set_filter (self, g_value_get_enum (value));
    break;
  case PROP_ICON_NAME:
    wenji_sidebar_row_set_icon_name (self, g_value_get_string (value));
    break;
  case PROP_TITLE:
    wenji_sidebar_row_set_title (self, g_value_get_string (value));
    break;
  case PROP_COUNT:
    wenji_sidebar_row_set_count (self, g_value_get_uint (value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_sidebar_row_class_init (WenjiSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenji_sidebar_row_dispose;
  object_class->finalize = wenji_sidebar_row_finalize;
  object_class->get_property = wenji_sidebar_row_get_property;
  object_class->set_property = wenji_sidebar_row_set_property;

  /**
   * WenjiSidebarRow:tag: (nullable)
   *
   * The tag whose articles the row lists, as the library spells it; %NULL
   * for a smart list.
   */
  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * WenjiSidebarRow:filter:
   *
   * The articles the row lists by status; a tag's row lists them all.
   */
  properties[PROP_FILTER] =
    g_param_spec_enum ("filter", NULL, NULL,
                       WENJI_TYPE_ARTICLE_FILTER,
                       WENJI_ARTICLE_FILTER_ALL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * WenjiSidebarRow:count:
   *
   * How many articles the row lists, shown at its end.
   */
  properties[PROP_FEED_ID] =
    g_param_spec_int64 ("feed-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wenji/Wenji/ui/wenji-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WenjiSidebarRow, icon);
  gtk_widget_class_bind_template_child (widget_class, WenjiSidebarRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, WenjiSidebarRow, count_label);
}

static void
wenji_sidebar_row_init (WenjiSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * wenji_sidebar_row_new_for_tag:
 * @tag: a tag, as the library spells it
 *
 * Returns: (transfer floating): a row with the tag icon that lists the
 *   articles with @tag
 */
GtkWidget *
wenji_sidebar_row_new_for_feed (WenjiFeed *feed)
{
  g_return_val_if_fail (feed != NULL, NULL);

  return g_object_new (WENJI_TYPE_SIDEBAR_ROW,
                       "icon-name", feed->error != NULL ? "dialog-warning-symbolic"
                                                        : "application-rss+xml-symbolic",
                       "title", feed->title != NULL ? feed->title : feed->url,
                       "feed-id", feed->id,
                       "tooltip-text", feed->error != NULL ? feed->error : feed->url,
                       NULL);
}

gint64
wenji_sidebar_row_get_feed_id (WenjiSidebarRow *self)
{
  g_return_val_if_fail (WENJI_IS_SIDEBAR_ROW (self), 0);

  return self->feed_id;
}

GtkWidget *
wenji_sidebar_row_new_for_tag (const char *tag)
{
  g_return_val_if_fail (tag != NULL, NULL);

  return g_object_new (WENJI_TYPE_SIDEBAR_ROW,
                       "icon-name", "wenji-tag-symbolic",
                       "title", tag,
                       "tag", tag,
                       NULL);
}

const char *
wenji_sidebar_row_get_tag (WenjiSidebarRow *self)
{
  g_return_val_if_fail (WENJI_IS_SIDEBAR_ROW (self), NULL);

  return self->tag;
}

void
wenji_sidebar_row_set_tag (WenjiSidebarRow *self,
                           const char      *tag)
{
  g_return_if_fail (WENJI_IS_SIDEBAR_ROW (self));

  if (g_strcmp0 (self->tag, tag) == 0)
    return;

  g_free (self->tag);
  self->tag = g_strdup (tag);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
}

WenjiArticleFilter
wenji_sidebar_row_get_filter (WenjiSidebarRow *self)
{
  g_return_val_if_fail (WENJI_IS_SIDEBAR_ROW (self), WENJI_ARTICLE_FILTER_ALL);

  return self->filter;
}

void
wenji_sidebar_row_set_filter (WenjiSidebarRow    *self,
                              WenjiArticleFilter  filter)
{
  g_return_if_fail (WENJI_IS_SIDEBAR_ROW (self));
  g_return_if_fail (filter <= WENJI_ARTICLE_FILTER_TRASH);

  if (self->filter == filter)
    return;

  self->filter = filter;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

const char *
wenji_sidebar_row_get_icon_name (WenjiSidebarRow *self)
{
  g_return_val_if_fail (WENJI_IS_SIDEBAR_ROW (self), NULL);

  return gtk_image_get_icon_name (self->icon);
}

void
wenji_sidebar_row_set_icon_name (WenjiSidebarRow *self,
                                 const char      *icon_name)
{
  g_return_if_fail (WENJI_IS_SIDEBAR_ROW (self));

  if (g_strcmp0 (gtk_image_get_icon_name (self->icon), icon_name) == 0)
    return;

  gtk_image_set_from_icon_name (self->icon, icon_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

const char *
wenji_sidebar_row_get_title (WenjiSidebarRow *self)
{
  g_return_val_if_fail (WENJI_IS_SIDEBAR_ROW (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
wenji_sidebar_row_set_title (WenjiSidebarRow *self,
                             const char      *title)
{
  g_return_if_fail (WENJI_IS_SIDEBAR_ROW (self));

  if (g_strcmp0 (gtk_label_get_label (self->title_label), title) == 0)
    return;

  gtk_label_set_label (self->title_label, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

guint
wenji_sidebar_row_get_count (WenjiSidebarRow *self)
{
  g_return_val_if_fail (WENJI_IS_SIDEBAR_ROW (self), 0);

  return self->count;
}

void
wenji_sidebar_row_set_count (WenjiSidebarRow *self,
                             guint            count)
{
  g_autofree char *text = NULL;

  g_return_if_fail (WENJI_IS_SIDEBAR_ROW (self));

  if (self->count == count)
    return;

  self->count = count;
  text = g_strdup_printf ("%u", count);
  gtk_label_set_label (self->count_label, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}
