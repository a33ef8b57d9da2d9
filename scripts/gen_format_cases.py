#!/usr/bin/env python3
"""Generates Tests/AutogradTests/Formatting/format_cases.json with real PyTorch and CPython.

Three sections, each with the expected text produced here:

- "repr": [bits, repr(x)] for thousands of doubles (bits = IEEE 754 bit pattern in hex),
  including float32 values widened to float64 and the exponent-form boundaries.
- "format": format(value, spec) for floats, ints and strs over the format-spec
  mini-language; invalid specs record the exception type and message.
- "sizes": [shape, repr(torch.Size(shape))].
- "tensors": repr(t) for tensors of every dtype, rank 0 to 4, sizes up to 2000
  elements, tiny/huge/mixed/integral/non-finite values, and requires_grad / grad_fn
  suffixes. "values" holds the elements as float64 numbers (non-finite ones as the
  strings "nan", "inf", "-inf"), exactly equal to the tensor's elements.

Run from the repository root: python3 scripts/gen_format_cases.py
"""

import json
import math
import os
import random
import struct

import torch

OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "Tests", "AutogradTests", "Formatting", "format_cases.json",
)

rng = random.Random(20240611)
torch.manual_seed(20240611)


def bits(x: float) -> str:
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def f32(x: float) -> float:
    return struct.unpack("<f", struct.pack("<f", x))[0]


# ---------------------------------------------------------------- repr cases

def repr_values():
    values = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 0.1, 0.2, 0.3, 1 / 3,
              2 / 3, 123.0, 1e16, 1e15, 9999999999999998.0, 1e17, 2e16 + 8, 1.5e16,
              1e-4, 1e-5, 0.00011, 9.999e-5, 1e22, 1e23, 5e-324, 2.2250738585072014e-308,
              1.7976931348623157e308, 4.35, 0.5, 2.5, 100.0, 1234567.0, 3.141592653589793]
    for e in range(-30, 31):
        values += [10.0 ** e, -(10.0 ** e), 2.0 ** e, 1.5 * 10.0 ** e]
        p = 10.0 ** e
        values += [math.nextafter(p, math.inf), math.nextafter(p, -math.inf)]
    for e in range(-1074, 1024, 7):
        values.append(2.0 ** e)
    for _ in range(1500):
        # Uniform over bit patterns: every exponent, subnormals included.
        x = from_bits(rng.getrandbits(64))
        if not math.isnan(x):
            values.append(x)
    for _ in range(1500):
        values.append(rng.uniform(-1, 1) * 10.0 ** rng.randint(-12, 20))
    for _ in range(1500):
        # float32 values as PyTorch hands them to Python.
        values.append(f32(rng.gauss(0, 1) * 10.0 ** rng.randint(-10, 12)))
    for _ in range(300):
        values.append(float(rng.randint(-10 ** 17, 10 ** 17)))
        values.append(round(rng.uniform(-1000, 1000), rng.randint(0, 6)))
    return values


# ---------------------------------------------------------------- format cases

FLOAT_VALUES = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 0.125, 0.375, -0.125, 3.14159265,
                1234567.891, -1234567.891, 1e-5, 1e-4, 0.00012345, 1e16, 1e20, 1e22, 1e100,
                1.5e-300, 5e-324, 123456789.0, 9.9999, 99.995, 0.0005, -0.0004, math.inf,
                -math.inf, math.nan, 1 / 3, 2 / 3, 100.0, 12.0, f32(0.1), f32(0.7), f32(1e-5),
                999999.5, 0.999999999, 1e-7, 42.0, 7e15, 1.7976931348623157e308]
INT_VALUES = [0, 1, -1, 7, 42, -42, 65, 255, -255, 1000, 1234567, -1234567, 2 ** 31,
              2 ** 40 + 3, -(2 ** 62), 2 ** 63 - 1, -(2 ** 63), 9007199254740993, 0x1F600,
              0x10FFFF, 0x110000, 10 ** 15]
STR_VALUES = ["", "a", "hello", "héllo wörld", "日本語", "😀x", "tab\there", "0123456789"]

FILLS = ["", "", "", "<", ">", "^", "=", "*<", "*>", "*^", "*=", "0<", "0>", "0^", "0=",
         "x^", "_>", " <", "😀^", "é="]
SIGNS = ["", "", "+", "-", " "]
ZS = ["", "", "", "", "z"]
ALTS = ["", "", "#"]
ZEROS = ["", "", "0"]
WIDTHS = ["", "", "1", "5", "8", "10", "12", "20", "30"]
GROUPS = ["", "", "", ",", "_"]
PRECISIONS = ["", "", ".0", ".1", ".2", ".3", ".4", ".6", ".10", ".17", ".30"]
TYPES = {
    "float": ["", "", "e", "E", "f", "F", "g", "G", "n", "%", "d", "s", "x"],
    "int": ["", "", "b", "c", "d", "o", "x", "X", "n", "e", "f", "g", "%", "s"],
    "str": ["", "", "s", "s", "d", "f"],
}
EXTRA_SPECS = ["abc", ".f", ",_", "_,", ",,", "__", ".", "10.", "99999999999999999999",
               "\x01", "é", "=", "<<", "0", "00", "010", "-010", "+#0,.2", "z", "#", ">10.2%",
               ".3000000000f", ".1000f", "^", ">", "zz", "++", " +", "#x", "=^10", "010,.3",
               ",.2f", "_.2e", "_d", "_b", "_x", ",x", "_n", ",n", ".3", "20", "+", "-", " "]


def spec_for(kind):
    return (rng.choice(FILLS) + rng.choice(SIGNS) + rng.choice(ZS) + rng.choice(ALTS)
            + rng.choice(ZEROS) + rng.choice(WIDTHS) + rng.choice(GROUPS)
            + rng.choice(PRECISIONS) + rng.choice(TYPES[kind]))


def format_case(kind, value, spec):
    case = {"kind": kind, "spec": spec}
    case["value"] = bits(value) if kind == "float" else value
    try:
        case["expected"] = format(value, spec)
    except Exception as error:  # noqa: BLE001 - every exception type is recorded
        case["error"] = {"type": type(error).__name__, "message": str(error)}
    return case


def format_cases():
    cases = []
    for value in [0.1, 1e20, 123.0, 1.0, 1e16, 1e-5, 0.0001]:
        for spec in ["", ".3", ".1", ".17", "10", ".4f", ".4e", ".0f", "10.4e", "12.4e"]:
            cases.append(format_case("float", value, spec))
    for kind, values in (("float", FLOAT_VALUES), ("int", INT_VALUES), ("str", STR_VALUES)):
        for spec in EXTRA_SPECS:
            cases.append(format_case(kind, rng.choice(values), spec))
        count = {"float": 1400, "int": 700, "str": 300}[kind]
        for _ in range(count):
            spec = spec_for(kind)
            value = rng.choice(values)
            if kind == "int" and "c" in spec[-1:] and 0xD800 <= value <= 0xDFFF:
                continue
            cases.append(format_case(kind, value, spec))
    return cases


# ---------------------------------------------------------------- tensor cases

SHAPES = [
    [], [], [], [],
    [0], [1], [2], [3], [5], [6], [7], [10], [20], [50], [100], [999], [1000], [1001], [2000],
    [1, 1], [2, 3], [3, 1], [1, 10], [5, 20], [10, 10], [7, 7], [40, 30], [100, 20], [2, 600],
    [1001, 1], [0, 3], [3, 0], [4, 12], [30, 40],
    [2, 2, 2], [2, 3, 4], [0, 2, 2], [10, 10, 11], [3, 1, 2], [8, 8, 20], [1, 1, 30],
    [2, 2, 2, 2], [1, 2, 3, 4], [5, 5, 5, 10], [2, 0, 1, 3], [2, 3, 2, 2],
    [1] * 10, [2] * 10, [1, 2, 1, 3, 1, 2],
]


def float_values(n, style):
    if style == "randn":
        return torch.randn(n)
    if style == "tiny":
        return torch.randn(n) * 1e-5
    if style == "huge":
        return torch.randn(n) * 1e9
    if style == "mixed":
        return torch.randn(n) * torch.pow(10.0, torch.randint(-8, 9, (n,)).double()).float()
    if style == "integers":
        return torch.randint(-100, 101, (n,)).float()
    if style == "big_integers":
        return torch.randint(-10 ** 9, 10 ** 9, (n,)).float() * 1000
    if style == "negatives":
        return -torch.rand(n) * 50
    if style == "zeros":
        return torch.zeros(n)
    if style == "tenths":
        return torch.arange(n).float() / 10
    if style == "ratio":
        # Straddles the max/min > 1000 switch to scientific notation.
        return torch.tensor([rng.choice([1.0, 999.0, 1000.0, 1001.0, 0.5, 500.0])
                             for _ in range(n)])
    if style == "edges":
        return torch.tensor([rng.choice([1e-4, 9.9e-5, 1e8, 1.01e8, 0.0001001, 99999999.0, 2.0])
                             for _ in range(n)])
    if style in ("nonfinite", "int_nonfinite"):
        base = float_values(n, "randn" if style == "nonfinite" else "integers")
        mask = torch.rand(n)
        base[mask < 0.15] = math.nan
        base[(mask >= 0.15) & (mask < 0.3)] = math.inf
        base[(mask >= 0.3) & (mask < 0.4)] = -math.inf
        return base
    if style == "all_nan":
        return torch.full((n,), math.nan)
    raise ValueError(style)


FLOAT_STYLES = ["randn", "tiny", "huge", "mixed", "integers", "big_integers", "negatives",
                "zeros", "tenths", "ratio", "edges", "nonfinite", "int_nonfinite", "all_nan"]


class LongNamedScaleFunctionForPrintingTests(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 1

    @staticmethod
    def backward(ctx, g):
        return g


def with_grad_fn(x, shape):
    ops = [lambda t: t * 1, lambda t: t + 0, lambda t: t.clone(), lambda t: t.exp(),
           lambda t: t.reshape(shape), lambda t: t.sigmoid(),
           lambda t: LongNamedScaleFunctionForPrintingTests.apply(t)]
    return rng.choice(ops)(x)


def make_tensor(shape, dtype):
    n = math.prod(shape)
    if dtype == torch.bool:
        t = torch.rand(n) < 0.5
    elif dtype == torch.int64:
        high = rng.choice([2, 10, 1000, 10 ** 6, 10 ** 12])
        t = torch.randint(-high if rng.random() < 0.6 else 0, high, (n,))
    else:
        t = float_values(n, rng.choice(FLOAT_STYLES)).to(dtype)
    return t.reshape(shape)


def plain(x):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def tensor_case(t):
    grad_fn = None if t.grad_fn is None else type(t.grad_fn).__name__
    return {
        "values": [plain(float(v)) for v in t.detach().reshape(-1).tolist()],
        "shape": list(t.shape),
        "dtype": str(t.dtype).replace("torch.", ""),
        "requires_grad": t.requires_grad and t.grad_fn is None,
        "grad_fn": grad_fn,
        "expected": repr(t),
    }


def tensor_cases():
    cases = []
    for round_ in range(8):
        for shape in SHAPES:
            big = math.prod(shape) > 1000
            if big and round_ % 4 != 0:
                continue
            dtype = rng.choice([torch.float32, torch.float32, torch.float64, torch.int64, torch.bool])
            t = make_tensor(shape, dtype)
            if dtype.is_floating_point and rng.random() < 0.45:
                t = t.detach().requires_grad_(True)
                if rng.random() < 0.6:
                    t = with_grad_fn(t, shape)
            cases.append(tensor_case(t))
    fixed = [
        torch.tensor(0.1), torch.tensor(-0.0), torch.tensor(math.inf), torch.tensor(math.nan),
        torch.tensor(2.0, requires_grad=True), torch.tensor(3, dtype=torch.int64),
        torch.tensor(True), torch.tensor(1.5, dtype=torch.float64),
        torch.tensor([]), torch.tensor([], dtype=torch.int64), torch.tensor([], dtype=torch.bool),
        torch.zeros(0, 3, dtype=torch.float64), torch.zeros(0, requires_grad=True),
        torch.tensor([1.0, 2.0], requires_grad=True), torch.tensor([True, False]),
        torch.tensor([1, 2]), torch.tensor([0.1, 0.2, 0.3]), torch.tensor([-0.0, 0.5]),
        torch.tensor([1e-5, 1.0]), torch.tensor([1e10, 1.0]), torch.tensor([math.inf, 1.0, -2.0]),
        torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=torch.float64, requires_grad=True),
        torch.arange(2000), torch.arange(1001.0), torch.ones(40, 40), torch.eye(3),
        torch.linspace(0, 1, 13), torch.arange(24.0).reshape(2, 3, 4),
    ]
    for t in fixed:
        cases.append(tensor_case(t))
    # Lengths around the line wrap, with suffixes of every length.
    for n in range(1, 16):
        for t in (torch.randn(n), torch.randn(n, dtype=torch.float64)):
            cases.append(tensor_case(t))
            x = t.detach().requires_grad_(True)
            cases.append(tensor_case(x))
            cases.append(tensor_case(LongNamedScaleFunctionForPrintingTests.apply(x)))
            cases.append(tensor_case(x * 2))
    return cases


def main():
    data = {
        "torch_version": torch.__version__,
        "repr": [[bits(x), repr(x)] for x in repr_values()],
        "format": format_cases(),
        "tensors": tensor_cases(),
        "sizes": [[list(shape), repr(torch.Size(shape))] for shape in SHAPES],
    }
    with open(OUT, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
        out.write("\n")
    print(f"{len(data['repr'])} repr, {len(data['format'])} format, "
          f"{len(data['tensors'])} tensor cases -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
