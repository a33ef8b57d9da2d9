@testable import Autograd
import Testing

/// The SLEEF port and the vectorised/scalar split of float32 sigmoid.
@Suite struct SleefFloatTests {
    @Test(arguments: KernelCases.sigmoid)
    func sigmoidMatchesPyTorch(_ recorded: KernelCases.Sigmoid) throws {
        let got = try recorded.tensor().sigmoid()
        expectSameBits(got.values, KernelCases.values(hex: recorded.expected, dtype: .float32))
    }

    /// `Sleef_expf16_u10` as PyTorch's library returns it: limits, a subnormal result,
    /// and three inputs where it differs from libm's expf by one ulp.
    @Test func expMatchesSleef() {
        let cases: [(UInt32, UInt32)] = [
            (0x0000_0000, 0x3f80_0000), (0x3f80_0000, 0x402d_f854), (0xc2d1_0000, 0), (0x42c9_0000, 0x7f80_0000),
            (0xc2af_0000, 0x006c_b2bc), (0x42b1_0000, 0x7f4c_dcc4),
            (0x40ba_25a2, 0x43a7_ff42), (0x3fe3_420b, 0x40bc_e500), (0xbf52_1502, 0x3ee1_5bba),
        ]
        for (x, bits) in cases {
            let got = SleefFloat.exp(Float(bitPattern: x)).bitPattern
            #expect(got == bits, "exp(\(Float(bitPattern: x))): \(String(got, radix: 16)), SLEEF gives \(String(bits, radix: 16))")
        }
        #expect(SleefFloat.exp(.nan).isNaN)
    }

    @Test func threadRangesSplitPastTheGrain() {
        #expect(SleefFloat.threadRanges(count: 100) == [0..<100])
        #expect(SleefFloat.threadRanges(count: 32768) == [0..<32768])
        #expect(SleefFloat.threadRanges(count: 40002) == [0..<20001, 20001..<40002])
    }
}
