/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo-pdf.h>

#include "wenji-pdf-writer.h"
#include "wenji-page-layout.h"

G_BEGIN_DECLS

struct _WenjiPdfWriter
{
  GObject        parent_instance;

  WenjiPageSetup setup;
};

cairo_surface_t *wenji_pdf_surface_new       (const WenjiPageSetup *setup,
                                              const char           *path,
                                              GError              **error);
gboolean         wenji_pdf_surface_finish    (cairo_surface_t      *surface,
                                              const char           *path,
                                              GError              **error);
void             wenji_pdf_set_metadata      (cairo_surface_t      *surface,
                                              const char           *title,
                                              const char           *author,
                                              const char           *subject,
                                              const char * const   *keywords);
void             wenji_pdf_add_outline       (cairo_surface_t      *surface,
                                              int                   parent,
                                              WenjiPageLayout      *layout,
                                              guint                 first_page,
                                              gboolean              skip_title);
char            *wenji_pdf_page_link         (guint                 page,
                                              double                x,
                                              double                y);

G_END_DECLS
