/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A line of status with a shorter form: "1,030 characters · about 3 min"
 * where it fits, "1,030 characters" where it does not, cut short only when
 * even that is too long. A label would cut the long form in the middle of
 * a word, which is what a narrow article pane showed.
 */
#include "config.h"

#include "wenji-status-label.h"

struct _WenjiStatusLabel
{
  GtkWidget    parent_instance;

  char        *text;
  char        *short_text;
  PangoLayout *layout;
  PangoLayout *short_layout;
};

G_DEFINE_FINAL_TYPE (WenjiStatusLabel, wenji_status_label, GTK_TYPE_WIDGET)

static int
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);

  return width;
}

/* Fonts and the text may have changed: lay both forms out again. */
static void
update_layouts (WenjiStatusLabel *self)
{
  g_clear_object (&self->layout);
  g_clear_object (&self->short_layout);
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
  self->short_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->short_text);
  pango_layout_set_ellipsize (self->short_layout, PANGO_ELLIPSIZE_END);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
wenji_status_label_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  WenjiStatusLabel *self = WENJI_STATUS_LABEL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL) {
    /* It gives way to anything beside it, down to an ellipsis. */
    *minimum = 0;
    *natural = layout_width (self->layout);
  } else {
    pango_layout_get_pixel_size (self->layout, NULL, minimum);
    *natural = *minimum;
    *minimum_baseline = *natural_baseline = pango_layout_get_baseline (self->layout) / PANGO_SCALE;
  }
}

static PangoLayout *
visible_layout (WenjiStatusLabel *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (layout_width (self->layout) <= width)
    return self->layout;

  pango_layout_set_width (self->short_layout, width * PANGO_SCALE);
  return self->short_layout;
}

static void
wenji_status_label_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  WenjiStatusLabel *self = WENJI_STATUS_LABEL (widget);
  PangoLayout *layout = visible_layout (self);
  GdkRGBA color;
  int height;

  /* Centred on the line, as a label is. */
  pango_layout_get_pixel_size (layout, NULL, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (0, (gtk_widget_get_height (widget) - height) / 2));
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
wenji_status_label_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (wenji_status_label_parent_class)->css_changed (widget, change);

  update_layouts (WENJI_STATUS_LABEL (widget));
}

static void
wenji_status_label_finalize (GObject *object)
{
  WenjiStatusLabel *self = WENJI_STATUS_LABEL (object);

  g_free (self->text);
  g_free (self->short_text);
  g_clear_object (&self->layout);
  g_clear_object (&self->short_layout);

  G_OBJECT_CLASS (wenji_status_label_parent_class)->finalize (object);
}

static void
wenji_status_label_class_init (WenjiStatusLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = wenji_status_label_finalize;
  widget_class->measure = wenji_status_label_measure;
  widget_class->snapshot = wenji_status_label_snapshot;
  widget_class->css_changed = wenji_status_label_css_changed;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
wenji_status_label_init (WenjiStatusLabel *self)
{
  self->text = g_strdup ("");
  self->short_text = g_strdup ("");
  update_layouts (self);
}

GtkWidget *
wenji_status_label_new (void)
{
  return g_object_new (WENJI_TYPE_STATUS_LABEL, NULL);
}

/**
 * wenji_status_label_set_text:
 * @text: the whole status
 * @short_text: what to show when @text does not fit
 */
void
wenji_status_label_set_text (WenjiStatusLabel *self,
                             const char       *text,
                             const char       *short_text)
{
  g_return_if_fail (WENJI_IS_STATUS_LABEL (self));

  if (g_strcmp0 (self->text, text) == 0 && g_strcmp0 (self->short_text, short_text) == 0)
    return;

  g_free (self->text);
  g_free (self->short_text);
  self->text = g_strdup (text != NULL ? text : "");
  self->short_text = g_strdup (short_text != NULL ? short_text : "");
  update_layouts (self);
}

const char *
wenji_status_label_get_text (WenjiStatusLabel *self)
{
  g_return_val_if_fail (WENJI_IS_STATUS_LABEL (self), NULL);

  return self->text;
}

/**
 * wenji_status_label_get_visible_text:
 *
 * Returns: (nullable): the form that shows whole at the current width, or
 *   %NULL when even the short one is cut
 */
const char *
wenji_status_label_get_visible_text (WenjiStatusLabel *self)
{
  PangoLayout *layout;

  g_return_val_if_fail (WENJI_IS_STATUS_LABEL (self), NULL);

  layout = visible_layout (self);
  if (layout == self->layout)
    return self->text;

  return pango_layout_is_ellipsized (layout) ? NULL : self->short_text;
}
