/// One entry of the derivative table: an op's PyTorch grad_fn name, what each
/// input's backward formula reads, the formula itself (written in differentiable
/// tensor ops, so `create_graph` records the backward graph) and its text for learners.
public final class DerivativeRule {
    /// What a pullback may read from the forward pass.
    public enum Saved: Equatable {
        case input(Int)
        case output
    }

    public typealias Pullback = (BackwardContext) throws -> Tensor?

    /// The op's key in the table, e.g. `mul`.
    public let op: String
    /// The grad_fn name exactly as PyTorch prints it, e.g. `MulBackward0`.
    public let gradFn: String
    /// The inputs' names in the formulas (`self`, `other`, …).
    public let inputs: [String]
    /// Per input: the formula in PyTorch's notation, e.g. `grad · other`.
    public let formulas: [String]
    /// Per input: the local derivative ∂result/∂input a learner multiplies by,
    /// e.g. `other`; nil where the rule is not elementwise.
    public let localDerivatives: [String?]
    /// Per input: what its pullback reads. Saved only when that input needs a gradient.
    public let saves: [[Saved]]
    /// Per input: the gradient with respect to that input, before it is summed to the input's shape.
    public let pullbacks: [Pullback]
    /// A rule over a list of tensors (`cat`, `stack`): its single formula serves every input.
    public let isVariadic: Bool
    /// The op's non-tensor arguments and where the recorded attributes keep them.
    public let argumentSpecs: [ArgumentSpec]
    /// How ATen lays out the op's result in memory.
    let resultLayout: ResultLayout

    public init(op: String, gradFn: String, inputs: [String], formulas: [String],
                local: [String?]? = nil, saves: [[Saved]], variadic: Bool = false, arguments: [ArgumentSpec] = [],
                pullbacks: [Pullback]) {
        precondition(inputs.count == formulas.count && inputs.count == saves.count && inputs.count == pullbacks.count,
                     "derivative rule \(op) needs one formula, one save list and one pullback per input")
        self.op = op
        self.gradFn = gradFn
        self.inputs = inputs
        self.formulas = formulas
        self.localDerivatives = local ?? Array(repeating: nil, count: inputs.count)
        self.saves = saves
        self.pullbacks = pullbacks
        calls = pullbacks.map(PullbackCall.init)
        self.isVariadic = variadic
        argumentSpecs = arguments
        resultLayout = ResultLayout.of(op)
    }

    func saves(forInput i: Int) -> [Saved] { isVariadic ? saves[0] : saves[i] }
    /// Runs the pullback of input `i`.
    @inline(__always)
    func runPullback(forInput i: Int, _ c: BackwardContext) throws -> Tensor? {
        try calls[isVariadic ? 0 : i].run(c)
    }

    /// The pullbacks again, each in a struct: a closure kept in a struct field is called
    /// directly, while one taken out of an array of closures is re-wrapped (an allocation) first.
    private let calls: [PullbackCall]

    private struct PullbackCall {
        let run: Pullback
    }
}

/// Non-tensor arguments of a recorded op (exponents, dimensions, bounds, shapes).
public struct OpAttributes {
    public var scalar: Double = 0
    public var scalar2: Double = 0
    public var hasMin = false
    public var hasMax = false
    public var keepdim = false
    public var index = 0
    public var start = 0
    public var end = 0
    public var step = 1
    public var dtype: DType = .float32
    /// Dimensions the op works along.
    public var dims: [Int] {
        get { lists?.dims ?? [] }
        set { mutableLists().dims = newValue }
    }
    /// A shape the op needs (reshape target, expanded size…).
    public var shape: [Int] {
        get { lists?.shape ?? [] }
        set { mutableLists().shape = newValue }
    }
    /// Element positions or sizes the op needs.
    public var indices: [Int] {
        get { lists?.indices ?? [] }
        set { mutableLists().indices = newValue }
    }

    /// The list attributes, boxed: most ops have none, and copying one optional
    /// reference is cheaper than copying three arrays with every recorded op.
    private var lists: Lists?

    private final class Lists {
        var dims: [Int] = []
        var shape: [Int] = []
        var indices: [Int] = []

        init() {}

        init(copying other: Lists) {
            dims = other.dims
            shape = other.shape
            indices = other.indices
        }
    }

    private mutating func mutableLists() -> Lists {
        if lists == nil {
            lists = Lists()
        } else if !isKnownUniquelyReferenced(&lists) {
            lists = Lists(copying: lists!)
        }
        return lists!
    }

    public init() {}
}

/// What a pullback sees: the output gradient, the saved tensors (checked
/// against their version), the attributes and the inputs' shapes.
public struct BackwardContext {
    unowned let node: OpNode
    /// The gradient of the op's output.
    public let grad: Tensor
    /// Which input the pullback is computing (for variadic rules).
    public let inputIndex: Int

    public var attrs: OpAttributes { node.attrs }
    public func inputShape(_ i: Int) -> [Int] { node.inputs[i].shape }
    public func inputDType(_ i: Int) -> DType { node.inputs[i].dtype }

    /// The forward input `i`, as saved.
    public func input(_ i: Int) throws -> Tensor { try node.unpack(slot: i) }
    /// The forward result, as saved.
    public func result() throws -> Tensor { try node.unpack(slot: node.inputs.count) }
}

/// A value kept for backward with the version it had when saved.
struct SavedVariable {
    let tensor: Tensor
    let version: Int
    let isOutput: Bool
}

/// The grad_fn of an op from the derivative table.
public final class OpNode: Node {
    public let rule: DerivativeRule
    let attrs: OpAttributes
    /// The inputs' shapes and dtypes (gradients are summed and cast back to them).
    let inputs: InputMetas
    /// Slots 0..<inputs for inputs, slot `inputs.count` for the output; empty until something is saved.
    @exclusivity(unchecked) var saved: [SavedVariable?] = []

    init(rule: DerivativeRule, edges: [Edge?], inputs: InputMetas, output: Tensor, attrs: OpAttributes) {
        self.rule = rule
        self.attrs = attrs
        self.inputs = inputs
        super.init(name: rule.gradFn, nextEdges: edges)
        firstOutput = TensorMeta(shape: output.shape, dtype: output.dtype)
    }

    func save(_ tensor: Tensor, slot: Int, isOutput: Bool) {
        // An output is kept without its grad_fn (that would be this node: a cycle)
        // and gets it back when unpacked.
        let kept = isOutput ? tensor.detach() : tensor
        let value = SavedVariable(tensor: kept, version: tensor.version.value, isOutput: isOutput)
        if saved.isEmpty {
            saved = arrayWith(value, at: slot, count: inputs.count + 1)
        } else {
            saved[slot] = value
        }
    }

    func unpack(slot: Int) throws -> Tensor {
        if savedTensorsReleased { throw AutogradError.runtime(Messages.backwardTwice) }
        guard slot < saved.count, let s = saved[slot] else {
            preconditionFailure("\(rule.gradFn) reads a value its rule does not save")
        }
        if s.tensor.version.value != s.version {
            let t = s.tensor
            throw AutogradError.runtime(Messages.modifiedInPlace(t, ownerNode: s.isOutput ? self : t.gradFn,
                                                                 outputNr: s.isOutput ? 0 : t.outputNr, expected: s.version))
        }
        if s.isOutput {
            let t = Tensor(storage: s.tensor.storage, shape: s.tensor.shape, dtype: s.tensor.dtype, version: s.tensor.version,
                           strides: s.tensor.strides, offset: s.tensor.offset)
            t.gradFn = self
            return t
        }
        return s.tensor
    }

    public override func apply(_ grads: [Tensor?]) throws -> [Tensor?] {
        let g = try grads[0] ?? Tensor.zeros(firstOutput.shape, dtype: firstOutput.dtype)
        switch nextEdges.count {
        case 1: return [try inputGrad(0, g)]
        case 2:
            let a = try inputGrad(0, g)
            return [a, try inputGrad(1, g)]
        default:
            var out = nilArray(nextEdges.count, of: Tensor.self)
            for i in 0..<nextEdges.count { out[i] = try inputGrad(i, g) }
            return out
        }
    }

    /// The gradients of the first two inputs (nil where not needed), without arrays:
    /// the engine's path for ops with at most two inputs.
    func applyPair(_ g: Tensor) throws -> (Tensor?, Tensor?) {
        let a = try inputGrad(0, g)
        return (a, nextEdges.count > 1 ? try inputGrad(1, g) : nil)
    }

    /// The gradient for input `i` (nil when it needs none), summed and cast back to the input's shape and dtype.
    @inline(__always)
    private func inputGrad(_ i: Int, _ g: Tensor) throws -> Tensor? {
        guard nextEdges[i] != nil else { return nil }
        let ctx = BackwardContext(node: self, grad: g, inputIndex: i)
        guard var r = try rule.runPullback(forInput: i, ctx) else { return nil }
        r = try r.sumTo(shape: inputs[i].shape)
        if r.dtype != inputs[i].dtype { r = try r.to(inputs[i].dtype) }
        return r
    }

    override func buryHeld(in state: ThreadState) {
        for s in saved { if let t = s?.tensor { state.graveyard.append(t) } }
        saved = []
    }

    public override func releaseSavedTensors() { _ = releaseSaved() }

    /// Frees the saved tensors; true when there were any.
    func releaseSaved() -> Bool {
        var any = false
        for i in saved.indices where saved[i] != nil {
            saved[i] = nil
            any = true
        }
        if any { super.releaseSavedTensors() }
        return any
    }

    public override var savedTensorsForDisplay: [(name: String, tensor: Tensor)] {
        saved.enumerated().compactMap { i, s in
            guard let s else { return nil }
            let name = i == inputs.count ? "result" : (rule.isVariadic ? "\(rule.inputs[0])[\(i)]" : rule.inputs[i])
            return (name, s.tensor)
        }
    }

    public override var formulas: [String] { rule.formulas }
}

/// PyTorch's message texts that more than one place raises.
enum Messages {
    /// The saved-tensor version check's error, naming the op that produced the tensor
    /// as PyTorch 2.15 does (`Add` for AddBackward0).
    static func modifiedInPlace(_ t: Tensor, ownerNode: Node?, outputNr: Int, expected: Int) -> String {
        let owner = ownerNode.map { ", which is output \(outputNr) of \(opName(of: $0))," } ?? ""
        return "one of the variables needed for gradient computation has been modified by an inplace operation: [\(t.dtype.legacyTypeName) [\(t.shape.map(String.init).joined(separator: ", "))]]\(owner) is at version \(t.version.value); expected version \(expected) instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False)."
    }

    /// `MulBackward0` → `Mul`.
    static func opName(of node: Node) -> String {
        var n = Substring(node.name)
        while let last = n.last, last.isNumber { n = n.dropLast() }
        if n.hasSuffix("Backward") { n = n.dropLast(8) }
        return String(n)
    }

    static let backwardTwice = "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward."
}
