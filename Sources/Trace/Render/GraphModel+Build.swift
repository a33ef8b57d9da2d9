/// One pass over the trace that collects the union graph and assigns slots.
struct GraphModelBuilder {
    private var model = GraphModel(building: ())
    private var order: [String: Int] = [:]
    /// The first event that mentions each tensor: a vertex appears from then on.
    private var firstMention: [Int: Int] = [:]
    private var lastSnapshot: [Int: TensorSnapshot] = [:]
    private var gradEnabled = true

    // Slots: which vertex holds each position now, and the positions of each kind of vertex.
    private var occupant: [String: String] = [:]
    private var slotsBySignature: [String: [String]] = [:]
    /// Nodes run by a finished backward without `retain_graph`: their graph is spent.
    private var consumed: Set<Int> = []
    private var running: [Int] = []
    private var retaining = false
    /// The nodes each tensor is drawn connected to (producer, consumers, accumulator).
    private var tensorNodes: [Int: Set<Int>] = [:]

    // Ordinals of same-named vertices within one run of one statement.
    private var statement: (line: Int?, iteration: Int?) = (nil, nil)
    private var ordinals: [String: Int] = [:]

    /// When each tensor and node stops being reachable, from the whole trace.
    private let liveness: Liveness

    init(events: [TraceEvent]) {
        liveness = Liveness(events: events)
    }

    mutating func add(_ e: TraceEvent) {
        let k = e.index
        current = k
        if e.line != statement.line || e.iteration != statement.iteration {
            statement = (e.line, e.iteration)
            ordinals = [:]
        }
        for s in e.mentionedTensors {
            if firstMention[s.id] == nil { firstMention[s.id] = k }
            lastSnapshot[s.id] = s
        }
        switch e.kind {
        case .forward:
            forward(e, k)
        case .backwardBegin:
            running = []
            retaining = e.retainGraph ?? false
            for r in e.roots ?? [] { root(r, e, k) }
        case .node:
            if let n = e.node {
                ensureNode(n, e, k)
                running.append(n.id)
            }
        case .accumulate:
            if let t = e.tensor { ensureTensor(t, role: .leaf, e, k) }
            if let n = e.node {
                ensureNode(n, e, k)
                running.append(n.id)
            }
        case .backwardEnd:
            if !retaining { consumed.formUnion(running) }
            consumed.formUnion(e.released ?? [])
            running = []
        case .zeroGrad, .step, .hook:
            for t in (e.tensors ?? []) + (e.tensor.map { [$0] } ?? []) where t.requiresGrad {
                if let fn = t.gradFnID {
                    ensureTensor(t, role: .result, e, k)
                    ensureNodeRef(id: fn, name: t.gradFn ?? "grad_fn", variableID: nil, signature: nil, k)
                    addEdge("r\(fn)_t\(t.id)", from: "n\(fn)", to: "t\(t.id)", kind: .gradFn, k)
                } else {
                    ensureTensor(t, role: .leaf, e, k)
                }
            }
        case .gradMode:
            gradEnabled = e.enabled ?? gradEnabled
        case .print:
            break
        }
    }

    private mutating func forward(_ e: TraceEvent, _ k: Int) {
        guard let out = e.output else { return }
        let inputs = e.inputs ?? []
        if let node = e.node {
            let signature = e.line.map { ordinal("n:\(node.name)@\($0)") }
            ensureNodeRef(id: node.id, name: node.name, variableID: node.variableID, signature: signature, k)
            ensureNode(node, e, k)
            if model.nodes[node.id]?.creationEvent == nil {
                model.nodes[node.id]?.creationEvent = k
                model.nodes[node.id]?.inputs = inputs
                model.nodes[node.id]?.output = out
            }
            tensorNodes[out.id, default: []].insert(node.id)
            if out.name != nil {
                ensureTensor(out, role: .result, e, k)
                addEdge("r\(node.id)_t\(out.id)", from: "n\(node.id)", to: "t\(out.id)", kind: .gradFn, k)
            }
            for (slot, input) in inputs.enumerated() where input.name != nil && !input.requiresGrad {
                if slot < node.next.count, node.next[slot] != nil { continue }
                tensorNodes[input.id, default: []].insert(node.id)
                ensureTensor(input, role: .constant, e, k)
                addEdge("c\(node.id)_\(slot)", from: "t\(input.id)", to: "n\(node.id)", kind: .constant, k)
            }
            return
        }
        let inPlace = e.isInPlace
        if out.requiresGrad && out.isLeaf && !inPlace {
            ensureTensor(out, role: .leaf, e, k)
        } else if !inPlace && !out.requiresGrad && out.name != nil && inputs.contains(where: \.requiresGrad) {
            if !gradEnabled {
                model.notRecordedReason[out.id] = "not recorded (no_grad)"
            } else if (e.op ?? "").contains("detach") {
                model.notRecordedReason[out.id] = "detached: not recorded"
            } else if !out.dtype.contains("float") {
                model.notRecordedReason[out.id] = "not differentiable"
            } else {
                model.notRecordedReason[out.id] = "not recorded"
            }
            ensureTensor(out, role: .notRecorded, e, k)
            for input in inputs where input.requiresGrad {
                let from: String
                if model.vertexIndex["t\(input.id)"] != nil {
                    from = "t\(input.id)"
                } else if let fn = input.gradFnID, model.vertexIndex["n\(fn)"] != nil {
                    from = "n\(fn)"
                } else {
                    continue
                }
                addEdge("u_\(from)_t\(out.id)", from: from, to: "t\(out.id)", kind: .untracked, k)
            }
        }
    }

    private mutating func root(_ r: TensorSnapshot, _ e: TraceEvent, _ k: Int) {
        if let fn = r.gradFnID {
            ensureTensor(r, role: .result, e, k)
            ensureNodeRef(id: fn, name: r.gradFn ?? "grad_fn", variableID: nil, signature: nil, k)
            tensorNodes[r.id, default: []].insert(fn)
            addEdge("r\(fn)_t\(r.id)", from: "n\(fn)", to: "t\(r.id)", kind: .gradFn, k)
        } else if r.requiresGrad {
            ensureTensor(r, role: .leaf, e, k)
        }
    }

    private mutating func ensureNode(_ node: NodeSnapshot, _ e: TraceEvent, _ k: Int) {
        ensureNodeRef(id: node.id, name: node.name, variableID: node.variableID, signature: nil, k)
        if model.nodes[node.id] == nil {
            model.nodes[node.id] = GraphModel.NodeInfo(snapshot: node)
        }
        for (slot, ref) in node.next.enumerated() {
            guard let ref else { continue }
            ensureNodeRef(id: ref.nodeID, name: ref.nodeName, variableID: ref.variableID, signature: nil, k)
            addEdge("e\(node.id)_\(slot)", from: "n\(ref.nodeID)", to: "n\(node.id)", kind: .next, k,
                    nodeID: node.id, slot: slot)
        }
    }

    private mutating func ensureNodeRef(id: Int, name: String, variableID: Int?, signature: String?, _ k: Int) {
        let key = "n\(id)"
        if let leaf = variableID, model.vertexIndex["t\(leaf)"] == nil {
            let s = lastSnapshot[leaf]
            var v = GraphModel.Vertex(key: "t\(leaf)", slot: "", kind: .tensor, title: s?.name ?? "leaf", tensorID: leaf,
                                      nodeID: nil, role: .leaf, firstEvent: firstMention[leaf] ?? k, lastEvent: .max)
            place(&v, signature: s?.name.map { "t:\($0):leaf" })
            appendVertex(v)
        }
        if model.vertexIndex[key] == nil {
            let kind: GraphModel.VertexKind = name == "AccumulateGrad" ? .accumulateGrad : .gradFn
            var v = GraphModel.Vertex(key: key, slot: "", kind: kind, title: name, tensorID: nil, nodeID: id,
                                      role: nil, firstEvent: k, lastEvent: .max)
            var sig = signature
            if let leaf = variableID, let i = model.vertexIndex["t\(leaf)"] { sig = "acc:\(model.vertices[i].slot)" }
            place(&v, signature: sig)
            appendVertex(v)
        }
        if let leaf = variableID {
            model.accumulatorLeaf[id] = leaf
            tensorNodes[leaf, default: []].insert(id)
            addEdge("v\(leaf)_n\(id)", from: "t\(leaf)", to: key, kind: .variable, k)
        }
    }

    private mutating func ensureTensor(_ s: TensorSnapshot, role: GraphModel.TensorRole, _ e: TraceEvent, _ k: Int) {
        let key = "t\(s.id)"
        if let i = model.vertexIndex[key] {
            if let name = s.name, model.vertices[i].title != name, GraphModelBuilder.defaultTitles.contains(model.vertices[i].title) {
                model.vertices[i].title = name
            }
            return
        }
        let title = s.name ?? GraphModelBuilder.defaultTitle(role)
        var v = GraphModel.Vertex(key: key, slot: "", kind: .tensor, title: title, tensorID: s.id, nodeID: nil,
                                  role: role, firstEvent: firstMention[s.id] ?? k, lastEvent: .max)
        let signature: String?
        if let name = s.name {
            signature = "t:\(name):\(role.rawValue)"
        } else {
            signature = e.line.map { ordinal("t:\(role.rawValue)@\($0)") }
        }
        place(&v, signature: signature)
        appendVertex(v)
    }

    /// Gives `v` the slot of a spent vertex with the same signature, or a new one.
    private mutating func place(_ v: inout GraphModel.Vertex, signature: String?) {
        if let signature {
            for slot in slotsBySignature[signature] ?? [] {
                guard let held = occupant[slot], let i = model.vertexIndex[held] else { continue }
                let old = model.vertices[i]
                if old.lastEvent != .max {
                    guard old.lastEvent < v.firstEvent else { continue }
                } else {
                    guard old.firstEvent < v.firstEvent, isSpent(old) else { continue }
                    model.vertices[i].lastEvent = v.firstEvent - 1
                }
                occupant[slot] = v.key
                v.slot = slot
                return
            }
        }
        v.slot = v.key
        occupant[v.key] = v.key
        model.slots.append(v.key)
        if let signature { slotsBySignature[signature, default: []].append(v.key) }
    }

    /// Whether a vertex's graph has been consumed by a backward, or the lesson can
    /// no longer reach it, so a newer vertex may take its place.
    private func isSpent(_ v: GraphModel.Vertex) -> Bool {
        if let n = v.nodeID { return consumed.contains(n) || liveness.node(n) < current }
        guard let t = v.tensorID else { return false }
        if liveness.tensor(t) < current { return true }
        return (tensorNodes[t] ?? []).allSatisfy { consumed.contains($0) || liveness.node($0) < current }
    }

    /// The event being added.
    private var current = 0

    private mutating func ordinal(_ base: String) -> String {
        let n = ordinals[base, default: 0]
        ordinals[base] = n + 1
        return "\(base)#\(n)"
    }

    private static let defaultTitles: Set<String> = ["leaf", "result", "tensor"]

    private static func defaultTitle(_ role: GraphModel.TensorRole) -> String {
        switch role {
        case .leaf: return "leaf"
        case .result: return "result"
        case .constant, .notRecorded: return "tensor"
        }
    }

    private mutating func appendVertex(_ v: GraphModel.Vertex) {
        model.vertexIndex[v.key] = model.vertices.count
        model.vertices.append(v)
    }

    private mutating func addEdge(_ key: String, from: String, to: String, kind: GraphModel.EdgeKind, _ k: Int,
                                  nodeID: Int? = nil, slot: Int? = nil) {
        guard model.edgeIndex[key] == nil else { return }
        order[key] = model.edges.count
        model.edgeIndex[key] = model.edges.count
        model.edges.append(GraphModel.Edge(key: key, layoutKey: "", from: from, to: to, kind: kind, firstEvent: k,
                                           lastEvent: .max, nodeID: nodeID, slot: slot))
    }

    /// Sorts vertices and edges by appearance, names edge routes by slot and
    /// rebuilds the indexes.
    mutating func finish() -> GraphModel {
        var m = model
        let kindRank: [GraphModel.VertexKind: Int] = [.tensor: 0, .accumulateGrad: 1, .gradFn: 2]
        m.vertices.sort { a, b in
            if a.firstEvent != b.firstEvent { return a.firstEvent < b.firstEvent }
            if a.kind != b.kind { return kindRank[a.kind]! < kindRank[b.kind]! }
            return (a.tensorID ?? a.nodeID ?? 0) < (b.tensorID ?? b.nodeID ?? 0)
        }
        m.vertexIndex = [:]
        for (i, v) in m.vertices.enumerated() { m.vertexIndex[v.key] = i }
        let slotRank = Dictionary(m.vertices.enumerated().map { ($1.slot, $0) }, uniquingKeysWith: min)
        m.slots.sort { slotRank[$0]! < slotRank[$1]! }

        // A vertex leaves the picture once the lesson can no longer reach it.
        for i in m.vertices.indices {
            let v = m.vertices[i]
            let until = v.nodeID.map { liveness.node($0) } ?? v.tensorID.map { liveness.tensor($0) } ?? .max
            if until < v.lastEvent { m.vertices[i].lastEvent = max(until, v.firstEvent) }
        }
        for i in m.edges.indices {
            let a = m.vertices[m.vertexIndex[m.edges[i].from]!]
            let b = m.vertices[m.vertexIndex[m.edges[i].to]!]
            // A result is tied to its grad_fn from the moment both exist, even when the
            // result is only drawn once it becomes a backward root.
            let own = m.edges[i].kind == .gradFn ? 0 : m.edges[i].firstEvent
            m.edges[i].firstEvent = max(own, a.firstEvent, b.firstEvent)
            m.edges[i].lastEvent = min(a.lastEvent, b.lastEvent)
            let e = m.edges[i]
            m.edges[i].layoutKey = "\(e.kind.rawValue)_\(a.slot)_\(b.slot)" + (e.slot.map { "_\($0)" } ?? "")
        }
        m.edges.removeAll { $0.firstEvent > $0.lastEvent }
        m.edges.sort { a, b in
            if a.firstEvent != b.firstEvent { return a.firstEvent < b.firstEvent }
            return order[a.key]! < order[b.key]!
        }
        m.edgeIndex = [:]
        m.nextEdgeBySlot = [:]
        m.retiring = [:]
        for (i, e) in m.edges.enumerated() {
            m.edgeIndex[e.key] = i
            if e.kind == .next, let n = e.nodeID, let s = e.slot { m.nextEdgeBySlot[n, default: [:]][s] = i }
            if e.lastEvent != .max { m.retiring[e.lastEvent + 1, default: ([], [])].edges.append(i) }
        }
        for (i, v) in m.vertices.enumerated() where v.lastEvent != .max {
            m.retiring[v.lastEvent + 1, default: ([], [])].vertices.append(i)
        }
        return m
    }
}

extension GraphModel {
    init(building: Void) {}
}
