/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a user types into the search bar: parsed into FTS5 expressions,
 * and its terms marked in a snippet. */
#include "config.h"

#include "wenji-search.h"
#include "fuzz-input.h"

static const char body[] =
  "上海市气象台发布高温预警，今天最高气温三十八度。Shanghai issued a heat warning; "
  "「臺灣」與“台湾”。snake_case AND OR NOT \"quoted\" tag:新闻 -排除 (括号)";

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_input_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_input_text (data, size);
  g_autoptr (WenjiSearchQuery) query = NULL;
  g_autofree char *snippet = NULL;

  if (text == NULL)
    return 0;

  query = wenji_search_query_parse (text);
  if (query == NULL)
    return 0;
  wenji_search_query_is_empty (query);
  if (query->match != NULL && !g_utf8_validate (query->match, -1, NULL))
    g_error ("the match expression is not UTF-8");
  if (query->terms != NULL)
    snippet = wenji_search_snippet (body, query->terms, 60);

  return 0;
}
