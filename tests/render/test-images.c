/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pictures in exported PDFs: PNG, JPEG, GIF and WebP are drawn (a JPEG
 * keeps its own bytes), a photo is turned upright, and a broken file or one
 * whose header claims an absurd size shows its description instead, read
 * back with pdfimages and pdftotext. */

#include "config.h"

#include <string.h>
#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <sys/stat.h>

#include "render-test.h"
#include "wenji-image.h"

/* One black pixel, no transparency. */
static const guchar tiny_gif[] = {
  'G', 'I', 'F', '8', '9', 'a', 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00,
  0x00, 0x00, 0x00, 0xff, 0xff, 0xff,
  ',', 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0x02, 0x02, 0x44, 0x01, 0x00, ';',
};

/* A header that claims 65,535 × 65,535 pixels, then the same one pixel. */
static const guchar huge_gif[] = {
  'G', 'I', 'F', '8', '9', 'a', 0xff, 0xff, 0xff, 0xff, 0x80, 0x00, 0x00,
  0x00, 0x00, 0x00, 0xff, 0xff, 0xff,
  ',', 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x00,
  0x02, 0x02, 0x44, 0x01, 0x00, ';',
};

static char *
write_bytes (const char   *dir,
             const char   *name,
             const guchar *data,
             gsize         length)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, (const char *) data, length, &error);
  g_assert_no_error (error);

  return path;
}

/* A @width × @height picture, red on the left half and blue on the right. */
static GdkPixbuf *
two_colour_pixbuf (int width,
                   int height)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < height; y++) {
    for (int x = 0; x < width; x++) {
      guchar *p = pixels + y * rowstride + x * 3;

      p[0] = x < width / 2 ? 0xe0 : 0x10;
      p[1] = 0x10;
      p[2] = x < width / 2 ? 0x10 : 0xe0;
    }
  }

  return pixbuf;
}

static char *
write_picture (const char *dir,
               const char *name,
               const char *type,
               int         width,
               int         height)
{
  g_autoptr (GdkPixbuf) pixbuf = two_colour_pixbuf (width, height);
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (gdk_pixbuf_save (pixbuf, path, type, &error, NULL));
  g_assert_no_error (error);

  return path;
}

/* The rows of `pdfimages -list` that are pictures (not their masks): the
 * encoding of each, in page order. */
static GPtrArray *
list_images (const char *pdf)
{
  const char *argv[] = { "pdfimages", "-list", pdf, NULL };
  g_autofree char *out = scratch_run_tool (argv);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *encodings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 2; lines[i] != NULL; i++) {
    g_auto (GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
    g_autoptr (GPtrArray) words = g_ptr_array_new ();

    for (guint j = 0; fields[j] != NULL; j++)
      if (*fields[j] != '\0')
        g_ptr_array_add (words, fields[j]);
    /* page num type width height color comp bpc enc … */
    if (words->len > 8 && g_str_equal (g_ptr_array_index (words, 2), "image"))
      g_ptr_array_add (encodings, g_strdup (g_ptr_array_index (words, 8)));
  }

  return encodings;
}

static void
test_formats (void)
{
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *png = write_picture (dir, "图一.png", "png", 120, 80);
  g_autofree char *jpeg = write_picture (dir, "photo.jpg", "jpeg", 120, 80);
  g_autofree char *gif = write_bytes (dir, "dot.gif", tiny_gif, sizeof tiny_gif);
  g_autofree char *webp = write_picture (dir, "web.webp", "webp", 60, 40);
  g_autofree char *broken = write_bytes (dir, "broken.jpg", (const guchar *) "not a picture", 13);
  g_autofree char *huge = write_bytes (dir, "huge.gif", huge_gif, sizeof huge_gif);
  g_autofree char *pdf = g_build_filename (dir, "pictures.pdf", NULL);
  g_autofree char *body = g_strdup_printf ("开头一段。\n\n![图一](%s)\n\n![照片](%s)\n\n![小点](%s)\n\n"
                                           "![网页图](%s)\n\n![坏掉的图](%s)\n\n![巨大的图](%s)\n\n结尾一段。",
                                           png, jpeg, gif, webp, broken, huge);
  g_autoptr (WenjiArticle) article = render_test_article ("图片", body, "zh-Hans");
  g_autoptr (WenjiPdfWriter) writer = wenji_pdf_writer_new (NULL);
  g_autoptr (GPtrArray) encodings = NULL;
  g_autoptr (GError) error = NULL;
  const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = NULL;

  g_assert_true (wenji_pdf_writer_write_article (writer, article, pdf, &error));
  g_assert_no_error (error);

  encodings = list_images (pdf);
  g_assert_cmpuint (encodings->len, ==, 4);
  /* The JPEG as it was, the others as pixels. */
  g_assert_cmpstr (g_ptr_array_index (encodings, 0), !=, "jpeg");
  g_assert_cmpstr (g_ptr_array_index (encodings, 1), ==, "jpeg");
  g_assert_cmpstr (g_ptr_array_index (encodings, 2), !=, "jpeg");
  g_assert_cmpstr (g_ptr_array_index (encodings, 3), !=, "jpeg");

  /* What could not be drawn is described; what was drawn is not. */
  text = scratch_run_tool (text_argv);
  g_assert_nonnull (strstr (text, "坏掉的图"));
  g_assert_nonnull (strstr (text, "巨大的图"));
  g_assert_null (strstr (text, "照片"));
  g_assert_null (strstr (text, "小点"));
  g_assert_null (strstr (text, "网页图"));
  g_assert_nonnull (strstr (text, "结尾一段"));

  render_test_rmdir (dir);
}

/* The colour of the surface at (@x, @y), as 0xRRGGBB. */
static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (data + y * stride))[x] & 0xffffff;
}

/* A JPEG as a camera held on its side writes it: EXIF orientation 6, "turn
 * me a quarter clockwise". */
static char *
write_turned_jpeg (const char *dir)
{
  static const guchar app1[] = {
    0xff, 0xe1, 0x00, 0x22,
    'E', 'x', 'i', 'f', 0, 0,
    'I', 'I', '*', 0, 8, 0, 0, 0,          /* little-endian TIFF, IFD at 8 */
    1, 0,                                  /* one entry */
    0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, /* orientation, SHORT, 1, 6 */
    0, 0, 0, 0,                            /* no next IFD */
  };
  g_autoptr (GdkPixbuf) pixbuf = two_colour_pixbuf (60, 40);
  g_autoptr (GString) file = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *jpeg = NULL;
  gsize length;

  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &length, "jpeg", &error, NULL));
  g_assert_no_error (error);
  /* After the start-of-image marker. */
  g_string_append_len (file, jpeg, 2);
  g_string_append_len (file, (const char *) app1, sizeof app1);
  g_string_append_len (file, jpeg + 2, length - 2);

  return write_bytes (dir, "turned.jpg", (const guchar *) file->str, file->len);
}

static gboolean
has_jpeg (cairo_surface_t *surface)
{
  const unsigned char *data = NULL;
  unsigned long length = 0;

  cairo_surface_get_mime_data (surface, CAIRO_MIME_TYPE_JPEG, &data, &length);

  return data != NULL && length > 0;
}

static gboolean
is_red (guint32 rgb)
{
  return ((rgb >> 16) & 0xff) > 0x80 && (rgb & 0xff) < 0x80;
}

static gboolean
is_blue (guint32 rgb)
{
  return ((rgb >> 16) & 0xff) < 0x80 && (rgb & 0xff) > 0x80;
}

/* A big picture is decoded small; a photo taken on its side is turned. */
static void
test_scaled_and_upright (void)
{
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *big = write_picture (dir, "big.png", "png", 4800, 1200);
  g_autofree char *turned = write_turned_jpeg (dir);
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;

  surface = wenji_image_load (big, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2400);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 600);
  g_assert_true (is_red (pixel_at (surface, 100, 300)));
  g_assert_true (is_blue (pixel_at (surface, 2300, 300)));
  cairo_surface_destroy (surface);

  /* 40 wide and 60 high, the left half (red) on top; turned pixels are no
   * longer the file's JPEG, so none is kept for the PDF. */
  surface = wenji_image_load (turned, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 40);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 60);
  g_assert_true (is_red (pixel_at (surface, 20, 5)));
  g_assert_true (is_blue (pixel_at (surface, 20, 55)));
  g_assert_false (has_jpeg (surface));
  cairo_surface_destroy (surface);

  render_test_rmdir (dir);
}

/* A picture whose file is missing and that has no description, as in a
 * page saved without its folder of pictures, takes no room on the page:
 * the text lays out on as many pages as without it. */
static void
test_missing_undescribed (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) pictured = g_string_new (NULL);
  g_autoptr (WenjiDocument) plain = NULL;
  g_autoptr (WenjiDocument) missing = NULL;
  g_autoptr (WenjiPageLayout) layout = NULL;
  WenjiPageSetup setup;
  guint pages;

  for (guint i = 0; i < 30; i++) {
    const char *paragraph = "全县全年实现生产总值262.6亿元，按可比价格计算，同比增长5.3%，"
                            "其中第一产业增加值41.6亿元，增长3.9%。\n\n";

    g_string_append (text, paragraph);
    g_string_append (pictured, paragraph);
    g_string_append_printf (pictured, "![](公报_files/chart%u.png)\n\n", i);
  }
  wenji_page_setup_init (&setup);
  layout = wenji_page_layout_new (&setup);
  plain = wenji_document_new_from_markdown (text->str, "zh-Hans", "/nonexistent");
  wenji_page_layout_set_document (layout, plain);
  pages = wenji_page_layout_get_n_pages (layout);
  g_assert_cmpuint (pages, >=, 2);

  /* Missing files, and pictures with no folder to find them in. */
  missing = wenji_document_new_from_markdown (pictured->str, "zh-Hans", "/nonexistent");
  wenji_page_layout_set_document (layout, missing);
  g_assert_cmpuint (wenji_page_layout_get_n_pages (layout), ==, pages);
  g_clear_object (&missing);
  missing = wenji_document_new_from_markdown (pictured->str, "zh-Hans", NULL);
  wenji_page_layout_set_document (layout, missing);
  g_assert_cmpuint (wenji_page_layout_get_n_pages (layout), ==, pages);
}

/* Devices and pipes named as pictures are refused at once, unread. */
static void
test_not_files (void)
{
  g_autofree char *dir = render_test_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.png", NULL);
  const char *paths[] = { "/dev/zero", "/dev/urandom", fifo, dir };
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++) {
    g_assert_null (wenji_image_load (paths[i], &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
    g_clear_error (&error);
  }

  render_test_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/images/formats", test_formats);
  g_test_add_func ("/render/images/scaled-and-upright", test_scaled_and_upright);
  g_test_add_func ("/render/images/not-files", test_not_files);
  g_test_add_func ("/render/images/missing-undescribed", test_missing_undescribed);

  return g_test_run ();
}
