import Python
import Trace

/// One lesson's recorded run, ready to be drawn.
public struct RenderedLesson: Sendable {
    /// The lesson's folder name in a course (`lesson1`).
    public var name: String
    /// The title shown in players and the course page.
    public var title: String
    public var source: String
    public var outline: LessonOutline
    public var events: [TraceEvent]
    public var scenes: [Int: Scene]
    /// The language of generated text (`en`, `zh`); nil follows the lesson.
    public var language: String?

    /// `title` defaults to the lesson's first section, else `name`.
    public init(name: String, title: String? = nil, source: String, outline: LessonOutline, events: [TraceEvent],
                scenes: [Int: Scene], language: String? = nil) {
        self.name = name
        self.title = title ?? outline.title ?? name
        self.source = source
        self.outline = outline
        self.events = events
        self.scenes = scenes
        self.language = language
    }
}
