/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gobject/gvaluecollector.h>

#include "app-test-harness.h"
#include "test-scratch.h"
#include "wenji-export-dialog.h"
#include "wenji-sidebar-row.h"

/* Initialises GTK and libadwaita and loads the app's stylesheet, which
 * WenjiApplication (AdwApplication) would load; these tests have no
 * application. FALSE without a display. */
gboolean
app_test_init_gtk (void)
{
  g_autoptr (GtkCssProvider) css = NULL;

  if (!gtk_init_check ())
    return FALSE;
  adw_init ();

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/wenji/Wenji/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  return TRUE;
}

/* g_test_init() and app_test_init_gtk(); without a display, marks the run
 * skipped and returns FALSE: main() then returns g_test_run(). */
gboolean
app_test_init (int    *argc,
               char ***argv)
{
  g_test_init (argc, argv, NULL);

  if (!app_test_init_gtk ()) {
    g_test_skip ("No display");
    return FALSE;
  }

  return TRUE;
}

/* A scratch folder and the path of a library in it, not yet created. */
void
app_test_fixture_setup_scratch (AppTestFixture *fixture,
                                gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *template = g_strdup_printf ("wenji-%s-XXXXXX", program);

  fixture->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
}

void
app_test_fixture_open_library (AppTestFixture *fixture)
{
  g_autoptr (GError) error = NULL;

  app_test_fixture_setup_scratch (fixture, NULL);
  fixture->library = wenji_library_open (fixture->path, &error);
  g_assert_no_error (error);
}

/* A window on the fixture's library, at its default size when @width and
 * @height are 0, presented and drawn once. */
void
app_test_fixture_present (AppTestFixture *fixture,
                          int             width,
                          int             height)
{
  fixture->window = g_object_ref (wenji_window_new (NULL, fixture->library));
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  app_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

/* A library that @fill (an AppTestFill, or NULL) fills, in a window. */
void
app_test_fixture_setup (AppTestFixture *fixture,
                        gconstpointer   fill)
{
  AppTestFill fill_func = (AppTestFill) fill;

  app_test_fixture_open_library (fixture);
  if (fill_func != NULL)
    fill_func (fixture->library);
  app_test_fixture_present (fixture, 0, 0);
}

/* Destroys the window and checks that nothing keeps it or the library
 * alive, then removes the scratch folder. */
void
app_test_fixture_teardown (AppTestFixture *fixture,
                           gconstpointer   data)
{
  if (fixture->window != NULL) {
    gtk_window_destroy (GTK_WINDOW (fixture->window));
    app_test_wait_for_finalize (g_steal_pointer (&fixture->window));
  }
  if (fixture->library != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->library));

  scratch_remove (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

gint64
app_test_add_article (WenjiLibrary *library,
                      const char   *title,
                      const char   *body,
                      const char   *source,
                      const char   *published_at,
                      const char   *status,
                      const char   *lang)
{
  g_autoptr (WenjiArticle) article = wenji_article_new ();
  g_autoptr (GError) error = NULL;

  wenji_article_set_title (article, title);
  wenji_article_set_body (article, body);
  wenji_article_set_source (article, source);
  wenji_article_set_published_at (article, published_at);
  if (status != NULL)
    wenji_article_set_status (article, status);
  wenji_article_set_lang (article, lang);
  g_assert_true (wenji_library_insert_article (library, article, &error));
  g_assert_no_error (error);

  return wenji_article_get_id (article);
}

/* Three articles: two Simplified with tags, one Traditional draft. */
void
app_test_fill_library (WenjiLibrary *library)
{
  g_autoptr (GError) error = NULL;
  gint64 id;

  id = app_test_add_article (library, "基层减负不能变成“纸面减负”",
                             "基层减负是一个老话题。近年来，从中央到地方，纷纷出台措施，"
                             "为基层干部松绑减负。\n\n## 形式主义的新变种\n\n"
                             "一些地方把**“留痕”**当成了工作本身，文件越发越多。",
                             "人民日报", "2026-11-20", WENJI_STATUS_PUBLISHED, WENJI_LANG_HANS);
  g_assert_true (wenji_library_add_tag (library, id, "评论", &error));
  g_assert_no_error (error);
  g_assert_true (wenji_library_add_tag (library, id, "基层治理", &error));
  g_assert_no_error (error);

  id = app_test_add_article (library, "城市更新要留住烟火气",
                             "老街区的改造，既要改善居住条件，也要留住街坊邻里的生活气息。",
                             "光明日报", "2026-11-18", WENJI_STATUS_READY, WENJI_LANG_HANS);
  g_assert_true (wenji_library_add_tag (library, id, "评论", &error));
  g_assert_no_error (error);

  app_test_add_article (library, "數位時代的閱讀習慣",
                        "在資訊爆炸的時代，深度閱讀顯得格外珍貴。",
                        "聯合報", NULL, WENJI_STATUS_DRAFT, WENJI_LANG_HANT);
}

WenjiStatusCounts
app_test_count_articles (WenjiLibrary *library)
{
  g_autoptr (GError) error = NULL;
  WenjiStatusCounts counts = { 0 };

  g_assert_true (wenji_library_count_articles (library, &counts, &error));
  g_assert_no_error (error);

  return counts;
}

gboolean
app_test_list_has_title (GListModel *model,
                         const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++) {
    g_autoptr (WenjiArticleSummary) summary = g_list_model_get_item (model, i);

    if (g_strcmp0 (wenji_article_summary_get_title (summary), title) == 0)
      return TRUE;
  }

  return FALSE;
}

static gboolean
on_deadline (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, or for APP_TEST_DEADLINE_S at
 * most; returns what @done says at the end. Each turn of the loop waits
 * for something to happen: a source to dispatch, an event to arrive. */
static gboolean
run_until (AppTestCondition done,
           gpointer         data)
{
  gboolean late = FALSE;
  guint deadline_id = g_timeout_add_seconds (APP_TEST_DEADLINE_S, on_deadline, &late);

  while (!done (data) && !late)
    g_main_context_iteration (NULL, TRUE);

  if (!late)
    g_source_remove (deadline_id);

  return done (data);
}

/* Runs the main loop until @done says so; fails the test with @what when it
 * does not by the deadline. */
void
app_test_wait_until_at (const char       *file,
                        int               line,
                        const char       *func,
                        AppTestCondition  done,
                        gpointer          data,
                        const char       *what)
{
  g_autofree char *message = NULL;

  if (run_until (done, data))
    return;

  message = g_strdup_printf ("Waited %d s for %s", APP_TEST_DEADLINE_S, what);
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

typedef struct {
  GObject      *object;
  GParamSpec   *pspec;
  const GValue *expected;
} PropertyWait;

static gboolean
property_has_value (gpointer data)
{
  PropertyWait *wait = data;
  g_auto (GValue) value = G_VALUE_INIT;

  g_value_init (&value, wait->pspec->value_type);
  g_object_get_property (wait->object, wait->pspec->name, &value);

  return g_param_values_cmp (wait->pspec, &value, wait->expected) == 0;
}

/* Runs the main loop until @object's property @name has the value that
 * follows, given as the property's type (a string, an enum's value, a
 * gint64 cast as one…); fails the test, saying what the value is, when it
 * does not get there by the deadline. */
void
app_test_wait_for_property_at (const char *file,
                               int         line,
                               const char *func,
                               gpointer    object,
                               const char *name,
                               ...)
{
  g_auto (GValue) expected = G_VALUE_INIT;
  g_auto (GValue) value = G_VALUE_INIT;
  g_autofree char *error = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *found = NULL;
  g_autofree char *message = NULL;
  PropertyWait wait = { G_OBJECT (object), NULL, &expected };
  va_list args;

  wait.pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
  if (wait.pspec == NULL) {
    message = g_strdup_printf ("%s has no property “%s”", G_OBJECT_TYPE_NAME (object), name);
    g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
    return;
  }

  va_start (args, name);
  G_VALUE_COLLECT_INIT (&expected, wait.pspec->value_type, args, 0, &error);
  va_end (args);
  g_assert_null (error);

  if (run_until (property_has_value, &wait))
    return;

  g_value_init (&value, wait.pspec->value_type);
  g_object_get_property (wait.object, name, &value);
  wanted = g_strdup_value_contents (&expected);
  found = g_strdup_value_contents (&value);
  message = g_strdup_printf ("Waited %d s for %s:%s to be %s; it is %s", APP_TEST_DEADLINE_S,
                             G_OBJECT_TYPE_NAME (object), name, wanted, found);
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Drops the caller's reference to @object and runs the main loop until it
 * is finalized: what was queued before runs and lets go of it. Fails the
 * test when something still holds it at the deadline. */
void
app_test_wait_for_finalize_at (const char *file,
                               int         line,
                               const char *func,
                               gpointer    object)
{
  g_autofree char *type_name = g_strdup (G_OBJECT_TYPE_NAME (object));
  g_autofree char *message = NULL;
  gpointer weak = object;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);

  if (run_until (pointer_cleared, &weak))
    return;

  g_object_remove_weak_pointer (weak, &weak);
  message = g_strdup_printf ("%s %p is still alive after %d s: a reference leaks",
                             type_name, weak, APP_TEST_DEADLINE_S);
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Runs the main loop until @widget's window has laid out and painted a
 * frame: what was queued before is allocated and drawn. */
void
app_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  app_test_wait_until (flag_set, &painted, "a frame to be painted");
  g_signal_handler_disconnect (clock, handler);
}

/* Runs the main loop until the editor's status line and preview show what
 * it holds, laid out and drawn. */
void
app_test_wait_for_editor (WenjiEditor *editor)
{
  app_test_wait_for_property (editor, "refresh-pending", FALSE);
  app_test_wait_for_frame (GTK_WIDGET (editor));
}

/* The export dialog of @window, which is open. */
static WenjiExportDialog *
find_export_dialog (WenjiWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  WenjiExportDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++) {
    g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

    if (WENJI_IS_EXPORT_DIALOG (toplevel) &&
        gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window)) {
      g_assert_null (found);
      found = WENJI_EXPORT_DIALOG (toplevel);
    }
  }
  g_assert_nonnull (found);

  return found;
}

static void
on_export_finished (WenjiExportDialog  *dialog,
                    const char         *path,
                    char              **written)
{
  g_free (*written);
  *written = g_strdup (path);
}

/* Exports what the window has selected to @name in the scratch folder, as
 * @format ("pdf", "html" or "md"), through the export dialog and its
 * defaults; with @screenshot, keeps a picture of the dialog. Returns the
 * path written, once the dialog has said so and closed. */
char *
app_test_export (AppTestFixture *fixture,
                 const char     *format,
                 const char     *name,
                 gboolean        screenshot)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *written = NULL;
  WenjiExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  dialog = g_object_ref (find_export_dialog (fixture->window));
  g_signal_connect (dialog, "finished", G_CALLBACK (on_export_finished), &written);
  wenji_export_dialog_set_format (dialog, format);
  wenji_export_dialog_set_destination (dialog, path);
  if (screenshot)
    app_test_save_screenshot (GTK_WIDGET (dialog), "wenji-export.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  app_test_wait_for_finalize (dialog);
  g_assert_cmpstr (written, ==, path);

  return g_steal_pointer (&path);
}

typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

/* Adds the widgets of @widget's tree, @widget included, that @match
 * accepts to @found, in the order of the tree. */
static void
collect (GtkWidget     *widget,
         WidgetMatch    match,
         gconstpointer  data,
         GPtrArray     *found)
{
  if (match (widget, data))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, match, data, found);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
shows_text (GtkWidget     *widget,
            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

/* Every widget of @type in @widget's tree, @widget included, in the order
 * of the tree; the array holds no references. */
GPtrArray *
app_test_find_widgets (GtkWidget *widget,
                       GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (widget, is_of_type, GSIZE_TO_POINTER (type), found);

  return found;
}

/* The widget of @type in @widget's tree, @widget included; fails the test
 * unless there is exactly one. */
GtkWidget *
app_test_find_widget (GtkWidget *widget,
                      GType      type)
{
  g_autoptr (GPtrArray) found = app_test_find_widgets (widget, type);

  if (found->len != 1)
    g_error ("%u widgets of type %s in the tree of %s, not one",
             found->len, g_type_name (type), G_OBJECT_TYPE_NAME (widget));

  return found->pdata[0];
}

/* The first label in @widget's tree that shows @text, or NULL. */
GtkWidget *
app_test_find_label (GtkWidget  *widget,
                     const char *text)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect (widget, shows_text, text, found);

  return found->len > 0 ? found->pdata[0] : NULL;
}

/* The button (or other actionable) in @widget's tree that activates
 * @action_name, as the user sees it; fails the test unless there is
 * exactly one. */
GtkWidget *
app_test_find_actionable (GtkWidget  *widget,
                          const char *action_name)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect (widget, has_action, action_name, found);
  if (found->len != 1)
    g_error ("%u widgets for the action %s in the tree of %s, not one",
             found->len, action_name, G_OBJECT_TYPE_NAME (widget));

  return found->pdata[0];
}

/* The sidebar row in @widget's tree for @tag, or when @tag is NULL for
 * the smart list @filter, found by the rows' properties; NULL when there
 * is none. */
GtkWidget *
app_test_find_sidebar_row (GtkWidget          *widget,
                           WenjiArticleFilter  filter,
                           const char         *tag)
{
  g_autoptr (GPtrArray) rows = app_test_find_widgets (widget, WENJI_TYPE_SIDEBAR_ROW);

  for (guint i = 0; i < rows->len; i++) {
    g_autofree char *row_tag = NULL;
    WenjiArticleFilter row_filter;

    g_object_get (rows->pdata[i], "tag", &row_tag, "filter", &row_filter, NULL);
    if (g_strcmp0 (row_tag, tag) == 0 && (tag != NULL || row_filter == filter))
      return rows->pdata[i];
  }

  return NULL;
}

/* Chooses the sidebar row of @tag, or of @filter when @tag is NULL, as a
 * click does. */
void
app_test_select_sidebar_row (GtkWidget          *widget,
                             WenjiArticleFilter  filter,
                             const char         *tag)
{
  GtkWidget *row = app_test_find_sidebar_row (widget, filter, tag);

  g_assert_nonnull (row);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
}

/* Renders @widget as the screen shows it and writes a PNG next to the test,
 * or into $WENJI_TEST_SCREENSHOT_DIR. */
void
app_test_save_screenshot (GtkWidget  *widget,
                          const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  const char *dir = g_getenv ("WENJI_TEST_SCREENSHOT_DIR");
  int width = 0, height = 0;

  /* Whatever changed last is laid out and drawn; a widget still waiting for
   * its next layout renders nothing, so it gets another frame. */
  for (guint frames = 0; node == NULL && frames < 10; frames++) {
    g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();

    app_test_wait_for_frame (widget);
    width = gtk_widget_get_width (widget);
    height = gtk_widget_get_height (widget);
    g_assert_cmpint (width, >, 0);
    g_assert_cmpint (height, >, 0);
    gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
    node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  }
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (dir != NULL)
    path = g_build_filename (dir, name, NULL);
  else
    path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}
