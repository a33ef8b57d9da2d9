import Foundation

/// matplotlib's `MaxNLocator` (and `AutoLocator`, its `nbins='auto'` form): evenly spaced
/// "nice" ticks, at most `nbins + 1` inside the view, steps chosen from `steps` × 10ⁿ.
///
/// Follows `ticker.py`'s `_raw_ticks`: the range is shifted by a power-of-ten offset when
/// its mean is large against its width, the smallest step ≥ range/nbins is tried first,
/// and smaller steps are tried while fewer than `minTicks` ticks fall inside.
public struct TickLocator: Sendable {
    /// How many intervals at most; nil for `'auto'` (from the axis length, 9 at most).
    public var nbins: Int?
    /// Mantissas of the allowed steps, 1 ... 10.
    public var steps: [Double]
    public var minTicks: Int

    /// `AutoLocator()`: nbins 'auto', steps 1, 2, 2.5, 5, 10.
    public static let auto = TickLocator(nbins: nil, steps: [1, 2, 2.5, 5, 10], minTicks: 2)

    /// `MaxNLocator(n)` with its default steps.
    public static func maxN(_ n: Int, minTicks: Int = 2) -> TickLocator {
        TickLocator(nbins: n, steps: [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10], minTicks: minTicks)
    }

    /// The ticks for the view `vmin ... vmax` (some may lie outside it); `tickSpace` is the
    /// axis's `get_tick_space()` for `'auto'`.
    public func ticks(_ vmin: Double, _ vmax: Double, tickSpace: Int = 9) -> [Double] {
        let (lo, hi) = Nonsingular.expand(vmin, vmax, expander: 1e-13, tiny: 1e-14)
        return rawTicks(lo, hi, tickSpace: tickSpace)
    }

    private var extendedSteps: [Double] {
        steps.dropLast().map { $0 * 0.1 } + steps + [10 * steps[1]]
    }

    private func rawTicks(_ vmin: Double, _ vmax: Double, tickSpace: Int) -> [Double] {
        let n = nbins ?? Swift.min(Swift.max(tickSpace, Swift.max(1, minTicks - 1)), 9)
        let (scale, offset) = TickLocator.scaleRange(vmin, vmax, n)
        let lo = vmin - offset, hi = vmax - offset
        let candidates = extendedSteps.map { $0 * scale }
        let rawStep = (hi - lo) / Double(n)
        let istep = candidates.firstIndex { $0 >= rawStep } ?? candidates.count - 1
        var ticks: [Double] = []
        for step in candidates[...istep].reversed() {
            let bestMin = EdgeInteger(step: step, offset: 0).divmod(lo).0 * step
            let edge = EdgeInteger(step: step, offset: offset)
            let low = edge.le(lo - bestMin), high = edge.ge(hi - bestMin)
            guard high >= low, high - low < 10_000 else { continue }
            ticks = stride(from: low, through: high, by: 1).map { $0 * step + bestMin }
            if ticks.filter({ $0 <= hi && $0 >= lo }).count >= minTicks { break }
        }
        return ticks.map { $0 + offset }
    }

    /// `scale_range`: the power of ten of one bin, and an offset when the range is far from 0.
    static func scaleRange(_ vmin: Double, _ vmax: Double, _ n: Int) -> (scale: Double, offset: Double) {
        let dv = abs(vmax - vmin)
        let meanv = (vmax + vmin) / 2
        var offset = 0.0
        if !(abs(meanv) / dv < 100) {
            offset = copysign(pow(10, floor(log10(abs(meanv)))), meanv)
        }
        return (pow(10, floor(log10(dv / Double(n)))), offset)
    }
}

/// `_Edge_integer`: tick indices at the range's ends with slack for a large offset.
struct EdgeInteger {
    let step: Double
    let offset: Double

    init(step: Double, offset: Double) {
        self.step = step
        self.offset = abs(offset)
    }

    func closeTo(_ ms: Double, _ edge: Double) -> Bool {
        var tol = 1e-10
        if offset > 0 {
            let digits = log10(offset / step)
            tol = min(0.4999, max(1e-10, pow(10, digits - 12)))
        }
        return abs(ms - edge) < tol
    }

    /// Python's divmod for floats (floor division, remainder with the divisor's sign).
    func divmod(_ x: Double) -> (Double, Double) {
        var mod = fmod(x, step)
        var div = (x - mod) / step
        if mod != 0 {
            if (step < 0) != (mod < 0) {
                mod += step
                div -= 1
            }
        } else {
            mod = copysign(0, step)
        }
        var floorDiv = div.rounded(.down)
        if div - floorDiv > 0.5 { floorDiv += 1 }
        return (floorDiv, mod)
    }

    func le(_ x: Double) -> Double {
        let (d, m) = divmod(x)
        return closeTo(m / step, 1) ? d + 1 : d
    }

    func ge(_ x: Double) -> Double {
        let (d, m) = divmod(x)
        return closeTo(m / step, 0) ? d : d + 1
    }
}

/// `transforms.nonsingular`: widens an empty or degenerate interval.
enum Nonsingular {
    static func expand(_ vmin: Double, _ vmax: Double, expander: Double, tiny: Double = 1e-15) -> (Double, Double) {
        guard vmin.isFinite, vmax.isFinite else { return (-expander, expander) }
        var lo = min(vmin, vmax), hi = max(vmin, vmax)
        let maxAbs = max(abs(lo), abs(hi))
        if maxAbs < (1e6 / tiny) * Double.leastNormalMagnitude {
            lo = -expander
            hi = expander
        } else if hi - lo <= maxAbs * tiny {
            if hi == 0 && lo == 0 {
                lo = -expander
                hi = expander
            } else {
                lo -= expander * abs(lo)
                hi += expander * abs(hi)
            }
        }
        return (lo, hi)
    }
}
