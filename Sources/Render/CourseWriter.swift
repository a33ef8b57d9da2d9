import Foundation

/// One lesson's trace, ready to be drawn.
public struct RenderedLesson: Sendable {
    /// The lesson's folder name in a course: `lesson1.txt` writes `lesson1/`; unsafe characters become `-`.
    public var name: String
    /// The title shown in players and the course page.
    public var title: String
    /// The lesson's trace, as the recorder made it.
    public var events: [TraceEvent]

    /// `title` defaults to the lesson's first `## Section`, else `name`.
    public init(name: String, title: String? = nil, events: [TraceEvent]) {
        self.name = name
        self.title = title ?? events.lazy.compactMap(\.section).first ?? name
        self.events = events
    }
}

/// What to draw and how many frames to allow.
public struct CourseOptions: Sendable {
    /// Which events become frames, and the cap.
    public var selection: FrameSelection
    /// Pixels per inch of PNG frames (a frame 10 inches wide at 110 is 1100 pixels wide).
    public var pngDPI: Int

    /// All events (up to the default cap) and 110 pixels per inch.
    public init(selection: FrameSelection = FrameSelection(), pngDPI: Int = 110) {
        self.selection = selection
        self.pngDPI = pngDPI
    }
}

/// Where course material goes; any of them may be nil.
public struct CourseOutputs: Sendable {
    /// A folder for SVG frames, `index.html` and `manifest.json`.
    public var svg: URL?
    /// A folder for PNG frames (and `manifest.json`).
    public var png: URL?
    /// One PDF file with a page per frame.
    public var pdf: URL?

    /// The outputs to write; nil ones are skipped.
    public init(svg: URL? = nil, png: URL? = nil, pdf: URL? = nil) {
        self.svg = svg
        self.png = png
        self.pdf = pdf
    }
}

/// What was written.
public struct CourseSummary: Equatable, Sendable {
    /// One lesson: its folder name, frames drawn, events traced, and the layout used.
    public struct Lesson: Equatable, Sendable {
        public var name: String
        public var frames: Int
        public var events: Int
        /// `dot`, or `layered` for graphs too large for `dot`.
        public var layout: String
    }

    /// The lessons in the order given.
    public var lessons: [Lesson]
    /// Wall-clock seconds spent laying out and rendering.
    public var seconds: Double

    /// Equal when the same lessons were drawn, however long it took.
    public static func == (a: CourseSummary, b: CourseSummary) -> Bool { a.lessons == b.lessons }
}

/// Writes course material: one frame per selected trace event as SVG (with an
/// offline player and a manifest), PNG or a multi-page PDF.
///
/// Each output is atomic: it is built next to its destination and swapped in at
/// the end, so a failure (a Graphviz error, too many frames) leaves the previous
/// output as it was. One lesson writes its frames into the folder itself; several
/// write one subfolder each and a course `index.html`.
public enum CourseWriter {
    /// Writes the SVG frames, `index.html` and `manifest.json` of `lessons` into `dir`.
    @discardableResult
    public static func write(lessons: [RenderedLesson], to dir: URL, options: CourseOptions = CourseOptions()) throws -> CourseSummary {
        try write(lessons: lessons, outputs: CourseOutputs(svg: dir), options: options)
    }

    /// Writes every requested output; each lesson is laid out once for all of them.
    @discardableResult
    public static func write(lessons: [RenderedLesson], outputs: CourseOutputs, options: CourseOptions = CourseOptions()) throws -> CourseSummary {
        let start = Date()
        let names = folderNames(lessons.map(\.name))
        // Select first: an over-long lesson fails before anything is drawn.
        let selections = try lessons.map { try options.selection.frames($0.events) }
        var summary = CourseSummary(lessons: [], seconds: 0)
        try Graphviz.withSession { session in
            let pictures = try lessons.indices.map {
                try LessonPictures(events: lessons[$0].events, frames: selections[$0], session: session)
            }
            for (i, p) in pictures.enumerated() {
                summary.lessons.append(.init(name: names[i], frames: selections[i].count, events: p.events.count, layout: p.layout.engine))
            }
            let single = lessons.count == 1
            if let dir = outputs.svg {
                try AtomicOutput.replaceDirectory(dir) { root in
                    try writeFolders(root: root, single: single, lessons: lessons, names: names, html: true) { i, folder in
                        try writeLesson(pictures[i], lesson: lessons[i], name: names[i], selected: selections[i],
                                        folder: folder, format: "svg", inCourse: !single, session: session, extra: [:])
                    }
                }
            }
            if let dir = outputs.png {
                try AtomicOutput.replaceDirectory(dir) { root in
                    try writeFolders(root: root, single: single, lessons: lessons, names: names, html: false) { i, folder in
                        try writeLesson(pictures[i], lesson: lessons[i], name: names[i], selected: selections[i],
                                        folder: folder, format: "png", inCourse: !single, session: session,
                                        extra: ["dpi": .number(Double(options.pngDPI))])
                    }
                }
            }
            if let file = outputs.pdf {
                var pages: [Data] = []
                for (i, p) in pictures.enumerated() {
                    try p.frames(selections[i]) { _, dot, _ in
                        pages.append(try session.render(dot, engine: "nop2", format: "pdf:cairo"))
                    }
                }
                try AtomicOutput.replaceFile(file, data: try PDFPages.merge(pages))
            }
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// `name`s made safe and unique as folder names (`lesson1.txt` → `lesson1`).
    static func folderNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { raw in
            var stem = raw
            for ext in [".txt", ".py"] where stem.hasSuffix(ext) && stem.count > ext.count { stem.removeLast(ext.count) }
            var base = String(stem.map { c -> Character in
                c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".") ? c : "-"
            })
            while base.hasPrefix(".") { base.removeFirst() }
            if base.isEmpty { base = "lesson" }
            var name = base
            var n = 2
            while used.contains(name) {
                name = "\(base)-\(n)"
                n += 1
            }
            used.insert(name)
            return name
        }
    }

    private static func writeFolders(root: URL, single: Bool, lessons: [RenderedLesson], names: [String], html: Bool,
                                     _ lesson: (Int, URL) throws -> Int) throws {
        if single {
            _ = try lesson(0, root)
            return
        }
        var course = CourseManifest(lessons: [])
        for i in lessons.indices {
            let folder = root.appendingPathComponent(names[i])
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            let frames = try lesson(i, folder)
            course.lessons.append(.init(name: names[i], title: lessons[i].title, frames: frames, index: "\(names[i])/index.html"))
        }
        try encode(course).write(to: root.appendingPathComponent("manifest.json"))
        if html { try Data(PlayerHTML.course(course).utf8).write(to: root.appendingPathComponent("index.html")) }
    }

    private static func writeLesson(_ p: LessonPictures, lesson: RenderedLesson, name: String, selected: [FrameSelection.Frame], folder: URL,
                                    format: String, inCourse: Bool, session: Graphviz.Session,
                                    extra: DOTWriter.Attributes) throws -> Int {
        var manifest = LessonManifest(lesson: name, title: lesson.title, events: p.events.count, frames: [])
        try p.frames(selected, extraGraph: extra) { f, dot, caption in
            let number = manifest.frames.count + 1
            let file = "frame-\(pad4(number)).\(format)"
            // Raster frames always come from the cairo renderer, whatever else is installed.
            let renderer = format == "png" ? "png:cairo" : format
            try session.render(dot, engine: "nop2", format: renderer).write(to: folder.appendingPathComponent(file))
            let e = p.events[f.event]
            var frame = LessonManifest.Frame(file: file, frame: number, event: f.event, kind: e.kind.rawValue, line: e.line,
                                             iteration: e.iteration, section: e.section, caption: caption)
            if let s = f.summary {
                frame.kind = LessonManifest.Frame.summaryKind
                frame.iteration = s.run.firstIteration + s.iteration
                frame.summary = .init(s)
            }
            manifest.frames.append(frame)
        }
        try encode(manifest).write(to: folder.appendingPathComponent("manifest.json"))
        if format == "svg" {
            let html = try PlayerHTML.player(title: lesson.title,
                                             frames: manifest.frames.map { .init(file: $0.file, caption: $0.caption) },
                                             course: inCourse ? "../index.html" : nil)
            try Data(html.utf8).write(to: folder.appendingPathComponent("index.html"))
        }
        return manifest.frames.count
    }

    private static func pad4(_ n: Int) -> String {
        let s = String(n)
        return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
    }

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try enc.encode(value) + Data("\n".utf8)
    }
}
