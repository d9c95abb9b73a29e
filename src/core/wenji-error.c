/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "wenji-error.h"

G_DEFINE_QUARK (wenji-error-quark, wenji_error)
