@testable import Autograd

/// Gradient checks per derivative rule, keyed by the rule's grad_fn name (what a
/// learner sees; `op` is shared by the three `pow` rules). Where two rules share a
/// name, the cases under it must reach both. A rule without an entry here fails
/// `GradCheckTests.everyRuleHasAGradientCheck`.
let gradCheckCases: [String: [GradCheckCase]] = {
    var cases: [String: [GradCheckCase]] = [:]

    // MARK: Arithmetic

    cases["AddBackward0"] = binary("a + b") { try $0.add($1) } + [
        GradCheckCase("a + b, alpha 2.5", [.any([2, 3]), .any([3])]) { try $0[0].add($0[1], alpha: 2.5) },
        GradCheckCase("x + 1.5", [.any([2, 3])]) { try $0[0].add(1.5) },
    ]
    cases["SubBackward0"] = binary("a - b") { try $0.sub($1) } + [
        GradCheckCase("a - b, alpha 2.5", [.any([2, 3]), .any([2, 1])]) { try $0[0].sub($0[1], alpha: 2.5) },
        GradCheckCase("x - 1.5", [.any([2, 3])]) { try $0[0].sub(1.5) },
    ]
    cases["RsubBackward1"] = unary("1.5 - x") { try $0.rsub(1.5) }
    cases["RsubBackward0"] = binary("torch.rsub(a, b)") { try $0.rsub($1) }
    cases["MulBackward0"] = binary("a * b") { try $0.mul($1) } + [
        GradCheckCase("x * 2.5", [.any([2, 3])]) { try $0[0].mul(2.5) },
    ]
    cases["DivBackward0"] = binary("a / b", rhs: InputSpec.nonzero) { try $0.div($1) } + [
        GradCheckCase("x / 2.5", [.any([2, 3])]) { try $0[0].div(2.5) },
    ]
    // Rounded quotients are flat between their jumps: gradient zero for both inputs.
    cases["DivBackward2"] = [
        GradCheckCase("a.div(b, rounding_mode='floor')", [.any([2, 3]), .positive([3])]) { try $0[0].div($0[1], roundingMode: "floor") },
        GradCheckCase("a.div(b, rounding_mode='trunc')", [.any([2, 3]), .nonzero([2, 1])]) { try $0[0].div($0[1], roundingMode: "trunc") },
    ]
    cases["NegBackward0"] = unary("-x") { try $0.neg() }
    cases["ReciprocalBackward0"] = unary("1 / x", InputSpec.nonzero) { try $0.reciprocal() }
    cases["PowBackward0"] = [
        GradCheckCase("x ** 2", [.any([2, 3])]) { try $0[0].pow(2) },
        GradCheckCase("x ** 3", [.any([2, 3])]) { try $0[0].pow(3) },
        GradCheckCase("x ** 1", [.any([2, 3])]) { try $0[0].pow(1) },
        GradCheckCase("x ** 0", [.any([2, 3])]) { try $0[0].pow(0) },
        GradCheckCase("x ** 0.5", [.positive([2, 3])]) { try $0[0].pow(0.5) },
        GradCheckCase("x ** -0.5", [.positive([2, 3])]) { try $0[0].pow(-0.5) },
        GradCheckCase("x ** -1", [.nonzero([2, 3])]) { try $0[0].pow(-1) },
        GradCheckCase("x ** -2", [.nonzero([2, 3])]) { try $0[0].pow(-2) },
        GradCheckCase("x ** 2.7", [.positive([2, 3])]) { try $0[0].pow(2.7) },
    ]
    cases["PowBackward1"] = binary("a ** b", lhs: InputSpec.positive, same: InputSpec.positive) { try $0.pow($1) }
    cases["PowBackward2"] = [
        GradCheckCase("2 ** x", [.any([2, 3])]) { try $0[0].rpow(2) },
        GradCheckCase("0.5 ** x", [.any([2, 3])]) { try $0[0].rpow(0.5) },
        GradCheckCase("3.7 ** x", [.any([3])]) { try $0[0].rpow(3.7) },
    ]

    // MARK: Functions

    cases["ExpBackward0"] = unary("exp") { try $0.exp() }
    cases["LogBackward0"] = unary("log", InputSpec.positive) { try $0.log() }
    cases["SinBackward0"] = unary("sin") { try $0.sin() }
    cases["CosBackward0"] = unary("cos") { try $0.cos() }
    cases["TanhBackward0"] = unary("tanh") { try $0.tanh() }
    cases["TanhBackwardBackward0"] = binary("tanh_backward(g, y)") { try $0.tanhBackward($1) }
    cases["SigmoidBackward0"] = unary("sigmoid") { try $0.sigmoid() }
    cases["SigmoidBackwardBackward0"] = binary("sigmoid_backward(g, y)") { try $0.sigmoidBackward($1) }
    cases["ThresholdBackwardBackward0"] = binary("threshold_backward(g, x, 0)", rhs: InputSpec.nonzero) {
        try $0.thresholdBackward($1, threshold: 0)
    }
    cases["ReluBackward0"] = unary("relu", InputSpec.nonzero) { try $0.relu() }
    cases["SqrtBackward0"] = unary("sqrt", InputSpec.positive) { try $0.sqrt() }
    cases["AbsBackward0"] = unary("abs", InputSpec.nonzero) { try $0.abs() }
    cases["SignBackward0"] = unary("sign", InputSpec.nonzero) { try $0.sign() }
    cases["TanBackward0"] = unary("tan", { InputSpec(shape: $0, lo: -1.2, hi: 1.2) }) { try $0.tan() }
    cases["AtanBackward0"] = unary("atan") { try $0.atan() }
    cases["SinhBackward0"] = unary("sinh") { try $0.sinh() }
    cases["CoshBackward0"] = unary("cosh") { try $0.cosh() }
    cases["Log1PBackward0"] = unary("log1p", InputSpec.positive) { try $0.log1p() }
    cases["Expm1Backward0"] = unary("expm1") { try $0.expm1() }
    cases["Log2Backward0"] = unary("log2", InputSpec.positive) { try $0.log2() }
    cases["Log10Backward0"] = unary("log10", InputSpec.positive) { try $0.log10() }
    cases["RsqrtBackward0"] = unary("rsqrt", InputSpec.positive) { try $0.rsqrt() }
    // Rounding is flat between its jumps: inputs keep away from the jumps.
    let offIntegers = { (s: [Int]) in InputSpec(shape: s, avoid: [-2, -1, 0, 1, 2]) }
    let offHalves = { (s: [Int]) in InputSpec(shape: s, avoid: [-1.5, -0.5, 0.5, 1.5]) }
    cases["FloorBackward0"] = unary("floor", offIntegers) { try $0.rounding(.down) }
    cases["CeilBackward0"] = unary("ceil", offIntegers) { try $0.rounding(.up) }
    cases["RoundBackward0"] = unary("round", offHalves) { try $0.rounding(.toNearestOrEven) }
    cases["TruncBackward0"] = unary("trunc", offIntegers) { try $0.rounding(.towardZero) }
    cases["RoundBackward1"] = [
        GradCheckCase("round(decimals=1)", [InputSpec(shape: [2, 3], lo: 0.11, hi: 0.14)]) { try $0[0].round(decimals: 1) },
        GradCheckCase("round(decimals=-1)", [.any([2, 3])]) { try $0[0].round(decimals: -1) },
    ]
    let bounded = InputSpec(shape: [2, 3], lo: -1, hi: 1, avoid: [-0.5, 0.5])
    cases["ClampBackward1"] = [
        GradCheckCase("clamp(-0.5, 0.5)", [bounded]) { try $0[0].clamp(min: -0.5, max: 0.5) },
        GradCheckCase("clamp(min=-0.5)", [bounded]) { try $0[0].clamp(min: -0.5, max: nil) },
        GradCheckCase("clamp(max=0.5)", [bounded]) { try $0[0].clamp(min: nil, max: 0.5) },
    ]
    cases["WhereBackward0"] = [
        GradCheckCase("where(c, a, b)", [.any([2, 3]), .any([2, 3])]) {
            try Tensor.where(constant([1, 0, 1, 0, 0, 1], [2, 3], dtype: .bool), $0[0], $0[1])
        },
        GradCheckCase("where(c, a, b), b broadcast", [.any([2, 3]), .any([3])]) {
            try Tensor.where(constant([1, 0, 1, 0, 0, 1], [2, 3], dtype: .bool), $0[0], $0[1])
        },
        GradCheckCase("where(c, a, b), c and a broadcast", [.any([2, 1]), .any([2, 3])]) {
            try Tensor.where(constant([0, 1, 1], [3], dtype: .bool), $0[0], $0[1])
        },
    ]

    // MARK: Reductions

    cases["SumBackward0"] = [
        GradCheckCase("sum()", [.any([2, 3])]) { try $0[0].sum() },
        GradCheckCase("sum() of 0-dim", [.any([])]) { try $0[0].sum() },
        GradCheckCase("sum() of a transposed view", [.any([2, 3])]) { try $0[0].t().mul($0[0].t()).sum() },
    ]
    cases["SumBackward1"] = [
        GradCheckCase("sum(1)", [.any([2, 3])]) { try $0[0].sum(dims: [1]) },
        GradCheckCase("sum(0, keepdim)", [.any([2, 3])]) { try $0[0].sum(dims: [0], keepdim: true) },
        GradCheckCase("sum((0, 2))", [.any([2, 3, 4])]) { try $0[0].sum(dims: [0, 2]) },
        GradCheckCase("sum(-1, keepdim)", [.any([2, 3, 4])]) { try $0[0].sum(dims: [-1], keepdim: true) },
    ]
    cases["MeanBackward0"] = [
        GradCheckCase("mean()", [.any([2, 3])]) { try $0[0].mean() },
        GradCheckCase("mean() of 0-dim", [.any([])]) { try $0[0].mean() },
    ]
    cases["MeanBackward1"] = [
        GradCheckCase("mean(1)", [.any([2, 3])]) { try $0[0].mean(dims: [1]) },
        GradCheckCase("mean(0, keepdim)", [.any([2, 3])]) { try $0[0].mean(dims: [0], keepdim: true) },
        GradCheckCase("mean((0, 2))", [.any([2, 3, 4])]) { try $0[0].mean(dims: [0, 2]) },
        GradCheckCase("mean(-2, keepdim)", [.any([2, 3, 4])]) { try $0[0].mean(dims: [-2], keepdim: true) },
    ]
    cases["MaxBackward1"] = [GradCheckCase("max()", [.any([2, 3])]) { try $0[0].extremum(max: true) }]
    cases["MinBackward1"] = [GradCheckCase("min()", [.any([2, 3])]) { try $0[0].extremum(max: false) }]
    cases["MaxBackward0"] = [
        GradCheckCase("max(1)", [.any([2, 3])]) { try $0[0].extremum(max: true, dim: 1, keepdim: false).values },
        GradCheckCase("max(0, keepdim)", [.any([2, 3])]) { try $0[0].extremum(max: true, dim: 0, keepdim: true).values },
        GradCheckCase("max(-2) of [2, 3, 4]", [.any([2, 3, 4])]) { try $0[0].extremum(max: true, dim: -2, keepdim: false).values },
    ]
    cases["MinBackward0"] = [
        GradCheckCase("min(1)", [.any([2, 3])]) { try $0[0].extremum(max: false, dim: 1, keepdim: false).values },
        GradCheckCase("min(0, keepdim)", [.any([2, 3])]) { try $0[0].extremum(max: false, dim: 0, keepdim: true).values },
        GradCheckCase("min(-1) of [2, 3, 4]", [.any([2, 3, 4])]) { try $0[0].extremum(max: false, dim: -1, keepdim: false).values },
    ]
    cases["VarBackward0"] = [
        GradCheckCase("var()", [.any([2, 3])]) { try $0[0].variance(dims: nil, correction: 1, keepdim: false) },
        GradCheckCase("var(1)", [.any([2, 3])]) { try $0[0].variance(dims: [1], correction: 1, keepdim: false) },
        GradCheckCase("var(0, correction=0, keepdim)", [.any([2, 3])]) { try $0[0].variance(dims: [0], correction: 0, keepdim: true) },
        GradCheckCase("var((0, 2)) of [2, 3, 4]", [.any([2, 3, 4])]) { try $0[0].variance(dims: [0, 2], correction: 1, keepdim: false) },
    ]
    cases["StdBackward0"] = [
        GradCheckCase("std()", [.any([2, 3])]) { try $0[0].standardDeviation(dims: nil, correction: 1, keepdim: false) },
        GradCheckCase("std(1)", [.any([2, 3])]) { try $0[0].standardDeviation(dims: [1], correction: 1, keepdim: false) },
        GradCheckCase("std(-1, correction=0, keepdim)", [.any([2, 3])]) {
            try $0[0].standardDeviation(dims: [-1], correction: 0, keepdim: true)
        },
        GradCheckCase("std((0, 2)) of [2, 3, 4]", [.any([2, 3, 4])]) {
            try $0[0].standardDeviation(dims: [0, 2], correction: 1, keepdim: false)
        },
    ]
    cases["ProdBackward0"] = [
        GradCheckCase("prod()", [.any([2, 3])]) { try $0[0].prod(dim: nil, keepdim: false) },
        GradCheckCase("prod() of 0-dim", [.any([])]) { try $0[0].prod(dim: nil, keepdim: false) },
        GradCheckCase("prod() with a zero element", [.any([4])]) { try $0[0].mul(constant([1, 0, 1, 1])).prod(dim: nil, keepdim: false) },
    ]
    cases["ProdBackward1"] = [
        GradCheckCase("prod(1)", [.any([2, 3])]) { try $0[0].prod(dim: 1, keepdim: false) },
        GradCheckCase("prod(0, keepdim)", [.any([2, 3])]) { try $0[0].prod(dim: 0, keepdim: true) },
        GradCheckCase("prod(-2) of [2, 3, 4]", [.any([2, 3, 4])]) { try $0[0].prod(dim: -2, keepdim: false) },
    ]
    cases["ScatterBackward0"] = [
        GradCheckCase("place [2] along dim 1 of [2, 3]", [.any([2])]) {
            try $0[0].placeAlong(dim: 1, indices: [2, 0], keepdim: false, shape: [2, 3])
        },
        GradCheckCase("place [1, 3] along dim 0 of [2, 3]", [.any([1, 3])]) {
            try $0[0].placeAlong(dim: 0, indices: [1, 0, 1], keepdim: true, shape: [2, 3])
        },
    ]
    cases["GatherBackward0"] = [
        GradCheckCase("gather along dim 1 of [2, 3]", [.any([2, 3])]) {
            try $0[0].gatherAlong(dim: 1, indices: [2, 0], keepdim: false)
        },
        GradCheckCase("gather along dim 0 of [2, 3], keepdim", [.any([2, 3])]) {
            try $0[0].gatherAlong(dim: 0, indices: [1, 0, 1], keepdim: true)
        },
    ]
    cases["SoftmaxBackward0"] = [
        GradCheckCase("softmax(1)", [.any([2, 3])]) { try $0[0].softmax(dim: 1) },
        GradCheckCase("softmax(0)", [.any([2, 3])]) { try $0[0].softmax(dim: 0) },
    ]
    cases["LogSoftmaxBackwardDataBackward0"] = [
        GradCheckCase("_log_softmax_backward_data(g, y, 1)", [.any([2, 3]), .any([2, 3])]) { try $0[0].logSoftmaxBackwardData($0[1], dim: 1) },
    ]
    cases["LogSoftmaxBackward0"] = [
        GradCheckCase("log_softmax(1)", [.any([2, 3])]) { try $0[0].logSoftmax(dim: 1) },
        GradCheckCase("log_softmax(-2)", [.any([2, 3])]) { try $0[0].logSoftmax(dim: -2) },
    ]
    cases["LinalgVectorNormBackward0"] = [
        GradCheckCase("norm()", [.nonzero([2, 3])]) { try $0[0].norm2(dims: nil, keepdim: false) },
        GradCheckCase("norm(dim=1)", [.nonzero([2, 3])]) { try $0[0].norm2(dims: [1], keepdim: false) },
        GradCheckCase("norm(dim=0, keepdim)", [.nonzero([2, 3])]) { try $0[0].norm2(dims: [0], keepdim: true) },
    ]

    // MARK: Linear algebra

    cases["MmBackward0"] = [
        GradCheckCase("[2, 3] mm [3, 4]", [.any([2, 3]), .any([3, 4])]) { try $0[0].mm($0[1]) },
        GradCheckCase("transposed views: [3, 2]ᵀ mm [4, 3]ᵀ", [.any([3, 2]), .any([4, 3])]) { try $0[0].t().mm($0[1].t()) },
        GradCheckCase("x mm x", [.any([3, 3])]) { try $0[0].mm($0[0]) },
        GradCheckCase("one transposed operand: [3, 2]ᵀ mm [3, 4]", [.any([3, 2]), .any([3, 4])]) { try $0[0].t().mm($0[1]) },
    ]
    cases["DotBackward0"] = [
        GradCheckCase("a · b", [.any([4]), .any([4])]) { try $0[0].dot($0[1]) },
        GradCheckCase("x · x", [.any([4])]) { try $0[0].dot($0[0]) },
    ]
    cases["MvBackward0"] = [
        GradCheckCase("[2, 3] mv [3]", [.any([2, 3]), .any([3])]) { try $0[0].mv($0[1]) },
        GradCheckCase("[3, 4] @ [4, 2] @ [2] (matmul)", [.any([3, 4]), .any([4, 2]), .any([2])]) {
            try $0[0].matmul($0[1]).matmul($0[2])
        },
    ]

    cases["AddmmBackward0"] = [
        GradCheckCase("addmm([4], [2, 3], [3, 4])", [.any([4]), .any([2, 3]), .any([3, 4])]) { try Tensor.addmm($0[0], $0[1], $0[2]) },
        GradCheckCase("addmm([2, 4], [2, 3], [3, 4])", [.any([2, 4]), .any([2, 3]), .any([3, 4])]) { try Tensor.addmm($0[0], $0[1], $0[2]) },
        GradCheckCase("addmm([2, 1], [2, 3], [3, 4])", [.any([2, 1]), .any([2, 3]), .any([3, 4])]) { try Tensor.addmm($0[0], $0[1], $0[2]) },
        GradCheckCase("addmm with transposed views (F.linear's w.t())", [.any([4]), .any([3, 2]), .any([4, 3])]) { try Tensor.addmm($0[0], $0[1].t(), $0[2].t()) },
    ]

    // MARK: Losses

    cases["MseLossBackward0"] = [
        GradCheckCase("mse_loss, mean", [.any([2, 3]), .any([2, 3])]) { try $0[0].mseLoss($0[1], reduction: .mean) },
        GradCheckCase("mse_loss, sum", [.any([2, 3]), .any([2, 3])]) { try $0[0].mseLoss($0[1], reduction: .sum) },
        GradCheckCase("mse_loss, none", [.any([2, 3]), .any([2, 3])]) { try $0[0].mseLoss($0[1], reduction: .none) },
        GradCheckCase("mse_loss, target broadcast", [.any([2, 3]), .any([3])]) { try $0[0].mseLoss($0[1], reduction: .mean) },
    ]
    cases["NllLossBackward0"] = [
        GradCheckCase("nll_loss [2, 3], mean", [.any([2, 3])]) { try $0[0].nllLoss([2, 0], reduction: .mean) },
        GradCheckCase("nll_loss [2, 3], sum", [.any([2, 3])]) { try $0[0].nllLoss([1, 1], reduction: .sum) },
        GradCheckCase("nll_loss [2, 3], none", [.any([2, 3])]) { try $0[0].nllLoss([2, 0], reduction: .none) },
        GradCheckCase("nll_loss [3], mean", [.any([3])]) { try $0[0].nllLoss([1], reduction: .mean) },
        GradCheckCase("nll_loss of log_softmax", [.any([2, 3])]) { try $0[0].logSoftmax(dim: 1).nllLoss([2, 0], reduction: .mean) },
    ]

    // MARK: Shape

    cases["TBackward0"] = [
        GradCheckCase("[2, 3].t()", [.any([2, 3])]) { try $0[0].t() },
        GradCheckCase("[3].t()", [.any([3])]) { try $0[0].t() },
    ]
    cases["PermuteBackward0"] = [
        GradCheckCase("permute(2, 0, 1)", [.any([2, 3, 4])]) { try $0[0].permute([2, 0, 1]) },
        GradCheckCase("permute(1, 0)", [.any([2, 3])]) { try $0[0].permute([1, 0]) },
    ]
    cases["TransposeBackward0"] = [
        GradCheckCase("transpose(0, 2)", [.any([2, 3, 4])]) { try $0[0].transpose(0, 2) },
        GradCheckCase("transpose(-1, 0)", [.any([2, 3])]) { try $0[0].transpose(-1, 0) },
    ]
    cases["ViewBackward0"] = [
        GradCheckCase("view(3, 2)", [.any([2, 3])]) { try $0[0].view([3, 2]) },
        GradCheckCase("view(-1)", [.any([2, 3])]) { try $0[0].view([-1]) },
        GradCheckCase("view(6, 4) of [2, 3, 4]", [.any([2, 3, 4])]) { try $0[0].view([6, 4]) },
    ]
    cases["UnsafeViewBackward0"] = [
        GradCheckCase("t().reshape(6)", [.any([2, 3])]) { try $0[0].t().reshape([6]) },
    ]
    cases["UnsqueezeBackward0"] = [
        GradCheckCase("unsqueeze(1)", [.any([2, 3])]) { try $0[0].unsqueeze(1) },
        GradCheckCase("unsqueeze(-1)", [.any([2, 3])]) { try $0[0].unsqueeze(-1) },
        GradCheckCase("unsqueeze(0) of 0-dim", [.any([])]) { try $0[0].unsqueeze(0) },
    ]
    cases["SqueezeBackward0"] = [
        GradCheckCase("[2, 1, 3, 1].squeeze()", [.any([2, 1, 3, 1])]) { try $0[0].squeeze() },
        GradCheckCase("[1].squeeze()", [.any([1])]) { try $0[0].squeeze() },
    ]
    cases["SqueezeBackward1"] = [
        GradCheckCase("[2, 1, 3].squeeze(1)", [.any([2, 1, 3])]) { try $0[0].squeeze(dim: 1) },
        GradCheckCase("[2, 3].squeeze(0) (no size-1 dim)", [.any([2, 3])]) { try $0[0].squeeze(dim: 0) },
        GradCheckCase("[2, 3, 1].squeeze(-1)", [.any([2, 3, 1])]) { try $0[0].squeeze(dim: -1) },
    ]
    cases["SqueezeBackward4"] = [
        GradCheckCase("[3] @ [3, 2] (matmul squeezes its result in place)", [.any([3]), .any([3, 2])]) { try $0[0].matmul($0[1]) },
    ]
    cases["ExpandBackward0"] = [
        GradCheckCase("[3].expand(2, 3)", [.any([3])]) { try $0[0].expand([2, 3]) },
        GradCheckCase("[2, 1].expand(2, 4)", [.any([2, 1])]) { try $0[0].expand([2, 4]) },
        GradCheckCase("[1, 3].expand(2, 2, 3)", [.any([1, 3])]) { try $0[0].expand([2, 2, 3]) },
        GradCheckCase("[2, 1].expand(3, -1, 2)", [.any([2, 1])]) { try $0[0].expand([3, -1, 2]) },
        GradCheckCase("0-dim expand(2, 2)", [.any([])]) { try $0[0].expand([2, 2]) },
    ]
    cases["CloneBackward0"] = unary("clone") { try $0.clone() }
    cases["AliasBackward0"] = unary("x[...]") { try $0.aliasView() }
    cases["ToCopyBackward0"] = [
        GradCheckCase("float32 to float64", [InputSpec(shape: [2, 3], dtype: .float32)]) { try $0[0].to(.float64).mul($0[0].to(.float64)) },
    ]
    cases["SelectBackward0"] = [
        GradCheckCase("x[:, 2]", [.any([2, 3])]) { try $0[0].select(dim: 1, index: 2) },
        GradCheckCase("x[-1]", [.any([2, 3])]) { try $0[0].select(dim: 0, index: -1) },
        GradCheckCase("x[:, 1] of [2, 3, 4]", [.any([2, 3, 4])]) { try $0[0].select(dim: 1, index: 1) },
    ]
    cases["SelectBackwardBackward0"] = [
        GradCheckCase("select_backward into [2, 3] at [:, 1]", [.any([2])]) {
            try $0[0].selectBackward(shape: [2, 3], dim: 1, index: 1)
        },
    ]
    cases["SliceBackward0"] = [
        GradCheckCase("x[1:3]", [.any([4, 3])]) { try $0[0].slice(dim: 0, start: 1, end: 3) },
        GradCheckCase("x[:, ::2]", [.any([4, 3])]) { try $0[0].slice(dim: 1, start: nil, end: nil, step: 2) },
        GradCheckCase("x[-3:]", [.any([4, 3])]) { try $0[0].slice(dim: 0, start: -3, end: nil) },
    ]
    cases["SliceBackwardBackward0"] = [
        GradCheckCase("slice_backward into [2, 4] at [:, ::2]", [.any([2, 2])]) {
            try $0[0].sliceBackward(shape: [2, 4], dim: 1, start: 0, end: 4, step: 2)
        },
    ]
    cases["IndexBackward0"] = [
        GradCheckCase("x[[2, 0, 2]] (repeated row)", [.any([3, 2])]) { try $0[0].index([2, 0, 2]) },
        GradCheckCase("x[[-1, 0]]", [.any([3])]) { try $0[0].index([-1, 0]) },
    ]
    cases["IndexFillBackward0"] = [
        GradCheckCase("y = 2x; y[[0, 1]] = s (0-dim); y * y", [.any([2, 3]), .any([])]) { xs in
            let y = try xs[0].mul(2)
            try y.indexPut(positions: [0, 1, 2, 3, 4, 5], valueShape: [2, 3], values: xs[1], rule: Derivatives.indexFill)
            return try y.mul(y).add(xs[0])
        },
        GradCheckCase("y = 2x; y[[1]] = s; y * y", [.any([2, 3]), .any([])]) { xs in
            let y = try xs[0].mul(2)
            try y.indexPut(positions: [3, 4, 5], valueShape: [1, 3], values: xs[1], rule: Derivatives.indexFill)
            return try y.mul(y)
        },
    ]
    cases["MaskedFillBackward0"] = [
        GradCheckCase("y = 2x; y[mask] = s; y * y", [.any([2, 3]), .any([])]) { xs in
            let y = try xs[0].mul(2)
            try y.indexPut(positions: [0, 2, 5], valueShape: [3], values: xs[1], rule: Derivatives.maskedFill)
            return try y.mul(y)
        },
    ]
    cases["IndexPutBackward0"] = [
        GradCheckCase("index_backward into [4, 2] at [2, 0, 2]", [.any([3, 2])]) {
            try $0[0].indexBackward(shape: [4, 2], indices: [2, 0, 2])
        },
        GradCheckCase("y = 2x; y[[1, 4]] = v; y * y", [.any([2, 3]), .any([2])]) { xs in
            let y = try xs[0].mul(2)
            try y.indexPut(positions: [1, 4], valueShape: [2], values: xs[1])
            return try y.mul(y)
        },
        GradCheckCase("y = 2x; y[[0, 2, 5]] = v broadcast from [1]; y * y", [.any([2, 3]), .any([1])]) { xs in
            let y = try xs[0].mul(2)
            try y.indexPut(positions: [0, 2, 5], valueShape: [3], values: xs[1])
            return try y.mul(y)
        },
    ]
    cases["CatBackward0"] = [
        GradCheckCase("cat([[2, 3], [2, 1]], 1)", [.any([2, 3]), .any([2, 1])]) { try Tensor.cat($0, dim: 1) },
        GradCheckCase("cat([[2], [3]], 0)", [.any([2]), .any([3])]) { try Tensor.cat($0, dim: 0) },
        GradCheckCase("cat([[2, 2], [0], [1, 2]], 0) (empty part)", [.any([2, 2]), .any([0]), .any([1, 2])]) {
            try Tensor.cat($0, dim: 0)
        },
        GradCheckCase("cat([x, x], -1)", [.any([2, 3])]) { try Tensor.cat([$0[0], $0[0]], dim: -1) },
    ]
    cases["StackBackward0"] = [
        GradCheckCase("stack([a, b], 0)", [.any([2, 3]), .any([2, 3])]) { try Tensor.stack($0, dim: 0) },
        GradCheckCase("stack([a, b, c], 1)", [.any([2]), .any([2]), .any([2])]) { try Tensor.stack($0, dim: 1) },
        GradCheckCase("stack([a, b], -1)", [.any([2, 3]), .any([2, 3])]) { try Tensor.stack($0, dim: -1) },
    ]

    // MARK: In place

    cases["ZeroBackward0"] = [
        GradCheckCase("y = 2x; y.zero_(); y + x", [.any([2, 3])]) { xs in
            let y = try xs[0].mul(2)
            try y.zero_()
            return try y.add(xs[0].mul(xs[0]))
        },
        GradCheckCase("y = 2x; y[0].zero_(); y * y (through a view)", [.any([2, 3])]) { xs in
            let y = try xs[0].mul(2)
            try y.select(dim: 0, index: 0).zero_()
            return try y.mul(y)
        },
    ]
    cases["FillBackward2"] = [
        GradCheckCase("y = 2x; y.fill_(3); y * x", [.any([2, 3])]) { xs in
            let y = try xs[0].mul(2)
            try y.fill_(3)
            return try y.mul(xs[0])
        },
        GradCheckCase("y = 2x; y[1].fill_(0.5); y * y (through a view)", [.any([2, 3])]) { xs in
            let y = try xs[0].mul(2)
            try y.select(dim: 0, index: 1).fill_(0.5)
            return try y.mul(y)
        },
    ]
    cases["CopyBackwards"] = [
        GradCheckCase("y = 2x; y.copy_(s) broadcast; y * y", [.any([2, 3]), .any([3])]) { xs in
            let y = try xs[0].mul(2)
            try y.copy_(xs[1])
            return try y.mul(y)
        },
        GradCheckCase("y = 2x; y[1].copy_(s); y * y (through a view)", [.any([2, 3]), .any([3])]) { xs in
            let y = try xs[0].mul(2)
            try y.select(dim: 0, index: 1).copy_(xs[1])
            return try y.mul(y)
        },
        GradCheckCase("float64 y.copy_(float32 s)", [.any([2, 3]), InputSpec(shape: [2, 3], dtype: .float32)]) { xs in
            let y = try xs[0].mul(2)
            try y.copy_(xs[1])
            return try y.mul(xs[0])
        },
    ]
    cases.merge(moreGradCheckCases) { first, more in first + more }
    cases.merge(nnGradCheckCases) { first, more in first + more }
    cases.merge(lossGradCheckCases) { first, more in first + more }
    cases.merge(embeddingGradCheckCases) { first, more in first + more }
    cases.merge(batchNormGradCheckCases) { first, more in first + more }
    cases.merge(activationGradCheckCases) { first, more in first + more }
    cases.merge(adaptivePoolGradCheckCases) { first, more in first + more }
    cases.merge(nllGradCheckCases) { first, more in first + more }
    cases.merge(layerNormGradCheckCases) { first, more in first + more }
    return cases
}()

/// The shape pairs every binary op is checked on: equal shapes and each kind of broadcasting.
private let broadcastPairs: [([Int], [Int])] = [
    ([2, 3], [2, 3]), ([2, 3], [3]), ([3], [2, 3]), ([2, 1], [1, 3]), ([], [2, 3]), ([2, 3], []), ([2, 1, 3], [4, 1]),
]

private func binary(_ name: String, lhs: ([Int]) -> InputSpec = InputSpec.any, rhs: ([Int]) -> InputSpec = InputSpec.any,
                    same: ([Int]) -> InputSpec = InputSpec.nonzero,
                    _ op: @escaping (Tensor, Tensor) throws -> Tensor) -> [GradCheckCase] {
    broadcastPairs.map { a, b in
        GradCheckCase("\(name) with shapes \(a), \(b)", [lhs(a), rhs(b)]) { try op($0[0], $0[1]) }
    } + [
        GradCheckCase("\(name) with the same tensor twice", [same([2, 3])]) { try op($0[0], $0[0]) },
    ]
}

private func unary(_ name: String, _ input: ([Int]) -> InputSpec = InputSpec.any,
                   _ op: @escaping (Tensor) throws -> Tensor) -> [GradCheckCase] {
    [
        GradCheckCase("\(name) of [2, 3]", [input([2, 3])]) { try op($0[0]) },
        GradCheckCase("\(name) of 0-dim", [input([])]) { try op($0[0]) },
        GradCheckCase("\(name) of a transposed view", [input([3, 2])]) { try op($0[0].t()) },
    ]
}
