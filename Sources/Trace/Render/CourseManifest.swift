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
        /// The event kind as in the trace (`forward`, `node`, …).
        public var kind: String
        /// The lesson line, loop iteration and section of the event.
        public var line: Int?
        public var iteration: Int?
        public var section: String?
        /// The caption in plain text, one line per row.
        public var caption: String
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
