extension Tensor {
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

    /// `wrapDims` for a reduction: a 0-dim tensor accepts dim 0 and -1 and reduces nothing.
    func reductionDims(_ dims: [Int]) throws -> [Int] {
        let w = try wrapDims(dims)
        return dim == 0 ? [] : w
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
        var acc = [Double](repeating: 0, count: Shape.count(outShapeKeep))
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
        if storage.holdsIntegers { return kernelIntegerSum(dims).map { Double($0) } }
        return mean ? SumKernel.mean(storage: storage.doubles, offset: offset, shape: shape, strides: strides, dims: dims, dtype: dtype)
                    : SumKernel.sum(storage: storage.doubles, offset: offset, shape: shape, strides: strides, dims: dims, dtype: dtype)
    }

    /// Sums of an integer or bool tensor over `dims`, exact in wrapping int64 arithmetic.
    func kernelIntegerSum(_ dims: [Int]) -> [Int64] {
        let s = storage
        if s.holdsIntegers {
            return SumKernel.integerSum(storage: s.ints, offset: offset, shape: shape, strides: strides, dims: dims)
        }
        return SumKernel.sum(storage: s.doubles, offset: offset, shape: shape, strides: strides, dims: dims, dtype: .bool)
            .map { DType.int64.integer($0) }
    }

    /// The sum of all elements, or over `dims`, as a tensor of `shape` in the sum's dtype
    /// (integers and bools sum in int64).
    private func summed(_ dims: [Int], shape outShape: [Int]) throws -> Tensor {
        try ResourceBudget.current.charge(numel)
        if dtype.isFloatingPoint { return Tensor(values: kernelSum(dims), shape: outShape, dtype: dtype) }
        return Tensor(integers: kernelIntegerSum(dims), shape: outShape, dtype: .int64)
    }

    /// `sum()`: the sum of all elements (SumBackward0).
    public func sum() throws -> Tensor {
        Tensor.record(Derivatives.sum, inputs: [self], output: try summed([], shape: []))
    }

    /// `sum(dim, keepdim)` (SumBackward1).
    public func sum(dims: [Int], keepdim: Bool = false) throws -> Tensor {
        let w = try reductionDims(dims.isEmpty ? Array(0..<dim) : dims)
        let outShape = reducedShape(w, keepdim: keepdim)
        try Tensor.validateShape(outShape)
        var a = OpAttributes(); a.dims = w; a.keepdim = keepdim
        return Tensor.record(Derivatives.sumDim, inputs: [self], output: try summed(w, shape: outShape), attrs: a)
    }

    /// `mean()` (MeanBackward0).
    public func mean() throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw AutogradError(.notImplementedError, "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(dtype.scalarTypeName)")
        }
        try ResourceBudget.current.charge(numel)
        return Tensor.record(Derivatives.mean, inputs: [self], output: Tensor(values: kernelSum([], mean: true), shape: [], dtype: dtype))
    }

    /// `mean(dim, keepdim)` (MeanBackward1).
    public func mean(dims: [Int], keepdim: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw AutogradError(.notImplementedError, "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(dtype.scalarTypeName)")
        }
        let w = try reductionDims(dims.isEmpty ? Array(0..<dim) : dims)
        let count = Double(Shape.count(w.map { self.shape[$0] }))
        try Tensor.validateShape(reducedShape(w, keepdim: keepdim))
        try ResourceBudget.current.charge(numel)
        var a = OpAttributes(); a.dims = w; a.keepdim = keepdim; a.scalar = count
        return Tensor.record(Derivatives.meanDim, inputs: [self],
                             output: Tensor(values: kernelSum(w, mean: true), shape: reducedShape(w, keepdim: keepdim), dtype: dtype), attrs: a)
    }

    /// Whether element `i` beats element `j` for max (or min): compared exactly for integer
    /// dtypes; for floating ones NaN beats everything, as PyTorch propagates it.
    private func extremeComparator(max isMax: Bool) -> (Int, Int) -> Bool {
        if dtype.isInteger {
            let v = integers
            return isMax ? { v[$0] > v[$1] } : { v[$0] < v[$1] }
        }
        let v = values
        return { i, j in
            let x = v[i], y = v[j]
            if y.isNaN { return false }
            if x.isNaN { return true }
            return isMax ? x > y : x < y
        }
    }

    /// `max()` / `min()` over all elements (MaxBackward1 / MinBackward1).
    public func extremum(max isMax: Bool) throws -> Tensor {
        guard numel > 0 else {
            throw AutogradError.runtime("\(isMax ? "max" : "min")(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
        }
        let beats = extremeComparator(max: isMax)
        var best = 0
        for k in 1..<numel where beats(k, best) { best = k }
        let out = picking([best], shape: [])
        return Tensor.record(isMax ? Derivatives.max : Derivatives.min, inputs: [self], output: out)
    }

    /// `max(dim, keepdim)` / `min(dim, keepdim)`: values and int64 indices (MaxBackward0 / MinBackward0).
    public func extremum(max isMax: Bool, dim d: Int, keepdim: Bool) throws -> (values: Tensor, indices: Tensor) {
        let w = try Shape.wrapDim(d, rank: dim)
        let size = dim == 0 ? 1 : shape[w]
        guard size > 0 else {
            throw AutogradError(.indexError, "\(isMax ? "max" : "min")(): Expected reduction dim \(w) to have non-zero size.")
        }
        let outer = dim == 0 ? 1 : Shape.count(shape[..<w])
        let inner = dim == 0 ? 1 : Shape.count(shape[(w + 1)...])
        let beats = extremeComparator(max: isMax)
        var positions = [Int](repeating: 0, count: outer * inner)
        var idx = [Int64](repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                var best = o * size * inner + i, bi = 0
                for k in 1..<Swift.max(size, 1) {
                    let p = (o * size + k) * inner + i
                    if beats(p, best) { best = p; bi = k }
                }
                positions[o * inner + i] = best
                idx[o * inner + i] = Int64(bi)
            }
        }
        var outShape = shape
        if dim > 0 { if keepdim { outShape[w] = 1 } else { outShape.remove(at: w) } }
        let indices = Tensor(integers: idx, shape: outShape, dtype: .int64)
        var a = OpAttributes(); a.dims = [w]; a.keepdim = keepdim; a.indices = idx.map { Int($0) }
        let values = Tensor.record(isMax ? Derivatives.maxDim : Derivatives.minDim, inputs: [self],
                                   output: picking(positions, shape: outShape), attrs: a)
        return (values, indices)
    }

    /// `argmax` / `argmin` over all elements or along `dim`.
    public func argExtremum(max isMax: Bool, dim d: Int?, keepdim: Bool) throws -> Tensor {
        if dtype == .bool {
            throw AutogradError(.notImplementedError, "\(isMax ? "argmax" : "argmin")(): does not support bool input")
        }
        if let d { return try extremum(max: isMax, dim: d, keepdim: keepdim).indices }
        let flat = try reshape([numel])
        let r = try flat.extremum(max: isMax, dim: 0, keepdim: false).indices
        return r
    }
}
