/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The interface's language, for the app and wenji-cli alike: the user's
 * locale, the translations of the install prefix or, for a program run
 * from its build tree (make run, meson devenv), the ones built beside it,
 * and Traditional or Simplified Chinese for the Chinese locales that have
 * no catalogue of their own.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "wenji-i18n.h"

/* Chinese locales without a catalogue of their own, and the one they read:
 * Hong Kong and Macao write Traditional characters, Singapore and Malaysia
 * Simplified ones. */
static const struct {
  const char *locale;
  const char *language;
} chinese_fallbacks[] = {
  { "zh_HK", "zh_HK:zh_TW" },
  { "zh_MO", "zh_MO:zh_TW" },
  { "zh_SG", "zh_SG:zh_CN" },
  { "zh_MY", "zh_MY:zh_CN" },
};

/**
 * wenji_i18n_language_for:
 * @locale: a locale name, such as "zh_HK.UTF-8"
 *
 * Returns: (nullable): the LANGUAGE list that gives @locale a Chinese
 *   catalogue, or %NULL where its own is the right one
 */
const char *
wenji_i18n_language_for (const char *locale)
{
  if (locale == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (chinese_fallbacks); i++) {
    const char *name = chinese_fallbacks[i].locale;

    if (g_str_has_prefix (locale, name) &&
        (locale[strlen (name)] == '\0' || locale[strlen (name)] == '.' ||
         locale[strlen (name)] == '@'))
      return chinese_fallbacks[i].language;
  }

  return NULL;
}

/* The catalogues built beside the program when it runs from the build
 * tree: an installed program never lives there. */
static const char *
find_locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = g_canonicalize_filename (WENJI_BUILD_ROOT, NULL);
  g_autofree char *prefix = g_strconcat (build_root, G_DIR_SEPARATOR_S, NULL);

  if (exe != NULL && g_str_has_prefix (exe, prefix) &&
      g_file_test (WENJI_BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return WENJI_BUILD_LOCALEDIR;

  return LOCALEDIR;
}

/**
 * wenji_i18n_init:
 *
 * Sets the locale and binds the text domain. Call it first in main(),
 * before any thread starts: it may set LANGUAGE.
 *
 * Returns: the folder the catalogues are read from
 */
const char *
wenji_i18n_init (void)
{
  const char *messages;
  const char *language;
  const char *dir;

  setlocale (LC_ALL, "");

  /* A LANGUAGE the user set is theirs; gettext ignores it in the C locale. */
  messages = setlocale (LC_MESSAGES, NULL);
  language = wenji_i18n_language_for (messages);
  if (language != NULL && (g_getenv ("LANGUAGE") == NULL || *g_getenv ("LANGUAGE") == '\0'))
    g_setenv ("LANGUAGE", language, TRUE);

  dir = find_locale_dir ();
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return dir;
}
