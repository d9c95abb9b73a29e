/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The search tokenizer, for SQLite FTS5 and for the query parser.
 *
 * Chinese has no spaces between words, and most words are two characters.
 * Each Han character (folded from Traditional to Simplified one code point
 * at a time, so offsets stay where they were) is a token at its position,
 * so a query of one character is one token, whose list the index reads from
 * the newest article on and can stop reading early. A query of two or more
 * characters is a phrase of consecutive characters; where two characters
 * are both common (see common_han[]), their phrase would have to compare
 * the positions in most articles, so the pair is a token too, a bigram
 * beside the first character at the same position. A rare pair needs none:
 * the list of its rarer character is short. Bigrams of only the common
 * pairs keep the index about as small, and the import as fast, as one
 * bigram for every character did.
 *
 * Latin letters and digits are NFKC-normalised and case-folded, and split
 * where letters meet digits (ＡＰＰＬＥ = apple, iPhone１５ = iphone 15),
 * except in identifiers (see is_identifier()), which stay one token. Beside
 * a word, the index keeps its first one to WENJI_TOKEN_PREFIX_MAX_CHARS
 * characters, marked as prefixes, so that a word typed halfway is one token
 * too rather than an FTS5 prefix query, which merges the lists of every
 * word it begins before it returns anything.
 * Punctuation is a token of its own that no query asks for, so a phrase
 * never matches across it.
 */
#include "config.h"

#include <string.h>

#include "wenji-text.h"
#include "wenji-search-tokenizer.h"

/**
 * wenji_fold_text:
 *
 * Folds every Han character of @text to Simplified, one code point for one,
 * as the index sees it.
 *
 * Returns: (transfer full): the folded text, as long in characters as @text
 */
char *
wenji_fold_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    g_string_append_unichar (out, wenji_text_simplified_char (g_utf8_get_char (p)));

  return g_string_free (out, FALSE);
}

/**
 * wenji_fold_search_char:
 *
 * Returns: @c as search compares it: Han folded to Simplified, full-width
 *   ASCII to ASCII, lower case; one character for one
 */
gunichar
wenji_fold_search_char (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    c -= 0xFEE0;

  return g_unichar_tolower (wenji_text_simplified_char (c));
}

/**
 * wenji_fold_for_search:
 *
 * Returns: (transfer full): @text with every character folded by
 *   wenji_fold_search_char(), as long in characters as @text
 */
char *
wenji_fold_for_search (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    g_string_append_unichar (out, wenji_fold_search_char (g_utf8_get_char (p)));

  return g_string_free (out, FALSE);
}

/*
 * The Han characters that the most articles hold, in four classes: held by
 * at least 1/2, 1/4, 1/8 and 1/16 of the articles of the benchmark corpus
 * (21,466 news transcripts, encyclopedia entries and essays), most common
 * first. tests/bench/han-frequency prints them for a library.
 *
 * Two characters of classes i and j are in about 1 / 2^(i+j+2) of the
 * articles together or more; a phrase of them compares positions in all
 * those articles. The pair gets a bigram when i + j <= COMMON_PAIR_MAX_SUM,
 * so that no phrase of two characters without one has to look at more than
 * about one article in eight. (One in sixteen gave a bigram to 64% of the
 * pairs of the corpus instead of 48%; the index was 1.94 times the text
 * instead of 1.70, and the import 8% slower.) Changing the table changes
 * the tokens: raise WENJI_TOKENIZER_VERSION.
 */
static const char * const common_han[] = {
  /* in 1/2 of the articles or more */
  "文原看新联视查息消闻央播网的国中在日和发人一大进行全动为出等会地"
  "成年月了以家时上同展有多作对加高方开主来部个力实天重体平总化今前"
  "近民生合持面是现建长要",
  /* in 1/4 of the articles or more */
  "不关到区表推将示业工提共经强续务设机入目与政下能分过定量各于通用"
  "统理代向当产领度间道公员系次期自好更正内心增点制深保利外场我事交"
  "两快造际基市安举特指明十式布本运步已万第导最北后这立数达局习从相"
  "战调水及施活应色域至就并流程得记三性海美位计社治西据首带其升路台"
  "质南起项创组支信资题学门之济还议取也坚结引打法者广此可科里比东标"
  "规集断报界任元完接供世落受超四意解放",
  /* in 1/8 of the articles or more */
  "委席电情着二精源级列书问斯小构军技党改求线品物华京们势参稳空名护"
  "积服协义他院决团果金显防确风备效常优传极约装所称都别亿企境态气办"
  "无处致准由众山口型继城织策略历形复管命五尔克球使商州模见划促回周"
  "术江队手转节种专投突拉条围群育边先神车兴维类走速子把省做去研件届"
  "亚互收始变环未干史连府响想责核百切影革需整论预击障础格感助批火让"
  "福农而双单验河范然根如思志反智具包马被认署话融愿营说热识兰紧清善"
  "因再往头景武巴功破望聚观挥航游身措德居教讯午真村难密献给少卫罗站"
  "益满层光权媒远启均征易直值扩米采非旅费贯该段富底率族贸则",
  /* in 1/16 of the articles or more */
  "负八案严林健丰迎宣争青千声充字足春截友绿获告土希况古士普乡念随样"
  "老终监访客彻控晚讲器苏每降排铁注宁纪谈置奋容贡良价王乐号图季峰知"
  "依攻选县张李斗越努何些低夫较言象园伴守究配龙康阿港红沙陆累临移险"
  "承绕乌份但俄副待证食扬离遇固扎轮综官亲司哈没刻伊湖洲试住培括抗急"
  "半停占输伟才庆担眼黄只座石践架章必班针余测坦享考初花尼温户烈评候"
  "又盖久医抓卡序激送修欧几即职欢飞幕便室繁托片阶跨六额袭拓纳存伙召"
  "检荣或察冲死货键沿听库照减阳养早祝演独白太执探失云弹亡延令警英端"
  "惠波故补牢仍很尽写载田黑仅岸财爱除涉伤雨奇遭镇兵许盟顺夏止威勒链"
  "素博振驻律属迈筑儿灾射油述派索贵抵校请树料救堂压馆限焦戳房幅九退"
  "丽画算草覆汇著频川印留细七挑吸签塔介筹援谋船逐短吉银赛",
};

#define COMMON_PAIR_MAX_SUM 2
#define NOT_COMMON          G_MAXUINT8

/* The class of each character of the CJK Unified Ideographs block. */
static guint8 *han_classes;

static gpointer
build_han_classes (gpointer data)
{
  guint8 *classes = g_new (guint8, 0x9FFF - 0x4E00 + 1);

  memset (classes, NOT_COMMON, 0x9FFF - 0x4E00 + 1);
  for (guint k = 0; k < G_N_ELEMENTS (common_han); k++) {
    for (const char *p = common_han[k]; *p; p = g_utf8_next_char (p)) {
      gunichar c = g_utf8_get_char (p);

      g_assert (c >= 0x4E00 && c <= 0x9FFF);
      classes[c - 0x4E00] = k;
    }
  }

  return classes;
}

static guint
han_class (gunichar c)
{
  static GOnce once = G_ONCE_INIT;

  han_classes = g_once (&once, build_han_classes, NULL);

  return c >= 0x4E00 && c <= 0x9FFF ? han_classes[c - 0x4E00] : NOT_COMMON;
}

/**
 * wenji_han_pair_indexed:
 * @first: a Han character, folded
 * @second: the Han character after it, folded
 *
 * Returns: whether the index keeps the bigram of @first and @second, which
 *   it does for pairs of common characters
 */
gboolean
wenji_han_pair_indexed (gunichar first,
                        gunichar second)
{
  guint a = han_class (first), b = han_class (second);

  return a != NOT_COMMON && b != NOT_COMMON && a + b <= COMMON_PAIR_MAX_SUM;
}

typedef enum {
  CLASS_SPACE,
  CLASS_PUNCT,
  CLASS_HAN,
  CLASS_LETTER,
  CLASS_DIGIT,
} CharClass;

static CharClass
classify (gunichar c)
{
  /* Most characters of Chinese text: skip the Unicode tables. */
  if (c >= 0x4E00 && c <= 0x9FFF)
    return CLASS_HAN;
  if (c < 0x80) {
    if (g_ascii_isalpha (c))
      return CLASS_LETTER;
    if (g_ascii_isdigit (c))
      return CLASS_DIGIT;
    if (g_ascii_isspace (c) || g_ascii_iscntrl (c))
      return CLASS_SPACE;
    return CLASS_PUNCT;
  }

  switch (g_unichar_get_script (c)) {
  case G_UNICODE_SCRIPT_HAN:
  case G_UNICODE_SCRIPT_HIRAGANA:
  case G_UNICODE_SCRIPT_KATAKANA:
  case G_UNICODE_SCRIPT_HANGUL:
  case G_UNICODE_SCRIPT_BOPOMOFO:
    if (g_unichar_isalpha (c))
      return CLASS_HAN;
    break;
  default:
    break;
  }

  if (g_unichar_isdigit (c))
    return CLASS_DIGIT;
  if (g_unichar_isalpha (c) || g_unichar_ismark (c))
    return CLASS_LETTER;
  if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
    return CLASS_SPACE;

  return CLASS_PUNCT;
}

/*
 * A run of letters and digits is an identifier, one token, when it is at
 * least IDENTIFIER_MIN_CHARS characters long and letters and digits take
 * turns at least twice in it (three parts or more): video ids, hashes,
 * tracking codes. Split like a word, the random letters and digits of
 * "VIDEFHsXOin5GmxQNdl2a0iR220929" hold "5" followed by "gmxqndl", which a
 * search for 5G finds. The words people write with letters and digits
 * (5G, G20, MP3, H5N1, Win10, C919, iPhone14ProMax, AdobePhotoshopCS2) are
 * shorter or have fewer parts, and keep matching their parts. In the
 * benchmark corpus such words are at most 17 characters and the ids 30.
 */
#define IDENTIFIER_MIN_CHARS 16
#define IDENTIFIER_MIN_PARTS 3

/* The class of the character at @p, CLASS_SPACE at the end or on a byte
 * that is not UTF-8. */
static CharClass
class_at (const char *p,
          const char *end)
{
  gunichar c;

  if (p >= end)
    return CLASS_SPACE;
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return CLASS_SPACE;

  return classify (c);
}

/* The end of the letters (with their marks) or the digits that start at @p. */
static const char *
part_end (const char *p,
          const char *end)
{
  CharClass class = class_at (p, end);

  while (p < end) {
    gunichar d = g_utf8_get_char_validated (p, end - p);

    if (d == (gunichar) -1 || d == (gunichar) -2)
      break;
    /* Marks stay with their letter; letters and digits part. */
    if (classify (d) != class && !(class == CLASS_LETTER && g_unichar_ismark (d)))
      break;
    p = g_utf8_next_char (p);
  }

  return p;
}

static gboolean
is_identifier (const char *run,
               const char *run_end)
{
  guint n_parts = 0;

  if (g_utf8_strlen (run, run_end - run) < IDENTIFIER_MIN_CHARS)
    return FALSE;
  for (const char *p = run; p < run_end; p = part_end (p, run_end))
    n_parts++;

  return n_parts >= IDENTIFIER_MIN_PARTS;
}

/**
 * wenji_token_prefix:
 * @word: a word as wenji_tokenize() reports it
 *
 * Returns: (transfer full) (nullable): the token that the index keeps
 *   beside every word that starts with @word, or %NULL when it keeps none:
 *   for a number, which is searched whole, and for a word longer than
 *   %WENJI_TOKEN_PREFIX_MAX_CHARS characters
 */
char *
wenji_token_prefix (const char *word)
{
  if (*word == '\0' || g_unichar_isdigit (g_utf8_get_char (word)) ||
      g_utf8_strlen (word, -1) > WENJI_TOKEN_PREFIX_MAX_CHARS)
    return NULL;

  return g_strconcat (word, WENJI_TOKEN_PREFIX_MARK, NULL);
}

/* Reports @word and, for the index, the prefixes of its first characters. */
static gboolean
report_word (const char     *word,
             gsize           length,
             gsize           start,
             gsize           end,
             gboolean        colocated,
             WenjiTokenFunc  func,
             gpointer        user_data)
{
  char prefix[WENJI_TOKEN_PREFIX_MAX_CHARS * 4 + 2];
  const char *p = word;

  if (!func (WENJI_TOKEN_WORD, word, length, start, end, user_data))
    return FALSE;
  if (!colocated || g_unichar_isdigit (g_utf8_get_char (word)))
    return TRUE;

  for (guint n = 0; n < WENJI_TOKEN_PREFIX_MAX_CHARS && p < word + length; n++) {
    gsize bytes;

    p = g_utf8_next_char (p);
    bytes = MIN (p, word + length) - word;
    memcpy (prefix, word, bytes);
    prefix[bytes] = WENJI_TOKEN_PREFIX_MARK[0];
    if (!func (WENJI_TOKEN_PREFIX, prefix, bytes + 1, start, end, user_data))
      return FALSE;
  }

  return TRUE;
}

/* Reports a Latin run, normalised and case-folded. */
static gboolean
emit_word (const char     *text,
           gsize           start,
           gsize           end,
           gboolean        colocated,
           WenjiTokenFunc  func,
           gpointer        user_data)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  char ascii[64];
  gsize length = end - start;
  gboolean plain = length < sizeof ascii;

  /* Plain ASCII needs no normalisation: lower-case it in place. */
  for (gsize i = 0; plain && i < length; i++) {
    plain = (guchar) text[start + i] < 0x80;
    ascii[i] = g_ascii_tolower (text[start + i]);
  }
  if (plain)
    return report_word (ascii, length, start, end, colocated, func, user_data);

  normal = g_utf8_normalize (text + start, length, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (normal ? normal : "", -1);
  if (*folded == '\0')
    return TRUE;

  return report_word (folded, strlen (folded), start, end, colocated, func, user_data);
}

/* Reports the bigram of the Han character @folded at @p and the next one,
 * when the index keeps it. */
static gboolean
emit_bigram (const char     *text,
             const char     *p,
             const char     *end,
             gunichar        folded,
             WenjiTokenFunc  func,
             gpointer        user_data)
{
  const char *next = g_utf8_next_char (p);
  gunichar c2;
  char token[12];
  gsize n;

  /* Most characters of a text are not common: no need to look further. */
  if (han_class (folded) == NOT_COMMON || next >= end)
    return TRUE;
  c2 = g_utf8_get_char_validated (next, end - next);
  if (c2 == (gunichar) -1 || c2 == (gunichar) -2 || c2 < 0x3400)
    return TRUE;
  c2 = wenji_text_simplified_char (c2);
  if (!wenji_han_pair_indexed (folded, c2))
    return TRUE;

  n = g_unichar_to_utf8 (folded, token);
  n += g_unichar_to_utf8 (c2, token + n);

  return func (WENJI_TOKEN_BIGRAM, token, n, p - text, g_utf8_next_char (next) - text, user_data);
}

/**
 * wenji_tokenize:
 * @text: UTF-8 text
 * @length: its length in bytes
 * @colocated: also report what the index keeps beside a token at its
 *   position: the bigram of a Han character and the next when both are
 *   common (%WENJI_TOKEN_BIGRAM), the prefixes of a word
 *   (%WENJI_TOKEN_PREFIX); a query asks for these but has none
 *
 * Splits @text into search tokens, calling @func for each in order.
 */
void
wenji_tokenize (const char     *text,
                gsize           length,
                gboolean        colocated,
                WenjiTokenFunc  func,
                gpointer        user_data)
{
  const char *end = text + length;
  const char *p = text;
  gboolean last_was_barrier = TRUE;
  gboolean last_was_han = FALSE;

  while (p < end) {
    gunichar c = g_utf8_get_char_validated (p, end - p);
    const char *next;
    CharClass class;

    if (c == (gunichar) -1 || c == (gunichar) -2) {
      p++;
      continue;
    }

    next = g_utf8_next_char (p);
    class = classify (c);

    if (class == CLASS_HAN) {
      char token[6];
      gunichar folded = wenji_text_simplified_char (c);
      gsize n = g_unichar_to_utf8 (folded, token);

      if (!func (WENJI_TOKEN_HAN, token, n, p - text, next - text, user_data) ||
          (colocated && !emit_bigram (text, p, end, folded, func, user_data)))
        return;
      last_was_barrier = FALSE;
      last_was_han = TRUE;
      p = next;
    } else if (class == CLASS_LETTER || class == CLASS_DIGIT) {
      const char *run_end = p;
      gboolean whole;

      do
        run_end = part_end (run_end, end);
      while (class_at (run_end, end) == CLASS_LETTER || class_at (run_end, end) == CLASS_DIGIT);

      whole = is_identifier (p, run_end);
      while (p < run_end) {
        const char *part = p;

        p = whole ? run_end : part_end (p, run_end);
        if (!emit_word (text, part - text, p - text, colocated, func, user_data))
          return;
      }
      last_was_barrier = FALSE;
      last_was_han = FALSE;
    } else {
      /* One barrier for a run of punctuation is enough. Han characters
       * apart are not a phrase, even without punctuation between them:
       * the end of one line and the start of the next are not a word. */
      if ((class == CLASS_PUNCT || last_was_han) && !last_was_barrier) {
        if (!func (WENJI_TOKEN_BARRIER, WENJI_TOKEN_BARRIER_TEXT, 1, p - text, next - text,
                   user_data))
          return;
        last_was_barrier = TRUE;
      }
      last_was_han = FALSE;
      p = next;
    }
  }
}

/* FTS5 glue. */

typedef struct {
  void *ctx;
  int (*token) (void *, int, const char *, int, int, int);
  int rc;
} Fts5Call;

static gboolean
fts5_token (WenjiTokenKind  kind,
            const char     *token,
            gsize           length,
            gsize           start,
            gsize           end,
            gpointer        user_data)
{
  Fts5Call *call = user_data;
  int flags = kind == WENJI_TOKEN_BIGRAM || kind == WENJI_TOKEN_PREFIX ? FTS5_TOKEN_COLOCATED : 0;

  call->rc = call->token (call->ctx, flags, token, (int) length, (int) start, (int) end);

  return call->rc == SQLITE_OK;
}

static int
fts5_create (void            *user_data,
             const char     **args,
             int              n_args,
             Fts5Tokenizer  **tokenizer)
{
  /* Stateless: any non-NULL pointer will do. */
  *tokenizer = (Fts5Tokenizer *) user_data;
  return SQLITE_OK;
}

static void
fts5_delete (Fts5Tokenizer *tokenizer)
{
}

static int
fts5_tokenize (Fts5Tokenizer  *tokenizer,
               void           *ctx,
               int             flags,
               const char     *text,
               int             length,
               int           (*token) (void *, int, const char *, int, int, int))
{
  Fts5Call call = { ctx, token, SQLITE_OK };

  /* Queries are built by wenji-search-query.c from tokens this file made:
   * each quoted string is one token already, taken as it is. */
  if (flags & FTS5_TOKENIZE_QUERY)
    return length > 0 ? token (ctx, 0, text, length, 0, length) : SQLITE_OK;

  wenji_tokenize (text, length, TRUE, fts5_token, &call);

  return call.rc;
}

/**
 * wenji_fts5_api:
 *
 * Returns: (nullable): the FTS5 API of a connection
 */
fts5_api *
wenji_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api;
}

/**
 * wenji_tokenizer_register:
 *
 * Registers the tokenizer as `wenji` on a connection. Every connection that
 * writes articles needs it, as triggers keep the index in step.
 *
 * Returns: a SQLite result code
 */
int
wenji_tokenizer_register (sqlite3 *db)
{
  static fts5_tokenizer tokenizer = { fts5_create, fts5_delete, fts5_tokenize };
  static int marker;
  fts5_api *api = wenji_fts5_api (db);

  if (api == NULL)
    return SQLITE_ERROR;

  return api->xCreateTokenizer (api, "wenji", &marker, &tokenizer, NULL);
}
