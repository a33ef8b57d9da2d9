import Foundation

/// matplotlib's `ScalarFormatter` with its defaults (offset on, threshold 4 digits, power
/// limits −5 … 6, no mathtext, Unicode minus): one `%1.Nf` format for all ticks, an offset
/// and/or a `1eN` scale shown as the axis's offset text.
public struct TickFormatter: Sendable {
    public private(set) var offset = 0.0
    public private(set) var orderOfMagnitude = 0
    public private(set) var decimals = 1
    private var hasLocs = false
    /// False for `useOffset=False` (contour labels).
    public var useOffset = true

    public init(useOffset: Bool = true) {
        self.useOffset = useOffset
    }

    /// `set_locs`: fixes offset, scale and format from the ticks and the view interval.
    public mutating func setLocs(_ locs: [Double], view: PlotInterval) {
        hasLocs = !locs.isEmpty
        guard hasLocs else { return }
        let vmin = min(view.low, view.high), vmax = max(view.low, view.high)
        let visible = locs.filter { vmin <= $0 && $0 <= vmax }
        offset = useOffset ? TickFormatter.computeOffset(visible) : 0
        orderOfMagnitude = TickFormatter.order(visible, offset: offset, vmin: vmin, vmax: vmax)
        decimals = TickFormatter.sigfigs(locs, view: [view.low, view.high], offset: offset, order: orderOfMagnitude)
    }

    /// The label of one tick.
    public func label(_ x: Double) -> String {
        guard hasLocs else { return "" }
        var xp = (x - offset) / pow(10, Double(orderOfMagnitude))
        if abs(xp) < 1e-8 { xp = 0 }
        return TickFormatter.fixMinus(String(format: "%1.\(decimals)f", xp))
    }

    /// The offset text (`1e6`, `+1.234e3`, `1e−5+1`), or "".
    public var offsetText: String {
        guard hasLocs, orderOfMagnitude != 0 || offset != 0 else { return "" }
        var offsetString = ""
        if offset != 0 {
            offsetString = TickFormatter.formatData(offset)
            if offset > 0 { offsetString = "+" + offsetString }
        }
        let sci = orderOfMagnitude != 0 ? "1e\(orderOfMagnitude)" : ""
        return TickFormatter.fixMinus(sci + offsetString)
    }

    static func fixMinus(_ s: String) -> String { s.replacingOccurrences(of: "-", with: "\u{2212}") }

    /// `format_data`: `%d` or `%1.10g` of the significand, then `eN`.
    static func formatData(_ value: Double) -> String {
        let e = safeInt(floor(log10(abs(value))))
        let s = (value / pow(10, Double(e)) * 1e10).rounded() / 1e10
        let significand = s.truncatingRemainder(dividingBy: 1) == 0 ? String(format: "%d", Int(s)) : String(format: "%1.10g", s)
        return e == 0 ? significand : "\(significand)e\(e)"
    }

    static func computeOffset(_ locs: [Double]) -> Double {
        guard let lmin = locs.min(), let lmax = locs.max(), lmin != lmax, !(lmin <= 0 && 0 <= lmax) else { return 0 }
        let absMin = min(abs(lmin), abs(lmax)), absMax = max(abs(lmin), abs(lmax))
        let sign = lmin < 0 ? -1.0 : 1.0
        let oomMax = ceil(log10(absMax))
        func floorDiv(_ a: Double, _ oom: Double) -> Double { (a / pow(10, oom)).rounded(.down) }
        var oom = oomMax
        while oom > oomMax - 400, floorDiv(absMin, oom) == floorDiv(absMax, oom) { oom -= 1 }
        oom += 1
        if (absMax - absMin) / pow(10, oom) <= 1e-2 {
            oom = oomMax
            while oom > oomMax - 400, !(floorDiv(absMax, oom) - floorDiv(absMin, oom) > 1) { oom -= 1 }
            oom += 1
        }
        return floorDiv(absMax, oom) >= pow(10, 3) ? sign * floorDiv(absMax, oom) * pow(10, oom) : 0
    }

    static func order(_ visible: [Double], offset: Double, vmin: Double, vmax: Double) -> Int {
        guard !visible.isEmpty else { return 0 }
        let oom: Int
        if offset != 0 {
            oom = safeInt(floor(log10(vmax - vmin)))
        } else {
            let val = visible.map(abs).max() ?? 0
            oom = val == 0 ? 0 : safeInt(floor(log10(val)))
        }
        return (oom <= -5 || oom >= 6) ? oom : 0
    }

    static func sigfigs(_ locs: [Double], view: [Double], offset: Double, order: Int) -> Int {
        let all = locs.count < 2 ? locs + view : locs
        var scaled = all.map { ($0 - offset) / pow(10, Double(order)) }
        var range = (scaled.max() ?? 0) - (scaled.min() ?? 0)
        if range == 0 { range = scaled.map(abs).max() ?? 0 }
        if range == 0 { range = 1 }
        if locs.count < 2 { scaled.removeLast(2) }
        let rangeOom = safeInt(floor(log10(range)))
        var sig = max(0, 3 - rangeOom)
        let thresh = 1e-3 * pow(10, Double(rangeOom))
        while sig >= 0 {
            let p = pow(10, Double(sig))
            let err = scaled.map { abs($0 - TickFormatter.roundHalfEven($0 * p) / p) }.max() ?? 0
            if err < thresh { sig -= 1 } else { break }
        }
        return sig + 1
    }

    /// numpy's `round` (half to even).
    static func roundHalfEven(_ x: Double) -> Double { x.rounded(.toNearestOrEven) }
}
