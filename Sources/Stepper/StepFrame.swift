/// One step of the step-through: an event, where it happened and what it means.
struct StepFrame {
    /// The event's position in the step-through, from 0.
    var number: Int
    var event: TraceEvent
    /// The explanation, before wrapping.
    var body: [StyledLine]
    /// Set on a summary step: the iteration of a long loop it stands for.
    var summary: FrameSelection.Summary?

    init(number: Int, event: TraceEvent, body: [StyledLine], summary: FrameSelection.Summary? = nil) {
        self.number = number
        self.event = event
        self.body = body
        self.summary = summary
    }

    /// `Step 3/9 · line 10 · The chain rule · pass 2`, or for a summary
    /// `Step 40/52 · summary · iteration 50 of 500 · Training`.
    func header(of count: Int) -> String {
        var parts = ["Step \(number + 1)/\(count)"]
        if let s = summary {
            parts += ["summary", "iteration \(s.iteration + 1) of \(s.run.count)"]
            if let section = event.section { parts.append(section) }
            return parts.joined(separator: " · ")
        }
        if let line = event.line { parts.append("line \(line)") }
        if let section = event.section { parts.append(section) }
        // The first run of a line needs no number; later ones (loops, repeated calls) do.
        if let pass = event.iteration, pass > 0 { parts.append("pass \(pass + 1)") }
        return parts.joined(separator: " · ")
    }

    /// The narration above the statement, as caption lines (none on summary steps).
    var caption: [StyledLine] {
        summary == nil ? event.narration.map { StyledLine("  " + $0, .emphasis) } : []
    }

    /// What a summary step says: where the loop stands, the loss, and its curve so far.
    static func summaryBody(_ s: FrameSelection.Summary) -> [StyledLine] {
        let every = s.every == 1 ? "every iteration" : "every \(s.every) iterations"
        var out = [StyledLine("A long loop: its first iteration was shown step by step; from here one summary step \(every).", .dim)]
        var head = StyledLine("iteration \(s.iteration + 1) of \(s.run.count)", .heading)
        head.append(FrameCaption.lossText(s), .value)
        out.append(head)
        let spark = LossSparkline.line(s.run.losses, count: s.run.count, current: s.iteration)
        if !spark.isEmpty {
            var line = StyledLine("loss ")
            line.append(spark, .formula)
            line.append("  iterations 1–\(s.iteration + 1) of \(s.run.count)", .dim)
            out.append(line)
        }
        out.append(StyledLine("The source line marked is the iteration's last step; the graph stands as it left it.", .dim))
        return out
    }
}

/// The lesson source with line numbers and the current line marked.
struct SourcePane {
    let lines: [String]

    init(source: String) {
        var ls = source.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).replacingTabs.trailingSpacesRemoved
        }
        if ls.last == "" { ls.removeLast() }
        lines = ls
    }

    private var numberWidth: Int { max(String(lines.count).count, 2) }

    /// Lines `range` (1-based), the line `current` marked with `▶`.
    func render(_ range: ClosedRange<Int>, current: Int?) -> [StyledLine] {
        var out: [StyledLine] = []
        for n in range where n >= 1 && n <= lines.count {
            let number = String(repeating: " ", count: numberWidth - String(n).count) + String(n)
            if n == current {
                var l = StyledLine(" ▶ " + number + " │ ", .current)
                l.append(lines[n - 1], .current)
                out.append(l)
            } else {
                var l = StyledLine("   " + number + " │ ", .dim)
                l.append(lines[n - 1])
                out.append(l)
            }
        }
        return out
    }

    /// A window of `height` lines around `current` (the current line a third of the way down).
    func window(around current: Int?, height: Int) -> ClosedRange<Int> {
        guard height > 0, !lines.isEmpty else { return 1...0 }
        let c = min(max(current ?? 1, 1), lines.count)
        var start = c - height / 3
        start = min(start, lines.count - height + 1)
        start = max(start, 1)
        return start...min(start + height - 1, lines.count)
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }).trailingSpacesRemoved
    }

    var replacingTabs: String {
        contains("\t") ? map { $0 == "\t" ? "    " : String($0) }.joined() : self
    }
}
