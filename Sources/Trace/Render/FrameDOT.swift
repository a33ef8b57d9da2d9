/// The DOT texts of a lesson's pictures: the graph that measures labels, the
/// union graph that is laid out once, and one graph per frame with every
/// position pinned.
enum FrameDOT {
    static let captionName = "__caption"
    static let cornerNames = ("__corner_ll", "__corner_ur")

    static let nodeDefaults: DOTWriter.Attributes = [
        "shape": .raw("box"), "fontname": .text(Theme.font), "fontsize": .number(Theme.fontSize),
        "margin": .text("0.14,0.08"),
    ]
    static let edgeDefaults: DOTWriter.Attributes = [
        "fontname": .text(Theme.font), "fontsize": .number(Theme.edgeFontSize), "arrowsize": .number(0.8),
    ]

    // MARK: - Labels

    /// The HTML-like label of a vertex.
    static func vertexLabel(_ rows: [LabelRow]) -> String {
        "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
            + rows.map { "<TR><TD>\(Theme.markup($0))</TD></TR>" }.joined()
            + "</TABLE>"
    }

    /// The HTML-like caption; `box` (points) pins it to one size in every frame, top left.
    static func captionLabel(_ rows: [LabelRow], box: (width: Double, height: Double)? = nil) -> String {
        let inner = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">"
            + rows.map { "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">\(Theme.markup($0))</TD></TR>" }.joined()
            + "<TR><TD ALIGN=\"LEFT\" CELLPADDING=\"6\">\(Theme.legend)</TD></TR>"
            + "</TABLE>"
        guard let box else { return inner }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"
            + "<TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\" WIDTH=\"\(Int(box.width.rounded(.down)))\" HEIGHT=\"\(Int(box.height.rounded(.down)))\">"
            + inner + "</TD></TR></TABLE>"
    }

    /// The text on an edge that carries a gradient (it flows against the arrow).
    static func edgeLabel(_ value: String) -> String { " " + value + " " }

    // MARK: - Graphs

    /// Isolated nodes, one per distinct label, for Graphviz to measure.
    static func measurement(vertexLabels: [String], edgeLabels: [String], captions: [String]) -> String {
        var w = DOTWriter(name: "measure")
        w.defaults(node: nodeDefaults.merging(["pos": .text("0,0")]) { $1 })
        for (i, l) in vertexLabels.enumerated() { w.node("v\(i)", ["label": .html(l)]) }
        let plain: DOTWriter.Attributes = ["shape": .raw("plaintext"), "margin": .number(0), "width": .number(0), "height": .number(0)]
        for (i, l) in edgeLabels.enumerated() {
            w.node("e\(i)", plain.merging(["label": .text(l), "fontsize": .number(Theme.edgeFontSize)]) { $1 })
        }
        for (i, l) in captions.enumerated() { w.node("c\(i)", plain.merging(["label": .html(l)]) { $1 }) }
        return w.finish()
    }

    /// The union graph with every vertex at its largest size and every edge with
    /// its widest label; with `positions` (points) it is pinned for `nop2`.
    static func union(model: GraphModel, sizes: [String: (width: Double, height: Double)],
                      edges: [(key: String, from: String, to: String, label: String?)],
                      positions: [(x: Double, y: Double)]?) -> String {
        var w = DOTWriter(name: "union")
        var graph: DOTWriter.Attributes = ["nodesep": .number(0.35), "ranksep": .number(0.45)]
        if positions != nil { graph["splines"] = .raw("line") }
        w.defaults(graph: graph,
                   node: nodeDefaults.merging(["fixedsize": .raw("true"), "label": .text("")]) { $1 },
                   edge: edgeDefaults)
        for (i, slot) in model.slots.enumerated() {
            let size = sizes[slot] ?? (0.75, 0.5)
            var a: DOTWriter.Attributes = ["width": .number(size.width), "height": .number(size.height)]
            if let p = positions?[i] { a["pos"] = .text("\(DOTWriter.number(p.x)),\(DOTWriter.number(p.y))") }
            w.node(slot, a)
        }
        for e in edges {
            var a: DOTWriter.Attributes = ["id": .text(e.key)]
            if let l = e.label { a["label"] = .text(l) }
            w.edge(e.from, e.to, a)
        }
        return w.finish()
    }

    /// Statements of earlier frames, reused while a vertex or edge looks the same.
    struct Cache {
        var vertices: [Int: (look: VertexLook, statement: String)] = [:]
        var edges: [Int: (look: EdgeLook, statement: String)] = [:]
    }

    /// One frame: the union layout's positions, this frame's looks and caption.
    static func frame(_ scene: FrameScene, model: GraphModel, layout: FixedLayout, extraGraph: DOTWriter.Attributes = [:]) -> String {
        var cache = Cache()
        return frame(scene, model: model, layout: layout, extraGraph: extraGraph, cache: &cache)
    }

    /// One frame; `chart` adds a loss chart in its box (summary frames).
    static func frame(_ scene: FrameScene, model: GraphModel, layout: FixedLayout, extraGraph: DOTWriter.Attributes,
                      cache: inout Cache, chart: (LossChart, LossChart.Box)? = nil) -> String {
        var w = DOTWriter(name: "frame")
        w.defaults(graph: ["bgcolor": .raw("white"), "outputorder": .raw("edgesfirst"), "pad": .number(0.25)]
                    .merging(extraGraph) { $1 },
                   node: nodeDefaults.merging(["fixedsize": .raw("true"), "penwidth": .number(1.4)]) { $1 },
                   edge: edgeDefaults)
        let c = layout.canvas
        let corner: DOTWriter.Attributes = ["shape": .raw("point"), "style": .raw("invis"), "width": .number(0.01),
                                            "height": .number(0.01), "label": .text("")]
        w.node(cornerNames.0, corner.merging(["pos": .text("\(DOTWriter.number(c.minX)),\(DOTWriter.number(c.minY))")]) { $1 })
        w.node(cornerNames.1, corner.merging(["pos": .text("\(DOTWriter.number(c.maxX)),\(DOTWriter.number(c.maxY))")]) { $1 })
        w.node(captionName, [
            "shape": .raw("plaintext"), "margin": .number(0), "id": .text("caption"),
            "pos": .text(layout.captionPos), "width": .number(layout.captionSize.width / 72),
            "height": .number(layout.captionSize.height / 72),
            "label": .html(captionLabel(scene.caption, box: layout.captionSize)),
        ])
        var statements = ""
        for (i, look) in scene.vertices {
            if let c = cache.vertices[i], c.look == look {
                statements += c.statement
                continue
            }
            let v = model.vertices[i]
            guard let p = layout.nodes[v.slot] else { continue }
            let statement = DOTWriter.nodeStatement(v.slot, vertexAttributes(look).merging([
                "id": .text(v.slot), "pos": .text(p.pos), "width": .raw(p.width), "height": .raw(p.height),
                "label": .html(vertexLabel(look.rows)),
            ]) { $1 })
            cache.vertices[i] = (look, statement)
            statements += statement
        }
        for (i, look) in scene.edges {
            if let c = cache.edges[i], c.look == look {
                statements += c.statement
                continue
            }
            let e = model.edges[i]
            guard let p = layout.edges[e.layoutKey] else { continue }
            var a = edgeAttributes(e.kind, look)
            a["id"] = .text(e.layoutKey)
            if !p.pos.isEmpty { a["pos"] = .text(p.pos) }
            if let l = look.label {
                a["label"] = .text(edgeLabel(l))
                if let lp = p.lp { a["lp"] = .text(lp) }
            }
            let statement = DOTWriter.edgeStatement(model.vertices[model.vertexIndex[e.from]!].slot,
                                                    model.vertices[model.vertexIndex[e.to]!].slot, a)
            cache.edges[i] = (look, statement)
            statements += statement
        }
        w.append(statements: statements)
        if let (c, box) = chart { w.append(statements: c.statements(in: box)) }
        return w.finish()
    }

    static func vertexAttributes(_ look: VertexLook) -> DOTWriter.Attributes {
        var (fill, border) = Theme.colors(look.style)
        var penwidth = 1.4
        var style: [String] = look.style == .gradFn || look.style == .accumulate ? ["filled"] : ["rounded", "filled"]
        if look.style == .notRecorded { style.append("dashed") }
        switch look.emphasis {
        case .none: break
        case .new:
            border = Theme.forward
            penwidth = 3
        case .active:
            fill = Theme.activeFill
            border = Theme.activeBorder
            penwidth = 3.5
        case .visited:
            border = Theme.visitedBorder
            penwidth = 2.2
        case .released:
            border = Theme.faint
            if !style.contains("dashed") { style.append("dashed") }
        }
        return ["style": .text(style.joined(separator: ",")), "fillcolor": .text(fill), "color": .text(border),
                "penwidth": .number(penwidth)]
    }

    static func edgeAttributes(_ kind: GraphModel.EdgeKind, _ look: EdgeLook) -> DOTWriter.Attributes {
        var a: DOTWriter.Attributes
        switch kind {
        case .next: a = ["color": .text(Theme.secondary), "penwidth": .number(1.3)]
        case .gradFn, .variable: a = ["color": .text(Theme.faint), "style": .raw("dashed"), "penwidth": .number(1.2)]
        case .constant, .untracked: a = ["color": .text(Theme.faint), "style": .raw("dotted"), "penwidth": .number(1.2)]
        }
        switch look.tone {
        case .normal: break
        case .new:
            a["color"] = .text(Theme.forward)
            a["penwidth"] = .number(2.4)
        case .gradient:
            a["color"] = .text(Theme.gradient)
            a["fontcolor"] = .text(Theme.gradient)
            a["penwidth"] = .number(3)
        case .flowed:
            a["color"] = .text(Theme.gradientPast)
            a["fontcolor"] = .text("#a3426b")
            a["penwidth"] = .number(2)
        }
        return a
    }
}
