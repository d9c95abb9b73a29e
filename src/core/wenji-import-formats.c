/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Turning files into articles: decoding, then one parser per format.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "wenji-article-private.h"
#include "wenji-error.h"
#include "wenji-import-private.h"
#include "wenji-text.h"

/*
 * Normalises line ends and makes every non-empty line its own Markdown
 * paragraph, as Chinese text files put one paragraph on a line.
 */
char *
wenji_import_paragraphs (const char *text)
{
  g_auto (GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  lines = g_strsplit_set (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++) {
    char *line = g_strstrip (lines[i]);

    /* Chinese text indents paragraphs with ideographic spaces. */
    while (g_str_has_prefix (line, "\u3000"))
      line += strlen ("\u3000");
    if (*line == '\0')
      continue;
    if (out->len > 0)
      g_string_append (out, "\n\n");
    g_string_append (out, line);
  }

  return g_string_free (out, FALSE);
}

/* What a scraper writes for a field it did not find: JavaScript's missing
 * values, turned into strings. */
static gboolean
is_placeholder (const char *value)
{
  static const char * const placeholders[] = { "undefined", "null", "NaN", "[object Object]" };
  gsize length;

  while (g_ascii_isspace (*value))
    value++;
  length = strlen (value);
  while (length > 0 && g_ascii_isspace (value[length - 1]))
    length--;

  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (length == strlen (placeholders[i]) && strncmp (value, placeholders[i], length) == 0)
      return TRUE;

  return FALSE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      is_placeholder (json_node_get_string (node)))
    return NULL;

  return json_node_get_string (node);
}

/* The text without lines that are only a placeholder. */
static char *
text_without_placeholders (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++) {
    if (is_placeholder (lines[i]))
      continue;
    g_string_append (out, lines[i]);
    g_string_append_c (out, '\n');
  }

  return g_string_free (out, FALSE);
}

static WenjiArticle *
article_from_json (JsonObject *object)
{
  g_autoptr (WenjiArticle) article = wenji_article_new ();
  g_autofree char *body = NULL;
  g_autofree char *kept = NULL;
  const char *text = member_string (object, "text");
  const char *lang = member_string (object, "lang");
  const char *status = member_string (object, "status");
  JsonNode *tags = json_object_get_member (object, "tags");

  if (text == NULL)
    text = member_string (object, "body");
  kept = text_without_placeholders (text ? text : "");
  body = wenji_import_paragraphs (kept);

  wenji_article_set_title (article, member_string (object, "title"));
  wenji_article_set_body (article, body);
  wenji_article_set_author (article, member_string (object, "author"));
  wenji_article_set_source (article, member_string (object, "source"));
  wenji_article_set_source_url (article, member_string (object, "source_url"));
  wenji_article_set_editor (article, member_string (object, "editor"));
  wenji_article_set_published_at (article, member_string (object, "date"));
  wenji_article_set_summary (article, member_string (object, "summary"));
  /* Unknown languages are detected from the text when stored. */
  wenji_article_set_lang (article, lang);
  if (wenji_status_is_valid (status))
    wenji_article_set_status (article, status);

  if (tags != NULL && JSON_NODE_HOLDS_ARRAY (tags)) {
    JsonArray *array = json_node_get_array (tags);
    g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
    g_auto (GStrv) names = NULL;

    for (guint i = 0; i < json_array_get_length (array); i++) {
      JsonNode *tag = json_array_get_element (array, i);
      if (JSON_NODE_HOLDS_VALUE (tag) && json_node_get_value_type (tag) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (tag));
    }
    names = g_strv_builder_end (builder);
    wenji_article_set_tags (article, (const char * const *) names);
  }

  return g_steal_pointer (&article);
}

/**
 * wenji_import_parse_jsonl:
 *
 * One article per line: `title, text, date, source, lang` and optionally
 * `author, editor, source_url, summary, status, tags`. Blank lines are
 * skipped; a line that is not a JSON object fails the whole file, naming the
 * line, so that a half-read file is never imported. A field that says
 * "undefined" or "null", and such a line of text, count as missing.
 */
GPtrArray *
wenji_import_parse_jsonl (const char  *path,
                          const char  *text,
                          GError     **error)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *line = text;
  guint line_number = 0;

  while (*line != '\0') {
    const char *end = strchr (line, '\n');
    gsize length = end ? (gsize) (end - line) : strlen (line);
    g_autoptr (GError) local_error = NULL;
    JsonNode *root;

    line_number++;
    if (length > 0 && strspn (line, " \t\r") < length) {
      if (!json_parser_load_from_data (parser, line, length, &local_error) ||
          !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_OBJECT (root)) {
        g_autofree char *name = g_filename_display_name (path);
        g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                     "Line %u of “%s” is not a JSON object%s%s", line_number, name,
                     local_error ? ": " : ".", local_error ? local_error->message : "");
        return NULL;
      }
      g_ptr_array_add (articles, article_from_json (json_node_get_object (root)));
    }

    line = end ? end + 1 : line + length;
  }

  return g_steal_pointer (&articles);
}

/**
 * wenji_import_split_lines:
 * @text: text with any line ends
 *
 * Returns: (transfer full) (element-type utf8): its non-empty lines,
 *   stripped of spaces and of the ideographic spaces that indent Chinese
 *   paragraphs
 */
GPtrArray *
wenji_import_split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *line = text;

  while (*line != '\0') {
    gsize length = strcspn (line, "\r\n");
    g_autofree char *copy = g_strndup (line, length);
    char *start = g_strstrip (copy);

    while (g_str_has_prefix (start, "\u3000"))
      start += strlen ("\u3000");
    /* g_strstrip() leaves trailing ideographic spaces. */
    while (g_str_has_suffix (start, "\u3000"))
      start[strlen (start) - strlen ("\u3000")] = '\0';
    if (*start != '\0')
      g_ptr_array_add (lines, g_strdup (start));

    line += length;
    line += strspn (line, "\r\n");
  }

  return lines;
}

/**
 * wenji_import_parse_text:
 *
 * A text file: its first line is the title, every other line a paragraph.
 * A text saved from a web page loses its pinyin glosses, bylines and page
 * furniture (wenji-import-chrome.c), which give the article's fields; lines
 * that match no rule stay as they are.
 */
GPtrArray *
wenji_import_parse_text (const char  *path,
                         const char  *text,
                         GError     **error)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (WenjiArticle) article = wenji_article_new ();
  g_autofree char *unglossed = wenji_import_remove_glosses (text, NULL);
  g_autoptr (GPtrArray) lines = wenji_import_split_lines (unglossed ? unglossed : text);
  g_autoptr (GPtrArray) kept = NULL;
  g_auto (WenjiImportFields) fields = { 0 };
  g_autofree char *body = NULL;

  if (lines->len == 0) {
    g_autofree char *name = g_filename_display_name (path);
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID, "“%s” is empty.", name);
    return NULL;
  }

  kept = wenji_import_filter_lines (lines, &fields);
  if (kept->len == 0) {
    g_autofree char *name = g_filename_display_name (path);
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID,
                 "“%s” holds no article text, only a byline or page furniture.", name);
    return NULL;
  }

  g_ptr_array_add (kept, NULL);
  body = g_strjoinv ("\n\n", (char **) kept->pdata + 1);
  wenji_article_set_title (article, kept->pdata[0]);
  wenji_article_set_body (article, body);
  wenji_import_apply_fields (article, &fields);
  wenji_article_set_lang (article, NULL);

  g_ptr_array_add (articles, g_steal_pointer (&article));

  return g_steal_pointer (&articles);
}

/* Takes `[a, b]` or `a, b` apart into tags. */
static GStrv
split_tags (const char *value)
{
  g_autofree char *inner = g_strdup (value);
  g_auto (GStrv) parts = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_strstrip (inner);
  if (*inner == '[') {
    gsize len = strlen (inner);
    memmove (inner, inner + 1, len);
    if (len > 1 && inner[len - 2] == ']')
      inner[len - 2] = '\0';
  }

  parts = g_strsplit_set (inner, ",，", -1);
  for (guint i = 0; parts[i] != NULL; i++) {
    char *tag = g_strstrip (parts[i]);
    gsize len = strlen (tag);

    if (len >= 2 && (tag[0] == '"' || tag[0] == '\'') && tag[len - 1] == tag[0]) {
      tag[len - 1] = '\0';
      tag++;
    }
    if (*tag != '\0')
      g_strv_builder_add (builder, tag);
  }

  return g_strv_builder_end (builder);
}

/* Undoes the escapes the Markdown export writes: \" \\ \n \r \t. Any
 * other backslash is kept as written; g_strcompress() would warn about a
 * trailing one and turn \377 into a byte that is not UTF-8. */
static char *
unescape_scalar (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++) {
    char c = p[1];

    if (*p != '\\' || (c != '"' && c != '\\' && c != 'n' && c != 'r' && c != 't')) {
      g_string_append_c (out, *p);
      continue;
    }
    g_string_append_c (out, c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c);
    p++;
  }

  return g_string_free (out, FALSE);
}

/* A YAML scalar as written by Wenji's Markdown export: bare or quoted. */
static char *
unquote (const char *value)
{
  g_autofree char *v = g_strstrip (g_strdup (value));
  gsize len = strlen (v);

  if (len >= 2 && v[0] == '"' && v[len - 1] == '"') {
    g_autofree char *inner = g_strndup (v + 1, len - 2);
    return unescape_scalar (inner);
  }
  if (len >= 2 && v[0] == '\'' && v[len - 1] == '\'') {
    g_autofree char *inner = g_strndup (v + 1, len - 2);
    g_auto (GStrv) parts = g_strsplit (inner, "''", -1);
    return g_strjoinv ("'", parts);
  }

  return g_steal_pointer (&v);
}

static void
apply_front_matter (WenjiArticle *article,
                    const char   *front)
{
  g_auto (GStrv) lines = g_strsplit (front, "\n", -1);
  static const struct {
    const char *key;
    const char *property;
  } keys[] = {
    { "title", "title" }, { "author", "author" }, { "source", "source" },
    { "source_url", "source-url" }, { "url", "source-url" }, { "editor", "editor" },
    { "date", "published-at" }, { "published", "published-at" },
    { "published_at", "published-at" }, { "lang", "lang" }, { "language", "lang" },
    { "summary", "summary" }, { "description", "summary" },
  };

  for (guint i = 0; lines[i] != NULL; i++) {
    char *colon = strchr (lines[i], ':');
    g_autofree char *key = NULL;
    g_autofree char *value = NULL;

    if (colon == NULL || lines[i][0] == ' ' || lines[i][0] == '#')
      continue;

    {
      g_autofree char *name = g_strndup (lines[i], colon - lines[i]);
      key = g_ascii_strdown (g_strstrip (name), -1);
    }
    value = unquote (colon + 1);

    if (g_str_equal (key, "tags")) {
      g_auto (GStrv) tags = split_tags (value);
      /* A YAML block list: "tags:" followed by "- name" lines. */
      if (tags[0] == NULL) {
        g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
        for (; lines[i + 1] != NULL && g_str_has_prefix (g_strchug (lines[i + 1]), "- "); i++) {
          g_autofree char *tag = unquote (lines[i + 1] + 2);
          g_strv_builder_add (builder, tag);
        }
        g_strfreev (tags);
        tags = g_strv_builder_end (builder);
      }
      wenji_article_set_tags (article, (const char * const *) tags);
    } else if (g_str_equal (key, "status")) {
      if (wenji_status_is_valid (value))
        wenji_article_set_status (article, value);
    } else {
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        if (g_str_equal (key, keys[k].key))
          g_object_set (article, keys[k].property, value, NULL);
    }
  }
}

/* The file a picture's relative destination names, when it exists. */
static char *
picture_beside (const char *dir,
                const char *destination)
{
  g_autofree char *scheme = g_uri_parse_scheme (destination);
  g_autofree char *unescaped = NULL;
  g_autofree char *path = NULL;

  if (scheme != NULL || *destination == '\0' || *destination == '#' ||
      g_path_is_absolute (destination))
    return NULL;

  unescaped = g_uri_unescape_string (destination, NULL);
  if (unescaped == NULL)
    return NULL;
  path = g_canonicalize_filename (unescaped, dir);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR) ? g_steal_pointer (&path) : NULL;
}

/*
 * Pictures next to a Markdown file (`![图](img/a.jpg)`) still show once
 * the text lives in the library: their destinations become absolute paths,
 * in angle brackets when the path has spaces or brackets. Destinations that
 * name no file here are left as they are.
 */
static char *
anchor_pictures (const char *body,
                 const char *dir)
{
  GString *out = g_string_new (NULL);
  const char *p = body;
  const char *start;

  while ((start = strstr (p, "![")) != NULL) {
    const char *close = strstr (start + 2, "](");
    const char *destination, *end;
    g_autofree char *target = NULL;
    g_autofree char *path = NULL;
    gboolean bracketed;

    if (close == NULL || memchr (start, '\n', close - start) != NULL) {
      g_string_append_len (out, p, start + 2 - p);
      p = start + 2;
      continue;
    }

    destination = close + 2;
    bracketed = *destination == '<';
    if (bracketed)
      destination++;
    end = destination + strcspn (destination, bracketed ? ">\n" : " \t)\n");
    target = g_strndup (destination, end - destination);
    path = picture_beside (dir, target);

    /* Up to the destination, its opening angle bracket included. */
    g_string_append_len (out, p, destination - p);
    if (path == NULL || strpbrk (path, "<>") != NULL)
      g_string_append (out, target);
    else if (!bracketed && strpbrk (path, " ()") != NULL)
      g_string_append_printf (out, "<%s>", path);
    else
      g_string_append (out, path);
    p = end;
  }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

/**
 * wenji_import_parse_markdown:
 *
 * A Markdown file: YAML front matter, when present, gives the fields; else a
 * first line `# Title` (or the first line) is the title. The body is kept as
 * written.
 */
GPtrArray *
wenji_import_parse_markdown (const char  *path,
                             const char  *text,
                             GError     **error)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (WenjiArticle) article = wenji_article_new ();
  g_autofree char *normal = NULL;
  g_auto (GStrv) crlf = g_strsplit (text, "\r\n", -1);
  const char *body;

  normal = g_strjoinv ("\n", crlf);
  body = normal;
  wenji_article_set_lang (article, NULL);

  if (g_str_has_prefix (body, "---\n")) {
    const char *end = strstr (body + 4, "\n---");

    if (end != NULL && (end[4] == '\n' || end[4] == '\0')) {
      g_autofree char *front = g_strndup (body + 4, end - body - 4);

      apply_front_matter (article, front);
      body = end[4] ? end + 5 : end + 4;
    }
  }

  while (*body == '\n')
    body++;

  if (*wenji_article_get_title (article) == '\0') {
    const char *newline = strchr (body, '\n');
    g_autofree char *first = newline ? g_strndup (body, newline - body) : g_strdup (body);
    char *title = first;

    while (*title == '#')
      title++;
    g_strstrip (title);
    wenji_article_set_title (article, title);
    body = newline ? newline + 1 : "";
    while (*body == '\n')
      body++;
  }

  if (*wenji_article_get_title (article) == '\0' && *body == '\0') {
    g_autofree char *name = g_filename_display_name (path);
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID, "“%s” is empty.", name);
    return NULL;
  }

  {
    g_autofree char *parent = g_path_get_dirname (path);
    g_autofree char *dir = g_canonicalize_filename (parent, NULL);
    g_autofree char *anchored = anchor_pictures (body, dir);

    wenji_article_set_body (article, g_strchomp (anchored));
  }

  g_ptr_array_add (articles, g_steal_pointer (&article));

  return g_steal_pointer (&articles);
}
