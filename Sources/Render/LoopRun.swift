/// A stretch of consecutive trace events inside one loop, cut into its
/// iterations, with the loss of each iteration when it has one.
///
/// Runs are found from `TraceEvent.iteration` alone: a run is a maximal stretch
/// of events inside loops (non-nil iteration), and a new run starts where the
/// iteration goes back down, as when two loops follow each other. The
/// interpreter numbers an event by how often its line has run, so a line that
/// runs only in some iterations (`if step % 10 == 0: print(...)`) carries a
/// smaller number than its neighbours; such a dip belongs to the iteration in
/// progress. A dip starts a new run only when the events after it count on
/// from it (0, then 1) rather than from the loop's own number.
///
/// The loss of an iteration is the value of the first `backward_begin` root in
/// it, when that root has exactly one element (`loss.backward()`).
public struct LoopRun: Equatable, Sendable {
    /// One iteration that recorded events.
    public struct Iteration: Equatable, Sendable {
        /// 0-based within the run (iterations that recorded nothing are skipped, not renumbered).
        public var number: Int
        /// Its events: indices into the trace, contiguous.
        public var events: Range<Int>
        /// The one-element root of its first backward pass, if any.
        public var loss: Double?
    }

    /// Loops with more iterations than this are long: by default they get summary frames.
    public static let longLoop = 10

    /// The run's events, indices into the trace.
    public var events: Range<Int>
    /// The trace's iteration number of the run's first iteration (usually 0).
    public var firstIteration: Int
    /// The iterations that recorded events, in order.
    public var iterations: [Iteration]

    /// How many iterations the loop ran (the last number + 1).
    public var count: Int { (iterations.last?.number ?? -1) + 1 }
    /// Whether the loop is long enough for summary frames (more than `longLoop` iterations).
    public var isLong: Bool { count > LoopRun.longLoop }
    /// The loss points of the whole run: 0-based iteration number and loss.
    public var losses: [(iteration: Int, loss: Double)] {
        iterations.compactMap { it in it.loss.map { (it.number, $0) } }
    }

    /// The runs of `events`, in order.
    /// - Complexity: O(n) in the number of events.
    public static func segment(_ events: [TraceEvent]) -> [LoopRun] {
        var runs: [LoopRun] = []
        var i = 0
        while i < events.count {
            guard let start = events[i].iteration else {
                i += 1
                continue
            }
            var run = LoopRun(events: i..<i, firstIteration: start, iterations: [])
            var current = start
            var iterationStart = i
            var j = i
            while j < events.count, let v = events[j].iteration {
                if v < current && j > i && LoopRun.restarts(events, at: j) { break }
                if v > current {
                    run.close(iterationStart..<j, number: current - start, events: events)
                    iterationStart = j
                    current = v
                }
                j += 1
            }
            run.close(iterationStart..<j, number: current - start, events: events)
            run.events = i..<j
            runs.append(run)
            i = j
        }
        return runs
    }

    /// Whether the dip at `j` starts a new loop: the next different iteration
    /// number after it is one more than the dip's.
    private static func restarts(_ events: [TraceEvent], at j: Int) -> Bool {
        guard let v = events[j].iteration else { return false }
        var k = j + 1
        while k < events.count, let w = events[k].iteration {
            if w != v { return w == v + 1 }
            k += 1
        }
        return false
    }

    private mutating func close(_ range: Range<Int>, number: Int, events: [TraceEvent]) {
        if range.isEmpty { return }
        var loss: Double?
        if let begin = events[range].first(where: { $0.kind == .backwardBegin }),
           let root = begin.roots?.first, let values = root.values, values.count == 1 {
            loss = values[0]
        }
        iterations.append(Iteration(number: number, events: range, loss: loss))
    }

    // MARK: - Summary steps

    /// Round steps for summaries: 1, 2, 5, 10, 20, 50, …
    static func roundSteps() -> UnfoldSequence<Int, (Int, Int)> {
        sequence(state: (0, 1)) { state in
            let (k, scale) = state
            let step = [1, 2, 5][k] * scale
            state = k == 2 ? (0, scale * 10) : (k + 1, scale)
            return step
        }
    }

    /// The smallest round step that gives a loop of `count` iterations at most
    /// `limit` summaries (see `summaryIterations`).
    public static func summaryStep(count: Int, limit: Int = 20) -> Int {
        let limit = max(limit, 1)
        for step in roundSteps() where summaryIterations(count: count, every: step).count <= limit || step >= count {
            return step
        }
        return max(count, 1)
    }

    /// 0-based iterations that get a summary when summarising every `every`
    /// iterations: iterations `every`, `2·every`, … as users count (from 1),
    /// never the first, always the last.
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
