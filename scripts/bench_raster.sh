#!/usr/bin/env bash
# Measures Raster (SVG text -> librsvg + cairo -> PNG / PDF) on 1920×1080 frames: drawing alone,
# gradviz's PNG encoder against cairo_surface_write_to_png on the same pixels, the encoder's
# filter / zlib-level / strategy choices on a lesson frame and a crowded one, frames rendered one
# after another and on all cores, and a PDF of the frames. Single-frame steps are timed in CPU
# time of the rendering thread, so a busy machine disturbs them less than wall-clock times.
#
# Writes the report to Benchmarks/raster.md (and prints it); --no-write only prints.
# Usage: scripts/bench_raster.sh [--runs N] [--frames N] [--out DIR] [--lesson FILE | --svg-dir DIR] [--no-write]
#   --lesson FILE times the frames gradviz draws for that lesson, --svg-dir DIR the SVGs in DIR;
#   without either, synthetic lesson-like frames.
#   --out DIR keeps frame.png, frame-cairo.png, crowded.png, frames.pdf and frame.svg to look at.
set -euo pipefail
cd "$(dirname "$0")/.."

invocation="scripts/bench_raster.sh${*:+ $*}"
write=1
lesson=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-write) write=0 ;;
    --lesson) lesson="$2"; shift ;;
    *) args+=("$1") ;;
  esac
  shift
done

if [ -n "$lesson" ]; then
  # The frames' SVG text does not depend on the build configuration, so the debug build serves.
  frames="$(mktemp -d)"
  trap 'rm -rf "$frames"' EXIT
  swift build --product gradviz >/dev/null
  .build/debug/gradviz "$lesson" --svg "$frames" >/dev/null
  args+=(--svg-dir "$frames")
fi

swift build -c release --product raster-bench >/dev/null
report="$(.build/release/raster-bench "${args[@]}")"
if [ -n "$lesson" ]; then report="${report//$frames/the frames of $lesson}"; fi
versions="librsvg $(pkg-config --modversion librsvg-2.0), cairo $(pkg-config --modversion cairo), zlib $(pkg-config --modversion zlib)"
text="# Raster benchmarks

Measured by \`${invocation}\` on $(uname -m), $(nproc) cores, $(date +%F); release build; ${versions}.

${report}

Notes:
- Single-frame rows are CPU time of the rendering thread, so other work on the machine disturbs
  them little; the frame-batch rows are wall clock and CPU time of all threads, and the parallel
  row only shows its speed-up when the cores are otherwise idle (the load average is printed).
- \"encode\" is the PNG encoding of pixels already drawn: gradviz's encoder (straight RGB rows,
  zlib) against cairo_surface_write_to_png (libpng, RGBA, its default filters and level).
- The 1-frame row starts a new thread, whose pango font map is built afresh: the cost a pngs
  call pays once per thread."
echo "$text"
if [ "$write" = 1 ]; then
  printf '%s\n' "$text" > Benchmarks/raster.md
fi
