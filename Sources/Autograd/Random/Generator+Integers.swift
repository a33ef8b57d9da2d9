extension Generator {
    /// `count` samples of `torch.randint(low, high, (count,))` (int64), as `Int64`.
    ///
    /// PyTorch's `random_from_to`: with `range = high − low`, one 32-bit draw per
    /// element when `range < 2²⁸`, one 64-bit draw otherwise, then
    /// `draw % range + low` (wrapping, as the C++ does).
    ///
    /// - Precondition: `low < high` and `count >= 0`; the caller raises PyTorch's errors.
    /// - Complexity: O(`count`).
    public func randintValues(count: Int, low: Int64, high: Int64) -> [Int64] {
        precondition(low < high, "randint needs low < high")
        precondition(count >= 0, "randint needs a non-negative count")
        let range = UInt64(bitPattern: high) &- UInt64(bitPattern: low)
        let base = UInt64(bitPattern: low)
        return (0..<count).map { _ in
            let draw = range >= 1 << 28 ? random64() : UInt64(random32())
            return Int64(bitPattern: draw % range &+ base)
        }
    }

    /// `randintValues` as `Double`s (exact for magnitudes up to 2⁵³).
    public func randint(count: Int, low: Int64, high: Int64) -> [Double] {
        randintValues(count: count, low: low, high: high).map(Double.init)
    }

    /// `torch.randperm(n)` (int64), as `Int64`.
    ///
    /// PyTorch's CPU shuffle: for `n < (2³² − 1) / 20`, start from `0..<n` and swap
    /// element `i` with element `i + draw % (n − i)` for each `i < n − 1`, one 32-bit
    /// draw each; for larger `n`, the "inside-out" Fisher–Yates with 64-bit draws.
    ///
    /// - Precondition: `n >= 0`.
    /// - Complexity: O(`n`).
    public func randpermValues(_ n: Int) -> [Int64] {
        precondition(n >= 0, "randperm needs a non-negative n")
        if n < Int(UInt32.max / 20) {
            var values = (0..<n).map(Int64.init)
            var i = 0
            while i < n - 1 {
                let z = Int(UInt64(random32()) % UInt64(n - i))
                values.swapAt(i, z + i)
                i += 1
            }
            return values
        }
        var values = [Int64](repeating: 0, count: n)
        for i in 0..<n {
            let z = Int(random64() % UInt64(i + 1))
            values[i] = values[z]
            values[z] = Int64(i)
        }
        return values
    }

    /// `randpermValues` as `Double`s.
    public func randperm(_ n: Int) -> [Double] {
        randpermValues(n).map(Double.init)
    }
}
