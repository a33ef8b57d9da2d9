@testable import Autograd
import CKernels
import Foundation
import Testing

/// The C matrix-product kernels: the portable C version, the AVX2 + FMA version and the
/// AVX-512 blocked product (each where the processor has it) give the same bits, on PyTorch's recorded cases and on shapes that exercise every tail
/// (rows not a multiple of the 6- or 8-row tile, columns not a multiple of 8, 16 or 32,
/// short and long k blocks).
@Suite(.serialized) struct CKernelsTests {
    /// Runs `body` with the kernels of `level` selected (0 portable, 1 AVX2, 2 AVX-512,
    /// as far as the processor has them), then restores the previous choice.
    private func withKernels<T>(_ level: Int32, _ body: () throws -> T) rethrows -> T {
        let previous = ck_select(level)
        defer { _ = ck_select(previous) }
        return try body()
    }

    @Test func portableKernelsMatchPyTorch() throws {
        try withKernels(0) {
            for recorded in KernelCases.matmul {
                expectSameBits(try recorded.run().values, KernelCases.values(hex: recorded.expected, dtype: .float32))
            }
        }
    }

    @Test func portableAndVectorisedAgree() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Float(state >> 40) / Float(1 << 24)
            return (unit * 2 - 1) * (state & 1 == 0 ? 1000 : 1)
        }
        let shapes = [(1, 2, 1), (1, 300, 37), (13, 1, 5), (7, 5, 9), (6, 16, 16), (5, 193, 17), (19, 385, 41),
                      (4, 33, 12), (12, 64, 24), (9, 1000, 33), (17, 200, 47), (8, 64, 32), (4, 7, 1), (8, 300, 1), (5, 31, 1), (1, 17, 9)]
        for (n, k, m) in shapes {
            let a = (0..<(n * k)).map { _ in next() }, b = (0..<(k * m)).map { _ in next() }
            for columnMajor in [false, true] {
                let kernels: [SgemmOrder.Kernel] = [
                    .axpy, .blocked(k), .blocked(SgemmOrder.blockLength(k: k)),
                    SgemmOrder.kernel(n: n, k: k, m: m, aColumnMajor: columnMajor, bRowMajor: !columnMajor) ?? .blocked(k),
                ]
                for kernel in kernels {
                    let portable = withKernels(0) { Self.product(kernel, a, b, n: n, k: k, m: m) }
                    for level: Int32 in [1, 2] {
                        let fast = withKernels(level) { Self.product(kernel, a, b, n: n, k: k, m: m) }
                        #expect(fast.map(\.bitPattern) == portable.map(\.bitPattern), "\(kernel) \(n)×\(k)×\(m) level \(level)")
                    }
                }
            }
        }
    }

    /// A transposed view narrowed to a row-major float matrix: the AVX2 tile transpose and
    /// the portable loop give every element, including the rows and columns past the last
    /// whole 8×8 tile.
    @Test func transposingNarrowCopiesEveryElement() {
        for (rows, cols) in [(1, 1), (8, 8), (7, 9), (16, 24), (13, 31), (784, 256), (9, 8), (8, 17)] {
            let src = (0..<(rows * cols)).map { Double($0) * 1.000001 + 0.25 }
            // Element (i, j) at src[i + j·rows]: the layout of `w.t()`.
            var expected = [Float](repeating: 0, count: rows * cols)
            for i in 0..<rows { for j in 0..<cols { expected[i * cols + j] = Float(src[i + j * rows]) } }
            for level: Int32 in [0, 1, 2] {
                var out = [Float](repeating: .nan, count: rows * cols)
                withKernels(level) {
                    src.withUnsafeBufferPointer { s in
                        out.withUnsafeMutableBufferPointer { o in ck_narrow_matrix(s.baseAddress, 1, rows, rows, cols, o.baseAddress) }
                    }
                }
                #expect(out.map(\.bitPattern) == expected.map(\.bitPattern), "\(rows)×\(cols) level \(level)")
            }
        }
    }

    /// relu keeps NaN and turns −0 and negatives into +0; threshold_backward passes the
    /// gradient where the input is above the threshold or NaN.
    @Test func reluAndThresholdBackwardKernels() {
        let x: [Double] = [-1, -0.0, 0, 1e-30, .nan, 2, -.infinity, .infinity]
        var out = [Double](repeating: 7, count: x.count)
        ck_relu(x, &out, x.count)
        #expect(out.map(\.bitPattern) == [0, 0, 0, 1e-30, .nan, 2, 0, .infinity].map(\.bitPattern))
        let g: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
        ck_threshold_backward(g, x, 0, &out, x.count)
        #expect(out.map(\.bitPattern) == [0, 0, 0, 4, 5, 6, 0, 8].map(\.bitPattern))
    }

    /// float32 tanh gives libm's double tanh rounded to float (scripts/check_tanh_kernel.sh
    /// checks all 2³² inputs; here the edges and 300,000 random bit patterns), at every level.
    @Test func float32TanhMatchesLibm() {
        var inputs: [Double] = [0, -0.0, 1e-45, -1e-45, 1e-30, 0.5, -0.5, 0.3465, 0.3466, 1, 9.01, 9.02, 19.9, 20, 21,
                                -20, 88, .infinity, -.infinity, .nan, Double(Float.greatestFiniteMagnitude), 3e38]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<300_000 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            inputs.append(Double(Float(bitPattern: UInt32(truncatingIfNeeded: state))))
        }
        let expected = inputs.map { Float(Foundation.tanh($0)) }
        for level: Int32 in [0, 1, 2] {
            var out = [Double](repeating: 0, count: inputs.count)
            withKernels(level) { ck_tanh_f32(inputs, &out, inputs.count) }
            let differ = zip(out, expected).filter { Float($0).bitPattern != $1.bitPattern && !(Float($0).isNaN && $1.isNaN) }
            #expect(differ.isEmpty, "level \(level): \(differ.prefix(3))")
        }
    }

    @Test func float64ProductIsTheInOrderFMA() throws {
        let a = Tensor(values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], shape: [2, 3], dtype: .float64)
        let b = Tensor(values: [1e16, -1e16, 3, 0.7, 1, -2], shape: [3, 2], dtype: .float64)
        let out = try a.mm(b).values
        var reference = [Double](repeating: 0, count: 4)
        for i in 0..<2 {
            for j in 0..<2 {
                for p in 0..<3 { reference[i * 2 + j] = reference[i * 2 + j].addingProduct(a.values[i * 3 + p], b.values[p * 2 + j]) }
            }
        }
        #expect(out.map(\.bitPattern) == reference.map(\.bitPattern))
    }

    private static func product(_ kernel: SgemmOrder.Kernel, _ a: [Float], _ b: [Float], n: Int, k: Int, m: Int) -> [Float] {
        var out = [Float](repeating: 0, count: n * m)
        let count: Int
        switch kernel {
        case .columnDots: count = n
        case .rowDots: count = m
        default: count = 4
        }
        guard SgemmOrder.dotsCovered(count: count) else { return out }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { po in
                    guard let a = pa.baseAddress, let b = pb.baseAddress, let o = po.baseAddress else { return }
                    SgemmOrder.run(kernel, a, b, o, n: n, k: k, m: m)
                }
            }
        }
        return out
    }
}
