import Foundation

/// The major ticks of one axis as drawn: positions inside the view, their labels and the
/// offset text, from `AutoLocator` + `ScalarFormatter` or from fixed ticks.
public struct AxisTicks: Sendable, Equatable {
    public var positions: [Double]
    public var labels: [String]
    public var offsetText: String
    /// Unlabelled minor ticks (log axes).
    public var minor: [Double] = []

    public init(positions: [Double], labels: [String], offsetText: String, minor: [Double] = []) {
        self.positions = positions
        self.labels = labels
        self.offsetText = offsetText
        self.minor = minor
    }

    /// Ticks for `view` on an axis `length` points long; `perLabel` is 3 for x, 2 for y
    /// (`get_tick_space`: tick-label font size × that many points per tick).
    public static func make(view: PlotInterval, length: Double, perLabel: Double, labelSize: Double, fixed: FixedTicks?,
                            log: Bool = false) -> AxisTicks {
        let lo = min(view.low, view.high), hi = max(view.low, view.high)
        if log && fixed == nil {
            let space = safeInt((length / (labelSize * perLabel)).rounded(.down), fallback: 9)
            let (major, stride) = LogLocator.major(lo, hi, tickSpace: space)
            let inside = major.filter { $0 >= lo * (1 - 1e-10) && $0 <= hi * (1 + 1e-10) }
            let minor = LogLocator.minor(lo, hi, majorStride: stride).filter { $0 >= lo && $0 <= hi }
            return AxisTicks(positions: inside, labels: inside.map(LogLocator.label), offsetText: "", minor: minor)
        }
        let locs: [Double]
        if let fixed {
            locs = fixed.positions
        } else {
            let space = safeInt((length / (labelSize * perLabel)).rounded(.down), fallback: 9)
            locs = TickLocator.auto.ticks(lo, hi, tickSpace: space)
        }
        let rtol = (hi - lo) * 1e-10
        let inside = locs.enumerated().filter { $0.element >= lo - rtol && $0.element <= hi + rtol }
        if let fixed, let labels = fixed.labels {
            return AxisTicks(positions: inside.map(\.element),
                             labels: inside.map { $0.offset < labels.count ? labels[$0.offset] : "" }, offsetText: "")
        }
        var formatter = TickFormatter()
        formatter.setLocs(locs, view: view)
        return AxisTicks(positions: inside.map(\.element), labels: inside.map { formatter.label($0.element) },
                         offsetText: formatter.offsetText)
    }
}
