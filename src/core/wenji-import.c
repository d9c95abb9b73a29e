/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The import pipeline shared by the app and wenji-cli: find the files, turn
 * each into articles (wenji-import-formats.c), skip what the library already
 * holds, store the rest in batches, and report on every file.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "wenji-error.h"
#include "wenji-import-private.h"
#include "wenji-library-private.h"
#include "wenji-revision.h"
#include "wenji-text.h"

/* Articles stored per transaction: fewer commits, each still small. */
#define BATCH_SIZE 5000

/* Larger files are refused rather than read into memory. */
#define MAX_FILE_SIZE (256 * 1024 * 1024)

/* A saved page: pinyin glosses go before the article is looked for. */
static GPtrArray *
parse_page (const char  *path,
            const char  *text,
            GError     **error)
{
  g_autofree char *unglossed = wenji_import_remove_glosses (text, NULL);

  return wenji_import_parse_html (path, unglossed ? unglossed : text, error);
}

/* Every kind of file Wenji imports; the file chooser, folder scans, the
 * dispatch and the messages all read this table. */
static const WenjiImportFormat formats[] = {
  { "txt", "text/plain", FALSE, TRUE, wenji_import_parse_text },
  { "text", "text/plain", FALSE, TRUE, wenji_import_parse_text },
  { "md", "text/markdown", FALSE, FALSE, wenji_import_parse_markdown },
  { "markdown", "text/markdown", FALSE, FALSE, wenji_import_parse_markdown },
  { "html", "text/html", TRUE, TRUE, parse_page },
  { "htm", "text/html", TRUE, TRUE, parse_page },
  { "xhtml", "application/xhtml+xml", TRUE, TRUE, parse_page },
  { "jsonl", "application/jsonl", FALSE, FALSE, wenji_import_parse_jsonl },
};

/**
 * wenji_import_format_get:
 * @index: from 0
 *
 * Returns: (nullable): the import format at @index, or %NULL past the end
 */
const WenjiImportFormat *
wenji_import_format_get (guint index)
{
  return index < G_N_ELEMENTS (formats) ? &formats[index] : NULL;
}

/**
 * wenji_import_format_for_path:
 * @path: a file name
 *
 * Returns: (nullable): the format of @path by its suffix, in any case, or
 *   %NULL for a file Wenji does not import
 */
const WenjiImportFormat *
wenji_import_format_for_path (const char *path)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, NULL);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (dot + 1, formats[i].suffix) == 0)
      return &formats[i];

  return NULL;
}

/**
 * wenji_import_format_for_mime_type:
 * @mime_type: a MIME type, parameters allowed ("text/html; charset=gbk")
 *
 * Returns: (nullable): the first format of that type, or %NULL
 */
const WenjiImportFormat *
wenji_import_format_for_mime_type (const char *mime_type)
{
  gsize length;

  g_return_val_if_fail (mime_type != NULL, NULL);

  length = strcspn (mime_type, "; \t");
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (strlen (formats[i].mime_type) == length &&
        g_ascii_strncasecmp (mime_type, formats[i].mime_type, length) == 0)
      return &formats[i];

  return NULL;
}

/**
 * wenji_import_format_list_suffixes:
 *
 * Returns: (transfer full): the suffixes Wenji imports, for a message:
 *   ".txt, .text, … or .jsonl"
 */
char *
wenji_import_format_list_suffixes (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++) {
    if (i > 0)
      g_string_append (list, i + 1 == G_N_ELEMENTS (formats) ? " or " : ", ");
    g_string_append_printf (list, ".%s", formats[i].suffix);
  }

  return g_string_free (list, FALSE);
}

static void
import_file_free (WenjiImportFile *file)
{
  g_free (file->path);
  g_free (file->message);
  g_clear_pointer (&file->ids, g_array_unref);
  g_clear_pointer (&file->warnings, g_ptr_array_unref);
  g_free (file);
}

WenjiImportReport *
wenji_import_report_new (void)
{
  WenjiImportReport *report = g_new0 (WenjiImportReport, 1);

  report->files = g_ptr_array_new_with_free_func ((GDestroyNotify) import_file_free);

  return report;
}

void
wenji_import_report_free (WenjiImportReport *report)
{
  g_clear_pointer (&report->files, g_ptr_array_unref);
  g_free (report);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
collect_folder (const char *folder,
                GPtrArray  *files)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL) {
    /* Reported as a file that could not be read. */
    g_ptr_array_add (files, g_strdup (folder));
    return;
  }

  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (found, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (found, compare_paths);

  for (guint i = 0; i < found->len; i++) {
    const char *path = found->pdata[i];

    if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
      collect_folder (path, files);
    else if (wenji_import_format_for_path (path) != NULL)
      g_ptr_array_add (files, g_strdup (path));
  }
}

/**
 * wenji_import_collect_files:
 * @paths: files and folders
 *
 * Lists the files an import of @paths handles: each file given, and every
 * file with a known extension in the folders, recursively, in name order.
 *
 * Returns: (transfer full) (element-type filename): the files
 */
GPtrArray *
wenji_import_collect_files (const char * const  *paths,
                            GError             **error)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++) {
    if (wenji_fetch_is_url (paths[i]))
      g_ptr_array_add (files, g_strdup (paths[i]));
    else if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
      collect_folder (paths[i], files);
    else
      g_ptr_array_add (files, g_strdup (paths[i]));
  }

  return g_steal_pointer (&files);
}

/**
 * wenji_import_parse_bytes:
 * @format: what the bytes are
 * @name: the file or address they came from, for messages and to resolve
 *   relative links
 * @data: the bytes, in any encoding Wenji recognises
 * @length: the length of @data
 * @charset: (nullable): the encoding a server named for the bytes; it is
 *   taken when the bytes decode in it, else they are recognised as a
 *   file's are
 *
 * Turns the bytes of one source into articles, not yet stored: decodes
 * them (wenji-import-encoding.c), then parses them as @format says. Every
 * source, a file or what was fetched from an address, comes through here.
 *
 * Returns: (transfer full) (element-type WenjiArticle): the articles, or
 *   %NULL with @error set to a message for the user
 */
GPtrArray *
wenji_import_parse_bytes (const WenjiImportFormat  *format,
                          const char               *name,
                          const char               *data,
                          gsize                     length,
                          const char               *charset,
                          GError                  **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (length == 0) {
    g_autofree char *display = g_filename_display_name (name);

    g_set_error (error, WENJI_ERROR, WENJI_ERROR_INVALID, "“%s” is empty.", display);
    return NULL;
  }

  if (!(text = wenji_import_decode (name, data, length, format->markup, charset, error)))
    return NULL;

  return format->parse (name, text, error);
}

/**
 * wenji_import_parse_file:
 * @path: a file
 *
 * Reads one file into articles, not yet stored: a .jsonl file gives one
 * article a line, the other formats of the import table one article.
 *
 * Returns: (transfer full) (element-type WenjiArticle): the articles, or
 *   %NULL with @error set to a message for the user
 */
GPtrArray *
wenji_import_parse_file (const char  *path,
                         GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *data = NULL;
  const WenjiImportFormat *format;
  GStatBuf st;
  gsize length;

  if (g_stat (path, &st) != 0) {
    int saved_errno = errno;
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_NOT_FOUND,
                 "Cannot read “%s”: %s.", name, g_strerror (saved_errno));
    return NULL;
  }
  if (!S_ISREG (st.st_mode)) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_UNSUPPORTED, "“%s” is not a regular file.", name);
    return NULL;
  }
  format = wenji_import_format_for_path (path);
  if (format == NULL) {
    g_autofree char *suffixes = wenji_import_format_list_suffixes ();

    g_set_error (error, WENJI_ERROR, WENJI_ERROR_UNSUPPORTED,
                 "“%s” is not a file Wenji imports (%s).", name, suffixes);
    return NULL;
  }
  if (st.st_size > MAX_FILE_SIZE) {
    g_set_error (error, WENJI_ERROR, WENJI_ERROR_UNSUPPORTED,
                 "“%s” is too large to import (over %d MB).", name, MAX_FILE_SIZE / (1024 * 1024));
    return NULL;
  }

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

  return wenji_import_parse_bytes (format, path, data, length, NULL, error);
}

/* Whether the library holds an article with this body. -1 on error. */
static int
is_duplicate (WenjiLibrary  *library,
              const char    *body,
              GError       **error)
{
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (body == NULL || *body == '\0')
    return 0;

  hash = wenji_text_content_hash (body);
  stmt = wenji_library_prepare (library, "SELECT 1 FROM articles WHERE content_hash = ? LIMIT 1",
                                error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return 1;
  if (rc != SQLITE_DONE) {
    wenji_library_set_error (library, rc, error);
    return -1;
  }

  return 0;
}

static void
fail_file (WenjiImportReport *report,
           WenjiImportFile   *file,
           const char        *message)
{
  if (file->outcome != WENJI_IMPORT_FAILED) {
    report->imported -= file->imported;
    report->duplicates -= file->duplicates;
    report->failed++;
  }
  file->outcome = WENJI_IMPORT_FAILED;
  file->imported = 0;
  file->duplicates = 0;
  g_array_set_size (file->ids, 0);
  g_free (file->message);
  file->message = g_strdup (message);
}

/* Widens the half-width punctuation between Chinese characters of a
 * scraped article, after keeping the text as it came as a revision, so
 * that restoring that revision undoes the cleanup. */
static gboolean
widen_punctuation (WenjiLibrary  *library,
                   WenjiArticle  *article,
                   const char    *title,
                   const char    *body,
                   GError       **error)
{
  if (g_strcmp0 (title, wenji_article_get_title (article)) == 0 &&
      g_strcmp0 (body, wenji_article_get_body (article)) == 0)
    return TRUE;

  if (wenji_library_add_revision (library, wenji_article_get_id (article),
                                  WENJI_REVISION_BEFORE_CLEANUP, error) == 0)
    return FALSE;

  wenji_article_set_title (article, title);
  wenji_article_set_body (article, body);

  return wenji_library_update_article (library, article, error);
}

/* Stores a file's articles; the caller holds a transaction. */
static gboolean
store_articles (WenjiLibrary       *library,
                GPtrArray          *articles,
                WenjiImportFlags    flags,
                gboolean            scraped,
                WenjiImportFile    *file,
                GError            **error)
{
  gboolean widen = scraped && !(flags & WENJI_IMPORT_KEEP_PUNCTUATION);

  for (guint i = 0; i < articles->len; i++) {
    WenjiArticle *article = articles->pdata[i];
    const char *body = wenji_article_get_body (article);
    g_autofree char *wide_title =
      widen ? wenji_text_widen_punctuation (wenji_article_get_title (article)) : NULL;
    g_autofree char *wide_body = widen ? wenji_text_widen_punctuation (body) : NULL;
    gint64 id;

    if (!(flags & WENJI_IMPORT_KEEP_DUPLICATES)) {
      /* Imported before, with its punctuation widened or as it was. */
      int duplicate = is_duplicate (library, body, error);

      if (duplicate == 0 && wide_body != NULL && g_strcmp0 (wide_body, body) != 0)
        duplicate = is_duplicate (library, wide_body, error);
      if (duplicate < 0)
        return FALSE;
      if (duplicate) {
        file->duplicates++;
        continue;
      }
    }

    if (!wenji_library_insert_article (library, article, error))
      return FALSE;
    if (widen && !widen_punctuation (library, article, wide_title, wide_body, error))
      return FALSE;

    id = wenji_article_get_id (article);
    g_array_append_val (file->ids, id);
    file->imported++;
  }

  return TRUE;
}

/* Whether the library holds an article from this address. -1 on error. */
int
wenji_import_has_source_url (WenjiLibrary  *library,
                             const char    *url,
                             GError       **error)
{
  sqlite3_stmt *stmt = wenji_library_prepare (library,
                                              "SELECT 1 FROM articles WHERE source_url = ?1 "
                                              "AND deleted_at IS NULL LIMIT 1",
                                              error);
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, url, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    wenji_library_set_error (library, rc, error);
    return -1;
  }

  return rc == SQLITE_ROW;
}

/**
 * wenji_import_store_web_page:
 * @page: a page from the web, fetched with its pictures
 * @file: where the outcome goes
 * @library_error: (out): whether a failure is the library's own
 *
 * Stores a fetched page in a transaction of its own. An address the
 * library holds already is a duplicate, as is a text it holds.
 *
 * Returns: whether the page is in the library (new or a duplicate)
 */
gboolean
wenji_import_store_web_page (WenjiLibrary      *library,
                             WenjiWebPage      *page,
                             WenjiImportFlags   flags,
                             WenjiImportFile   *file,
                             gboolean          *library_error,
                             GError           **error)
{
  g_autoptr (GPtrArray) articles = g_ptr_array_new ();
  WenjiArticle *article = wenji_web_page_get_article (page);
  GPtrArray *warnings = wenji_web_page_get_warnings (page);
  int known;

  *library_error = FALSE;
  for (guint i = 0; i < warnings->len; i++)
    g_ptr_array_add (file->warnings, g_strdup (warnings->pdata[i]));

  known = flags & WENJI_IMPORT_KEEP_DUPLICATES
          ? 0
          : wenji_import_has_source_url (library, wenji_article_get_source_url (article), error);
  if (known != 0) {
    *library_error = known < 0;
    file->duplicates += known > 0;
    return known > 0;
  }

  g_ptr_array_add (articles, article);
  *library_error = TRUE;
  if (!wenji_library_begin (library, error))
    return FALSE;
  if (!wenji_web_page_store_pictures (page, library, error) ||
      !store_articles (library, articles, flags, TRUE, file, error) ||
      /* A text it held already: its pictures go again. */
      !wenji_library_forget_unused_assets (library, error)) {
    wenji_library_rollback (library);
    return FALSE;
  }
  if (!wenji_library_commit (library, error))
    return FALSE;

  *library_error = FALSE;
  return TRUE;
}

/**
 * wenji_import_paths:
 * @library: the library to import into
 * @paths: files and folders
 * @progress: (nullable) (scope call): called after each file
 * @cancellable: (nullable): stops the import between two files
 *
 * Imports @paths. Every file gets an entry in the report: imported, all
 * duplicates, or failed with a message; a bad file never stops the others.
 * Articles are stored in batches; when the library itself fails (a full
 * disk), the files of the unfinished batch are reported as failed and
 * nothing of them is stored.
 *
 * Returns: (transfer full): the report, or %NULL with @error set when the
 *   library could not be written at all
 */
WenjiImportReport *
wenji_import_paths (WenjiLibrary        *library,
                    const char * const  *paths,
                    WenjiImportFlags     flags,
                    WenjiImportProgress  progress,
                    gpointer             user_data,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr (WenjiImportReport) report = wenji_import_report_new ();
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (WenjiPrefetch) prefetch = NULL;
  g_autoptr (GPtrArray) urls = g_ptr_array_new ();
  guint batch_start = 0, in_batch = 0, n_fetched = 0;
  gboolean in_transaction = FALSE;

  g_return_val_if_fail (WENJI_IS_LIBRARY (library), NULL);

  if (!(files = wenji_import_collect_files (paths, error)))
    return NULL;

  /* Pages from the web come while the files are read. */
  for (guint i = 0; i < files->len; i++)
    if (wenji_fetch_is_url (files->pdata[i]))
      g_ptr_array_add (urls, files->pdata[i]);
  if (urls->len > 0)
    prefetch = wenji_prefetch_new (urls, WENJI_IMPORT_FETCH_THREADS, cancellable);

  for (guint i = 0; i < files->len; i++) {
    const char *path = files->pdata[i];
    WenjiImportFile *file = g_new0 (WenjiImportFile, 1);
    g_autoptr (GPtrArray) articles = NULL;
    g_autoptr (GError) local_error = NULL;

    if (g_cancellable_is_cancelled (cancellable)) {
      g_free (file);
      report->cancelled = TRUE;
      break;
    }

    file->path = g_strdup (path);
    file->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    file->warnings = g_ptr_array_new_with_free_func (g_free);
    g_ptr_array_add (report->files, file);

    if (wenji_fetch_is_url (path)) {
      g_autoptr (WenjiWebPage) page = NULL;
      gboolean library_error = FALSE;

      /* No write of the batch waits on the network. */
      if (in_transaction) {
        if (!wenji_library_commit (library, &local_error)) {
          for (guint k = batch_start; k < report->files->len; k++)
            fail_file (report, report->files->pdata[k], local_error->message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
        in_transaction = FALSE;
      }
      page = wenji_prefetch_take (prefetch, n_fetched++, &local_error);
      if (page != NULL && wenji_import_store_web_page (library, page, flags, file, &library_error,
                                                       &local_error)) {
        file->outcome = file->imported > 0 || file->duplicates == 0
                        ? WENJI_IMPORT_IMPORTED : WENJI_IMPORT_DUPLICATE;
        report->imported += file->imported;
        report->duplicates += file->duplicates;
      } else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
        g_ptr_array_remove (report->files, file);
        report->cancelled = TRUE;
        break;
      } else {
        fail_file (report, file, local_error->message);
        if (library_error) {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      }
      if (progress)
        progress (i + 1, files->len, path, user_data);
      continue;
    }

    if (!(articles = wenji_import_parse_file (path, &local_error))) {
      fail_file (report, file, local_error->message);
      if (progress)
        progress (i + 1, files->len, path, user_data);
      continue;
    }

    if (!in_transaction) {
      if (!wenji_library_begin (library, error))
        return NULL;
      in_transaction = TRUE;
      batch_start = report->files->len - 1;
      in_batch = 0;
    }

    if (!store_articles (library, articles, flags, wenji_import_format_for_path (path)->scraped,
                         file, &local_error)) {
      /* A library error, not a file error: the batch is lost, say so. */
      wenji_library_rollback (library);
      for (guint k = batch_start; k < report->files->len; k++)
        fail_file (report, report->files->pdata[k], local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

    file->outcome = file->imported > 0 || file->duplicates == 0
                    ? WENJI_IMPORT_IMPORTED : WENJI_IMPORT_DUPLICATE;
    report->imported += file->imported;
    report->duplicates += file->duplicates;
    in_batch += articles->len;

    if (in_batch >= BATCH_SIZE) {
      if (!wenji_library_commit (library, &local_error)) {
        for (guint k = batch_start; k < report->files->len; k++)
          fail_file (report, report->files->pdata[k], local_error->message);
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
      in_transaction = FALSE;
    }

    if (progress)
      progress (i + 1, files->len, path, user_data);
  }

  if (in_transaction && !wenji_library_commit (library, error))
    return NULL;

  return g_steal_pointer (&report);
}

typedef struct {
  char                *library_path;
  GStrv                paths;
  WenjiImportFlags     flags;
  WenjiImportProgress  progress;
  gpointer             progress_data;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->library_path);
  g_strfreev (job->paths);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr (WenjiLibrary) library = NULL;
  WenjiImportReport *report;
  GError *error = NULL;

  /* A connection of this thread's own; the caller's stays free for reading. */
  if (!(library = wenji_library_open (job->library_path, &error))) {
    g_task_return_error (task, error);
    return;
  }

  report = wenji_import_paths (library, (const char * const *) job->paths, job->flags,
                               job->progress, job->progress_data, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) wenji_import_report_free);
}

/**
 * wenji_import_paths_async:
 * @library_path: the library file; the import opens its own connection
 * @progress: (nullable): called in the import thread after each file; hand
 *   the figures to the main loop (g_idle_add()) before touching widgets
 *
 * Imports in a worker thread. Call wenji_library_changed() on your own
 * #WenjiLibrary when it finishes, so views show the new articles.
 */
void
wenji_import_paths_async (const char          *library_path,
                          const char * const  *paths,
                          WenjiImportFlags     flags,
                          WenjiImportProgress  progress,
                          gpointer             progress_data,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ImportJob *job = g_new0 (ImportJob, 1);

  job->library_path = g_strdup (library_path);
  job->paths = g_strdupv ((char **) paths);
  job->flags = flags;
  job->progress = progress;
  job->progress_data = progress_data;

  g_task_set_source_tag (task, wenji_import_paths_async);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * wenji_import_paths_finish:
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
WenjiImportReport *
wenji_import_paths_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
