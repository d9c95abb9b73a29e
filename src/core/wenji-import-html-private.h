/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "wenji-import-private.h"

G_BEGIN_DECLS

/*
 * What a page says of itself outside its text: the `<title>`, meta tags,
 * structured data (JSON-LD) and the variables WeChat's pages set in their
 * scripts.
 */
typedef struct {
  char            *title;          /* <title> */
  char            *og_title;       /* og:title, twitter:title */
  char            *headline;       /* JSON-LD headline, WeChat's msg_title */
  char            *site;           /* og:site_name and the like */
  char            *author;
  char            *account;        /* the WeChat account: its source */
  char            *source;
  char            *url;            /* og:url or the canonical link */
  char            *description;
  WenjiImportDate  published;
  WenjiImportDate  modified;
  WenjiImportDate  posted;         /* WeChat's `var ct`, a Unix time */
  WenjiImportDate  scripted;       /* a date in a script's data: `"pubtime":"…"` */
  char            *scripted_source; /* a source there: `"media":"经济日报"` */
  char            *editor;         /* an element for the editor: `<div id="editor_name">` */
  gsize            script_chars;   /* text inside <script> */
  gboolean         app_root;       /* an empty mount point for a script: <div id="app"> */
  gboolean         password;       /* a password field: a sign-in form */
  gboolean         blog;           /* made by a blog engine: a person's blog */
  /* A government site's page, tagged as the national guide for such sites
   * asks (`SiteIDCode`): an article's page names its article
   * (`ArticleTitle`), a column's page its column (`ColumnName`). */
  gboolean         government;
  gboolean         government_article;
  gboolean         government_column;
  guint            thread_marks;   /* signs of a forum thread or of answers: `只看该作者` */
  guint            index_marks;    /* lines of `Read more…`, `最后回复来自`: an index */
  guint            shop_marks;     /* kinds of a shop's marks: prices, `加入购物车` */
  gboolean         dated;          /* a date was found for the article */
} WenjiImportMeta;

/* What an element is, by its tag and (WENJI_NAME_*) its class and id. */
enum {
  WENJI_TAG_SKIPPED = 1 << 0,    /* holds no text a reader sees */
  WENJI_TAG_BLOCK = 1 << 1,      /* starts a line */
  WENJI_TAG_PART = 1 << 2,       /* a paragraph, an item, a heading: part of an article */
  WENJI_TAG_HEADLINE = 1 << 3,   /* h1 to h6 */
  WENJI_TAG_LINK = 1 << 4,
  WENJI_TAG_FIGURE = 1 << 5,     /* figure, figcaption */
  WENJI_TAG_FURNITURE = 1 << 6,  /* nav, aside, header, footer, form */
  WENJI_TAG_ARTICLE = 1 << 7,    /* article, main */
  WENJI_TAG_BREAK = 1 << 8,
  WENJI_NAME_CAPTION = 1 << 9,   /* `div.picinfo`, `p.video-caption` */
  WENJI_NAME_TITLE = 1 << 10,    /* `h2#ArticleTitle`, `div.l_tit` */
  WENJI_NAME_SUMMARY = 1 << 11,  /* `div.endSummary`, `div.post_desc`: a box that sums up */
};


/* What class names are worth (wenji_import_name_flags()). */
#define WENJI_WEIGHT_FURNITURE -25
#define WENJI_WEIGHT_OTHER_TEXT -50

/* Where a line of the page stands: before the article, in it, after it. */
typedef enum {
  WENJI_IMPORT_BEFORE,
  WENJI_IMPORT_BODY,
  WENJI_IMPORT_AFTER,
} WenjiImportRegion;

/* One line of the page: a block's text, or a part of it between <br>s. */
typedef struct {
  char     *text;
  char     *head;       /* a headline's first line, when it has more */
  WenjiImportRegion    region;
  gboolean  furniture;  /* inside navigation, a sidebar or a block of links */
  gboolean  heading;    /* a headline or subheading */
  gboolean  titled;     /* in a block whose class says it is the title */
  gboolean  caption;    /* in a figure's caption or a picture's block */
  gboolean  summary;    /* in a box that sums the article up */
  gboolean  centered;   /* in a block set in the middle: `<center>`, `align="center"` */
  gboolean  linked;     /* all of it is link text */
} WenjiImportLine;

/* The titles a page gives itself, to weigh its headings against. */
typedef struct {
  char       *og;       /* og:title without the site's name */
  char       *title;    /* <title> without it */
  char       *site;     /* the site's name that <title> held, else og:title */
  char       *og_site;  /* the site's name that og:title held */
  char       *full;     /* <title> as it is */
  char       *keys[6];  /* those two, the structured headline, og:title and <title>,
                         * without spaces and punctuation (wenji_import_title_key()) */
} WenjiImportTitles;

void     wenji_import_meta_clear (WenjiImportMeta *meta);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WenjiImportMeta, wenji_import_meta_clear)

void     wenji_import_meta_read  (xmlNode         *root,
                                  WenjiImportMeta *meta);

/* wenji-import-page.c */
void     wenji_import_titles_init     (WenjiImportTitles *titles,
                                       WenjiImportMeta   *meta);
void     wenji_import_titles_clear    (WenjiImportTitles *titles);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WenjiImportTitles, wenji_import_titles_clear)
int      wenji_import_title_agreement (const char        *heading,
                                       WenjiImportTitles *titles);
char    *wenji_import_choose_title    (GPtrArray         *lines,
                                       WenjiImportMeta   *meta,
                                       WenjiImportTitles *titles);
void     wenji_import_take_title_date (WenjiImportFields *fields);
void     wenji_import_choose_date     (WenjiImportFields *fields,
                                       WenjiImportMeta   *meta,
                                       const char        *address);
void     wenji_import_choose_meta_author (WenjiImportFields *fields,
                                          WenjiImportMeta   *meta);
gboolean wenji_import_is_meta_author  (const char        *author,
                                       WenjiImportFields *fields,
                                       WenjiImportMeta   *meta);

/* wenji-import-tags.c */
guint    wenji_import_tag_flags       (xmlNode           *node);
guint    wenji_import_name_flags      (xmlNode           *node,
                                       guint              flags,
                                       int               *weight);
gboolean wenji_import_is_heading      (xmlNode           *node);

/* wenji-import-meta.c */
char    *wenji_import_node_attr  (xmlNode         *node,
                                  const char      *name);
gboolean wenji_import_is_web_address (const char  *value);
gboolean wenji_import_node_is    (xmlNode         *node,
                                  const char      *name);

/* wenji-import-html.c: a page as it is measured, and its lines. */
typedef struct {
  guint chars;         /* non-space characters below the node */
  guint link_chars;    /* of which inside links */
  guint punct;         /* Chinese commas, full stops and the like */
  guint inline_chars;  /* the same, outside the blocks below the node */
  guint inline_links;
  guint inline_punct;
  guint flags;         /* TAG_* and NAME_* */
  int weight;          /* what its class and id say */
  guint first_text;    /* where its text starts and ends in the page's, from 1 */
  guint last_text;
  double own;          /* as a paragraph: the text it holds itself */
  double score;        /* its own and its paragraphs' */
} WenjiImportNodeStats;

typedef struct {
  const char *base;     /* the page's address or file, for its pictures */
  char      *description_key;  /* its meta description, as a title's key */
  guint      description_chars;
  GArray    *stats;     /* WenjiImportNodeStats, indexed by node->_private - 1 */
  guint      texts;     /* characters seen by measure() */
  xmlNode   *headline;  /* the heading the page's titles agree with */
  xmlNode   *best;
  xmlNode   *first;     /* the first and the last block of the article: */
  xmlNode   *last;      /* best, or its siblings of the same class */
  GPtrArray *lines;     /* WenjiImportLine */
  GString   *line;
  guint      line_chars;
  guint      line_link_chars;
  WenjiImportRegion     region;
  guint      furniture_depth;
  guint      caption_depth;
  guint      summary_depth;
  guint      center_depth;
  guint      title_depth;
  guint      link_depth;
  guint      heading_depth;
  gsize      heading_head;  /* bytes of the line before the headline's second line */
  gboolean   line_is_heading;
} WenjiImportPage;

WenjiImportNodeStats *wenji_import_node_stats      (WenjiImportPage   *page,
                                                    xmlNode           *node);
char                 *wenji_import_normalise_space (const char        *text);
gboolean              wenji_import_is_caption_block (WenjiImportNodeStats *stats);
void                  wenji_import_count_text      (const char        *text,
                                                    guint             *chars,
                                                    guint             *punct);

/* wenji-import-lines.c */
void       wenji_import_emit_lines         (WenjiImportPage   *page,
                                            xmlNode           *node);
void       wenji_import_flush_line         (WenjiImportPage   *page);

/* wenji-import-extract.c */
GPtrArray *wenji_import_extract            (GPtrArray         *lines,
                                            WenjiImportFields *fields);

/* wenji-import-kind.c */
guint      wenji_import_count_thread_marks (GPtrArray         *lines);
guint      wenji_import_count_index_marks  (GPtrArray         *lines);
guint      wenji_import_count_shop_marks   (GPtrArray         *lines);
gboolean   wenji_import_refuse_page        (GError           **error,
                                            const char        *name,
                                            WenjiImportMeta   *meta,
                                            WenjiImportTitles *titles,
                                            const char        *address,
                                            GPtrArray         *paragraphs);

/* wenji-import-disclosure.c */
void       wenji_import_read_disclosure    (GPtrArray         *lines,
                                            WenjiImportFields *fields);

/* wenji-import-labelled.c */
gboolean   wenji_import_find_labelled_date (WenjiImportPage   *page,
                                            xmlNode           *node,
                                            WenjiImportDate   *date);
gboolean   wenji_import_find_time_element  (WenjiImportPage   *page,
                                            xmlNode           *node,
                                            WenjiImportDate   *date);
gboolean   wenji_import_read_labelled      (WenjiImportPage   *page,
                                            xmlNode           *node,
                                            WenjiImportFields *fields);
char      *wenji_import_find_home_name     (WenjiImportPage   *page,
                                            xmlNode           *node);

G_END_DECLS
