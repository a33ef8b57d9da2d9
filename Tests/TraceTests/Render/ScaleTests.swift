import Foundation
import Testing
@testable import Trace

/// The 3,000-op chain (1,000 × `y = y + 0.001 * torch.sin(y)`, then backward):
/// laid out without dot's quadratic phases, drawn with frames selected or capped.
@Suite struct ScaleTests {
    @Test func threeThousandOpChainRendersSelectedFrames() throws {
        let events = try PictureLessons.chain(1000)
        #expect(events.filter { $0.kind == .node }.count == 3000)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gradviz-scale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let lesson = [RenderedLesson(name: "chain", events: events)]

        // Capped: refused with the options that fix it, nothing written. The loop of 1,000
        // iterations is summarised; the 3,000-node backward pass after it is not.
        let selected = try FrameSelection(cap: .max).select(events).count
        #expect(selected > 3000 && selected < events.count)
        #expect(throws: FrameSelection.Failure.tooManyFrames(selected: selected, cap: FrameSelection.defaultCap)) {
            try CourseWriter.write(lessons: lesson, to: root.appendingPathComponent("capped"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)

        let selection = try FrameSelection(parsing: "backward,first:3")
        let summary = try CourseWriter.write(lessons: lesson, to: root.appendingPathComponent("out"),
                                             options: CourseOptions(selection: selection))
        #expect(summary.lessons.first?.layout == "layered")
        #expect(summary.lessons.first?.frames == 3)
        let m = try CourseWriterTests.manifest(root.appendingPathComponent("out"))
        #expect(m.frames.map(\.kind) == ["backward_begin", "node", "node"])
        let svg = try #require(SVGInspector.parse(Data(contentsOf: root.appendingPathComponent("out/frame-0003.svg"))))
        #expect(svg.nodes.count > 3000)
        print("3,000-op chain: \(events.count) events, 3 frames in \(String(format: "%.1f", summary.seconds)) s")
    }
}
