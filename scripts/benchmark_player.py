#!/usr/bin/env python3
"""Benchmarks the lesson player: time to build the MLP's player and the whole course with the
release binary, the size of what is written, and (when Chromium is installed) the time a
player page takes to open and show its first frame offline.

Writes the "## Lesson player" section of BENCHMARKS.md (the rest of the file is
scripts/benchmark.py's). Usage: swift build -c release && python3 scripts/benchmark_player.py [--runs N]
"""
import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmark import machine, write_section

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".build" / "release" / "gradviz"
sys.path.insert(0, str(Path(__file__).resolve().parent))
import screenshot_player  # noqa: E402  (the DevTools client of the browser test)

SECTION = "## Lesson player"


def run_timed(cmd):
    """Wall-clock and CPU seconds (user + system of the child) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def build(args, out, runs):
    walls, cpus = [], []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        wall, cpu = run_timed([str(BIN)] + args + ["--svg", str(out)])
        walls.append(wall)
        cpus.append(cpu)
    return median(walls), median(cpus)


def size_mb(paths):
    return sum(p.stat().st_size for p in paths) / 1e6


def open_time(pages, runs):
    """Seconds from navigation to the first frame shown, per page (median), in headless Chromium."""
    browser_path = screenshot_player.find_browser()
    if browser_path is None:
        return None
    profile = tempfile.mkdtemp(prefix="gradviz-bench-chromium-")
    browser = screenshot_player.Browser(browser_path, profile)
    try:
        browser.open_page()
        browser.size(1920, 1080)
        times = {}
        for name, page in pages:
            samples = []
            for _ in range(runs):
                browser.navigate("about:blank")
                start = time.perf_counter()
                browser.call("Page.navigate", url=page.as_uri())
                browser.wait_for("!!document.documentElement && document.documentElement.classList.contains('gv-ready')",
                                 f"{name} to start", timeout=120)
                samples.append(time.perf_counter() - start)
            times[name] = median(samples)
        return times
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not BIN.exists():
        print("build the release binary first: swift build -c release")
        return 1
    lessons = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "Lessons").glob("*.txt"))
    lessons += sorted(str(p.relative_to(ROOT)) for p in (ROOT / "Lessons" / "zh").glob("*.txt"))
    with tempfile.TemporaryDirectory(prefix="gradviz-bench-player-") as tmp:
        mlp, course = Path(tmp) / "mlp", Path(tmp) / "course"
        mlp_wall, mlp_cpu = build(["Benchmarks/mlp_sin.txt"], mlp, args.runs)
        course_wall, course_cpu = build(lessons, course, args.runs)
        mlp_frames = len(list(mlp.glob("frame-*.svg")))
        course_frames = len(list(course.glob("*/frame-*.svg")))
        pages = sorted(course.glob("*/index.html"))
        biggest = max(pages, key=lambda p: p.stat().st_size)
        opened = open_time([(f"the MLP's player ({size_mb([mlp / 'index.html']):.1f} MB)", mlp / "index.html"),
                            (f"{biggest.parent.name}, the largest lesson page ({size_mb([biggest]):.1f} MB, "
                             f"{len(list(biggest.parent.glob('frame-*.svg')))} frames)", biggest)], args.runs)
        rows = [
            (f"build the MLP's player: `gradviz Benchmarks/mlp_sin.txt --svg DIR` ({mlp_frames} frames; "
             f"index.html {size_mb([mlp / 'index.html']):.1f} MB, manifest.json {size_mb([mlp / 'manifest.json']):.1f} MB)",
             mlp_wall, mlp_cpu),
            (f"build the course: `gradviz Lessons/*.txt Lessons/zh/*.txt --svg DIR` ({len(pages)} lessons, {course_frames} "
             f"frames; players {size_mb(pages):.1f} MB, manifests {size_mb(course.glob('*/manifest.json')):.1f} MB)",
             course_wall, course_cpu),
        ]
        lines = [SECTION, "",
                 f"Measured by `swift build -c release && python3 scripts/benchmark_player.py` on {machine()}, "
                 f"{time.strftime('%Y-%m-%d')}; median of {args.runs} runs. CPU time is the "
                 "process's user + system time (the machine is shared, so wall-clock time includes waiting).", "",
                 "| player | wall-clock (s) | CPU (s) |", "|---|---|---|"]
        lines += [f"| {name} | {wall:.2f} | {cpu:.2f} |" for name, wall, cpu in rows]
        if opened:
            lines += ["", "| opening a player offline in headless Chromium (navigation to first frame shown) | seconds |",
                      "|---|---|"]
            lines += [f"| {name} | {t:.2f} |" for name, t in opened.items()]
    section = "\n".join(lines) + "\n"
    print(section)
    write_section(SECTION, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
