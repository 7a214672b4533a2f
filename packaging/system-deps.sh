#!/usr/bin/env bash
# Debian/Ubuntu libraries the app's window needs, plus the tools the tests use.
#   - Qt's core and text: EGL/GL, fontconfig, freetype, D-Bus, GLib, xkbcommon, a font;
#   - a real X11 window (the xcb platform plugin): libxcb-* and libxkbcommon-x11;
#     without libxcb-cursor0, libxcb-icccm4 and libxcb-keysyms1 Qt >= 6.5 does not start at all;
#   - a Wayland window (the wayland platform plugin): libwayland-client/cursor/egl;
#   - tests: poppler-utils (pdftotext reads the PDFs), LibreOffice Calc (opens the workbooks).
# The list comes from the NEEDED entries of PySide6's platform plugins (objdump -p); the Linux
# frozen build ships Qt itself but still needs these system libraries.
# Does nothing unless run as root on a machine with apt-get. `--runtime` skips the test tools.
set -euo pipefail
if ! command -v apt-get >/dev/null || [ "$(id -u)" != 0 ]; then
  exit 0
fi
runtime=(
  # Qt core, text and drawing
  libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libxkbcommon0 fonts-dejavu-core
  # X11 (xcb platform plugin)
  libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
  libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
  # Wayland (wayland platform plugin)
  libwayland-client0 libwayland-cursor0 libwayland-egl1 libwayland-server0
)
tests=(poppler-utils libreoffice-calc-nogui)
pkgs=("${runtime[@]}")
[ "${1:-}" = "--runtime" ] || pkgs+=("${tests[@]}")
missing=()
for p in "${pkgs[@]}"; do
  # A name that is only provided on this release (libglib2.0-0 -> libglib2.0-0t64 on Ubuntu 24.04)
  # is not "installed" for dpkg; apt-get then picks its single provider.
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
