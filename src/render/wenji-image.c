/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The pictures of a document, read for the pages: PNG, JPEG and GIF, and
 * whatever else gdk-pixbuf has a loader for (WebP, with its loader). A
 * photo turned by its camera is turned upright. A JPEG that needs no
 * scaling or turning keeps its own bytes, which the PDF embeds as they are;
 * anything else becomes pixels. Pictures are only ever decoded at a size
 * that prints well on the largest page, so a huge photo costs a few
 * megabytes, and one whose header claims an absurd size is refused before
 * anything is decoded.
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "wenji-image.h"

/* 2,400 pixels over the text area of an A4 page (160 mm) is 380 dpi. */
#define MAX_SIDE 2400
/* The largest file read as a picture. */
#define MAX_FILE_SIZE (G_GINT64_CONSTANT (100) * 1024 * 1024)
/* What a header may claim before decoding: 40,000 × 40,000 pixels. */
#define MAX_CLAIMED_PIXELS (G_GINT64_CONSTANT (1600000000))

static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface;
  guchar *data;
  int stride;

  surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, width,
                                        height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  /* gdk-pixbuf: RGB(A) bytes, alpha not premultiplied. cairo: one native
   * 32-bit word a pixel, alpha premultiplied. */
  for (int y = 0; y < height; y++) {
    const guchar *in = pixels + (gsize) y * rowstride;
    guint32 *out = (guint32 *) (data + (gsize) y * stride);

    for (int x = 0; x < width; x++, in += channels) {
      guint a = alpha ? in[3] : 0xff;
      guint r = (in[0] * a + 127) / 255;
      guint g = (in[1] * a + 127) / 255;
      guint b = (in[2] * a + 127) / 255;

      out[x] = (a << 24) | (r << 16) | (g << 8) | b;
    }
  }
  cairo_surface_mark_dirty (surface);

  return surface;
}

/* Keeps the JPEG's own bytes with its pixels, for the PDF to embed. */
static void
attach_jpeg (cairo_surface_t *surface,
             const char      *path)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return;

  if (cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, (const guchar *) contents, length,
                                   g_free, contents) != CAIRO_STATUS_SUCCESS)
    g_free (contents);
}

/**
 * wenji_image_load:
 * @path: a picture file
 * @error: the reason it cannot be shown
 *
 * Returns: (transfer full) (nullable): the picture as an image surface, at
 *   most 2,400 pixels on its longer side
 */
cairo_surface_t *
wenji_image_load (const char  *path,
                  GError     **error)
{
  g_autoptr (GdkPixbuf) loaded = NULL;
  g_autoptr (GdkPixbuf) upright = NULL;
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *format_name = NULL;
  GdkPixbufFormat *format;
  cairo_surface_t *surface;
  GStatBuf info;
  int width, height;
  gboolean scaled = FALSE;

  /* A device or a pipe named in an imported text must not stall the
   * pages, and nothing bigger than a photo is a photo. */
  if (g_stat (path, &info) != 0 || !S_ISREG (info.st_mode)) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "“%s” is not a picture file",
                 name);
    return NULL;
  }
  if (info.st_size > MAX_FILE_SIZE) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s” is too large for a picture",
                 name);
    return NULL;
  }

  format = gdk_pixbuf_get_file_info (path, &width, &height);
  if (format == NULL || width <= 0 || height <= 0) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s” is not a picture Wenji can read",
                 name);
    return NULL;
  }
  if ((gint64) width * height > MAX_CLAIMED_PIXELS) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 "“%s” claims to be %d × %d pixels, too large to show", name, width, height);
    return NULL;
  }

  if (width > MAX_SIDE || height > MAX_SIDE) {
    loaded = gdk_pixbuf_new_from_file_at_scale (path, MIN (width, MAX_SIDE), MIN (height, MAX_SIDE),
                                                TRUE, error);
    scaled = TRUE;
  } else {
    loaded = gdk_pixbuf_new_from_file (path, error);
  }
  if (loaded == NULL)
    return NULL;

  upright = gdk_pixbuf_apply_embedded_orientation (loaded);
  if (upright == NULL) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "Not enough memory to turn “%s” upright",
                 name);
    return NULL;
  }

  surface = surface_from_pixbuf (upright);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not show “%s”: %s", name,
                 cairo_status_to_string (cairo_surface_status (surface)));
    cairo_surface_destroy (surface);
    return NULL;
  }

  format_name = gdk_pixbuf_format_get_name (format);
  if (!scaled && upright == loaded && g_strcmp0 (format_name, "jpeg") == 0)
    attach_jpeg (surface, path);

  return surface;
}
