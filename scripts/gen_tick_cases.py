#!/usr/bin/env python3
"""Write Tests/PlotTests/tick_cases.json: matplotlib's tick values, labels and offset text
for a sweep of view intervals and tick spaces (AutoLocator + ScalarFormatter, default rcParams),
and its automatic contour levels. PlotTests compares gradviz's locator and formatter with them."""

import json
from pathlib import Path

import matplotlib
matplotlib.use("Agg")
from matplotlib import ticker

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "PlotTests" / "tick_cases.json"

RANGES = [
    (0, 1), (-1, 1), (-0.3, 6.6), (-3.3, 3.3), (0.95, 2.05), (-5.45, 9.45), (0, 100), (1e-4, 3e-4),
    (-0.00031, 0.00021), (1e6 - 0.05, 1e6 + 1.05), (-49950.0, 1049950.0), (2.3, 2.31), (123456.0, 123789.0),
    (-7.5, -2.5), (0.001, 1000.0), (3e-7, 9e-7), (-1e9, 3e9), (17.0, 17.0000001), (0.1, 0.7), (-2.2, 2.2),
    (-0.45, 9.45), (1.0, 1.5), (999.5, 1000.5), (-1.05, 1.05), (5, 95), (-123.4, 567.8), (0.0012, 0.0019),
]
SPACES = [2, 5, 9, 11, 13, 20]


def case(lo, hi, space):
    class Axis:
        def get_tick_space(self):
            return space

        def get_view_interval(self):
            return lo, hi

        def get_minpos(self):
            return 0

    loc = ticker.AutoLocator()
    fmt = ticker.ScalarFormatter()
    fmt.axis = Axis()
    loc.axis = Axis()
    ticks = [float(t) for t in loc.tick_values(lo, hi)]
    labels = fmt.format_ticks(ticks)
    return {"low": lo, "high": hi, "space": space, "ticks": ticks, "labels": labels, "offset": fmt.get_offset()}


def levels(n, lo, hi):
    loc = ticker.MaxNLocator(n + 1, min_n_ticks=1)
    lev = loc.tick_values(lo, hi)
    under = [i for i, v in enumerate(lev) if v < lo]
    over = [i for i, v in enumerate(lev) if v > hi]
    i0 = under[-1] if under else 0
    i1 = over[0] + 1 if over else len(lev)
    if i1 - i0 < 3:
        i0, i1 = 0, len(lev)
    return {"n": n, "low": lo, "high": hi, "levels": [float(v) for v in lev[i0:i1]]}


def main():
    cases = [case(float(lo), float(hi), s) for lo, hi in RANGES for s in SPACES if lo != hi]
    contour = [levels(n, lo, hi) for n in (5, 7, 10) for lo, hi in [(0, 18), (-0.99, 0.99), (0.5, 2.5), (-3, 40), (0.001, 0.009)]]
    OUT.write_text(json.dumps({"ticks": cases, "contourLevels": contour}, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {len(cases)} tick cases and {len(contour)} level cases to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
