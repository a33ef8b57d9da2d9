import Foundation

/// The derivative table: every differentiable op once, with PyTorch's grad_fn
/// name, one pullback per input (written in differentiable tensor ops, so
/// `create_graph=True` records the backward pass) and the formula a learner reads.
///
/// Formulas use derivatives.yaml's vocabulary: `grad` is the incoming gradient,
/// `self`/`other`/`exponent` the inputs, `result` the forward output. The engine
/// sums every pullback's result to its input's shape (undoing broadcasting) and
/// casts it to the input's dtype.
public enum Derivatives {
    // MARK: Arithmetic

    public static let add = DerivativeRule(
        op: "add", gradFn: "AddBackward0", inputs: ["self", "other"],
        formulas: ["grad", "grad · alpha"], local: ["1", "alpha"], saves: [[], []],
        arguments: [.scalar("alpha")],
        pullbacks: [{ $0.grad }, { c in c.attrs.scalar == 1 ? c.grad : try c.grad.mul(c.attrs.scalar) }])

    public static let sub = DerivativeRule(
        op: "sub", gradFn: "SubBackward0", inputs: ["self", "other"],
        formulas: ["grad", "−grad · alpha"], local: ["1", "−alpha"], saves: [[], []],
        arguments: [.scalar("alpha")],
        pullbacks: [{ $0.grad }, { c in c.attrs.scalar == 1 ? try c.grad.neg() : try c.grad.mul(-c.attrs.scalar) }])

    public static let rsub = DerivativeRule(
        op: "rsub", gradFn: "RsubBackward1", inputs: ["self"],
        formulas: ["−grad"], local: ["−1"], saves: [[]],
        pullbacks: [{ try $0.grad.neg() }])

    public static let rsubTensor = DerivativeRule(
        op: "rsub_tensor", gradFn: "RsubBackward0", inputs: ["self", "other"],
        formulas: ["−grad · alpha", "grad"], local: ["−alpha", "1"], saves: [[], []],
        arguments: [.scalar("alpha")],
        pullbacks: [{ c in c.attrs.scalar == 1 ? try c.grad.neg() : try c.grad.mul(-c.attrs.scalar) }, { $0.grad }])

    public static let mul = DerivativeRule(
        op: "mul", gradFn: "MulBackward0", inputs: ["self", "other"],
        formulas: ["grad · other", "grad · self"], local: ["other", "self"],
        saves: [[.input(1)], [.input(0)]],
        pullbacks: [{ c in try c.grad.mul(c.input(1)) }, { c in try c.grad.mul(c.input(0)) }])

    public static let div = DerivativeRule(
        op: "div", gradFn: "DivBackward0", inputs: ["self", "other"],
        formulas: ["grad / other", "−grad · self / other²"], local: ["1 / other", "−self / other²"],
        saves: [[.input(1)], [.input(0), .input(1)]],
        pullbacks: [
            { c in try c.grad.div(c.input(1)) },
            { c in
                let other = try c.input(1)
                return try c.grad.neg().mul(c.input(0).div(other).div(other))
            },
        ])

    /// `div(other, rounding_mode=)`: a step function, zero gradient almost everywhere.
    public static let divRounded = DerivativeRule(
        op: "div_rounded", gradFn: "DivBackward2", inputs: ["self", "other"],
        formulas: ["0", "0"], local: ["0", "0"], saves: [[], []],
        pullbacks: [
            { c in try Tensor.zeros(c.inputShape(0), dtype: c.inputDType(0)) },
            { c in try Tensor.zeros(c.inputShape(1), dtype: c.inputDType(1)) },
        ])

    public static let neg = DerivativeRule(
        op: "neg", gradFn: "NegBackward0", inputs: ["self"],
        formulas: ["−grad"], local: ["−1"], saves: [[]], pullbacks: [{ try $0.grad.neg() }])

    public static let reciprocal = DerivativeRule(
        op: "reciprocal", gradFn: "ReciprocalBackward0", inputs: ["self"],
        formulas: ["−grad · result²"], local: ["−1 / self²"], saves: [[.output]],
        pullbacks: [{ c in let r = try c.result(); return try c.grad.neg().mul(r.mul(r)) }])

    public static let powScalar = DerivativeRule(
        op: "pow", gradFn: "PowBackward0", inputs: ["self"],
        formulas: ["grad · exponent · self^(exponent − 1)"], local: ["exponent · self^(exponent − 1)"],
        saves: [[.input(0)]],
        arguments: [.scalar("exponent")],
        pullbacks: [{ c in
            let e = c.attrs.scalar
            if e == 0 { return try Tensor.zeros(c.inputShape(0), dtype: c.inputDType(0)) }
            return try c.grad.mul(c.input(0).pow(e - 1).mul(e))
        }])

    public static let powTensor = DerivativeRule(
        op: "pow", gradFn: "PowBackward1", inputs: ["self", "exponent"],
        formulas: ["grad · exponent · self^(exponent − 1)", "grad · result · ln(self)"],
        local: ["exponent · self^(exponent − 1)", "result · ln(self)"],
        saves: [[.input(0), .input(1)], [.input(0), .input(1), .output]],
        pullbacks: [
            { c in
                let e = try c.input(1)
                let g = try c.grad.mul(e.mul(c.input(0).pow(e.sub(Tensor.wrapped(1, dtype: .int64)))))
                return try Tensor.where(e.compare(.eq, Tensor.wrapped(0, dtype: .int64)), g.fullLike(0), g)
            },
            { c in
                let base = try c.input(0), e = try c.input(1)
                let zeroBase = try base.compare(.eq, Tensor.wrapped(0, dtype: .int64))
                    .mul(e.compare(.ge, Tensor.wrapped(0, dtype: .int64)))
                let g = try c.grad.mul(c.result().mul(base.log()))
                return try Tensor.where(zeroBase, g.fullLike(0), g)
            },
        ])

    public static let powBase = DerivativeRule(
        op: "pow", gradFn: "PowBackward2", inputs: ["exponent"],
        formulas: ["grad · result · ln(self)"], local: ["result · ln(self)"], saves: [[.output]],
        arguments: [.scalar("self")],
        pullbacks: [{ c in
            let base = c.attrs.scalar
            let r = try c.result()
            if base == 0 { return try c.grad.mul(r.mul(0)) }
            return try c.grad.mul(r.mul(Foundation.log(base)))
        }])

    // MARK: Functions

    public static let exp = DerivativeRule(
        op: "exp", gradFn: "ExpBackward0", inputs: ["self"],
        formulas: ["grad · result"], local: ["exp(self)"], saves: [[.output]],
        pullbacks: [{ c in try c.grad.mul(c.result()) }])

    public static let log = DerivativeRule(
        op: "log", gradFn: "LogBackward0", inputs: ["self"],
        formulas: ["grad / self"], local: ["1 / self"], saves: [[.input(0)]],
        pullbacks: [{ c in try c.grad.div(c.input(0)) }])

    public static let sin = DerivativeRule(
        op: "sin", gradFn: "SinBackward0", inputs: ["self"],
        formulas: ["grad · cos(self)"], local: ["cos(self)"], saves: [[.input(0)]],
        pullbacks: [{ c in try c.grad.mul(c.input(0).cos()) }])

    public static let cos = DerivativeRule(
        op: "cos", gradFn: "CosBackward0", inputs: ["self"],
        formulas: ["grad · −sin(self)"], local: ["−sin(self)"], saves: [[.input(0)]],
        pullbacks: [{ c in try c.grad.mul(c.input(0).sin().neg()) }])

    public static let tanh = DerivativeRule(
        op: "tanh", gradFn: "TanhBackward0", inputs: ["self"],
        formulas: ["grad · (1 − result²)"], local: ["1 − tanh²(self)"], saves: [[.output]],
        pullbacks: [{ c in try c.grad.tanhBackward(c.result()) }])

    /// The backward of tanh as an op of its own, so a second derivative sees PyTorch's node.
    public static let tanhBackward = DerivativeRule(
        op: "tanh_backward", gradFn: "TanhBackwardBackward0", inputs: ["grad_output", "output"],
        formulas: ["tanh_backward(grad, output)", "grad · (−2 · output · grad_output)"],
        local: ["1 − output²", "−2 · output · grad_output"], saves: [[.input(1)], [.input(0), .input(1)]],
        pullbacks: [
            { c in try c.grad.tanhBackward(c.input(1)) },
            { c in try c.grad.mul(c.input(1).mul(-2).mul(c.input(0))) },
        ])

    public static let sigmoid = DerivativeRule(
        op: "sigmoid", gradFn: "SigmoidBackward0", inputs: ["self"],
        formulas: ["grad · (1 − result) · result"], local: ["σ(self) · (1 − σ(self))"], saves: [[.output]],
        pullbacks: [{ c in try c.grad.sigmoidBackward(c.result()) }])

    public static let sigmoidBackward = DerivativeRule(
        op: "sigmoid_backward", gradFn: "SigmoidBackwardBackward0", inputs: ["grad_output", "output"],
        formulas: ["sigmoid_backward(grad, output)", "grad · grad_output · (1 − 2 · output)"],
        saves: [[.input(1)], [.input(0), .input(1)]],
        pullbacks: [
            { c in try c.grad.sigmoidBackward(c.input(1)) },
            { c in try c.grad.mul(c.input(0)).mul(c.input(1).mul(-2).add(Tensor.wrapped(1, dtype: .int64))) },
        ])

    public static let thresholdBackward = DerivativeRule(
        op: "threshold_backward", gradFn: "ThresholdBackwardBackward0", inputs: ["grad_output", "self"],
        formulas: ["threshold_backward(grad, self, threshold)", "0"],
        saves: [[.input(1)], []],
        arguments: [.scalar("threshold")],
        pullbacks: [
            { c in try c.grad.thresholdBackward(c.input(1), threshold: c.attrs.scalar) },
            { c in c.grad.fullLike(0) },
        ])

    public static let relu = DerivativeRule(
        op: "relu", gradFn: "ReluBackward0", inputs: ["self"],
        formulas: ["grad · (result > 0)"], local: ["1 if self > 0 else 0"], saves: [[.output]],
        pullbacks: [{ c in
            return try c.grad.thresholdBackward(c.result(), threshold: 0)
        }])

    public static let sqrt = DerivativeRule(
        op: "sqrt", gradFn: "SqrtBackward0", inputs: ["self"],
        formulas: ["grad / (2 · result)"], local: ["1 / (2·√self)"], saves: [[.output]],
        pullbacks: [{ c in try c.grad.div(c.result().mul(2)) }])

    public static let abs = DerivativeRule(
        op: "abs", gradFn: "AbsBackward0", inputs: ["self"],
        formulas: ["grad · sign(self)"], local: ["sign(self)"], saves: [[.input(0)]],
        pullbacks: [{ c in try c.grad.mul(c.input(0).sign()) }])

    public static let sign = DerivativeRule(
        op: "sign", gradFn: "SignBackward0", inputs: ["self"],
        formulas: ["0"], local: ["0"], saves: [[]],
        pullbacks: [{ c in try Tensor.zeros(c.inputShape(0), dtype: c.inputDType(0)) }])

    public static let clamp = DerivativeRule(
        op: "clamp", gradFn: "ClampBackward1", inputs: ["self"],
        formulas: ["grad · (min < self < max)"], local: ["1 if min < self < max else 0"], saves: [[.input(0)]],
        arguments: ArgumentSpec.bounds,
        pullbacks: [{ c in try clampPullback(c) }])

    private static func clampPullback(_ c: BackwardContext) throws -> Tensor {
        let x = try c.input(0)
        // PyTorch passes the gradient only strictly inside the bounds.
        var inside = try x.compare(.eq, x)
        if c.attrs.hasMin { inside = try inside.mul(x.compare(.gt, Tensor.wrapped(c.attrs.scalar, dtype: .float64))) }
        if c.attrs.hasMax { inside = try inside.mul(x.compare(.lt, Tensor.wrapped(c.attrs.scalar2, dtype: .float64))) }
        return try Tensor.where(inside, c.grad, c.grad.fullLike(0))
    }

    /// `clamp` with tensor bounds: inside the bounds the gradient goes to self, below to `min`, above to `max`.
    public static let clampTensor = DerivativeRule(
        op: "clamp_tensor", gradFn: "ClampBackward0", inputs: ["self", "min", "max"],
        formulas: ["grad where min ≤ self ≤ max", "grad where self < min", "grad where self > max"],
        saves: [[.input(0), .input(1), .input(2)], [.input(0), .input(1)], [.input(0), .input(2)]],
        pullbacks: [
            { c in
                let x = try c.input(0)
                return try c.grad.mul(x.compare(.ge, c.input(1)).mul(x.compare(.le, c.input(2))))
            },
            { c in try c.grad.mul(c.input(0).compare(.lt, c.input(1))) },
            { c in try c.grad.mul(c.input(0).compare(.gt, c.input(2))) },
        ])

    public static let whereSelf = DerivativeRule(
        op: "where", gradFn: "WhereBackward0", inputs: ["self", "other"],
        formulas: ["grad where condition", "grad where not condition"], saves: [[], []],
        pullbacks: [
            { c in try c.grad.kept(where: c.attrs.indices.map { $0 != 0 }, shape: c.attrs.shape) },
            { c in try c.grad.kept(where: c.attrs.indices.map { $0 == 0 }, shape: c.attrs.shape) },
        ])

    /// `maximum`: each side gets the gradient where it is the larger, half of it on ties.
    public static let maximum = DerivativeRule(
        op: "maximum", gradFn: "MaximumBackward0", inputs: ["self", "other"],
        formulas: ["grad where self > other, grad / 2 where equal", "grad where other > self, grad / 2 where equal"],
        saves: [[.input(0), .input(1)], [.input(0), .input(1)]],
        pullbacks: [
            { c in try tieSplit(c, dropWhere: .lt) },
            { c in try tieSplit(c, dropWhere: .gt) },
        ])

    /// `minimum`: each side gets the gradient where it is the smaller, half of it on ties.
    public static let minimum = DerivativeRule(
        op: "minimum", gradFn: "MinimumBackward0", inputs: ["self", "other"],
        formulas: ["grad where self < other, grad / 2 where equal", "grad where other < self, grad / 2 where equal"],
        saves: [[.input(0), .input(1)], [.input(0), .input(1)]],
        pullbacks: [
            { c in try tieSplit(c, dropWhere: .gt) },
            { c in try tieSplit(c, dropWhere: .lt) },
        ])

    /// PyTorch's formula for maximum and minimum: `where(self == other, grad / 2, grad)`
    /// with zeros where `self <drop> other`.
    private static func tieSplit(_ c: BackwardContext, dropWhere drop: Tensor.Comparison) throws -> Tensor {
        let a = try c.input(0), b = try c.input(1)
        let shared = try Tensor.where(a.compare(.eq, b), c.grad.mul(0.5), c.grad)
        return try shared.maskedFill(a.compare(drop, b), value: Tensor(scalar: 0, dtype: shared.dtype))
    }

    // MARK: Reductions

    public static let sum = DerivativeRule(
        op: "sum", gradFn: "SumBackward0", inputs: ["self"],
        formulas: ["grad expanded to self's shape"], local: ["1"], saves: [[]],
        pullbacks: [{ c in try c.grad.expand(c.inputShape(0)) }])

    public static let sumDim = DerivativeRule(
        op: "sum_dim", gradFn: "SumBackward1", inputs: ["self"],
        formulas: ["grad expanded along dim to self's shape"], local: ["1"], saves: [[]],
        arguments: [.dim, .keepdim],
        pullbacks: [{ c in try unreduce(c.grad, c) }])

    public static let mean = DerivativeRule(
        op: "mean", gradFn: "MeanBackward0", inputs: ["self"],
        formulas: ["grad expanded to self's shape / numel"], local: ["1 / n"], saves: [[]],
        pullbacks: [{ c in
            try c.grad.expand(c.inputShape(0)).div(Tensor.wrapped(Double(Shape.count(c.inputShape(0))), dtype: .int64))
        }])

    public static let meanDim = DerivativeRule(
        op: "mean_dim", gradFn: "MeanBackward1", inputs: ["self"],
        formulas: ["grad expanded along dim / n"], local: ["1 / n"], saves: [[]],
        arguments: [.dim, .keepdim],
        pullbacks: [{ c in try unreduce(c.grad, c).div(Tensor.wrapped(c.attrs.scalar, dtype: .int64)) }])

    /// Re-inserts reduced dimensions and expands: `sum_backward` of PyTorch.
    private static func unreduce(_ g: Tensor, _ c: BackwardContext) throws -> Tensor {
        var r = g
        if !c.attrs.keepdim && c.inputShape(0).count > 0 {
            for d in c.attrs.dims.sorted() { r = try r.unsqueeze(d) }
        }
        return try r.expand(c.inputShape(0))
    }

    public static let max = DerivativeRule(
        op: "max", gradFn: "MaxBackward1", inputs: ["self"],
        formulas: ["grad shared evenly among the maxima"], saves: [[.input(0), .output]],
        pullbacks: [{ c in try evenlyDistribute(c) }])

    public static let min = DerivativeRule(
        op: "min", gradFn: "MinBackward1", inputs: ["self"],
        formulas: ["grad shared evenly among the minima"], saves: [[.input(0), .output]],
        pullbacks: [{ c in try evenlyDistribute(c) }])

    /// PyTorch's `evenly_distribute_backward`: zeros, with grad / count at the elements equal to
    /// the result (the NaNs when the result is NaN).
    private static func evenlyDistribute(_ c: BackwardContext) throws -> Tensor {
        let x = try c.input(0), r = try c.result()
        let mask = r.element(0).isNaN ? x.test("isnan") { $0.isNaN } : try x.compare(.eq, r)
        let share = try c.grad.div(mask.sum())
        return try Tensor.where(mask, share, Tensor.zeros(x.shape, dtype: c.grad.dtype))
    }

    public static let maxDim = DerivativeRule(
        op: "max_dim", gradFn: "MaxBackward0", inputs: ["self"],
        formulas: ["grad placed at the argmax along dim"], saves: [[]],
        arguments: [.dim, .keepdim],
        pullbacks: [{ c in try c.grad.placeAlong(dim: c.attrs.dims[0], indices: c.attrs.indices, keepdim: c.attrs.keepdim, shape: c.inputShape(0)) }])

    public static let minDim = DerivativeRule(
        op: "min_dim", gradFn: "MinBackward0", inputs: ["self"],
        formulas: ["grad placed at the argmin along dim"], saves: [[]],
        arguments: [.dim, .keepdim],
        pullbacks: [{ c in try c.grad.placeAlong(dim: c.attrs.dims[0], indices: c.attrs.indices, keepdim: c.attrs.keepdim, shape: c.inputShape(0)) }])

    public static let placeAlong = DerivativeRule(
        op: "scatter", gradFn: "ScatterBackward0", inputs: ["self"],
        formulas: ["grad gathered at the indices"], saves: [[]],
        arguments: [.dim],
        pullbacks: [{ c in try c.grad.gatherAlong(dim: c.attrs.dims[0], indices: c.attrs.indices, keepdim: c.attrs.keepdim) }])

    public static let gatherAlong = DerivativeRule(
        op: "gather", gradFn: "GatherBackward0", inputs: ["self"],
        formulas: ["grad scattered to the indices"], saves: [[]],
        arguments: [.dim],
        pullbacks: [{ c in try c.grad.placeAlong(dim: c.attrs.dims[0], indices: c.attrs.indices, keepdim: c.attrs.keepdim, shape: c.inputShape(0)) }])

    // MARK: Linear algebra

    public static let mm = DerivativeRule(
        op: "mm", gradFn: "MmBackward0", inputs: ["self", "mat2"],
        formulas: ["grad @ mat2ᵀ", "selfᵀ @ grad"], saves: [[.input(1)], [.input(0)]],
        pullbacks: [{ c in try mmMat1Backward(c, mat1: 0, mat2: 1) }, { c in try mmMat2Backward(c, mat1: 0, mat2: 1) }])

    /// The layout bits `mm` and `addmm` record (`OpAttributes.index`): 1 when mat1 was exactly
    /// column-major (a transposed view), 2 when mat2 was. ATen keeps the operands' strides for
    /// its matrix-product backward in the same way, without keeping the operands.
    static func matrixLayoutBits(_ mat1: Tensor, _ mat2: Tensor) -> Int {
        (mat1.isExactlyColumnMajor ? 1 : 0) | (mat2.isExactlyColumnMajor ? 2 : 0)
    }

    /// ATen's `mm_mat1_backward`: grad @ mat2ᵀ, computed as (mat2 @ gradᵀ)ᵀ when mat1 was
    /// column-major, so the gradient has mat1's layout. Each element is the same products in
    /// the same k order either way.
    static func mmMat1Backward(_ c: BackwardContext, mat1: Int, mat2: Int) throws -> Tensor {
        if c.attrs.index & 1 != 0 { return try c.input(mat2).mm(c.grad.t()).t() }
        return try c.grad.mm(c.input(mat2).t())
    }

    /// ATen's `mm_mat2_backward`: mat1ᵀ @ grad, computed as (gradᵀ @ mat1)ᵀ when mat2 was
    /// column-major (`w.t()` in `F.linear`), so the weight's gradient comes out row-major,
    /// like the weight, and `.grad` needs no transposing copy.
    static func mmMat2Backward(_ c: BackwardContext, mat1: Int, mat2: Int) throws -> Tensor {
        if c.attrs.index & 2 != 0 { return try c.grad.t().mm(c.input(mat1)).t() }
        return try c.input(mat1).t().mm(c.grad)
    }

    public static let dot = DerivativeRule(
        op: "dot", gradFn: "DotBackward0", inputs: ["self", "tensor"],
        formulas: ["grad · tensor", "grad · self"], local: ["tensor", "self"],
        saves: [[.input(1)], [.input(0)]],
        pullbacks: [{ c in try c.input(1).mul(c.grad) }, { c in try c.input(0).mul(c.grad) }])

    public static let mv = DerivativeRule(
        op: "mv", gradFn: "MvBackward0", inputs: ["self", "vec"],
        formulas: ["grad ⊗ vec", "selfᵀ @ grad"], saves: [[.input(1)], [.input(0)]],
        pullbacks: [{ c in try c.grad.outer(c.input(1)) }, { c in try c.input(0).t().mv(c.grad) }])

    // MARK: Shape

    public static let t = DerivativeRule(
        op: "t", gradFn: "TBackward0", inputs: ["self"],
        formulas: ["gradᵀ"], saves: [[]], pullbacks: [{ try $0.grad.t() }])

    public static let permute = DerivativeRule(
        op: "permute", gradFn: "PermuteBackward0", inputs: ["self"],
        formulas: ["grad permuted back"], saves: [[]],
        arguments: [.dimList("dims")],
        pullbacks: [{ c in
            var inverse = [Int](repeating: 0, count: c.attrs.dims.count)
            for (i, d) in c.attrs.dims.enumerated() { inverse[d] = i }
            return try c.grad.permute(inverse)
        }])

    public static let transpose = DerivativeRule(
        op: "transpose", gradFn: "TransposeBackward0", inputs: ["self"],
        formulas: ["grad transposed back"], saves: [[]],
        arguments: ArgumentSpec.dims("dim0", "dim1"),
        pullbacks: [{ c in c.attrs.dims.isEmpty ? c.grad : try c.grad.transpose(c.attrs.dims[0], c.attrs.dims[1]) }])

    public static let view = DerivativeRule(
        op: "view", gradFn: "ViewBackward0", inputs: ["self"],
        formulas: ["grad reshaped to self's shape"], local: ["1"], saves: [[]],
        arguments: [.shape("size")],
        pullbacks: [{ c in try c.grad.reshape(c.inputShape(0)) }])

    public static let unsafeView = DerivativeRule(
        op: "reshape", gradFn: "UnsafeViewBackward0", inputs: ["self"],
        formulas: ["grad reshaped to self's shape"], local: ["1"], saves: [[]],
        arguments: [.shape("size")],
        pullbacks: [{ c in try c.grad.reshape(c.inputShape(0)) }])

    public static let unsqueeze = DerivativeRule(
        op: "unsqueeze", gradFn: "UnsqueezeBackward0", inputs: ["self"],
        formulas: ["grad squeezed at dim"], local: ["1"], saves: [[]],
        arguments: [.dim],
        pullbacks: [{ c in try c.grad.squeeze(dim: c.attrs.dims[0]) }])

    public static let squeeze = DerivativeRule(
        op: "squeeze", gradFn: "SqueezeBackward0", inputs: ["self"],
        formulas: ["grad reshaped to self's shape"], local: ["1"], saves: [[]],
        pullbacks: [{ c in try c.grad.reshape(c.inputShape(0)) }])

    public static let squeezeDim = DerivativeRule(
        op: "squeeze_dim", gradFn: "SqueezeBackward1", inputs: ["self"],
        formulas: ["grad unsqueezed at dim"], local: ["1"], saves: [[]],
        arguments: [.dim],
        pullbacks: [{ c in
            let s = c.inputShape(0), d = c.attrs.dims[0]
            return s.count > 0 && s[d] == 1 && c.grad.dim < s.count ? try c.grad.unsqueeze(d) : c.grad
        }])

    public static let squeezeInPlace = DerivativeRule(
        op: "squeeze_", gradFn: "SqueezeBackward4", inputs: ["self"],
        formulas: ["grad unsqueezed at dim"], local: ["1"], saves: [[]],
        arguments: [.dim],
        pullbacks: [{ c in
            let s = c.inputShape(0), d = c.attrs.dims[0]
            return s.count > 0 && s[d] == 1 && c.grad.dim < s.count ? try c.grad.unsqueeze(d) : c.grad
        }])

    public static let expand = DerivativeRule(
        op: "expand", gradFn: "ExpandBackward0", inputs: ["self"],
        formulas: ["grad summed over the expanded dimensions"], saves: [[]],
        arguments: [.shape("size")],
        pullbacks: [{ $0.grad }])

    public static let clone = DerivativeRule(
        op: "clone", gradFn: "CloneBackward0", inputs: ["self"],
        formulas: ["grad"], local: ["1"], saves: [[]], pullbacks: [{ $0.grad }])

    public static let toCopy = DerivativeRule(
        op: "to", gradFn: "ToCopyBackward0", inputs: ["self"],
        formulas: ["grad in self's dtype"], local: ["1"], saves: [[]],
        arguments: [.dtype],
        pullbacks: [{ c in try c.grad.to(c.attrs.dtype) }])

    public static let select = DerivativeRule(
        op: "select", gradFn: "SelectBackward0", inputs: ["self"],
        formulas: ["grad placed at [index] in zeros of self's shape"], saves: [[]],
        arguments: [.dim, .index("index")],
        pullbacks: [{ c in try c.grad.selectBackward(shape: c.inputShape(0), dim: c.attrs.dims[0], index: c.attrs.index) }])

    public static let selectBackward = DerivativeRule(
        op: "select_backward", gradFn: "SelectBackwardBackward0", inputs: ["grad_output"],
        formulas: ["grad[index]"], saves: [[]],
        arguments: [.dim, .index("index")],
        pullbacks: [{ c in try c.grad.select(dim: c.attrs.dims[0], index: c.attrs.index) }])

    public static let slice = DerivativeRule(
        op: "slice", gradFn: "SliceBackward0", inputs: ["self"],
        formulas: ["grad placed at [start:end:step] in zeros of self's shape"], saves: [[]],
        arguments: [.dim] + ArgumentSpec.slice,
        pullbacks: [{ c in try c.grad.sliceBackward(shape: c.inputShape(0), dim: c.attrs.dims[0], start: c.attrs.start, end: c.attrs.end, step: c.attrs.step) }])

    public static let sliceBackward = DerivativeRule(
        op: "slice_backward", gradFn: "SliceBackwardBackward0", inputs: ["grad_output"],
        formulas: ["grad[start:end:step]"], saves: [[]],
        arguments: [.dim] + ArgumentSpec.slice,
        pullbacks: [{ c in try c.grad.slice(dim: c.attrs.dims[0], start: c.attrs.start, end: c.attrs.end, step: c.attrs.step) }])

    public static let index = DerivativeRule(
        op: "index", gradFn: "IndexBackward0", inputs: ["self"],
        formulas: ["grad added at the indices in zeros of self's shape"], saves: [[]],
        pullbacks: [{ c in try c.grad.indexBackward(shape: c.inputShape(0), indices: c.attrs.indices) }])

    public static let indexBackward = DerivativeRule(
        op: "index_put", gradFn: "IndexPutBackward0", inputs: ["values"],
        formulas: ["grad[indices]"], saves: [[]],
        pullbacks: [{ c in try c.grad.index(c.attrs.indices) }])

    public static let cat = DerivativeRule(
        op: "cat", gradFn: "CatBackward0", inputs: ["tensors"],
        formulas: ["grad split along dim"], saves: [[]], variadic: true,
        arguments: [.dim],
        pullbacks: [{ c in
            let sizes = c.attrs.indices, i = c.inputIndex
            if sizes[i] == 0 { return nil }
            let start = sizes[..<i].reduce(0, +)
            return try c.grad.slice(dim: c.attrs.dims[0], start: start, end: start + sizes[i])
        }])

    public static let stack = DerivativeRule(
        op: "stack", gradFn: "StackBackward0", inputs: ["tensors"],
        formulas: ["grad unbound along dim"], saves: [[]], variadic: true,
        arguments: [.dim],
        pullbacks: [{ c in try c.grad.select(dim: c.attrs.dims[0], index: c.inputIndex) }])

    public static let zero = DerivativeRule(
        op: "zero", gradFn: "ZeroBackward0", inputs: ["self"],
        formulas: ["0"], local: ["0"], saves: [[]],
        pullbacks: [{ c in try Tensor.zeros(c.inputShape(0), dtype: c.inputDType(0)) }])

    public static let fill = DerivativeRule(
        op: "fill", gradFn: "FillBackward2", inputs: ["self"],
        formulas: ["0"], local: ["0"], saves: [[]],
        arguments: [.scalar("value")],
        pullbacks: [{ c in try Tensor.zeros(c.inputShape(0), dtype: c.inputDType(0)) }])

    public static let copy = DerivativeRule(
        op: "copy", gradFn: "CopyBackwards", inputs: ["self", "src"],
        formulas: ["0", "grad summed to src's shape"], local: ["0", "1"], saves: [[], []],
        pullbacks: [{ c in try Tensor.zeros(c.inputShape(0), dtype: c.inputDType(0)) }, { $0.grad }])

    public static let softmax = DerivativeRule(
        op: "softmax", gradFn: "SoftmaxBackward0", inputs: ["self"],
        formulas: ["(grad − Σ(grad · result)) · result"], saves: [[.output]],
        arguments: [.dim],
        pullbacks: [{ c in
            let r = try c.result()
            return try c.grad.sub(c.grad.mul(r).sum(dims: c.attrs.dims, keepdim: true)).mul(r)
        }])

    public static let logSoftmax = DerivativeRule(
        op: "log_softmax", gradFn: "LogSoftmaxBackward0", inputs: ["self"],
        formulas: ["grad − exp(result) · Σ grad"], saves: [[.output]],
        arguments: [.dim],
        pullbacks: [{ c in try c.grad.logSoftmaxBackwardData(c.result(), dim: c.attrs.dims[0]) }])

    public static let logSoftmaxBackwardData = DerivativeRule(
        op: "_log_softmax_backward_data", gradFn: "LogSoftmaxBackwardDataBackward0", inputs: ["grad_output", "output"],
        formulas: ["grad − Σ(grad · exp(output))", "−Σ grad_output · exp(output) · grad"],
        saves: [[.input(1)], [.input(0), .input(1)]],
        pullbacks: [
            { c in
                let d = c.attrs.dims
                return try c.grad.sub(c.grad.mul(c.input(1).exp()).sum(dims: d, keepdim: true))
            },
            { c in
                let d = c.attrs.dims
                return try c.input(0).sum(dims: d, keepdim: true).neg().mul(c.input(1).exp()).mul(c.grad)
            },
        ])

    public static let norm = DerivativeRule(
        op: "norm", gradFn: "LinalgVectorNormBackward0", inputs: ["self"],
        formulas: ["grad · self / result"], local: ["self / ‖self‖"], saves: [[.input(0), .output]],
        arguments: [.dim, .keepdim],
        pullbacks: [{ c in
            var g = c.grad, r = try c.result()
            if !c.attrs.keepdim && !c.attrs.dims.isEmpty {
                for d in c.attrs.dims.sorted() { g = try g.unsqueeze(d); r = try r.unsqueeze(d) }
            }
            let x = try c.input(0)
            let q = try x.mul(g).div(r)
            return try Tensor.where(r.compare(.eq, Tensor.wrapped(0, dtype: .int64)), q.fullLike(0), q)
        }])

    public static let alias = DerivativeRule(
        op: "alias", gradFn: "AliasBackward0", inputs: ["self"],
        formulas: ["grad"], local: ["1"], saves: [[]], pullbacks: [{ $0.grad }])

    public static let indexPut = DerivativeRule(
        op: "index_put", gradFn: "IndexPutBackward0", inputs: ["self", "values"],
        formulas: ["grad with the written positions zeroed", "grad at the written positions"], saves: [[], []],
        pullbacks: indexPutPullbacks)

    public static let indexFill = DerivativeRule(
        op: "index_fill", gradFn: "IndexFillBackward0", inputs: ["self", "value"],
        formulas: ["grad with the written positions zeroed", "Σ grad at the written positions"], saves: [[], []],
        pullbacks: indexPutPullbacks)

    public static let maskedFill = DerivativeRule(
        op: "masked_fill", gradFn: "MaskedFillBackward0", inputs: ["self", "value"],
        formulas: ["grad with the masked positions zeroed", "Σ grad at the masked positions"], saves: [[], []],
        pullbacks: indexPutPullbacks)

    static let indexPutPullbacks: [DerivativeRule.Pullback] = [
            { c in
                var keep = [Double](repeating: 1, count: Shape.count(c.inputShape(0)))
                for p in c.attrs.indices { keep[p] = 0 }
                return try c.grad.mul(Tensor(values: keep, shape: c.inputShape(0), dtype: .bool))
            },
            { c in try c.grad.reshape([-1]).index(c.attrs.indices).reshape(c.attrs.shape) },
        ]

    public static let addmm = DerivativeRule(
        op: "addmm", gradFn: "AddmmBackward0", inputs: ["self", "mat1", "mat2"],
        formulas: ["grad summed to self's shape", "grad @ mat2ᵀ", "mat1ᵀ @ grad"],
        saves: [[], [.input(2)], [.input(1)]],
        pullbacks: [{ $0.grad }, { c in try mmMat1Backward(c, mat1: 1, mat2: 2) },
                    { c in try mmMat2Backward(c, mat1: 1, mat2: 2) }])

    public static let mseLoss = DerivativeRule(
        op: "mse_loss", gradFn: "MseLossBackward0", inputs: ["self", "target"],
        formulas: ["grad · 2(self − target) / n", "−grad · 2(self − target) / n"],
        local: ["2(self − target) / n", "−2(self − target) / n"],
        saves: [[.input(0), .input(1)], [.input(0), .input(1)]],
        arguments: [.reduction],
        pullbacks: [
            { c in try mseGrad(c) },
            { c in try mseGrad(c).neg() },
        ])

    /// `mse_loss_backward`: 2·(self − target)·grad, divided by n for the mean.
    private static func mseGrad(_ c: BackwardContext) throws -> Tensor {
        let diff = try c.input(0).sub(c.input(1))
        var g = try diff.mul(2).mul(c.grad)
        if c.attrs.index == 1 { g = try g.div(Double(Shape.count(c.attrs.shape))) }
        return g
    }

    public static let nllLoss = DerivativeRule(
        op: "nll_loss", gradFn: "NllLossBackward0", inputs: ["self"],
        formulas: ["−grad at each target class (÷ batch for the mean)"], saves: [[]],
        arguments: [.reduction, .list("target")],
        pullbacks: [{ c in
            let n = c.attrs.indices.count
            let classes = c.inputShape(0).last ?? 1
            var w = [Double](repeating: 0, count: Shape.count(c.inputShape(0)))
            let scale = c.attrs.index == 1 ? -1.0 / Double(Swift.max(n, 1)) : -1.0
            for (i, k) in c.attrs.indices.enumerated() { w[(c.inputShape(0).count == 1 ? 0 : i * classes) + k] = scale }
            let weights = Tensor(values: w, shape: c.inputShape(0), dtype: c.inputDType(0))
            return try weights.mul(c.attrs.index == 0 ? c.grad.unsqueeze(-1) : c.grad)
        }])

    // MARK: More elementwise functions

    public static let tan = DerivativeRule(
        op: "tan", gradFn: "TanBackward0", inputs: ["self"],
        formulas: ["grad · (1 + result²)"], local: ["1 + tan²(self)"], saves: [[.output]],
        pullbacks: [{ c in let r = try c.result(); return try c.grad.mul(r.mul(r).add(1)) }])

    public static let atan = DerivativeRule(
        op: "atan", gradFn: "AtanBackward0", inputs: ["self"],
        formulas: ["grad / (self² + 1)"], local: ["1 / (1 + self²)"], saves: [[.input(0)]],
        pullbacks: [{ c in let x = try c.input(0); return try c.grad.div(x.mul(x).add(1)) }])

    public static let sinh = DerivativeRule(
        op: "sinh", gradFn: "SinhBackward0", inputs: ["self"],
        formulas: ["grad · cosh(self)"], local: ["cosh(self)"], saves: [[.input(0)]],
        pullbacks: [{ c in try c.grad.mul(c.input(0).cosh()) }])

    public static let cosh = DerivativeRule(
        op: "cosh", gradFn: "CoshBackward0", inputs: ["self"],
        formulas: ["grad · sinh(self)"], local: ["sinh(self)"], saves: [[.input(0)]],
        pullbacks: [{ c in try c.grad.mul(c.input(0).sinh()) }])

    public static let log1p = DerivativeRule(
        op: "log1p", gradFn: "Log1PBackward0", inputs: ["self"],
        formulas: ["grad / (self + 1)"], local: ["1 / (1 + self)"], saves: [[.input(0)]],
        pullbacks: [{ c in try c.grad.div(c.input(0).add(1)) }])

    public static let expm1 = DerivativeRule(
        op: "expm1", gradFn: "Expm1Backward0", inputs: ["self"],
        formulas: ["grad · (result + 1)"], local: ["exp(self)"], saves: [[.output]],
        pullbacks: [{ c in try c.grad.mul(c.result().add(1)) }])

    public static let log2 = DerivativeRule(
        op: "log2", gradFn: "Log2Backward0", inputs: ["self"],
        formulas: ["grad / (self · ln 2)"], local: ["1 / (self · ln 2)"], saves: [[.input(0)]],
        pullbacks: [{ c in try c.grad.div(c.input(0).mul(Foundation.log(2.0))) }])

    public static let log10 = DerivativeRule(
        op: "log10", gradFn: "Log10Backward0", inputs: ["self"],
        formulas: ["grad / (self · ln 10)"], local: ["1 / (self · ln 10)"], saves: [[.input(0)]],
        pullbacks: [{ c in try c.grad.div(c.input(0).mul(Foundation.log(10.0))) }])

    public static let rsqrt = DerivativeRule(
        op: "rsqrt", gradFn: "RsqrtBackward0", inputs: ["self"],
        formulas: ["−0.5 · grad · result³"], local: ["−1 / (2·self^1.5)"], saves: [[.output]],
        pullbacks: [{ c in try c.grad.mul(c.result().pow(3)).mul(-0.5) }])

    static func stepRule(_ op: String, _ gradFn: String) -> DerivativeRule {
        DerivativeRule(op: op, gradFn: gradFn, inputs: ["self"], formulas: ["0"], local: ["0"], saves: [[]],
                       pullbacks: [{ c in try Tensor.zeros(c.inputShape(0), dtype: c.inputDType(0)) }])
    }

    public static let floor = stepRule("floor", "FloorBackward0")
    public static let ceil = stepRule("ceil", "CeilBackward0")
    public static let round = stepRule("round", "RoundBackward0")
    public static let trunc = stepRule("trunc", "TruncBackward0")
    public static let roundDecimals = stepRule("round_decimals", "RoundBackward1")

    public static let variance = DerivativeRule(
        op: "var", gradFn: "VarBackward0", inputs: ["self"],
        formulas: ["grad · 2(self − mean) / (N − correction)"], saves: [[.input(0)]],
        arguments: [.dim, .scalar("correction"), .keepdim],
        pullbacks: [{ c in try varianceGrad(c.grad, c) }])

    public static let std = DerivativeRule(
        op: "std", gradFn: "StdBackward0", inputs: ["self"],
        formulas: ["grad · (self − mean) / ((N − correction) · result), 0 where result = 0"], saves: [[.input(0), .output]],
        arguments: [.dim, .scalar("correction"), .keepdim],
        pullbacks: [{ c in
            var r = try c.result()
            if !c.attrs.keepdim && !c.attrs.dims.isEmpty { for d in c.attrs.dims.sorted() { r = try r.unsqueeze(d) } }
            var g = c.grad
            if !c.attrs.keepdim && !c.attrs.dims.isEmpty { for d in c.attrs.dims.sorted() { g = try g.unsqueeze(d) } }
            // PyTorch's std_backward: where the std is 0 the gradient is 0, not 0/0.
            let scaled = try g.div(r.mul(2)).maskedFill(r.compare(.eq, Tensor(scalar: 0, dtype: r.dtype)),
                                                        value: Tensor(scalar: 0, dtype: g.dtype))
            return try varianceGrad(scaled, c, alreadyUnsqueezed: true)
        }])

    /// `var_backward`: (2 / (N − correction)) · grad · (self − mean(self)).
    private static func varianceGrad(_ grad: Tensor, _ c: BackwardContext, alreadyUnsqueezed: Bool = false) throws -> Tensor {
        let x = try c.input(0)
        let dims = c.attrs.dims
        var g = grad
        if !alreadyUnsqueezed && !c.attrs.keepdim && !dims.isEmpty { for d in dims.sorted() { g = try g.unsqueeze(d) } }
        let mean = dims.isEmpty ? try x.mean() : try x.mean(dims: dims, keepdim: true)
        let n = dims.isEmpty ? Double(x.numel) : Double(Shape.count(dims.map { x.shape[$0] }))
        return try g.mul(2.0 / (n - c.attrs.scalar)).mul(x.sub(mean))
    }

    public static let prod = DerivativeRule(
        op: "prod", gradFn: "ProdBackward0", inputs: ["self"],
        formulas: ["grad · result / self (the product of the others where self has zeros)"], saves: [[.input(0), .output]],
        pullbacks: [{ c in
            let x = try c.input(0)
            if x.dim == 0 { return c.grad }
            // PyTorch's prod_backward: grad · (result / self) without zeros, products of the others with them.
            if !x.values.contains(0) { return try c.grad.mul(c.result().div(x)) }
            return try c.grad.mul(x.productOfOthers(dim: nil))
        }])

    public static let prodDim = DerivativeRule(
        op: "prod_dim", gradFn: "ProdBackward1", inputs: ["self"],
        formulas: ["grad · result / self along dim (the product of the others where self has zeros)"], saves: [[.input(0), .output]],
        arguments: [.dim, .keepdim],
        pullbacks: [{ c in
            var g = c.grad, r = try c.result()
            let x = try c.input(0)
            if x.dim == 0 { return g }
            if !c.attrs.keepdim {
                g = try g.unsqueeze(c.attrs.dims[0])
                r = try r.unsqueeze(c.attrs.dims[0])
            }
            if !x.values.contains(0) { return try g.mul(r.div(x)) }
            return try g.mul(x.productOfOthers(dim: c.attrs.dims[0]))
        }])

    // MARK: Rearranging, picking and cumulative ops

    public static let repeatRule = DerivativeRule(
        op: "repeat", gradFn: "RepeatBackward0", inputs: ["self"],
        formulas: ["grad summed over the repeated blocks"], saves: [[]],
        arguments: [.list("repeats")],
        pullbacks: [{ c in
            // View grad as [r0, s0, r1, s1, …] and sum the repeat axes.
            let reps = c.attrs.indices, sizes = c.attrs.shape
            var interleaved: [Int] = []
            for (r, s) in zip(reps, sizes) { interleaved += [r, s] }
            let g = try c.grad.reshape(interleaved).sum(dims: Array(stride(from: 0, to: interleaved.count, by: 2)))
            return try g.reshape(c.inputShape(0))
        }])

    public static let flip = DerivativeRule(
        op: "flip", gradFn: "FlipBackward0", inputs: ["self"],
        formulas: ["grad flipped along dims"], saves: [[]],
        arguments: [.dimList("dims")],
        pullbacks: [{ c in try c.grad.flip(c.attrs.dims) }])

    public static let roll = DerivativeRule(
        op: "roll", gradFn: "RollBackward0", inputs: ["self"],
        formulas: ["grad rolled back by −shifts"], saves: [[]],
        arguments: [.list("shifts"), .dimList("dims")],
        pullbacks: [{ c in try c.grad.roll(c.attrs.indices.map { -$0 }, dims: c.attrs.dims) }])

    public static let cumsum = DerivativeRule(
        op: "cumsum", gradFn: "CumsumBackward0", inputs: ["self"],
        formulas: ["flip(cumsum(flip(grad)))"], saves: [[]],
        arguments: [.dim],
        pullbacks: [{ c in
            let d = c.attrs.dims[0]
            return try c.grad.flip([d]).cumulative(product: false, dim: d).flip([d])
        }])

    public static let cumprod = DerivativeRule(
        op: "cumprod", gradFn: "CumprodBackward0", inputs: ["self"],
        formulas: ["flip(cumsum(flip(grad · result))) / self"], saves: [[.input(0), .output]],
        arguments: [.dim],
        pullbacks: [{ c in
            let d = c.attrs.dims[0], x = try c.input(0)
            if x.values.contains(0) { return x.cumprodGradWithZeros(c.grad, dim: d) }
            return try c.grad.mul(c.result()).flip([d]).cumulative(product: false, dim: d).flip([d]).div(x)
        }])

    public static let tril = DerivativeRule(
        op: "tril", gradFn: "TrilBackward0", inputs: ["self"],
        formulas: ["tril(grad, diagonal)"], saves: [[]],
        arguments: [.index("diagonal")],
        pullbacks: [{ c in try c.grad.triangle(upper: false, diagonal: c.attrs.index) }])

    public static let triu = DerivativeRule(
        op: "triu", gradFn: "TriuBackward0", inputs: ["self"],
        formulas: ["triu(grad, diagonal)"], saves: [[]],
        arguments: [.index("diagonal")],
        pullbacks: [{ c in try c.grad.triangle(upper: true, diagonal: c.attrs.index) }])

    public static let diagonal = DerivativeRule(
        op: "diagonal", gradFn: "DiagonalBackward0", inputs: ["self"],
        formulas: ["grad placed on the diagonal of zeros of self's shape"], saves: [[]],
        arguments: [.index("offset")] + ArgumentSpec.dims("dim1", "dim2"),
        pullbacks: [{ c in
            try c.grad.diagonalBackward(shape: c.inputShape(0), offset: c.attrs.index, dim1: c.attrs.dims[0], dim2: c.attrs.dims[1])
        }])

    public static let diagCopy = DerivativeRule(
        op: "diag", gradFn: "DiagonalBackward0_copy", inputs: ["self"],
        formulas: ["grad placed on the diagonal of zeros of self's shape"], saves: [[]],
        arguments: [.index("diagonal")],
        pullbacks: [{ c in try c.grad.diagonalBackward(shape: c.inputShape(0), offset: c.attrs.index, dim1: 0, dim2: 1) }])

    public static let diagonalBackward = DerivativeRule(
        op: "diagonal_backward", gradFn: "DiagonalBackwardBackward0", inputs: ["grad_output"],
        formulas: ["diagonal(grad)"], saves: [[]],
        pullbacks: [{ c in try c.grad.diagonal(offset: c.attrs.index, dim1: c.attrs.dims[0], dim2: c.attrs.dims[1]) }])

    public static let diagEmbed = DerivativeRule(
        op: "diag_embed", gradFn: "DiagEmbedBackward0", inputs: ["self"],
        formulas: ["diagonal(grad, offset)"], saves: [[]],
        arguments: [.index("offset")],
        pullbacks: [{ c in try c.grad.diagonal(offset: c.attrs.index) }])

    public static let trace = DerivativeRule(
        op: "trace", gradFn: "TraceBackward0", inputs: ["self"],
        formulas: ["grad · eye"], local: ["1 on the diagonal, 0 elsewhere"], saves: [[]],
        pullbacks: [{ c in
            let s = c.inputShape(0)
            return try c.grad.mul(Tensor.eye(s[0], s[1], dtype: c.grad.dtype))
        }])

    public static let indexSelect = DerivativeRule(
        op: "index_select", gradFn: "IndexSelectBackward0", inputs: ["self"],
        formulas: ["grad added at index along dim in zeros of self's shape"], saves: [[]],
        arguments: [.dim, .list("index")],
        pullbacks: [{ c in try c.grad.indexAddBackward(shape: c.inputShape(0), dim: c.attrs.dims[0], indices: c.attrs.indices) }])

    public static let indexAdd = DerivativeRule(
        op: "index_add", gradFn: "IndexAddBackward0", inputs: ["source"],
        formulas: ["index_select(grad, dim, index)"], saves: [[]],
        arguments: [.dim, .list("index")],
        pullbacks: [{ c in
            try c.grad.indexSelect(dim: c.attrs.dims[0], index: Tensor(values: c.attrs.indices.map(Double.init), shape: [c.attrs.indices.count], dtype: .int64))
        }])

    public static let gatherPositions = DerivativeRule(
        op: "gather_index", gradFn: "GatherBackward0", inputs: ["input"],
        formulas: ["grad added at the gathered positions in zeros of input's shape"], saves: [[]],
        pullbacks: [{ c in try c.grad.scatterAddPositions(c.attrs.indices, shape: c.inputShape(0)) }])

    public static let scatterAddPositions = DerivativeRule(
        op: "scatter_add", gradFn: "ScatterAddBackward0", inputs: ["src"],
        formulas: ["grad gathered at the scattered positions"], saves: [[]],
        pullbacks: [{ c in try c.grad.gatherPositions(c.attrs.indices, shape: c.attrs.shape) }])

    /// Zero where a scatter wrote, one elsewhere.
    private static func untouched(_ c: BackwardContext) -> Tensor {
        var keep = [Double](repeating: 1, count: Shape.count(c.inputShape(0)))
        for p in c.attrs.indices { keep[p] = 0 }
        return Tensor(values: keep, shape: c.inputShape(0), dtype: .bool)
    }

    public static let scatterValue = DerivativeRule(
        op: "scatter_value", gradFn: "ScatterBackward1", inputs: ["self"],
        formulas: ["grad with the scattered positions zeroed"], saves: [[]],
        pullbacks: [{ c in try c.grad.mul(untouched(c)) }])

    public static let scatterSource = DerivativeRule(
        op: "scatter_src", gradFn: "ScatterBackward0", inputs: ["self", "src"],
        formulas: ["grad with the scattered positions zeroed", "grad gathered at the scattered positions"], saves: [[], []],
        pullbacks: [{ c in try c.grad.mul(untouched(c)) }, { c in try c.grad.gatherPositions(c.attrs.indices, shape: c.attrs.shape) }])

    public static let maskedFillOut = DerivativeRule(
        op: "masked_fill_out", gradFn: "MaskedFillBackward0", inputs: ["self"],
        formulas: ["grad with the masked positions zeroed"], saves: [[]],
        pullbacks: [{ c in try c.grad.mul(Tensor(values: c.attrs.indices.map { $0 == 0 ? 1 : 0 }, shape: c.attrs.shape, dtype: .bool)) }])

    public static let sort = DerivativeRule(
        op: "sort", gradFn: "SortBackward0", inputs: ["self"],
        formulas: ["grad put back at the sorted indices"], saves: [[]],
        pullbacks: [{ c in try c.grad.scatterAddPositions(c.attrs.indices, shape: c.inputShape(0)) }])

    public static let topk = DerivativeRule(
        op: "topk", gradFn: "TopkBackward0", inputs: ["self"],
        formulas: ["grad put at the top-k indices in zeros of self's shape"], saves: [[]],
        pullbacks: [{ c in try c.grad.scatterAddPositions(c.attrs.indices, shape: c.inputShape(0)) }])

    public static let split = DerivativeRule(
        op: "split", gradFn: "SplitBackward0", inputs: ["self"],
        formulas: ["grad placed at its piece in zeros of self's shape"], saves: [[]],
        pullbacks: [{ c in try pieceGrad(c) }])

    public static let splitWithSizes = DerivativeRule(
        op: "split_with_sizes", gradFn: "SplitWithSizesBackward0", inputs: ["self"],
        formulas: ["grad placed at its piece in zeros of self's shape"], saves: [[]],
        pullbacks: [{ c in try pieceGrad(c) }])

    private static func pieceGrad(_ c: BackwardContext) throws -> Tensor {
        if c.inputShape(0).isEmpty { return c.grad }
        return try c.grad.sliceBackward(shape: c.inputShape(0), dim: c.attrs.dims[0], start: c.attrs.start, end: c.attrs.end, step: 1)
    }

    public static let unbind = DerivativeRule(
        op: "unbind", gradFn: "UnbindBackward0", inputs: ["self"],
        formulas: ["grad placed at [index] in zeros of self's shape"], saves: [[]],
        arguments: [.dim, .index("index")],
        pullbacks: [{ c in try c.grad.selectBackward(shape: c.inputShape(0), dim: c.attrs.dims[0], index: c.attrs.index) }])

    public static let amax = DerivativeRule(
        op: "amax", gradFn: "AmaxBackward0", inputs: ["self"],
        formulas: ["grad · (self = result) / count(self = result)"], saves: [[.input(0), .output]],
        arguments: [.dim, .keepdim],
        pullbacks: [{ c in try extremeGrad(c) }])

    public static let amin = DerivativeRule(
        op: "amin", gradFn: "AminBackward0", inputs: ["self"],
        formulas: ["grad · (self = result) / count(self = result)"], saves: [[.input(0), .output]],
        arguments: [.dim, .keepdim],
        pullbacks: [{ c in try extremeGrad(c) }])

    /// The gradient of amax/amin: shared equally among the tied extremes.
    private static func extremeGrad(_ c: BackwardContext) throws -> Tensor {
        let dims = c.attrs.dims, keep = c.attrs.keepdim
        let r = try c.result().unsqueezed(dims, keepdim: keep), g = try c.grad.unsqueezed(dims, keepdim: keep)
        let mask = try c.input(0).compare(.eq, r).to(c.grad.dtype)
        return try g.div(mask.sum(dims: dims, keepdim: true)).mul(mask)
    }

    public static let logsumexp = DerivativeRule(
        op: "logsumexp", gradFn: "LogsumexpBackward0", inputs: ["self"],
        formulas: ["grad · exp(self − result)"], saves: [[.input(0), .output]],
        arguments: [.dim, .keepdim],
        pullbacks: [{ c in
            let dims = c.attrs.dims, keep = c.attrs.keepdim
            let r = try c.result().unsqueezed(dims, keepdim: keep), g = try c.grad.unsqueezed(dims, keepdim: keep)
            return try g.mul(c.input(0).sub(r).exp())
        }])

    public static let bmm = DerivativeRule(
        op: "bmm", gradFn: "BmmBackward0", inputs: ["self", "mat2"],
        formulas: ["grad @ mat2ᵀ", "selfᵀ @ grad"], saves: [[.input(1)], [.input(0)]],
        pullbacks: [
            { c in try c.grad.bmm(c.input(1).transpose(1, 2)) },
            { c in try c.input(0).transpose(1, 2).bmm(c.grad) },
        ])

    // MARK: More elementwise functions, second part

    public static let asin = DerivativeRule(
        op: "asin", gradFn: "AsinBackward0", inputs: ["self"],
        formulas: ["grad / √(1 − self²)"], local: ["1 / √(1 − self²)"], saves: [[.input(0)]],
        pullbacks: [{ c in let x = try c.input(0); return try c.grad.div(x.mul(x).rsub(1).sqrt()) }])

    public static let acos = DerivativeRule(
        op: "acos", gradFn: "AcosBackward0", inputs: ["self"],
        formulas: ["−grad / √(1 − self²)"], local: ["−1 / √(1 − self²)"], saves: [[.input(0)]],
        pullbacks: [{ c in let x = try c.input(0); return try c.grad.neg().div(x.mul(x).rsub(1).sqrt()) }])

    public static let atan2 = DerivativeRule(
        op: "atan2", gradFn: "Atan2Backward0", inputs: ["self", "other"],
        formulas: ["grad · other / (self² + other²)", "−grad · self / (self² + other²)"],
        local: ["other / (self² + other²)", "−self / (self² + other²)"], saves: [[.input(0), .input(1)], [.input(0), .input(1)]],
        pullbacks: [
            { c in let x = try c.input(0), y = try c.input(1); return try c.grad.mul(y).div(x.mul(x).add(y.mul(y))) },
            { c in let x = try c.input(0), y = try c.input(1); return try c.grad.neg().mul(x).div(x.mul(x).add(y.mul(y))) },
        ])

    public static let erf = DerivativeRule(
        op: "erf", gradFn: "ErfBackward0", inputs: ["self"],
        formulas: ["grad · 2/√π · exp(−self²)"], local: ["2/√π · exp(−self²)"], saves: [[.input(0)]],
        pullbacks: [{ c in let x = try c.input(0); return try c.grad.mul(x.mul(x).neg().exp()).mul(2 / Double.pi.squareRoot()) }])

    public static let exp2 = DerivativeRule(
        op: "exp2", gradFn: "Exp2Backward0", inputs: ["self"],
        formulas: ["grad · result · ln 2"], local: ["2^self · ln 2"], saves: [[.output]],
        pullbacks: [{ c in try c.grad.mul(c.result()).mul(Foundation.log(2.0)) }])

    public static let frac = DerivativeRule(
        op: "frac", gradFn: "FracBackward0", inputs: ["self"],
        formulas: ["grad"], local: ["1"], saves: [[]], pullbacks: [{ $0.grad }])

    public static let sgn = stepRule("sgn", "SgnBackward0")

    public static let clampMin = DerivativeRule(
        op: "clamp_min", gradFn: "ClampMinBackward0", inputs: ["self"],
        formulas: ["grad · (self ≥ min)"], local: ["1 if self ≥ min else 0"], saves: [[.input(0)]],
        arguments: [.scalar("min")],
        pullbacks: [{ c in try c.grad.mul(c.input(0).compare(.ge, Tensor.wrapped(c.attrs.scalar, dtype: .float64))) }])

    public static let clampMax = DerivativeRule(
        op: "clamp_max", gradFn: "ClampMaxBackward0", inputs: ["self"],
        formulas: ["grad · (self ≤ max)"], local: ["1 if self ≤ max else 0"], saves: [[.input(0)]],
        arguments: [.scalar("max")],
        pullbacks: [{ c in try c.grad.mul(c.input(0).compare(.le, Tensor.wrapped(c.attrs.scalar, dtype: .float64))) }])

    public static let fmodScalar = DerivativeRule(
        op: "fmod", gradFn: "FmodBackward0", inputs: ["self"],
        formulas: ["grad"], local: ["1"], saves: [[]], pullbacks: [{ $0.grad }])

    public static let fmodTensor = DerivativeRule(
        op: "fmod_tensor", gradFn: "FmodBackward1", inputs: ["self", "other"],
        formulas: ["grad", "−grad · trunc(self / other)"], local: ["1", "−trunc(self / other)"],
        saves: [[], [.input(0), .input(1)]],
        pullbacks: [{ $0.grad }, { c in try c.grad.neg().mul(c.input(0).div(c.input(1)).rounding(.towardZero)) }])

    public static let remainderScalar = DerivativeRule(
        op: "remainder", gradFn: "RemainderBackward0", inputs: ["self"],
        formulas: ["grad"], local: ["1"], saves: [[]], pullbacks: [{ $0.grad }])

    public static let remainderTensor = DerivativeRule(
        op: "remainder_tensor", gradFn: "RemainderBackward1", inputs: ["self", "other"],
        formulas: ["grad", "−grad · floor(self / other)"], local: ["1", "−floor(self / other)"],
        saves: [[], [.input(0), .input(1)]],
        pullbacks: [{ $0.grad }, { c in try c.grad.neg().mul(c.input(0).div(c.input(1)).rounding(.down)) }])

    public static let xlogy = DerivativeRule(
        op: "xlogy", gradFn: "XlogyBackward0", inputs: ["self", "other"],
        formulas: ["grad · log(other), 0 where self = 0 and other ≤ 0", "grad · self / other"],
        local: ["log(other)", "self / other"], saves: [[.input(0), .input(1)], [.input(0), .input(1)]],
        pullbacks: [{ c in try xlogySelfGrad(c) }, { c in try c.grad.mul(c.input(0)).div(c.input(1)) }])

    public static let xlogyScalar = DerivativeRule(
        op: "xlogy_scalar", gradFn: "XlogyBackward2", inputs: ["self"],
        formulas: ["grad · log(other), 0 where self = 0 and other ≤ 0"], local: ["log(other)"], saves: [[.input(0)]],
        arguments: [.scalar("other")],
        pullbacks: [{ c in try xlogySelfGrad(c, other: Tensor.wrapped(c.attrs.scalar, dtype: .float64)) }])

    private static func xlogySelfGrad(_ c: BackwardContext, other: Tensor? = nil) throws -> Tensor {
        let x = try c.input(0), y = try other ?? c.input(1)
        let zero = Tensor.wrapped(0, dtype: .int64)
        let g = try c.grad.mul(y.log())
        let undefined = try x.compare(.eq, zero).logical("logical_and", y.compare(.le, zero)) { $0 && $1 }
        return try Tensor.where(undefined, g.fullLike(0), g)
    }

    public static let logaddexp = DerivativeRule(
        op: "logaddexp", gradFn: "LogaddexpBackward0", inputs: ["self", "other"],
        formulas: ["grad / (1 + exp(other − self))", "grad / (1 + exp(self − other))"],
        local: ["1 / (1 + exp(other − self))", "1 / (1 + exp(self − other))"], saves: [[.input(0), .input(1)], [.input(0), .input(1)]],
        pullbacks: [
            { c in try c.grad.div(c.input(1).sub(c.input(0)).exp().add(1)) },
            { c in try c.grad.div(c.input(0).sub(c.input(1)).exp().add(1)) },
        ])

    public static let deg2rad = DerivativeRule(
        op: "deg2rad", gradFn: "Deg2RadBackward0", inputs: ["self"],
        formulas: ["grad · π/180"], local: ["π/180"], saves: [[]], pullbacks: [{ c in try c.grad.mul(Double.pi / 180) }])

    public static let rad2deg = DerivativeRule(
        op: "rad2deg", gradFn: "Rad2DegBackward0", inputs: ["self"],
        formulas: ["grad · 180/π"], local: ["180/π"], saves: [[]], pullbacks: [{ c in try c.grad.mul(180 / Double.pi) }])

    public static let nanToNum = DerivativeRule(
        op: "nan_to_num", gradFn: "NanToNumBackward0", inputs: ["self"],
        formulas: ["grad where self is finite, else 0"], local: ["1 if finite else 0"], saves: [[.input(0)]],
        pullbacks: [{ c in try c.grad.mul(c.input(0).test("isfinite") { $0.isFinite }) }])

    public static let lerp = DerivativeRule(
        op: "lerp", gradFn: "LerpBackward0", inputs: ["self", "end"],
        formulas: ["grad · (1 − weight)", "grad · weight"], local: ["1 − weight", "weight"], saves: [[], []],
        arguments: [.scalar("weight")],
        pullbacks: [{ c in try c.grad.mul(1 - c.attrs.scalar) }, { c in try c.grad.mul(c.attrs.scalar) }])

    public static let lerpTensor = DerivativeRule(
        op: "lerp_tensor", gradFn: "LerpBackward1", inputs: ["self", "end", "weight"],
        formulas: ["grad · (1 − weight)", "grad · weight", "grad · (end − self)"], local: ["1 − weight", "weight", "end − self"],
        saves: [[.input(2)], [.input(2)], [.input(0), .input(1)]],
        pullbacks: [
            { c in try c.grad.mul(c.input(2).rsub(1)) },
            { c in try c.grad.mul(c.input(2)) },
            { c in try c.grad.mul(c.input(1).sub(c.input(0))) },
        ])

    public static let addcmul = DerivativeRule(
        op: "addcmul", gradFn: "AddcmulBackward0", inputs: ["self", "tensor1", "tensor2"],
        formulas: ["grad", "grad · value · tensor2", "grad · value · tensor1"], local: ["1", "value · tensor2", "value · tensor1"],
        saves: [[], [.input(2)], [.input(1)]],
        arguments: [.scalar("value")],
        pullbacks: [
            { $0.grad },
            { c in try c.grad.mul(c.input(2)).mul(c.attrs.scalar) },
            { c in try c.grad.mul(c.input(1)).mul(c.attrs.scalar) },
        ])

    public static let addcdiv = DerivativeRule(
        op: "addcdiv", gradFn: "AddcdivBackward0", inputs: ["self", "tensor1", "tensor2"],
        formulas: ["grad", "grad · value / tensor2", "−grad · value · tensor1 / tensor2²"],
        local: ["1", "value / tensor2", "−value · tensor1 / tensor2²"],
        saves: [[], [.input(2)], [.input(1), .input(2)]],
        arguments: [.scalar("value")],
        pullbacks: [
            { $0.grad },
            { c in try c.grad.div(c.input(2)).mul(c.attrs.scalar) },
            { c in let t2 = try c.input(2); return try c.grad.neg().mul(c.input(1)).div(t2.mul(t2)).mul(c.attrs.scalar) },
        ])

    /// Every rule, for the gradient-check tests and the documentation.
    public static let all: [DerivativeRule] = [
        clampTensor,
        add, sub, rsub, rsubTensor, mul, div, divRounded, neg, reciprocal, powScalar, powTensor, powBase,
        exp, log, sin, cos, tanh, tanhBackward, sigmoid, sigmoidBackward, thresholdBackward, logSoftmaxBackwardData, relu, sqrt, abs, sign, clamp, whereSelf, maximum, minimum,
        sum, sumDim, mean, meanDim, max, min, maxDim, minDim, placeAlong, gatherAlong,
        mm, dot, mv, t, permute, transpose, view, unsafeView, unsqueeze, squeeze, squeezeDim, squeezeInPlace, expand,
        clone, toCopy, select, selectBackward, slice, sliceBackward, index, indexBackward, cat, stack,
        tan, atan, sinh, cosh, log1p, expm1, log2, log10, rsqrt, floor, ceil, round, trunc, roundDecimals, variance, std, prod, prodDim,
        addmm, mseLoss, nllLoss, zero, fill, copy, softmax, logSoftmax, norm, alias, indexPut, indexFill, maskedFill,
        repeatRule, flip, roll, cumsum, cumprod, tril, triu, diagonal, diagCopy, diagonalBackward, diagEmbed, trace,
        indexSelect, indexAdd, gatherPositions, scatterAddPositions, scatterValue, scatterSource, maskedFillOut,
        sort, topk, split, splitWithSizes, unbind, amax, amin, logsumexp, bmm,
        asin, acos, atan2, erf, exp2, frac, sgn, clampMin, clampMax, fmodScalar, fmodTensor, remainderScalar, remainderTensor,
        xlogy, xlogyScalar, logaddexp, deg2rad, rad2deg, nanToNum, lerp, lerpTensor, addcmul, addcdiv,
        convolution, convolutionNoBias, maxPool2d, avgPool2d,
        binaryCrossEntropy, binaryCrossEntropyWithLogits, smoothL1Loss, huberLoss, embedding, batchNorm,
        leakyRelu, elu, gelu, softplus, silu, adaptiveAvgPool2d, nllLossWeighted, hardtanh, logSigmoid, layerNorm,
    ]
}

// MARK: Convolution and pooling

extension Derivatives {
    private static func convolutionInputGrad(_ c: BackwardContext) throws -> Tensor {
        let w = try c.input(1)
        let cols = c.attrs.shape
        let g = try c.grad.reshape([cols[0], w.shape[0], cols[2]])
        let gCols = try w.reshape([w.shape[0], cols[1]]).t().unsqueeze(0).expand([cols[0], cols[1], w.shape[0]]).bmm(g)
        return try Tensor.uncolumns(gCols, c, shape: c.inputShape(0))
    }

    private static func convolutionWeightGrad(_ c: BackwardContext) throws -> Tensor {
        let cols = c.attrs.shape
        let o = c.inputShape(1)[0]
        let g = try c.grad.reshape([cols[0], o, cols[2]])
        return try g.bmm(Tensor.columns(c.input(0), c).transpose(1, 2)).sum(dims: [0]).reshape(c.inputShape(1))
    }

    private static func convolutionBiasGrad(_ c: BackwardContext) throws -> Tensor {
        try c.grad.sum(dims: Array(0..<c.grad.dim).filter { $0 != 1 })
    }

    public static let convolution = DerivativeRule(
        op: "convolution", gradFn: "ConvolutionBackward0", inputs: ["input", "weight", "bias"],
        formulas: ["col2im(weightᵀ @ grad)", "Σ_batch grad @ im2col(input)ᵀ", "Σ grad over batch and positions"],
        saves: [[.input(1)], [.input(0)], []],
        pullbacks: [convolutionInputGrad, convolutionWeightGrad, convolutionBiasGrad])

    public static let convolutionNoBias = DerivativeRule(
        op: "convolution_no_bias", gradFn: "ConvolutionBackward0", inputs: ["input", "weight"],
        formulas: ["col2im(weightᵀ @ grad)", "Σ_batch grad @ im2col(input)ᵀ"],
        saves: [[.input(1)], [.input(0)]],
        pullbacks: [convolutionInputGrad, convolutionWeightGrad])

    public static let maxPool2d = DerivativeRule(
        op: "max_pool2d", gradFn: "MaxPool2DWithIndicesBackward0", inputs: ["self"],
        formulas: ["grad added at each window's maximum"], saves: [[]],
        pullbacks: [{ c in try c.grad.reshape([-1]).scatterAddPositions(c.attrs.indices, shape: [Shape.count(c.inputShape(0))]).reshape(c.inputShape(0)) }])

    public static let avgPool2d = DerivativeRule(
        op: "avg_pool2d", gradFn: "AvgPool2DBackward0", inputs: ["self"],
        formulas: ["grad / window element count, spread over each window"], saves: [[]],
        pullbacks: [{ c in
            let (oh, ow, span) = (c.attrs.shape[0], c.attrs.shape[1], c.attrs.shape[2])
            let divisors = Tensor(values: c.attrs.dims.map(Double.init), shape: [oh, ow], dtype: c.grad.dtype)
            let planes = c.grad.numel / Swift.max(oh * ow, 1)
            let spread = try c.grad.reshape([planes, oh, ow]).div(divisors).unsqueeze(-1).expand([planes, oh, ow, span])
            let numel = Shape.count(c.inputShape(0))
            return try spread.scatterAddPositions(c.attrs.indices, shape: [numel + 1]).narrow(dim: 0, start: 0, length: numel).reshape(c.inputShape(0))
        }])
}

// MARK: Element-wise losses

extension Derivatives {
    /// `grad · local`, divided by the element count for the mean reduction.
    private static func reduced(_ c: BackwardContext, _ local: Tensor) throws -> Tensor {
        let g = try c.grad.mul(local)
        return c.attrs.index == Tensor.Reduction.mean.rawValue ? try g.div(Double(Swift.max(local.numel, 1))) : g
    }

    public static let binaryCrossEntropy = DerivativeRule(
        op: "binary_cross_entropy", gradFn: "BinaryCrossEntropyBackward0", inputs: ["self", "target"],
        formulas: ["grad · (self − target) / max(self(1 − self), 1e-12)", "grad · (log(1 − self) − log(self))"],
        saves: [[.input(0), .input(1)], [.input(0)]],
        arguments: [.reduction],
        pullbacks: [
            { c in
                let x = try c.input(0)
                return try reduced(c, x.sub(c.input(1)).div(x.mul(x.rsub(1)).clamp(min: 1e-12, max: nil)))
            },
            { c in
                let x = try c.input(0)
                return try reduced(c, x.rsub(1).log().clamp(min: -100, max: nil).sub(x.log().clamp(min: -100, max: nil)))
            },
        ])

    public static let binaryCrossEntropyWithLogits = DerivativeRule(
        op: "binary_cross_entropy_with_logits", gradFn: "BinaryCrossEntropyWithLogitsBackward0", inputs: ["self", "target"],
        formulas: ["grad · (σ(self) − target)", "−grad · self"],
        saves: [[.input(0), .input(1)], [.input(0)]],
        arguments: [.reduction],
        pullbacks: [
            { c in try reduced(c, c.input(0).sigmoid().sub(c.input(1))) },
            { c in try reduced(c, c.input(0).neg()) },
        ])

    public static let smoothL1Loss = DerivativeRule(
        op: "smooth_l1_loss", gradFn: "SmoothL1LossBackward0", inputs: ["self", "target"],
        formulas: ["grad · clamp((self − target) / β, −1, 1)", "−grad · clamp((self − target) / β, −1, 1)"],
        saves: [[.input(0), .input(1)], [.input(0), .input(1)]],
        arguments: [.reduction, .scalar("beta")],
        pullbacks: [
            { c in try reduced(c, smoothL1Slope(c)) },
            { c in try reduced(c, smoothL1Slope(c).neg()) },
        ])

    private static func smoothL1Slope(_ c: BackwardContext) throws -> Tensor {
        let d = try c.input(0).sub(c.input(1))
        return c.attrs.scalar == 0 ? try d.sign() : try d.div(c.attrs.scalar).clamp(min: -1, max: 1)
    }

    public static let huberLoss = DerivativeRule(
        op: "huber_loss", gradFn: "HuberLossBackward0", inputs: ["self", "target"],
        formulas: ["grad · clamp(self − target, −δ, δ)", "−grad · clamp(self − target, −δ, δ)"],
        saves: [[.input(0), .input(1)], [.input(0), .input(1)]],
        arguments: [.reduction, .scalar("delta")],
        pullbacks: [
            { c in try reduced(c, c.input(0).sub(c.input(1)).clamp(min: -c.attrs.scalar, max: c.attrs.scalar)) },
            { c in try reduced(c, c.input(0).sub(c.input(1)).clamp(min: -c.attrs.scalar, max: c.attrs.scalar).neg()) },
        ])
}

// MARK: Embedding

extension Derivatives {
    public static let embedding = DerivativeRule(
        op: "embedding", gradFn: "EmbeddingBackward0", inputs: ["weight"],
        formulas: ["grad rows added at their indices (none at padding_idx)"], saves: [[]],
        pullbacks: [{ c in
            let numel = Shape.count(c.inputShape(0))
            return try c.grad.reshape([-1]).scatterAddPositions(c.attrs.indices, shape: [numel + 1])
                .narrow(dim: 0, start: 0, length: numel).reshape(c.inputShape(0))
        }])
}

// MARK: Batch normalization

extension Derivatives {
    /// x̂ and 1/σ per channel: recomputed from the input with recorded ops in training
    /// (so the gradient differentiates again), the saved running statistics in evaluation.
    private static func normalized(_ c: BackwardContext) throws -> (xhat: Tensor, invstd: Tensor, dims: [Int]) {
        let x = try c.input(0)
        let dims = [0] + Array(2..<Swift.max(x.dim, 2))
        if c.attrs.index == 1 {
            let centered = try x.sub(x.mean(dims: dims, keepdim: true))
            let invstd = try centered.mul(centered).mean(dims: dims, keepdim: true).add(c.attrs.scalar).rsqrt()
            return (try centered.mul(invstd), invstd, dims)
        }
        let invstd = try c.input(4).to(x.dtype).channelShaped(x.shape)
        return (try x.sub(c.input(3).to(x.dtype).channelShaped(x.shape)).mul(invstd), invstd, dims)
    }

    public static let batchNorm = DerivativeRule(
        op: "batch_norm", gradFn: "NativeBatchNormBackward0", inputs: ["input", "weight", "bias", "save_mean", "save_invstd"],
        formulas: ["training: (w/σ)(grad − mean(grad) − x̂·mean(grad·x̂)); eval: grad·w/σ", "Σ grad·x̂", "Σ grad", "not differentiable", "not differentiable"],
        saves: [[.input(0), .input(1), .input(3), .input(4)], [.input(0), .input(3), .input(4)], [], [], []],
        arguments: [.scalar("eps")],
        pullbacks: [
            { c in
                let (xhat, invstd, dims) = try normalized(c)
                let g = try c.grad.mul(c.input(1).channelShaped(xhat.shape))
                if c.attrs.index == 0 { return try g.mul(invstd) }
                let meanG = try g.mean(dims: dims, keepdim: true)
                let meanGX = try g.mul(xhat).mean(dims: dims, keepdim: true)
                return try g.sub(meanG).sub(xhat.mul(meanGX)).mul(invstd)
            },
            { c in
                let (xhat, _, dims) = try normalized(c)
                return try c.grad.mul(xhat).sum(dims: dims)
            },
            { c in try c.grad.sum(dims: [0] + Array(2..<Swift.max(c.grad.dim, 2))) },
            { _ in nil },
            { _ in nil },
        ])
}

// MARK: More activations

extension Derivatives {
    public static let leakyRelu = DerivativeRule(
        op: "leaky_relu", gradFn: "LeakyReluBackward0", inputs: ["self"],
        formulas: ["grad where self > 0, grad · negative_slope elsewhere"], local: ["1 or negative_slope"], saves: [[.input(0)]],
        arguments: [.scalar("negative_slope")],
        pullbacks: [{ c in
            let positive = try c.input(0).above(0)
            return try c.grad.mul(positive.mul(1 - c.attrs.scalar).add(c.attrs.scalar))
        }])

    public static let elu = DerivativeRule(
        op: "elu", gradFn: "EluBackward0", inputs: ["self"],
        formulas: ["grad where self > 0, grad · α·e^self elsewhere"], local: ["1 or α·e^self"], saves: [[.input(0)]],
        arguments: [.scalar("alpha")],
        pullbacks: [{ c in
            let x = try c.input(0)
            let positive = x.above(0)
            let negativeSlope = try x.exp().mul(c.attrs.scalar).mul(positive.rsub(1))
            return try c.grad.mul(negativeSlope.add(positive))
        }])

    public static let gelu = DerivativeRule(
        op: "gelu", gradFn: "GeluBackward0", inputs: ["self"],
        formulas: ["grad · (Φ(self) + self·φ(self))"], local: ["Φ(self) + self·φ(self)"], saves: [[.input(0)]],
        pullbacks: [{ c in
            let x = try c.input(0)
            let cdf = try x.div(2.0.squareRoot()).erf().add(1).mul(0.5)
            let pdf = try x.mul(x).mul(-0.5).exp().div((2 * Double.pi).squareRoot())
            return try c.grad.mul(cdf.add(x.mul(pdf)))
        }])

    public static let softplus = DerivativeRule(
        op: "softplus", gradFn: "SoftplusBackward0", inputs: ["self"],
        formulas: ["grad · σ(β·self) (grad where β·self > threshold)"], local: ["σ(β·self)"], saves: [[.input(0)]],
        arguments: [.scalar("beta"), .scalar2("threshold")],
        pullbacks: [{ c in
            let scaled = try c.input(0).mul(c.attrs.scalar)
            let linear = scaled.above(c.attrs.scalar2)
            return try c.grad.mul(scaled.sigmoid().mul(linear.rsub(1)).add(linear))
        }])

    public static let silu = DerivativeRule(
        op: "silu", gradFn: "SiluBackward0", inputs: ["self"],
        formulas: ["grad · σ(self)(1 + self(1 − σ(self)))"], local: ["σ(self)(1 + self(1 − σ(self)))"], saves: [[.input(0)]],
        pullbacks: [{ c in
            let x = try c.input(0)
            let s = try x.sigmoid()
            return try c.grad.mul(s.mul(x.mul(s.rsub(1)).add(1)))
        }])
}

// MARK: Adaptive pooling

extension Derivatives {
    public static let adaptiveAvgPool2d = DerivativeRule(
        op: "adaptive_avg_pool2d", gradFn: "AdaptiveAvgPool2DBackward0", inputs: ["self"],
        formulas: ["grad / window element count, spread over each window"], saves: [[]],
        pullbacks: [{ c in
            let counts = c.attrs.dims
            let divisors = Tensor(values: counts.map(Double.init), shape: [counts.count], dtype: c.grad.dtype)
            let perWindow = try c.grad.reshape([-1, counts.count]).div(divisors).reshape([-1])
            // Each window's gradient repeated once per element it covers, in position order.
            var repeated = [Int]()
            for q in 0..<perWindow.numel { repeated += Array(repeating: q, count: counts[q % counts.count]) }
            let numel = Shape.count(c.inputShape(0))
            return try perWindow.gatherPositions(repeated, shape: [repeated.count])
                .scatterAddPositions(c.attrs.indices, shape: [numel]).reshape(c.inputShape(0))
        }])
}

// MARK: Weighted negative log-likelihood

extension Derivatives {
    public static let nllLossWeighted = DerivativeRule(
        op: "nll_loss_weighted", gradFn: "NllLossBackward0", inputs: ["self", "weight"],
        formulas: ["−grad · w[class] at each row's class (÷ Σ w over the rows for the mean; 0 for ignored rows)", "not differentiable"],
        saves: [[.input(1)], []],
        arguments: [.reduction],
        pullbacks: [
            { c in
                let coefficients = try c.input(1)
                let rows = coefficients.numel
                let classes = c.inputShape(0).last ?? 1
                var scaled = try coefficients.neg().mul(c.grad.dim == 0 ? c.grad : c.grad.reshape([rows]))
                if c.attrs.index == Tensor.Reduction.mean.rawValue { scaled = try scaled.div(coefficients.sum()) }
                let positions = c.attrs.indices.enumerated().map { $0.offset * classes + $0.element }
                return try scaled.scatterAddPositions(positions, shape: [rows * classes]).reshape(c.inputShape(0))
            },
            { _ in nil },
        ])
}

// MARK: Clamping activations

extension Derivatives {
    public static let hardtanh = DerivativeRule(
        op: "hardtanh", gradFn: "HardtanhBackward0", inputs: ["self"],
        formulas: ["grad where min_val < self < max_val, 0 elsewhere"], local: ["1 inside the bounds, 0 outside"], saves: [[.input(0)]],
        arguments: [.scalar("min_val"), .scalar2("max_val")],
        pullbacks: [{ c in
            let x = try c.input(0)
            let inside = Tensor(values: x.values.map { $0 > c.attrs.scalar && $0 < c.attrs.scalar2 ? 1 : 0 }, shape: x.shape, dtype: x.dtype)
            return try c.grad.mul(inside)
        }])

    public static let logSigmoid = DerivativeRule(
        op: "log_sigmoid", gradFn: "LogSigmoidBackward0", inputs: ["self"],
        formulas: ["grad · σ(−self)"], local: ["σ(−self)"], saves: [[.input(0)]],
        pullbacks: [{ c in try c.grad.mul(c.input(0).neg().sigmoid()) }])
}

// MARK: Layer normalization

extension Derivatives {
    /// x̂ and 1/σ per row, recomputed from the input with recorded ops.
    private static func layerNormalized(_ c: BackwardContext) throws -> (xhat: Tensor, rstd: Tensor, dims: [Int]) {
        let x = try c.input(0)
        let dims = Array((x.dim - c.attrs.index)..<x.dim)
        let centered = try x.sub(x.mean(dims: dims, keepdim: true))
        let rstd = try centered.mul(centered).mean(dims: dims, keepdim: true).add(c.attrs.scalar).rsqrt()
        return (try centered.mul(rstd), rstd, dims)
    }

    public static let layerNorm = DerivativeRule(
        op: "layer_norm", gradFn: "NativeLayerNormBackward0", inputs: ["input", "weight", "bias"],
        formulas: ["(1/σ)(g − mean(g) − x̂·mean(g·x̂)) with g = grad·w, per row", "Σ over rows of grad·x̂", "Σ over rows of grad"],
        saves: [[.input(0), .input(1)], [.input(0)], []],
        arguments: [.scalar("eps")],
        pullbacks: [
            { c in
                let (xhat, rstd, dims) = try layerNormalized(c)
                let g = try c.grad.mul(c.input(1))
                let meanG = try g.mean(dims: dims, keepdim: true)
                let meanGX = try g.mul(xhat).mean(dims: dims, keepdim: true)
                return try g.sub(meanG).sub(xhat.mul(meanGX)).mul(rstd)
            },
            { c in
                let (xhat, _, dims) = try layerNormalized(c)
                let leading = Array(0..<(xhat.dim - dims.count))
                let product = try c.grad.mul(xhat)
                return leading.isEmpty ? product : try product.sum(dims: leading)
            },
            { c in
                let leading = Array(0..<(c.grad.dim - c.attrs.index))
                return leading.isEmpty ? c.grad : try c.grad.sum(dims: leading)
            },
        ])
}
