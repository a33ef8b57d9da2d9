import Testing
@testable import Autograd

extension EngineTests {
    /// The seed lessons' examples (`Tests/Goldens/core/001_chain_rule.txt`,
    /// `002_seed_line_function.txt`), with numbers printed by PyTorch 2.15.
    @Suite struct SeedExampleTests {
        /// y = 2x, z = y·y, at x = 3 gives dz/dx = 24.
        @Test func chainRule() throws {
            let x = Tensor(scalar: 3)
            try x.setRequiresGrad(true)
            let y = try x.mul(2)
            let z = try y.mul(y)
            #expect(y.gradFn?.name == "MulBackward0")
            #expect(z.gradFn?.name == "MulBackward0")
            #expect(x.isLeaf && !y.isLeaf)
            try Engine.backward([z], gradTensors: [nil])
            #expect(x.grad?.values == [24])
            #expect(y.grad == nil)
        }

        @Test func nextFunctionsEndInOneAccumulateGradPerLeaf() throws {
            let x = Tensor(scalar: 3)
            try x.setRequiresGrad(true)
            let z = try x.mul(x)
            let edges = z.gradFn!.nextEdges
            #expect(edges.count == 2)
            #expect(edges[0]?.node.name == "AccumulateGrad")
            #expect(edges[0]?.node === edges[1]?.node)
        }

        /// ```
        /// torch.manual_seed(0)
        /// w = torch.rand(2,2,requires_grad=True); x = torch.rand(2,2,requires_grad=True); b = torch.rand(2,2,requires_grad=True)
        /// class line(torch.autograd.Function):   # forward: save w, x, b; return w*x+b
        ///     ...                                # backward: return g*x, g*w, g
        /// out = line.apply(w, x, b); out.grad_fn.name()   # lineBackward
        /// out.backward(torch.ones(2,2)); w.grad, x.grad, b.grad
        ///     # [[0.30742281675338745, 0.6340786814689636], [0.4900934100151062, 0.8964447379112244]]
        ///     # [[0.49625658988952637, 0.7682217955589294], [0.08847743272781372, 0.13203048706054688]]
        ///     # [[1.0, 1.0], [1.0, 1.0]]
        /// out2 = line.apply(w, x, b); out2.sum().backward(); w.grad
        ///     # [[0.6148456335067749, 1.2681573629379272], [0.9801868200302124, 1.7928894758224487]]
        /// ```
        @Test func lineFunction() throws {
            let gen = Generator(seed: 0)
            let w = try leaf(gen.uniform(count: 4, dtype: .float32), [2, 2])
            let x = try leaf(gen.uniform(count: 4, dtype: .float32), [2, 2])
            let b = try leaf(gen.uniform(count: 4, dtype: .float32), [2, 2])
            #expect(w.values == [0.49625658988952637, 0.7682217955589294, 0.08847743272781372, 0.13203048706054688])
            #expect(x.values == [0.30742281675338745, 0.6340786814689636, 0.4900934100151062, 0.8964447379112244])
            func line() throws -> Tensor {
                try CustomFunction.apply(name: "line", arguments: [.tensor(w), .tensor(x), .tensor(b)], forward: { ctx in
                    ctx.saveForBackward([w, x, b])
                    return [try w.mul(x).add(b)]
                }, backward: { ctx, grads in
                    let saved = try ctx.savedTensors()
                    let g = try #require(grads[0]), sw = try #require(saved[0]), sx = try #require(saved[1])
                    return [try g.mul(sx), try g.mul(sw), g]
                })[0]
            }
            let out = try line()
            #expect(out.gradFn?.name == "lineBackward")
            #expect(out.gradFn?.nextEdges.map { $0?.node.name } == ["AccumulateGrad", "AccumulateGrad", "AccumulateGrad"])
            try Engine.backward([out], gradTensors: [Tensor.ones([2, 2])])
            #expect(w.grad?.values == x.values)
            #expect(x.grad?.values == w.values)
            #expect(b.grad?.values == [1, 1, 1, 1])
            try Engine.backward([line().sum()], gradTensors: [nil])
            #expect(w.grad?.values == [0.6148456335067749, 1.2681573629379272, 0.9801868200302124, 1.7928894758224487])
        }
    }
}
