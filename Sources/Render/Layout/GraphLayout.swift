import Trace

/// Positions for every node of every frame of a lesson, so that a node keeps one position
/// for its whole life and a new graph never takes a living graph's place.
///
/// Leaf tensors and their AccumulateGrad nodes are *anchors*; the other nodes (grad_fn
/// nodes and results) form *units*: the connected pieces of graph a lesson builds (one per
/// call of a function, one per loop iteration). Each unit is laid out once, together with
/// the anchors it touches (by `dot`, or the layered layout for large ones), and placed in
/// the order units appear: aligned with its anchors where they already stand, and moved
/// aside, never on top of a unit or anchor alive at the same time. Loose tensors (in no
/// graph) stand in a band of their own, reusing the places of ones that are gone.
struct GraphLayout {
    enum Direction: String, Sendable {
        /// Left to right: leaves on the left, results on the right.
        case lr
        /// Top to bottom.
        case tb
    }

    var positions: [SceneNodeID: Point] = [:]
    var sizes: [SceneNodeID: Size]
    var direction: Direction
    /// The box around every node of every frame.
    var bounds = Rect.empty
    /// `dot` or `layered` (for units too large for `dot`).
    var engines: Set<String> = []
    /// The module each node was made in (by its path), for grouping.
    var modules: [SceneNodeID: ModuleRef] = [:]
    /// Where a node stands: its centre and size.
    struct Place {
        var center: Point
        var size: Size
        var rect: Rect { Rect(center: center, size: size) }
    }
    /// Every node with both a position and a size, in id order, and its place: a pass over a
    /// frame's nodes (in the same order) walks these beside them instead of hashing each id.
    private(set) var ids: [SceneNodeID] = []
    private(set) var places: [Place] = []

    static let gap = 40.0
    static let dotLimit = 300

    /// No nodes.
    static let empty = GraphLayout(sizes: [:], direction: .lr)

    private init(sizes: [SceneNodeID: Size], direction: Direction) {
        self.sizes = sizes
        self.direction = direction
    }

    /// When each node lives (frame indices), what it is, and the union of every frame's edges:
    /// what the layout needs of the frames, the same in either direction.
    struct Lifetimes {
        var first: [SceneNodeID: Int] = [:]
        var last: [SceneNodeID: Int] = [:]
        var leaf: [SceneNodeID: Bool] = [:]
        var isAccumulate = Set<SceneNodeID>()
        var modules: [SceneNodeID: ModuleRef] = [:]
        var neighbours: [SceneNodeID: Set<SceneNodeID>] = [:]
        var forwardEdges = Set<EdgePair>()

        /// Kept up to date from what changed between consecutive frames (a long graph's frames
        /// hold nearly the same nodes): a node's first frame is set when it comes, its last when
        /// it goes (or at the end); edges join the union when new.
        init(frames: [Frame]) {
            func arrive(_ n: SceneNode, _ k: Int) {
                if first[n.id] == nil {
                    first[n.id] = k
                    if n.function?.members.isEmpty ?? true,
                       let m = n.function?.module ?? (n.tensor?.isLeaf == false ? n.tensor?.module : nil) { modules[n.id] = m }
                    if let t = n.tensor { leaf[n.id] = t.isLeaf }
                    if n.function?.kind == .accumulateGrad { isAccumulate.insert(n.id) }
                }
            }
            func stay(_ id: SceneNodeID, until k: Int) { last[id] = max(last[id] ?? k, k) }
            var before = Scene()
            for (k, f) in frames.enumerated() {
                let change = f.scene.changes(since: before)
                for n in change.entered { arrive(n, k) }
                for n in change.left { stay(n.id, until: k - 1) }
                // A released node stays in its place for the frame that shows it released.
                for n in f.released {
                    arrive(n, k)
                    stay(n.id, until: k)
                }
                for e in f.scene.edges(notIn: before) {
                    neighbours[e.from, default: []].insert(e.to)
                    neighbours[e.to, default: []].insert(e.from)
                    forwardEdges.insert(EdgePair(from: e.to, to: e.from))
                }
                before = f.scene
            }
            for n in before.nodes { stay(n.id, until: frames.count - 1) }
        }
    }

    init(lifetimes: Lifetimes, sizes: [SceneNodeID: Size], direction: Direction, session: Graphviz.Session?) {
        self.sizes = sizes
        self.direction = direction
        let first = lifetimes.first, last = lifetimes.last, leaf = lifetimes.leaf, isAccumulate = lifetimes.isAccumulate
        let neighbours = lifetimes.neighbours, forwardEdges = lifetimes.forwardEdges
        modules = lifetimes.modules
        func isAnchor(_ id: SceneNodeID) -> Bool { isAccumulate.contains(id) || (leaf[id] ?? false) }
        let all = first.keys.sorted { (first[$0]!, $0) < (first[$1]!, $1) }

        // Units: connected pieces of non-anchor nodes.
        var unitOf: [SceneNodeID: Int] = [:]
        var units: [[SceneNodeID]] = []
        for id in all where !isAnchor(id) && unitOf[id] == nil && !(neighbours[id]?.isEmpty ?? true) {
            let u = units.count
            var members: [SceneNodeID] = []
            var stack = [id]
            unitOf[id] = u
            while let n = stack.popLast() {
                members.append(n)
                for m in neighbours[n] ?? [] where !isAnchor(m) && unitOf[m] == nil {
                    unitOf[m] = u
                    stack.append(m)
                }
            }
            units.append(members)
        }

        var placed: [(rect: Rect, life: ClosedRange<Int>)] = []
        func life(_ ids: [SceneNodeID]) -> ClosedRange<Int> {
            let a = ids.compactMap { first[$0] }.min() ?? 0
            let b = ids.compactMap { last[$0] }.max() ?? a
            return a...(b + 1)
        }
        func free(_ r: Rect, _ l: ClosedRange<Int>) -> Bool {
            !placed.contains { $0.life.overlaps(l) && $0.rect.intersects(r.inset(GraphLayout.gap / 2)) }
        }
        var cache: [String: [Int: Point]] = [:]
        for members in units {
            // The unit with the anchors it touches (and the leaves of those AccumulateGrads).
            var nodes = members
            var anchors: [SceneNodeID] = []
            var seen = Set(members)
            for n in members {
                for m in (neighbours[n] ?? []).sorted() where isAnchor(m) && seen.insert(m).inserted {
                    anchors.append(m)
                    for leafID in (neighbours[m] ?? []).sorted() where isAnchor(leafID) && seen.insert(leafID).inserted {
                        anchors.append(leafID)
                    }
                }
            }
            nodes += anchors
            nodes.sort { (first[$0]!, $0) < (first[$1]!, $1) }
            // The unit's own edges, from its nodes' neighbours (not a scan of every edge per unit).
            let inUnit = Set(nodes)
            var unitEdges = Set<EdgePair>()
            for n in nodes {
                for m in neighbours[n] ?? [] where inUnit.contains(m) {
                    let e = EdgePair(from: n, to: m)
                    if forwardEdges.contains(e) { unitEdges.insert(e) }
                }
            }
            let local = layoutUnit(nodes, edges: unitEdges, session: session, cache: &cache)
            // Align with anchors already placed, else start after everything placed so far.
            let fixed = anchors.filter { positions[$0] != nil }
            var dx = 0.0, dy = 0.0
            if !fixed.isEmpty {
                for a in fixed {
                    dx += positions[a]!.x - local[a]!.x
                    dy += positions[a]!.y - local[a]!.y
                }
                dx /= Double(fixed.count)
                dy /= Double(fixed.count)
            } else if let box = placed.map(\.rect).reduce(nil, { ($0 ?? $1).union($1) as Rect? }) {
                let mine = boundingBox(local)
                if direction == .lr {
                    dx = box.minX - mine.minX
                    dy = box.maxY + GraphLayout.gap - mine.minY
                } else {
                    dx = box.maxX + GraphLayout.gap - mine.minX
                    dy = box.minY - mine.minY
                }
            }
            let own = nodes.filter { positions[$0] == nil }
            var rect = own.reduce(Rect.empty) { $0.union(Rect(center: local[$1]!, size: sizes[$1] ?? Size(width: 0, height: 0))) }
            let span = life(own)
            var step = 0
            while !free(rect.offset(dx, dy), span) && step < 10_000 {
                if direction == .lr { dy += GraphLayout.gap } else { dx += GraphLayout.gap }
                step += 1
            }
            for id in own {
                let p = local[id]!
                positions[id] = Point(x: p.x + dx, y: p.y + dy)
            }
            rect = rect.offset(dx, dy)
            placed.append((rect, span))
        }

        // Loose tensors: a band before the graphs, each place reused once its tensor is gone.
        let loose = all.filter { positions[$0] == nil }
        let graphBox = placed.map(\.rect).reduce(Rect.empty) { $0.union($1) }
        var slots: [(end: Int, offset: Double, size: Double)] = []
        var cursor = 0.0
        for id in loose {
            let s = sizes[id] ?? Size(width: 120, height: 60)
            let extent = direction == .lr ? s.height : s.width
            let begin = first[id]!, end = last[id]! + 1
            var slot = slots.firstIndex { $0.end < begin && $0.size >= extent }
            if slot == nil {
                slots.append((end, cursor, extent))
                cursor += extent + GraphLayout.gap / 2
                slot = slots.count - 1
            }
            slots[slot!].end = end
            let o = slots[slot!].offset
            let origin = graphBox.isEmpty ? Point(x: 0, y: 0) : Point(x: graphBox.minX, y: graphBox.minY)
            positions[id] = direction == .lr
                ? Point(x: origin.x - GraphLayout.gap * 2 - s.width / 2, y: origin.y + o + s.height / 2)
                : Point(x: origin.x + o + s.width / 2, y: origin.y - GraphLayout.gap * 2 - s.height / 2)
        }
        for (id, p) in positions {
            bounds = bounds.union(Rect(center: p, size: sizes[id] ?? Size(width: 0, height: 0)))
        }
        ids = positions.keys.filter { sizes[$0] != nil }.sorted()
        places = ids.map { Place(center: positions[$0]!, size: sizes[$0]!) }
    }

    /// Where the node `id` stands, if it has a place.
    func place(_ id: SceneNodeID) -> Place? { ids.index(ofID: id, { $0 }).map { places[$0] } }

    /// Where each of `nodes` stands, in one walk when they are in id order (a scene's nodes are).
    func places(of nodes: [SceneNode]) -> [Place?] {
        var out: [Place?] = []
        out.reserveCapacity(nodes.count)
        var j = 0
        var previous: SceneNodeID?
        var ordered = true
        for n in nodes {
            let id = n.id
            if let p = previous, !(p < id) { ordered = false }
            previous = id
            guard ordered else {
                out.append(place(id))  // out of order: searched for one by one
                continue
            }
            while j < ids.count && ids[j] < id { j += 1 }
            out.append(j < ids.count && ids[j] == id ? places[j] : nil)
        }
        return out
    }

    func boundingBox(_ points: [SceneNodeID: Point]) -> Rect {
        points.reduce(Rect.empty) { $0.union(Rect(center: $1.value, size: sizes[$1.key] ?? Size(width: 0, height: 0))) }
    }

    /// Positions of `nodes` relative to each other: `dot` for graphs up to `dotLimit` nodes,
    /// the layered layout above (or when Graphviz is unavailable).
    private mutating func layoutUnit(_ nodes: [SceneNodeID], edges: Set<EdgePair>, session: Graphviz.Session?,
                                     cache: inout [String: [Int: Point]]) -> [SceneNodeID: Point] {
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        let pairs = edges.compactMap { e -> (Int, Int)? in
            guard let a = index[e.from], let b = index[e.to] else { return nil }
            return (a, b)
        }.sorted { $0 < $1 }
        let nodeSizes = nodes.map { sizes[$0] ?? Size(width: 120, height: 60) }
        var key = direction.rawValue
        for s in nodeSizes { key += "|\(Int(s.width))x\(Int(s.height))" }
        for (a, b) in pairs { key += ";\(a)>\(b)" }
        var local: [Int: Point] = [:]
        let groups = nodes.map { modules[$0]?.path }
        for g in groups { key += "|\(g ?? "")" }
        if let hit = cache[key] {
            return Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, hit[$0]!) })
        }
        if nodes.count <= GraphLayout.dotLimit, let session,
           let placed = try? session.place(dot(nodeSizes, pairs, groups: groups), engine: "dot") {
            engines.insert("dot")
            for i in nodes.indices {
                let pos = (placed.nodes["v\(i)"]?.pos ?? "0,0").split(separator: ",").compactMap { Double($0) }
                local[i] = Point(x: pos.first ?? 0, y: -(pos.count > 1 ? pos[1] : 0))
            }
        } else {
            engines.insert("layered")
            // The layered layout ranks top to bottom; left to right is the same with the axes swapped.
            let sizesInInches = nodeSizes.map { s in
                direction == .lr ? (width: s.height / 72, height: s.width / 72) : (width: s.width / 72, height: s.height / 72)
            }
            let p = LayeredLayout.positions(count: nodes.count, edges: pairs, sizes: sizesInInches, labelHeight: 0)
            for i in nodes.indices {
                local[i] = direction == .lr ? Point(x: -p[i].y, y: p[i].x) : Point(x: p[i].x, y: -p[i].y)
            }
        }
        cache[key] = local
        return Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, local[$0]!) })
    }

    /// The unit as DOT, nodes of one module kept together in a cluster (modules nested by path).
    private func dot(_ sizes: [Size], _ edges: [(Int, Int)], groups: [String?]) -> String {
        var w = DOTWriter(name: "unit")
        w.defaults(graph: ["rankdir": .raw(direction == .lr ? "LR" : "TB"), "nodesep": .number(0.5), "ranksep": .number(1.4),
                           "margin": .number(0.3)],
                   node: ["shape": .raw("box"), "fixedsize": .raw("true"), "label": .text("")])
        // Every path and its prefixes (`model.0` lies in `model`), each a cluster in its parent.
        var paths = Set<String>()
        for g in groups.compactMap({ $0 }) {
            var p = g
            paths.insert(p)
            while let dot = p.lastIndex(of: ".") {
                p = String(p[..<dot])
                if groups.contains(p) { paths.insert(p) }
            }
        }
        let ordered = paths.sorted()
        func parent(_ p: String) -> String? {
            ordered.filter { p.hasPrefix($0 + ".") }.max { $0.count < $1.count }
        }
        var children: [String?: [String]] = [:]
        for p in ordered { children[parent(p), default: []].append(p) }
        var members: [String?: [Int]] = [:]
        for (i, g) in groups.enumerated() { members[g, default: []].append(i) }
        for i in members[nil] ?? [] { w.node("v\(i)", ["width": .number(sizes[i].width / 72), "height": .number(sizes[i].height / 72)]) }
        // Clusters written depth first, without recursion.
        var stack: [(path: String, open: Bool)] = (children[nil] ?? []).reversed().map { ($0, true) }
        var index = 0
        while let (path, open) = stack.popLast() {
            if !open {
                w.raw("  }\n")
                continue
            }
            index += 1
            w.raw("  subgraph cluster_\(index) {\n    margin=28;\n")
            for i in members[path] ?? [] {
                w.node("v\(i)", ["width": .number(sizes[i].width / 72), "height": .number(sizes[i].height / 72)])
            }
            stack.append((path, false))
            for c in (children[path] ?? []).reversed() { stack.append((c, true)) }
        }
        for (a, b) in edges { w.edge("v\(a)", "v\(b)", [:]) }
        return w.finish()
    }
}

/// An edge in the forward direction (input → consumer), for layout.
struct EdgePair: Hashable {
    var from: SceneNodeID
    var to: SceneNodeID
}
