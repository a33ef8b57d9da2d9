/// A line with optional markers (`plot`), in data coordinates.
public struct Line2D: Sendable {
    public var xs: [Double]
    public var ys: [Double]
    public var color: PlotColor
    public var lineWidth = 1.5
    public var lineStyle: LineStyle = .solid
    public var marker: MarkerShape?
    public var markerSize = 6.0
    public var markerFaceColor: PlotColor?
    public var markerEdgeColor: PlotColor?
    public var markerEdgeWidth = 1.0
    public var alpha: Double?
    public var label: String?
    public var zorder = 2.0

    public init(xs: [Double], ys: [Double], color: PlotColor) {
        self.xs = xs
        self.ys = ys
        self.color = color
    }
}

/// `axhline` / `axvline`: a line at a data value across a fraction of the axes.
public struct ReferenceLine: Sendable {
    public enum Orientation: Sendable { case horizontal, vertical }
    public var orientation: Orientation
    public var value: Double
    /// The span across the axes, in axes fractions (`xmin`, `xmax`).
    public var from = 0.0
    public var to = 1.0
    public var line: Line2D

    public init(orientation: Orientation, value: Double, line: Line2D) {
        self.orientation = orientation
        self.value = value
        self.line = line
    }
}

/// `scatter`: one marker per point, sizes in points², colours per point.
public struct ScatterSet: Sendable {
    public var xs: [Double]
    public var ys: [Double]
    /// Marker areas in points² (`s`), one or one per point.
    public var sizes: [Double] = [36]
    /// Face colours, one or one per point.
    public var colors: [PlotColor]
    public var edgeColors: [PlotColor]?
    public var lineWidth = 1.5
    public var marker: MarkerShape = .circle
    public var alpha: Double?
    public var label: String?
    public var zorder = 1.0
    /// The colormap and value range when colours came from numbers (`c=values`), for a colorbar.
    public var colorScale: (Colormap, Double, Double)?

    public init(xs: [Double], ys: [Double], colors: [PlotColor]) {
        self.xs = xs
        self.ys = ys
        self.colors = colors
    }
}

/// `fill_between`: the region between two curves over the same x.
public struct FillBetween: Sendable {
    public var xs: [Double]
    public var y1: [Double]
    public var y2: [Double]
    /// Where the region is drawn (`where=`), one flag per x; nil for everywhere.
    public var mask: [Bool]?
    public var color: PlotColor
    public var edgeColor: PlotColor?
    public var alpha: Double?
    public var label: String?
    public var zorder = 1.0

    public init(xs: [Double], y1: [Double], y2: [Double], color: PlotColor) {
        self.xs = xs
        self.y1 = y1
        self.y2 = y2
        self.color = color
    }
}
