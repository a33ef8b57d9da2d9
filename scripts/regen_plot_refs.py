#!/usr/bin/env python3
"""Draw the reference plots with real matplotlib (Agg, default style).

Every program `Tests/PlotTests/References/<name>.txt` is a lesson that ends its figure with
`plt.show()`. It is run by python3 with matplotlib's non-interactive backend and `show()`
replaced by saving the current figure as `<name>.svg` beside the program (one SVG; a
program shows one figure). `Tests/PlotTests/PlotReferenceTests.swift` runs the same
programs through gradviz and compares axes boxes, limits, ticks, tick labels, offset texts
and counts of lines, points and arrows with these SVGs.

Usage:
    python3 scripts/regen_plot_refs.py            redraw every reference
    python3 scripts/regen_plot_refs.py PATH...    only these programs
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCES = ROOT / "Tests" / "PlotTests" / "References"

RUNNER = r"""
import sys, runpy
import matplotlib
matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "gradviz"
import matplotlib.pyplot as plt
out = sys.argv[2]
def show(*args, **kwargs):
    plt.gcf().savefig(out, format="svg", metadata={"Date": None})
    plt.close("all")
plt.show = show
runpy.run_path(sys.argv[1], run_name="__main__")
"""


def draw(program):
    target = program.with_suffix(".svg")
    with tempfile.TemporaryDirectory() as work:
        runner = Path(work) / "runner.py"
        runner.write_text(RUNNER)
        env = dict(os.environ, PYTHONHASHSEED="0", MPLBACKEND="Agg", PYTHONDONTWRITEBYTECODE="1")
        done = subprocess.run([sys.executable, str(runner), str(program), str(target)], cwd=work,
                              capture_output=True, env=env, timeout=120)
    if done.returncode != 0:
        sys.stderr.write(f"{program.name}: failed\n{done.stderr.decode('utf-8', 'replace')}")
        return False
    print(f"wrote {target.relative_to(ROOT)}")
    return True


def main():
    programs = [Path(p).resolve() for p in sys.argv[1:]] or sorted(REFERENCES.glob("*.txt"))
    ok = all([draw(p) for p in programs])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
