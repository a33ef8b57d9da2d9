/// The terminal step-through of a lesson run: one step per trace event, each
/// with the lesson source (current line marked), the narration, the event in
/// words and, at every backward node, the chain rule written out with the
/// lesson's names and then with the numbers.
///
/// ```swift
/// let stepper = StepThrough(events: recorder.events, source: text, fileName: "lesson1.txt")
/// try stepper.runInteractive()   // full screen on a TTY, the plain transcript otherwise
/// ```
public struct StepThrough {
    /// The lesson's file name, shown in titles.
    public let fileName: String
    let frames: [StepFrame]
    let source: SourcePane

    /// Prepares the steps of `events`, recorded while running `source`: every
    /// event by default, or the frames `selection` picks (with `summary` or
    /// `every:N`, long loops show their first iteration step by step, then one
    /// summary step every N iterations with the loss and a sparkline of it).
    /// The selection's cap does not apply here.
    /// - Complexity: O(n) in the number of events.
    public init(events: [TraceEvent], source: String, fileName: String,
                selection: FrameSelection = FrameSelection([.all], cap: .max)) {
        self.fileName = fileName
        self.source = SourcePane(source: source)
        var unlimited = selection
        unlimited.cap = .max
        let picked = (try? unlimited.frames(events)) ?? events.indices.map { FrameSelection.Frame(event: $0) }
        // Every event is explained, in order: explanations carry state from one event to the next.
        var explainer = EventExplainer(events: events)
        var frames: [StepFrame] = []
        frames.reserveCapacity(picked.count)
        var next = 0
        for (i, e) in events.enumerated() {
            let body = explainer.explain(e)
            while next < picked.count && picked[next].event == i {
                let f = picked[next]
                if let s = f.summary {
                    frames.append(StepFrame(number: frames.count, event: e, body: StepFrame.summaryBody(s), summary: s))
                } else {
                    frames.append(StepFrame(number: frames.count, event: e, body: body))
                }
                next += 1
            }
        }
        self.frames = frames
    }

    /// How many steps there are (one per selected event).
    public var stepCount: Int { frames.count }

    /// Lines of source shown above and below the current line in the transcript.
    static let transcriptContext = (before: 2, after: 1)

    /// The whole step-through as text, every step in order, lines at most
    /// `width` columns (longer formulas wrap, source lines are cut with `…`).
    /// With `color`, ANSI escape codes highlight headings, the current line and formulas.
    public func transcript(color: Bool, width: Int) -> String {
        let width = max(width, 20)
        var out: [StyledLine] = []
        let plural = frames.count == 1 ? "step" : "steps"
        out += StyledLine("gradviz step-through · \(fileName) · \(frames.count) \(plural)", .heading).wrapped(to: width)
        if frames.isEmpty {
            out.append(StyledLine("(the lesson recorded no events: nothing to step through)", .dim))
        }
        for f in frames {
            out.append(StyledLine())
            out.append(rule(f.header(of: frames.count), width: width))
            if let line = f.event.line {
                let c = StepThrough.transcriptContext
                out += source.render((line - c.before)...(line + c.after), current: line)
                    .map { $0.truncated(to: width) }
            }
            if !f.caption.isEmpty {
                out.append(StyledLine())
                out += f.caption.flatMap { $0.wrapped(to: width) }
            }
            out.append(StyledLine())
            out += f.body.flatMap { $0.wrapped(to: width) }
        }
        out.append(StyledLine())
        out.append(StyledLine("end of the step-through", .dim))
        return out.map { $0.rendered(color: color) }.joined(separator: "\n") + "\n"
    }

    /// `── title ─────` filling `width` columns.
    func rule(_ title: String, width: Int) -> StyledLine {
        let text = "── " + title + " "
        let fill = max(width - DisplayWidth.of(text), 0)
        return StyledLine(DisplayWidth.truncate(text + String(repeating: "─", count: fill), to: width), .heading)
    }
}
