/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wenji-sidebar.h"
#include "wenji-sidebar-row.h"
#include "wenji-tag-dialogs.h"

/*
 * The smart lists (All articles, Drafts, Ready, Published, Trash), the
 * followed feeds with their unread articles, and the tags, each with a
 * count. Choosing a row sets the filter, feed and tag of the article list;
 * the counts follow the library's "changed" signal. A tag's context menu
 * offers to rename, merge or delete it, through the actions of
 * wenji-tag-dialogs.c; a feed's to update or unfollow it.
 */
struct _WenjiSidebar
{
  GtkWidget         parent_instance;

  GtkListBox       *list_box;
  GtkWidget        *tag_menu;

  WenjiArticleList *article_list;
  WenjiLibrary     *library;

  WenjiSidebarRow  *filter_rows[WENJI_ARTICLE_FILTER_TRASH + 1];
  GtkWidget        *feeds_heading;
  /* (element-type WenjiSidebarRow) in the order of the library's feeds */
  GPtrArray        *feed_rows;
  GtkWidget        *tags_heading;
  /* (element-type WenjiSidebarRow) in the order of the library's tags */
  GPtrArray        *tag_rows;

  guint             updating;
};

G_DEFINE_FINAL_TYPE (WenjiSidebar, wenji_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE_LIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  WenjiArticleFilter  filter;
  const char         *icon_name;
  const char         *label;
} smart_lists[] = {
  { WENJI_ARTICLE_FILTER_ALL, "view-list-symbolic", N_("All Articles") },
  { WENJI_ARTICLE_FILTER_DRAFT, "document-edit-symbolic", N_("Drafts") },
  { WENJI_ARTICLE_FILTER_READY, "object-select-symbolic", N_("Ready") },
  { WENJI_ARTICLE_FILTER_PUBLISHED, "emblem-documents-symbolic", N_("Published") },
  { WENJI_ARTICLE_FILTER_TRASH, "user-trash-symbolic", N_("Trash") },
};

/* The row of @feed_id, else of @tag, else the smart list @filter's. */
static WenjiSidebarRow *
find_row (WenjiSidebar       *self,
          WenjiArticleFilter  filter,
          gint64             feed_id,
          const char         *tag)
{
  if (feed_id > 0) {
    for (guint i = 0; i < self->feed_rows->len; i++) {
      WenjiSidebarRow *row = g_ptr_array_index (self->feed_rows, i);

      if (wenji_sidebar_row_get_feed_id (row) == feed_id)
        return row;
    }
    return NULL;
  }
  if (tag == NULL)
    return self->filter_rows[filter];

  for (guint i = 0; i < self->tag_rows->len; i++) {
    WenjiSidebarRow *row = g_ptr_array_index (self->tag_rows, i);

    if (g_strcmp0 (wenji_sidebar_row_get_tag (row), tag) == 0)
      return row;
  }

  return NULL;
}

static void
sync_selection (WenjiSidebar *self)
{
  WenjiSidebarRow *row = NULL;

  if (self->article_list != NULL)
    row = find_row (self, wenji_article_list_get_filter (self->article_list),
                    wenji_article_list_get_feed_id (self->article_list),
                    wenji_article_list_get_tag (self->article_list));

  self->updating++;
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
  else
    gtk_list_box_unselect_all (self->list_box);
  self->updating--;
}

static gboolean
tag_names_equal (GPtrArray *rows,
                 GPtrArray *tags)
{
  if (rows->len != tags->len)
    return FALSE;

  for (guint i = 0; i < tags->len; i++) {
    WenjiTagCount *tag = g_ptr_array_index (tags, i);
    WenjiSidebarRow *row = g_ptr_array_index (rows, i);

    if (g_strcmp0 (wenji_sidebar_row_get_tag (row), tag->name) != 0)
      return FALSE;
  }

  return TRUE;
}

static void
rebuild_tag_rows (WenjiSidebar *self,
                  GPtrArray    *tags)
{
  for (guint i = 0; i < self->tag_rows->len; i++)
    gtk_list_box_remove (self->list_box, g_ptr_array_index (self->tag_rows, i));
  g_ptr_array_set_size (self->tag_rows, 0);

  for (guint i = 0; i < tags->len; i++) {
    WenjiTagCount *tag = g_ptr_array_index (tags, i);
    GtkWidget *row = wenji_sidebar_row_new_for_tag (tag->name);

    gtk_list_box_append (self->list_box, row);
    g_ptr_array_add (self->tag_rows, row);
  }
}

static gboolean
feeds_equal (GPtrArray *rows,
             GPtrArray *feeds)
{
  if (rows->len != feeds->len)
    return FALSE;

  for (guint i = 0; i < feeds->len; i++) {
    WenjiFeed *feed = g_ptr_array_index (feeds, i);
    WenjiSidebarRow *row = g_ptr_array_index (rows, i);

    if (wenji_sidebar_row_get_feed_id (row) != feed->id)
      return FALSE;
  }

  return TRUE;
}

/* The feeds' rows sit between their heading and the tags' heading. */
static void
refresh_feed_rows (WenjiSidebar *self,
                   GPtrArray    *feeds)
{
  if (!feeds_equal (self->feed_rows, feeds)) {
    int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->feeds_heading)) + 1;

    for (guint i = 0; i < self->feed_rows->len; i++)
      gtk_list_box_remove (self->list_box, g_ptr_array_index (self->feed_rows, i));
    g_ptr_array_set_size (self->feed_rows, 0);

    for (guint i = 0; i < feeds->len; i++) {
      GtkWidget *row = wenji_sidebar_row_new_for_feed (g_ptr_array_index (feeds, i));

      gtk_list_box_insert (self->list_box, row, position + i);
      g_ptr_array_add (self->feed_rows, row);
    }
  }

  /* A feed's name, its unread articles and its trouble change in place. */
  for (guint i = 0; i < feeds->len; i++) {
    WenjiFeed *feed = g_ptr_array_index (feeds, i);
    WenjiSidebarRow *row = g_ptr_array_index (self->feed_rows, i);

    wenji_sidebar_row_set_title (row, feed->title != NULL ? feed->title : feed->url);
    wenji_sidebar_row_set_icon_name (row, feed->error != NULL ? "dialog-warning-symbolic"
                                                              : "application-rss+xml-symbolic");
    gtk_widget_set_tooltip_text (GTK_WIDGET (row), feed->error != NULL ? feed->error : feed->url);
    wenji_sidebar_row_set_count (row, feed->unread);
  }

  gtk_widget_set_visible (self->feeds_heading, feeds->len > 0);
}

/**
 * wenji_sidebar_refresh:
 *
 * Reads the counts and tags again. Rows are only rebuilt when the set of
 * tags changed, so keyboard focus and selection survive ordinary edits.
 */
void
wenji_sidebar_refresh (WenjiSidebar *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (GPtrArray) feeds = NULL;
  WenjiStatusCounts counts = { 0 };

  g_return_if_fail (WENJI_IS_SIDEBAR (self));

  if (self->library == NULL)
    return;

  if (!wenji_library_count_articles (self->library, &counts, &error)) {
    g_warning ("Could not count articles: %s", error->message);
    g_clear_error (&error);
  }

  wenji_sidebar_row_set_count (self->filter_rows[WENJI_ARTICLE_FILTER_ALL], counts.all);
  wenji_sidebar_row_set_count (self->filter_rows[WENJI_ARTICLE_FILTER_DRAFT], counts.draft);
  wenji_sidebar_row_set_count (self->filter_rows[WENJI_ARTICLE_FILTER_READY], counts.ready);
  wenji_sidebar_row_set_count (self->filter_rows[WENJI_ARTICLE_FILTER_PUBLISHED],
                               counts.published);
  wenji_sidebar_row_set_count (self->filter_rows[WENJI_ARTICLE_FILTER_TRASH], counts.trash);

  tags = wenji_library_list_tags (self->library, &error);
  if (tags == NULL) {
    g_warning ("Could not list tags: %s", error->message);
    tags = g_ptr_array_new ();
  }

  feeds = wenji_library_list_feeds (self->library, &error);
  if (feeds == NULL) {
    g_warning ("Could not list feeds: %s", error->message);
    g_clear_error (&error);
    feeds = g_ptr_array_new ();
  }

  self->updating++;

  refresh_feed_rows (self, feeds);
  if (!tag_names_equal (self->tag_rows, tags))
    rebuild_tag_rows (self, tags);

  for (guint i = 0; i < tags->len; i++) {
    WenjiTagCount *tag = g_ptr_array_index (tags, i);

    wenji_sidebar_row_set_count (g_ptr_array_index (self->tag_rows, i), tag->count);
  }

  gtk_widget_set_visible (self->tags_heading, tags->len > 0);

  self->updating--;

  sync_selection (self);
}

static void
on_library_changed (WenjiSidebar *self,
                    gint64        article_id,
                    WenjiLibrary *library)
{
  wenji_sidebar_refresh (self);
}

static void
on_row_selected (WenjiSidebar  *self,
                 GtkListBoxRow *row,
                 GtkListBox    *list_box)
{
  if (self->updating > 0 || !WENJI_IS_SIDEBAR_ROW (row) || self->article_list == NULL)
    return;

  wenji_article_list_set_feed_id (self->article_list,
                                  wenji_sidebar_row_get_feed_id (WENJI_SIDEBAR_ROW (row)));
  wenji_article_list_set_tag (self->article_list,
                              wenji_sidebar_row_get_tag (WENJI_SIDEBAR_ROW (row)));
  wenji_article_list_set_filter (self->article_list,
                                 wenji_sidebar_row_get_filter (WENJI_SIDEBAR_ROW (row)));
}

/* Selects @row; the article list follows even when it was selected already. */
static void
select_row (WenjiSidebar    *self,
            WenjiSidebarRow *row)
{
  /* Selecting the row that is already selected emits nothing. */
  if (gtk_list_box_get_selected_row (self->list_box) == GTK_LIST_BOX_ROW (row))
    on_row_selected (self, GTK_LIST_BOX_ROW (row), self->list_box);
  else
    gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
}

static void
popup_tag_menu (WenjiSidebar *self,
                double        x,
                double        y)
{
  GtkListBoxRow *row;
  const char *tag;
  g_autoptr (GMenu) menu = NULL;
  g_autoptr (GMenuItem) rename = NULL;
  g_autoptr (GMenuItem) merge = NULL;
  g_autoptr (GMenuItem) delete = NULL;
  graphene_point_t point;

  if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->list_box),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  row = gtk_list_box_get_row_at_y (self->list_box, point.y);
  if (!WENJI_IS_SIDEBAR_ROW (row))
    return;
  tag = wenji_sidebar_row_get_tag (WENJI_SIDEBAR_ROW (row));
  menu = g_menu_new ();

  if (wenji_sidebar_row_get_feed_id (WENJI_SIDEBAR_ROW (row)) > 0) {
    gint64 feed_id = wenji_sidebar_row_get_feed_id (WENJI_SIDEBAR_ROW (row));
    g_autoptr (GMenuItem) update = g_menu_item_new (_("_Update"), NULL);
    g_autoptr (GMenuItem) unfollow = g_menu_item_new (_("_Unfollow"), NULL);

    g_menu_item_set_action_and_target_value (update, "win.update-feeds",
                                             g_variant_new_int64 (feed_id));
    g_menu_append_item (menu, update);
    g_menu_item_set_action_and_target_value (unfollow, "sidebar.unfollow-feed",
                                             g_variant_new_int64 (feed_id));
    g_menu_append_item (menu, unfollow);
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->tag_menu), G_MENU_MODEL (menu));
    gtk_popover_set_pointing_to (GTK_POPOVER (self->tag_menu), &(GdkRectangle) { x, y, 1, 1 });
    gtk_popover_popup (GTK_POPOVER (self->tag_menu));
    return;
  }
  if (tag == NULL)
    return;

  rename = g_menu_item_new (_("_Rename…"), NULL);
  g_menu_item_set_action_and_target_value (rename, "sidebar.rename-tag",
                                           g_variant_new_string (tag));
  g_menu_append_item (menu, rename);
  merge = g_menu_item_new (_("_Merge Into…"), NULL);
  g_menu_item_set_action_and_target_value (merge, "sidebar.merge-tag",
                                           g_variant_new_string (tag));
  g_menu_append_item (menu, merge);
  delete = g_menu_item_new (_("_Delete…"), NULL);
  g_menu_item_set_action_and_target_value (delete, "sidebar.delete-tag",
                                           g_variant_new_string (tag));
  g_menu_append_item (menu, delete);

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->tag_menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->tag_menu), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->tag_menu));
}

static void
on_right_click (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                WenjiSidebar    *self)
{
  popup_tag_menu (self, x, y);
}

static void
on_long_press (GtkGestureLongPress *gesture,
               double               x,
               double               y,
               WenjiSidebar        *self)
{
  popup_tag_menu (self, x, y);
}

static void
wenji_sidebar_dispose (GObject *object)
{
  WenjiSidebar *self = (WenjiSidebar *)object;
  GtkWidget *child;

  g_clear_pointer (&self->tag_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), WENJI_TYPE_SIDEBAR);
  /* Children without an id are not cleared by the template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->tag_rows, g_ptr_array_unref);
  g_clear_pointer (&self->feed_rows, g_ptr_array_unref);
  g_clear_object (&self->article_list);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (wenji_sidebar_parent_class)->dispose (object);
}

static void
wenji_sidebar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WenjiSidebar *self = WENJI_SIDEBAR (object);

  switch (prop_id) {
  case PROP_ARTICLE_LIST:
    g_value_set_object (value, self->article_list);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_sidebar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WenjiSidebar *self = WENJI_SIDEBAR (object);

  switch (prop_id) {
  case PROP_ARTICLE_LIST:
    wenji_sidebar_set_article_list (self, g_value_get_object (value));
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

/* Unfollowing loses nothing: the feed's articles stay, and following it
 * again skips them. */
static void
unfollow_feed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WenjiSidebar *self = WENJI_SIDEBAR (widget);
  g_autoptr (GError) error = NULL;
  gint64 feed_id = g_variant_get_int64 (parameter);

  if (self->library == NULL)
    return;

  /* Its articles go back to All Articles. */
  if (self->article_list != NULL &&
      wenji_article_list_get_feed_id (self->article_list) == feed_id)
    wenji_sidebar_select_filter (self, WENJI_ARTICLE_FILTER_ALL);

  if (!wenji_library_remove_feed (self->library, feed_id, &error)) {
    GtkRoot *root = gtk_widget_get_root (widget);
    GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                _("Could Not Unfollow the Feed"), error->message);

    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

static void
wenji_sidebar_class_init (WenjiSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenji_sidebar_dispose;
  object_class->get_property = wenji_sidebar_get_property;
  object_class->set_property = wenji_sidebar_set_property;

  properties[PROP_ARTICLE_LIST] =
    g_param_spec_object ("article-list", NULL, NULL,
                         WENJI_TYPE_ARTICLE_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wenji/Wenji/ui/wenji-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, WenjiSidebar, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);

  /* sidebar.rename-tag, .merge-tag, .delete-tag and their -confirmed forms */
  wenji_tag_dialogs_install_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "sidebar.unfollow-feed", "x",
                                   unfollow_feed_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wenji-sidebar");
}

static GtkWidget *
new_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "tags-heading");
  gtk_widget_set_visible (row, FALSE);

  return row;
}

static void
wenji_sidebar_init (WenjiSidebar *self)
{
  GtkWidget *heading;
  GtkGesture *click;
  GtkGesture *long_press;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->tag_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->tag_menu), FALSE);
  gtk_widget_set_halign (self->tag_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->tag_menu, GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_right_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));

  self->tag_rows = g_ptr_array_new ();
  self->feed_rows = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (smart_lists); i++) {
    GtkWidget *row = g_object_new (WENJI_TYPE_SIDEBAR_ROW,
                                   "filter", smart_lists[i].filter,
                                   "icon-name", smart_lists[i].icon_name,
                                   "title", _(smart_lists[i].label),
                                   NULL);

    self->filter_rows[smart_lists[i].filter] = WENJI_SIDEBAR_ROW (row);
    gtk_list_box_append (self->list_box, row);
  }

  self->feeds_heading = new_heading (_("Feeds"));
  gtk_list_box_append (self->list_box, self->feeds_heading);

  heading = gtk_label_new (_("Tags"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "dim-label");
  self->tags_heading = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->tags_heading), heading);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self->tags_heading), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->tags_heading), FALSE);
  gtk_widget_set_focusable (self->tags_heading, FALSE);
  gtk_widget_add_css_class (self->tags_heading, "tags-heading");
  gtk_widget_set_visible (self->tags_heading, FALSE);
  gtk_list_box_append (self->list_box, self->tags_heading);
}

WenjiArticleList *
wenji_sidebar_get_article_list (WenjiSidebar *self)
{
  g_return_val_if_fail (WENJI_IS_SIDEBAR (self), NULL);

  return self->article_list;
}

void
wenji_sidebar_set_article_list (WenjiSidebar     *self,
                                WenjiArticleList *list)
{
  g_return_if_fail (WENJI_IS_SIDEBAR (self));
  g_return_if_fail (list == NULL || WENJI_IS_ARTICLE_LIST (list));

  if (self->article_list == list)
    return;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, on_library_changed, self);

  g_set_object (&self->article_list, list);
  g_clear_object (&self->library);
  if (list != NULL)
    self->library = g_object_ref (wenji_article_list_get_library (list));

  if (self->library != NULL)
    g_signal_connect_object (self->library, "changed",
                             G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);

  wenji_sidebar_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_LIST]);
}

/**
 * wenji_sidebar_select_filter:
 * @filter: a smart list
 *
 * Selects the row of @filter, and shows its articles in the article list.
 */
void
wenji_sidebar_select_filter (WenjiSidebar       *self,
                             WenjiArticleFilter  filter)
{
  g_return_if_fail (WENJI_IS_SIDEBAR (self));
  g_return_if_fail (filter <= WENJI_ARTICLE_FILTER_TRASH);

  select_row (self, find_row (self, filter, 0, NULL));
}

/**
 * wenji_sidebar_select_tag:
 * @tag: a tag, as the library spells it
 *
 * Selects the row of @tag, and shows its articles in the article list.
 *
 * Returns: whether the sidebar has a row for @tag
 */
gboolean
wenji_sidebar_select_tag (WenjiSidebar *self,
                          const char   *tag)
{
  WenjiSidebarRow *row;

  g_return_val_if_fail (WENJI_IS_SIDEBAR (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  row = find_row (self, WENJI_ARTICLE_FILTER_ALL, 0, tag);
  if (row == NULL)
    return FALSE;

  select_row (self, row);
  return TRUE;
}
