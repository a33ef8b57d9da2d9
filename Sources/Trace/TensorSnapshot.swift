import PyFormat
import Autograd

/// A tensor as it was at one moment of the lesson: enough to draw and explain it.
public struct TensorSnapshot: Codable, Equatable, Sendable {
    /// The engine's stable tensor id.
    public var id: Int
    /// The lesson's variable name, when the interpreter knows it.
    public var name: String?
    public var shape: [Int]
    public var dtype: String
    /// All values for tensors of up to `TensorSnapshot.valueLimit` elements; nil beyond.
    public var values: [Double]?
    /// PyTorch's printed form (`tensor([2., 4.], grad_fn=<MulBackward0>)`), for small tensors.
    public var text: String?
    public var min: Double?
    public var max: Double?
    public var mean: Double?
    public var requiresGrad: Bool
    public var isLeaf: Bool
    public var gradFn: String?
    public var gradFnID: Int?

    /// Tensors with more elements than this are summarised rather than listed.
    public static let valueLimit = 64

    public init(_ t: Tensor, name: String? = nil) {
        id = t.id
        self.name = name
        shape = t.shape
        dtype = t.dtype.torchName
        requiresGrad = t.requiresGrad
        isLeaf = t.isLeaf
        gradFn = t.gradFn?.name
        gradFnID = t.gradFn?.id
        let n = t.numel
        if n <= TensorSnapshot.valueLimit {
            let v = t.values
            values = v
            text = TensorFormatter.repr(TensorPrintInput(values: v, shape: t.shape, dtype: t.dtype))
        } else {
            let v = t.values
            var lo = Double.infinity, hi = -Double.infinity, s = 0.0
            for x in v { lo = Swift.min(lo, x); hi = Swift.max(hi, x); s += x }
            min = lo
            max = hi
            mean = n > 0 ? s / Double(n) : nil
        }
    }

    /// The shape as PyTorch prints it inside `torch.Size([...])`.
    public var shapeText: String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }

    /// A short value text for pictures: the values for small tensors, else a summary.
    public var valueText: String {
        if let v = values {
            if shape.isEmpty, let x = v.first { return TensorSnapshot.number(x, dtype: dtype) }
            if v.count <= 6 && shape.count == 1 { return "[" + v.map { TensorSnapshot.number($0, dtype: dtype) }.joined(separator: ", ") + "]" }
            return text.map(TensorSnapshot.stripTensorPrefix) ?? ""
        }
        let f = { (x: Double?) in x.map { TensorSnapshot.number($0, dtype: dtype) } ?? "–" }
        return "shape \(shapeText), min \(f(min)), max \(f(max)), mean \(f(mean))"
    }

    /// A number as a learner reads it: integers without decimals, others to 4 significant digits.
    public static func number(_ x: Double, dtype: String = "torch.float32") -> String {
        if dtype == "torch.bool" { return x != 0 ? "True" : "False" }
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded() && Swift.abs(x) < 1e15 { return String(Int64(x)) }
        let s = (try? pythonFormat(x, spec: ".4g")) ?? pythonRepr(x)
        return s
    }

    static func stripTensorPrefix(_ s: String) -> String {
        var body = s
        if body.hasPrefix("tensor(") { body.removeFirst(7) }
        if body.hasSuffix(")") { body.removeLast() }
        return body
    }
}
