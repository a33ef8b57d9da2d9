#!/usr/bin/env python3
"""Sweep every builtin, standard-library function, tensor method and torch function that
gradviz has over edge values, and report each call that kills gradviz or never ends.

Where the fuzzers (scripts/fuzz.sh, fuzz_gen.py) sample calls at random, the sweep is
exhaustive and deterministic: each callable of Tests/Fuzz/sweep/<group>.txt is called with
no argument, with each edge value, with each pair of them and with each triple of a
smaller set. A call may raise anything (`try`/`except BaseException` around each); it may
also end the program with a gradviz limitation (exit status 2, "at line N"), after which
the sweep goes on from the next call. What it must never do is die by a signal or run
past the timeout: such a batch is split in halves until the single calls are found, and
each is printed with its signature (fuzz_gen.py's: signal, fatal message, first frame).

    sweep_calls.py run --binary GRADVIZ [--groups python,torch] [--only REGEX] [--jobs N]
        exit status 1 when a call failed
    sweep_calls.py names --binary GRADVIZ
        rewrite Tests/Fuzz/sweep/*.txt: the names Python 3 and PyTorch (installed) have
        that gradviz also has
"""

import argparse
import ast
import concurrent.futures
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzz_gen import signature  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT / "Tests" / "Fuzz" / "sweep"

HEADER = {
    "python": (
        "import math, random, itertools, functools, operator, collections, string\n"
        "M = 9223372036854775807\nm = -M - 1\nF = 1.7976931348623157e308\n"
        "nan = float('nan')\ninf = float('inf')\n"
        # Subscripts as calls: one argument is the key, more make a tuple key; set_ and del_
        # take the value last.
        "def key(a):\n    return a[0] if len(a) == 1 else a\n"
        "def at_list(*a):\n    return [1, 2, 3, 4][key(a)]\n"
        "def at_str(*a):\n    return 'abcd'[key(a)]\n"
        "def at_tuple(*a):\n    return (1, 2, 3, 4)[key(a)]\n"
        "def at_range(*a):\n    return range(1, 9, 2)[key(a)]\n"
        "def set_list(*a):\n    x = [1, 2, 3, 4]\n    x[key(a[:-1] or a)] = a[-1]\n    return x\n"
        "def del_list(*a):\n    x = [1, 2, 3, 4]\n    del x[key(a)]\n    return x\n"
    ),
    "torch": (
        "import torch, math\nimport torch.nn.functional as Fn\n"
        "M = 9223372036854775807\nm = -M - 1\nF = 1.7976931348623157e308\n"
        "nan = float('nan')\ninf = float('inf')\n"
        "S = torch.tensor(3.5, requires_grad=True)\nE = torch.ones(0)\n"
        "T = torch.arange(6.).reshape(2, 3).requires_grad_()\nI = torch.tensor([1, 2, 3])\n"
        "B = torch.tensor([True, False])\nK = torch.tensor(M)\n"
        "def key(a):\n    return a[0] if len(a) == 1 else a\n"
        "def at_T(*a):\n    return T[key(a)]\n"
        "def at_S(*a):\n    return S[key(a)]\n"
        "def at_E(*a):\n    return E[key(a)]\n"
        "def at_I(*a):\n    return I[key(a)]\n"
        "def set_T(*a):\n    x = T.detach().clone()\n    x[key(a[:-1] or a)] = a[-1]\n    return x\n"
    ),
}
# Edge values for one and two arguments, and a smaller set for three.
VALUES = {
    "python": ["M", "m", "-1", "0", "1", "2", "-2", "63", "64", "2**31", "-2**31", "2**32", "10**18", "F", "-F",
               "nan", "inf", "-inf", "0.5", "-0.0", "1e-320", "'ab'", "''", "[1, 2]", "[]", "(1,)", "None", "True",
               "slice(-2, M, M)", "slice(None, None, m)"],
    "torch": ["M", "m", "-1", "0", "1", "2", "3", "2**31", "2**32", "F", "nan", "inf", "-0.0", "0.5", "None", "True",
              "[]", "[1, 2]", "(1,)", "(2, 3)", "'ab'", "S", "E", "T", "I", "B", "K", "torch.float64", "torch.int64",
              "slice(-2, M, M)", "(Ellipsis, None)"],
}
TRIPLES = {
    "python": ["M", "m", "-1", "0", "2", "F", "nan", "'ab'", "[1, 2]"],
    "torch": ["M", "m", "-1", "0", "2", "nan", "[1, 2]", "S", "E", "T", "I"],
}
# Names not swept: they read input, leave the process, write files or change global state.
SKIP = {"input", "open", "exit", "quit", "breakpoint", "help", "exec", "eval", "compile", "__import__", "globals",
        "locals", "vars", "dir", "memoryview", "sleep", "backward", "register_hook", "manual_seed", "seed",
        "set_printoptions", "save", "load", "set_default_dtype", "set_grad_enabled", "use_deterministic_algorithms",
        "set_num_threads", "set_num_interop_threads", "compile", "no_grad", "enable_grad", "inference_mode",
        "set_default_device", "set_default_tensor_type", "set_rng_state", "setstate", "print"}
CALL = "try:\n    _r = {}\n    _s = str(_r)[:50]\nexcept BaseException as _e:\n    pass\n"
CALL_LINES = CALL.count("\n")
BATCH = 300


def calls(group, names):
    values, triples = VALUES[group], TRIPLES[group]
    for f in names:
        yield f"{f}()"
        for a in values:
            yield f"{f}({a})"
        for a, b in itertools.product(values, repeat=2):
            yield f"{f}({a}, {b})"
        for a, b, c in itertools.product(triples, repeat=3):
            yield f"{f}({a}, {b}, {c})"


class Runner:
    def __init__(self, binary, group, folder, timeout):
        self.binary, self.group, self.folder, self.timeout = os.path.abspath(binary), group, folder, timeout
        self.header_lines = HEADER[group].count("\n")

    def run(self, batch, path):
        """("ok" | "stopped" | "failed", index of the call that stopped the program, or the signature)."""
        path.write_text(HEADER[self.group] + "".join(CALL.format(c) for c in batch))
        env = dict(os.environ, SWIFT_BACKTRACE="enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none")
        try:
            p = subprocess.run([self.binary, "--max-steps", "2000000", str(path)], capture_output=True,
                               timeout=self.timeout, env=env, cwd=self.folder, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return "failed", f"timeout>{self.timeout:g}s"
        err = p.stderr.decode("utf-8", "replace")
        if p.returncode < 0 or "Fatal error" in err:
            return "failed", signature(-p.returncode if p.returncode < 0 else 0, err)
        if p.returncode == 0:
            return "ok", None
        lines = re.findall(r"\bline (\d+)", err)
        index = (int(lines[-1]) - self.header_lines - 1) // CALL_LINES if lines else -1
        return "stopped", index if 0 <= index < len(batch) else None

    def sweep(self, batch, path):
        """The failing calls of `batch`, each with its signature."""
        found = []
        pending = [batch]
        while pending:
            part = pending.pop()
            while part:
                outcome, info = self.run(part, path)
                if outcome == "ok":
                    break
                if outcome == "stopped" and info is not None:
                    part = part[info + 1:]
                    continue
                if len(part) == 1:
                    if outcome == "failed":
                        found.append((part[0], info))
                    break
                # A failure, or a stop without a line: find the calls by halves.
                half = len(part) // 2
                pending += [part[half:], part[:half]]
                break
        return found


def command_run(args):
    groups = args.groups.split(",")
    failures = 0
    total = 0
    with tempfile.TemporaryDirectory(prefix="gradviz-sweep-") as folder:
        # A copy: a rebuild during the sweep neither changes what is swept nor fails to write.
        binary = Path(folder) / "gradviz"
        shutil.copy2(args.binary, binary)
        for group in groups:
            names = [n for n in (LISTS / f"{group}.txt").read_text().split() if not args.only or re.search(args.only, n)]
            every = list(calls(group, names))
            total += len(every)
            batches = [every[i:i + BATCH] for i in range(0, len(every), BATCH)]
            runner = Runner(binary, group, folder, args.timeout)

            def work(item):
                k, batch = item
                return runner.sweep(batch, Path(folder) / f"{group}-{k}.py")

            with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
                for found in pool.map(work, enumerate(batches)):
                    for call, sig in found:
                        failures += 1
                        print(f"FAILED {call}  ({sig})", flush=True)
            print(f"{group}: {len(names)} callables, {len(every)} calls", flush=True)
    print(f"{total} calls, {failures} failed")
    return 1 if failures else 0


def probe(binary, group, candidates, folder):
    """The candidates gradviz has: looking each up raises no AttributeError."""
    kept = []
    path = Path(folder) / "probe.py"
    header_lines = HEADER[group].count("\n")
    block = "try:\n    {0}\n    print('KEEP', {0!r})\nexcept AttributeError:\n    pass\nexcept Exception:\n    print('KEEP', {0!r})\n"
    block_lines = block.count("\n")
    rest = list(candidates)
    while rest:
        path.write_text(HEADER[group] + "".join(block.format(c) for c in rest))
        p = subprocess.run([os.path.abspath(binary), str(path)], capture_output=True, text=True, cwd=folder)
        kept += [line[5:] for line in p.stdout.splitlines() if line.startswith("KEEP ")]
        if p.returncode == 0:
            break
        # Looking one up ended the program (a gradviz limitation): leave it out, go on.
        lines = re.findall(r"\bline (\d+)", p.stderr)
        if not lines:
            sys.exit(f"probe failed: {p.stderr.strip()}")
        rest = rest[(int(lines[-1]) - header_lines - 1) // block_lines + 1:]
    return kept


def command_names(args):
    import builtins
    import collections
    import functools
    import math
    import operator
    import random
    import string
    import torch
    import torch.nn.functional as functional

    def public(o):
        return [n for n in dir(o) if not n.startswith("_") and n not in SKIP]

    python = [n for n in public(builtins) if n[0].islower()]
    for module in (math, random, itertools, functools, operator, collections, string):
        python += [f"{module.__name__}.{n}" for n in public(module) if callable(getattr(module, n))]
    python += ["at_list", "at_str", "at_tuple", "at_range", "set_list", "del_list"]
    for receiver, sample in (("'abc'", "abc"), ("[3, 1, 2]", [3, 1, 2]), ("(1, 2, 3)", (1, 2, 3)),
                             ("{1: 2}", {1: 2}), ("{1, 2}", {1, 2}), ("(5)", 5), ("(2.5)", 2.5),
                             ("range(10)", range(10))):
        python += [f"{receiver}.{n}" for n in dir(sample)
                   if callable(getattr(sample, n)) and (not n.startswith("_") or n in
                   ("__getitem__", "__mul__", "__rmul__", "__mod__", "__pow__", "__round__", "__format__",
                    "__lshift__", "__rshift__", "__floordiv__", "__truediv__", "__setitem__", "__delitem__",
                    "__imul__", "__and__", "__xor__", "__invert__", "__neg__", "__index__", "__contains__"))]
    methods = public(torch.Tensor)
    tensor = [f"T.{n}" for n in methods if not n.endswith("_")] + [f"T.clone().{n}" for n in methods if n.endswith("_")]
    tensor += ["at_T", "at_S", "at_E", "at_I", "set_T"]
    torch_names = [f"torch.{n}" for n in public(torch) if n[0].islower() and callable(getattr(torch, n))]
    fn_names = [f"Fn.{n}" for n in public(functional) if callable(getattr(functional, n))]
    lists = {"python": python, "torch": tensor + torch_names + fn_names}
    with tempfile.TemporaryDirectory(prefix="gradviz-sweep-") as folder:
        for group, candidates in lists.items():
            kept = probe(args.binary, group, candidates, folder)
            LISTS.mkdir(parents=True, exist_ok=True)
            (LISTS / f"{group}.txt").write_text("\n".join(kept) + "\n")
            print(f"{group}: {len(kept)} of {len(candidates)} names")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--binary", required=True)
    r.add_argument("--groups", default="python,torch")
    r.add_argument("--only", help="sweep only the callables this regular expression finds")
    r.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    r.add_argument("--timeout", type=float, default=20)
    n = sub.add_parser("names")
    n.add_argument("--binary", required=True)
    args = parser.parse_args()
    sys.exit(command_run(args) if args.command == "run" else command_names(args))


if __name__ == "__main__":
    main()
