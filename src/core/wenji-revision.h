/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "wenji-library.h"

G_BEGIN_DECLS

/* Why a revision was taken; stored as these short strings, shown translated. */
#define WENJI_REVISION_EDIT              "edit"
#define WENJI_REVISION_BEFORE_RESTORE    "before restore"
#define WENJI_REVISION_RESTORE           "restore"
#define WENJI_REVISION_BEFORE_CONVERSION "before conversion"
#define WENJI_REVISION_BEFORE_CLEANUP    "before cleanup"
#define WENJI_REVISION_BEFORE_IMPORT     "before import"

/* While an article is being edited, at most one revision this often. */
#define WENJI_REVISION_INTERVAL (5 * G_TIME_SPAN_MINUTE)

#define WENJI_TYPE_REVISION (wenji_revision_get_type ())

G_DECLARE_FINAL_TYPE (WenjiRevision, wenji_revision, WENJI, REVISION, GObject)

gint64         wenji_revision_get_id           (WenjiRevision *self);
gint64         wenji_revision_get_article_id   (WenjiRevision *self);
const char    *wenji_revision_get_title        (WenjiRevision *self);
const char    *wenji_revision_get_body         (WenjiRevision *self);
const char    *wenji_revision_get_created_at   (WenjiRevision *self);
gint64         wenji_revision_get_created_unix (WenjiRevision *self);
const char    *wenji_revision_get_reason       (WenjiRevision *self);
guint          wenji_revision_get_char_count   (WenjiRevision *self);

gint64         wenji_library_add_revision      (WenjiLibrary  *self,
                                                gint64         article_id,
                                                const char    *reason,
                                                GError       **error);
GPtrArray     *wenji_library_list_revisions    (WenjiLibrary  *self,
                                                gint64         article_id,
                                                GError       **error);
WenjiRevision *wenji_library_load_revision     (WenjiLibrary  *self,
                                                gint64         revision_id,
                                                GError       **error);
gint64         wenji_library_restore_revision  (WenjiLibrary  *self,
                                                gint64         revision_id,
                                                GError       **error);
gboolean       wenji_library_thin_revisions    (WenjiLibrary  *self,
                                                gint64         article_id,
                                                GDateTime     *now,
                                                GError       **error);

G_END_DECLS
