import Foundation
import Testing
@testable import Trace

/// Captions and labels: the event in words and the chain rule with numbers.
@Suite struct CaptionTests {
    static func captions(_ events: [TraceEvent]) throws -> [String] {
        try Graphviz.withSession { s in try LessonPictures(events: events, session: s).captions }
    }

    @Test func seedCaptionsWriteTheChainRuleWithNumbers() throws {
        let events = try PictureLessons.seed()
        let c = try CaptionTests.captions(events)
        #expect(c.count == events.count)
        #expect(c[0].hasPrefix("The chain rule\nx is a leaf that asks for gradients\nline 3:  x = torch.tensor(3.0, requires_grad=True)"))
        #expect(c[1].contains("forward: y = mul(x, 2) = 6; grad_fn MulBackward0 recorded"))
        let backward = try #require(events.firstIndex { $0.kind == .backwardBegin })
        #expect(c[backward].contains("backward from z: seed gradient 1"))
        #expect(c[backward + 1].contains("∂z/∂y (as self) = ∂z/∂z · ∂z/∂y = 1 × 6 = 6"))
        #expect(c[backward + 1].contains("∂z/∂y (as other) = ∂z/∂z · ∂z/∂y = 1 × 6 = 6"))
        #expect(c[backward + 2].contains("∂z/∂x = ∂z/∂y · ∂y/∂x = 12 × 2 = 24"))
        #expect(c[backward + 3].contains("AccumulateGrad: x.grad = None + 24 = 24"))
        #expect(c[backward + 4].contains("saved tensors freed (no retain_graph): MulBackward0, MulBackward0"))
    }

    @Test func trainingLoopCaptions() throws {
        let c = try CaptionTests.captions(try PictureLessons.line())
        #expect(c.contains { $0.contains("in place: w changes from 0.5 to 1.9 (grad mode off: not recorded)") })
        #expect(c.contains { $0.contains("zero_grad: w.grad filled with zeros") })
        #expect(c.contains { $0.contains("∂loss/∂w = grad · other = [-1, -2, -3] · [1, 2, 3], summed to the shape of w = -14") })
        // The second accumulation starts from the zeroed gradient.
        #expect(c.contains { $0.contains("AccumulateGrad: b.grad = 0 + 0.8 = 0.8") })
        #expect(c.contains { $0.contains("line 9 (iteration 2):  loss.backward()") })
    }

    @Test func hookChangesTheGradientOnItsWay() throws {
        let c = try CaptionTests.captions(try PictureLessons.hooked())
        #expect(c.contains { $0.contains("hook on x: gradient 6 → 12") })
        #expect(c.contains { $0.contains("AccumulateGrad: x.grad = None + 12 = 12") })
    }

    @Test func optimizerStepWithNumbers() throws {
        var e = TraceEvent(index: 0, kind: .step, line: 9, source: "optimizer.step()")
        var w = TensorSnapshot(Autograd.Tensor(scalar: 0.4))
        w.name = "w"
        var before = w
        before.values = [0]
        e.tensors = [w]
        e.beforeAll = [before]
        e.text = "p ← p − lr · grad   (lr = 0.05)"
        let c = try CaptionTests.captions([e])
        #expect(c[0] == "line 9:  optimizer.step()\noptimizer step: p ← p − lr · grad   (lr = 0.05)\nw: 0 → 0.4")
    }

    @Test func customFunctionAndNoGrad() throws {
        let c = try CaptionTests.captions(try PictureLessons.custom())
        #expect(c.contains { $0.contains("forward: d = mul(a, 10) = [10, -20]; not recorded (grad mode is off)") })
        #expect(c.contains { $0.contains("∂s/∂a = Square.backward(ctx, grad) = [2, -4]") })
        #expect(c[0].hasPrefix("自定义函数 Custom Function\n叶子张量 a：需要梯度"))
    }

    @Test func formulaSubstitution() {
        func s(_ v: Double) -> TensorSnapshot {
            var t = TensorSnapshot(Autograd.Tensor(scalar: v))
            t.name = nil
            return t
        }
        let b = ["self": s(3), "other": s(-2), "grad": s(1)]
        #expect(ChainRuleText.substitute("grad · other", b) == "1 · (-2)")
        #expect(ChainRuleText.substitute("other", b) == "-2")
        #expect(ChainRuleText.substitute("cos(self)", b) == "cos(3)")
        #expect(ChainRuleText.substitute("−grad · self / other²", b) == "−1 · 3 / (-2)²")
        #expect(ChainRuleText.substitute("grad expanded to self's shape", b) == nil)
        #expect(ChainRuleText.substitute("grad · alpha", b) == nil)
    }
}

import Autograd
