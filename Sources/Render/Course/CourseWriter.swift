import Foundation
import Raster
import Trace

/// What to draw, and how.
public struct CourseOptions: Sendable {
    public var selection: FrameSelection
    /// Pixels per inch of PNG frames: 96 gives the 1920×1080 canvas as is.
    public var pngDPI: Int
    /// `lr` or `tb`; nil chooses per lesson the one that draws the graph larger.
    public var direction: String?
    /// Modules at this depth are drawn as one node each (`--depth`); nil draws every grad_fn.
    public var moduleDepth: Int?
    /// The frames' size in pixels (`--size`; 1920×1080 by default).
    public var width = 1920
    public var height = 1080
    /// The PDF as A4 handout pages, the caption under each picture (`--handout`).
    public var handout = false

    public init(selection: FrameSelection = FrameSelection(), pngDPI: Int = 96, direction: String? = nil, moduleDepth: Int? = nil) {
        self.selection = selection
        self.pngDPI = pngDPI
        self.direction = direction
        self.moduleDepth = moduleDepth
    }
}

/// Where course material goes; any of them may be nil.
public struct CourseOutputs: Sendable {
    public var svg: URL?
    public var png: URL?
    public var pdf: URL?

    public init(svg: URL? = nil, png: URL? = nil, pdf: URL? = nil) {
        self.svg = svg
        self.png = png
        self.pdf = pdf
    }
}

/// What was written.
public struct CourseSummary: Equatable, Sendable {
    public struct Lesson: Equatable, Sendable {
        public var name: String
        public var frames: Int
        public var events: Int
        /// `dot`, `layered` or both.
        public var layout: String
    }

    public var lessons: [Lesson]
}

/// Writes course material: one SVG per frame with an offline player and a manifest, PNG
/// frames, or one PDF. Each output is built next to its destination and swapped in at the
/// end, so a failure leaves the previous output as it was. One lesson writes its frames into
/// the folder itself; several write one subfolder each and a course page.
public enum CourseWriter {
    @discardableResult
    public static func write(lessons: [RenderedLesson], outputs: CourseOutputs, options: CourseOptions = CourseOptions()) throws -> CourseSummary {
        let names = folderNames(lessons.map(\.name))
        let direction = options.direction.flatMap(GraphLayout.Direction.init(rawValue:))
        var summary = CourseSummary(lessons: [])
        try Graphviz.withSession { session in
            let canvas = Size(width: Double(options.width), height: Double(options.height))
            let drawings = try lessons.map {
                try LessonDrawing($0, selection: options.selection, direction: direction, moduleDepth: options.moduleDepth,
                                  canvas: canvas, session: session)
            }
            for (i, d) in drawings.enumerated() {
                summary.lessons.append(.init(name: names[i], frames: d.svgs.count, events: d.lesson.events.count,
                                             layout: d.layout.engines.sorted().joined(separator: "+")))
            }
            let single = lessons.count == 1
            if let dir = outputs.svg {
                try AtomicOutput.replaceDirectory(dir) { root in
                    var entries: [JSONValue] = []
                    var pages: [CoursePage.Lesson] = []
                    for (i, d) in drawings.enumerated() {
                        let folder = single ? root : root.appendingPathComponent(names[i])
                        if !single { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false) }
                        let files = d.svgs.indices.map { "frame-\(pad4($0 + 1)).svg" }
                        for (k, svg) in d.svgs.enumerated() { try Data(svg.utf8).write(to: folder.appendingPathComponent(files[k])) }
                        let manifest = Manifest.lesson(d, files: files)
                        try Data((manifest.text + "\n").utf8).write(to: folder.appendingPathComponent("manifest.json"))
                        let language = Manifest.language(d.lesson)
                        let html = PlayerPage.lesson(manifest: manifest, svgs: d.svgs, title: d.lesson.title, language: language,
                                                     course: single ? nil : "../index.html")
                        try Data(html.utf8).write(to: folder.appendingPathComponent("index.html"))
                        entries.append(.object(["name": .string(names[i]), "title": .string(d.lesson.title),
                                                "frames": .int(d.svgs.count), "index": .string("\(names[i])/index.html"),
                                                "language": .string(language)]))
                        pages.append(CoursePage.Lesson(index: "\(names[i])/index.html", title: d.lesson.title, language: language,
                                                       frames: d.svgs.count, sections: Manifest.sectionFrames(d)))
                    }
                    if !single {
                        let course = JSONValue.object(["schema": .string("gradviz-course"), "version": .int(Manifest.version),
                                                       "lessons": .array(entries)])
                        try Data((course.text + "\n").utf8).write(to: root.appendingPathComponent("manifest.json"))
                        try Data(CoursePage.html(pages).utf8).write(to: root.appendingPathComponent("index.html"))
                    }
                }
            }
            if let dir = outputs.png {
                let scale = Double(options.pngDPI) / 96
                let width = Int((canvas.width * scale).rounded()), height = Int((canvas.height * scale).rounded())
                let threads = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
                let images = try drawings.map { try Raster.pngs($0.svgs, width: width, height: height, threads: threads) }
                try AtomicOutput.replaceDirectory(dir) { root in
                    for (i, d) in drawings.enumerated() {
                        let folder = single ? root : root.appendingPathComponent(names[i])
                        if !single { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false) }
                        let files = d.svgs.indices.map { "frame-\(pad4($0 + 1)).png" }
                        for (k, png) in images[i].enumerated() { try png.write(to: folder.appendingPathComponent(files[k])) }
                        let manifest = Manifest.lesson(d, files: files)
                        try Data((manifest.text + "\n").utf8).write(to: folder.appendingPathComponent("manifest.json"))
                    }
                }
            }
            if let file = outputs.pdf {
                // One page size for the whole document: the slide at 72 points per 144 pixels (a 1920×1080
                // frame is a 13.33 × 7.5 inch slide), or A4 handout pages with the caption under the picture.
                let pdf: Data
                if options.handout {
                    let pages = try lessons.map {
                        try LessonDrawing($0, selection: options.selection, direction: direction, moduleDepth: options.moduleDepth,
                                          canvas: LessonDrawing.a4, handout: true, session: session).svgs
                    }
                    pdf = try Raster.pdf(pages: pages.flatMap { $0 }, pageWidth: 595.28, pageHeight: 841.89)
                } else {
                    pdf = try Raster.pdf(pages: drawings.flatMap(\.svgs), pageWidth: canvas.width / 2, pageHeight: canvas.height / 2)
                }
                try AtomicOutput.replaceFile(file, data: pdf)
            }
        }
        return summary
    }

    /// `name`s made safe and unique as folder names (`lesson1.txt` → `lesson1`).
    static func folderNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { raw in
            var stem = raw
            for ext in [".txt", ".py", ".ipynb"] where stem.hasSuffix(ext) && stem.count > ext.count { stem.removeLast(ext.count) }
            var base = String(stem.map { c -> Character in
                c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".") ? c : "-"
            })
            while base.hasPrefix(".") { base.removeFirst() }
            if base.isEmpty { base = "lesson" }
            var name = base
            var k = 2
            while used.contains(name) {
                name = "\(base)-\(k)"
                k += 1
            }
            used.insert(name)
            return name
        }
    }

    static func pad4(_ n: Int) -> String {
        let s = String(n)
        return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
    }
}
