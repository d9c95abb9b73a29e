/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A font cut down to the characters a text uses, for a book that carries
 * its fonts: fontconfig finds the file of the family, HarfBuzz keeps the
 * glyphs of those characters and the layout features (vertical forms among
 * them) they need. A Noto CJK face of some 20 MB becomes a few hundred KB
 * for an article.
 */
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <hb-subset.h>

#include "wenji-error.h"
#include "wenji-font-subset.h"

/* The file and the face in it that fontconfig gives @family. */
static char *
find_font (const char *family,
           gboolean    bold,
           int        *index)
{
  FcPattern *pattern = FcPatternCreate ();
  FcPattern *match;
  FcResult result;
  FcChar8 *file = NULL;
  FcChar8 *found_family = NULL;
  char *path = NULL;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  FcPatternAddInteger (pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);

  /* Only the family asked for: another one would not have its characters. */
  if (match != NULL &&
      FcPatternGetString (match, FC_FAMILY, 0, &found_family) == FcResultMatch &&
      g_ascii_strcasecmp ((const char *) found_family, family) == 0 &&
      FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch &&
      FcPatternGetInteger (match, FC_INDEX, 0, index) == FcResultMatch)
    path = g_strdup ((const char *) file);

  if (match != NULL)
    FcPatternDestroy (match);
  FcPatternDestroy (pattern);

  return path;
}

/**
 * wenji_font_subset:
 * @family: a font family, such as "Noto Serif CJK SC"
 * @bold: the bold face of it
 * @text: the characters to keep
 *
 * Returns: (transfer full) (nullable): the subset font, OpenType, or %NULL
 *   with @error set when the family is not installed or cannot be cut
 */
GBytes *
wenji_font_subset (const char  *family,
                   gboolean     bold,
                   const char  *text,
                   GError     **error)
{
  g_autofree char *path = NULL;
  hb_blob_t *blob, *subset_blob;
  hb_face_t *face, *subset;
  hb_subset_input_t *input;
  hb_set_t *unicodes;
  GBytes *bytes = NULL;
  int index = 0;

  path = find_font (family, bold, &index);
  if (path == NULL) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND,
                 "The font “%s” is not installed, so the book cannot carry it.", family);
    return NULL;
  }

  blob = hb_blob_create_from_file_or_fail (path);
  if (blob == NULL) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_FAILED, "Cannot read the font file “%s”.", path);
    return NULL;
  }
  face = hb_face_create (blob, index);
  hb_blob_destroy (blob);

  input = hb_subset_input_create_or_fail ();
  unicodes = hb_subset_input_unicode_set (input);
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    hb_set_add (unicodes, g_utf8_get_char (p));

  subset = input != NULL ? hb_subset_or_fail (face, input) : NULL;
  if (subset != NULL) {
    unsigned int length;
    const char *data;

    subset_blob = hb_face_reference_blob (subset);
    data = hb_blob_get_data (subset_blob, &length);
    if (length > 0)
      bytes = g_bytes_new (data, length);
    hb_blob_destroy (subset_blob);
    hb_face_destroy (subset);
  }
  if (input != NULL)
    hb_subset_input_destroy (input);
  hb_face_destroy (face);

  if (bytes == NULL)
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_FAILED, "Cannot cut the font “%s” down.", family);

  return bytes;
}
