/// Data coordinates to figure points for one axes: its box and view limits (linear scales).
public struct DataTransform: Sendable {
    public var box: PlotRect
    public var x: PlotInterval
    public var y: PlotInterval

    public init(box: PlotRect, x: PlotInterval, y: PlotInterval) {
        self.box = box
        self.x = x
        self.y = y
    }

    public func apply(_ px: Double, _ py: Double) -> PlotPoint {
        PlotPoint(box.x0 + (px - x.low) / x.span * box.width, box.y0 + (py - y.low) / y.span * box.height)
    }

    public func apply(_ p: PlotPoint) -> PlotPoint { apply(p.x, p.y) }

    /// Axes fractions to figure points.
    public func axes(_ fx: Double, _ fy: Double) -> PlotPoint {
        PlotPoint(box.x0 + fx * box.width, box.y0 + fy * box.height)
    }

    /// Figure points back to data.
    public func invert(_ p: PlotPoint) -> PlotPoint {
        PlotPoint(x.low + (p.x - box.x0) / box.width * x.span, y.low + (p.y - box.y0) / box.height * y.span)
    }

    /// Points per data unit along x and y.
    var xScale: Double { box.width / x.span }
    var yScale: Double { box.height / y.span }
}
