import Foundation
import Testing
@testable import Render

/// Output paths are resolved by the filesystem, as `open()` resolves them.
@Suite struct OutputPathTests {
    @Test func dotDotAfterALinkIsBesideTheLinksTarget() throws {
        let s = try OutputScratch("dotdot")
        defer { s.remove() }
        try FileManager.default.createDirectory(atPath: s.path("real/deep"), withIntermediateDirectories: true)
        try s.symlink("link", to: s.path("real/deep"))
        let p = try OutputPath.resolve(s.path("link/../out"))
        // Textually `link/..` is the scratch folder; the kernel goes up from real/deep.
        #expect(p.path == s.path("real/out"))
        #expect(p.parent == s.path("real") && p.name == "out")
    }

    @Test func aLinkAtTheEndIsFollowedToWhatItNames() throws {
        let s = try OutputScratch("follow")
        defer { s.remove() }
        try s.write("data/trace.jsonl", "old")
        try s.symlink("t.jsonl", to: "data/trace.jsonl")
        #expect(try OutputPath.resolve(s.path("t.jsonl")).path == s.path("data/trace.jsonl"))
        // A dangling link names the file that writing would create.
        try s.symlink("dangling", to: "data/new.pdf")
        #expect(try OutputPath.resolve(s.path("dangling")).path == s.path("data/new.pdf"))
        // Links in a cycle end with ELOOP, as open() does.
        try s.symlink("a", to: "b")
        try s.symlink("b", to: "a")
        #expect(throws: OutputPath.Failure.self) { try OutputPath.resolve(s.path("a")) }
    }

    @Test func missingFoldersAreNamesAndCreatedOnRequest() throws {
        let s = try OutputScratch("missing")
        defer { s.remove() }
        let p = try OutputPath.resolve(s.path("x/y/../z/out"))
        #expect(p.path == s.path("x/z/out"))
        #expect(s.list() == [])
        try p.createParent()
        #expect(s.list() == ["x"] && s.list("x") == ["z"])
    }

    @Test func dotAndTrailingSlashesNameTheFolderItself() throws {
        let s = try OutputScratch("dot")
        defer { s.remove() }
        try FileManager.default.createDirectory(atPath: s.path("out"), withIntermediateDirectories: true)
        #expect(try OutputPath.resolve(s.path("out/")).path == s.path("out"))
        #expect(try OutputPath.resolve(s.path("out/.")).path == s.path("out"))
        #expect(try OutputPath.resolve(s.path("out/..")).path == s.root)
        #expect(throws: OutputPath.Failure.self) { try OutputPath.resolve("/") }
        #expect(throws: OutputPath.Failure.self) { try OutputPath.resolve("") }
    }

    @Test func aFileInTheFolderPartIsNotADirectory() throws {
        let s = try OutputScratch("notdir")
        defer { s.remove() }
        try s.write("lesson.txt", "print(1)")
        #expect(throws: OutputPath.Failure.self) { try OutputPath.resolve(s.path("lesson.txt/out")) }
    }

    @Test func containment() throws {
        let a = OutputPath(parent: "/x", name: "out"), b = OutputPath(parent: "/x/out", name: "t.jsonl")
        #expect(a.contains(b) && a.contains(a))
        #expect(!b.contains(a))
        #expect(!a.contains(OutputPath(parent: "/x", name: "out2")))
    }
}
