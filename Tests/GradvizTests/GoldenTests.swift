import Foundation
import Testing

/// Every golden lesson program runs under `gradviz` with the stdout, last stderr line and
/// exit status real PyTorch produced (`scripts/regen_goldens.py`); object addresses may differ.
@Suite struct GoldenTests {
    /// Golden folders, relative to the repository: every suite under `Tests/Goldens` (but
    /// `python`, whose programs run in-process in `PythonTests`) and the shipped lessons.
    static var suites: [String] {
        let goldens = CLIRunner.root.appendingPathComponent("Tests/Goldens")
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: goldens.path)) ?? [])
            .filter { name in
                var isDir: ObjCBool = false
                return name != "python"
                    && FileManager.default.fileExists(atPath: goldens.appendingPathComponent(name).path, isDirectory: &isDir)
                    && isDir.boolValue
            }
        return folders.sorted().map { "Tests/Goldens/\($0)" } + ["Lessons", "Lessons/zh"]
    }

    static var programs: [String] {
        suites.flatMap { suite -> [String] in
            let dir = CLIRunner.root.appendingPathComponent(suite)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.filter { $0.hasSuffix(".txt") }
                .filter { FileManager.default.fileExists(atPath: dir.appendingPathComponent(String($0.dropLast(4)) + ".stdout").path) }
                .map { "\(suite)/\($0)" }
        }.sorted()
    }

    /// Programs of a suite that gradviz does not yet run as PyTorch does, from the suite's
    /// `known_differences.txt` (`NNN_name.txt: why`): expected to differ, and flagged
    /// once they stop differing so the list stays true.
    static func knownDifference(_ program: String) -> String? {
        let file = CLIRunner.root.appendingPathComponent(program)
        let list = file.deletingLastPathComponent().appendingPathComponent("known_differences.txt")
        guard let text = try? String(contentsOf: list, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(file.lastPathComponent + ":") {
            return String(line.dropFirst(file.lastPathComponent.count + 1)).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    static func masked(_ s: String) -> String {
        s.replacingOccurrences(of: "0x[0-9a-f]+", with: "0x…", options: .regularExpression)
    }

    @Test func thereAreGoldens() {
        #expect(GoldenTests.programs.count >= 200)
    }

    @Test(arguments: GoldenTests.programs)
    func matchesPyTorch(_ program: String) throws {
        let file = CLIRunner.root.appendingPathComponent(program)
        let base = file.deletingPathExtension()
        let expectedOut = try String(contentsOf: base.appendingPathExtension("stdout"), encoding: .utf8)
        let expectedErr = try String(contentsOf: base.appendingPathExtension("stderr"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let pythonStatus = Int32(try String(contentsOf: base.appendingPathExtension("status"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        // Python died by signal N (-N, an uncaught KeyboardInterrupt); gradviz never dies by a
        // signal and exits with 128 + N, what a shell reports for it.
        let expectedStatus = pythonStatus < 0 ? 128 - pythonStatus : pythonStatus
        // A fresh folder per run, as scripts/regen_goldens.py runs Python: files the program
        // writes (savefig) go away with it.
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gradviz-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.copyItem(at: file, to: work.appendingPathComponent(file.lastPathComponent))
        let r = try CLIRunner.run([file.lastPathComponent], in: work)
        let lastErr = r.stderr.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let same = GoldenTests.masked(r.stdout) == GoldenTests.masked(expectedOut)
            && GoldenTests.masked(lastErr) == GoldenTests.masked(expectedErr) && r.status == expectedStatus
        if let reason = GoldenTests.knownDifference(program) {
            #expect(!same, "\(program) now matches PyTorch: take it off known_differences.txt (\(reason))")
            return
        }
        #expect(GoldenTests.masked(r.stdout) == GoldenTests.masked(expectedOut), "stdout of \(program)")
        #expect(GoldenTests.masked(lastErr) == GoldenTests.masked(expectedErr), "last stderr line of \(program)")
        #expect(r.status == expectedStatus, "exit status of \(program)")
    }
}
