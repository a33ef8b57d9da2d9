#!/usr/bin/env python3
"""Benchmarks gradviz's pictures against torchviz, in the same run.

Workloads:
  chains       a chain of N ops (N = 100, 300, 1,000, 3,000, 10,000, 100,000):
               y = y * 1.0001 + 0.0001 repeated, then y.backward(); gradviz draws 20 frames
               of the backward pass (`--frames backward,first:20`); the peer draws the final
               graph once with torchviz's make_dot + render
  lessons      lesson 9 and the MLP (Benchmarks/mlp_sin.txt) with the default frames, as SVG
               and as PNG, against torchviz's one picture of the lesson's last graph

For every run: wall-clock seconds, CPU seconds (user + system) and peak memory (maximum
resident set size) of the process; median of --runs runs.

`--only per-frame` measures instead what one more frame costs: each chain drawn with
`--frames backward,first:1` and with `backward,first:20`; per frame = (CPU time of the second
− CPU time of the first) / (frames of the second − frames of the first), against the budget
10 ms + 5 µs per vertex of the graph (vertices: the positions in manifest.json's layout).

Writes the "## Pictures" (or "## Pictures per frame") section of BENCHMARKS.md (the rest of
the file belongs to the other benchmark scripts).
Usage: swift build -c release && python3 scripts/benchmark_pictures.py [--only per-frame]
Needs torch and torchviz for the peer (python3 -m pip install torch torchviz) and Graphviz's dot.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmark import machine, write_section

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".build" / "release" / "gradviz"
SECTION = "## Pictures"
PER_FRAME_SECTION = "## Pictures per frame"
CHAINS = [100, 300, 1_000, 3_000, 10_000, 100_000]

# torchviz draws the graph of the lesson's last tensor that has a grad_fn.
PEER = """
import sys, runpy, torch, torchviz
sys.setrecursionlimit(1_000_000)
g = runpy.run_path(sys.argv[1], run_name="__main__")
ts = [v for v in g.values() if isinstance(v, torch.Tensor) and v.grad_fn is not None]
target = ts[-1] if ts else None
if target is None:
    for v in g.values():
        if isinstance(v, torch.Tensor) and v.requires_grad:
            target = v
torchviz.make_dot(target, params=dict(g.get("model").named_parameters()) if "model" in g else None) \\
    .render(sys.argv[2], format=sys.argv[3])
"""


def chain_source(n):
    # Two ops per iteration (mul, add); `retain_graph` keeps the graph for the peer's picture.
    return ("import torch\n"
            "x = torch.tensor(0.5, requires_grad=True)\n"
            "y = x\n"
            f"for i in range({n // 2}):\n"
            "    y = y * 1.0001 + 0.0001\n"
            "y.backward(retain_graph=True)\n"
            "print(y.item(), x.grad.item())\n")


TIMEOUT = 600  # seconds; a run that takes longer is reported as not finished


def run(cmd, env=None):
    """(wall seconds, CPU seconds, peak RSS in MB, return code, stderr tail) of one run."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err_file:
        p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err_file, env=env,
                             start_new_session=True)
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > TIMEOUT:
                os.killpg(p.pid, 9)
                os.wait4(p.pid, 0)
                return None, None, None, -1, f"did not finish in {TIMEOUT} s"
            time.sleep(0.005)
        wall = time.perf_counter() - start
        err_file.seek(0)
        err = err_file.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code, err[-400:]


def median_run(cmd, runs, env=None, timeout_note=None):
    results = []
    for _ in range(runs):
        r = run(cmd, env)
        if r[3] != 0:
            return None, r[4].strip().splitlines()[-1] if r[4].strip() else f"exit {r[3]}"
        results.append(r)
    results.sort(key=lambda r: r[0])
    return results[len(results) // 2], None


def frames_in(folder):
    return len([f for f in os.listdir(folder) if f.startswith("frame-")]) if os.path.isdir(folder) else 0


def per_frame(args):
    """The "## Pictures per frame" section: the cost of one more frame of each chain."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in [c for c in CHAINS if c <= args.max_chain]:
            lesson = tmp / f"chain_{n}.py"
            lesson.write_text(chain_source(n))
            runs = args.runs
            measured = []
            for frames in ["backward,first:1", "backward,first:20"]:
                out = tmp / "out"
                r, err = median_run([str(BIN), str(lesson), "--svg", str(out), "--frames", frames], runs)
                if r is None:
                    raise SystemExit(f"chain of {n}: {err}")
                manifest = json.loads((out / "manifest.json").read_text())
                measured.append((r, frames_in(out), len(manifest["layout"]["positions"])))
                shutil.rmtree(out, ignore_errors=True)
            (one, f1, vertices), (twenty, f20, _) = measured
            each = (twenty[1] - one[1]) / max(f20 - f1, 1)
            budget = 0.010 + 5e-6 * vertices
            rows.append(f"| {n:,} ops | {vertices:,} | {one[0]:.2f} s wall, {one[1]:.2f} s CPU ({f1} frames) | "
                        f"{twenty[1]:.2f} s CPU ({f20} frames) | {each * 1e3:.0f} ms | {budget * 1e3:.0f} ms | "
                        f"{'yes' if each <= budget else 'no'} |")
            print(rows[-1], flush=True)
    lines = [PER_FRAME_SECTION, "",
             f"Measured by `swift build -c release && python3 scripts/benchmark_pictures.py --only per-frame` on "
             f"{machine()}, {time.strftime('%Y-%m-%d')}; median of {args.runs} runs. "
             "Each chain is drawn with `--frames backward,first:1` and `backward,first:20`; one more frame costs "
             "the difference in CPU time over the difference in frames; the budget is 10 ms + 5 µs per vertex "
             "(the positions in manifest.json's layout).", "",
             "| chain | vertices | with its first frames | with 20 frames | per further frame | budget | within |",
             "|---|---|---|---|---|---|---|"]
    return "\n".join(lines + rows) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--max-chain", type=int, default=CHAINS[-1])
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--only", choices=["per-frame"], help="measure only the cost per frame (its own section)")
    args = ap.parse_args()
    if not BIN.exists():
        raise SystemExit("build first: swift build -c release")
    if args.only == "per-frame":
        section = per_frame(args)
        print(section)
        if not args.no_write:
            write_section(PER_FRAME_SECTION, section)
        return 0
    py = shutil.which("python3")
    peer_ok = not args.no_peer and subprocess.run([py, "-c", "import torch, torchviz"], capture_output=True).returncode == 0
    env = dict(os.environ, OMP_NUM_THREADS="1")

    rows = []  # (workload, gradviz cell, peer cell, ratio)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)

        def measure(label, lesson, fmt, frames, peer_fmt, runs):
            out = tmp / "out"
            cmd = [str(BIN), str(lesson), f"--{fmt}", str(out)] + (["--frames", frames] if frames else [])
            g, gerr = median_run(cmd, runs)
            count = frames_in(out)
            shutil.rmtree(out, ignore_errors=True)
            p, perr = (None, "not measured")
            if peer_ok:
                p, perr = median_run([py, "-c", PEER, str(lesson), str(tmp / "peer"), peer_fmt], runs, env)
            gcell = f"{g[0]:.2f} s wall, {g[1]:.2f} s CPU, {g[2]:.0f} MB; {count} frames" if g else f"fails: {gerr}"
            pcell = f"{p[0]:.2f} s wall, {p[1]:.2f} s CPU, {p[2]:.0f} MB; 1 picture" if p else f"fails: {perr}"
            ratio = f"{p[0] / g[0]:.1f}× faster" if g and p and p[0] >= g[0] else (f"{g[0] / p[0]:.1f}× slower" if g and p else "—")
            rows.append((label, gcell, pcell, ratio))
            print(rows[-1], flush=True)

        for n in [c for c in CHAINS if c <= args.max_chain]:
            lesson = tmp / f"chain_{n}.py"
            lesson.write_text(chain_source(n))
            measure(f"chain of {n:,} ops, SVG, 20 backward frames", lesson, "svg", "backward,first:20", "svg",
                    1 if n >= 10_000 else args.runs)
        for name, lesson in [("lesson 9", ROOT / "Lessons" / "lesson9.txt"), ("MLP training", ROOT / "Benchmarks" / "mlp_sin.txt")]:
            for fmt in ["svg", "png"]:
                measure(f"{name}, {fmt.upper()}, default frames", lesson, fmt, None, fmt, args.runs)

    lines = [SECTION, "",
             f"Measured by `swift build -c release && python3 scripts/benchmark_pictures.py` on {machine()}, "
             f"{time.strftime('%Y-%m-%d')}; median of {args.runs} runs (one run from 10,000 ops); "
             "peer: torchviz's make_dot + render of the final graph (one picture), python3 with OMP_NUM_THREADS=1. "
             "Memory is the process's peak resident set size.", "",
             "| workload | gradviz | peer: torchviz | ratio (wall) |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    section = "\n".join(lines) + "\n"
    print(section)
    if args.no_write:
        return 0
    write_section(SECTION, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
