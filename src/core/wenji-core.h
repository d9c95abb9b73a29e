/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wenji-article.h"
#include "wenji-article-list.h"
#include "wenji-error.h"
#include "wenji-library.h"
#include "wenji-revision.h"
#include "wenji-revision-diff.h"
#include "wenji-search.h"
#include "wenji-text.h"
