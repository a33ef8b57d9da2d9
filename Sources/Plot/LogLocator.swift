import Foundation

/// matplotlib's `LogLocator` (base 10) for log axes: major ticks at decades, strided when
/// there are many, minor ticks at 2…9 × each decade (`subs='auto'`), and its `nonsingular`.
enum LogLocator {
    /// Decade ticks for the view `vmin … vmax` (positive), `tickSpace` as for `AutoLocator`.
    static func major(_ vmin: Double, _ vmax: Double, tickSpace: Int) -> (ticks: [Double], stride: Int) {
        var nRequest = min(max(tickSpace, 2), 9)
        let lo = min(vmin, vmax), hi = max(vmin, vmax)
        guard lo > 0, hi.isFinite else { return ([], 1) }
        let efmin = log10(lo), efmax = log10(hi)
        let emin = Int(ceil(efmin)), emax = Int(floor(efmax))
        let nAvail = emax - emin + 1
        var stride = nAvail / (nRequest + 1) + 1
        let nr = Int((Double(nAvail) / Double(stride)).rounded(.up))
        if nr <= nRequest { nRequest = nr }
        var decades: [Int]
        if nRequest <= 0 {
            decades = [emin - 1, emax + 1]
            stride = decades[1] - decades[0]
        } else if nRequest == 1 {
            let mid = Int(((efmin + efmax) / 2).rounded(.toNearestOrEven))
            stride = max(mid - (emin - 1), (emax + 1) - mid)
            decades = [mid - stride, mid, mid + stride]
        } else {
            stride = (nAvail - 1) / (nRequest - 1)
            if Double(stride) < Double(nAvail) / Double(nRequest) { stride = nAvail / nRequest }
            stride = max(stride, 1)
            let olo = max(nAvail - stride * nRequest, 0)
            let ohi = min(nAvail - stride * (nRequest - 1), stride)
            var offset = ((-emin) % stride + stride) % stride
            if !(olo <= offset && offset < ohi) { offset = olo }
            decades = Array(Swift.stride(from: emin + offset - stride, through: emax + stride, by: stride))
        }
        return (decades.map { pow(10, Double($0)) }, stride)
    }

    /// Minor ticks: 2…9 × 10ⁿ over the decades around the view, when majors are every decade
    /// and fewer than ten decades show.
    static func minor(_ vmin: Double, _ vmax: Double, majorStride: Int) -> [Double] {
        let lo = min(vmin, vmax), hi = max(vmin, vmax)
        guard lo > 0, hi.isFinite else { return [] }
        let emin = Int(ceil(log10(lo))), emax = Int(floor(log10(hi)))
        let nAvail = emax - emin + 1
        guard nAvail < 10, majorStride == 1 || nAvail <= 1 else { return [] }
        return ((emin - 1)...(emax)).flatMap { d in (2...9).map { Double($0) * pow(10, Double(d)) } }
    }

    /// `LogLocator.nonsingular`: a positive, non-empty interval (`minPositive` replaces ≤ 0).
    static func nonsingular(_ a: Double, _ b: Double, minPositive: Double) -> (Double, Double) {
        var lo = min(a, b), hi = max(a, b)
        if !lo.isFinite || !hi.isFinite || hi <= 0 { return (1, 10) }
        if lo <= 0 { lo = minPositive.isFinite ? minPositive : 1e-300 }
        if lo == hi {
            lo = pow(10, floor(log10(lo)) - (log10(lo) == floor(log10(lo)) ? 1 : 0))
            hi = pow(10, ceil(log10(hi)) + (log10(hi) == ceil(log10(hi)) ? 1 : 0))
        }
        return (lo, hi)
    }

    /// `LogFormatterSciNotation` for a decade: matplotlib's mathtext source `$\mathdefault{10^{e}}$`.
    static func label(_ v: Double) -> String {
        let e = log10(v)
        guard abs(e - e.rounded()) < 1e-10 else { return "" }
        return "$\\mathdefault{10^{\(Int(e.rounded()))}}$"
    }
}
