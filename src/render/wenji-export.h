/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "wenji-document.h"
#include "wenji-page-setup.h"

G_BEGIN_DECLS

/**
 * WenjiExportOptions:
 * @setup: how pages look
 * @title: (nullable): the title of a book or of a folder's index
 * @split: several articles become a folder of files even where the format
 *   can bind them into one book
 *
 * What the user chose beside the format and the destination.
 */
typedef struct {
  WenjiPageSetup  setup;
  const char     *title;
  gboolean        split;
} WenjiExportOptions;

typedef struct _WenjiExportFormat WenjiExportFormat;

typedef gboolean (*WenjiExportArticleFunc) (const WenjiExportOptions  *options,
                                            WenjiArticle              *article,
                                            const char                *path,
                                            GError                   **error);
typedef gboolean (*WenjiExportBookFunc)    (const WenjiExportOptions  *options,
                                            GPtrArray                 *articles,
                                            const char                *path,
                                            WenjiExportProgress        progress,
                                            gpointer                   user_data,
                                            GCancellable              *cancellable,
                                            GError                   **error);
typedef char    *(*WenjiExportRenderFunc)  (const WenjiExportOptions  *options,
                                            WenjiArticle              *article);
typedef gboolean (*WenjiExportIndexFunc)   (const WenjiExportFormat   *format,
                                            const WenjiExportOptions  *options,
                                            GPtrArray                 *articles,
                                            const char                *folder,
                                            GError                   **error);

/**
 * WenjiExportFormat:
 * @name: what the command line calls it (`--format pdf`)
 * @label: the name shown to the user, marked for translation
 * @suffix: the file name suffix, without the dot
 * @mime_type: the MIME type of one file of it
 * @write_article: writes one article to one file
 * @write_book: (nullable): binds several articles into one file
 * @write_index: (nullable): writes the index page of a folder
 * @render: (nullable): one article as text, for the clipboard or standard
 *   output, where the format is text
 * @themed: the format takes the theme of the user's choice (the others keep
 *   the house style)
 * @vertical: the format can set the text vertically (直排)
 * @fonts: the format can carry subsets of its fonts, when asked
 *
 * One export format. Several articles make one book where @write_book is
 * set, else (or when the user asks for a folder) a folder of one file per
 * article, named by wenji_export_format_file_name(), with the index
 * @write_index writes beside them.
 */
struct _WenjiExportFormat {
  const char             *name;
  const char             *label;
  const char             *suffix;
  const char             *mime_type;
  WenjiExportArticleFunc  write_article;
  WenjiExportBookFunc     write_book;
  WenjiExportIndexFunc    write_index;
  WenjiExportRenderFunc   render;
  gboolean                themed;
  gboolean                vertical;
  gboolean                fonts;
};

const WenjiExportFormat *wenji_export_format_get        (guint                     index);
const WenjiExportFormat *wenji_export_format_lookup     (const char               *name);
char                    *wenji_export_format_list_names (const char               *separator,
                                                         const char               *last_separator);
gboolean                 wenji_export_format_can_split  (const WenjiExportFormat  *format);
gboolean                 wenji_export_makes_folder      (const WenjiExportFormat  *format,
                                                         guint                     n_articles,
                                                         gboolean                  split);
char                    *wenji_export_format_file_name  (const WenjiExportFormat  *format,
                                                         WenjiArticle             *article);
char                    *wenji_export_default_name      (const WenjiExportFormat  *format,
                                                         GPtrArray                *articles,
                                                         gboolean                  split);
char                    *wenji_export_name_for_title    (const WenjiExportFormat  *format,
                                                         const char               *title,
                                                         gboolean                  folder);
gboolean                 wenji_export_articles          (const WenjiExportFormat  *format,
                                                         const WenjiExportOptions *options,
                                                         GPtrArray                *articles,
                                                         const char               *destination,
                                                         WenjiExportProgress       progress,
                                                         gpointer                  user_data,
                                                         GCancellable             *cancellable,
                                                         GError                  **error);

G_END_DECLS
