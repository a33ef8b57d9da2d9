/// The float32 logarithm, sine and cosine of PyTorch's AVX2 Box–Muller kernel, one lane
/// at a time.
///
/// PyTorch's `normal_` on 16 or more float32 elements calls `log256_ps` and
/// `sincos256_ps` from `avx_mathfun.h` (Cephes polynomials, by Pommier and
/// Garberoglio). Their results differ from correctly rounded `logf`/`sinf`/`cosf` in
/// the last bits, so reproducing `torch.randn` needs the same polynomials evaluated in
/// the same order. The shipped binaries are built with FMA contraction, which fuses
/// most multiply–add pairs; each `addingProduct` below stands where the machine code
/// has a fused multiply-add, and every other operation rounds to `Float` as the
/// vector instruction does.
enum CephesFloat {
    private static let logCoefficients: [Float] = [
        7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1,
        1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1,
        3.3333331174e-1,
    ]
    private static let logQ1: Float = -2.12194440e-4
    private static let logQ2: Float = 0.693359375
    private static let sqrtHalf: Float = 0.707106781186547524

    /// Natural logarithm as `log256_ps` computes it; NaN for `x <= 0`.
    static func log(_ input: Float) -> Float {
        let invalid = input <= 0
        // vmaxps returns its second operand when the first is NaN.
        var x = input.isNaN ? Float.leastNormalMagnitude : max(input, Float.leastNormalMagnitude)
        let exponentBits = Int32(bitPattern: x.bitPattern >> 23) - 0x7f
        x = Float(bitPattern: (x.bitPattern & ~0x7f80_0000) | Float(0.5).bitPattern)
        var e = Float(exponentBits) + 1
        // Mantissas below √½ are doubled so the polynomial's argument stays near 0.
        let small = x < sqrtHalf
        let doubled: Float = small ? x : 0
        x = x - 1
        e = e - (small ? 1 : 0)
        x = x + doubled

        let z = x * x
        var y = logCoefficients[0]
        for coefficient in logCoefficients.dropFirst() {
            y = coefficient.addingProduct(y, x)
        }
        y = (e * logQ1).addingProduct(y * x, z)
        y = y.addingProduct(-z, 0.5)
        x = (x + y).addingProduct(e, logQ2)
        return invalid ? Float(bitPattern: 0xffff_ffff) : x
    }

    private static let fourOverPi: Float = 1.27323954473516
    private static let minusDP1: Float = -0.78515625
    private static let minusDP2: Float = -2.4187564849853515625e-4
    private static let minusDP3: Float = -3.77489497744594108e-8
    private static let sinCoefficients: [Float] = [-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1]
    private static let cosCoefficients: [Float] = [2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2]
    private static let signBit: UInt32 = 0x8000_0000

    /// Sine and cosine as `sincos256_ps` computes them (accurate for |x| < 8192).
    static func sinCos(_ input: Float) -> (sin: Float, cos: Float) {
        var x = Float(bitPattern: input.bitPattern & ~signBit)
        var sinSign = input.bitPattern & signBit

        // Octant j (made even), then x reduced by j·π/4 in three exact-ish steps.
        let scaled = x * fourOverPi
        let truncated = scaled.magnitude < 2_147_483_648 ? Int32(scaled) : Int32.min
        let j = (truncated &+ 1) & ~1
        let y = Float(j)
        sinSign ^= UInt32(bitPattern: j & 4) << 29
        let cosSign = UInt32(bitPattern: ~(j &- 2) & 4) << 29
        let cosinePolynomialHolds = j & 2 == 0
        x = x.addingProduct(y, minusDP1)
        x = x.addingProduct(minusDP2, y)
        x = x.addingProduct(y, minusDP3)

        let z = x * x
        var c = cosCoefficients[1].addingProduct(cosCoefficients[0], z)
        c = cosCoefficients[2].addingProduct(c, z)
        c = z * c
        c = (-(z * 0.5)).addingProduct(z, c)
        c = c + 1

        var s = sinCoefficients[1].addingProduct(sinCoefficients[0], z)
        s = sinCoefficients[2].addingProduct(s, z)
        s = z * s
        s = x.addingProduct(x, s)

        // The kernel selects with bit masks and adds; an unselected lane is +0.
        let sinFromSine: Float = cosinePolynomialHolds ? s : 0
        let sinFromCosine: Float = cosinePolynomialHolds ? 0 : c
        let sine = sinFromSine + sinFromCosine
        let cosine = (s - sinFromSine) + (c - sinFromCosine)
        return (
            Float(bitPattern: sine.bitPattern ^ sinSign),
            Float(bitPattern: cosine.bitPattern ^ cosSign)
        )
    }
}
