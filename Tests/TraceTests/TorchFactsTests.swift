import Foundation
import Testing
import Torch

/// `Tests/Goldens/torch_facts.txt` (written by real PyTorch through `scripts/torch_facts.py`)
/// holds the grad_fn name of ~150 expressions and the gradients at edge cases. gradviz runs
/// the same expressions, in the same namespace (`setup()` and the Functions of that script,
/// read from it), and must print the same facts.
@Suite struct TorchFactsTests {
    /// The script's definitions: its imports, the custom Functions and `setup()`.
    static func prelude() throws -> String {
        let script = try LessonTrace.lesson("scripts/torch_facts.py")
        guard let start = script.range(of: "import torch\n"), let end = script.range(of: "\nGRAD_FN_EXPRESSIONS") else {
            throw FactsError.unreadable
        }
        return String(script[start.lowerBound..<end.lowerBound])
    }

    enum FactsError: Error { case unreadable }

    /// Binds every name `setup()` returns (the keys of its dict) as a global.
    static func binding(_ prelude: String) -> String {
        let body = prelude[prelude.range(of: "def setup():")!.lowerBound...]
        var keys: [String] = []
        var rest = Substring(body)
        while let open = rest.range(of: "\"") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: "\"") else { break }
            let key = after[..<close]
            if after[after.index(after: close)...].hasPrefix(":") { keys.append(String(key)) }
            rest = after[after.index(after: close)...]
        }
        return "ns = setup()\n" + keys.map { "\($0) = ns[\"\($0)\"]\n" }.joined()
    }

    static func facts(_ kind: String) throws -> [(statement: String, expected: String)] {
        try LessonTrace.lesson("Tests/Goldens/torch_facts.txt").split(separator: "\n").compactMap { line in
            guard line.hasPrefix(kind + "  "), let arrow = line.range(of: "  =>  ") else { return nil }
            return (String(line[line.index(line.startIndex, offsetBy: kind.count + 2)..<arrow.lowerBound]),
                    String(line[arrow.upperBound...]))
        }
    }

    static func run(_ program: String) -> (String, LessonRun) {
        var out = ""
        let run = LessonRunner.run(source: program, fileName: "facts.txt", output: { out += $0 }, record: false)
        return (out, run)
    }

    @Test func gradFnNamesMatchPyTorch() throws {
        let facts = try TorchFactsTests.facts("grad_fn").filter { !$0.expected.hasPrefix("raises") }
        #expect(facts.count > 140)
        let prelude = try TorchFactsTests.prelude()
        let bind = TorchFactsTests.binding(prelude)
        var program = prelude
        for f in facts {
            program += bind + "try:\n    result = \(f.statement)\n"
                + "    node = result if not isinstance(result, torch.Tensor) else result.grad_fn\n"
                + "    print(node.name() if node is not None else 'None')\n"
                + "except Exception as e:\n    print('raises', type(e).__name__, e)\n"
        }
        let (out, run) = TorchFactsTests.run(program)
        #expect(run.exitStatus == 0, "\(run.stderr)")
        let got = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, f) in facts.enumerated() where i < got.count {
            #expect(got[i] == f.expected, "grad_fn of «\(f.statement)»: PyTorch \(f.expected), gradviz \(got[i])")
        }
    }

    @Test func edgeCaseGradientsMatchPyTorch() throws {
        let facts = try TorchFactsTests.facts("grad")
        #expect(facts.count > 20)
        let prelude = try TorchFactsTests.prelude()
        let bind = TorchFactsTests.binding(prelude)
        var program = prelude
        for f in facts {
            let inputs = f.expected.split(separator: " ").compactMap { $0.split(separator: "=").first.map(String.init) }
                .filter { !$0.isEmpty && !$0.hasPrefix("[") && !$0.hasPrefix("-") && $0.first!.isLetter }
            program += bind + f.statement.replacingOccurrences(of: "; ", with: "\n") + "\nout.sum().backward()\n"
            program += "print('  '.join([" + inputs.map { "'\($0)=' + str(\($0).grad.tolist())" }.joined(separator: ", ") + "]))\n"
        }
        let (out, run) = TorchFactsTests.run(program)
        #expect(run.exitStatus == 0, "\(run.stderr)")
        let got = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, f) in facts.enumerated() where i < got.count {
            #expect(got[i] == f.expected, "gradients of «\(f.statement)»: PyTorch \(f.expected), gradviz \(got[i])")
        }
    }
}
