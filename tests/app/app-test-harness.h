/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the GUI tests share: a scratch library, a presented WenjiWindow,
 * its widgets found by type, the main loop run until something happens,
 * screenshots. */
#pragma once

#include "wenji-core.h"
#include "wenji-editor.h"
#include "wenji-window.h"

G_BEGIN_DECLS

/* How long a wait may take before the test fails: only a guard against
 * waiting forever, far longer than anything takes under load. */
#define APP_TEST_DEADLINE_S 30

typedef struct {
  char         *dir;      /* a scratch folder, removed at teardown */
  char         *path;     /* library.db in it */
  WenjiLibrary *library;
  WenjiWindow  *window;
} AppTestFixture;

typedef void     (*AppTestFill)      (WenjiLibrary *library);
typedef gboolean (*AppTestCondition) (gpointer      data);

gboolean           app_test_init                  (int               *argc,
                                                   char            ***argv);
gboolean           app_test_init_gtk              (void);

void               app_test_fixture_setup_scratch (AppTestFixture    *fixture,
                                                   gconstpointer      data);
void               app_test_fixture_open_library  (AppTestFixture    *fixture);
void               app_test_fixture_present       (AppTestFixture    *fixture,
                                                   int                width,
                                                   int                height);
void               app_test_fixture_setup         (AppTestFixture    *fixture,
                                                   gconstpointer      fill);
void               app_test_fixture_teardown      (AppTestFixture    *fixture,
                                                   gconstpointer      data);

gint64             app_test_add_article           (WenjiLibrary      *library,
                                                   const char        *title,
                                                   const char        *body,
                                                   const char        *source,
                                                   const char        *published_at,
                                                   const char        *status,
                                                   const char        *lang);
void               app_test_fill_library          (WenjiLibrary      *library);
WenjiStatusCounts  app_test_count_articles        (WenjiLibrary      *library);
gboolean           app_test_list_has_title        (GListModel        *model,
                                                   const char        *title);

/* The waits fail the test, at the caller's line, when what they wait for
 * has not happened by APP_TEST_DEADLINE_S. */
#define app_test_wait_until(done, data, what) \
  app_test_wait_until_at (__FILE__, __LINE__, G_STRFUNC, (done), (data), (what))
#define app_test_wait_for_property(object, name, ...) \
  app_test_wait_for_property_at (__FILE__, __LINE__, G_STRFUNC, (object), (name), __VA_ARGS__)
#define app_test_wait_for_finalize(object) \
  app_test_wait_for_finalize_at (__FILE__, __LINE__, G_STRFUNC, (object))

void               app_test_wait_until_at         (const char        *file,
                                                   int                line,
                                                   const char        *func,
                                                   AppTestCondition   done,
                                                   gpointer           data,
                                                   const char        *what);
void               app_test_wait_for_property_at  (const char        *file,
                                                   int                line,
                                                   const char        *func,
                                                   gpointer           object,
                                                   const char        *name,
                                                   ...);
void               app_test_wait_for_finalize_at  (const char        *file,
                                                   int                line,
                                                   const char        *func,
                                                   gpointer           object);
void               app_test_wait_for_frame        (GtkWidget         *widget);
void               app_test_wait_for_editor       (WenjiEditor       *editor);

GtkWidget         *app_test_find_widget           (GtkWidget         *widget,
                                                   GType              type);
GPtrArray         *app_test_find_widgets          (GtkWidget         *widget,
                                                   GType              type);
GtkWidget         *app_test_find_label            (GtkWidget         *widget,
                                                   const char        *text);
GtkWidget         *app_test_find_actionable       (GtkWidget         *widget,
                                                   const char        *action_name);
GtkWidget         *app_test_find_sidebar_row      (GtkWidget         *widget,
                                                   WenjiArticleFilter filter,
                                                   const char        *tag);
void               app_test_select_sidebar_row    (GtkWidget         *widget,
                                                   WenjiArticleFilter filter,
                                                   const char        *tag);
void               app_test_save_screenshot       (GtkWidget         *widget,
                                                   const char        *name);
char              *app_test_export                (AppTestFixture    *fixture,
                                                   const char        *format,
                                                   const char        *name,
                                                   gboolean           screenshot);

G_END_DECLS
