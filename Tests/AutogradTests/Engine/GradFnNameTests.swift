import Testing
@testable import Autograd

extension EngineTests {
    /// grad_fn names as PyTorch 2.15 prints them (`print(t.grad_fn)`), for the
    /// expressions a lesson writes. Each expected name was printed by running the
    /// Python expression with
    /// ```
    /// x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
    /// v = torch.tensor([1., 2., 3.], requires_grad=True)
    /// m = torch.ones(3, 2, requires_grad=True)
    /// print(EXPRESSION.grad_fn.name())
    /// ```
    @Suite struct GradFnNameTests {
        struct Case {
            var python: String
            var expected: String
            var build: (_ x: Tensor, _ v: Tensor, _ m: Tensor) throws -> Tensor
        }

        static let cases: [Case] = [
            Case(python: "x * x", expected: "MulBackward0") { x, _, _ in try x.mul(x) },
            Case(python: "x * 2", expected: "MulBackward0") { x, _, _ in try x.mul(2) },
            Case(python: "x + x", expected: "AddBackward0") { x, _, _ in try x.add(x) },
            Case(python: "x + 1", expected: "AddBackward0") { x, _, _ in try x.add(1) },
            Case(python: "x - x", expected: "SubBackward0") { x, _, _ in try x.sub(x) },
            Case(python: "x - 1", expected: "SubBackward0") { x, _, _ in try x.sub(1) },
            Case(python: "1 - x", expected: "RsubBackward1") { x, _, _ in try x.rsub(1) },
            Case(python: "torch.rsub(x, v)", expected: "RsubBackward0") { x, v, _ in try x.rsub(v) },
            Case(python: "x / x", expected: "DivBackward0") { x, _, _ in try x.div(x) },
            Case(python: "x / 2", expected: "DivBackward0") { x, _, _ in try x.div(2) },
            Case(python: "-x", expected: "NegBackward0") { x, _, _ in try x.neg() },
            Case(python: "x.reciprocal()", expected: "ReciprocalBackward0") { x, _, _ in try x.reciprocal() },
            Case(python: "x ** 2", expected: "PowBackward0") { x, _, _ in try x.pow(2) },
            Case(python: "x.pow(2.5)", expected: "PowBackward0") { x, _, _ in try x.pow(2.5) },
            Case(python: "x ** x", expected: "PowBackward1") { x, _, _ in try x.pow(x) },
            Case(python: "2 ** x", expected: "PowBackward2") { x, _, _ in try x.rpow(2) },
            Case(python: "x.sum()", expected: "SumBackward0") { x, _, _ in try x.sum() },
            Case(python: "x.sum(1)", expected: "SumBackward1") { x, _, _ in try x.sum(dims: [1]) },
            Case(python: "x.sum(dim=0, keepdim=True)", expected: "SumBackward1") { x, _, _ in try x.sum(dims: [0], keepdim: true) },
            Case(python: "x.mean()", expected: "MeanBackward0") { x, _, _ in try x.mean() },
            Case(python: "x.mean(0)", expected: "MeanBackward1") { x, _, _ in try x.mean(dims: [0]) },
            Case(python: "x.var()", expected: "VarBackward0") { x, _, _ in try x.variance(dims: nil, correction: 1, keepdim: false) },
            Case(python: "x.var(1)", expected: "VarBackward0") { x, _, _ in try x.variance(dims: [1], correction: 1, keepdim: false) },
            Case(python: "x.std(0, keepdim=True)", expected: "StdBackward0") { x, _, _ in
                try x.standardDeviation(dims: [0], correction: 1, keepdim: true)
            },
            Case(python: "x.prod()", expected: "ProdBackward0") { x, _, _ in try x.prod(dim: nil, keepdim: false) },
            Case(python: "x.prod(1)", expected: "ProdBackward1") { x, _, _ in try x.prod(dim: 1, keepdim: false) },
            Case(python: "x.tan()", expected: "TanBackward0") { x, _, _ in try x.tan() },
            Case(python: "x.atan()", expected: "AtanBackward0") { x, _, _ in try x.atan() },
            Case(python: "x.sinh()", expected: "SinhBackward0") { x, _, _ in try x.sinh() },
            Case(python: "x.cosh()", expected: "CoshBackward0") { x, _, _ in try x.cosh() },
            Case(python: "x.log1p()", expected: "Log1PBackward0") { x, _, _ in try x.log1p() },
            Case(python: "x.expm1()", expected: "Expm1Backward0") { x, _, _ in try x.expm1() },
            Case(python: "x.log2()", expected: "Log2Backward0") { x, _, _ in try x.log2() },
            Case(python: "x.log10()", expected: "Log10Backward0") { x, _, _ in try x.log10() },
            Case(python: "x.rsqrt()", expected: "RsqrtBackward0") { x, _, _ in try x.rsqrt() },
            Case(python: "x.floor()", expected: "FloorBackward0") { x, _, _ in try x.rounding(.down) },
            Case(python: "x.ceil()", expected: "CeilBackward0") { x, _, _ in try x.rounding(.up) },
            Case(python: "x.round()", expected: "RoundBackward0") { x, _, _ in try x.rounding(.toNearestOrEven) },
            Case(python: "x.trunc()", expected: "TruncBackward0") { x, _, _ in try x.rounding(.towardZero) },
            Case(python: "x.round(decimals=1)", expected: "RoundBackward1") { x, _, _ in try x.round(decimals: 1) },
            Case(python: "x.mm(m)", expected: "MmBackward0") { x, _, m in try x.mm(m) },
            Case(python: "x @ m", expected: "MmBackward0") { x, _, m in try x.matmul(m) },
            Case(python: "x.mv(v)", expected: "MvBackward0") { x, v, _ in try x.mv(v) },
            Case(python: "x @ v", expected: "MvBackward0") { x, v, _ in try x.matmul(v) },
            Case(python: "v.dot(v)", expected: "DotBackward0") { _, v, _ in try v.dot(v) },
            Case(python: "v @ v", expected: "DotBackward0") { _, v, _ in try v.matmul(v) },
            Case(python: "v @ m", expected: "SqueezeBackward4") { _, v, m in try v.matmul(m) },
            Case(python: "x.t()", expected: "TBackward0") { x, _, _ in try x.t() },
            Case(python: "x.T", expected: "PermuteBackward0") { x, _, _ in try x.permute([1, 0]) },
            Case(python: "x.permute(1, 0)", expected: "PermuteBackward0") { x, _, _ in try x.permute([1, 0]) },
            Case(python: "x.transpose(0, 1)", expected: "TransposeBackward0") { x, _, _ in try x.transpose(0, 1) },
            Case(python: "x.view(3, 2)", expected: "ViewBackward0") { x, _, _ in try x.view([3, 2]) },
            Case(python: "x.reshape(6)", expected: "ViewBackward0") { x, _, _ in try x.reshape([6]) },
            Case(python: "x.t().reshape(6)", expected: "UnsafeViewBackward0") { x, _, _ in try x.t().reshape([6]) },
            Case(python: "x[0]", expected: "SelectBackward0") { x, _, _ in try x.select(dim: 0, index: 0) },
            Case(python: "x[:, 1]", expected: "SelectBackward0") { x, _, _ in try x.select(dim: 1, index: 1) },
            Case(python: "x[0:1]", expected: "SliceBackward0") { x, _, _ in try x.slice(dim: 0, start: 0, end: 1) },
            Case(python: "x[:, ::2]", expected: "SliceBackward0") { x, _, _ in try x.slice(dim: 1, start: nil, end: nil, step: 2) },
            Case(python: "x[[1, 0]]", expected: "IndexBackward0") { x, _, _ in try x.index([1, 0]) },
            Case(python: "x[...]", expected: "AliasBackward0") { x, _, _ in try x.aliasView() },
            Case(python: "x.unsqueeze(0)", expected: "UnsqueezeBackward0") { x, _, _ in try x.unsqueeze(0) },
            Case(python: "x.unsqueeze(0).squeeze()", expected: "SqueezeBackward0") { x, _, _ in try x.unsqueeze(0).squeeze() },
            Case(python: "x.unsqueeze(0).squeeze(0)", expected: "SqueezeBackward1") { x, _, _ in try x.unsqueeze(0).squeeze(dim: 0) },
            Case(python: "v.expand(2, 3)", expected: "ExpandBackward0") { _, v, _ in try v.expand([2, 3]) },
            Case(python: "x.exp()", expected: "ExpBackward0") { x, _, _ in try x.exp() },
            Case(python: "x.log()", expected: "LogBackward0") { x, _, _ in try x.log() },
            Case(python: "x.sin()", expected: "SinBackward0") { x, _, _ in try x.sin() },
            Case(python: "x.cos()", expected: "CosBackward0") { x, _, _ in try x.cos() },
            Case(python: "x.tanh()", expected: "TanhBackward0") { x, _, _ in try x.tanh() },
            Case(python: "x.sigmoid()", expected: "SigmoidBackward0") { x, _, _ in try x.sigmoid() },
            Case(python: "x.relu()", expected: "ReluBackward0") { x, _, _ in try x.relu() },
            Case(python: "x.sqrt()", expected: "SqrtBackward0") { x, _, _ in try x.sqrt() },
            Case(python: "x.abs()", expected: "AbsBackward0") { x, _, _ in try x.abs() },
            Case(python: "x.sign()", expected: "SignBackward0") { x, _, _ in try x.sign() },
            Case(python: "x.clamp(0, 1)", expected: "ClampBackward1") { x, _, _ in try x.clamp(min: 0, max: 1) },
            Case(python: "x.clamp(min=0)", expected: "ClampBackward1") { x, _, _ in try x.clamp(min: 0, max: nil) },
            Case(python: "x.clamp(max=1)", expected: "ClampBackward1") { x, _, _ in try x.clamp(min: nil, max: 1) },
            Case(python: "x.max()", expected: "MaxBackward1") { x, _, _ in try x.extremum(max: true) },
            Case(python: "x.min()", expected: "MinBackward1") { x, _, _ in try x.extremum(max: false) },
            Case(python: "x.max(1)[0]", expected: "MaxBackward0") { x, _, _ in try x.extremum(max: true, dim: 1, keepdim: false).values },
            Case(python: "x.min(0)[0]", expected: "MinBackward0") { x, _, _ in try x.extremum(max: false, dim: 0, keepdim: false).values },
            Case(python: "x.softmax(1)", expected: "SoftmaxBackward0") { x, _, _ in try x.softmax(dim: 1) },
            Case(python: "x.log_softmax(1)", expected: "LogSoftmaxBackward0") { x, _, _ in try x.logSoftmax(dim: 1) },
            Case(python: "x.norm()", expected: "LinalgVectorNormBackward0") { x, _, _ in try x.norm2(dims: nil, keepdim: false) },
            Case(python: "x.norm(dim=1)", expected: "LinalgVectorNormBackward0") { x, _, _ in try x.norm2(dims: [1], keepdim: false) },
            Case(python: "x.clone()", expected: "CloneBackward0") { x, _, _ in try x.clone() },
            Case(python: "x.double()", expected: "ToCopyBackward0") { x, _, _ in try x.to(.float64) },
            Case(python: "torch.where(x > 2, x, v)", expected: "WhereBackward0") { x, v, _ in
                try Tensor.where(x.compare(.gt, Tensor.wrapped(2, dtype: .int64)), x, v)
            },
            Case(python: "torch.cat([x, x])", expected: "CatBackward0") { x, _, _ in try Tensor.cat([x, x], dim: 0) },
            Case(python: "torch.stack([v, v])", expected: "StackBackward0") { _, v, _ in try Tensor.stack([v, v], dim: 0) },
            Case(python: "y = x * 1; y.fill_(2); y", expected: "FillBackward2") { x, _, _ in
                let y = try x.mul(1); try y.fill_(2); return y
            },
            Case(python: "y = x * 1; y.zero_(); y", expected: "ZeroBackward0") { x, _, _ in
                let y = try x.mul(1); try y.zero_(); return y
            },
            Case(python: "y = x * 1; y.copy_(v); y", expected: "CopyBackwards") { x, v, _ in
                let y = try x.mul(1); try y.copy_(v); return y
            },
            Case(python: "y = x * 1; y.add_(1); y", expected: "AddBackward0") { x, _, _ in
                let y = try x.mul(1); try y.add_(constant([1])); return y
            },
            Case(python: "y = x * 1; y.mul_(v); y", expected: "MulBackward0") { x, v, _ in
                let y = try x.mul(1); try y.mul_(v); return y
            },
            Case(python: "y = x * 1; y[[1, 0]] = v; y", expected: "IndexPutBackward0") { x, v, _ in
                let y = try x.mul(1); try y.indexPut(positions: [3, 4, 5, 0, 1, 2], valueShape: [2, 3], values: v); return y
            },
            Case(python: "y = x * 1; y[0] = 5; y", expected: "CopySlices") { x, _, _ in
                let y = try x.mul(1); try y.select(dim: 0, index: 0).fill_(5); return y
            },
        ]

        @Test(arguments: cases.map(\.python))
        func gradFnNameMatchesPyTorch(python: String) throws {
            let c = try #require(Self.cases.first { $0.python == python })
            let x = try leaf([1, 2, 3, 4, 5, 6], [2, 3])
            let v = try leaf([1, 2, 3])
            let m = try leaf([1, 1, 1, 1, 1, 1], [3, 2])
            let name = try c.build(x, v, m).gradFn?.name
            #expect(name == c.expected, "\(python)")
        }

        /// Nodes written by hand in PyTorch's C++ print short but answer `name()` with their namespace.
        /// ```
        /// y = x * 2; y.grad_fn.next_functions[0][0].name()     # torch::autograd::AccumulateGrad
        /// y = x * 1; y.copy_(v); y.grad_fn.name()              # torch::autograd::CopyBackwards
        /// y = x * 2; y[0] = 5; y.grad_fn.name()                # torch::autograd::CopySlices
        /// (x * 2).grad_fn.name()                               # MulBackward0
        /// ```
        @Test func qualifiedNames() throws {
            let x = try leaf([1, 2, 3, 4, 5, 6], [2, 3]), v = try leaf([1, 2, 3])
            let y = try x.mul(2)
            #expect(y.gradFn?.qualifiedName == "MulBackward0")
            #expect(y.gradFn?.nextEdges[0]?.node.qualifiedName == "torch::autograd::AccumulateGrad")
            let c = try x.mul(1)
            try c.copy_(v)
            #expect(c.gradFn?.qualifiedName == "torch::autograd::CopyBackwards")
            try y.select(dim: 0, index: 0).fill_(5)
            #expect(y.gradFn?.qualifiedName == "torch::autograd::CopySlices")
        }

        /// The nodes at the leaves: one AccumulateGrad per leaf, shared by every use.
        /// ```
        /// y = x * x; y.grad_fn.next_functions   # ((<AccumulateGrad>, 0), (<AccumulateGrad>, 0)), the same object
        /// ```
        @Test func leavesEndInOneAccumulateGradEach() throws {
            let x = try leaf([1, 2])
            let y = try x.mul(x)
            let next = try #require(y.gradFn?.nextEdges)
            #expect(next.map { $0?.node.name } == ["AccumulateGrad", "AccumulateGrad"])
            #expect(next.map { $0?.inputNr } == [0, 0])
            #expect(next[0]?.node === next[1]?.node)
            #expect(x.gradAccumulatorNode === next[0]?.node)
        }
    }
}
