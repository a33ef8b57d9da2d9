/// A quadrilateral grid of values: `z[i][j]` at `(x[i][j], y[i][j])`, rows × cols.
public struct ContourGrid: Sendable {
    public var x: [[Double]]
    public var y: [[Double]]
    public var z: [[Double]]

    public init(x: [[Double]], y: [[Double]], z: [[Double]]) {
        self.x = x
        self.y = y
        self.z = z
    }

    public var rows: Int { z.count }
    public var cols: Int { z.first?.count ?? 0 }

    /// The finite range of z.
    var zRange: (Double, Double)? {
        let finite = z.joined().filter { $0.isFinite }
        guard let lo = finite.min(), let hi = finite.max() else { return nil }
        return (lo, hi)
    }

    func point(_ i: Int, _ j: Int) -> PlotPoint { PlotPoint(x[i][j], y[i][j]) }

    /// The crossing of level `v` on the edge between two grid points (linear in z).
    func crossing(_ a: (Int, Int), _ b: (Int, Int), _ v: Double) -> PlotPoint {
        let za = z[a.0][a.1], zb = z[b.0][b.1]
        let t = za == zb ? 0.5 : (v - za) / (zb - za)
        let pa = point(a.0, a.1), pb = point(b.0, b.1)
        return PlotPoint(pa.x + t * (pb.x - pa.x), pa.y + t * (pb.y - pa.y))
    }

    /// The contour lines of level `v`: marching squares on each cell, crossings keyed by
    /// grid edge so neighbouring cells join into polylines; saddles split by the cell mean.
    /// - Complexity: O(rows × cols).
    func lines(at v: Double) -> [[PlotPoint]] {
        guard rows >= 2, cols >= 2 else { return [] }
        // Edge keys: horizontal edge (i, j)-(i, j+1) is 2*(i*cols+j), vertical (i, j)-(i+1, j) is 2*(i*cols+j)+1.
        func hKey(_ i: Int, _ j: Int) -> Int { 2 * (i * cols + j) }
        func vKey(_ i: Int, _ j: Int) -> Int { 2 * (i * cols + j) + 1 }
        var segments: [(Int, Int)] = []
        var points: [Int: PlotPoint] = [:]
        for i in 0..<(rows - 1) {
            for j in 0..<(cols - 1) {
                let corners = [(i, j), (i, j + 1), (i + 1, j + 1), (i + 1, j)]
                let zs = corners.map { z[$0.0][$0.1] }
                if zs.contains(where: { !$0.isFinite }) { continue }
                let above = zs.map { $0 > v }
                // Edges of the cell in order: bottom, right, top, left (as corner pairs).
                let edges = [(0, 1, hKey(i, j)), (1, 2, vKey(i, j + 1)), (3, 2, hKey(i + 1, j)), (0, 3, vKey(i, j))]
                var crossed: [Int] = []
                for (e, edge) in edges.enumerated() where above[edge.0] != above[edge.1] {
                    crossed.append(e)
                    if points[edge.2] == nil { points[edge.2] = crossing(corners[edge.0], corners[edge.1], v) }
                }
                if crossed.count == 2 {
                    segments.append((edges[crossed[0]].2, edges[crossed[1]].2))
                } else if crossed.count == 4 {
                    let centreAbove = zs.reduce(0, +) / 4 > v
                    // Corner 0 is cut off alone unless the centre agrees with it.
                    if centreAbove == above[0] {
                        segments.append((edges[0].2, edges[1].2))
                        segments.append((edges[2].2, edges[3].2))
                    } else {
                        segments.append((edges[0].2, edges[3].2))
                        segments.append((edges[1].2, edges[2].2))
                    }
                }
            }
        }
        return ContourGrid.chain(segments, points)
    }

    /// Joins segments sharing end keys into polylines (closed loops repeat their first point).
    static func chain(_ segments: [(Int, Int)], _ points: [Int: PlotPoint]) -> [[PlotPoint]] {
        var adjacency: [Int: [Int]] = [:]
        for (s, seg) in segments.enumerated() {
            adjacency[seg.0, default: []].append(s)
            adjacency[seg.1, default: []].append(s)
        }
        var used = [Bool](repeating: false, count: segments.count)
        var result: [[PlotPoint]] = []
        func walk(from start: Int, first: Int) -> [Int] {
            var keys = [start]
            var current = start
            var seg: Int? = first
            while let s = seg {
                used[s] = true
                let next = segments[s].0 == current ? segments[s].1 : segments[s].0
                keys.append(next)
                current = next
                seg = adjacency[next]?.first { !used[$0] }
            }
            return keys
        }
        // Open chains start at keys with a single segment (the grid boundary); then loops.
        let ends = adjacency.filter { $0.value.count == 1 }.keys.sorted()
        for key in ends {
            guard let s = adjacency[key]?.first, !used[s] else { continue }
            result.append(walk(from: key, first: s).compactMap { points[$0] })
        }
        for s in 0..<segments.count where !used[s] {
            result.append(walk(from: segments[s].0, first: s).compactMap { points[$0] })
        }
        return result
    }
}
