#!/usr/bin/env python3
"""Write Tests/AutogradTests/Reduction/sum_cases.json from real PyTorch (CPU).

Each case names a dtype, a shape and the dims to reduce, and records what
`torch.sum(x, dim=dims)` and `torch.mean(x, dim=dims)` returned, flattened in
row-major order of the keepdim shape. The Swift tests run `SumKernel` on the same
input and require bit-identical results.

Some cases sum a strided view (transpose, permute, step slice, expand) of the
generated storage: `storageCount`, `strides` and `offset` describe it, and `shape`
is then the view's shape. PyTorch's order follows the strides.

Inputs are not stored: they come from a 64-bit LCG that the Swift test replays
(`SumCase.values`). Every float value is an integer mantissa times a power of two,
exactly representable in its dtype, with magnitudes spread over 2^15 so that the
order of additions shows in the rounding. A few cases store literal values instead.

`threads` is the intra-op thread count torch used (`torch.get_num_threads()`);
full reductions of 32768 elements or more split between threads, so it matters.

Usage: python3 scripts/gen_sum_cases.py
"""

import itertools
import json
import math
import os

import torch

OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "Tests", "AutogradTests", "Reduction", "sum_cases.json",
)

DTYPES = {"float32": torch.float32, "float64": torch.float64,
          "int64": torch.int64, "bool": torch.bool}
MASK64 = 2**64 - 1


def lcg_values(seed, count, dtype):
    """Mirror of `SumCase.generated(seed:count:dtype:)` in the Swift tests."""
    state = seed & MASK64

    def draw():
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK64
        return state

    values = []
    for _ in range(count):
        r = draw()
        if dtype == "float32":
            e = draw() >> 60
            values.append(math.ldexp(float((r >> 40) - 2**23), e - 28))
        elif dtype == "float64":
            e = draw() >> 60
            values.append(math.ldexp(float((r >> 11) - 2**52), e - 57))
        elif dtype == "int64":
            values.append(float((r >> 54) - 512))
        else:
            values.append(float(r >> 63))
    return values


def all_dim_sets(rank):
    sets = []
    for r in range(1, rank + 1):
        sets.extend(list(c) for c in itertools.combinations(range(rank), r))
    return sets


def case_specs():
    specs = []
    sizes = list(range(1, 71)) + [100, 255, 256, 1000, 4097, 32767, 32768, 32769, 65537]
    for dtype in ("float32", "float64"):
        for n in sizes:
            specs.append((dtype, [n], [0]))
        for shape in [(3, 5), (7, 33), (40, 17), (17, 40), (64, 70), (5, 200), (200, 5),
                      (300, 200), (200, 300), (1, 40), (40, 1),
                      (3, 4, 5), (9, 8, 17), (20, 33, 7), (2, 100, 20), (40, 30, 40),
                      (5, 1, 9), (3, 5, 7, 9)]:
            for dims in all_dim_sets(len(shape)):
                specs.append((dtype, list(shape), dims))
        specs.append((dtype, [4, 6, 10], [2, 0]))
        specs.append((dtype, [], []))
        specs.append((dtype, [2, 3], []))
        specs.append((dtype, [0], [0]))
        specs.append((dtype, [0, 3], [0]))
        specs.append((dtype, [3, 0], [1]))
    for dtype in ("int64", "bool"):
        for shape, dims in [([1], [0]), ([100], [0]), ([7, 33], [0]), ([7, 33], [1]),
                            ([3, 4, 5], [0, 2]), ([3, 4, 5], [0, 1, 2])]:
            specs.append((dtype, shape, dims))
    return specs


def flat(t):
    return [float(v) for v in t.reshape(-1).tolist()]


VIEWS = {
    "t": lambda b: b.t(),
    "permute(2,0,1)": lambda b: b.permute(2, 0, 1),
    "permute(1,2,0)": lambda b: b.permute(1, 2, 0),
    "[:, ::2]": lambda b: b[:, ::2],
    "[::3, 1:]": lambda b: b[::3, 1:],
    "expand(40,17)": lambda b: b.expand(40, 17),
}


def view_specs():
    """(dtype, base shape, view, dims): strided views, whose strides set the order."""
    specs = []
    for dtype in ("float32", "float64"):
        for base, view in [((40, 17), "t"), ((64, 70), "t"), ((5, 200), "t"), ((200, 5), "t"),
                           ((9, 8, 17), "permute(2,0,1)"), ((20, 33, 7), "permute(1,2,0)"),
                           ((40, 34), "[:, ::2]"), ((30, 40), "[::3, 1:]"),
                           ((1, 17), "expand(40,17)"), ((40, 1), "expand(40,17)"),
                           ((300, 200), "t")]:
            for dims in all_dim_sets(len(base)):
                specs.append((dtype, list(base), view, dims))
        for dims in ([0], [0, 1]):
            specs.append((dtype, [8192, 10], "[:, ::2]", dims))
        for dims in ([1], [0, 2], [0, 1, 2]):
            specs.append((dtype, [40, 30, 40], "permute(2,0,1)", dims))
    return specs


def record(name, dtype, shape, dims, values, seed=None, view=None):
    """Records sum and mean of `values` shaped `shape`, or of `VIEWS[view]` of that."""
    x = torch.tensor(values, dtype=DTYPES[dtype]).reshape(shape)
    assert flat(x) == values, "inputs must be exact in their dtype"
    case = {"name": name, "dtype": dtype, "shape": shape, "dims": dims,
            "threads": torch.get_num_threads()}
    if view is not None:
        x = VIEWS[view](x)
        case.update(storageCount=len(values), shape=list(x.shape), strides=list(x.stride()),
                    offset=x.storage_offset())
    if seed is None:
        case["values"] = values
    else:
        case["seed"] = seed
    case["sum"] = flat(torch.sum(x, dim=dims))
    if dtype in ("float32", "float64") and x.numel() > 0:
        case["mean"] = flat(torch.mean(x, dim=dims))
    return case


def main():
    cases = []
    for seed, (dtype, shape, dims) in enumerate(case_specs(), start=1):
        count = math.prod(shape)
        name = f"{dtype} {shape} dims={dims}"
        cases.append(record(name, dtype, shape, dims, lcg_values(seed, count, dtype), seed))

    for dtype, base, view, dims in view_specs():
        seed = 20_000 + len(cases)
        name = f"{dtype} {base}.{view} dims={dims}"
        values = lcg_values(seed, math.prod(base), dtype)
        cases.append(record(name, dtype, base, dims, values, seed, view))

    example = [0.809999942779541, 0.4899999797344208, 5.289999961853027]
    cases.append(record("float32 literal [3]", "float32", [3], [0], example))

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    for dtype, shape, dims in [("float32", [65537], [0]), ("float64", [65537], [0]),
                               ("float32", [300, 200], [0, 1])]:
        seed = 10_000 + len(cases)
        name = f"{dtype} {shape} dims={dims} one thread"
        cases.append(record(name, dtype, shape, dims, lcg_values(seed, math.prod(shape), dtype), seed))
    for dtype, base, view, dims in [("float32", [8192, 10], "[:, ::2]", [0]),
                                    ("float32", [300, 200], "t", [0, 1])]:
        seed = 10_000 + len(cases)
        name = f"{dtype} {base}.{view} dims={dims} one thread"
        values = lcg_values(seed, math.prod(base), dtype)
        cases.append(record(name, dtype, base, dims, values, seed, view))
    torch.set_num_threads(threads)

    with open(OUT, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
