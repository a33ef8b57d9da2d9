extension Tensor {
    /// The dimensions a reduction runs over, checked as `wrapDims`: a 0-d tensor's dim 0
    /// (or -1) names its one value, so it reduces over no dimension at all.
    func reductionDims(_ dims: [Int]) throws -> [Int] {
        let w = try wrapDims(dims)
        return dim == 0 ? [] : w
    }

    /// Normalises a list of dimensions (negative allowed), rejecting repeats as PyTorch does.
    func wrapDims(_ dims: [Int]) throws -> [Int] {
        var seen = Set<Int>()
        var out: [Int] = []
        for d in dims {
            let w = try Shape.wrapDim(d, rank: dim)
            if !seen.insert(w).inserted {
                throw AutogradError.runtime("dim \(w) appears multiple times in the list of dims")
            }
            out.append(w)
        }
        return out
    }

    /// Sums `values` of `shape` over `dims`, giving the reduced values and shape.
    static func reduceSum(_ values: [Double], shape: [Int], dims: [Int], keepdim: Bool) -> ([Double], [Int]) {
        let rank = shape.count
        var reduce = [Bool](repeating: false, count: rank)
        for d in dims { reduce[d] = true }
        var outShapeKeep = shape
        for d in dims { outShapeKeep[d] = 1 }
        let outStrides = Shape.strides(outShapeKeep)
        var mapped = [Int](repeating: 0, count: rank)
        for i in 0..<rank { mapped[i] = reduce[i] ? 0 : outStrides[i] }
        var acc = [Double](repeating: 0, count: outShapeKeep.reduce(1, *))
        Shape.forEachIndex(shape, mapped, mapped) { k, o, _ in acc[o] += values[k] }
        let outShape = keepdim ? outShapeKeep : shape.enumerated().filter { !reduce[$0.offset] }.map(\.element)
        return (acc, outShape)
    }

    /// The shape left after reducing `dims` (kept as size 1 with `keepdim`).
    func reducedShape(_ dims: [Int], keepdim: Bool) -> [Int] {
        keepdim ? shape.enumerated().map { dims.contains($0.offset) ? 1 : $0.element }
                : shape.enumerated().filter { !dims.contains($0.offset) }.map(\.element)
    }

    /// Sums over `dims` in PyTorch's CPU order (see `SumKernel`), reading this tensor's layout.
    func kernelSum(_ dims: [Int], mean: Bool = false) -> [Double] {
        mean ? SumKernel.mean(storage: storage.values, offset: offset, shape: shape, strides: strides, dims: dims, dtype: dtype)
             : SumKernel.sum(storage: storage.values, offset: offset, shape: shape, strides: strides, dims: dims, dtype: dtype)
    }

    /// `sum()`: the sum of all elements (SumBackward0).
    public func sum() throws -> Tensor {
        let dt: DType = dtype.isFloatingPoint ? dtype : .int64
        return Tensor.record(Derivatives.sum, inputs: [self], output: Tensor(values: kernelSum([]), shape: [], dtype: dt))
    }

    /// `sum(dim, keepdim)` (SumBackward1).
    public func sum(dims: [Int], keepdim: Bool = false) throws -> Tensor {
        let dt: DType = dtype.isFloatingPoint ? dtype : .int64
        let w = try reductionDims(dims.isEmpty ? Array(0..<dim) : dims)
        var a = OpAttributes(); a.dims = w; a.keepdim = keepdim
        return Tensor.record(Derivatives.sumDim, inputs: [self],
                             output: Tensor(values: kernelSum(w), shape: reducedShape(w, keepdim: keepdim), dtype: dt), attrs: a)
    }

    /// `mean()` (MeanBackward0).
    public func mean() throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw AutogradError(.notImplementedError, "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(dtype.scalarTypeName)")
        }
        return Tensor.record(Derivatives.mean, inputs: [self], output: Tensor(values: kernelSum([], mean: true), shape: [], dtype: dtype))
    }

    /// `mean(dim, keepdim)` (MeanBackward1).
    public func mean(dims: [Int], keepdim: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw AutogradError(.notImplementedError, "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(dtype.scalarTypeName)")
        }
        let w = try reductionDims(dims.isEmpty ? Array(0..<dim) : dims)
        let count = Double(w.reduce(1) { $0 * self.shape[$1] })
        var a = OpAttributes(); a.dims = w; a.keepdim = keepdim; a.scalar = count
        return Tensor.record(Derivatives.meanDim, inputs: [self],
                             output: Tensor(values: kernelSum(w, mean: true), shape: reducedShape(w, keepdim: keepdim), dtype: dtype), attrs: a)
    }

    /// `max()` / `min()` over all elements (MaxBackward1 / MinBackward1).
    public func extremum(max isMax: Bool) throws -> Tensor {
        guard numel > 0 else {
            throw AutogradError.runtime("\(isMax ? "max" : "min")(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
        }
        let all = values
        var best = all[0]
        for v in all {
            if v.isNaN { best = v; break }
            if isMax ? v > best : v < best { best = v }
        }
        let out = Tensor(values: [best], shape: [], dtype: dtype)
        return Tensor.record(isMax ? Derivatives.max : Derivatives.min, inputs: [self], output: out)
    }

    /// `max(dim, keepdim)` / `min(dim, keepdim)`: values and int64 indices (MaxBackward0 / MinBackward0).
    public func extremum(max isMax: Bool, dim d: Int, keepdim: Bool) throws -> (values: Tensor, indices: Tensor) {
        let w = try Shape.wrapDim(d, rank: dim)
        let size = dim == 0 ? 1 : shape[w]
        guard size > 0 else {
            throw AutogradError(.indexError, "\(isMax ? "max" : "min")(): Expected reduction dim \(w) to have non-zero size.")
        }
        let outer = dim == 0 ? 1 : shape[..<w].reduce(1, *)
        let inner = dim == 0 ? 1 : shape[(w + 1)...].reduce(1, *)
        var vals = [Double](repeating: 0, count: outer * inner)
        var idx = [Double](repeating: 0, count: outer * inner)
        let v = values
        for o in 0..<outer {
            for i in 0..<inner {
                var best = v[o * size * inner + i], bi = 0
                if !best.isNaN {
                    for k in 1..<max(size, 1) {
                        let x = v[(o * size + k) * inner + i]
                        if x.isNaN { best = x; bi = k; break }
                        if isMax ? x > best : x < best { best = x; bi = k }
                    }
                }
                vals[o * inner + i] = best
                idx[o * inner + i] = Double(bi)
            }
        }
        var outShape = shape
        if dim > 0 { if keepdim { outShape[w] = 1 } else { outShape.remove(at: w) } }
        let indices = Tensor(values: idx, shape: outShape, dtype: .int64)
        var a = OpAttributes(); a.dims = [w]; a.keepdim = keepdim; a.indices = idx.map { Int($0) }
        let values = Tensor.record(isMax ? Derivatives.maxDim : Derivatives.minDim, inputs: [self],
                                   output: Tensor(values: vals, shape: outShape, dtype: dtype), attrs: a)
        return (values, indices)
    }

    /// `argmax` / `argmin` over all elements or along `dim`.
    public func argExtremum(max isMax: Bool, dim d: Int?, keepdim: Bool) throws -> Tensor {
        if let d { return try extremum(max: isMax, dim: d, keepdim: keepdim).indices }
        let flat = try reshape([numel])
        let r = try flat.extremum(max: isMax, dim: 0, keepdim: false).indices
        return r
    }
}
