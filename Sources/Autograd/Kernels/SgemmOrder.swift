import CKernels

/// The order in which the float32 BLAS behind PyTorch's CPU `mm`, `addmm` and `mv`
/// (MKL 2024.2 on an AVX-512 AMD EPYC, the reference machine) sums the k products of
/// one output element, for the shapes where that order was measured.
///
/// A float32 dot product rounds after every addition, so the order decides the last
/// bits. The orders below were found by feeding torch rows such as `[M, 1, …, −M, …]`
/// (which products a huge term swallows tells which ones were added first) and then
/// confirmed bit for bit on random data (`scripts/gen_kernel_cases.py`). Three kernels
/// appear; which one runs depends on the output's shape and on which operand's
/// reduction dimension is contiguous in memory:
///
/// - **axpy** (sequential, each product rounded before it is added, no FMA): one output
///   row with a row-major right operand (`g.t() @ h`, 1×256 @ 256×32), one output column
///   with a column-major left operand (`h.t() @ g`), and 1×k @ k×1.
/// - **dot** (the reduction runs along contiguous memory): outputs in groups of four;
///   each sums its first `((k − 1) % 4) + 1` products in order, then the rest in four
///   interleaved lanes, lanes 0+2 and 1+3, then those two; no FMA. When one output is
///   left over (count % 4 == 1) it sums 4 products in order, the next multiple of 8 in
///   eight lanes (halving tree), then the tail in order. Measured for a column output
///   with a row-major left operand (`h @ w.t()`, 256×32 @ 32×1, and `mv`) and a row
///   output with a column-major right operand (`x @ W.t()` with one row).
///   With 2 or 3 outputs left over the order is another one, not reproduced here.
/// - **blocked FMA** (the general kernel, n ≥ 4 and m ≥ 12): each element accumulates
///   with fused multiply-adds in k order, in blocks of the whole k up to 192, else
///   `min(192, k / 2)` (the last block may be short), each block from zero, the block
///   sums added in order. Measured on 256×32 @ 32×32, 32×256 @ 256×32 (any operand
///   transposed) and k from 129 to 1000.
///
/// Anything else returns nil and the caller keeps its in-order FMA product (the blocked
/// kernel with one block). The kernels themselves are C (`CKernels`): vectorised across
/// output elements, each element summed in exactly the order above.
enum SgemmOrder {
    /// Whether ATen's `prepare_matrix_for_blas` hands a matrix to BLAS untransposed
    /// (column-major: a transposed view such as `w.t()`).
    static func isColumnMajor(shape: [Int], strides: [Int]) -> Bool {
        strides[0] == 1 && (shape[1] == 1 || strides[1] >= Swift.max(1, shape[0]))
    }

    /// Whether a matrix is row-major in the sense of that same check.
    static func isRowMajor(shape: [Int], strides: [Int]) -> Bool {
        strides[1] == 1 && (shape[0] == 1 || strides[0] >= Swift.max(1, shape[1]))
    }

    /// The kernel and summation order `product` uses for a shape.
    enum Kernel: Equatable {
        /// Σ a·b in k order, every product rounded, no FMA (`ck_sgemm_axpy`).
        case axpy
        /// The dot kernel over the rows of `a` (one output column, row-major `a`).
        case columnDots
        /// The dot kernel over the columns of `b` (one output row, column-major `b`).
        case rowDots
        /// FMA in k order within blocks of the given length, block sums added in order.
        case blocked(Int)
    }

    /// The measured kernel for an n×k by k×m product, or nil when no measured rule
    /// covers the shape. The flags say how the operands are laid out in memory
    /// (`isColumnMajor`, `isRowMajor`); they pick the kernel of a one-column or
    /// one-row product.
    static func kernel(n: Int, k: Int, m: Int, aColumnMajor: Bool, bRowMajor: Bool) -> Kernel? {
        guard n > 0, m > 0, k > 1 else { return nil }
        if n == 1 && m == 1 { return .axpy }
        if m == 1 { return aColumnMajor ? .axpy : (dotsCovered(count: n) ? .columnDots : nil) }
        if n == 1 { return bRowMajor ? .axpy : (dotsCovered(count: m) ? .rowDots : nil) }
        if n >= 4 && m >= 12 { return .blocked(blockLength(k: k)) }
        return nil
    }

    /// The dot kernel's order is known for groups of four plus at most one output left over.
    static func dotsCovered(count: Int) -> Bool { count % 4 <= 1 }

    /// The row-major n×m product of `a` (n×k) and `b` (k×m), both given in row-major
    /// order, or nil when no measured rule covers the shape.
    static func product(_ a: [Float], _ b: [Float], n: Int, k: Int, m: Int,
                        aColumnMajor: Bool, bRowMajor: Bool) -> [Float]? {
        guard let kernel = kernel(n: n, k: k, m: m, aColumnMajor: aColumnMajor, bRowMajor: bRowMajor),
              a.count >= n * k, b.count >= k * m else { return nil }
        var out = [Float](repeating: 0, count: n * m)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { po in
                    guard let a = pa.baseAddress, let b = pb.baseAddress, let o = po.baseAddress else { return }
                    run(kernel, a, b, o, n: n, k: k, m: m)
                }
            }
        }
        return out
    }

    /// Writes the n×m product of `a` (n×k) and `b` (k×m), row-major, into `out` with
    /// `kernel`'s order.
    static func run(_ kernel: Kernel, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                    _ out: UnsafeMutablePointer<Float>, n: Int, k: Int, m: Int) {
        switch kernel {
        case .axpy: ck_sgemm_axpy(a, b, out, n, k, m)
        case .columnDots: ck_sdots(a, k, 1, b, 0, 1, out, n, k)
        case .rowDots: ck_sdots(a, 0, 1, b, 1, m, out, m, k)
        case .blocked(let length): ck_sgemm_blocked_fma(a, b, out, n, k, m, length)
        }
    }

    /// The k-block length of the general kernel.
    static func blockLength(k: Int) -> Int { k <= 192 ? k : Swift.min(192, k / 2) }
}
