import Autograd
import Testing
import Torch
@testable import Trace

/// The explanation layer: formulas from the derivative table bound with the lesson's names and
/// real argument values; sums of gradients of a tensor used twice; what autograd.grad does.
@Suite struct ExplanationTests {
    /// The explanations of the node events of `source`.
    static func nodes(_ source: String) -> [Explanation] {
        let run = LessonTrace.run("import torch\n" + source)
        let ex = Explainer(events: run.events, scenes: run.scenes, outline: run.outline)
        return run.events.filter { if case .node = $0.kind { return true } else { return false } }.map { ex.explain($0.index) }
    }

    @Test func powerShowsItsExponent() throws {
        let x = try #require(ExplanationTests.nodes("x = torch.tensor(2.0, requires_grad=True)\ny = x ** 3.3\ny.backward()\n").first)
        let term = try #require(x.chainRule.first)
        #expect(term.local.formula == "3.3 · x^(3.3 − 1)")
        #expect(term.local.substituted == "3.3 · 2^(3.3 − 1)")
        #expect(term.local.value == "16.2511")
    }

    @Test func sinhShowsCoshWithTheNumber() throws {
        let x = try #require(ExplanationTests.nodes("x = torch.tensor(1.0, requires_grad=True)\ny = x.sinh()\ny.backward()\n").first)
        #expect(x.chainRule.first?.local.text == "∂y/∂x = cosh(x) = cosh(1) = 1.5431")
    }

    @Test func aTensorUsedTwiceSumsItsGradients() throws {
        let xs = ExplanationTests.nodes("x = torch.tensor(3.0, requires_grad=True)\ny = 2 * x\nz = y * y\nz.backward()\n")
        let z = try #require(xs.first)
        #expect(z.chainRule.map(\.downstream.value) == ["6", "6"])
        #expect(z.chainRule.map(\.downstream.symbol) == ["part of ∂z/∂y (via self)", "part of ∂z/∂y (via other)"])
        #expect(z.sums.map(\.text) == ["∂z/∂y = 6 + 6 = 12"])
        let y = try #require(xs.last)
        #expect(y.chainRule.first?.upstream.text == "∂z/∂y = 12")
        #expect(y.chainRule.first?.downstream.text == "∂z/∂x = ∂z/∂y · ∂y/∂x = 12 × 2 = 24")
    }

    @Test func autogradGradReturnsGradientsAndLeavesGradAlone() throws {
        let run = LessonTrace.run("import torch\nx = torch.tensor(2.0, requires_grad=True)\n(g,) = torch.autograd.grad(x * x, x)\n")
        let ex = Explainer(events: run.events, scenes: run.scenes, outline: run.outline)
        let begin = try #require(run.events.first { if case .backwardBegin = $0.kind { return true } else { return false } })
        let x = ex.explain(begin.index)
        #expect(x.heading.contains("returns"))
        #expect(x.details.contains("it returns the gradients and does not touch any .grad"))
    }

    /// Every formula and local derivative of the derivative table binds: each name the formulas
    /// of the table use for inputs, arguments, `result` or `grad` is bound for its rule, so the
    /// shown formula carries the lesson's names and the real argument values (prose words of
    /// structural rules, such as "expanded", are left as written).
    @Test func everyRuleOfTheTableBinds() {
        var vocabulary: Set<String> = ["result", "grad"]
        for rule in Derivatives.all {
            vocabulary.formUnion(rule.inputs)
            vocabulary.formUnion(rule.argumentSpecs.map(\.name))
        }
        // `diagonal` is an argument of tril and triu, and a plain word in the diagonal rules' prose.
        vocabulary.remove("diagonal")
        var checked = 0
        for rule in Derivatives.all {
            var binder = FormulaBinder()
            let v = TensorValues(elements: [2], shape: [], dtype: "torch.float32")
            for name in rule.inputs { binder.bindings[name] = .tensor(name: "a_\(name)", values: v) }
            binder.bindings["result"] = .tensor(name: "out", values: v)
            binder.bindings["grad"] = .symbol("∂L/∂out")
            for spec in rule.argumentSpecs { binder.bindings[spec.name] = .number(2) }
            for f in rule.formulas + rule.localDerivatives.compactMap({ $0 }) {
                let missing = binder.unbound(f).filter(vocabulary.contains)
                #expect(missing.isEmpty, "\(rule.gradFn): «\(f)» leaves \(missing) unbound")
                checked += 1
            }
        }
        #expect(checked > 250)
    }
}
