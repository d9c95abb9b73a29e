/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One article or several as an EPUB 3 book: a cover (the first picture of
 * the articles, or one drawn from the title), a title page, the navigation
 * document and an NCX for older readers, one XHTML file per article with
 * the house style as CSS, and the pictures, each stored once. A vertical
 * book (直排) writes its columns from the right and turns its pages from
 * right to left.
 *
 * The zip is written with libzip: the `mimetype` entry first, stored
 * uncompressed and without extra fields, as the format demands.
 */
#include "config.h"

#include <string.h>
#include <zip.h>
#include <pango/pangocairo.h>

#include "wenji-epub-writer.h"
#include "wenji-error.h"
#include "wenji-font-subset.h"
#include "wenji-html-writer.h"
#include "wenji-markup.h"
#include "wenji-text.h"

#define COVER_WIDTH  1200
#define COVER_HEIGHT 1600

typedef struct {
  char *id;
  char *href;
  char *media_type;
  char *properties;   /* nullable */
} Item;

typedef struct {
  const WenjiPageSetup *setup;
  zip_t                *zip;
  GPtrArray            *items;      /* Item, the manifest */
  GHashTable           *images;     /* picture file → href from OEBPS */
  char                 *cover;      /* href of the cover picture, or NULL */
  GString              *text;       /* everything the pages say, for the fonts */
  GError               *error;
} Book;

static void
item_free (Item *item)
{
  g_free (item->id);
  g_free (item->href);
  g_free (item->media_type);
  g_free (item->properties);
  g_free (item);
}

static void
set_zip_error (Book       *book,
               const char *what)
{
  if (book->error == NULL)
    g_set_error (&book->error, WENJI_ERROR, WENJI_ERROR_FAILED, "Cannot write the book (%s): %s",
                 what, zip_strerror (book->zip));
}

/* Adds @bytes as @name; a picture is stored as it is, text compressed. */
static gboolean
add_entry (Book       *book,
           const char *name,
           GBytes     *bytes,
           gboolean    compress)
{
  gsize length;
  gconstpointer data = g_bytes_get_data (bytes, &length);
  zip_source_t *source;
  zip_int64_t index;

  if (book->error != NULL)
    return FALSE;

  /* libzip reads the buffer when the archive is closed: it keeps a copy. */
  source = zip_source_buffer (book->zip, g_memdup2 (data, length), length, 1);
  if (source == NULL) {
    set_zip_error (book, name);
    return FALSE;
  }

  index = zip_file_add (book->zip, name, source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
  if (index < 0) {
    zip_source_free (source);
    set_zip_error (book, name);
    return FALSE;
  }
  if (zip_set_file_compression (book->zip, index, compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                0) < 0) {
    set_zip_error (book, name);
    return FALSE;
  }

  return TRUE;
}

static gboolean
add_text (Book       *book,
          const char *name,
          const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));

  return add_entry (book, name, bytes, TRUE);
}

/* A file of the book under OEBPS/, listed in the manifest. */
static gboolean
add_item (Book       *book,
          const char *id,
          const char *href,
          const char *media_type,
          const char *properties,
          GBytes     *bytes,
          gboolean    compress)
{
  g_autofree char *name = g_strconcat ("OEBPS/", href, NULL);
  Item *item = g_new0 (Item, 1);

  item->id = g_strdup (id);
  item->href = g_strdup (href);
  item->media_type = g_strdup (media_type);
  item->properties = g_strdup (properties);
  g_ptr_array_add (book->items, item);

  return add_entry (book, name, bytes, compress);
}

static gboolean
add_text_item (Book       *book,
               const char *id,
               const char *href,
               const char *media_type,
               const char *properties,
               const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));

  if (g_str_equal (media_type, "application/xhtml+xml"))
    g_string_append (book->text, text);

  return add_item (book, id, href, media_type, properties, bytes, TRUE);
}

static void
escape (GString    *out,
        const char *text)
{
  wenji_markup_escape (out, text != NULL ? text : "", -1, FALSE);
}

static const char *
extension_of (const char *mime_type)
{
  if (g_str_equal (mime_type, "image/png"))
    return "png";
  if (g_str_equal (mime_type, "image/jpeg"))
    return "jpg";
  if (g_str_equal (mime_type, "image/gif"))
    return "gif";
  return "webp";
}

/* Stores a picture of an article once, named by its content, and returns
 * its address from a page in text/. */
static char *
add_picture (const char *path,
             gpointer    user_data)
{
  Book *book = user_data;
  const char *href = g_hash_table_lookup (book->images, path);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  const char *mime_type = NULL;

  if (href == NULL) {
    bytes = wenji_markup_read_image (path, &mime_type);
    if (bytes == NULL)
      return NULL;

    checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, bytes);
    id = g_strdup_printf ("image-%.16s", checksum);
    name = g_strdup_printf ("images/%.16s.%s", checksum, extension_of (mime_type));
    /* Two files of the same picture: one entry. */
    if (!g_hash_table_contains (book->images, name)) {
      g_hash_table_insert (book->images, g_strdup (name), g_strdup (name));
      if (!add_item (book, id, name, mime_type, NULL, bytes, FALSE))
        return NULL;
    }
    g_hash_table_insert (book->images, g_strdup (path), g_strdup (name));
    href = g_hash_table_lookup (book->images, path);
    if (book->cover == NULL)
      book->cover = g_strdup (href);
  }

  return g_strconcat ("../", href, NULL);
}

static const char *
book_lang (GPtrArray *articles)
{
  const char *lang = wenji_article_get_lang (articles->pdata[0]);

  return lang != NULL && *lang != '\0' ? lang : WENJI_LANG_HANS;
}

/* An XHTML page of the book, its body in @body. */
static char *
xhtml_page (const char *lang,
            const char *title,
            const char *css,
            const char *body_class,
            const char *body)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                               "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                               "xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"");

  escape (out, lang);
  g_string_append (out, "\" xml:lang=\"");
  escape (out, lang);
  g_string_append (out, "\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>");
  escape (out, title);
  g_string_append (out, "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"");
  g_string_append (out, css);
  g_string_append (out, "\"/>\n</head>\n<body");
  if (body_class != NULL)
    g_string_append_printf (out, " class=\"%s\"", body_class);
  g_string_append (out, ">\n");
  g_string_append (out, body);
  g_string_append (out, "</body>\n</html>\n");

  return g_string_free (out, FALSE);
}

static const char *
display_title (WenjiArticle *article)
{
  const char *title = wenji_article_get_title (article);

  return title != NULL && *title != '\0' ? title : "—";
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* A cover drawn from the title, in the fonts of its script. */
static GBytes *
draw_cover (const char *title,
            const char *lang,
            gboolean    vertical)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, COVER_WIDTH,
                                                         COVER_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) font = pango_font_description_new ();
  g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();
  GByteArray *png = g_byte_array_new ();
  int width, height;

  cairo_set_source_rgb (cr, 0.97, 0.96, 0.93);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.55, 0.1, 0.1);
  cairo_rectangle (cr, 80, 80, COVER_WIDTH - 160, COVER_HEIGHT - 160);
  cairo_set_line_width (cr, 6);
  cairo_stroke (cr);

  pango_font_description_set_family (font, wenji_font_family (WENJI_FONT_HEADING, lang));
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (font, 96 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_attr_list_insert (attrs, pango_attr_language_new (wenji_pango_language (lang)));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  if (vertical) {
    /* The title runs down the middle of the cover. */
    pango_context_set_base_gravity (pango_layout_get_context (layout), PANGO_GRAVITY_EAST);
    pango_context_set_gravity_hint (pango_layout_get_context (layout), PANGO_GRAVITY_HINT_STRONG);
    pango_layout_context_changed (layout);
    pango_layout_set_width (layout, (COVER_HEIGHT - 400) * PANGO_SCALE);
    pango_layout_set_text (layout, title, -1);
    pango_layout_get_pixel_size (layout, &width, &height);
    cairo_translate (cr, (COVER_WIDTH + height) / 2.0, 200);
    cairo_rotate (cr, G_PI / 2);
  } else {
    pango_layout_set_width (layout, (COVER_WIDTH - 320) * PANGO_SCALE);
    pango_layout_set_text (layout, title, -1);
    pango_layout_get_pixel_size (layout, &width, &height);
    cairo_translate (cr, 160, (COVER_HEIGHT - height) / 2.5);
  }
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  pango_cairo_show_layout (cr, layout);

  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (png);
}

/* An identifier that stays the same for the same articles. */
static char *
book_identifier (GPtrArray *articles)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  for (guint i = 0; i < articles->len; i++) {
    const char *uuid = wenji_article_get_uuid (articles->pdata[i]);
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                           wenji_article_get_id (articles->pdata[i]));

    g_checksum_update (checksum, (const guchar *) (uuid != NULL ? uuid : id), -1);
    g_checksum_update (checksum, (const guchar *) "\n", 1);
  }
  g_checksum_get_digest (checksum, digest, &length);
  /* A name-based UUID (version 5, RFC 4122 variant). */
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* The date of the book: the first article's publication date, when it has
 * a well-formed one, else today. */
static char *
book_date (GPtrArray *articles)
{
  const char *date = wenji_article_get_published_at (articles->pdata[0]);
  g_autoptr (GDateTime) now = NULL;

  if (date != NULL && strlen (date) >= 10 && g_ascii_isdigit (date[0]) && date[4] == '-' &&
      date[7] == '-')
    return g_strndup (date, 10);

  now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static void
append_unique (GPtrArray  *values,
               const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  for (guint i = 0; i < values->len; i++)
    if (g_str_equal (values->pdata[i], value))
      return;
  g_ptr_array_add (values, (gpointer) value);
}

static char *
package_document (Book       *book,
                  GPtrArray  *articles,
                  const char *title,
                  const char *lang)
{
  g_autoptr (GPtrArray) authors = g_ptr_array_new ();
  g_autoptr (GPtrArray) subjects = g_ptr_array_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *modified = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *identifier = book_identifier (articles);
  g_autofree char *date = book_date (articles);
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
                               "unique-identifier=\"book-id\" xml:lang=\"");

  for (guint i = 0; i < articles->len; i++) {
    const char * const *tags = wenji_article_get_tags (articles->pdata[i]);

    append_unique (authors, wenji_article_get_author (articles->pdata[i]));
    for (guint t = 0; tags != NULL && tags[t] != NULL; t++)
      append_unique (subjects, tags[t]);
  }

  escape (out, lang);
  g_string_append (out, "\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
  g_string_append_printf (out, "<dc:identifier id=\"book-id\">%s</dc:identifier>\n", identifier);
  g_string_append (out, "<dc:title>");
  escape (out, title);
  g_string_append (out, "</dc:title>\n<dc:language>");
  escape (out, lang);
  g_string_append (out, "</dc:language>\n");
  for (guint i = 0; i < authors->len; i++) {
    g_string_append (out, "<dc:creator>");
    escape (out, authors->pdata[i]);
    g_string_append (out, "</dc:creator>\n");
  }
  for (guint i = 0; i < subjects->len; i++) {
    g_string_append (out, "<dc:subject>");
    escape (out, subjects->pdata[i]);
    g_string_append (out, "</dc:subject>\n");
  }
  g_string_append_printf (out, "<dc:date>%s</dc:date>\n", date);
  g_string_append (out, "<dc:publisher>Wenji</dc:publisher>\n");
  g_string_append_printf (out, "<meta property=\"dcterms:modified\">%s</meta>\n", modified);
  /* The cover for readers of EPUB 2. */
  g_string_append (out,
                   "<meta name=\"cover\" content=\"cover-image\"/>\n</metadata>\n<manifest>\n");

  for (guint i = 0; i < book->items->len; i++) {
    Item *item = book->items->pdata[i];

    g_string_append_printf (out, "<item id=\"%s\" href=\"%s\" media-type=\"%s\"",
                            item->id, item->href, item->media_type);
    if (item->properties != NULL)
      g_string_append_printf (out, " properties=\"%s\"", item->properties);
    g_string_append (out, "/>\n");
  }

  g_string_append (out, "</manifest>\n<spine toc=\"ncx\"");
  if (book->setup->vertical)
    g_string_append (out, " page-progression-direction=\"rtl\"");
  g_string_append (out, ">\n<itemref idref=\"cover\"/>\n<itemref idref=\"title-page\"/>\n"
                        "<itemref idref=\"nav\"/>\n");
  for (guint i = 0; i < articles->len; i++)
    g_string_append_printf (out, "<itemref idref=\"chapter-%03u\"/>\n", i + 1);
  g_string_append (out, "</spine>\n</package>\n");

  return g_string_free (out, FALSE);
}

static char *
navigation_document (GPtrArray  *articles,
                     const char *lang,
                     const char *css)
{
  const char *heading = g_str_has_prefix (lang, "zh-Hant") ? "目錄" :
                        g_str_has_prefix (lang, "zh") ? "目录" : "Contents";
  GString *body = g_string_new ("<nav epub:type=\"toc\" id=\"toc\">\n<h1>");
  g_autofree char *text = NULL;

  g_string_append (body, heading);
  g_string_append (body, "</h1>\n<ol>\n");
  for (guint i = 0; i < articles->len; i++) {
    g_string_append_printf (body, "<li><a href=\"text/chapter-%03u.xhtml\">", i + 1);
    escape (body, display_title (articles->pdata[i]));
    g_string_append (body, "</a></li>\n");
  }
  g_string_append (body, "</ol>\n</nav>\n");

  text = g_string_free (body, FALSE);
  return xhtml_page (lang, heading, css, NULL, text);
}

static char *
ncx_document (GPtrArray  *articles,
              const char *title,
              const char *identifier)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" "
                               "version=\"2005-1\">\n"
                               "<head>\n");

  g_string_append_printf (out, "<meta name=\"dtb:uid\" content=\"%s\"/>\n", identifier);
  g_string_append (out, "<meta name=\"dtb:depth\" content=\"1\"/>\n"
                        "<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n"
                        "<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n"
                        "</head>\n<docTitle><text>");
  escape (out, title);
  g_string_append (out, "</text></docTitle>\n<navMap>\n");
  for (guint i = 0; i < articles->len; i++) {
    g_string_append_printf (out, "<navPoint id=\"nav-%u\" playOrder=\"%u\"><navLabel><text>",
                            i + 1, i + 1);
    escape (out, display_title (articles->pdata[i]));
    g_string_append_printf (out, "</text></navLabel><content src=\"text/chapter-%03u.xhtml\"/>"
                                 "</navPoint>\n", i + 1);
  }
  g_string_append (out, "</navMap>\n</ncx>\n");

  return g_string_free (out, FALSE);
}

static char *
title_page (GPtrArray  *articles,
            const char *title,
            const char *lang,
            const char *css)
{
  g_autoptr (GPtrArray) authors = g_ptr_array_new ();
  GString *body = g_string_new ("<div class=\"title-page\">\n<h1>");
  g_autofree char *text = NULL;
  g_autofree char *date = book_date (articles);

  for (guint i = 0; i < articles->len; i++)
    append_unique (authors, wenji_article_get_author (articles->pdata[i]));

  escape (body, title);
  g_string_append (body, "</h1>\n");
  if (authors->len > 0) {
    g_autofree char *joined = NULL;

    g_ptr_array_add (authors, NULL);
    joined = g_strjoinv (" · ", (char **) authors->pdata);
    g_string_append (body, "<p>");
    escape (body, joined);
    g_string_append (body, "</p>\n");
  }
  if (articles->len > 1)
    g_string_append_printf (body, "<p>%u %s</p>\n", articles->len,
                            g_str_has_prefix (lang, "zh") ? "篇" : "articles");
  g_string_append_printf (body, "<p>%s</p>\n</div>\n", date);

  text = g_string_free (body, FALSE);
  return xhtml_page (lang, title, css, NULL, text);
}

static void
add_cover (Book       *book,
           const char *title,
           const char *lang)
{
  g_autofree char *body = NULL;
  g_autofree char *page = NULL;
  const char *href = book->cover;

  if (href == NULL) {
    g_autoptr (GBytes) png = draw_cover (title, lang, book->setup->vertical);

    href = "images/cover.png";
    add_item (book, "cover-image", href, "image/png", "cover-image", png, FALSE);
  } else {
    /* The first picture of the articles is the cover: mark its item. */
    for (guint i = 0; i < book->items->len; i++) {
      Item *item = book->items->pdata[i];

      if (g_str_equal (item->href, href)) {
        g_free (item->id);
        item->id = g_strdup ("cover-image");
        item->properties = g_strdup ("cover-image");
      }
    }
  }

  body = g_strdup_printf ("<div class=\"cover\"><img src=\"../%s\" alt=\"\"/></div>\n", href);
  page = xhtml_page (lang, title, "../style.css", NULL, body);
  add_text_item (book, "cover", "text/cover.xhtml", "application/xhtml+xml", NULL, page);
}

/* The fonts of the book's script, cut down to the characters its pages
 * use, and the rules that put them first. */
static char *
add_fonts (Book       *book,
           const char *lang)
{
  static const struct {
    WenjiFontRole  role;
    gboolean       bold;
    const char    *name;
    const char    *selector;
  } fonts[] = {
    { WENJI_FONT_BODY, FALSE, "body", "body" },
    { WENJI_FONT_HEADING, TRUE, "heading", "h1, h2, h3, h4, h5, h6, th, .header, .index" },
  };
  GString *css = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fonts) && book->error == NULL; i++) {
    const char *family = wenji_page_setup_get_font_family (book->setup, fonts[i].role, lang);
    g_autofree char *id = g_strdup_printf ("font-%s", fonts[i].name);
    g_autofree char *href = g_strdup_printf ("fonts/%s.otf", fonts[i].name);
    g_autoptr (GBytes) subset = wenji_font_subset (family, fonts[i].bold, book->text->str,
                                                   &book->error);

    if (subset == NULL)
      break;
    add_item (book, id, href, "font/otf", NULL, subset, TRUE);
    g_string_append_printf (css, "@font-face { font-family: \"Wenji Book %s\"; "
                                 "font-weight: %s; src: url(%s); }\n",
                            fonts[i].name, fonts[i].bold ? "bold" : "normal", href);
    g_string_append_printf (css, "%s { font-family: \"Wenji Book %s\", serif; }\n",
                            fonts[i].selector, fonts[i].name);
  }

  return g_string_free (css, FALSE);
}

/**
 * wenji_epub_writer_write_book:
 * @setup: how the book looks: theme, indent, vertical
 * @title: the book's title
 * @articles: (element-type WenjiArticle): the articles, in order
 * @path: the .epub file to write
 * @progress: (nullable): called after each article
 * @cancellable: (nullable): stops between articles
 * @error: return location for an error
 *
 * Writes the articles as one EPUB 3 book. A failure leaves no book.
 *
 * Returns: whether the book was written
 */
gboolean
wenji_epub_writer_write_book (const WenjiPageSetup  *setup,
                              const char            *title,
                              GPtrArray             *articles,
                              const char            *path,
                              WenjiExportProgress    progress,
                              gpointer               user_data,
                              GCancellable          *cancellable,
                              GError               **error)
{
  g_autoptr (WenjiHtmlWriter) writer = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_autoptr (GHashTable) images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *css = NULL;
  g_autofree char *identifier = NULL;
  g_autofree char *opf = NULL;
  g_autofree char *nav = NULL;
  g_autofree char *ncx = NULL;
  g_autofree char *title_xhtml = NULL;
  g_autoptr (GBytes) mimetype = g_bytes_new_static ("application/epub+zip", 20);
  const char *lang;
  g_autoptr (GString) text = g_string_new (NULL);
  Book book = { setup, NULL, items, images, NULL, text, NULL };
  int zip_error = 0;

  g_return_val_if_fail (setup != NULL, FALSE);
  g_return_val_if_fail (articles != NULL && articles->len > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lang = book_lang (articles);
  if (title == NULL || *title == '\0')
    title = display_title (articles->pdata[0]);

  book.zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zip_error);
  if (book.zip == NULL) {
    g_autofree char *name = g_filename_display_name (path);
    zip_error_t reason;

    zip_error_init_with_code (&reason, zip_error);
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_READ_ONLY, "Cannot write “%s”: %s.", name,
                 zip_error_strerror (&reason));
    zip_error_fini (&reason);
    return FALSE;
  }

  /* First, stored, so that a reader knows the file by its first bytes. */
  add_entry (&book, "mimetype", mimetype, FALSE);
  add_text (&book, "META-INF/container.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<container version=\"1.0\" "
            "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
            "<rootfiles>\n<rootfile full-path=\"OEBPS/content.opf\" "
            "media-type=\"application/oebps-package+xml\"/>\n</rootfiles>\n</container>\n");

  writer = wenji_html_writer_new (setup);
  wenji_html_writer_set_xhtml (writer, TRUE);
  wenji_html_writer_set_vertical (writer, setup->vertical);
  wenji_html_writer_set_image_func (writer, add_picture, &book);

  for (guint i = 0; i < articles->len && book.error == NULL; i++) {
    WenjiArticle *article = articles->pdata[i];
    g_autoptr (WenjiDocument) document = wenji_document_new_for_article (article, NULL);
    g_autoptr (GString) body = g_string_new (NULL);
    g_autofree char *page = NULL;
    g_autofree char *id = g_strdup_printf ("chapter-%03u", i + 1);
    g_autofree char *href = g_strdup_printf ("text/chapter-%03u.xhtml", i + 1);
    const char *article_lang = wenji_document_get_lang (document);

    if (g_cancellable_set_error_if_cancelled (cancellable, error)) {
      zip_discard (book.zip);
      return FALSE;
    }

    wenji_html_writer_append_body (writer, document, body);
    page = xhtml_page (article_lang != NULL && *article_lang != '\0' ? article_lang : lang,
                       display_title (article), "../style.css",
                       setup->indent ? "indent" : NULL, body->str);
    add_text_item (&book, id, href, "application/xhtml+xml", NULL, page);

    if (progress != NULL)
      progress (i + 1, articles->len, user_data);
  }

  add_cover (&book, title, lang);
  title_xhtml = title_page (articles, title, lang, "../style.css");
  add_text_item (&book, "title-page", "text/title.xhtml", "application/xhtml+xml", NULL,
                 title_xhtml);
  nav = navigation_document (articles, lang, "style.css");
  add_text_item (&book, "nav", "nav.xhtml", "application/xhtml+xml", "nav", nav);

  /* The style sheet last: the fonts it names hold what the pages say. */
  css = wenji_html_writer_get_book_style_sheet (writer);
  if (setup->embed_fonts) {
    g_autofree char *font_rules = add_fonts (&book, lang);
    g_autofree char *with_fonts = g_strconcat (css, font_rules, NULL);

    g_free (css);
    css = g_steal_pointer (&with_fonts);
  }
  add_text_item (&book, "css", "style.css", "text/css", NULL, css);
  identifier = book_identifier (articles);
  ncx = ncx_document (articles, title, identifier);
  add_text_item (&book, "ncx", "toc.ncx", "application/x-dtbncx+xml", NULL, ncx);
  opf = package_document (&book, articles, title, lang);
  add_text (&book, "OEBPS/content.opf", opf);

  if (book.error != NULL) {
    zip_discard (book.zip);
    g_propagate_error (error, book.error);
    g_free (book.cover);
    return FALSE;
  }

  g_free (book.cover);
  if (zip_close (book.zip) < 0) {
    g_autofree char *name = g_filename_display_name (path);

    g_set_error (error, WENJI_ERROR, WENJI_ERROR_READ_ONLY, "Cannot write “%s”: %s.", name,
                 zip_strerror (book.zip));
    zip_discard (book.zip);
    return FALSE;
  }

  return TRUE;
}
