import Testing
import Autograd
@testable import Trace

/// What a `Recorder` receives from the engine for the seed lesson, driven the way
/// the interpreter drives it (statements entered, variables named):
/// ```
/// x = torch.tensor(3.0, requires_grad=True)   # line 6
/// y = 2 * x                                   # line 8
/// z = y * y                                   # line 10
/// z.backward()                                # line 15
/// x.grad                                      # tensor(24.)
/// ```
@Suite struct RecorderTests {
    struct Step: Equatable, CustomStringConvertible {
        var kind: TraceEvent.Kind
        var node: String?
        var line: Int?
        var description: String { "\(kind.rawValue) \(node ?? "-") @\(line.map(String.init) ?? "-")" }
    }

    /// Records the seed example with a recorder installed on this thread.
    func recordSeed() throws -> (events: [TraceEvent], x: Tensor, y: Tensor, z: Tensor) {
        let rec = Recorder()
        EngineObservers.current = rec
        defer { EngineObservers.current = nil }
        rec.enterStatement(line: 6, source: "x = torch.tensor(3.0, requires_grad=True)", section: "The chain rule",
                           narration: ["x is a leaf that asks for gradients"], iteration: nil)
        let x = Tensor(scalar: 3)
        try x.setRequiresGrad(true)
        rec.name(x, "x")
        rec.enterStatement(line: 8, source: "y = 2 * x", section: "The chain rule", narration: ["y = 2x"], iteration: nil)
        let y = try x.mul(2)
        rec.name(y, "y")
        rec.enterStatement(line: 10, source: "z = y * y", section: "The chain rule", narration: ["z = y^2"], iteration: nil)
        let z = try y.mul(y)
        rec.name(z, "z")
        rec.enterStatement(line: 15, source: "z.backward()", section: "Backward", narration: [], iteration: nil)
        try Engine.backward([z], gradTensors: [nil])
        return (rec.events, x, y, z)
    }

    @Test func seedExampleEventSequence() throws {
        let (events, x, y, z) = try recordSeed()
        let steps = events.map { Step(kind: $0.kind, node: $0.node?.name, line: $0.line) }
        #expect(steps == [
            Step(kind: .forward, node: "MulBackward0", line: 8),
            Step(kind: .forward, node: "MulBackward0", line: 10),
            Step(kind: .backwardBegin, node: nil, line: 15),
            Step(kind: .node, node: "MulBackward0", line: 15),
            Step(kind: .node, node: "MulBackward0", line: 15),
            Step(kind: .accumulate, node: "AccumulateGrad", line: 15),
            Step(kind: .backwardEnd, node: nil, line: 15),
        ])
        #expect(events.map(\.index) == Array(0..<events.count))
        #expect(x.grad?.values == [24])
        guard events.count == 7 else { return }

        #expect(events[0].op == "mul" && events[0].output?.name == "y" && events[0].inputs?.first?.name == "x")
        #expect(events[1].op == "mul" && events[1].output?.name == "z")
        #expect(events[1].node?.id == z.gradFn?.id)
        #expect(events[2].roots?.map(\.name) == ["z"] && events[2].grads?.map(\.values) == [[1]])
        #expect(events[2].retainGraph == false && events[2].createGraph == false)

        // z's node first: 1 in, dz/dy = y along both edges; then y's node: 6 + 6 in, 2 · 12 out to x.
        #expect(events[3].node?.id == z.gradFn?.id)
        #expect(events[3].incoming?.map { $0?.values } == [[1]])
        #expect(events[3].outgoing?.map { $0?.values } == [[6], [6]])
        #expect(events[4].node?.id == y.gradFn?.id)
        #expect(events[4].incoming?.map { $0?.values } == [[12]])
        #expect(events[4].outgoing?.first??.values == [24])

        #expect(events[5].tensor?.name == "x" && events[5].before == nil)
        #expect(events[5].incoming?.map { $0?.values } == [[24]] && events[5].after?.values == [24])
        #expect(events[6].released == [z.gradFn?.id, y.gradFn?.id].compactMap { $0 })
    }

    @Test func nothingIsRecordedWithoutAnObserver() throws {
        let rec = Recorder()
        EngineObservers.current = rec
        EngineObservers.current = nil
        let x = Tensor(scalar: 3)
        try x.setRequiresGrad(true)
        try Engine.backward([x.mul(x)], gradTensors: [nil])
        #expect(rec.events.isEmpty)
    }
}
