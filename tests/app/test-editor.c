/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The article pane: Edit, Split and Preview, the pages, the text actions,
 * find and replace, the status line; driven through actions. */
#include "config.h"

#include "app-test-harness.h"
#include "wenji-metadata-panel.h"

static const char hans_title[] = "基层减负不能变成“纸面减负”";
static const char hans_body[] =
  "基层减负是一个老话题。近年来，从中央到地方，纷纷出台措施，为基层干部松绑减负。\n\n"
  "## 形式主义的新变种\n\n"
  "一些地方把**“留痕”**当成了工作本身，文件越发越多，会议越开越长。\n\n"
  "减负不是减责任，而是把时间还给群众。";
static const char hant_title[] = "數位時代的閱讀習慣";
static const char hant_body[] =
  "在資訊爆炸的時代，深度閱讀顯得格外珍貴。\n\n"
  "## 圖書館的新角色\n\n"
  "許多圖書館開設了**閱讀會**，讓讀者與作者面對面，討論書中的觀點與細節。";

typedef struct {
  AppTestFixture  base;
  WenjiEditor    *editor;
  gint64          id;
} Fixture;

typedef struct {
  const char *title;
  const char *body;
  const char *lang;
} Article;

static const Article hans = { hans_title, hans_body, WENJI_LANG_HANS };
static const Article hant = { hant_title, hant_body, WENJI_LANG_HANT };

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const Article *source = data;

  app_test_fixture_open_library (&fixture->base);
  fixture->id = app_test_add_article (fixture->base.library, source->title, source->body,
                                      source->lang == hans.lang ? "人民日报" : "聯合報",
                                      "2026-11-20", NULL, source->lang);
  app_test_fixture_present (&fixture->base, 1400, 900);
  fixture->editor = WENJI_EDITOR (app_test_find_widget (GTK_WIDGET (fixture->base.window),
                                                        WENJI_TYPE_EDITOR));
  g_assert_cmpint (wenji_editor_get_article_id (fixture->editor), ==, fixture->id);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  /* As closing the window does; a destroyed window saves no more. */
  g_assert_true (wenji_editor_save (fixture->editor, &error));
  g_assert_no_error (error);
  app_test_fixture_teardown (&fixture->base, data);
}

static GtkTextBuffer *
get_buffer (Fixture *fixture)
{
  return GTK_TEXT_BUFFER (wenji_editor_get_buffer (fixture->editor));
}

static char *
get_body (Fixture *fixture)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (get_buffer (fixture), &start, &end);
  return gtk_text_buffer_get_text (get_buffer (fixture), &start, &end, FALSE);
}

static void
set_view_mode (Fixture    *fixture,
               const char *mode)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.view-mode",
                                             "s", mode));
  g_assert_cmpstr (wenji_editor_get_view_mode (fixture->editor), ==, mode);
  app_test_wait_for_editor (fixture->editor);
}

static gboolean
editor_saved (gpointer editor)
{
  return !wenji_editor_get_dirty (editor);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
has_selection (gpointer buffer)
{
  return gtk_text_buffer_get_has_selection (buffer);
}

static gboolean
editor_refresh_pending (WenjiEditor *editor)
{
  gboolean pending;

  g_object_get (editor, "refresh-pending", &pending, NULL);
  return pending;
}

typedef struct {
  GtkAdjustment *adjustment;
  guint          n_pages;
} LastPage;

static gboolean
shows_last_page (gpointer data)
{
  LastPage *last_page = data;

  return gtk_adjustment_get_value (last_page->adjustment) >
         gtk_adjustment_get_upper (last_page->adjustment) * (last_page->n_pages - 1.5) /
         last_page->n_pages;
}

static void
test_view_modes (Fixture       *fixture,
                 gconstpointer  data)
{
  WenjiPreview *preview = wenji_editor_get_preview (fixture->editor);
  WenjiPageLayout *layout = wenji_preview_get_layout (preview);
  WenjiDocument *before;
  GtkTextIter iter;
  guint n_pages;
  gint64 start;

  /* Edit: the text alone. */
  g_assert_cmpstr (wenji_editor_get_view_mode (fixture->editor), ==, "edit");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (preview)));

  /* Split: the text and its pages. */
  set_view_mode (fixture, "split");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (preview)));
  g_assert_cmpuint (wenji_preview_get_n_pages (preview), ==, 1);

  /* An edit: the keystroke lays nothing out, the pause after it one block. */
  before = wenji_page_layout_get_document (layout);
  gtk_text_buffer_get_end_iter (get_buffer (fixture), &iter);
  start = g_get_monotonic_time ();
  gtk_text_buffer_insert (get_buffer (fixture), &iter, "群众满意。", -1);
  g_test_message ("A keystroke took %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  g_assert_true (wenji_page_layout_get_document (layout) == before);
  g_assert_true (editor_refresh_pending (fixture->editor));
  app_test_wait_for_editor (fixture->editor);
  g_assert_true (wenji_page_layout_get_document (layout) != before);
  g_assert_cmpuint (wenji_page_layout_get_n_blocks_laid_out (layout), ==, 1);
  g_assert_cmpuint (wenji_preview_get_n_pages (preview), ==, 1);

  app_test_wait_for_frame (GTK_WIDGET (fixture->base.window));
  app_test_save_screenshot (GTK_WIDGET (fixture->base.window), "wenji-editor-split.png");

  /* Many paragraphs: more pages, each new paragraph laid out once, and only
   * the pages in view are drawn. */
  gtk_text_buffer_get_end_iter (get_buffer (fixture), &iter);
  for (guint i = 0; i < 60; i++) {
    g_autofree char *paragraph =
      g_strdup_printf ("\n\n第%u段：基层治理要把更多时间和精力用在抓落实上，让干部从文山会海中解脱出来，"
                       "多到群众中去，多解决实际问题。", i + 1);
    gtk_text_buffer_insert (get_buffer (fixture), &iter, paragraph, -1);
  }
  app_test_wait_for_editor (fixture->editor);
  n_pages = wenji_preview_get_n_pages (preview);
  g_assert_cmpuint (n_pages, >, 2);
  g_assert_cmpuint (wenji_page_layout_get_n_blocks_laid_out (layout), ==, 60);
  g_assert_cmpuint (wenji_preview_get_n_pages_drawn (preview), >, 0);
  g_assert_cmpuint (wenji_preview_get_n_pages_drawn (preview), <, n_pages);

  /* Split follows the cursor: at the end of the text, the last page shows. */
  gtk_text_buffer_get_end_iter (get_buffer (fixture), &iter);
  gtk_text_buffer_place_cursor (get_buffer (fixture), &iter);
  app_test_wait_for_editor (fixture->editor);
  {
    LastPage last_page = { gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (preview)), n_pages };

    /* The scroll lands once the preview is allocated at its new size. */
    app_test_wait_until (shows_last_page, &last_page, "the preview to show the last page");
  }

  /* Zoom. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-out", NULL));
  g_assert_cmpfloat (wenji_preview_get_zoom (preview), <, 1.0);

  /* Preview: the pages alone. */
  set_view_mode (fixture, "preview");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (preview)));
  g_assert_false (gtk_widget_get_mapped (
                    GTK_WIDGET (wenji_editor_get_title_editable (fixture->editor))));

  /* Back to Edit; edits made there reach the preview when it shows again. */
  set_view_mode (fixture, "edit");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (preview)));
  gtk_text_buffer_set_text (get_buffer (fixture), "短文。", -1);
  app_test_wait_for_editor (fixture->editor);
  g_assert_cmpuint (wenji_preview_get_n_pages (preview), ==, n_pages);
  set_view_mode (fixture, "preview");
  g_assert_cmpuint (wenji_preview_get_n_pages (preview), ==, 1);
}

static void
test_preview_traditional (Fixture       *fixture,
                          gconstpointer  data)
{
  WenjiPreview *preview = wenji_editor_get_preview (fixture->editor);

  set_view_mode (fixture, "preview");
  g_assert_cmpuint (wenji_preview_get_n_pages (preview), ==, 1);
  g_assert_cmpstr (wenji_document_get_lang (wenji_page_layout_get_document (
                     wenji_preview_get_layout (preview))),
                   ==, WENJI_LANG_HANT);
  app_test_wait_for_frame (GTK_WIDGET (fixture->base.window));
  app_test_save_screenshot (GTK_WIDGET (fixture->base.window), "wenji-editor-preview.png");
}

static gboolean
has_revision (WenjiLibrary *library,
              gint64        id,
              const char   *reason,
              const char   *body)
{
  g_autoptr (GPtrArray) revisions = NULL;
  g_autoptr (GError) error = NULL;

  revisions = wenji_library_list_revisions (library, id, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < revisions->len; i++) {
    WenjiRevision *revision = revisions->pdata[i];

    if (g_strcmp0 (wenji_revision_get_reason (revision), reason) == 0 &&
        g_strcmp0 (wenji_revision_get_body (revision), body) == 0)
      return TRUE;
  }

  return FALSE;
}

/* The row of the details panel titled @title. */
static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found = find_row (child, type, title);

    if (found != NULL)
      return found;
  }

  return NULL;
}

/* The language Pango shapes an entry row's text with. */
static const char *
row_language (GtkWidget *row)
{
  PangoAttrList *attrs = adw_entry_row_get_attributes (ADW_ENTRY_ROW (row));
  g_autoptr (GSList) list = attrs != NULL ? pango_attr_list_get_attributes (attrs) : NULL;
  const char *lang = NULL;

  for (GSList *l = list; l != NULL; l = l->next) {
    PangoAttribute *attr = l->data;

    if (attr->klass->type == PANGO_ATTR_LANGUAGE)
      lang = pango_language_to_string (((PangoAttrLanguage *) attr)->value);
  }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);

  return lang;
}

/* The CJK face the editor's text is set in: the tag that turns locl off. */
static gboolean
find_cjk_family (GtkTextTag *tag,
                 gpointer    data)
{
  char **family = data;
  g_autofree char *features = NULL;
  g_autofree char *tag_family = NULL;

  g_object_get (tag, "family", &tag_family, "font-features", &features, NULL);
  if (g_strcmp0 (features, "locl=0") == 0) {
    g_free (*family);
    *family = g_steal_pointer (&tag_family);
  }

  return TRUE;
}

static void
assert_shows_language (Fixture    *fixture,
                       const char *lang)
{
  GtkWidget *panel = app_test_find_widget (GTK_WIDGET (fixture->base.window),
                                           WENJI_TYPE_METADATA_PANEL);
  const char *region = g_str_equal (lang, WENJI_LANG_HANT) ? "zh-tw" : "zh-cn";
  const char *face = g_str_equal (lang, WENJI_LANG_HANT) ? "Noto Sans CJK TC" : "Noto Sans CJK SC";
  GtkWidget *lang_row = find_row (panel, ADW_TYPE_COMBO_ROW, "Language");
  GtkWidget *author_row = find_row (panel, ADW_TYPE_ENTRY_ROW, "Author");
  g_autofree char *family = NULL;

  g_assert_cmpstr (wenji_article_get_lang (wenji_editor_get_article (fixture->editor)), ==, lang);

  /* The editor's text: the regional CJK face. */
  gtk_text_tag_table_foreach (gtk_text_buffer_get_tag_table (get_buffer (fixture)),
                              (GtkTextTagTableForeach) find_cjk_family, &family);
  g_assert_nonnull (strstr (family, face));

  /* The details panel: the language row, and its fields' glyph forms. */
  g_assert_nonnull (lang_row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (lang_row)), ==,
                    g_str_equal (lang, WENJI_LANG_HANT) ? 1 : 0);
  g_assert_cmpstr (row_language (author_row), ==, region);
}

static void
test_convert_undo (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (WenjiArticle) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *restored = NULL;
  GtkWidget *lang_row;
  GtkTextIter iter;

  set_view_mode (fixture, "split");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.convert",
                                             "s", "t2s"));

  converted = get_body (fixture);
  g_assert_true (g_str_has_prefix (converted, "在资讯爆炸的时代，深度阅读显得格外珍贵。"));
  g_assert_nonnull (strstr (converted, "## 图书馆的新角色"));
  g_assert_cmpstr (gtk_editable_get_text (wenji_editor_get_title_editable (fixture->editor)), ==,
                   "数位时代的阅读习惯");
  g_assert_cmpstr (wenji_article_get_lang (wenji_editor_get_article (fixture->editor)), ==,
                   WENJI_LANG_HANS);
  g_assert_true (has_revision (fixture->base.library, fixture->id,
                               WENJI_REVISION_BEFORE_CONVERSION, hant_body));

  /* The preview follows the new language. */
  app_test_wait_for_editor (fixture->editor);
  g_assert_cmpstr (wenji_document_get_lang (wenji_page_layout_get_document (
                     wenji_preview_get_layout (wenji_editor_get_preview (fixture->editor)))),
                   ==, WENJI_LANG_HANS);

  /* Autosave stores it. */
  app_test_wait_until (editor_saved, fixture->editor, "the autosave");
  stored = wenji_library_load_article (fixture->base.library, fixture->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_body (stored), ==, converted);
  g_assert_cmpstr (wenji_article_get_title (stored), ==, "数位时代的阅读习惯");
  g_assert_cmpstr (wenji_article_get_lang (stored), ==, WENJI_LANG_HANS);

  assert_shows_language (fixture, WENJI_LANG_HANS);

  /* An edit after the conversion is undone on its own. */
  gtk_text_buffer_get_end_iter (get_buffer (fixture), &iter);
  gtk_text_buffer_begin_user_action (get_buffer (fixture));
  gtk_text_buffer_insert_interactive (get_buffer (fixture), &iter, "新增一句。", -1, TRUE);
  gtk_text_buffer_end_user_action (get_buffer (fixture));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.undo", NULL));
  restored = get_body (fixture);
  g_assert_cmpstr (restored, ==, converted);
  assert_shows_language (fixture, WENJI_LANG_HANS);

  /* The next undo brings the Traditional article back: text, title, language. */
  g_clear_pointer (&restored, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.undo", NULL));
  restored = get_body (fixture);
  g_assert_cmpstr (restored, ==, hant_body);
  g_assert_cmpstr (gtk_editable_get_text (wenji_editor_get_title_editable (fixture->editor)), ==,
                   hant_title);
  assert_shows_language (fixture, WENJI_LANG_HANT);

  /* Saved now, the library has all three back. */
  g_assert_true (wenji_editor_save (fixture->editor, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = wenji_library_load_article (fixture->base.library, fixture->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenji_article_get_body (stored), ==, hant_body);
  g_assert_cmpstr (wenji_article_get_title (stored), ==, hant_title);
  g_assert_cmpstr (wenji_article_get_lang (stored), ==, WENJI_LANG_HANT);

  /* Redo converts again, all three. */
  g_clear_pointer (&restored, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.redo", NULL));
  restored = get_body (fixture);
  g_assert_cmpstr (restored, ==, converted);
  g_assert_cmpstr (gtk_editable_get_text (wenji_editor_get_title_editable (fixture->editor)), ==,
                   "数位时代的阅读习惯");
  assert_shows_language (fixture, WENJI_LANG_HANS);

  /* The details panel's language row reaches the editor. */
  lang_row = find_row (app_test_find_widget (GTK_WIDGET (fixture->base.window),
                                             WENJI_TYPE_METADATA_PANEL),
                       ADW_TYPE_COMBO_ROW, "Language");
  adw_combo_row_set_selected (ADW_COMBO_ROW (lang_row), 1);
  assert_shows_language (fixture, WENJI_LANG_HANT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (lang_row), 0);
  assert_shows_language (fixture, WENJI_LANG_HANS);

  /* And back to Traditional, Taiwan style. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.convert",
                                             "s", "s2twp"));
  g_assert_cmpstr (wenji_article_get_lang (wenji_editor_get_article (fixture->editor)), ==,
                   WENJI_LANG_HANT);
  g_assert_true (has_revision (fixture->base.library, fixture->id,
                               WENJI_REVISION_BEFORE_CONVERSION, converted));
}

static void
test_cleanup (Fixture       *fixture,
              gconstpointer  data)
{
  static const char glossed[] = "各界關(guān)注經(jīng)濟發(fā)展問(wèn)題。";
  g_autofree char *body = NULL;

  gtk_text_buffer_set_text (get_buffer (fixture), glossed, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.remove-glosses",
                                             NULL));
  body = get_body (fixture);
  g_assert_cmpstr (body, ==, "各界關注經濟發展問題。");
  g_assert_true (has_revision (fixture->base.library, fixture->id,
                               WENJI_REVISION_BEFORE_CLEANUP, glossed));

  g_clear_pointer (&body, g_free);
  gtk_text_buffer_set_text (get_buffer (fixture), "你好, 世界!他说:我们走吧.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor),
                                             "editor.widen-punctuation", NULL));
  body = get_body (fixture);
  g_assert_cmpstr (body, ==, "你好，世界！他说：我们走吧。");

  g_clear_pointer (&body, g_free);
  gtk_text_buffer_undo (get_buffer (fixture));
  body = get_body (fixture);
  g_assert_cmpstr (body, ==, "你好, 世界!他说:我们走吧.");
}

static void
test_find_replace (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkTextBuffer *buffer = get_buffer (fixture);
  g_autofree char *body = NULL;
  GtkTextIter start, end;
  g_autofree char *selected = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.replace-show",
                                             NULL));
  app_test_wait_until (is_mapped, wenji_editor_get_replace_editable (fixture->editor),
                       "the replace entry to show");

  /* Find as you type selects the first match; next moves on. */
  gtk_editable_set_text (wenji_editor_get_find_editable (fixture->editor), "减负");
  app_test_wait_until (has_selection, buffer, "the first match to be selected");
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, "减负");
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.find-next",
                                             NULL));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), >, 2);

  /* Replace one, then all, as one undo step. */
  gtk_editable_set_text (wenji_editor_get_replace_editable (fixture->editor), "减压");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.replace", NULL));
  body = get_body (fixture);
  g_assert_true (g_str_has_prefix (body, "基层减负是一个老话题。"));
  g_assert_nonnull (strstr (body, "松绑减压"));
  g_clear_pointer (&body, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.replace-all",
                                             NULL));
  body = get_body (fixture);
  g_assert_null (strstr (body, "减负"));
  g_assert_nonnull (strstr (body, "减压不是减责任"));
  g_clear_pointer (&body, g_free);

  gtk_text_buffer_undo (buffer);
  body = get_body (fixture);
  g_assert_true (g_str_has_prefix (body, "基层减负是一个老话题。"));
  g_assert_nonnull (strstr (body, "松绑减压"));
  g_assert_nonnull (strstr (body, "减负不是减责任"));
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("%u characters", wenji_text_count_chars (hans_body));
  g_autofree char *longer = NULL;
  g_autofree char *body = NULL;
  GtkTextIter end;

  g_assert_true (g_str_has_prefix (wenji_editor_get_status (fixture->editor), expected));
  g_assert_nonnull (strstr (wenji_editor_get_status (fixture->editor), "about 1 min"));

  /* Typing updates it after a pause. */
  gtk_text_buffer_get_end_iter (get_buffer (fixture), &end);
  gtk_text_buffer_insert (get_buffer (fixture), &end, "十个字的一句话啊。", -1);
  app_test_wait_for_editor (fixture->editor);
  body = get_body (fixture);
  g_assert_cmpuint (wenji_text_count_chars (body), >, wenji_text_count_chars (hans_body));
  longer = g_strdup_printf ("%u characters", wenji_text_count_chars (body));
  g_assert_true (g_str_has_prefix (wenji_editor_get_status (fixture->editor), longer));
}

int
main (int   argc,
      char *argv[])
{
  if (!app_test_init (&argc, &argv))
    return g_test_run ();

  g_test_add ("/editor/view-modes", Fixture, &hans,
              fixture_setup, test_view_modes, fixture_teardown);
  g_test_add ("/editor/preview-traditional", Fixture, &hant,
              fixture_setup, test_preview_traditional, fixture_teardown);
  g_test_add ("/editor/convert-undo", Fixture, &hant,
              fixture_setup, test_convert_undo, fixture_teardown);
  g_test_add ("/editor/cleanup", Fixture, &hant, fixture_setup, test_cleanup, fixture_teardown);
  g_test_add ("/editor/find-replace", Fixture, &hans,
              fixture_setup, test_find_replace, fixture_teardown);
  g_test_add ("/editor/status", Fixture, &hans, fixture_setup, test_status, fixture_teardown);

  return g_test_run ();
}
