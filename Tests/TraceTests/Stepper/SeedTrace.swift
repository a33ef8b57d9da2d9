import Foundation
import Autograd
@testable import Trace

/// Traces of small lessons, recorded through the real engine the way the
/// interpreter drives the recorder.
enum SeedTrace {
    /// The seed lesson (`Tests/Goldens/core/001_chain_rule.txt`).
    static let source = """
        # Seed example: chain rule for y = 2x, z = y*y at x = 3 (dz/dx = 8x = 24).
        import torch

        ## The chain rule
        # x is a leaf that asks for gradients
        x = torch.tensor(3.0, requires_grad=True)
        # y = 2x
        y = 2 * x
        # z = y^2
        z = y * y
        print(x, y, z)
        print(y.grad_fn.name(), z.grad_fn.name())

        ## Backward
        z.backward()
        # dz/dx = dz/dy * dy/dx = 2y * 2 = 8x
        print(x.grad)
        print(x.grad.item())
        print(x.is_leaf, y.is_leaf, z.is_leaf)
        print(x.grad_fn, y.requires_grad)

        """

    /// Records `body` with a fresh recorder installed on this thread and this thread's ids reset.
    static func record(_ body: (Recorder) throws -> Void) rethrows -> [TraceEvent] {
        Tensor.resetIDs()
        Node.resetIDs()
        let rec = Recorder()
        EngineObservers.current = rec
        defer { EngineObservers.current = nil }
        try body(rec)
        return rec.events
    }

    /// The seed lesson's events.
    static func events() throws -> [TraceEvent] {
        try record { rec in
            let section = "The chain rule"
            rec.enterStatement(line: 6, source: "x = torch.tensor(3.0, requires_grad=True)", section: section,
                               narration: ["x is a leaf that asks for gradients"], iteration: nil)
            let x = Tensor(scalar: 3)
            try x.setRequiresGrad(true)
            rec.name(x, "x")
            rec.enterStatement(line: 8, source: "y = 2 * x", section: section, narration: ["y = 2x"], iteration: nil)
            let y = try x.mul(2)
            rec.name(y, "y")
            rec.enterStatement(line: 10, source: "z = y * y", section: section, narration: ["z = y^2"], iteration: nil)
            let z = try y.mul(y)
            rec.name(z, "z")
            rec.enterStatement(line: 11, source: "print(x, y, z)", section: section, narration: [], iteration: nil)
            rec.printed("tensor(3., requires_grad=True) tensor(6., grad_fn=<MulBackward0>) tensor(36., grad_fn=<MulBackward0>)")
            rec.enterStatement(line: 15, source: "z.backward()", section: "Backward", narration: [], iteration: nil)
            try Engine.backward([z], gradTensors: [nil])
            rec.enterStatement(line: 17, source: "print(x.grad)", section: "Backward",
                               narration: ["dz/dx = dz/dy * dy/dx = 2y * 2 = 8x"], iteration: nil)
            rec.printed("tensor(24.)")
        }
    }
}
