import Foundation
import Testing
@testable import Render

/// What an output may replace, and how: only what gradviz wrote, never the user's
/// files, devices written into rather than replaced, all outputs of a run or none.
@Suite struct AtomicOutputTests {
    static func build(_ files: [String: String]) -> (URL) throws -> Void {
        { dir in
            for (name, text) in files {
                let url = dir.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }
    }

    @Test func aWrittenFolderListsItsFilesAndIsReplacedNextTime() throws {
        let s = try OutputScratch("marker")
        defer { s.remove() }
        let out = URL(fileURLWithPath: s.path("out"))
        try AtomicOutput.replaceDirectory(out, build: AtomicOutputTests.build(["a.svg": "1", "sub/b.svg": "2"]))
        #expect(s.list("out") == [AtomicOutput.marker, "a.svg", "sub"])
        let marker = try #require(s.read("out/\(AtomicOutput.marker)"))
        #expect(marker.split(separator: "\n").dropFirst() == ["a.svg", "sub", "sub/b.svg"])
        try AtomicOutput.replaceDirectory(out, build: AtomicOutputTests.build(["c.svg": "3"]))
        #expect(s.list("out") == [AtomicOutput.marker, "c.svg"])
        #expect(s.list() == ["out"], "no temporary is left beside the output")
    }

    @Test func aFolderWithOtherFilesIsNeverReplaced() throws {
        let s = try OutputScratch("foreign")
        defer { s.remove() }
        // Somebody's project that happens to hold a manifest.json.
        try s.write("app/manifest.json", "{}")
        try s.write("app/src/app.js", "main()")
        let app = URL(fileURLWithPath: s.path("app"))
        #expect(throws: AtomicOutput.Failure.self) {
            try AtomicOutput.replaceDirectory(app, build: AtomicOutputTests.build(["frame-0001.svg": "x"]))
        }
        #expect(s.read("app/src/app.js") == "main()")
        #expect(s.list() == ["app"])
        // A gradviz folder into which someone saved a file of their own is not replaced either.
        let out = URL(fileURLWithPath: s.path("out"))
        try AtomicOutput.replaceDirectory(out, build: AtomicOutputTests.build(["a.svg": "1"]))
        try s.write("out/notes.txt", "mine")
        #expect(throws: AtomicOutput.Failure.self) {
            try AtomicOutput.replaceDirectory(out, build: AtomicOutputTests.build(["a.svg": "2"]))
        }
        #expect(s.read("out/notes.txt") == "mine" && s.read("out/a.svg") == "1")
        // An empty folder may be filled.
        try FileManager.default.createDirectory(atPath: s.path("empty"), withIntermediateDirectories: false)
        try AtomicOutput.replaceDirectory(URL(fileURLWithPath: s.path("empty")), build: AtomicOutputTests.build(["a.svg": "1"]))
        #expect(s.read("empty/a.svg") == "1")
    }

    @Test func aFileKeepsItsPermissionsAndAFolderIsNotAFile() throws {
        let s = try OutputScratch("file")
        defer { s.remove() }
        try s.write("t.jsonl", "old")
        chmod(s.path("t.jsonl"), 0o640)
        try AtomicOutput.replaceFile(URL(fileURLWithPath: s.path("t.jsonl")), data: Data("new".utf8))
        #expect(s.read("t.jsonl") == "new")
        var st = stat()
        stat(s.path("t.jsonl"), &st)
        #expect(st.st_mode & 0o777 == 0o640)
        try FileManager.default.createDirectory(atPath: s.path("dir"), withIntermediateDirectories: false)
        #expect(throws: AtomicOutput.Failure.self) {
            try AtomicOutput.replaceFile(URL(fileURLWithPath: s.path("dir")), data: Data("x".utf8))
        }
        #expect(s.list() == ["dir", "t.jsonl"])
    }

    @Test func aLinkIsFollowedNotReplaced() throws {
        let s = try OutputScratch("link")
        defer { s.remove() }
        try s.write("keep/trace.jsonl", "old")
        try s.symlink("t.jsonl", to: "keep/trace.jsonl")
        try AtomicOutput.replaceFile(URL(fileURLWithPath: s.path("t.jsonl")), data: Data("new".utf8))
        #expect(OutputPath.kind(atPath: s.path("t.jsonl")) == .symbolicLink)
        #expect(s.read("keep/trace.jsonl") == "new")
    }

    @Test func aPipeIsWrittenIntoNotReplaced() throws {
        let s = try OutputScratch("fifo")
        defer { s.remove() }
        #expect(mkfifo(s.path("fifo"), 0o600) == 0)
        let reader = Thread {
            let fd = open(s.path("fifo"), O_RDONLY)
            var buf = [UInt8](repeating: 0, count: 64)
            let n = read(fd, &buf, buf.count)
            close(fd)
            try? Data(buf[0..<max(n, 0)]).write(to: URL(fileURLWithPath: s.path("got")))
        }
        reader.start()
        try AtomicOutput.replaceFile(URL(fileURLWithPath: s.path("fifo")), data: Data("through".utf8))
        for _ in 0..<500 where s.read("got") == nil { usleep(10_000) }
        #expect(s.read("got") == "through")
        #expect(OutputPath.kind(atPath: s.path("fifo")) == .fifo)
    }

    @Test(.enabled(if: getuid() == 0, "making a device node needs root"))
    func aCharacterDeviceIsWrittenIntoNotReplaced() throws {
        let s = try OutputScratch("device")
        defer { s.remove() }
        // Our own /dev/null and /dev/full (devices 1:3 and 1:7, as glibc encodes them), never the system's.
        #expect(mknod(s.path("null"), S_IFCHR | 0o666, 0x103) == 0)
        #expect(mknod(s.path("full"), S_IFCHR | 0o666, 0x107) == 0)
        try AtomicOutput.replaceFile(URL(fileURLWithPath: s.path("null")), data: Data("x".utf8))
        #expect(OutputPath.kind(atPath: s.path("null")) == .characterDevice)
        #expect(throws: AtomicOutput.Failure(description: "cannot write \(s.path("full")): [Errno 28] No space left on device")) {
            try AtomicOutput.replaceFile(URL(fileURLWithPath: s.path("full")), data: Data("x".utf8))
        }
        #expect(OutputPath.kind(atPath: s.path("full")) == .characterDevice)
        #expect(s.list() == ["full", "null"])
    }

    @Test func allOutputsOfATransactionOrNone() throws {
        let s = try OutputScratch("transaction")
        defer { s.remove() }
        try s.write("t.jsonl", "old trace")
        let out = URL(fileURLWithPath: s.path("out"))
        try AtomicOutput.replaceDirectory(out, build: AtomicOutputTests.build(["a.svg": "old"]))
        struct Late: Error {}
        // The trace is built first, then the folder fails: neither is replaced.
        #expect(throws: Late.self) {
            try OutputTransaction.perform {
                try AtomicOutput.replaceFile(URL(fileURLWithPath: s.path("t.jsonl")), data: Data("new trace".utf8))
                try AtomicOutput.replaceDirectory(out) { _ in throw Late() }
            }
        }
        #expect(s.read("t.jsonl") == "old trace" && s.read("out/a.svg") == "old")
        #expect(s.list() == ["out", "t.jsonl"])
        // Until the body returns, nothing is replaced; then everything is.
        try OutputTransaction.perform {
            try AtomicOutput.replaceFile(URL(fileURLWithPath: s.path("t.jsonl")), data: Data("new trace".utf8))
            try AtomicOutput.replaceDirectory(out, build: AtomicOutputTests.build(["a.svg": "new"]))
            #expect(s.read("t.jsonl") == "old trace" && s.read("out/a.svg") == "old")
        }
        #expect(s.read("t.jsonl") == "new trace" && s.read("out/a.svg") == "new")
        #expect(s.list() == ["out", "t.jsonl"])
    }

    @Test func aFailedSwapPutsBackTheOutputsSwappedBeforeIt() throws {
        let s = try OutputScratch("undo")
        defer { s.remove() }
        try s.write("t.jsonl", "old trace")
        let out = URL(fileURLWithPath: s.path("out"))
        try AtomicOutput.replaceDirectory(out, build: AtomicOutputTests.build(["a.svg": "old"]))
        #expect(throws: AtomicOutput.Failure.self) {
            try OutputTransaction.perform {
                try AtomicOutput.replaceDirectory(out, build: AtomicOutputTests.build(["a.svg": "new"]))
                try AtomicOutput.replaceFile(URL(fileURLWithPath: s.path("t.jsonl")), data: Data("new trace".utf8))
                // Between building and swapping, the trace's place becomes a folder: its swap fails.
                try FileManager.default.removeItem(atPath: s.path("t.jsonl"))
                try FileManager.default.createDirectory(atPath: s.path("t.jsonl"), withIntermediateDirectories: false)
            }
        }
        #expect(s.read("out/a.svg") == "old", "the folder swapped first is swapped back")
        #expect(s.list() == ["out", "t.jsonl"])
    }

    @Test func theSwapExchangesSoTheFolderIsNeverMissing() throws {
        let s = try OutputScratch("exchange")
        defer { s.remove() }
        try s.write("out/a", "old")
        try AtomicOutput.writeMarker(in: s.path("out"))
        try s.write("new/a", "new")
        let target = try OutputPath.resolve(s.path("out"))
        let applied = try OutputSwap.replaceDirectory(target, with: s.path("new"))
        if case .exchanged = applied {
            #expect(s.read("out/a") == "new" && s.read("new/a") == "old")
        } else {
            // File systems without RENAME_EXCHANGE take the two-rename way.
            #expect(OutputSwap.exchange(s.path("new"), s.path("out")) != 0)
        }
        OutputSwap.undo(applied)
        #expect(s.read("out/a") == "old" && s.read("new/a") == "new")
    }

    @Test func temporariesOfKilledRunsAreSweptAndAnOldFolderRestored() throws {
        let s = try OutputScratch("sweep")
        defer { s.remove() }
        let dead = try OutputScratch.deadPID()
        try s.write(".out.gradviz-new-\(dead)/frame-0001.svg", "half built")
        try s.write(".out.gradviz-new-\(getpid() == 1 ? 2 : 1)/x", "a live process's")
        // Killed between the two renames: the destination is missing, the old folder aside.
        try s.write(".out.gradviz-old-\(dead)/a.svg", "previous")
        let target = try OutputPath.resolve(s.path("out"))
        OutputSwap.sweep(target)
        #expect(s.read("out/a.svg") == "previous")
        #expect(s.list() == [".out.gradviz-new-\(getpid() == 1 ? 2 : 1)", "out"])
    }

    @Test func cleanupRemovesRegisteredTemporaries() throws {
        let s = try OutputScratch("cleanup")
        defer { s.remove() }
        try s.write(".out.gradviz-new-1/a", "x")
        OutputCleanup.register(s.path(".out.gradviz-new-1"))
        #expect(OutputCleanup.registered.contains(s.path(".out.gradviz-new-1")))
        OutputCleanup.unregister(s.path(".out.gradviz-new-1"))
        #expect(!OutputCleanup.registered.contains(s.path(".out.gradviz-new-1")))
    }
}
