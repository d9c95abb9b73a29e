/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * WenjiPreview: the pages of the render library, the same ones the PDF
 * holds, as white sheets on a grey desk, one under the other. It scrolls
 * itself (GtkScrollable) so that only the pages in view are drawn; each
 * drawn page is kept as a render node until the document or the zoom
 * changes, so scrolling does not draw text again. The pages have the size,
 * fonts and indent of the preferences and are laid out again when those
 * change.
 */
#include "config.h"

#include <adwaita.h>

#include "wenji-preview.h"
#include "wenji-settings.h"

/* Around and between pages, in pixels. */
#define GAP 24
#define MIN_ZOOM 0.25
#define MAX_ZOOM 4.0
#define ZOOM_STEP 1.2
/* 100 % shows a point as a CSS pixel at 96 dpi: paper at its real size. */
#define PX_PER_PT (96.0 / 72.0)

struct _WenjiPreview
{
  GtkWidget        parent_instance;

  WenjiPageLayout *layout;
  GSettings       *settings;     /* NULL without the installed schema */
  GtkAdjustment   *hadjustment;
  GtkAdjustment   *vadjustment;
  guint            hscroll_policy : 1;
  guint            vscroll_policy : 1;

  /* 0 fits the page width to the widget */
  double           zoom;
  double           node_scale;
  GPtrArray       *nodes;        /* GskRenderNode per page, or NULL */
  guint            n_pages_drawn;

  /* the owner sets the page setup, not the preferences */
  gboolean          own_setup;
};

static void wenji_preview_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WenjiPreview, wenji_preview, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      wenji_preview_scrollable_init))

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_N_PAGES,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

static void
wenji_preview_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
page_size_pt (WenjiPreview *self,
              double       *width,
              double       *height)
{
  wenji_page_layout_get_page_size (self->layout, width, height);
}

/* Pixels per point at the current zoom and width. */
static double
get_scale (WenjiPreview *self)
{
  double width, height;
  int available = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * GAP;

  if (self->zoom > 0)
    return self->zoom * PX_PER_PT;

  page_size_pt (self, &width, &height);
  if (available <= 0)
    return PX_PER_PT;

  return CLAMP (available / width, MIN_ZOOM * PX_PER_PT, MAX_ZOOM * PX_PER_PT);
}

/* Pages not drawn yet hold NULL. */
static void
node_free (gpointer node)
{
  if (node != NULL)
    gsk_render_node_unref (node);
}

static void
drop_nodes (WenjiPreview *self)
{
  g_ptr_array_set_size (self->nodes, 0);
  g_ptr_array_set_size (self->nodes, wenji_page_layout_get_n_pages (self->layout));
}

static void
content_size (WenjiPreview *self,
              double        scale,
              double       *width,
              double       *height)
{
  double page_w, page_h;
  guint n_pages = wenji_page_layout_get_n_pages (self->layout);

  page_size_pt (self, &page_w, &page_h);
  *width = page_w * scale + 2 * GAP;
  *height = n_pages * (page_h * scale + GAP) + GAP;
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         upper,
                      double         page_size)
{
  double value;

  if (adjustment == NULL)
    return;

  upper = MAX (upper, page_size);
  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - page_size);
  gtk_adjustment_configure (adjustment, value, 0, upper,
                            page_size * 0.1, page_size * 0.9, page_size);
}

static void
update_adjustments (WenjiPreview *self)
{
  double scale = get_scale (self);
  double width, height;

  content_size (self, scale, &width, &height);
  configure_adjustment (self->hadjustment, width, gtk_widget_get_width (GTK_WIDGET (self)));
  configure_adjustment (self->vadjustment, height, gtk_widget_get_height (GTK_WIDGET (self)));
}

static void
wenji_preview_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  update_adjustments (WENJI_PREVIEW (widget));
}

static GskRenderNode *
draw_page_node (WenjiPreview *self,
                guint         page,
                double        scale)
{
  double page_w, page_h;
  GskRenderNode *node;
  cairo_t *cr;

  page_size_pt (self, &page_w, &page_h);
  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, ceil (page_w * scale),
                                                  ceil (page_h * scale)));
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_scale (cr, scale, scale);
  wenji_page_layout_draw_page (self->layout, cr, page);
  cairo_destroy (cr);

  return node;
}

static void
wenji_preview_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  WenjiPreview *self = WENJI_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double scale = get_scale (self);
  double page_w, page_h, x, y0, top;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA desk = dark ? (GdkRGBA) { 0.16, 0.16, 0.16, 1 } : (GdkRGBA) { 0.87, 0.87, 0.86, 1 };
  GdkRGBA shadow = { 0, 0, 0, dark ? 0.6 : 0.25 };
  guint n_pages = wenji_page_layout_get_n_pages (self->layout);

  self->n_pages_drawn = 0;
  gtk_snapshot_append_color (snapshot, &desk, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (scale != self->node_scale || self->nodes->len != n_pages) {
    drop_nodes (self);
    self->node_scale = scale;
  }

  page_size_pt (self, &page_w, &page_h);
  page_w = ceil (page_w * scale);
  page_h = ceil (page_h * scale);
  top = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
  x = MAX (GAP, (width - page_w) / 2) -
      (self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0);
  x = floor (x);

  for (guint i = 0; i < n_pages; i++) {
    GskRoundedRect outline;

    y0 = floor (GAP + i * (page_h + GAP) - top);
    if (y0 + page_h < 0)
      continue;
    if (y0 > height)
      break;

    if (self->nodes->pdata[i] == NULL)
      self->nodes->pdata[i] = draw_page_node (self, i, scale);

    gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y0, page_w, page_h), 0);
    gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 1, 6);
    gtk_snapshot_save (snapshot);
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y0));
    gtk_snapshot_append_node (snapshot, self->nodes->pdata[i]);
    gtk_snapshot_restore (snapshot);
    self->n_pages_drawn++;
  }
}

/* After the layout laid its pages out again: draw them anew. */
static void
pages_changed (WenjiPreview *self,
               guint         old_n_pages)
{
  drop_nodes (self);
  update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (old_n_pages != wenji_page_layout_get_n_pages (self->layout))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

static void
on_settings_changed (WenjiPreview *self)
{
  WenjiPageSetup setup;
  guint n_pages = wenji_page_layout_get_n_pages (self->layout);

  if (self->own_setup)
    return;

  /* Other keys change too (the window's size): only a new setup re-lays. */
  wenji_settings_get_page_setup (self->settings, &setup);
  if (wenji_page_layout_set_setup (self->layout, &setup))
    pages_changed (self, n_pages);
}

static void
on_adjustment_value_changed (WenjiPreview *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (WenjiPreview   *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  g_set_object (slot, adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (on_adjustment_value_changed), self);
  update_adjustments (self);
}

static void
zoom_by (WenjiPreview *self,
         double        factor)
{
  wenji_preview_set_zoom (self, get_scale (self) / PX_PER_PT * factor);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zoom_by (WENJI_PREVIEW (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  zoom_by (WENJI_PREVIEW (widget), 1 / ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  wenji_preview_set_zoom (WENJI_PREVIEW (widget), 0);
}

/* Ctrl and the wheel zoom, as in a document viewer. */
static gboolean
on_scroll (WenjiPreview             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return GDK_EVENT_PROPAGATE;

  zoom_by (self, dy < 0 ? ZOOM_STEP : 1 / ZOOM_STEP);

  return GDK_EVENT_STOP;
}

static void
on_pressed (WenjiPreview *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
wenji_preview_dispose (GObject *object)
{
  WenjiPreview *self = WENJI_PREVIEW (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->layout);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);

  G_OBJECT_CLASS (wenji_preview_parent_class)->dispose (object);
}

static void
wenji_preview_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WenjiPreview *self = WENJI_PREVIEW (object);

  switch (prop_id) {
  case PROP_ZOOM:
    g_value_set_double (value, wenji_preview_get_zoom (self));
    break;
  case PROP_N_PAGES:
    g_value_set_uint (value, wenji_preview_get_n_pages (self));
    break;
  case PROP_HADJUSTMENT:
    g_value_set_object (value, self->hadjustment);
    break;
  case PROP_VADJUSTMENT:
    g_value_set_object (value, self->vadjustment);
    break;
  case PROP_HSCROLL_POLICY:
    g_value_set_enum (value, self->hscroll_policy);
    break;
  case PROP_VSCROLL_POLICY:
    g_value_set_enum (value, self->vscroll_policy);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_preview_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WenjiPreview *self = WENJI_PREVIEW (object);

  switch (prop_id) {
  case PROP_ZOOM:
    wenji_preview_set_zoom (self, g_value_get_double (value));
    break;
  case PROP_HADJUSTMENT:
    set_adjustment (self, &self->hadjustment, g_value_get_object (value));
    break;
  case PROP_VADJUSTMENT:
    set_adjustment (self, &self->vadjustment, g_value_get_object (value));
    break;
  case PROP_HSCROLL_POLICY:
    self->hscroll_policy = g_value_get_enum (value);
    gtk_widget_queue_resize (GTK_WIDGET (self));
    break;
  case PROP_VSCROLL_POLICY:
    self->vscroll_policy = g_value_get_enum (value);
    gtk_widget_queue_resize (GTK_WIDGET (self));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_preview_class_init (WenjiPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenji_preview_dispose;
  object_class->get_property = wenji_preview_get_property;
  object_class->set_property = wenji_preview_set_property;
  widget_class->size_allocate = wenji_preview_size_allocate;
  widget_class->snapshot = wenji_preview_snapshot;

  /* The zoom relative to the paper's real size; 0 fits the width. */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0, MAX_ZOOM, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_fit_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "preview.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "preview.zoom-fit", NULL);

  gtk_widget_class_set_css_name (widget_class, "wenji-preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
wenji_preview_init (WenjiPreview *self)
{
  WenjiPageSetup setup;
  GtkEventController *scroll;
  GtkGesture *click;

  self->settings = wenji_settings_new ();
  if (self->settings != NULL) {
    wenji_settings_get_page_setup (self->settings, &setup);
    g_signal_connect_object (self->settings, "changed",
                             G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  } else {
    wenji_page_setup_init (&setup);
  }
  self->layout = wenji_page_layout_new (&setup);
  self->nodes = g_ptr_array_new_with_free_func (node_free);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
wenji_preview_new (void)
{
  return g_object_new (WENJI_TYPE_PREVIEW, NULL);
}

/**
 * wenji_preview_get_layout:
 *
 * Returns: (transfer none): the pages shown
 */
WenjiPageLayout *
wenji_preview_get_layout (WenjiPreview *self)
{
  g_return_val_if_fail (WENJI_IS_PREVIEW (self), NULL);

  return self->layout;
}

/**
 * wenji_preview_set_document:
 * @document: a new version of the document, or another one
 *
 * Lays out the blocks that changed since the last document (the others come
 * from the layout's cache), paginates and draws again.
 */
void
wenji_preview_set_document (WenjiPreview  *self,
                            WenjiDocument *document)
{
  guint n_pages;

  g_return_if_fail (WENJI_IS_PREVIEW (self));
  g_return_if_fail (WENJI_IS_DOCUMENT (document));

  n_pages = wenji_page_layout_get_n_pages (self->layout);
  wenji_page_layout_set_document (self->layout, document);
  pages_changed (self, n_pages);
}

guint
wenji_preview_get_n_pages (WenjiPreview *self)
{
  g_return_val_if_fail (WENJI_IS_PREVIEW (self), 0);

  if (wenji_page_layout_get_document (self->layout) == NULL)
    return 0;

  return wenji_page_layout_get_n_pages (self->layout);
}

/**
 * wenji_preview_get_zoom:
 *
 * Returns: the zoom in effect, 1 for the paper's real size, also when the
 *   preview fits the width
 */
double
wenji_preview_get_zoom (WenjiPreview *self)
{
  g_return_val_if_fail (WENJI_IS_PREVIEW (self), 1);

  return get_scale (self) / PX_PER_PT;
}

/**
 * wenji_preview_set_zoom:
 * @zoom: 1 for the paper's real size, 0 to fit the width
 */
void
wenji_preview_set_zoom (WenjiPreview *self,
                        double        zoom)
{
  double fraction = 0;

  g_return_if_fail (WENJI_IS_PREVIEW (self));

  if (zoom != 0)
    zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  /* Keep the same place of the document in view. */
  if (self->vadjustment != NULL && gtk_adjustment_get_upper (self->vadjustment) > 0)
    fraction = gtk_adjustment_get_value (self->vadjustment) /
               gtk_adjustment_get_upper (self->vadjustment);

  self->zoom = zoom;
  update_adjustments (self);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment,
                              fraction * gtk_adjustment_get_upper (self->vadjustment));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * wenji_preview_show_page:
 * @page: a page, from 0
 *
 * Scrolls to @page unless it already fills the middle of the view.
 */
void
wenji_preview_show_page (WenjiPreview *self,
                         guint         page)
{
  double scale, page_w, page_h, top, middle;

  g_return_if_fail (WENJI_IS_PREVIEW (self));

  if (self->vadjustment == NULL || page >= wenji_preview_get_n_pages (self))
    return;

  scale = get_scale (self);
  page_size_pt (self, &page_w, &page_h);
  page_h = ceil (page_h * scale);
  top = GAP + page * (page_h + GAP);
  middle = gtk_adjustment_get_value (self->vadjustment) +
           gtk_adjustment_get_page_size (self->vadjustment) / 2;

  if (middle >= top && middle < top + page_h + GAP)
    return;

  gtk_adjustment_set_value (self->vadjustment, top - GAP / 2);
}

/**
 * wenji_preview_get_n_pages_drawn:
 *
 * Returns: how many pages the last frame drew: those in view
 */
guint
wenji_preview_get_n_pages_drawn (WenjiPreview *self)
{
  g_return_val_if_fail (WENJI_IS_PREVIEW (self), 0);

  return self->n_pages_drawn;
}

/**
 * wenji_preview_set_page_setup:
 * @setup: the page setup to lay the pages out with, from now on instead of
 *   the preferences'
 */
void
wenji_preview_set_page_setup (WenjiPreview         *self,
                              const WenjiPageSetup *setup)
{
  guint n_pages;

  g_return_if_fail (WENJI_IS_PREVIEW (self));
  g_return_if_fail (setup != NULL);

  self->own_setup = TRUE;
  n_pages = wenji_page_layout_get_n_pages (self->layout);
  if (wenji_page_layout_set_setup (self->layout, setup))
    pages_changed (self, n_pages);
}
