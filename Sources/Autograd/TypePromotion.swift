/// PyTorch's result type for mixed operands: dimensioned tensors outrank 0-dim
/// tensors, which outrank wrapped Python numbers; a lower-ranked operand only
/// matters when its category (bool < integer < floating) is higher.
enum TypePromotion {
    static func resultType(_ operands: [Tensor]) -> DType {
        var dimResult: DType?
        var zeroResult: DType?
        var wrappedResult: DType?
        for t in operands {
            if t.isWrappedNumber {
                let d: DType = t.dtype.isFloatingPoint ? .float32 : t.dtype
                wrappedResult = wrappedResult.map { max($0, d) } ?? d
            } else if t.dim == 0 {
                zeroResult = zeroResult.map { max($0, t.dtype) } ?? t.dtype
            } else {
                dimResult = dimResult.map { max($0, t.dtype) } ?? t.dtype
            }
        }
        return combine(dimResult, combine(zeroResult, wrappedResult)) ?? .float32
    }

    static func resultType(_ a: Tensor, _ b: Tensor) -> DType {
        if a.dtype == b.dtype { return a.dtype }
        return resultType([a, b])
    }

    private static func combine(_ higher: DType?, _ lower: DType?) -> DType? {
        guard let h = higher else { return lower }
        guard let l = lower else { return h }
        if h.isFloatingPoint { return h }
        if h == .bool || l.isFloatingPoint { return max(h, l) }
        return h
    }
}
