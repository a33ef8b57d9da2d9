import Foundation

extension Tensor {
    /// `softmax(dim)` (SoftmaxBackward0), computed stably (max subtracted).
    public func softmax(dim d: Int) throws -> Tensor {
        let (out, w) = try softmaxValues(dim: d, log: false)
        var a = OpAttributes(); a.dims = [w]
        return Tensor.record(Derivatives.softmax, inputs: [self], output: out, attrs: a)
    }

    /// `log_softmax(dim)` (LogSoftmaxBackward0).
    public func logSoftmax(dim d: Int) throws -> Tensor {
        let (out, w) = try softmaxValues(dim: d, log: true)
        var a = OpAttributes(); a.dims = [w]
        return Tensor.record(Derivatives.logSoftmax, inputs: [self], output: out, attrs: a)
    }

    private func softmaxValues(dim d: Int, log: Bool) throws -> (Tensor, Int) {
        let w = try Shape.wrapDim(d, rank: dim)
        guard dtype.isFloatingPoint else {
            let kernel = (log ? "log_softmax" : "softmax") + (w == Swift.max(dim, 1) - 1 ? "_lastdim_kernel_impl" : "_kernel_impl")
            throw AutogradError(.notImplementedError, "\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let dt = floatResultType
        let size = dim == 0 ? 1 : shape[w]
        let outer = dim == 0 ? 1 : Shape.count(shape[..<w])
        let inner = dim == 0 ? 1 : Shape.count(shape[(w + 1)...])
        let v = values
        var out = [Double](repeating: 0, count: v.count)
        for o in 0..<outer {
            for i in 0..<inner {
                var m = -Double.infinity
                for k in 0..<size { m = Swift.max(m, v[(o * size + k) * inner + i]) }
                if log && dt == .float32 {
                    // ATen's float kernel: the sum of exp(x − max) and its log in float,
                    // then (x − max) − log(sum), each step rounded to float.
                    let fm = Float(m)
                    var s: Float = 0
                    for k in 0..<size { s += Foundation.exp(Float(v[(o * size + k) * inner + i]) - fm) }
                    let logSum = Foundation.log(s)
                    for k in 0..<size {
                        let p = (o * size + k) * inner + i
                        out[p] = Double((Float(v[p]) - fm) - logSum)
                    }
                    continue
                }
                var s = 0.0
                for k in 0..<size { s += Foundation.exp(v[(o * size + k) * inner + i] - m) }
                for k in 0..<size {
                    let x = v[(o * size + k) * inner + i] - m
                    out[(o * size + k) * inner + i] = dt.round(log ? x - Foundation.log(s) : Foundation.exp(x) / s)
                }
            }
        }
        return (Tensor(values: out, shape: shape, dtype: dt), w)
    }

    /// The 2-norm over all elements or along `dims` (LinalgVectorNormBackward0).
    public func norm2(dims: [Int]?, keepdim: Bool) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw AutogradError(.notImplementedError, "linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)")
        }
        let w = try reductionDims(dims ?? Array(0..<dim))
        var (s, outShape) = Tensor.reduceSum(values.map { $0 * $0 }, shape: shape, dims: w, keepdim: keepdim)
        s = s.map { dtype.round($0.squareRoot()) }
        if dims == nil && !keepdim { outShape = [] }
        var a = OpAttributes(); a.dims = dims == nil ? [] : w; a.keepdim = keepdim
        return Tensor.record(Derivatives.norm, inputs: [self], output: Tensor(values: s, shape: outShape, dtype: dtype), attrs: a)
    }
}

/// Loss functions and fused ops of torch.nn.functional.
extension Tensor {
    /// How a loss reduces over elements (`reduction=`).
    public enum Reduction: Int { case none = 0, mean = 1, sum = 2 }

    /// `torch.addmm(self, mat1, mat2)` = self + mat1 @ mat2 (AddmmBackward0), as `F.linear` uses it.
    public static func addmm(_ bias: Tensor, _ m1: Tensor, _ m2: Tensor) throws -> Tensor {
        guard m1.dim == 2, m2.dim == 2, m1.shape[1] == m2.shape[0] else {
            let text = { (s: [Int]) in s.map(String.init).joined(separator: "x") }
            throw AutogradError.runtime("addmm: mat1 and mat2 shapes cannot be multiplied (\(text(m1.shape)) and \(text(m2.shape)))")
        }
        let prod = try GradMode.with(false) { try m1.mm(m2) }
        let out = try Tensor.zipValues(prod, bias, dtype: prod.dtype, +)
        guard out.shape == prod.shape else {
            throw AutogradError.runtime("The expanded size of the tensor (\(prod.shape.last ?? 0)) must match the existing size (\(bias.shape.last ?? 0)) at non-singleton dimension 1.  Target sizes: [\(prod.shape.map(String.init).joined(separator: ", "))].  Tensor sizes: [\(bias.shape.map(String.init).joined(separator: ", "))]")
        }
        var a = OpAttributes(); a.index = Derivatives.matrixLayoutBits(m1, m2)
        return Tensor.record(Derivatives.addmm, inputs: [bias, m1, m2], output: out, attrs: a)
    }

    /// `F.mse_loss(self, target, reduction)` (MseLossBackward0).
    public func mseLoss(_ target: Tensor, reduction: Reduction) throws -> Tensor {
        let shape = try Shape.broadcast(self.shape, target.shape)
        let dt = TypePromotion.resultType(self, target)
        // ATen's mse kernel rounds the difference to the dtype before squaring it.
        let sq = dt == .float32
            ? try Tensor.zipValues(self, target, dtype: dt) { let d = Float($0) - Float($1); return Double(d * d) }
            : try Tensor.zipValues(self, target, dtype: dt) { ($0 - $1) * ($0 - $1) }
        let out: Tensor
        switch reduction {
        case .none: out = sq
        case .sum: out = Tensor(values: sq.kernelSum([]), shape: [], dtype: dt)
        case .mean: out = Tensor(values: sq.kernelSum([], mean: true), shape: [], dtype: dt)
        }
        var a = OpAttributes(); a.index = reduction.rawValue; a.shape = shape
        return Tensor.record(Derivatives.mseLoss, inputs: [self, target], output: out, attrs: a)
    }

    /// `F.nll_loss(self, target, reduction)` for log-probabilities of shape (N, C) or (C) (NllLossBackward0).
    public func nllLoss(_ target: [Int], reduction: Reduction) throws -> Tensor {
        let classes = shape.last ?? 0
        let rows = dim == 1 ? 1 : (dim == 2 ? shape[0] : -1)
        guard rows >= 0 else { throw AutogradError(.valueError, "Expected input batch_size to be 1 or 2 dimensional, got \(dim)") }
        guard rows == target.count else {
            throw AutogradError(.valueError, "Expected input batch_size (\(rows)) to match target batch_size (\(target.count)).")
        }
        let v = values
        var picked: [Double] = []
        for (i, k) in target.enumerated() {
            guard k >= 0 && k < classes else { throw AutogradError(.indexError, "Target \(k) is out of bounds.") }
            picked.append(-v[i * classes + k])
        }
        let out: Tensor
        switch reduction {
        case .none: out = Tensor(values: picked.map(dtype.round), shape: dim == 1 ? [] : [rows], dtype: dtype)
        case .sum: out = Tensor(values: [dtype.round(picked.reduce(0, +))], shape: [], dtype: dtype)
        case .mean: out = Tensor(values: [dtype.round(dtype.round(picked.reduce(0, +)) / Double(max(rows, 1)))], shape: [], dtype: dtype)
        }
        var a = OpAttributes(); a.indices = target; a.index = reduction.rawValue
        return Tensor.record(Derivatives.nllLoss, inputs: [self], output: out, attrs: a)
    }

    /// `F.nll_loss` with class `weights` and/or targets equal to `ignoreIndex` (NllLossBackward0):
    /// row `i` contributes `−w[t_i]·self[i, t_i]` (nothing when ignored); the mean divides by
    /// the summed weights of the rows that count.
    public func nllLoss(_ target: [Int], reduction: Reduction, weights: [Double]?, ignoreIndex: Int) throws -> Tensor {
        if weights == nil && !target.contains(ignoreIndex) { return try nllLoss(target, reduction: reduction) }
        let classes = shape.last ?? 0
        let rows = dim == 1 ? 1 : (dim == 2 ? shape[0] : -1)
        guard rows >= 0 else { throw AutogradError(.valueError, "Expected input batch_size to be 1 or 2 dimensional, got \(dim)") }
        guard rows == target.count else {
            throw AutogradError(.valueError, "Expected input batch_size (\(rows)) to match target batch_size (\(target.count)).")
        }
        if let weights, weights.count != classes {
            throw AutogradError.runtime("weight tensor should be defined either for all \(classes) classes or no classes but got weight tensor of shape: [\(weights.count)]")
        }
        let v = values
        var coefficients: [Double] = [], picked: [Double] = [], columns: [Int] = []
        for (i, k) in target.enumerated() {
            if k == ignoreIndex {
                coefficients.append(0); picked.append(0); columns.append(0)
                continue
            }
            guard k >= 0 && k < classes else { throw AutogradError(.indexError, "Target \(k) is out of bounds.") }
            let w = weights?[k] ?? 1
            coefficients.append(w); picked.append(-w * v[i * classes + k]); columns.append(k)
        }
        let total = coefficients.reduce(0, +)
        let out: Tensor
        switch reduction {
        case .none: out = Tensor(values: picked.map(dtype.round), shape: dim == 1 ? [] : [rows], dtype: dtype)
        case .sum: out = Tensor(values: [dtype.round(picked.reduce(0, +))], shape: [], dtype: dtype)
        case .mean: out = Tensor(values: [dtype.round(dtype.round(picked.reduce(0, +)) / dtype.round(total))], shape: [], dtype: dtype)
        }
        var a = OpAttributes(); a.indices = columns; a.index = reduction.rawValue
        let coefficientTensor = Tensor(values: coefficients.map(dtype.round), shape: [rows], dtype: dtype)
        return Tensor.record(Derivatives.nllLossWeighted, inputs: [self, coefficientTensor], output: out, attrs: a)
    }

    /// `uniform_(a, b)` / `normal_(mean, std)`: refills the values from the default generator.
    public func refill(normal: Bool, _ p: Double, _ q: Double) throws {
        guard dtype.isFloatingPoint else {
            throw AutogradError(.notImplementedError, "\"\(normal ? "normal_kernel_cpu" : "check_uniform_bounds")\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let n = numel
        let v = normal ? Generator.current.normal(count: n, dtype: dtype, mean: p, std: q)
                       : Generator.current.uniform(count: n, dtype: dtype, from: p, to: q)
        try inPlace { orig in Tensor(values: v, shape: orig.shape, dtype: orig.dtype) }
    }
}
