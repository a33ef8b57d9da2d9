import Foundation

/// The loss curve of a long loop as one line of block characters
/// (`▇▅▃▂▂▁▁`), for the step-through's summary steps.
///
/// The run is cut into at most `width` columns; each column shows the first
/// loss of its iterations, scaled to the whole run's range (logarithmic when
/// the losses span more than two decades, as in the pictures' chart), so the
/// line grows in place from one summary step to the next. Columns after the
/// current iteration are left out. Every character is one terminal column.
enum LossSparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The sparkline of `points` (0-based iteration, loss) of a run of `count`
    /// iterations, up to iteration `current`; columns without a loss are spaces.
    static func line(_ points: [(iteration: Int, loss: Double)], count: Int, current: Int, width: Int = 40) -> String {
        let finite = points.filter { $0.loss.isFinite }
        guard count > 0, !finite.isEmpty else { return "" }
        let columns = max(min(width, count), 1)
        let log = LossSparkline.usesLogScale(finite.map(\.loss))
        let scaled = { (x: Double) -> Double in log ? Foundation.log10(x) : x }
        let values = finite.map { scaled($0.loss) }
        let lo = values.min()!, hi = values.max()!
        // Column c holds iterations c·count/columns ..< (c+1)·count/columns.
        var first = [Double?](repeating: nil, count: columns)
        for (p, v) in zip(finite, values) where p.iteration <= current {
            let c = min(p.iteration * columns / count, columns - 1)
            if first[c] == nil { first[c] = v }
        }
        let shown = min(current * columns / count, columns - 1)
        var out = ""
        for c in 0...shown {
            guard let v = first[c] else {
                out.append(" ")
                continue
            }
            // Halves: the span of losses near ±1.8e308 would overflow to infinity (and NaN levels).
            let fraction = hi > lo ? (v / 2 - lo / 2) / (hi / 2 - lo / 2) : 0
            let level = fraction.isFinite ? Int((min(max(fraction, 0), 1) * Double(levels.count - 1)).rounded()) : 0
            out.append(levels[level])
        }
        return out
    }

    /// A log scale when the positive losses span more than two decades.
    static func usesLogScale(_ losses: [Double]) -> Bool {
        guard let lo = losses.min(), let hi = losses.max(), lo > 0 else { return false }
        return hi / lo > 100
    }
}
