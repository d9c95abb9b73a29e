/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Typing Chinese through an input method: a composition (preedit) in the
 * editor survives autosave and the preview catching up, and what the input
 * method commits is text like any other: saved, in the article's forms,
 * undoable. The input method is a stand-in registered as a GTK IM module,
 * driven the way IBus or Fcitx drive theirs. */
#include "config.h"

#include <gtk/gtkimmodule.h>

#include "app-test-harness.h"

#define TEST_TYPE_INPUT_METHOD (test_input_method_get_type ())
G_DECLARE_FINAL_TYPE (TestInputMethod, test_input_method, TEST, INPUT_METHOD, GtkIMContext)

struct _TestInputMethod
{
  GtkIMContext  parent_instance;
  char         *preedit;
  guint         n_resets;
  gboolean      focused;
};

G_DEFINE_FINAL_TYPE (TestInputMethod, test_input_method, GTK_TYPE_IM_CONTEXT)

/* The one the editor's text view made. */
static TestInputMethod *current;

static void
test_input_method_get_preedit_string (GtkIMContext   *context,
                                      char          **str,
                                      PangoAttrList **attrs,
                                      int            *cursor_pos)
{
  TestInputMethod *self = TEST_INPUT_METHOD (context);
  const char *preedit = self->preedit != NULL ? self->preedit : "";

  if (str != NULL)
    *str = g_strdup (preedit);
  if (attrs != NULL) {
    *attrs = pango_attr_list_new ();
    if (*preedit != '\0') {
      PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);

      underline->end_index = strlen (preedit);
      pango_attr_list_insert (*attrs, underline);
    }
  }
  if (cursor_pos != NULL)
    *cursor_pos = g_utf8_strlen (preedit, -1);
}

/* A real input method drops or commits the composition here: the user
 * loses what they were typing. */
static void
test_input_method_reset (GtkIMContext *context)
{
  TEST_INPUT_METHOD (context)->n_resets++;
}

static void
test_input_method_focus_in (GtkIMContext *context)
{
  TEST_INPUT_METHOD (context)->focused = TRUE;
  current = TEST_INPUT_METHOD (context);
}

static void
test_input_method_focus_out (GtkIMContext *context)
{
  TEST_INPUT_METHOD (context)->focused = FALSE;
}

static void
test_input_method_finalize (GObject *object)
{
  TestInputMethod *self = TEST_INPUT_METHOD (object);

  if (current == self)
    current = NULL;
  g_free (self->preedit);

  G_OBJECT_CLASS (test_input_method_parent_class)->finalize (object);
}

static void
test_input_method_class_init (TestInputMethodClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkIMContextClass *im_class = GTK_IM_CONTEXT_CLASS (klass);

  object_class->finalize = test_input_method_finalize;
  im_class->get_preedit_string = test_input_method_get_preedit_string;
  im_class->reset = test_input_method_reset;
  im_class->focus_in = test_input_method_focus_in;
  im_class->focus_out = test_input_method_focus_out;
}

static void
test_input_method_init (TestInputMethod *self)
{
}

/* The user types pinyin: the candidate shows underlined at the cursor. */
static void
compose (TestInputMethod *self,
         const char      *pinyin)
{
  gboolean starting = self->preedit == NULL;

  g_free (self->preedit);
  self->preedit = g_strdup (pinyin);
  if (starting)
    g_signal_emit_by_name (self, "preedit-start");
  g_signal_emit_by_name (self, "preedit-changed");
}

/* The user picks the characters. */
static void
commit (TestInputMethod *self,
        const char      *text)
{
  g_clear_pointer (&self->preedit, g_free);
  g_signal_emit_by_name (self, "preedit-changed");
  g_signal_emit_by_name (self, "preedit-end");
  g_signal_emit_by_name (self, "commit", text);
}

typedef struct {
  AppTestFixture  base;
  WenjiEditor    *editor;
  gint64          id;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  app_test_fixture_open_library (&fixture->base);
  fixture->id = app_test_add_article (fixture->base.library, "基层减负", "基层减负是一个老话题。",
                                      NULL, NULL, NULL, WENJI_LANG_HANS);
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

  g_assert_true (wenji_editor_save (fixture->editor, &error));
  g_assert_no_error (error);
  app_test_fixture_teardown (&fixture->base, data);
}

static char *
stored_body (Fixture *fixture)
{
  g_autoptr (WenjiArticle) article = NULL;
  g_autoptr (GError) error = NULL;

  article = wenji_library_load_article (fixture->base.library, fixture->id, &error);
  g_assert_no_error (error);

  return g_strdup (wenji_article_get_body (article));
}

static gboolean
is_current (gpointer data)
{
  return current != NULL && current->focused;
}

static gboolean
editor_saved (gpointer editor)
{
  return !wenji_editor_get_dirty (editor);
}

static void
test_compose_and_commit (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (wenji_editor_get_buffer (fixture->editor));
  GtkWidget *view = app_test_find_widget (GTK_WIDGET (fixture->editor), GTK_SOURCE_TYPE_VIEW);
  g_autofree char *before = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *body = NULL;
  GtkTextIter start, end;
  guint n_resets;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.view-mode",
                                             "s", "split"));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (view);
  app_test_wait_until (is_current, NULL, "the editor's input method to take the focus");

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  before = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  /* An edit, then a composition started before its autosave. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "\n\n", -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
  n_resets = current->n_resets;
  compose (current, "jian");
  compose (current, "jian fu");
  app_test_save_screenshot (GTK_WIDGET (fixture->base.window), "wenji-input-method.png");

  /* Autosave and the preview run while the user composes: the composition
   * stays, and only committed text is stored. */
  app_test_wait_until (editor_saved, fixture->editor, "the autosave during the composition");
  app_test_wait_for_editor (fixture->editor);
  g_assert_cmpuint (current->n_resets, ==, n_resets);
  g_assert_cmpstr (current->preedit, ==, "jian fu");
  stored = stored_body (fixture);
  g_assert_cmpstr (stored, ==, "基层减负是一个老话题。\n\n");

  /* The commit is typed text: saved, in the article's forms, undoable. */
  commit (current, "减负");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (body, ==, "基层减负是一个老话题。\n\n减负");
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_iter_backward_char (&end);
  {
    g_autoptr (GSList) tags = gtk_text_iter_get_tags (&end);
    gboolean regional = FALSE;

    for (GSList *l = tags; l != NULL; l = l->next) {
      g_autofree char *family = NULL;

      g_object_get (l->data, "family", &family, NULL);
      regional |= family != NULL && strstr (family, "Noto Sans CJK SC") != NULL;
    }
    g_assert_true (regional);
  }

  g_assert_true (wenji_editor_get_dirty (fixture->editor));
  app_test_wait_until (editor_saved, fixture->editor, "the autosave of the commit");
  g_clear_pointer (&stored, g_free);
  stored = stored_body (fixture);
  g_assert_cmpstr (stored, ==, body);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.undo", NULL));
  g_clear_pointer (&body, g_free);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (body, ==, "基层减负是一个老话题。\n\n");
  g_assert_cmpstr (before, ==, "基层减负是一个老话题。");
}

int
main (int   argc,
      char *argv[])
{
  if (!app_test_init (&argc, &argv))
    return g_test_run ();

  g_io_extension_point_implement (GTK_IM_MODULE_EXTENSION_POINT_NAME, TEST_TYPE_INPUT_METHOD,
                                  "wenji-test", 0);
  g_object_set (gtk_settings_get_default (), "gtk-im-module", "wenji-test", NULL);

  g_test_add ("/input-method/compose-and-commit", Fixture, NULL,
              fixture_setup, test_compose_and_commit, fixture_teardown);

  return g_test_run ();
}
