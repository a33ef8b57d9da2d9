/// In-place operations (`add_`, `mul_`, `zero_`, `copy_`, `x[i] = v` …) with
/// PyTorch's checks: a leaf that requires grad may not be modified while grad
/// mode is on, every write bumps the version counter that saved tensors are
/// checked against, and the tensor's history is rebased onto the new op.
extension Tensor {
    /// Replaces this tensor's values with `compute(original)`, recording the op.
    ///
    /// `compute` receives a stand-in for the original value (same history, its
    /// own copy of the values) so formulas that need the old value still have it.
    public func inPlace(_ compute: (Tensor) throws -> Tensor) throws {
        let recording = GradMode.isEnabled
        if recording {
            if isNoGradView {
                throw AutogradError.runtime("A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the view and the inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).")
            }
            if isLeaf && leafRequiresGrad && base == nil {
                throw AutogradError.runtime("a leaf Variable that requires grad is being used in an in-place operation.")
            }
            if let b = base, b.isLeaf && b.leafRequiresGrad {
                throw AutogradError.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")
            }
        }
        let original = Tensor(elements: elements, shape: shape, dtype: dtype)
        original.gradFn = gradFn
        original.outputNr = outputNr
        original.leafRequiresGrad = leafRequiresGrad
        original.gradAccumulatorRef = leafRequiresGrad ? gradAccumulator() : nil
        let state = ThreadState.current
        let reporting = state.observer != nil
        let wasCapturing = state.capturingInPlaceOp
        if reporting {
            state.capturingInPlaceOp = true
            state.inPlaceOp = nil
        }
        defer { if reporting { state.capturingInPlaceOp = wasCapturing } }
        let result = try EngineObservers.mutingForward { try compute(original) }
        let inner = state.inPlaceOp
        if result.shape != shape {
            throw AutogradError.runtime("output with shape [\(shape.map(String.init).joined(separator: ", "))] doesn't match the broadcast shape [\(result.shape.map(String.init).joined(separator: ", "))]")
        }
        if result.dtype != dtype && !Tensor.canCast(from: result.dtype, to: dtype) {
            throw AutogradError.runtime("result type \(result.dtype.scalarTypeName) can't be cast to the desired output type \(dtype.scalarTypeName)")
        }
        writeElements(result.elements(as: dtype))
        version.bump()
        if recording, let fn = result.gradFn {
            if let b = base {
                try rebaseThroughView(base: b, fn: fn)
            } else {
                gradFn = fn
                outputNr = result.outputNr
            }
        }
        if let observer = state.observer, !state.muteForward {
            observer.forward(ForwardReport(op: inner.map { $0.rule.op } ?? "inplace", rule: inner?.rule,
                                           attrs: inner?.attrs ?? OpAttributes(), inputs: [original], output: self, inPlace: true))
        }
    }

    /// PyTorch's casting rule for in-place results (`torch.can_cast`): no float into
    /// integer, no integer into bool.
    public static func canCast(from: DType, to: DType) -> Bool {
        if from.isFloatingPoint && !to.isFloatingPoint { return false }
        if from != .bool && to == .bool { return false }
        return true
    }

    /// After an in-place op on a view, the base's history becomes CopySlices.
    private func rebaseThroughView(base b: Tensor, fn: Node) throws {
        var positions = [Int](repeating: 0, count: numel)
        Shape.forEachIndex(shape, strides, strides) { k, i, _ in positions[k] = offset + i }
        let node = CopySlices(baseEdge: b.gradientEdge, fn: fn, positions: positions, viewShape: shape,
                              baseShape: b.shape, dtype: b.dtype)
        b.gradFn = node
        b.outputNr = 0
        // The view now reads its history through the base, as PyTorch regenerates it.
        gradFn = AsStridedBackward(base: Edge(node: node, inputNr: 0), positions: positions,
                                   viewShape: shape, baseShape: b.shape, dtype: dtype)
        outputNr = 0
    }

    // MARK: - The in-place ops

    public func add_(_ other: Tensor, alpha: Double = 1) throws { try inPlace { try $0.add(other, alpha: alpha) } }
    public func sub_(_ other: Tensor, alpha: Double = 1) throws { try inPlace { try $0.sub(other, alpha: alpha) } }
    public func mul_(_ other: Tensor) throws { try inPlace { try $0.mul(other) } }
    public func div_(_ other: Tensor) throws {
        if !dtype.isFloatingPoint {
            throw AutogradError.runtime("result type Float can't be cast to the desired output type \(dtype.scalarTypeName)")
        }
        try inPlace { try $0.div(other) }
    }

    /// `zero_()`.
    public func zero_() throws {
        try inPlace { orig in Tensor.record(Derivatives.zero, inputs: [orig], output: orig.fullLike(0)) }
    }

    /// `fill_(value)`: `value` must fit the dtype (ATen's checked conversion).
    public func fill_(_ value: Double) throws {
        guard let v = dtype.checkedValue(value) else { throw dtype.overflowError }
        try inPlace { orig in
            var a = OpAttributes(); a.scalar = v
            return Tensor.record(Derivatives.fill, inputs: [orig], output: orig.fullLike(v), attrs: a)
        }
    }

    /// `fill_(value)` with a Python int, exact for integer dtypes.
    public func fill_(integer value: Int64) throws {
        guard dtype.isInteger else { return try fill_(Double(value)) }
        guard let v = dtype.checkedInteger(value) else { throw dtype.overflowError }
        try inPlace { orig in
            var a = OpAttributes(); a.scalar = Double(v)
            let out = Tensor(integers: [Int64](repeating: v, count: orig.numel), shape: orig.shape, dtype: orig.dtype)
            return Tensor.record(Derivatives.fill, inputs: [orig], output: out, attrs: a)
        }
    }

    /// `x[indices] = values`: writes `values` (broadcast to `valueShape`) at flat `positions`.
    public func indexPut(positions: [Int], valueShape: [Int], values v: Tensor, rule: DerivativeRule = Derivatives.indexPut) throws {
        let src: TensorElements
        if v.isWrappedNumber {
            let fill = try Tensor.checkedFill(v, dtype)
            src = TensorElements.repeating(fill.value, integer: fill.integer, count: Shape.count(valueShape), integers: dtype.isInteger)
        } else {
            src = try v.expanded(to: valueShape).elements(as: dtype)
        }
        try inPlace { orig in
            let out = orig.elements.overwriting(positions, from: src)
            var a = OpAttributes(); a.indices = positions; a.shape = valueShape
            return Tensor.record(rule, inputs: [orig, v], output: Tensor(elements: out, shape: shape, dtype: dtype), attrs: a)
        }
    }

    /// `copy_(src)`: broadcasts `src` into this tensor, converting the dtype.
    public func copy_(_ src: Tensor) throws {
        let copied: TensorElements
        if src.isWrappedNumber {
            // `x[...] = number`: a fill, with ATen's overflow check.
            let fill = try Tensor.checkedFill(src, dtype)
            copied = TensorElements.repeating(fill.value, integer: fill.integer, count: numel, integers: dtype.isInteger)
        } else {
            let b = try Shape.broadcast(shape, src.shape)
            guard b == shape else {
                throw AutogradError.runtime("output with shape \(Shape.text(shape)) doesn't match the broadcast shape \(Shape.text(b))")
            }
            copied = try src.expanded(to: shape).elements(as: dtype)
        }
        try inPlace { orig in
            var a = OpAttributes(); a.dtype = src.dtype; a.shape = src.shape
            return Tensor.record(Derivatives.copy, inputs: [orig, src],
                                 output: Tensor(elements: copied, shape: shape, dtype: dtype), attrs: a)
        }
    }
}

extension EngineObservers {
    /// Runs `body` without reporting the ops inside it as lesson steps.
    static func mutingForward<T>(_ body: () throws -> T) rethrows -> T {
        let previous = muteForward
        muteForward = true
        defer { muteForward = previous }
        return try body()
    }
}

/// The grad_fn of a view after an in-place change through it: scatters the view's
/// gradient into the base's shape (AsStridedBackward0).
public final class AsStridedBackward: Node {
    let positions: [Int]
    let baseShape: [Int]

    init(base: Edge, positions: [Int], viewShape: [Int], baseShape: [Int], dtype: DType) {
        self.positions = positions
        self.baseShape = baseShape
        super.init(name: "AsStridedBackward0", nextEdges: [base])
        firstOutput = TensorMeta(shape: viewShape, dtype: dtype)
    }

    public override func apply(_ grads: [Tensor?]) throws -> [Tensor?] {
        guard let g = grads[0] else { return [nil] }
        var all = [Double](repeating: 0, count: Shape.count(baseShape))
        for (k, v) in g.values.enumerated() { all[positions[k]] += v }
        return [Tensor(values: all, shape: baseShape, dtype: g.dtype)]
    }

    public override var formulas: [String] { ["grad placed at the view's positions in zeros of the base's shape"] }
}

/// The grad_fn of a tensor whose view was modified in place: routes the
/// gradient of the viewed region through the in-place op's own grad_fn.
public final class CopySlices: Node {
    let fn: Node
    let positions: [Int]
    let viewShape: [Int]
    let baseShape: [Int]
    let dtype: DType

    init(baseEdge: Edge?, fn: Node, positions: [Int], viewShape: [Int], baseShape: [Int], dtype: DType) {
        self.fn = fn
        self.positions = positions
        self.viewShape = viewShape
        self.baseShape = baseShape
        self.dtype = dtype
        super.init(name: "CopySlices", nextEdges: [baseEdge] + fn.nextEdges.dropFirst())
        firstOutput = TensorMeta(shape: baseShape, dtype: dtype)
    }

    public override func apply(_ grads: [Tensor?]) throws -> [Tensor?] {
        guard let g = grads[0] else { return Array(repeating: nil, count: nextEdges.count) }
        var all = g.values
        let region = Tensor(values: positions.map { all[$0] }, shape: viewShape, dtype: g.dtype)
        let res = try fn.apply([region])
        let first = res.first ?? nil
        let regionGrad = first?.values ?? [Double](repeating: 0, count: positions.count)
        for (k, p) in positions.enumerated() { all[p] = regionGrad[k] }
        return [Tensor(values: all, shape: baseShape, dtype: g.dtype)] + res.dropFirst()
    }

    public override func releaseSavedTensors() { fn.releaseSavedTensors() }
    public override var formulas: [String] { ["grad with the modified region replaced by that region's gradient"] + fn.formulas.dropFirst() }
}
