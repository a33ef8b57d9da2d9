@testable import Autograd
import Foundation
import Testing

/// The cases in `kernel_cases.json`, written by `scripts/gen_kernel_cases.py` from PyTorch.
enum KernelCases {
    /// One float32 `torch.mm`, `torch.mv` or `torch.addmm` call.
    struct Matmul: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var op: String
        var n: Int
        var k: Int
        var m: Int
        /// Whether mat1 (mat2) is the `.t()` view of a contiguous storage.
        var aT: Bool
        var bT: Bool
        var seed: UInt64
        var expected: String

        var testDescription: String { name }

        /// mat1 (n×k), mat2 (k×m) or the vector, and the bias, laid out as the script's.
        func operands() throws -> (a: Tensor, b: Tensor, bias: Tensor) {
            let a = try KernelCases.matrix(seed: seed, rows: n, cols: k, transposed: aT)
            let b = op == "mv"
                ? Tensor(values: SumCase.generated(seed: seed + 1, count: k, dtype: "float32"), shape: [k])
                : try KernelCases.matrix(seed: seed + 1, rows: k, cols: m, transposed: bT)
            let bias = Tensor(values: SumCase.generated(seed: seed + 2, count: m, dtype: "float32"), shape: [m])
            return (a, b, bias)
        }

        /// The recorded call (`mv`, `addmm` or `mm`) run by gradviz on the operands.
        func run() throws -> Tensor {
            let (a, b, bias) = try operands()
            switch op {
            case "mv": return try a.mv(b)
            case "addmm": return try Tensor.addmm(bias, a, b)
            default: return try a.mm(b)
            }
        }
    }

    /// One float32 `torch.sigmoid` call: on `input` itself ("contiguous"), on its step-2
    /// slice ("step2"), or on `input` converted to int64 ("int64").
    struct Sigmoid: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var layout: String
        var input: String
        var expected: String

        var testDescription: String { name }

        func tensor() throws -> Tensor {
            let x = KernelCases.values(hex: input, dtype: .float32)
            switch layout {
            case "step2": return try Tensor(values: x, shape: [x.count]).slice(dim: 0, start: nil, end: nil, step: 2)
            case "int64": return Tensor(values: x, shape: [x.count], dtype: .int64)
            default: return Tensor(values: x, shape: [x.count])
            }
        }
    }

    /// float32 `F.mse_loss(input, target)` with each reduction.
    struct MseLoss: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var input: String
        var target: String
        var none: String
        var mean: String
        var sum: String

        var testDescription: String { name }
    }

    /// One `torch.linspace(start, end, steps, dtype=dtype)` call.
    struct Linspace: Decodable, Sendable, CustomTestStringConvertible {
        var start: Double
        var end: Double
        var steps: Int
        var dtype: String
        var expected: String

        var testDescription: String { "linspace(\(start), \(end), \(steps)) \(dtype)" }
        var dataType: DType { dtype == "float64" ? .float64 : .float32 }
    }

    /// One `torch.ops.aten.tanh_backward(grad, output)` call.
    struct TanhBackward: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var dtype: String
        var grad: String
        var output: String
        var expected: String

        var testDescription: String { name }
        var dataType: DType { dtype == "float64" ? .float64 : .float32 }
    }

    struct File: Decodable {
        var torch: String
        var matmul: [Matmul]
        var sigmoid: [Sigmoid]
        var mseLoss: [MseLoss]
        var linspace: [Linspace]
        var tanhBackward: [TanhBackward]
    }

    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("kernel_cases.json")

    private static let file: File? = try? load()

    static func load() throws -> File { try JSONDecoder().decode(File.self, from: Data(contentsOf: url)) }

    static var matmul: [Matmul] { file?.matmul ?? [] }
    static var sigmoid: [Sigmoid] { file?.sigmoid ?? [] }
    static var mseLoss: [MseLoss] { file?.mseLoss ?? [] }
    static var linspace: [Linspace] { file?.linspace ?? [] }
    static var tanhBackward: [TanhBackward] { file?.tanhBackward ?? [] }

    /// A rows×cols matrix of LCG values; when `transposed`, the `.t()` view of a cols×rows storage.
    static func matrix(seed: UInt64, rows: Int, cols: Int, transposed: Bool) throws -> Tensor {
        let values = SumCase.generated(seed: seed, count: rows * cols, dtype: "float32")
        return transposed ? try Tensor(values: values, shape: [cols, rows]).t() : Tensor(values: values, shape: [rows, cols])
    }

    /// Values from concatenated hex bit patterns: 8 digits per float32, 16 per float64.
    static func values(hex: String, dtype: DType) -> [Double] {
        let width = dtype == .float64 ? 16 : 8
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: width).map { start in
            let word = String(decoding: digits[start..<start + width], as: UTF8.self)
            let bits = UInt64(word, radix: 16)!
            return dtype == .float64 ? Double(bitPattern: bits) : Double(Float(bitPattern: UInt32(bits)))
        }
    }
}

/// Fails with the count and first position of elements whose bits differ.
func expectSameBits(_ got: [Double], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
    guard got.count == expected.count else {
        Issue.record("\(got.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    let mismatches = got.indices.filter { got[$0].bitPattern != expected[$0].bitPattern && !(got[$0].isNaN && expected[$0].isNaN) }
    if let first = mismatches.first {
        Issue.record("\(mismatches.count) of \(got.count) differ; first at \(first): got \(got[first]), expected \(expected[first])",
                     sourceLocation: sourceLocation)
    }
}
