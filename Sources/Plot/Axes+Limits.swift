import Foundation

/// Data limits, autoscaling with margins and sticky edges, and aspect (`autoscale_view`,
/// `apply_aspect` in matplotlib's `axes/_base.py`).
extension Axes {
    struct DataLimits {
        var x: [Double] = []
        var y: [Double] = []
        var xSticky: [Double] = []
        var ySticky: [Double] = []

        var xInterval: PlotInterval? { x.isEmpty ? nil : PlotInterval(x.min()!, x.max()!) }
        var yInterval: PlotInterval? { y.isEmpty ? nil : PlotInterval(y.min()!, y.max()!) }
    }

    /// Every finite coordinate the artists put into the data limits.
    var dataLimits: DataLimits {
        var d = DataLimits()
        func add(_ xs: [Double], _ ys: [Double]) {
            for (a, b) in zip(xs, ys) where a.isFinite && b.isFinite {
                d.x.append(a)
                d.y.append(b)
            }
        }
        for artist in artists {
            switch artist {
            case .line(let l): add(l.xs, l.ys)
            case .reference(let r):
                if r.value.isFinite {
                    if r.orientation == .horizontal { d.y.append(r.value) } else { d.x.append(r.value) }
                }
            case .scatter(let s): add(s.xs, s.ys)
            case .fill(let f):
                add(f.xs, f.y1)
                add(f.xs, f.y2)
            case .quiver(let q): add(q.xs, q.ys)
            case .contour(let c):
                let (ex, ey) = c.extent
                add([ex.low, ex.high], [ey.low, ey.high])
                d.xSticky += [ex.low, ex.high]
                d.ySticky += [ey.low, ey.high]
            case .image(let i):
                let (l, r, b, t) = i.extent
                add([l, r], [b, t])
                d.xSticky += [min(l, r), max(l, r)]
                d.ySticky += [min(b, t), max(b, t)]
            case .arrow(let a):
                let v = a.vertices
                add(v.map(\.x), v.map(\.y))
            case .text: break
            }
        }
        return d
    }

    /// The autoscaled interval of one axis (`handle_single_axis`).
    static func autoscale(_ data: PlotInterval?, sticky: [Double], margin: Double) -> PlotInterval {
        guard let data else { return PlotInterval(0, 1) }
        var (x0, x1) = Nonsingular.expand(data.low, data.high, expander: 0.05)
        let stickies = sticky.sorted()
        var lowBound: Double?, highBound: Double?
        if !stickies.isEmpty {
            let tol = 1e-5 * abs(x1 - x0)
            lowBound = stickies.last { $0 < x0 + tol }
            highBound = stickies.first { $0 > x1 - tol }
        }
        var delta = (x1 - x0) * margin
        if !delta.isFinite { delta = 0 }
        x0 -= delta
        x1 += delta
        if let lowBound { x0 = max(x0, lowBound) }
        if let highBound { x1 = min(x1, highBound) }
        return PlotInterval(x0, x1)
    }

    /// `handle_single_axis` on a log axis: positive data, margins added in log10 space.
    static func autoscaleLog(_ values: [Double], sticky: [Double], margin: Double) -> PlotInterval {
        guard let lo = values.min(), let hi = values.max() else { return PlotInterval(1, 10) }
        let minPositive = values.filter { $0 > 0 }.min() ?? .infinity
        var (x0, x1) = LogLocator.nonsingular(lo, hi, minPositive: minPositive)
        let t0 = log10(x0), t1 = log10(x1)
        let delta = (t1 - t0) * margin
        x0 = pow(10, t0 - delta)
        x1 = pow(10, t1 + delta)
        let stickies = sticky.filter { $0 > 0 }.sorted()
        if let b = stickies.last(where: { $0 < lo + 1e-5 * abs(hi - lo) }) { x0 = max(x0, b) }
        if let b = stickies.first(where: { $0 > hi - 1e-5 * abs(hi - lo) }) { x1 = min(x1, b) }
        return PlotInterval(x0, x1)
    }

    /// The view limits and the axes box in figure points for a figure of `size` points.
    /// Data limits of this axes joined with those of the axes sharing its x or y axis.
    var sharedDataLimits: DataLimits {
        var d = dataLimits
        for other in xShare?.axes ?? [] where other !== self {
            let o = other.dataLimits
            d.x += o.x
            d.xSticky += o.xSticky
        }
        for other in yShare?.axes ?? [] where other !== self {
            let o = other.dataLimits
            d.y += o.y
            d.ySticky += o.ySticky
        }
        return d
    }

    public func view(figureSize size: (Double, Double)) -> DataTransform {
        if let bar = colorbar {
            let box = PlotRect(x0: position.x0 * size.0, y0: position.y0 * size.1, x1: position.x1 * size.0, y1: position.y1 * size.1)
            return DataTransform(box: box, x: PlotInterval(0, 1), y: bar.range)
        }
        let d = sharedDataLimits
        let images = artists.contains { if case .image = $0 { return true } else { return false } }
        var x = xLog ? Axes.autoscaleLog(d.x, sticky: d.xSticky, margin: xMargin)
            : Axes.autoscale(d.xInterval, sticky: d.xSticky, margin: xMargin)
        var y = yLog ? Axes.autoscaleLog(d.y, sticky: d.ySticky, margin: yMargin)
            : Axes.autoscale(d.yInterval, sticky: d.ySticky, margin: yMargin)
        // An image with its default extent is shown inverted (row 0 at the top).
        if images, case .image(let img)? = artists.last(where: { if case .image = $0 { return true } else { return false } }),
           img.originUpper, yLimits.low == nil, yLimits.high == nil {
            y = PlotInterval(y.high, y.low)
        }
        if let lo = xLimits.low { x.low = lo }
        if let hi = xLimits.high { x.high = hi }
        if let lo = yLimits.low { y.low = lo }
        if let hi = yLimits.high { y.high = hi }
        if x.low == x.high { (x.low, x.high) = Nonsingular.expand(x.low, x.high, expander: 0.05) }
        if y.low == y.high { (y.low, y.high) = Nonsingular.expand(y.low, y.high, expander: 0.05) }
        if xInverted && x.low < x.high { x = PlotInterval(x.high, x.low) }
        if yInverted && y.low < y.high { y = PlotInterval(y.high, y.low) }
        var box = PlotRect(x0: position.x0 * size.0, y0: position.y0 * size.1, x1: position.x1 * size.0, y1: position.y1 * size.1)
        let ratio: Double, adjustBox: Bool
        switch aspect {
        case .auto: return DataTransform(box: box, x: x, y: y, xLog: xLog, yLog: yLog)
        case .equal(let b): (ratio, adjustBox) = (1, b)
        case .ratio(let r, let b): (ratio, adjustBox) = (r, b)
        }
        let xsize = max(abs(x.span), 1e-30), ysize = max(abs(y.span), 1e-30)
        if adjustBox {
            let boxAspect = ratio * ysize / xsize
            var w = box.width, h = w * boxAspect
            if h > box.height {
                h = box.height
                w = h / boxAspect
            }
            let cx = (box.x0 + box.x1) / 2, cy = (box.y0 + box.y1) / 2
            box = PlotRect(x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2)
        } else {
            let dataRatio = (box.height / box.width) / ratio
            let yExpander = dataRatio * xsize / ysize - 1
            if abs(yExpander) >= 0.005 {
                let xr = 1.05 * ((d.xInterval?.span) ?? 0), yr = 1.05 * ((d.yInterval?.span) ?? 0)
                let xmarg = xsize - xr, ymarg = ysize - yr
                let bigY = dataRatio * xsize, bigX = ysize / dataRatio
                let adjustY: Bool
                if xmarg > 0 && ymarg > 0 {
                    adjustY = (bigY - yr > 0 && yExpander < 0) || (bigX - xr < 0 && yExpander > 0)
                } else {
                    adjustY = yExpander > 0
                }
                if adjustY {
                    let yc = (y.low + y.high) / 2, half = bigY / 2 * (y.high >= y.low ? 1 : -1)
                    y = PlotInterval(yc - half, yc + half)
                } else {
                    let xc = (x.low + x.high) / 2, half = bigX / 2 * (x.high >= x.low ? 1 : -1)
                    x = PlotInterval(xc - half, xc + half)
                }
            }
        }
        return DataTransform(box: box, x: x, y: y, xLog: xLog, yLog: yLog)
    }
}
