@testable import Autograd
import Foundation
import Testing

/// One `torch.sum` / `torch.mean` call recorded by `scripts/gen_sum_cases.py`.
struct SumCase: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var dtype: String
    var shape: [Int]
    var dims: [Int]
    var threads: Int
    /// Set for a strided view: the generated storage's length, the view's strides and offset.
    var storageCount: Int?
    var strides: [Int]?
    var offset: Int?
    var seed: UInt64?
    var values: [Double]?
    var sum: [Double]
    var mean: [Double]?

    var testDescription: String { name }

    var dataType: DType? { DType.allCases.first { $0.torchName == "torch.\(dtype)" } }

    /// The input storage: the stored literal values, or the generator's values for `seed`.
    func input() -> [Double] {
        if let values { return values }
        return SumCase.generated(seed: seed ?? 0, count: storageCount ?? shape.reduce(1, *), dtype: dtype)
    }

    /// The view's strides: the recorded ones, or row-major.
    var layout: (strides: [Int], offset: Int) {
        (strides ?? Shape.strides(shape), offset ?? 0)
    }

    /// The script's `lcg_values`: integer mantissas times powers of two, exact in `dtype`.
    static func generated(seed: UInt64, count: Int, dtype: String) -> [Double] {
        var state = seed
        func draw() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        return (0..<count).map { _ in
            let r = draw()
            switch dtype {
            case "float32":
                let e = Int(draw() >> 60)
                return Double(Int64(r >> 40) - (1 << 23)) * Double(sign: .plus, exponent: e - 28, significand: 1)
            case "float64":
                let e = Int(draw() >> 60)
                return Double(Int64(r >> 11) - (1 << 52)) * Double(sign: .plus, exponent: e - 57, significand: 1)
            case "int64":
                return Double(Int64(r >> 54) - 512)
            default:
                return Double(r >> 63)
            }
        }
    }
}

enum SumCases {
    private struct File: Decodable {
        var torch: String
        var cases: [SumCase]
    }

    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("sum_cases.json")

    /// Every case, or an empty list when the file cannot be read (`loadAll` reports why).
    static let all: [SumCase] = (try? loadAll()) ?? []

    static func loadAll() throws -> [SumCase] {
        try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }
}
