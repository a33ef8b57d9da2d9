import Autograd
import Testing
@testable import Trace

/// Loop runs found from the trace's iteration numbers, their losses, and the summary step.
@Suite struct LoopRunTests {
    /// Events by iteration number (nil outside loops); a `B` marks a backward with that loss.
    static func events(_ spec: [(Int?, Double?)]) -> [TraceEvent] {
        spec.enumerated().map { i, s in
            var e = TraceEvent(index: i, kind: s.1 == nil ? .forward : .backwardBegin, line: 10 + i % 3, iteration: s.0)
            if let loss = s.1 { e.roots = [TensorSnapshot(Tensor(values: [loss], shape: []))] }
            return e
        }
    }

    @Test func runsAreSplitByEventsOutsideLoopsAndByRestarts() {
        // loop A: iterations 0, 1, 2; a print outside; loop B: 0, 1; loop C right after B: 0, 1, 2.
        let e = LoopRunTests.events([(0, nil), (0, 5), (1, nil), (1, 4), (2, 3), (nil, nil),
                                     (0, 9), (1, 8), (0, 7), (1, 6), (2, nil)])
        let runs = LoopRun.segment(e)
        #expect(runs.map(\.events) == [0..<5, 6..<8, 8..<11])
        #expect(runs.map(\.count) == [3, 2, 3])
        #expect(runs[0].iterations.map(\.events) == [0..<2, 2..<4, 4..<5])
        #expect(runs[0].losses.map(\.loss) == [5, 4, 3])
        #expect(runs[2].losses.map(\.iteration) == [0, 1])
    }

    /// `if step % 10 == 0: print(...)` runs its line less often, so its events carry a
    /// smaller number: they belong to the iteration in progress, not to a new loop.
    @Test func aLineRunningInSomeIterationsStaysInTheIteration() {
        let e = LoopRunTests.events([(0, 1), (1, 1), (2, 1), (3, 1), (0, nil), (0, nil), (4, 1), (5, 1), (1, nil), (6, 1)])
        let runs = LoopRun.segment(e)
        #expect(runs.count == 1)
        #expect(runs[0].count == 7)
        #expect(runs[0].iterations.map(\.events) == [0..<1, 1..<2, 2..<3, 3..<6, 6..<7, 7..<9, 9..<10])
    }

    @Test func lossNeedsAOneElementRoot() {
        var e = LoopRunTests.events([(0, 2), (1, nil)])
        e[1] = TraceEvent(index: 1, kind: .backwardBegin, line: 3, iteration: 1)
        e[1].roots = [TensorSnapshot(Tensor(values: [1, 2], shape: [2]))]
        let run = LoopRun.segment(e)[0]
        #expect(run.iterations.map(\.loss) == [2, nil])
    }

    @Test(arguments: [(1, 1), (11, 1), (21, 1), (22, 2), (29, 2), (30, 2), (40, 2), (41, 5), (100, 5), (101, 10),
                      (500, 50), (1000, 50), (1001, 100), (100_000, 5000)])
    func summaryStepIsRoundAndGivesAtMostTwentySummaries(_ count: Int, _ expected: Int) {
        let step = LoopRun.summaryStep(count: count)
        #expect(step == expected, "count \(count)")
        #expect(LoopRun.summaryIterations(count: count, every: step).count <= 20)
    }

    @Test func summaryIterationsSkipTheFirstAndKeepTheLast() {
        #expect(LoopRun.summaryIterations(count: 29, every: 2) == [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 28])
        #expect(LoopRun.summaryIterations(count: 500, every: 50) == [49, 99, 149, 199, 249, 299, 349, 399, 449, 499])
        #expect(LoopRun.summaryIterations(count: 5, every: 1) == [1, 2, 3, 4])
        #expect(LoopRun.summaryIterations(count: 1, every: 1) == [])
        #expect(Array(LoopRun.roundSteps().prefix(7)) == [1, 2, 5, 10, 20, 50, 100])
    }
}
