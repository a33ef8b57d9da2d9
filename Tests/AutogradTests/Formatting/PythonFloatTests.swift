import Testing
@testable import PyFormat
@testable import Autograd

@Suite("Python float repr and format specs against CPython")
struct PythonFloatTests {
    @Test("repr(float) for thousands of doubles")
    func reprMatchesCPython() {
        let cases = FormatCases.shared.repr
        var failures: [String] = []
        for (index, pair) in cases.enumerated() {
            let value = doubleFromBits(pair[0])
            let got = pythonRepr(value)
            if got != pair[1] {
                failures.append("#\(index) bits \(pair[0]): expected \(pair[1]), got \(got)")
            }
        }
        #expect(cases.count > 5000)
        #expect(failures.isEmpty, "\(failures.count)/\(cases.count) failed:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    @Test("str(float) is repr(float)")
    func strIsRepr() {
        for pair in FormatCases.shared.repr.prefix(200) {
            let value = doubleFromBits(pair[0])
            #expect(pythonStr(value) == pythonRepr(value))
        }
    }

    @Test("format(value, spec) for floats, ints and strs")
    func formatMatchesCPython() {
        let cases = FormatCases.shared.format
        var failures: [String] = []
        for (index, c) in cases.enumerated() {
            let outcome: Result<String, PythonFormatError>
            do {
                switch (c.kind, c.value) {
                case ("float", .string(let hex)):
                    outcome = .success(try pythonFormat(doubleFromBits(hex), spec: c.spec))
                case ("int", .int(let i)):
                    outcome = .success(try pythonFormat(i, spec: c.spec))
                case ("str", .string(let s)):
                    outcome = .success(try pythonFormat(s, spec: c.spec))
                default:
                    failures.append("#\(index): undecodable case \(c.kind) \(c.value)")
                    continue
                }
            } catch let error as PythonFormatError {
                outcome = .failure(error)
            } catch {
                failures.append("#\(index): unexpected error \(error)")
                continue
            }
            let expected: Result<String, PythonFormatError> = if let text = c.expected {
                .success(text)
            } else {
                .failure(PythonFormatError(type: c.error!.type, message: c.error!.message))
            }
            if outcome != expected {
                failures.append("#\(index) format(\(c.kind) \(c.value), \(c.spec.debugDescription)): expected \(expected), got \(outcome)")
            }
        }
        #expect(cases.count > 2000)
        #expect(failures.isEmpty, "\(failures.count)/\(cases.count) failed:\n\(failures.prefix(30).joined(separator: "\n"))")
    }
}
