import Autograd
@testable import Trace

/// The lessons the stepper tests use, by name (a child process records one by its name).
enum Scenario: String, CaseIterable {
    case seed, vector, large, intermediates, optimizer, cjk

    /// Records the scenario's events through the engine, in this process.
    func record() throws -> [TraceEvent] {
        switch self {
        case .seed: return try SeedTrace.events()
        case .vector: return try ScenarioTraces.vectorAccumulation()
        case .large: return try ScenarioTraces.largeTensor()
        case .intermediates: return try ScenarioTraces.intermediates()
        case .optimizer: return try ScenarioTraces.optimizerStep()
        case .cjk: return try ScenarioTraces.cjkNarration()
        }
    }

    var source: String {
        switch self {
        case .seed: return SeedTrace.source
        case .cjk: return "x = torch.tensor(3.0, requires_grad=True)\n# 平方\ny = x * x\ny.backward()\n"
        default: return ""
        }
    }

    var fileName: String { self == .cjk ? "課程.txt" : self == .seed ? "lesson1.txt" : "\(rawValue).txt" }
}

/// Small lessons beyond the seed, recorded through the engine, for the explanation tests.
enum ScenarioTraces {
    /// Narration in Chinese and Korean, a section title in Chinese.
    static func cjkNarration() throws -> [TraceEvent] {
        try SeedTrace.record { rec in
            rec.enterStatement(line: 3, source: "y = x * x", section: "链式法则",
                               narration: ["这里的 y 是 x 的平方：上游梯度乘以局部导数等于下游梯度（한국어도 됩니다）"], iteration: nil)
            let x = Tensor(scalar: 3)
            try x.setRequiresGrad(true)
            rec.name(x, "x")
            let y = try x.mul(x)
            rec.name(y, "y")
            try Engine.backward([y], gradTensors: [nil])
        }
    }

    static func statement(_ rec: Recorder, _ line: Int, _ source: String, narration: [String] = [], iteration: Int? = nil) {
        rec.enterStatement(line: line, source: source, section: "Scenario", narration: narration, iteration: iteration)
    }

    /// `w * x` over four elements, summed, backward twice (accumulation), with a hook.
    static func vectorAccumulation() throws -> [TraceEvent] {
        try SeedTrace.record { rec in
            statement(rec, 1, "w = torch.tensor([1., 2., 3., 4.], requires_grad=True)")
            let w = Tensor(values: [1, 2, 3, 4], shape: [4])
            try w.setRequiresGrad(true)
            rec.name(w, "w")
            statement(rec, 2, "x = torch.tensor([0.5, -1., 2., 0.])")
            let x = Tensor(values: [0.5, -1, 2, 0], shape: [4])
            rec.name(x, "x")
            statement(rec, 3, "y = w * x")
            let y = try w.mul(x)
            rec.name(y, "y")
            statement(rec, 4, "y.register_hook(lambda g: g * 2)")
            try y.registerHook { g in try g.mul(2) }
            statement(rec, 5, "loss = y.sum()")
            let loss = try y.sum()
            rec.name(loss, "loss")
            statement(rec, 6, "loss.backward(retain_graph=True)")
            try Engine.backward([loss], gradTensors: [nil], retainGraph: true)
            statement(rec, 7, "loss.backward()")
            try Engine.backward([loss], gradTensors: [nil])
        }
    }

    /// Eight elements: shapes and summaries instead of per-element arithmetic.
    static func largeTensor() throws -> [TraceEvent] {
        try SeedTrace.record { rec in
            statement(rec, 1, "a = torch.arange(8.).requires_grad_()")
            let a = Tensor(values: (0..<8).map(Double.init), shape: [2, 4])
            try a.setRequiresGrad(true)
            rec.name(a, "a")
            statement(rec, 2, "b = (a ** 2).mean()")
            let b = try a.pow(2).mean()
            rec.name(b, "b")
            statement(rec, 3, "b.backward()")
            try Engine.backward([b], gradTensors: [nil])
        }
    }

    /// Unnamed intermediates, pow, exp, a broadcast scalar parameter and sum.
    static func intermediates() throws -> [TraceEvent] {
        try SeedTrace.record { rec in
            statement(rec, 1, "x = torch.tensor(2.0, requires_grad=True)")
            let x = Tensor(scalar: 2)
            try x.setRequiresGrad(true)
            rec.name(x, "x")
            statement(rec, 2, "v = torch.tensor([1., 2.], requires_grad=True)")
            let v = Tensor(values: [1, 2], shape: [2])
            try v.setRequiresGrad(true)
            rec.name(v, "v")
            statement(rec, 3, "out = ((x ** 3).exp() / 100 + v * x).sum()")
            let out = try x.pow(3).exp().div(100).add(v.mul(x)).sum()
            rec.name(out, "out")
            statement(rec, 4, "out.backward()")
            try Engine.backward([out], gradTensors: [nil])
        }
    }

    /// Grad mode, zero_grad and an optimizer step as the interpreter reports them.
    static func optimizerStep() throws -> [TraceEvent] {
        try SeedTrace.record { rec in
            statement(rec, 1, "w = torch.tensor([1., -2.], requires_grad=True)")
            let w = Tensor(values: [1, -2], shape: [2])
            try w.setRequiresGrad(true)
            rec.name(w, "w")
            statement(rec, 2, "loss = (w * w).sum()", iteration: 1)
            let loss = try w.mul(w).sum()
            rec.name(loss, "loss")
            statement(rec, 3, "loss.backward()", iteration: 1)
            try Engine.backward([loss], gradTensors: [nil])
            statement(rec, 4, "with torch.no_grad():", iteration: 1)
            GradMode.set(false)
            statement(rec, 5, "opt.step()", iteration: 1)
            let before = w.snapshot()
            try w.sub_(w.grad!.mul(0.1))
            rec.step([w], before: [before], rule: "w ← w − lr · w.grad  (lr = 0.1)")
            GradMode.set(true)
            statement(rec, 6, "opt.zero_grad()", iteration: 1)
            let g = w.grad
            w.grad = nil
            rec.zeroGrad([w], before: [g], setToNone: true)
        }
    }
}
