import Testing
@testable import Autograd

extension EngineTests {
    /// Gradients where finite differences cannot decide (kinks, ties, zero bases):
    /// PyTorch's choices, from the Python in each comment run with PyTorch 2.15.
    @Suite struct NonDifferentiablePointTests {
        /// ```
        /// x = torch.tensor([1., 3., 3.], requires_grad=True); x.max().backward(); x.grad   # [0., .5, .5]
        /// x = torch.tensor([[1., 3., 3.], [2., 2., 0.]], requires_grad=True)
        /// x.max(1)[0].sum().backward(); x.grad       # [[0., 1., 0.], [1., 0., 0.]]
        /// ```
        @Test func tiesInMax() throws {
            let x = try leaf([1, 3, 3])
            try Engine.backward([x.extremum(max: true)], gradTensors: [nil])
            #expect(x.grad?.values == [0, 0.5, 0.5])
            let y = try leaf([1, 3, 3, 2, 2, 0], [2, 3])
            try Engine.backward([y.extremum(max: true, dim: 1, keepdim: false).values.sum()], gradTensors: [nil])
            #expect(y.grad?.values == [0, 1, 0, 1, 0, 0])
        }

        /// ```
        /// x = torch.tensor([2., -1., 0.], requires_grad=True); x.relu().sum().backward(); x.grad   # [1., 0., 0.]
        /// x = torch.tensor([2., -1., 0.], requires_grad=True); x.abs().sum().backward(); x.grad    # [1., -1., 0.]
        /// ```
        @Test func reluAndAbsAtZero() throws {
            let x = try leaf([2, -1, 0])
            try Engine.backward([x.relu().sum()], gradTensors: [nil])
            #expect(x.grad?.values == [1, 0, 0])
            let y = try leaf([2, -1, 0])
            try Engine.backward([y.abs().sum()], gradTensors: [nil])
            #expect(y.grad?.values == [1, -1, 0])
        }

        /// ```
        /// for lo, hi in [(-0.5, 0.5), (-0.5, None), (None, 0.5)]:
        ///     x = torch.tensor([-1., -0.5, 0., 0.5, 1.], requires_grad=True)
        ///     x.clamp(lo, hi).sum().backward(); print(x.grad)
        /// # [0., 0., 1., 0., 0.]   [0., 0., 1., 1., 1.]   [1., 1., 1., 0., 0.]
        /// ```
        @Test func clampAtItsBounds() throws {
            let bounds: [(Double?, Double?, [Double])] = [
                (-0.5, 0.5, [0, 0, 1, 0, 0]), (-0.5, nil, [0, 0, 1, 1, 1]), (nil, 0.5, [1, 1, 1, 0, 0]),
            ]
            for (lo, hi, expected) in bounds {
                let x = try leaf([-1, -0.5, 0, 0.5, 1])
                try Engine.backward([x.clamp(min: lo, max: hi).sum()], gradTensors: [nil])
                #expect(x.grad?.values == expected, "clamp(\(String(describing: lo)), \(String(describing: hi)))")
            }
        }

        /// ```
        /// x = torch.tensor([0., 1., 2.], requires_grad=True); (x ** 2.5).sum().backward()   # [0., 2.5, 7.071067810058594]
        /// x = torch.tensor([0., 1., 2.], requires_grad=True); (x ** 0).sum().backward()     # [0., 0., 0.]
        /// x = torch.tensor([0., 1., 2.], requires_grad=True); e = torch.tensor([2., 0., -1.], requires_grad=True)
        /// (x ** e).sum().backward(); x.grad, e.grad     # [0., 0., -0.25] [0., 0., 0.3465735912322998]
        /// x = torch.tensor([0., 1., 2.], requires_grad=True); (0 ** x).sum().backward()     # [0., 0., 0.]
        /// ```
        @Test func powersAtZero() throws {
            let a = try leaf([0, 1, 2])
            try Engine.backward([a.pow(2.5).sum()], gradTensors: [nil])
            expectClose(a.grad?.values, [0, 2.5, 7.071067810058594])
            let b = try leaf([0, 1, 2])
            try Engine.backward([b.pow(0).sum()], gradTensors: [nil])
            #expect(b.grad?.values == [0, 0, 0])
            let x = try leaf([0, 1, 2]), e = try leaf([2, 0, -1])
            try Engine.backward([x.pow(e).sum()], gradTensors: [nil])
            expectClose(x.grad?.values, [0, 0, -0.25])
            expectClose(e.grad?.values, [0, 0, 0.3465735912322998])
            let z = try leaf([0, 1, 2])
            try Engine.backward([z.rpow(0).sum()], gradTensors: [nil])
            #expect(z.grad?.values == [0, 0, 0])
        }

        /// ```
        /// x = torch.tensor([0., 3., 4.], requires_grad=True); x.sqrt().sum().backward()   # [inf, 0.28867512941360474, 0.25]
        /// x = torch.tensor([[0., 0.], [3., 4.]], requires_grad=True)
        /// x.norm(dim=1).sum().backward(); x.grad   # [[0., 0.], [0.6000000238418579, 0.800000011920929]]
        /// ```
        @Test func sqrtAndNormAtZero() throws {
            let x = try leaf([0, 3, 4])
            try Engine.backward([x.sqrt().sum()], gradTensors: [nil])
            let g = try #require(x.grad?.values)
            #expect(g[0] == .infinity)
            expectClose(Array(g.dropFirst()), [0.28867512941360474, 0.25])
            let y = try leaf([0, 0, 3, 4], [2, 2])
            try Engine.backward([y.norm2(dims: [1], keepdim: false).sum()], gradTensors: [nil])
            expectClose(y.grad?.values, [0, 0, 0.6000000238418579, 0.800000011920929])
        }
    }
}
