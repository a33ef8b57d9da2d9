import Testing
@testable import Autograd

/// How values become elements of each dtype, checked against PyTorch 2.15 on x86-64
/// (the Python beside each test gives the expected values).
@Suite struct DTypeConversionTests {
    /// ```
    /// v = torch.tensor([nan, inf, -inf, 1e30, 300., -1., 70000., 2.7, -2.7])
    /// v.long(); v.int(); v.short(); v.char(); v.byte()
    /// ```
    @Test(arguments: [
        (DType.int64, [Int64.min, .min, .min, .min, 300, -1, 70000, 2, -2]),
        (.int32, [-2_147_483_648, -2_147_483_648, -2_147_483_648, -2_147_483_648, 300, -1, 70000, 2, -2]),
        (.int16, [0, 0, 0, 0, 300, -1, 4464, 2, -2]),
        (.int8, [0, 0, 0, 0, 44, -1, 112, 2, -2]),
        (.uint8, [0, 0, 0, 0, 44, 255, 112, 2, 254]),
    ])
    func floatsCastToIntegersAsX86Does(dtype: DType, expected: [Int64]) {
        let v: [Double] = [.nan, .infinity, -.infinity, 1e30, 300, -1, 70000, 2.7, -2.7]
        #expect(v.map(dtype.integer) == expected, "\(dtype)")
    }

    /// `torch.tensor(..., dtype=...)` wraps integers to the dtype's width.
    @Test func integersWrapToTheirWidth() {
        #expect(DType.uint8.wrap(260) == 4)
        #expect(DType.uint8.wrap(-1) == 255)
        #expect(DType.int8.wrap(128) == -128)
        #expect(DType.int16.wrap(70000) == 4464)
        #expect(DType.int32.wrap(1 << 33) == 0)
        #expect(DType.int64.wrap(.min) == .min)
    }

    /// ```
    /// torch.tensor(1/3, dtype=torch.float16).item()    # 0.333251953125
    /// torch.tensor(1/3, dtype=torch.bfloat16).item()   # 0.333984375
    /// torch.tensor([70000., 1e-8], dtype=torch.float16) # [inf, 0.]
    /// ```
    @Test func reducedFloatsRoundToNearestEven() {
        #expect(DType.float16.round(1.0 / 3) == 0.333251953125)
        #expect(DType.bfloat16.round(1.0 / 3) == 0.333984375)
        #expect(DType.float16.round(70000) == .infinity)
        #expect(DType.float16.round(1e-8) == 0)
        #expect(DType.bfloat16.round(.nan).isNaN)
        #expect(DType.bfloat16.round(3e38) == 3.00405527047391e+38)
    }

    /// ```
    /// torch.promote_types(a, b) for every pair of the ten dtypes
    /// ```
    @Test func promotionFollowsPyTorchsTable() {
        #expect(DType.promote(.uint8, .int8) == .int16)
        #expect(DType.promote(.int8, .uint8) == .int16)
        #expect(DType.promote(.uint8, .int16) == .int16)
        #expect(DType.promote(.uint8, .int64) == .int64)
        #expect(DType.promote(.float16, .bfloat16) == .float32)
        #expect(DType.promote(.bfloat16, .float64) == .float64)
        #expect(DType.promote(.int64, .float16) == .float16)
        #expect(DType.promote(.bool, .uint8) == .uint8)
        for d in DType.allCases {
            #expect(DType.promote(d, d) == d)
            #expect(DType.promote(.bool, d) == d)
            for e in DType.allCases { #expect(DType.promote(d, e) == DType.promote(e, d), "\(d) \(e)") }
        }
    }

    /// `fill_`/`full` check their value: c10's `overflows`, which lets unsigned dtypes take
    /// negative ints down to -max (wrapped) but no negative floats.
    @Test func fillValuesAreChecked() {
        #expect(DType.uint8.checkedInteger(-1) == 255)
        #expect(DType.uint8.checkedInteger(-256) == nil)
        #expect(DType.uint8.checkedInteger(256) == nil)
        #expect(DType.uint8.checkedValue(-1.0) == nil)
        #expect(DType.int32.checkedInteger(1 << 31) == nil)
        #expect(DType.int64.checkedValue(.nan) == nil)
        #expect(DType.int64.checkedValue(9.2e18) == 9.2e18)
        #expect(DType.int64.checkedValue(1e19) == nil)
        #expect(DType.float16.checkedValue(1e5) == nil)
        #expect(DType.float16.checkedValue(.infinity) == .infinity)
        #expect(DType.float32.checkedValue(1e39) == nil)
        #expect(DType.int32.overflowError.message == "value cannot be converted to type int without overflow")
    }

    @Test func namesAreTorchs() {
        #expect(DType.int32.torchName == "torch.int32")
        #expect(DType.uint8.legacyTypeName == "torch.ByteTensor")
        #expect(DType.bfloat16.legacyTypeName == "torch.BFloat16Tensor")
        #expect(DType.int16.typeMetaName == "short int")
        #expect(DType.allCases.map(\.itemSize) == [1, 1, 1, 2, 4, 8, 2, 2, 4, 8])
    }
}
