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
/// Anything else returns nil and the caller keeps its in-order FMA product.
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

    /// The row-major n×m product of `a` (n×k) and `b` (k×m), both given in row-major
    /// order, or nil when no measured rule covers the shape. The flags say how the
    /// operands are laid out in memory (`isColumnMajor`, `isRowMajor`); they pick the
    /// kernel of a one-column or one-row product.
    static func product(_ a: [Float], _ b: [Float], n: Int, k: Int, m: Int,
                        aColumnMajor: Bool, bRowMajor: Bool) -> [Float]? {
        guard n > 0, m > 0, k > 1 else { return nil }
        if n == 1 && m == 1 { return axpy(a, b, n: n, k: k, m: m) }
        if m == 1 {
            if aColumnMajor { return axpy(a, b, n: n, k: k, m: m) }
            return dots(count: n, k: k) { i, p in a[i * k + p] * b[p] }
        }
        if n == 1 {
            if bRowMajor { return axpy(a, b, n: n, k: k, m: m) }
            return dots(count: m, k: k) { j, p in a[p] * b[p * m + j] }
        }
        if n >= 4 && m >= 12 { return blockedFMA(a, b, n: n, k: k, m: m) }
        return nil
    }

    /// Each element: Σ a·b in k order, every product rounded, no FMA.
    static func axpy(_ a: [Float], _ b: [Float], n: Int, k: Int, m: Int) -> [Float] {
        var out = [Float](repeating: 0, count: n * m)
        for i in 0..<n {
            for j in 0..<m {
                var s: Float = 0
                for p in 0..<k {
                    let product = a[i * k + p] * b[p * m + j]
                    s += product
                }
                out[i * m + j] = s
            }
        }
        return out
    }

    /// `count` dot products by the dot kernel; `product(o, p)` is output o's p-th
    /// product, already rounded to float. Nil for the 2-or-3 leftover case.
    static func dots(count: Int, k: Int, product: (Int, Int) -> Float) -> [Float]? {
        let leftover = count % 4
        guard leftover <= 1, count >= 4 || leftover == 1 else { return nil }
        var out = [Float](repeating: 0, count: count)
        for o in 0..<(count - leftover) { out[o] = fourLaneDot(k: k) { product(o, $0) } }
        if leftover == 1 { out[count - 1] = eightLaneDot(k: k) { product(count - 1, $0) } }
        return out
    }

    /// `((k − 1) % 4) + 1` products in order into lane 0, the rest in 4 lanes, then
    /// (lane 0 + lane 2) + (lane 1 + lane 3).
    static func fourLaneDot(k: Int, product: (Int) -> Float) -> Float {
        let head = (k - 1) % 4 + 1
        var lanes: (Float, Float, Float, Float) = (0, 0, 0, 0)
        for p in 0..<head { lanes.0 += product(p) }
        var p = head
        while p < k {
            lanes.0 += product(p)
            lanes.1 += product(p + 1)
            lanes.2 += product(p + 2)
            lanes.3 += product(p + 3)
            p += 4
        }
        let even = lanes.0 + lanes.2
        let odd = lanes.1 + lanes.3
        return even + odd
    }

    /// 4 products in order into lane 0, the next multiple of 8 in 8 lanes reduced by
    /// halving (stride 4, 2, 1), then the remaining products in order.
    static func eightLaneDot(k: Int, product: (Int) -> Float) -> Float {
        let head = Swift.min(4, k)
        var lanes = [Float](repeating: 0, count: 8)
        for p in 0..<head { lanes[0] += product(p) }
        let body = (k - head) / 8 * 8
        for p in head..<(head + body) { lanes[(p - head) % 8] += product(p) }
        var half = 4
        while half >= 1 {
            for l in 0..<half { lanes[l] += lanes[l + half] }
            half /= 2
        }
        var s = lanes[0]
        for p in (head + body)..<k { s += product(p) }
        return s
    }

    /// The k-block length of the general kernel.
    static func blockLength(k: Int) -> Int { k <= 192 ? k : Swift.min(192, k / 2) }

    /// Each element: FMA in k order within blocks, block sums added in order.
    static func blockedFMA(_ a: [Float], _ b: [Float], n: Int, k: Int, m: Int) -> [Float] {
        let kb = blockLength(k: k)
        var out = [Float](repeating: 0, count: n * m)
        var block = [Float](repeating: 0, count: m)
        var start = 0
        while start < k {
            let end = Swift.min(start + kb, k)
            for i in 0..<n {
                for j in 0..<m { block[j] = 0 }
                for p in start..<end {
                    let x = a[i * k + p]
                    for j in 0..<m { block[j] = block[j].addingProduct(x, b[p * m + j]) }
                }
                for j in 0..<m { out[i * m + j] = start == 0 ? block[j] : out[i * m + j] + block[j] }
            }
            start = end
        }
        return out
    }
}
