/// PyTorch's result type for mixed operands (`at::native::result_type`): dimensioned
/// tensors outrank 0-dim tensors, which outrank wrapped Python numbers; a lower-ranked
/// operand only matters when its category (bool < integer < floating) is higher.
enum TypePromotion {
    /// The promoted dtype of each priority class seen so far. A wrapped Python float
    /// counts as the default dtype, looked up only when it decides the result.
    private struct Classes {
        var dimensioned: DType?
        var zeroDim: DType?
        var wrapped: DType?
        var wrappedFloat = false

        mutating func add(_ t: Tensor) {
            if t.isWrappedNumber {
                if t.dtype.isFloatingPoint { wrappedFloat = true } else { wrapped = wrapped.map { DType.promote($0, t.dtype) } ?? t.dtype }
            } else if t.dim == 0 {
                zeroDim = zeroDim.map { DType.promote($0, t.dtype) } ?? t.dtype
            } else {
                dimensioned = dimensioned.map { DType.promote($0, t.dtype) } ?? t.dtype
            }
        }

        var result: DType {
            @inline(__always) get {
            let top = TypePromotion.combine(dimensioned, zeroDim)
            if let t = top, t.isFloatingPoint { return t }
            let w = wrappedFloat ? DType.defaultFloat : wrapped
            return TypePromotion.combine(top, w) ?? DType.defaultFloat
            }
        }
    }

    static func resultType(_ operands: [Tensor]) -> DType {
        var classes = Classes()
        for t in operands { classes.add(t) }
        return classes.result
    }

    static func resultType(_ a: Tensor, _ b: Tensor) -> DType {
        if a.dtype == b.dtype && !(a.isWrappedNumber && b.isWrappedNumber) { return a.dtype }
        var classes = Classes()
        classes.add(a)
        classes.add(b)
        return classes.result
    }

    fileprivate static func combine(_ higher: DType?, _ lower: DType?) -> DType? {
        guard let h = higher else { return lower }
        guard let l = lower else { return h }
        if h.isFloatingPoint { return h }
        if h == .bool || l.isFloatingPoint { return DType.promote(h, l) }
        return h
    }
}

extension DType {
    /// `torch.get_default_dtype()` of the lesson running on this thread: the dtype of
    /// floating factories and of Python floats in mixed arithmetic (float32 unless set).
    public static var defaultFloat: DType {
        get { ThreadState.current.defaultFloat }
        set { ThreadState.current.defaultFloat = newValue }
    }
}
