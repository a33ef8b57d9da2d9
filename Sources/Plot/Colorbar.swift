/// What a colorbar axes shows: the colours of a contour set's bands or levels, or a
/// colormap between two values (images, scatter colours).
public struct Colorbar {
    public enum Scale: Sendable {
        /// Filled contours: one block per band between consecutive levels.
        case bands(levels: [Double], colors: [PlotColor])
        /// Line contours: one line per level.
        case lines(levels: [Double], colors: [PlotColor])
        /// A continuous colormap from `low` to `high`.
        case continuous(Colormap, low: Double, high: Double)
    }

    public var scale: Scale
    public var label = ""
    /// The axes the colorbar belongs to (it takes the right 20% of that axes' box).
    public weak var host: Axes?

    public init(scale: Scale, host: Axes) {
        self.scale = scale
        self.host = host
    }

    /// The value range along the bar.
    var range: PlotInterval {
        switch scale {
        case .bands(let l, _), .lines(let l, _): return PlotInterval(l.first ?? 0, l.last ?? 1)
        case .continuous(_, let lo, let hi): return PlotInterval(lo, hi)
        }
    }

    /// Ticks: every level (every k-th when there are more than 11), or AutoLocator's.
    var fixedTicks: FixedTicks? {
        switch scale {
        case .bands(let levels, _), .lines(let levels, _):
            let step = max(Int((Double(levels.count) / 10).rounded(.up)), 1)
            var best = stride(from: 0, to: levels.count, by: step).map { levels[$0] }
            for offset in 1..<step {
                let other = stride(from: offset, to: levels.count, by: step).map { levels[$0] }
                if let a = other.map(abs).min(), let b = best.map(abs).min(), a < b { best = other }
            }
            return FixedTicks(positions: best, labels: nil)
        case .continuous: return nil
        }
    }

    /// `make_axes_gridspec` on the right: the host keeps 80% of its cell, a 5% gap, and the
    /// bar sits at the left of the last 15%, as tall as the host and 1/20 as wide.
    static func split(_ cell: PlotRect, figureSize: (Double, Double)) -> (host: PlotRect, bar: PlotRect) {
        let w = cell.width
        let host = PlotRect(x0: cell.x0, y0: cell.y0, x1: cell.x0 + 0.8 * w, y1: cell.y1)
        let barX0 = cell.x0 + 0.85 * w
        let heightPoints = cell.height * figureSize.1
        let barWidth = min(heightPoints / 20 / figureSize.0, 0.15 * w)
        return (host, PlotRect(x0: barX0, y0: cell.y0, x1: barX0 + barWidth, y1: cell.y1))
    }
}
