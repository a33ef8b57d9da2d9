/// MT19937, the generator behind Python's `random`, seeded and read exactly as CPython's
/// `_random` module does (init_by_array, genrand_uint32, 53-bit floats).
struct MersenneTwister {
    static let stateSize = 624
    private static let shift = 397
    private static let matrixA: UInt32 = 0x9908_b0df
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7fff_ffff

    /// The 624 words of state.
    private(set) var words = [UInt32](repeating: 0, count: MersenneTwister.stateSize)
    /// The next word to temper; 624 means the state must be regenerated first.
    private(set) var index = MersenneTwister.stateSize

    /// The generator seeded from the 32-bit words of a seed, least significant first.
    init(key: [UInt32]) {
        seed(key: key)
    }

    private mutating func seed(_ s: UInt32) {
        words[0] = s
        for i in 1..<Self.stateSize {
            let previous = words[i - 1]
            words[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
        }
        index = Self.stateSize
    }

    /// CPython's init_by_array.
    mutating func seed(key: [UInt32]) {
        let key = key.isEmpty ? [0] : key
        seed(19_650_218)
        var i = 1, j = 0
        for _ in 0..<max(Self.stateSize, key.count) {
            let previous = words[i - 1]
            words[i] = (words[i] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1
            j += 1
            if i >= Self.stateSize {
                words[0] = words[Self.stateSize - 1]
                i = 1
            }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<(Self.stateSize - 1) {
            let previous = words[i - 1]
            words[i] = (words[i] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= Self.stateSize {
                words[0] = words[Self.stateSize - 1]
                i = 1
            }
        }
        words[0] = 0x8000_0000
        index = Self.stateSize
    }

    /// Restores a state read by ``words`` and ``index`` (`random.setstate`).
    mutating func restore(words: [UInt32], index: Int) {
        self.words = words
        self.index = index
    }

    private mutating func regenerate() {
        let n = Self.stateSize, m = Self.shift
        func mix(_ k: Int, _ next: Int, _ far: Int) {
            let y = (words[k] & Self.upperMask) | (words[next] & Self.lowerMask)
            words[k] = words[far] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : Self.matrixA)
        }
        for k in 0..<(n - m) { mix(k, k + 1, k + m) }
        for k in (n - m)..<(n - 1) { mix(k, k + 1, k + m - n) }
        mix(n - 1, 0, m - 1)
        index = 0
    }

    /// The next 32 random bits.
    mutating func nextWord() -> UInt32 {
        if index >= Self.stateSize { regenerate() }
        var y = words[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// A float in [0, 1) with 53 random bits (`random.random()`).
    mutating func nextDouble() -> Double {
        let a = Double(nextWord() >> 5), b = Double(nextWord() >> 6)
        return (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for 0 <= k <= 64: whole words from the least significant end, the
    /// last one keeping its top bits.
    mutating func bits(_ k: Int) -> UInt64 {
        if k <= 0 { return 0 }
        if k <= 32 { return UInt64(nextWord() >> UInt32(32 - k)) }
        let low = UInt64(nextWord())
        let high = UInt64(nextWord() >> UInt32(64 - k))
        return high << 32 | low
    }
}
