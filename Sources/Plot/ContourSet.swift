import Foundation

/// `contour` / `contourf`: levels chosen as matplotlib chooses them, the lines (or filled
/// bands) of each level, their colours from the colormap over the levels, and `clabel`s.
public struct ContourSet: Sendable {
    public var grid: ContourGrid
    public var filled: Bool
    public var levels: [Double]
    /// One colour per level (lines) or per band (filled).
    public var colors: [PlotColor]
    /// True when every line has one colour (`colors='k'`): negative levels are then dashed.
    public var monochrome: Bool
    public var lineWidths: [Double] = [1.5]
    public var lineStyle: LineStyle?
    public var alpha: Double?
    public var zorder: Double
    public var labels: [ContourLabel] = []
    /// The lines of each level (after labels cut gaps into them).
    public var paths: [[[PlotPoint]]]
    /// The filled polygons of each band.
    public var bands: [[[PlotPoint]]]
    public var colormap: Colormap?

    /// Builds a contour set; `levels` as given or nil for `n` automatic ones (7 by default).
    public init(grid: ContourGrid, filled: Bool, levels given: [Double]?, count: Int?, colors fixed: [PlotColor]?,
                colormap: Colormap?) throws {
        self.grid = grid
        self.filled = filled
        zorder = filled ? 1 : 2
        guard let (zmin, zmax) = grid.zRange else {
            throw PlotError(.valueError, "Contour levels must be increasing")
        }
        var levels: [Double]
        if let given {
            levels = given
            if filled && levels.count < 2 { throw PlotError(.valueError, "Filled contours require at least 2 levels.") }
            for k in 1..<max(levels.count, 1) where levels[k] <= levels[k - 1] {
                throw PlotError(.valueError, "Contour levels must be increasing")
            }
        } else {
            levels = ContourSet.autoLevels(count ?? 7, zmin, zmax)
        }
        if !filled {
            let inside = levels.filter { $0 > zmin && $0 < zmax }
            if inside.isEmpty { levels = [zmin] }
        }
        self.levels = levels
        self.colormap = colormap
        let layers = filled ? zip(levels, levels.dropFirst()).map { ($0 + $1) / 2 } : levels
        if let fixed, !fixed.isEmpty {
            colors = layers.indices.map { fixed[$0 % fixed.count] }
            monochrome = fixed.count == 1
        } else {
            let cmap = colormap ?? Colormap(name: "viridis")!
            let lo = levels.min() ?? 0, hi = levels.max() ?? 1
            colors = layers.map { hi > lo ? cmap.color(at: ($0 - lo) / (hi - lo)) : cmap.color(at: 0) }
            monochrome = false
        }
        if filled {
            paths = []
            bands = zip(levels, levels.dropFirst()).enumerated().map { k, pair in
                grid.band(k == 0 ? pair.0 : pair.0.nextUp, pair.1)
            }
        } else {
            paths = levels.map { grid.lines(at: $0) }
            bands = []
        }
    }

    /// `_autolev`: `MaxNLocator(n + 1, min_n_ticks=1)` over the z range, trimmed to one level
    /// outside the range at each end.
    public static func autoLevels(_ n: Int, _ zmin: Double, _ zmax: Double) -> [Double] {
        let lev = TickLocator.maxN(n + 1, minTicks: 1).ticks(zmin, zmax)
        let i0 = lev.lastIndex { $0 < zmin } ?? 0
        let i1 = (lev.firstIndex { $0 > zmax }).map { $0 + 1 } ?? lev.count
        if i1 - i0 < 3 { return lev }
        return Array(lev[i0..<i1])
    }

    /// The data extent (contours set sticky edges there: no margins beyond the grid).
    var extent: (PlotInterval, PlotInterval) {
        let xs = grid.x.joined(), ys = grid.y.joined()
        return (PlotInterval(xs.min() ?? 0, xs.max() ?? 1), PlotInterval(ys.min() ?? 0, ys.max() ?? 1))
    }

    /// The line style of level `k`: negative levels dashed when monochrome.
    func style(ofLevel k: Int) -> LineStyle {
        if let lineStyle { return lineStyle }
        return monochrome && levels[k] < 0 ? .dashed : .solid
    }
}

/// One `clabel` text on a contour line.
public struct ContourLabel: Sendable {
    public var text: String
    /// Figure points at the time the label was placed.
    public var position: PlotPoint
    /// Degrees, counter-clockwise.
    public var rotation: Double
    public var color: PlotColor
    public var size: Double
}
