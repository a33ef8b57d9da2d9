import Foundation

/// A lesson's trace made ready to draw: the union graph, its one layout, and
/// the caption of every event. Frames are produced on demand from it.
struct LessonPictures {
    let model: GraphModel
    let events: [TraceEvent]
    let layout: FixedLayout
    /// Per event: the caption as plain text, one line per row.
    let captions: [String]

    /// Above these sizes the union graph is laid out by `LayeredLayout` instead of `dot`.
    static let dotLimit = (vertices: 300, edges: 600)

    /// Measures every label the frames will show, then lays out the union graph once.
    init(events raw: [TraceEvent], session: Graphviz.Session) throws {
        let events = raw.enumerated().map { i, e -> TraceEvent in
            var e = e
            e.index = i
            return e
        }
        self.events = events
        let model = GraphModel(events: events)
        self.model = model

        // Pass 1: every label variant of every vertex, edge and caption.
        var builder = SceneBuilder(model: model, events: events)
        var vertexVariants = [Set<String>](repeating: [], count: model.vertices.count)
        var edgeVariants = [Set<String>](repeating: [], count: model.edges.count)
        var captionVariants = Set<String>()
        var captions: [String] = []
        captions.reserveCapacity(events.count)
        for _ in events.indices {
            let touched = builder.advance()
            for v in touched.vertices { vertexVariants[v].insert(FrameDOT.vertexLabel(builder.vertexLook(v).rows)) }
            for e in touched.edges {
                if let l = builder.edgeLook(e).label { edgeVariants[e].insert(FrameDOT.edgeLabel(l)) }
            }
            let rows = FrameCaption.rows(for: events[builder.current], builder: builder)
            captionVariants.insert(FrameDOT.captionLabel(rows))
            captions.append(rows.map(\.text).joined(separator: "\n"))
        }
        self.captions = captions

        // Graphviz measures each distinct label once.
        let vertexLabels = Array(Set(vertexVariants.joined())).sorted()
        let edgeLabels = Array(Set(edgeVariants.joined())).sorted()
        let captionLabels = captionVariants.isEmpty ? [FrameDOT.captionLabel([])] : captionVariants.sorted()
        let measured = try session.place(
            FrameDOT.measurement(vertexLabels: vertexLabels, edgeLabels: edgeLabels, captions: captionLabels),
            engine: "nop2")
        func measuredSize(_ name: String) -> (width: Double, height: Double) {
            let n = measured.nodes[name]
            return (Double(n?.width ?? "") ?? 0.75, Double(n?.height ?? "") ?? 0.5)
        }
        let vertexIndex = Dictionary(uniqueKeysWithValues: vertexLabels.enumerated().map { ($1, $0) })
        let edgeIndex = Dictionary(uniqueKeysWithValues: edgeLabels.enumerated().map { ($1, $0) })
        var sizes: [String: (width: Double, height: Double)] = [:]
        for (i, variants) in vertexVariants.enumerated() {
            let slot = model.vertices[i].slot
            var largest = sizes[slot] ?? (0, 0)
            for l in variants {
                let s = measuredSize("v\(vertexIndex[l]!)")
                largest = (max(largest.width, s.width), max(largest.height, s.height))
            }
            sizes[slot] = largest
        }
        // One route per pair of slots, labelled with the widest gradient it will carry.
        var routes: [(key: String, from: String, to: String, label: String?)] = []
        var routeIndex: [String: Int] = [:]
        var routeWidth: [Double] = []
        for (i, e) in model.edges.enumerated() {
            let r: Int
            if let known = routeIndex[e.layoutKey] {
                r = known
            } else {
                r = routes.count
                routeIndex[e.layoutKey] = r
                routes.append((e.layoutKey, model.vertices[model.vertexIndex[e.from]!].slot,
                               model.vertices[model.vertexIndex[e.to]!].slot, nil))
                routeWidth.append(0)
            }
            for l in edgeVariants[i].sorted() {
                let w = measuredSize("e\(edgeIndex[l]!)").width
                if w > routeWidth[r] {
                    routeWidth[r] = w
                    routes[r].label = l
                }
            }
        }
        let tallestLabel = routes.contains { $0.label != nil } ? 18.0 : 0
        var caption = (width: 0.0, height: 0.0)
        for i in captionLabels.indices {
            let s = measuredSize("c\(i)")
            caption = (max(caption.width, s.width * 72), max(caption.height, s.height * 72))
        }

        // The union graph, laid out once.
        let small = model.slots.count <= LessonPictures.dotLimit.vertices && routes.count <= LessonPictures.dotLimit.edges
        let placement: Graphviz.Placement
        if small {
            placement = try session.place(FrameDOT.union(model: model, sizes: sizes, edges: routes, positions: nil),
                                          engine: "dot")
        } else {
            let index = Dictionary(uniqueKeysWithValues: model.slots.enumerated().map { ($1, $0) })
            let pairs = routes.map { (index[$0.from]!, index[$0.to]!) }
            let positions = LayeredLayout.positions(count: model.slots.count, edges: pairs,
                                                    sizes: model.slots.map { sizes[$0] ?? (0.75, 0.5) },
                                                    labelHeight: tallestLabel)
            placement = try session.place(FrameDOT.union(model: model, sizes: sizes, edges: routes, positions: positions),
                                          engine: "nop2")
        }
        layout = FixedLayout(placement: placement, captionSize: caption, engine: small ? "dot" : "layered")
    }

    /// Pass 2: the DOT text of each selected frame (event indices, ascending), in order.
    func frames(_ selected: [Int], extraGraph: DOTWriter.Attributes = [:],
                _ body: (_ event: Int, _ dot: String) throws -> Void) rethrows {
        var builder = SceneBuilder(model: model, events: events)
        for k in selected {
            while builder.current < k { _ = builder.advance() }
            let rows = FrameCaption.rows(for: events[k], builder: builder)
            try body(k, FrameDOT.frame(builder.scene(caption: rows), model: model, layout: layout, extraGraph: extraGraph))
        }
    }
}
