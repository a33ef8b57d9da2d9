/// CPython's numeric hash: numbers are hashed as their value modulo the prime 2**61 - 1, so
/// equal ints and floats hash alike.
extension Interpreter {
    private static let hashBits = 61
    private static let hashModulus: UInt64 = (1 << 61) - 1

    /// `hash(x)` for a float, as `_Py_HashDouble` (NaN hashes as 0 here: CPython uses the
    /// object's identity, which a lesson cannot print reproducibly anyway).
    static func floatHash(_ value: Double) -> Int {
        if value.isInfinite { return value > 0 ? 314_159 : -314_159 }
        if value.isNaN { return 0 }
        if value == 0 { return 0 }
        // frexp: value = ±m * 2**e with 0.5 <= m < 1.
        var m = value.magnitude.significand / 2
        var e = Int(value.exponent) + 1
        let sign = value < 0 ? -1 : 1
        var x: UInt64 = 0
        while m != 0 {
            x = ((x << 28) & hashModulus) | x >> UInt64(hashBits - 28)
            m *= 268_435_456.0
            e -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= hashModulus { x -= hashModulus }
        }
        let shift = e >= 0 ? e % hashBits : hashBits - 1 - ((-1 - e) % hashBits)
        x = ((x << UInt64(shift)) & hashModulus) | x >> UInt64(hashBits - shift)
        var h = Int(x) * sign
        if h == -1 { h = -2 }
        return h
    }
}
