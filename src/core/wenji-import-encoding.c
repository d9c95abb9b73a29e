/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Decoding a file's bytes into UTF-8. Chinese text arrives as UTF-8, GB18030
 * (or its subsets GBK and GB2312), Big5 and UTF-16. The order of trust: a
 * byte-order mark, then strict UTF-8, then uchardet's guess, then (for HTML)
 * the page's own meta charset. Whatever is decoded is checked before it is
 * accepted; a file none of them decodes cleanly is reported, never imported
 * as mojibake. Only a page that declares its encoding and holds a few bytes
 * it does not have is read with those bytes replaced.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <uchardet/uchardet.h>

#include "wenji-error.h"
#include "wenji-import-private.h"

/* uchardet decides on the start of a file; the conversion checks the rest. */
#define DETECT_SAMPLE_BYTES (256 * 1024)

/* A meta charset sits near the top of a page. */
#define META_SNIFF_BYTES 4096

/* The iconv names to try for an encoding Wenji accepts, in order; NULL for
 * one it does not (Latin-1 and friends are not Chinese text). */
static const char * const *
iconv_names_for (const char *charset)
{
  static const char * const gb[] = { "GB18030", NULL };
  /* CP950 and HKSCS are supersets of Big5 that saved pages use. */
  static const char * const big5[] = { "CP950", "BIG5-HKSCS", "BIG5", NULL };
  static const char * const euc_tw[] = { "EUC-TW", NULL };
  static const char * const utf16le[] = { "UTF-16LE", NULL };
  static const char * const utf16be[] = { "UTF-16BE", NULL };
  static const char * const utf8[] = { "UTF-8", NULL };
  g_autofree char *lower = NULL;

  if (charset == NULL || *charset == '\0')
    return NULL;

  lower = g_ascii_strdown (charset, -1);
  if (g_str_equal (lower, "gb18030") || g_str_equal (lower, "gbk") ||
      g_str_equal (lower, "gb2312") || g_str_equal (lower, "x-gbk") ||
      g_str_equal (lower, "cp936") || g_str_equal (lower, "euc-cn"))
    return gb;
  if (g_str_has_prefix (lower, "big5") || g_str_equal (lower, "cp950") ||
      g_str_equal (lower, "x-x-big5"))
    return big5;
  if (g_str_equal (lower, "euc-tw"))
    return euc_tw;
  if (g_str_equal (lower, "utf-16le") || g_str_equal (lower, "utf-16"))
    return utf16le;
  if (g_str_equal (lower, "utf-16be"))
    return utf16be;
  if (g_str_equal (lower, "utf-8") || g_str_equal (lower, "utf8"))
    return utf8;

  return NULL;
}

/* Characters a decoded Chinese or English text is made of. A wrong decoding
 * shows up as control characters, private-use or rare-block characters. */
static gboolean
is_expected_char (gunichar c)
{
  if (c < 0x80)
    return c >= 0x20 || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  if (c < 0xA0)
    return FALSE;              /* C1 controls */
  if (c < 0x0530)
    return TRUE;               /* Latin, IPA, Greek, Cyrillic: pinyin, names */
  if (c >= 0x2000 && c <= 0x2BFF)
    return TRUE;               /* punctuation, symbols, box drawing */
  if (c >= 0x2E80 && c <= 0x9FFF)
    return TRUE;               /* CJK radicals, punctuation, kana, Han */
  if (c >= 0xAC00 && c <= 0xD7AF)
    return TRUE;               /* Hangul */
  if (c >= 0xF900 && c <= 0xFAFF)
    return TRUE;               /* compatibility ideographs */
  if (c >= 0xFE30 && c <= 0xFE4F)
    return TRUE;               /* vertical forms */
  if (c >= 0xFF00 && c <= 0xFFEF)
    return TRUE;               /* full-width forms */
  if (c >= 0x20000 && c <= 0x3134F)
    return TRUE;               /* Han extensions */

  return FALSE;
}

/*
 * Whether decoded @text reads as text: no replacement characters, almost
 * nothing outside the blocks text is written in, and some punctuation or a
 * line break somewhere (a run of ideographs without either is what two
 * random bytes per character look like). A stray control character in a
 * thousand (a backspace a CMS left in a page) is the file's, not the
 * decoding's: ASCII reads the same in every encoding tried here.
 */
static gboolean
is_plausible (const char *text,
              gsize       length,
              gboolean    replaced)
{
  guint non_ascii = 0, unexpected = 0, controls = 0;
  gboolean structure = FALSE;
  const char *end = text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    /* Replaced sequences were counted by the caller. */
    if (c == 0xFFFD) {
      if (!replaced)
        return FALSE;
      continue;
    }
    if (c < 0x80) {
      if (!is_expected_char (c) && ++controls * 1000 > length)
        return FALSE;
      structure = TRUE;
      continue;
    }
    non_ascii++;
    if (!is_expected_char (c))
      unexpected++;
    else if (!structure && (g_unichar_ispunct (c) || g_unichar_isspace (c)))
      structure = TRUE;
  }

  /* One stray user-defined character in a hundred is tolerated. */
  return structure && unexpected * 100 <= non_ascii;
}

/* GB18030 maps the bytes A3 A0 to U+E5E5, a private-use character; old
 * pages written in GBK use them as a full-width space, and browsers show
 * them as one. Each becomes U+3000, in place: both take three bytes. */
static void
restore_gb_spaces (char       *text,
                   gsize       length,
                   const char *name)
{
  if (!g_str_equal (name, "GB18030"))
    return;
  for (char *p = memchr (text, '\xEE', length); p != NULL && p + 3 <= text + length;
       p = memchr (p + 1, '\xEE', text + length - p - 1))
    if (p[1] == '\x97' && p[2] == '\xA5')
      memcpy (p, "\xE3\x80\x80", 3);
}

/* Converts with @names in turn; the first clean, plausible result wins. */
static char *
convert_checked (const char          *data,
                 gsize                length,
                 const char * const  *names)
{
  for (guint i = 0; names[i] != NULL; i++) {
    g_autofree char *text = NULL;
    gsize written = 0, read = 0;

    if (g_str_equal (names[i], "UTF-8")) {
      if (memchr (data, '\0', length) == NULL && g_utf8_validate_len (data, length, NULL))
        return g_strndup (data, length);
      continue;
    }

    /* g_convert() fails on any byte sequence the encoding does not have,
     * and on a sequence cut off at the end: never a replacement. */
    text = g_convert (data, length, "UTF-8", names[i], &read, &written, NULL);
    if (text == NULL || read != length)
      continue;
    if (memchr (text, '\0', written) != NULL)
      continue;
    restore_gb_spaces (text, written, names[i]);
    if (is_plausible (text, written, FALSE))
      return g_steal_pointer (&text);
  }

  return NULL;
}

/* A page in the encoding it declares but for a few bytes: a link pasted in
 * from a page in another encoding, a character cut in two. Up to one bad
 * sequence in 2,000 bytes (two in a smaller page), and 16 in all, becomes
 * U+FFFD. */
#define MAX_BAD_SEQUENCES 16
#define BYTES_PER_BAD_SEQUENCE 2000

static char *
convert_declared (const char         *data,
                  gsize               length,
                  const char * const *names)
{
  GIConv converter = g_iconv_open ("UTF-8", names[0]);
  GString *out;
  char *in = (char *) data;
  gsize in_left = length;
  guint bad = 0;

  if (converter == (GIConv) -1)
    return NULL;

  out = g_string_sized_new (length + length / 2);
  while (in_left > 0 && bad <= MAX_BAD_SEQUENCES) {
    char buffer[4096];
    char *out_at = buffer;
    gsize out_left = sizeof buffer;
    gsize result = g_iconv (converter, &in, &in_left, &out_at, &out_left);

    g_string_append_len (out, buffer, out_at - buffer);
    if (result != (gsize) -1 || errno == E2BIG)
      continue;
    /* A sequence the encoding does not have, or one cut off at the end. */
    g_string_append (out, "\uFFFD");
    bad++;
    in++;
    in_left--;
    g_iconv (converter, NULL, NULL, NULL, NULL);
  }
  g_iconv_close (converter);
  restore_gb_spaces (out->str, out->len, names[0]);

  if (bad > MAX_BAD_SEQUENCES || bad > MAX (2, length / BYTES_PER_BAD_SEQUENCE) ||
      memchr (out->str, '\0', out->len) != NULL || !is_plausible (out->str, out->len, TRUE)) {
    g_string_free (out, TRUE);
    return NULL;
  }

  return g_string_free (out, FALSE);
}

/*
 * Whether @data is UTF-8 with a few bad bytes: most of its multi-byte
 * sequences are well-formed UTF-8, which text in a legacy encoding almost
 * never is. Decoding such a file as GB18030 would turn all of it into
 * mojibake. Sets @bad_offset to the first bad byte.
 */
static gboolean
is_damaged_utf8 (const char *data,
                 gsize       length,
                 gsize      *bad_offset)
{
  gsize limit = MIN (length, DETECT_SAMPLE_BYTES);
  guint good = 0, bad = 0;
  const char *end;

  *bad_offset = 0;
  for (gsize i = 0; i < limit;) {
    guchar c = data[i];
    gsize run;

    if (c < 0x80) {
      i++;
      continue;
    }
    run = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (run > 0 && i + run <= length && g_utf8_validate_len (data + i, run, &end)) {
      good++;
      i += run;
    } else {
      if (bad++ == 0)
        *bad_offset = i;
      i++;
    }
  }

  return good >= 8 && good > bad * 4;
}

static char *
detect_charset (const char *data,
                gsize       length)
{
  uchardet_t detector = uchardet_new ();
  char *charset = NULL;

  if (uchardet_handle_data (detector, data, MIN (length, DETECT_SAMPLE_BYTES)) == 0) {
    uchardet_data_end (detector);
    charset = g_strdup (uchardet_get_charset (detector));
  }
  uchardet_delete (detector);

  return charset;
}

/*
 * The charset a page declares, `<meta charset="gbk">` or `<meta
 * http-equiv="Content-Type" content="text/html; charset=gb2312">`: only a
 * hint, read from the raw bytes before the page can be decoded, so this is a
 * byte search for `charset=` and not a parse.
 */
static char *
sniff_meta_charset (const char *data,
                    gsize       length)
{
  gsize limit = MIN (length, META_SNIFF_BYTES);

  for (gsize i = 0; i + 8 < limit; i++) {
    gsize start, end;

    if (g_ascii_strncasecmp (data + i, "charset", 7) != 0)
      continue;
    start = i + 7;
    while (start < limit && (data[start] == ' ' || data[start] == '='))
      start++;
    while (start < limit && (data[start] == '"' || data[start] == '\''))
      start++;
    end = start;
    while (end < limit && (g_ascii_isalnum (data[end]) || data[end] == '-' || data[end] == '_'))
      end++;
    if (end > start)
      return g_strndup (data + start, end - start);
  }

  return NULL;
}

/**
 * wenji_import_decode:
 * @path: the file, for messages
 * @data: its bytes
 * @length: their number
 * @html: whether the file is an HTML page (its meta charset is a hint)
 * @charset: (nullable): the encoding a server named, taken when the bytes
 *   decode in it
 * @error: return location for a #GError
 *
 * Returns UTF-8 text for a file's bytes, or fails with
 * %WENJI_ERROR_ENCODING: a file that cannot be decoded with confidence is
 * reported, never imported as garbage.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
wenji_import_decode (const char  *path,
                     const char  *data,
                     gsize        length,
                     gboolean     html,
                     const char  *charset,
                     GError     **error)
{
  static const char * const utf16le[] = { "UTF-16LE", NULL };
  static const char * const utf16be[] = { "UTF-16BE", NULL };
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *detected = NULL;
  g_autofree char *declared = NULL;
  const char * const *names;
  gboolean has_nul;
  gsize bad_offset;
  char *text;

  /* A byte-order mark says what the file is; the text must then agree. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0) {
    if (memchr (data + 3, '\0', length - 3) == NULL &&
        g_utf8_validate_len (data + 3, length - 3, NULL))
      return g_strndup (data + 3, length - 3);
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_ENCODING,
                 "“%s” is marked as UTF-8 but holds bytes that are not UTF-8.", name);
    return NULL;
  }
  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))) {
    gboolean little = (guchar) data[0] == 0xFF;

    if ((text = convert_checked (data + 2, length - 2, little ? utf16le : utf16be)))
      return text;
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_ENCODING,
                 "“%s” is marked as UTF-16 but does not decode as UTF-16 text.", name);
    return NULL;
  }

  has_nul = memchr (data, '\0', length) != NULL;

  /* The charset a server names comes first, when the bytes agree with it. */
  if (!has_nul && charset != NULL && (names = iconv_names_for (charset)) &&
      (text = convert_checked (data, length, names)))
    return text;

  if (!has_nul && g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);

  if (!has_nul && is_damaged_utf8 (data, length, &bad_offset)) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_ENCODING,
                 "“%s” is UTF-8 text with invalid bytes (the first at byte %" G_GSIZE_FORMAT "); "
                 "nothing was imported from it.", name, bad_offset);
    return NULL;
  }

  detected = detect_charset (data, length);
  if ((names = iconv_names_for (detected)) && (text = convert_checked (data, length, names)))
    return text;

  if (html && (declared = sniff_meta_charset (data, length)) &&
      (names = iconv_names_for (declared)) && (text = convert_checked (data, length, names)))
    return text;

  /* A page that says what it is, but for a few bytes. */
  if (html && !has_nul &&
      (((names = iconv_names_for (charset)) && (text = convert_declared (data, length, names))) ||
       ((names = iconv_names_for (declared)) && (text = convert_declared (data, length, names)))))
    return text;

  if (has_nul) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_ENCODING,
                 "“%s” is not a text file (it holds binary data).", name);
  } else if (detected != NULL && *detected != '\0' && iconv_names_for (detected) == NULL) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_ENCODING,
                 "“%s” is not UTF-8, GB18030, Big5 or UTF-16 text (it looks like %s); "
                 "nothing was imported from it.", name, detected);
  } else {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_ENCODING,
                 "The encoding of “%s” could not be recognised with confidence; "
                 "save it as UTF-8 and import it again.", name);
  }

  return NULL;
}
