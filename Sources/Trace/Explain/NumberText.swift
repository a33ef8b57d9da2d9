import PyFormat

/// Numbers and tensor values written the way a learner reads them.
public enum NumberText {
    /// Tensors with at most this many elements are written out in full.
    public static let listLimit = 8

    /// `6`, `1.5431`, `-0.25`, `1.0001`, `1.2346e-05`, `True`, `nan`: integers without decimals,
    /// others with the digits PyTorch prints for the element (4 decimals, or scientific below
    /// 1e-4 and from 1e8 on), trailing zeros dropped — a caption never shows `1` for 1.0001.
    public static func number(_ x: Double, dtype: String = "torch.float32") -> String {
        if dtype == "torch.bool" { return x != 0 ? "True" : "False" }
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded() && Swift.abs(x) < 1e15 { return String(Int64(x)) }
        let size = Swift.abs(x)
        if size < 1e-4 || size >= 1e8 { return (try? pythonFormat(x, spec: ".4e")) ?? pythonRepr(x) }
        guard var text = try? pythonFormat(x, spec: ".4f") else { return pythonRepr(x) }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A number inside a formula: negatives in parentheses.
    public static func operand(_ x: Double, dtype: String = "torch.float32") -> String {
        let s = number(x, dtype: dtype)
        return s.hasPrefix("-") ? "(" + s + ")" : s
    }

    /// `6`, `[2, 4, 6]`, `[[1, 2], [3, 4]]`; larger tensors as `shape [32, 1], norm 3.2, min -1, max 2`.
    public static func values(_ v: TensorValues) -> String {
        guard let elements = v.elements, elements.count <= listLimit else { return summary(v) }
        if v.shape.isEmpty { return elements.first.map { number($0, dtype: v.dtype) } ?? "" }
        if elements.isEmpty { return "[]" }
        let strides = NumberText.strides(of: v.shape)
        var out = ""
        for (i, x) in elements.enumerated() {
            let opens = strides.dropLast().filter { i % $0 == 0 }.count
            if i > 0 { out += opens > 0 ? String(repeating: "]", count: opens) + ", " : ", " }
            out += String(repeating: "[", count: i == 0 ? v.shape.count : opens)
            out += number(x, dtype: v.dtype)
        }
        return out + String(repeating: "]", count: v.shape.count)
    }

    /// `shape [3, 4], norm 2.1, min 0, max 1`.
    public static func summary(_ v: TensorValues) -> String {
        let shape = "[" + v.shape.map(String.init).joined(separator: ", ") + "]"
        switch v.content {
        case .summary(let s):
            return "shape \(shape), norm \(number(s.norm)), min \(number(s.min, dtype: v.dtype)), max \(number(s.max, dtype: v.dtype))"
        case .full(let e):
            guard let lo = e.min(), let hi = e.max() else { return "shape \(shape), empty" }
            let norm = e.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return "shape \(shape), norm \(number(norm)), min \(number(lo, dtype: v.dtype)), max \(number(hi, dtype: v.dtype))"
        }
    }

    /// The value as a formula operand: a number, or the list in brackets.
    public static func operand(_ v: TensorValues) -> String {
        if let x = v.scalar, v.shape.isEmpty { return operand(x, dtype: v.dtype) }
        return values(v)
    }

    /// The row-major strides of `shape`, innermost last.
    static func strides(of shape: [Int]) -> [Int] {
        var out = [Int](repeating: 1, count: shape.count)
        var acc = 1
        var d = shape.count - 1
        while d >= 0 {
            out[d] = acc
            acc *= Swift.max(shape[d], 1)
            d -= 1
        }
        return out
    }
}
