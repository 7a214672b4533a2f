#!/usr/bin/env bash
# Debian/Ubuntu libraries Qt needs even offscreen, plus the tools the tests use to
# read PDFs (poppler) and to open workbooks in a real spreadsheet (LibreOffice).
# Does nothing unless run as root on a machine with apt-get.
set -euo pipefail
if ! command -v apt-get >/dev/null || [ "$(id -u)" != 0 ]; then
  exit 0
fi
pkgs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
      poppler-utils libreoffice-calc-nogui)
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
