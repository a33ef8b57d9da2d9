/// PyTorch's CPU random number generator (`CPUGeneratorImpl`), bit for bit.
///
/// After `manualSeed(s)` every sampler here returns what the matching PyTorch call
/// returns after `torch.manual_seed(s)` — the same values in the same order — as long
/// as the same sequence of calls is made: the Mersenne Twister state and the cached
/// second Box–Muller value carry over from one call to the next exactly as in PyTorch.
///
/// Values come back as `Double`, already rounded to the requested dtype.
///
/// A generator is not thread-safe; PyTorch serialises its generator with a mutex, and
/// callers sharing one across threads must do the same.
public final class Generator {
    /// PyTorch's `default_rng_seed_val`.
    public static let defaultSeed: UInt64 = 67_280_421_310_721

    /// The generator behind `torch.manual_seed`, `torch.rand`, `torch.randn` and friends.
    ///
    /// Real PyTorch seeds its default generator from the operating system at start-up;
    /// this one starts from `defaultSeed` so that runs are reproducible.
    public nonisolated(unsafe) static let `default` = Generator()

    private var engine: MersenneTwister

    /// The second value of the last scalar Box–Muller pair, not yet handed out
    /// (PyTorch's `next_double_normal_sample`).
    var cachedNormal: Double?

    /// Creates a generator seeded as `torch.Generator().manual_seed(seed)` would be.
    public init(seed: UInt64 = Generator.defaultSeed) {
        engine = MersenneTwister(seed: seed)
    }

    /// Reseeds, as `torch.manual_seed(seed)`: a fresh twister and no cached normal.
    ///
    /// Python integers reach PyTorch as 64-bit patterns: a negative seed `s` with
    /// `-2⁶³ ≤ s < 0` becomes `UInt64(bitPattern: Int64(s))`, so `-1` seeds as
    /// `2⁶⁴ − 1`; anything outside `[-2⁶³, 2⁶⁴)` is rejected by PyTorch with
    /// `ValueError: Overflow when unpacking long long`. Only the low 32 bits reach
    /// the twister, so `2³² + 7` draws what `7` draws.
    public func manualSeed(_ seed: UInt64) {
        engine = MersenneTwister(seed: seed)
        cachedNormal = nil
    }

    /// The seed last given, all 64 bits (`torch.initial_seed()`).
    public var initialSeed: UInt64 { engine.seed }

    /// One 32-bit draw (`CPUGeneratorImpl::random`).
    public func random32() -> UInt32 {
        engine.next32()
    }

    /// One 64-bit draw made of two 32-bit draws, the first one high
    /// (`CPUGeneratorImpl::random64`).
    public func random64() -> UInt64 {
        let high = UInt64(engine.next32())
        let low = UInt64(engine.next32())
        return high << 32 | low
    }
}
