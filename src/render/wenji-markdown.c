/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Markdown to blocks, with md4c in the GitHub dialect. Raw HTML is off
 * (MD_FLAG_NOHTML), so tags in an article reach the model as text. Lists
 * and quotes are flattened into blocks that carry their depth.
 */
#include "config.h"

#include <string.h>
#include <md4c.h>

#include "wenji-document-private.h"
#include "wenji-library.h"

typedef struct {
  gboolean ordered;
  guint    next_number;
  gboolean tight;
} List;

typedef struct {
  const char         *source;
  const char         *base_dir;
  GPtrArray          *blocks;
  GArray             *lists;
  guint               quote_depth;
  char               *pending_marker;

  WenjiInlineBuilder *inline_text;
  WenjiBlockKind      inline_kind;
  guint               inline_level;
  gboolean            implicit;     /* the text of a tight list item */
  GString            *code;

  guint               style_counts[5];
  GArray             *link_stack;   /* guint: current link, 0 for none */
  guint               image_depth;

  WenjiBlock         *table;
  gboolean            in_head;
  guint               table_column;
} Parser;

static guint
current_style (Parser *parser)
{
  guint style = 0;

  for (guint i = 0; i < G_N_ELEMENTS (parser->style_counts); i++)
    if (parser->style_counts[i] > 0)
      style |= 1 << i;

  return style;
}

static guint
current_link (Parser *parser)
{
  if (parser->link_stack->len == 0)
    return 0;
  return g_array_index (parser->link_stack, guint, parser->link_stack->len - 1);
}

static void
start_inline (Parser         *parser,
              WenjiBlockKind  kind,
              guint           level,
              gboolean        implicit)
{
  g_clear_pointer (&parser->inline_text, wenji_inline_builder_free);
  parser->inline_text = wenji_inline_builder_new ();
  parser->inline_kind = kind;
  parser->inline_level = level;
  parser->implicit = implicit;
}

static WenjiBlock *
new_block (Parser         *parser,
           WenjiBlockKind  kind)
{
  WenjiBlock *block = wenji_block_new (kind);

  block->list_depth = parser->lists->len;
  block->quote_depth = parser->quote_depth;
  if (parser->lists->len > 0)
    block->ordered = g_array_index (parser->lists, List, parser->lists->len - 1).ordered;
  block->marker = g_steal_pointer (&parser->pending_marker);
  g_ptr_array_add (parser->blocks, block);

  return block;
}

static void
finish_inline (Parser *parser)
{
  g_autoptr (WenjiInlineBuilder) builder = g_steal_pointer (&parser->inline_text);
  WenjiBlock *block;

  if (builder == NULL)
    return;
  if (parser->implicit && wenji_inline_builder_is_empty (builder))
    return;
  /* Pictures that cannot be shown and say nothing of themselves leave no
   * empty paragraph behind: `![](other_files/chart.png)`. */
  if (parser->inline_kind == WENJI_BLOCK_PARAGRAPH && builder->n_images > 0 &&
      !wenji_inline_builder_is_image (builder) && wenji_inline_builder_is_empty (builder))
    return;

  if (parser->inline_kind == WENJI_BLOCK_PARAGRAPH && wenji_inline_builder_is_image (builder)) {
    block = new_block (parser, WENJI_BLOCK_IMAGE);
    block->image_path = g_strdup (builder->image_src);
  } else {
    block = new_block (parser, parser->inline_kind);
    block->level = parser->inline_level;
  }
  block->text = wenji_inline_builder_finish (builder);
}

/* Only files on this computer become images; anything else stays text. */
static char *
resolve_image (Parser     *parser,
               const char *src)
{
  g_autofree char *scheme = g_uri_parse_scheme (src);
  g_autofree char *unescaped = NULL;

  if (scheme != NULL) {
    /* A picture the library keeps, written out where it can be read. */
    if (g_ascii_strcasecmp (scheme, "wenji-asset") == 0)
      return wenji_asset_cache_path (src + strlen ("wenji-asset:"));
    if (g_ascii_strcasecmp (scheme, "file") != 0)
      return NULL;
    return g_filename_from_uri (src, NULL, NULL);
  }

  unescaped = g_uri_unescape_string (src, NULL);
  if (unescaped == NULL)
    return NULL;
  if (g_path_is_absolute (unescaped))
    return g_steal_pointer (&unescaped);
  if (parser->base_dir == NULL)
    return NULL;

  return g_build_filename (parser->base_dir, unescaped, NULL);
}

static char *
attribute_text (const MD_ATTRIBUTE *attr)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; attr->substr_offsets[i] < attr->size; i++) {
    MD_OFFSET start = attr->substr_offsets[i];
    MD_OFFSET end = attr->substr_offsets[i + 1];

    g_string_append_len (text, attr->text + start, end - start);
  }

  return g_string_free (text, FALSE);
}

static const char *
list_marker (Parser           *parser,
             const MD_BLOCK_LI_DETAIL *detail)
{
  static const char *bullets[] = { "•", "◦", "▪" };
  List *list = &g_array_index (parser->lists, List, parser->lists->len - 1);

  g_free (parser->pending_marker);
  if (detail->is_task)
    parser->pending_marker = g_strdup (detail->task_mark == ' ' ? "☐" : "☑");
  else if (list->ordered)
    parser->pending_marker = g_strdup_printf ("%u.", list->next_number++);
  else
    parser->pending_marker = g_strdup (bullets[(parser->lists->len - 1) % G_N_ELEMENTS (bullets)]);

  return parser->pending_marker;
}

static int
enter_block (MD_BLOCKTYPE  type,
             void         *detail,
             void         *user_data)
{
  Parser *parser = user_data;

  /* A block inside a tight list item ends the item's own text. */
  if (parser->inline_text != NULL && parser->implicit)
    finish_inline (parser);

  switch (type) {
  case MD_BLOCK_QUOTE:
    parser->quote_depth++;
    break;
  case MD_BLOCK_UL:
  case MD_BLOCK_OL: {
    List list = { type == MD_BLOCK_OL, 1, FALSE };
    if (type == MD_BLOCK_OL)
      list.next_number = ((MD_BLOCK_OL_DETAIL *) detail)->start;
    g_array_append_val (parser->lists, list);
    break;
  }
  case MD_BLOCK_LI:
    list_marker (parser, detail);
    start_inline (parser, WENJI_BLOCK_PARAGRAPH, 0, TRUE);
    break;
  case MD_BLOCK_H:
    start_inline (parser, WENJI_BLOCK_HEADING, ((MD_BLOCK_H_DETAIL *) detail)->level, FALSE);
    break;
  case MD_BLOCK_P:
    start_inline (parser, WENJI_BLOCK_PARAGRAPH, 0, FALSE);
    break;
  case MD_BLOCK_CODE:
    parser->code = g_string_new (NULL);
    break;
  case MD_BLOCK_HR:
    new_block (parser, WENJI_BLOCK_RULE);
    break;
  case MD_BLOCK_TABLE:
    parser->table = wenji_block_new (WENJI_BLOCK_TABLE);
    parser->table->n_columns = ((MD_BLOCK_TABLE_DETAIL *) detail)->col_count;
    parser->table->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) wenji_rich_text_free);
    parser->table->aligns = g_array_new (FALSE, TRUE, sizeof (WenjiAlign));
    break;
  case MD_BLOCK_THEAD:
    parser->in_head = TRUE;
    break;
  case MD_BLOCK_TR:
    parser->table_column = 0;
    break;
  case MD_BLOCK_TH:
  case MD_BLOCK_TD:
    if (parser->table != NULL && parser->table->aligns->len < parser->table->n_columns) {
      static const WenjiAlign aligns[] = {
        [MD_ALIGN_DEFAULT] = WENJI_ALIGN_DEFAULT, [MD_ALIGN_LEFT] = WENJI_ALIGN_LEFT,
        [MD_ALIGN_CENTER] = WENJI_ALIGN_CENTER, [MD_ALIGN_RIGHT] = WENJI_ALIGN_RIGHT,
      };
      WenjiAlign align = aligns[((MD_BLOCK_TD_DETAIL *) detail)->align];
      g_array_append_val (parser->table->aligns, align);
    }
    start_inline (parser, WENJI_BLOCK_PARAGRAPH, 0, FALSE);
    break;
  default:
    break;
  }

  return 0;
}

static int
leave_block (MD_BLOCKTYPE  type,
             void         *detail,
             void         *user_data)
{
  Parser *parser = user_data;

  switch (type) {
  case MD_BLOCK_QUOTE:
    parser->quote_depth--;
    break;
  case MD_BLOCK_UL:
  case MD_BLOCK_OL:
    g_array_set_size (parser->lists, parser->lists->len - 1);
    break;
  case MD_BLOCK_LI:
    finish_inline (parser);
    /* An empty item still shows its marker. */
    if (parser->pending_marker != NULL)
      new_block (parser, WENJI_BLOCK_PARAGRAPH)->text = wenji_rich_text_new_plain ("");
    break;
  case MD_BLOCK_H:
  case MD_BLOCK_P:
    finish_inline (parser);
    break;
  case MD_BLOCK_CODE: {
    WenjiBlock *block = new_block (parser, WENJI_BLOCK_CODE);
    if (parser->code->len > 0 && parser->code->str[parser->code->len - 1] == '\n')
      g_string_truncate (parser->code, parser->code->len - 1);
    block->text = wenji_rich_text_new_plain (parser->code->str);
    g_string_free (g_steal_pointer (&parser->code), TRUE);
    break;
  }
  case MD_BLOCK_THEAD:
    parser->in_head = FALSE;
    if (parser->table != NULL)
      parser->table->n_head_rows = 1;
    break;
  case MD_BLOCK_TH:
  case MD_BLOCK_TD:
    if (parser->table != NULL && parser->inline_text != NULL) {
      g_autoptr (WenjiInlineBuilder) builder = g_steal_pointer (&parser->inline_text);
      g_ptr_array_add (parser->table->cells, wenji_inline_builder_finish (builder));
      parser->table_column++;
    }
    break;
  case MD_BLOCK_TR:
    /* Rows shorter than the header are padded. */
    for (; parser->table != NULL && parser->table_column < parser->table->n_columns;
         parser->table_column++)
      g_ptr_array_add (parser->table->cells, wenji_rich_text_new_plain (""));
    break;
  case MD_BLOCK_TABLE: {
    WenjiBlock *table = g_steal_pointer (&parser->table);
    table->list_depth = parser->lists->len;
    table->quote_depth = parser->quote_depth;
    g_clear_pointer (&parser->pending_marker, g_free);
    g_ptr_array_add (parser->blocks, table);
    break;
  }
  default:
    break;
  }

  return 0;
}

static int
enter_span (MD_SPANTYPE  type,
            void        *detail,
            void        *user_data)
{
  Parser *parser = user_data;

  if (parser->inline_text == NULL)
    start_inline (parser, WENJI_BLOCK_PARAGRAPH, 0, TRUE);

  switch (type) {
  case MD_SPAN_EM:
    parser->style_counts[0]++;
    break;
  case MD_SPAN_STRONG:
    parser->style_counts[1]++;
    break;
  case MD_SPAN_CODE:
    parser->style_counts[2]++;
    break;
  case MD_SPAN_DEL:
    parser->style_counts[4]++;
    break;
  case MD_SPAN_A: {
    g_autofree char *href = attribute_text (&((MD_SPAN_A_DETAIL *) detail)->href);
    guint link = wenji_inline_builder_add_href (parser->inline_text, href);
    g_array_append_val (parser->link_stack, link);
    break;
  }
  case MD_SPAN_IMG: {
    g_autofree char *src = attribute_text (&((MD_SPAN_IMG_DETAIL *) detail)->src);
    parser->image_depth++;
    parser->inline_text->n_images++;
    g_free (parser->inline_text->image_src);
    parser->inline_text->image_src = resolve_image (parser, src);
    break;
  }
  default:
    break;
  }

  return 0;
}

/* md4c can report the end of a link it never reported the start of (a
 * link inside an image's text inside a link, found by fuzz-html-writer), so
 * no count or stack goes below empty: the link stack would otherwise be
 * resized to 2^32 entries. */
static void
count_down (guint *count)
{
  if (*count > 0)
    (*count)--;
}

static int
leave_span (MD_SPANTYPE  type,
            void        *detail,
            void        *user_data)
{
  Parser *parser = user_data;

  switch (type) {
  case MD_SPAN_EM:
    count_down (&parser->style_counts[0]);
    break;
  case MD_SPAN_STRONG:
    count_down (&parser->style_counts[1]);
    break;
  case MD_SPAN_CODE:
    count_down (&parser->style_counts[2]);
    break;
  case MD_SPAN_DEL:
    count_down (&parser->style_counts[4]);
    break;
  case MD_SPAN_A:
    if (parser->link_stack->len > 0)
      g_array_set_size (parser->link_stack, parser->link_stack->len - 1);
    break;
  case MD_SPAN_IMG:
    count_down (&parser->image_depth);
    break;
  default:
    break;
  }

  return 0;
}

/* The entities an article is likely to hold; others stay as written. */
static char *
decode_entity (const char *text,
               gsize       len)
{
  static const struct {
    const char *name;
    gunichar    c;
  } names[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
    { "&apos;", '\'' }, { "&nbsp;", 0xA0 }, { "&copy;", 0xA9 }, { "&mdash;", 0x2014 },
    { "&ndash;", 0x2013 }, { "&hellip;", 0x2026 }, { "&ldquo;", 0x201C },
    { "&rdquo;", 0x201D }, { "&lsquo;", 0x2018 }, { "&rsquo;", 0x2019 },
    { "&middot;", 0xB7 }, { "&times;", 0xD7 },
  };
  gunichar c = 0;
  char out[8] = { 0 };

  if (len > 3 && text[1] == '#') {
    guint64 value = 0;
    gboolean hex = text[2] == 'x' || text[2] == 'X';
    g_autofree char *digits = g_strndup (text + (hex ? 3 : 2), len - (hex ? 4 : 3));

    if (g_ascii_string_to_unsigned (digits, hex ? 16 : 10, 1, 0x10FFFF, &value, NULL))
      c = g_unichar_validate (value) ? (gunichar) value : 0xFFFD;
  } else {
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      if (strlen (names[i].name) == len && strncmp (names[i].name, text, len) == 0)
        c = names[i].c;
  }

  if (c == 0)
    return g_strndup (text, len);

  g_unichar_to_utf8 (c, out);
  return g_strdup (out);
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  Parser *parser = user_data;
  guint style, link, marks = 0;

  if (parser->code != NULL) {
    g_string_append_len (parser->code, text, size);
    return 0;
  }

  if (parser->inline_text == NULL)
    start_inline (parser, WENJI_BLOCK_PARAGRAPH, 0, TRUE);

  style = current_style (parser);
  link = current_link (parser);
  if (parser->image_depth > 0)
    marks |= WENJI_MARK_IMAGE;

  switch (type) {
  case MD_TEXT_NULLCHAR:
    wenji_inline_builder_append (parser->inline_text, "\xef\xbf\xbd", 3, style, link, marks);
    break;
  case MD_TEXT_BR:
    wenji_inline_builder_append (parser->inline_text, "\xe2\x80\xa8", 3, style, link, marks);
    break;
  case MD_TEXT_SOFTBR:
    wenji_inline_builder_append (parser->inline_text, " ", 1, style, link,
                                 marks | WENJI_MARK_SOFTBREAK);
    break;
  case MD_TEXT_ENTITY: {
    g_autofree char *decoded = decode_entity (text, size);
    wenji_inline_builder_append (parser->inline_text, decoded, strlen (decoded), style, link,
                                 marks | WENJI_MARK_ESCAPED);
    break;
  }
  default:
    /* md4c hands an escaped character over on its own, just after the
     * backslash in the source. */
    if (text > parser->source && text[-1] == '\\' && size == 1)
      marks |= WENJI_MARK_ESCAPED;
    wenji_inline_builder_append (parser->inline_text, text, size, style, link, marks);
    break;
  }

  return 0;
}

/* CommonMark reads `2*3*4` as 2<em>3</em>4. A `*` between two ASCII digits
 * is a multiplication sign in an article, so it is escaped before md4c
 * sees it; code (fenced, indented or in backticks) is left alone. */
static char *
protect_products (const char *markdown)
{
  GString *out = g_string_sized_new (strlen (markdown) + 16);
  gboolean fenced = FALSE;
  const char *line = markdown;

  while (*line != '\0') {
    const char *end = strchr (line, '\n');
    const char *next = end != NULL ? end + 1 : line + strlen (line);
    const char *text = line;
    gsize ticks = 0;

    while (*text == ' ')
      text++;
    if (g_str_has_prefix (text, "```") || g_str_has_prefix (text, "~~~")) {
      fenced = !fenced;
    } else if (!fenced && text - line < 4 && *text != '\t') {
      for (const char *p = line; p < next; p++) {
        if (*p == '`') {
          gsize run = 1;
          while (p + run < next && p[run] == '`')
            run++;
          /* A code span closes with a run of as many backticks. */
          ticks = ticks == 0 ? run : ticks == run ? 0 : ticks;
          g_string_append_len (out, p, run);
          p += run - 1;
          continue;
        }
        if (*p == '*' && ticks == 0 && p > line && g_ascii_isdigit (p[-1]) &&
            g_ascii_isdigit (p[1]) && !(p - 1 > line && p[-2] == '\\'))
          g_string_append_c (out, '\\');
        g_string_append_c (out, *p);
      }
      line = next;
      continue;
    }

    g_string_append_len (out, line, next - line);
    line = next;
  }

  return g_string_free (out, FALSE);
}

/**
 * wenji_markdown_parse:
 * @markdown: the article's body
 * @base_dir: (nullable): the folder relative image paths start from
 *
 * Returns: (transfer full) (element-type WenjiBlock): the blocks
 */
GPtrArray *
wenji_markdown_parse (const char *markdown,
                      const char *base_dir)
{
  MD_PARSER md = { 0 };
  Parser parser = { 0 };
  g_autofree char *source = protect_products (markdown);

  md.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
  md.enter_block = enter_block;
  md.leave_block = leave_block;
  md.enter_span = enter_span;
  md.leave_span = leave_span;
  md.text = text_cb;

  parser.source = source;
  parser.base_dir = base_dir;
  parser.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) wenji_block_free);
  parser.lists = g_array_new (FALSE, FALSE, sizeof (List));
  parser.link_stack = g_array_new (FALSE, FALSE, sizeof (guint));

  /* md4c only fails when out of memory; whatever it produced is kept. */
  md_parse (source, strlen (source), &md, &parser);
  finish_inline (&parser);

  g_clear_pointer (&parser.inline_text, wenji_inline_builder_free);
  g_clear_pointer (&parser.pending_marker, g_free);
  if (parser.code != NULL)
    g_string_free (parser.code, TRUE);
  g_clear_pointer (&parser.table, wenji_block_free);
  g_array_unref (parser.lists);
  g_array_unref (parser.link_stack);

  return parser.blocks;
}
