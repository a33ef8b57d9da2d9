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
    /// The summary frames among `frames` are measured too, and make room for the loss chart.
    init(events raw: [TraceEvent], frames: [FrameSelection.Frame] = [], session: Graphviz.Session) throws {
        let events = raw.enumerated().map { i, e -> TraceEvent in
            var e = e
            e.index = i
            return e
        }
        self.events = events
        let model = GraphModel(events: events)
        self.model = model

        // Pass 1: every look of every slot, route and caption.
        var builder = SceneBuilder(model: model, events: events)
        var slotVariants: [String: Set<[LabelRow]>] = [:]
        var routeVariants: [String: Set<String>] = [:]
        var captionVariants = Set<[LabelRow]>()
        var captions: [String] = []
        captions.reserveCapacity(events.count)
        var summaries: [Int: FrameSelection.Summary] = [:]
        for f in frames { if let s = f.summary { summaries[f.event] = s } }
        for _ in events.indices {
            let touched = builder.advance()
            if let s = summaries[builder.current] {
                let calm = builder.calmed()
                for v in 0..<model.vertices.count where calm.isVisible(vertex: v) {
                    slotVariants[model.vertices[v].slot, default: []].insert(calm.vertexLook(v).rows)
                }
                captionVariants.insert(FrameCaption.summaryRows(s, at: builder.current, events: events))
            }
            for v in touched.vertices { slotVariants[model.vertices[v].slot, default: []].insert(builder.vertexLook(v).rows) }
            for e in touched.edges {
                if let l = builder.edgeLook(e).label { routeVariants[model.edges[e].layoutKey, default: []].insert(FrameDOT.edgeLabel(l)) }
            }
            let rows = FrameCaption.rows(for: events[builder.current], builder: builder)
            captionVariants.insert(rows)
            captions.append(rows.map(\.text).joined(separator: "\n"))
        }
        self.captions = captions

        // Graphviz measures the labels that may be the largest of their slot (all of them when there are few).
        var vertexCandidates: [String: [String]] = [:]
        for (slot, variants) in slotVariants {
            vertexCandidates[slot] = LessonPictures.largest(Array(variants), keep: 2).map(FrameDOT.vertexLabel)
        }
        let routeLabels = routeVariants.mapValues { texts in
            texts.max { a, b in DisplayWidth.of(a) != DisplayWidth.of(b) ? DisplayWidth.of(a) < DisplayWidth.of(b) : a < b }!
        }
        let captionCandidates = captionVariants.isEmpty
            ? [FrameDOT.captionLabel([])]
            : LessonPictures.largest(Array(captionVariants), keep: 4).map { FrameDOT.captionLabel($0) }
        let vertexLabels = Array(Set(vertexCandidates.values.joined())).sorted()
        let edgeLabels = Array(Set(routeLabels.values)).sorted()
        let captionLabels = Array(Set(captionCandidates)).sorted()
        let measured = try session.place(
            FrameDOT.measurement(vertexLabels: vertexLabels, edgeLabels: edgeLabels, captions: captionLabels),
            engine: "nop2")
        func measuredSize(_ name: String) -> (width: Double, height: Double) {
            let n = measured.nodes[name]
            return (Double(n?.width ?? "") ?? 0.75, Double(n?.height ?? "") ?? 0.5)
        }
        let vertexIndex = Dictionary(uniqueKeysWithValues: vertexLabels.enumerated().map { ($1, $0) })
        var sizes: [String: (width: Double, height: Double)] = [:]
        for (slot, labels) in vertexCandidates {
            var largest = (width: 0.0, height: 0.0)
            for l in labels {
                let s = measuredSize("v\(vertexIndex[l]!)")
                largest = (max(largest.width, s.width), max(largest.height, s.height))
            }
            sizes[slot] = largest
        }
        // One route per pair of slots, labelled with the widest gradient it will carry.
        var routes: [(key: String, from: String, to: String, label: String?)] = []
        var routeIndex: Set<String> = []
        for e in model.edges where routeIndex.insert(e.layoutKey).inserted {
            routes.append((e.layoutKey, model.vertices[model.vertexIndex[e.from]!].slot,
                           model.vertices[model.vertexIndex[e.to]!].slot, routeLabels[e.layoutKey]))
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
        let chart = summaries.values.contains { LossChart($0) != nil }
        layout = FixedLayout(placement: placement, captionSize: caption, chart: chart, engine: small ? "dot" : "layered")
    }

    /// The labels that may turn out largest: every one when there are few, else
    /// the `keep` widest and the `keep` tallest by an estimate from their text.
    static func largest(_ variants: [[LabelRow]], keep: Int) -> [[LabelRow]] {
        if variants.count <= 2 * keep { return variants }
        func size(_ rows: [LabelRow]) -> (width: Double, height: Double) {
            var w = 0.0, h = 0.0
            for r in rows {
                let pt = pointSize(r.tone)
                w = max(w, Double(DisplayWidth.of(r.text)) * pt * (r.tone == .code ? 0.62 : 0.6))
                h += pt * 1.3
            }
            return (w, h)
        }
        // Ties are broken by the text, so the picks (and the layout) do not depend on set order.
        let measured = variants.map { ($0, size($0), $0.map { "\($0.tone)\u{1}\($0.text)" }.joined(separator: "\u{2}")) }
            .sorted { $0.2 < $1.2 }
        let byWidth = measured.sorted { ($0.1.width, $0.1.height, $1.2) > ($1.1.width, $1.1.height, $0.2) }
        let byHeight = measured.sorted { ($0.1.height, $0.1.width, $1.2) > ($1.1.height, $1.1.width, $0.2) }
        var picked: [[LabelRow]] = []
        for (rows, _, _) in byWidth.prefix(keep) + byHeight.prefix(keep) where !picked.contains(rows) { picked.append(rows) }
        return picked
    }

    private static func pointSize(_ tone: LabelRow.Tone) -> Double {
        switch tone {
        case .title: return 13
        case .heading: return 17
        case .narration: return 13
        case .small, .muted, .code: return 10
        case .output: return 11
        case .body, .gradient: return 12
        }
    }

    /// Pass 2: the DOT text and plain caption of each selected frame (in trace order).
    func frames(_ selected: [FrameSelection.Frame], extraGraph: DOTWriter.Attributes = [:],
                _ body: (_ frame: FrameSelection.Frame, _ dot: String, _ caption: String) throws -> Void) rethrows {
        var builder = SceneBuilder(model: model, events: events)
        var cache = FrameDOT.Cache()
        for f in selected {
            let k = f.event
            while builder.current < k { _ = builder.advance() }
            if let s = f.summary {
                let rows = FrameCaption.summaryRows(s, at: k, events: events)
                var chart: (LossChart, LossChart.Box)?
                if let c = LossChart(s), let box = layout.chart { chart = (c, box) }
                try body(f, FrameDOT.frame(builder.calmed().scene(caption: rows), model: model, layout: layout,
                                           extraGraph: extraGraph, cache: &cache, chart: chart),
                         rows.map(\.text).joined(separator: "\n"))
            } else {
                let rows = FrameCaption.rows(for: events[k], builder: builder)
                try body(f, FrameDOT.frame(builder.scene(caption: rows), model: model, layout: layout, extraGraph: extraGraph,
                                           cache: &cache), captions[k])
            }
        }
    }
}
