/// What the lesson holds at one step: every tensor it can reach, with its value and
/// `.grad`, and the autograd graph reachable from them (PyTorch's graph: grad_fn nodes,
/// AccumulateGrad nodes and their `next_functions` edges).
///
/// A scene is captured from the live objects when the step happens (``SceneCapture``), so a
/// picture drawn from it shows the program's real state, never a reconstruction.
public struct Scene: Sendable, Equatable {
    /// Every node, ordered by ``SceneNodeID`` (tensors first, then functions, each by id).
    public var nodes: [SceneNode]
    /// Every edge, ordered by source then target then input slot.
    public var edges: [SceneEdge]

    public init(nodes: [SceneNode] = [], edges: [SceneEdge] = []) {
        self.nodes = nodes
        self.edges = edges
    }

    /// The node with `id`, if the scene holds it.
    public func node(_ id: SceneNodeID) -> SceneNode? { index(of: id).map { nodes[$0] } }

    /// Where the node with `id` stands in ``nodes``, if the scene holds it.
    public func index(of id: SceneNodeID) -> Int? { nodes.index(ofID: id, \.id) }

    /// The tensor with engine id `id`, if the scene holds it.
    public func tensor(_ id: Int) -> TensorState? { node(.tensor(id))?.tensor }

    /// The tensor the lesson calls `name` (any of its names), if the scene holds one.
    public func tensor(named name: String) -> (id: Int, state: TensorState)? {
        for n in nodes {
            if case .tensor(let t) = n.content, t.names.contains(name), case .tensor(let id) = n.id { return (id, t) }
        }
        return nil
    }
}

/// A node's identity: the engine's tensor id or grad_fn node id, stable for the object's life.
public enum SceneNodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    case tensor(Int)
    case function(Int)
    /// An `nn.Module` drawn as one node (its grad_fns collapsed), by the module's path.
    case module(String)

    /// `t12`, `n5` or `m:model.0`, as the manifest and the SVG ids write it.
    public var description: String {
        switch self {
        case .tensor(let i): return "t\(i)"
        case .function(let i): return "n\(i)"
        case .module(let p): return "m:" + p
        }
    }

    /// Parses ``description``.
    public init?(_ text: String) {
        if text.hasPrefix("m:") {
            self = .module(String(text.dropFirst(2)))
            return
        }
        guard let first = text.first, let n = Int(text.dropFirst()) else { return nil }
        switch first {
        case "t": self = .tensor(n)
        case "n": self = .function(n)
        default: return nil
        }
    }

    private var rank: Int {
        switch self {
        case .tensor: return 0
        case .function: return 1
        case .module: return 2
        }
    }

    public static func < (a: SceneNodeID, b: SceneNodeID) -> Bool {
        switch (a, b) {
        case (.tensor(let x), .tensor(let y)), (.function(let x), .function(let y)): return x < y
        case (.module(let x), .module(let y)): return x < y
        default: return a.rank < b.rank
        }
    }
}

/// An edge of the graph, pointing the way gradients travel.
public struct SceneEdge: Sendable, Equatable {
    /// How the two ends are related.
    public enum Kind: Sendable, Equatable {
        /// From a non-leaf tensor to its `grad_fn` (the tensor's gradient enters the node there).
        case gradFn
        /// A `next_functions` entry of a node, into input slot `inputNr` of the next node.
        /// `input` is which of the node's inputs this edge serves (its `next_functions` index).
        case next(input: Int, inputNr: Int)
        /// From an AccumulateGrad node to the leaf whose `.grad` it fills.
        case variable
    }

    /// Where the edge starts.
    public var from: SceneNodeID {
        get { box.from }
        set { box = Box(newValue, box.to, box.kind, box.gradient) }
    }
    /// Where the edge ends.
    public var to: SceneNodeID {
        get { box.to }
        set { box = Box(box.from, newValue, box.kind, box.gradient) }
    }
    /// What the edge stands for.
    public var kind: Kind {
        get { box.kind }
        set { box = Box(box.from, box.to, newValue, box.gradient) }
    }
    /// The gradient travelling along the edge at this step, if any.
    public var gradient: TensorValues? {
        get { box.gradient }
        set { box = Box(box.from, box.to, box.kind, newValue) }
    }
    // One shared reference, as ``SceneNode``'s content: consecutive scenes share unchanged edges.
    private var box: Box

    public init(from: SceneNodeID, to: SceneNodeID, kind: Kind, gradient: TensorValues? = nil) {
        box = Box(from, to, kind, gradient)
    }

    public static func == (a: SceneEdge, b: SceneEdge) -> Bool {
        a.box === b.box || (a.from == b.from && a.to == b.to && a.kind == b.kind && a.gradient == b.gradient)
    }

    private final class Box: Sendable {
        let from: SceneNodeID
        let to: SceneNodeID
        let kind: Kind
        let gradient: TensorValues?
        init(_ from: SceneNodeID, _ to: SceneNodeID, _ kind: Kind, _ gradient: TensorValues?) {
            self.from = from
            self.to = to
            self.kind = kind
            self.gradient = gradient
        }
    }
}

extension Scene {
    /// For each node, the index of the node with the same id in `other`'s nodes (nil when
    /// `other` has none): one pass over both, as both are ordered by id. Nil when the walk
    /// finds either scene's nodes out of order, so callers fall back to tables of ids. (A node
    /// the two scenes share is matched by identity; every other id is read in order once.)
    ///
    /// Frames of a long graph hold nearly the same nodes; what changed between two of them
    /// costs one walk this way, not a table of every node per frame.
    public func nodeIndices(in other: Scene) -> [Int?]? {
        var out = [Int?](repeating: nil, count: nodes.count)
        let theirs = other.nodes
        var j = 0
        // The last id read on each side (and where, on theirs), to check the order as the walk goes.
        var mine: SceneNodeID?, seen: SceneNodeID?
        var seenAt = -1
        for (i, n) in nodes.enumerated() {
            // A node both scenes share (captured once, unchanged since) is matched without reading ids.
            if j < theirs.count && theirs[j].isShared(with: n) {
                out[i] = j
                j += 1
                continue
            }
            let id = n.id
            if let m = mine, !(m < id) { return nil }
            mine = id
            while j < theirs.count {
                let t = theirs[j].id
                if j != seenAt {
                    if let s = seen, !(s < t) { return nil }
                    seen = t
                    seenAt = j
                }
                if !(t < id) { break }
                j += 1
            }
            if j < theirs.count && theirs[j].id == id {
                out[i] = j
                j += 1
            }
        }
        // The rest of theirs is read too: an id out of order there could be one reported missing.
        while j < theirs.count {
            if j != seenAt {
                let t = theirs[j].id
                if let s = seen, !(s < t) { return nil }
                seen = t
            }
            j += 1
        }
        return out
    }

    /// What changed since `previous`: the nodes whose id it does not hold (entered) and its nodes
    /// whose id this scene does not hold (left), each in order. One walk when both scenes' nodes
    /// are in order, else by tables of ids.
    public func changes(since previous: Scene) -> (entered: [SceneNode], left: [SceneNode]) {
        guard let match = nodeIndices(in: previous) else {
            let now = Set(nodes.map(\.id)), before = Set(previous.nodes.map(\.id))
            return (nodes.filter { !before.contains($0.id) }, previous.nodes.filter { !now.contains($0.id) })
        }
        var kept = [Bool](repeating: false, count: previous.nodes.count)
        var entered: [SceneNode] = []
        for (n, j) in zip(nodes, match) {
            if let j { kept[j] = true } else { entered.append(n) }
        }
        return (entered, zip(previous.nodes, kept).compactMap { $1 ? nil : $0 })
    }

    /// The edges that join two nodes no edge of `previous` joins in the same way (same ends,
    /// same input): one pass over both when both are ordered, else every edge (a superset).
    public func edges(notIn previous: Scene) -> [SceneEdge] {
        guard Scene.isOrdered(edges), Scene.isOrdered(previous.edges) else { return edges }
        var out: [SceneEdge] = []
        var j = 0
        for e in edges {
            while j < previous.edges.count && Scene.precedes(previous.edges[j], e) { j += 1 }
            if !(j < previous.edges.count && !Scene.precedes(e, previous.edges[j])) { out.append(e) }
        }
        return out
    }

    static func isOrdered(_ edges: [SceneEdge]) -> Bool {
        for i in edges.indices.dropFirst() where !precedes(edges[i - 1], edges[i]) { return false }
        return true
    }

    /// The edge order: source, then target, then which input of the source.
    static func precedes(_ a: SceneEdge, _ b: SceneEdge) -> Bool {
        let af = a.from, bf = b.from
        if af != bf { return af < bf }
        let at = a.to, bt = b.to
        if at != bt { return at < bt }
        return a.kind.inputIndex < b.kind.inputIndex
    }
}

extension SceneEdge.Kind {
    /// The `next_functions` index of a `next` edge; -1 for the others (each pair of nodes has
    /// at most one of those).
    public var inputIndex: Int {
        if case .next(let i, _) = self { return i }
        return -1
    }
}

extension RandomAccessCollection where Index == Int {
    /// The index of the element whose id is `id`, in a collection ordered by id (a binary search).
    @inlinable
    public func index(ofID id: SceneNodeID, _ idOf: (Element) -> SceneNodeID) -> Int? {
        var lo = startIndex, hi = endIndex
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if idOf(self[mid]) < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < endIndex && idOf(self[lo]) == id ? lo : nil
    }
}
