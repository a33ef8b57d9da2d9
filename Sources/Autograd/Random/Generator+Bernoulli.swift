extension Generator {
    /// `torch.bernoulli(p)` for a probability tensor `p` of dtype `dtype`: 1 where a
    /// fresh uniform is below the element's probability, else 0.
    ///
    /// PyTorch draws one uniform per element: 53 bits from a 64-bit draw for float64
    /// probabilities, else (float32, float16, bfloat16) 24 bits from a 32-bit draw.
    ///
    /// - Precondition: `dtype` is floating; the caller checks `0 ≤ p ≤ 1`.
    /// - Complexity: O(`probabilities.count`).
    public func bernoulli(probabilities: [Double], dtype: DType) -> [Double] {
        precondition(dtype.isFloatingPoint, "bernoulli needs a floating-point dtype, not \(dtype.torchName)")
        if dtype != .float64 {
            return probabilities.map { uniformFloat() < Float($0) ? 1 : 0 }
        }
        return probabilities.map { uniformDouble() < $0 ? 1 : 0 }
    }
}

extension Generator {
    /// `t.bernoulli_(p)` with a number `p` (the mask `F.dropout` draws): one 53-bit
    /// uniform double per element, in order, 1 where it is below `p`.
    ///
    /// - Complexity: O(`count`).
    public func bernoulli(count: Int, p: Double) -> [Double] {
        (0..<count).map { _ in uniformDouble() < p ? 1 : 0 }
    }
}
