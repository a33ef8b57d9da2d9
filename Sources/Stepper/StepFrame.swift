import Trace

/// One step of the step-through: a frame, where it happened and what it means, written out
/// from the frame's ``Explanation`` (the same one the pictures show).
struct StepFrame {
    /// The step's position in the step-through, from 0.
    var number: Int
    var frame: Frame

    /// `Step 3/9 · line 10 · The chain rule · iteration 2`, or for a summary
    /// `Step 40/52 · summary · iteration 50 of 500 · Training`.
    func header(of count: Int, words: StepWords) -> String {
        var parts = [words.step(number + 1, of: count)]
        let x = frame.explanation
        if case .summary(let s) = frame.kind {
            parts += [words.summary, words.iteration(s.iteration + 1, of: s.run.count)]
        } else if let line = x.line {
            parts.append(words.line(line))
        }
        if let section = x.section { parts.append(section) }
        return parts.joined(separator: " · ")
    }

    /// The narration above the statement, as caption lines.
    var caption: [StyledLine] {
        frame.explanation.narration.map { StyledLine("  " + $0, .emphasis) }
    }

    /// The step in words, then the chain rule with the lesson's names and with numbers,
    /// sums of gradients, an error whole, and what the lesson printed.
    var body: [StyledLine] {
        let x = frame.explanation
        var out: [StyledLine] = []
        if !x.heading.isEmpty { out.append(StyledLine(x.heading, .heading)) }
        for d in x.details { out.append(StyledLine("  " + d)) }
        for t in x.chainRule {
            var local = StyledLine("  local     ", .dim)
            local.append(t.local.text, .formula)
            out.append(local)
            var down = StyledLine("  → \(t.input)  ".padding(12), .dim)
            down.append(t.downstream.text, .value)
            out.append(down)
        }
        for s in x.sums {
            var l = StyledLine("  sum       ", .dim)
            l.append(s.text, .value)
            out.append(l)
        }
        if let e = x.error {
            out.append(StyledLine("  \(e.type)" + (e.node.map { " in \($0)" } ?? ""), .current))
            out.append(StyledLine("  " + e.message, .current))
        }
        if let plot = frame.plot {
            out.append(StyledLine("  a figure of \(NumberText.number(plot.width)) × \(NumberText.number(plot.height)) inches (the pictures show it)", .dim))
        }
        if let printed = x.printed, !printed.isEmpty {
            out.append(StyledLine("  output:", .dim))
            for l in printed.split(separator: "\n") { out.append(StyledLine("    " + l)) }
        }
        if case .summary(let s) = frame.kind {
            let spark = LossSparkline.line(s.run.losses, count: s.run.count, current: s.iteration)
            if !spark.isEmpty {
                var line = StyledLine("  loss ")
                line.append(spark, .formula)
                line.append("  iterations 1–\(s.iteration + 1) of \(s.run.count)", .dim)
                out.append(line)
            }
        }
        return out
    }
}

extension String {
    /// The string padded with spaces to `width` display columns.
    func padding(_ width: Int) -> String { DisplayWidth.pad(self, to: width) }
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
