#!/usr/bin/env python3
"""Compare gradviz's SyntaxErrors with CPython's on mutated golden programs.

The golden programs (Tests/Goldens/**/*.txt and Lessons/**/*.txt) are mutated one edit at a
time -- a character deleted or doubled, a token deleted, doubled or replaced, two lines
swapped -- with a fixed seed, and every mutant that CPython rejects is kept until there are
--count of them. For each mutant, CPython's verdict is `compile(source, path, "exec")` (the
exception class, message and line); gradviz's is what `gradviz MUTANT` writes to stderr. A
mutant whose class, message or line differs is a mismatch.

Usage:
    python3 scripts/syntax_mutations.py [--gradviz .build/debug/gradviz] [--count 1500]
                                        [--seed 2024] [--report out/syntax_mutations.txt] [--keep DIR]

The report lists every mismatch (the edit, CPython's and gradviz's verdicts) and ends with the
counts; the mutants are written to a temporary folder that is removed afterwards. Exit status 0
when every mutant matches, 1 otherwise.
"""

import argparse
import io
import os
import random
import re
import subprocess
import sys
import tempfile
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "Tests" / "Goldens", ROOT / "Lessons"]
REPLACEMENTS = [":", "(", ")", "[", "]", ",", "=", "==", ".", "if", "else", "for", "in", "def", "return", "lambda", "*", "**"]
TIMEOUT_SECONDS = 20


def programs():
    found = []
    for base in SOURCES:
        found += sorted(p for p in base.rglob("*.txt") if p.parent != base or base.name == "Lessons")
    texts = []
    for path in found:
        try:
            texts.append((path, path.read_text(encoding="utf-8")))
        except (UnicodeDecodeError, OSError):
            continue
    # compile() words a NUL byte differently from running the file ("source code string ..."),
    # so programs holding one are left out.
    return [(p, t) for p, t in texts if t.strip() and "\0" not in t]


def tokens(text):
    """(start offset, end offset, string) of each token with text."""
    line_starts = [0]
    for line in text.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    out = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if not tok.string.strip() or tok.type in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE):
                continue
            start = line_starts[tok.start[0] - 1] + tok.start[1]
            end = line_starts[tok.end[0] - 1] + tok.end[1]
            out.append((start, end, tok.string))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return out


def mutate(text, rng):
    """One edit of `text`: (description, mutant)."""
    kind = rng.choice(["delete char", "double char", "delete token", "double token", "replace token", "swap lines"])
    if kind in ("delete char", "double char"):
        candidates = [i for i, c in enumerate(text) if not c.isspace() or c == "\n"]
        if not candidates:
            return None
        i = rng.choice(candidates)
        line = text.count("\n", 0, i) + 1
        if kind == "delete char":
            return "line %d: delete %r" % (line, text[i]), text[:i] + text[i + 1:]
        return "line %d: double %r" % (line, text[i]), text[:i] + text[i] + text[i:]
    if kind == "swap lines":
        lines = text.split("\n")
        code = [i for i, l in enumerate(lines[:-1]) if l.strip() and not l.lstrip().startswith("#")]
        if len(code) < 2:
            return None
        i = rng.choice(code)
        if i + 1 >= len(lines) or not lines[i + 1].strip():
            return None
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
        return "lines %d-%d: swap" % (i + 1, i + 2), "\n".join(lines)
    toks = tokens(text)
    if not toks:
        return None
    start, end, string = rng.choice(toks)
    line = text.count("\n", 0, start) + 1
    if kind == "delete token":
        return "line %d: delete token %r" % (line, string), text[:start] + text[end:]
    if kind == "double token":
        return "line %d: double token %r" % (line, string), text[:end] + " " + string + text[end:]
    new = rng.choice(REPLACEMENTS)
    return "line %d: replace token %r by %r" % (line, string, new), text[:start] + new + text[end:]


def cpython_verdict(source, path):
    try:
        compile(source, path, "exec")
    except SyntaxError as e:
        return (type(e).__name__, e.msg, e.lineno)
    except (ValueError, OverflowError, MemoryError, RecursionError):
        return None
    return None


SUMMARY = re.compile(r"^(SyntaxError|IndentationError|TabError): (.*)$")
LOCATION = re.compile(r'^  File ".*", line (\d+)$')


def gradviz_verdict(binary, path):
    try:
        completed = subprocess.run([binary, str(path)], capture_output=True, timeout=TIMEOUT_SECONDS,
                                   stdin=subprocess.DEVNULL, cwd=path.parent)
    except subprocess.TimeoutExpired:
        return ("timeout", "", None)
    err = completed.stderr.decode("utf-8", "replace").splitlines()
    line = None
    for text in err:
        m = LOCATION.match(text)
        if m:
            line = int(m.group(1))
    for text in reversed(err):
        m = SUMMARY.match(text)
        if m:
            return (m.group(1), m.group(2), line)
    last = next((t for t in reversed(err) if t.strip()), "")
    return ("no SyntaxError (status %d)" % completed.returncode, last, None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gradviz", default=str(ROOT / ".build" / "debug" / "gradviz"))
    parser.add_argument("--count", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--report", default=str(ROOT / "out" / "syntax_mutations.txt"))
    parser.add_argument("--keep", help="also write each mismatching mutant into this folder")
    options = parser.parse_args()
    if not os.access(options.gradviz, os.X_OK):
        sys.exit("syntax_mutations: no gradviz binary at %s (run swift build)" % options.gradviz)

    rng = random.Random(options.seed)
    sources = programs()
    mutants = []
    attempts = 0
    while len(mutants) < options.count and attempts < options.count * 50:
        attempts += 1
        path, text = rng.choice(sources)
        made = mutate(text, rng)
        if made is None:
            continue
        description, source = made
        verdict = cpython_verdict(source, "mutant.py")
        if verdict is not None:
            mutants.append((path, description, source, verdict))

    mismatches = []
    with tempfile.TemporaryDirectory(prefix="gradviz-mutants-") as folder:
        for n, (path, description, source, expected) in enumerate(mutants):
            mutant = Path(folder) / "mutant.py"
            mutant.write_text(source, encoding="utf-8")
            got = gradviz_verdict(options.gradviz, mutant)
            if got != expected:
                mismatches.append((path, description, expected, got))
                if options.keep:
                    keep = Path(options.keep)
                    keep.mkdir(parents=True, exist_ok=True)
                    (keep / ("%04d_%s.py" % (len(mismatches), path.stem))).write_text(source, encoding="utf-8")
            if (n + 1) % 100 == 0:
                print("%d/%d mutants, %d mismatches" % (n + 1, len(mutants), len(mismatches)), file=sys.stderr)

    report = Path(options.report)
    report.parent.mkdir(parents=True, exist_ok=True)
    with report.open("w", encoding="utf-8") as out:
        for path, description, expected, got in mismatches:
            out.write("%s, %s\n  CPython: %s: %s (line %s)\n  gradviz: %s: %s (line %s)\n" % (
                path.relative_to(ROOT), description, expected[0], expected[1], expected[2], got[0], got[1], got[2]))
        out.write("%d mutants (seed %d), %d mismatches\n" % (len(mutants), options.seed, len(mismatches)))
    print("%d mutants (seed %d), %d mismatches; report: %s" % (len(mutants), options.seed, len(mismatches), report))
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
