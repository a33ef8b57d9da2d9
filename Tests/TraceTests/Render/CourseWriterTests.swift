import Foundation
import Testing
@testable import Trace

/// Course folders: well-formed SVG frames, the player, the manifest, stable
/// positions, byte-identical reruns and atomic replacement.
@Suite struct CourseWriterTests {
    static func scratch(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("gradviz-pictures-\(ProcessInfo.processInfo.processIdentifier)-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func manifest(_ dir: URL) throws -> LessonManifest {
        try JSONDecoder().decode(LessonManifest.self, from: Data(contentsOf: dir.appendingPathComponent("manifest.json")))
    }

    static func frames(_ dir: URL) throws -> [SVGInspector] {
        try manifest(dir).frames.map { f in
            let data = try Data(contentsOf: dir.appendingPathComponent(f.file))
            return try #require(SVGInspector.parse(data), "\(f.file) is not well-formed XML")
        }
    }

    @Test func seedFramesShowTheGraphAndTheGradientArrivingAtX() throws {
        let root = try CourseWriterTests.scratch("seed")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let events = try PictureLessons.seed()
        let summary = try CourseWriter.write(lessons: [RenderedLesson(name: "seed", events: events)], to: out)
        #expect(summary.lessons == [.init(name: "seed", frames: events.count, events: events.count, layout: "dot")])

        let manifest = try CourseWriterTests.manifest(out)
        #expect(manifest.frames.count == events.count)
        #expect(manifest.frames.map(\.file) == (1...events.count).map { String(format: "frame-%04d.svg", $0) })
        #expect(manifest.frames.map(\.kind) == events.map(\.kind.rawValue))
        #expect(manifest.title == "The chain rule")

        let svgs = try CourseWriterTests.frames(out)
        let last = try #require(svgs.last)
        let words = Set(last.nodes.flatMap(\.texts))
        for name in ["x", "y", "z", "MulBackward0", "AccumulateGrad"] { #expect(words.contains(name), "\(name)") }

        let model = GraphModel(events: events)
        let xSlot = try #require(model.vertices.first { $0.title == "x" }).slot
        let accumulate = try #require(manifest.frames.firstIndex { $0.kind == "accumulate" })
        let x = try #require(svgs[accumulate].node(titled: xSlot))
        #expect(x.texts.contains("grad: None + 24 = 24"))
        // The gradient 24 arrives on the edge from AccumulateGrad … and stays on x afterwards.
        let accEdge = try #require(svgs[accumulate].edges.first { $0.id.hasPrefix("variable_") })
        #expect(accEdge.texts.map { $0.trimmingCharacters(in: .whitespaces) } == ["24"])
        #expect(try #require(svgs.last?.node(titled: xSlot)).texts.contains("grad: 24"))
        #expect(svgs[accumulate].allText.contains("AccumulateGrad: x.grad = None + 24 = 24"))
    }

    /// What each kind of event adds to the picture, read back from the SVG frames.
    @Test func eventsAreDrawn() throws {
        let root = try CourseWriterTests.scratch("drawn")
        defer { try? FileManager.default.removeItem(at: root) }
        func frames(_ name: String, _ events: [TraceEvent]) throws -> (LessonManifest, [SVGInspector]) {
            let out = root.appendingPathComponent(name)
            try CourseWriter.write(lessons: [RenderedLesson(name: name, events: events)], to: out)
            return (try CourseWriterTests.manifest(out), try CourseWriterTests.frames(out))
        }
        func texts(_ svg: SVGInspector, _ title: String) -> [String] {
            svg.nodes.filter { $0.texts.first == title }.flatMap(\.texts)
        }

        // Seed: the node being applied shows its incoming gradient and local derivative;
        // after backward its saved tensors are marked freed.
        let (seed, seedSVG) = try frames("seed", try PictureLessons.seed())
        let node = try #require(seed.frames.lastIndex { $0.kind == "node" })
        #expect(texts(seedSVG[node], "MulBackward0").contains("grad in: 12"))
        #expect(texts(seedSVG[node], "MulBackward0").contains("∂y/∂x = other = 2"))
        let end = try #require(seed.frames.firstIndex { $0.kind == "backward_end" })
        #expect(texts(seedSVG[end], "MulBackward0").filter { $0 == "saved tensors freed" }.count == 2)

        // Training loop: zeroed gradients, an update in place under no_grad.
        let (line, lineSVG) = try frames("line", try PictureLessons.line())
        let zero = try #require(line.frames.firstIndex { $0.kind == "zero_grad" })
        #expect(texts(lineSVG[zero], "w").contains("grad: -14 → 0"))
        let update = try #require(line.frames.firstIndex { $0.caption.contains("in place: w changes") })
        #expect(texts(lineSVG[update], "w").contains("0.5 → 1.9"))

        // Custom Function: what ctx saved; no_grad: not recorded.
        let (_, customSVG) = try frames("custom", try PictureLessons.custom())
        let last = try #require(customSVG.last)
        #expect(texts(last, "SquareBackward").contains("ctx.saved_tensors[0] = [1, -2]"))
        #expect(texts(last, "d").contains("not recorded (no_grad)"))

        // A 10×10 tensor: its shape and a summary instead of its values.
        let (_, largeSVG) = try frames("large", try PictureLessons.large())
        let w = texts(try #require(largeSVG.last), "W")
        #expect(w.contains("shape [10, 10]"))
        #expect(w.contains("min 0 · max 99") && w.contains("mean 49.5"))
    }

    @Test func positionsAreStableAcrossFrames() throws {
        let root = try CourseWriterTests.scratch("stable")
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, events) in [("seed", try PictureLessons.seed()), ("line", try PictureLessons.line())] {
            let out = root.appendingPathComponent(name)
            try CourseWriter.write(lessons: [RenderedLesson(name: name, events: events)], to: out)
            let svgs = try CourseWriterTests.frames(out)
            #expect(Set(svgs.map(\.graphTransform)).count == 1, "\(name): the canvas moved")
            var seen: [String: (x: Double, y: Double)] = [:]
            var checked = 0
            for svg in svgs {
                for n in svg.nodes {
                    guard let c = n.center else {
                        #expect(n.title == "__caption")
                        continue
                    }
                    if let first = seen[n.title] {
                        #expect(Swift.abs(first.x - c.x) < 0.01 && Swift.abs(first.y - c.y) < 0.01, "\(name): \(n.title) moved")
                        checked += 1
                    } else {
                        seen[n.title] = c
                    }
                }
            }
            #expect(checked > 20)
        }
    }

    @Test func rerunsAreByteIdentical() throws {
        let root = try CourseWriterTests.scratch("rerun")
        defer { try? FileManager.default.removeItem(at: root) }
        let lessons = [RenderedLesson(name: "seed", events: try PictureLessons.seed()),
                       RenderedLesson(name: "custom", events: try PictureLessons.custom())]
        for run in ["a", "b"] {
            try CourseWriter.write(lessons: lessons, outputs: CourseOutputs(
                svg: root.appendingPathComponent("svg-\(run)"), png: root.appendingPathComponent("png-\(run)"),
                pdf: root.appendingPathComponent("course-\(run).pdf")))
        }
        let fm = FileManager.default
        for kind in ["svg", "png"] {
            let a = root.appendingPathComponent("\(kind)-a"), b = root.appendingPathComponent("\(kind)-b")
            let files = try fm.subpathsOfDirectory(atPath: a.path).sorted()
            #expect(files == (try fm.subpathsOfDirectory(atPath: b.path)).sorted())
            for f in files {
                var isDir: ObjCBool = false
                _ = fm.fileExists(atPath: a.appendingPathComponent(f).path, isDirectory: &isDir)
                if isDir.boolValue { continue }
                #expect(try Data(contentsOf: a.appendingPathComponent(f)) == Data(contentsOf: b.appendingPathComponent(f)), "\(kind)/\(f)")
            }
        }
        #expect(try Data(contentsOf: root.appendingPathComponent("course-a.pdf")) == Data(contentsOf: root.appendingPathComponent("course-b.pdf")))
    }

    @Test func selectionDecidesTheFrames() throws {
        let root = try CourseWriterTests.scratch("select")
        defer { try? FileManager.default.removeItem(at: root) }
        let events = try PictureLessons.line()
        let backward = events.filter { FrameSelection.backwardKinds.contains($0.kind) }.count
        let out = root.appendingPathComponent("out")
        try CourseWriter.write(lessons: [RenderedLesson(name: "line", events: events)], to: out,
                               options: CourseOptions(selection: try FrameSelection(parsing: "backward")))
        let m = try CourseWriterTests.manifest(out)
        #expect(m.frames.count == backward)
        #expect(m.events == events.count)
        #expect(m.frames.allSatisfy { ["backward_begin", "node", "accumulate", "backward_end", "hook"].contains($0.kind) })
        #expect(try CourseWriterTests.frames(out).count == backward)

        try CourseWriter.write(lessons: [RenderedLesson(name: "line", events: events)], to: out,
                               options: CourseOptions(selection: try FrameSelection(parsing: "iterations:1,lines:7-9")))
        let firstPass = try CourseWriterTests.manifest(out)
        #expect(!firstPass.frames.isEmpty)
        #expect(firstPass.frames.allSatisfy { ($0.iteration ?? 0) == 0 && (7...9).contains($0.line ?? 0) })
    }

    @Test func failureLeavesThePreviousOutputIntact() throws {
        let root = try CourseWriterTests.scratch("atomic")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let seed = [RenderedLesson(name: "seed", events: try PictureLessons.seed())]
        try CourseWriter.write(lessons: seed, to: out)
        let before = try Data(contentsOf: out.appendingPathComponent("manifest.json"))

        // Too many frames: refused before anything is drawn.
        #expect(throws: FrameSelection.Failure.tooManyFrames(selected: 9, cap: 3)) {
            try CourseWriter.write(lessons: seed, to: out, options: CourseOptions(selection: FrameSelection(cap: 3)))
        }
        // A failure halfway through building the new folder.
        struct Halfway: Error {}
        #expect(throws: Halfway.self) {
            try AtomicOutput.replaceDirectory(out) { temp in
                try Data("partial".utf8).write(to: temp.appendingPathComponent("frame-0001.svg"))
                throw Halfway()
            }
        }
        #expect(try Data(contentsOf: out.appendingPathComponent("manifest.json")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
    }

    @Test func refusesToReplaceAFolderThatIsNotGradvizOutput() throws {
        let root = try CourseWriterTests.scratch("refuse")
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: false)
        try Data("mine".utf8).write(to: notes.appendingPathComponent("todo.txt"))
        #expect(throws: AtomicOutput.Failure.self) {
            try CourseWriter.write(lessons: [RenderedLesson(name: "seed", events: try PictureLessons.seed())], to: notes)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path) == ["todo.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["notes"])
    }

    @Test func severalLessonsMakeACourse() throws {
        let root = try CourseWriterTests.scratch("course")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("course")
        try CourseWriter.write(lessons: [RenderedLesson(name: "lesson1.txt", events: try PictureLessons.seed()),
                                         RenderedLesson(name: "lesson2.txt", events: try PictureLessons.custom())], to: out)
        let course = try JSONDecoder().decode(CourseManifest.self, from: Data(contentsOf: out.appendingPathComponent("manifest.json")))
        #expect(course.lessons.map(\.name) == ["lesson1", "lesson2"])
        #expect(course.lessons.map(\.title) == ["The chain rule", "自定义函数 Custom Function"])
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"lesson1/index.html\"") && index.contains("自定义函数 Custom Function"))
        for l in course.lessons {
            let folder = out.appendingPathComponent(l.name)
            #expect(try CourseWriterTests.manifest(folder).frames.count == l.frames)
            let player = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(player.contains("href=\"../index.html\""))
        }
    }

    @Test func lessonsWithoutAGraph() throws {
        let root = try CourseWriterTests.scratch("nograph")
        defer { try? FileManager.default.removeItem(at: root) }
        var printed = TraceEvent(index: 0, kind: .print, line: 1, source: "print('hello')")
        printed.text = "hello\n"
        try CourseWriter.write(lessons: [RenderedLesson(name: "empty", events: [])], to: root.appendingPathComponent("empty"))
        #expect(try CourseWriterTests.manifest(root.appendingPathComponent("empty")).frames.isEmpty)
        try CourseWriter.write(lessons: [RenderedLesson(name: "print", events: [printed])], to: root.appendingPathComponent("print"))
        let svg = try #require(try CourseWriterTests.frames(root.appendingPathComponent("print")).first)
        #expect(svg.allText.contains("hello"))
    }

    @Test func awkwardTextIsEscaped() throws {
        let root = try CourseWriterTests.scratch("escape")
        defer { try? FileManager.default.removeItem(at: root) }
        var e = TraceEvent(index: 0, kind: .print, line: 1, source: "print(\"<b>&amp;</b>\\n\")", section: "A & B <C>",
                           narration: ["x < y && y > z, \"quoted\", back\\slash, tab\there, emoji 🙂, {braces}"])
        e.text = "<b>&amp;</b>\n]] > </script>\n"
        try CourseWriter.write(lessons: [RenderedLesson(name: "escape", events: [e])], to: root.appendingPathComponent("out"))
        let svg = try #require(try CourseWriterTests.frames(root.appendingPathComponent("out")).first)
        #expect(svg.allText.contains("A & B <C>"))
        #expect(svg.allText.contains("<b>&amp;</b>"))
        #expect(svg.allText.contains("x < y && y > z, \"quoted\", back\\slash, tab here, emoji 🙂, {braces}"))
        let html = try String(contentsOf: root.appendingPathComponent("out/index.html"), encoding: .utf8)
        #expect(!html.contains("</script>\\n") && html.components(separatedBy: "</script>").count == 3)
    }

    @Test func playerIsOffline() throws {
        let root = try CourseWriterTests.scratch("player")
        defer { try? FileManager.default.removeItem(at: root) }
        try CourseWriter.write(lessons: [RenderedLesson(name: "seed", events: try PictureLessons.seed())], to: root.appendingPathComponent("out"))
        let html = try String(contentsOf: root.appendingPathComponent("out/index.html"), encoding: .utf8)
        #expect(!html.contains("http:") && !html.contains("https:") && !html.contains("<link"))
        #expect(html.contains("ArrowRight") && html.contains("ArrowLeft"))
        #expect(html.contains("<span id=\"counter\">1 / 9</span>"))
        #expect(html.contains("\"file\":\"frame-0009.svg\""))
    }

    @Test func cjkNarrationIsSetInAFontListThatCoversIt() throws {
        let root = try CourseWriterTests.scratch("cjk")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try CourseWriter.write(lessons: [RenderedLesson(name: "custom", events: try PictureLessons.custom())], to: out)
        let first = try #require(try CourseWriterTests.frames(out).first)
        #expect(first.allText.contains("自定义函数 Custom Function"))
        #expect(first.allText.contains("叶子张量 a：需要梯度"))
        #expect(first.fontFamilies.contains { $0.contains("Noto Sans CJK SC") })
    }

    @Test func pdfHasOnePagePerFrame() throws {
        let root = try CourseWriterTests.scratch("pdf")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("seed.pdf")
        let events = try PictureLessons.seed()
        try CourseWriter.write(lessons: [RenderedLesson(name: "seed", events: events)], outputs: CourseOutputs(pdf: file))
        let pdf = try Data(contentsOf: file)
        #expect(try PDFCheck.pageCount(pdf) == events.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["seed.pdf"])
    }

    @Test func pngFramesAreImages() throws {
        let root = try CourseWriterTests.scratch("png")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("png")
        let events = try PictureLessons.seed()
        try CourseWriter.write(lessons: [RenderedLesson(name: "seed", events: events)], outputs: CourseOutputs(png: out))
        let m = try CourseWriterTests.manifest(out)
        #expect(m.frames.count == events.count)
        for f in m.frames {
            let data = try Data(contentsOf: out.appendingPathComponent(f.file))
            #expect(Array(data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        }
    }
}
