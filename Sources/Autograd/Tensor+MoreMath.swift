import Foundation

// More elementwise functions and the reductions var, std and prod.
extension Tensor {
    private func unaryOp(_ rule: DerivativeRule, _ f: (Double) -> Double) -> Tensor {
        Tensor.record(rule, inputs: [self], output: mapValues(dtype: floatResultType, f))
    }

    public func tan() throws -> Tensor { unaryOp(Derivatives.tan, Foundation.tan) }
    public func atan() throws -> Tensor { unaryOp(Derivatives.atan, Foundation.atan) }
    public func sinh() throws -> Tensor { unaryOp(Derivatives.sinh, Foundation.sinh) }
    public func cosh() throws -> Tensor { unaryOp(Derivatives.cosh, Foundation.cosh) }
    public func log1p() throws -> Tensor { unaryOp(Derivatives.log1p, Foundation.log1p) }
    public func expm1() throws -> Tensor { unaryOp(Derivatives.expm1, Foundation.expm1) }
    public func log2() throws -> Tensor { unaryOp(Derivatives.log2, Foundation.log2) }
    public func log10() throws -> Tensor { unaryOp(Derivatives.log10, Foundation.log10) }
    public func rsqrt() throws -> Tensor { unaryOp(Derivatives.rsqrt) { 1 / $0.squareRoot() } }

    /// `floor`, `ceil`, `round` (half to even) and `trunc` keep integer dtypes.
    public func rounding(_ mode: FloatingPointRoundingRule) throws -> Tensor {
        let rule: DerivativeRule
        switch mode {
        case .down: rule = Derivatives.floor
        case .up: rule = Derivatives.ceil
        case .toNearestOrEven: rule = Derivatives.round
        default: rule = Derivatives.trunc
        }
        try Tensor.checkNotBool(dtype, "\(rule.op)_vml_cpu")
        return Tensor.record(rule, inputs: [self], output: mapElements(dtype: dtype, integer: { $0 }) { $0.rounded(mode) })
    }

    /// `round(decimals=d)` (RoundBackward1): scaled by 10^d, rounded half to even, scaled back.
    public func round(decimals d: Int) throws -> Tensor {
        let ten = Foundation.pow(10.0, Double(Swift.abs(d)))
        let out = mapValues(dtype: dtype) { x in
            let scaled = d >= 0 ? dtype.round(x * ten) : dtype.round(x / ten)
            let r = scaled.rounded(.toNearestOrEven)
            return d >= 0 ? r / ten : r * ten
        }
        return Tensor.record(Derivatives.roundDecimals, inputs: [self], output: out)
    }

    /// `var(dim, correction)` (VarBackward0); correction 1 is Bessel's (`unbiased=True`).
    public func variance(dims: [Int]?, correction: Double, keepdim: Bool) throws -> Tensor {
        let (out, w) = try varianceValues(dims: dims, correction: correction, keepdim: keepdim, sqrt: false)
        var a = OpAttributes(); a.dims = w; a.keepdim = keepdim; a.scalar = correction
        return Tensor.record(Derivatives.variance, inputs: [self], output: out, attrs: a)
    }

    /// `std(dim, correction)` (StdBackward0).
    public func standardDeviation(dims: [Int]?, correction: Double, keepdim: Bool) throws -> Tensor {
        let (out, w) = try varianceValues(dims: dims, correction: correction, keepdim: keepdim, sqrt: true)
        var a = OpAttributes(); a.dims = w; a.keepdim = keepdim; a.scalar = correction
        return Tensor.record(Derivatives.std, inputs: [self], output: out, attrs: a)
    }

    private func varianceValues(dims: [Int]?, correction: Double, keepdim: Bool, sqrt: Bool) throws -> (Tensor, [Int]) {
        guard dtype.isFloatingPoint else {
            throw AutogradError(.notImplementedError, "std and var only support floating point and complex dtypes")
        }
        let w = try dims.map { try reductionDims($0) } ?? []
        let reduce = w.isEmpty ? Array(0..<dim) : w
        let v = values
        let (sums, shape) = Tensor.reduceSum(v, shape: self.shape, dims: reduce, keepdim: true)
        let n = Double(Shape.count(reduce.map { self.shape[$0] }))
        let means = sums.map { $0 / n }
        let keptStrides = Shape.strides(shape)
        var mapped = [Int](repeating: 0, count: dim)
        for i in 0..<dim { mapped[i] = reduce.contains(i) ? 0 : keptStrides[i] }
        var sq = [Double](repeating: 0, count: means.count)
        Shape.forEachIndex(self.shape, mapped, mapped) { k, o, _ in
            let d = v[k] - means[o]
            sq[o] += d * d
        }
        let out = sq.map { s -> Double in
            let r = s / Swift.max(n - correction, 0)
            return dtype.round(sqrt ? r.squareRoot() : r)
        }
        var outShape = shape
        if !keepdim { outShape = w.isEmpty ? [] : self.shape.enumerated().filter { !reduce.contains($0.offset) }.map(\.element) }
        return (Tensor(values: out, shape: outShape, dtype: dtype), w)
    }

    /// `prod()` (ProdBackward0) and `prod(dim)` (ProdBackward1).
    public func prod(dim d: Int?, keepdim: Bool) throws -> Tensor {
        let dt: DType = dtype.isFloatingPoint ? dtype : .int64
        try ResourceBudget.current.charge(numel)
        guard let d else {
            if dt == .int64 {
                return Tensor.record(Derivatives.prod, inputs: [self], output: Tensor(scalarInteger: integers.reduce(1, &*), dtype: dt))
            }
            var p = 1.0
            for x in values { p *= x }
            return Tensor.record(Derivatives.prod, inputs: [self], output: Tensor(values: [dt.round(p)], shape: [], dtype: dt))
        }
        let w = try Shape.wrapDim(d, rank: dim)
        let size = dim == 0 ? 1 : shape[w]
        let outer = dim == 0 ? 1 : Shape.count(shape[..<w]), inner = dim == 0 ? 1 : Shape.count(shape[(w + 1)...])
        var s = shape
        if dim > 0 { if keepdim { s[w] = 1 } else { s.remove(at: w) } }
        var a = OpAttributes(); a.dims = [w]; a.keepdim = keepdim
        if dt == .int64 {
            let v = integers
            var out = [Int64](repeating: 1, count: outer * inner)
            for o in 0..<outer { for k in 0..<size { for i in 0..<inner { out[o * inner + i] = out[o * inner + i] &* v[(o * size + k) * inner + i] } } }
            return Tensor.record(Derivatives.prodDim, inputs: [self], output: Tensor(integers: out, shape: s, dtype: dt), attrs: a)
        }
        let v = values
        var out = [Double](repeating: 1, count: outer * inner)
        for o in 0..<outer { for k in 0..<size { for i in 0..<inner { out[o * inner + i] *= v[(o * size + k) * inner + i] } } }
        return Tensor.record(Derivatives.prodDim, inputs: [self], output: Tensor(values: out.map(dt.round), shape: s, dtype: dt), attrs: a)
    }

    /// For each element, the product of the other elements (of all, or along `dim`):
    /// the derivative of `prod`, correct also where elements are zero.
    func productOfOthers(dim d: Int?) throws -> Tensor {
        let v = values
        var out = [Double](repeating: 0, count: v.count)
        let size: Int, outer: Int, inner: Int
        if let d, dim > 0 {
            size = shape[d]; outer = Shape.count(shape[..<d]); inner = Shape.count(shape[(d + 1)...])
        } else {
            size = v.count; outer = 1; inner = 1
        }
        for o in 0..<outer {
            for i in 0..<inner {
                var prefix = 1.0
                var pre = [Double](repeating: 1, count: size)
                for k in 0..<size { pre[k] = prefix; prefix *= v[(o * size + k) * inner + i] }
                var suffix = 1.0
                for k in stride(from: size - 1, through: 0, by: -1) {
                    out[(o * size + k) * inner + i] = dtype.round(pre[k] * suffix)
                    suffix *= v[(o * size + k) * inner + i]
                }
            }
        }
        return Tensor(values: out, shape: shape, dtype: dtype)
    }
}
