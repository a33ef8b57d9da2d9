/// One run of a loop: the events from its first iteration to its last, cut into
/// iterations, with each iteration's loss when it has one.
///
/// Runs are found from the `iteration` events the interpreter reports for the outermost
/// loop of the lesson's code: a new run starts at iteration 0. The loss of an iteration is
/// the value of the first backward root in it that has one element (`loss.backward()`).
public struct LoopRun: Equatable, Sendable {
    public struct Iteration: Equatable, Sendable {
        /// 0-based.
        public var number: Int
        /// Its events: indices into the trace.
        public var events: Range<Int>
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

    /// The runs of the outermost loops in `events`.
    /// - Complexity: O(n) in the number of events.
    public static func segment(_ events: [TraceEvent]) -> [LoopRun] {
        var runs: [LoopRun] = []
        var current: LoopRun?
        var iterationStart = 0
        var number = 0
        func close(at end: Int) {
            guard var run = current, end > iterationStart else { return }
            var loss: Double?
            for e in events[iterationStart..<end] {
                if case .backwardBegin(let b) = e.kind, let r = b.roots.first, let v = r.values.scalar {
                    loss = v
                    break
                }
            }
            run.iterations.append(Iteration(number: number, events: iterationStart..<end, loss: loss))
            current = run
        }
        for (i, e) in events.enumerated() {
            let outer = e.context.loops.first
            if case .iteration(let n) = e.kind, e.context.loops.count == 1, let line = outer?.line {
                close(at: i)
                if n == 0 || current?.line != line {
                    if let r = current { runs.append(r) }
                    current = LoopRun(line: line, iterations: [])
                }
                iterationStart = i
                number = n
            } else if current != nil, outer == nil || outer?.line != current?.line {
                close(at: i)
                if let r = current { runs.append(r) }
                current = nil
            }
        }
        close(at: events.count)
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
