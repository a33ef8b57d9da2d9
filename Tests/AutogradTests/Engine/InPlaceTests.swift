import Testing
@testable import Autograd

extension EngineTests {
    /// In-place operations: the version counter checked at backward, the leaf checks,
    /// and writes through views (the base's history becomes CopySlices). Expected
    /// values and messages come from the Python in each comment, run with PyTorch 2.15.
    @Suite struct InPlaceTests {
        static func modified(_ what: String) -> AutogradError {
            .runtime("one of the variables needed for gradient computation has been modified by an inplace operation: \(what) is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).")
        }

        /// ```
        /// x = torch.tensor([1., 2., 3.], requires_grad=True)
        /// a = x * 2; b = a * a; a.add_(1); b.sum().backward()
        ///     # RuntimeError: one of the variables needed for gradient computation has been modified by an
        ///     # inplace operation: [torch.FloatTensor [3]], which is output 0 of Add, is at version 1; ...
        /// y = x.exp(); y.add_(1); y.sum().backward()           # ... [torch.FloatTensor [3]], which is output 0 of Exp, ...
        /// w = torch.ones(3, requires_grad=True); c = torch.ones(3); y = w * c; c.mul_(2); y.sum().backward()
        ///     # ... [torch.FloatTensor [3]] is at version 1; ...
        /// x64 = torch.ones(2, 3, dtype=torch.float64, requires_grad=True); t = (x64 * 1).tanh(); t.zero_()
        /// t.sum().backward()                                 # ... [torch.DoubleTensor [2, 3]], which is output 0 of Tanh, ...
        /// ```
        @Test func modifiedSavedTensorFailsAtBackward() throws {
            let x = try leaf([1, 2, 3])
            let a = try x.mul(2)
            let b = try a.mul(a)
            try a.add_(constant([1]))
            let y = try x.exp()
            try y.add_(constant([1]))
            let w = try leaf([1, 1, 1]), c = constant([1, 1, 1])
            let wc = try w.mul(c)
            try c.mul_(constant([2]))
            let x64 = try leaf([1, 1, 1, 1, 1, 1], [2, 3], dtype: .float64)
            let t = try x64.mul(1).tanh()
            try t.zero_()

            #expect(throws: Self.modified("[torch.FloatTensor [3]], which is output 0 of Add,")) {
                try Engine.backward([b.sum()], gradTensors: [nil])
            }
            #expect(throws: Self.modified("[torch.FloatTensor [3]], which is output 0 of Exp,")) {
                try Engine.backward([y.sum()], gradTensors: [nil])
            }
            #expect(throws: Self.modified("[torch.FloatTensor [3]]")) {
                try Engine.backward([wc.sum()], gradTensors: [nil])
            }
            #expect(throws: Self.modified("[torch.DoubleTensor [2, 3]], which is output 0 of Tanh,")) {
                try Engine.backward([t.sum()], gradTensors: [nil])
            }
        }

        /// The check itself, whatever its wording: such a backward fails, and `.data`
        /// (a version counter of its own) escapes it.
        /// ```
        /// a = x*2; a._version                  # 0
        /// b = a*a; a.add_(1); a.mul_(2)
        /// a._version, a.grad_fn.name()         # 2 MulBackward0
        /// p = x*2; q = p*p; p.data.mul_(2); p._version      # 0
        /// q.sum().backward(); x.grad           # [16., 32., 48.]
        /// ```
        @Test func versionCounterCountsWrites() throws {
            let x = try leaf([1, 2, 3])
            let a = try x.mul(2)
            #expect(a.version.value == 0)
            let b = try a.mul(a)
            try a.add_(constant([1]))
            try a.mul_(constant([2]))
            #expect(a.version.value == 2)
            #expect(a.gradFn?.name == "MulBackward0")
            #expect(throws: AutogradError.self) { try Engine.backward([b.sum()], gradTensors: [nil]) }

            let p = try x.mul(2)
            let q = try p.mul(p)
            try p.data.mul_(constant([2]))
            #expect(p.version.value == 0)
            try Engine.backward([q.sum()], gradTensors: [nil])
            #expect(x.grad?.values == [16, 32, 48])
        }

        /// ```
        /// x = torch.tensor([1., 2., 3.], requires_grad=True)
        /// x.add_(1)        # RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.
        /// x[0].fill_(1)    # RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place operation.
        /// with torch.no_grad():
        ///     x.add_(1)
        /// x, x._version    # tensor([2., 3., 4.], requires_grad=True) 1
        /// ```
        @Test func leafInPlaceChecks() throws {
            let x = try leaf([1, 2, 3])
            #expect(throws: AutogradError.runtime("a leaf Variable that requires grad is being used in an in-place operation.")) {
                try x.add_(constant([1]))
            }
            #expect(throws: AutogradError.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")) {
                try x.select(dim: 0, index: 0).fill_(1)
            }
            #expect(x.values == [1, 2, 3])
            try GradMode.with(false) { try x.add_(constant([1])) }
            #expect(x.values == [2, 3, 4])
            #expect(x.version.value == 1)
            #expect(x.isLeaf && x.requiresGrad)
        }

        /// ```
        /// x = torch.tensor([1., 2., 3.], requires_grad=True)
        /// y = x * 2; v = y[0]; v.fill_(5)
        /// y.grad_fn, v.grad_fn.name(), y.grad_fn.next_functions, y._version, v._version
        ///     # <CopySlices>, AsStridedBackward0, ((<MulBackward0>, 0),), 1, 1
        /// (y*y).sum().backward(); x.grad, y      # [0., 16., 24.] [5., 4., 6.]
        /// ```
        @Test func fillThroughAViewRebasesTheBase() throws {
            let x = try leaf([1, 2, 3])
            let y = try x.mul(2)
            let v = try y.select(dim: 0, index: 0)
            try v.fill_(5)
            #expect(y.gradFn?.name == "CopySlices")
            #expect(y.gradFn?.nextEdges.map { $0?.node.name } == ["MulBackward0"])
            #expect(y.version.value == 1 && v.version.value == 1)
            #expect(v.gradFn?.name == "AsStridedBackward0")
            try Engine.backward([y.mul(y).sum()], gradTensors: [nil])
            #expect(x.grad?.values == [0, 16, 24])
            #expect(y.values == [5, 4, 6])
        }

        /// ```
        /// x = torch.tensor([1., 2., 3.], requires_grad=True); s = torch.tensor(4., requires_grad=True)
        /// y = x * 2; y[1].copy_(s*s)
        /// y.grad_fn, [f.name() for f, _ in y.grad_fn.next_functions]   # <CopySlices> ['MulBackward0', 'MulBackward0']
        /// (y*y).sum().backward(); x.grad, s.grad, y                    # [8., 0., 24.] 256. [2., 16., 6.]
        /// ```
        @Test func copyThroughAViewRoutesTheSourceGradient() throws {
            let x = try leaf([1, 2, 3])
            let s = try leaf([4], [])
            let y = try x.mul(2)
            let s2 = try s.mul(s)
            try y.select(dim: 0, index: 1).copy_(s2)
            #expect(y.gradFn?.name == "CopySlices")
            #expect(y.gradFn?.nextEdges.map { $0?.node.name } == ["MulBackward0", "MulBackward0"])
            try Engine.backward([y.mul(y).sum()], gradTensors: [nil])
            #expect(x.grad?.values == [8, 0, 24])
            #expect(s.grad?.values == [256])
            #expect(y.values == [2, 16, 6])
        }
    }
}
