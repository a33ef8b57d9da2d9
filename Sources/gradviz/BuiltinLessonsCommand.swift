import Foundation
import Python

/// `--list-lessons` and `--export-lessons DIR`: the lessons embedded in the binary.
enum BuiltinLessonsCommand {
    /// A lesson's title: its first section, from its outline.
    static func title(of text: String) -> String {
        LessonOutline.of(source: text)?.title ?? ""
    }

    static func list() {
        for lesson in BuiltinLessons.all {
            print("\(lesson.name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(title(of: lesson.text))")
        }
    }

    /// Writes every built-in lesson under `dir` (keeping Lessons/'s layout), never
    /// replacing a file that is already there.
    static func export(to dir: String) throws {
        let root = URL(fileURLWithPath: dir)
        let fm = FileManager.default
        let existing = BuiltinLessons.all.map { root.appendingPathComponent($0.name) }.filter { fm.fileExists(atPath: $0.path) }
        if let first = existing.first {
            throw CLIError("not exporting: '\(first.path)' already exists (\(existing.count) of the \(BuiltinLessons.all.count) lesson files would be replaced)")
        }
        do {
            for lesson in BuiltinLessons.all {
                let url = root.appendingPathComponent(lesson.name)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(lesson.text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw CLIError("cannot export lessons to '\(dir)': \(error.localizedDescription)")
        }
        print("exported \(BuiltinLessons.all.count) lessons to \(root.path)")
    }
}
