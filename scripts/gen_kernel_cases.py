#!/usr/bin/env python3
"""Write Tests/AutogradTests/Kernels/kernel_cases.json from real PyTorch (CPU).

Two kinds of cases, each checked bit for bit by the Swift tests:

- `matmul`: torch.mm / torch.mv / torch.addmm in float32 for the shapes whose BLAS
  summation order `SgemmOrder` reproduces (one output row or column, k > 192, and the
  shapes of a small MLP's forward and backward). An operand marked transposed is the
  `.t()` view of a contiguous storage, as `W.t()` in F.linear or `grad.t()` in
  addmm's backward, because the operand's memory layout picks the BLAS kernel.
  Inputs come from the LCG of scripts/gen_sum_cases.py (`lcg_values`, replayed by
  `SumCase.generated` in Swift): seed for mat1, seed + 1 for mat2 or the vector,
  seed + 2 for the bias.
- `sigmoid`: float32 torch.sigmoid at lengths around the vectorised loop's chunk of
  32 and past the 32768-element grain where the range is split between threads, on
  a contiguous tensor, a step-2 slice and an int64 tensor, values stored as bits.
- `linspace`: torch.linspace in float32 and float64 (one fused multiply-add per element).
- `mseLoss`: float32 F.mse_loss with reduction none, mean and sum (the kernel rounds
  the difference before squaring it).
- `tanhBackward`: torch.ops.aten.tanh_backward(grad, output) in float32 and float64
  at several lengths (the vectorised loop takes chunks of 2 * Vec::size() elements
  and the scalar loop the rest), on random and edge values stored as bit patterns.

Outputs (and tanh_backward inputs) are hex bit patterns, 8 or 16 digits per element,
concatenated in row-major order.

Usage: python3 scripts/gen_kernel_cases.py
"""

import argparse
import json
import os
import struct
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_sum_cases import lcg_values  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "AutogradTests", "Kernels",
                   "kernel_cases.json")


def hex_bits(t):
    t = t.detach().contiguous().reshape(-1)
    if t.dtype == torch.float32:
        return "".join("%08x" % (v & 0xFFFFFFFF) for v in t.view(torch.int32).tolist())
    return "".join("%016x" % (v & 0xFFFFFFFFFFFFFFFF) for v in t.view(torch.int64).tolist())


def matrix(seed, rows, cols, transposed):
    """A rows x cols float32 matrix; when `transposed`, the .t() view of a cols x rows storage."""
    values = torch.tensor(lcg_values(seed, rows * cols, "float32"), dtype=torch.float32)
    return values.view(cols, rows).t() if transposed else values.view(rows, cols)


def matmul_case(op, n, k, m, seed, aT=False, bT=False):
    a = matrix(seed, n, k, aT)
    if op == "mv":
        x = torch.tensor(lcg_values(seed + 1, k, "float32"), dtype=torch.float32)
        out = torch.mv(a, x)
    else:
        b = matrix(seed + 1, k, m, bT)
        if op == "mm":
            out = torch.mm(a, b)
        else:
            bias = torch.tensor(lcg_values(seed + 2, m, "float32"), dtype=torch.float32)
            out = torch.addmm(bias, a, b)
    name = f"{op} {n}x{k}{'ᵀ' if aT else ''} @ {k}x{m}{'ᵀ' if bT else ''}"
    return {"name": name, "op": op, "n": n, "k": k, "m": m, "aT": aT, "bT": bT, "seed": seed,
            "expected": hex_bits(out)}


def matmul_cases():
    cases, seed = [], 1000

    def add(op, n, k, m, aT=False, bT=False):
        nonlocal seed
        cases.append(matmul_case(op, n, k, m, seed, aT, bT))
        seed += 3

    # One output column, row-major mat1: the dot kernel (groups of four rows, one leftover row).
    for n in [4, 5, 8, 9, 12, 13, 100, 256, 257]:
        for k in [2, 3, 5, 8, 17, 32, 33, 100, 256]:
            add("mm", n, k, 1)
            add("mv", n, k, 1)
    # One output column, column-major mat1: sequential.
    for n in [2, 3, 7, 32, 256]:
        for k in [2, 5, 32, 256, 1000]:
            add("mm", n, k, 1, aT=True)
            add("mv", n, k, 1, aT=True)
    # One output row, row-major mat2: sequential.
    for k in [2, 5, 32, 256, 1000]:
        for m in [1, 2, 3, 8, 32, 100]:
            add("mm", 1, k, m)
    # One output row, column-major mat2: the dot kernel over the columns.
    for m in [4, 5, 8, 9, 32, 33]:
        for k in [5, 8, 32, 33]:
            add("mm", 1, k, m, bT=True)
    # The general kernel, k blocked above 192.
    for (n, k, m, aT, bT) in [(256, 32, 32, False, True), (256, 32, 32, False, False), (32, 256, 32, True, False),
                              (32, 256, 32, False, False), (4, 256, 16, False, False), (100, 256, 20, False, True),
                              (32, 193, 32, False, False), (32, 300, 32, True, False), (32, 512, 32, False, False),
                              (16, 1000, 12, False, False), (64, 129, 64, False, False)]:
        add("mm", n, k, m, aT, bT)
    # A 1-32-32-1 MLP on 256 points: F.linear's addmm forward and addmm's backward products.
    add("addmm", 256, 1, 32, bT=True)
    add("addmm", 256, 32, 32, bT=True)
    add("addmm", 256, 32, 1, bT=True)
    add("mm", 1, 256, 32, aT=True)      # grad.t() @ h for the last layer's weight
    add("mm", 32, 256, 32, aT=True)     # grad.t() @ h for the hidden layer's weight
    add("mm", 32, 256, 1, aT=True)      # grad.t() @ x for the first layer's weight
    add("mm", 256, 32, 32)              # grad @ W for the hidden activations
    add("mm", 256, 1, 32)               # grad @ w for the last hidden activations
    return cases


def tanh_backward_cases():
    cases = []
    gen = torch.Generator().manual_seed(0)
    edges = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1e-20, -1e-20, 1e-40, -1e-40, 2.0 ** -12, 1 - 2.0 ** -24,
             0.99999994, -0.99999994, 1.5, -3.0, 1e10, float("inf"), float("-inf"), float("nan")]
    for dtype, sizes in [(torch.float32, [1, 5, 31, 32, 33, 100, 8192]), (torch.float64, [1, 5, 15, 16, 17, 100])]:
        for size in sizes:
            y = torch.tanh(torch.randn(size, generator=gen, dtype=torch.float64) * 2).to(dtype)
            g = (torch.randn(size, generator=gen, dtype=torch.float64) * 3).to(dtype)
            for i, e in enumerate(edges[:size]):
                y[(i * 7) % size] = e
            out = torch.ops.aten.tanh_backward(g, y)
            cases.append({"name": f"{str(dtype)[6:]} x{size}", "dtype": str(dtype)[6:],
                          "grad": hex_bits(g), "output": hex_bits(y), "expected": hex_bits(out)})
    return cases


def sigmoid_cases():
    cases = []
    gen = torch.Generator().manual_seed(1)
    edges = [0.0, -0.0, 1e-40, -1e-40, 87.0, -87.0, 88.8, -88.8, 103.9, -103.9, 104.1, -104.1, 100.5, -100.5,
             1e30, -1e30, float("inf"), float("-inf"), float("nan"), 16.635532, -16.635532]
    for size in [1, 5, 31, 32, 33, 63, 64, 65, 100, 8192, 40002]:
        x = (torch.randn(size, generator=gen) * 8).float()
        for i, e in enumerate(edges[:size]):
            x[(i * 11) % size] = e
        cases.append({"name": f"x{size}", "layout": "contiguous", "input": hex_bits(x), "expected": hex_bits(torch.sigmoid(x))})
    x = (torch.randn(200, generator=gen) * 8).float()
    cases.append({"name": "x[::2] of 200", "layout": "step2", "input": hex_bits(x),
                  "expected": hex_bits(torch.sigmoid(x[::2]))})
    n = torch.randint(-40, 40, (70,), generator=gen)
    cases.append({"name": "int64 x70", "layout": "int64", "input": hex_bits(n.float()), "expected": hex_bits(torch.sigmoid(n))})
    return cases


def mse_cases():
    cases = []
    gen = torch.Generator().manual_seed(2)
    for size in [1, 7, 33, 256, 8192]:
        a = torch.randn(size, generator=gen) * 3
        b = torch.sin(torch.randn(size, generator=gen))
        out = {r: hex_bits(torch.nn.functional.mse_loss(a, b, reduction=r)) for r in ["none", "mean", "sum"]}
        cases.append({"name": f"x{size}", "input": hex_bits(a), "target": hex_bits(b), **out})
    return cases


def linspace_cases():
    configs = [(-1, 1, 256), (-1, 1, 100), (0, 1, 33), (-3.7, 5.2, 1000), (0.1, 0.7, 50), (-2, 2, 31),
               (-5, 3, 8193), (-1.3, 2.9, 4096), (0.3, 0.31, 640), (-1, 1, 65), (2, -3, 77), (1.5, 1.5, 9), (0, 10, 2)]
    return [{"start": a, "end": b, "steps": n, "dtype": dt,
             "expected": hex_bits(torch.linspace(a, b, n, dtype=getattr(torch, dt)))}
            for dt in ["float32", "float64"] for (a, b, n) in configs]


def main():
    ap = argparse.ArgumentParser(description="Record PyTorch's float32 kernel results (matmul orders, sigmoid, "
                                 "mse_loss, linspace, tanh_backward) into " + str(OUT) + ".")
    ap.add_argument("--check", action="store_true",
                    help="compare this machine's results with the recorded ones and write nothing "
                         "(MKL's summation order depends on the processor)")
    args = ap.parse_args()
    data = {"torch": torch.__version__, "capability": torch.backends.cpu.get_cpu_capability(),
            "threads": torch.get_num_threads(), "matmul": matmul_cases(), "sigmoid": sigmoid_cases(), "mseLoss": mse_cases(), "linspace": linspace_cases(), "tanhBackward": tanh_backward_cases()}
    if args.check:
        with open(OUT) as f:
            recorded = json.load(f)
        for key in ["matmul", "sigmoid", "mseLoss", "linspace", "tanhBackward"]:
            differ = [c.get("name", str(i)) for i, (c, r) in enumerate(zip(data[key], recorded[key])) if c != r]
            print(f"{key}: {len(differ)} of {len(data[key])} differ from the recorded cases"
                  + (f" (first: {', '.join(differ[:5])})" if differ else ""))
        return
    with open(OUT, "w") as f:
        json.dump(data, f, indent=0, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(data['matmul'])} matmul, {len(data['sigmoid'])} sigmoid, {len(data['mseLoss'])} mse_loss, {len(data['linspace'])} linspace and "
          f"{len(data['tanhBackward'])} tanh_backward cases to {OUT}")


if __name__ == "__main__":
    main()
