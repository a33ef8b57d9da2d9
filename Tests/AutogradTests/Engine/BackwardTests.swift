import Testing
@testable import Autograd

extension EngineTests {
    /// `backward` and `autograd.grad`: accumulation, freed graphs, implicit and explicit
    /// gradients, unused inputs and their errors. Expected values and messages come
    /// from running the Python in each test's comment with PyTorch 2.15.
    @Suite struct BackwardTests {
        static let backwardTwice = "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward."

        /// ```
        /// x = torch.tensor([1., 2.], requires_grad=True)
        /// (x*x).sum().backward(); g = x.grad
        /// (x*x).sum().backward(); x.grad, g is x.grad        # [4., 8.] True (added in place)
        /// x = torch.tensor([1., 2.], requires_grad=True)
        /// y = (x*x).sum(); y.backward(retain_graph=True); y.backward()   # x.grad: [4., 8.]
        /// ```
        @Test func gradientsAccumulateOverTwoBackwardCalls() throws {
            let x = try leaf([1, 2])
            try Engine.backward([x.mul(x).sum()], gradTensors: [nil])
            let first = try #require(x.grad)
            try Engine.backward([x.mul(x).sum()], gradTensors: [nil])
            #expect(x.grad?.values == [4, 8])
            #expect(first === x.grad, "outside create_graph the second gradient is added in place")

            let x2 = try leaf([1, 2])
            let y = try x2.mul(x2).sum()
            try Engine.backward([y], gradTensors: [nil], retainGraph: true)
            try Engine.backward([y], gradTensors: [nil])
            #expect(x2.grad?.values == [4, 8])
        }

        /// ```
        /// z = (x*x).sum(); z.backward(); z.backward()       # RuntimeError: Trying to backward ...
        /// z = x.exp().sum(); z.backward(); z.backward()     # the same error
        /// ```
        @Test func secondBackwardWithoutRetainGraphFails() throws {
            let x = try leaf([1, 2])
            let z = try x.mul(x).sum()
            try Engine.backward([z], gradTensors: [nil])
            #expect(throws: AutogradError.runtime(Self.backwardTwice)) { try Engine.backward([z], gradTensors: [nil]) }

            let e = try x.exp().sum()
            try Engine.backward([e], gradTensors: [nil])
            #expect(throws: AutogradError.runtime(Self.backwardTwice)) { try Engine.backward([e], gradTensors: [nil]) }
            #expect(throws: AutogradError.runtime(Self.backwardTwice)) {
                _ = try Engine.grad(outputs: [e], inputs: [x], gradOutputs: [nil])
            }
        }

        /// ```
        /// y = (x+1).sum(); y.backward(); y.backward()   # allowed: nothing was saved; x.grad: [2., 2.]
        /// ```
        @Test func graphWithoutSavedTensorsCanBackwardTwice() throws {
            let x = try leaf([1, 2])
            let y = try x.add(1).sum()
            try Engine.backward([y], gradTensors: [nil])
            try Engine.backward([y], gradTensors: [nil])
            #expect(x.grad?.values == [2, 2])
        }

        /// ```
        /// a = torch.tensor([1., 2.], requires_grad=True); b = torch.tensor([3.], requires_grad=True)
        /// y = (a*2).sum()
        /// torch.autograd.grad(y, [a, b], allow_unused=True)   # (tensor([2., 2.]), None)
        /// torch.autograd.grad(y, [a, b])   # RuntimeError: The differentiated Tensor at index 1 appears ...
        /// ```
        @Test func allowUnusedGivesNilForUnusedInputs() throws {
            let a = try leaf([1, 2]), b = try leaf([3])
            let y = try a.mul(2).sum()
            let gs = try Engine.grad(outputs: [y], inputs: [a, b], gradOutputs: [nil], retainGraph: true, allowUnused: true)
            #expect(gs.count == 2)
            #expect(gs[0]?.values == [2, 2])
            #expect(gs[1] == nil)
            #expect(a.grad == nil && b.grad == nil, "autograd.grad leaves .grad alone")
        }

        @Test func unusedInputWithoutAllowUnusedFails() throws {
            let a = try leaf([1, 2]), b = try leaf([3])
            let y = try a.mul(2).sum()
            #expect(throws: AutogradError.runtime("The differentiated Tensor at index 1 appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.")) {
                _ = try Engine.grad(outputs: [y], inputs: [a, b], gradOutputs: [nil])
            }
        }

        /// ```
        /// torch.tensor([1.]).sum().backward()
        ///     # RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
        /// torch.autograd.grad(torch.tensor([1.]).sum(), [a])   # the same
        /// torch.autograd.grad((a*2).sum(), [a, torch.tensor([1.])])
        ///     # RuntimeError: One of the differentiated Tensors does not require grad
        /// ```
        @Test func tensorsThatDoNotRequireGradAreRejected() throws {
            let a = try leaf([1, 2])
            let root = "element 0 of tensors does not require grad and does not have a grad_fn"
            #expect(throws: AutogradError.runtime(root)) {
                try Engine.backward([constant([1]).sum()], gradTensors: [nil])
            }
            #expect(throws: AutogradError.runtime(root)) {
                _ = try Engine.grad(outputs: [constant([1]).sum()], inputs: [a], gradOutputs: [nil])
            }
            #expect(throws: AutogradError.runtime("One of the differentiated Tensors does not require grad")) {
                _ = try Engine.grad(outputs: [a.mul(2).sum()], inputs: [a, constant([1])], gradOutputs: [nil])
            }
        }

        /// ```
        /// (a*2).backward()                      # RuntimeError: grad can be implicitly created only for scalar outputs
        /// torch.autograd.grad(a*2, [a])         # the same
        /// ```
        @Test func nonScalarOutputNeedsAGradient() throws {
            let a = try leaf([1, 2])
            let message = AutogradError.runtime("grad can be implicitly created only for scalar outputs")
            #expect(throws: message) { try Engine.backward([a.mul(2)], gradTensors: [nil]) }
            #expect(throws: message) { _ = try Engine.grad(outputs: [a.mul(2)], inputs: [a], gradOutputs: [nil]) }
        }

        /// ```
        /// x = torch.tensor([1., 2., 3.], requires_grad=True)
        /// (x*x).backward(gradient=torch.tensor([0.1, 1.0, 10.0]))   # x.grad: [0.20000000298023224, 4.0, 60.0]
        /// (x*x).backward(gradient=torch.tensor([1., 2.]))
        ///     # RuntimeError: Mismatch in shape: grad_output[0] has a shape of torch.Size([2]) and output[0] ...
        /// ```
        @Test func explicitGradientArgument() throws {
            let x = try leaf([1, 2, 3])
            try Engine.backward([x.mul(x)], gradTensors: [constant([0.1, 1.0, 10.0])])
            #expect(x.grad?.values == [0.20000000298023224, 4.0, 60.0])
            #expect(throws: AutogradError.runtime("Mismatch in shape: grad_output[0] has a shape of torch.Size([2]) and output[0] has a shape of torch.Size([3]).")) {
                try Engine.backward([x.mul(x)], gradTensors: [constant([1, 2])])
            }
        }

        /// ```
        /// with torch.no_grad():
        ///     y = x*2
        /// y.requires_grad, y.grad_fn, y.is_leaf     # False None True
        /// ```
        @Test func noGradRecordsNothing() throws {
            let x = try leaf([1, 2, 3])
            let y = try GradMode.with(false) { try x.mul(2).exp().sum() }
            #expect(!y.requiresGrad && y.gradFn == nil && y.isLeaf)
            #expect(GradMode.isEnabled, "grad mode is restored after the block")
            #expect(x.gradAccumulatorNode == nil, "no edge to x was created")

            let previous = GradMode.set(false)
            defer { GradMode.set(previous) }
            let z = try x.mul(x)
            #expect(z.gradFn == nil && !z.requiresGrad)
        }

        /// ```
        /// x = torch.tensor([1., 2.], requires_grad=True)
        /// y = x*2; y.retain_grad(); w = x*3
        /// ((y*y).sum() + w.sum()).backward()
        /// y.grad, x.grad, y.grad.requires_grad, y.grad.grad_fn, w.grad   # [4., 8.] [11., 19.] False None None
        /// torch.tensor([1., 2.]).retain_grad()
        ///     # RuntimeError: can't retain_grad on Tensor that has requires_grad=False
        /// ```
        @Test func retainGradKeepsANonLeafGradient() throws {
            let x = try leaf([1, 2])
            let y = try x.mul(2)
            try y.retainGrad()
            let w = try x.mul(3)
            try Engine.backward([y.mul(y).sum().add(w.sum())], gradTensors: [nil])
            #expect(y.grad?.values == [4, 8])
            #expect(y.grad?.requiresGrad == false && y.grad?.gradFn == nil)
            #expect(w.grad == nil, "a non-leaf keeps no .grad without retain_grad")
            #expect(x.grad?.values == [11, 19])
            #expect(throws: AutogradError.runtime("can't retain_grad on Tensor that has requires_grad=False")) {
                try constant([1, 2]).retainGrad()
            }
        }

        /// ```
        /// x = torch.tensor([1., 2.], requires_grad=True)
        /// (x**3).sum().backward(create_graph=True)
        /// x.grad, x.grad.grad_fn          # tensor([ 3., 12.], grad_fn=<CopyBackwards>)
        /// (x**3).sum().backward(create_graph=True)
        /// x.grad, x.grad.grad_fn          # tensor([ 6., 24.], grad_fn=<AddBackward0>)
        /// ```
        @Test func gradUnderCreateGraphCarriesAGraph() throws {
            let x = try leaf([1, 2])
            try Engine.backward([x.pow(3).sum()], gradTensors: [nil], createGraph: true)
            let g1 = try #require(x.grad)
            #expect(g1.values == [3, 12])
            #expect(g1.requiresGrad)
            #expect(g1.gradFn?.name == "CopyBackwards")
            try Engine.backward([x.pow(3).sum()], gradTensors: [nil], createGraph: true)
            #expect(x.grad?.values == [6, 24])
            #expect(x.grad?.gradFn?.name == "AddBackward0")
        }

        /// ```
        /// x2 = torch.tensor([1., 2.], requires_grad=True)
        /// (x2**3).sum().backward(create_graph=True); gx = x2.grad; x2.grad = None
        /// gx.sum().backward(); x2.grad         # [6., 12.]
        /// (g,) = torch.autograd.grad((x2**3).sum(), x2, create_graph=True)
        /// g.grad_fn.name(), g.requires_grad    # MulBackward0 True
        /// ```
        @Test func differentiatingAGradient() throws {
            let x = try leaf([1, 2])
            try Engine.backward([x.pow(3).sum()], gradTensors: [nil], createGraph: true)
            let gx = try #require(x.grad)
            x.grad = nil
            try Engine.backward([gx.sum()], gradTensors: [nil])
            #expect(x.grad?.values == [6, 12])

            let g = try #require(Engine.grad(outputs: [x.pow(3).sum()], inputs: [x], gradOutputs: [nil], createGraph: true)[0])
            #expect(g.gradFn?.name == "MulBackward0" && g.requiresGrad)
        }

        /// ```
        /// a = torch.tensor([1., 2.], requires_grad=True); b = torch.tensor([3., 4.], requires_grad=True)
        /// torch.autograd.backward((a * b).sum(), inputs=[a]); a.grad, b.grad    # [3., 4.] None
        /// m = a * 2; n = m * b; n.sum().backward(inputs=[m]); m.grad, a.grad    # [3., 4.] [3., 4.]
        /// ```
        @Test func backwardInputsRestrictWhereGradientsGo() throws {
            let a = try leaf([1, 2]), b = try leaf([3, 4])
            try Engine.backward([a.mul(b).sum()], gradTensors: [nil], inputs: [a])
            #expect(a.grad?.values == [3, 4])
            #expect(b.grad == nil)
            let m = try a.mul(2)
            try Engine.backward([m.mul(b).sum()], gradTensors: [nil], inputs: [m])
            #expect(m.grad?.values == [3, 4])
            #expect(a.grad?.values == [3, 4])
        }

        /// ```
        /// a = torch.tensor([1., 2.], requires_grad=True); b = torch.tensor([3., 4.], requires_grad=True)
        /// p = a * b; q = a.exp()
        /// torch.autograd.grad([p, q], [a, b], grad_outputs=[torch.tensor([1., 10.]), torch.tensor([0.5, 0.25])])
        ///     # ([4.359140872955322, 41.84726333618164], [1.0, 20.0])
        /// ```
        @Test func gradOfSeveralOutputs() throws {
            let a = try leaf([1, 2]), b = try leaf([3, 4])
            let p = try a.mul(b), q = try a.exp()
            let g = try Engine.grad(outputs: [p, q], inputs: [a, b], gradOutputs: [constant([1, 10]), constant([0.5, 0.25])])
            expectClose(g[0]?.values, [4.359140872955322, 41.84726333618164])
            #expect(g[1]?.values == [1, 20])
        }

        /// ```
        /// x = torch.tensor([1., 2., 3.], dtype=torch.float64, requires_grad=True)
        /// y = x.float(); (y*y).sum().backward(); x.grad.dtype, x.grad    # torch.float64 [2., 4., 6.]
        /// ```
        @Test func gradientTakesTheLeafDType() throws {
            let x = try leaf([1, 2, 3], dtype: .float64)
            let y = try x.to(.float32)
            try Engine.backward([y.mul(y).sum()], gradTensors: [nil])
            #expect(x.grad?.dtype == .float64)
            #expect(x.grad?.values == [2, 4, 6])
        }
    }
}

/// ATen's matrix-product backward keeps a column-major operand's layout: the gradient of
/// `w.t()` in `x @ w.t()` is made as (gradᵀ @ x)ᵀ, so `w.grad` comes out row-major, like `w`,
/// with the same values as the plain form.
@Suite struct MatrixBackwardLayoutTests {
    @Test func transposedOperandGradientsKeepTheirLayout() throws {
        let x = Tensor(values: (0..<6).map { Double($0) * 0.5 - 1 }, shape: [2, 3], dtype: .float32)
        let w = Tensor(values: (0..<12).map { Double($0) * 0.25 - 1.5 }, shape: [4, 3], dtype: .float32)
        try w.setRequiresGrad(true)
        let b = Tensor(values: [0.5, -0.5, 1, 2], shape: [4], dtype: .float32)
        try b.setRequiresGrad(true)
        let out = try Tensor.addmm(b, x, w.t())
        try Engine.backward([out.sum()], gradTensors: [nil])
        let g = try #require(w.grad)
        #expect(g.shape == [4, 3])
        #expect(g.isContiguous)
        // Each row of w.grad is the column sum of x (the upstream gradient is all ones).
        #expect(g.values == (0..<4).flatMap { _ in [-0.5, 0.5, 1.5] })
    }
}
