/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wenji-search-row.h"
#include "wenji-page-setup.h"

/* One row of the search results: the title, then the snippet with its matches marked. */
struct _WenjiSearchRow
{
  GtkWidget          parent_instance;

  GtkLabel          *title_label;
  GtkLabel          *snippet_label;

  WenjiSearchResult *result;
};

G_DEFINE_FINAL_TYPE (WenjiSearchRow, wenji_search_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RESULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_labels (WenjiSearchRow *self)
{
  g_autofree char *markup = NULL;
  const char *title;
  PangoAttrList *attrs;

  if (self->result == NULL) {
    gtk_label_set_label (self->title_label, "");
    gtk_label_set_label (self->snippet_label, "");
    return;
  }

  title = wenji_search_result_get_title (self->result);
  if (title == NULL || *title == '\0')
    title = _("Untitled");

  /* The glyphs of 减负 and 減負 differ between Simplified and Traditional fonts. */
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs,
                          pango_attr_language_new (
                            wenji_pango_language (wenji_search_result_get_lang (self->result))));
  gtk_label_set_attributes (self->title_label, attrs);
  gtk_label_set_attributes (self->snippet_label, attrs);
  pango_attr_list_unref (attrs);

  markup = wenji_search_result_format_snippet (wenji_search_result_get_snippet (self->result));
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_markup (self->snippet_label, markup);
}

static void
wenji_search_row_dispose (GObject *object)
{
  WenjiSearchRow *self = (WenjiSearchRow *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), WENJI_TYPE_SEARCH_ROW);
  /* Children without an id are not cleared by the template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (wenji_search_row_parent_class)->dispose (object);
}

static void
wenji_search_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WenjiSearchRow *self = WENJI_SEARCH_ROW (object);

  switch (prop_id) {
  case PROP_RESULT:
    g_value_set_object (value, self->result);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_search_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WenjiSearchRow *self = WENJI_SEARCH_ROW (object);

  switch (prop_id) {
  case PROP_RESULT:
    wenji_search_row_set_result (self, g_value_get_object (value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_search_row_class_init (WenjiSearchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenji_search_row_dispose;
  object_class->get_property = wenji_search_row_get_property;
  object_class->set_property = wenji_search_row_set_property;

  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL,
                         WENJI_TYPE_SEARCH_RESULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wenji/Wenji/ui/wenji-search-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WenjiSearchRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, WenjiSearchRow, snippet_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wenji-search-row");
}

static void
wenji_search_row_init (WenjiSearchRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WenjiSearchResult *
wenji_search_row_get_result (WenjiSearchRow *self)
{
  g_return_val_if_fail (WENJI_IS_SEARCH_ROW (self), NULL);

  return self->result;
}

void
wenji_search_row_set_result (WenjiSearchRow    *self,
                             WenjiSearchResult *result)
{
  g_return_if_fail (WENJI_IS_SEARCH_ROW (self));
  g_return_if_fail (result == NULL || WENJI_IS_SEARCH_RESULT (result));

  if (!g_set_object (&self->result, result))
    return;

  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}
