import Foundation
import Testing
@testable import Trace

/// Writes the scenario lessons' frames to GRADVIZ_LOOK_DIR for a person to look at.
@Suite struct LookTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["GRADVIZ_LOOK_DIR"] != nil))
    func writeForViewing() throws {
        let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["GRADVIZ_LOOK_DIR"]!)
        let lessons = [
            RenderedLesson(name: "seed", events: try PictureLessons.seed()),
            RenderedLesson(name: "line", events: try PictureLessons.line()),
            RenderedLesson(name: "custom", events: try PictureLessons.custom()),
        ]
        try CourseWriter.write(lessons: lessons, outputs: CourseOutputs(svg: root.appendingPathComponent("svg"),
                                                                         png: root.appendingPathComponent("png"),
                                                                         pdf: root.appendingPathComponent("course.pdf")))
    }
}
