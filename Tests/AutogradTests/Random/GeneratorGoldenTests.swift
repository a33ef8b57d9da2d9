import Autograd
import Testing

/// Replays every recorded PyTorch session on `Generator` and requires bit-identical
/// values.
@Suite struct GeneratorGoldenTests {
    @Test func casesLoad() throws {
        let cases = try RandomCases.loadAll()
        #expect(cases.count > 1000)
    }

    @Test(arguments: RandomCases.all)
    func matchesPyTorch(_ recorded: RandomCase) throws {
        let generator = Generator()
        generator.manualSeed(try field(UInt64(recorded.seed), "seed"))
        #expect(String(generator.initialSeed) == recorded.initialSeed)
        for (index, step) in recorded.steps.enumerated() {
            try replay(step, on: generator, label: "step \(index) (\(step.op))")
        }
    }

    private func replay(_ step: RandomCase.Step, on generator: Generator, label: String) throws {
        switch step.op {
        case "uniform":
            let got = generator.uniform(
                count: try field(step.count, "count"), dtype: try dtype(step),
                from: try field(step.from, "from"), to: try field(step.to, "to"))
            expectIdentical(got, try field(step.values, "values"), label)
        case "normal":
            let got = generator.normal(
                count: try field(step.count, "count"), dtype: try dtype(step),
                mean: try field(step.mean, "mean"), std: try field(step.std, "std"))
            expectIdentical(got, try field(step.values, "values"), label)
        case "randint":
            let got = generator.randintValues(
                count: try field(step.count, "count"),
                low: try field(step.low.flatMap { Int64($0) }, "low"),
                high: try field(step.high.flatMap { Int64($0) }, "high"))
            expectIdentical(got, try ints(step), label)
        case "randperm":
            expectIdentical(generator.randpermValues(try field(step.n, "n")), try ints(step), label)
        case "bernoulli":
            let got = generator.bernoulli(
                probabilities: try field(step.probabilities, "probabilities"), dtype: try dtype(step))
            expectIdentical(got, try field(step.values, "values"), label)
        case "manual_seed":
            generator.manualSeed(try field(step.seed.flatMap { UInt64($0) }, "seed"))
            #expect(String(generator.initialSeed) == step.initialSeed, "\(label)")
        default:
            Issue.record("\(label): unknown op")
        }
    }

    private struct MalformedStep: Error, CustomStringConvertible {
        var description: String
    }

    private func field<T>(_ value: T?, _ name: String) throws -> T {
        guard let value else { throw MalformedStep(description: "missing or malformed \(name)") }
        return value
    }

    private func dtype(_ step: RandomCase.Step) throws -> DType {
        switch step.dtype {
        case "float32": return .float32
        case "float64": return .float64
        default: throw MalformedStep(description: "unknown dtype \(step.dtype ?? "nil")")
        }
    }

    private func ints(_ step: RandomCase.Step) throws -> [Int64] {
        try field(step.ints, "ints").map { try field(Int64($0), "int") }
    }

    /// Exact equality, naming the first differing element.
    private func expectIdentical<T: Equatable>(_ got: [T], _ expected: [T], _ label: String,
                                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(got.count == expected.count, "\(label): count", sourceLocation: sourceLocation)
        if let index = got.indices.first(where: { $0 < expected.count && got[$0] != expected[$0] }) {
            Issue.record("\(label): element \(index) is \(got[index]), torch gives \(expected[index])",
                         sourceLocation: sourceLocation)
        }
    }
}
