@testable import Autograd
import Testing

/// `SumKernel` against sums and means recorded from PyTorch: every bit must match.
@Suite struct SumKernelTests {
    @Test func casesLoad() throws {
        let cases = try SumCases.loadAll()
        #expect(cases.count > 300)
    }

    @Test(arguments: SumCases.all)
    func sumMatchesPyTorch(_ recorded: SumCase) throws {
        let dtype = try #require(recorded.dataType)
        let (strides, offset) = recorded.layout
        let got = SumKernel.sum(
            storage: recorded.input(), offset: offset, shape: recorded.shape, strides: strides,
            dims: recorded.dims, dtype: dtype, threads: recorded.threads)
        expectIdentical(got, recorded.sum)
    }

    @Test(arguments: SumCases.all.filter { $0.mean != nil })
    func meanMatchesPyTorch(_ recorded: SumCase) throws {
        let dtype = try #require(recorded.dataType)
        let (strides, offset) = recorded.layout
        let got = SumKernel.mean(
            storage: recorded.input(), offset: offset, shape: recorded.shape, strides: strides,
            dims: recorded.dims, dtype: dtype, threads: recorded.threads)
        expectIdentical(got, try #require(recorded.mean))
    }

    /// The row-major entry points are the strided ones with PyTorch's default thread count.
    @Test(arguments: SumCases.all.filter { $0.strides == nil && $0.threads == SumKernel.defaultThreadCount })
    func rowMajorEntryPoints(_ recorded: SumCase) throws {
        let dtype = try #require(recorded.dataType)
        let input = recorded.input()
        expectIdentical(SumKernel.sum(input, shape: recorded.shape, dims: recorded.dims, dtype: dtype), recorded.sum)
        if let mean = recorded.mean {
            expectIdentical(SumKernel.mean(input, shape: recorded.shape, dims: recorded.dims, dtype: dtype), mean)
        }
    }

    /// A transposed view sums in its strides' order, not in a contiguous copy's.
    @Test func viewOrderDiffersFromCopyOrder() throws {
        let recorded = try #require(SumCases.all.first { $0.name == "float32 [64, 70].t dims=[0]" })
        let (strides, offset) = recorded.layout
        let storage = recorded.input()
        let copy = (0..<recorded.shape[0] * recorded.shape[1]).map { k in
            storage[offset + (k / recorded.shape[1]) * strides[0] + (k % recorded.shape[1]) * strides[1]]
        }
        let fromCopy = SumKernel.sum(copy, shape: recorded.shape, dims: recorded.dims, dtype: .float32)
        #expect(fromCopy != recorded.sum)
    }

    /// The order matters: summing in Double and rounding once gives 6.589999675750732.
    @Test func float32AddsInFloat() {
        let values = [0.809999942779541, 0.4899999797344208, 5.289999961853027]
        #expect(SumKernel.sum(values, shape: [3], dims: [0], dtype: .float32) == [6.590000152587891])
    }

    @Test func emptyDimsReduceEverything() {
        let values: [Double] = [1, 2, 3, 4, 5, 6]
        #expect(SumKernel.sum(values, shape: [2, 3], dims: [], dtype: .float64) == [21])
        #expect(SumKernel.sum([3.5], shape: [], dims: [], dtype: .float32) == [3.5])
    }

    @Test func keptDimensionsStayRowMajor() {
        let values = (0..<24).map(Double.init)
        let got = SumKernel.sum(values, shape: [2, 3, 4], dims: [1], dtype: .int64)
        #expect(got == [12, 15, 18, 21, 48, 51, 54, 57])
    }

    @Test func negativeZerosSumToPositiveZero() {
        let got = SumKernel.sum([-0.0, -0.0], shape: [2], dims: [0], dtype: .float32)
        #expect(got.map(\.bitPattern) == [Double(0).bitPattern])
    }

    private func expectIdentical(
        _ got: [Double], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard got.count == expected.count else {
            Issue.record("\(got.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
            return
        }
        let mismatches = got.indices.filter { got[$0].bitPattern != expected[$0].bitPattern }
        if let first = mismatches.first {
            Issue.record(
                "\(mismatches.count) of \(got.count) differ; first at \(first): got \(got[first]), expected \(expected[first])",
                sourceLocation: sourceLocation)
        }
    }
}
