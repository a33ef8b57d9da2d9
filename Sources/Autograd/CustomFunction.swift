/// The context of a custom autograd Function (`ctx`): what forward saves for backward.
public final class FunctionContext {
    /// Per forward input: whether its gradient is needed (`ctx.needs_input_grad`).
    public internal(set) var needsInputGrad: [Bool] = []
    private var saved: [SavedVariable?] = []
    private var savedWereSet = false
    var nonDifferentiable = Set<ObjectIdentifier>()
    /// False after `ctx.set_materialize_grads(False)`: undefined output gradients stay nil.
    public var materializeGrads = true
    weak var node: CustomFunctionNode?
    var released = false

    public init() {}

    /// `ctx.save_for_backward(*tensors)`; nil entries stand for `None`.
    public func saveForBackward(_ tensors: [Tensor?]) {
        saved = tensors.map { t in t.map { SavedVariable(tensor: $0, version: $0.version.value, isOutput: false) } }
        savedWereSet = true
    }

    /// `ctx.saved_tensors`, checked against in-place changes since they were saved.
    public func savedTensors() throws -> [Tensor?] {
        if released && savedWereSet { throw AutogradError.runtime(Messages.backwardTwice) }
        return try saved.map { s in
            guard let s else { return nil }
            if s.tensor.version.value != s.version {
                let t = s.tensor
                throw AutogradError.runtime(Messages.modifiedInPlace(t, ownerNode: t.gradFn, outputNr: t.outputNr, expected: s.version))
            }
            return s.tensor
        }
    }

    /// The saved tensors without checks, for pictures of what ctx holds.
    public var savedForDisplay: [Tensor?] { saved.map { $0?.tensor } }

    /// `ctx.mark_non_differentiable(*tensors)`.
    public func markNonDifferentiable(_ tensors: [Tensor]) {
        for t in tensors { nonDifferentiable.insert(ObjectIdentifier(t)) }
    }

    func release() {
        released = true
        if savedWereSet { saved = saved.map { _ in nil } }
    }
}

/// The grad_fn of a custom Function: `<Name>Backward`, calling the user's backward.
public final class CustomFunctionNode: Node {
    public let context: FunctionContext
    let backwardFn: (FunctionContext, [Tensor?]) throws -> [Tensor?]
    /// Shapes and dtypes of the forward inputs (nil for non-tensor inputs).
    let inputMeta: [(shape: [Int], dtype: DType)?]
    public let functionName: String

    init(functionName: String, context: FunctionContext, edges: [Edge?], inputMeta: [(shape: [Int], dtype: DType)?],
         numOutputs: Int, backward: @escaping (FunctionContext, [Tensor?]) throws -> [Tensor?]) {
        self.functionName = functionName
        self.context = context
        self.backwardFn = backward
        self.inputMeta = inputMeta
        super.init(name: functionName + "Backward", nextEdges: edges, numOutputs: numOutputs)
    }

    public override func apply(_ grads: [Tensor?]) throws -> [Tensor?] {
        var gs = grads
        if context.materializeGrads {
            for i in gs.indices where gs[i] == nil {
                let meta = outputMeta(i)
                gs[i] = try Tensor.zeros(meta.shape, dtype: meta.dtype)
            }
        }
        let result = try backwardFn(context, gs)
        let expected = inputMeta.count
        if result.count != expected {
            if result.count > expected, result[expected...].allSatisfy({ $0 == nil }) {
                // PyTorch accepts trailing Nones beyond the inputs.
            } else {
                throw AutogradError.runtime("function \(name) returned an incorrect number of gradients (expected \(expected), got \(result.count))")
            }
        }
        var out: [Tensor?] = []
        for i in 0..<expected {
            let g = i < result.count ? result[i] : nil
            guard let meta = inputMeta[i] else {
                if g != nil && nextEdges[i] != nil {
                    throw AutogradError.runtime("function \(name) returned a gradient different than None at position \(i + 1), but the corresponding forward input was not a Variable")
                }
                out.append(nil)
                continue
            }
            guard var g, nextEdges[i] != nil else { out.append(nil); continue }
            if g.shape != meta.shape {
                guard Shape.isExpandable(meta.shape, to: g.shape) else {
                    throw AutogradError.runtime("Function \(name) returned an invalid gradient at index \(i) - got [\(g.shape.map(String.init).joined(separator: ", "))] but expected shape compatible with [\(meta.shape.map(String.init).joined(separator: ", "))]")
                }
                g = try g.sumTo(shape: meta.shape)
            }
            if g.dtype != meta.dtype { g = try g.to(meta.dtype) }
            out.append(g)
        }
        return out
    }

    /// The user's backward called directly (`grad_fn.apply(*grads)` in PyTorch), its
    /// results as returned, without the engine's shape and count checks.
    public func callBackward(_ grads: [Tensor?]) throws -> [Tensor?] {
        try backwardFn(context, grads)
    }

    public override func releaseSavedTensors() {
        super.releaseSavedTensors()
        context.release()
    }

    public override var savedTensorsForDisplay: [(name: String, tensor: Tensor)] {
        context.savedForDisplay.enumerated().compactMap { i, t in t.map { ("saved[\(i)]", $0) } }
    }

    public override var formulas: [String] { ["\(functionName).backward(ctx, grad)"] }
}

/// `torch.autograd.Function.apply`: runs `forward` without recording, then
/// connects its tensor outputs to a `<Name>Backward` node whose backward is the user's.
public enum CustomFunction {
    /// One forward argument: a tensor (may need a gradient) or any other value.
    public enum Argument {
        case tensor(Tensor)
        case other
    }

    public static func apply(name: String, arguments: [Argument],
                             forward: (FunctionContext) throws -> [Tensor],
                             backward: @escaping (FunctionContext, [Tensor?]) throws -> [Tensor?]) throws -> [Tensor] {
        let ctx = FunctionContext()
        var edges: [Edge?] = []
        var meta: [(shape: [Int], dtype: DType)?] = []
        var anyRequiresGrad = false
        for a in arguments {
            switch a {
            case .tensor(let t):
                let e = GradMode.isEnabled ? t.gradientEdge : nil
                edges.append(e)
                meta.append((t.shape, t.dtype))
                ctx.needsInputGrad.append(e != nil)
                if e != nil { anyRequiresGrad = true }
            case .other:
                edges.append(nil)
                meta.append(nil)
                ctx.needsInputGrad.append(false)
            }
        }
        // The forward body is lesson code: its ops run without recording, but a trace sees them.
        let outputs = try GradMode.with(false) { try forward(ctx) }
        let inputTensors: [Tensor] = arguments.compactMap { if case .tensor(let t) = $0 { return t } else { return nil } }
        var results: [Tensor] = []
        if anyRequiresGrad {
            let node = CustomFunctionNode(functionName: name, context: ctx, edges: edges, inputMeta: meta,
                                          numOutputs: outputs.count, backward: backward)
            ctx.node = node
            node.setOutputs(outputs.map { TensorMeta(shape: $0.shape, dtype: $0.dtype) })
            for (i, out) in outputs.enumerated() {
                // An input returned as is becomes a new tensor sharing its storage, as PyTorch's view.
                let r = inputTensors.contains(where: { $0 === out }) ? out.detach() : out
                if !ctx.nonDifferentiable.contains(ObjectIdentifier(out)) && r.dtype.isFloatingPoint {
                    r.gradFn = node
                    r.outputNr = i
                }
                results.append(r)
            }
        } else {
            results = outputs
        }
        for r in results {
            EngineObservers.current?.forward(ForwardReport(op: name, rule: nil, inputs: inputTensors, output: r))
        }
        return results
    }
}
