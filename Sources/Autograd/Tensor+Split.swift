// Views that cut a tensor into pieces: split, chunk, unbind, narrow.
extension Tensor {
    /// `split(size, dim)` (SplitBackward0): pieces of `size` along `dim`, the last one shorter.
    public func split(size: Int, dim d: Int) throws -> [Tensor] {
        let w = try Shape.wrapDim(d, rank: dim)
        let length = dim == 0 ? 1 : shape[w]
        guard size >= 0 else { throw AutogradError.runtime("split expects split_size be non-negative, but got split_size=\(size)") }
        if size == 0 {
            guard length == 0 else {
                throw AutogradError.runtime("split_size can only be 0 if dimension size is 0, but got dimension size of \(length)")
            }
            return [try piece(Derivatives.split, dim: w, start: 0, end: 0)]
        }
        let count = length == 0 ? 1 : (length - 1) / size + 1
        return try (0..<count).map { try piece(Derivatives.split, dim: w, start: $0 * size, end: Swift.min(($0 + 1) * size, length)) }
    }

    /// `split([sizes], dim)` (SplitWithSizesBackward0): pieces of the given sizes, which must add up to the dimension.
    public func split(sizes: [Int], dim d: Int) throws -> [Tensor] {
        let w = try Shape.wrapDim(d, rank: dim)
        let length = dim == 0 ? 1 : shape[w]
        guard sizes.reduce(0, +) == length, !sizes.contains(where: { $0 < 0 }) else {
            throw AutogradError.runtime("split_with_sizes expects split_sizes to sum exactly to \(length) (input tensor's size at dimension \(w)), but got split_sizes=[\(sizes.map(String.init).joined(separator: ", "))]")
        }
        var start = 0
        return try sizes.map { s in
            defer { start += s }
            return try piece(Derivatives.splitWithSizes, dim: w, start: start, end: start + s)
        }
    }

    /// `chunk(chunks, dim)`: `split` into pieces of ⌈size / chunks⌉.
    public func chunk(_ chunks: Int, dim d: Int) throws -> [Tensor] {
        guard dim > 0 else { throw AutogradError.runtime("chunk expects at least a 1-dimensional tensor") }
        guard chunks > 0 else { throw AutogradError.runtime("chunk expects `chunks` to be greater than 0, got: \(chunks)") }
        let w = try Shape.wrapDim(d, rank: dim)
        let size = shape[w] == 0 ? 0 : (shape[w] - 1) / chunks + 1
        if size == 0 {
            // ATen makes `chunks` empty pieces: each is a tensor object, counted as work.
            try ResourceBudget.current.charge(product: chunks, ResourceBudget.workPerTensor)
            return try split(sizes: [Int](repeating: 0, count: chunks), dim: w)
        }
        return try split(size: size, dim: w)
    }

    /// `unbind(dim)` (UnbindBackward0): every slice along `dim`, that dimension removed.
    public func unbind(dim d: Int) throws -> [Tensor] {
        guard dim > 0 else { throw AutogradError(.indexError, "Dimension specified as 0 but tensor has no dimensions") }
        let w = try Shape.wrapDim(d, rank: dim)
        return (0..<shape[w]).map { i in
            var s = shape, st = strides
            s.remove(at: w); st.remove(at: w)
            var a = OpAttributes(); a.dims = [w]; a.index = i
            return Tensor.record(Derivatives.unbind, inputs: [self], output: alias(shape: s, strides: st, offset: offset + i * strides[w]), attrs: a)
        }
    }

    /// `narrow(dim, start, length)`: a slice (SliceBackward0).
    public func narrow(dim d: Int, start: Int, length: Int) throws -> Tensor {
        guard dim > 0 else { throw AutogradError.runtime("narrow() cannot be applied to a 0-dim tensor.") }
        let w = try Shape.wrapDim(d, rank: dim)
        let size = shape[w]
        guard start >= -size && start <= size else {
            throw AutogradError(.indexError, "start out of range (expected to be in range of [\(-size), \(size)], but got \(start))")
        }
        let s = start < 0 ? start + size : start
        guard length >= 0 else { throw AutogradError.runtime("narrow(): length must be non-negative.") }
        guard length <= size - s else {
            throw AutogradError.runtime("start (\(s)) + length (\(length)) exceeds dimension size (\(size)).")
        }
        return try slice(dim: w, start: s, end: s + length)
    }

    /// The view `[start:end]` along `w`, recorded under `rule` (a piece of a split).
    private func piece(_ rule: DerivativeRule, dim w: Int, start: Int, end: Int) throws -> Tensor {
        if dim == 0 { return Tensor.record(rule, inputs: [self], output: alias(shape: shape, strides: strides)) }
        var s = shape
        s[w] = end - start
        var a = OpAttributes(); a.dims = [w]; a.start = start; a.end = end; a.step = 1
        return Tensor.record(rule, inputs: [self], output: alias(shape: s, strides: strides, offset: offset + start * strides[w]), attrs: a)
    }
}
