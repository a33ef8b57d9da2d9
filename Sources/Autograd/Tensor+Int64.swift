extension Tensor {
    /// The `Int` an element of an int64 tensor stands for, never a trap. Elements are kept as
    /// doubles, so 2**63 - 1 is stored as 2**63: values past the `Int` range give its nearest
    /// end, NaN gives `Int.min` (what PyTorch's cast gives on x86).
    public static func int64(_ v: Double) -> Int {
        if v.isNaN { return .min }
        if v >= 9.223372036854775807e18 { return .max }
        if v <= -9.223372036854775808e18 { return .min }
        return Int(v)
    }
}
