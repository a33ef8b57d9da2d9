extension FrameCaption {
    /// The caption of a summary frame: which iteration of how many, the loss now
    /// and at the start, and what the picture shows.
    static func summaryRows(_ s: FrameSelection.Summary, at k: Int, events: [TraceEvent]) -> [LabelRow] {
        let e = events[k]
        var rows: [LabelRow] = []
        if let section = e.section, !section.isEmpty { rows.append(LabelRow(PictureText.clip(section, 70), .heading)) }
        let n = s.run.count
        let every = s.every == 1 ? "every iteration" : "every \(s.every) iterations"
        rows.append(LabelRow("a long loop: its first iteration step by step, then one frame \(every)", .narration))
        rows.append(LabelRow("iteration \(s.iteration + 1) of \(n)\(lossText(s))", .title))
        if let lines = lineRange(s.run, events: events) {
            rows.append(LabelRow(PictureText.clip("\(lines): the graph after the iteration's last step", columns), .output))
        }
        return rows
    }

    /// `· loss 0.01234 (iteration 1: 0.4567)`, or a note that there is no loss.
    static func lossText(_ s: FrameSelection.Summary) -> String {
        guard let now = s.loss else {
            return s.run.losses.isEmpty ? " · no loss: no backward() of a one-element tensor in the loop" : ""
        }
        var text = " · loss \(TensorSnapshot.number(now))"
        if let first = s.firstLoss, first.iteration < s.iteration {
            text += " (iteration \(first.iteration + 1): \(TensorSnapshot.number(first.loss)))"
        }
        return text
    }

    /// `12–17`: the lesson lines of the loop's first iteration.
    static func lineRange(_ run: LoopRun, events: [TraceEvent]) -> String? {
        guard let first = run.iterations.first else { return nil }
        let lines = events[first.events].compactMap(\.line)
        guard let lo = lines.min(), let hi = lines.max() else { return nil }
        return lo == hi ? "line \(lo)" : "lines \(lo)–\(hi)"
    }
}
