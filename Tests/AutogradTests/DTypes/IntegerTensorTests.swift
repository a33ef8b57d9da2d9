import Testing
@testable import Autograd

/// int64 tensors keep every value exactly (storage of `Int64`s) while the `[Double]`
/// API keeps working; integer arithmetic wraps as PyTorch's does.
@Suite struct IntegerTensorTests {
    static let big: Int64 = 9_007_199_254_740_993  // 2**53 + 1: no Double holds it

    @Test func int64ValuesAreExact() throws {
        let x = Tensor(integers: [IntegerTensorTests.big, -5], shape: [2], dtype: .int64)
        #expect(x.integers == [IntegerTensorTests.big, -5])
        #expect(try x.add(Tensor.wrapped(integer: 1)).integers == [IntegerTensorTests.big + 1, -4])
        #expect(try x.sum().itemInteger() == IntegerTensorTests.big - 5)
        #expect(try x.compare(.eq, Tensor.wrapped(integer: IntegerTensorTests.big - 1)).values == [0, 0])
        #expect(try x.argExtremum(max: true, dim: nil, keepdim: false).itemInteger() == 0)
        #expect(try x.cumulative(product: false, dim: 0).integers == [IntegerTensorTests.big, IntegerTensorTests.big - 5])
        #expect(try x.flip([0]).integers == [-5, IntegerTensorTests.big])
        #expect(try Tensor.cat([x, x], dim: 0).integers.first == IntegerTensorTests.big)
    }

    /// Code written against `values: [Double]` keeps working on every dtype.
    @Test func doubleAPIStillWorks() throws {
        let f = Tensor(values: [1.5, 2.5], shape: [2], dtype: .float32)
        #expect(f.storage.values == [1.5, 2.5])
        f.storage.values[0] = 4
        #expect(f.values == [4, 2.5])
        let i = Tensor(values: [3, -2], shape: [2], dtype: .int64)
        #expect(i.values == [3, -2])
        #expect(i.storage.holdsIntegers)
        i.storage.values[1] = 7.9
        #expect(i.integers == [3, 7])
        #expect(try i.mul(Tensor.wrapped(2.5, dtype: .float64)).values == [7.5, 17.5])
    }

    /// ```
    /// torch.tensor([250], dtype=torch.uint8) + 10; torch.tensor([-2**63]) // -1; -torch.tensor([-128], dtype=torch.int8)
    /// ```
    @Test func integerArithmeticWraps() throws {
        let u = Tensor(integers: [250], shape: [1], dtype: .uint8)
        #expect(try u.add(Tensor.wrapped(integer: 10)).integers == [4])
        #expect(try u.sub(Tensor.wrapped(integer: 251)).integers == [255])
        let m = Tensor(integers: [.min], shape: [1], dtype: .int64)
        #expect(try m.floorDivide(Tensor.wrapped(integer: -1)).integers == [.min])
        #expect(try m.remainder(Tensor.wrapped(integer: -1)).integers == [0])
        #expect(try m.neg().integers == [.min])
        #expect(try Tensor(integers: [-128], shape: [1], dtype: .int8).abs().integers == [-128])
        #expect(throws: AutogradError.runtime("ZeroDivisionError")) { try m.floorDivide(Tensor.wrapped(integer: 0)) }
    }

    @Test func divisionsFloorAndTruncate() throws {
        let a = Tensor(integers: [7, -7, 7, -7], shape: [4], dtype: .int32)
        let d = Tensor(integers: [2, 2, -2, -2], shape: [4], dtype: .int32)
        #expect(try a.floorDivide(d).integers == [3, -4, -4, 3])
        #expect(try a.remainder(d).integers == [1, 1, -1, -1])
        #expect(try a.fmod(d).integers == [1, -1, 1, -1])
        #expect(try a.div(d, roundingMode: "trunc").integers == [3, -3, -3, 3])
        #expect(try a.div(d).dtype == .float32)
    }

    @Test func integerTensorsCannotRequireGrad() {
        let i = Tensor(integers: [1], shape: [1], dtype: .int32)
        #expect(throws: AutogradError.runtime("only Tensors of floating point dtype can require gradients")) {
            try i.setRequiresGrad(true, from: .method)
        }
        #expect(throws: AutogradError.runtime("Only Tensors of floating point and complex dtype can require gradients")) {
            try i.setRequiresGrad(true)
        }
    }
}
