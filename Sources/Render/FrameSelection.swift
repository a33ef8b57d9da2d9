import Foundation

/// Which trace events become frames, which frames summarise loop iterations,
/// and how many frames are allowed.
///
/// Parsed from the `--frames` value: a comma-separated list of filters, all of
/// which an event must pass —
///
/// - `all`: every event (the behaviour before summaries: each iteration in full);
/// - `backward`: the backward pass (its begin and end, nodes, accumulations, hooks);
/// - `lines:A-B` or `lines:A`: events of lesson lines A…B;
/// - `iterations:N`: events outside loops and in the first N iterations of each loop;
/// - `iterations:A-B`: events outside loops and in iterations A…B (counted from 1);
/// - `first:N`: the first N frames that pass the other filters;
/// - `summary`: long loops (more than `LoopRun.longLoop` iterations) show their
///   first iteration in full, then one summary frame every N iterations and at
///   the last, N being the smallest of 1, 2, 5, 10, 20, 50, … that gives at most
///   `summaryLimit` summaries; shorter loops keep every frame;
/// - `every:N`: as `summary`, with a summary every N iterations.
///
/// With `summary` or `every:N`, an `iterations` filter names the iterations of
/// long loops shown in full (the others may be summarised), and `lines` and
/// `backward` filter only full frames. The default is `summary`.
///
/// A summary frame stands at the last event of its iteration (the state after
/// the update) and carries the loop's losses for the chart.
public struct FrameSelection: Equatable, Sendable {
    /// One `--frames` filter.
    public enum Filter: Equatable, Sendable {
        case all
        case backward
        case lines(ClosedRange<Int>)
        /// Iterations counted from 1, in every loop.
        case iterations(ClosedRange<Int>)
        case first(Int)
        /// Summaries of long loops, the step chosen from `summaryLimit`.
        case summary
        /// Summaries of long loops every N iterations.
        case every(Int)
    }

    /// One frame to draw: an event, drawn in full or as a summary of its iteration.
    public struct Frame: Equatable, Sendable {
        /// Index of the event in the trace.
        public var event: Int
        /// Set for a summary frame.
        public var summary: Summary?

        /// A full frame of `event`, or a summary frame.
        public init(event: Int, summary: Summary? = nil) {
            self.event = event
            self.summary = summary
        }
    }

    /// What a summary frame stands for: an iteration of a long loop.
    public struct Summary: Equatable, Sendable {
        /// The loop run, with every iteration's loss.
        public var run: LoopRun
        /// The iteration, 0-based within the run.
        public var iteration: Int
        /// Summaries come every this many iterations.
        public var every: Int

        /// The loss at `iteration`, if it has one.
        public var loss: Double? { run.iterations.last { $0.number == iteration }?.loss }
        /// The first loss of the run.
        public var firstLoss: (iteration: Int, loss: Double)? { run.losses.first }
    }

    /// A selection that names too many frames, or a `--frames` value that does not parse.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case tooManyFrames(selected: Int, cap: Int)
        case invalid(String)

        /// The message for the command line, naming the options that help.
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

    /// The accepted forms, as error messages list them.
    public static let accepted = "all, backward, lines:A-B, iterations:N, iterations:A-B, first:N, summary or every:N"

    /// The default cap on frames per lesson.
    public static let defaultCap = 300
    /// The default largest number of summary frames per long loop with `summary`.
    public static let defaultSummaryLimit = 20

    /// Filters an event must all pass.
    public var filters: [Filter]
    /// At most this many frames; more is an error naming the options that fix it.
    public var cap: Int
    /// With `summary`: at most this many summary frames per long loop.
    public var summaryLimit: Int

    /// A selection from filters, by default `summary`.
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
            let p = part.trimmingCharacters(in: .whitespaces).lowercased()
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

    /// `A-B` (1 ≤ A ≤ B) or a single number made into a range by `single`.
    private static func range(_ text: String, single: (Int) -> ClosedRange<Int>) -> ClosedRange<Int>? {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        if ends.count == 1, let a = ends[0], a >= 1 { return single(a) }
        if ends.count == 2, let a = ends[0], let b = ends[1], a >= 1, a <= b { return a...b }
        return nil
    }

    /// Indices of the selected events, ascending; throws `tooManyFrames` above the cap.
    public func select(_ events: [TraceEvent]) throws -> [Int] {
        try frames(events).map(\.event)
    }

    /// The frames to draw, in trace order; throws `tooManyFrames` above the cap.
    /// - Complexity: O(n) in the number of events.
    public func frames(_ events: [TraceEvent]) throws -> [Frame] {
        let picked = plan(events)
        if picked.count > cap { throw Failure.tooManyFrames(selected: picked.count, cap: cap) }
        return picked
    }

    /// Every summary step this selection uses, one per long loop (empty without summaries).
    public func summarySteps(_ events: [TraceEvent]) -> [Int] {
        guard summarising else { return [] }
        return LoopRun.segment(events).filter(\.isLong).map(step(for:))
    }

    private var summarising: Bool {
        filters.contains { if case .summary = $0 { return true }; if case .every = $0 { return true }; return false }
    }

    private var iterationRanges: [ClosedRange<Int>] {
        filters.compactMap { if case .iterations(let r) = $0 { return r }; return nil }
    }

    private func step(for run: LoopRun) -> Int {
        for f in filters { if case .every(let n) = f { return n } }
        return LoopRun.summaryStep(count: run.count, limit: summaryLimit)
    }

    private func plan(_ events: [TraceEvent]) -> [Frame] {
        // Per event inside a loop: its run and iteration (0-based within the run).
        var place = [(run: Int, iteration: Int)?](repeating: nil, count: events.count)
        let runs = LoopRun.segment(events)
        for (r, run) in runs.enumerated() {
            for it in run.iterations { for k in it.events { place[k] = (r, it.number) } }
        }
        // Per long run when summarising: iterations in full, and the summary at an iteration's last event.
        var full: [Int: Set<Int>] = [:]
        var summaryAt: [Int: Summary] = [:]
        if summarising {
            let ranges = iterationRanges
            for (r, run) in runs.enumerated() where run.isLong {
                let every = step(for: run)
                let shown = ranges.isEmpty ? [0] : (0..<run.count).filter { n in ranges.allSatisfy { $0.contains(n + 1) } }
                full[r] = Set(shown)
                let wanted = Set(LoopRun.summaryIterations(count: run.count, every: every)).subtracting(shown)
                for it in run.iterations where wanted.contains(it.number) {
                    summaryAt[it.events.upperBound - 1] = Summary(run: run, iteration: it.number, every: every)
                }
            }
        }
        let limit = filters.compactMap { f -> Int? in if case .first(let n) = f { return n } else { return nil } }.min()
        var picked: [Frame] = []
        for (i, e) in events.enumerated() {
            if let limit, picked.count >= limit { break }
            let at = place[i]
            if let at, let shown = full[at.run] {
                if shown.contains(at.iteration) {
                    if passes(e, iteration: nil) { picked.append(Frame(event: i)) }
                } else if let s = summaryAt[i] {
                    picked.append(Frame(event: i, summary: s))
                }
            } else if passes(e, iteration: at?.iteration) {
                picked.append(Frame(event: i))
            }
        }
        return picked
    }

    /// Whether `e` passes the filters; `iteration` (0-based within its run) is nil outside loops
    /// and when the iteration was already decided.
    private func passes(_ e: TraceEvent, iteration: Int?) -> Bool {
        filters.allSatisfy { f in
            switch f {
            case .all, .first, .summary, .every: return true
            case .backward: return FrameSelection.backwardKinds.contains(e.kind)
            case .lines(let r): return e.line.map { r.contains($0) } ?? false
            case .iterations(let r): return iteration.map { r.contains($0 + 1) } ?? true
            }
        }
    }

    static let backwardKinds: Set<TraceEvent.Kind> = [.backwardBegin, .node, .accumulate, .backwardEnd, .hook]
}
