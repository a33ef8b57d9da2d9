#!/usr/bin/env python3
"""Benchmarks gradviz against its peer, python3 + PyTorch, in the same run.

Builds gradviz in release mode, then times each workload for both tools (median of
several runs, wall clock) and writes the results table to BENCHMARKS.md:

  startup      gradviz Lessons/lesson1.txt        vs  python3 Lessons/lesson1.txt
  per-op       Benchmarks/per_op_loop.txt (20,000 iterations, 40,000 ops, then backward)
  training     Benchmarks/mlp_sin.txt (1-32-32-1 tanh MLP, SGD momentum, 500 steps);
               printed losses are compared with a relative tolerance
  pictures     gradviz --svg for lesson 1 and for the 3,000-op chain, against torchviz's
               make_dot + render of the final graph (when torchviz is installed)

Usage: python3 scripts/benchmark.py [--runs N] [--no-write]
Needs torch (and optionally torchviz) for python3; run on a quiet machine.
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTES = """
Notes:
- per-op: for each tool, (time of the loop run 100,000 times − time of the lesson's 20,000) / 160,000
  extra ops (forward and backward), so start-up time cancels; both outputs are compared and identical.
  gradviz leaves a finished lesson's objects to the operating system at exit (the peer frees its graph).
- training: gradviz's float32 kernels follow PyTorch's CPU kernels bit for bit (MKL's summation
  orders for these matrix shapes, tanh_backward's fused multiply-add, linspace, mse_loss, SLEEF
  sigmoid); tanh and sin are the exception: PyTorch takes them from MKL's vector math library,
  whose results are not published, while gradviz rounds the double-precision value. The printed
  losses agree within 2e-6 relative up to step 300; after that the run amplifies those last-bit
  differences (lr 0.1 with momentum 0.9 makes the loss jump at step ~380). Running the peer with
  only tanh and sin rounded from double (Benchmarks/peer_rounded_math.py) prints gradviz's numbers
  exactly, on every printed step.
- pictures: gradviz draws every frame of lesson 1 in less time than the peer takes for its one
  static picture; torchviz cannot draw the 3,000-op chain (RecursionError), gradviz draws it with
  `--frames backward,first:50` (the chain's layout uses the layered engine; most of the time is
  rendering 50 frames of a 6,000-vertex graph).
"""
BIN = ROOT / ".build" / "release" / "gradviz"


def timed(cmd, cwd=ROOT):
    start = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if r.returncode != 0:
        raise SystemExit(f"command failed ({r.returncode}): {' '.join(map(str, cmd))}\n{r.stderr[-2000:]}")
    return elapsed, r.stdout


def median_time(cmd, runs, cwd=ROOT):
    times, out = [], ""
    for _ in range(runs):
        t, out = timed(cmd, cwd)
        times.append(t)
    return statistics.median(times), out


def losses(text):
    result = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2:
            result.append((int(parts[0]), float(parts[1])))
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "gradviz"], cwd=ROOT, check=True)
    py = sys.executable
    rows = []

    t_g, _ = median_time([BIN, "Lessons/lesson1.txt"], args.runs)
    t_p, _ = median_time([py, "Lessons/lesson1.txt"], args.runs)
    rows.append(("startup: lesson 1", t_g, t_p, f"{t_p / t_g:.0f}× faster", "≥ 50×"))

    t_g, out_g = median_time([BIN, "Benchmarks/per_op_loop.txt"], args.runs)
    t_p, out_p = median_time([py, "Benchmarks/per_op_loop.txt"], args.runs)
    # Per op: the slope between the lesson (20,000 iterations) and the same loop run 100,000
    # times, so start-up time and its noise cancel out.
    with tempfile.TemporaryDirectory() as tmp:
        longer = Path(tmp) / "per_op_loop_100k.txt"
        longer.write_text((ROOT / "Benchmarks/per_op_loop.txt").read_text().replace("range(20000)", "range(100000)"))
        t_g5, out_g5 = median_time([BIN, longer], args.runs)
        t_p5, out_p5 = median_time([py, longer], args.runs)
    extra_ops = 2 * (100000 - 20000)
    per_g = max(t_g5 - t_g, 0) / extra_ops * 1e6
    per_p = max(t_p5 - t_p, 0) / extra_ops * 1e6
    same = "identical output" if out_g == out_p and out_g5 == out_p5 else "OUTPUT DIFFERS"
    rows.append((f"per-op loop (40,000 ops + backward), {same}", t_g, t_p,
                 f"{per_g:.2f} µs vs {per_p:.2f} µs per op: {per_p / max(per_g, 1e-9):.1f}× faster", "≥ 5×"))

    t_g, out_g = median_time([BIN, "Benchmarks/mlp_sin.txt"], max(1, args.runs // 2))
    t_p, out_p = median_time([py, "Benchmarks/mlp_sin.txt"], max(1, args.runs // 2))
    lg, lp = losses(out_g), losses(out_p)
    worst = max((abs(a[1] - b[1]) / max(abs(b[1]), 1e-12) for a, b in zip(lg, lp)), default=float("nan"))
    agree = f"losses within {worst:.1e} relative" if len(lg) == len(lp) else "loss lines differ"
    # The peer again, with float32 tanh and sin rounded from double as gradviz computes them.
    _, out_r = timed([py, "Benchmarks/peer_rounded_math.py", "Benchmarks/mlp_sin.txt"])
    same_rounded = "identical" if out_r == out_g else "DIFFERENT"
    first_apart = next((s for (s, a), (_, b) in zip(lg, lp) if abs(a - b) > 1e-6 * abs(b)), None)
    agree += (f"; first apart by more than 1e-6 at step {first_apart}" if first_apart is not None else "")
    agree += f"; {same_rounded} to the peer run with double-rounded tanh/sin"
    rows.append((f"training: MLP on sin(3x), 500 steps ({agree})", t_g, t_p, f"{t_p / t_g:.2f}× (gradviz/peer time {t_g / t_p:.2f})", "≥ 1×"))

    pictures = []
    with tempfile.TemporaryDirectory() as tmp:
        try:
            t_g, _ = median_time([BIN, "Lessons/lesson1.txt", "--svg", f"{tmp}/l1"], args.runs)
            t_c, _ = median_time([BIN, "Benchmarks/chain_3000.txt", "--svg", f"{tmp}/chain", "--frames", "backward,first:50"], 1)
            t_m, _ = median_time([BIN, "Benchmarks/mlp_sin.txt", "--svg", f"{tmp}/mlp"], 1)
            frames1 = len(list(Path(f"{tmp}/l1").glob("frame-*.svg")))
            frames_m = len(list(Path(f"{tmp}/mlp").glob("frame-*.svg")))
            pictures = [(f"gradviz --svg lesson 1 (all {frames1} frames; {t_g / max(frames1, 1) * 1000:.1f} ms per frame)", t_g),
                        ("gradviz --svg 3,000-op chain (50 backward frames)", t_c),
                        (f"gradviz --svg MLP training, 500 steps (default: first iteration in full, then summaries with "
                         f"the loss chart; {frames_m} frames)", t_m)]
        except SystemExit as e:
            pictures = [(f"--svg failed: {e}", float("nan"))]
        peer = subprocess.run([py, "-c", "import torchviz"], capture_output=True)
        if peer.returncode == 0:
            script = Path(tmp) / "peer.py"
            script.write_text(
                "import sys, runpy, torch, torchviz\n"
                "g = runpy.run_path(sys.argv[1])\n"
                "out = [v for k, v in g.items() if isinstance(v, torch.Tensor) and v.grad_fn is not None]\n"
                "torchviz.make_dot(out[-1]).render(sys.argv[2], format='svg')\n")
            for lesson, label in [("Lessons/lesson1.txt", "lesson 1"), ("Benchmarks/chain_3000.txt", "3,000-op chain")]:
                try:
                    t_p, _ = median_time([py, script, lesson, f"{tmp}/peer"], args.runs if label == "lesson 1" else 1)
                    pictures.append((f"peer: torchviz make_dot + render of the final graph, {label} (1 picture)", t_p))
                except SystemExit as e:
                    last = [l for l in str(e).splitlines() if l.strip()][-1]
                    pictures.append((f"peer on {label} fails: {last}", float("nan")))

    lines = ["# Benchmarks", "",
             f"Measured by `python3 scripts/benchmark.py` on {platform.machine()}, {os.cpu_count()} cores, "
             f"{time.strftime('%Y-%m-%d')}; gradviz release build; peer: python3 {platform.python_version()} + torch "
             f"{subprocess.run([py, '-c', 'import torch;print(torch.__version__)'], capture_output=True, text=True).stdout.strip()}. "
             "Median wall-clock time of several runs, both tools measured in the same run.", "",
             "| workload | gradviz (s) | python3 + torch (s) | ratio | target |", "|---|---|---|---|---|"]
    for name, g, p, ratio, target in rows:
        lines.append(f"| {name} | {g:.3f} | {p:.3f} | {ratio} | {target} |")
    if pictures:
        lines += ["", "| pictures | seconds |", "|---|---|"]
        lines += [f"| {n} | {t:.3f} |" for n, t in pictures]
    lines += ["", NOTES.strip()]
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        # Sections other scripts write ("## Lesson player", scripts/benchmark_player.py) stay.
        path = ROOT / "BENCHMARKS.md"
        old = path.read_text() if path.exists() else ""
        kept = old[old.find("\n## "):] if "\n## " in old else ""
        path.write_text(text + kept)


if __name__ == "__main__":
    main()
