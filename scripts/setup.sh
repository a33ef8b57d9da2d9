#!/usr/bin/env bash
# Installs what gradviz needs outside SwiftPM on a fresh Debian machine, only what is missing:
# Graphviz's libgvc (libgraphviz-dev, with its cairo plugin), librsvg and cairo (librsvg2-dev),
# zlib (zlib1g-dev), cairo and pango for plots (libcairo2-dev, libpango1.0-dev), the fonts
# pictures are drawn with (DejaVu Sans, Noto Sans CJK for Chinese), pkg-config, and Chromium
# for the browser test of the lesson player (scripts/screenshot_player.py).
#
# The build needs the libraries: they are installed first, in one apt transaction, and the
# script fails (naming what is missing) when they are still missing afterwards. Fonts and
# Chromium are installed one by one after them, so a package this distribution lacks (Chromium
# is `chromium-browser` on some) cannot stop the libraries from being installed.
set -euo pipefail

has_pc() { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$1" 2>/dev/null; }

# pkg-config module → Debian package, for what the build links.
libraries=(libgvc:libgraphviz-dev librsvg-2.0:librsvg2-dev zlib:zlib1g-dev cairo:libcairo2-dev pangocairo:libpango1.0-dev)
missing_libraries() {
  local out=()
  command -v pkg-config >/dev/null 2>&1 || out+=(pkg-config)
  for entry in "${libraries[@]}"; do has_pc "${entry%%:*}" || out+=("${entry#*:}"); done
  echo "${out[@]}"
}
has_browser() {
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1
}

read -r -a need <<< "$(missing_libraries)"
extras=()
[ -n "$(fc-list "DejaVu Sans" 2>/dev/null)" ] || extras+=(fonts-dejavu-core)
[ -n "$(fc-list "Noto Sans CJK SC" 2>/dev/null)" ] || extras+=(fonts-noto-cjk)
has_browser || extras+=(browser)
if [ ${#need[@]} -eq 0 ] && [ ${#extras[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "setup: installing ${need[*]} ${extras[*]} needs root (run as root or with sudo)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update || echo "setup: apt-get update failed; trying the package lists there are" >&2
if [ ${#need[@]} -gt 0 ]; then
  apt-get install -y "${need[@]}" || true
  read -r -a still <<< "$(missing_libraries)"
  if [ ${#still[@]} -gt 0 ]; then
    echo "setup: could not install ${still[*]}; the build needs them" >&2
    exit 1
  fi
fi
for extra in "${extras[@]}"; do
  if [ "$extra" = browser ]; then
    apt-get install -y chromium || apt-get install -y chromium-browser \
      || echo "setup: no Chromium package; the player's browser test will say SKIP" >&2
  else
    apt-get install -y "$extra" || echo "setup: could not install $extra; pictures fall back to other fonts" >&2
  fi
done
