/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * wenji-cli feed: follow feeds and import their new articles.
 *
 *   wenji-cli feed add URL       follow a feed (checked to be RSS or Atom)
 *   wenji-cli feed list          the feeds, with their unread articles
 *   wenji-cli feed remove FEED   stop following (its articles stay)
 *   wenji-cli feed update [FEED] import the new items of one feed or all
 *
 * FEED is a feed's id or its address.
 */
#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "wenji-cli.h"

/* The id of the feed the user named by id or address, or 0 when the
 * library follows no such feed (said). */
static gint64
find_feed (WenjiLibrary *library,
           const char   *name)
{
  g_autoptr (GPtrArray) feeds = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  feeds = wenji_library_list_feeds (library, &error);
  if (feeds == NULL) {
    wenji_cli_fail (error);
    return 0;
  }
  if (!g_ascii_string_to_signed (name, 10, 1, G_MAXINT64, &id, NULL))
    id = 0;
  for (guint i = 0; i < feeds->len; i++) {
    WenjiFeed *feed = feeds->pdata[i];

    if (feed->id == id || g_strcmp0 (feed->url, name) == 0)
      return feed->id;
  }

  wenji_cli_error (_("no feed “%s” is followed (see “wenji-cli feed list”)"), name);
  return 0;
}

static JsonNode *
feeds_to_json (GPtrArray *feeds)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < feeds->len; i++) {
    WenjiFeed *feed = feeds->pdata[i];

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "id");
    json_builder_add_int_value (builder, feed->id);
    json_builder_set_member_name (builder, "url");
    json_builder_add_string_value (builder, feed->url);
    json_builder_set_member_name (builder, "title");
    if (feed->title != NULL)
      json_builder_add_string_value (builder, feed->title);
    else
      json_builder_add_null_value (builder);
    json_builder_set_member_name (builder, "unread");
    json_builder_add_int_value (builder, feed->unread);
    json_builder_set_member_name (builder, "checked_at");
    if (feed->checked_at != NULL)
      json_builder_add_string_value (builder, feed->checked_at);
    else
      json_builder_add_null_value (builder);
    json_builder_set_member_name (builder, "error");
    if (feed->error != NULL)
      json_builder_add_string_value (builder, feed->error);
    else
      json_builder_add_null_value (builder);
    json_builder_end_object (builder);
  }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
reports_to_json (GPtrArray *reports)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < reports->len; i++) {
    WenjiFeedReport *report = reports->pdata[i];

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "id");
    json_builder_add_int_value (builder, report->feed_id);
    json_builder_set_member_name (builder, "url");
    json_builder_add_string_value (builder, report->url);
    json_builder_set_member_name (builder, "imported");
    json_builder_add_int_value (builder, report->imported);
    json_builder_set_member_name (builder, "skipped");
    json_builder_add_int_value (builder, report->skipped);
    json_builder_set_member_name (builder, "failed");
    json_builder_add_int_value (builder, report->failed);
    json_builder_set_member_name (builder, "not_modified");
    json_builder_add_boolean_value (builder, report->not_modified);
    json_builder_set_member_name (builder, "message");
    if (report->message != NULL)
      json_builder_add_string_value (builder, report->message);
    else
      json_builder_add_null_value (builder);
    json_builder_set_member_name (builder, "problems");
    json_builder_begin_array (builder);
    for (guint k = 0; k < report->problems->len; k++)
      json_builder_add_string_value (builder, report->problems->pdata[k]);
    json_builder_end_array (builder);
    json_builder_end_object (builder);
  }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static void
update_progress_cb (guint       done,
                    guint       total,
                    const char *url,
                    gpointer    user_data)
{
  g_autofree char *text = NULL;

  if (!wenji_cli_progress_due (user_data, done, total))
    return;

  text = g_strdup_printf (_("Updating feeds… %u of %u"), done, total);
  wenji_cli_progress_show (user_data, text);
}

static void
print_reports (GPtrArray *reports)
{
  for (guint i = 0; i < reports->len; i++) {
    WenjiFeedReport *report = reports->pdata[i];
    const char *name = report->title != NULL ? report->title : report->url;

    if (report->message != NULL) {
      g_autofree char *message = wenji_cli_one_line (report->message);

      /* Translators: a feed's name, and why it could not be updated */
      wenji_cli_print (_("%s: not updated: %s\n"), name, message);
      continue;
    }
    if (report->not_modified) {
      wenji_cli_print (_("%s: unchanged\n"), name);
      continue;
    }
    {
      g_autofree char *imported = g_strdup_printf (ngettext ("%u new article",
                                                             "%u new articles",
                                                             report->imported),
                                                   report->imported);
      g_autofree char *skipped = g_strdup_printf (ngettext ("%u already in the library",
                                                            "%u already in the library",
                                                            report->skipped),
                                                  report->skipped);
      g_autofree char *failed = g_strdup_printf (ngettext ("%u failed", "%u failed",
                                                           report->failed),
                                                 report->failed);

      /* Translators: "早报: 3 new articles, 1 already in the library, 0 failed" */
      wenji_cli_print (_("%s: %s, %s, %s\n"), name, imported, skipped, failed);
    }
    for (guint k = 0; k < report->problems->len; k++) {
      g_autofree char *problem = wenji_cli_one_line (report->problems->pdata[k]);

      wenji_cli_print ("  %s\n", problem);
    }
  }
}

int
wenji_cli_command_feed (const char  *library_path,
                        int          argc,
                        char       **argv)
{
  g_autoptr (WenjiLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  gboolean json = FALSE;
  const char *action;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the feeds or the report as JSON"), NULL },
    { NULL }
  };

  if (!wenji_cli_parse_options (&argc, &argv, _("add URL | list | remove FEED | update [FEED]"),
                                _("Follow RSS and Atom feeds. “update” fetches each new item’s "
                                  "page and imports it whole, with its pictures, as “wenji-cli "
                                  "import” imports an address; items already in the library "
                                  "are skipped, and a feed that cannot be read says why "
                                  "without stopping the others.\n"
                                  "FEED is a feed’s id (see “list”) or its address.\n\n"
                                  "Exit status 1 when the command failed, or when every feed "
                                  "updated failed."),
                                entries))
    return WENJI_CLI_EXIT_ERROR;

  action = argc > 1 ? argv[1] : "list";
  library = wenji_cli_open_library (library_path, g_str_equal (action, "add"));
  if (library == NULL)
    return WENJI_CLI_EXIT_ERROR;

  if (g_str_equal (action, "add") && argc == 3) {
    gint64 id = wenji_import_add_feed (library, argv[2], NULL, &error);
    g_autoptr (WenjiFeed) feed = NULL;
    g_autofree char *number = NULL;

    if (id == 0 || (feed = wenji_library_get_feed (library, id, &error)) == NULL)
      return wenji_cli_fail (error);
    number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    /* Translators: the feed's id and name */
    wenji_cli_print (_("Following %s %s; “wenji-cli feed update” imports its articles\n"),
                     number, feed->title != NULL ? feed->title : feed->url);
    return WENJI_CLI_EXIT_OK;
  }

  if (g_str_equal (action, "list") && argc <= 2) {
    g_autoptr (GPtrArray) feeds = wenji_library_list_feeds (library, &error);

    if (feeds == NULL)
      return wenji_cli_fail (error);
    if (json) {
      g_autoptr (JsonNode) node = feeds_to_json (feeds);

      wenji_cli_json_print (node);
      return WENJI_CLI_EXIT_OK;
    }
    for (guint i = 0; i < feeds->len; i++) {
      WenjiFeed *feed = feeds->pdata[i];

      wenji_cli_print ("%" G_GINT64_FORMAT "\t%u\t%s\t%s\n", feed->id, feed->unread,
                       feed->title != NULL ? feed->title : "", feed->url);
      if (feed->error != NULL) {
        g_autofree char *message = wenji_cli_one_line (feed->error);

        wenji_cli_print (_("\tlast update failed: %s\n"), message);
      }
    }
    return WENJI_CLI_EXIT_OK;
  }

  if (g_str_equal (action, "remove") && argc == 3) {
    gint64 id = find_feed (library, argv[2]);

    if (id == 0)
      return WENJI_CLI_EXIT_ERROR;
    if (!wenji_library_remove_feed (library, id, &error))
      return wenji_cli_fail (error);
    return WENJI_CLI_EXIT_OK;
  }

  if (g_str_equal (action, "update") && argc <= 3) {
    g_autoptr (GPtrArray) reports = NULL;
    WenjiCliProgress progress = { 0 };
    gint64 id = 0;
    guint broken = 0;

    if (argc == 3 && (id = find_feed (library, argv[2])) == 0)
      return WENJI_CLI_EXIT_ERROR;

    reports = wenji_import_update_feeds (library, id,
                                         isatty (fileno (stderr)) ? update_progress_cb : NULL,
                                         &progress, NULL, &error);
    wenji_cli_progress_clear (&progress);
    if (reports == NULL)
      return wenji_cli_fail (error);

    if (json) {
      g_autoptr (JsonNode) node = reports_to_json (reports);

      wenji_cli_json_print (node);
    } else {
      print_reports (reports);
    }

    for (guint i = 0; i < reports->len; i++)
      broken += ((WenjiFeedReport *) reports->pdata[i])->message != NULL;
    if (reports->len > 0 && broken == reports->len) {
      wenji_cli_error (ngettext ("%u feed could not be updated", "%u feeds could not be updated",
                                 broken),
                       broken);
      return WENJI_CLI_EXIT_ERROR;
    }
    return WENJI_CLI_EXIT_OK;
  }

  wenji_cli_error (_("“%s” is not a feed command: use add URL, list, remove FEED or update "
                     "(see “wenji-cli feed --help”)"),
                   action);
  return WENJI_CLI_EXIT_ERROR;
}
