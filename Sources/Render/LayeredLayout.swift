/// A fast layered layout for graphs too large for `dot` (whose crossing
/// minimisation grows quadratically): longest-path ranks top to bottom, one
/// barycentre sweep each way, nodes side by side per rank. Iterative throughout.
enum LayeredLayout {
    /// Points between the nodes of one rank.
    static let nodeSep = 18.0
    /// Points between ranks, before room for edge labels.
    static let rankSep = 32.0

    /// Centre positions in points for `count` vertices of sizes `sizes` (inches),
    /// joined by `edges` (index pairs, from → to); `labelHeight` is the tallest
    /// edge label in points.
    ///
    /// - Complexity: O((V + E) log V).
    static func positions(count n: Int, edges: [(Int, Int)], sizes: [(width: Double, height: Double)],
                          labelHeight: Double) -> [(x: Double, y: Double)] {
        guard n > 0 else { return [] }
        var succ = [[Int]](repeating: [], count: n)
        var pred = [[Int]](repeating: [], count: n)
        var indegree = [Int](repeating: 0, count: n)
        for (a, b) in edges where a != b {
            succ[a].append(b)
            pred[b].append(a)
            indegree[b] += 1
        }

        // Longest-path ranks by Kahn's algorithm; a cycle is broken at its first vertex.
        var rank = [Int](repeating: 0, count: n)
        var done = [Bool](repeating: false, count: n)
        var queue: [Int] = (0..<n).filter { indegree[$0] == 0 }
        var enqueued = [Bool](repeating: false, count: n)
        for v in queue { enqueued[v] = true }
        var head = 0
        var processed = 0
        var scan = 0
        var order: [Int] = []
        order.reserveCapacity(n)
        while processed < n {
            if head == queue.count {
                while done[scan] || enqueued[scan] { scan += 1 }
                enqueued[scan] = true
                queue.append(scan)
            }
            let v = queue[head]
            head += 1
            if done[v] { continue }
            done[v] = true
            processed += 1
            order.append(v)
            for p in pred[v] where done[p] { rank[v] = max(rank[v], rank[p] + 1) }
            for s in succ[v] where !done[s] {
                indegree[s] -= 1
                if indegree[s] == 0 && !enqueued[s] {
                    enqueued[s] = true
                    queue.append(s)
                }
            }
        }

        let maxRank = rank.max() ?? 0
        var layers = [[Int]](repeating: [], count: maxRank + 1)
        for v in order { layers[rank[v]].append(v) }
        var slot = [Double](repeating: 0, count: n)
        func renumber(_ r: Int) { for (i, v) in layers[r].enumerated() { slot[v] = Double(i) } }
        for r in 0...maxRank { renumber(r) }
        func sweep(_ ranks: [Int], neighbours: [[Int]], fromBelow: Bool) {
            for r in ranks {
                let keyed = layers[r].map { v -> (Double, Double, Int) in
                    let ns = neighbours[v].filter { fromBelow ? rank[$0] < r : rank[$0] > r }
                    let key = ns.isEmpty ? slot[v] : ns.reduce(0) { $0 + slot[$1] } / Double(ns.count)
                    return (key, slot[v], v)
                }
                layers[r] = keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
                renumber(r)
            }
        }
        if maxRank > 0 {
            sweep(Array(1...maxRank), neighbours: pred, fromBelow: true)
            sweep(Array((0..<maxRank).reversed()), neighbours: succ, fromBelow: false)
        }

        var out = [(x: Double, y: Double)](repeating: (0, 0), count: n)
        var y = 0.0
        var previousHalf = 0.0
        for (r, layer) in layers.enumerated() {
            let half = (layer.map { sizes[$0].height }.max() ?? 0) * 36
            if r > 0 { y -= previousHalf + rankSep + labelHeight + half }
            previousHalf = half
            let total = layer.reduce(0) { $0 + sizes[$1].width * 72 } + nodeSep * Double(max(layer.count - 1, 0))
            var x = -total / 2
            for v in layer {
                let w = sizes[v].width * 72
                out[v] = (x + w / 2, y)
                x += w + nodeSep
            }
        }
        return out
    }
}
