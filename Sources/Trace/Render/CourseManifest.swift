/// `manifest.json` of a lesson's frames: each frame's file, event and caption.
public struct LessonManifest: Codable, Equatable, Sendable {
    /// One frame of the lesson.
    public struct Frame: Codable, Equatable, Sendable {
        /// The file name, `frame-0001.svg`.
        public var file: String
        /// 1-based frame number.
        public var frame: Int
        /// 0-based index of the trace event (`TraceEvent.index`).
        public var event: Int
        /// The event kind as in the trace (`forward`, `node`, …), or `summary` for a summary frame.
        public var kind: String
        /// The lesson line, loop iteration (0-based, as in the trace) and section of the event.
        public var line: Int?
        public var iteration: Int?
        public var section: String?
        /// The caption in plain text, one line per row.
        public var caption: String
        /// Set on summary frames: where in the loop they stand and the loss.
        public var summary: SummaryInfo?

        /// `kind` of a summary frame.
        public static let summaryKind = "summary"

        /// A frame of one event; `summary` is nil for full frames.
        public init(file: String, frame: Int, event: Int, kind: String, line: Int?, iteration: Int?, section: String?,
                    caption: String, summary: SummaryInfo? = nil) {
            self.file = file
            self.frame = frame
            self.event = event
            self.kind = kind
            self.line = line
            self.iteration = iteration
            self.section = section
            self.caption = caption
            self.summary = summary
        }
    }

    /// What a summary frame summarises.
    public struct SummaryInfo: Codable, Equatable, Sendable {
        /// The iteration, counted from 1 as users count, and how many the loop ran.
        public var iteration: Int
        public var iterations: Int
        /// Summary frames come every this many iterations.
        public var every: Int
        /// The loss at this iteration and at the loop's first iteration with one, if recorded.
        public var loss: Double?
        public var firstLoss: Double?

        init(_ s: FrameSelection.Summary) {
            iteration = s.iteration + 1
            iterations = s.run.count
            every = s.every
            loss = s.loss.flatMap { $0.isFinite ? $0 : nil }
            firstLoss = s.firstLoss.flatMap { $0.loss.isFinite ? $0.loss : nil }
        }
    }

    /// Always `gradviz`: marks the folder as replaceable output.
    public var generator = "gradviz"
    /// The lesson's folder name and title.
    public var lesson: String
    public var title: String
    /// How many events the trace has (frames may be a selection of them).
    public var events: Int
    /// The frames in order.
    public var frames: [Frame]
}

/// `manifest.json` of a course: its lessons and where their players are.
public struct CourseManifest: Codable, Equatable, Sendable {
    /// One lesson of the course: its folder, title and frame count.
    public struct Lesson: Codable, Equatable, Sendable {
        public var name: String
        public var title: String
        public var frames: Int
        /// The lesson's player, relative to the course folder.
        public var index: String
    }

    /// Always `gradviz`.
    public var generator = "gradviz"
    /// The lessons in the order given.
    public var lessons: [Lesson]
}
