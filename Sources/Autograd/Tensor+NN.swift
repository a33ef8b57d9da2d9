import Foundation

extension Tensor {
    /// `softmax(dim)` (SoftmaxBackward0), computed stably (max subtracted).
    public func softmax(dim d: Int) throws -> Tensor {
        let (out, w) = try softmaxValues(dim: d, log: false)
        var a = OpAttributes(); a.dims = [w]
        return Tensor.record(Derivatives.softmax, inputs: [self], output: out, attrs: a)
    }

    /// `log_softmax(dim)` (LogSoftmaxBackward0).
    public func logSoftmax(dim d: Int) throws -> Tensor {
        let (out, w) = try softmaxValues(dim: d, log: true)
        var a = OpAttributes(); a.dims = [w]
        return Tensor.record(Derivatives.logSoftmax, inputs: [self], output: out, attrs: a)
    }

    private func softmaxValues(dim d: Int, log: Bool) throws -> (Tensor, Int) {
        let w = try Shape.wrapDim(d, rank: dim)
        let dt = floatResultType
        let size = dim == 0 ? 1 : shape[w]
        let outer = dim == 0 ? 1 : shape[..<w].reduce(1, *)
        let inner = dim == 0 ? 1 : shape[(w + 1)...].reduce(1, *)
        let v = values
        var out = [Double](repeating: 0, count: v.count)
        for o in 0..<outer {
            for i in 0..<inner {
                var m = -Double.infinity
                for k in 0..<size { m = Swift.max(m, v[(o * size + k) * inner + i]) }
                var s = 0.0
                for k in 0..<size { s += Foundation.exp(v[(o * size + k) * inner + i] - m) }
                for k in 0..<size {
                    let x = v[(o * size + k) * inner + i] - m
                    out[(o * size + k) * inner + i] = dt.round(log ? x - Foundation.log(s) : Foundation.exp(x) / s)
                }
            }
        }
        return (Tensor(values: out, shape: shape, dtype: dt), w)
    }

    /// The 2-norm over all elements or along `dims` (LinalgVectorNormBackward0).
    public func norm2(dims: [Int]?, keepdim: Bool) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw AutogradError.runtime("linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)")
        }
        let w = try wrapDims(dims ?? Array(0..<dim))
        var (s, outShape) = Tensor.reduceSum(values.map { $0 * $0 }, shape: shape, dims: w, keepdim: keepdim)
        s = s.map { dtype.round($0.squareRoot()) }
        if dims == nil && !keepdim { outShape = [] }
        var a = OpAttributes(); a.dims = dims == nil ? [] : w; a.keepdim = keepdim
        return Tensor.record(Derivatives.norm, inputs: [self], output: Tensor(values: s, shape: outShape, dtype: dtype), attrs: a)
    }
}
