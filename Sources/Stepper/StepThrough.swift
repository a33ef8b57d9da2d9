import Trace

/// The terminal step-through of a lesson run: one step per frame, each
/// with the lesson source (current line marked), the narration, the event in
/// words and, at every backward node, the chain rule written out with the
/// lesson's names and then with the numbers.
///
/// ```swift
/// let stepper = StepThrough(plan: plan, source: text, fileName: "lesson1.txt")
/// try stepper.runInteractive()   // full screen on a TTY, the plain transcript otherwise
/// ```
public struct StepThrough {
    /// The lesson's file name, shown in titles.
    public let fileName: String
    let frames: [StepFrame]
    let source: SourcePane
    /// The step-through's own words, in the language of the plan's explanations.
    let words: StepWords

    /// The steps of `plan` (the same frames and explanations the pictures show, without
    /// the title frame), for the lesson `source`.
    /// - Complexity: O(n) in the number of frames.
    public init(plan: FramePlan, source: String, fileName: String) {
        self.fileName = fileName
        self.source = SourcePane(source: source)
        words = StepWords(language: plan.language)
        var frames: [StepFrame] = []
        for f in plan.frames where f.kind != .title {
            frames.append(StepFrame(number: frames.count, frame: f))
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
        out += StyledLine(words.title(fileName, steps: frames.count), .heading).wrapped(to: width)
        if frames.isEmpty {
            out.append(StyledLine(words.nothingToStep, .dim))
        }
        for f in frames {
            out.append(StyledLine())
            out.append(rule(f.header(of: frames.count, words: words), width: width))
            if let line = f.frame.explanation.line {
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
        out.append(StyledLine(words.end, .dim))
        return out.map { $0.rendered(color: color) }.joined(separator: "\n") + "\n"
    }

    /// `── title ─────` filling `width` columns.
    func rule(_ title: String, width: Int) -> StyledLine {
        let text = "── " + title + " "
        let fill = max(width - DisplayWidth.of(text), 0)
        return StyledLine(DisplayWidth.truncate(text + String(repeating: "─", count: fill), to: width), .heading)
    }
}
