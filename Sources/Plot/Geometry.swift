/// A point in figure space: points (1/72 inch) from the figure's lower-left corner, y up,
/// as matplotlib's display space is at 72 dpi.
public struct PlotPoint: Equatable, Sendable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle in figure space (y up).
public struct PlotRect: Equatable, Sendable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }

    /// The smallest rectangle holding both.
    func union(_ other: PlotRect) -> PlotRect {
        PlotRect(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    func contains(_ p: PlotPoint) -> Bool { p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1 }

    func intersects(_ other: PlotRect) -> Bool {
        x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1
    }
}

/// A closed interval of data values (an axis's view or data limits).
public struct PlotInterval: Equatable, Sendable {
    public var low: Double
    public var high: Double

    public init(_ low: Double, _ high: Double) {
        self.low = low
        self.high = high
    }

    public var span: Double { high - low }
}

/// `Int(d)` for values that may be huge or not finite (those give `fallback`): lesson input
/// must never trap.
func safeInt(_ d: Double, fallback: Int = 0) -> Int {
    d.isFinite && abs(d) < 1e15 ? Int(d) : fallback
}
