/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Every stage after decoding sees valid UTF-8 without NUL bytes, as the
 * importer and the editor hand it on; other inputs are not this target's. */
G_GNUC_UNUSED static char *
fuzz_input_text (const uint8_t *data,
                 size_t         size)
{
  if (memchr (data, '\0', size) != NULL ||
      !g_utf8_validate_len ((const char *) data, size, NULL))
    return NULL;

  return g_strndup ((const char *) data, size);
}

/* A warning or critical is a broken precondition, so it counts as a crash;
 * abort() rather than GLib's breakpoint trap, which libFuzzer would not
 * catch and save the input of. */
static void
fuzz_input_log (const char     *domain,
                GLogLevelFlags  level,
                const char     *message,
                gpointer        user_data)
{
  g_log_default_handler (domain, level, message, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

G_GNUC_UNUSED static void
fuzz_input_init (void)
{
  g_log_set_default_handler (fuzz_input_log, NULL);
}

G_END_DECLS
