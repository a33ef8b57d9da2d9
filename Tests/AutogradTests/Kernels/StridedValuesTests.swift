@testable import Autograd
import Testing

/// Materialising strided views (`Shape.gather`) and the broadcast fast path of
/// element-wise ops give the elements an index-by-index walk gives.
@Suite struct StridedValuesTests {
    /// Row-major elements of a view, one multi-index at a time.
    private func walked(_ t: Tensor) -> [Double] {
        (0..<t.numel).map { t.element($0) }
    }

    @Test func viewsMaterialiseInRowMajorOrder() throws {
        let base = Tensor(values: (0..<60).map(Double.init), shape: [3, 4, 5])
        let views = [
            try base.transpose(0, 2),
            try base.permute([1, 2, 0]),
            try base.slice(dim: 2, start: 1, end: 5, step: 2),
            try base.slice(dim: 0, start: 1, end: nil).transpose(1, 2),
            try base.slice(dim: 1, start: 4, end: nil),
            try Tensor(values: (0..<70).map(Double.init), shape: [7, 10]).t(),
            try Tensor(values: (0..<(70 * 40)).map(Double.init), shape: [70, 40]).slice(dim: 1, start: 1, end: 34).t(),
        ]
        for view in views {
            #expect(view.values == walked(view), "\(view.shape) \(view.strides)")
        }
    }

    @Test func suffixShapes() {
        #expect(Shape.isSuffix([5], of: [3, 4, 5]))
        #expect(Shape.isSuffix([1, 4, 5], of: [3, 4, 5]))
        #expect(!Shape.isSuffix([4, 1], of: [3, 4, 5]))
        #expect(!Shape.isSuffix([3, 1, 5], of: [3, 4, 5]))
    }

    @Test func rowBroadcastMatchesGeneralWalk() throws {
        let x = Tensor(values: (0..<12).map { Double($0) * 0.25 }, shape: [3, 4])
        let row = Tensor(values: [1, -2, 3, 0.5], shape: [4])
        let column = Tensor(values: [10, 20, 30], shape: [3, 1])
        let expectedRow = (0..<12).map { Double($0) * 0.25 + [1, -2, 3, 0.5][$0 % 4] }
        let expectedColumn = (0..<12).map { Double($0) * 0.25 - [10, 20, 30][$0 / 4] }
        #expect(try x.add(row).values == expectedRow)
        #expect(try row.add(x).values == expectedRow)
        #expect(try x.sub(column).values == expectedColumn)
    }
}
