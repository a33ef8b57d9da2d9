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

        var steps: Int { frames.filter { $0.kind != "title" }.count }
    }

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gradviz-frames-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func svg(_ frames: String?, in root: URL) throws -> (CLIRunner.Result, Manifest?) {
        let out = root.appendingPathComponent("out")
        var args = [CLIRunner.root.appendingPathComponent("Lessons/lesson9.txt").path, "--svg", out.path, "--max-frames", "3000"]
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
        let summaries = manifest.frames.compactMap(\.summary)
        // Loops of 29 and 30 iterations: a summary every 2 iterations (the 2nd, 4th, … counted from 1) and at the last.
        let first = Array(stride(from: 1, through: 27, by: 2)) + [28]
        let second = Array(stride(from: 1, through: 29, by: 2))
        #expect(summaries.map(\.iteration) == first + second)
        #expect(summaries.map(\.iterations) == Array(repeating: 29, count: first.count) + Array(repeating: 30, count: second.count))
        #expect(summaries.allSatisfy { $0.every == 2 && $0.loss != nil })
        #expect(manifest.frames.first?.kind == "title")
        #expect(r.stderr.contains("wrote \(manifest.frames.count) frames"))

        let last = try #require(manifest.frames.last { $0.kind == "summary" })
        let svg = try String(contentsOf: root.appendingPathComponent("out").appendingPathComponent(last.file), encoding: .utf8)
        let chart = try #require(svg.range(of: "<g class=\"loss-chart\">"), "the summary frame draws the loss chart")
        let path = try #require(svg[chart.upperBound...].range(of: "d=\"M[^\"]*\"", options: .regularExpression))
        // 30 loss points: one move and 29 lines.
        #expect(svg[path].filter { $0 == "L" }.count == 29, "\(svg[path].prefix(80))")
        #expect(svg.contains("loss per iteration") || svg.contains("loss (log scale) per iteration"))
        #expect(svg.contains("iteration 30 of 30"))
    }

    @Test func framesPicksIterations() throws {
        let root = try FramesTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let all = try #require(FramesTests.svg("all", in: root).1)
        let every10 = try #require(FramesTests.svg("every:10", in: root).1)
        let first = try #require(FramesTests.svg("iterations:1", in: root).1)
        let firstThree = try #require(FramesTests.svg("iterations:1-3", in: root).1)
        // One iteration in full, and summaries at iterations 10, 20 and the last of each loop.
        #expect(every10.frames.compactMap(\.summary).map(\.iteration) == [9, 19, 28, 9, 19, 29])
        #expect(first.frames.allSatisfy { $0.summary == nil })
        #expect(first.steps < firstThree.steps && firstThree.steps < all.steps)
        #expect(every10.steps == first.steps + 6)
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
        let root = try FramesTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let manifest = try #require(FramesTests.svg(nil, in: root).1)
        let lesson = CLIRunner.root.appendingPathComponent("Lessons/lesson9.txt").path
        let r = try CLIRunner.run([lesson, "--step"], environment: ["COLUMNS": "80"])
        #expect(r.status == 0)
        // The step-through shows the frames the pictures show (all but the title).
        #expect(r.stdout.contains("· \(manifest.steps) steps"))
        #expect(r.stdout.contains("── Step \(manifest.steps - 1)/\(manifest.steps) · summary · iteration 30 of 30"))
        #expect(r.stdout.contains("loss █") || r.stdout.contains("loss ▁"))
        #expect(!r.stdout.contains("\u{1B}["))
        let again = try CLIRunner.run([lesson, "--step"], environment: ["COLUMNS": "80"])
        #expect(again.stdout == r.stdout)
    }

    @Test func langChoosesTheGeneratedTextsLanguage() throws {
        let lesson = CLIRunner.root.appendingPathComponent("Lessons/lesson1.txt").path
        let english = try CLIRunner.run([lesson, "--step"], environment: ["COLUMNS": "100"])
        let chinese = try CLIRunner.run([lesson, "--step", "--lang", "zh"], environment: ["COLUMNS": "100"])
        #expect(english.status == 0 && chinese.status == 0)
        // The generated words change language; the lesson's own text and numbers do not.
        #expect(english.stdout.contains("runs") && !english.stdout.contains("运行"))
        #expect(chinese.stdout.contains("运行"))
        let bad = try CLIRunner.run([lesson, "--lang", "fr"])
        #expect(bad.status != 0 && bad.stderr.contains("--lang"))
    }

    /// A short outer loop (3 epochs) over a long inner one (50 batches): each run of the inner
    /// loop shows its first iteration and then summaries, as a long outer loop does.
    @Test func longInnerLoopsAreSummarised() throws {
        let root = try FramesTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let lesson = root.appendingPathComponent("nested.py")
        try """
        import torch
        w = torch.tensor(1.0, requires_grad=True)
        for epoch in range(3):
            for i in range(50):
                loss = (w * 2 - 1) ** 2
                loss.backward()
                with torch.no_grad():
                    w -= 0.01 * w.grad
                w.grad = None
            print(epoch, round(loss.item(), 4))

        """.write(to: lesson, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run([lesson.path, "--step"], environment: ["COLUMNS": "100"])
        #expect(r.status == 0)
        let summaries = r.stdout.components(separatedBy: "· summary · iteration 50 of 50").count - 1
        #expect(summaries == 3, "one last summary per epoch")
        let steps = r.stdout.components(separatedBy: "── Step ").count - 1
        #expect(steps > 3 * 10 && steps < 150, "\(steps) steps")
    }
}
