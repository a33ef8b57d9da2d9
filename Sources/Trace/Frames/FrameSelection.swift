/// Which steps become frames, which frames summarise loop iterations, and how many
/// frames are allowed.
///
/// Parsed from the `--frames` value: a comma-separated list of filters, all of which a
/// step must pass —
///
/// - `all`: every step (each iteration in full);
/// - `backward`: the backward pass (its begin and end, nodes, accumulations, hooks);
/// - `lines:A-B` or `lines:A`: steps of lesson lines A…B;
/// - `iterations:N`: steps outside loops and in the first N iterations of each loop;
/// - `iterations:A-B`: steps outside loops and in iterations A…B (counted from 1);
/// - `first:N`: the first N frames that pass the other filters;
/// - `summary`: long loops (more than `LoopRun.longLoop` iterations) show their first
///   iteration in full, then one summary frame every N iterations and at the last, N being
///   the smallest of 1, 2, 5, 10, 20, 50, … that gives at most `summaryLimit` summaries;
/// - `every:N`: as `summary`, with a summary every N iterations.
///
/// The default is `summary`. A summary frame stands at the last step of its iteration.
public struct FrameSelection: Equatable, Sendable {
    /// One `--frames` filter.
    public enum Filter: Equatable, Sendable {
        case all
        case backward
        case lines(ClosedRange<Int>)
        /// Iterations counted from 1, in every loop.
        case iterations(ClosedRange<Int>)
        case first(Int)
        case summary
        case every(Int)
    }

    /// One selected step, drawn in full or as a summary of its iteration.
    public struct Pick: Equatable, Sendable {
        public var event: Int
        public var summary: Summary?
    }

    /// What a summary frame stands for: an iteration of a long loop.
    public struct Summary: Equatable, Sendable {
        public var run: LoopRun
        /// 0-based.
        public var iteration: Int
        public var every: Int

        public var loss: Double? { run.iterations.last { $0.number == iteration }?.loss }
        public var firstLoss: (iteration: Int, loss: Double)? { run.losses.first }
    }

    /// A selection that names too many frames, or a `--frames` value that does not parse.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case tooManyFrames(selected: Int, cap: Int)
        case invalid(String)

        public var description: String {
            switch self {
            case .tooManyFrames(let n, let cap):
                return "the lesson has \(n) frames to draw, more than the limit of \(cap); "
                    + "choose fewer with --frames (summary, every:N, backward, lines:A-B, iterations:N, first:N) "
                    + "or raise the limit with --max-frames \(n)"
            case .invalid(let text):
                return "invalid --frames value '\(text)': expected \(FrameSelection.accepted), "
                    + "separated by commas (at most one of summary and every:N)"
            }
        }
    }

    public static let accepted = "all, backward, lines:A-B, iterations:N, iterations:A-B, first:N, summary or every:N"
    /// Frames a lesson may draw unless `--max-frames` says otherwise: enough for a long lesson
    /// drawn step by step (a few hundred frames), few enough to stop a runaway one.
    public static let defaultCap = 1000
    public static let defaultSummaryLimit = 20

    public var filters: [Filter]
    public var cap: Int
    public var summaryLimit: Int

    public init(_ filters: [Filter] = [.summary], cap: Int = FrameSelection.defaultCap,
                summaryLimit: Int = FrameSelection.defaultSummaryLimit) {
        self.filters = filters
        self.cap = cap
        self.summaryLimit = summaryLimit
    }

    /// Parses a `--frames` value such as `backward`, `lines:3-9,first:20`, `every:50`.
    public init(parsing text: String, cap: Int = FrameSelection.defaultCap) throws {
        var filters: [Filter] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let p = String(part).trimmingCharacters(in: " ").lowercased()
            let fields = p.split(separator: ":", maxSplits: 1).map(String.init)
            switch (fields.first ?? "", fields.count) {
            case ("all", 1): filters.append(.all)
            case ("backward", 1): filters.append(.backward)
            case ("summary", 1): filters.append(.summary)
            case ("lines", 2):
                guard let r = FrameSelection.range(fields[1], single: { $0...$0 }) else { throw Failure.invalid(text) }
                filters.append(.lines(r))
            case ("iterations", 2):
                guard let r = FrameSelection.range(fields[1], single: { 1...$0 }) else { throw Failure.invalid(text) }
                filters.append(.iterations(r))
            case ("first", 2):
                guard let n = Int(fields[1]), n >= 1 else { throw Failure.invalid(text) }
                filters.append(.first(n))
            case ("every", 2):
                guard let n = Int(fields[1]), n >= 1 else { throw Failure.invalid(text) }
                filters.append(.every(n))
            default:
                throw Failure.invalid(text)
            }
        }
        let summaries = filters.filter { if case .summary = $0 { return true }; if case .every = $0 { return true }; return false }
        if summaries.count > 1 { throw Failure.invalid(text) }
        self.init(filters, cap: cap)
    }

    private static func range(_ text: String, single: (Int) -> ClosedRange<Int>) -> ClosedRange<Int>? {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        if ends.count == 1, let a = ends[0], a >= 1 { return single(a) }
        if ends.count == 2, let a = ends[0], let b = ends[1], a >= 1, a <= b { return a...b }
        return nil
    }

    var summarising: Bool {
        filters.contains { if case .summary = $0 { return true }; if case .every = $0 { return true }; return false }
    }

    private var iterationRanges: [ClosedRange<Int>] {
        filters.compactMap { if case .iterations(let r) = $0 { return r }; return nil }
    }

    private func step(for run: LoopRun) -> Int {
        for f in filters { if case .every(let n) = f { return n } }
        return LoopRun.summaryStep(count: run.count, limit: summaryLimit)
    }

    /// The steps to draw among `candidates` (event indices that may be frames, ascending), in
    /// trace order; throws `tooManyFrames` above the cap.
    public func picks(_ events: [TraceEvent], candidates: [Int]) throws -> [Pick] {
        let picked = plan(events, candidates: candidates)
        if picked.count > cap { throw Failure.tooManyFrames(selected: picked.count, cap: cap) }
        return picked
    }

    private func plan(_ events: [TraceEvent], candidates: [Int]) -> [Pick] {
        var place: [Int: (run: Int, iteration: Int)] = [:]
        let runs = LoopRun.segment(events)
        // The outermost loops' iterations are what `iterations:` counts outside summarised runs.
        for (r, run) in runs.enumerated() where run.depth == 1 {
            for it in run.iterations { for k in it.events { place[k] = (r, it.number) } }
        }
        var full: [Int: Set<Int>] = [:]
        // A summary stands at the event that ends its iteration: the state after it.
        var summaryAt: [Int: Summary] = [:]
        if summarising {
            let ranges = iterationRanges
            // A long loop is summarised unless a long loop around it already is: a short
            // outer loop (3 epochs) over a long inner one (100 batches) summarises each run
            // of the inner loop.
            var covered: [Range<Int>] = []
            let byDepth = runs.indices.sorted { (runs[$0].depth, runs[$0].events.lowerBound) < (runs[$1].depth, runs[$1].events.lowerBound) }
            for r in byDepth where runs[r].isLong {
                let run = runs[r]
                if covered.contains(where: { $0.lowerBound <= run.events.lowerBound && run.events.upperBound <= $0.upperBound }) { continue }
                covered.append(run.events)
                for it in run.iterations { for k in it.events { place[k] = (r, it.number) } }
                let every = step(for: run)
                let shown = ranges.isEmpty ? [0] : (0..<run.count).filter { n in ranges.allSatisfy { $0.contains(n + 1) } }
                full[r] = Set(shown)
                let wanted = Set(LoopRun.summaryIterations(count: run.count, every: every)).subtracting(shown)
                for it in run.iterations where wanted.contains(it.number) {
                    summaryAt[it.end] = Summary(run: run, iteration: it.number, every: every)
                }
            }
        }
        let limit = filters.compactMap { f -> Int? in if case .first(let n) = f { return n } else { return nil } }.min()
        var picked: [Pick] = []
        let points = Set(candidates).union(summaryAt.keys).sorted()
        for i in points {
            if let limit, picked.count >= limit { break }
            if let s = summaryAt[i] {
                picked.append(Pick(event: i, summary: s))
                continue
            }
            let e = events[i]
            switch e.kind {
            case .iteration, .loopEnd: continue
            default: break
            }
            let at = place[i]
            if let at, let shown = full[at.run] {
                if shown.contains(at.iteration), passes(e, iteration: nil) { picked.append(Pick(event: i)) }
            } else if passes(e, iteration: at?.iteration) {
                picked.append(Pick(event: i))
            }
        }
        return picked
    }

    private func passes(_ e: TraceEvent, iteration: Int?) -> Bool {
        filters.allSatisfy { f in
            switch f {
            case .all, .first, .summary, .every: return true
            case .backward: return FrameSelection.isBackward(e)
            case .lines(let r): return e.context.line.map { r.contains($0) } ?? false
            case .iterations(let r): return iteration.map { r.contains($0 + 1) } ?? true
            }
        }
    }

    public static func isBackward(_ e: TraceEvent) -> Bool {
        switch e.kind {
        case .backwardBegin, .node, .accumulate, .backwardEnd, .hook: return true
        default: return false
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
