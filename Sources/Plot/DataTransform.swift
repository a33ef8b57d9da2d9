import Foundation

/// Data coordinates to figure points for one axes: its box and view limits (linear scales).
public struct DataTransform: Sendable {
    public var box: PlotRect
    public var x: PlotInterval
    public var y: PlotInterval
    /// Log (base 10) scales: positions are linear in log10 of the value.
    public var xLog = false
    public var yLog = false

    public init(box: PlotRect, x: PlotInterval, y: PlotInterval, xLog: Bool = false, yLog: Bool = false) {
        self.box = box
        self.x = x
        self.y = y
        self.xLog = xLog
        self.yLog = yLog
    }

    /// Log values of non-positive numbers are NaN: such points break a line, as masked ones do.
    private static func scaled(_ v: Double, _ log: Bool) -> Double {
        guard log else { return v }
        return v > 0 ? log10(v) : .nan
    }

    public func apply(_ px: Double, _ py: Double) -> PlotPoint {
        let x0 = DataTransform.scaled(x.low, xLog), x1 = DataTransform.scaled(x.high, xLog)
        let y0 = DataTransform.scaled(y.low, yLog), y1 = DataTransform.scaled(y.high, yLog)
        return PlotPoint(box.x0 + (DataTransform.scaled(px, xLog) - x0) / (x1 - x0) * box.width,
                         box.y0 + (DataTransform.scaled(py, yLog) - y0) / (y1 - y0) * box.height)
    }

    public func apply(_ p: PlotPoint) -> PlotPoint { apply(p.x, p.y) }

    /// Axes fractions to figure points.
    public func axes(_ fx: Double, _ fy: Double) -> PlotPoint {
        PlotPoint(box.x0 + fx * box.width, box.y0 + fy * box.height)
    }

    /// Figure points back to data.
    public func invert(_ p: PlotPoint) -> PlotPoint {
        let x0 = DataTransform.scaled(x.low, xLog), x1 = DataTransform.scaled(x.high, xLog)
        let y0 = DataTransform.scaled(y.low, yLog), y1 = DataTransform.scaled(y.high, yLog)
        let u = x0 + (p.x - box.x0) / box.width * (x1 - x0), v = y0 + (p.y - box.y0) / box.height * (y1 - y0)
        return PlotPoint(xLog ? pow(10, u) : u, yLog ? pow(10, v) : v)
    }

    /// Points per data unit along x and y.
    var xScale: Double { box.width / x.span }
    var yScale: Double { box.height / y.span }
}
