import Foundation
import Testing

/// The command line never writes over its input, never replaces what it did not write,
/// and replaces nothing unless every output was made.
@Suite struct OutputSafetyTests {
    static func expectRefused(_ r: CLIRunner.Result, _ words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 2, "status \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(words), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, "refused before the lesson runs", sourceLocation: sourceLocation)
    }

    @Test func theLessonIsNeverAnOutput() throws {
        let s = try Scratch("self")
        defer { s.remove() }
        try s.lesson()
        let before = s.read("lesson.txt")
        OutputSafetyTests.expectRefused(try CLIRunner.run(["lesson.txt", "--pdf", "lesson.txt"], in: s.url), "it is the lesson being run")
        try FileManager.default.createSymbolicLink(atPath: s.path("link.jsonl"), withDestinationPath: "lesson.txt")
        OutputSafetyTests.expectRefused(try CLIRunner.run(["lesson.txt", "--trace", "link.jsonl"], in: s.url), "it is the lesson being run")
        try FileManager.default.linkItem(atPath: s.path("lesson.txt"), toPath: s.path("hard.jsonl"))
        OutputSafetyTests.expectRefused(try CLIRunner.run(["lesson.txt", "--trace", "hard.jsonl"], in: s.url), "it is the lesson being run")
        OutputSafetyTests.expectRefused(try CLIRunner.run(["lesson.txt", "--svg", "."], in: s.url), "it holds the lesson")
        #expect(s.read("lesson.txt") == before)
        #expect(s.list() == ["hard.jsonl", "lesson.txt", "link.jsonl"])
    }

    @Test func outputsMayNotShareAPath() throws {
        let s = try Scratch("clash")
        defer { s.remove() }
        try s.lesson()
        OutputSafetyTests.expectRefused(try CLIRunner.run(["lesson.txt", "--svg", "out", "--png", "out"], in: s.url), "both name")
        OutputSafetyTests.expectRefused(try CLIRunner.run(["lesson.txt", "--svg", "out", "--png", "./x/../out/"], in: s.url), "both name")
        OutputSafetyTests.expectRefused(try CLIRunner.run(["lesson.txt", "--svg", "out", "--trace", "out/t.jsonl"], in: s.url),
                                        "lies inside the --svg folder")
        #expect(s.list() == ["lesson.txt"])
    }

    @Test func aFolderOfSomebodysFilesIsNeverReplaced() throws {
        let s = try Scratch("foreign")
        defer { s.remove() }
        try s.lesson()
        try s.write("app/manifest.json", "{}")
        try s.write("app/src/app.js", "main()")
        OutputSafetyTests.expectRefused(try CLIRunner.run(["lesson.txt", "--svg", "app"], in: s.url), "gradviz did not write")
        #expect(s.read("app/src/app.js") == "main()")
        // Gradviz output with a file added by hand is kept too.
        #expect(try CLIRunner.run(["lesson.txt", "--svg", "out"], in: s.url).status == 0)
        try s.write("out/notes.txt", "mine")
        OutputSafetyTests.expectRefused(try CLIRunner.run(["lesson.txt", "--svg", "out"], in: s.url), "notes.txt")
        #expect(s.read("out/notes.txt") == "mine")
        #expect(s.list() == ["app", "lesson.txt", "out"])
    }

    @Test func nothingIsReplacedWhenALaterOutputFails() throws {
        let s = try Scratch("late")
        defer { s.remove() }
        try s.lesson()
        try s.write("t.jsonl", "old trace")
        let r = try CLIRunner.run(["lesson.txt", "--trace", "t.jsonl", "--svg", "out", "--frames", "all", "--max-frames", "2"], in: s.url)
        #expect(r.status == 2)
        #expect(s.read("t.jsonl") == "old trace", "the trace waits for the frames")
        #expect(s.list() == ["lesson.txt", "t.jsonl"])
    }

    @Test func pathsAreResolvedByTheFilesystem() throws {
        let s = try Scratch("resolve")
        defer { s.remove() }
        try s.lesson()
        try FileManager.default.createDirectory(atPath: s.path("real/deep"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: s.path("link"), withDestinationPath: "real/deep")
        let r = try CLIRunner.run(["lesson.txt", "--svg", "link/../out", "--trace", "link/t.jsonl"], in: s.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(s.list("real").contains("out") && s.list("real/deep") == ["t.jsonl"])
        #expect(s.list() == ["lesson.txt", "link", "real"])
    }

    @Test func aLinkGivenAsTheTraceIsFollowed() throws {
        let s = try Scratch("link")
        defer { s.remove() }
        try s.lesson()
        try s.write("keep/trace.jsonl", "old")
        try FileManager.default.createSymbolicLink(atPath: s.path("t.jsonl"), withDestinationPath: "keep/trace.jsonl")
        #expect(try CLIRunner.run(["lesson.txt", "--trace", "t.jsonl"], in: s.url).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: s.path("t.jsonl"))
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(s.read("keep/trace.jsonl")?.hasPrefix("{") == true)
    }

    @Test(.enabled(if: getuid() == 0, "making a device node needs root"))
    func aDeviceGivenAsAnOutputIsWrittenInto() throws {
        let s = try Scratch("device")
        defer { s.remove() }
        try s.lesson()
        // Our own /dev/null and /dev/full (devices 1:3 and 1:7), never the system's.
        #expect(mknod(s.path("null"), S_IFCHR | 0o666, 0x103) == 0)
        #expect(mknod(s.path("full"), S_IFCHR | 0o666, 0x107) == 0)
        #expect(try CLIRunner.run(["lesson.txt", "--trace", "null", "--pdf", "null"], in: s.url).status == 0)
        let full = try CLIRunner.run(["lesson.txt", "--trace", "full"], in: s.url)
        #expect(full.status == 2 && full.stderr.contains("[Errno 28] No space left on device"))
        for name in ["null", "full"] {
            let type = try FileManager.default.attributesOfItem(atPath: s.path(name))[.type] as? FileAttributeType
            #expect(type == .typeCharacterSpecial)
        }
    }

    @Test func staleTemporariesOfKilledRunsAreSwept() throws {
        let s = try Scratch("sweep")
        defer { s.remove() }
        try s.lesson()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        try s.write(".out.gradviz-new-\(p.processIdentifier)/frame-0001.svg", "half")
        try s.write(".t.jsonl.gradviz-new-\(p.processIdentifier)", "half")
        #expect(try CLIRunner.run(["lesson.txt", "--svg", "out", "--trace", "t.jsonl"], in: s.url).status == 0)
        #expect(s.list() == ["lesson.txt", "out", "t.jsonl"])
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalWhileDrawingLeavesNothingBehind(_ sig: Int32) throws {
        let s = try Scratch("signal")
        defer { s.remove() }
        try s.lesson("Lessons/lesson9.txt")
        #expect(try CLIRunner.run(["lesson.txt", "--svg", "out", "--frames", "first:2"], in: s.url).status == 0)
        let before = s.list("out")
        let p = Process()
        p.executableURL = CLIRunner.executable
        p.arguments = ["lesson.txt", "--svg", "out", "--frames", "all", "--max-frames", "100000"]
        p.currentDirectoryURL = s.url
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try Scratch.withSignalsUnblocked { try p.run() }
        let temp = ".out.gradviz-new-\(p.processIdentifier)"
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline && p.isRunning && !s.list(temp).contains("frame-0002.svg") { usleep(5_000) }
        #expect(p.isRunning, "the run ended before it could be interrupted")
        kill(p.processIdentifier, sig)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal && p.terminationStatus == sig)
        #expect(s.list() == ["lesson.txt", "out"], "no temporary folder is left")
        let after = s.list("out")
        #expect(after == before, "the previous output is as it was (\(after.count) entries, \(before.count) before)")
    }
}
