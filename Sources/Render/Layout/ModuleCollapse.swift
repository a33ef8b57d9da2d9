import Trace

/// `--depth N`: every `nn.Module` at depth N (`model` is depth 0, `model.0` depth 1) is drawn as
/// one node standing for the grad_fns and results its forward made; the edges into and out of
/// it stay, with the gradients they carry. Leaves (parameters) and their AccumulateGrad nodes
/// stay outside, so each layer's parameters still show their `.grad`.
enum ModuleCollapse {
    static func apply(_ frames: [Frame], depth: Int) -> [Frame] {
        frames.map { collapse($0, depth: depth) }
    }

    /// The module path a node folds into at `depth`, if it folds.
    static func key(_ node: SceneNode, depth: Int) -> (path: String, label: String)? {
        let module: ModuleRef?
        switch node.content {
        case .function(let f): module = f.kind == .gradFn ? f.module : nil
        case .tensor(let t): module = t.isLeaf || !t.names.isEmpty ? nil : t.module
        }
        guard let m = module else { return nil }
        let parts = m.path.split(separator: ".")
        guard parts.count > depth else { return nil }
        let path = parts.prefix(depth + 1).joined(separator: ".")
        return (path, m.label(of: path) ?? path)
    }

    static func collapse(_ frame: Frame, depth: Int) -> Frame {
        var f = frame
        var target: [SceneNodeID: SceneNodeID] = [:]
        var groups: [String: (label: String, members: [String], released: Bool)] = [:]
        var kept: [SceneNode] = []
        // AccumulateGrad nodes are left out: a gradient reaching one goes straight to its leaf.
        var leafOf: [SceneNodeID: SceneNodeID] = [:]
        for n in frame.scene.nodes {
            if let f = n.function, f.kind == .accumulateGrad, let v = f.variable { leafOf[n.id] = .tensor(v) }
        }
        // A module's node stands for one call of it: named by the first grad_fn that call made,
        // so the next iteration's call is a node of its own.
        var folded: [SceneNodeID: (path: String, label: String)] = [:]
        var first: [String: Int] = [:]
        for n in frame.scene.nodes where leafOf[n.id] == nil {
            guard let k = key(n, depth: depth) else { continue }
            folded[n.id] = k
            if case .function(let id) = n.id { first[k.path] = min(first[k.path] ?? id, id) }
        }
        for n in frame.scene.nodes {
            if let leaf = leafOf[n.id] {
                target[n.id] = leaf
                continue
            }
            guard let k = folded[n.id] else {
                kept.append(n)
                continue
            }
            let call = "\(k.path)@\(first[k.path] ?? 0)"
            target[n.id] = .module(call)
            var g = groups[call] ?? (k.label, [], true)
            if let fn = n.function {
                g.members.append(fn.name)
                g.released = g.released && fn.released
            }
            groups[call] = g
        }
        for (call, g) in groups.sorted(by: { $0.key < $1.key }) {
            let path = String(call[..<(call.lastIndex(of: "@") ?? call.endIndex)])
            var state = FunctionState(kind: .gradFn, name: g.label, released: g.released && !g.members.isEmpty,
                                      module: ModuleRef(path: path, label: g.label))
            state.members = g.members
            kept.append(SceneNode(id: .module(call), content: .function(state)))
        }
        kept.sort { $0.id < $1.id }
        var edges: [SceneEdge] = []
        var seen = Set<String>()
        for e in frame.scene.edges {
            let from = target[e.from] ?? e.from, to = target[e.to] ?? e.to
            if from == to { continue }
            var edge = e
            edge.from = from
            edge.to = to
            let key = "\(from)>\(to)>\(edge.kind)"
            if let i = edges.firstIndex(where: { "\($0.from)>\($0.to)>\($0.kind)" == key }) {
                if edges[i].gradient == nil { edges[i].gradient = edge.gradient }
                continue
            }
            if seen.insert(key).inserted { edges.append(edge) }
        }
        f.scene = Scene(nodes: kept, edges: edges)
        f.focus = Set(frame.focus.map { target[$0] ?? $0 })
        f.released = frame.released.filter { key($0, depth: depth) == nil }
        return f
    }
}
