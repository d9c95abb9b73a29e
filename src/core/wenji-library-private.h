/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "wenji-library.h"

G_BEGIN_DECLS

/* "WENJ": marks a SQLite file as a Wenji library. */
#define WENJI_APPLICATION_ID 0x57454E4A

/**
 * WenjiMigration:
 * @version: the schema version this step produces
 * @sql: the statements that turn version - 1 into @version
 */
typedef struct {
  int         version;
  const char *sql;
} WenjiMigration;

sqlite3      *wenji_library_get_db        (WenjiLibrary         *self);
sqlite3_stmt *wenji_library_prepare       (WenjiLibrary         *self,
                                           const char           *sql,
                                           GError              **error);
gboolean      wenji_library_step_done     (WenjiLibrary         *self,
                                           sqlite3_stmt         *stmt,
                                           GError              **error);
void          wenji_library_set_error     (WenjiLibrary         *self,
                                           int                   rc,
                                           GError              **error);
gboolean      wenji_library_article_exists (WenjiLibrary        *self,
                                            gint64               id,
                                            GError             **error);
char         *wenji_library_now           (void);

void          wenji_sqlite_set_error      (sqlite3              *db,
                                           const char           *path,
                                           int                   rc,
                                           GError              **error);
gboolean      wenji_library_migrate       (sqlite3              *db,
                                           const char           *path,
                                           const WenjiMigration *steps,
                                           guint                 n_steps,
                                           GError              **error);
int           wenji_library_read_version  (sqlite3              *db,
                                           const char           *path,
                                           GError              **error);

gboolean      wenji_library_check_writable (const char          *path,
                                            GError             **error);
gboolean      wenji_library_check_file    (const char           *path,
                                           GError              **error);
gboolean      wenji_library_backup        (sqlite3              *db,
                                           const char           *path,
                                           int                   version,
                                           GError              **error);
void          wenji_library_set_busy_timeout (int                milliseconds);
int           wenji_library_get_busy_timeout (void);

gboolean      wenji_library_sync_assets   (WenjiLibrary         *self,
                                           gint64                article_id,
                                           const char           *body,
                                           GError              **error);

G_END_DECLS
