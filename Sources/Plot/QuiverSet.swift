import Foundation

/// `quiver`: arrows at (X, Y) with components (U, V), shaped and scaled as matplotlib's
/// `Quiver` does (arrow sizes in units of the axes width, `scale=None` autoscaling).
public struct QuiverSet: Sendable {
    public enum Angles: Sendable {
        case uv, xy, degrees([Double])

        var isDegrees: Bool {
            if case .degrees = self { return true }
            return false
        }
    }
    public enum Units: String, Sendable { case width, height, dots, inches, x, y, xy }
    public enum Pivot: String, Sendable { case tail, middle = "mid", tip }

    public var xs: [Double]
    public var ys: [Double]
    public var us: [Double]
    public var vs: [Double]
    public var colors: [PlotColor] = [.black]
    public var scale: Double?
    public var scaleUnits: Units?
    public var units: Units = .width
    public var angles: Angles = .uv
    public var width: Double?
    public var headWidth = 3.0
    public var headLength = 5.0
    public var headAxisLength = 4.5
    public var minShaft = 1.0
    public var minLength = 1.0
    public var pivot: Pivot = .tail
    public var alpha: Double?
    public var label: String?
    public var zorder = 1.0

    public init(xs: [Double], ys: [Double], us: [Double], vs: [Double]) {
        self.xs = xs
        self.ys = ys
        self.us = us
        self.vs = vs
    }

    func dotsPerUnit(_ u: Units, _ t: DataTransform, dpi: Double) -> Double {
        switch u {
        case .x: return t.box.width / t.x.span
        case .y: return t.box.height / t.y.span
        case .xy: return hypot(t.box.width, t.box.height) / hypot(t.x.span, t.y.span)
        case .width: return t.box.width
        case .height: return t.box.height
        case .dots: return 72 / dpi
        case .inches: return 72
        }
    }

    /// Each arrow's outline in figure points.
    public func polygons(_ t: DataTransform, dpi: Double, dataExtent: Double) -> [[PlotPoint]] {
        let n = xs.count
        guard n > 0 else { return [] }
        let transScale = dotsPerUnit(units, t, dpi: dpi)
        let span = t.box.width / transScale
        let w = width ?? 0.06 * span / min(max(Double(n).squareRoot(), 8), 25)
        var theta = [Double](repeating: 0, count: n)
        var a = (0..<n).map { hypot(us[$0], vs[$0]) }
        var isXYAngles = false
        if case .xy = angles { isXYAngles = true }
        if isXYAngles || scaleUnits == .xy {
            let eps = (isXYAngles && scaleUnits == .xy) ? 1 : dataExtent * 0.001
            for i in 0..<n {
                let p = t.apply(xs[i], ys[i]), q = t.apply(xs[i] + eps * us[i], ys[i] + eps * vs[i])
                theta[i] = atan2(q.y - p.y, q.x - p.x)
                if scaleUnits == .xy && !angles.isDegrees { a[i] = hypot(q.x - p.x, q.y - p.y) / eps }
            }
        }
        let finite = a.filter { $0.isFinite }
        let amean = finite.isEmpty ? 0 : finite.reduce(0, +) / Double(finite.count)
        let sn = max(10, Double(n).squareRoot())
        let autoScale = 1.8 * amean * sn / span
        var widthPerLength = 1.0
        var s = scale ?? autoScale
        if let su = scaleUnits {
            let dx = su == .xy ? 1 : dotsPerUnit(su, t, dpi: dpi)
            widthPerLength = dx / transScale
            if scale == nil { s = autoScale * widthPerLength }
        }
        guard s != 0, s.isFinite, w > 0 else { return [] }
        var result: [[PlotPoint]] = []
        result.reserveCapacity(n)
        for i in 0..<n {
            let length = a[i] * (widthPerLength / (s * w))
            let angle: Double
            switch angles {
            case .xy: angle = theta[i]
            case .uv: angle = atan2(vs[i], us[i])
            case .degrees(let d): angle = (d.count == n ? d[i] : d.first ?? 0) * .pi / 180
            }
            let base = t.apply(xs[i], ys[i])
            let (c, sn) = (cos(angle), sin(angle))
            result.append(arrowShape(length).map { p in
                PlotPoint(base.x + (p.x * c - p.y * sn) * w * transScale, base.y + (p.x * sn + p.y * c) * w * transScale)
            })
        }
        return result
    }

    /// `_h_arrows`: one arrow along +x in arrow-width units.
    func arrowShape(_ rawLength: Double) -> [PlotPoint] {
        let length = min(max(rawLength.isFinite ? rawLength : 0, 0), 65536)
        let minsh = minShaft * headLength
        let order = [0, 1, 2, 3, 2, 1, 0, 0]
        var x = [0, -headAxisLength, -headLength, 0].enumerated().map { $0.offset == 0 ? $0.element : $0.element + length }
        var y = [0.5, 0.5, 0.5 * headWidth, 0]
        if length < minsh {
            let shrink = minsh != 0 ? length / minsh : 0
            x = [0, minsh - headAxisLength, minsh - headLength, minsh].map { $0 * shrink }
            y = y.map { $0 * shrink }
        }
        var pts = order.enumerated().map { k, j in PlotPoint(x[j], k >= 3 && k < 7 ? -y[j] : y[j]) }
        switch pivot {
        case .middle: let shift = 0.5 * pts[3].x; pts = pts.map { PlotPoint($0.x - shift, $0.y) }
        case .tip: let shift = pts[3].x; pts = pts.map { PlotPoint($0.x - shift, $0.y) }
        case .tail: break
        }
        if length < minLength {
            pts = (0..<8).map { k in
                let th = Double(k) * .pi / 3
                return PlotPoint(cos(th) * minLength * 0.5, sin(th) * minLength * 0.5)
            }
        }
        return pts
    }
}
