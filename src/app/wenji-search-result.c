/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "wenji-search-result.h"

/* One row of the search results: an article, its title and a snippet. */
struct _WenjiSearchResult
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *snippet;
  char    *lang;
};

G_DEFINE_FINAL_TYPE (WenjiSearchResult, wenji_search_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SNIPPET,
  PROP_LANG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wenji_search_result_finalize (GObject *object)
{
  WenjiSearchResult *self = (WenjiSearchResult *)object;

  g_free (self->title);
  g_free (self->snippet);
  g_free (self->lang);

  G_OBJECT_CLASS (wenji_search_result_parent_class)->finalize (object);
}

static void
wenji_search_result_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WenjiSearchResult *self = WENJI_SEARCH_RESULT (object);

  switch (prop_id) {
  case PROP_ID:
    g_value_set_int64 (value, self->id);
    break;
  case PROP_TITLE:
    g_value_set_string (value, self->title);
    break;
  case PROP_SNIPPET:
    g_value_set_string (value, self->snippet);
    break;
  case PROP_LANG:
    g_value_set_string (value, self->lang);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_search_result_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  WenjiSearchResult *self = WENJI_SEARCH_RESULT (object);

  switch (prop_id) {
  case PROP_ID:
    self->id = g_value_get_int64 (value);
    break;
  case PROP_TITLE:
    self->title = g_value_dup_string (value);
    break;
  case PROP_SNIPPET:
    self->snippet = g_value_dup_string (value);
    break;
  case PROP_LANG:
    self->lang = g_value_dup_string (value);
    break;
  default:
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
wenji_search_result_class_init (WenjiSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wenji_search_result_finalize;
  object_class->get_property = wenji_search_result_get_property;
  object_class->set_property = wenji_search_result_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* With the matches between WENJI_SNIPPET_OPEN and WENJI_SNIPPET_CLOSE. */
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANG] =
    g_param_spec_string ("lang", NULL, NULL,
                         WENJI_LANG_HANS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wenji_search_result_init (WenjiSearchResult *self)
{
}

/**
 * wenji_search_result_new:
 *
 * The language is guessed from the title and snippet: the search does not
 * return the stored one, and the guess is what picks the glyphs anyway.
 */
WenjiSearchResult *
wenji_search_result_new (const WenjiSearchHit *hit)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (hit != NULL, NULL);

  text = g_strconcat (hit->title ? hit->title : "", "\n", hit->snippet ? hit->snippet : "", NULL);

  return g_object_new (WENJI_TYPE_SEARCH_RESULT,
                       "id", hit->id,
                       "title", hit->title,
                       "snippet", hit->snippet,
                       "lang", wenji_text_detect_lang (text),
                       NULL);
}

gint64
wenji_search_result_get_id (WenjiSearchResult *self)
{
  g_return_val_if_fail (WENJI_IS_SEARCH_RESULT (self), 0);

  return self->id;
}

const char *
wenji_search_result_get_title (WenjiSearchResult *self)
{
  g_return_val_if_fail (WENJI_IS_SEARCH_RESULT (self), NULL);

  return self->title;
}

const char *
wenji_search_result_get_snippet (WenjiSearchResult *self)
{
  g_return_val_if_fail (WENJI_IS_SEARCH_RESULT (self), NULL);

  return self->snippet;
}

const char *
wenji_search_result_get_lang (WenjiSearchResult *self)
{
  g_return_val_if_fail (WENJI_IS_SEARCH_RESULT (self), NULL);

  return self->lang;
}

static void
append_escaped (GString    *markup,
                const char *text,
                gssize      len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (markup, escaped);
}

/**
 * wenji_search_result_format_snippet:
 * @snippet: (nullable): a snippet with its matches between markers
 *
 * Split at the markers before escaping: g_markup_escape_text() would turn
 * the control characters into character references.
 *
 * Returns: (transfer full): Pango markup with each match bold on a highlight
 */
char *
wenji_search_result_format_snippet (const char *snippet)
{
  GString *markup = g_string_new (NULL);
  gboolean open = FALSE;
  const char *p = snippet ? snippet : "";
  const char *mark;

  while ((mark = strpbrk (p, WENJI_SNIPPET_OPEN WENJI_SNIPPET_CLOSE)) != NULL) {
    append_escaped (markup, p, mark - p);

    if (*mark == WENJI_SNIPPET_OPEN[0] && !open) {
      g_string_append (markup, "<span weight=\"bold\" background=\"#f6d32d\" bgalpha=\"55%\">");
      open = TRUE;
    } else if (*mark == WENJI_SNIPPET_CLOSE[0] && open) {
      g_string_append (markup, "</span>");
      open = FALSE;
    }

    p = mark + 1;
  }

  append_escaped (markup, p, -1);
  if (open)
    g_string_append (markup, "</span>");

  return g_string_free (markup, FALSE);
}
