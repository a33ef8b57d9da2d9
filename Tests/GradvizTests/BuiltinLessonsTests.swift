import Foundation
import Testing

/// The lessons built into the binary (`scripts/embed_lessons.py`) are the ones in `Lessons/`:
/// exported, every file is there byte for byte, and no other.
@Suite struct BuiltinLessonsTests {
    @Test func embeddedLessonsAreCurrent() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gradviz-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["--export-lessons", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lessons = CLIRunner.root.appendingPathComponent("Lessons")
        var shipped: [String] = []
        for sub in ["", "zh/"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: lessons.appendingPathComponent(sub).path)
            shipped += names.filter { $0.hasSuffix(".txt") }.map { sub + $0 }
        }
        #expect(!shipped.isEmpty)
        for name in shipped {
            let expected = try Data(contentsOf: lessons.appendingPathComponent(name))
            let exported = try? Data(contentsOf: dir.appendingPathComponent(name))
            #expect(exported == expected, "\(name): the embedded copy is stale (run python3 scripts/embed_lessons.py)")
        }
        let list = try CLIRunner.run(["--list-lessons"])
        #expect(list.stdout.split(separator: "\n").count == shipped.count)
    }
}
