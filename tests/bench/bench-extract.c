/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-extract: how well saved web pages are read, field by field.
 *
 *   bench-extract DIR [--split tune|holdout|blind] [--verbose] [--runs N]
 *
 * DIR is a labelled set (tests/extract): labels.json and pages/<id>.html.gz.
 * Each page goes through wenji_import_parse_bytes(), as a file or a fetched
 * page does, with the page's address as its name when the label gives one.
 * What comes out is compared with the labels:
 *
 * - kind: an article is imported, a page that is not one is refused;
 * - title: exact, after white space is collapsed;
 * - date: the day, and the minute and the offset where the label has them;
 * - author, source, editor: the same set of names (split on spaces, 、 and ，,
 *   but not on a space between Latin letters and Chinese);
 * - first and last paragraph of the body: exact, after white space is
 *   collapsed; headings and pictures are not paragraphs.
 *
 * A value where the label has none is wrong, and counted as spurious too;
 * none where the label has one is counted as missing. Under kind, `refused`
 * counts the articles taken for something else and `kept` the pages that
 * are no article but were imported.
 * Figures are given for the tune half, the holdout half and all pages, then
 * the pages per second of the extraction alone (median of the runs).
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "wenji-core.h"
#include "wenji-import.h"

typedef enum {
  FIELD_KIND,
  FIELD_TITLE,
  FIELD_DATE,
  FIELD_AUTHOR,
  FIELD_SOURCE,
  FIELD_EDITOR,
  FIELD_FIRST,
  FIELD_LAST,
  N_FIELDS
} Field;

static const char * const field_names[N_FIELDS] = {
  "kind", "title", "date", "author", "source", "editor", "first paragraph", "last paragraph",
};

typedef enum {
  SPLIT_TUNE,
  SPLIT_HOLDOUT,
  SPLIT_BLIND,
  SPLIT_ALL,
  N_SPLITS
} Split;

static const char * const split_names[N_SPLITS] = { "tune", "holdout", "blind", "all" };

typedef struct {
  char     *file;
  char     *url;
  Split     split;
  gboolean  article;
  char     *expected[N_FIELDS];
  GBytes   *page;
} Label;

typedef struct {
  guint right[N_FIELDS];
  guint total[N_FIELDS];
  guint spurious[N_FIELDS];
  guint missing[N_FIELDS];
  guint local_dates;  /* right but for the offset */
  guint refused;      /* articles taken for something else */
  guint kept;         /* pages that are not articles, imported all the same */
} Tally;

static void
label_free (Label *label)
{
  g_free (label->file);
  g_free (label->url);
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (label->expected[i]);
  g_clear_pointer (&label->page, g_bytes_unref);
  g_free (label);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Label, label_free)

static char *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

/* The page's bytes: pages/<file>.gz, or pages/<file> as it was saved. */
static GBytes *
read_page (const char  *dir,
           const char  *file,
           GError     **error)
{
  g_autofree char *compressed = g_strconcat (file, ".gz", NULL);
  g_autofree char *path = g_build_filename (dir, "pages", compressed, NULL);
  g_autoptr (GZlibDecompressor) gunzip = NULL;
  g_autoptr (GInputStream) input = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GOutputStream) output = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_test (path, G_FILE_TEST_EXISTS)) {
    g_autofree char *plain = g_build_filename (dir, "pages", file, NULL);

    if (!g_file_get_contents (plain, &data, &length, error))
      return NULL;
    return g_bytes_new_take (g_steal_pointer (&data), length);
  }

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  input = g_memory_input_stream_new_from_data (g_steal_pointer (&data), length, g_free);
  gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  stream = g_converter_input_stream_new (input, G_CONVERTER (gunzip));
  output = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (output, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL,
                              error) < 0)
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
}

static GPtrArray *
load_labels (const char  *dir,
             GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "labels.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) label_free);
  JsonArray *array;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser))) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s is not a list of labels", path);
    return NULL;
  }

  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++) {
    JsonObject *object = json_array_get_object_element (array, i);
    g_autoptr (Label) label = g_new0 (Label, 1);
    g_autofree char *kind = member (object, "kind");
    g_autofree char *split = member (object, "split");

    label->file = member (object, "file");
    label->url = member (object, "url");
    if (label->file == NULL) {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "label %u names no file", i);
      return NULL;
    }
    label->article = g_strcmp0 (kind, "article") == 0;
    label->split = g_strcmp0 (split, "holdout") == 0 ? SPLIT_HOLDOUT
                   : g_strcmp0 (split, "blind") == 0 ? SPLIT_BLIND : SPLIT_TUNE;
    label->expected[FIELD_KIND] = g_strdup (label->article ? "article" : "not an article");
    label->expected[FIELD_TITLE] = member (object, "title");
    label->expected[FIELD_DATE] = member (object, "published");
    label->expected[FIELD_AUTHOR] = member (object, "author");
    label->expected[FIELD_SOURCE] = member (object, "source");
    label->expected[FIELD_EDITOR] = member (object, "editor");
    label->expected[FIELD_FIRST] = member (object, "first_paragraph");
    label->expected[FIELD_LAST] = member (object, "last_paragraph");
    if (!(label->page = read_page (dir, label->file, error)))
      return NULL;
    g_ptr_array_add (labels, g_steal_pointer (&label));
  }

  return g_steal_pointer (&labels);
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xA0 || c == 0x3000 || c == 0xFEFF || c == 0x200B;
}

/* White space runs collapsed to one space, none at the ends. In a
 * paragraph, a space between two characters outside ASCII goes too: a page
 * breaks its lines between Chinese characters where no reader sees a
 * space. */
static char *
collapse_space (const char *text,
                gboolean    paragraph)
{
  GString *out = g_string_new (NULL);
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  gboolean pending = FALSE;
  gunichar last = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (is_space (c)) {
      pending = out->len > 0;
      continue;
    }
    if (pending && !(paragraph && last >= 0x80 && c >= 0x80))
      g_string_append_c (out, ' ');
    pending = FALSE;
    g_string_append_unichar (out, c);
    last = c;
  }

  return g_string_free (out, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names of a byline field, sorted, one per line. */
static char *
name_set (const char *value)
{
  g_autoptr (GRegex) separators = g_regex_new ("[\\s\\x{3000}、，,；;/／]+", 0, 0, NULL);
  /* A space between Latin letters and Chinese is inside one name:
   * `NOWnews 今日新聞` is `NOWnews今日新聞`. */
  g_autoptr (GRegex) joined = g_regex_new ("(?<=[A-Za-z0-9])\\s+(?=\\p{Han})|"
                                           "(?<=\\p{Han})\\s+(?=[A-Za-z0-9])", 0, 0, NULL);
  g_autofree char *valid = g_utf8_make_valid (value, -1);
  g_autofree char *name = g_regex_replace_literal (joined, valid, -1, 0, "", 0, NULL);
  g_auto (GStrv) names = g_regex_split (separators, name, 0);
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; names[i] != NULL; i++)
    if (*names[i] != '\0')
      g_ptr_array_add (kept, names[i]);
  g_ptr_array_sort (kept, compare_strings);
  g_ptr_array_add (kept, NULL);

  return g_strjoinv ("\n", (char **) kept->pdata);
}

/* Whether a date says what the label does: the day; the minute when the
 * label gives a time; the offset when it gives one. */
static gboolean
same_date (const char *expected,
           const char *got)
{
  gsize expected_length = strlen (expected);

  if (strlen (got) < 10 || strncmp (expected, got, 10) != 0)
    return FALSE;
  if (expected_length == 10)
    return TRUE;
  if (strlen (got) < 16 || strncmp (expected, got, 16) != 0)
    return FALSE;
  if (expected_length == 16)
    return TRUE;

  return g_str_equal (expected + 16, got + 16);
}

/* The same, but for the offset: the date and time as the page wrote them. */
static gboolean
same_local_date (const char *expected,
                 const char *got)
{
  gsize length;

  if (expected == NULL || got == NULL)
    return FALSE;
  length = MIN (strlen (expected), 16);

  return strlen (got) >= length && strncmp (expected, got, length) == 0;
}

/* The first or last paragraph of a body, skipping headings and pictures. */
static char *
body_paragraph (const char *body,
                gboolean    last)
{
  g_auto (GStrv) paragraphs = g_strsplit (body != NULL ? body : "", "\n\n", -1);
  guint n = g_strv_length (paragraphs);

  for (guint k = 0; k < n; k++) {
    const char *paragraph = g_strstrip (paragraphs[last ? n - 1 - k : k]);

    if (*paragraph == '\0' || paragraph[0] == '#' || g_str_has_prefix (paragraph, "!["))
      continue;

    return g_strdup (paragraph);
  }

  return NULL;
}

static gboolean
same_value (Field       field,
            const char *expected,
            const char *got)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (expected == NULL || got == NULL)
    return expected == NULL && got == NULL;

  switch (field) {
  case FIELD_KIND:
    return g_str_equal (expected, got);
  case FIELD_DATE:
    return same_date (expected, got);
  case FIELD_AUTHOR:
  case FIELD_SOURCE:
  case FIELD_EDITOR:
    a = name_set (expected);
    b = name_set (got);
    break;
  case FIELD_TITLE:
    a = collapse_space (expected, FALSE);
    b = collapse_space (got, FALSE);
    break;
  case FIELD_FIRST:
  case FIELD_LAST:
  case N_FIELDS:
  default:
    a = collapse_space (expected, TRUE);
    b = collapse_space (got, TRUE);
    break;
  }

  return g_str_equal (a, b);
}

static GPtrArray *
extract (const WenjiImportFormat  *format,
         Label                    *label,
         GError                  **error)
{
  gsize length;
  const char *data = g_bytes_get_data (label->page, &length);

  return wenji_import_parse_bytes (format, label->url != NULL ? label->url : label->file,
                                   data, length, NULL, error);
}

static void
print_value (const char *name,
             const char *value)
{
  g_autofree char *shown = NULL;

  if (value == NULL) {
    g_print ("    %s: (none)\n", name);
    return;
  }
  shown = g_utf8_strlen (value, -1) > 160 ? g_utf8_substring (value, 0, 160) : g_strdup (value);
  g_print ("    %s: %s%s\n", name, shown, g_str_equal (shown, value) ? "" : "…");
}

/* Reads one page and adds what came right to the tallies. */
static void
judge (const WenjiImportFormat *format,
       Label                   *label,
       Tally                   *tallies,
       gboolean                 verbose)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) articles = extract (format, label, &error);
  WenjiArticle *article = articles != NULL && articles->len > 0 ? articles->pdata[0] : NULL;
  char *got[N_FIELDS] = { NULL };
  gboolean header = FALSE;

  got[FIELD_KIND] = g_strdup (article != NULL ? "article" : "not an article");
  if (article != NULL && label->article) {
    got[FIELD_TITLE] = g_strdup (wenji_article_get_title (article));
    got[FIELD_DATE] = g_strdup (wenji_article_get_published_at (article));
    got[FIELD_AUTHOR] = g_strdup (wenji_article_get_author (article));
    got[FIELD_SOURCE] = g_strdup (wenji_article_get_source (article));
    got[FIELD_EDITOR] = g_strdup (wenji_article_get_editor (article));
    got[FIELD_FIRST] = body_paragraph (wenji_article_get_body (article), FALSE);
    got[FIELD_LAST] = body_paragraph (wenji_article_get_body (article), TRUE);
  }

  for (guint field = 0; field < N_FIELDS; field++) {
    gboolean right;

    if (field != FIELD_KIND && !label->article)
      continue;

    for (guint split = 0; split < N_SPLITS; split++) {
      if (split != SPLIT_ALL && split != label->split)
        continue;
      right = same_value (field, label->expected[field], got[field]);
      tallies[split].total[field]++;
      tallies[split].right[field] += right;
      tallies[split].spurious[field] += label->expected[field] == NULL && got[field] != NULL;
      tallies[split].missing[field] += label->expected[field] != NULL && got[field] == NULL;
      if (field == FIELD_DATE && label->expected[field] != NULL)
        tallies[split].local_dates += same_local_date (label->expected[field], got[field]);
      if (field == FIELD_KIND) {
        tallies[split].refused += label->article && article == NULL;
        tallies[split].kept += !label->article && article != NULL;
      }
    }

    if (verbose && !same_value (field, label->expected[field], got[field])) {
      if (!header)
        g_print ("%s (%s)%s%s\n", label->file, split_names[label->split],
                 error != NULL ? ": " : "", error != NULL ? error->message : "");
      header = TRUE;
      g_print ("  %s\n", field_names[field]);
      print_value ("expected", label->expected[field]);
      print_value ("got", got[field]);
    }
  }

  for (guint field = 0; field < N_FIELDS; field++)
    g_free (got[field]);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_share (guint right,
             guint total)
{
  g_autofree char *cell = NULL;

  if (total == 0)
    cell = g_strdup ("-");
  else
    cell = g_strdup_printf ("%u/%u %5.1f%%", right, total, 100.0 * right / total);
  g_print (" %-16s", cell);
}

static void
print_table (Tally    *tallies,
             gboolean  splits[N_SPLITS])
{
  guint right[N_SPLITS] = { 0 }, total[N_SPLITS] = { 0 };

  g_print ("%-16s", "field");
  for (guint split = 0; split < N_SPLITS; split++)
    if (splits[split])
      g_print (" %-16s", split_names[split]);
  g_print (" spurious / missing\n");

  for (guint field = 0; field < N_FIELDS; field++) {
    g_autoptr (GString) spurious = g_string_new (NULL);
    g_autoptr (GString) missing = g_string_new (NULL);

    g_print ("%-16s", field_names[field]);
    for (guint split = 0; split < N_SPLITS; split++) {
      if (!splits[split])
        continue;
      print_share (tallies[split].right[field], tallies[split].total[field]);
      right[split] += tallies[split].right[field];
      total[split] += tallies[split].total[field];
      g_string_append_printf (spurious, "%s%u", spurious->len > 0 ? " " : "",
                              tallies[split].spurious[field]);
      g_string_append_printf (missing, "%s%u", missing->len > 0 ? " " : "",
                              tallies[split].missing[field]);
    }
    if (field == FIELD_KIND)
      g_print ("\n");
    else
      g_print (" %s / %s\n", spurious->str, missing->str);

    if (field == FIELD_KIND) {
      g_print ("%-16s", "  refused");
      for (guint split = 0; split < N_SPLITS; split++)
        if (splits[split])
          print_share (tallies[split].refused, tallies[split].total[FIELD_TITLE]);
      g_print ("\n%-16s", "  kept");
      for (guint split = 0; split < N_SPLITS; split++)
        if (splits[split])
          print_share (tallies[split].kept,
                       tallies[split].total[FIELD_KIND] - tallies[split].total[FIELD_TITLE]);
      g_print ("\n");
    }

    if (field == FIELD_DATE) {
      g_print ("%-16s", "date, any offset");
      for (guint split = 0; split < N_SPLITS; split++)
        if (splits[split])
          print_share (tallies[split].local_dates, tallies[split].total[field]);
      g_print ("\n");
    }
  }

  g_print ("%-16s", "all fields");
  for (guint split = 0; split < N_SPLITS; split++)
    if (splits[split])
      print_share (right[split], total[split]);
  g_print ("\n");
}

int
main (int   argc,
      char *argv[])
{
  const WenjiImportFormat *format = wenji_import_format_for_path ("page.html");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) labels = NULL;
  g_autoptr (GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  Tally tallies[N_SPLITS] = { 0 };
  gboolean splits[N_SPLITS] = { TRUE, TRUE, FALSE, TRUE };
  const char *dir = NULL;
  const char *only = NULL;
  gboolean verbose = FALSE, usage = FALSE;
  guint runs = 5, pages = 0;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++) {
    if (g_str_equal (argv[i], "--verbose"))
      verbose = TRUE;
    else if (g_str_equal (argv[i], "--split") && i + 1 < argc)
      only = argv[++i];
    else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
      runs = (guint) atoi (argv[++i]);
    else if (dir == NULL && argv[i][0] != '-')
      dir = argv[i];
    else
      usage = TRUE;
  }
  if (usage || dir == NULL || runs == 0 ||
      (only != NULL && !g_str_equal (only, "tune") && !g_str_equal (only, "holdout") &&
       !g_str_equal (only, "blind"))) {
    g_printerr ("usage: bench-extract DIR [--split tune|holdout|blind] [--verbose] [--runs N]\n");
    return 2;
  }
  if (only != NULL) {
    splits[SPLIT_TUNE] = g_str_equal (only, "tune");
    splits[SPLIT_HOLDOUT] = g_str_equal (only, "holdout");
    splits[SPLIT_BLIND] = g_str_equal (only, "blind");
    splits[SPLIT_ALL] = FALSE;
  }

  if (!(labels = load_labels (dir, &error))) {
    g_printerr ("bench-extract: %s\n", error->message);
    return 1;
  }

  /* The blind half shows in the table when it is there, but its wrong
   * fields only when it is asked for by name: it is not to be tuned on. */
  for (guint i = 0; i < labels->len && only == NULL; i++)
    if (((Label *) labels->pdata[i])->split == SPLIT_BLIND)
      splits[SPLIT_BLIND] = TRUE;
  for (guint i = 0; i < labels->len; i++) {
    Label *label = labels->pdata[i];

    if (splits[label->split]) {
      judge (format, label, tallies,
             verbose && (label->split != SPLIT_BLIND || only != NULL));
      pages++;
    }
  }
  if (verbose)
    g_print ("\n");
  print_table (tallies, splits);

  /* The extraction alone: the pages are in memory already. */
  for (guint run = 0; run < runs; run++) {
    gint64 start = g_get_monotonic_time ();
    double seconds, rate;

    for (guint i = 0; i < labels->len; i++) {
      Label *label = labels->pdata[i];
      g_autoptr (GPtrArray) articles = NULL;

      if (splits[label->split])
        articles = extract (format, label, NULL);
    }
    seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
    rate = pages / seconds;
    g_array_append_val (rates, rate);
  }
  g_array_sort (rates, compare_doubles);
  g_print ("\n%u pages, median of %u runs: %.0f pages/s (", pages, runs,
           g_array_index (rates, double, runs / 2));
  for (guint run = 0; run < runs; run++)
    g_print ("%s%.0f", run > 0 ? ", " : "", g_array_index (rates, double, run));
  g_print (")\n");

  return 0;
}
