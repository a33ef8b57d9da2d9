import Foundation
import Testing
@testable import Trace

/// The union graph: PyTorch's vertices and edges, slots shared across iterations.
@Suite struct GraphModelTests {
    @Test func seedGraphHasPyTorchsVerticesAndEdges() throws {
        let m = GraphModel(events: try PictureLessons.seed())
        let titles = m.vertices.map(\.title)
        #expect(titles.sorted() == ["AccumulateGrad", "MulBackward0", "MulBackward0", "x", "y", "z"])
        let kinds = Dictionary(grouping: m.edges, by: \.kind).mapValues(\.count)
        // z's MulBackward0 has two next_functions to y's (y * y), y's has one to x's AccumulateGrad.
        #expect(kinds[.next] == 3)
        #expect(kinds[.variable] == 1)
        #expect(kinds[.gradFn] == 2)
        let x = try #require(m.vertices.first { $0.title == "x" })
        #expect(x.role == .leaf && x.firstEvent == 0)
        // No loop: every vertex has a slot of its own and stays to the end.
        #expect(m.slots.count == m.vertices.count)
        #expect(m.vertices.allSatisfy { $0.lastEvent == .max })
    }

    @Test func edgesPointTheWayDataFlows() throws {
        let m = GraphModel(events: try PictureLessons.seed())
        let byKey = Dictionary(uniqueKeysWithValues: m.vertices.map { ($0.key, $0) })
        for e in m.edges where e.kind == .next {
            let from = try #require(byKey[e.from]), to = try #require(byKey[e.to])
            #expect(from.firstEvent <= to.firstEvent)
            #expect(to.kind == .gradFn)
        }
        let variable = try #require(m.edges.first { $0.kind == .variable })
        #expect(byKey[variable.from]?.title == "x" && byKey[variable.to]?.title == "AccumulateGrad")
    }

    @Test func trainingLoopReusesSlotsOfTheConsumedGraph() throws {
        let m = GraphModel(events: try PictureLessons.line(iterations: 3))
        let muls = m.vertices.filter { $0.title == "MulBackward0" }
        #expect(muls.count == 3)
        #expect(Set(muls.map(\.slot)).count == 1)
        // Each iteration's node leaves the picture when the next one takes its place.
        #expect(muls[0].lastEvent == muls[1].firstEvent - 1)
        #expect(muls[1].lastEvent == muls[2].firstEvent - 1)
        #expect(muls[2].lastEvent == .max)
        // Parameters and data are the same tensors throughout.
        #expect(m.vertices.filter { $0.title == "w" }.count == 1)
        #expect(m.slots.count < m.vertices.count)
    }

    @Test func longChainKeepsEveryNode() throws {
        let m = GraphModel(events: try PictureLessons.chain(50))
        // Nothing is consumed before the end: 50 × (sin, mul, add) nodes, each in its own slot, to the end.
        let nodes = m.vertices.filter { $0.kind == .gradFn }
        #expect(nodes.count == 150)
        #expect(Set(nodes.map(\.slot)).count == 150)
        #expect(nodes.allSatisfy { $0.lastEvent == .max })
        // Each rebinding of y leaves the old tensor unreachable once the new one is computed from it:
        // the ys take turns in two places.
        let ys = m.vertices.filter { $0.title == "y" }
        #expect(ys.count == 50)
        #expect(Set(ys.map(\.slot)).count == 2)
    }

    @Test func temporariesLeaveThePicture() throws {
        let events = try PictureLessons.temporary()
        let m = GraphModel(events: events)
        // print((x * x).sum().item()): the temporary graph is gone after its statement's print.
        let temp = m.vertices.filter { $0.title == "SumBackward0" }
        #expect(temp.count == 1)
        let printed = try #require(events.firstIndex { $0.kind == .print })
        #expect(temp[0].lastEvent == printed)
        // x stays: it is bound to a name.
        #expect(m.vertices.first { $0.title == "x" }?.lastEvent == .max)
    }

    @Test func noGradResultIsNotRecorded() throws {
        let m = GraphModel(events: try PictureLessons.custom())
        let d = try #require(m.vertices.first { $0.title == "d" })
        #expect(d.role == .notRecorded)
        #expect(m.notRecordedReason[try #require(d.tensorID)] == "not recorded (no_grad)")
        #expect(m.edges.contains { $0.kind == .untracked && $0.to == d.key })
        #expect(m.vertices.contains { $0.title == "SquareBackward" })
    }
}
