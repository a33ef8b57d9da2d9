import PyFormat
import Autograd
import Foundation

/// The loss curve of a training loop, drawn by Graphviz itself so SVG, PNG and
/// PDF frames all show it: a framed plot area, grid lines with loss values,
/// iteration numbers below, the curve up to the current iteration and a marker
/// on the current point.
///
/// Everything is a node or an edge with an explicit `pos`, which `nop2` keeps.
/// An edge's `pos` is a B-spline `p0 c1 c2 p1 c1 c2 p2 …`; with the control
/// points on the segment ends each piece is a straight line, so one edge draws
/// the whole polyline. The axes span the whole run, so the curve grows in place
/// from frame to frame. Losses spanning more than two decades use a log scale.
struct LossChart {
    /// A rectangle in Graphviz points (y grows upwards).
    struct Box: Equatable {
        var minX: Double
        var minY: Double
        var maxX: Double
        var maxY: Double
    }

    /// The room a chart takes beside the caption, in points.
    static let size = (width: 300.0, height: 170.0)
    /// The id of the curve's edge in SVG output.
    static let curveID = "loss_curve"

    /// Every loss point of the run: 0-based iteration and loss.
    var points: [(iteration: Int, loss: Double)]
    /// Iterations of the run.
    var count: Int
    /// The current iteration (0-based); the curve stops there.
    var current: Int

    /// A chart for `summary`'s run at its iteration; nil when the run has no finite loss.
    init?(_ summary: FrameSelection.Summary) {
        let points = summary.run.losses.filter { $0.loss.isFinite }
        if points.isEmpty { return nil }
        self.points = points
        count = summary.run.count
        current = summary.iteration
    }

    init(points: [(iteration: Int, loss: Double)], count: Int, current: Int) {
        self.points = points
        self.count = count
        self.current = current
    }

    /// Whether the loss axis is logarithmic: all losses positive and spanning more than two decades.
    var logScale: Bool { LossChart.usesLogScale(points.map(\.loss)) }

    /// Whether `losses` (finite) are all positive and span more than two decades.
    static func usesLogScale(_ losses: [Double]) -> Bool {
        guard let lo = losses.min(), let hi = losses.max(), lo > 0 else { return false }
        return hi / lo > 100
    }

    /// The loss axis: its ends in axis units (log10 of the loss on a log scale) and the ticks as (loss, label).
    func lossAxis() -> (lo: Double, hi: Double, ticks: [(value: Double, label: String)]) {
        let losses = points.map(\.loss)
        var lo = losses.min()!, hi = losses.max()!
        if logScale {
            lo = log10(lo)
            hi = log10(hi)
            let pad = (hi - lo) * 0.06
            lo -= pad
            hi += pad
            var powers = Array(Int(lo.rounded(.up))...Int(hi.rounded(.down)))
            while powers.count > 5 { powers = stride(from: 0, to: powers.count, by: 2).map { powers[$0] } }
            return (lo, hi, powers.map { (Double($0), LossChart.label(pow(10, Double($0)))) })
        }
        if hi - lo < 1e-12 * max(abs(hi), 1) {
            let d = max(abs(hi) * 0.1, 1e-3)
            lo -= d
            hi += d
        }
        // Halves first: the span of losses near ±1.8e308 would overflow to infinity.
        let pad = (hi / 2 - lo / 2) * 0.12
        lo = max(lo - pad, -.greatestFiniteMagnitude)
        hi = min(hi + pad, .greatestFiniteMagnitude)
        let step = LossChart.niceStep(hi / 4 - lo / 4)
        var ticks: [(Double, String)] = []
        var k = (lo / step).rounded(.up)
        // At most a dozen ticks, whatever rounding does at the ends of the double range.
        while k * step - hi <= step * 1e-9 && ticks.count < 12 {
            let v = k * step
            ticks.append((v, LossChart.label(abs(v) < step * 1e-9 ? 0 : v)))
            k += 1
        }
        return (lo, hi, ticks)
    }

    /// Iteration ticks (1-based, as users count): 1, round multiples, and the last when there is room.
    func iterationTicks() -> [Int] {
        guard count > 1 else { return [1] }
        let step = max(Int(LossChart.niceStep(Double(count) / 5)), 1)
        var ticks = [1]
        var k = step
        while k <= count {
            if k - ticks.last! >= max(step / 2, 1) { ticks.append(k) }
            k += step
        }
        if count - ticks.last! >= max(step / 2, 1) { ticks.append(count) }
        return ticks
    }

    /// The DOT statements of the chart inside `box`.
    func statements(in box: Box) -> String {
        let plot = Box(minX: box.minX + 46, minY: box.minY + 22, maxX: box.maxX - 12, maxY: box.maxY - 22)
        let axis = lossAxis()
        let scaled = { (loss: Double) -> Double in self.logScale ? log10(loss) : loss }
        func x(_ iteration: Int) -> Double {
            count > 1 ? plot.minX + Double(iteration) / Double(count - 1) * (plot.maxX - plot.minX) : (plot.minX + plot.maxX) / 2
        }
        func y(_ value: Double) -> Double {
            plot.minY + (value / 2 - axis.lo / 2) / (axis.hi / 2 - axis.lo / 2) * (plot.maxY - plot.minY)
        }
        var out = ""
        let text: DOTWriter.Attributes = [
            "shape": .raw("plaintext"), "margin": .number(0), "width": .number(0), "height": .number(0),
            "fontname": .text(Theme.font), "fontsize": .number(9), "fontcolor": .text(Theme.secondary),
        ]
        let dot: DOTWriter.Attributes = ["shape": .raw("point"), "style": .raw("invis"), "width": .number(0.01),
                                         "height": .number(0.01), "label": .text("")]
        func node(_ name: String, _ px: Double, _ py: Double, _ a: DOTWriter.Attributes) {
            out += DOTWriter.nodeStatement(name, a.merging(["pos": .text(LossChart.point(px, py))]) { $1 })
        }
        func line(_ name: String, _ pts: [(Double, Double)], _ a: DOTWriter.Attributes) {
            node(name + "_a", pts[0].0, pts[0].1, dot)
            node(name + "_b", pts[pts.count - 1].0, pts[pts.count - 1].1, dot)
            out += DOTWriter.edgeStatement(name + "_a", name + "_b", a.merging([
                "id": .text(name), "dir": .raw("none"), "pos": .text(LossChart.polyline(pts)),
            ]) { $1 })
        }
        func estimatedWidth(_ s: String) -> Double { Double(s.count) * 9 * 0.62 }

        let title = logScale ? "loss per iteration (log scale)" : "loss per iteration"
        node("chart_title", plot.minX + estimatedWidth(title) / 2 + 1, box.maxY - 9,
             text.merging(["label": .text(title), "fontsize": .number(10), "fontcolor": .text(Theme.ink)]) { $1 })
        node("chart_area", (plot.minX + plot.maxX) / 2, (plot.minY + plot.maxY) / 2, [
            "shape": .raw("box"), "fixedsize": .raw("true"), "label": .text(""), "id": .text("chart_area"),
            "width": .number((plot.maxX - plot.minX) / 72), "height": .number((plot.maxY - plot.minY) / 72),
            "color": .text(Theme.faint), "penwidth": .number(1),
        ])
        for (i, t) in axis.ticks.enumerated() {
            let ty = y(t.value)
            line("chart_grid\(i)", [(plot.minX, ty), (plot.maxX, ty)],
                 ["color": .text(Theme.chartGrid), "penwidth": .number(0.8)])
            node("chart_y\(i)", plot.minX - 5 - estimatedWidth(t.label) / 2, ty, text.merging(["label": .text(t.label)]) { $1 })
        }
        for (i, it) in iterationTicks().enumerated() {
            let tx = x(it - 1)
            line("chart_tick\(i)", [(tx, plot.minY), (tx, plot.minY - 3)], ["color": .text(Theme.faint), "penwidth": .number(0.8)])
            node("chart_x\(i)", tx, plot.minY - 12, text.merging(["label": .text(String(it))]) { $1 })
        }
        let shown = points.filter { $0.iteration <= current }
        let curve = shown.map { (x($0.iteration), y(scaled($0.loss))) }
        if curve.count > 1 {
            line(LossChart.curveID, curve, ["color": .text(Theme.forward), "penwidth": .number(1.8)])
        }
        if let last = shown.last, let p = curve.last {
            node("chart_now", p.0, p.1, [
                "shape": .raw("circle"), "fixedsize": .raw("true"), "width": .number(0.11), "height": .number(0.11),
                "style": .raw("filled"), "fillcolor": .text(Theme.activeBorder), "color": .text("white"),
                "penwidth": .number(1), "label": .text(""), "id": .text("chart_now"),
            ])
            let label = TensorSnapshot.number(last.loss)
            let w = estimatedWidth(label)
            let right = p.0 + 7 + w <= plot.maxX
            let above = p.1 + 16 <= plot.maxY
            node("chart_now_label", right ? p.0 + 7 + w / 2 : p.0 - 7 - w / 2, above ? p.1 + 9 : p.1 - 9,
                 text.merging(["label": .text(label), "fontcolor": .text(Theme.activeBorder)]) { $1 })
        }
        return out
    }

    /// The B-spline through `points` (at least two) that Graphviz draws as straight pieces.
    static func polyline(_ points: [(Double, Double)]) -> String {
        var parts = [point(points[0].0, points[0].1)]
        for i in 1..<points.count {
            let a = points[i - 1], b = points[i]
            parts += [point(a.0, a.1), point(b.0, b.1), point(b.0, b.1)]
        }
        return parts.joined(separator: " ")
    }

    static func point(_ x: Double, _ y: Double) -> String { "\(DOTWriter.number(x)),\(DOTWriter.number(y))" }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let scale = pow(10, floor(log10(raw)))
        for m in [1.0, 2, 5, 10] where m * scale >= raw * (1 - 1e-9) { return m * scale }
        return 10 * scale
    }

    /// A tick value as Python's `format(v, '.4g')` writes it (`0.5`, `1e-05`, `1000`).
    static func label(_ v: Double) -> String {
        (try? pythonFormat(v, spec: ".4g")) ?? pythonRepr(v)
    }
}
