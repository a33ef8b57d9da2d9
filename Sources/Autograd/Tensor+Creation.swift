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

    /// `torch.full(shape, value)`.
    public static func full(_ shape: [Int], _ value: Double, dtype: DType = .float32) throws -> Tensor {
        try validateShape(shape)
        return Tensor(values: [Double](repeating: dtype.round(value), count: shape.reduce(1, *)), shape: shape, dtype: dtype)
    }

    /// `torch.eye(n, m)`.
    public static func eye(_ n: Int, _ m: Int? = nil, dtype: DType = .float32) throws -> Tensor {
        let cols = m ?? n
        try validateShape([n, cols])
        var v = [Double](repeating: 0, count: n * cols)
        for i in 0..<min(n, cols) { v[i * cols + i] = 1 }
        return Tensor(values: v, shape: [n, cols], dtype: dtype)
    }

    /// `torch.arange(start, end, step)`; the dtype is int64 when all three are integers.
    public static func arange(_ start: Double, _ end: Double, _ step: Double, dtype: DType) throws -> Tensor {
        guard step != 0 else { throw AutogradError.runtime("step must be nonzero") }
        guard start.isFinite && end.isFinite else {
            throw AutogradError.runtime("unsupported range: \(String(format: "%g", start)) -> \(String(format: "%g", end))")
        }
        guard (step > 0 && end >= start) || (step < 0 && end <= start) else {
            throw AutogradError.runtime("upper bound and larger bound inconsistent with step sign")
        }
        let size = ((end - start) / step).rounded(.up)
        guard let count = Int(exactly: size) else { throw AutogradError.runtime("invalid size, possible overflow?") }
        try validateShape([count])
        var v = [Double](repeating: 0, count: count)
        for i in 0..<count { v[i] = dtype.round(start + Double(i) * step) }
        return Tensor(values: v, shape: [count], dtype: dtype)
    }

    /// `torch.linspace(start, end, steps)`, computed as PyTorch's CPU kernel does
    /// (from both ends towards the middle). For float32 and float64 the kernel's
    /// `start + step * i` and `end - step * (steps - i - 1)` are each one fused
    /// multiply-add, in the vectorised loop and in the scalar one.
    public static func linspace(_ start: Double, _ end: Double, _ steps: Int, dtype: DType = .float32) throws -> Tensor {
        guard steps >= 0 else { throw AutogradError.runtime("number of steps must be non-negative") }
        try validateShape([steps])
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

    /// The largest tensor a lesson may create (elements); keeps runaway lessons from exhausting memory.
    nonisolated(unsafe) public static var maxElements = 50_000_000

    public static func validateShape(_ shape: [Int]) throws {
        for d in shape where d < 0 {
            throw AutogradError.runtime("Trying to create tensor with negative dimension \(d): [\(shape.map(String.init).joined(separator: ", "))]")
        }
        var n = 1
        for d in shape {
            let (m, o) = n.multipliedReportingOverflow(by: d)
            if o || m > maxElements {
                throw AutogradError.runtime("gradviz: a tensor of shape [\(shape.map(String.init).joined(separator: ", "))] exceeds the limit of \(maxElements) elements (raise it with --max-elements)")
            }
            n = m
        }
    }

    /// `x.to(dtype)`: a copy in another dtype (recorded as ToCopyBackward0), or `self` when equal.
    public func to(_ target: DType) throws -> Tensor {
        if target == dtype { return self }
        let out = Tensor(values: values.map(target.round), shape: shape, dtype: target)
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
                      output: Tensor(values: values, shape: shape, dtype: dtype))
    }

    /// `torch.zeros_like(x)` and friends keep shape and dtype.
    public func fullLike(_ value: Double) -> Tensor {
        Tensor(values: [Double](repeating: dtype.round(value), count: numel), shape: shape, dtype: dtype)
    }
}
