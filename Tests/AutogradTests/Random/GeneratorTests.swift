import Autograd
import Testing

@Suite struct GeneratorTests {
    /// MT19937's published check values for the reference seed 5489: the first output,
    /// and the 10 000th (the value C++'s `std::mt19937` specification quotes).
    @Test func mersenneTwisterReferenceValues() {
        let generator = Generator(seed: 5489)
        #expect(generator.random32() == 3_499_211_612)
        for _ in 2..<10_000 {
            _ = generator.random32()
        }
        #expect(generator.random32() == 4_123_659_995)
    }

    @Test func random64PutsTheFirstDrawHigh() {
        let a = Generator(seed: 9)
        let b = Generator(seed: 9)
        let high = UInt64(a.random32())
        let low = UInt64(a.random32())
        #expect(b.random64() == high << 32 | low)
    }

    @Test func defaultSeedIsPyTorchs() {
        #expect(Generator.defaultSeed == 67_280_421_310_721)
        #expect(Generator().initialSeed == 67_280_421_310_721)
    }

    @Test func onlyTheLowThirtyTwoBitsSeedTheTwister() {
        let wide = Generator(seed: (1 << 32) + 7)
        let narrow = Generator(seed: 7)
        #expect(wide.initialSeed == (1 << 32) + 7)
        #expect(wide.uniform(count: 50, dtype: .float64) == narrow.uniform(count: 50, dtype: .float64))
    }

    @Test func initAndManualSeedAgree() {
        let seeded = Generator(seed: 123)
        let reseeded = Generator()
        _ = reseeded.normal(count: 3, dtype: .float32)
        reseeded.manualSeed(123)
        #expect(seeded.normal(count: 5, dtype: .float64) == reseeded.normal(count: 5, dtype: .float64))
    }

    @Test func manualSeedDropsTheCachedNormal() {
        let generator = Generator(seed: 0)
        let first = generator.normal(count: 1, dtype: .float64)
        generator.manualSeed(0)
        #expect(generator.normal(count: 1, dtype: .float64) == first)
    }

    @Test(arguments: [DType.float32, .float64], [0, 1, 15, 16, 17, 31, 32, 33])
    func normalReturnsCountValuesOfTheDType(dtype: DType, count: Int) {
        let values = Generator(seed: 1).normal(count: count, dtype: dtype, mean: 3, std: 0.25)
        #expect(values.count == count)
        #expect(values.allSatisfy { dtype.round($0) == $0 && $0.isFinite })
    }

    @Test(arguments: [DType.float32, .float64])
    func uniformStaysInItsHalfOpenRange(dtype: DType) {
        let values = Generator(seed: 2).uniform(count: 10_000, dtype: dtype, from: -0.25, to: 0.75)
        #expect(values.allSatisfy { $0 >= -0.25 && $0 < 0.75 && dtype.round($0) == $0 })
    }

    @Test func randpermIsAPermutation() {
        for n in [0, 1, 2, 9, 500] {
            #expect(Generator(seed: 3).randperm(n).sorted() == (0..<n).map(Double.init))
        }
    }

    @Test func randintStaysInRange() {
        let values = Generator(seed: 4).randintValues(count: 2_000, low: -3, high: 4)
        #expect(Set(values) == Set(-3..<4))
    }
}
