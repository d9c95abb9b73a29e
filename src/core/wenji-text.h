/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Language tags Wenji stores for articles. */
#define WENJI_LANG_HANS "zh-Hans"
#define WENJI_LANG_HANT "zh-Hant"
#define WENJI_LANG_OTHER "und"

guint        wenji_text_count_chars    (const char *text);
const char  *wenji_text_detect_lang    (const char *text);
GBytes      *wenji_text_sort_key       (const char *text);
char        *wenji_text_content_hash   (const char *text);
char        *wenji_text_convert        (const char *config,
                                        const char *text,
                                        GError    **error);
gboolean     wenji_text_is_han         (gunichar    c);
gunichar     wenji_text_simplified_char (gunichar   c);
char        *wenji_text_widen_punctuation (const char *text);
char        *wenji_text_vertical_quotes   (const char *text);
char        *wenji_text_vertical_forms    (const char *text,
                                           gboolean    traditional);
char        *wenji_text_chinese_numeral   (guint       number);
guint        wenji_text_reading_minutes (guint      char_count);

G_END_DECLS
