import CKernels

/// The backward ops PyTorch's activation nodes run (`tanh_backward`, `sigmoid_backward`,
/// `threshold_backward`, `_log_softmax_backward_data`): ops of their own, so a second
/// derivative (`create_graph=True`) records PyTorch's nodes.
extension Tensor {
    /// `torch.ops.aten.tanh_backward(grad_output, output)`: grad_output · (1 − output²)
    /// (TanhBackwardBackward0).
    ///
    /// ATen's kernel is `a * (1 - b * b)`, which the compiler fuses into
    /// `a * fma(-b, b, 1)` in both its vectorised and scalar loops (float32 and
    /// float64 alike): 1 − output² is rounded once, not twice. Computing it as
    /// `rsub(1, output * output)` differs in the last bit for about half the elements.
    public func tanhBackward(_ output: Tensor) throws -> Tensor {
        let dt = TypePromotion.resultType(self, output)
        let out: Tensor
        if dt == .float32 && shape == output.shape && !shape.isEmpty {
            // Same formula in C (vectorised, hardware FMA where available).
            let v = Tensor.kernelValues(values, output.values) { ck_tanh_backward_f32($0, $1, $2, $3) }
            out = Tensor(values: v, shape: shape, dtype: dt)
        } else if dt == .float32 {
            out = try Tensor.zipValues(self, output, dtype: dt) { g, y in
                let fy = Float(y)
                return Double(Float(g) * (1 as Float).addingProduct(-fy, fy))
            }
        } else {
            out = try Tensor.zipValues(self, output, dtype: dt) { g, y in g * (1 as Double).addingProduct(-y, y) }
        }
        return Tensor.record(Derivatives.tanhBackward, inputs: [self, output], output: out)
    }

    /// `sigmoid_backward(grad_output, output)`: grad_output · (1 − output) · output, rounded
    /// step by step as ATen's kernel `a * (1 - b) * b` (SigmoidBackwardBackward0).
    public func sigmoidBackward(_ output: Tensor) throws -> Tensor {
        try Tensor.backwardOp(Derivatives.sigmoidBackward, self, output) { try self.mul(output.rsub(1)).mul(output) }
    }

    /// `threshold_backward(grad_output, self, threshold)`: the gradient where `input` is
    /// above `threshold`, zero elsewhere — relu's backward (ThresholdBackwardBackward0).
    public func thresholdBackward(_ input: Tensor, threshold: Double) throws -> Tensor {
        var a = OpAttributes(); a.scalar = threshold
        return try Tensor.backwardOp(Derivatives.thresholdBackward, self, input, attrs: a) {
            if shape == input.shape && dtype == input.dtype && (dtype == .float32 || dtype == .float64) {
                // One pass, no mask or zeros tensor: what the general form below computes.
                let t = dtype.round(threshold)
                let out = Tensor.kernelValues(values, input.values) { ck_threshold_backward($0, $1, t, $2, $3) }
                return Tensor(values: out, shape: shape, dtype: dtype)
            }
            return try Tensor.where(input.compare(.le, Tensor.wrapped(threshold, dtype: .float64)), self.fullLike(0), self)
        }
    }

    /// `_log_softmax_backward_data(grad_output, output, dim)`: grad_output − exp(output) · Σ grad_output
    /// (LogSoftmaxBackwardDataBackward0).
    public func logSoftmaxBackwardData(_ output: Tensor, dim: Int) throws -> Tensor {
        var a = OpAttributes(); a.dims = [dim]
        return try Tensor.backwardOp(Derivatives.logSoftmaxBackwardData, self, output, attrs: a) {
            try self.sub(output.exp().mul(self.sum(dims: [dim], keepdim: true)))
        }
    }

    /// Computes an op's values with the existing kernels (nothing recorded), then gives the
    /// result the op's own node.
    private static func backwardOp(_ rule: DerivativeRule, _ a: Tensor, _ b: Tensor, attrs: OpAttributes = OpAttributes(),
                                   _ compute: () throws -> Tensor) throws -> Tensor {
        let values = try GradMode.with(false, compute)
        return Tensor.record(rule, a, b, output: values, attrs: attrs)
    }
}
