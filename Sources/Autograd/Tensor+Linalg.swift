import CKernels

extension Tensor {
    private static func shapeText(_ s: [Int]) -> String { s.map(String.init).joined(separator: "x") }

    /// Row-major product of an (n×k) and a (k×m) value array. Each output element
    /// accumulates its k products in order with fused multiply-adds in the dtype's own
    /// precision, which is how the BLAS kernels PyTorch calls round for most shapes;
    /// float32 shapes whose BLAS order was measured otherwise (one output row or column,
    /// k > 192) follow `SgemmOrder`, which also needs the operands' memory layout.
    static func matmulValues(_ a: [Double], _ b: [Double], n: Int, k: Int, m: Int, dtype: DType,
                             aColumnMajor: Bool = false, bRowMajor: Bool = true) -> [Double] {
        precondition(a.count >= n * k && b.count >= k * m, "matmul operands do not fill their shapes")
        guard n > 0, m > 0 else { return [] }
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                [Double](unsafeUninitializedCapacity: n * m) { po, count in
                    po.initialize(repeating: 0)
                    count = n * m
                    guard k > 0, let a = pa.baseAddress, let b = pb.baseAddress, let o = po.baseAddress else { return }
                    matmulValues(a, b, into: o, n: n, k: k, m: m, dtype: dtype, aColumnMajor: aColumnMajor, bRowMajor: bRowMajor)
                }
            }
        }
    }

    /// `matmulValues` on memory: n, k, m > 0; `out` holds n×m elements.
    static func matmulValues(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>,
                             n: Int, k: Int, m: Int, dtype: DType, aColumnMajor: Bool, bRowMajor: Bool) {
        switch dtype {
        case .float32:
            // float32 values are stored as doubles; the kernels run on float copies.
            withUnsafeTemporaryAllocation(of: Float.self, capacity: n * k + k * m + n * m) { scratch in
                guard let fa = scratch.baseAddress else { return }
                let fb = fa + n * k, fo = fb + k * m
                ck_narrow(a, fa, n * k)
                ck_narrow(b, fb, k * m)
                let kernel = SgemmOrder.kernel(n: n, k: k, m: m, aColumnMajor: aColumnMajor, bRowMajor: bRowMajor) ?? .blocked(k)
                SgemmOrder.run(kernel, fa, fb, fo, n: n, k: k, m: m)
                ck_widen(fo, out, n * m)
            }
        case .float64:
            ck_dgemm_fma(a, b, out, n, k, m)
        default:
            ck_dgemm_fma(a, b, out, n, k, m)
            for e in 0..<(n * m) { out[e] = dtype.round(out[e]) }
        }
    }

    /// Row-major product of integer matrices in wrapping arithmetic, each result wrapped to `dtype`.
    static func integerProduct(_ a: [Int64], _ b: [Int64], n: Int, k: Int, m: Int, dtype: DType) -> [Int64] {
        var out = [Int64](repeating: 0, count: n * m)
        for i in 0..<n {
            for p in 0..<k {
                let x = a[i * k + p]
                for j in 0..<m { out[i * m + j] = out[i * m + j] &+ x &* b[p * m + j] }
            }
        }
        return dtype == .int64 ? out : out.map(dtype.wrap)
    }

    private func checkSameDType(_ other: Tensor, op: String) throws {
        if dtype != other.dtype {
            throw AutogradError.runtime("expected m1 and m2 to have the same dtype, but got: \(dtype.typeMetaName) != \(other.dtype.typeMetaName)")
        }
    }

    /// Whether this is a matrix laid out column by column with no gaps (strides (1, rows)),
    /// the test ATen's matrix-product backward uses to keep a transposed view's layout.
    var isExactlyColumnMajor: Bool {
        dim == 2 && strides[0] == 1 && strides[1] == shape[0]
    }

    /// `torch.mm`: 2-D × 2-D (MmBackward0).
    public func mm(_ other: Tensor) throws -> Tensor {
        guard dim == 2 else { throw AutogradError.runtime("self must be a matrix") }
        guard other.dim == 2 else { throw AutogradError.runtime("mat2 must be a matrix") }
        guard shape[1] == other.shape[0] else {
            throw AutogradError.runtime("mm: mat1 and mat2 shapes cannot be multiplied (\(Tensor.shapeText(shape)) and \(Tensor.shapeText(other.shape)))")
        }
        try checkSameDType(other, op: "mm")
        let (n, k, m) = (shape[0], shape[1], other.shape[1])
        try ResourceBudget.current.charge(product: n, k, m)
        try Tensor.reserve([n, m])
        if dtype.isInteger {
            let v = Tensor.integerProduct(integers, other.integers, n: n, k: k, m: m, dtype: dtype)
            return Tensor.record(Derivatives.mm, self, other, output: Tensor(integers: v, shape: [n, m], dtype: dtype))
        }
        let aColumnMajor = SgemmOrder.isColumnMajor(shape: shape, strides: strides)
        let bRowMajor = SgemmOrder.isRowMajor(shape: other.shape, strides: other.strides)
        let kernel = SgemmOrder.kernel(n: n, k: k, m: m, aColumnMajor: aColumnMajor, bRowMajor: bRowMajor) ?? .blocked(k)
        let v = Tensor.float32MatrixProduct(self, other, kernel: kernel)
            ?? Tensor.matmulValues(values, other.values, n: n, k: k, m: m, dtype: dtype, aColumnMajor: aColumnMajor, bRowMajor: bRowMajor)
        var a = OpAttributes(); a.index = Derivatives.matrixLayoutBits(self, other)
        return Tensor.record(Derivatives.mm, self, other, output: Tensor(values: v, shape: [n, m], dtype: dtype), attrs: a)
    }

    /// `torch.dot`: 1-D · 1-D (DotBackward0).
    public func dot(_ other: Tensor) throws -> Tensor {
        guard dim == 1 && other.dim == 1 else {
            throw AutogradError.runtime("1D tensors expected, but got \(dim)D and \(other.dim)D tensors")
        }
        guard shape[0] == other.shape[0] else {
            throw AutogradError.runtime("inconsistent tensor size, expected tensor [\(shape[0])] and src [\(other.shape[0])] to have the same number of elements, but got \(shape[0]) and \(other.shape[0]) elements respectively")
        }
        if dtype != other.dtype {
            throw AutogradError.runtime("dot : expected both vectors to have same dtype, but found \(dtype.scalarTypeName) and \(other.dtype.scalarTypeName)")
        }
        try ResourceBudget.current.charge(shape[0])
        if dtype.isInteger {
            let v = Tensor.integerProduct(integers, other.integers, n: 1, k: shape[0], m: 1, dtype: dtype)
            return Tensor.record(Derivatives.dot, self, other, output: Tensor(integers: v, shape: [], dtype: dtype))
        }
        var s = 0.0
        let a = values, b = other.values
        for i in 0..<shape[0] { s += a[i] * b[i] }
        return Tensor.record(Derivatives.dot, self, other, output: Tensor(values: [dtype.round(s)], shape: [], dtype: dtype))
    }

    /// `torch.mv`: 2-D × 1-D (MvBackward0).
    public func mv(_ vec: Tensor) throws -> Tensor {
        guard dim == 2 && vec.dim == 1 else {
            throw AutogradError.runtime("vector + matrix @ vector expected, got 1, \(dim), \(vec.dim)")
        }
        guard shape[1] == vec.shape[0] else {
            throw AutogradError.runtime("size mismatch, got input (\(shape[0])), mat (\(shape[0])x\(shape[1])), vec (\(vec.shape[0]))")
        }
        try checkSameDType(vec, op: "mv")
        try ResourceBudget.current.charge(product: shape[0], shape[1])
        if dtype.isInteger {
            let v = Tensor.integerProduct(integers, vec.integers, n: shape[0], k: shape[1], m: 1, dtype: dtype)
            return Tensor.record(Derivatives.mv, inputs: [self, vec], output: Tensor(integers: v, shape: [shape[0]], dtype: dtype))
        }
        let v = Tensor.matmulValues(values, vec.values, n: shape[0], k: shape[1], m: 1, dtype: dtype,
                                    aColumnMajor: SgemmOrder.isColumnMajor(shape: shape, strides: strides))
        return Tensor.record(Derivatives.mv, inputs: [self, vec], output: Tensor(values: v, shape: [shape[0]], dtype: dtype))
    }

    /// `torch.matmul` / `@`, composed from dot, mv, mm and views as PyTorch does,
    /// so the graph shows the same grad_fn nodes.
    public func matmul(_ other: Tensor) throws -> Tensor {
        let d1 = dim, d2 = other.dim
        guard d1 > 0 && d2 > 0 else {
            throw AutogradError.runtime("both arguments to matmul need to be at least 1D, but they are \(d1)D and \(d2)D")
        }
        if d1 == 1 && d2 == 1 { return try dot(other) }
        if d1 == 2 && d2 == 1 { return try mv(other) }
        if d1 == 1 && d2 == 2 {
            guard shape[0] == other.shape[0] else {
                throw AutogradError.runtime("mm: mat1 and mat2 shapes cannot be multiplied (1x\(shape[0]) and \(Tensor.shapeText(other.shape)))")
            }
            let m = try unsqueeze(0).mm(other)
            var a = OpAttributes(); a.dims = [0]
            return Tensor.record(Derivatives.squeezeInPlace, inputs: [m], output: m.alias(shape: [m.shape[1]], strides: [m.strides[1]]), attrs: a)
        }
        if d1 == 2 && d2 == 2 { return try mm(other) }
        if d1 >= 3 && d2 <= 2 {
            // Fold the batch into rows: (b..., n, k) @ (k, m) -> view(b*n, k).mm -> view.
            let k = shape[d1 - 1]
            let rows = numel / Swift.max(k, 1)
            let folded = try reshape([rows, k])
            if d2 == 1 {
                return try folded.mv(other).unsafeView(Array(shape.dropLast()))
            }
            guard k == other.shape[0] else {
                throw AutogradError.runtime("mm: mat1 and mat2 shapes cannot be multiplied (\(rows)x\(k) and \(Tensor.shapeText(other.shape)))")
            }
            return try folded.mm(other).unsafeView(Array(shape.dropLast()) + [other.shape[1]])
        }
        if d1 <= 2 && requiresGrad {
            // As PyTorch folds it: (other.mT @ self.mT).mT, the batch folded into rows, then made contiguous.
            let folded = try other.transpose(-2, -1).matmul(d1 == 2 ? t() : self)
            return d1 == 2 ? try folded.transpose(-2, -1).contiguousCopy() : folded
        }
        return try batchedMatmul(other)
    }

    /// The general case of `matmul` as PyTorch computes it: the batch dimensions broadcast,
    /// both sides expanded and reshaped to 3-D, one `bmm`, and a view back.
    private func batchedMatmul(_ other: Tensor) throws -> Tensor {
        let d1 = dim, d2 = other.dim
        let n = d1 > 1 ? shape[d1 - 2] : 1, k1 = shape[d1 - 1]
        let k2 = d2 > 1 ? other.shape[d2 - 2] : other.shape[0], p = d2 > 1 ? other.shape[d2 - 1] : 1
        let batch = try Shape.broadcast(Array(shape.prefix(Swift.max(d1 - 2, 0))), Array(other.shape.prefix(Swift.max(d2 - 2, 0))))
        let count = Shape.count(batch)
        let left = try expand(batch + [n, k1]).reshape([count, n, k1])
        let right = try (d2 == 1 ? other.unsqueeze(-1) : other).expand(batch + [k2, p]).reshape([count, k2, p])
        var out = batch
        if d1 > 1 { out.append(n) }
        if d2 > 1 { out.append(p) }
        return try left.bmm(right).unsafeView(out)
    }

    /// `contiguous()`: self when already contiguous, else a copy (CloneBackward0).
    public func contiguousCopy() throws -> Tensor {
        isContiguous ? self : try clone()
    }

    /// Outer product of two vectors (`torch.outer`).
    public func outer(_ other: Tensor) throws -> Tensor {
        try unsqueeze(1).mul(other.unsqueeze(0))
    }
}
