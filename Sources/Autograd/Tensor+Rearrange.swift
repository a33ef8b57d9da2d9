// Ops that move, copy or pick elements along dimensions: repeat, flip, roll,
// cumulative sums and products, triangles, diagonals, index_select, gather and
// scatter with index tensors, sort and topk, bmm.
extension Tensor {
    /// Sizes before, along and after dimension `d` of `shape` (a 0-dim shape counts as one element).
    static func around(_ shape: [Int], _ d: Int) -> (outer: Int, size: Int, inner: Int) {
        if shape.isEmpty { return (1, 1, 1) }
        return (Shape.count(shape[..<d]), shape[d], Shape.count(shape[(d + 1)...]))
    }

    private static func listText(_ s: [Int]) -> String { "[" + s.map(String.init).joined(separator: ", ") + "]" }

    /// `repeat(reps)` (RepeatBackward0): the tensor tiled `reps[i]` times along each dimension.
    public func repeated(_ reps: [Int]) throws -> Tensor {
        guard reps.count >= dim else {
            throw AutogradError.runtime("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
        }
        let padded = [Int](repeating: 1, count: reps.count - dim) + shape
        var outShape: [Int] = []
        for (p, r) in zip(padded, reps) {
            let (m, o) = p.multipliedReportingOverflow(by: r)
            if o { throw AutogradError.runtime("Storage size calculation overflowed with sizes=\(Tensor.listText(zip(padded, reps).map(&*)))") }
            outShape.append(m)
        }
        // PyTorch names the negative size of the result (a negative count times a size).
        for d in outShape where d < 0 {
            throw AutogradError.runtime("Trying to create tensor with negative dimension \(d): \(Tensor.listText(outShape))")
        }
        try Tensor.validateShape(outShape, dtype: dtype)
        let inStrides = Shape.strides(padded)
        let n = Shape.count(outShape)
        var positions = [Int](repeating: 0, count: n)
        let rank = outShape.count
        var idx = [Int](repeating: 0, count: rank)
        for k in 0..<n {
            var src = 0
            for d in 0..<rank { src += (idx[d] % padded[d]) * inStrides[d] }
            positions[k] = src
            Shape.advance(&idx, in: outShape)
        }
        var a = OpAttributes(); a.indices = reps; a.shape = padded
        return Tensor.record(Derivatives.repeatRule, inputs: [self], output: picking(positions, shape: outShape), attrs: a)
    }

    /// `torch.tile(reps)`: `repeat` with `reps` padded by leading ones to the tensor's rank.
    public func tiled(_ reps: [Int]) throws -> Tensor {
        try repeated([Int](repeating: 1, count: Swift.max(dim - reps.count, 0)) + reps)
    }

    /// Copies the elements, reading element `k` of the result from `source(k, multi-index)`.
    private func permutedCopy(_ rule: DerivativeRule, attrs: OpAttributes, _ source: (inout [Int]) -> Void) -> Tensor {
        let st = Shape.strides(shape)
        let n = numel
        var positions = [Int](repeating: 0, count: n)
        var idx = [Int](repeating: 0, count: dim)
        for k in 0..<n {
            var from = idx
            source(&from)
            var src = 0
            for d in 0..<dim { src += from[d] * st[d] }
            positions[k] = src
            Shape.advance(&idx, in: shape)
        }
        return Tensor.record(rule, inputs: [self], output: picking(positions, shape: shape), attrs: attrs)
    }

    /// `flip(dims)` (FlipBackward0): the elements in reverse order along each of `dims`.
    public func flip(_ dims: [Int]) throws -> Tensor {
        let w = try wrapDims(dims)
        var a = OpAttributes(); a.dims = w
        if dim == 0 { return Tensor.record(Derivatives.flip, inputs: [self], output: try GradMode.with(false) { try clone() }, attrs: a) }
        let sizes = shape
        return permutedCopy(Derivatives.flip, attrs: a) { idx in for d in w { idx[d] = sizes[d] - 1 - idx[d] } }
    }

    /// `roll(shifts, dims)` (RollBackward0); without dims the flattened tensor is rolled.
    public func roll(_ shifts: [Int], dims: [Int]) throws -> Tensor {
        if dims.isEmpty {
            guard shifts.count == 1 else {
                throw AutogradError.runtime("shifts and dimensions must align. shifts: \(shifts.count), dims:0")
            }
        } else if shifts.count != dims.count {
            throw AutogradError.runtime("shifts and dimensions must align. shifts: \(shifts.count), dims:\(dims.count)")
        }
        var a = OpAttributes(); a.indices = shifts
        if dims.isEmpty {
            let n = numel
            var positions = [Int](repeating: 0, count: n)
            // Element k moves to k + shift (mod n); computed from the shift mod n, so no sum overflows.
            let shift = n > 0 ? ((shifts[0] % n) + n) % n : 0
            for k in 0..<n { positions[(k + shift) % n] = k }
            return Tensor.record(Derivatives.roll, inputs: [self], output: picking(positions, shape: shape), attrs: a)
        }
        guard dim > 0 else {
            throw AutogradError(.indexError, "Dimension specified as \(dims[0]) but tensor has no dimensions")
        }
        let w = try dims.map { try Shape.wrapDim($0, rank: dim) }
        a.dims = w
        let sizes = shape
        let reduced = zip(w, shifts).map { d, s in sizes[d] > 0 ? s % sizes[d] : 0 }
        return permutedCopy(Derivatives.roll, attrs: a) { idx in
            for (d, s) in zip(w, reduced) where sizes[d] > 0 { idx[d] = ((idx[d] - s) % sizes[d] + sizes[d]) % sizes[d] }
        }
    }

    /// `cumsum(dim)` (CumsumBackward0) and `cumprod(dim)` (CumprodBackward0): running sums or
    /// products along `dim`, accumulated in the result dtype (integers and bools give int64).
    public func cumulative(product: Bool, dim d: Int) throws -> Tensor {
        let w = try Shape.wrapDim(d, rank: dim)
        let dt: DType = dtype.isFloatingPoint ? dtype : .int64
        let (outer, size, inner) = Tensor.around(shape, w)
        var a = OpAttributes(); a.dims = [w]
        if dt == .int64 {
            let v = integers
            var out = [Int64](repeating: 0, count: v.count)
            for o in 0..<outer {
                for i in 0..<inner {
                    var acc: Int64 = product ? 1 : 0
                    for k in 0..<size {
                        let p = (o * size + k) * inner + i
                        acc = product ? acc &* v[p] : acc &+ v[p]
                        out[p] = acc
                    }
                }
            }
            return Tensor.record(product ? Derivatives.cumprod : Derivatives.cumsum, inputs: [self],
                                 output: Tensor(integers: out, shape: shape, dtype: dt), attrs: a)
        }
        let v = values
        var out = [Double](repeating: 0, count: v.count)
        for o in 0..<outer {
            for i in 0..<inner {
                // ATen accumulates in `acc_type` (double for float32 on CPU) and rounds each output.
                var acc = product ? 1.0 : 0.0
                for k in 0..<size {
                    let p = (o * size + k) * inner + i
                    acc = product ? acc * v[p] : acc + v[p]
                    out[p] = dt.round(acc)
                }
            }
        }
        return Tensor.record(product ? Derivatives.cumprod : Derivatives.cumsum, inputs: [self],
                             output: Tensor(values: out, shape: shape, dtype: dt), attrs: a)
    }

    /// The gradient of `cumprod` along `dim` where the input holds zeros: for each
    /// element, Σ_{j ≥ i} grad_j · Π_{k ≤ j, k ≠ i} x_k, computed directly.
    func cumprodGradWithZeros(_ grad: Tensor, dim w: Int) -> Tensor {
        let (outer, size, inner) = Tensor.around(shape, w)
        let x = values, g = grad.values
        var out = [Double](repeating: 0, count: x.count)
        for o in 0..<outer {
            for i in 0..<inner {
                let at = { (k: Int) in (o * size + k) * inner + i }
                for e in 0..<size {
                    var total = 0.0, prefix = 1.0
                    for k in 0..<e { prefix *= x[at(k)] }
                    var running = prefix
                    for j in e..<size {
                        if j > e { running *= x[at(j)] }
                        total += g[at(j)] * running
                    }
                    out[at(e)] = dtype.round(total)
                }
            }
        }
        return Tensor(values: out, shape: shape, dtype: dtype)
    }

    /// `tril(diagonal)` / `triu(diagonal)` (TrilBackward0 / TriuBackward0): the lower or
    /// upper triangle of the last two dimensions, the rest zeroed.
    public func triangle(upper: Bool, diagonal k: Int) throws -> Tensor {
        guard dim >= 2 else {
            throw AutogradError.runtime("\(upper ? "triu" : "tril"): input tensor must have at least 2 dimensions")
        }
        let rows = shape[dim - 2], cols = shape[dim - 1]
        var zeroed: [Int] = []
        for k0 in 0..<numel {
            let c = k0 % cols, r = (k0 / cols) % rows
            // `c - r` cannot overflow (both are indices); compared with the diagonal offset as given.
            let keep = upper ? c - r >= k : c - r <= k
            if !keep { zeroed.append(k0) }
        }
        let out = elements.overwriting(zeroed, from: TensorElements.repeating(0, integer: 0, count: zeroed.count, integers: dtype.isInteger))
        var a = OpAttributes(); a.index = k
        return Tensor.record(upper ? Derivatives.triu : Derivatives.tril, inputs: [self],
                             output: Tensor(elements: out, shape: shape, dtype: dtype), attrs: a)
    }

    /// The layout of the diagonal `offset` of dimensions `d1`, `d2`: shape, strides and offset of a view.
    private func diagonalLayout(offset: Int, _ d1: Int, _ d2: Int) -> (shape: [Int], strides: [Int], offset: Int) {
        var length = 0, start = self.offset
        if offset >= 0 {
            length = Swift.max(Swift.min(shape[d1], shape[d2] - offset), 0)
            if length > 0 { start += offset * strides[d2] }
        } else {
            length = Swift.max(Swift.min(shape[d1] + offset, shape[d2]), 0)
            if length > 0 { start -= offset * strides[d1] }
        }
        var s: [Int] = [], st: [Int] = []
        for d in 0..<dim where d != d1 && d != d2 { s.append(shape[d]); st.append(strides[d]) }
        return (s + [length], st + [strides[d1] + strides[d2]], start)
    }

    /// `diagonal(offset, dim1, dim2)` (DiagonalBackward0): a view of a diagonal, as the last dimension.
    public func diagonal(offset: Int = 0, dim1: Int = 0, dim2: Int = 1) throws -> Tensor {
        let d1 = try Shape.wrapDim(dim1, rank: dim), d2 = try Shape.wrapDim(dim2, rank: dim)
        guard d1 != d2 else {
            throw AutogradError.runtime("diagonal dimensions cannot be identical \(dim1), \(dim2)")
        }
        let l = diagonalLayout(offset: offset, d1, d2)
        var a = OpAttributes(); a.dims = [d1, d2]; a.index = offset
        return Tensor.record(Derivatives.diagonal, inputs: [self], output: alias(shape: l.shape, strides: l.strides, offset: l.offset), attrs: a)
    }

    /// Zeros of `shape` with this gradient written on the diagonal `offset` of `d1`, `d2`.
    func diagonalBackward(shape target: [Int], offset: Int, dim1 d1: Int, dim2 d2: Int) throws -> Tensor {
        let out = try Tensor.zeros(target, dtype: dtype)
        let l = out.diagonalLayout(offset: offset, d1, d2)
        out.alias(shape: l.shape, strides: l.strides, offset: l.offset).writeValues(values)
        var a = OpAttributes(); a.dims = [d1, d2]; a.index = offset
        return Tensor.record(Derivatives.diagonalBackward, inputs: [self], output: out.detach(), attrs: a)
    }

    /// `torch.diag`: a 1-D tensor becomes a square matrix with it on diagonal `offset`
    /// (DiagEmbedBackward0); a matrix gives its diagonal `offset` as a copy (DiagonalBackward0_copy).
    public func diag(_ offset: Int = 0) throws -> Tensor {
        switch dim {
        case 1:
            let (n, o) = shape[0].addingReportingOverflow(offset.magnitude > UInt(Int.max) ? Int.max : Swift.abs(offset))
            if o { throw AutogradError.runtime("Storage size calculation overflowed with sizes=[\(Int.max), \(Int.max)]") }
            let out = try Tensor.zeros([n, n], dtype: dtype)
            let l = out.diagonalLayout(offset: offset, 0, 1)
            out.alias(shape: l.shape, strides: l.strides, offset: l.offset).writeElements(elements)
            var a = OpAttributes(); a.index = offset
            return Tensor.record(Derivatives.diagEmbed, inputs: [self], output: out.detach(), attrs: a)
        case 2:
            let l = diagonalLayout(offset: offset, 0, 1)
            let copy = Tensor(elements: alias(shape: l.shape, strides: l.strides, offset: l.offset).elements, shape: l.shape, dtype: dtype)
            var a = OpAttributes(); a.index = offset
            return Tensor.record(Derivatives.diagCopy, inputs: [self], output: copy, attrs: a)
        default:
            throw AutogradError.runtime("diag(): Supports 1D or 2D tensors. Got \(dim)D")
        }
    }

    /// `trace()` (TraceBackward0): the sum of the main diagonal of a matrix.
    public func trace() throws -> Tensor {
        guard dim == 2 else { throw AutogradError.runtime("trace: expected a matrix, but got tensor with dim \(dim)") }
        let l = diagonalLayout(offset: 0, 0, 1)
        let dt: DType = dtype.isFloatingPoint ? dtype : .int64
        let diagonal = alias(shape: l.shape, strides: l.strides, offset: l.offset)
        if dt == .int64 {
            let s = diagonal.integers.reduce(0, &+)
            return Tensor.record(Derivatives.trace, inputs: [self], output: Tensor(scalarInteger: s, dtype: dt))
        }
        var s = 0.0
        for x in diagonal.values { s += x }
        return Tensor.record(Derivatives.trace, inputs: [self], output: Tensor(scalarValue: dt.round(s), dtype: dt))
    }

    /// Checks an index tensor's dtype and returns its elements as Ints.
    static func indexList(_ index: Tensor, op: String) throws -> [Int] {
        guard index.dtype == .int64 || (op == "gather" && index.dtype == .int32) else {
            throw AutogradError.runtime(op == "gather" ? "gather(): Expected dtype int32/int64 for index"
                                                       : "\(op)(): Expected dtype int64 for index")
        }
        return index.integers.map { Int($0) }
    }

    /// `index_select(dim, index)` (IndexSelectBackward0): the slices at `index` along `dim`.
    public func indexSelect(dim d: Int, index: Tensor) throws -> Tensor {
        let w = try Shape.wrapDim(d, rank: dim)
        guard index.dtype == .int64 || index.dtype == .int32 else { throw AutogradError.runtime("index_select(): Expected dtype int32 or int64 for index") }
        guard index.dim <= 1 else { throw AutogradError(.indexError, "index_select(): Index is supposed to be a vector") }
        let (outer, size, inner) = Tensor.around(shape, w)
        let picks = index.integers.map { Int($0) }
        for p in picks where p < 0 || p >= size {
            throw AutogradError.runtime("INDICES element is out of DATA bounds, id=\(p) axis_dim=\(size)")
        }
        var s = shape
        if dim > 0 { s[w] = picks.count }
        try Tensor.reserve(s)
        var positions: [Int] = []
        positions.reserveCapacity(outer * picks.count * inner)
        for o in 0..<outer { for p in picks { for i in 0..<inner { positions.append((o * size + p) * inner + i) } } }
        var a = OpAttributes(); a.dims = [w]; a.indices = picks
        return Tensor.record(Derivatives.indexSelect, inputs: [self], output: picking(positions, shape: s), attrs: a)
    }

    /// Zeros of `shape` with the slices of this gradient added at `indices` along `dim` (`index_add`).
    func indexAddBackward(shape target: [Int], dim w: Int, indices: [Int]) throws -> Tensor {
        let (outer, size, inner) = Tensor.around(target, w)
        let g = values
        var out = [Double](repeating: 0, count: Shape.count(target))
        for o in 0..<outer {
            for (r, p) in indices.enumerated() {
                for i in 0..<inner { out[(o * size + p) * inner + i] += g[(o * indices.count + r) * inner + i] }
            }
        }
        var a = OpAttributes(); a.dims = [w]; a.indices = indices
        return Tensor.record(Derivatives.indexAdd, inputs: [self],
                             output: Tensor(values: out.map(dtype.round), shape: target, dtype: dtype), attrs: a)
    }

    /// For an index tensor of `indexShape` along `dim`, the flat position in a tensor of
    /// `shape` that each index element addresses.
    static func scatterPositions(shape: [Int], dim w: Int, indexShape: [Int], indices: [Int], op: String) throws -> [Int] {
        // A 0-dim tensor has its one element at position 0, whatever the (at most 1-D) index's shape.
        let st = shape.isEmpty ? [Int](repeating: 0, count: indexShape.count) : Shape.strides(shape)
        var out = [Int](repeating: 0, count: indices.count)
        var idx = [Int](repeating: 0, count: indexShape.count)
        for k in 0..<indices.count {
            let p = indices[k]
            let size = shape.isEmpty ? 1 : shape[w]
            guard p >= -size && p < size else {
                throw AutogradError.runtime("index \(p) is out of bounds for dimension \(w) with size \(size)")
            }
            var flat = 0
            for d in 0..<indexShape.count { flat += (d == w ? (p < 0 ? p + size : p) : idx[d]) * st[d] }
            out[k] = flat
            Shape.advance(&idx, in: indexShape)
        }
        return out
    }

    private func checkIndexShape(_ index: Tensor, dim w: Int, op: String) throws {
        guard index.dim == dim || (dim == 0 && index.dim <= 1) else {
            throw AutogradError.runtime("Index tensor must have the same number of dimensions as \(op == "gather" ? "input" : "self") tensor")
        }
        for d in 0..<index.dim where d != w && index.shape[d] > shape[d] {
            throw AutogradError.runtime("Size does not match at dimension \(d) expected index \(Tensor.listText(index.shape)) to be no larger than self \(Tensor.listText(shape)) apart from dimension \(w)")
        }
    }

    /// `gather(dim, index)` (GatherBackward0): `out[i][j] = self[index[i][j]][j]` along `dim`.
    public func gather(dim d: Int, index: Tensor) throws -> Tensor {
        let w = try Shape.wrapDim(d, rank: dim)
        let picks = try Tensor.indexList(index, op: "gather")
        try checkIndexShape(index, dim: w, op: "gather")
        let positions = try Tensor.scatterPositions(shape: shape, dim: w, indexShape: index.shape, indices: picks, op: "gather")
        return try gatherPositions(positions, shape: index.shape)
    }

    /// The elements at flat `positions`, shaped `outShape` (recorded as `gather`).
    func gatherPositions(_ positions: [Int], shape outShape: [Int]) throws -> Tensor {
        var a = OpAttributes(); a.indices = positions; a.shape = outShape
        return Tensor.record(Derivatives.gatherPositions, inputs: [self], output: picking(positions, shape: outShape), attrs: a)
    }

    /// Zeros of `shape` with this tensor's elements added at flat `positions` (`scatter_add`).
    func scatterAddPositions(_ positions: [Int], shape target: [Int]) throws -> Tensor {
        var out = [Double](repeating: 0, count: Shape.count(target))
        let g = values
        for (k, p) in positions.enumerated() { out[p] += g[k] }
        var a = OpAttributes(); a.indices = positions; a.shape = shape
        return Tensor.record(Derivatives.scatterAddPositions, inputs: [self],
                             output: Tensor(values: out.map(dtype.round), shape: target, dtype: dtype), attrs: a)
    }

    /// `scatter(dim, index, value)` (ScatterBackward1) and `scatter(dim, index, src)` (ScatterBackward0).
    public func scatter(dim d: Int, index: Tensor, source: Tensor) throws -> Tensor {
        let w = try Shape.wrapDim(d, rank: dim)
        let picks = try Tensor.indexList(index, op: "scatter")
        var a = OpAttributes(); a.shape = index.shape
        if source.isWrappedNumber {
            let fill = try Tensor.checkedFill(source, dtype)
            try checkScatterShape(index, dim: w, source: nil)
            let positions = try Tensor.scatterPositions(shape: shape, dim: w, indexShape: index.shape, indices: picks, op: "scatter")
            a.indices = positions
            let out = elements.overwriting(positions, from: TensorElements.repeating(fill.value, integer: fill.integer, count: positions.count, integers: dtype.isInteger))
            return Tensor.record(Derivatives.scatterValue, inputs: [self], output: Tensor(elements: out, shape: shape, dtype: dtype), attrs: a)
        }
        guard source.dtype == dtype else {
            throw AutogradError.runtime("scatter(): Expected self.dtype to be equal to src.dtype")
        }
        try checkScatterShape(index, dim: w, source: source)
        let positions = try Tensor.scatterPositions(shape: shape, dim: w, indexShape: index.shape, indices: picks, op: "scatter")
        a.indices = positions
        // The source element for index position k sits at the same multi-index of `source`.
        let srcStrides = Shape.strides(source.shape)
        var sourcePositions = [Int](repeating: 0, count: positions.count)
        var idx = [Int](repeating: 0, count: index.dim)
        for k in 0..<positions.count {
            var p = 0
            for j in 0..<Swift.min(index.dim, srcStrides.count) { p += idx[j] * srcStrides[j] }
            sourcePositions[k] = p
            Shape.advance(&idx, in: index.shape)
        }
        let out = elements.overwriting(positions, from: source.elements.picking(sourcePositions))
        return Tensor.record(Derivatives.scatterSource, inputs: [self, source], output: Tensor(elements: out, shape: shape, dtype: dtype), attrs: a)
    }

    /// ATen's `scatter_shape_check`: index as many dimensions as self, and no larger than
    /// self (apart from `dim`) or than the source along every dimension.
    private func checkScatterShape(_ index: Tensor, dim w: Int, source: Tensor?) throws {
        if index.numel == 0 { return }
        let rank = Swift.max(dim, 1)
        guard rank == Swift.max(index.dim, 1) else {
            throw AutogradError.runtime("Index tensor must have the same number of dimensions as self tensor")
        }
        func size(_ t: Tensor, _ d: Int) throws -> Int { t.dim == 0 ? 1 : t.shape[try Shape.wrapDim(d, rank: t.dim)] }
        var wrong = false
        for d in 0..<rank where d != w {
            if try size(index, d) > size(self, d) { wrong = true; break }
        }
        if !wrong, let source {
            for d in 0..<rank {
                if try size(index, d) > size(source, d) { wrong = true; break }
            }
        }
        guard wrong else { return }
        if let source {
            throw AutogradError.runtime("Expected index \(Tensor.listText(index.shape)) to be no larger than self \(Tensor.listText(shape)) apart from dimension \(w) and to be no larger size than src \(Tensor.listText(source.shape))")
        }
        throw AutogradError.runtime("Expected index \(Tensor.listText(index.shape)) to be no larger than self \(Tensor.listText(shape)) apart from dimension \(w)")
    }

    /// A Python number (or 0-dim tensor) as a fill value of `dtype`, with ATen's overflow check.
    static func checkedFill(_ value: Tensor, _ dtype: DType) throws -> (value: Double, integer: Int64) {
        if dtype.isInteger {
            if value.dtype.isInteger || value.dtype == .bool {
                guard let v = dtype.checkedInteger(value.integerElement(0)) else { throw dtype.overflowError }
                return (Double(v), v)
            }
            guard let v = dtype.checkedValue(value.element(0)) else { throw dtype.overflowError }
            return (v, Int64(v))
        }
        let x = value.dtype.isInteger ? Double(value.integerElement(0)) : value.element(0)
        guard let v = dtype.checkedValue(x) else { throw dtype.overflowError }
        return (v, 0)
    }

    /// `masked_fill(mask, value)` (MaskedFillBackward0): `value` where `mask` is true.
    public func maskedFill(_ mask: Tensor, value: Tensor) throws -> Tensor {
        guard mask.dtype == .bool else {
            throw AutogradError.runtime("masked_fill_ only supports boolean masks, but got mask with dtype \(mask.dtype.typeMetaName)")
        }
        guard value.dim == 0 else {
            throw AutogradError.runtime("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with \(value.dim) dimension(s).")
        }
        let outShape = try Shape.broadcast(shape, mask.shape)
        guard outShape == shape else {
            throw AutogradError.runtime("The expanded size of the tensor (\(shape.last ?? 0)) must match the existing size (\(mask.shape.last ?? 0)) at non-singleton dimension \(dim - 1).  Target sizes: \(Tensor.listText(shape)).  Tensor sizes: \(Tensor.listText(mask.shape))")
        }
        let m = try mask.expandValues(to: shape)
        let fill = try Tensor.checkedFill(value, dtype)
        var positions: [Int] = []
        for k in 0..<m.count where m[k] != 0 { positions.append(k) }
        let out = elements.overwriting(positions, from: TensorElements.repeating(fill.value, integer: fill.integer, count: positions.count, integers: dtype.isInteger))
        var a = OpAttributes(); a.indices = m.map { $0 != 0 ? 1 : 0 }; a.shape = shape
        return Tensor.record(Derivatives.maskedFillOut, inputs: [self], output: Tensor(elements: out, shape: shape, dtype: dtype), attrs: a)
    }

    /// `sort(dim, descending)` (SortBackward0): values and int64 indices, ties in
    /// their original order (a stable sort, as PyTorch's CPU kernel).
    public func sort(dim d: Int, descending: Bool) throws -> (values: Tensor, indices: Tensor) {
        let w = try Shape.wrapDim(d, rank: dim)
        return try sorted(dim: w, descending: descending, k: dim == 0 ? 1 : shape[w], rule: Derivatives.sort)
    }

    /// `topk(k, dim, largest)` (TopkBackward0).
    public func topk(_ k: Int, dim d: Int, largest: Bool) throws -> (values: Tensor, indices: Tensor) {
        let w = try Shape.wrapDim(d, rank: dim)
        guard k >= 0 && k <= (dim == 0 ? 1 : shape[w]) else { throw AutogradError.runtime("selected index k out of range") }
        if dtype == .bool { throw AutogradError(.notImplementedError, "topk does not support bool dtypes on CPU") }
        // A 0-dim tensor is its own top element, whatever k (0 or 1).
        if dim == 0 { return try sorted(dim: w, descending: largest, k: 1, rule: Derivatives.topk) }
        return try sorted(dim: w, descending: largest, k: k, rule: Derivatives.topk)
    }

    private func sorted(dim w: Int, descending: Bool, k: Int, rule: DerivativeRule) throws -> (values: Tensor, indices: Tensor) {
        let (outer, size, inner) = Tensor.around(shape, w)
        let n = outer * k * inner
        try ResourceBudget.current.charge(product: numel, Swift.max(Int.bitWidth - size.leadingZeroBitCount, 1))
        let keys = values
        let exact = dtype.isInteger ? integers : []
        var orders: [[Int]] = []
        orders.reserveCapacity(outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                let at = { (j: Int) in (o * size + j) * inner + i }
                let before: (Int, Int) -> Bool
                if dtype.isInteger {
                    before = { a, b in descending ? exact[at(a)] > exact[at(b)] : exact[at(a)] < exact[at(b)] }
                } else {
                    // NaN sorts as the largest value, as in PyTorch.
                    before = { a, b in
                        let x = keys[at(a)], y = keys[at(b)]
                        if x.isNaN || y.isNaN { return descending ? (x.isNaN && !y.isNaN) : (!x.isNaN && y.isNaN) }
                        return descending ? x > y : x < y
                    }
                }
                orders.append(Tensor.stableSorted(Array(0..<size), by: before))
            }
        }
        var outIdx = [Int64](repeating: 0, count: n)
        var pos = [Int](repeating: 0, count: n)
        for o in 0..<outer {
            for i in 0..<inner {
                let order = orders[o * inner + i]
                for r in 0..<k {
                    let dst = (o * k + r) * inner + i, src = (o * size + order[r]) * inner + i
                    outIdx[dst] = Int64(order[r]); pos[dst] = src
                }
            }
        }
        var s = shape
        if dim > 0 { s[w] = k }
        var a = OpAttributes(); a.dims = [w]; a.indices = pos; a.shape = s
        let values = Tensor.record(rule, inputs: [self], output: picking(pos, shape: s), attrs: a)
        return (values, Tensor(integers: outIdx, shape: s, dtype: .int64))
    }

    /// A stable merge sort of `items` (Swift's `sort` does not promise stability).
    static func stableSorted(_ items: [Int], by before: (Int, Int) -> Bool) -> [Int] {
        var a = items, b = items
        var width = 1
        let n = items.count
        while width < n {
            var lo = 0
            while lo < n {
                let mid = Swift.min(lo + width, n), hi = Swift.min(lo + 2 * width, n)
                var i = lo, j = mid, k = lo
                while i < mid && j < hi {
                    if before(a[j], a[i]) { b[k] = a[j]; j += 1 } else { b[k] = a[i]; i += 1 }
                    k += 1
                }
                while i < mid { b[k] = a[i]; i += 1; k += 1 }
                while j < hi { b[k] = a[j]; j += 1; k += 1 }
                lo = hi
            }
            swap(&a, &b)
            width *= 2
        }
        return a
    }

    /// `bmm(other)` (BmmBackward0): a matrix product per batch of 3-D tensors.
    public func bmm(_ other: Tensor) throws -> Tensor {
        guard dim == 3 else { throw AutogradError.runtime("batch1 must be a 3D tensor") }
        guard other.dim == 3 else { throw AutogradError.runtime("batch2 must be a 3D tensor") }
        let (b, n, k) = (shape[0], shape[1], shape[2])
        guard other.shape[0] == b && other.shape[1] == k else {
            throw AutogradError.runtime("Expected size for first two dimensions of batch2 tensor to be: [\(b), \(k)] but got: [\(other.shape[0]), \(other.shape[1])].")
        }
        guard dtype == other.dtype else {
            throw AutogradError.runtime("expected scalar type \(dtype.scalarTypeName) but found \(other.dtype.scalarTypeName)")
        }
        let m = other.shape[2]
        try ResourceBudget.current.charge(product: b, n, k, m)
        try Tensor.reserve([b, n, m])
        if dtype.isInteger {
            let av = integers, bv = other.integers
            var out: [Int64] = []
            out.reserveCapacity(b * n * m)
            for i in 0..<b {
                out += Tensor.integerProduct(Array(av[(i * n * k)..<((i + 1) * n * k)]), Array(bv[(i * k * m)..<((i + 1) * k * m)]),
                                             n: n, k: k, m: m, dtype: dtype)
            }
            return Tensor.record(Derivatives.bmm, self, other, output: Tensor(integers: out, shape: [b, n, m], dtype: dtype))
        }
        let av = values, bv = other.values
        let out = [Double](unsafeUninitializedCapacity: b * n * m) { po, count in
            po.initialize(repeating: 0)
            count = b * n * m
            guard n > 0, k > 0, m > 0 else { return }
            av.withUnsafeBufferPointer { pa in
                bv.withUnsafeBufferPointer { pb in
                    guard let a = pa.baseAddress, let bb = pb.baseAddress, let o = po.baseAddress else { return }
                    for i in 0..<b {
                        Tensor.matmulValues(a + i * n * k, bb + i * k * m, into: o + i * n * m, n: n, k: k, m: m,
                                            dtype: dtype, aColumnMajor: false, bRowMajor: true)
                    }
                }
            }
        }
        return Tensor.record(Derivatives.bmm, self, other, output: Tensor(values: out, shape: [b, n, m], dtype: dtype))
    }
}
