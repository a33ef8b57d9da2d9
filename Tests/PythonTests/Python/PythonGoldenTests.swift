import Foundation
import Testing
@testable import Python

/// Runs every pure-Python golden program of `Tests/Goldens/python` and compares stdout, the
/// last stderr line and the exit status with what CPython produced (addresses masked).
@Suite("Python goldens")
struct PythonGoldenTests {
    static let folder: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Goldens/python")

    static let programs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }()

    static func masked(_ s: String) -> String {
        s.replacingOccurrences(of: "0x[0-9a-f]+", with: "0x", options: .regularExpression)
    }

    static func lastNonEmptyLine(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: true).last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map(String.init) ?? ""
    }

    @Test("there are enough golden programs")
    func goldenCount() {
        #expect(PythonGoldenTests.programs.count >= 40)
    }

    @Test("golden program", arguments: PythonGoldenTests.programs)
    func golden(_ program: String) throws {
        let base = PythonGoldenTests.folder.appendingPathComponent(String(program.dropLast(4)))
        let bytes = try Data(contentsOf: PythonGoldenTests.folder.appendingPathComponent(program))
        let source = try PythonSource.decode([UInt8](bytes), fileName: program).get()
        let expectedOut = try String(contentsOf: base.appendingPathExtension("stdout"), encoding: .utf8)
        let expectedErr = try String(contentsOf: base.appendingPathExtension("stderr"), encoding: .utf8)
        let expectedStatus = Int32(try String(contentsOf: base.appendingPathExtension("status"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines))
        var out = ""
        let result = PythonRunner.run(source: source, fileName: program, output: { out += $0 }, observer: nil) { _ in }
        #expect(PythonGoldenTests.masked(out) == PythonGoldenTests.masked(expectedOut), "stdout of \(program)")
        #expect(PythonGoldenTests.masked(PythonGoldenTests.lastNonEmptyLine(result.stderr))
                == PythonGoldenTests.masked(PythonGoldenTests.lastNonEmptyLine(expectedErr)), "stderr of \(program)")
        #expect(result.exitStatus == expectedStatus, "status of \(program)")
    }
}
