/// One set of axes: its artists, labels, limits and decorations, as matplotlib's `Axes`
/// holds them. Limits are resolved when the figure is drawn (autoscaling is lazy, as in
/// matplotlib), so later artists still widen the view.
public final class Axes {
    /// The axes' box in figure fractions (before `aspect` shrinks it).
    public var position: PlotRect
    /// The grid cell this axes came from (`subplots`, `add_subplot`), used by `tight_layout`.
    public var cell: SubplotCell?
    public internal(set) var artists: [Artist] = []
    public var titles: [HAlign: String] = [:]
    public var titleStyle = TextStyle(size: 12)
    public var xLabel = ""
    public var yLabel = ""
    public var labelStyle = TextStyle(size: 10)
    /// Explicit limits (`set_xlim`); nil sides autoscale.
    public var xLimits: (low: Double?, high: Double?) = (nil, nil)
    public var yLimits: (low: Double?, high: Double?) = (nil, nil)
    public var xMargin = 0.05
    public var yMargin = 0.05
    public var grid: GridStyle?
    public var legend: LegendSpec?
    public var aspect: Aspect = .auto
    public var axisOn = true
    /// Fixed ticks (`set_xticks`) and their labels.
    public var xTicks: FixedTicks?
    public var yTicks: FixedTicks?
    /// Groups of axes sharing the x or y axis, and whether this one hides its tick labels there
    /// (`label_outer`: only the bottom row and the first column keep them).
    public var xShare: ShareGroup?
    public var yShare: ShareGroup?
    public var hideXTickLabels = false
    public var hideYTickLabels = false
    /// Log-scaled axes (`set_xscale('log')`, `semilogy`, `loglog`).
    public var xLog = false
    public var yLog = false
    public var xInverted = false
    public var yInverted = false
    public var tickLabelSize = 10.0
    /// Set on the axes of a colorbar: it draws the colour scale, ticks on the right.
    public var colorbar: Colorbar?
    /// The colorbar drawn beside this axes, which takes part of its box.
    public weak var attachedColorbar: Axes?
    /// The next colours of the two property cycles: lines (`plot`), and patches and
    /// collections (`scatter`, `fill_between`), which matplotlib advances separately.
    var cycleIndex = 0
    var patchCycleIndex = 0

    public init(position: PlotRect, cell: SubplotCell? = nil) {
        self.position = position
        self.cell = cell
    }

    /// A copy whose later changes do not affect this one.
    public func copy() -> Axes {
        let a = Axes(position: position, cell: cell)
        a.artists = artists
        a.titles = titles
        a.titleStyle = titleStyle
        a.xLabel = xLabel
        a.yLabel = yLabel
        a.labelStyle = labelStyle
        a.xLimits = xLimits
        a.yLimits = yLimits
        a.xMargin = xMargin
        a.yMargin = yMargin
        a.grid = grid
        a.legend = legend
        a.aspect = aspect
        a.axisOn = axisOn
        a.xTicks = xTicks
        a.yTicks = yTicks
        a.hideXTickLabels = hideXTickLabels
        a.hideYTickLabels = hideYTickLabels
        a.xLog = xLog
        a.yLog = yLog
        a.xInverted = xInverted
        a.yInverted = yInverted
        a.tickLabelSize = tickLabelSize
        a.colorbar = colorbar
        a.cycleIndex = cycleIndex
        a.patchCycleIndex = patchCycleIndex
        return a
    }

    /// The next colour of the lines' property cycle (`C0`, `C1`, …).
    public func nextColor() -> PlotColor {
        defer { cycleIndex += 1 }
        return PlotColor.cycle[cycleIndex % PlotColor.cycle.count]
    }

    /// The next colour of the patches' cycle (`scatter`, `fill_between`).
    public func nextPatchColor() -> PlotColor {
        defer { patchCycleIndex += 1 }
        return PlotColor.cycle[patchCycleIndex % PlotColor.cycle.count]
    }

    /// Adds an artist; returns its index.
    @discardableResult
    public func add(_ artist: Artist) -> Int {
        artists.append(artist)
        return artists.count - 1
    }

    /// Replaces the artist at `index`.
    public func replace(_ index: Int, with artist: Artist) {
        guard artists.indices.contains(index) else { return }
        artists[index] = artist
    }

    /// Removes every artist and decoration (`cla`).
    public func clear() {
        let fresh = Axes(position: position, cell: cell)
        artists = []
        titles = [:]
        xLabel = ""
        yLabel = ""
        xLimits = (nil, nil)
        yLimits = (nil, nil)
        grid = nil
        legend = nil
        aspect = fresh.aspect
        axisOn = true
        xTicks = nil
        yTicks = nil
        xInverted = false
        yInverted = false
        cycleIndex = 0
        patchCycleIndex = 0
    }
}

/// A cell of a subplot grid: rows × cols, and the (row, col) span this axes covers.
public struct SubplotCell: Sendable, Equatable {
    public var rows: Int
    public var cols: Int
    public var rowSpan: ClosedRange<Int>
    public var colSpan: ClosedRange<Int>

    public init(rows: Int, cols: Int, row: Int, col: Int) {
        self.rows = rows
        self.cols = cols
        rowSpan = row...row
        colSpan = col...col
    }
}

/// `grid(...)` settings.
public struct GridStyle: Sendable {
    public var color = PlotColor(hex: "b0b0b0")!
    public var lineWidth = 0.8
    public var lineStyle: LineStyle = .solid
    public var alpha: Double?
    public var xAxis = true
    public var yAxis = true

    public init() {}
}

/// `legend(...)` settings.
public struct LegendSpec: Sendable {
    /// matplotlib's location codes: 0 best, 1 upper right … 10 center.
    public var location = 0
    /// `bbox_to_anchor` in axes fractions.
    public var anchor: (Double, Double)?
    public var fontSize = 10.0
    public var frameOn = true
    public var title: String?
    public var columns = 1
    /// Labels given to `legend([...])` for the artists in order; nil for the artists' own labels.
    public var labels: [String]?

    public init() {}

    public static let names = ["best", "upper right", "upper left", "lower left", "lower right", "right",
                        "center left", "center right", "lower center", "upper center", "center"]
}

/// `set_aspect`: free, or one data unit the same length on both axes.
public enum Aspect: Sendable, Equatable {
    case auto
    /// Equal scaling, by changing the limits (`axis('equal')`) or shrinking the box (`imshow`).
    case equal(adjustBox: Bool)
    /// A given y/x ratio of data units.
    case ratio(Double, adjustBox: Bool)
}

/// Ticks set by hand: positions and optional labels.
public struct FixedTicks: Sendable {
    public var positions: [Double]
    public var labels: [String]?

    public init(positions: [Double], labels: [String]?) {
        self.positions = positions
        self.labels = labels
    }
}
