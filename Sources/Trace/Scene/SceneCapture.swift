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

    /// The previous scene's node when it is the same, so both scenes share its content.
    func reuse(_ id: SceneNodeID, _ content: SceneNode.Content) -> SceneNode {
        if let old = previous?.node(id), old.content == content { return old }
        return SceneNode(id: id, content: content)
    }

    /// The previous scene's edge when it is the same (the previous edges are sorted by key).
    func reuse(_ edge: SceneEdge, key: (Int, Int, Int)) -> SceneEdge {
        guard let old = previous?.edges else { return edge }
        var lo = 0, hi = old.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let e = old[mid]
            if (SceneCapture.key(e.from), SceneCapture.key(e.to), SceneCapture.inputIndex(e.kind)) < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < old.count && old[lo] == edge ? old[lo] : edge
    }

    func capture() -> Scene {
        var tensors: [Int: Tensor] = [:]
        var tensorNames: [Int: [(name: String, global: Bool, order: Int)]] = [:]
        var nodes: [Int: Node] = [:]
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
            if nodes[n.id] != nil { return }
            nodes[n.id] = n
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

        var edges: [SceneEdge] = []
        while let n = nodeQueue.popLast() {
            if let acc = n as? AccumulateGrad {
                addTensor(acc.variable)
                edges.append(SceneEdge(from: .function(n.id), to: .tensor(acc.variable.id), kind: .variable,
                                       gradient: flow.accumulating[n.id]))
            }
            for (i, e) in n.nextEdges.enumerated() {
                guard let e else { continue }
                addNode(e.node)
                edges.append(SceneEdge(from: .function(n.id), to: .function(e.node.id), kind: .next(input: i, inputNr: e.inputNr),
                                       gradient: flow.edges[EdgeKey(from: .function(n.id), input: i)]))
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
        for (id, t) in tensors {
            if let fn = t.gradFn, nodes[fn.id] != nil {
                edges.append(SceneEdge(from: .tensor(id), to: .function(fn.id), kind: .gradFn, gradient: flow.seeds[id]))
            }
            var names = preferred[id] ?? []
            if names.isEmpty, let owner = gradOwner[id] {
                names = (preferred[owner]?.first).map { [$0 + ".grad"] } ?? []
            }
            let arrived = t.gradFn.flatMap { flow.arrived[NodeSlot(node: $0.id, slot: t.outputNr)] }
            var state = SceneCapture.state(of: t, names: names, arrived: arrived, line: tensorLines[id])
            state.module = tensorModules[id]
            sceneNodes.append(reuse(.tensor(id), .tensor(state)))
        }
        for (id, n) in nodes {
            var state = SceneCapture.state(of: n, line: nodeLines[id], names: nodeNames[id] ?? [])
            state.module = nodeModules[id]
            sceneNodes.append(reuse(.function(id), .function(state)))
        }
        // Sorted by integer keys through an index permutation: the elements are large and
        // a scene of a long chain is captured for every drawn step.
        let nodeKeys = sceneNodes.map { SceneCapture.key($0.id) }
        let nodeOrder = sceneNodes.indices.sorted { nodeKeys[$0] < nodeKeys[$1] }
        let edgeKeys = edges.map { (SceneCapture.key($0.from), SceneCapture.key($0.to), SceneCapture.inputIndex($0.kind)) }
        let edgeOrder = edges.indices.sorted { edgeKeys[$0] < edgeKeys[$1] }
        return Scene(nodes: nodeOrder.map { sceneNodes[$0] }, edges: edgeOrder.map { reuse(edges[$0], key: edgeKeys[$0]) })
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

    static func inputIndex(_ kind: SceneEdge.Kind) -> Int {
        if case .next(let i, _) = kind { return i }
        return -1
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
