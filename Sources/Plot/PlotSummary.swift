/// What a drawn figure shows, as plain lines: per axes its box, view limits, ticks (data value,
/// position in points, label) and how many lines, points, arrows and contour levels it draws.
struct PlotSummary {
    var text = ""

    init(layouts: [AxesLayout]) {
        for (k, l) in layouts.enumerated() {
            let t = l.transform
            text += "axes \(k) box \(t.box.x0) \(t.box.y0) \(t.box.x1) \(t.box.y1)\n"
            text += "xlim \(t.x.low) \(t.x.high)\nylim \(t.y.low) \(t.y.high)\n"
            // Ticks with hidden labels (shared axes) are left out: matplotlib's SVG has no text for them.
            for (v, label) in zip(l.xTicks.positions, l.xTicks.labels) where !l.axes.hideXTickLabels { text += "xtick \(v) \(t.apply(v, t.y.low).x) \(label)\n" }
            for (v, label) in zip(l.yTicks.positions, l.yTicks.labels) where !l.axes.hideYTickLabels { text += "ytick \(v) \(t.apply(t.x.low, v).y) \(label)\n" }
            if !l.xTicks.offsetText.isEmpty { text += "xoffset \(l.xTicks.offsetText)\n" }
            if !l.yTicks.offsetText.isEmpty { text += "yoffset \(l.yTicks.offsetText)\n" }
            var lines = 0, points = 0, arrows = 0, levels = 0
            for artist in l.axes.artists {
                switch artist {
                case .line(let line):
                    lines += 1
                    if line.marker != nil { points += line.xs.count }
                case .reference: lines += 1
                case .scatter(let s): points += s.xs.count
                case .quiver(let q): arrows += q.xs.count
                case .contour(let c): levels += c.filled ? c.bands.count : c.levels.count
                default: break
                }
            }
            text += "counts lines \(lines) points \(points) arrows \(arrows) levels \(levels)\n"
        }
    }
}
