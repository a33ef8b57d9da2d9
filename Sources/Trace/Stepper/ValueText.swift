import Foundation

/// Numbers and tensors written the way the step-through shows them.
enum ValueText {
    /// Tensors with at most this many elements get one line of arithmetic per element.
    static let elementLimit = 4

    static func number(_ x: Double, dtype: String = "torch.float32") -> String {
        TensorSnapshot.number(x, dtype: dtype)
    }

    /// A number as it appears inside a formula: negatives in parentheses.
    static func operand(_ x: Double, dtype: String = "torch.float32") -> String {
        let s = number(x, dtype: dtype)
        return s.hasPrefix("-") ? "(" + s + ")" : s
    }

    static func count(_ s: TensorSnapshot) -> Int { s.shape.reduce(1, *) }

    /// Whether the tensor is small enough for per-element arithmetic (and its values were kept).
    static func isSmall(_ s: TensorSnapshot) -> Bool {
        s.values != nil && count(s) <= elementLimit
    }

    /// Values on one line: `6`, `[1, 2]`, `[[1, 2], [3, 4]]`; large tensors as a summary.
    static func compact(_ s: TensorSnapshot) -> String {
        guard let v = s.values, count(s) <= elementLimit else { return summary(s) }
        if s.shape.isEmpty { return v.first.map { number($0, dtype: s.dtype) } ?? "" }
        if v.isEmpty { return "[]" }
        let strides = strides(of: s.shape)
        var out = ""
        for (i, x) in v.enumerated() {
            let opens = strides.dropLast().filter { i % $0 == 0 }.count
            if i > 0 { out += opens > 0 ? String(repeating: "]", count: opens) + ", " : ", " }
            out += String(repeating: "[", count: i == 0 ? s.shape.count : opens)
            out += number(x, dtype: s.dtype)
        }
        return out + String(repeating: "]", count: s.shape.count)
    }

    /// `shape [3, 4], min 0, max 1, mean 0.5`.
    static func summary(_ s: TensorSnapshot) -> String {
        var lo = s.min, hi = s.max, mean = s.mean
        if let v = s.values, !v.isEmpty {
            lo = v.min()
            hi = v.max()
            mean = v.reduce(0, +) / Double(v.count)
        }
        let f = { (x: Double?) in x.map { number($0, dtype: s.dtype) } ?? "–" }
        return "shape \(s.shapeText), min \(f(lo)), max \(f(hi)), mean \(f(mean))"
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

    /// `[1, 0]` for flat element 2 of a 2×2 tensor; empty for a 0-dim tensor.
    static func indexText(_ flat: Int, shape: [Int]) -> String {
        if shape.isEmpty { return "" }
        let st = strides(of: shape)
        var rest = flat
        var parts: [String] = []
        for s in st {
            parts.append(String(rest / s))
            rest %= s
        }
        return "[" + parts.joined(separator: ", ") + "]"
    }

    /// The flat index into a tensor of `shape` that element `flat` of a
    /// broadcast result of `outShape` reads; nil when the shapes do not broadcast.
    static func broadcastIndex(_ flat: Int, outShape: [Int], shape: [Int]) -> Int? {
        if shape.count > outShape.count { return nil }
        let outStrides = strides(of: outShape)
        let inStrides = strides(of: shape)
        let offset = outShape.count - shape.count
        var rest = flat
        var index = 0
        for d in 0..<outShape.count {
            let coord = rest / outStrides[d]
            rest %= outStrides[d]
            if d < offset { continue }
            let size = shape[d - offset]
            if size == 1 { continue }
            if size != outShape[d] { return nil }
            index += coord * inStrides[d - offset]
        }
        return index
    }

    /// Value of element `flat` of the broadcast result read from `s`.
    static func element(_ s: TensorSnapshot, _ flat: Int, outShape: [Int]) -> Double? {
        guard let v = s.values, let i = broadcastIndex(flat, outShape: outShape, shape: s.shape), i < v.count else { return nil }
        return v[i]
    }

    /// Superscript form of a small integer exponent (`²`, `⁻¹`), nil otherwise.
    static func superscript(_ e: Double) -> String? {
        guard e == e.rounded(), Swift.abs(e) < 10 else { return nil }
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let n = Int(e)
        return (n < 0 ? "⁻" : "") + String(digits[Swift.abs(n)])
    }

    /// The exponent `e` of `output = input ** e`, recovered from the values when
    /// every element agrees with one round number (the trace keeps no scalar arguments).
    static func inferExponent(input: TensorSnapshot, output: TensorSnapshot) -> Double? {
        guard let a = input.values, let b = output.values, a.count == b.count, !a.isEmpty else { return nil }
        var best: Int?
        for i in a.indices where a[i].isFinite && b[i].isFinite && Swift.abs(a[i]) > 0 && b[i] != 0 {
            let m = Swift.abs(Foundation.log(Swift.abs(a[i])))
            if m > 0.05, best.map({ m > Swift.abs(Foundation.log(Swift.abs(a[$0]))) }) ?? true { best = i }
        }
        guard let k = best else { return nil }
        let estimate = Foundation.log(Swift.abs(b[k])) / Foundation.log(Swift.abs(a[k]))
        let candidate = (estimate * 2).rounded() / 2
        guard Swift.abs(candidate - estimate) < 1e-3 else { return nil }
        for i in a.indices {
            let expected = powReal(a[i], candidate)
            if expected.isNaN && b[i].isNaN { continue }
            let tolerance = 1e-4 * Swift.max(1, Swift.abs(b[i]))
            if !(Swift.abs(expected - b[i]) <= tolerance) { return nil }
        }
        return candidate
    }

    private static func powReal(_ a: Double, _ e: Double) -> Double {
        if a < 0 && e != e.rounded() { return .nan }
        let m = Foundation.pow(Swift.abs(a), e)
        if a < 0 && Int(e) % 2 != 0 { return -m }
        return m
    }
}
