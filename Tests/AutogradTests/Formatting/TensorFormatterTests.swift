import Testing
@testable import Autograd

@Suite("Tensor repr against PyTorch")
struct TensorFormatterTests {
    private static func dtype(_ name: String) -> DType {
        switch name {
        case "float32": .float32
        case "float64": .float64
        case "int64": .int64
        case "bool": .bool
        default: fatalError("unknown dtype \(name)")
        }
    }

    @Test("repr(tensor) for every generated case")
    func reprMatchesPyTorch() {
        let cases = FormatCases.shared.tensors
        var failures: [String] = []
        for (index, c) in cases.enumerated() {
            let input = TensorPrintInput(
                values: c.values.map(\.value), shape: c.shape, dtype: Self.dtype(c.dtype),
                requiresGrad: c.requires_grad, gradFnName: c.grad_fn)
            let got = TensorFormatter.repr(input)
            if got != c.expected {
                failures.append("#\(index) shape \(c.shape) \(c.dtype):\nexpected:\n\(c.expected)\ngot:\n\(got)")
            }
        }
        #expect(cases.count > 400)
        #expect(failures.isEmpty, "\(failures.count)/\(cases.count) failed:\n\(failures.prefix(5).joined(separator: "\n"))")
    }

    @Test("torch.Size repr")
    func sizeRepr() {
        let cases = FormatCases.shared.sizes
        #expect(cases.count > 40)
        for (index, c) in cases.enumerated() {
            #expect(TensorFormatter.sizeRepr(c.shape) == c.expected, "#\(index)")
        }
    }

    @Test("deep and wide tensors print without recursion limits")
    func largeInputs() {
        let deep = TensorPrintInput(values: [1], shape: Array(repeating: 1, count: 5000))
        let text = TensorFormatter.repr(deep)
        #expect(text.hasPrefix("tensor(" + String(repeating: "[", count: 5000) + "1."))
        let wide = TensorPrintInput(values: (0..<1_000_000).map(Double.init), shape: [1000, 1000])
        #expect(TensorFormatter.repr(wide).contains("..."))
    }
}
