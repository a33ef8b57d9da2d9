@testable import Autograd
import Testing

/// float32 mm, mv and addmm against PyTorch's results for the shapes `SgemmOrder` covers.
@Suite struct SgemmOrderTests {
    @Test func casesLoad() throws {
        #expect(try KernelCases.load().matmul.count > 250)
    }

    @Test(arguments: KernelCases.matmul)
    func matchesPyTorch(_ recorded: KernelCases.Matmul) throws {
        expectSameBits(try recorded.run().values, KernelCases.values(hex: recorded.expected, dtype: .float32))
    }

    @Test func blockLengths() {
        #expect([1, 192, 193, 256, 300, 384, 385, 1000].map { SgemmOrder.blockLength(k: $0) } == [1, 192, 96, 128, 150, 192, 192, 192])
    }

    /// Two or three rows left over from the groups of four have an order not reproduced.
    @Test func leftoverPairHasNoRule() {
        let a = [Float](repeating: 1, count: 6 * 8), b = [Float](repeating: 1, count: 8)
        #expect(SgemmOrder.product(a, b, n: 6, k: 8, m: 1, aColumnMajor: false, bRowMajor: true) == nil)
    }
}
