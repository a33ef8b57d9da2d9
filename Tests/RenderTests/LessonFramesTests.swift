import Foundation
import Testing
@testable import Render
import Torch
import Trace

/// The frames of the shipped lessons as written by the course writer: well-formed SVG, every
/// text at least 18 px on the 1920×1080 canvas, and a node that stays in the picture keeps its
/// place on screen while the view does not move.
@Suite struct LessonFramesTests {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test(arguments: (1...12).map { "Lessons/lesson\($0).txt" } + ["Lessons/zh/lesson2.txt", "Lessons/zh/lesson8.txt", "Benchmarks/mlp_sin.txt"])
    func framesAreLegibleAndStill(_ path: String) throws {
        let source = try String(contentsOf: LessonFramesTests.root.appendingPathComponent(path), encoding: .utf8)
        let run = LessonRunner.run(source: source, fileName: path, output: { _ in }, record: true,
                                   scenes: .forSelection(FrameSelection()))
        let lesson = RenderedLesson(name: "lesson", source: source, outline: run.outline, events: run.events, scenes: run.scenes)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gradviz-frames-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try CourseWriter.write(lessons: [lesson], outputs: CourseOutputs(svg: dir))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("manifest.json"))) as? [String: Any]
        let frames = try #require(manifest?["frames"] as? [[String: Any]])
        var previous: (view: [Double], nodes: [String: String])?
        var checkedPairs = 0
        for f in frames {
            let file = try #require(f["file"] as? String)
            let svg = try #require(SVGInspector.parse(Data(contentsOf: dir.appendingPathComponent(file))), "\(path) \(file) is not well-formed")
            let small = svg.fontSizes.filter { $0 < 17.995 }
            #expect(small.isEmpty, "\(path) \(file): text smaller than 18 px: \(small.prefix(5))")
            let view = ((f["view"] as? [String: Any])?["rect"] as? [Double]) ?? []
            let nodes = Dictionary(svg.nodes.compactMap { n in n.origin.map { (n.id, $0) } }, uniquingKeysWith: { a, _ in a })
            if let p = previous, p.view == view {
                for (id, origin) in nodes where p.nodes[id] != nil {
                    #expect(p.nodes[id] == origin, "\(path) \(file): node \(id) moved from \(p.nodes[id]!) to \(origin)")
                    checkedPairs += 1
                }
            }
            previous = (view, nodes)
        }
        #expect(checkedPairs > 0 || frames.count < 3)
    }
}
