#!/usr/bin/env bash
# Measures Raster (SVG text -> librsvg + cairo -> PNG / PDF) on 1920×1080 frames: drawing alone,
# gradviz's PNG encoder against cairo_surface_write_to_png on the same pixels, the encoder's
# filter / zlib-level / strategy choices on a lesson frame and a crowded one, frames rendered one
# after another and on all cores, and a PDF of the frames. Single-frame steps are timed in CPU
# time of the rendering thread, so a busy machine disturbs them less than wall-clock times.
#
# Writes the report to Benchmarks/raster.md (and prints it); --no-write only prints.
# Usage: scripts/bench_raster.sh [--runs N] [--frames N] [--out DIR] [--no-write]
#   --out DIR keeps frame.png, frame-cairo.png, crowded.png, frames.pdf and frame.svg to look at.
set -euo pipefail
cd "$(dirname "$0")/.."

write=1
args=()
for arg in "$@"; do
  if [ "$arg" = "--no-write" ]; then write=0; else args+=("$arg"); fi
done

swift build -c release --product raster-bench >/dev/null
report="$(.build/release/raster-bench "${args[@]}")"
versions="librsvg $(pkg-config --modversion librsvg-2.0), cairo $(pkg-config --modversion cairo), zlib $(pkg-config --modversion zlib)"
text="# Raster benchmarks

Measured by \`scripts/bench_raster.sh\` on $(uname -m), $(nproc) cores, $(date +%F); release build; ${versions}.

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
