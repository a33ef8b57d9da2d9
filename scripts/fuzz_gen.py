#!/usr/bin/env python3
"""Structure-aware fuzzing of gradviz: lesson programs built from torch calls with
extreme arguments and from Python constructs at their edges.

A program is `import torch`, a few tensors of awkward shapes (0-d, empty, int64, bool,
NaN/inf, requiring grad) and a list of independent snippets, each in its own
`try`/`except`, so one program reaches many calls. Arguments come from pools of edge
values: 0, -1, sizes near 2**31, 2**63 and beyond, NaN, inf, -0.0, 1e308, wrong types
and wrong shapes.

    fuzz_gen.py programs --count N --out DIR [--seed S]
        write N programs (seeds for the libFuzzer targets)
    fuzz_gen.py dict --out FILE
        a libFuzzer dictionary of the same names and edge values
    fuzz_gen.py run --binary GRADVIZ --count N --keep DIR [--seed S] [--timeout T]
        generate and run each program with the gradviz binary; a death by signal or a
        run past the timeout is minimized and kept in DIR under its signature
    fuzz_gen.py triage --binary GRADVIZ FILE...
        run crash inputs (from libFuzzer or `run`) and print one line per distinct
        signature: what failed and where
    fuzz_gen.py minimize --binary GRADVIZ FILE
        remove statements from FILE while it still fails the same way; print the result

A signature is the signal (or "timeout") with the runtime's fatal-error message and
the first gradviz function of the crash backtrace.
"""

import argparse
import hashlib
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

INTS = [0, 1, -1, 2, 3, -2, 5, -5, 7, 64, 255, 2**31 - 1, 2**31, -2**31, 2**32, 2**53 + 1, 2**62,
        2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64, 10**20, -10**20]
INT_TEXT = ["0", "1", "-1", "2", "3", "-2", "5", "-5", "64", "2**31", "2**32", "2**53 + 1", "2**62",
            "2**63 - 1", "-2**63", "2**63", "2**64", "10**9", "10**12", "10**20", "9223372036854775807",
            "-9223372036854775808", "True", "False"]
FLOAT_TEXT = ["0.0", "-0.0", "0.5", "-1.5", "1e-308", "5e-324", "1e308", "1.7976931348623157e308", "-1e308",
              "float('nan')", "float('inf')", "-float('inf')", "2.0**63", "1e19", "-1e19", "3.4e38", "1e-45"]
WEIRD = ["None", "'abc'", "''", "[]", "[[]]", "()", "[1, [2]]", "[1, 2.5, True]", "{}", "torch.ones(0)",
         "torch.tensor(2)", "torch.tensor([])", "(2, 3)", "[2, -1]", "(0,)", "slice(None)", "...", "b'x'",
         "1j", "[float('nan')]", "object()", "print", "torch.float32", "torch.int64"]
DTYPES = ["torch.float32", "torch.float64", "torch.int64", "torch.int32", "torch.bool", "torch.int8",
          "torch.uint8", "torch.float16", "torch.long", "torch.double", "torch.float", "torch.int"]
SHAPES = ["()", "(0,)", "(2, 0, 3)", "(1,)", "(2, 3)", "(3, 1, 2)", "(2**31,)", "(2**62, 0)", "(0, 2**62)",
          "(-1,)", "(2, -3)", "(10**6, 10**6)", "(2**32, 2**32)", "[]", "[4]", "(1,) * 40", "(1,) * 70"]
TENSORS = {
    "s": "torch.tensor(3.5, requires_grad=True)",
    "e": "torch.ones(0)",
    "m": "torch.arange(6.).reshape(2, 3)",
    "i": "torch.tensor([1, 2, 3])",
    "b": "torch.tensor([True, False])",
    "n": "torch.tensor([float('nan'), float('inf'), -float('inf'), 1e308, -0.0])",
    "g": "torch.randn(2, 3, 4, requires_grad=True)",
    "z": "torch.zeros(2, 0, 3)",
    "k": "torch.tensor(9223372036854775807)",
    "w": "torch.randn(3, 3, requires_grad=True)",
}
FACTORIES = ["tensor", "zeros", "ones", "empty", "full", "arange", "linspace", "eye", "rand", "randn",
             "randint", "randperm", "zeros_like", "ones_like", "empty_like", "full_like", "rand_like",
             "randn_like", "as_tensor"]
FUNCTIONS = ["cat", "stack", "hstack", "vstack", "concat", "where", "einsum", "outer", "pow", "softmax",
             "log_softmax", "mse_loss", "cross_entropy", "nll_loss", "is_tensor", "manual_seed", "sum",
             "mean", "max", "min", "exp", "log", "sqrt", "abs", "matmul", "mm", "clamp", "sigmoid", "tanh",
             "relu", "allclose", "isclose", "topk", "sort", "argmax", "std", "var", "norm", "flatten",
             "reshape", "transpose", "permute", "squeeze", "unsqueeze", "split", "chunk", "tile", "roll"]
METHODS = ["abs", "add", "add_", "all", "amax", "amin", "any", "argmax", "argmin", "argsort", "backward",
           "bmm", "bool", "ceil", "chunk", "clamp", "clamp_", "clone", "contiguous", "copy_", "cos",
           "cumprod", "cumsum", "detach", "diag", "diagonal", "dim", "div", "div_", "dot", "double", "eq",
           "equal", "exp", "expand", "expand_as", "fill_", "flatten", "flip", "float", "floor", "fmod",
           "gather", "index_select", "int", "item", "lerp", "log", "log_softmax", "logsumexp", "long",
           "masked_fill", "matmul", "max", "mean", "min", "mm", "movedim", "mul", "mul_", "mv",
           "nan_to_num", "narrow", "ne", "neg", "norm", "numel", "outer", "permute", "pow", "pow_", "prod",
           "reciprocal", "relu", "remainder", "repeat", "requires_grad_", "reshape", "roll", "round",
           "rsqrt", "scatter", "select", "sigmoid", "sign", "size", "softmax", "sort", "split", "sqrt",
           "squeeze", "std", "sub", "sum", "t", "tile", "to", "tolist", "topk", "trace", "transpose",
           "tril", "triu", "type", "unbind", "unsqueeze", "var", "view", "view_as", "where", "zero_",
           "retain_grad", "register_hook", "uniform_", "normal_", "new_zeros", "new_full", "new_tensor"]
KEYWORDS = ["dim", "keepdim", "dtype", "requires_grad", "out", "correction", "unbiased", "k", "largest",
            "descending", "decimals", "min", "max", "alpha", "value", "retain_graph", "create_graph",
            "gradient", "inputs", "start_dim", "end_dim", "dims", "shifts", "index", "src", "reduction",
            "ignore_index", "label_smoothing", "weight", "p", "exponent", "other", "size", "fill_value",
            "step", "end", "start", "steps", "generator", "memory_format", "diagonal", "offset"]
BINOPS = ["+", "-", "*", "/", "//", "%", "**", "@", "==", "<", "&", "|", "^", "<<", ">>"]


class Generator:
    """One random program at a time, from a seeded random source."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def pick(self, xs):
        return self.r.choice(xs)

    def tensor(self):
        return self.pick(list(TENSORS))

    def scalar(self):
        roll = self.r.random()
        if roll < 0.45:
            return self.pick(INT_TEXT)
        if roll < 0.85:
            return self.pick(FLOAT_TEXT)
        return self.pick(WEIRD)

    def value(self, depth=0):
        roll = self.r.random()
        if roll < 0.3:
            return self.tensor()
        if roll < 0.65:
            return self.scalar()
        if roll < 0.75:
            return self.pick(SHAPES)
        if roll < 0.82:
            return self.pick(DTYPES)
        if roll < 0.92 and depth < 2:
            items = [self.value(depth + 1) for _ in range(self.r.randint(0, 3))]
            return "[" + ", ".join(items) + "]"
        if depth < 2:
            return self.call(depth + 1)
        return self.scalar()

    def arguments(self, depth):
        count = self.r.choice([0, 1, 1, 2, 2, 3, 4])
        if self.r.random() < 0.5:
            # Plausible calls reach past argument checking: dims, sizes and counts at their edges.
            return ", ".join(self.pick(INT_TEXT[:12] if self.r.random() < 0.7 else INT_TEXT) for _ in range(count))
        args = [self.value(depth) for _ in range(count)]
        for keyword in self.r.sample(KEYWORDS, self.r.choice([0, 0, 0, 1, 2])):
            args.append(f"{keyword}={self.value(depth)}")
        return ", ".join(args)

    def call(self, depth=0):
        roll = self.r.random()
        if roll < 0.25:
            return f"torch.{self.pick(FACTORIES)}({self.arguments(depth)})"
        if roll < 0.45:
            return f"torch.{self.pick(FUNCTIONS)}({self.arguments(depth)})"
        if roll < 0.85:
            return f"{self.tensor()}.{self.pick(METHODS)}({self.arguments(depth)})"
        if roll < 0.93:
            return f"({self.value(depth + 1)} {self.pick(BINOPS)} {self.value(depth + 1)})"
        index = self.pick(["0", "-1", "2**63", "None", "...", "1:", "::-1", "::0", ":, 0", "t_idx", "[0, 0]",
                           "i", "b", "torch.tensor(True)", "10**20:", "-2**63:2**63:2**62", "(0, 0, 0)"])
        return f"{self.tensor()}[{index.replace('t_idx', 'i')}]"

    def python_snippet(self):
        w = self.pick(["0", "1", "-1", "10**9", "2**31", "2**62", "2**63", "9223372036854775807", "10**20", "5"])
        s = self.pick(["'x'", "'ab'", "''", "'é🙂'", "'0x1f'", "'  12  '", "'1_000'", "'nan'", "'-inf'", "'zz'",
                       "'1e999'", "'١٢٣'"])
        n = self.scalar()
        choices = [
            f"print(f'{{1:>{{{w}}}}}')",
            # Double quotes outside: the values inside use single ones (Python 3.11 allows no reuse).
            f'print(f"{{{n}:{self.pick(["", ">20", ".3f", "e", "x", ",", "_", "%", ".{0}f", "#o", "c", "n", "=+12", ".2000f"])}}}")',

            f"print('%*d' % ({w}, 1))",
            f"print('%{self.pick(['d', 'i', 'x', 'o', 'e', 'f', 'g', 'c', 'r', 's', '.3f', '10.2e', '*.*f'])}' % ({n},))",
            f"print({s}.zfill({w}))",
            f"print(len({s} * {w}))",
            f"print({s}.center({w}, '*')[:10])",
            f"print(int({s}, {self.pick(['0', '1', '2', '10', '16', '36', '37', '-1', '2**63'])}))",
            f"print(float({s}))",
            f"print(int({n}))",
            f"print(round({n}, {self.pick(['0', '-1', '2', '400', '-400', '2**63', 'None'])}))",
            f"print(divmod({n}, {self.scalar()}))",
            f"print(pow({self.pick(INT_TEXT)}, {self.pick(INT_TEXT)}, {self.pick(INT_TEXT)}))",
            f"print(len(range({self.pick(INT_TEXT)}, {self.pick(INT_TEXT)}, {self.pick(INT_TEXT)})))",
            f"print(range({self.pick(INT_TEXT)})[{self.pick(INT_TEXT)}])",
            f"print([1, 2, 3][{self.pick(INT_TEXT)}:{self.pick(INT_TEXT)}:{self.pick(INT_TEXT)}])",
            f"print(list(range(5))[::{self.pick(['1', '-1', '2**63', '-2**63', '0'])}])",
            f"print({n} {self.pick(BINOPS)} {self.scalar()})",
            f"print(abs({n}), -{n}, ~{self.pick(INT_TEXT)})",
            f"print(sorted([{n}, {self.scalar()}, {self.scalar()}]))",
            f"print(min([]) if {self.pick(['True', 'False'])} else max({n}, {self.scalar()}))",
            f"print(hash({n}), bool({n}), str({n})[:30], repr({n})[:30])",
            f"print(chr({self.pick(INT_TEXT)}), ord({s}[:1] or 'a'))",
            f"print({s}.split({self.pick(['None', repr(''), repr('x'), repr(' ')])}, {self.pick(INT_TEXT)}))",
            f"print({s}[{self.pick(INT_TEXT)}:{self.pick(INT_TEXT)}])",
            f"print({s}.replace('x', 'yy', {self.pick(INT_TEXT)}))",
            f"print(list(zip(range(3), {s}))[{self.pick(['0', '-1', ':'])}])",
            f"print(sum(range({self.pick(INT_TEXT[:12])})))",
            f"print(isinstance({n}, (int, float)), type({n}).__name__)",
            f"print({{{n}: 1, {self.scalar()}: 2}})",
            f"print({{{n}, {self.scalar()}}})",
            f"print(tuple(reversed([{n}, {self.scalar()}])))",
            f"print(enumerate([{n}], {self.pick(INT_TEXT)}).__next__())",
            f"print(max(range({self.pick(INT_TEXT)}, {self.pick(INT_TEXT[:12])})))",
        ]
        return self.pick(choices)

    def block_snippet(self):
        n = self.pick(["10", "1000", "100000", "3000000", "10**7"])
        choices = [
            f"x = []\nfor _ in range({n}):\n    x = [x]\nprint(len(x))",
            f"d = {{}}\nfor _ in range({n}):\n    d = {{'a': d}}\nprint(len(d))",
            "def f(n):\n    return f(n + 1)\nf(0)",
            "def g():\n    yield from g()\nprint(next(g()))",
            "class A:\n    def __repr__(self):\n        return repr(self)\nprint(A())",
            "class B:\n    def __eq__(self, o):\n        raise ValueError('eq')\nprint([B()] == [B()])",
            "x = [1]\nx.append(x)\nprint(x)",
            "d = {}\nd['d'] = d\nprint(d)",
            f"s = 'a'\nfor _ in range({self.pick(['10', '40', '64'])}):\n    s = s + s\nprint(len(s))",
            f"t = torch.ones(1, requires_grad=True)\nfor _ in range({n}):\n    t = t * 1\nt.sum().backward()",
            "x = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\ny.backward()\ny.backward()",
            "x = torch.ones(2, requires_grad=True)\ngx, = torch.autograd.grad((x ** 2).sum(), x, create_graph=True)\ngx.sum().backward()\nprint(x.grad)",
            f"x = torch.tensor({self.scalar()}, requires_grad=True)\ny = x.{self.pick(['exp', 'log', 'sqrt', 'sigmoid', 'tanh', 'relu', 'abs', 'reciprocal'])}()\ny.backward()\nprint(x.grad)",
            "raise KeyboardInterrupt",
            "raise SystemExit(3)",
            "import sys\nsys.exit(5)",
            f"print(*range({self.pick(['0', '3', '10**5'])}), sep='')",
            f"lambda: 0\nprint((lambda *a, **k: (a, k))({self.scalar()}, x={self.scalar()}))",
            f"try:\n    raise ValueError({self.scalar()})\nexcept ValueError as err:\n    raise TypeError('t') from err",
            f"with torch.no_grad():\n    print({self.call()})",
            f"assert {self.scalar()}, {self.scalar()}",
            f"del {self.tensor()}\nprint({self.tensor()})",
            f"print(eval({self.pick([repr('1+1'), repr('torch'), repr('')])}))",
            f"x = {self.call()}\nx.sum().backward()\nprint(x.grad)",
        ]
        return self.pick(choices)

    def snippet(self):
        roll = self.r.random()
        if roll < 0.6:
            body = f"r = {self.call()}\nprint(r)"
        elif roll < 0.85:
            body = self.python_snippet()
        else:
            body = self.block_snippet()
        if self.r.random() < 0.95:
            inner = "\n".join("    " + line for line in body.split("\n"))
            return f"try:\n{inner}\nexcept Exception as exc:\n    print(type(exc).__name__)"
        return body

    def program(self):
        lines = ["import torch"] + [f"{name} = {text}" for name, text in TENSORS.items()]
        body = [self.snippet() for _ in range(self.r.randint(3, 25))]
        text = "\n".join(lines + body) + "\n"
        return self.mangle(text) if self.r.random() < 0.05 else text

    def mangle(self, text):
        """Whole-file oddities: a tab in an indent, a NUL byte, a coding line, an open bracket, deep nesting."""
        pick = self.r.randrange(6)
        if pick == 0:
            return text.replace("    print(type(exc)", "\tprint(type(exc)", 1)
        if pick == 1:
            return text + "x = 1\x00\n"
        if pick == 2:
            return "# coding: latin-1\n" + text
        if pick == 3:
            return text + "print((1,\n"
        if pick == 4:
            depth = self.pick([50, 199, 200, 201, 1000, 100000])
            return text + "print(" + "(" * depth + "1" + ")" * depth + ")\n"
        return text + "x = " + "-" * self.pick([100, 10000, 1000000]) + "1\n"


def dictionary():
    """libFuzzer dictionary entries: the generator's names and edge values."""
    words = set(["import torch\n", "try:\n", "except Exception as exc:\n", "    ", "\n", "print(", "requires_grad=True",
                 ".backward()", ".grad", "for _ in range(", "def ", "class ", "lambda ", "yield ", "with ",
                 "torch.no_grad()", "raise ", "f'{", "%", "**", "[::-1]", "[None]"])
    words.update(INT_TEXT + FLOAT_TEXT + DTYPES + SHAPES + [w for w in WEIRD if "\n" not in w])
    words.update("torch." + f + "(" for f in FACTORIES + FUNCTIONS)
    words.update("." + m + "(" for m in METHODS)
    words.update(k + "=" for k in KEYWORDS)
    words.update(" " + op + " " for op in BINOPS)
    escaped = []
    for w in sorted(words):
        # libFuzzer's syntax: printable ASCII as is, \\ and \", anything else as \xNN.
        e = "".join(c if 32 <= ord(c) < 127 and c not in '\\"' else
                    "".join(f"\\x{b:02X}" for b in c.encode()) if c not in '\\"' else "\\" + c for c in w)
        escaped.append(f'"{e}"')
    return "\n".join(escaped) + "\n"


# The limits of the libFuzzer targets (Fuzz/Targets/LessonFuzz.swift), for triage.
FUZZ_LIMITS = ["--max-steps", "5000", "--max-elements", "100000", "--max-events", "1000"]


def run_program(binary, path, timeout, options=()):
    """(signature or None, stderr tail) of one gradviz run of `path`."""
    env = dict(os.environ)
    env["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none"
    try:
        p = subprocess.run([os.path.abspath(binary), *options, str(path)], capture_output=True, timeout=timeout,
                           env=env, cwd=str(Path(path).parent), stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return f"timeout>{timeout}s", ""
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode >= 0 and "Fatal error" not in err and "AddressSanitizer" not in err:
        return None, err[-2000:]
    return signature(-p.returncode, err), err[-4000:]


def signature(sig, err):
    name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else f"status {-sig}"
    fatal = re.search(r"Fatal error: ([^\n]*)", err)
    message = fatal.group(1) if fatal else ""
    message = re.sub(r"\b\d{3,}\b", "N", message)[:120]
    frame = ""
    for line in err.splitlines():
        m = re.search(r"\] ?\s*0x[0-9a-f]+ (.+?) \+ \d+ in (gradviz|lesson-fuzz|parser-fuzz)\b", line)
        if m and "_assertionFailure" not in m.group(1) and "fatalError" not in m.group(1):
            frame = re.sub(r"\s+", " ", m.group(1))
            break
    if not message:
        # A C library abort ("free(): invalid next size") says what happened before the banner.
        first = err.split("*** Signal")[0].strip().splitlines()
        message = first[-1][:120] if first else ""
    if not frame:
        asan = re.search(r"ERROR: AddressSanitizer: ([\w-]+)", err)
        frame = asan.group(1) if asan else "?"
    return f"{name} | {message} | {frame}"


def chunks(text):
    """Top-level statements with their indented bodies."""
    out = []
    for line in text.split("\n"):
        if out and (line.startswith((" ", "\t")) or line.startswith(("except", "else", "elif", "finally"))):
            out[-1] += "\n" + line
        elif line.strip():
            out.append(line)
    return out


def minimize(binary, text, want, timeout, tmp):
    """Greedy statement removal, then line removal inside statements, keeping signature `want`."""
    def fails(candidate):
        tmp.write_text(candidate)
        return run_program(binary, tmp, timeout)[0] == want

    parts = chunks(text)
    # Fast path: the setup lines (`import`, `name = ...`) and one statement that fails alone.
    setup = [p for p in parts if "\n" not in p and (p.startswith("import ") or re.match(r"^\w+ = ", p))]
    for part in parts:
        if part not in setup and fails("\n".join(setup + [part]) + "\n"):
            parts = setup + [part]
            break
    i = 0
    while i < len(parts):
        trial = parts[:i] + parts[i + 1:]
        if fails("\n".join(trial) + "\n"):
            parts = trial
        else:
            i += 1
    # Unwrap try/except around the one statement that matters, when the failure survives it.
    for k, part in enumerate(parts):
        lines = part.split("\n")
        if lines[0] == "try:" and len(lines) >= 4:
            body = [line[4:] for line in lines[1:] if line.startswith("    ") and not line.startswith("    print(type(exc)")]
            body = [line for line in body if line]
            trial = parts[:k] + ["\n".join(body)] + parts[k + 1:]
            if fails("\n".join(trial) + "\n"):
                parts = trial
    return "\n".join(parts) + "\n"


def command_run(args):
    keep = Path(args.keep)
    keep.mkdir(parents=True, exist_ok=True)
    tmp = keep / f".work-{os.getpid()}.txt"
    mini = keep / f".mini-{os.getpid()}.txt"
    seen = {}
    for f in keep.glob("*.sig"):
        seen[f.read_text().strip()] = f
    start = time.time()
    runs = 0
    gen = Generator(args.seed)
    for n in range(args.count):
        if args.seconds and time.time() - start > args.seconds:
            break
        text = gen.program()
        tmp.write_text(text)
        sig, err = run_program(args.binary, tmp, args.timeout)
        runs += 1
        if sig is None:
            continue
        if sig in seen:
            continue
        small = minimize(args.binary, text, sig, args.timeout, mini) if not args.no_minimize else text
        name = hashlib.sha1(sig.encode()).hexdigest()[:10]
        (keep / f"{name}.txt").write_text(small)
        (keep / f"{name}.sig").write_text(sig + "\n")
        (keep / f"{name}.err").write_text(err)
        seen[sig] = keep / f"{name}.sig"
        print(f"[{n}] new: {sig}", flush=True)
    for f in (tmp, mini):
        if f.exists():
            f.unlink()
    elapsed = time.time() - start
    print(f"generated runs: {runs} in {elapsed:.0f} s; distinct failures kept: {len(seen)}")


def command_triage(args):
    groups = {}
    options = FUZZ_LIMITS if args.fuzz_limits else []
    for f in args.files:
        sig, _ = run_program(args.binary, Path(f).resolve(), args.timeout, options)
        groups.setdefault(sig or "no failure", []).append(f)
    for sig, files in sorted(groups.items(), key=lambda kv: kv[0]):
        print(f"{len(files):5d}  {sig}  e.g. {files[0]}")


def command_unknown(args):
    """Exit 1 when a triage line's signature matches none of the known patterns."""
    known = []
    if Path(args.known).exists():
        known = [re.compile(line.strip()) for line in Path(args.known).read_text().splitlines()
                 if line.strip() and not line.startswith("#")]
    unknown = []
    for line in Path(args.triage).read_text().splitlines():
        # "  COUNT  SIGNATURE  e.g. FILE"
        sig = line.strip().split("  ", 1)[-1].rsplit("  e.g. ", 1)[0]
        if sig == "no failure" or any(k.search(sig) for k in known):
            continue
        unknown.append(line.strip())
    for line in unknown:
        print(f"NEW: {line}")
    sys.exit(1 if unknown else 0)


def command_minimize(args):
    path = Path(args.file).resolve()
    text = path.read_text(errors="replace")
    sig, _ = run_program(args.binary, path, args.timeout)
    if sig is None:
        sys.exit(f"{path}: does not fail")
    tmp = path.parent / f".mini-{os.getpid()}.txt"
    try:
        print(minimize(args.binary, text, sig, args.timeout, tmp), end="")
    finally:
        if tmp.exists():
            tmp.unlink()
    print(f"# {sig}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("programs")
    p.add_argument("--count", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True)
    d = sub.add_parser("dict")
    d.add_argument("--out", required=True)
    r = sub.add_parser("run")
    r.add_argument("--binary", required=True)
    r.add_argument("--count", type=int, default=1000)
    r.add_argument("--seconds", type=float, default=0)
    r.add_argument("--seed", type=int, default=1)
    r.add_argument("--keep", required=True)
    r.add_argument("--timeout", type=float, default=20)
    r.add_argument("--no-minimize", action="store_true")
    t = sub.add_parser("triage")
    t.add_argument("--binary", required=True)
    t.add_argument("--timeout", type=float, default=20)
    t.add_argument("--fuzz-limits", action="store_true", help="run with the libFuzzer targets' limits")
    t.add_argument("files", nargs="+")
    u = sub.add_parser("unknown")
    u.add_argument("--known", required=True)
    u.add_argument("triage")
    m = sub.add_parser("minimize")
    m.add_argument("--binary", required=True)
    m.add_argument("--timeout", type=float, default=20)
    m.add_argument("file")
    args = ap.parse_args()
    if args.command == "programs":
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        gen = Generator(args.seed)
        for n in range(args.count):
            (out / f"gen-{args.seed}-{n:05d}.txt").write_text(gen.program())
    elif args.command == "dict":
        Path(args.out).write_text(dictionary())
    elif args.command == "run":
        command_run(args)
    elif args.command == "triage":
        command_triage(args)
    elif args.command == "unknown":
        command_unknown(args)
    else:
        command_minimize(args)


if __name__ == "__main__":
    main()
