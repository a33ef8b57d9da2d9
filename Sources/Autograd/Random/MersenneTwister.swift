/// The 32-bit Mersenne Twister (MT19937) exactly as PyTorch's `at::mt19937` runs it.
///
/// PyTorch seeds with Matsumoto and Nishimura's 2002 `init_genrand`, using only the
/// low 32 bits of the seed, but remembers the whole 64-bit seed (it is what
/// `torch.initial_seed()` reports). The state is refilled lazily: the first draw after
/// seeding regenerates all 624 words.
struct MersenneTwister {
    private static let stateSize = 624
    private static let shift = 397
    private static let matrixA: UInt32 = 0x9908_b0df
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7fff_ffff

    /// The seed as given, all 64 bits of it.
    let seed: UInt64
    private var state: [UInt32]
    private var left: Int
    private var next: Int

    init(seed: UInt64) {
        self.seed = seed
        var state = [UInt32](repeating: 0, count: Self.stateSize)
        state[0] = UInt32(truncatingIfNeeded: seed)
        for j in 1..<Self.stateSize {
            let previous = state[j - 1]
            state[j] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(j)
        }
        self.state = state
        left = 1
        next = 0
    }

    /// The next 32 tempered bits.
    mutating func next32() -> UInt32 {
        left -= 1
        if left == 0 {
            regenerate()
        }
        var y = state[next]
        next += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    private mutating func regenerate() {
        let n = Self.stateSize
        let m = Self.shift
        for i in 0..<n {
            let following = i + 1 < n ? state[i + 1] : state[0]
            state[i] = state[(i + m) % n] ^ Self.twist(state[i], following)
        }
        left = n
        next = 0
    }

    private static func twist(_ u: UInt32, _ v: UInt32) -> UInt32 {
        let mixed = (u & upperMask) | (v & lowerMask)
        return (mixed >> 1) ^ (v & 1 == 1 ? matrixA : 0)
    }
}
