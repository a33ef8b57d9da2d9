import Foundation
import Testing

/// Frames of training loops from the command line: lesson 9 has two loops of 29 and 30
/// gradient-descent steps, each step 22 to 26 events (1344 events in all).
@Suite struct FramesTests {
    struct Manifest: Decodable {
        struct Summary: Decodable {
            var iteration: Int
            var iterations: Int
            var every: Int
            var loss: Double?
        }

        struct Frame: Decodable {
            var file: String
            var kind: String
            var summary: Summary?
        }

        var events: Int
        var frames: [Frame]
    }

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gradviz-frames-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func svg(_ frames: String?, in root: URL) throws -> (CLIRunner.Result, Manifest?) {
        let out = root.appendingPathComponent("out")
        var args = [CLIRunner.root.appendingPathComponent("Lessons/lesson9.txt").path, "--svg", out.path]
        if let frames { args += ["--frames", frames] }
        let r = try CLIRunner.run(args)
        let data = try? Data(contentsOf: out.appendingPathComponent("manifest.json"))
        return (r, try data.map { try JSONDecoder().decode(Manifest.self, from: $0) })
    }

    @Test func lesson9ShowsTheFirstIterationThenSummariesWithTheLossChart() throws {
        let root = try FramesTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let (r, m) = try FramesTests.svg(nil, in: root)
        #expect(r.status == 0, "\(r.stderr)")
        let manifest = try #require(m)
        #expect(manifest.events == 1344)
        let summaries = manifest.frames.compactMap(\.summary)
        // 29 and 30 iterations: a summary every 2 iterations and at the last.
        #expect(summaries.map(\.iteration) == Array(stride(from: 2, through: 28, by: 2)) + [29] + Array(stride(from: 2, through: 30, by: 2)))
        #expect(summaries.allSatisfy { $0.every == 2 && $0.loss != nil })
        #expect(manifest.frames.count == 114)
        #expect(r.stderr.contains("wrote 114 frames"))

        let last = try #require(manifest.frames.last { $0.kind == "summary" })
        let svg = try String(contentsOf: root.appendingPathComponent("out").appendingPathComponent(last.file), encoding: .utf8)
        let curve = try #require(svg.range(of: "<g id=\"loss_curve\" class=\"edge\">"), "the summary frame draws the loss curve")
        let path = try #require(svg[curve.upperBound...].range(of: "<path[^>]* d=\"M[^\"]*C[^\"]*\"", options: .regularExpression))
        // 30 loss points: the spline has 1 + 3·29 points.
        let d = svg[path].split(separator: "\"").dropFirst().first { $0.hasPrefix("M") }.map(String.init) ?? ""
        #expect(d.split { $0 == " " || $0 == "C" }.count >= 60, "\(d.prefix(80))")
        #expect(svg.contains("loss per iteration"))
        #expect(svg.contains("iteration 30 of 30"))
    }

    @Test(arguments: [("every:10", 90), ("iterations:1", 84), ("iterations:2-3,every:10", 134)])
    func framesPicksIterations(_ spec: String, _ expected: Int) throws {
        let root = try FramesTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let (r, m) = try FramesTests.svg(spec, in: root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(m?.frames.count == expected)
    }

    @Test(arguments: ["every:0", "iterations:3-1", "summary,every:5", "evry:5"])
    func invalidFramesWriteNothing(_ spec: String) throws {
        let root = try FramesTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let (r, m) = try FramesTests.svg(spec, in: root)
        #expect(r.status != 0)
        #expect(m == nil)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
        #expect(r.stderr.contains("invalid --frames value '\(spec)'"))
        #expect(r.stderr.contains("iterations:A-B") && r.stderr.contains("every:N") && r.stderr.contains("summary"))
    }

    @Test func stepThroughSummarisesLongLoops() throws {
        let lesson = CLIRunner.root.appendingPathComponent("Lessons/lesson9.txt").path
        let r = try CLIRunner.run([lesson, "--step"], environment: ["COLUMNS": "80"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("· 114 steps"))
        #expect(r.stdout.contains("── Step 113/114 · summary · iteration 30 of 30 · The same with torch.optim.SGD"))
        #expect(r.stdout.contains("loss █"))
        #expect(!r.stdout.contains("\u{1B}["))
        let again = try CLIRunner.run([lesson, "--step"], environment: ["COLUMNS": "80"])
        #expect(again.stdout == r.stdout)
        let all = try CLIRunner.run([lesson, "--step", "--frames", "all"], environment: ["COLUMNS": "80"])
        #expect(all.stdout.contains("· 1344 steps"))
    }
}
