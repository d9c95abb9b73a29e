#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian/Ubuntu packages Wenji needs to build and test, and only
# those that are missing. Asks for sudo only when something must be installed.
set -eu

packages="
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev
  libpango1.0-dev libcairo2-dev
  libsqlite3-dev libmd4c-dev libmd4c-html0-dev
  libopencc-dev libopencc-data
  libuchardet-dev libxml2-dev libxml2-utils libicu-dev libjson-glib-dev
  desktop-file-utils appstream
  xvfb xauth fonts-noto-cjk
  poppler-utils
  flatpak-builder
"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing="$missing $p"
  fi
done

[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Wenji needs these packages, please install them:$missing" >&2
  exit 1
fi

echo "Installing build dependencies:$missing"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
# An apt index that was never fetched cannot find anything; refresh it once.
$sudo apt-get update -q || true
$sudo apt-get install -y -q --no-install-recommends $missing
