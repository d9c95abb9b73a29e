#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian/Ubuntu packages Wenji needs to build and test, and only
# those that are missing. Asks for sudo only when something must be installed.
set -eu

packages="
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev libepoxy-dev
  libpango1.0-dev libcairo2-dev libgdk-pixbuf-2.0-dev libharfbuzz-dev libfontconfig-dev
  libsqlite3-dev libmd4c-dev libmd4c-html0-dev libzip-dev
  libopencc-dev libopencc-data
  libuchardet-dev libxml2-dev libxml2-utils libicu-dev libjson-glib-dev
  libsoup-3.0-dev glib-networking
  desktop-file-utils appstream
  xvfb xauth fonts-noto-cjk
  dbus-daemon at-spi2-core libatspi2.0-dev
  poppler-utils webp-pixbuf-loader epubcheck unzip
  flatpak-builder
"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing="$missing $p"
  fi
done

# The translation tests run the app in zh_CN, zh_TW and zh_HK: gettext ignores
# LANGUAGE under the C locale, so those locales must exist.
locales_missing=""
for l in zh_CN zh_TW zh_HK; do
  if ! locale -a 2>/dev/null | grep -qi "^$l\.utf-\?8$"; then
    locales_missing="$locales_missing $l"
  fi
done
if [ -n "$locales_missing" ] && ! dpkg-query -W -f='${Status}' locales 2>/dev/null | grep -q "ok installed"; then
  missing="$missing locales"
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi

generate_locales ()
{
  [ -z "$locales_missing" ] && return 0
  echo "Generating locales:$locales_missing"
  for l in $locales_missing; do
    if [ -f /etc/locale.gen ] && grep -q "^# *$l.UTF-8 UTF-8" /etc/locale.gen; then
      # Debian: enable the line, then locale-gen builds every enabled one.
      $sudo sed -i "s/^# *\($l.UTF-8 UTF-8\)/\1/" /etc/locale.gen
      enabled=yes
    else
      # Ubuntu: locale-gen takes the locale by name.
      $sudo locale-gen "$l.UTF-8"
    fi
  done
  if [ "${enabled:-}" = yes ]; then
    $sudo locale-gen
  fi
}

if [ -z "$missing" ]; then
  generate_locales
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Wenji needs these packages, please install them:$missing" >&2
  exit 1
fi

echo "Installing build dependencies:$missing"
export DEBIAN_FRONTEND=noninteractive
# An apt index that was never fetched cannot find anything; refresh it once.
$sudo apt-get update -q || true
$sudo apt-get install -y -q --no-install-recommends $missing
generate_locales
