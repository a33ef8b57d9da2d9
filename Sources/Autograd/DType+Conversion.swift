/// How values become elements of a dtype, as PyTorch's CPU casts do on x86-64.
extension DType {
    /// Rounds a value to what this dtype holds, as the value of a `Double`-stored element
    /// (integer dtypes: the integer the cast gives).
    @inlinable @inline(__always)
    public func round(_ v: Double) -> Double {
        // float32 and float64 first: every op of a float lesson rounds its results here.
        if self == .float32 { return Double(Float(v)) }
        if self == .float64 { return v }
        return roundOther(v)
    }

    @usableFromInline
    func roundOther(_ v: Double) -> Double {
        switch self {
        case .bool: return v != 0 ? 1 : 0
        case .float16: return Double(DType.half(Float(v)))
        case .bfloat16: return Double(DType.brain(Float(v)))
        case .float32: return Double(Float(v))
        case .float64: return v
        default: return Double(integer(v))
        }
    }

    /// A float as float16: computed in `Float`, rounded to half precision (as `c10::Half(float)`).
    @inlinable
    static func half(_ f: Float) -> Float {
        Float(Float16(f))
    }

    /// A float as bfloat16: the top 16 bits of the float, rounded to nearest even
    /// (`c10::BFloat16`'s `round_to_nearest_even`); NaN stays NaN.
    @inlinable
    static func brain(_ f: Float) -> Float {
        if f.isNaN { return f }
        let bits = f.bitPattern
        let bias: UInt32 = ((bits >> 16) & 1) &+ 0x7FFF
        return Float(bitPattern: (bits &+ bias) & 0xFFFF_0000)
    }

    /// `static_cast<T>(v)` of a double to this integer dtype as x86-64 computes it:
    /// int64 truncates with `cvttsd2si` (NaN, infinities and values out of range give
    /// the smallest int64); int32 does the same in 32 bits; the narrower types convert
    /// to int32 first and keep the low bits.
    @inlinable
    public func integer(_ v: Double) -> Int64 {
        switch self {
        case .int64:
            guard v.isFinite, v >= -0x1p63, v < 0x1p63 else { return Int64.min }
            return Int64(v.rounded(.towardZero))
        case .bool:
            return v != 0 ? 1 : 0
        default:
            let i32: Int64
            if v.isFinite && v > -2_147_483_649 && v < 2_147_483_648 { i32 = Int64(v.rounded(.towardZero)) } else { i32 = Int64(Int32.min) }
            return self == .int32 ? i32 : wrap(i32)
        }
    }

    /// An integer result wrapped to this dtype's width (two's complement), as C++ integer
    /// arithmetic in the dtype gives it.
    @inlinable
    public func wrap(_ v: Int64) -> Int64 {
        switch self {
        case .int32: return Int64(Int32(truncatingIfNeeded: v))
        case .int16: return Int64(Int16(truncatingIfNeeded: v))
        case .int8: return Int64(Int8(truncatingIfNeeded: v))
        case .uint8: return Int64(UInt8(truncatingIfNeeded: v))
        case .bool: return v != 0 ? 1 : 0
        default: return v
        }
    }

    /// An integer as an element of this dtype: wrapped for integer dtypes, rounded for
    /// floating ones (int64 → float32 rounds once, as `static_cast<float>`).
    @inlinable
    public func fromInteger(_ v: Int64) -> Double {
        switch self {
        case .float32: return Double(Float(v))
        case .float16: return Double(DType.half(Float(v)))
        case .bfloat16: return Double(DType.brain(Float(v)))
        case .bool: return v != 0 ? 1 : 0
        default: return Double(v)
        }
    }

    // MARK: - Checked conversion of Python numbers (`fill_`, `full`, `masked_fill`)

    /// The error ATen's `checked_convert` raises when a number does not fit this dtype.
    public var overflowError: AutogradError {
        AutogradError.runtime("value cannot be converted to type \(cppTypeName) without overflow")
    }

    /// A Python float as a fill value of this dtype, or nil when c10's `overflows` says it
    /// does not fit: NaN and infinities into integers, magnitudes beyond the dtype's range.
    public func checkedValue(_ v: Double) -> Double? {
        if isFloatingPoint {
            if v.isNaN || v.isInfinite { return v }
            return Swift.abs(v) > largestFinite ? nil : round(v)
        }
        if self == .bool { return v != 0 ? 1 : 0 }
        guard v.isFinite else { return nil }
        let r = integerRange
        if v < Double(r.lowerBound) || v > Double(r.upperBound) { return nil }
        return Double(integer(v))
    }

    /// A Python int as a fill value of this dtype, or nil when it does not fit; an unsigned
    /// dtype takes negative values down to −max, wrapped (c10's two's-complement allowance).
    public func checkedInteger(_ v: Int64) -> Int64? {
        if !isInteger { return nil }
        let r = integerRange
        if self == .uint8 && v < 0 { return v >= -r.upperBound ? wrap(v) : nil }
        return r.contains(v) ? v : nil
    }
}

extension DType {
    /// `torch.promote_types(a, b)`: the smallest dtype holding both, with PyTorch's
    /// special cases (uint8 with int8 → int16, float16 with bfloat16 → float32).
    public static func promote(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        if a == .bool { return b }
        if b == .bool { return a }
        if a.isFloatingPoint != b.isFloatingPoint { return a.isFloatingPoint ? a : b }
        if a.isFloatingPoint {
            if (a == .float16 && b == .bfloat16) || (a == .bfloat16 && b == .float16) { return .float32 }
            return a.rawValue > b.rawValue ? a : b
        }
        if (a == .uint8 && b == .int8) || (a == .int8 && b == .uint8) { return .int16 }
        return a.rawValue > b.rawValue ? a : b
    }
}
