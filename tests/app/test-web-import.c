/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Importing from the web in the window, from a server on 127.0.0.1: the
 * Import from Web Address dialog, and Ctrl+V of addresses on the list.
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "app-test-harness.h"
#include "wenji-article-pane.h"
#include "wenji-sidebar-row.h"
#include "wenji-window-private.h"
#include "test-server.h"

static TestServer *server;

static const char page_template[] =
  "<html><head><meta charset=\"utf-8\"><title>%s_某某网</title></head><body><h1>%s</h1>"
  "<div class=\"article\"><p>《%s》是一篇从网上导入的文章，第一段足够长，像一篇真正的新闻报道的开头。</p>"
  "<img src=\"/photo.png\" alt=\"照片\">"
  "<p>第二段继续讲述这个故事，同样足够长，不会被当作页面上的导航或者装饰。</p></div></body></html>";

static void
serve_page (const char *path,
            const char *title)
{
  g_autofree char *page = g_strdup_printf (page_template, title, title, title);

  test_server_add (server, path, 200, "text/html", page, -1);
}

/* The window's list of articles, as its pane shows it. */
static WenjiArticleList *
article_list (AppTestFixture *fixture)
{
  GtkWidget *pane = app_test_find_widget (GTK_WIDGET (fixture->window), WENJI_TYPE_ARTICLE_PANE);
  WenjiArticleList *list;

  g_object_get (pane, "article-list", &list, NULL);
  g_object_unref (list);    /* the pane keeps it */

  return list;
}

typedef struct {
  AppTestFixture *fixture;
  guint           articles;
} Waiting;

/* The library holds the articles, and the import bar no longer offers to
 * cancel: the import is over. */
static gboolean
import_finished (gpointer data)
{
  Waiting *waiting = data;
  GtkWidget *cancel = app_test_find_actionable (GTK_WIDGET (waiting->fixture->window),
                                                "win.cancel-import");

  return !gtk_widget_get_sensitive (cancel) &&
         app_test_count_articles (waiting->fixture->library).all == waiting->articles;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++) {
    g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

    if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
      return ADW_MESSAGE_DIALOG (window);
  }

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

/* The dialog takes an address, and only an address. */
static void
test_address_dialog (AppTestFixture *fixture,
                     gconstpointer   data)
{
  g_autofree char *url = test_server_url (server, "/dialog.html");
  Waiting waiting = { fixture, 1 };
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  serve_page ("/dialog.html", "对话框里的地址");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-address", NULL);
  app_test_wait_until (dialog_shown, NULL, "the dialog to show");
  dialog = find_dialog ();
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_ENTRY (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "这不是网址");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "file:///etc/passwd");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  gtk_editable_set_text (GTK_EDITABLE (entry), url);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "accept"));

  /* Enter imports. */
  g_signal_emit_by_name (entry, "activate");
  app_test_wait_until (dialog_gone, NULL, "the dialog to close");
  app_test_wait_until (import_finished, &waiting, "the import to finish");
  g_assert_true (app_test_list_has_title (G_LIST_MODEL (article_list (fixture)),
                                          "对话框里的地址"));
}

/* Ctrl+V on the list imports the addresses on the clipboard; prose on the
 * clipboard imports nothing. */
static void
test_paste_addresses (AppTestFixture *fixture,
                      gconstpointer   data)
{
  g_autofree char *first = test_server_url (server, "/paste-1.html");
  g_autofree char *second = test_server_url (server, "/paste-2.html");
  g_autofree char *both = g_strdup_printf ("%s\n%s\n", first, second);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->window));
  Waiting waiting = { fixture, 2 };

  serve_page ("/paste-1.html", "粘贴的第一篇");
  serve_page ("/paste-2.html", "粘贴的第二篇");

  /* Prose is not addresses; an address among words is not either. */
  g_assert_false (wenji_window_import_text (fixture->window, "只是一段文字"));
  g_assert_false (wenji_window_import_text (fixture->window, "看看这个 https://example.com/"));

  /* Typing in the list, not in an entry. */
  {
    GtkWidget *pane = app_test_find_widget (GTK_WIDGET (fixture->window),
                                            WENJI_TYPE_ARTICLE_PANE);
    g_autoptr (GPtrArray) views = app_test_find_widgets (pane, GTK_TYPE_LIST_VIEW);
    GtkWidget *focus;

    for (guint i = 0; i < views->len; i++)
      if (gtk_widget_get_mapped (views->pdata[i]))
        gtk_widget_grab_focus (views->pdata[i]);
    focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    g_assert_true (focus == NULL || !GTK_IS_EDITABLE (focus));
  }
  gdk_clipboard_set_text (clipboard, both);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.paste-address", NULL);

  app_test_wait_until (import_finished, &waiting, "the import to finish");
  g_assert_true (app_test_list_has_title (G_LIST_MODEL (article_list (fixture)),
                                          "粘贴的第一篇"));
  g_assert_true (app_test_list_has_title (G_LIST_MODEL (article_list (fixture)),
                                          "粘贴的第二篇"));

  /* A link dragged from a browser onto the window. */
  {
    g_autofree char *dropped = test_server_url (server, "/dropped.html");
    g_autoptr (GListModel) controllers =
      gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
    GtkDropTarget *target = NULL;
    GValue value = G_VALUE_INIT;
    gboolean handled = FALSE;

    serve_page ("/dropped.html", "拖进来的链接");
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++) {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
    g_assert_nonnull (target);

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, dropped);
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
    g_value_unset (&value);
    g_assert_true (handled);

    waiting.articles = 3;
    app_test_wait_until (import_finished, &waiting, "the dropped link's import to finish");
    g_assert_true (app_test_list_has_title (G_LIST_MODEL (article_list (fixture)),
                                            "拖进来的链接"));
  }
}

static void
serve_feed (guint n_items)
{
  g_autoptr (GString) feed = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                                           "<rss version=\"2.0\"><channel><title>乡间来信</title>");

  for (guint i = 0; i < n_items; i++) {
    g_autofree char *path = g_strdup_printf ("/letters/%u.html", i);
    g_autofree char *title = g_strdup_printf ("乡间来信第%u封", i + 1);

    serve_page (path, title);
    g_string_append_printf (feed, "<item><title>%s</title><link>%s%s</link></item>", title,
                            server->base, path);
  }
  g_string_append (feed, "</channel></rss>");
  test_server_add (server, "/letters.xml", 200, "application/rss+xml", feed->str, -1);
}

typedef struct {
  AppTestFixture *fixture;
  guint           unread;
} FeedWaiting;

static WenjiSidebarRow *
feed_row (AppTestFixture *fixture)
{
  g_autoptr (GPtrArray) rows = app_test_find_widgets (GTK_WIDGET (fixture->window),
                                                      WENJI_TYPE_SIDEBAR_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (wenji_sidebar_row_get_feed_id (rows->pdata[i]) > 0)
      return rows->pdata[i];

  return NULL;
}

static gboolean
feed_shows (gpointer data)
{
  FeedWaiting *waiting = data;
  WenjiSidebarRow *row = feed_row (waiting->fixture);

  GtkWidget *cancel = app_test_find_actionable (GTK_WIDGET (waiting->fixture->window),
                                                "win.cancel-import");

  return !gtk_widget_get_sensitive (cancel) && row != NULL &&
         wenji_sidebar_row_get_count (row) == waiting->unread;
}

/* Following a feed from the window: its row in the sidebar counts the
 * unread articles, shows only the feed's articles, and counts down as
 * they are opened; F5 brings the new ones. */
static void
test_follow_feed (AppTestFixture *fixture,
                  gconstpointer   data)
{
  g_autofree char *url = test_server_url (server, "/letters.xml");
  FeedWaiting waiting = { fixture, 2 };
  WenjiArticleList *list = article_list (fixture);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  WenjiSidebarRow *row;

  /* An article of its own, which the feed's list does not show. */
  app_test_add_article (fixture->library, "手写的文章", "不是订阅来的。", NULL, NULL, "draft",
                        "zh-Hans");
  serve_feed (2);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.follow-feed", NULL);
  app_test_wait_until (dialog_shown, NULL, "the dialog to show");
  dialog = find_dialog ();
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), url);
  g_signal_emit_by_name (entry, "activate");

  app_test_wait_until (feed_shows, &waiting, "the feed's row to count its unread articles");
  row = feed_row (fixture);
  g_assert_cmpstr (wenji_sidebar_row_get_title (row), ==, "乡间来信");

  /* Chosen, it shows its own articles. */
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row))),
                           GTK_LIST_BOX_ROW (row));
  g_assert_cmpint (wenji_article_list_get_feed_id (list), ==, wenji_sidebar_row_get_feed_id (row));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_false (app_test_list_has_title (G_LIST_MODEL (list), "手写的文章"));

  /* Opened, one is read. */
  wenji_window_show_article (fixture->window, wenji_article_list_get_id (list, 0));
  waiting.unread = 1;
  app_test_wait_until (feed_shows, &waiting, "the feed's row to count its unread articles");

  /* A new item, brought by F5. */
  serve_feed (3);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.update-feeds", "x", (gint64) 0);
  waiting.unread = 2;
  app_test_wait_until (feed_shows, &waiting, "the feed's row to count its unread articles");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cache = g_dir_make_tmp ("wenji-web-app-XXXXXX", NULL);
  g_autofree char *photo = NULL;
  int status;

  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  if (!app_test_init (&argc, &argv))
    return g_test_run ();

  server = test_server_start (FALSE);
  photo = g_test_build_filename (G_TEST_DIST, "..", "data", "web", "photo.png", NULL);
  test_server_add_file (server, "/photo.png", "image/png", photo);

  g_test_add ("/web-import/address-dialog", AppTestFixture, NULL, app_test_fixture_setup,
              test_address_dialog, app_test_fixture_teardown);
  g_test_add ("/web-import/paste-addresses", AppTestFixture, NULL, app_test_fixture_setup,
              test_paste_addresses, app_test_fixture_teardown);
  g_test_add ("/web-import/follow-feed", AppTestFixture, NULL, app_test_fixture_setup,
              test_follow_feed, app_test_fixture_teardown);

  status = g_test_run ();
  test_server_stop (server);
  {
    const char *rm[] = { "rm", "-rf", cache, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }

  return status;
}
