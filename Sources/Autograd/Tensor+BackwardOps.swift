// Ops that appear only inside backward formulas: they scatter a gradient back
// into the shape of the input it belongs to. Each is itself differentiable so
// that `create_graph=True` works through indexing and reductions.
extension Tensor {
    /// Zeros of `shape` with this gradient written at `[index]` along `dim`.
    func selectBackward(shape target: [Int], dim d: Int, index: Int) throws -> Tensor {
        let out = try Tensor.zeros(target, dtype: dtype)
        try out.select(dim: d, index: index).detachedWrite(values)
        var a = OpAttributes(); a.dims = [d]; a.index = index
        return Tensor.record(Derivatives.selectBackward, inputs: [self], output: out.detach(), attrs: a)
    }

    /// Zeros of `shape` with this gradient written at `[start:end:step]` along `dim`.
    func sliceBackward(shape target: [Int], dim d: Int, start: Int, end: Int, step: Int) throws -> Tensor {
        let out = try Tensor.zeros(target, dtype: dtype)
        try out.slice(dim: d, start: start, end: end, step: step).detachedWrite(values)
        var a = OpAttributes(); a.dims = [d]; a.start = start; a.end = end; a.step = step
        return Tensor.record(Derivatives.sliceBackward, inputs: [self], output: out.detach(), attrs: a)
    }

    /// Zeros of `shape` with the rows of this gradient added at `indices` along dim 0.
    func indexBackward(shape target: [Int], indices: [Int]) throws -> Tensor {
        var out = [Double](repeating: 0, count: Shape.count(target))
        let inner = Shape.count(target.dropFirst())
        let v = values
        for (r, i) in indices.enumerated() {
            for k in 0..<inner { out[i * inner + k] += v[r * inner + k] }
        }
        var a = OpAttributes(); a.indices = indices
        return Tensor.record(Derivatives.indexBackward, inputs: [self],
                             output: Tensor(values: out.map(dtype.round), shape: target, dtype: dtype), attrs: a)
    }

    /// Zeros of `shape` with this tensor's values placed at `indices` along `dim`
    /// (one index per position of the reduced shape).
    func placeAlong(dim d: Int, indices: [Int], keepdim: Bool, shape target: [Int]) throws -> Tensor {
        let size = target.isEmpty ? 1 : target[d]
        let outer = target.isEmpty ? 1 : Shape.count(target[..<d])
        let inner = target.isEmpty ? 1 : Shape.count(target[(d + 1)...])
        var out = [Double](repeating: 0, count: Shape.count(target))
        let v = values
        for o in 0..<outer {
            for i in 0..<inner {
                let k = o * inner + i
                out[(o * size + indices[k]) * inner + i] = v[k]
            }
        }
        var a = OpAttributes(); a.dims = [d]; a.indices = indices; a.keepdim = keepdim
        return Tensor.record(Derivatives.placeAlong, inputs: [self],
                             output: Tensor(values: out, shape: target, dtype: dtype), attrs: a)
    }

    /// The values at `indices` along `dim` (one per position of the reduced shape).
    func gatherAlong(dim d: Int, indices: [Int], keepdim: Bool) throws -> Tensor {
        let size = shape.isEmpty ? 1 : shape[d]
        let outer = shape.isEmpty ? 1 : Shape.count(shape[..<d])
        let inner = shape.isEmpty ? 1 : Shape.count(shape[(d + 1)...])
        var out = [Double](repeating: 0, count: outer * inner)
        let v = values
        for o in 0..<outer {
            for i in 0..<inner { out[o * inner + i] = v[(o * size + indices[o * inner + i]) * inner + i] }
        }
        var s = shape
        if !s.isEmpty { if keepdim { s[d] = 1 } else { s.remove(at: d) } }
        var a = OpAttributes(); a.dims = [d]; a.indices = indices; a.keepdim = keepdim
        return Tensor.record(Derivatives.gatherAlong, inputs: [self],
                             output: Tensor(values: out, shape: s, dtype: dtype), attrs: a)
    }

    /// Writes row-major `newValues` into this tensor's elements without recording
    /// or version bumps (for building fresh results only).
    func detachedWrite(_ newValues: [Double]) throws {
        writeValues(newValues.map(dtype.round))
    }
}
