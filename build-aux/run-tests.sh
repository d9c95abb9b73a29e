#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs every test of a build directory. GUI tests need a display: without
# one, the whole run goes under a virtual X server.
set -eu

builddir=${1:-_build}
shift || true

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  exec xvfb-run -a -s "-screen 0 1400x900x24" \
    meson test -C "$builddir" --print-errorlogs "$@"
fi

exec meson test -C "$builddir" --print-errorlogs "$@"
