import Foundation

/// Which trace events become frames, and how many frames are allowed.
///
/// Parsed from the `--frames` value: a comma-separated list of filters, all of
/// which an event must pass — `all`, `backward` (the backward pass: its begin and
/// end, nodes, accumulations, hooks), `lines:A-B` (events of lesson lines A…B),
/// `iterations:N` (events outside loops and in the first N iterations),
/// `first:N` (the first N events that pass the other filters).
public struct FrameSelection: Equatable, Sendable {
    /// One `--frames` filter.
    public enum Filter: Equatable, Sendable {
        case all
        case backward
        case lines(ClosedRange<Int>)
        case iterations(Int)
        case first(Int)
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
                    + "choose fewer with --frames (backward, lines:A-B, iterations:N, first:N) "
                    + "or raise the limit with --max-frames \(n)"
            case .invalid(let text):
                return "invalid --frames value '\(text)': expected all, backward, lines:A-B, iterations:N or first:N, "
                    + "separated by commas"
            }
        }
    }

    /// The default cap on frames per lesson.
    public static let defaultCap = 300

    /// Filters an event must all pass.
    public var filters: [Filter]
    /// At most this many frames; more is an error naming the options that fix it.
    public var cap: Int

    /// A selection from filters, all events by default.
    public init(_ filters: [Filter] = [.all], cap: Int = FrameSelection.defaultCap) {
        self.filters = filters
        self.cap = cap
    }

    /// Parses a `--frames` value such as `backward`, `lines:3-9,first:20`.
    public init(parsing text: String, cap: Int = FrameSelection.defaultCap) throws {
        var filters: [Filter] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let p = part.trimmingCharacters(in: .whitespaces).lowercased()
            let fields = p.split(separator: ":", maxSplits: 1).map(String.init)
            switch (fields.first ?? "", fields.count) {
            case ("all", 1): filters.append(.all)
            case ("backward", 1): filters.append(.backward)
            case ("lines", 2):
                let ends = fields[1].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
                if ends.count == 1, let a = ends[0], a >= 1 {
                    filters.append(.lines(a...a))
                } else if ends.count == 2, let a = ends[0], let b = ends[1], a >= 1, a <= b {
                    filters.append(.lines(a...b))
                } else {
                    throw Failure.invalid(text)
                }
            case ("iterations", 2):
                guard let n = Int(fields[1]), n >= 1 else { throw Failure.invalid(text) }
                filters.append(.iterations(n))
            case ("first", 2):
                guard let n = Int(fields[1]), n >= 1 else { throw Failure.invalid(text) }
                filters.append(.first(n))
            default:
                throw Failure.invalid(text)
            }
        }
        self.init(filters, cap: cap)
    }

    /// Indices of the selected events, ascending; throws `tooManyFrames` above the cap.
    public func select(_ events: [TraceEvent]) throws -> [Int] {
        var picked: [Int] = []
        let limit = filters.compactMap { f -> Int? in if case .first(let n) = f { return n } else { return nil } }.min()
        for (i, e) in events.enumerated() where passes(e) {
            if let limit, picked.count >= limit { break }
            picked.append(i)
        }
        if picked.count > cap { throw Failure.tooManyFrames(selected: picked.count, cap: cap) }
        return picked
    }

    private func passes(_ e: TraceEvent) -> Bool {
        filters.allSatisfy { f in
            switch f {
            case .all, .first: return true
            case .backward: return FrameSelection.backwardKinds.contains(e.kind)
            case .lines(let r): return e.line.map { r.contains($0) } ?? false
            case .iterations(let n): return (e.iteration ?? 0) < n
            }
        }
    }

    static let backwardKinds: Set<TraceEvent.Kind> = [.backwardBegin, .node, .accumulate, .backwardEnd, .hook]
}
