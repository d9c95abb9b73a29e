/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the writers of HTML share: escaping, and pictures embedded as data:
 * URIs of the four raster types every browser shows, read with care since
 * a body can name any path.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "wenji-markup.h"

/* Text and attribute values alike; control characters are dropped and a
 * line separator (a Markdown hard break) becomes <br>. With @colons, a
 * colon is written as a character reference, so that text never reads as
 * a URL scheme, not even to a naive filter. */
void
wenji_markup_escape (GString    *out,
                     const char *text,
                     gssize      len,
                     gboolean    colons)
{
  const char *end = text + (len < 0 ? (gssize) strlen (text) : len);

  for (const char *p = text; p < end; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);

    switch (c) {
    case '&': g_string_append (out, "&amp;"); break;
    case '<': g_string_append (out, "&lt;"); break;
    case '>': g_string_append (out, "&gt;"); break;
    case '"': g_string_append (out, "&quot;"); break;
    case '\'': g_string_append (out, "&#39;"); break;
    case 0x2028: g_string_append (out, "<br>"); break;
    case ':':
      /* Text never reads as a URL scheme, not even to a naive filter. */
      g_string_append (out, colons ? "&#58;" : ":");
      break;
    default:
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
        break;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      break;
    }
  }
}

/* The image types every browser shows, recognised by their first bytes. */
static const char *
sniff_image (const guchar *data,
             gsize         len)
{
  if (len >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (len >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    return "image/jpeg";
  if (len >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return "image/gif";
  if (len >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "image/webp";
  return NULL;
}

/* An image larger than this is not embedded. */
#define MAX_IMAGE_SIZE (32 * 1024 * 1024)

/* A body can name any path, so only a regular file is read, and no more of
 * it than an image may have: `![](/dev/zero)`, a FIFO or /proc/self/pagemap
 * would otherwise hang the export or exhaust memory. */
static GByteArray *
read_image (const char *path)
{
  g_autoptr (GByteArray) data = g_byte_array_new ();
  struct stat st;
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);

  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode)) {
    close (fd);
    return NULL;
  }

  for (;;) {
    guint8 chunk[65536];
    gssize n = read (fd, chunk, sizeof chunk);

    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0 || data->len + n > MAX_IMAGE_SIZE) {
      close (fd);
      return NULL;
    }
    if (n == 0)
      break;
    g_byte_array_append (data, chunk, n);
  }
  close (fd);

  return g_steal_pointer (&data);
}

/**
 * wenji_markup_read_image:
 * @path: a picture's file
 * @mime_type: (out) (optional): its type
 *
 * Returns: (transfer full) (nullable): the bytes of a PNG, JPEG, GIF or
 *   WebP picture, or %NULL for anything else, a file that is not a regular
 *   one, or one too large
 */
GBytes *
wenji_markup_read_image (const char  *path,
                         const char **mime_type)
{
  g_autoptr (GByteArray) image = read_image (path);
  const char *mime;

  if (image == NULL || (mime = sniff_image (image->data, image->len)) == NULL)
    return NULL;
  if (mime_type != NULL)
    *mime_type = mime;

  return g_byte_array_free_to_bytes (g_steal_pointer (&image));
}

/**
 * wenji_markup_image_data_uri:
 * @path: a picture's file
 *
 * Returns: (transfer full) (nullable): a data: URI holding the picture, or
 *   %NULL for a file that is not a PNG, JPEG, GIF or WebP picture, not a
 *   regular file, or too large
 */
char *
wenji_markup_image_data_uri (const char *path)
{
  g_autoptr (GByteArray) image = read_image (path);
  g_autofree char *base64 = NULL;
  const char *mime;

  if (image == NULL || (mime = sniff_image (image->data, image->len)) == NULL)
    return NULL;

  base64 = g_base64_encode (image->data, image->len);
  return g_strdup_printf ("data:%s;base64,%s", mime, base64);
}
