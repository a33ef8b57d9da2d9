/// One node of a ``Scene``: a tensor or a backward function.
public struct SceneNode: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case tensor(TensorState)
        case function(FunctionState)
    }

    /// The node's identity, kept beside the content's reference: passes over a frame's nodes
    /// compare ids without reaching into each node's content.
    public var id: SceneNodeID
    /// What the node is. Held in a shared box, so that a node is one reference: scenes are
    /// captured for every drawn step of graphs with many thousands of nodes, and consecutive
    /// scenes share the nodes that did not change.
    public var content: Content {
        get { box.content }
        set { box = Box(newValue) }
    }
    private var box: Box

    public init(id: SceneNodeID, content: Content) {
        self.id = id
        box = Box(content)
    }

    public static func == (a: SceneNode, b: SceneNode) -> Bool {
        a.id == b.id && (a.box === b.box || a.box.content == b.box.content)
    }

    /// True when both are the one node a scene shared with the scene captured after it.
    func isShared(with other: SceneNode) -> Bool { box === other.box && id == other.id }

    private final class Box: Sendable {
        let content: Content
        init(_ content: Content) {
            self.content = content
        }
    }

    /// The tensor's state, for tensor nodes.
    public var tensor: TensorState? {
        if case .tensor(let t) = content { return t }
        return nil
    }

    /// The function's state, for grad_fn and AccumulateGrad nodes.
    public var function: FunctionState? {
        if case .function(let f) = content { return f }
        return nil
    }
}

/// A tensor as the program holds it at one step.
public struct TensorState: Sendable, Equatable {
    /// Every name bound to the tensor now (`x`, `model.fc.weight`, `xs[0]`), the preferred one first:
    /// a global name beats a function's local, a short path beats a long one. Empty for a
    /// temporary of the running statement or a tensor reached only through the graph.
    public var names: [String]
    /// The values, as `tolist()` gives them (a summary for large tensors).
    public var value: TensorValues
    /// `.grad`: nil when it is `None`.
    public var grad: TensorValues?
    /// The engine id of the `.grad` tensor, when it has one.
    public var gradID: Int?
    public var requiresGrad: Bool
    public var isLeaf: Bool
    /// The node id of `grad_fn`, for results.
    public var gradFn: Int?
    /// PyTorch's version counter (bumped by every in-place change).
    public var version: Int
    /// An `nn.Parameter`.
    public var isParameter: Bool
    /// The gradient of the running backward's root with respect to this tensor, once it has
    /// arrived (`∂z/∂y`), for a tensor on the path that is not a leaf: a non-leaf's `.grad`
    /// stays None unless it called `retain_grad()`, so this is shown apart from `grad`.
    public var arrived: TensorValues?
    /// The lesson line whose statement made the tensor, when the trace saw it made.
    public var line: Int?
    /// The module whose forward made it.
    public var module: ModuleRef?

    public init(names: [String], value: TensorValues, grad: TensorValues?, gradID: Int?, requiresGrad: Bool,
                isLeaf: Bool, gradFn: Int?, version: Int, isParameter: Bool, arrived: TensorValues? = nil, line: Int? = nil,
                module: ModuleRef? = nil) {
        self.names = names
        self.value = value
        self.grad = grad
        self.gradID = gradID
        self.requiresGrad = requiresGrad
        self.isLeaf = isLeaf
        self.gradFn = gradFn
        self.version = version
        self.isParameter = isParameter
        self.arrived = arrived
        self.line = line
        self.module = module
    }

    /// The preferred name, if any.
    public var name: String? { names.first }
}

/// A backward function (`grad_fn` or AccumulateGrad) as the graph holds it at one step.
public struct FunctionState: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// A grad_fn node: `MulBackward0`, `<Name>Backward` for a custom Function, …
        case gradFn = "grad_fn"
        /// The sink that adds a leaf's gradient into its `.grad`.
        case accumulateGrad = "accumulate_grad"
    }

    /// What the node keeps for backward.
    public struct Saved: Sendable, Equatable {
        /// The rule's name for it (`self`, `other`, `result`, `saved[0]` for `ctx.saved_tensors`).
        public var name: String
        public var value: TensorValues

        public init(name: String, value: TensorValues) {
            self.name = name
            self.value = value
        }
    }

    public var kind: Kind
    /// `grad_fn.name()` without a namespace: `MulBackward0`, `AccumulateGrad`.
    public var name: String
    /// For AccumulateGrad: the leaf it accumulates into.
    public var variable: Int?
    /// What the node still keeps for backward.
    public var saved: [Saved]
    /// True once a backward without `retain_graph` freed the saved tensors.
    public var released: Bool
    /// The lesson line whose statement recorded the node, when the trace saw it recorded.
    public var line: Int?
    /// The names bound to the node itself (`f = z.grad_fn`).
    public var names: [String]
    /// The module whose forward recorded it.
    public var module: ModuleRef?
    /// For a module drawn as one node: the grad_fns it stands for, by name.
    public var members: [String] = []

    public init(kind: Kind, name: String, variable: Int? = nil, saved: [Saved] = [], released: Bool = false,
                line: Int? = nil, names: [String] = [], module: ModuleRef? = nil) {
        self.kind = kind
        self.name = name
        self.variable = variable
        self.saved = saved
        self.released = released
        self.line = line
        self.names = names
        self.module = module
    }
}

/// The `nn.Module` whose forward made a node or tensor: the path the lesson reaches it by
/// (`model.0`) and what it is (`Linear(1 → 32)`).
public struct ModuleRef: Sendable, Equatable, Hashable {
    public var path: String
    public var label: String
    /// The labels of the modules running around it, by path (`model` → `Sequential`).
    public var enclosing: [String: String]

    public init(path: String, label: String, enclosing: [String: String] = [:]) {
        self.path = path
        self.label = label
        self.enclosing = enclosing
    }

    /// The label of `path`: this module's, or an enclosing one's.
    public func label(of path: String) -> String? { path == self.path ? label : enclosing[path] }
}
