/// One run of a loop: the events from its first iteration to its last, cut into
/// iterations, with each iteration's loss when it has one.
///
/// Runs are found from the `iteration` and `loop_end` events of the outermost loops of the
/// lesson's code. The loss of an iteration is the value of the first backward root in it that
/// has one element (`loss.backward()`).
public struct LoopRun: Equatable, Sendable {
    public struct Iteration: Equatable, Sendable {
        /// 0-based.
        public var number: Int
        /// Its events: indices into the trace, from its `iteration` event.
        public var events: Range<Int>
        /// The event that ends it (the next iteration's `iteration` event, or the loop's
        /// `loop_end`): its scene is the state after the iteration.
        public var end: Int
        public var loss: Double?
    }

    /// Loops with more iterations than this get summary frames by default.
    public static let longLoop = 10

    /// The loop's header line.
    public var line: Int
    public var iterations: [Iteration]

    public var count: Int { (iterations.last?.number ?? -1) + 1 }
    public var isLong: Bool { count > LoopRun.longLoop }
    /// The loss points: 0-based iteration and loss.
    public var losses: [(iteration: Int, loss: Double)] {
        iterations.compactMap { it in it.loss.map { (it.number, $0) } }
    }
    public var events: Range<Int> {
        (iterations.first?.events.lowerBound ?? 0)..<(iterations.last?.events.upperBound ?? 0)
    }

    /// The runs of the outermost loops of the lesson's code, from their `iteration` and
    /// `loop_end` events.
    /// - Complexity: O(n) in the number of events.
    public static func segment(_ events: [TraceEvent]) -> [LoopRun] {
        var runs: [LoopRun] = []
        var current: LoopRun?
        var start = 0
        var number = 0
        func close(at end: Int) {
            guard current != nil else { return }
            var loss: Double?
            for e in events[start..<end] {
                if case .backwardBegin(let b) = e.kind, let r = b.roots.first, let v = r.values.scalar {
                    loss = v
                    break
                }
            }
            current!.iterations.append(Iteration(number: number, events: start..<end, end: end, loss: loss))
        }
        for (i, e) in events.enumerated() where e.context.loops.count == 1 {
            switch e.kind {
            case .iteration(let n):
                if let line = e.context.loops.first?.line, current?.line == line, n > 0 {
                    close(at: i)
                } else {
                    if let r = current { runs.append(r) }
                    current = LoopRun(line: e.context.loops.first?.line ?? 0, iterations: [])
                }
                start = i
                number = n
            case .loopEnd:
                if current != nil, e.context.loops.first?.line == current?.line {
                    close(at: i)
                    runs.append(current!)
                    current = nil
                }
            default:
                break
            }
        }
        if let r = current { runs.append(r) }
        return runs
    }

    /// Round steps for summaries: 1, 2, 5, 10, 20, 50, …
    static func roundSteps() -> UnfoldSequence<Int, (Int, Int)> {
        sequence(state: (0, 1)) { state in
            let (k, scale) = state
            let step = [1, 2, 5][k] * scale
            state = k == 2 ? (0, scale &* 10) : (k + 1, scale)
            return step
        }
    }

    /// The smallest round step giving a loop of `count` iterations at most `limit` summaries.
    public static func summaryStep(count: Int, limit: Int = 20) -> Int {
        let limit = max(limit, 1)
        for step in roundSteps() where summaryIterations(count: count, every: step).count <= limit || step >= count {
            return step
        }
        return max(count, 1)
    }

    /// 0-based iterations with a summary when summarising every `every`: `every`, `2·every`, …
    /// as users count (from 1), never the first, always the last.
    public static func summaryIterations(count: Int, every: Int) -> [Int] {
        guard count > 1 else { return [] }
        let every = max(every, 1)
        var out: [Int] = []
        var k = every
        while k < count {
            if k > 1 { out.append(k - 1) }
            k += every
        }
        out.append(count - 1)
        return out
    }
}
