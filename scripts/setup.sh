#!/usr/bin/env bash
# Installs what gradviz needs outside SwiftPM on a fresh Debian machine, only what is missing:
# Graphviz's libgvc (libgraphviz-dev, with its cairo plugin) and pkg-config to build; a CJK font
# (fonts-noto-cjk) so Chinese lessons draw their text; Chromium for the browser test of the
# lesson player (scripts/screenshot_player.py).
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists libgvc 2>/dev/null || need+=(libgraphviz-dev)
if command -v fc-list >/dev/null 2>&1; then
  fc-list :lang=zh family 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
else
  need+=(fontconfig fonts-noto-cjk)
fi
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
