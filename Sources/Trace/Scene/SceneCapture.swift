import Autograd

/// Builds a ``Scene`` from live objects: the program's roots, the tensors a running
/// statement or backward pass still holds, and the autograd graph reachable from them.
///
/// The walk is iterative (a graph of 100,000 nodes does not grow the stack) and visits
/// each object once.
struct SceneCapture {
    /// What the running backward pass adds to the picture.
    struct Flow {
        /// Gradients travelling along edges (from node → to node, input index) at this step.
        var edges: [EdgeKey: TensorValues] = [:]
        /// The gradients that reached each node's output slot so far (`∂root/∂y` for the tensor
        /// that node made).
        var arrived: [NodeSlot: TensorValues] = [:]
        /// Seed gradients entering a backward root's grad_fn, by the root tensor's id.
        var seeds: [Int: TensorValues] = [:]
        /// Gradients an AccumulateGrad is adding into its leaf's `.grad`, by node id.
        var accumulating: [Int: TensorValues] = [:]
    }

    /// An edge's identity: the node it leaves, the `next_functions` index.
    struct EdgeKey: Hashable {
        var from: SceneNodeID
        var input: Int
    }

    var roots: [SceneRoot]
    /// Tensors held by the running statement or backward pass (temporaries, backward roots).
    var held: [Tensor] = []
    var flow = Flow()
    /// The line that made each tensor and node, as the recorder saw them made.
    var tensorLines: [Int: Int] = [:]
    var nodeLines: [Int: Int] = [:]
    /// The module whose forward made each tensor and node.
    var tensorModules: [Int: ModuleRef] = [:]
    var nodeModules: [Int: ModuleRef] = [:]

    /// The scene captured before this one: its unchanged nodes are shared, not copied.
    var previous: Scene?

    /// Hands out the previous scene's node or edge when it is the same, so both scenes share
    /// its content. Asked in ascending order (the order of the scene's arrays), it walks the
    /// previous scene once instead of searching it for every node.
    struct Reuse {
        let nodes: [SceneNode]
        let edges: [SceneEdge]
        var node = 0
        var edge = 0

        mutating func node(_ id: SceneNodeID, _ content: SceneNode.Content) -> SceneNode {
            while node < nodes.count && nodes[node].id < id { node += 1 }
            if node < nodes.count, nodes[node].id == id, nodes[node].content == content { return nodes[node] }
            return SceneNode(id: id, content: content)
        }

        mutating func edge(_ e: Edge, key: (Int, Int, Int)) -> SceneEdge {
            while edge < edges.count && SceneCapture.key(of: edges[edge]) < key { edge += 1 }
            if edge < edges.count, case let old = edges[edge], old.from == e.from, old.to == e.to, old.kind == e.kind,
               old.gradient == e.gradient {
                return old
            }
            return SceneEdge(from: e.from, to: e.to, kind: e.kind, gradient: e.gradient)
        }
    }

    /// An edge as the walk finds it, made a ``SceneEdge`` only when the previous scene has no equal one.
    struct Edge {
        var from: SceneNodeID
        var to: SceneNodeID
        var kind: SceneEdge.Kind
        var gradient: TensorValues?
        var key: (Int, Int, Int) { (SceneCapture.key(from), SceneCapture.key(to), kind.inputIndex) }
    }

    static func key(of e: SceneEdge) -> (Int, Int, Int) { (key(e.from), key(e.to), e.kind.inputIndex) }

    func capture() -> Scene {
        // Sized from the previous scene: a long graph's capture does not grow its tables step by step.
        let expected = previous?.nodes.count ?? 0
        var tensors: [Int: Tensor] = [:]
        var tensorNames: [Int: [(name: String, global: Bool, order: Int)]] = [:]
        // Nodes are marked as the walk reaches them (no table of 100,000 ids for a long chain).
        let walk = GraphWalk()
        var nodes: [Node] = []
        nodes.reserveCapacity(expected)
        var nodeNames: [Int: [String]] = [:]
        var nodeQueue: [Node] = []
        var order = 0

        func addTensor(_ t: Tensor) {
            if tensors[t.id] != nil { return }
            tensors[t.id] = t
            if let fn = t.gradFn { addNode(fn) }
            // A `.grad` with a history (create_graph) leads to its derivative graph.
            if let g = t.grad, let fn = g.gradFn {
                tensors[g.id] = g
                tensorNames[g.id, default: []].append((".grad", false, Int.max))
                addNode(fn)
            }
        }
        func addNode(_ n: Node) {
            guard walk.reach(n) else { return }
            nodes.append(n)
            nodeQueue.append(n)
        }

        for root in roots {
            order += 1
            switch root.target {
            case .tensor(let t):
                tensorNames[t.id, default: []].append((root.path, root.isGlobal, order))
                addTensor(t)
            case .node(let n):
                nodeNames[n.id, default: []].append(root.path)
                addNode(n)
            }
        }
        for t in held { addTensor(t) }

        var edges: [Edge] = []
        edges.reserveCapacity(previous?.edges.count ?? 0)
        while let n = nodeQueue.popLast() {
            if let acc = n as? AccumulateGrad {
                addTensor(acc.variable)
                edges.append(Edge(from: .function(n.id), to: .tensor(acc.variable.id), kind: .variable,
                                       gradient: flow.accumulating.isEmpty ? nil : flow.accumulating[n.id]))
            }
            for (i, e) in n.nextEdges.enumerated() {
                guard let e else { continue }
                addNode(e.node)
                // Only the step's few edges carry a gradient: an empty table is not searched.
                let gradient = flow.edges.isEmpty ? nil : flow.edges[EdgeKey(from: .function(n.id), input: i)]
                edges.append(Edge(from: .function(n.id), to: .function(e.node.id), kind: .next(input: i, inputNr: e.inputNr),
                                       gradient: gradient))
            }
        }

        // Names of `.grad` tensors follow their owner's preferred name.
        var sceneNodes: [SceneNode] = []
        sceneNodes.reserveCapacity(tensors.count + nodes.count)
        var preferred: [Int: [String]] = [:]
        for (id, list) in tensorNames {
            let named = list.filter { $0.name != ".grad" }
                .sorted { a, b in
                    if a.global != b.global { return a.global }
                    let da = SceneCapture.depth(a.name), db = SceneCapture.depth(b.name)
                    if da != db { return da < db }
                    return a.order < b.order
                }
            var seen = Set<String>()
            preferred[id] = named.map(\.name).filter { seen.insert($0).inserted }
        }
        var gradOwner: [Int: Int] = [:]
        for (id, t) in tensors { if let g = t.grad { gradOwner[g.id] = id } }
        // Built in the scene's order (tensors, then functions, each by id), so that the previous
        // scene's nodes are matched in one pass.
        var reuse = Reuse(nodes: previous?.nodes ?? [], edges: previous?.edges ?? [])
        for id in tensors.keys.sorted() {
            let t = tensors[id]!
            if let fn = t.gradFn, walk.hasReached(fn) {
                edges.append(Edge(from: .tensor(id), to: .function(fn.id), kind: .gradFn, gradient: flow.seeds[id]))
            }
            var names = preferred[id] ?? []
            if names.isEmpty, let owner = gradOwner[id] {
                names = (preferred[owner]?.first).map { [$0 + ".grad"] } ?? []
            }
            let arrived = t.gradFn.flatMap { flow.arrived[NodeSlot(node: $0.id, slot: t.outputNr)] }
            var state = SceneCapture.state(of: t, names: names, arrived: arrived, line: tensorLines[id])
            state.module = tensorModules[id]
            sceneNodes.append(reuse.node(.tensor(id), .tensor(state)))
        }
        let nodeIDs = nodes.map(\.id)
        for k in nodes.indices.sorted(by: { nodeIDs[$0] < nodeIDs[$1] }) {
            let id = nodeIDs[k], n = nodes[k]
            var state = SceneCapture.state(of: n, line: nodeLines[id], names: nodeNames.isEmpty ? [] : nodeNames[id] ?? [])
            if !nodeModules.isEmpty { state.module = nodeModules[id] }
            sceneNodes.append(reuse.node(.function(id), .function(state)))
        }
        // Edges sorted by integer keys through an index permutation (the elements are large).
        let edgeKeys = edges.map(\.key)
        let edgeOrder = edges.indices.sorted { edgeKeys[$0] < edgeKeys[$1] }
        return Scene(nodes: sceneNodes, edges: edgeOrder.map { reuse.edge(edges[$0], key: edgeKeys[$0]) })
    }

    /// Path components: `model.fc.weight` is deeper than `w`.
    static func depth(_ path: String) -> Int {
        path.reduce(0) { $0 + ($1 == "." || $1 == "[" ? 1 : 0) }
    }

    /// Orders tensor and function ids as ``SceneNodeID``'s `<` does (captured scenes hold no modules).
    static func key(_ id: SceneNodeID) -> Int {
        switch id {
        case .tensor(let i): return i
        case .function(let i): return (1 << 56) | i
        case .module: return Int.max
        }
    }

    static func values(_ t: Tensor) -> TensorValues {
        TensorValues(elements: t.values, shape: t.shape, dtype: t.dtype.torchName)
    }

    static func state(of t: Tensor, names: [String], arrived: TensorValues?, line: Int?) -> TensorState {
        TensorState(names: names, value: values(t), grad: t.grad.map(values), gradID: t.grad?.id,
                    requiresGrad: t.requiresGrad, isLeaf: t.isLeaf, gradFn: t.gradFn?.id, version: t.version.value,
                    isParameter: t.isParameter, arrived: arrived, line: line)
    }

    static func state(of n: Node, line: Int?, names: [String]) -> FunctionState {
        let acc = n as? AccumulateGrad
        return FunctionState(kind: acc == nil ? .gradFn : .accumulateGrad, name: n.name, variable: acc?.variable.id,
                             saved: n.savedTensorsForDisplay.map { FunctionState.Saved(name: $0.name, value: values($0.tensor)) },
                             released: n.savedTensorsReleased, line: line, names: names)
    }
}

/// One output slot of a node (gradients arrive per slot).
struct NodeSlot: Hashable {
    var node: Int
    var slot: Int
}
