#!/usr/bin/env python3
"""Write Tests/AutogradTests/Random/random_cases.json from real PyTorch (CPU).

Each case seeds torch's default generator, then runs a list of steps (rand/uniform_,
randn/normal_, randint, randperm, bernoulli) and records exactly what torch returned.
The Swift tests replay the steps on `Generator` and require bit-identical values.

Floats are stored as JSON numbers (Python's repr round-trips float64, and float32
values are exactly representable). Seeds and integer results are stored as decimal
strings so that 64-bit values survive JSON readers that go through Double.

Usage: python3 scripts/gen_random_cases.py
"""

import json
import math
import os
import random

import torch

OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "Tests", "AutogradTests", "Random", "random_cases.json",
)

DTYPES = {"float32": torch.float32, "float64": torch.float64}
SEEDS = [0, 1, 42, 12345, 2**32 + 7, -1, 2**63, 67280421310721]
BIG_SIZES_BY_SEED = {0: [100, 1000, 1001, 4097], 42: [100, 1001]}
SMALL_SIZES = list(range(1, 41))


def u64(seed):
    """The 64-bit pattern torch.manual_seed stores for a Python int seed."""
    return seed % 2**64


class Recorder:
    """Runs torch calls and records each one as a step."""

    def __init__(self):
        self.steps = []

    def uniform(self, count, dtype, low=0.0, high=1.0, method="uniform_"):
        if method == "rand" and low == 0.0 and high == 1.0:
            t = torch.rand(count, dtype=DTYPES[dtype])
        else:
            t = torch.empty(count, dtype=DTYPES[dtype]).uniform_(low, high)
        self.steps.append({"op": "uniform", "dtype": dtype, "count": count,
                           "from": low, "to": high, "values": t.tolist()})

    def normal(self, count, dtype, mean=0.0, std=1.0, shape=None):
        if shape is not None:
            t = torch.randn(*shape, dtype=DTYPES[dtype]).reshape(-1)
        elif mean == 0.0 and std == 1.0:
            t = torch.randn(count, dtype=DTYPES[dtype])
        else:
            t = torch.empty(count, dtype=DTYPES[dtype]).normal_(mean, std)
        assert t.numel() == count
        self.steps.append({"op": "normal", "dtype": dtype, "count": count,
                           "mean": mean, "std": std, "values": t.tolist()})

    def randint(self, count, low, high):
        t = torch.randint(low, high, (count,))
        assert t.dtype == torch.int64
        self.steps.append({"op": "randint", "count": count, "low": str(low),
                           "high": str(high), "ints": [str(v) for v in t.tolist()]})

    def randperm(self, n):
        t = torch.randperm(n)
        assert t.dtype == torch.int64
        self.steps.append({"op": "randperm", "n": n, "ints": [str(v) for v in t.tolist()]})

    def manual_seed(self, seed):
        torch.manual_seed(seed)
        self.steps.append({"op": "manual_seed", "seed": str(u64(seed)),
                           "initialSeed": str(torch.initial_seed())})

    def bernoulli(self, probabilities, dtype):
        p = torch.tensor(probabilities, dtype=DTYPES[dtype])
        t = torch.bernoulli(p)
        assert t.dtype == p.dtype
        self.steps.append({"op": "bernoulli", "dtype": dtype,
                           "probabilities": p.tolist(), "values": t.tolist()})


cases = []


def case(name, seed, body):
    torch.manual_seed(seed)
    initial_seed = torch.initial_seed()
    rec = Recorder()
    body(rec)
    assert rec.steps
    cases.append({"name": name, "seed": str(u64(seed)),
                  "initialSeed": str(initial_seed), "steps": rec.steps})


# Sweeps: one fresh seed per (op, dtype, size).
for seed in SEEDS:
    sizes = SMALL_SIZES + BIG_SIZES_BY_SEED.get(seed, [])
    for dtype in DTYPES:
        for n in sizes:
            case(f"rand({n}) {dtype} seed={seed}", seed,
                 lambda r, n=n, dtype=dtype: r.uniform(n, dtype, method="rand"))
            case(f"randn({n}) {dtype} seed={seed}", seed,
                 lambda r, n=n, dtype=dtype: r.normal(n, dtype))

# The same element count through a multi-dimensional shape.
for shape in [(4, 5), (2, 8), (3, 3), (5, 7, 3)]:
    count = math.prod(shape)
    for dtype in DTYPES:
        case(f"randn{shape} {dtype}", 3, lambda r, s=shape, c=count, d=dtype: r.normal(c, d, shape=s))

# normal_(mean, std) on both paths (scalar below 16 elements, fill from 16 on).
for mean, std in [(2.5, 0.5), (-3.0, 10.0), (1e-3, 1e-4), (0.0, 0.0), (100.0, 0.01), (-0.7, 1.3)]:
    for dtype in DTYPES:
        for n in [1, 5, 15, 16, 17, 33, 100]:
            case(f"normal_({mean}, {std}) x{n} {dtype}", 7,
                 lambda r, n=n, d=dtype, m=mean, s=std: r.normal(n, d, m, s))

# uniform_(from, to).
bounds = [(-1.0, 1.0), (-1 / math.sqrt(3), 1 / math.sqrt(3)), (2.0, 5.0), (-1e-3, 1e-3),
          (0.0, 0.0), (-100.0, 100.0), (1.0, 1.0 + 1e-7), (-0.1, 0.3), (1e6, 1e6 + 1)]
for low, high in bounds:
    for dtype in DTYPES:
        for n in [1, 7, 64, 300]:
            case(f"uniform_({low}, {high}) x{n} {dtype}", 11,
                 lambda r, n=n, d=dtype, a=low, b=high: r.uniform(n, d, a, b))

# nn.Linear's default initialisation: record each uniform_ it makes.
original_uniform = torch.Tensor.uniform_
for in_features, out_features in [(1, 1), (3, 2), (2, 3), (10, 5), (20, 30), (4, 1)]:
    for seed in [0, 42]:
        torch.manual_seed(seed)
        initial_seed = torch.initial_seed()
        rec = Recorder()

        def recording_uniform(self, a=0.0, b=1.0, *, generator=None, _rec=rec):
            assert generator is None
            result = original_uniform(self, a, b)
            name = "float32" if self.dtype == torch.float32 else "float64"
            _rec.steps.append({"op": "uniform", "dtype": name, "count": self.numel(),
                               "from": a, "to": b, "values": self.reshape(-1).tolist()})
            return result

        torch.Tensor.uniform_ = recording_uniform
        try:
            layer = torch.nn.Linear(in_features, out_features)
        finally:
            torch.Tensor.uniform_ = original_uniform
        assert len(rec.steps) == 2
        assert rec.steps[0]["values"] == layer.weight.detach().reshape(-1).tolist()
        assert rec.steps[1]["values"] == layer.bias.detach().tolist()
        cases.append({"name": f"nn.Linear({in_features}, {out_features}) seed={seed}",
                      "seed": str(u64(seed)), "initialSeed": str(initial_seed),
                      "steps": rec.steps})

# randint ranges on both sides of the 2**28 switch to 64-bit draws.
ranges = [(0, 10), (-5, 5), (0, 2), (5, 6), (0, 2**28 - 1), (0, 2**28), (0, 2**28 + 1),
          (-2**40, 2**40), (0, 2**62), (-2**63, 2**63 - 1), (-2**63, -2**63 + 3), (100, 2**31)]
for low, high in ranges:
    for n in [1, 7, 100]:
        case(f"randint({low}, {high}) x{n}", 5, lambda r, n=n, a=low, b=high: r.randint(n, a, b))

for n in [0, 1, 2, 3, 5, 10, 17, 100, 1000]:
    for seed in [0, 42]:
        case(f"randperm({n}) seed={seed}", seed, lambda r, n=n: r.randperm(n))

for dtype in DTYPES:
    case(f"bernoulli(0.5) {dtype}", 0, lambda r, d=dtype: r.bernoulli([0.5] * 40, d))
    case(f"bernoulli(linspace) {dtype}", 1,
         lambda r, d=dtype: r.bernoulli(torch.linspace(0, 1, 33).tolist(), d))

# Interleavings: the generator state and the cached scalar normal carry across calls.
case("rand(3) randn(20) rand(2) randn(5)", 0, lambda r: (
    r.uniform(3, "float32", method="rand"), r.normal(20, "float32"),
    r.uniform(2, "float32", method="rand"), r.normal(5, "float32")))
case("odd randn leaves a cached normal", 0, lambda r: (
    r.normal(3, "float32"), r.normal(1, "float32"), r.normal(1, "float32")))
case("fill path keeps the cached normal", 1, lambda r: (
    r.normal(5, "float32"), r.normal(20, "float32"), r.normal(1, "float32"),
    r.normal(16, "float64"), r.normal(2, "float32")))
case("cached normal crosses dtypes and mean/std", 2, lambda r: (
    r.normal(1, "float64"), r.normal(1, "float32", 5.0, 2.0), r.normal(3, "float64", -1.0, 0.5),
    r.normal(1, "float32")))
case("manual_seed again", 0, lambda r: (
    r.normal(1, "float32"), r.manual_seed(0), r.normal(1, "float32")))
case("manual_seed with negative and wide seeds", 3, lambda r: (
    r.normal(5, "float64"), r.manual_seed(-1), r.uniform(3, "float32", method="rand"),
    r.manual_seed(-2**63), r.normal(3, "float32"), r.manual_seed(2**64 - 1), r.normal(3, "float32")))
case("rand then randint then randperm", 42, lambda r: (
    r.uniform(5, "float64", method="rand"), r.randint(4, 0, 10), r.randperm(6),
    r.normal(7, "float32"), r.randint(3, 0, 2**30), r.uniform(17, "float32", -2.0, 2.0)))

# Random programs of mixed calls.
rng = random.Random(2024)
for k in range(80):
    seed = rng.choice(SEEDS + [rng.randrange(0, 2**64)])
    plan = []
    for _ in range(rng.randint(3, 9)):
        kind = rng.choice(["rand", "uniform", "randn", "randn", "normal", "randint", "randperm"])
        dtype = rng.choice(list(DTYPES))
        n = rng.choice([1, 1, 2, 3, 5, 8, 15, 16, 17, 31, 32, 45, 64, 100])
        if kind == "rand":
            plan.append(lambda r, n=n, d=dtype: r.uniform(n, d, method="rand"))
        elif kind == "uniform":
            a = rng.uniform(-3, 3)
            b = a + rng.uniform(0, 4)
            plan.append(lambda r, n=n, d=dtype, a=a, b=b: r.uniform(n, d, a, b))
        elif kind == "randn":
            plan.append(lambda r, n=n, d=dtype: r.normal(n, d))
        elif kind == "normal":
            m = rng.uniform(-5, 5)
            s = rng.uniform(0, 3)
            plan.append(lambda r, n=n, d=dtype, m=m, s=s: r.normal(n, d, m, s))
        elif kind == "randint":
            low = rng.randint(-1000, 1000)
            high = low + rng.choice([1, 2, 10, 1000, 2**28, 2**35])
            plan.append(lambda r, n=n, a=low, b=high: r.randint(n, a, b))
        else:
            plan.append(lambda r, n=n: r.randperm(n))
    case(f"mixed program {k} seed={seed}", seed, lambda r, plan=plan: [step(r) for step in plan])

with open(OUT, "w") as f:
    json.dump({"generatedBy": "scripts/gen_random_cases.py", "torch": torch.__version__,
               "cpuCapability": torch.backends.cpu.get_cpu_capability(), "cases": cases}, f,
              separators=(",", ":"))
    f.write("\n")
print(f"{len(cases)} cases, {os.path.getsize(OUT)} bytes -> {os.path.normpath(OUT)}")
