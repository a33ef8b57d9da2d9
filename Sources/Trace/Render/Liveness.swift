/// Until which event the lesson can reach each tensor and node, judged from the
/// whole trace: a tensor while a name is bound to it or a later event mentions
/// it; a node while a later event mentions it or a reachable tensor or node
/// leads to it through `next_functions`. A few `print` events after the last
/// use still show it. Temporaries (`print(f(x).item())`) so leave the picture.
struct Liveness {
    private var tensors: [Int: Int] = [:]
    private var nodes: [Int: Int] = [:]

    func tensor(_ id: Int) -> Int { tensors[id] ?? .max }
    func node(_ id: Int) -> Int { nodes[id] ?? .max }

    init(events: [TraceEvent]) {
        var tensorLast: [Int: Int] = [:]
        var nodeLast: [Int: Int] = [:]
        var children: [Int: [Int]] = [:]
        var producers: [Int: Set<Int>] = [:]
        var accumulatorLeaf: [Int: Int] = [:]
        var binding: [String: Int] = [:]
        var boundUntil: [Int: Int] = [:]
        func noteNode(_ n: NodeSnapshot, _ k: Int) {
            nodeLast[n.id] = k
            children[n.id] = n.next.compactMap { $0?.nodeID }
            if let leaf = n.variableID { accumulatorLeaf[n.id] = leaf }
            for ref in n.next {
                if let ref, let leaf = ref.variableID { accumulatorLeaf[ref.nodeID] = leaf }
            }
        }
        for e in events {
            let k = e.index
            for s in e.mentionedTensors {
                tensorLast[s.id] = k
                if let fn = s.gradFnID {
                    nodeLast[fn] = k
                    producers[s.id, default: []].insert(fn)
                }
            }
            if let n = e.node { noteNode(n, k) }
            for id in e.released ?? [] { nodeLast[id] = k }
            if e.kind == .forward, let out = e.output, let name = out.name, binding[name] != out.id {
                if let old = binding[name] { boundUntil[old] = k - 1 }
                binding[name] = out.id
            }
        }
        for id in binding.values { boundUntil[id] = .max }
        // After its last use, a run of prints still shows what it printed.
        var throughPrints = [Int](repeating: 0, count: events.count)
        var i = events.count - 1
        while i >= 0 {
            throughPrints[i] = i + 1 < events.count && events[i + 1].kind == .print ? throughPrints[i + 1] : i
            i -= 1
        }
        func extend(_ k: Int) -> Int { k >= 0 && k < events.count ? throughPrints[k] : k }

        for (t, last) in tensorLast { tensors[t] = max(extend(last), boundUntil[t] ?? -1) }
        for (n, last) in nodeLast { nodes[n] = extend(last) }
        for (t, fns) in producers {
            let until = tensors[t] ?? .max
            for fn in fns { nodes[fn] = max(nodes[fn] ?? -1, until) }
        }
        // Consumers are created after what they consume: walk from the newest node down.
        for n in nodes.keys.sorted(by: >) {
            let until = nodes[n] ?? .max
            for c in children[n] ?? [] { nodes[c] = max(nodes[c] ?? -1, until) }
        }
        for (acc, leaf) in accumulatorLeaf {
            if let until = nodes[acc] { tensors[leaf] = max(tensors[leaf] ?? -1, until) }
        }
    }
}
