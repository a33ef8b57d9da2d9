/// `tanh_backward`, the op PyTorch's TanhBackward0 runs.
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
        if dt == .float32 {
            out = try Tensor.zipValues(self, output, dtype: dt) { g, y in
                let fy = Float(y)
                return Double(Float(g) * (1 as Float).addingProduct(-fy, fy))
            }
        } else {
            out = try Tensor.zipValues(self, output, dtype: dt) { g, y in g * (1 as Double).addingProduct(-y, y) }
        }
        return Tensor.record(Derivatives.tanhBackward, inputs: [self, output], output: out)
    }
}
