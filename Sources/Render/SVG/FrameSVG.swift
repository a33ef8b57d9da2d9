import Trace

/// Draws one frame as SVG: the caption panel on the left, the graph on the right with every
/// node at its lesson-wide position, structural edges thin and grey in the forward direction,
/// gradients as thick arrows pointing the way they travel (toward the inputs) with their values.
struct FrameSVG {
    /// Where the caption goes: beside a tall graph, or above a wide one.
    enum Arrangement: Equatable {
        /// A caption column on the left, `width` pixels wide, with the legend under it.
        case side(width: Double)
        /// A caption band across the top, `height` pixels high; the legend in a row at the bottom.
        case top(height: Double)
        /// The picture above, the caption under it, `height` pixels high (a handout page).
        case bottom(height: Double)
    }

    let canvas: Size
    let layout: GraphLayout
    let metrics: TextMetrics
    let arrangement: Arrangement
    var words = PictureWords(language: "en")

    static let margin = 24.0

    /// The legend's height under the graph (top arrangement).
    var legendBand: Double { Legend.height(width: canvas.width - 2 * FrameSVG.margin) + 8 }

    /// The caption's box.
    var captionPanel: Rect {
        switch arrangement {
        case .side(let w): return Rect(minX: 0, minY: 0, maxX: w, maxY: canvas.height)
        case .top(let h): return Rect(minX: 0, minY: 0, maxX: canvas.width, maxY: h)
        case .bottom(let h): return Rect(minX: 0, minY: canvas.height - h, maxX: canvas.width, maxY: canvas.height)
        }
    }

    var graphPanel: Rect {
        let m = FrameSVG.margin
        switch arrangement {
        case .side(let w): return Rect(minX: w + m, minY: m, maxX: canvas.width - m, maxY: canvas.height - m)
        case .top(let h): return Rect(minX: m, minY: h + m, maxX: canvas.width - m, maxY: canvas.height - m - legendBand)
        case .bottom(let h): return Rect(minX: m, minY: m + legendBand, maxX: canvas.width - m, maxY: canvas.height - h - m)
        }
    }

    /// The graph panel of `arrangement` on `canvas`.
    static func graphPanel(canvas: Size, arrangement: Arrangement) -> Rect {
        FrameSVG(canvas: canvas, layout: GraphLayout.empty, metrics: TextMetrics(session: nil), arrangement: arrangement).graphPanel
    }

    /// Lesson coordinates → canvas: the scale and offset fitting `view` into the graph panel.
    func transform(_ view: Rect) -> (scale: Double, dx: Double, dy: Double) {
        let panel = graphPanel
        guard !view.isEmpty else { return (1, panel.center.x, panel.center.y) }
        let s = min(ViewPlan.maximumScale, min(panel.width / max(view.width, 1), panel.height / max(view.height, 1)))
        let c = view.center
        return (s, panel.center.x - c.x * s, panel.center.y - c.y * s)
    }

    func render(_ frame: Frame, view: ViewPlan.View, looks: [NodeLook], index: Int, count: Int,
                lessonTitle: String) -> String {
        var svg = SVGText()
        svg.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("width", SVGText.num(canvas.width)),
                         ("height", SVGText.num(canvas.height)),
                         ("viewBox", "0 0 \(SVGText.num(canvas.width)) \(SVGText.num(canvas.height))"),
                         ("font-family", Palette.font), ("data-frame", String(index + 1))])
        svg.open("title", [])
        svg.raw(SVGText.escape("\(lessonTitle) — frame \(index + 1) of \(count)"))
        svg.end("title")
        svg.open("rect", [("width", "100%"), ("height", "100%"), ("fill", Palette.background)], close: true)
        if frame.kind == .title {
            drawTitle(frame, into: &svg)
        } else if let plot = frame.plot {
            drawPlot(plot, index: index, into: &svg)
            drawCaption(frame, into: &svg)
        } else {
            drawGraph(frame, view: view, looks: looks, into: &svg)
            drawCaption(frame, into: &svg)
        }
        svg.text("\(index + 1) / \(count)", x: canvas.width - FrameSVG.margin, y: canvas.height - 10, size: 18, face: .sans,
                 color: Palette.faint, anchor: "end")
        svg.end("svg")
        return svg.out
    }

    // MARK: - Title

    private func drawTitle(_ frame: Frame, into svg: inout SVGText) {
        let x = frame.explanation
        let width = canvas.width - 2 * 160
        var y = canvas.height * 0.3
        for line in Caption.wrap(x.heading, width: width, face: .sansBold, size: 56, metrics: metrics) {
            svg.text(line, x: canvas.width / 2, y: y, size: 56, face: .sansBold, color: Palette.ink, anchor: "middle")
            y += 56 * 1.3
        }
        y += 30
        for (i, s) in x.details.enumerated() {
            for line in Caption.wrap("\(i + 1). \(s)", width: width, face: .sans, size: 30, metrics: metrics) {
                svg.text(line, x: canvas.width / 2, y: y, size: 30, face: .sans, color: Palette.secondary, anchor: "middle")
                y += 30 * 1.35
            }
        }
    }

    // MARK: - Caption

    private func drawCaption(_ frame: Frame, into svg: inout SVGText) {
        let panel = captionPanel
        svg.open("rect", [("x", SVGText.num(panel.minX)), ("y", SVGText.num(panel.minY)), ("width", SVGText.num(panel.width)),
                          ("height", SVGText.num(panel.height)), ("fill", Palette.panel), ("data-part", "caption-panel")], close: true)
        let m = FrameSVG.margin
        var chart: Rect?
        var textBox: Rect
        switch arrangement {
        case .side:
            let legendTop = frame.plot != nil ? canvas.height - m : canvas.height - m - Legend.height(width: panel.width - 2 * m)
            if case .summary = frame.kind { chart = Rect(minX: m, minY: legendTop - 290, maxX: panel.maxX - m, maxY: legendTop - 20) }
            textBox = Rect(minX: m, minY: m, maxX: panel.maxX - m, maxY: (chart?.minY ?? legendTop) - 10)
            if frame.plot == nil { Legend.draw(at: Point(x: m, y: legendTop), width: panel.width - 2 * m, words: words, into: &svg) }
        case .top, .bottom:
            if case .summary = frame.kind {
                chart = Rect(minX: panel.maxX - 560, minY: panel.minY + m, maxX: panel.maxX - m, maxY: panel.maxY - m)
            }
            textBox = Rect(minX: m, minY: panel.minY + m, maxX: (chart?.minX ?? panel.maxX) - m, maxY: panel.maxY - m)
            let legendY: Double
            if case .bottom = arrangement { legendY = m } else { legendY = canvas.height - legendBand }
            if frame.plot == nil {
                Legend.draw(at: Point(x: m, y: legendY), width: canvas.width - 2 * m - 80, words: words, into: &svg)
            }
        }
        let caption = FrameSVG.fittedCaption(frame, width: textBox.width, height: textBox.height, metrics: metrics, words: words)
        var y = textBox.minY
        svg.open("g", [("class", "caption")])
        for line in caption.lines {
            y += line.gapBefore + line.size
            if line.role == .source {
                svg.open("rect", [("x", SVGText.num(textBox.minX - 8)), ("y", SVGText.num(y - line.size)),
                                  ("width", SVGText.num(textBox.width + 16)), ("height", SVGText.num(line.size * 1.3)),
                                  ("fill", "#fff7d6"), ("rx", "4")], close: true)
            }
            if line.role == .errorTitle || line.role == .errorText {
                svg.open("rect", [("x", SVGText.num(textBox.minX - 10)), ("y", SVGText.num(y - line.size)),
                                  ("width", "4"), ("height", SVGText.num(line.size * 1.3)), ("fill", Palette.error)], close: true)
            }
            svg.text(line.text, x: textBox.minX, y: y, size: line.size, face: line.face, color: line.color,
                     extra: [("class", "caption-\(line.role)")])
            y += line.size * (Palette.lineGap - 1)
        }
        svg.end("g")
        if case .summary(let s) = frame.kind, let chart { LossChartSVG.draw(s, in: chart, words: words, into: &svg) }
    }

    /// The caption at the largest scale whose lines fit `height`, never below the scale that
    /// keeps its smallest text legible; past that, the details (and then the printed output) are
    /// shortened from the end — the narration, the step, the chain rule and an error stay whole.
    static func fittedCaption(_ frame: Frame, width: Double, height: Double, metrics: TextMetrics,
                              words: PictureWords = PictureWords(language: "en")) -> Caption {
        var scale = 1.0
        var caption = Caption(frame.explanation, frame: frame.kind, width: width, scale: scale, metrics: metrics, words: words)
        while caption.height > height && scale - 0.02 >= Caption.minimumScale {
            scale -= 0.02
            caption = Caption(frame.explanation, frame: frame.kind, width: width, scale: scale, metrics: metrics, words: words)
        }
        var x = frame.explanation
        while caption.height > height && (!x.details.isEmpty || (x.printed?.contains("\n") ?? false)) {
            if !x.details.isEmpty {
                x.details.removeLast()
            } else if var printed = x.printed {
                printed = String(printed.dropLast())
                x.printed = printed.split(separator: "\n", omittingEmptySubsequences: false).dropLast().joined(separator: "\n")
            }
            caption = Caption(x, frame: frame.kind, width: width, scale: scale, metrics: metrics, words: words)
        }
        return caption
    }

    // MARK: - Graph

    private func drawGraph(_ frame: Frame, view: ViewPlan.View, looks: [NodeLook], into svg: inout SVGText) {
        let t = transform(view.rect)
        let panel = graphPanel
        svg.open("clipPath", [("id", "graphclip")])
        svg.open("rect", [("x", SVGText.num(panel.minX)), ("y", SVGText.num(panel.minY)), ("width", SVGText.num(panel.width)),
                          ("height", SVGText.num(panel.height))], close: true)
        svg.end("clipPath")
        func map(_ p: Point) -> Point { Point(x: p.x * t.scale + t.dx, y: p.y * t.scale + t.dy) }
        func onCanvas(_ p: GraphLayout.Place) -> Rect {
            Rect(center: map(p.center), size: Size(width: p.size.width * t.scale, height: p.size.height * t.scale))
        }
        func box(_ id: SceneNodeID) -> Rect? { layout.place(id).map(onCanvas) }
        svg.open("g", [("class", "graph"), ("clip-path", "url(#graphclip)"),
                       ("data-scale", SVGText.num(t.scale))])
        drawModules(frame, box: box, scale: t.scale, into: &svg)
        // Structural edges first, then gradient arrows, then nodes on top.
        var flows: [(from: Rect, to: Rect, label: String, shift: Double)] = []
        // The edges that reach into the panel (of a long graph, a few of many).
        let shown = frame.scene.edges.compactMap { e -> (edge: SceneEdge, to: Rect, from: Rect)? in
            guard let a = box(e.to), let b = box(e.from), a.union(b).intersects(panel.inset(40)) else { return nil }
            return (e, a, b)
        }
        // Edges between the same two nodes (a tensor used twice, `y * y`) are drawn side by side.
        // Both ends being the same, such edges are all shown or all not.
        var parallel: [EdgePair: Int] = [:]
        for (e, _, _) in shown { parallel[EdgePair(from: e.from, to: e.to), default: 0] += 1 }
        var drawn: [EdgePair: Int] = [:]
        for (e, a, b) in shown {
            let pair = EdgePair(from: e.from, to: e.to)
            let k = drawn[pair, default: 0]
            drawn[pair] = k + 1
            let n = parallel[pair] ?? 1
            let shift = (Double(k) - Double(n - 1) / 2) * 26 * t.scale
            // Forward direction: from the input (edge's `to`) to the consumer (`from`).
            svg.open("path", [("d", FrameSVG.curve(from: a, to: b, direction: layout.direction, offset: shift)), ("fill", "none"),
                              ("stroke", Palette.faint), ("stroke-width", SVGText.num(max(1.5, 2 * t.scale))),
                              ("marker-end", "url(#fwd)"), ("class", "edge"), ("data-from", e.from.description),
                              ("data-to", e.to.description)], close: true)
            if let g = e.gradient { flows.append((b, a, NumberText.values(g).prefixed(24), shift)) }
        }
        // Gradient arrows, then their value labels, each moved along its arrow until it overlaps no other.
        var placed: [Rect] = []
        for f in flows {
            let c = FrameSVG.bezier(from: f.from, to: f.to, direction: layout.direction, offset: f.shift + 9 * t.scale)
            svg.open("path", [("d", FrameSVG.path(c)), ("fill", "none"), ("stroke", Palette.gradient),
                              ("stroke-width", SVGText.num(max(3, 5 * t.scale))), ("marker-end", "url(#grad)"),
                              ("class", "gradient")], close: true)
        }
        for f in flows {
            let c = FrameSVG.bezier(from: f.from, to: f.to, direction: layout.direction, offset: f.shift + 9 * t.scale)
            let size = max(18, Palette.edgeLabelSize * t.scale)
            let w = metrics.width(f.label, .sansBold, size: size) + 12
            var best: Rect?
            for s in [0.5, 0.35, 0.65, 0.22, 0.78, 0.1, 0.9] {
                let p = FrameSVG.point(c, s)
                let r = Rect(minX: p.x - w / 2, minY: p.y - size, maxX: p.x + w / 2, maxY: p.y + size * 0.3)
                if best == nil { best = r }
                if !placed.contains(where: { $0.intersects(r) }) {
                    best = r
                    break
                }
            }
            guard let r = best else { continue }
            placed.append(r)
            svg.open("rect", [("x", SVGText.num(r.minX)), ("y", SVGText.num(r.minY)), ("width", SVGText.num(r.width)),
                              ("height", SVGText.num(r.height)), ("rx", "6"), ("fill", "#ffffff"), ("fill-opacity", "0.92"),
                              ("stroke", Palette.gradient)], close: true)
            svg.text(f.label, x: r.center.x, y: r.maxY - size * 0.3 - 2, size: size, face: .sansBold, color: Palette.gradientText,
                     anchor: "middle")
        }
        // Nodes outside the panel are not written (a partial view of a large graph stays small).
        let visible = panel.inset(40)
        let nodes = frame.scene.nodes + frame.released
        let places = layout.places(of: nodes)
        for (k, p) in places.enumerated() {
            guard let p, case let r = onCanvas(p), r.intersects(visible), k < looks.count else { continue }
            drawNode(nodes[k].id, looks[k], r, scale: t.scale, into: &svg)
        }
        svg.end("g")
        if view.partial { drawOverview(frame, places: places[..<frame.scene.nodes.count], view: view, into: &svg) }
        svg.raw("<defs><marker id=\"fwd\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(Palette.faint)\"/></marker>")
        svg.raw("<marker id=\"grad\" viewBox=\"0 0 10 10\" refX=\"8\" refY=\"5\" markerWidth=\"4.5\" markerHeight=\"4.5\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(Palette.gradient)\"/></marker></defs>")
    }

    /// A figure the lesson drew, fitted into the graph panel. Its ids are made unique to the frame,
    /// so frames inlined together (the player) do not share glyph or clip definitions.
    private func drawPlot(_ plot: PlotEvent, index: Int, into svg: inout SVGText) {
        let panel = graphPanel
        let w = plot.width * 72, h = plot.height * 72
        let s = min(panel.width / max(w, 1), panel.height / max(h, 1))
        let x = panel.center.x - w * s / 2, y = panel.center.y - h * s / 2
        var body = plot.svg
        if let start = body.range(of: "<svg") { body = String(body[start.lowerBound...]) }
        let prefix = "f\(index + 1)-"
        body = body.replacingOccurrences(of: "id=\"", with: "id=\"\(prefix)")
            .replacingOccurrences(of: "href=\"#", with: "href=\"#\(prefix)")
            .replacingOccurrences(of: "url(#", with: "url(#\(prefix)")
        // The figure's own <svg> element, placed and scaled in the panel.
        if let open = body.range(of: "<svg"), let close = body[open.upperBound...].firstIndex(of: ">") {
            let attributes = "<svg x=\"\(SVGText.num(x))\" y=\"\(SVGText.num(y))\" width=\"\(SVGText.num(w * s))\" height=\"\(SVGText.num(h * s))\" viewBox=\"0 0 \(SVGText.num(w)) \(SVGText.num(h))\""
            var kept: [String] = []
            var rest = body[open.upperBound..<close]
            // name="value" pairs of the tag, without the ones placing it.
            while let eq = rest.firstIndex(of: "=") {
                let name = String(rest[..<eq].filter { $0 != " " && $0 != "\n" && $0 != "\t" })
                let afterEq = rest[rest.index(after: eq)...]
                guard let q1 = afterEq.firstIndex(of: "\""),
                      let q2 = afterEq[afterEq.index(after: q1)...].firstIndex(of: "\"") else { break }
                if !["width", "height", "viewBox", "x", "y"].contains(name) { kept.append(name + "=" + String(afterEq[q1...q2])) }
                rest = afterEq[afterEq.index(after: q2)...]
            }
            body = attributes + " " + kept.joined(separator: " ") + String(body[close...])
        }
        svg.open("g", [("class", "plot")])
        svg.raw(body)
        svg.end("g")
    }

    /// A box around the nodes each `nn.Module` made, labelled with its path and kind
    /// (`model.0 · Linear(1 → 32)`); an enclosing module's box goes around its children's.
    private func drawModules(_ frame: Frame, box: (SceneNodeID) -> Rect?, scale: Double, into svg: inout SVGText) {
        var areas: [String: (rect: Rect, label: String)] = [:]
        for n in layout.modules.isEmpty ? [] : frame.scene.nodes {
            guard let m = layout.modules[n.id], let r = box(n.id) else { continue }
            // The node counts for its module and every enclosing one.
            var path = m.path
            while true {
                if let a = areas[path] {
                    areas[path] = (a.rect.union(r), a.label)
                } else if path == m.path {
                    areas[path] = (r, m.label)
                }
                guard let dot = path.lastIndex(of: ".") else { break }
                path = String(path[..<dot])
                if areas[path] == nil && !frame.scene.nodes.contains(where: { layout.modules[$0.id]?.path == path }) { break }
            }
        }
        let byDepth = areas.sorted { a, b in
            let da = a.key.filter { $0 == "." }.count, db = b.key.filter { $0 == "." }.count
            return da != db ? da < db : a.key < b.key
        }
        let size = max(Palette.minimumText, 19 * scale)
        svg.open("g", [("class", "modules")])
        for (path, area) in byDepth {
            let depth = Double(path.filter { $0 == "." }.count)
            let r = area.rect.inset(max(8, (22 - 6 * depth) * scale))
            svg.open("rect", [("x", SVGText.num(r.minX)), ("y", SVGText.num(r.minY - size * 1.2)), ("width", SVGText.num(r.width)),
                              ("height", SVGText.num(r.height + size * 1.2)), ("rx", SVGText.num(10 * scale)),
                              ("fill", "#f3f0fa"), ("fill-opacity", "0.55"), ("stroke", "#7b6fa8"), ("stroke-dasharray", "7 5"),
                              ("stroke-width", "1.5")], close: true)
            svg.text("\(path) · \(area.label)", x: r.minX + 8, y: r.minY - size * 0.25, size: size, face: .sansBold, color: "#5a4e8c",
                     extra: [("class", "module-label")])
        }
        svg.end("g")
    }

    /// A small map of the whole graph in the panel's corner, the shown region outlined.
    /// `places`: where each of the frame's scene nodes stands.
    private func drawOverview(_ frame: Frame, places: ArraySlice<GraphLayout.Place?>, view: ViewPlan.View, into svg: inout SVGText) {
        let panel = graphPanel
        let box = Rect(minX: panel.maxX - 300, minY: panel.maxY - 200, maxX: panel.maxX, maxY: panel.maxY)
        let c = view.content
        let s = min(box.width / max(c.width, 1), box.height / max(c.height, 1))
        func map(_ p: Point) -> Point {
            Point(x: box.center.x + (p.x - c.center.x) * s, y: box.center.y + (p.y - c.center.y) * s)
        }
        svg.open("g", [("class", "overview")])
        svg.open("rect", [("x", SVGText.num(box.minX)), ("y", SVGText.num(box.minY)), ("width", SVGText.num(box.width)),
                          ("height", SVGText.num(box.height)), ("fill", "#ffffff"), ("stroke", Palette.faint)], close: true)
        // The nodes as cells of a 2-px grid, one path of row runs, so the map costs the same
        // for a graph of any size; the step's nodes on top in the active colour.
        let cell = 2.0
        let columns = Int(box.width / cell), rows = Int(box.height / cell)
        var filled = [Bool](repeating: false, count: columns * rows)
        var active: [Rect] = []
        for (n, place) in zip(frame.scene.nodes, places) {
            guard let p = place?.center, let sz = place?.size else { continue }
            let q = map(p)
            let r = Rect(minX: q.x - sz.width * s / 2, minY: q.y - sz.height * s / 2,
                         maxX: q.x + max(sz.width * s, 1) / 2, maxY: q.y + max(sz.height * s, 1) / 2)
            if !frame.focus.isEmpty && frame.focus.contains(n.id) { active.append(r) }
            let x0 = max(0, Int((r.minX - box.minX) / cell)), x1 = min(columns - 1, Int((r.maxX - box.minX) / cell))
            let y0 = max(0, Int((r.minY - box.minY) / cell)), y1 = min(rows - 1, Int((r.maxY - box.minY) / cell))
            guard x0 <= x1, y0 <= y1 else { continue }
            for y in y0...y1 { for x in x0...x1 { filled[y * columns + x] = true } }
        }
        var d = ""
        for y in 0..<rows {
            var x = 0
            while x < columns {
                guard filled[y * columns + x] else { x += 1; continue }
                let start = x
                while x < columns && filled[y * columns + x] { x += 1 }
                d += "M\(SVGText.num(box.minX + Double(start) * cell)),\(SVGText.num(box.minY + Double(y) * cell))"
                    + "h\(SVGText.num(Double(x - start) * cell))v\(SVGText.num(cell))h\(SVGText.num(-Double(x - start) * cell))z"
            }
        }
        if !d.isEmpty { svg.open("path", [("d", d), ("fill", Palette.faint)], close: true) }
        for r in active {
            svg.open("rect", [("x", SVGText.num(r.minX)), ("y", SVGText.num(r.minY)), ("width", SVGText.num(max(r.width, 2))),
                              ("height", SVGText.num(max(r.height, 2))), ("fill", Palette.active)], close: true)
        }
        // The shown region, at least 10 px each way so it stays visible on a long graph's map.
        var a = map(Point(x: view.rect.minX, y: view.rect.minY)), b = map(Point(x: view.rect.maxX, y: view.rect.maxY))
        if b.x - a.x < 10 { let m = (a.x + b.x) / 2; a.x = m - 5; b.x = m + 5 }
        if b.y - a.y < 10 { let m = (a.y + b.y) / 2; a.y = m - 5; b.y = m + 5 }
        svg.open("rect", [("x", SVGText.num(max(a.x, box.minX))), ("y", SVGText.num(max(a.y, box.minY))),
                          ("width", SVGText.num(min(b.x, box.maxX) - max(a.x, box.minX))),
                          ("height", SVGText.num(min(b.y, box.maxY) - max(a.y, box.minY))), ("fill", "none"),
                          ("stroke", Palette.active), ("stroke-width", "2")], close: true)
        svg.end("g")
    }

    private func drawNode(_ id: SceneNodeID, _ look: NodeLook, _ r: Rect, scale: Double, into svg: inout SVGText) {
        let (fill, border): (String, String) = {
            switch look.style {
            case .leaf: return (Palette.leafFill, Palette.leafBorder)
            case .result: return (Palette.resultFill, Palette.resultBorder)
            case .plain: return (Palette.plainFill, Palette.plainBorder)
            case .function: return (Palette.functionFill, Palette.functionBorder)
            case .accumulate: return (Palette.accumulateFill, Palette.accumulateBorder)
            case .module: return ("#f3f0fa", "#5a4e8c")
            }
        }()
        var group: [(String, String)] = [("id", id.description), ("class", "node")]
        if look.emphasis == .released { group.append(("opacity", "0.4")) }
        svg.open("g", group)
        svg.open("title", [])
        svg.raw(SVGText.escape(look.title))
        svg.end("title")
        var strokeWidth = max(1.5, 2.5 * scale)
        var dash: String?
        switch look.emphasis {
        case .active:
            let halo = r.inset(7 * scale)
            svg.open("rect", [("x", SVGText.num(halo.minX)), ("y", SVGText.num(halo.minY)), ("width", SVGText.num(halo.width)),
                              ("height", SVGText.num(halo.height)), ("rx", SVGText.num(14 * scale)), ("fill", "none"),
                              ("stroke", Palette.active), ("stroke-width", SVGText.num(max(3, 5 * scale)))], close: true)
            strokeWidth = max(2, 3 * scale)
        case .new:
            dash = "\(SVGText.num(8 * scale)) \(SVGText.num(5 * scale))"
            strokeWidth = max(2.5, 3.5 * scale)
        case .released:
            dash = "\(SVGText.num(6 * scale)) \(SVGText.num(6 * scale))"
        case .none:
            break
        }
        var shape: [(String, String)] = [("class", "box"), ("fill", fill), ("stroke", look.emphasis == .new ? Palette.new : border),
                                         ("stroke-width", SVGText.num(strokeWidth))]
        if let dash { shape.append(("stroke-dasharray", dash)) }
        switch look.style {
        case .accumulate:
            let c = min(14 * scale, r.height / 4)
            let d = "M\(SVGText.num(r.minX + c)),\(SVGText.num(r.minY)) H\(SVGText.num(r.maxX - c)) L\(SVGText.num(r.maxX)),\(SVGText.num(r.minY + c)) V\(SVGText.num(r.maxY - c)) L\(SVGText.num(r.maxX - c)),\(SVGText.num(r.maxY)) H\(SVGText.num(r.minX + c)) L\(SVGText.num(r.minX)),\(SVGText.num(r.maxY - c)) V\(SVGText.num(r.minY + c)) Z"
            svg.open("path", [("d", d)] + shape, close: true)
        default:
            let rx = look.style == .function ? 3 * scale : 14 * scale
            svg.open("rect", [("x", SVGText.num(r.minX)), ("y", SVGText.num(r.minY)), ("width", SVGText.num(r.width)),
                              ("height", SVGText.num(r.height)), ("rx", SVGText.num(rx))] + shape, close: true)
        }
        let contentHeight = look.rows.reduce(0) { $0 + $1.size * Palette.lineGap } * scale
        var y = r.center.y - contentHeight / 2
        for row in look.rows {
            let size = row.size * scale
            y += size * Palette.lineGap
            let color: String
            switch row.tone {
            case .grad, .arrived: color = Palette.gradientText
            case .small: color = Palette.secondary
            case .muted: color = Palette.faint
            default: color = Palette.ink
            }
            svg.text(row.text, x: r.center.x, y: y - size * 0.3, size: size, face: row.face, color: color, anchor: "middle")
        }
        svg.end("g")
    }

    /// A curve from box `a` to box `b` leaving and entering along the layout's direction,
    /// shifted sideways by `offset` (a gradient beside its edge).
    static func curve(from a: Rect, to b: Rect, direction: GraphLayout.Direction, offset: Double = 0) -> String {
        path(bezier(from: a, to: b, direction: direction, offset: offset))
    }

    /// The control points of ``curve(from:to:direction:offset:)``.
    static func bezier(from a: Rect, to b: Rect, direction: GraphLayout.Direction, offset: Double) -> [Point] {
        let p0: Point, p3: Point, c1: Point, c2: Point
        if direction == .lr {
            let forward = b.center.x >= a.maxX
            p0 = Point(x: forward ? a.maxX : a.minX, y: a.center.y + offset)
            p3 = Point(x: forward ? b.minX : b.maxX, y: b.center.y + offset)
            let k = max(30, abs(p3.x - p0.x) / 2) * (forward ? 1 : -1)
            c1 = Point(x: p0.x + k, y: p0.y)
            c2 = Point(x: p3.x - k, y: p3.y)
        } else {
            let down = b.center.y >= a.maxY
            p0 = Point(x: a.center.x + offset, y: down ? a.maxY : a.minY)
            p3 = Point(x: b.center.x + offset, y: down ? b.minY : b.maxY)
            let k = max(30, abs(p3.y - p0.y) / 2) * (down ? 1 : -1)
            c1 = Point(x: p0.x, y: p0.y + k)
            c2 = Point(x: p3.x, y: p3.y - k)
        }
        return [p0, c1, c2, p3]
    }

    static func path(_ c: [Point]) -> String {
        func f(_ p: Point) -> String { "\(SVGText.num(p.x)),\(SVGText.num(p.y))" }
        return "M\(f(c[0])) C\(f(c[1])) \(f(c[2])) \(f(c[3]))"
    }

    /// The point at parameter `s` of a cubic Bézier.
    static func point(_ c: [Point], _ s: Double) -> Point {
        let u = 1 - s
        let a = u * u * u, b = 3 * u * u * s, d = 3 * u * s * s, e = s * s * s
        return Point(x: a * c[0].x + b * c[1].x + d * c[2].x + e * c[3].x, y: a * c[0].y + b * c[1].y + d * c[2].y + e * c[3].y)
    }
}
