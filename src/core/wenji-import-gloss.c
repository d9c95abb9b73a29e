/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Removing the pinyin glosses that mirror sites inject after Traditional
 * characters when they convert a page: `關(guān)注` for `關注`.
 *
 * The rule is conservative, so that a text that explains a reading on
 * purpose (`饕(tāo)餮(tiè)`) keeps it:
 *
 * - a candidate is a Han character followed by one lowercase pinyin syllable
 *   with a tone mark in ASCII or full-width parentheses;
 * - it is a hit when OpenCC's t2s changes the character (the converter only
 *   glosses Traditional forms) and ICU's Han-Latin transliteration of the
 *   character is exactly the syllable, tone and case included;
 * - a text with at least three hits is glossed, and then every candidate is
 *   removed, as are the remains of glosses a bad conversion damaged (`I(yíng)`
 *   after a character lost to mojibake, `?tīng)` where the character and the
 *   opening parenthesis became a question mark).
 *
 * ICU gives one reading per character. A polyphonic character glossed with
 * another reading (`行(háng)` where ICU says xíng) is not a hit, so it does
 * not help a text count as glossed; once the text is glossed its gloss is
 * removed like the others. A text with fewer than three exact hits keeps all
 * its parentheses.
 */
#include "config.h"

#include <string.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "wenji-import-private.h"
#include "wenji-text.h"

#define MIN_HITS 3
#define MAX_SYLLABLE_CHARS 6

static GMutex translit_lock;

static gpointer
open_transliterator (gpointer data)
{
  static const UChar id[] = { 'H', 'a', 'n', '-', 'L', 'a', 't', 'i', 'n', 0 };
  UErrorCode status = U_ZERO_ERROR;
  UTransliterator *translit;

  translit = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  if (U_FAILURE (status)) {
    g_warning ("ICU has no Han-Latin transliteration (%s); pinyin glosses are kept",
               u_errorName (status));
    return NULL;
  }

  return translit;
}

/* ICU's pinyin for one character, NULL when it has none. */
static char *
han_reading (gunichar c)
{
  static GOnce once = G_ONCE_INIT;
  UTransliterator *translit = g_once (&once, open_transliterator, NULL);
  UErrorCode status = U_ZERO_ERROR;
  UChar buffer[32];
  int32_t length = 0, limit;
  char out[64];

  if (translit == NULL)
    return NULL;

  u_strFromUTF32 (buffer, G_N_ELEMENTS (buffer), &length, (const UChar32 *) &c, 1, &status);
  if (U_FAILURE (status))
    return NULL;

  limit = length;
  /* One transliterator for the process; ICU's is not safe to share. */
  g_mutex_lock (&translit_lock);
  utrans_transUChars (translit, buffer, &length, G_N_ELEMENTS (buffer), 0, &limit, &status);
  g_mutex_unlock (&translit_lock);
  if (U_FAILURE (status))
    return NULL;

  u_strToUTF8 (out, sizeof out, NULL, buffer, length, &status);
  if (U_FAILURE (status))
    return NULL;

  return g_strdup (out);
}

static gboolean
is_toned_vowel (gunichar c)
{
  static const char toned[] = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

  return c >= 0x80 && g_utf8_strchr (toned, -1, c) != NULL;
}

/*
 * Reads `(syllable)` at @p: returns the end of the closing parenthesis and
 * the syllable, or NULL when @p does not hold one. @open says whether the
 * opening parenthesis must be there (FALSE for a damaged `?tīng)`).
 */
static const char *
read_gloss (const char  *p,
            gboolean     open,
            char       **syllable)
{
  const char *start, *q;
  guint chars = 0;
  gboolean toned = FALSE;

  if (open) {
    if (*p == '(')
      p++;
    else if (g_str_has_prefix (p, "（"))
      p += strlen ("（");
    else
      return NULL;
  }

  start = q = p;
  while (*q != '\0' && chars <= MAX_SYLLABLE_CHARS) {
    gunichar c = g_utf8_get_char (q);

    if (c >= 'a' && c <= 'z') {
      /* fine */
    } else if (is_toned_vowel (c)) {
      toned = TRUE;
    } else if (c == 0xFC) {
      /* ü without a tone */
    } else {
      break;
    }
    chars++;
    q = g_utf8_next_char (q);
  }

  if (!toned || chars == 0 || chars > MAX_SYLLABLE_CHARS)
    return NULL;

  if (syllable != NULL)
    *syllable = g_strndup (start, q - start);

  if (*q == ')')
    return q + 1;
  if (g_str_has_prefix (q, "）"))
    return q + strlen ("）");

  return NULL;
}

static gboolean
is_hit (gunichar    c,
        const char *syllable)
{
  char utf8[8] = { 0 };
  g_autofree char *simplified = NULL;
  g_autofree char *reading = NULL;
  g_autofree char *normal = NULL;

  g_unichar_to_utf8 (c, utf8);
  simplified = wenji_text_convert ("t2s", utf8, NULL);
  if (simplified == NULL || g_str_equal (simplified, utf8))
    return FALSE;

  reading = han_reading (c);
  normal = g_utf8_normalize (syllable, -1, G_NORMALIZE_NFC);

  return reading != NULL && normal != NULL && g_str_equal (reading, normal);
}

/* Whether @text has at least MIN_HITS clear glosses. */
static gboolean
is_glossed (const char *text,
            guint      *n_hits)
{
  gunichar previous = 0;
  guint hits = 0;

  for (const char *p = text; *p != '\0';) {
    g_autofree char *syllable = NULL;
    const char *end;

    if ((*p == '(' || g_str_has_prefix (p, "（")) && wenji_text_is_han (previous) &&
        (end = read_gloss (p, TRUE, &syllable)) != NULL) {
      if (is_hit (previous, syllable) && ++hits >= MIN_HITS)
        break;
      p = end;
      previous = ')';
      continue;
    }

    previous = g_utf8_get_char (p);
    p = g_utf8_next_char (p);
  }

  *n_hits = hits;

  return hits >= MIN_HITS;
}

/**
 * wenji_import_remove_glosses:
 * @text: UTF-8 text
 * @n_glosses: (out) (optional): how many glosses were removed
 *
 * Removes the pinyin glosses of a glossed text (see the top of this file).
 *
 * Returns: (transfer full) (nullable): the text without glosses, or %NULL
 *   when @text is not glossed and stays as it is
 */
char *
wenji_import_remove_glosses (const char *text,
                             guint      *n_glosses)
{
  GString *out;
  guint hits = 0, removed = 0;

  if (n_glosses != NULL)
    *n_glosses = 0;

  /* Most texts have no parenthesis at all. */
  if (strchr (text, '(') == NULL && strstr (text, "（") == NULL)
    return NULL;
  if (!is_glossed (text, &hits))
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';) {
    const char *end = NULL;

    if (*p == '(' || g_str_has_prefix (p, "（"))
      end = read_gloss (p, TRUE, NULL);
    else if (*p == '?' || g_str_has_prefix (p, "\xEF\xBF\xBD"))
      end = read_gloss (g_utf8_next_char (p), FALSE, NULL);

    if (end != NULL) {
      removed++;
      p = end;
      continue;
    }

    g_string_append_len (out, p, g_utf8_next_char (p) - p);
    p = g_utf8_next_char (p);
  }

  if (n_glosses != NULL)
    *n_glosses = removed;

  return g_string_free (out, FALSE);
}
