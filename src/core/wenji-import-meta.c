/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a saved page says of itself outside its text: the `<title>`, the
 * meta tags (Open Graph, Dublin Core and the names Chinese CMSs use:
 * `PubDate`, `publishdate`, `ContentSource`), structured data
 * (`<script type="application/ld+json">`), and the variables a WeChat
 * article sets in its scripts (`var ct = "1612682160"`, `var nickname`),
 * which hold its date and account when the page shows neither.
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "wenji-import-html-private.h"

/* Meta names of the publication date, most specific first. */
static const char * const published_names[] = {
  "article:published_time", "og:article:published_time", "og:published_time",
  "og:release_date", "datepublished", "pubdate", "publishdate", "publish_date", "publish-date",
  "publishtime", "pubtime", "ptime", "firstpublishedtime", "dc.date.issued", "dc.date",
  "article:created_time", "weibo:article:create_at", "sailthru.date", "parsely-pub-date",
  "date", NULL
};

static const char * const modified_names[] = {
  "article:modified_time", "og:updated_time", "datemodified", "lastmod", "last-modified", NULL
};

void
wenji_import_meta_clear (WenjiImportMeta *meta)
{
  g_clear_pointer (&meta->title, g_free);
  g_clear_pointer (&meta->og_title, g_free);
  g_clear_pointer (&meta->headline, g_free);
  g_clear_pointer (&meta->site, g_free);
  g_clear_pointer (&meta->author, g_free);
  g_clear_pointer (&meta->account, g_free);
  g_clear_pointer (&meta->editor, g_free);
  g_clear_pointer (&meta->source, g_free);
  g_clear_pointer (&meta->url, g_free);
  g_clear_pointer (&meta->description, g_free);
  g_clear_pointer (&meta->scripted_source, g_free);
}

gboolean
wenji_import_node_is (xmlNode    *node,
                      const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

char *
wenji_import_node_attr (xmlNode    *node,
                        const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);

  return copy;
}

/* White space collapsed to single spaces, none at the ends. */
static char *
collapse (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t\r\n\f\v", -1);
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (kept, words[i]);
  list = g_strv_builder_end (kept);

  return g_strjoinv (" ", list);
}

static void
keep_first (char       **field,
            const char  *value)
{
  if (*field == NULL && value != NULL) {
    g_autofree char *text = collapse (value);

    if (*text != '\0')
      *field = g_steal_pointer (&text);
  }
}

static void
keep_date (WenjiImportDate *date,
           const char      *value)
{
  if (date->year == 0)
    wenji_import_date_parse_meta (value, date);
}

/**
 * wenji_import_is_web_address:
 * @value: (nullable): an attribute's value, or what a page is called
 *
 * Returns: whether @value is a web address, `http://…` or `https://…`
 */
gboolean
wenji_import_is_web_address (const char *value)
{
  return value != NULL &&
         (g_str_has_prefix (value, "http://") || g_str_has_prefix (value, "https://"));
}

/* The engines a person's blog is made with, as its generator meta tag
 * names them: `Hexo 6.3.0`, `Hugo 0.41`. Not the CMSs that newsrooms use
 * too (WordPress). */
static gboolean
is_blog_engine (const char *generator)
{
  static const char * const engines[] = {
    "hexo", "hugo", "jekyll", "typecho", "gridea", "halo", "z-blog", "zblog", "emlog",
    "ghost", "octopress", "pelican", "hux", NULL
  };
  g_autofree char *lower = g_ascii_strdown (generator, -1);

  for (guint i = 0; engines[i] != NULL; i++)
    if (g_str_has_prefix (lower, engines[i]))
      return TRUE;

  return FALSE;
}

/* @name without the word for an account: `江西统计 公众号` is 江西统计.
 * Changes @name in place. */
static char *
without_account_word (char *name)
{
  wenji_import_strip_account_word (name);

  return name;
}

/* @names without the mail addresses among them: `FAWC,kevin@example.com`
 * is FAWC. Changes @names in place. */
static char *
without_addresses (char *names)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (GString) kept = NULL;

  if (strchr (names, '@') == NULL)
    return names;
  parts = g_strsplit_set (names, ",;", -1);
  kept = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++) {
    char *part = g_strstrip (parts[i]);

    if (*part != '\0' && strchr (part, '@') == NULL)
      g_string_append_printf (kept, "%s%s", kept->len > 0 ? "," : "", part);
  }
  strcpy (names, kept->str);

  return names;
}

static void
read_meta_tag (xmlNode         *node,
               WenjiImportMeta *meta)
{
  g_autofree char *name = wenji_import_node_attr (node, "name");
  g_autofree char *property = wenji_import_node_attr (node, "property");
  g_autofree char *itemprop = wenji_import_node_attr (node, "itemprop");
  g_autofree char *content = wenji_import_node_attr (node, "content");
  g_autofree char *key = NULL;

  if (content == NULL)
    return;
  key = g_ascii_strdown (name ? name : property ? property : itemprop ? itemprop : "", -1);
  /* `[Neo Lee]`: the author's name in brackets. */
  if (g_str_equal (key, "author") && content[0] == '[' && strlen (content) > 2 &&
      content[strlen (content) - 1] == ']' && strchr (content + 1, '[') == NULL) {
    memmove (content, content + 1, strlen (content));
    content[strlen (content) - 1] = '\0';
  }

  if (g_str_equal (key, "og:title") || g_str_equal (key, "twitter:title"))
    keep_first (&meta->og_title, content);
  else if (g_str_equal (key, "og:site_name") || g_str_equal (key, "sitename") ||
           g_str_equal (key, "site_name") || g_str_equal (key, "application-name"))
    keep_first (&meta->site, content);
  else if (g_strv_contains (published_names, key))
    keep_date (&meta->published, content);
  else if (g_strv_contains (modified_names, key))
    keep_date (&meta->modified, content);
  else if (g_str_equal (key, "author") || g_str_equal (key, "article:author") ||
           g_str_equal (key, "dc.creator"))
    keep_first (&meta->author, without_addresses (content));
  else if ((g_str_equal (key, "og:url") || g_str_equal (key, "twitter:url")) &&
           wenji_import_is_web_address (content))
    keep_first (&meta->url, content);
  else if (g_str_equal (key, "source") || g_str_equal (key, "contentsource") ||
           g_str_equal (key, "article:source") || g_str_equal (key, "mediaid"))
    keep_first (&meta->source, without_account_word (content));
  else if (g_str_equal (key, "description") || g_str_equal (key, "og:description"))
    keep_first (&meta->description, content);
  else if (g_str_equal (key, "siteidcode"))
    meta->government = TRUE;
  else if (g_str_equal (key, "articletitle"))
    meta->government_article = TRUE;
  else if (g_str_equal (key, "columnname"))
    meta->government_column = TRUE;
  else if (g_str_equal (key, "generator"))
    meta->blog = meta->blog || is_blog_engine (content);
}

static const char *
object_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

/* `"author": {"name": "…"}`, `"author": [{"name": "…"}]` or a string. */
static const char *
object_name (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
      json_array_get_length (json_node_get_array (node)) > 0)
    node = json_array_get_element (json_node_get_array (node), 0);
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return object_string (json_node_get_object (node), "name");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

static void
read_structured_node (JsonNode        *node,
                      WenjiImportMeta *meta,
                      guint            depth)
{
  JsonObject *object;

  if (node == NULL || depth > 4)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node)) {
    JsonArray *array = json_node_get_array (node);

    for (guint i = 0; i < json_array_get_length (array); i++)
      read_structured_node (json_array_get_element (array, i), meta, depth + 1);
    return;
  }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);
  keep_date (&meta->published, object_string (object, "datePublished"));
  keep_date (&meta->modified, object_string (object, "dateModified"));
  keep_first (&meta->headline, object_string (object, "headline"));
  keep_first (&meta->author, object_name (object, "author"));
  if (json_object_has_member (object, "@graph"))
    read_structured_node (json_object_get_member (object, "@graph"), meta, depth + 1);
}

static void
read_structured_data (const char      *text,
                      WenjiImportMeta *meta)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (json_parser_load_from_data (parser, text, -1, NULL))
    read_structured_node (json_parser_get_root (parser), meta, 0);
}

/* The quoted value of `var NAME = "value"` in a script, or %NULL. */
static char *
script_variable (const char *script,
                 const char *name)
{
  g_autofree char *needle = g_strconcat ("var ", name, NULL);
  const char *at = script;

  while ((at = strstr (at, needle)) != NULL) {
    const char *p = at + strlen (needle);
    const char *end;
    char quote;

    at = p;
    if (g_ascii_isalnum (*p) || *p == '_')
      continue;
    while (*p == ' ' || *p == '\t')
      p++;
    if (*p++ != '=')
      continue;
    while (*p == ' ' || *p == '\t')
      p++;
    /* `var nickname = htmlDecode("…")` */
    if (g_str_has_prefix (p, "htmlDecode("))
      p += strlen ("htmlDecode(");
    quote = *p;
    if (quote != '"' && quote != '\'')
      continue;
    if ((end = strchr (p + 1, quote)) == NULL || end - p > 400)
      continue;

    return g_strndup (p + 1, end - p - 1);
  }

  return NULL;
}

/* The string after @key at @at, when @key is a member's name there:
 * `"key": "…"`, in a script's own object `key: '…'`, or set by a script
 * `data['key'] = "…"`. Returns where the
 * value starts (its quote), or %NULL. */
static const char *
member_value (const char *script,
              const char *at,
              const char *key)
{
  const char *p = at + strlen (key);
  char quote = '\0';
  gboolean subscript = FALSE;

  /* The key is a whole name, quoted or bare. */
  if (at > script && (g_ascii_isalnum (at[-1]) || at[-1] == '_' || at[-1] == '$' ||
                      at[-1] == '.'))
    return NULL;
  if (at > script && (at[-1] == '"' || at[-1] == '\'')) {
    quote = at[-1];
    if (*p++ != quote)
      return NULL;
    /* `data['key'] = '…'`. */
    subscript = *p == ']' && at - script >= 2 && at[-2] == '[';
    p += subscript;
  } else if (g_ascii_isalnum (*p) || *p == '_') {
    return NULL;
  }
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p++ != (subscript ? '=' : ':'))
    return NULL;
  while (*p == ' ' || *p == '\t')
    p++;

  return *p == '"' || *p == '\'' ? p : NULL;
}

/* The first string value of `"key": "…"` in a script's data, or of `key:
 * '…'` in a script's object, unescaped. */
static char *
script_member (const char *script,
               const char *key)
{
  const char *p = NULL, *end;
  g_autoptr (JsonParser) parser = NULL;
  g_autofree char *literal = NULL;

  for (const char *at = strstr (script, key); at != NULL && p == NULL;
       at = strstr (at + 1, key))
    p = member_value (script, at, key);
  if (p == NULL)
    return NULL;
  for (end = p + 1; *end != '\0' && *end != *p && end - p < 200; end++)
    if (*end == '\\' && end[1] != '\0')
      end++;
  if (*end != *p)
    return NULL;
  /* `'环球时报新媒体'`: taken as it is, unless it escapes something. */
  if (*p == '\'')
    return memchr (p, '\\', end - p) == NULL ? g_strndup (p + 1, end - p - 1) : NULL;

  /* `"经济日报"`, or `"\u7ecf\u6d4e\u65e5\u62a5"`: JSON says what it is. */
  literal = g_strndup (p, end - p + 1);
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, literal, -1, NULL) ||
      !JSON_NODE_HOLDS_VALUE (json_parser_get_root (parser)) ||
      json_node_get_value_type (json_parser_get_root (parser)) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (json_parser_get_root (parser)));
}

/* The article's data a script carries when a script draws the page:
 * `window.DATA = {"media":"经济日报","pubtime":"2024-05-13 06:16:43"}`. */
static void
read_script_data (const char      *script,
                  WenjiImportMeta *meta)
{
  static const char * const date_keys[] = {
    "pubtime", "publish_time", "publishTime", "publishDateTime", "pubTime", "pubDate", "newsTime",
    "ptime", NULL
  };
  static const char * const source_keys[] = { "media", "source", "mediaName", NULL };

  for (guint i = 0; date_keys[i] != NULL && meta->scripted.year == 0; i++) {
    g_autofree char *value = script_member (script, date_keys[i]);

    wenji_import_date_parse_meta (value, &meta->scripted);
  }
  for (guint i = 0; source_keys[i] != NULL && meta->scripted_source == NULL; i++) {
    g_autofree char *value = script_member (script, source_keys[i]);

    /* A name, not an address or a code. */
    if (value != NULL && g_utf8_strlen (value, -1) <= 20 && !strchr (value, '/') &&
        !g_str_is_ascii (value))
      keep_first (&meta->scripted_source, value);
  }
}

/* WeChat's article variables: the time it was sent, its title, the account. */
static void
read_script_variables (const char      *script,
                       WenjiImportMeta *meta)
{
  g_autofree char *ct = NULL;
  g_autofree char *created = NULL;
  g_autofree char *title = NULL;
  g_autofree char *nickname = NULL;

  if (strstr (script, "var ct") != NULL && (ct = script_variable (script, "ct")) &&
      meta->posted.year == 0)
    wenji_import_date_parse_meta (ct, &meta->posted);
  if (strstr (script, "var createTime") != NULL &&
      (created = script_variable (script, "createTime")) && meta->posted.year == 0)
    wenji_import_date_parse_meta (created, &meta->posted);
  if (strstr (script, "var msg_title") && (title = script_variable (script, "msg_title")))
    keep_first (&meta->headline, title);
  if (strstr (script, "var nickname") && (nickname = script_variable (script, "nickname")))
    keep_first (&meta->account, nickname);
}

static void
read_script (xmlNode         *node,
             WenjiImportMeta *meta)
{
  g_autofree char *type = wenji_import_node_attr (node, "type");
  xmlChar *content = xmlNodeGetContent (node);
  const char *text = (const char *) content;

  if (text == NULL)
    return;
  meta->script_chars += strlen (text);
  if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0) {
    read_structured_data (text, meta);
  } else {
    if (strstr (text, "var ") != NULL)
      read_script_variables (text, meta);
    if (strchr (text, '"') != NULL || strchr (text, '\'') != NULL)
      read_script_data (text, meta);
  }
  xmlFree (content);
}

/* Whether one of the words of an id or class names the editor:
 * `editor_name`, `article-editor`; not an editorial's link
 * (`forum_editorial`) or the editors' picks (`editor_choice_author`). */
static gboolean
names_editor (const char *names)
{
  static const char * const endings[] = { "", "name", "_name", "-name", NULL };
  g_auto (GStrv) words = NULL;

  if (names == NULL)
    return FALSE;
  words = g_strsplit_set (names, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++) {
    g_autofree char *word = g_ascii_strdown (words[i], -1);
    const char *at = strstr (word, "editor");

    if (at != NULL && g_strv_contains (endings, at + strlen ("editor")))
      return TRUE;
  }

  return FALSE;
}

static void
read_editor_element (xmlNode         *node,
                     WenjiImportMeta *meta)
{
  g_autofree char *id = wenji_import_node_attr (node, "id");
  g_autofree char *klass = NULL;
  xmlChar *content;
  g_autofree char *text = NULL;

  if (!names_editor (id)) {
    klass = wenji_import_node_attr (node, "class");
    if (!names_editor (klass))
      return;
  }
  content = xmlNodeGetContent (node);
  text = wenji_import_normalise_space ((const char *) content);
  xmlFree (content);
  /* A name alone; a credit with its key is read with the lines. */
  if (g_utf8_strlen (text, -1) >= 2 && g_utf8_strlen (text, -1) <= 12 && !strstr (text, ":") &&
      !strstr (text, "：") && !strstr (text, " "))
    meta->editor = wenji_import_clean_name (text);
}

/* Whether @node is an empty element a script fills: `<div id="app"></div>`. */
static gboolean
is_app_root (xmlNode *node)
{
  static const char * const ids[] = { "app", "root", "__next", "__nuxt", "main-app", NULL };
  g_autofree char *id = NULL;

  if (!wenji_import_node_is (node, "div") || node->children != NULL)
    return FALSE;
  id = wenji_import_node_attr (node, "id");

  return id != NULL && g_strv_contains (ids, id);
}

/* Whether @node's attribute @name holds @word among its words. */
static gboolean
attr_has_word (xmlNode    *node,
               const char *name,
               const char *word)
{
  g_autofree char *value = NULL;
  g_auto (GStrv) words = NULL;

  /* Most elements have no such attribute: ask before copying. */
  if (node->properties == NULL || xmlHasProp (node, (const xmlChar *) name) == NULL)
    return FALSE;
  value = wenji_import_node_attr (node, name);
  words = value ? g_strsplit_set (value, " \t\n", -1) : NULL;

  return words != NULL && g_strv_contains ((const char * const *) words, word);
}

/* Whether @node stands in a comment: readers' names are no writer's. */
static gboolean
in_comment (xmlNode *node)
{
  for (xmlNode *up = node; up != NULL && up->type == XML_ELEMENT_NODE; up = up->parent) {
    g_autofree char *type = up->properties ? wenji_import_node_attr (up, "itemtype") : NULL;
    g_autofree char *klass = up->properties ? wenji_import_node_attr (up, "class") : NULL;
    g_autofree char *id = up->properties ? wenji_import_node_attr (up, "id") : NULL;

    if ((type && strstr (type, "Comment")) || (klass && strstr (klass, "comment")) ||
        (id && strstr (id, "comment")))
      return TRUE;
  }

  return FALSE;
}

/* The first element marked up as a name in @node: `itemprop="name"`. */
static xmlNode *
find_item_name (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    xmlNode *found;

    if (child->type != XML_ELEMENT_NODE)
      continue;
    if (attr_has_word (child, "itemprop", "name"))
      return child;
    if ((found = find_item_name (child)) != NULL)
      return found;
  }

  return NULL;
}

/* The writer as microdata marks them up, `<div itemprop="author" itemscope
 * itemtype="http://schema.org/Person"><p itemprop="name">陈年风楼</p>`, or
 * `<span itemprop="author">张三</span>`; not a comment's. */
static void
read_microdata_author (xmlNode         *node,
                       WenjiImportMeta *meta)
{
  xmlNode *name;
  xmlChar *text;
  g_autofree char *content = NULL;

  if (!attr_has_word (node, "itemprop", "author") || in_comment (node))
    return;
  name = find_item_name (node);
  if (name == NULL && node->children != NULL && node->children->next == NULL &&
      node->children->type == XML_TEXT_NODE)
    name = node;
  if (name == NULL)
    return;
  if ((content = wenji_import_node_attr (name, "content")) != NULL) {
    keep_first (&meta->author, g_strstrip (content));
    return;
  }
  text = xmlNodeGetContent (name);
  content = g_strstrip (g_strdup ((const char *) text));
  xmlFree (text);
  if (*content != '\0' && g_utf8_strlen (content, -1) <= 30)
    keep_first (&meta->author, content);
}

static void
read_nodes (xmlNode         *node,
            WenjiImportMeta *meta)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next) {
    if (child->type != XML_ELEMENT_NODE)
      continue;

    if (wenji_import_node_is (child, "title")) {
      xmlChar *text = xmlNodeGetContent (child);

      keep_first (&meta->title, (const char *) text);
      xmlFree (text);
      continue;
    }
    if (wenji_import_node_is (child, "meta")) {
      read_meta_tag (child, meta);
      continue;
    }
    if (wenji_import_node_is (child, "script")) {
      read_script (child, meta);
      continue;
    }
    if (wenji_import_node_is (child, "link")) {
      g_autofree char *rel = wenji_import_node_attr (child, "rel");
      g_autofree char *href = wenji_import_node_attr (child, "href");

      if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0 &&
          wenji_import_is_web_address (href))
        keep_first (&meta->url, href);
      continue;
    }
    /* A page wrapped as a corpus keeps its address: `<text id="http://…">`. */
    if (wenji_import_node_is (child, "text") && meta->url == NULL) {
      g_autofree char *id = wenji_import_node_attr (child, "id");

      if (wenji_import_is_web_address (id))
        keep_first (&meta->url, id);
    }
    meta->app_root |= is_app_root (child);
    if (meta->author == NULL)
      read_microdata_author (child, meta);
    /* The account of a WeChat article: `<a id="js_name">架构师之路</a>`. */
    if (meta->account == NULL) {
      g_autofree char *id = wenji_import_node_attr (child, "id");

      if (g_strcmp0 (id, "js_name") == 0) {
        xmlChar *text = xmlNodeGetContent (child);

        keep_first (&meta->account, (const char *) text);
        xmlFree (text);
      }
    }
    /* The editor's name an element of its own keeps, maybe hidden:
     * `<div id="editor_name" style="display:none;">钟宇飞</div>`. */
    if (meta->editor == NULL)
      read_editor_element (child, meta);
    if (wenji_import_node_is (child, "input") && !meta->password) {
      g_autofree char *type = wenji_import_node_attr (child, "type");

      meta->password = type != NULL && g_ascii_strcasecmp (type, "password") == 0;
    }

    read_nodes (child, meta);
  }
}

/* The corpus's wrapper around a page: `<text id="http://…" title="…">`. */
static xmlNode *
find_wrapper (xmlNode *node)
{
  for (; node != NULL; node = node->next) {
    xmlNode *inner;

    if (node->type != XML_ELEMENT_NODE)
      continue;
    if (wenji_import_node_is (node, "text"))
      return node;
    if ((inner = find_wrapper (node->children)) != NULL)
      return inner;
  }

  return NULL;
}

/**
 * wenji_import_meta_read:
 * @root: the page's root element
 * @meta: filled with what the page says of itself
 */
void
wenji_import_meta_read (xmlNode         *root,
                        WenjiImportMeta *meta)
{
  read_nodes (root, meta);

  /* A page wrapped as a corpus without a <title> of its own keeps it in
   * the wrapper: `<text id="http://…" title="二十三、感赞">`. */
  if (meta->title == NULL) {
    xmlNode *wrapper = find_wrapper (root);
    g_autofree char *title = wrapper ? wenji_import_node_attr (wrapper, "title") : NULL;

    if (title != NULL && *g_strstrip (title) != '\0')
      meta->title = g_steal_pointer (&title);
  }
}
