/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wenji-revision.h"

G_BEGIN_DECLS

gboolean wenji_library_snapshot_if_due      (WenjiLibrary  *self,
                                             gint64         article_id,
                                             GError       **error);
void     wenji_library_set_time_for_testing (WenjiLibrary  *self,
                                             GDateTime     *time);

G_END_DECLS
