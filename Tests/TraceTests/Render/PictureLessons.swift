import Foundation
import Autograd
@testable import Trace

/// Lessons recorded through the real engine for the picture tests, driven the
/// way the interpreter drives the recorder. Each one's Python source is in its doc comment.
enum PictureLessons {
    static func statement(_ rec: Recorder, _ line: Int, _ source: String, section: String?,
                          narration: [String] = [], iteration: Int? = nil) {
        rec.enterStatement(line: line, source: source, section: section, narration: narration, iteration: iteration)
    }

    /// A creation call, reported as the lesson layer reports `torch.tensor(...)`.
    static func leaf(_ rec: Recorder, _ values: [Double], shape: [Int], requiresGrad: Bool, name: String) throws -> Tensor {
        let t = Tensor(values: values, shape: shape)
        if requiresGrad { try t.setRequiresGrad(true) }
        rec.forward(op: "tensor", inputs: [], output: t)
        rec.name(t, name)
        return t
    }

    /// The seed lesson:
    /// ```python
    /// ## The chain rule
    /// # x is a leaf that asks for gradients
    /// x = torch.tensor(3.0, requires_grad=True)
    /// # y = 2x
    /// y = 2 * x
    /// # z = y^2
    /// z = y * y
    /// ## Backward
    /// z.backward()
    /// ```
    static func seed() throws -> [TraceEvent] {
        try SeedTrace.record { rec in
            let s = "The chain rule"
            statement(rec, 3, "x = torch.tensor(3.0, requires_grad=True)", section: s, narration: ["x is a leaf that asks for gradients"])
            let x = try leaf(rec, [3], shape: [], requiresGrad: true, name: "x")
            statement(rec, 5, "y = 2 * x", section: s, narration: ["y = 2x"])
            let y = try x.mul(2)
            rec.name(y, "y")
            statement(rec, 7, "z = y * y", section: s, narration: ["z = y^2"])
            let z = try y.mul(y)
            rec.name(z, "z")
            statement(rec, 10, "z.backward()", section: "Backward", narration: ["dz/dx = dz/dy · dy/dx = 2y · 2 = 8x = 24"])
            try Engine.backward([z], gradTensors: [nil])
            statement(rec, 11, "print(x.grad)", section: "Backward")
            rec.printed("tensor(24.)")
        }
    }

    /// Two steps of gradient descent on a line:
    /// ```python
    /// ## Fitting a line
    /// w = torch.tensor(0.5, requires_grad=True)
    /// b = torch.tensor(0.0, requires_grad=True)
    /// x = torch.tensor([1.0, 2.0, 3.0])
    /// t = torch.tensor([2.0, 4.0, 6.0])
    /// for i in range(2):
    ///     pred = w * x + b
    ///     loss = ((pred - t) ** 2).mean()
    ///     loss.backward()
    ///     with torch.no_grad():
    ///         w -= 0.1 * w.grad
    ///         b -= 0.1 * b.grad
    ///     w.grad.zero_()
    ///     b.grad.zero_()
    /// ```
    static func line(iterations: Int = 2) throws -> [TraceEvent] {
        try SeedTrace.record { rec in
            let s = "Fitting a line"
            statement(rec, 2, "w = torch.tensor(0.5, requires_grad=True)", section: s, narration: ["the parameters start anywhere"])
            let w = try leaf(rec, [0.5], shape: [], requiresGrad: true, name: "w")
            statement(rec, 3, "b = torch.tensor(0.0, requires_grad=True)", section: s)
            let b = try leaf(rec, [0], shape: [], requiresGrad: true, name: "b")
            statement(rec, 4, "x = torch.tensor([1.0, 2.0, 3.0])", section: s, narration: ["data: no gradients needed"])
            let x = try leaf(rec, [1, 2, 3], shape: [3], requiresGrad: false, name: "x")
            statement(rec, 5, "t = torch.tensor([2.0, 4.0, 6.0])", section: s)
            let t = try leaf(rec, [2, 4, 6], shape: [3], requiresGrad: false, name: "t")
            for i in 0..<iterations {
                statement(rec, 7, "pred = w * x + b", section: s, iteration: i)
                let pred = try w.mul(x).add(b)
                rec.name(pred, "pred")
                statement(rec, 8, "loss = ((pred - t) ** 2).mean()", section: s, narration: ["mean squared error"], iteration: i)
                let loss = try pred.sub(t).pow(2).mean()
                rec.name(loss, "loss")
                statement(rec, 9, "loss.backward()", section: s, iteration: i)
                try Engine.backward([loss], gradTensors: [nil])
                statement(rec, 10, "with torch.no_grad():", section: s, iteration: i)
                GradMode.set(false)
                statement(rec, 11, "w -= 0.1 * w.grad", section: s, narration: ["a step against the gradient, not recorded"], iteration: i)
                try w.sub_(w.grad!.mul(0.1))
                statement(rec, 12, "b -= 0.1 * b.grad", section: s, iteration: i)
                try b.sub_(b.grad!.mul(0.1))
                GradMode.set(true)
                statement(rec, 13, "w.grad.zero_()", section: s, iteration: i)
                let wg = w.grad!.snapshot()
                try w.grad!.zero_()
                rec.zeroGrad([w], before: [wg], setToNone: false)
                statement(rec, 14, "b.grad.zero_()", section: s, iteration: i)
                let bg = b.grad!.snapshot()
                try b.grad!.zero_()
                rec.zeroGrad([b], before: [bg], setToNone: false)
            }
        }
    }

    /// A custom Function, a result under no_grad, and CJK narration:
    /// ```python
    /// ## 自定义函数 Custom Function
    /// class Square(Function):
    ///     @staticmethod
    ///     def forward(ctx, x):
    ///         ctx.save_for_backward(x)
    ///         return x * x
    ///     @staticmethod
    ///     def backward(ctx, g):
    ///         x, = ctx.saved_tensors
    ///         return 2 * x * g
    /// # 叶子张量 a
    /// a = torch.tensor([1.0, -2.0], requires_grad=True)
    /// s = Square.apply(a).sum()
    /// with torch.no_grad():
    ///     d = a * 10
    /// s.backward()
    /// ```
    static func custom() throws -> [TraceEvent] {
        try SeedTrace.record { rec in
            let sec = "自定义函数 Custom Function"
            statement(rec, 11, "a = torch.tensor([1.0, -2.0], requires_grad=True)", section: sec, narration: ["叶子张量 a：需要梯度"])
            let a = try leaf(rec, [1, -2], shape: [2], requiresGrad: true, name: "a")
            statement(rec, 12, "s = Square.apply(a).sum()", section: sec, narration: ["ctx 保存了 x"])
            let sq = try CustomFunction.apply(name: "Square", arguments: [.tensor(a)], forward: { ctx in
                ctx.saveForBackward([a])
                return [try a.mul(a)]
            }, backward: { ctx, grads in
                let saved = try ctx.savedTensors()
                return [try saved[0]!.mul(2).mul(grads[0]!)]
            })[0]
            let s = try sq.sum()
            rec.name(s, "s")
            statement(rec, 14, "d = a * 10", section: sec, narration: ["under no_grad nothing is recorded"])
            GradMode.set(false)
            let d = try a.mul(10)
            rec.name(d, "d")
            GradMode.set(true)
            statement(rec, 15, "s.backward()", section: sec)
            try Engine.backward([s], gradTensors: [nil])
        }
    }

    /// A hook that doubles the gradient on its way into x.grad:
    /// ```python
    /// x = torch.tensor(3.0, requires_grad=True)
    /// x.register_hook(lambda g: g * 2)
    /// y = x * x
    /// y.backward()
    /// ```
    static func hooked() throws -> [TraceEvent] {
        try SeedTrace.record { rec in
            statement(rec, 1, "x = torch.tensor(3.0, requires_grad=True)", section: "Hooks")
            let x = try leaf(rec, [3], shape: [], requiresGrad: true, name: "x")
            statement(rec, 2, "x.register_hook(lambda g: g * 2)", section: "Hooks")
            try x.registerHook { g in try g.mul(2) }
            statement(rec, 3, "y = x * x", section: "Hooks")
            let y = try x.mul(x)
            rec.name(y, "y")
            statement(rec, 4, "y.backward()", section: "Hooks")
            try Engine.backward([y], gradTensors: [nil])
        }
    }

    /// A tensor too large to list:
    /// ```python
    /// W = torch.arange(100.0).reshape(10, 10).requires_grad_()
    /// loss = (W * W).sum()
    /// loss.backward()
    /// ```
    static func large() throws -> [TraceEvent] {
        try SeedTrace.record { rec in
            statement(rec, 1, "W = torch.arange(100.0).reshape(10, 10).requires_grad_()", section: "Large tensors")
            let w = try leaf(rec, (0..<100).map(Double.init), shape: [10, 10], requiresGrad: true, name: "W")
            statement(rec, 2, "loss = (W * W).sum()", section: "Large tensors")
            let loss = try w.mul(w).sum()
            rec.name(loss, "loss")
            statement(rec, 3, "loss.backward()", section: "Large tensors")
            try Engine.backward([loss], gradTensors: [nil])
        }
    }

    /// A temporary graph, printed and dropped:
    /// ```python
    /// x = torch.tensor([1.0, 2.0], requires_grad=True)
    /// print((x * x).sum().item())
    /// y = x * 3
    /// ```
    static func temporary() throws -> [TraceEvent] {
        try SeedTrace.record { rec in
            statement(rec, 1, "x = torch.tensor([1.0, 2.0], requires_grad=True)", section: nil)
            let x = try leaf(rec, [1, 2], shape: [2], requiresGrad: true, name: "x")
            statement(rec, 2, "print((x * x).sum().item())", section: nil)
            let s = try x.mul(x).sum()
            rec.printed("\(try s.item())\n")
            statement(rec, 3, "y = x * 3", section: nil)
            rec.name(try x.mul(3), "y")
        }
    }

    /// The 3,000-op chain:
    /// ```python
    /// y = torch.tensor(1.0, requires_grad=True)
    /// x = y
    /// for i in range(1000):
    ///     y = y + 0.001 * torch.sin(y)
    /// y.backward()
    /// ```
    static func chain(_ n: Int = 1000) throws -> [TraceEvent] {
        try SeedTrace.record { rec in
            statement(rec, 1, "y = torch.tensor(1.0, requires_grad=True)", section: "A long chain")
            var y = try leaf(rec, [1], shape: [], requiresGrad: true, name: "y")
            rec.name(y, "x")
            for i in 0..<n {
                statement(rec, 4, "y = y + 0.001 * torch.sin(y)", section: "A long chain", iteration: i)
                y = try y.add(y.sin().mul(0.001))
                rec.name(y, "y")
            }
            statement(rec, 5, "y.backward()", section: "A long chain")
            try Engine.backward([y], gradTensors: [nil])
        }
    }
}
