/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WENJI_ERROR (wenji_error_quark ())

/**
 * WenjiError:
 * @WENJI_ERROR_FAILED: something went wrong that has no better code
 * @WENJI_ERROR_NOT_A_LIBRARY: the file is not a SQLite database or not a Wenji library
 * @WENJI_ERROR_NEWER_SCHEMA: the library was written by a newer Wenji
 * @WENJI_ERROR_READ_ONLY: the library or its folder cannot be written
 * @WENJI_ERROR_CORRUPT: the database file is damaged
 * @WENJI_ERROR_BUSY: another process holds the library locked
 * @WENJI_ERROR_DISK_FULL: there is no space left to write
 * @WENJI_ERROR_NOT_FOUND: no article, tag or file with that name or id
 * @WENJI_ERROR_INVALID: the input is not acceptable (empty tag name, bad field value)
 * @WENJI_ERROR_ENCODING: a file's text could not be decoded with confidence
 * @WENJI_ERROR_UNSUPPORTED: a file type that cannot be imported
 * @WENJI_ERROR_NETWORK: a page or picture could not be fetched
 *
 * Error codes in the %WENJI_ERROR domain; each one lets the interface choose
 * what to tell the user.
 */
typedef enum {
  WENJI_ERROR_FAILED,
  WENJI_ERROR_NOT_A_LIBRARY,
  WENJI_ERROR_NEWER_SCHEMA,
  WENJI_ERROR_READ_ONLY,
  WENJI_ERROR_CORRUPT,
  WENJI_ERROR_BUSY,
  WENJI_ERROR_DISK_FULL,
  WENJI_ERROR_NOT_FOUND,
  WENJI_ERROR_INVALID,
  WENJI_ERROR_ENCODING,
  WENJI_ERROR_UNSUPPORTED,
  WENJI_ERROR_NETWORK,
} WenjiError;

GQuark wenji_error_quark (void);

G_END_DECLS
