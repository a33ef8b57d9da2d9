import Foundation

/// The float32 SLEEF routines PyTorch's AVX-512 CPU kernels call, and which elements
/// of a tensor go through them.
///
/// ATen's element-wise loops (`vectorized_loop` in ATen/native/cpu/Loops.h) run the
/// vectorised op on whole chunks of 2 × 16 floats and the scalar op, which calls libm,
/// on the remainder; above `SumKernel.grainSize` elements the range is first split
/// between threads, and each thread's part has its own remainder. The vectorised op
/// calls SLEEF, whose results differ from libm's in the last bit for a few percent of
/// inputs, so the value of an element depends on its position.
///
/// Only `sigmoid` reaches SLEEF here: on the reference machine `torch.exp` and
/// `torch.tanh` on float32 call MKL's VML (`vmsExp`, `vmsTanh`, high accuracy) for
/// every element instead, which has no published algorithm to port.
enum SleefFloat {
    /// Elements per chunk of ATen's vectorised loop: two AVX-512 registers of float.
    static let chunk = 32

    /// `Sleef_expf16_u10` (sleefsimdsp.c `xexpf`, FMA build), lane by lane. Equal to the
    /// library's result for every one of the 2³² float inputs (NaN payloads aside).
    static func exp(_ d: Float) -> Float {
        if d.isNaN { return d }
        if d < -104 { return 0 }
        if d > 100 { return .infinity }
        let q = Int32((d * 1.442695040888963407359924681001892137426645954152985934135449406931).rounded(.toNearestOrEven))
        let qf = Float(q)
        var s = d.addingProduct(qf, -0.693145751953125)
        s = s.addingProduct(qf, -1.428606765330187045e-06)
        var u: Float = 0.000198527617612853646278381
        u = (0.00139304355252534151077271 as Float).addingProduct(u, s)
        u = (0.00833336077630519866943359 as Float).addingProduct(u, s)
        u = (0.0416664853692054748535156 as Float).addingProduct(u, s)
        u = (0.166666671633720397949219 as Float).addingProduct(u, s)
        u = (0.5 as Float).addingProduct(u, s)
        u = 1 + s.addingProduct(s * s, u)
        return u * pow2(q >> 1) * pow2(q - (q >> 1))
    }

    /// 2^q for q in the normal exponent range, built from its bits as SLEEF's `vpow2i`.
    private static func pow2(_ q: Int32) -> Float { Float(bitPattern: UInt32(q + 0x7f) << 23) }

    /// float32 `torch.sigmoid` of `x` as ATen's `sigmoid_kernel` computes it: in the
    /// vectorised chunks `1 / (1 + Sleef_expf(0 − x))`, elsewhere `1 / (1 + expf(−x))`.
    /// `contiguous` tells whether `x` (in row-major order) is the tensor's memory order;
    /// a strided view is iterated element by element, all through the scalar op.
    static func sigmoid(_ x: [Float], contiguous: Bool) -> [Float] {
        var out = x.map { 1 / (1 + Foundation.exp(-$0)) }
        guard contiguous else { return out }
        for range in threadRanges(count: x.count) {
            let vectorEnd = range.lowerBound + range.count / chunk * chunk
            for i in range.lowerBound..<vectorEnd { out[i] = 1 / (1 + exp(0 - x[i])) }
        }
        return out
    }

    /// The element ranges `at::parallel_for` hands to each thread (OpenMP build): one
    /// range below the grain size, else `min(threads, ⌈n / grain⌉)` equal chunks.
    static func threadRanges(count: Int, threads: Int = SumKernel.defaultThreadCount) -> [Range<Int>] {
        guard count >= SumKernel.grainSize && threads > 1 else { return [0..<count] }
        let used = Swift.min(threads, (count + SumKernel.grainSize - 1) / SumKernel.grainSize)
        let size = (count + used - 1) / used
        return stride(from: 0, to: count, by: size).map { $0..<Swift.min($0 + size, count) }
    }
}
