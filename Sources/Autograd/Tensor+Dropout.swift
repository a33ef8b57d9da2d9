extension Tensor {
    /// `F.dropout(self, p, training)` on the CPU, as ATen's `_dropout`: the input itself
    /// when not training (or `p` is 0), else `self * noise` (MulBackward0) where `noise`
    /// is `bernoulli_(1 − p)` divided by `1 − p` in the input's dtype.
    public func dropout(p: Double, training: Bool) throws -> Tensor {
        guard training, p != 0, numel > 0 else { return self }
        if p == 1 { return try mul(Tensor.zeros([], dtype: dtype)) }
        let keep = 1 - p
        let mask = Generator.current.bernoulli(count: numel, p: keep)
        let noise = try GradMode.with(false) {
            try Tensor(values: mask.map(dtype.round), shape: shape, dtype: dtype).div(Tensor.wrapped(keep, dtype: .float64))
        }
        return try mul(noise)
    }
}
