#!/usr/bin/env bash
# Installs what gradviz needs outside SwiftPM on a fresh Debian machine, only what is missing:
# Graphviz's libgvc (libgraphviz-dev, with its cairo plugin), librsvg and cairo (librsvg2-dev),
# zlib (zlib1g-dev), cairo and pango for plots (libcairo2-dev, libpango1.0-dev), the fonts
# pictures are drawn with (DejaVu Sans, Noto Sans CJK for Chinese), pkg-config, and Chromium
# for the browser test of the lesson player (scripts/screenshot_player.py).
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists libgvc 2>/dev/null || need+=(libgraphviz-dev)
pkg-config --exists librsvg-2.0 2>/dev/null || need+=(librsvg2-dev)
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev)
pkg-config --exists cairo 2>/dev/null || need+=(libcairo2-dev)
pkg-config --exists pangocairo 2>/dev/null || need+=(libpango1.0-dev)
[ -n "$(fc-list "DejaVu Sans" 2>/dev/null)" ] || need+=(fonts-dejavu-core)
[ -n "$(fc-list "Noto Sans CJK SC" 2>/dev/null)" ] || need+=(fonts-noto-cjk)
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 \
   && ! command -v google-chrome >/dev/null 2>&1; then
  need+=(chromium)
fi
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "setup: installing ${need[*]} needs root (run as root or with sudo)" >&2
  exit 1
fi
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}"
