/// A recorded operation in the backward graph (`grad_fn`): given the gradients of
/// its outputs it computes the gradients of its inputs.
open class Node {
    nonisolated(unsafe) private static var nextSequenceNr = 0
    nonisolated(unsafe) private static var nextID = 0

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
    public internal(set) var nextEdges: [Edge?]
    public let numOutputs: Int
    /// Shapes and dtypes of the outputs, for implicit zero gradients and messages.
    public internal(set) var outputShapes: [[Int]] = []
    public internal(set) var outputDTypes: [DType] = []
    /// Tensor hooks of the outputs this node produced, keyed by output number.
    var tensorPreHooks: [Int: [TensorHook]] = [:]
    /// Non-leaf tensors that called `retainGrad()`, by output number.
    var retainedOutputs: [Int: WeakTensor] = [:]
    /// The object a language binding wraps this node in (one identity per node).
    public weak var userObject: AnyObject?
    /// Set once backward without `retain_graph` has freed this node's saved tensors.
    public internal(set) var savedTensorsReleased = false

    init(name: String, nextEdges: [Edge?], numOutputs: Int = 1, sequenceNr: Int? = nil) {
        Node.nextID += 1
        id = Node.nextID
        self.name = name
        self.nextEdges = nextEdges
        self.numOutputs = numOutputs
        if let s = sequenceNr {
            self.sequenceNr = s
        } else {
            Node.nextSequenceNr += 1
            self.sequenceNr = Node.nextSequenceNr
        }
    }

    /// Resets the counters so two runs in one process number nodes alike.
    public static func resetIDs() { nextID = 0; nextSequenceNr = 0 }

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
        outputShapes = [variable.shape]
        outputDTypes = [variable.dtype]
    }

    public override func apply(_ grads: [Tensor?]) throws -> [Tensor?] {
        guard let incoming = grads[0] else { return [] }
        let before = variable.grad
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
            variable.grad = after
        } else {
            // `.grad` never aliases a gradient the caller may still hold.
            after = incoming.snapshot()
            variable.grad = after
        }
        EngineObservers.current?.accumulated(into: variable, before: before?.snapshot(), incoming: incoming, after: after)
        return []
    }

    public override var formulas: [String] { ["grad += incoming"] }
}
