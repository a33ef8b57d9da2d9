@testable import Autograd

/// Gradient checks for the second-tier ops (rearranging, picking, sorting and
/// more elementwise math), merged into `gradCheckCases`.
let moreGradCheckCases: [String: [GradCheckCase]] = {
    var cases: [String: [GradCheckCase]] = [:]
    let index = { (v: [Double], s: [Int]) in constant(v, s, dtype: .int64) }

    // MARK: Rearranging

    cases["RepeatBackward0"] = [
        GradCheckCase("[2, 3].repeat(2, 1)", [.any([2, 3])]) { try $0[0].repeated([2, 1]) },
        GradCheckCase("[3].repeat(2, 2)", [.any([3])]) { try $0[0].repeated([2, 2]) },
        GradCheckCase("tile([2, 3], (2,))", [.any([2, 3])]) { try $0[0].tiled([2]) },
    ]
    cases["FlipBackward0"] = [
        GradCheckCase("flip(0)", [.any([2, 3])]) { try $0[0].flip([0]) },
        GradCheckCase("flip(0, -1) of [2, 3, 2]", [.any([2, 3, 2])]) { try $0[0].flip([0, -1]) },
    ]
    cases["RollBackward0"] = [
        GradCheckCase("roll(1, 1)", [.any([2, 3])]) { try $0[0].roll([1], dims: [1]) },
        GradCheckCase("roll(-2) flattened", [.any([2, 3])]) { try $0[0].roll([-2], dims: []) },
        GradCheckCase("roll((1, 2), (0, 1))", [.any([2, 3])]) { try $0[0].roll([1, 2], dims: [0, 1]) },
    ]
    cases["CumsumBackward0"] = [
        GradCheckCase("cumsum(1)", [.any([2, 3])]) { try $0[0].cumulative(product: false, dim: 1) },
        GradCheckCase("cumsum(0) of 0-dim", [.any([])]) { try $0[0].cumulative(product: false, dim: 0) },
    ]
    cases["CumprodBackward0"] = [
        GradCheckCase("cumprod(1)", [.nonzero([2, 3])]) { try $0[0].cumulative(product: true, dim: 1) },
        GradCheckCase("cumprod(0) with a zero", [.any([4])]) { try $0[0].mul(constant([1, 0, 1, 1])).cumulative(product: true, dim: 0) },
    ]
    cases["TrilBackward0"] = [
        GradCheckCase("tril()", [.any([3, 3])]) { try $0[0].triangle(upper: false, diagonal: 0) },
        GradCheckCase("tril(-1) of [2, 3]", [.any([2, 3])]) { try $0[0].triangle(upper: false, diagonal: -1) },
    ]
    cases["TriuBackward0"] = [
        GradCheckCase("triu()", [.any([3, 3])]) { try $0[0].triangle(upper: true, diagonal: 0) },
        GradCheckCase("triu(1) of [2, 2, 3]", [.any([2, 2, 3])]) { try $0[0].triangle(upper: true, diagonal: 1) },
    ]
    cases["DiagonalBackward0"] = [
        GradCheckCase("diagonal()", [.any([3, 3])]) { try $0[0].diagonal() },
        GradCheckCase("diagonal(1) of [2, 3]", [.any([2, 3])]) { try $0[0].diagonal(offset: 1) },
        GradCheckCase("diagonal(0, 1, 2) of [2, 2, 3]", [.any([2, 2, 3])]) { try $0[0].diagonal(offset: 0, dim1: 1, dim2: 2) },
    ]
    cases["DiagonalBackward0_copy"] = [
        GradCheckCase("diag() of [3, 3]", [.any([3, 3])]) { try $0[0].diag() },
        GradCheckCase("diag(-1) of [3, 2]", [.any([3, 2])]) { try $0[0].diag(-1) },
    ]
    cases["DiagonalBackwardBackward0"] = [
        GradCheckCase("diagonal_backward into [3, 3]", [.any([3])]) { try $0[0].diagonalBackward(shape: [3, 3], offset: 0, dim1: 0, dim2: 1) },
    ]
    cases["DiagEmbedBackward0"] = [
        GradCheckCase("diag() of [3]", [.any([3])]) { try $0[0].diag() },
        GradCheckCase("diag(1) of [2]", [.any([2])]) { try $0[0].diag(1) },
    ]
    cases["TraceBackward0"] = [
        GradCheckCase("trace() of [3, 3]", [.any([3, 3])]) { try $0[0].trace() },
        GradCheckCase("trace() of [2, 3]", [.any([2, 3])]) { try $0[0].trace() },
    ]

    // MARK: Picking

    cases["IndexSelectBackward0"] = [
        GradCheckCase("index_select(1, [2, 0, 2])", [.any([2, 3])]) { try $0[0].indexSelect(dim: 1, index: index([2, 0, 2], [3])) },
        GradCheckCase("index_select(0, [1])", [.any([2, 3])]) { try $0[0].indexSelect(dim: 0, index: index([1], [1])) },
    ]
    cases["IndexAddBackward0"] = [
        GradCheckCase("index_add into [2, 4] at [3, 0, 3]", [.any([2, 3])]) { try $0[0].indexAddBackward(shape: [2, 4], dim: 1, indices: [3, 0, 3]) },
    ]
    cases["GatherBackward0"] = [
        GradCheckCase("gather(1, [[0, 0], [2, 1]])", [.any([2, 3])]) { try $0[0].gather(dim: 1, index: index([0, 0, 2, 1], [2, 2])) },
    ]
    cases["ScatterAddBackward0"] = [
        GradCheckCase("scatter_add into [2, 3]", [.any([2, 2])]) { try $0[0].scatterAddPositions([0, 0, 5, 4], shape: [2, 3]) },
    ]
    cases["ScatterBackward1"] = [
        GradCheckCase("scatter(1, [[0], [2]], 0.5)", [.any([2, 3])]) {
            try $0[0].scatter(dim: 1, index: index([0, 2], [2, 1]), source: Tensor.wrapped(0.5, dtype: .float64))
        },
    ]
    cases["ScatterBackward0"] = [
        GradCheckCase("scatter(1, [[0], [2]], src)", [.any([2, 3]), .any([2, 1])]) {
            try $0[0].scatter(dim: 1, index: index([0, 2], [2, 1]), source: $0[1])
        },
    ]
    cases["MaskedFillBackward0"] = [
        GradCheckCase("masked_fill(mask, 0.5)", [.any([2, 3])]) {
            try $0[0].maskedFill(constant([1, 0, 0, 1, 1, 0], [2, 3], dtype: .bool), value: Tensor.wrapped(0.5, dtype: .float64))
        },
    ]
    cases["SortBackward0"] = [
        GradCheckCase("sort(1)", [.any([2, 3])]) { try $0[0].sort(dim: 1, descending: false).values },
        GradCheckCase("sort(0, descending)", [.any([3, 2])]) { try $0[0].sort(dim: 0, descending: true).values },
    ]
    cases["TopkBackward0"] = [
        GradCheckCase("topk(2)", [.any([2, 3])]) { try $0[0].topk(2, dim: -1, largest: true).values },
        GradCheckCase("topk(1, 0, smallest)", [.any([3, 2])]) { try $0[0].topk(1, dim: 0, largest: false).values },
    ]
    cases["SplitBackward0"] = [
        GradCheckCase("split(2, 1)[1]", [.any([2, 3])]) { try $0[0].split(size: 2, dim: 1)[1] },
        GradCheckCase("chunk(2)[0] · chunk(2)[1]", [.any([4, 2])]) { let p = try $0[0].chunk(2, dim: 0); return try p[0].mul(p[1]) },
    ]
    cases["SplitWithSizesBackward0"] = [
        GradCheckCase("split([1, 2], 1)", [.any([2, 3])]) { let p = try $0[0].split(sizes: [1, 2], dim: 1); return try p[1].mul(p[0]) },
    ]
    cases["UnbindBackward0"] = [
        GradCheckCase("unbind(1)", [.any([2, 3])]) { let p = try $0[0].unbind(dim: 1); return try p[0].mul(p[2]) },
    ]
    cases["AmaxBackward0"] = [
        GradCheckCase("amax(1)", [.any([2, 3])]) { try $0[0].amaxOrAmin(max: true, dims: [1], keepdim: false) },
        GradCheckCase("amax() of all", [.any([2, 3])]) { try $0[0].amaxOrAmin(max: true, dims: [], keepdim: false) },
        GradCheckCase("amax(0, keepdim)", [.any([2, 3])]) { try $0[0].amaxOrAmin(max: true, dims: [0], keepdim: true) },
    ]
    cases["AminBackward0"] = [
        GradCheckCase("amin(-1)", [.any([2, 3])]) { try $0[0].amaxOrAmin(max: false, dims: [-1], keepdim: false) },
        GradCheckCase("amin((0, 1), keepdim)", [.any([2, 3])]) { try $0[0].amaxOrAmin(max: false, dims: [0, 1], keepdim: true) },
    ]
    cases["LogsumexpBackward0"] = [
        GradCheckCase("logsumexp(1)", [.any([2, 3])]) { try $0[0].logsumexp(dims: [1], keepdim: false) },
        GradCheckCase("logsumexp(0, keepdim)", [.any([2, 3])]) { try $0[0].logsumexp(dims: [0], keepdim: true) },
    ]
    cases["BmmBackward0"] = [
        GradCheckCase("[2, 2, 3] bmm [2, 3, 4]", [.any([2, 2, 3]), .any([2, 3, 4])]) { try $0[0].bmm($0[1]) },
    ]

    // MARK: Elementwise

    let unit = { (s: [Int]) in InputSpec(shape: s, lo: -0.9, hi: 0.9) }
    cases["AsinBackward0"] = [GradCheckCase("asin", [unit([2, 3])]) { try $0[0].asin() }]
    cases["AcosBackward0"] = [GradCheckCase("acos", [unit([2, 3])]) { try $0[0].acos() }]
    cases["Atan2Backward0"] = [
        GradCheckCase("atan2(a, b)", [.nonzero([2, 3]), .nonzero([2, 3])]) { try $0[0].atan2($0[1]) },
        GradCheckCase("atan2(a, b), b broadcast", [.nonzero([2, 3]), .nonzero([3])]) { try $0[0].atan2($0[1]) },
    ]
    cases["MaximumBackward0"] = [
        GradCheckCase("maximum(a, b), b broadcast", [.nonzero([2, 3]), .nonzero([3])]) { try $0[0].maximum($0[1]) },
    ]
    cases["MinimumBackward0"] = [
        GradCheckCase("minimum(a, b), b broadcast", [.nonzero([2, 3]), .nonzero([3])]) { try $0[0].minimum($0[1]) },
    ]
    cases["ErfBackward0"] = [GradCheckCase("erf", [.any([2, 3])]) { try $0[0].erf() }]
    cases["Exp2Backward0"] = [GradCheckCase("exp2", [.any([2, 3])]) { try $0[0].exp2() }]
    cases["FracBackward0"] = [GradCheckCase("frac", [InputSpec(shape: [2, 3], avoid: [-2, -1, 0, 1, 2])]) { try $0[0].frac() }]
    cases["SgnBackward0"] = [GradCheckCase("sgn", [.nonzero([2, 3])]) { try $0[0].sgn() }]
    let bounded = InputSpec(shape: [2, 3], lo: -1, hi: 1, avoid: [0.25])
    cases["ClampMinBackward0"] = [GradCheckCase("clamp_min(0.25)", [bounded]) { try $0[0].clampOneSide(min: true, 0.25) }]
    cases["ClampMaxBackward0"] = [GradCheckCase("clamp_max(0.25)", [bounded]) { try $0[0].clampOneSide(min: false, 0.25) }]
    let lower = InputSpec(shape: [2, 3], lo: -0.3, hi: -0.2), upper = InputSpec(shape: [2, 3], lo: 0.2, hi: 0.3)
    let spread = InputSpec(shape: [2, 3], lo: -1, hi: 1, avoid: [-0.3, -0.2, 0.2, 0.3])
    cases["ClampBackward0"] = [
        GradCheckCase("clamp(x, min tensor, max tensor)", [spread, lower, upper]) { try $0[0].clamp(min: $0[1], max: $0[2]) },
    ]
    let offMultiples = InputSpec(shape: [2, 3], lo: 0.1, hi: 2, avoid: [0.7, 1.4])
    cases["FmodBackward0"] = [GradCheckCase("fmod(x, 0.7)", [offMultiples]) { try $0[0].fmod(Tensor.wrapped(0.7, dtype: .float64)) }]
    cases["FmodBackward1"] = [
        GradCheckCase("fmod(a, b)", [InputSpec(shape: [2, 3], lo: 1.1, hi: 1.9), InputSpec(shape: [2, 3], lo: 0.6, hi: 0.9)]) { try $0[0].fmod($0[1]) },
    ]
    cases["RemainderBackward0"] = [GradCheckCase("x % 0.7", [offMultiples]) { try $0[0].remainder(Tensor.wrapped(0.7, dtype: .float64)) }]
    cases["RemainderBackward1"] = [
        GradCheckCase("a % b", [InputSpec(shape: [2, 3], lo: -1.9, hi: -1.1), InputSpec(shape: [2, 3], lo: 0.6, hi: 0.9)]) { try $0[0].remainder($0[1]) },
    ]
    cases["XlogyBackward0"] = [GradCheckCase("xlogy(a, b)", [.any([2, 3]), .positive([2, 3])]) { try $0[0].xlogy($0[1]) }]
    cases["XlogyBackward2"] = [GradCheckCase("xlogy(x, 2.5)", [.any([2, 3])]) { try $0[0].xlogy(Tensor.wrapped(2.5, dtype: .float64)) }]
    cases["LogaddexpBackward0"] = [
        GradCheckCase("logaddexp(a, b)", [.any([2, 3]), .any([2, 3])]) { try $0[0].logaddexp($0[1]) },
        GradCheckCase("logaddexp(a, b), b broadcast", [.any([2, 3]), .any([3])]) { try $0[0].logaddexp($0[1]) },
    ]
    cases["Deg2RadBackward0"] = [GradCheckCase("deg2rad", [.any([2, 3])]) { try $0[0].angleConversion(toRadians: true) }]
    cases["Rad2DegBackward0"] = [GradCheckCase("rad2deg", [.any([2, 3])]) { try $0[0].angleConversion(toRadians: false) }]
    cases["NanToNumBackward0"] = [GradCheckCase("nan_to_num", [.any([2, 3])]) { try $0[0].nanToNum(nan: 0, posinf: nil, neginf: nil) }]
    cases["LerpBackward0"] = [GradCheckCase("lerp(a, b, 0.3)", [.any([2, 3]), .any([2, 3])]) { try $0[0].lerp($0[1], weight: 0.3) }]
    cases["LerpBackward1"] = [
        GradCheckCase("lerp(a, b, w)", [.any([2, 3]), .any([2, 3]), .any([3])]) { try $0[0].lerp($0[1], weight: $0[2]) },
    ]
    cases["AddcmulBackward0"] = [
        GradCheckCase("addcmul(a, b, c, value=2)", [.any([2, 3]), .any([2, 3]), .any([3])]) { try $0[0].addcmul($0[1], $0[2], value: 2) },
    ]
    cases["AddcdivBackward0"] = [
        GradCheckCase("addcdiv(a, b, c, value=0.5)", [.any([2, 3]), .any([2, 3]), .nonzero([2, 3])]) { try $0[0].addcdiv($0[1], $0[2], value: 0.5) },
    ]
    return cases
}()
