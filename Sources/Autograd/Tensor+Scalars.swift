// Arithmetic with Python numbers, as PyTorch wraps them (lowest-priority 0-dim tensors).
extension Tensor {
    public func add(_ s: Double) throws -> Tensor { try add(Tensor.wrapped(s, dtype: .float64)) }
    public func sub(_ s: Double) throws -> Tensor { try sub(Tensor.wrapped(s, dtype: .float64)) }
    public func mul(_ s: Double) throws -> Tensor { try mul(Tensor.wrapped(s, dtype: .float64)) }
    public func div(_ s: Double) throws -> Tensor { try div(Tensor.wrapped(s, dtype: .float64)) }
    /// `s - self`.
    public func rsub(_ s: Double) throws -> Tensor { try rsub(Tensor.wrapped(s, dtype: .float64)) }
}
