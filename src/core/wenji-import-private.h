/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wenji-import.h"

G_BEGIN_DECLS

char      *wenji_import_decode      (const char  *path,
                                     const char  *data,
                                     gsize        length,
                                     GError     **error);
GPtrArray *wenji_import_parse_jsonl (const char  *path,
                                     const char  *text,
                                     GError     **error);
GPtrArray *wenji_import_parse_text  (const char  *path,
                                     const char  *text,
                                     GError     **error);
GPtrArray *wenji_import_parse_markdown (const char  *path,
                                        const char  *text,
                                        GError     **error);
char      *wenji_import_paragraphs  (const char  *text);

G_END_DECLS
