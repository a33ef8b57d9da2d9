import Foundation

/// The activations of `torch.nn.functional` beyond relu/sigmoid/tanh, each one op with
/// PyTorch's grad_fn: leaky_relu, elu, gelu (exact), softplus and silu.
extension Tensor {
    /// ATen's kernels of these activations exist for floating dtypes only.
    private func requireFloating(_ kernel: String) throws {
        guard dtype.isFloatingPoint else {
            throw AutogradError(.notImplementedError, "\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'")
        }
    }

    private func activation(_ rule: DerivativeRule, scalar: Double = 0, scalar2: Double = 0, _ f: (Double) -> Double) -> Tensor {
        var a = OpAttributes()
        a.scalar = scalar
        a.scalar2 = scalar2
        return Tensor.record(rule, inputs: [self], output: mapValues(dtype: floatResultType, f), attrs: a)
    }

    /// `F.leaky_relu(x, negative_slope)` (LeakyReluBackward0).
    public func leakyRelu(slope: Double) throws -> Tensor {
        try requireFloating("leaky_relu_cpu")
        return activation(Derivatives.leakyRelu, scalar: slope) { $0 > 0 ? $0 : $0 * slope }
    }

    /// `F.elu(x, alpha)` (EluBackward0): x where positive, α(eˣ − 1) elsewhere.
    public func elu(alpha: Double) throws -> Tensor {
        try requireFloating("elu_cpu")
        return activation(Derivatives.elu, scalar: alpha) { $0 > 0 ? $0 : alpha * Foundation.expm1($0) }
    }

    /// `F.gelu(x)` (GeluBackward0), the exact form x·Φ(x).
    public func gelu() throws -> Tensor {
        try requireFloating("GeluKernelImpl")
        guard floatResultType == .float32 else {
            return activation(Derivatives.gelu) { $0 * 0.5 * (1 + Foundation.erf($0 * 0.5.squareRoot())) }
        }
        // ATen's kernel works in float: x · 0.5 · (1 + erf(x · √½)).
        return activation(Derivatives.gelu) { v in
            let x = Float(v)
            return Double(x * 0.5 * (1 + Foundation.erf(x * Float(0.5.squareRoot()))))
        }
    }

    /// `F.softplus(x, beta, threshold)` (SoftplusBackward0): log(1 + e^(βx))/β, x where βx > threshold.
    public func softplus(beta: Double, threshold: Double) throws -> Tensor {
        try requireFloating("softplus_cpu")
        return activation(Derivatives.softplus, scalar: beta, scalar2: threshold) { $0 * beta > threshold ? $0 : Foundation.log1p(Foundation.exp($0 * beta)) / beta }
    }

    /// `F.silu(x)` (SiluBackward0): x·σ(x).
    public func silu() throws -> Tensor {
        try requireFloating("silu_cpu")
        return activation(Derivatives.silu) { $0 / (1 + Foundation.exp(-$0)) }
    }

    /// `F.hardtanh(x, min_val, max_val)` (HardtanhBackward0); `F.relu6` is hardtanh(0, 6).
    public func hardtanh(min lo: Double, max hi: Double) throws -> Tensor {
        if dtype == .bool { throw AutogradError(.notImplementedError, "Bool inputs not supported for hardtanh") }
        if dtype.isInteger {
            // Integer tensors stay integer: the bounds truncated, compared without wrapping.
            let l = DType.int64.integer(lo), h = DType.int64.integer(hi)
            var a = OpAttributes()
            a.scalar = lo
            a.scalar2 = hi
            return Tensor.record(Derivatives.hardtanh, inputs: [self], output: mapElements(dtype: dtype, integer: { Swift.min(Swift.max($0, l), h) }) { $0 }, attrs: a)
        }
        return activation(Derivatives.hardtanh, scalar: lo, scalar2: hi) { Swift.min(Swift.max($0, lo), hi) }
    }

    /// `F.logsigmoid(x)` (LogSigmoidBackward0): log σ(x), computed stably.
    public func logSigmoid() throws -> Tensor {
        try requireFloating("log_sigmoid_cpu")
        return activation(Derivatives.logSigmoid) { x in Swift.min(x, 0) - Foundation.log1p(Foundation.exp(-Swift.abs(x))) }
    }

    /// 1 where this tensor is above `threshold`, else 0, as a constant of its dtype.
    func above(_ threshold: Double) -> Tensor {
        Tensor(values: values.map { $0 > threshold ? 1 : 0 }, shape: shape, dtype: dtype)
    }
}
