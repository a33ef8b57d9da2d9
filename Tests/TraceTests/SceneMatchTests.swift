import Testing
import Trace

/// The walks that match one frame's scene to the next (`nodeIndices`, `changes(since:)`,
/// `edges(notIn:)`) agree with matching by id tables, on random pairs of scenes: ordered as
/// captured (sharing some nodes, as consecutive captures do), and out of order.
struct SceneMatchTests {
    /// A small deterministic generator (the cases are reproducible from the seed).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
    }

    static func node(_ id: SceneNodeID) -> SceneNode {
        SceneNode(id: id, content: .function(FunctionState(kind: .gradFn, name: "MulBackward0")))
    }

    /// Ids of tensors, functions and modules, each kind from a small range so that scenes overlap.
    static func ids(_ g: inout Generator) -> [SceneNodeID] {
        var out = Set<SceneNodeID>()
        for _ in 0..<g.next(40) {
            switch g.next(5) {
            case 0, 1: out.insert(.tensor(g.next(30)))
            case 2, 3: out.insert(.function(g.next(30)))
            default: out.insert(.module("model.\(g.next(6))@\(g.next(3))"))
            }
        }
        return out.sorted()
    }

    /// Two scenes as consecutive captures make them: sorted nodes, those of both often the same node.
    static func pair(_ seed: Int, shuffled: Bool) -> (Scene, Scene) {
        var g = Generator(state: UInt64(seed) &+ 0x9E3779B97F4A7C15)
        let before = ids(&g).map(node)
        var now: [SceneNode] = []
        for id in ids(&g) {
            if let old = before.first(where: { $0.id == id }), g.chance(70) { now.append(old) } else { now.append(node(id)) }
        }
        func edges(_ nodes: [SceneNode]) -> [SceneEdge] {
            guard !nodes.isEmpty else { return [] }
            var out: [SceneEdge] = []
            for _ in 0..<g.next(30) {
                let a = nodes[g.next(nodes.count)].id, b = nodes[g.next(nodes.count)].id
                out.append(SceneEdge(from: a, to: b, kind: g.chance(50) ? .next(input: g.next(3), inputNr: 0) : .gradFn))
            }
            // At most one edge per ends and input, in the scene's order.
            var seen = Set<String>()
            return out.filter { seen.insert("\($0.from)>\($0.to)>\($0.kind.inputIndex)").inserted }
                .sorted { ($0.from, $0.to, $0.kind.inputIndex) < ($1.from, $1.to, $1.kind.inputIndex) }
        }
        var a = Scene(nodes: before, edges: edges(before)), b = Scene(nodes: now, edges: edges(now))
        if shuffled {
            if g.chance(50) { a.nodes.shuffle() } else { b.nodes.shuffle() }
            if g.chance(50) { a.edges.shuffle() } else { b.edges.shuffle() }
        }
        return (a, b)
    }

    @Test(arguments: 0..<400)
    func walksAgreeWithTables(seed: Int) {
        let (before, now) = SceneMatchTests.pair(seed, shuffled: false)
        let index = Dictionary(uniqueKeysWithValues: before.nodes.enumerated().map { ($1.id, $0) })
        #expect(now.nodeIndices(in: before) == now.nodes.map { index[$0.id] })
        let beforeIDs = Set(before.nodes.map(\.id)), nowIDs = Set(now.nodes.map(\.id))
        let change = now.changes(since: before)
        #expect(change.entered.map(\.id) == now.nodes.map(\.id).filter { !beforeIDs.contains($0) })
        #expect(change.left.map(\.id) == before.nodes.map(\.id).filter { !nowIDs.contains($0) })
        let key = { (e: SceneEdge) in "\(e.from)>\(e.to)>\(e.kind.inputIndex)" }
        let beforeEdges = Set(before.edges.map(key))
        #expect(now.edges(notIn: before).map(key) == now.edges.map(key).filter { !beforeEdges.contains($0) })
    }

    /// Out of order, the index walk says so, and the others still give every change (edges: a superset).
    @Test(arguments: 0..<200)
    func unorderedScenesFallBack(seed: Int) {
        let (before, now) = SceneMatchTests.pair(seed, shuffled: true)
        let beforeIDs = Set(before.nodes.map(\.id)), nowIDs = Set(now.nodes.map(\.id))
        let change = now.changes(since: before)
        #expect(Set(change.entered.map(\.id)) == Set(now.nodes.map(\.id).filter { !beforeIDs.contains($0) }))
        #expect(Set(change.left.map(\.id)) == Set(before.nodes.map(\.id).filter { !nowIDs.contains($0) }))
        if let match = now.nodeIndices(in: before) {
            // A walk that found no disorder matched correctly wherever it matched.
            for (i, j) in match.enumerated() { if let j { #expect(before.nodes[j].id == now.nodes[i].id) } }
        }
        let key = { (e: SceneEdge) in "\(e.from)>\(e.to)>\(e.kind.inputIndex)" }
        let beforeEdges = Set(before.edges.map(key))
        let new = Set(now.edges(notIn: before).map(key))
        #expect(new.isSuperset(of: now.edges.map(key).filter { !beforeEdges.contains($0) }))
    }
}
