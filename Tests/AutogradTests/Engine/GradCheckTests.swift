import Testing
@testable import Autograd

extension EngineTests {
    /// Every rule of the derivative table against central differences in float64.
    @Suite struct GradCheckTests {
        @Test func everyRuleHasAGradientCheck() {
            for rule in Derivatives.all {
                #expect(gradCheckCases[rule.gradFn]?.isEmpty == false,
                        "derivative rule \(rule.op) (\(rule.gradFn)) has no case in gradCheckCases")
            }
        }

        @Test func everyCaseBelongsToARule() {
            let names = Set(Derivatives.all.map(\.gradFn))
            for key in gradCheckCases.keys {
                #expect(names.contains(key), "gradCheckCases has \(key), which no rule in Derivatives.all names")
            }
        }

        @Test func ruleSignaturesAreUniqueInTheTable() {
            var seen = Set<String>()
            for rule in Derivatives.all {
                #expect(seen.insert(rule.signature).inserted, "\(rule.signature) appears twice in Derivatives.all")
            }
        }

        @Test func everyRuleHasOneFormulaAndOnePullbackPerInput() {
            for rule in Derivatives.all {
                #expect(rule.formulas.count == rule.inputs.count && rule.pullbacks.count == rule.inputs.count
                            && rule.localDerivatives.count == rule.inputs.count,
                        "\(rule.gradFn): \(rule.inputs.count) inputs, \(rule.formulas.count) formulas, \(rule.pullbacks.count) pullbacks")
                #expect(!rule.formulas.contains { $0.isEmpty }, "\(rule.gradFn) has an empty formula")
            }
        }

        /// Runs every case filed under the rule's grad_fn name; at least one of them
        /// must go through this very rule (two rules may share a name).
        @Test(arguments: Derivatives.all.map(\.signature))
        func gradientMatchesFiniteDifferences(rule signature: String) throws {
            let rule = try #require(Derivatives.all.first { $0.signature == signature })
            let cases = gradCheckCases[rule.gradFn] ?? []
            var used = Set<String>()
            for (i, c) in cases.enumerated() {
                used.formUnion(try GradCheck.check(c, gradFn: rule.gradFn, seed: seed(rule.gradFn, i)))
            }
            #expect(cases.isEmpty || used.contains(signature),
                    "no case under \(rule.gradFn) goes through the rule \(signature)")
        }

        private func seed(_ key: String, _ index: Int) -> UInt64 {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
            return h &+ UInt64(index)
        }
    }
}
