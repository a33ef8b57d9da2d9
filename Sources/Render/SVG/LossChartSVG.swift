import Foundation
import Trace

/// The loss of a long loop so far, drawn in a summary frame: axes over the whole run (so the
/// curve grows in place from frame to frame), a log scale when the loss spans more than two
/// decades, and the current iteration marked.
enum LossChartSVG {
    static func draw(_ s: FrameSelection.Summary, in box: Rect, words: PictureWords = PictureWords(language: "en"),
                     into svg: inout SVGText) {
        // NaN and ±inf losses have no place on an axis: the curve skips them, and a run with no
        // finite loss at all still gets its (empty) chart.
        let all = s.run.losses.filter { $0.loss.isFinite }
        let shown = all.filter { $0.iteration <= s.iteration }
        let positives = !all.isEmpty && all.allSatisfy { $0.loss > 0 }
        var lo = all.map(\.loss).min() ?? 0, hi = all.map(\.loss).max() ?? 1
        let log = positives && hi / lo > 100
        func value(_ v: Double) -> Double { log ? Foundation.log10(v) : v }
        var vlo = value(lo), vhi = value(hi)
        if vhi - vlo < 1e-12 || !(vhi - vlo).isFinite {
            vlo -= 0.5
            vhi += 0.5
        }
        if !(vlo < vhi) {
            // Near ±1.8e308 a half is below the spacing of doubles: widen by a tenth instead.
            if vhi > 0 { vlo = vhi * 0.9 } else { vhi = vlo * 0.9 }
        }
        lo = vlo
        hi = vhi
        let plot = Rect(minX: box.minX + 70, minY: box.minY + 10, maxX: box.maxX - 10, maxY: box.maxY - 40)
        let last = max(s.run.count - 1, 1)
        func px(_ it: Int) -> Double { plot.minX + Double(it) / Double(last) * plot.width }
        // Halves: the span of losses near ±1.8e308 would overflow to infinity (and NaN positions).
        func py(_ v: Double) -> Double { plot.maxY - (value(v) / 2 - lo / 2) / (hi / 2 - lo / 2) * plot.height }
        svg.open("g", [("class", "loss-chart")])
        svg.open("rect", [("x", SVGText.num(plot.minX)), ("y", SVGText.num(plot.minY)), ("width", SVGText.num(plot.width)),
                          ("height", SVGText.num(plot.height)), ("fill", "#ffffff"), ("stroke", Palette.faint)], close: true)
        for k in 0...2 {
            let v = lo * (1 - Double(k) / 2) + hi * (Double(k) / 2)
            let y = plot.maxY - Double(k) / 2 * plot.height
            let label = LossChartSVG.tick(log ? pow(10, v) : v)
            svg.text(label, x: plot.minX - 8, y: y + 6, size: 18, face: .sans, color: Palette.secondary, anchor: "end")
        }
        svg.text("1", x: plot.minX, y: plot.maxY + 24, size: 18, face: .sans, color: Palette.secondary, anchor: "middle")
        svg.text(String(s.run.count), x: plot.maxX, y: plot.maxY + 24, size: 18, face: .sans, color: Palette.secondary, anchor: "middle")
        svg.text(log ? words.lossPerIterationLog : words.lossPerIteration, x: plot.center.x, y: plot.maxY + 24, size: 18,
                 face: .sans, color: Palette.secondary, anchor: "middle")
        if shown.count > 1 {
            let d = shown.enumerated().map { i, p in (i == 0 ? "M" : "L") + "\(SVGText.num(px(p.iteration))),\(SVGText.num(py(p.loss)))" }
                .joined(separator: " ")
            svg.open("path", [("d", d), ("fill", "none"), ("stroke", Palette.leafBorder), ("stroke-width", "3")], close: true)
        }
        if let cur = shown.last {
            svg.open("circle", [("cx", SVGText.num(px(cur.iteration))), ("cy", SVGText.num(py(cur.loss))), ("r", "7"),
                                ("fill", Palette.active)], close: true)
        }
        svg.end("g")
    }

    /// An axis label: three significant digits (`0.000223`, `2.23e-05`, `1.5`), narrow enough
    /// for the axis margin.
    static func tick(_ v: Double) -> String {
        guard v.isFinite else { return NumberText.number(v) }
        if v == v.rounded() && abs(v) < 1e6 { return String(Int64(v)) }
        return String(format: "%.3g", v)
    }
}
