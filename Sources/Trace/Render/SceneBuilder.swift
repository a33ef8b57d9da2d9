/// Walks the trace one event at a time and knows, at each event, how every
/// vertex and edge of the union graph looks.
///
/// State that lasts (values, `.grad`s, freed nodes, the gradients of the running
/// backward pass) is kept apart from what only the current event highlights, so
/// a step touches only the vertices its event mentions.
struct SceneBuilder {
    enum GradState: Equatable {
        case none
        case value(TensorSnapshot)
        case zeroed(TensorSnapshot?)
    }

    /// What the current event adds to one vertex's look.
    struct Highlight {
        var emphasis: VertexLook.Emphasis
        var extraRows: [LabelRow] = []
        /// Replace the tensor's `grad:` rows.
        var gradRows: [LabelRow]?
        /// Replaces the tensor's value rows.
        var valueRows: [LabelRow]?
    }

    let model: GraphModel
    let events: [TraceEvent]
    /// The event the builder stands at (-1 before the first).
    private(set) var current = -1

    private(set) var values: [Int: TensorSnapshot] = [:]
    private(set) var grads: [Int: GradState] = [:]
    private(set) var released: Set<Int> = []
    private(set) var visited: Set<Int> = []
    private(set) var edgeGrads: [Int: TensorSnapshot] = [:]
    /// Nodes and edges whose lasting state the current event changed.
    private var changedNodes: [Int] = []
    private var changedEdges: [Int] = []
    private(set) var rootName: String?
    private(set) var gradEnabled = true
    /// The `.grad` before the current accumulate event, as the caption writes it.
    private(set) var accumulatedBefore = "None"
    /// Whether the running (or last) backward pass keeps its graph.
    private(set) var retainingGraph = false
    private var clearOnForward = false

    private(set) var highlights: [Int: Highlight] = [:]
    private(set) var edgeHighlights: [Int: EdgeLook] = [:]
    /// Vertices and edges in `model` order with `firstEvent <= current`.
    private(set) var revealedVertices = 0
    private(set) var revealedEdges = 0

    init(model: GraphModel, events: [TraceEvent]) {
        self.model = model
        self.events = events
    }

    /// Moves to the next event; returns the vertices and edges whose look may have changed.
    mutating func advance() -> (vertices: [Int], edges: [Int]) {
        current += 1
        let e = events[current]
        var touchedV = Array(highlights.keys)
        var touchedE = Array(edgeHighlights.keys)
        highlights = [:]
        edgeHighlights = [:]

        if let gone = model.retiring[current] {
            touchedV += gone.vertices
            touchedE += gone.edges
        }
        let firstV = revealedVertices
        while revealedVertices < model.vertices.count && model.vertices[revealedVertices].firstEvent <= current {
            revealedVertices += 1
        }
        touchedV += Array(firstV..<revealedVertices)
        let firstE = revealedEdges
        while revealedEdges < model.edges.count && model.edges[revealedEdges].firstEvent <= current {
            revealedEdges += 1
        }
        touchedE += Array(firstE..<revealedEdges)

        changedNodes = []
        changedEdges = []
        apply(e)
        for id in changedNodes { if let i = model.vertexIndex["n\(id)"] { touchedV.append(i) } }
        touchedE += changedEdges
        for s in e.mentionedTensors { if let i = model.vertexIndex["t\(s.id)"] { touchedV.append(i) } }
        touchedV += highlights.keys
        touchedE += edgeHighlights.keys
        return (Array(Set(touchedV)).sorted(), Array(Set(touchedE)).sorted())
    }

    /// The whole picture at the current event.
    func scene(caption: [LabelRow]) -> FrameScene {
        FrameScene(eventIndex: current,
                   vertices: (0..<revealedVertices).filter { isVisible(vertex: $0) }.map { ($0, vertexLook($0)) },
                   edges: (0..<revealedEdges).filter { isVisible(edge: $0) }.map { ($0, edgeLook($0)) },
                   caption: caption)
    }

    /// The builder at the same event without what only the event highlights:
    /// the lasting state, as a summary frame shows it.
    func calmed() -> SceneBuilder {
        var b = self
        b.highlights = [:]
        b.edgeHighlights = [:]
        return b
    }

    func isVisible(vertex i: Int) -> Bool {
        i < revealedVertices && model.vertices[i].lastEvent >= current
    }

    func isVisible(edge i: Int) -> Bool {
        i < revealedEdges && model.edges[i].lastEvent >= current
    }

    func edgeLook(_ i: Int) -> EdgeLook {
        if let h = edgeHighlights[i] { return h }
        if let g = edgeGrads[i] { return EdgeLook(tone: .flowed, label: PictureText.inline(g)) }
        return EdgeLook(tone: .normal, label: nil)
    }

    // MARK: - Events

    private mutating func apply(_ e: TraceEvent) {
        for s in e.mentionedTensors { values[s.id] = s }
        switch e.kind {
        case .forward:
            if clearOnForward {
                clearBackwardState()
                clearOnForward = false
            }
            forward(e)
        case .backwardBegin:
            clearBackwardState()
            clearOnForward = false
            rootName = e.roots?.first.map { $0.name ?? "out" }
            retainingGraph = e.retainGraph ?? false
            for (r, g) in zip(e.roots ?? [], e.grads ?? []) {
                guard let v = model.vertexIndex["t\(r.id)"] else { continue }
                highlights[v] = Highlight(emphasis: .active, extraRows: [LabelRow("seed gradient \(PictureText.inline(g))", .gradient)])
                if let fn = r.gradFnID, let edge = model.edgeIndex["r\(fn)_t\(r.id)"] {
                    edgeHighlights[edge] = EdgeLook(tone: .gradient, label: PictureText.inline(g))
                    setEdgeGrad(edge, g)
                }
            }
        case .node:
            guard let node = e.node else { return }
            markVisited(node.id)
            var rows: [LabelRow] = []
            if let g = e.incoming?.first ?? nil { rows.append(LabelRow("grad in: \(PictureText.inline(g))", .gradient)) }
            rows += ChainRuleText.localRows(node: node, event: e, model: model)
            if let v = model.vertexIndex["n\(node.id)"] { highlights[v] = Highlight(emphasis: .active, extraRows: rows) }
            for (slot, out) in (e.outgoing ?? []).enumerated() {
                guard let out, let edge = model.nextEdgeBySlot[node.id]?[slot] else { continue }
                setEdgeGrad(edge, out)
                edgeHighlights[edge] = EdgeLook(tone: .gradient, label: PictureText.inline(out))
            }
        case .accumulate:
            accumulate(e)
        case .backwardEnd:
            for id in e.released ?? [] where released.insert(id).inserted { changedNodes.append(id) }
            clearOnForward = true
        case .zeroGrad:
            for t in e.tensors ?? [] {
                let old = grads[t.id]
                let new: GradState = e.setToNone == true ? .none : .zeroed(SceneBuilder.gradSnapshot(old))
                grads[t.id] = new
                if let v = model.vertexIndex["t\(t.id)"] {
                    let rows = PictureText.fit(["grad: \(SceneBuilder.text(old)) → \(SceneBuilder.text(new))"],
                                               or: ["grad was \(SceneBuilder.text(old))", "→ \(SceneBuilder.text(new))"])
                    highlights[v] = Highlight(emphasis: .active, gradRows: rows.map { LabelRow($0, .gradient) })
                }
            }
        case .step:
            for (i, t) in (e.tensors ?? []).enumerated() {
                guard let v = model.vertexIndex["t\(t.id)"] else { continue }
                var h = Highlight(emphasis: .active)
                if let b = e.beforeAll, i < b.count {
                    h.valueRows = [LabelRow("\(PictureText.inline(b[i])) → \(PictureText.inline(t))")]
                }
                highlights[v] = h
            }
        case .hook:
            if let t = e.tensor, let v = model.vertexIndex["t\(t.id)"], let g = e.incoming?.first ?? nil {
                let result = (e.outgoing?.first ?? nil).map { PictureText.inline($0) } ?? "unchanged"
                highlights[v] = Highlight(emphasis: .active, extraRows: [LabelRow("hook: \(PictureText.inline(g)) → \(result)", .gradient)])
            }
        case .gradMode:
            gradEnabled = e.enabled ?? gradEnabled
        case .print:
            break
        }
    }

    private mutating func forward(_ e: TraceEvent) {
        if e.isInPlace, let out = e.output, let v = model.vertexIndex["t\(out.id)"] {
            var h = Highlight(emphasis: .new)
            if e.op == "inplace", let old = e.inputs?.first {
                h.valueRows = [LabelRow(PictureText.clip("\(PictureText.inline(old)) → \(PictureText.inline(out))"))]
            }
            highlights[v] = h
            return
        }
        if let node = e.node, let v = model.vertexIndex["n\(node.id)"], model.vertices[v].firstEvent == current {
            highlights[v] = Highlight(emphasis: .new)
        }
        if let out = e.output, let v = model.vertexIndex["t\(out.id)"] {
            highlights[v] = Highlight(emphasis: .new)
        }
        var i = revealedEdges - 1
        while i >= 0 && model.edges[i].firstEvent == current {
            edgeHighlights[i] = EdgeLook(tone: .new, label: nil)
            i -= 1
        }
    }

    private mutating func accumulate(_ e: TraceEvent) {
        guard let leaf = e.tensor, let after = e.after else { return }
        let incoming = e.incoming?.first ?? nil
        let before = e.before.map { PictureText.inline($0) } ?? "None"
        accumulatedBefore = before
        grads[leaf.id] = .value(after)
        let name = leaf.name ?? "leaf"
        let inc = incoming.map { PictureText.inline($0) } ?? "?"
        if let v = model.vertexIndex["t\(leaf.id)"] {
            let operand = inc.hasPrefix("-") ? "(\(inc))" : inc
            let rows = PictureText.fit(["grad: \(before) + \(operand) = \(PictureText.inline(after))"],
                                       or: ["grad was \(before)", "+ \(inc)", "= \(PictureText.inline(after))"])
            highlights[v] = Highlight(emphasis: .active, gradRows: rows.map { LabelRow($0, .gradient) })
        }
        if let acc = e.node {
            markVisited(acc.id)
            if let v = model.vertexIndex["n\(acc.id)"] {
                highlights[v] = Highlight(emphasis: .active, extraRows: [LabelRow("\(name).grad += \(inc)", .gradient)])
            }
            if let edge = model.edgeIndex["v\(leaf.id)_n\(acc.id)"], let incoming {
                setEdgeGrad(edge, incoming)
                edgeHighlights[edge] = EdgeLook(tone: .gradient, label: inc)
            }
        }
    }

    private mutating func markVisited(_ id: Int) {
        if visited.insert(id).inserted { changedNodes.append(id) }
    }

    private mutating func setEdgeGrad(_ edge: Int, _ g: TensorSnapshot) {
        edgeGrads[edge] = g
        changedEdges.append(edge)
    }

    private mutating func clearBackwardState() {
        changedNodes += visited
        changedEdges += edgeGrads.keys
        visited = []
        edgeGrads = [:]
    }

    static func text(_ g: GradState?) -> String {
        switch g {
        case .value(let s)?: return PictureText.inline(s)
        case .zeroed(let s)?: return s.map { $0.shape.isEmpty ? "0" : "zeros \(PictureText.shape($0.shape))" } ?? "0"
        case .none?, nil: return "None"
        }
    }

    static func gradSnapshot(_ g: GradState?) -> TensorSnapshot? {
        switch g {
        case .value(let s)?: return s
        case .zeroed(let s)?: return s
        default: return nil
        }
    }
}
