/// Filled contours: the region lo < z ≤ hi (lo ≤ z for the first band), as polygons.
extension ContourGrid {
    /// Each cell split into four triangles around its mean, each clipped to the band (z is
    /// linear on a triangle, so the clip is exact); the pieces are filled as one path.
    /// - Complexity: O(rows × cols).
    func band(_ lo: Double, _ hi: Double) -> [[PlotPoint]] {
        guard rows >= 2, cols >= 2 else { return [] }
        var polygons: [[PlotPoint]] = []
        for i in 0..<(rows - 1) {
            for j in 0..<(cols - 1) {
                let corners = [(i, j), (i, j + 1), (i + 1, j + 1), (i + 1, j)]
                let zs = corners.map { z[$0.0][$0.1] }
                if zs.contains(where: { !$0.isFinite }) { continue }
                guard let zmin = zs.min(), let zmax = zs.max(), zmax >= lo, zmin <= hi else { continue }
                let pts = corners.map { point($0.0, $0.1) }
                if zmin >= lo && zmax <= hi {
                    polygons.append(pts)
                    continue
                }
                let centre = PlotPoint(pts.map(\.x).reduce(0, +) / 4, pts.map(\.y).reduce(0, +) / 4)
                let zc = zs.reduce(0, +) / 4
                for k in 0..<4 {
                    let tri = [(pts[k], zs[k]), (pts[(k + 1) % 4], zs[(k + 1) % 4]), (centre, zc)]
                    let clipped = ContourGrid.clip(ContourGrid.clip(tri, lo, keepAbove: true), hi, keepAbove: false)
                    if clipped.count >= 3 { polygons.append(clipped.map(\.0)) }
                }
            }
        }
        return polygons
    }

    /// Sutherland–Hodgman against the half-space z ≥ v (or z ≤ v), z linear along edges.
    static func clip(_ poly: [(PlotPoint, Double)], _ v: Double, keepAbove: Bool) -> [(PlotPoint, Double)] {
        guard !poly.isEmpty else { return [] }
        func inside(_ z: Double) -> Bool { keepAbove ? z >= v : z <= v }
        var out: [(PlotPoint, Double)] = []
        for k in 0..<poly.count {
            let (p, zp) = poly[k]
            let (q, zq) = poly[(k + 1) % poly.count]
            if inside(zp) { out.append((p, zp)) }
            if inside(zp) != inside(zq) {
                let t = (v - zp) / (zq - zp)
                out.append((PlotPoint(p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)), v))
            }
        }
        return out
    }
}
