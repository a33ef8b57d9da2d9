extension Generator {
    /// `count` samples of `tensor.uniform_(from, to)` (and `torch.rand` for `[0, 1)`).
    ///
    /// PyTorch's `uniform_real_distribution`: float32 takes the low 24 bits of one
    /// 32-bit draw, float64 the low 53 bits of one 64-bit draw, scales them into
    /// `[0, 1)` exactly, then computes `x · (to − from) + from` with one fused
    /// multiply-add in the dtype's precision (PyTorch's CPU kernels are compiled with
    /// FMA contraction). A result that rounds up to `to` is replaced by `from`.
    ///
    /// - Precondition: `dtype` is float32 or float64 and `count >= 0`. The caller checks
    ///   `from <= to` and raises PyTorch's error otherwise.
    /// - Complexity: O(`count`).
    public func uniform(count: Int, dtype: DType, from: Double = 0, to: Double = 1) -> [Double] {
        precondition(dtype.isFloatingPoint, "uniform needs a floating-point dtype, not \(dtype.torchName)")
        precondition(count >= 0, "uniform needs a non-negative count")
        var values: [Double] = []
        values.reserveCapacity(count)
        if dtype == .float16 || dtype == .bfloat16 {
            // `uniform_real<Half>`: the low `digits` bits (11, or 8 for bfloat16) of one
            // 32-bit draw, scaled and shifted in float, then rounded to the dtype.
            let digits: UInt32 = dtype == .float16 ? 11 : 8
            let low = Float(from), high = Float(to)
            for _ in 0..<count {
                let unit = Float(random32() & ((1 << digits) - 1)) * Float(sign: .plus, exponent: -Int(digits), significand: 1)
                let value = dtype.round(Double(low.addingProduct(unit, high - low)))
                values.append(value == dtype.round(to) ? dtype.round(from) : value)
            }
        } else if dtype == .float32 {
            let low = Float(from)
            let high = Float(to)
            for _ in 0..<count {
                let value = uniformFloat(from: low, to: high)
                values.append(Double(value == high ? low : value))
            }
        } else {
            for _ in 0..<count {
                let value = uniformDouble(from: from, to: to)
                values.append(value == to ? from : value)
            }
        }
        return values
    }

    /// One float32 sample of PyTorch's `uniform_real_distribution<float>(from, to)`.
    func uniformFloat(from: Float = 0, to: Float = 1) -> Float {
        let unit = Float(random32() & 0x00ff_ffff) * 0x1p-24
        return from.addingProduct(unit, to - from)
    }

    /// One float64 sample of PyTorch's `uniform_real_distribution<double>(from, to)`.
    func uniformDouble(from: Double = 0, to: Double = 1) -> Double {
        let unit = Double(random64() & 0x001f_ffff_ffff_ffff) * 0x1p-53
        return from.addingProduct(unit, to - from)
    }
}
