#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a TAP test on a session bus of its own.  The bus daemon, and the
# services it starts on demand (the accessibility registry among them),
# write to their standard output; only the test's own output may reach
# the TAP reader, so theirs goes to standard error.
#
# Usage: with-session-bus.sh TEST [ARGUMENTS...]

exec 3>&1
exec dbus-run-session -- sh -c 'exec "$0" "$@" >&3 3>&-' "$@" >&2
