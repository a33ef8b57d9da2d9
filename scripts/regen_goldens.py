#!/usr/bin/env python3
"""Regenerate (or check) the golden outputs of the lesson programs in Tests/Goldens.

Every lesson program `Tests/Goldens/<suite>/<name>.txt` is run as `python3 <name>.txt`
with real PyTorch, in a fresh temporary folder holding a copy of the program (so files it
writes, such as a `savefig` picture, go away with the folder), and three files are written
beside it:

    <name>.stdout   the exact bytes written to stdout
    <name>.stderr   the last non-empty line of stderr plus a newline, or nothing
    <name>.status   the exit status as decimal text plus a newline

`Tests/Goldens/torch_facts.txt` is regenerated too, from `scripts/torch_facts.py`.

Object addresses (`at 0x7f...`) change from run to run. An existing expectation that
differs from the new output only in such addresses is left untouched, which keeps the
script idempotent: a second run rewrites nothing.

Usage:
    python3 scripts/regen_goldens.py            regenerate everything
    python3 scripts/regen_goldens.py --check    report what differs, write nothing
    python3 scripts/regen_goldens.py PATH...    limit to these programs or folders
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDENS = ROOT / "Tests" / "Goldens"
FACTS_SCRIPT = ROOT / "scripts" / "torch_facts.py"
FACTS_OUTPUT = GOLDENS / "torch_facts.txt"
TIMEOUT_SECONDS = 60
ADDRESS = re.compile(rb"0x[0-9a-f]+")
# Modules a golden program may import (the top-level package of `import X` / `from X import`).
# numpy is left out until gradviz has it.
ALLOWED_MODULES = {
    "__future__",
    "abc",
    "argparse",
    "bisect",
    "collections",
    "copy",
    "dataclasses",
    "functools",
    "heapq",
    "itertools",
    "json",
    "math",
    "matplotlib",
    "operator",
    "os",
    "random",
    "string",
    "sys",
    "time",
    "torch",
    "typing",
    "warnings",
}
IMPORT_LINE = re.compile(r"^(?:import\s+([\w.]+)(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*|from\s+([\w.]+)\s+import\s+.+)\s*$")


def import_allowed(line):
    m = IMPORT_LINE.match(line)
    if not m:
        return False
    modules = [m.group(2)] if m.group(2) else [part.split()[0] for part in line[len("import"):].split(",")]
    return all(name.split(".")[0] in ALLOWED_MODULES for name in modules)


def child_environment():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    # Bytecode caches and user site-packages must not influence a lesson's output.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONNOUSERSITE"] = "1"
    env.pop("PYTHONSTARTUP", None)
    env.pop("PYTHONWARNINGS", None)
    return env


def require_torch():
    probe = subprocess.run(
        [sys.executable, "-c", "import torch; print(torch.__version__)"],
        capture_output=True,
        env=child_environment(),
    )
    if probe.returncode != 0:
        sys.stderr.write(
            "regen_goldens: torch is not importable by %s; refusing to run.\n%s"
            % (sys.executable, probe.stderr.decode("utf-8", "replace"))
        )
        sys.exit(2)
    return probe.stdout.decode().strip()


def last_nonempty_line(data):
    for line in reversed(data.splitlines()):
        if line.strip():
            return line.rstrip(b"\r") + b"\n"
    return b""


def find_programs(selection):
    """Lesson programs live one folder below Tests/Goldens; torch_facts.txt sits at the top."""
    if not selection:
        selection = [GOLDENS]
    programs = set()
    for entry in selection:
        path = Path(entry).resolve()
        candidates = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        for candidate in candidates:
            if candidate.suffix == ".txt" and candidate.parent != GOLDENS:
                programs.add(candidate)
    return sorted(programs)


def run_program(program):
    try:
        with tempfile.TemporaryDirectory(prefix="gradviz-golden-") as work:
            shutil.copy(program, work)
            completed = subprocess.run(
                [sys.executable, program.name],
                cwd=work,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                env=child_environment(),
                stdin=subprocess.DEVNULL,
            )
    except subprocess.TimeoutExpired:
        return None
    status = ("%d\n" % completed.returncode).encode()
    return {
        ".stdout": completed.stdout,
        ".stderr": last_nonempty_line(completed.stderr),
        ".status": status,
    }


def same_up_to_addresses(old, new):
    return ADDRESS.sub(b"0x", old) == ADDRESS.sub(b"0x", new)


def lint(program):
    """Problems that make a program unsuitable as a golden even though Python runs it."""
    problems = []
    # Programs may be in another encoding (a PEP 263 declaration) or not decode at all (on purpose).
    text = program.read_bytes().decode("utf-8", errors="replace")
    lines = text.splitlines()
    if not lines or not lines[0].startswith("#"):
        problems.append("first line is not a comment saying what the program checks")
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if re.match(r"^(import|from)\s", stripped) and not import_allowed(stripped):
            problems.append("line %d: import outside the lesson subset: %s" % (number, stripped))
    return problems


def compare_or_write(base, outputs, check):
    """Returns the list of suffixes whose content differs (or changed, when writing)."""
    differing = []
    for suffix, new in outputs.items():
        target = base.with_name(base.name + suffix)
        old = target.read_bytes() if target.exists() else None
        if old is not None and same_up_to_addresses(old, new):
            continue
        differing.append(suffix)
        if not check:
            target.write_bytes(new)
    return differing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report differences, write nothing")
    parser.add_argument("paths", nargs="*", help="programs or folders (default: all of Tests/Goldens)")
    options = parser.parse_args()

    version = require_torch()
    programs = find_programs(options.paths)
    changed, failed, statuses = [], [], {}
    for program in programs:
        relative = program.relative_to(GOLDENS)
        for problem in lint(program):
            failed.append("%s: %s" % (relative, problem))
        outputs = run_program(program)
        if outputs is None:
            failed.append("%s: timed out after %d s" % (relative, TIMEOUT_SECONDS))
            continue
        status = int(outputs[".status"])
        statuses[status] = statuses.get(status, 0) + 1
        differing = compare_or_write(program.with_suffix(""), outputs, options.check)
        if differing:
            changed.append("%s (%s)" % (relative, ", ".join(differing)))

    if not options.paths:
        facts = subprocess.run(
            [sys.executable, str(FACTS_SCRIPT)],
            cwd=ROOT,
            capture_output=True,
            timeout=TIMEOUT_SECONDS * 5,
            env=child_environment(),
        )
        if facts.returncode != 0:
            failed.append("torch_facts.py exited with %d: %s" % (
                facts.returncode, last_nonempty_line(facts.stderr).decode("utf-8", "replace").strip()))
        else:
            old = FACTS_OUTPUT.read_bytes() if FACTS_OUTPUT.exists() else None
            if old is None or not same_up_to_addresses(old, facts.stdout):
                changed.append(FACTS_OUTPUT.name)
                if not options.check:
                    FACTS_OUTPUT.write_bytes(facts.stdout)

    report(version, "%d programs; exit statuses: %s" % (
        len(programs), ", ".join("%d x%d" % item for item in sorted(statuses.items())) or "none"),
        changed, failed, options.check)


def report(version, summary, changed, failed, check):
    """Prints what a run found and exits 1 on problems (or, with --check, on differences)."""
    verb = "differ" if check else "rewritten"
    print("torch %s, python %s" % (version, sys.version.split()[0]))
    print(summary)
    print("%d %s%s" % (len(changed), verb, ":" if changed else ""))
    for entry in changed:
        print("  " + entry)
    if failed:
        print("%d problems:" % len(failed))
        for entry in failed:
            print("  " + entry)
    if failed or (check and changed):
        sys.exit(1)


if __name__ == "__main__":
    main()
