import Foundation

extension Tensor {
    /// `torch.zeros(shape)`.
    public static func zeros(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        try full(shape, 0, dtype: dtype)
    }

    /// `torch.ones(shape)`.
    public static func ones(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        try full(shape, 1, dtype: dtype)
    }

    /// `torch.full(shape, value)`: `value` must fit the dtype (ATen's checked conversion).
    public static func full(_ shape: [Int], _ value: Double, dtype: DType = .float32) throws -> Tensor {
        let n = try validateShape(shape, dtype: dtype)
        guard let v = dtype.checkedValue(value) else { throw dtype.overflowError }
        if dtype.isInteger { return Tensor(integers: [Int64](repeating: Int64(v), count: n), shape: shape, dtype: dtype) }
        return Tensor(values: [Double](repeating: v, count: n), shape: shape, dtype: dtype)
    }

    /// `torch.full(shape, value)` with a Python int `value`, exact for integer dtypes.
    public static func full(_ shape: [Int], integer value: Int64, dtype: DType) throws -> Tensor {
        guard dtype.isInteger else { return try full(shape, Double(value), dtype: dtype) }
        let n = try validateShape(shape, dtype: dtype)
        guard let v = dtype.checkedInteger(value) else { throw dtype.overflowError }
        return Tensor(integers: [Int64](repeating: v, count: n), shape: shape, dtype: dtype)
    }

    /// `torch.eye(n, m)`.
    public static func eye(_ n: Int, _ m: Int? = nil, dtype: DType = .float32) throws -> Tensor {
        let cols = m ?? n
        guard n >= 0 else { throw AutogradError.runtime("n must be greater or equal to 0, got \(n)") }
        guard cols >= 0 else { throw AutogradError.runtime("m must be greater or equal to 0, got \(cols)") }
        let count = try validateShape([n, cols], dtype: dtype)
        var v = [Double](repeating: 0, count: count)
        for i in 0..<Swift.min(n, cols) { v[i * cols + i] = 1 }
        return Tensor(values: v, shape: [n, cols], dtype: dtype)
    }

    /// `torch.arange(start, end, step)` over floats (a float dtype, or an integer dtype with
    /// float bounds: each element is `start + i·step` in double, then cast).
    public static func arange(_ start: Double, _ end: Double, _ step: Double, dtype: DType) throws -> Tensor {
        guard step != 0 else { throw AutogradError.runtime("step must be nonzero") }
        guard step.isFinite else { throw AutogradError.runtime("step must be finite but got \(Tensor.streamText(step))") }
        guard start.isFinite && end.isFinite else {
            throw AutogradError.runtime("unsupported range: \(Tensor.streamText(start)) -> \(Tensor.streamText(end))")
        }
        guard (step > 0 && end >= start) || (step < 0 && end <= start) else {
            throw AutogradError.runtime("upper bound and lower bound inconsistent with step sign")
        }
        let size = ((end - start) / step).rounded(.up)
        guard size.isFinite && size >= 0 && size < 0x1p63 else {
            throw AutogradError.runtime("invalid size, possible overflow?")
        }
        let count = Int(size)
        try validateShape([count], dtype: dtype)
        if dtype.isInteger {
            var v = [Int64](repeating: 0, count: count)
            for i in 0..<count { v[i] = dtype.integer(start + Double(i) * step) }
            return Tensor(integers: v, shape: [count], dtype: dtype)
        }
        var v = [Double](repeating: 0, count: count)
        for i in 0..<count { v[i] = dtype.round(start + Double(i) * step) }
        return Tensor(values: v, shape: [count], dtype: dtype)
    }

    /// `torch.arange(start, end, step)` with integer bounds: exact over the whole int64 range.
    public static func arange(integers start: Int64, _ end: Int64, _ step: Int64, dtype: DType) throws -> Tensor {
        guard step != 0 else { throw AutogradError.runtime("step must be nonzero") }
        guard (step > 0 && end >= start) || (step < 0 && end <= start) else {
            throw AutogradError.runtime("upper bound and lower bound inconsistent with step sign")
        }
        if !dtype.isInteger {
            // ATen computes the size in double for every dtype.
            return try arange(Double(start), Double(end), Double(step), dtype: dtype)
        }
        // ATen's int64 count, (end − start + step − sign(step)) / step, in integers (the
        // difference may pass int64: then the count is far beyond any budget anyway).
        let (span, o1) = end.subtractingReportingOverflow(start)
        let (padded, o2) = span.addingReportingOverflow(step - (step > 0 ? 1 : -1))
        let count: Int
        if o1 || o2 || (padded == Int64.min && step == -1) {  // a count of 2**63 or more
            let size = ((Double(end) - Double(start)) / Double(step)).rounded(.up)
            guard size < 0x1p63 else { throw AutogradError.runtime("invalid size, possible overflow?") }
            count = Int(size)
        } else {
            count = Int(padded / step)
        }
        try validateShape([count], dtype: dtype)
        var v = [Int64](repeating: 0, count: count)
        var x = start
        for i in 0..<count {
            v[i] = dtype.wrap(x)
            x = x &+ step
        }
        return Tensor(integers: v, shape: [count], dtype: dtype)
    }

    /// A bound as C++ streams print it in ATen's messages (`%g`).
    public static func streamText(_ x: Double) -> String {
        x.isNaN ? "nan" : (x.isInfinite ? (x > 0 ? "inf" : "-inf") : String(format: "%g", x))
    }

    /// `torch.linspace(start, end, steps)`, computed as PyTorch's CPU kernel does
    /// (from both ends towards the middle). For float32 and float64 the kernel's
    /// `start + step * i` and `end - step * (steps - i - 1)` are each one fused
    /// multiply-add, in the vectorised loop and in the scalar one.
    public static func linspace(_ start: Double, _ end: Double, _ steps: Int, dtype: DType = .float32) throws -> Tensor {
        guard steps >= 0 else { throw AutogradError.runtime("number of steps must be non-negative") }
        try validateShape([steps], dtype: dtype)
        var v = [Double](repeating: 0, count: steps)
        if steps == 1 {
            v[0] = dtype.round(start)
        } else if steps > 1 {
            let halfway = steps / 2
            if dtype == .float32 {
                let s = Float(start), e = Float(end)
                let stepF = (e - s) / Float(steps - 1)
                for i in 0..<steps {
                    v[i] = Double(i < halfway ? s.addingProduct(stepF, Float(i)) : e.addingProduct(-stepF, Float(steps - i - 1)))
                }
            } else if dtype == .float64 {
                let stepD = (end - start) / Double(steps - 1)
                for i in 0..<steps {
                    v[i] = i < halfway ? start.addingProduct(stepD, Double(i)) : end.addingProduct(-stepD, Double(steps - i - 1))
                }
            } else {
                let stepD = (end - start) / Double(steps - 1)
                for i in 0..<steps {
                    v[i] = dtype.round(i < halfway ? start + stepD * Double(i) : end - stepD * Double(steps - i - 1))
                }
            }
        }
        return Tensor(values: v, shape: [steps], dtype: dtype)
    }

    /// The largest tensor a lesson on this thread may create (elements): the budget's limit.
    public static var maxElements: Int {
        get { ResourceBudget.current.limits.maxElements }
        set { ResourceBudget.current.limits.maxElements = newValue }
    }

    /// Checks a new tensor's shape: PyTorch's errors for negative and overflowing sizes,
    /// then the resource budget. Returns the element count.
    @discardableResult
    public static func validateShape(_ shape: [Int], dtype: DType = .float32) throws -> Int {
        let n = try Shape.checkedCount(shape, itemSize: dtype.itemSize)
        try ResourceBudget.current.reserve(n, shape: shape)
        return n
    }

    /// Checks that a result of `shape` (computed by an op, not asked for) fits the budget.
    static func reserve(_ shape: [Int]) throws {
        let n = Shape.count(shape)
        try ResourceBudget.current.reserve(n, shape: shape)
    }

    /// `x.to(dtype)`: a copy in another dtype (recorded as ToCopyBackward0), or `self` when equal.
    public func to(_ target: DType) throws -> Tensor {
        if target == dtype { return self }
        let out = Tensor(elements: elements(as: target), shape: shape, dtype: target)
        guard dtype.isFloatingPoint && target.isFloatingPoint else {
            return Tensor.unrecorded("to", inputs: [self], output: out)
        }
        var a = OpAttributes()
        a.dtype = dtype
        return Tensor.record(Derivatives.toCopy, inputs: [self], output: out, attrs: a)
    }

    /// `x.clone()`.
    public func clone() throws -> Tensor {
        Tensor.record(Derivatives.clone, inputs: [self],
                      output: Tensor(elements: elements, shape: shape, dtype: dtype))
    }

    /// `torch.zeros_like(x)` and friends keep shape and dtype.
    public func fullLike(_ value: Double) -> Tensor {
        if dtype.isInteger { return Tensor(integers: [Int64](repeating: dtype.integer(value), count: numel), shape: shape, dtype: dtype) }
        return Tensor(values: [Double](repeating: dtype.round(value), count: numel), shape: shape, dtype: dtype)
    }
}
