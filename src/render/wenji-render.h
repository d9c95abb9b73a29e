/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wenji-document.h"
#include "wenji-epub-writer.h"
#include "wenji-export.h"
#include "wenji-html-writer.h"
#include "wenji-markdown-writer.h"
#include "wenji-page-layout.h"
#include "wenji-page-setup.h"
#include "wenji-pdf-writer.h"
#include "wenji-wechat-writer.h"
