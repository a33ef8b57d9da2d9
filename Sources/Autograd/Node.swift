import Synchronization

/// A recorded operation in the backward graph (`grad_fn`): given the gradients of
/// its outputs it computes the gradients of its inputs.
open class Node {

    /// Stable per-run id for traces and pictures.
    public let id: Int
    /// PyTorch's name, as `grad_fn.name()` returns it.
    public let name: String
    /// What `grad_fn.name()` returns: nodes written by hand in PyTorch's C++ carry their namespace.
    public var qualifiedName: String {
        switch name {
        case "AccumulateGrad", "CopySlices", "CopyBackwards", "GraphRoot": return "torch::autograd::" + name
        default: return name
        }
    }
    /// Creation order; the engine runs ready nodes with the highest number first.
    public let sequenceNr: Int
    /// One edge per differentiable input (`next_functions`); nil where the input
    /// needs no gradient.
    @exclusivity(unchecked) public internal(set) var nextEdges: [Edge?]
    public let numOutputs: Int
    /// The last ``GraphWalk`` that reached this node.
    @exclusivity(unchecked) var walkMark = 0
    /// Shape and dtype of the first output (most nodes have one), for implicit zero gradients.
    @exclusivity(unchecked) var firstOutput = TensorMeta(shape: [], dtype: .float32)
    /// Shapes and dtypes of outputs 1…, for nodes with several (custom Functions).
    @exclusivity(unchecked) var laterOutputs: [TensorMeta] = []
    /// Tensor hooks of the outputs this node produced, keyed by output number.
    @exclusivity(unchecked) var tensorPreHooks: [Int: [TensorHook]] = [:]
    /// Non-leaf tensors that called `retainGrad()`, by output number.
    @exclusivity(unchecked) var retainedOutputs: [Int: WeakTensor] = [:]
    /// The object a language binding wraps this node in (one identity per node).
    /// Held unretained: the wrapper owns the node and calls `forgetUserObject(_:)` from its deinit.
    public var userObject: AnyObject? {
        get { userObjectReference.object }
        set { userObjectReference.object = newValue }
    }
    @exclusivity(unchecked) private var userObjectReference = UnretainedReference()

    /// Clears `userObject` if it is `object` (called by the wrapper as it goes away).
    public func forgetUserObject(_ object: AnyObject) { userObjectReference.forget(object) }
    /// The backward run visiting this node keeps its per-node state here (no hashing).
    @exclusivity(unchecked) var run = RunScratch()
    /// Set once backward without `retain_graph` has freed this node's saved tensors.
    @exclusivity(unchecked) public internal(set) var savedTensorsReleased = false

    init(name: String, nextEdges: [Edge?], numOutputs: Int = 1, sequenceNr: Int? = nil) {
        let state = ThreadState.current
        state.budget.nodeCreated()
        state.nextNodeID += 1
        id = state.nextNodeID
        self.name = name
        self.nextEdges = nextEdges
        self.numOutputs = numOutputs
        if let s = sequenceNr {
            self.sequenceNr = s
        } else {
            state.nextSequenceNr += 1
            self.sequenceNr = state.nextSequenceNr
        }
    }

    deinit {
        // Hand the next nodes (and saved tensors) to the graveyard so a long chain is
        // freed without recursion; this frame keeps no reference once the array is emptied.
        let state = ThreadState.current
        state.budget.nodeFreed()
        for e in nextEdges { if let n = e?.node { state.graveyard.append(n) } }
        nextEdges = []
        buryHeld(in: state)
        Teardown.drain(state)
    }

    /// Moves what a subclass keeps that may lead further down the graph (saved tensors) into the graveyard.
    func buryHeld(in state: ThreadState) {}

    /// Shape and dtype of output `i`.
    func outputMeta(_ i: Int) -> TensorMeta { i == 0 ? firstOutput : laterOutputs[i - 1] }

    /// Records the outputs' shapes and dtypes.
    func setOutputs(_ metas: [TensorMeta]) {
        guard let first = metas.first else { return }
        firstOutput = first
        laterOutputs = Array(metas.dropFirst())
    }

    /// Resets the counters so two runs in one process number nodes alike.
    public static func resetIDs() {
        let state = ThreadState.current
        state.nextNodeID = 0
        state.nextSequenceNr = 0
    }

    /// Computes the input gradients from the output gradients (nil means zero).
    open func apply(_ grads: [Tensor?]) throws -> [Tensor?] {
        fatalError("Node subclasses implement apply")
    }

    /// Frees what the node saved for backward.
    open func releaseSavedTensors() { savedTensorsReleased = true }

    /// The tensors the node keeps for backward (for pictures of ctx and of freed values).
    open var savedTensorsForDisplay: [(name: String, tensor: Tensor)] { [] }

    /// The formula text per input, for pictures and the step-through.
    open var formulas: [String] { [] }
}

/// One backward run's state for one node: which run (stamp), how many gradients are
/// still to arrive, the gradients arrived so far, and whether the node leads to a target.
struct RunScratch {
    var stamp = 0
    var deps = 0
    /// The gradient arrived so far for output 0 (most nodes have only this one).
    var first: Tensor?
    /// Gradients for outputs 1… of nodes with several.
    var rest: [Tensor?] = []
    var needed = true

    /// Fresh state for a node with `outputs` outputs in run `stamp`.
    init(stamp: Int = 0, outputs: Int = 1) {
        self.stamp = stamp
        if outputs > 1 { rest = nilArray(outputs - 1, of: Tensor.self) }
    }

    /// The gradient arrived so far for output `slot`.
    subscript(slot: Int) -> Tensor? {
        get { slot == 0 ? first : rest[slot - 1] }
        set {
            if slot == 0 { first = newValue } else { rest[slot - 1] = newValue }
        }
    }

    /// Takes the arrived gradients out, one per output (`outputs` of them).
    mutating func takeGrads(outputs: Int) -> [Tensor?] {
        let g = first
        first = nil
        if outputs == 1 { return [g] }
        var all: [Tensor?] = [g]
        all.append(contentsOf: rest)
        rest = []
        return all
    }

    /// Drops gradients that were never used.
    mutating func dropGrads() {
        first = nil
        rest = []
    }
}

/// A reference that does not keep its object alive and, unlike `weak`, gives the object
/// no side table (which would slow every retain and release of it). Whoever holds the
/// object strongly must call `forget` before it goes away.
struct UnretainedReference {
    private var pointer: UnsafeMutableRawPointer?

    init() {}

    var object: AnyObject? {
        get { pointer.map { Unmanaged<AnyObject>.fromOpaque($0).takeUnretainedValue() } }
        set { pointer = newValue.map { Unmanaged.passUnretained($0).toOpaque() } }
    }

    /// Clears the reference if it is `object`.
    mutating func forget(_ object: AnyObject) {
        if pointer == Unmanaged.passUnretained(object).toOpaque() { pointer = nil }
    }
}

/// A tensor's shape and dtype, kept by nodes for zero gradients and checks.
struct TensorMeta {
    var shape: [Int]
    var dtype: DType
}

/// The shapes and dtypes of an op's inputs: the first two inline (most ops have one
/// or two inputs, and an array would cost an allocation per op), the rest in an array.
struct InputMetas {
    let count: Int
    private let first: TensorMeta?
    private let second: TensorMeta?
    private let more: [TensorMeta]

    /// The metadata of `count` tensors, `input(i)` being the i-th.
    @inline(__always)
    init(count: Int, _ input: (Int) -> Tensor) {
        func meta(_ i: Int) -> TensorMeta {
            let t = input(i)
            return TensorMeta(shape: t.shape, dtype: t.dtype)
        }
        self.count = count
        first = count > 0 ? meta(0) : nil
        second = count > 1 ? meta(1) : nil
        more = count > 2 ? (2..<count).map(meta) : []
    }

    subscript(i: Int) -> TensorMeta {
        switch i {
        case 0: return first!
        case 1: return second!
        default: return more[i - 2]
        }
    }
}

struct WeakTensor {
    weak var tensor: Tensor?
}

/// The sink at a leaf: adds the incoming gradient into `.grad`.
public final class AccumulateGrad: Node {
    /// The leaf this node accumulates into.
    public let variable: Tensor

    init(variable: Tensor) {
        self.variable = variable
        super.init(name: "AccumulateGrad", nextEdges: [], numOutputs: 1, sequenceNr: Int.max)
        firstOutput = TensorMeta(shape: variable.shape, dtype: variable.dtype)
    }

    public override func apply(_ grads: [Tensor?]) throws -> [Tensor?] {
        guard let incoming = grads[0] else { return [] }
        let before = variable.grad
        let beforeValues = EngineObservers.current == nil ? nil : before?.snapshot()
        let after: Tensor
        if let old = before {
            if GradMode.isEnabled {
                after = try old.add(incoming)
                variable.grad = after
            } else {
                // In place, as PyTorch does: a `.grad` held elsewhere sees the sum.
                old.writeValues(try old.add(incoming).values)
                old.version.bump()
                after = old
            }
        } else if GradMode.isEnabled {
            // PyTorch copies into a fresh tensor: `empty.copy_(grad)`, recorded as CopyBackwards.
            let empty = incoming.fullLike(0)
            var a = OpAttributes(); a.dtype = incoming.dtype; a.shape = incoming.shape
            after = Tensor.record(Derivatives.copy, inputs: [empty, incoming], output: incoming.snapshot(), attrs: a)
            after.takeGradientLayout(of: variable)
            variable.grad = after
        } else {
            // `.grad` never aliases a gradient the caller may still hold.
            after = incoming.snapshot()
            after.takeGradientLayout(of: variable)
            variable.grad = after
        }
        EngineObservers.current?.accumulated(into: variable, before: beforeValues, incoming: incoming, after: after)
        return []
    }

    public override var formulas: [String] { ["grad += incoming"] }
}

/// A walk over the autograd graph that meets each node once: it marks the nodes it reaches,
/// so walking a graph of any size keeps no table of the nodes seen. Every walk has a mark of
/// its own (from one counter for all threads); a graph is walked by one thread at a time.
public struct GraphWalk {
    private static let walks = Atomic<Int>(0)
    private let mark: Int

    public init() {
        mark = GraphWalk.walks.add(1, ordering: .relaxed).newValue
    }

    /// Marks `node` reached; true the first time this walk reaches it.
    public func reach(_ node: Node) -> Bool {
        guard node.walkMark != mark else { return false }
        node.walkMark = mark
        return true
    }

    /// Whether this walk has reached `node`.
    public func hasReached(_ node: Node) -> Bool { node.walkMark == mark }
}
