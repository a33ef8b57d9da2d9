import Testing
@testable import Autograd

extension EngineTests {
    /// Tensor hooks and the order in which backward runs nodes: both must be
    /// PyTorch's, since lessons print from hooks and pictures replay the order.
    @Suite struct HookTests {
        /// Collects what hooks saw, in call order.
        final class Log {
            var entries: [String] = []
            var grads: [[Double]] = []
        }

        /// ```
        /// x = torch.tensor([1., 2.], requires_grad=True); log = []
        /// y = x * 3
        /// y.register_hook(lambda g: (log.append(("y1", g.tolist())), g * 10)[1])
        /// y.register_hook(lambda g: (log.append(("y2", g.tolist())), None)[1])
        /// x.register_hook(lambda g: (log.append(("x", g.tolist())), g + 1)[1])
        /// (y*y).sum().backward()
        /// log, x.grad   # [('y1', [6., 12.]), ('y2', [60., 120.]), ('x', [180., 360.])] [181., 361.]
        /// ```
        @Test func hooksRunInRegistrationOrderAndReplaceTheGradient() throws {
            let x = try leaf([1, 2])
            let log = Log()
            let y = try x.mul(3)
            try y.registerHook { g in log.entries.append("y1"); log.grads.append(g.values); return try g.mul(10) }
            try y.registerHook { g in log.entries.append("y2"); log.grads.append(g.values); return nil }
            try x.registerHook { g in log.entries.append("x"); log.grads.append(g.values); return try g.add(1) }
            try Engine.backward([y.mul(y).sum()], gradTensors: [nil])
            #expect(log.entries == ["y1", "y2", "x"])
            #expect(log.grads == [[6, 12], [60, 120], [180, 360]])
            #expect(x.grad?.values == [181, 361])
        }

        /// ```
        /// y = x * 3; h = y.register_hook(lambda g: g * 100); h.remove(); y.sum().backward()
        /// x.grad       # [3., 3.]
        /// torch.tensor([1., 2.]).register_hook(lambda g: g)
        ///     # RuntimeError: cannot register a hook on a tensor that doesn't require gradient
        /// ```
        @Test func removedHookDoesNotRun() throws {
            let x = try leaf([1, 2])
            let y = try x.mul(3)
            let handle = try y.registerHook { try $0.mul(100) }
            y.removeHook(handle)
            try Engine.backward([y.sum()], gradTensors: [nil])
            #expect(x.grad?.values == [3, 3])
            #expect(throws: AutogradError.runtime("cannot register a hook on a tensor that doesn't require gradient")) {
                try constant([1, 2]).registerHook { $0 }
            }
        }

        /// A graph where creation order and dependency order disagree (`c` is created
        /// after `b` but its node must wait for `d` and `f`).
        /// ```
        /// x = torch.tensor([0.5, 1.5], requires_grad=True); w = torch.tensor([2.0, -1.0], requires_grad=True)
        /// a = x * w; b = a.exp(); c = x.sin(); d = b * c; e = a + d; f = c.tanh(); g = e * f
        /// # a hook appending its name on each of a..g, x, w
        /// g.sum().backward()
        /// order        # ['g', 'f', 'e', 'd', 'c', 'b', 'a', 'x', 'w']
        /// x.grad, w.grad   # [4.736482620239258, -0.9559049606323242] [0.5133672952651978, 1.3947217464447021]
        /// ```
        @Test func executionOrderMatchesPyTorch() throws {
            let x = try leaf([0.5, 1.5]), w = try leaf([2.0, -1.0])
            let a = try x.mul(w), b = try a.exp(), c = try x.sin(), d = try b.mul(c)
            let e = try a.add(d), f = try c.tanh(), g = try e.mul(f)
            let log = Log()
            for (name, t) in [("a", a), ("b", b), ("c", c), ("d", d), ("e", e), ("f", f), ("g", g), ("x", x), ("w", w)] {
                try t.registerHook { _ in log.entries.append(name); return nil }
            }
            try Engine.backward([g.sum()], gradTensors: [nil])
            #expect(log.entries == ["g", "f", "e", "d", "c", "b", "a", "x", "w"])
            expectClose(x.grad?.values, [4.736482620239258, -0.9559049606323242])
            expectClose(w.grad?.values, [0.5133672952651978, 1.3947217464447021])
        }

        /// ```
        /// p = x * 2; q = w.exp(); r = p * q; s = p.sin()
        /// # a hook appending its name on each of p, q, r, s, x, w
        /// torch.autograd.backward([s.sum(), r.sum()])
        /// order        # ['s', 'r', 'q', 'w', 'p', 'x']
        /// x.grad, w.grad   # [15.85871696472168, -1.244226098060608] [7.389056205749512, 1.1036384105682373]
        /// ```
        @Test func executionOrderWithTwoRootsMatchesPyTorch() throws {
            let x = try leaf([0.5, 1.5]), w = try leaf([2.0, -1.0])
            let p = try x.mul(2), q = try w.exp(), r = try p.mul(q), s = try p.sin()
            let log = Log()
            for (name, t) in [("p", p), ("q", q), ("r", r), ("s", s), ("x", x), ("w", w)] {
                try t.registerHook { _ in log.entries.append(name); return nil }
            }
            try Engine.backward([s.sum(), r.sum()], gradTensors: [nil, nil])
            #expect(log.entries == ["s", "r", "q", "w", "p", "x"])
            expectClose(x.grad?.values, [15.85871696472168, -1.244226098060608])
            expectClose(w.grad?.values, [7.389056205749512, 1.1036384105682373])
        }
    }
}
