/// One run of a loop: the events from its first iteration to its last, cut into
/// iterations, with each iteration's loss when it has one.
///
/// Runs are found from the `iteration` and `loop_end` events of the lesson's loops. The loss of an iteration is the value of the first backward root in it that
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

    /// How deep the loop is in the lesson's loops (1: an outermost loop).
    public var depth = 1

    /// The runs of the lesson's loops at every depth, from their `iteration` and `loop_end`
    /// events: an inner loop makes one run per iteration of the loops around it.
    /// - Complexity: O(n) in the number of events, times the depth of the iteration events.
    public static func segment(_ events: [TraceEvent]) -> [LoopRun] {
        struct Open {
            var run: LoopRun
            var enclosing: ArraySlice<LoopPosition>
            var start: Int
            var number: Int
        }
        var runs: [LoopRun] = []
        var open: [Int: Open] = [:]
        func close(_ o: inout Open, at end: Int) {
            var loss: Double?
            for e in events[o.start..<end] {
                if case .backwardBegin(let b) = e.kind, let r = b.roots.first, let v = r.values.scalar {
                    loss = v
                    break
                }
            }
            o.run.iterations.append(Iteration(number: o.number, events: o.start..<end, end: end, loss: loss))
        }
        for (i, e) in events.enumerated() {
            let loops = e.context.loops
            guard let own = loops.last else { continue }
            let depth = loops.count
            let enclosing = loops.dropLast()
            switch e.kind {
            case .iteration(let n):
                if var o = open[depth], o.run.line == own.line, o.enclosing == enclosing, n > 0 {
                    close(&o, at: i)
                    o.start = i
                    o.number = n
                    open[depth] = o
                } else {
                    if let o = open[depth] { runs.append(o.run) }
                    var run = LoopRun(line: own.line, iterations: [])
                    run.depth = depth
                    open[depth] = Open(run: run, enclosing: enclosing, start: i, number: n)
                }
            case .loopEnd:
                if var o = open[depth], o.run.line == own.line, o.enclosing == enclosing {
                    close(&o, at: i)
                    runs.append(o.run)
                    open[depth] = nil
                }
            default:
                break
            }
        }
        for depth in open.keys.sorted() { if let o = open[depth] { runs.append(o.run) } }
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
