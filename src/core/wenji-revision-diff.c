/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The difference between two versions of an article, for the history view.
 *
 * Paragraphs (lines) are compared first, with a longest common subsequence
 * over the lines that differ once the common beginning and end are set
 * aside. A paragraph replaced by one paragraph is then compared character by
 * character, so that a changed word in a long Chinese paragraph shows as that
 * word, not as the whole paragraph twice. Both steps give up gracefully on
 * very large inputs: the lines or characters in question are shown as
 * removed and added.
 */
#include "config.h"

#include "wenji-revision-diff.h"

/* Largest LCS tables, in cells: 4 M for lines, 1 M for characters. */
#define MAX_LINE_CELLS (4u * 1024 * 1024)
#define MAX_CHAR_CELLS (1024u * 1024)
/* Common runs this short between two changes are shown as part of them. */
#define SHORT_COMMON_RUN 2

void
wenji_diff_chunk_free (WenjiDiffChunk *chunk)
{
  g_free (chunk->text);
  g_free (chunk);
}

/* Appends text, merged into the last chunk when that has the same op. */
static void
emit (GPtrArray   *chunks,
      WenjiDiffOp  op,
      const char  *text,
      gssize       len)
{
  WenjiDiffChunk *last = chunks->len ? g_ptr_array_index (chunks, chunks->len - 1) : NULL;

  if (len == 0)
    return;

  if (last != NULL && last->op == op) {
    g_autofree char *old = last->text;
    g_autofree char *add = g_strndup (text, len < 0 ? strlen (text) : (gsize) len);

    last->text = g_strconcat (old, add, NULL);
    return;
  }

  last = g_new0 (WenjiDiffChunk, 1);
  last->op = op;
  last->text = g_strndup (text, len < 0 ? strlen (text) : (gsize) len);
  g_ptr_array_add (chunks, last);
}

static void
emit_line (GPtrArray   *chunks,
           WenjiDiffOp  op,
           const char  *line)
{
  emit (chunks, op, line, -1);
  emit (chunks, op, "\n", 1);
}

static void
emit_ucs4 (GPtrArray      *chunks,
           WenjiDiffOp     op,
           const gunichar *text,
           glong           len)
{
  g_autofree char *utf8 = NULL;

  if (len <= 0)
    return;

  utf8 = g_ucs4_to_utf8 (text, len, NULL, NULL, NULL);
  if (utf8 != NULL)
    emit (chunks, op, utf8, -1);
}

/*
 * The LCS table of a[0..n) and b[0..m), where equal (i, j) compares items:
 * table[i * (m + 1) + j] is the length of the LCS of a[i..n) and b[j..m).
 */
typedef gboolean (*EqualFunc) (gconstpointer a, gconstpointer b, guint i, guint j);

static guint *
lcs_table (gconstpointer a,
           guint         n,
           gconstpointer b,
           guint         m,
           EqualFunc     equal)
{
  guint *table = g_new0 (guint, (gsize) (n + 1) * (m + 1));

  for (guint i = n; i-- > 0;)
    for (guint j = m; j-- > 0;)
      table[i * (m + 1) + j] = equal (a, b, i, j)
                               ? table[(i + 1) * (m + 1) + j + 1] + 1
                               : MAX (table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);

  return table;
}

static gboolean
chars_equal (gconstpointer a,
             gconstpointer b,
             guint         i,
             guint         j)
{
  return ((const gunichar *) a)[i] == ((const gunichar *) b)[j];
}

static gboolean
lines_equal (gconstpointer a,
             gconstpointer b,
             guint         i,
             guint         j)
{
  return g_str_equal (((char **) a)[i], ((char **) b)[j]);
}

/*
 * Compares one paragraph with its replacement character by character.
 * Returns %FALSE, emitting nothing, when they are too long or have too little
 * in common for that to help the reader.
 */
static gboolean
diff_chars (GPtrArray  *chunks,
            const char *old_line,
            const char *new_line)
{
  glong n = 0, m = 0, prefix = 0, suffix = 0, i, j;
  g_autofree gunichar *a = g_utf8_to_ucs4_fast (old_line, -1, &n);
  g_autofree gunichar *b = g_utf8_to_ucs4_fast (new_line, -1, &m);
  g_autofree guint *table = NULL;
  const gunichar *ma, *mb;
  glong mn, mm, common;

  while (prefix < n && prefix < m && a[prefix] == b[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix])
    suffix++;

  ma = a + prefix;
  mb = b + prefix;
  mn = n - prefix - suffix;
  mm = m - prefix - suffix;
  if ((guint64) (mn + 1) * (mm + 1) > MAX_CHAR_CELLS)
    return FALSE;

  table = lcs_table (ma, mn, mb, mm, chars_equal);
  common = prefix + suffix + table[0];
  /* Less than a third in common reads better as two whole paragraphs. */
  if (common * 3 < MAX (n, m))
    return FALSE;

  emit_ucs4 (chunks, WENJI_DIFF_SAME, a, prefix);
  for (i = 0, j = 0; i < mn || j < mm;) {
    glong start_i = i, start_j = j, k;

    /*
     * A change, then the characters both share up to the next change. A
     * short common run between two changes ("越" in 文件越发 → 材料越报)
     * joins them, so that the reader sees words, not scattered characters.
     */
    for (;;) {
      while (i < mn && (j == mm || table[(i + 1) * (mm + 1) + j] >= table[i * (mm + 1) + j + 1]) &&
             !(j < mm && ma[i] == mb[j]))
        i++;
      while (j < mm && (i == mn || table[i * (mm + 1) + j + 1] > table[(i + 1) * (mm + 1) + j]) &&
             !(i < mn && ma[i] == mb[j]))
        j++;

      for (k = 0; i + k < mn && j + k < mm && ma[i + k] == mb[j + k]; k++)
        ;
      if (k > SHORT_COMMON_RUN || i + k == mn || j + k == mm || (i == start_i && j == start_j))
        break;
      i += k;
      j += k;
    }

    emit_ucs4 (chunks, WENJI_DIFF_REMOVED, ma + start_i, i - start_i);
    emit_ucs4 (chunks, WENJI_DIFF_ADDED, mb + start_j, j - start_j);

    emit_ucs4 (chunks, WENJI_DIFF_SAME, ma + i, k);
    i += k;
    j += k;
  }
  emit_ucs4 (chunks, WENJI_DIFF_SAME, a + n - suffix, suffix);
  emit (chunks, WENJI_DIFF_SAME, "\n", 1);

  return TRUE;
}

/*
 * Emits old[i0..i1) replaced by new[j0..j1): the paragraphs are paired in
 * order and each pair compared by characters when it is alike enough, the
 * rest are removed and added whole.
 */
static void
emit_change (GPtrArray  *chunks,
             char      **old_lines,
             guint       i0,
             guint       i1,
             char      **new_lines,
             guint       j0,
             guint       j1)
{
  for (; i0 < i1 && j0 < j1; i0++, j0++) {
    if (!diff_chars (chunks, old_lines[i0], new_lines[j0])) {
      emit_line (chunks, WENJI_DIFF_REMOVED, old_lines[i0]);
      emit_line (chunks, WENJI_DIFF_ADDED, new_lines[j0]);
    }
  }

  for (; i0 < i1; i0++)
    emit_line (chunks, WENJI_DIFF_REMOVED, old_lines[i0]);
  for (; j0 < j1; j0++)
    emit_line (chunks, WENJI_DIFF_ADDED, new_lines[j0]);
}

/**
 * wenji_revision_diff:
 * @old_text: the earlier text
 * @new_text: the later text
 *
 * Returns: (transfer full) (element-type WenjiDiffChunk): the chunks that,
 *   read in order, give @old_text without the added ones and @new_text
 *   without the removed ones (each line with a final newline)
 */
GPtrArray *
wenji_revision_diff (const char *old_text,
                     const char *new_text)
{
  GPtrArray *chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) wenji_diff_chunk_free);
  g_auto (GStrv) a = g_strsplit (old_text ? old_text : "", "\n", -1);
  g_auto (GStrv) b = g_strsplit (new_text ? new_text : "", "\n", -1);
  guint n = g_strv_length (a), m = g_strv_length (b);
  guint prefix = 0, suffix = 0, mn, mm, i, j;
  g_autofree guint *table = NULL;

  while (prefix < n && prefix < m && g_str_equal (a[prefix], b[prefix]))
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix &&
         g_str_equal (a[n - 1 - suffix], b[m - 1 - suffix]))
    suffix++;

  for (i = 0; i < prefix; i++)
    emit_line (chunks, WENJI_DIFF_SAME, a[i]);

  mn = n - prefix - suffix;
  mm = m - prefix - suffix;
  if ((guint64) (mn + 1) * (mm + 1) > MAX_LINE_CELLS) {
    emit_change (chunks, a, prefix, prefix + mn, b, prefix, prefix + mm);
  } else {
    char **ma = a + prefix, **mb = b + prefix;

    table = lcs_table (ma, mn, mb, mm, lines_equal);
    for (i = 0, j = 0; i < mn || j < mm;) {
      guint start_i = i, start_j = j;

      /* Equal items are always part of a longest common subsequence here. */
      if (i < mn && j < mm && g_str_equal (ma[i], mb[j])) {
        emit_line (chunks, WENJI_DIFF_SAME, ma[i]);
        i++, j++;
        continue;
      }

      /* A run of lines only in the old text, then only in the new one. */
      while (i < mn && (j == mm || table[(i + 1) * (mm + 1) + j] >= table[i * (mm + 1) + j + 1]) &&
             !(j < mm && g_str_equal (ma[i], mb[j])))
        i++;
      while (j < mm && (i == mn || table[i * (mm + 1) + j + 1] > table[(i + 1) * (mm + 1) + j]) &&
             !(i < mn && g_str_equal (ma[i], mb[j])))
        j++;
      emit_change (chunks, ma, start_i, i, mb, start_j, j);
    }
  }

  for (i = n - suffix; i < n; i++)
    emit_line (chunks, WENJI_DIFF_SAME, a[i]);

  return chunks;
}
