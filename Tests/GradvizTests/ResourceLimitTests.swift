import Foundation
import Testing

/// Runaway lessons stop with a gradviz limitation (exit status 2, `gradviz: …` naming the
/// option that raises the limit) that `try`/`except` cannot catch.
@Suite struct ResourceLimitTests {
    static func run(_ program: String, _ options: [String] = []) throws -> CLIRunner.Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gradviz-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try ("import torch\n" + program + "\nprint('done')\n").write(to: dir.appendingPathComponent("lesson.txt"), atomically: true, encoding: .utf8)
        return try CLIRunner.run(["lesson.txt"] + options, in: dir, timeout: 60)
    }

    @Test(arguments: [
        ("torch.ones(1).expand(10**6, 1) + torch.ones(1, 10**6)", "--max-elements"),
        ("torch.ones(10**4).repeat(10**4)", "--max-elements"),
        ("torch.ones(10**4).tile(10**4, 1)", "--max-elements"),
        ("torch.outer(torch.ones(10**5), torch.ones(10**5))", "--max-elements"),
        ("torch.cat([torch.ones(10**7)] * 10)", "--max-elements"),
        ("torch.stack([torch.ones(10**7)] * 10)", "--max-elements"),
        ("torch.ones(10**4, 10**4).t().contiguous()", "--max-elements"),
        ("torch.einsum('i,j->ij', torch.ones(10**5), torch.ones(10**5))", "--max-elements"),
        ("torch.ones(1).expand(10**12).sum()", "--max-elements"),
        ("torch.ones(6000, 6000) @ torch.ones(6000, 6000)", "--max-work"),
        ("kept = [torch.ones(10**7) for _ in range(60)]", "--max-memory"),
        // Pieces of an empty dimension: 2**31 tensor objects (found by sweeping torch calls).
        ("torch.chunk(torch.ones(0), 2**31)", "--max-work"),
        ("torch.ones(0).chunk(9223372036854775807)", "--max-work"),
    ])
    func eachAllocationIsBounded(program: String, option: String) throws {
        let r = try Self.run("try:\n    " + program + "\nexcept Exception as e:\n    print('caught', e)")
        #expect(r.status == 2, "\(program)")
        #expect(r.stderr.hasPrefix("gradviz: ") && r.stderr.contains("(raise \(option)") && r.stderr.contains("at line 3"), "\(r.stderr)")
        #expect(!r.stdout.contains("caught"))
    }

    /// Doubling by concatenation (found by fuzzing: it used to exhaust memory and abort).
    @Test(arguments: ["s = 'a'\nfor _ in range(40):\n    s = s + s", "l = [1]\nfor _ in range(40):\n    l = l + l",
                      "l = [1]\nfor _ in range(40):\n    l += l", "t = (1,)\nfor _ in range(40):\n    t = t + t",
                      // A tuple of 2**31 tee iterators (found by the call sweep: it ran on for minutes).
                      "import itertools\nt = itertools.tee([1], 2**31)"])
    func concatenationIsBounded(program: String) throws {
        let r = try Self.run(program)
        #expect(r.status == 2, "\(program)")
        #expect(r.stderr.hasPrefix("gradviz: sequence of more than"), "\(r.stderr)")
    }

    @Test func expandedSumsCountTheirWork() throws {
        let r = try Self.run("torch.ones(1).expand(10**12).sum()", ["--max-elements", "10000000000000"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("(raise --max-work)"))
    }

    @Test func graphGrowthIsBounded() throws {
        let r = try Self.run("x = torch.ones(1, requires_grad=True)\ny = x\nfor i in range(100000):\n    y = y * 1", ["--max-graph-nodes", "5000"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("nodes alive (raise --max-graph-nodes"))
        #expect(r.stderr.contains("at line 5"))
    }

    /// An integer arange of 2**63 elements: its count overflowed in the division (PyTorch
    /// itself dies of SIGFPE on these).
    @Test func anArangeOfTwoToTheSixtyThreeElementsIsRefused() throws {
        let r = try Self.run("""
            M = 9223372036854775807
            for a in [(M, -1, -1), (0, -M - 1, -1)]:
                try:
                    torch.arange(*a)
                except RuntimeError as e:
                    print(e)
            """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "invalid size, possible overflow?\ninvalid size, possible overflow?\ndone\n")
    }

    /// random's rejection samplers never accept with an infinite or NaN parameter (CPython
    /// loops forever; the call sweep found them): each round counts against the step budget.
    @Test(arguments: ["random.betavariate(2, float('inf'))", "random.gammavariate(float('nan'), 1.0)",
                      "random.betavariate(9223372036854775807, 1.7976931348623157e308)",
                      "random.gammavariate(0.5, 1.0) + random.gammavariate(float('inf'), 2.0)"])
    func rejectionSamplingCountsSteps(program: String) throws {
        let r = try Self.run("import random\n" + program, ["--max-steps", "100000"])
        #expect(r.status == 2, "\(program): \(r.stderr)")
        #expect(r.stderr.contains("step budget of 100000 statements and iterations exhausted"), "\(r.stderr)")
    }

    @Test func emptyTensorsOfHugeSizesAreLegal() throws {
        let r = try Self.run("print(torch.zeros(2**40, 0).shape)")
        #expect(r.status == 0)
        #expect(r.stdout == "torch.Size([1099511627776, 0])\ndone\n")
    }

    @Test func limitsMustBePositive() throws {
        let r = try Self.run("", ["--max-memory", "0"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--max-memory must be positive"))
    }
}
