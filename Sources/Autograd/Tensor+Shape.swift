extension Tensor {
    /// A view: same storage and version counter, another layout.
    func alias(shape newShape: [Int], strides newStrides: [Int]? = nil, offset newOffset: Int? = nil) -> Tensor {
        let t = Tensor(storage: storage, shape: newShape, dtype: dtype, version: version,
                       strides: newStrides ?? Shape.strides(newShape), offset: newOffset ?? offset)
        t.base = base ?? self
        let state = ThreadState.current
        if !state.gradEnabled && !state.muteForward && requiresGrad { t.isNoGradView = true }
        return t
    }

    /// `x[...]` / `x[:]`: a view of the whole tensor (AliasBackward0).
    public func aliasView() throws -> Tensor {
        Tensor.record(Derivatives.alias, inputs: [self], output: alias(shape: shape, strides: strides))
    }

    /// Resolves one `-1` in a requested shape, with PyTorch's error texts.
    func inferShape(_ requested: [Int]) throws -> [Int] {
        var out = requested
        var unknown: Int?
        var known = 1
        for (i, d) in requested.enumerated() {
            if d == -1 {
                if unknown != nil { throw AutogradError.runtime("only one dimension can be inferred") }
                unknown = i
            } else if d < 0 {
                throw AutogradError.runtime("invalid shape dimension \(d)")
            } else {
                let (m, o) = known.multipliedReportingOverflow(by: d)
                // A product past Int.max can match no real element count (unless a later size is 0).
                known = o ? -1 : m
                if o { break }
            }
        }
        let text = "[" + requested.map(String.init).joined(separator: ", ") + "]"
        // With a 0 among the sizes PyTorch accepts the shape, then counts its elements.
        if known < 0 && requested.contains(0) { throw AutogradError.runtime("numel: integer multiplication overflow") }
        if known < 0 { throw AutogradError.runtime("shape '\(text)' is invalid for input of size \(numel)") }
        if let u = unknown {
            guard known != 0, numel % known == 0 else {
                throw AutogradError.runtime("shape '\(text)' is invalid for input of size \(numel)")
            }
            out[u] = numel / known
        } else if known != numel {
            throw AutogradError.runtime("shape '\(text)' is invalid for input of size \(numel)")
        }
        return out
    }

    /// `view(shape)` (ViewBackward0): shares storage.
    public func view(_ requested: [Int]) throws -> Tensor {
        let s = try inferShape(requested)
        guard let st = Shape.viewStrides(oldShape: shape, oldStrides: strides, newShape: s) else {
            throw AutogradError.runtime("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
        }
        var a = OpAttributes(); a.shape = s
        return Tensor.record(Derivatives.view, inputs: [self], output: alias(shape: s, strides: st), attrs: a)
    }

    /// `reshape(shape)`: a view when possible, else a copy (as PyTorch).
    public func reshape(_ requested: [Int]) throws -> Tensor {
        let s = try inferShape(requested)
        if Shape.viewStrides(oldShape: shape, oldStrides: strides, newShape: s) != nil { return try view(s) }
        let copy = try clone()
        var a = OpAttributes(); a.shape = s
        return Tensor.record(Derivatives.unsafeView, inputs: [copy], output: copy.alias(shape: s), attrs: a)
    }

    /// `_unsafe_view`: a reshape of a fresh result (UnsafeViewBackward0).
    public func unsafeView(_ s: [Int]) throws -> Tensor {
        var a = OpAttributes(); a.shape = s
        return Tensor.record(Derivatives.unsafeView, inputs: [self], output: alias(shape: s), attrs: a)
    }

    /// `flatten()`.
    public func flatten(startDim: Int = 0, endDim: Int = -1) throws -> Tensor {
        if dim == 0 { return try reshape([1]) }
        let s = try Shape.wrapDim(startDim, rank: dim), e = try Shape.wrapDim(endDim, rank: dim)
        if s > e { throw AutogradError.runtime("flatten() has invalid args: start_dim cannot come after end_dim") }
        if s == e { return self }
        let merged = Shape.count(shape[s...e])
        return try reshape(Array(shape[..<s]) + [merged] + Array(shape[(e + 1)...]))
    }

    /// `unsqueeze(dim)` (UnsqueezeBackward0).
    public func unsqueeze(_ d: Int) throws -> Tensor {
        let w = try Shape.wrapDim(d, rank: dim + 1)
        var s = shape, st = strides
        s.insert(1, at: w)
        st.insert(w < dim ? shape[w] * strides[w] : 1, at: w)
        var a = OpAttributes(); a.dims = [w]
        return Tensor.record(Derivatives.unsqueeze, inputs: [self], output: alias(shape: s, strides: st), attrs: a)
    }

    /// `squeeze()` (SqueezeBackward0): drops every size-1 dimension.
    public func squeeze() throws -> Tensor {
        let keep = shape.indices.filter { shape[$0] != 1 }
        return Tensor.record(Derivatives.squeeze, inputs: [self],
                             output: alias(shape: keep.map { shape[$0] }, strides: keep.map { strides[$0] }))
    }

    /// `squeeze(dim)` (SqueezeBackward1): drops `dim` if it has size 1.
    public func squeeze(dim d: Int) throws -> Tensor {
        let w = try Shape.wrapDim(d, rank: dim)
        var s = shape, st = strides
        if dim > 0 && s[w] == 1 { s.remove(at: w); st.remove(at: w) }
        var a = OpAttributes(); a.dims = [w]
        return Tensor.record(Derivatives.squeezeDim, inputs: [self], output: alias(shape: s, strides: st), attrs: a)
    }

    /// `t()` (TBackward0): transpose of a tensor of at most 2 dimensions.
    public func t() throws -> Tensor {
        guard dim <= 2 else {
            throw AutogradError.runtime("t() expects a tensor with <= 2 dimensions, but self is \(dim)D")
        }
        let out = dim < 2 ? alias(shape: shape, strides: strides)
            : alias(shape: [shape[1], shape[0]], strides: [strides[1], strides[0]])
        return Tensor.record(Derivatives.t, inputs: [self], output: out)
    }

    /// `permute(dims)` (PermuteBackward0); `.T` uses it.
    public func permute(_ dims: [Int]) throws -> Tensor {
        guard dims.count == dim else {
            throw AutogradError.runtime("permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(dim) is not equal to len(dims) = \(dims.count)")
        }
        let w = try wrapDims(dims)
        var a = OpAttributes(); a.dims = w
        return Tensor.record(Derivatives.permute, inputs: [self],
                             output: alias(shape: w.map { shape[$0] }, strides: w.map { strides[$0] }), attrs: a)
    }

    /// `transpose(d0, d1)` (TransposeBackward0).
    public func transpose(_ d0: Int, _ d1: Int) throws -> Tensor {
        let a0 = try Shape.wrapDim(d0, rank: dim), a1 = try Shape.wrapDim(d1, rank: dim)
        var s = shape, st = strides
        if dim > 0 { s.swapAt(a0, a1); st.swapAt(a0, a1) }
        var a = OpAttributes(); a.dims = [a0, a1]
        return Tensor.record(Derivatives.transpose, inputs: [self], output: alias(shape: s, strides: st), attrs: a)
    }

    /// `expand(sizes)` (ExpandBackward0); -1 keeps a dimension.
    public func expand(_ sizes: [Int]) throws -> Tensor {
        guard sizes.count >= dim else {
            throw AutogradError.runtime("expand(\(dtype.legacyTypeName){[\(shape.map(String.init).joined(separator: ", "))]}, size=[\(sizes.map(String.init).joined(separator: ", "))]): the number of sizes provided (\(sizes.count)) must be greater or equal to the number of dimensions in the tensor (\(dim))")
        }
        let lead = sizes.count - dim
        var target = sizes
        for i in 0..<sizes.count {
            let own = i >= lead ? shape[i - lead] : 1
            if sizes[i] == -1 {
                guard i >= lead else {
                    throw AutogradError.runtime("The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension \(i)")
                }
                target[i] = own
            } else if own != 1 && own != sizes[i] {
                throw AutogradError.runtime("The expanded size of the tensor (\(sizes[i])) must match the existing size (\(own)) at non-singleton dimension \(i).  Target sizes: [\(sizes.map(String.init).joined(separator: ", "))].  Tensor sizes: [\(shape.map(String.init).joined(separator: ", "))]")
            }
        }
        for d in target where d < 0 {
            throw AutogradError.runtime("Trying to create tensor with negative dimension \(d): \(Shape.text(target))")
        }
        if Shape.count(target) == Int.max { throw AutogradError.runtime("numel: integer multiplication overflow") }
        try ResourceBudget.current.checkElements(Shape.count(target), shape: target)
        var st = [Int](repeating: 0, count: target.count)
        for i in lead..<target.count where shape[i - lead] == target[i] {
            st[i] = strides[i - lead]
        }
        let out = alias(shape: target, strides: st)
        var a = OpAttributes(); a.shape = target
        return Tensor.record(Derivatives.expand, inputs: [self], output: out, attrs: a)
    }

    /// Sums a gradient down to `shape`, undoing broadcasting (PyTorch's `sum_to`):
    /// leading dimensions and size-1 dimensions that were expanded are summed.
    public func sumTo(shape target: [Int]) throws -> Tensor {
        if shape == target { return self }
        let (leading, kept) = Shape.reducedDims(from: shape, to: target)
        var r = self
        if !leading.isEmpty || !kept.isEmpty { r = try r.sum(dims: leading + kept, keepdim: true) }
        if !leading.isEmpty { r = try r.view(target) }
        return r
    }

    /// `select(dim, index)` (SelectBackward0): `x[i]` along one dimension.
    public func select(dim d: Int, index: Int, reportedDim: Int? = nil) throws -> Tensor {
        guard dim > 0 else { throw AutogradError(.indexError, "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number") }
        let w = try Shape.wrapDim(d, rank: dim)
        let size = shape[w]
        guard index >= -size && index < size else {
            throw AutogradError(.indexError, "index \(index) is out of bounds for dimension \(reportedDim ?? w) with size \(size)")
        }
        let i = index < 0 ? index + size : index
        var s = shape, st = strides
        s.remove(at: w); st.remove(at: w)
        let result = alias(shape: s, strides: st, offset: offset + i * strides[w])
        var a = OpAttributes(); a.dims = [w]; a.index = i
        return Tensor.record(Derivatives.select, inputs: [self], output: result, attrs: a)
    }

    /// `narrow`/`x[start:end:step]` along one dimension (SliceBackward0).
    public func slice(dim d: Int, start: Int?, end: Int?, step: Int = 1) throws -> Tensor {
        guard step > 0 else { throw AutogradError(.valueError, "step must be greater than zero") }
        guard dim > 0 else { throw AutogradError(.indexError, "slice() cannot be applied to a 0-dim tensor.") }
        let w = try Shape.wrapDim(d, rank: dim)
        let size = shape[w]
        func clampIndex(_ x: Int?, _ def: Int) -> Int {
            guard var x else { return def }
            if x < 0 { x += size }
            return Swift.min(Swift.max(x, 0), size)
        }
        let s = clampIndex(start, 0)
        let e = Swift.max(clampIndex(end, size), s)
        // ATen's ⌈(e − s) / step⌉, (len + step − 1) / step in wrapping int64: a step near 2**63
        // wraps it to 0 (an empty slice) or to −1, which ATen's storage check then refuses.
        let count = ((e - s) &+ step &- 1) / step
        var newShape = shape, st = strides
        newShape[w] = count
        if count < 0 {
            st[w] = strides[w] &* step
            throw AutogradError.runtime("Storage size calculation overflowed with sizes=\(newShape) and strides=\(st)")
        }
        // With two or more elements, step < size, so the stride cannot overflow.
        st[w] = count > 1 ? strides[w] * step : strides[w]
        let result = alias(shape: newShape, strides: st, offset: offset + s * strides[w])
        var a = OpAttributes(); a.dims = [w]; a.start = s; a.end = e; a.step = step
        return Tensor.record(Derivatives.slice, inputs: [self], output: result, attrs: a)
    }

    /// `x[indices]` with an integer index list along dimension 0 (IndexBackward0).
    public func index(_ indices: [Int]) throws -> Tensor {
        guard dim > 0 else { throw AutogradError(.indexError, "too many indices for tensor of dimension 0") }
        let size = shape[0]
        var wrapped: [Int] = []
        for i in indices {
            guard i >= -size && i < size else {
                throw AutogradError(.indexError, "index \(i) is out of bounds for dimension 0 with size \(size)")
            }
            wrapped.append(i < 0 ? i + size : i)
        }
        let inner = Shape.count(Array(shape.dropFirst()))
        let outShape = [wrapped.count] + shape.dropFirst()
        try Tensor.reserve(outShape)
        var positions: [Int] = []
        positions.reserveCapacity(wrapped.count * inner)
        for i in wrapped { positions.append(contentsOf: (i * inner)..<((i + 1) * inner)) }
        let result = picking(positions, shape: outShape)
        var a = OpAttributes(); a.indices = wrapped
        return Tensor.record(Derivatives.index, inputs: [self], output: result, attrs: a)
    }

    /// `x[mask]` with a boolean mask of the same shape: the selected elements, flattened.
    public func maskedSelect(_ mask: Tensor) throws -> Tensor {
        guard mask.shape == shape || mask.shape == Array(shape.prefix(mask.dim)) else {
            throw AutogradError(.indexError, "The shape of the mask [\(mask.shape.map(String.init).joined(separator: ", "))] at index 0 does not match the shape of the indexed tensor [\(shape.map(String.init).joined(separator: ", "))] at index 0")
        }
        let inner = Shape.count(shape.dropFirst(mask.dim))
        var picked: [Int] = []
        for (k, m) in mask.values.enumerated() where m != 0 { picked.append(k) }
        let flat = try reshape([mask.numel] + Array(shape.dropFirst(mask.dim)))
        _ = inner
        return try flat.index(picked)
    }

    /// `torch.cat(tensors, dim)` (CatBackward0).
    public static func cat(_ tensors: [Tensor], dim d: Int) throws -> Tensor {
        guard !tensors.isEmpty else {
            throw AutogradError(.valueError, "torch.cat(): expected a non-empty list of Tensors")
        }
        for (i, t) in tensors.enumerated() where t.dim == 0 {
            throw AutogradError.runtime("zero-dimensional tensor (at position \(i)) cannot be concatenated")
        }
        // Legacy 1-D empty tensors are skipped, as PyTorch does.
        let first = tensors.first { !($0.dim == 1 && $0.shape[0] == 0) } ?? tensors[0]
        let w = try Shape.wrapDim(d, rank: first.dim)
        let parts = tensors.filter { !($0.dim == 1 && $0.shape[0] == 0) }
        let dt = TypePromotion.resultType(tensors)
        for (i, t) in parts.enumerated() {
            guard t.dim == first.dim else {
                throw AutogradError.runtime("Tensors must have same number of dimensions: got \(first.dim) and \(t.dim)")
            }
            for k in 0..<t.dim where k != w && t.shape[k] != first.shape[k] {
                throw AutogradError.runtime("Sizes of tensors must match except in dimension \(w). Expected size \(first.shape[k]) but got size \(t.shape[k]) for tensor number \(i) in the list.")
            }
        }
        var shape = first.shape
        var total = 0
        for t in parts {
            let (sum, o) = total.addingReportingOverflow(t.shape[w])
            if o { throw AutogradError.runtime("Storage size calculation overflowed with sizes=\(Shape.text(shape))") }
            total = sum
        }
        shape[w] = total
        try reserve(shape)
        // Element k of the result comes from one part: its position in their concatenation.
        let outer = Shape.count(Array(first.shape[..<w]))
        var starts: [Int] = []
        var start = 0
        for t in parts { starts.append(start); start += t.numel }
        var positions: [Int] = []
        positions.reserveCapacity(Shape.count(shape))
        for o in 0..<outer {
            for (t, base) in zip(parts, starts) {
                let chunk = Shape.count(Array(t.shape[w...]))
                positions.append(contentsOf: (base + o * chunk)..<(base + (o + 1) * chunk))
            }
        }
        let all = TensorElements.concatenating(parts.map { $0.elements(as: dt) }, integers: dt.isInteger)
        var a = OpAttributes(); a.dims = [w]; a.indices = tensors.map { $0.dim == 1 && $0.shape[0] == 0 ? 0 : $0.shape[w] }
        return Tensor.record(Derivatives.cat, inputs: tensors, output: Tensor(elements: all.picking(positions), shape: shape, dtype: dt), attrs: a)
    }

    /// `torch.stack(tensors, dim)` (StackBackward0).
    public static func stack(_ tensors: [Tensor], dim d: Int) throws -> Tensor {
        guard let first = tensors.first else {
            throw AutogradError.runtime("stack expects a non-empty TensorList")
        }
        for (i, t) in tensors.enumerated() where t.shape != first.shape {
            throw AutogradError.runtime("stack expects each tensor to be equal size, but got \(Shape.text(first.shape)) at entry 0 and \(Shape.text(t.shape)) at entry \(i)")
        }
        let w = try Shape.wrapDim(d, rank: first.dim + 1)
        let dt = TypePromotion.resultType(tensors)
        var shape = first.shape
        shape.insert(tensors.count, at: w)
        _ = try Shape.checkedCount(shape, itemSize: dt.itemSize)
        try reserve(shape)
        let outer = Shape.count(Array(first.shape[..<w]))
        let inner = Shape.count(Array(first.shape[w...]))
        let n = first.numel
        var positions: [Int] = []
        positions.reserveCapacity(Shape.count(shape))
        for o in 0..<outer {
            for i in 0..<tensors.count { positions.append(contentsOf: (i * n + o * inner)..<(i * n + (o + 1) * inner)) }
        }
        let all = TensorElements.concatenating(tensors.map { $0.elements(as: dt) }, integers: dt.isInteger)
        var a = OpAttributes(); a.dims = [w]
        return Tensor.record(Derivatives.stack, inputs: tensors, output: Tensor(elements: all.picking(positions), shape: shape, dtype: dt), attrs: a)
    }
}
