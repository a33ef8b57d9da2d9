import Foundation

// Reductions and tests with boolean or index results, and amax, amin and logsumexp.
extension Tensor {
    /// `all()` / `any()`, over everything or along `dims`: bool results, never recorded.
    public func truthReduction(all isAll: Bool, dims: [Int]?, keepdim: Bool) throws -> Tensor {
        let w = try dims.map { try reductionDims($0) } ?? Array(0..<dim)
        let v = values.map { $0 != 0 ? 1.0 : 0.0 }
        let (counts, s) = Tensor.reduceSum(v, shape: shape, dims: w, keepdim: keepdim)
        let n = Double(Shape.count(w.map { shape[$0] }))
        let out = counts.map { isAll ? ($0 == n ? 1.0 : 0.0) : ($0 > 0 ? 1.0 : 0.0) }
        // uint8 tensors keep their dtype (a legacy of byte masks); every other gives bool.
        let dt: DType = dtype == .uint8 ? .uint8 : .bool
        return Tensor.unrecorded(isAll ? "all" : "any", inputs: [self], output: Tensor(values: out, shape: dims == nil && !keepdim ? [] : s, dtype: dt))
    }

    /// `isnan`, `isinf`, `isfinite`, `logical_not` and other elementwise tests.
    public func test(_ name: String, _ f: (Double) -> Bool) -> Tensor {
        Tensor.unrecorded(name, inputs: [self], output: mapValues(dtype: .bool) { f($0) ? 1 : 0 })
    }

    /// `logical_and`, `logical_or`, `logical_xor`.
    public func logical(_ name: String, _ other: Tensor, _ f: @escaping (Bool, Bool) -> Bool) throws -> Tensor {
        let out = try Tensor.zipValues(self, other, dtype: .bool, compute: .float64) { f($0 != 0, $1 != 0) ? 1 : 0 }
        return Tensor.unrecorded(name, inputs: [self, other], output: out)
    }

    /// `isclose(other, rtol, atol, equal_nan)`.
    public func isClose(_ other: Tensor, rtol: Double, atol: Double, equalNaN: Bool) throws -> Tensor {
        let dt = TypePromotion.resultType(self, other)
        let out = try Tensor.zipValues(self, other, dtype: .bool, compute: dt) { a, b in
            if a == b { return 1 }
            if a.isNaN || b.isNaN { return equalNaN && a.isNaN && b.isNaN ? 1 : 0 }
            if !a.isFinite || !b.isFinite { return 0 }
            return Swift.abs(a - b) <= dt.round(atol + rtol * Swift.abs(b)) ? 1 : 0
        }
        return Tensor.unrecorded("isclose", inputs: [self, other], output: out)
    }

    /// `amax(dims, keepdim)` / `amin` (AmaxBackward0 / AminBackward0): the gradient is
    /// shared equally among elements tied for the extreme.
    public func amaxOrAmin(max isMax: Bool, dims: [Int], keepdim: Bool) throws -> Tensor {
        let w = try reductionDims(dims.isEmpty ? Array(0..<dim) : dims)
        let reduce = Set(w)
        let keptShape = shape.enumerated().map { reduce.contains($0.offset) ? 1 : $0.element }
        for d in w where shape[d] == 0 {
            throw AutogradError(.indexError, "\(isMax ? "amax" : "amin")(): Expected reduction dim \(d) to have non-zero size.")
        }
        let keptStrides = Shape.strides(keptShape)
        let mapped = (0..<dim).map { reduce.contains($0) ? 0 : keptStrides[$0] }
        // The position of the extreme element for each output (-1 until one is seen).
        var best = [Int](repeating: -1, count: Shape.count(keptShape))
        if dtype.isInteger {
            let v = integers
            Shape.forEachIndex(shape, mapped, mapped) { k, o, _ in
                if best[o] < 0 || (isMax ? v[k] > v[best[o]] : v[k] < v[best[o]]) { best[o] = k }
            }
        } else {
            let v = values
            Shape.forEachIndex(shape, mapped, mapped) { k, o, _ in
                if best[o] < 0 { best[o] = k; return }
                let x = v[k], y = v[best[o]]
                if y.isNaN { return }
                if x.isNaN || (isMax ? x > y : x < y) { best[o] = k }
            }
        }
        var a = OpAttributes(); a.dims = w; a.keepdim = keepdim
        return Tensor.record(isMax ? Derivatives.amax : Derivatives.amin, inputs: [self],
                             output: picking(best, shape: reducedShape(w, keepdim: keepdim)), attrs: a)
    }

    /// `logsumexp(dims, keepdim)` (LogsumexpBackward0), computed with the maximum taken out.
    public func logsumexp(dims: [Int], keepdim: Bool) throws -> Tensor {
        let w = try reductionDims(dims.isEmpty ? Array(0..<dim) : dims)
        let dt = floatResultType
        let reduce = Set(w)
        let keptShape = shape.enumerated().map { reduce.contains($0.offset) ? 1 : $0.element }
        let keptStrides = Shape.strides(keptShape)
        let mapped = (0..<dim).map { reduce.contains($0) ? 0 : keptStrides[$0] }
        let v = values
        var m = [Double](repeating: -.infinity, count: Shape.count(keptShape))
        Shape.forEachIndex(shape, mapped, mapped) { k, o, _ in m[o] = Swift.max(m[o], v[k]) }
        var s = [Double](repeating: 0, count: m.count)
        Shape.forEachIndex(shape, mapped, mapped) { k, o, _ in
            s[o] += Foundation.exp(v[k] - (m[o].isInfinite ? 0 : m[o]))
        }
        let out = (0..<m.count).map { dt.round(Foundation.log(s[$0]) + (m[$0].isInfinite ? 0 : m[$0])) }
        var a = OpAttributes(); a.dims = w; a.keepdim = keepdim
        return Tensor.record(Derivatives.logsumexp, inputs: [self],
                             output: Tensor(values: out, shape: reducedShape(w, keepdim: keepdim), dtype: dt), attrs: a)
    }

    /// A reduced gradient or result with the reduced dimensions back as size 1.
    func unsqueezed(_ dims: [Int], keepdim: Bool) throws -> Tensor {
        if keepdim { return self }
        var t = self
        for d in dims.sorted() { t = try t.unsqueeze(d) }
        return t
    }
}
