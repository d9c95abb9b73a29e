/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Chinese text helpers: counting characters the way Chinese writers count
 * them (字数), telling Simplified from Traditional script, and pinyin-order
 * sort keys. GLib, OpenCC and ICU only.
 */
#include "config.h"

#include <opencc.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "wenji-error.h"
#include "wenji-text.h"

/* Script detection looks at this many bytes at most: the start of an article
 * says which script it is written in. */
#define DETECT_SAMPLE_BYTES 6000
/* It counts the sample in pieces of this many bytes, and stops once one
 * script counts this many characters more than the other. */
#define DETECT_PIECE_BYTES 1500
#define DETECT_MARGIN 8

static GMutex opencc_lock;
static GHashTable *opencc_handles; /* config name -> opencc_t */

/*
 * Returns a shared converter for @config. OpenCC's converters keep no state
 * between calls, so one handle per configuration serves every thread.
 */
static opencc_t
get_converter (const char  *config,
               GError     **error)
{
  opencc_t handle;

  g_mutex_lock (&opencc_lock);

  if (opencc_handles == NULL)
    opencc_handles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  handle = g_hash_table_lookup (opencc_handles, config);
  if (handle == NULL) {
    g_autofree char *file = g_str_has_suffix (config, ".json")
                            ? g_strdup (config) : g_strconcat (config, ".json", NULL);

    handle = opencc_open (file);
    /* opencc_open() reports failure with (opencc_t) -1, not NULL. */
    if (handle == (opencc_t) -1) {
      g_mutex_unlock (&opencc_lock);
      g_set_error (error, WENJI_ERROR, WENJI_ERROR_FAILED,
                   "Cannot load the OpenCC conversion “%s”: %s",
                   config, opencc_error ());
      return NULL;
    }
    g_hash_table_insert (opencc_handles, g_strdup (config), handle);
  }

  g_mutex_unlock (&opencc_lock);

  return handle;
}

/**
 * wenji_text_convert:
 * @config: an OpenCC configuration such as `t2s`, `s2t`, `s2twp` or `tw2sp`
 * @text: UTF-8 text
 * @error: return location for a #GError
 *
 * Converts @text between Chinese scripts with OpenCC.
 *
 * Returns: (transfer full): the converted text, or %NULL with @error set
 */
char *
wenji_text_convert (const char  *config,
                    const char  *text,
                    GError     **error)
{
  opencc_t handle;
  char *converted;
  char *result;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (*text == '\0')
    return g_strdup ("");

  if (!(handle = get_converter (config, error)))
    return NULL;

  converted = opencc_convert_utf8 (handle, text, strlen (text));
  if (converted == NULL) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_FAILED,
                 "OpenCC could not convert the text: %s", opencc_error ());
    return NULL;
  }

  result = g_strdup (converted);
  opencc_convert_utf8_free (converted);

  return result;
}

/**
 * wenji_text_is_han:
 * @c: a character
 *
 * Returns: whether @c is a Han ideograph (汉字/漢字)
 */
gboolean
wenji_text_is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN && g_unichar_isalpha (c);
}

static gboolean
counts_per_character (gunichar c)
{
  if (c >= 0x4E00 && c <= 0x9FFF)
    return TRUE;
  if (c < 0x2E80)
    return FALSE;

  switch (g_unichar_get_script (c)) {
  case G_UNICODE_SCRIPT_HAN:
  case G_UNICODE_SCRIPT_HIRAGANA:
  case G_UNICODE_SCRIPT_KATAKANA:
  case G_UNICODE_SCRIPT_HANGUL:
  case G_UNICODE_SCRIPT_BOPOMOFO:
    return g_unichar_isalpha (c);
  default:
    return FALSE;
  }
}

/**
 * wenji_text_count_chars:
 * @text: (nullable): UTF-8 text
 *
 * Counts @text as Chinese editors count it: each Han (or kana, hangul)
 * character is one, each run of Latin letters or digits is one word,
 * punctuation and spaces are not counted. An apostrophe or hyphen inside a
 * word keeps it one word.
 *
 * Returns: the count
 */
guint
wenji_text_count_chars (const char *text)
{
  guint count = 0;
  gboolean in_word = FALSE;
  const char *p;

  if (text == NULL)
    return 0;

  for (p = text; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (counts_per_character (c)) {
      count++;
      in_word = FALSE;
    } else if (g_unichar_isalnum (c) || g_unichar_ismark (c)) {
      if (!in_word)
        count++;
      in_word = TRUE;
    } else if (in_word && (c == '\'' || c == '-' || c == 0x2019)) {
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));

      in_word = g_unichar_isalnum (next) && !counts_per_character (next);
    } else {
      in_word = FALSE;
    }
  }

  return count;
}

/* Each Han character's other forms, one character at a time: its
 * Simplified form (0: itself), and whether it has a Traditional form other
 * than itself; in arrays for the Basic Multilingual Plane, in tables for
 * the few beyond it. */
typedef struct {
  guint16    *simplified;
  guint8     *traditional;
  GHashTable *astral_simplified;
  GHashTable *astral_traditional;
} HanForms;

static void
add_block (GString  *text,
           GArray   *chars,
           gunichar  first,
           gunichar  last)
{
  for (gunichar c = first; c <= last; c++) {
    if (!g_unichar_isdefined (c))
      continue;
    g_array_append_val (chars, c);
    g_string_append_unichar (text, c);
    g_string_append_c (text, '\n');
  }
}

/* Each of @chars converted by @config, one a line: OpenCC's phrase tables
 * never join across lines, so each character gets its most usual form. */
static GStrv
convert_each (const char *config,
              GString    *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *converted = wenji_text_convert (config, text->str, &error);

  if (converted == NULL) {
    g_warning ("Cannot tell Han characters' forms apart: %s", error->message);
    return g_new0 (char *, 1);
  }

  return g_strsplit (converted, "\n", -1);
}

static gpointer
build_han_forms (gpointer data)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_auto (GStrv) simplified = NULL;
  g_auto (GStrv) traditional = NULL;
  HanForms *forms = g_new0 (HanForms, 1);

  forms->simplified = g_new0 (guint16, 0x10000);
  forms->traditional = g_new0 (guint8, 0x10000 / 8);
  forms->astral_simplified = g_hash_table_new (NULL, NULL);
  forms->astral_traditional = g_hash_table_new (NULL, NULL);

  add_block (text, chars, 0x3400, 0x4DBF);
  add_block (text, chars, 0x4E00, 0x9FFF);
  add_block (text, chars, 0xF900, 0xFAFF);
  add_block (text, chars, 0x20000, 0x2A6DF);
  simplified = convert_each ("t2s", text);
  traditional = convert_each ("s2t", text);

  for (guint i = 0; i < chars->len && simplified[i] != NULL; i++) {
    gunichar from = g_array_index (chars, gunichar, i);
    gunichar to = g_utf8_get_char (simplified[i]);

    if (g_utf8_strlen (simplified[i], -1) != 1 || to == from)
      continue;
    if (from < 0x10000 && to < 0x10000)
      forms->simplified[from] = (guint16) to;
    else
      g_hash_table_insert (forms->astral_simplified, GUINT_TO_POINTER (from),
                           GUINT_TO_POINTER (to));
  }
  for (guint i = 0; i < chars->len && traditional[i] != NULL; i++) {
    gunichar from = g_array_index (chars, gunichar, i);

    if (g_utf8_get_char (traditional[i]) == from)
      continue;
    if (from < 0x10000)
      forms->traditional[from / 8] |= 1 << (from % 8);
    else
      g_hash_table_add (forms->astral_traditional, GUINT_TO_POINTER (from));
  }

  return forms;
}

static HanForms *
get_han_forms (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, build_han_forms, NULL);
}

/* The Simplified form of @c standing alone, or @c itself. */
static gunichar
simplified_form (HanForms *forms,
                 gunichar  c)
{
  gpointer to;

  if (c < 0x10000)
    return forms->simplified[c] ? forms->simplified[c] : c;

  to = g_hash_table_lookup (forms->astral_simplified, GUINT_TO_POINTER (c));

  return to ? GPOINTER_TO_UINT (to) : c;
}

/**
 * wenji_text_simplified_char:
 * @c: a character
 *
 * Gives the most usual Simplified form of a Han character, as OpenCC's
 * `t2s` converts it standing alone; one code point for one.
 *
 * Returns: the Simplified form of @c, or @c itself
 */
gunichar
wenji_text_simplified_char (gunichar c)
{
  return simplified_form (get_han_forms (), c);
}

/* Whether OpenCC's `s2t` changes @c standing alone. */
static gboolean
has_traditional_form (HanForms *forms,
                      gunichar  c)
{
  if (c < 0x10000)
    return (forms->traditional[c / 8] & (1 << (c % 8))) != 0;

  return g_hash_table_contains (forms->astral_traditional, GUINT_TO_POINTER (c));
}

/**
 * wenji_text_detect_lang:
 * @text: (nullable): UTF-8 text
 *
 * Tells which Chinese script @text is written in: a text with more
 * characters that have another Simplified form than characters that have
 * another Traditional one is Traditional. Text with no Han characters is
 * %WENJI_LANG_OTHER; Han text that neither conversion changes is taken as
 * Simplified.
 *
 * Returns: %WENJI_LANG_HANS, %WENJI_LANG_HANT or %WENJI_LANG_OTHER
 */
const char *
wenji_text_detect_lang (const char *text)
{
  HanForms *forms;
  const char *end, *piece;
  gboolean has_han = FALSE;
  guint to_simplified = 0, to_traditional = 0;

  if (text == NULL)
    return WENJI_LANG_OTHER;

  end = strlen (text) > DETECT_SAMPLE_BYTES
          ? g_utf8_find_prev_char (text, text + DETECT_SAMPLE_BYTES) : text + strlen (text);
  if (!g_utf8_validate (text, end - text, NULL))
    return WENJI_LANG_OTHER;

  forms = get_han_forms ();
  /* A piece at a time, until one script clearly counts more: most texts
   * tell their script in their first piece. */
  piece = text;
  for (const char *p = text; p < end; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    if (p - piece >= DETECT_PIECE_BYTES) {
      if (ABS ((int) to_simplified - (int) to_traditional) >= DETECT_MARGIN)
        break;
      piece = p;
    }
    if (c < 0x3400 || !wenji_text_is_han (c))
      continue;
    has_han = TRUE;
    to_simplified += simplified_form (forms, c) != c;
    to_traditional += has_traditional_form (forms, c);
  }

  if (!has_han)
    return WENJI_LANG_OTHER;

  return to_simplified > to_traditional ? WENJI_LANG_HANT : WENJI_LANG_HANS;
}

static gpointer
open_collator (gpointer data)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollator *collator;

  /* ICU's "zh" root collation orders Han characters by pinyin, whatever
   * the locale of the process. */
  collator = ucol_open ("zh", &status);
  if (U_FAILURE (status)) {
    g_warning ("ICU has no Chinese collation (%s); titles sort by code point",
               u_errorName (status));
    return NULL;
  }

  /* Numbers inside titles sort as numbers: 第2章 before 第10章. */
  ucol_setAttribute (collator, UCOL_NUMERIC_COLLATION, UCOL_ON, &status);

  return collator;
}

/**
 * wenji_text_sort_key:
 * @text: (nullable): a title
 *
 * Computes a byte string that sorts titles in pinyin order (安徽 < 北京 <
 * 上海 < 浙江) when compared with memcmp(), as SQLite compares BLOBs.
 *
 * Returns: (transfer full): the sort key
 */
GBytes *
wenji_text_sort_key (const char *text)
{
  static GOnce once = G_ONCE_INIT;
  UCollator *collator;
  g_autofree gunichar2 *utf16 = NULL;
  glong n_units = 0;
  guint8 stack_key[256];
  guint8 *key;
  int32_t length;

  collator = g_once (&once, open_collator, NULL);

  if (text == NULL)
    text = "";

  utf16 = g_utf8_to_utf16 (text, -1, NULL, &n_units, NULL);
  if (collator == NULL || utf16 == NULL)
    return g_bytes_new (text, strlen (text));

  length = ucol_getSortKey (collator, utf16, n_units, stack_key, sizeof stack_key);
  if (length <= (int32_t) sizeof stack_key)
    return g_bytes_new (stack_key, length);

  key = g_malloc (length);
  ucol_getSortKey (collator, utf16, n_units, key, length);

  return g_bytes_new_take (key, length);
}

static gboolean
needs_normalizing (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++) {
    gunichar c;

    if (*p < 0x80)
      continue;
    c = g_utf8_get_char ((const char *) p);
    /* Latin-1, punctuation, symbols and the CJK blocks hold no combining
     * characters, but for a few marks of their own. */
    if (c >= 0x0300 &&
        !(c >= 0x2000 && c <= 0x20CF) && !(c >= 0x2100 && c <= 0x2BFF) &&
        !(c >= 0x2E80 && c <= 0x9FFF && !(c >= 0x302A && c <= 0x302F) && c != 0x3099 &&
          c != 0x309A) &&
        !(c >= 0xFF00 && c <= 0xFFEF))
      return TRUE;
    p = (const guchar *) g_utf8_next_char (p) - 1;
  }

  return FALSE;
}

/**
 * wenji_text_content_hash:
 * @text: (nullable): an article body
 *
 * Hashes @text with all white space removed and Unicode normalised, so that the
 * same article re-wrapped or re-indented has the same hash.
 *
 * Returns: (transfer full): a SHA-256 hex digest
 */
char *
wenji_text_content_hash (const char *text)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *normal = NULL;
  const char *p, *run;

  if (text == NULL)
    text = "";

  /* Text without combining marks is its own NFC: skip the costly part. */
  normal = needs_normalizing (text) ? g_utf8_normalize (text, -1, G_NORMALIZE_NFC) : NULL;
  if (normal == NULL)
    normal = g_strdup (text);

  /* Feed the runs between white space, skipping the white space itself. */
  for (p = run = normal; *p; p = g_utf8_next_char (p)) {
    if (g_unichar_isspace (g_utf8_get_char (p))) {
      if (p > run)
        g_checksum_update (checksum, (const guchar *) run, p - run);
      run = g_utf8_next_char (p);
    }
  }
  if (p > run)
    g_checksum_update (checksum, (const guchar *) run, p - run);

  return g_strdup (g_checksum_get_string (checksum));
}

static gunichar
full_width_of (gunichar c)
{
  switch (c) {
  case ',': return 0xFF0C; /* ， */
  case '.': return 0x3002; /* 。 */
  case ';': return 0xFF1B; /* ； */
  case ':': return 0xFF1A; /* ： */
  case '?': return 0xFF1F; /* ？ */
  case '!': return 0xFF01; /* ！ */
  case '(': return 0xFF08; /* （ */
  case ')': return 0xFF09; /* ） */
  default: return 0;
  }
}

static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x3000;
}

/* The nearest character before or after @i on the same line that is not a
 * blank; 0 at the start or end of the line. */
static gunichar
neighbour (const gunichar *chars,
           glong           n,
           glong           i,
           int             step)
{
  for (glong k = i + step; k >= 0 && k < n; k += step) {
    if (chars[k] == '\n')
      return 0;
    if (!is_blank (chars[k]))
      return chars[k];
  }

  return 0;
}

static gboolean
widens (const gunichar *chars,
        glong           n,
        glong           i)
{
  gunichar before = neighbour (chars, n, i, -1);
  gunichar after = neighbour (chars, n, i, +1);
  gboolean han_before = before != 0 && wenji_text_is_han (before);
  gboolean han_after = after != 0 && wenji_text_is_han (after);

  switch (chars[i]) {
  case '(':
    return han_after;
  case ')':
    return han_before;
  case '.':
    /* A full stop ends a sentence: not 3.5, not 文件.txt, not "..." */
    return han_before && (after == 0 || han_after) &&
           !(i + 1 < n && chars[i + 1] == '.') && !(i > 0 && chars[i - 1] == '.');
  default:
    return han_before && (after == 0 || han_after || after > 0x3000);
  }
}

/**
 * wenji_text_widen_punctuation:
 * @text: Markdown text
 *
 * Turns the half-width punctuation that sits between Chinese characters
 * into its full-width form (`你好, 世界!` becomes `你好，世界！`), dropping the
 * spaces around it. Code spans, fenced and indented code, numbers (3.5),
 * file names (文件.txt), ellipses and Latin text are left alone.
 *
 * Returns: (transfer full): the text, changed or not
 */
char *
wenji_text_widen_punctuation (const char *text)
{
  g_autofree gunichar *chars = NULL;
  g_autofree gboolean *drop = NULL;
  GString *out;
  gboolean in_fence = FALSE, in_span = FALSE, line_start = TRUE;
  glong n = 0;

  chars = g_utf8_to_ucs4_fast (text ? text : "", -1, &n);
  drop = g_new0 (gboolean, n + 1);

  for (glong i = 0; i < n; i++) {
    gunichar c = chars[i];

    if (line_start) {
      /* ``` fences and four-space indented code are not prose. */
      if (i + 2 < n && c == '`' && chars[i + 1] == '`' && chars[i + 2] == '`')
        in_fence = !in_fence;
      if (!in_fence && i + 3 < n && c == ' ' && chars[i + 1] == ' ' && chars[i + 2] == ' ' &&
          chars[i + 3] == ' ') {
        while (i < n && chars[i] != '\n')
          i++;
        line_start = TRUE;
        in_span = FALSE;
        continue;
      }
    }
    line_start = c == '\n';
    if (c == '\n')
      in_span = FALSE;

    if (in_fence)
      continue;
    if (c == '`') {
      in_span = !in_span;
      continue;
    }
    if (in_span || full_width_of (c) == 0 || !widens (chars, n, i))
      continue;

    chars[i] = full_width_of (c);
    /* Full-width punctuation carries its own space. */
    for (glong k = i - 1; k >= 0 && chars[k] == ' '; k--)
      drop[k] = TRUE;
    for (glong k = i + 1; k < n && chars[k] == ' '; k++)
      drop[k] = TRUE;
  }

  out = g_string_sized_new (strlen (text ? text : ""));
  for (glong i = 0; i < n; i++)
    if (!drop[i])
      g_string_append_unichar (out, chars[i]);

  return g_string_free (out, FALSE);
}

/**
 * wenji_text_reading_minutes:
 * @char_count: a count from wenji_text_count_chars()
 *
 * Returns: about how many minutes a reader takes, at 400 characters a
 *   minute (a common figure for Chinese prose), at least 1 for any text
 */
guint
wenji_text_reading_minutes (guint char_count)
{
  if (char_count == 0)
    return 0;

  return MAX (1, (char_count + 200) / 400);
}

/**
 * wenji_text_vertical_quotes:
 * @text: text
 *
 * Vertical Chinese sets quotations in corner brackets: “ ” become 「 」 and
 * ‘ ’ become 『 』.
 *
 * Returns: (transfer full): the text with its curly quotes turned
 */
char *
wenji_text_vertical_quotes (const char *text)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) : 0);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    switch (c) {
    case 0x201C: g_string_append_unichar (out, 0x300C); break;
    case 0x201D: g_string_append_unichar (out, 0x300D); break;
    case 0x2018: g_string_append_unichar (out, 0x300E); break;
    case 0x2019: g_string_append_unichar (out, 0x300F); break;
    default: g_string_append_len (out, p, g_utf8_next_char (p) - p); break;
    }
  }

  return g_string_free (out, FALSE);
}

/* Punctuation as vertical text sets it upright, and the presentation form
 * that draws it so. Every pair is three bytes in UTF-8, so that offsets
 * into the text stay where they were. */
static const struct {
  gunichar horizontal;
  gunichar vertical;
  gboolean simplified_only;   /* Traditional fonts centre these already */
} vertical_forms[] = {
  { 0x201C, 0xFE41, FALSE },  /* “ → ﹁, via 「 */
  { 0x201D, 0xFE42, FALSE },  /* ” → ﹂ */
  { 0x2018, 0xFE43, FALSE },  /* ‘ → ﹃ */
  { 0x2019, 0xFE44, FALSE },  /* ’ → ﹄ */
  { 0x300C, 0xFE41, FALSE },  /* 「 */
  { 0x300D, 0xFE42, FALSE },  /* 」 */
  { 0x300E, 0xFE43, FALSE },  /* 『 */
  { 0x300F, 0xFE44, FALSE },  /* 』 */
  { 0x300A, 0xFE3D, FALSE },  /* 《 */
  { 0x300B, 0xFE3E, FALSE },  /* 》 */
  { 0x3008, 0xFE3F, FALSE },  /* 〈 */
  { 0x3009, 0xFE40, FALSE },  /* 〉 */
  { 0xFF08, 0xFE35, FALSE },  /* （ */
  { 0xFF09, 0xFE36, FALSE },  /* ） */
  { 0x3010, 0xFE3B, FALSE },  /* 【 */
  { 0x3011, 0xFE3C, FALSE },  /* 】 */
  { 0x3014, 0xFE39, FALSE },  /* 〔 */
  { 0x3015, 0xFE3A, FALSE },  /* 〕 */
  { 0xFF5B, 0xFE37, FALSE },  /* ｛ */
  { 0xFF5D, 0xFE38, FALSE },  /* ｝ */
  { 0x2014, 0xFE31, FALSE },  /* — */
  { 0x2026, 0xFE19, FALSE },  /* … */
  { 0xFF1A, 0xFE13, FALSE },  /* ： */
  { 0xFF1B, 0xFE14, FALSE },  /* ； */
  { 0xFF0C, 0xFE10, TRUE },   /* ， top right in Simplified vertical text */
  { 0x3001, 0xFE11, TRUE },   /* 、 */
  { 0x3002, 0xFE12, TRUE },   /* 。 */
};

/**
 * wenji_text_vertical_forms:
 * @text: text to set vertically
 * @traditional: the text is Traditional Chinese, whose fonts centre the
 *   full stop, comma and enumeration comma in their cells already
 *
 * Vertical Chinese (直排) sets quotations in corner brackets and draws
 * brackets, dashes, ellipses and colons turned; Simplified text moves its
 * full stops and commas to the top right of their cells. This gives each
 * such mark its vertical presentation form, for a renderer that sets the
 * characters of a column upright. The text keeps its length in bytes.
 *
 * Returns: (transfer full): the text for vertical setting
 */
char *
wenji_text_vertical_forms (const char *text,
                           gboolean    traditional)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) : 0);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    gunichar form = 0;

    for (guint i = 0; i < G_N_ELEMENTS (vertical_forms) && form == 0; i++)
      if (vertical_forms[i].horizontal == c && !(traditional && vertical_forms[i].simplified_only))
        form = vertical_forms[i].vertical;

    if (form != 0)
      g_string_append_unichar (out, form);
    else
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
  }

  return g_string_free (out, FALSE);
}

/**
 * wenji_text_chinese_numeral:
 * @number: a number, below 100,000
 *
 * Returns: (transfer full): @number in Chinese numerals, as vertical books
 *   number their pages: 一, 十二, 一百零五
 */
char *
wenji_text_chinese_numeral (guint number)
{
  static const char * const digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  static const char * const units[] = { "", "十", "百", "千", "萬" };
  GString *out = g_string_new (NULL);
  guint n_digits = 0;
  guint values[5] = { 0 };
  gboolean zero = FALSE;

  if (number == 0 || number >= 100000)
    return g_strdup_printf ("%u", number);

  for (guint rest = number; rest > 0; rest /= 10)
    values[n_digits++] = rest % 10;

  for (guint i = n_digits; i-- > 0;) {
    if (values[i] == 0) {
      zero = TRUE;
      continue;
    }
    if (zero && out->len > 0)
      g_string_append (out, "零");
    zero = FALSE;
    /* 十二, not 一十二. */
    if (!(values[i] == 1 && i == 1 && n_digits == 2))
      g_string_append (out, digits[values[i]]);
    g_string_append (out, units[i]);
  }

  return g_string_free (out, FALSE);
}
