import Foundation
import Testing

/// Standard output that cannot be written ends the run as CPython ends it, never with a
/// trap. The expectations are what `python3 lesson.txt` does (CPython 3.11, default
/// buffering), run by hand: they cannot come from `regen_goldens.py`, which reads
/// standard output through a pipe it keeps open.
@Suite struct StandardStreamTests {
    /// Runs gradviz with standard output `stdout`, standard error to a file; (status, stderr).
    static func run(_ arguments: [String], in dir: URL, stdout: FileHandle) throws -> (Int32, String) {
        let err = dir.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        p.executableURL = CLIRunner.executable
        p.arguments = arguments
        p.currentDirectoryURL = dir
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = stdout
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationReason == .exit, "ended by a signal: \(p.terminationStatus)")
        return (p.terminationStatus, (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    static func lastLine(_ s: String) -> String {
        s.split(separator: "\n").last.map(String.init) ?? ""
    }

    @Test func aFullDeviceAtExitIsAnExceptionIgnoredAndStatus120() throws {
        let s = try Scratch("full")
        defer { s.remove() }
        try s.lesson()
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let (status, err) = try StandardStreamTests.run(["lesson.txt"], in: s.url, stdout: full)
        #expect(status == 120)
        #expect(err.contains("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n"))
        #expect(StandardStreamTests.lastLine(err) == "OSError: [Errno 28] No space left on device")
    }

    @Test func aFullDeviceMidRunIsAnOSErrorAndStatus1() throws {
        let s = try Scratch("fullbig")
        defer { s.remove() }
        try s.write("lesson.txt", "for i in range(5000):\n    print(i)\n")
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let (status, err) = try StandardStreamTests.run(["lesson.txt"], in: s.url, stdout: full)
        #expect(status == 1)
        #expect(StandardStreamTests.lastLine(err) == "OSError: [Errno 28] No space left on device")
    }

    @Test func aClosedPipeIsABrokenPipeErrorAndStatus120() throws {
        let s = try Scratch("pipe")
        defer { s.remove() }
        try s.lesson()
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let (status, err) = try StandardStreamTests.run(["lesson.txt"], in: s.url, stdout: pipe.fileHandleForWriting)
        #expect(status == 120)
        #expect(StandardStreamTests.lastLine(err) == "BrokenPipeError: [Errno 32] Broken pipe")
    }

    @Test func aClosedStandardOutputPrintsNothingAndSucceeds() throws {
        let s = try Scratch("closed")
        defer { s.remove() }
        try s.lesson()
        // CPython sets sys.stdout to None and print does nothing; the trace is still written.
        let r = try CLIRunner.run(["-c", "exec \"$0\" lesson.txt --trace t.jsonl >&-", CLIRunner.executable.path], in: s.url,
                                  shell: true)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(s.read("t.jsonl")?.hasPrefix("{") == true)
    }
}
