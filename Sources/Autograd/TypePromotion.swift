/// PyTorch's result type for mixed operands: dimensioned tensors outrank 0-dim
/// tensors, which outrank wrapped Python numbers; a lower-ranked operand only
/// matters when its category (bool < integer < floating) is higher.
enum TypePromotion {
    /// The highest dtype of each priority class seen so far.
    private struct Classes {
        var dimensioned: DType?
        var zeroDim: DType?
        var wrapped: DType?

        mutating func add(_ t: Tensor) {
            if t.isWrappedNumber {
                let d: DType = t.dtype.isFloatingPoint ? .float32 : t.dtype
                wrapped = wrapped.map { max($0, d) } ?? d
            } else if t.dim == 0 {
                zeroDim = zeroDim.map { max($0, t.dtype) } ?? t.dtype
            } else {
                dimensioned = dimensioned.map { max($0, t.dtype) } ?? t.dtype
            }
        }

        var result: DType { combine(dimensioned, combine(zeroDim, wrapped)) ?? .float32 }
    }

    static func resultType(_ operands: [Tensor]) -> DType {
        var classes = Classes()
        for t in operands { classes.add(t) }
        return classes.result
    }

    static func resultType(_ a: Tensor, _ b: Tensor) -> DType {
        if a.dtype == b.dtype { return a.dtype }
        var classes = Classes()
        classes.add(a)
        classes.add(b)
        return classes.result
    }

    private static func combine(_ higher: DType?, _ lower: DType?) -> DType? {
        guard let h = higher else { return lower }
        guard let l = lower else { return h }
        if h.isFloatingPoint { return h }
        if h == .bool || l.isFloatingPoint { return max(h, l) }
        return h
    }
}
