#!/usr/bin/env python3
"""Regenerate (or check) the expected outputs of the shipped lessons in Lessons/.

Every lesson `Lessons/**/<name>.txt` is run as `python3 <name>.txt` with real PyTorch,
in a fresh temporary folder holding a copy of it, and `<name>.stdout`, `<name>.stderr` (last non-empty line)
and `<name>.status` are written beside it, exactly as scripts/regen_goldens.py does for
Tests/Goldens (whose running, linting and address-tolerant comparison are reused here).

Usage:
    python3 scripts/regen_lessons.py            regenerate every lesson
    python3 scripts/regen_lessons.py --check    report what differs, write nothing
    python3 scripts/regen_lessons.py PATH...    limit to these lessons or folders
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import regen_goldens  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LESSONS = ROOT / "Lessons"


def find_lessons(selection):
    programs = set()
    for entry in selection or [LESSONS]:
        path = Path(entry).resolve()
        candidates = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        programs.update(c for c in candidates if c.suffix == ".txt")
    return sorted(programs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report differences, write nothing")
    parser.add_argument("paths", nargs="*", help="lessons or folders (default: all of Lessons/)")
    options = parser.parse_args()

    version = regen_goldens.require_torch()
    lessons = find_lessons(options.paths)
    changed, failed = [], []
    for lesson in lessons:
        relative = lesson.relative_to(ROOT)
        for problem in regen_goldens.lint(lesson):
            failed.append("%s: %s" % (relative, problem))
        outputs = regen_goldens.run_program(lesson)
        if outputs is None:
            failed.append("%s: timed out" % relative)
            continue
        if outputs[".status"] != b"0\n":
            # A lesson is course material: it must run to the end under PyTorch.
            failed.append("%s: exited with status %s" % (relative, outputs[".status"].decode().strip()))
        differing = regen_goldens.compare_or_write(lesson.with_suffix(""), outputs, options.check)
        if differing:
            changed.append("%s (%s)" % (relative, ", ".join(differing)))

    regen_goldens.report(version, "%d lessons" % len(lessons), changed, failed, options.check)


if __name__ == "__main__":
    main()
