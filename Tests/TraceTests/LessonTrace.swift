import Foundation
import Python
import Torch
import Trace

/// Runs lesson source with the recorder and returns what it recorded.
enum LessonTrace {
    static func run(_ source: String, scenes: ScenePolicy = .all) -> LessonRun {
        LessonRunner.run(source: source, fileName: "lesson.txt", output: { _ in }, record: true, scenes: scenes)
    }

    /// The repository's root folder.
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func lesson(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}
