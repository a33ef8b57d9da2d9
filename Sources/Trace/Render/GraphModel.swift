/// The union of every autograd graph a lesson builds, as PyTorch links it:
/// tensors, grad_fn nodes, AccumulateGrad nodes and the edges between them.
///
/// Frames reveal and restyle this one graph, so it is laid out once and every
/// vertex keeps its position from frame to frame. Edges point the way data flows
/// in the forward pass (an input's node → the node that consumed it → its result);
/// gradients travel them backwards.
///
/// A loop that builds a fresh graph per iteration (a training loop) does not
/// stack copies: once a backward without `retain_graph` has consumed a graph,
/// the next iteration's vertices take over the *slots* (positions) of the
/// matching vertices of the consumed one — same op, same line, same place — and
/// the consumed vertices leave the picture.
public struct GraphModel: Sendable {
    /// What a vertex stands for.
    public enum VertexKind: String, Sendable {
        /// A tensor the lesson can see: a leaf, a named result, a backward root.
        case tensor
        /// A grad_fn node (`MulBackward0`, a custom Function's `<Name>Backward`).
        case gradFn
        /// The sink that adds a leaf's gradient into its `.grad`.
        case accumulateGrad
    }

    /// Why a tensor is drawn, which decides its colours.
    public enum TensorRole: String, Sendable {
        /// A leaf that requires grad (a parameter).
        case leaf
        /// A result recorded into the graph (it has a grad_fn).
        case result
        /// A tensor that needs no gradient but feeds a recorded op.
        case constant
        /// Computed from tensors that require grad, but not recorded (no_grad, detach).
        case notRecorded
    }

    /// A tensor or node of the union graph, and the events during which it is drawn.
    public struct Vertex: Sendable, Equatable {
        /// A unique name: `t<tensor id>` or `n<node id>`.
        public var key: String
        /// The DOT node name and SVG id of the position this vertex occupies.
        public var slot: String
        public var kind: VertexKind
        /// The lesson's name for a tensor, PyTorch's name for a node.
        public var title: String
        /// The engine's tensor or node id.
        public var tensorID: Int?
        public var nodeID: Int?
        /// For tensors: what the tensor is (decided by its first appearance).
        public var role: TensorRole?
        /// The first event at which the vertex is drawn.
        public var firstEvent: Int
        /// The last event at which the vertex is drawn (`Int.max`: to the end).
        public var lastEvent: Int
    }

    /// How two vertices are related.
    public enum EdgeKind: String, Sendable {
        /// A `next_functions` entry: gradient flows from the consumer to this input's node.
        case next
        /// A result tensor and the grad_fn that produced it.
        case gradFn
        /// A leaf tensor and its AccumulateGrad node.
        case variable
        /// A tensor that needs no gradient, used by a recorded op.
        case constant
        /// An input of a result that was not recorded.
        case untracked
    }

    /// An edge of the union graph, and the events during which it is drawn.
    public struct Edge: Sendable, Equatable {
        /// A unique name, from the vertices it joins.
        public var key: String
        /// The SVG id of the edge and the key of its route in the layout, shared
        /// by the edges of later iterations that join the same slots.
        public var layoutKey: String
        /// Vertex keys, in the direction data flows.
        public var from: String
        public var to: String
        public var kind: EdgeKind
        /// The first and last events at which the edge is drawn.
        public var firstEvent: Int
        public var lastEvent: Int
        /// For `.next` edges: the consumer node and its `next_functions` index.
        public var nodeID: Int?
        public var slot: Int?
    }

    /// What the trace says about one grad_fn node.
    struct NodeInfo: Sendable {
        var snapshot: NodeSnapshot
        /// The forward event that created the node, with its inputs and result.
        var creationEvent: Int?
        var inputs: [TensorSnapshot] = []
        var output: TensorSnapshot?
    }

    /// Vertices in the order they appear (ties broken by kind and id): deterministic.
    public internal(set) var vertices: [Vertex] = []
    /// Edges in the order they appear: deterministic.
    public internal(set) var edges: [Edge] = []
    /// Slot names in the order their first occupants appear.
    public internal(set) var slots: [String] = []

    var vertexIndex: [String: Int] = [:]
    var edgeIndex: [String: Int] = [:]
    var nodes: [Int: NodeInfo] = [:]
    /// For each (node, slot) the `.next` edge its outgoing gradient travels.
    var nextEdgeBySlot: [Int: [Int: Int]] = [:]
    /// The leaf each AccumulateGrad node adds into, by node id.
    var accumulatorLeaf: [Int: Int] = [:]
    /// Why a result was not recorded, in words (`not recorded (no_grad)`), by tensor id.
    var notRecordedReason: [Int: String] = [:]
    /// Per event: the vertices and edges drawn for the last time at the event before it.
    var retiring: [Int: (vertices: [Int], edges: [Int])] = [:]

    /// Builds the union graph of a whole trace.
    ///
    /// - Complexity: O(n log n) in the number of events and snapshot entries.
    public init(events: [TraceEvent]) {
        var b = GraphModelBuilder(events: events)
        for e in events { b.add(e) }
        self = b.finish()
    }

    /// The vertex drawn for tensor `id`, if any.
    public func tensorVertex(_ id: Int) -> Vertex? { vertexIndex["t\(id)"].map { vertices[$0] } }

    /// The vertex drawn for grad_fn or AccumulateGrad node `id`, if any.
    public func nodeVertex(_ id: Int) -> Vertex? { vertexIndex["n\(id)"].map { vertices[$0] } }

    /// The `.next` edge that carries node `nodeID`'s outgoing gradient number `slot`.
    public func nextEdge(node nodeID: Int, slot: Int) -> Edge? {
        nextEdgeBySlot[nodeID]?[slot].map { edges[$0] }
    }

    /// The input snapshot of node `id`'s forward op at `slot`.
    func inputSnapshot(node id: Int, slot: Int) -> TensorSnapshot? {
        guard let info = nodes[id], slot < info.inputs.count else { return nil }
        return info.inputs[slot]
    }
}
