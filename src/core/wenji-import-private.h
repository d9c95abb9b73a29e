/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "wenji-fetch.h"
#include "wenji-import.h"

G_BEGIN_DECLS

/* Han characters in the import rules' regular expressions: `\\p{Han}` takes
 * in Chinese punctuation too (PCRE2 reads it as script extensions), which
 * must end a name. */
#define HAN_RANGES "\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}\\x{F900}-\\x{FAFF}\\x{20000}-\\x{2FA1F}"
#define HAN "[" HAN_RANGES "]"

/* Names in the byline and closing-credit rules. */
/* A value that may hold spaces: names after `记者`, `本报记者 王五 赵六`. */
#define NAME "(" ONE_NAME "(?:[ \\x{3000}、，,]+" ONE_NAME "(?![" HAN_RANGES "]))*|" \
             "[A-Za-z][A-Za-z.' -]{1,40})"
/* A name, maybe set with a space to line up with longer ones: `方 敏`. */
#define ONE_NAME "(?:" HAN "[ \\x{3000}]{1,2}" HAN "{1,2}(?![" HAN_RANGES "])|" \
                 "[" HAN_RANGES "·]{2,5})"
/* A name of two or three characters, or of two set apart to line up with
 * longer ones: `吴 浩`. */
#define SHORT_NAME "(?:" HAN "[ \\x{3000}]" HAN "{1,2}(?![" HAN_RANGES "])|" HAN "{2,3})"
/* A foreign name in Chinese, its parts set apart with a dot: `戴维•邦德`. */
#define DOTTED_NAME HAN "{1,6}[·•‧・]" HAN "{1,8}(?:[·•‧・]" HAN "{1,8})?"
#define NAMES "(" HAN "{2,4}(?:[、，,]" HAN "{2,4})*)"
#define SLASH "\\s*[／/╱]\\s*"
/* A role before each of several names, to take out: `（记者郭倩、实习记者陈涵旸）`. */
#define INNER_ROLE "(?:\\s*[、，,]\\s*|\\s+)(?:实习记者|實習記者|见习记者|見習記者|特约记者|特約記者|" \
                   "实习生|實習生|通讯员|通訊員|记者|記者)\\s*(?=" HAN "{2,3}(?:\\s*[、)）]|\\s|$))"

/* Minutes east of UTC: China, Hong Kong, Macao and Taiwan. */
#define WENJI_IMPORT_CHINA_OFFSET (8 * 60)
#define WENJI_IMPORT_NO_OFFSET G_MININT

/*
 * A date as a page gives it: the day, the time if it says one, and the
 * zone if it says one. year is 0 for no date, hour -1 for no time.
 */
typedef struct {
  int year;
  int month;
  int day;
  int hour;
  int minute;
  int offset;  /* minutes east of UTC, or WENJI_IMPORT_NO_OFFSET */
} WenjiImportDate;

/*
 * What a saved page says about its article besides the text: gathered from
 * meta tags and byline lines, most trusted first (a field once set is kept,
 * except that a `责任编辑` line overrides a plain `编辑` one).
 */
typedef struct {
  char            *title;
  char            *author;
  char            *source;
  char            *editor;
  gboolean         editor_is_responsible;
  WenjiImportDate  published;
  WenjiImportDate  updated;        /* a date the page calls an update */
  WenjiImportDate  yearless;       /* a byline's day and time with no year: `09-27 20:12` */
  char            *site;           /* the site's own name, the source of last resort */
  char            *agency;         /* the agency of a dateline, `新华社北京5月9日电` */
  char            *original_title; /* `原标题：…` */
  char            *staff;          /* every editor named, one a line */
  gboolean         personal;       /* a person's blog, maybe named for its writer */
  char            *description;    /* the page's summary of itself, to know its lead by */
} WenjiImportFields;

void       wenji_import_fields_clear (WenjiImportFields *fields);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WenjiImportFields, wenji_import_fields_clear)

typedef enum {
  WENJI_IMPORT_LINE_BODY,    /* text of the article */
  WENJI_IMPORT_LINE_FIELDS,  /* a byline: date, source, author, editor */
  WENJI_IMPORT_LINE_CHROME,  /* page furniture: contact, copyright, share, navigation */
  WENJI_IMPORT_LINE_END,     /* furniture that closes an article: （完）, 【纠错】, 相关阅读 */
  WENJI_IMPORT_LINE_CAPTION, /* a picture's caption or credit */
} WenjiImportLineKind;

/* wenji-import-date.c */
gboolean   wenji_import_date_scan           (const char            *text,
                                             WenjiImportDate       *date,
                                             int                   *start,
                                             int                   *end);
gboolean   wenji_import_date_parse_meta     (const char            *value,
                                             WenjiImportDate       *date);
gboolean   wenji_import_date_from_timestamp (gint64                 seconds,
                                             int                    offset,
                                             WenjiImportDate       *date);
gboolean   wenji_import_date_from_url       (const char            *url,
                                             WenjiImportDate       *date);
gboolean   wenji_import_date_from_title     (const char            *title,
                                             WenjiImportDate       *date);
void       wenji_import_date_to_offset      (WenjiImportDate       *date,
                                             int                    offset);
gint64     wenji_import_date_minutes        (const WenjiImportDate *date);
char      *wenji_import_date_format         (const WenjiImportDate *date);

/* wenji-import-encoding.c */
char      *wenji_import_decode      (const char  *path,
                                     const char  *data,
                                     gsize        length,
                                     gboolean     html,
                                     const char  *charset,
                                     GError     **error);

/* wenji-import-gloss.c */
char      *wenji_import_remove_glosses (const char *text,
                                        guint      *n_glosses);

/* wenji-import-fields.c */
void       wenji_import_set_field       (char             **field,
                                         const char        *value);
void       wenji_import_set_author      (WenjiImportFields *fields,
                                         const char        *value);
void       wenji_import_set_editor      (WenjiImportFields *fields,
                                         const char        *key,
                                         const char        *value);
void       wenji_import_add_writers     (WenjiImportFields *fields,
                                         const char        *names);
void       wenji_import_keep_fields     (WenjiImportFields *fields,
                                         WenjiImportFields *found);

/* wenji-import-byline.c */
GRegex    *wenji_import_rule            (const char        *pattern);
gboolean   wenji_import_may_be_byline   (const char        *line);
gboolean   wenji_import_is_signature    (const char        *line);
char      *wenji_import_read_byline     (const char        *line,
                                         WenjiImportFields *fields,
                                         guint             *n_found);
char      *wenji_import_clean_name      (const char        *value);
char      *wenji_import_take_credit     (const char        *paragraph,
                                         WenjiImportFields *fields,
                                         gboolean          *closes);
void       wenji_import_take_dateline   (const char        *paragraph,
                                         WenjiImportFields *fields);
gboolean   wenji_import_opens_report    (const char        *paragraph);

/* wenji-import-names.c */
gboolean   wenji_import_is_placeholder   (const char       *value);
gboolean   wenji_import_is_newsroom      (const char       *name);
gboolean   wenji_import_is_newsroom_name (const char       *line);
char      *wenji_import_credit_names     (const char       *value,
                                          gboolean          pairs);
char      *wenji_import_reporter_names   (const char       *value);
gboolean   wenji_import_has_surname      (const char       *name);
gboolean   wenji_import_is_name_in_letters (const char     *text);
gboolean   wenji_import_strip_account_word (char           *text);
gboolean   wenji_import_is_all_han       (const char       *text);
gsize      wenji_import_province_prefix  (const char       *name);
char      *wenji_import_author_name      (const char       *value);

/* wenji-import-chrome.c */
WenjiImportLineKind wenji_import_classify_line   (const char        *line,
                                                  WenjiImportFields *fields);
GPtrArray *wenji_import_filter_lines    (GPtrArray         *lines,
                                         WenjiImportFields *fields);
void       wenji_import_read_credits    (const char        *line,
                                         WenjiImportFields *fields);
void       wenji_import_note_site       (const char        *line,
                                         WenjiImportFields *fields);
gboolean   wenji_import_is_caption      (const char        *line);
void       wenji_import_apply_fields    (WenjiArticle      *article,
                                         WenjiImportFields *fields);

/* wenji-import-profiles.c: pages whose structure is known */
typedef struct _WenjiImportProfile WenjiImportProfile;

const WenjiImportProfile *wenji_import_find_profile     (xmlNode                  *root);
xmlNode *wenji_import_profile_body        (const WenjiImportProfile *profile,
                                           xmlNode                  *root);
void     wenji_import_profile_read_fields (const WenjiImportProfile *profile,
                                           xmlNode                  *root,
                                           WenjiImportFields        *fields);
void     wenji_import_profile_trim        (const WenjiImportProfile *profile,
                                           GPtrArray                *paragraphs);

/* wenji-import-title.c */
char      *wenji_import_title_site        (const char      *title,
                                           const char      *headline);
char      *wenji_import_strip_site_suffix (const char      *title,
                                           const char      *site,
                                           char           **removed);
gboolean   wenji_import_is_site_name    (const char        *name,
                                         const char        *site);
gboolean   wenji_import_same_title      (const char        *a,
                                         const char        *b);
char      *wenji_import_title_key       (const char        *title);
char      *wenji_import_publication_name (const char       *site);
char      *wenji_import_blog_owner       (const char       *title);
gboolean   wenji_import_has_letter      (const char        *text);

/* wenji-import-html.c */
GPtrArray *wenji_import_parse_html  (const char  *path,
                                     const char  *text,
                                     GError     **error);

/* wenji-import-formats.c */
GPtrArray *wenji_import_parse_jsonl (const char  *path,
                                     const char  *text,
                                     GError     **error);
GPtrArray *wenji_import_parse_text  (const char  *path,
                                     const char  *text,
                                     GError     **error);
GPtrArray *wenji_import_parse_markdown (const char  *path,
                                        const char  *text,
                                        GError     **error);
char      *wenji_import_paragraphs  (const char  *text);
GPtrArray *wenji_import_split_lines (const char  *text);

/* wenji-import-web.c */
typedef struct _WenjiWebPage WenjiWebPage;

WenjiWebPage *wenji_import_fetch_page       (WenjiFetcher  *fetcher,
                                             const char    *url,
                                             GCancellable  *cancellable,
                                             GError       **error);
WenjiArticle *wenji_web_page_get_article    (WenjiWebPage  *page);
GPtrArray    *wenji_web_page_get_warnings   (WenjiWebPage  *page);
gboolean      wenji_web_page_store_pictures (WenjiWebPage  *page,
                                             WenjiLibrary  *library,
                                             GError       **error);
void          wenji_web_page_free           (WenjiWebPage  *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WenjiWebPage, wenji_web_page_free)

typedef struct _WenjiPrefetch WenjiPrefetch;

/* Pages fetched at once when several come from the web. */
#define WENJI_IMPORT_FETCH_THREADS 4

WenjiPrefetch *wenji_prefetch_new  (GPtrArray      *urls,
                                    guint           n_threads,
                                    GCancellable   *cancellable);
WenjiWebPage  *wenji_prefetch_take (WenjiPrefetch  *prefetch,
                                    guint           index,
                                    GError        **error);
void           wenji_prefetch_free (WenjiPrefetch  *prefetch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WenjiPrefetch, wenji_prefetch_free)

int      wenji_import_has_source_url (WenjiLibrary      *library,
                                      const char        *url,
                                      GError           **error);
gboolean wenji_import_store_web_page (WenjiLibrary      *library,
                                      WenjiWebPage      *page,
                                      WenjiImportFlags   flags,
                                      WenjiImportFile   *file,
                                      gboolean          *library_error,
                                      GError           **error);

G_END_DECLS
