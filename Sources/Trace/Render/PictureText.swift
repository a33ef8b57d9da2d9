/// Short texts for values in pictures: numbers as a learner reads them, small
/// tensors in full, large ones as shape and summary.
enum PictureText {
    /// The widest a row inside a vertex may be, in terminal columns.
    static let rowColumns = 44

    static func number(_ x: Double, dtype: String = "torch.float32") -> String {
        TensorSnapshot.number(x, dtype: dtype)
    }

    /// A number ready to stand in a product: negative numbers in parentheses.
    static func operand(_ x: Double, dtype: String = "torch.float32") -> String {
        let s = number(x, dtype: dtype)
        return s.hasPrefix("-") ? "(\(s))" : s
    }

    /// `2×3` for a shape, `scalar` for a 0-dim tensor.
    static func shape(_ shape: [Int]) -> String {
        shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: "×")
    }

    /// One line: the value of a scalar, the elements of a short vector, or a summary.
    static func inline(_ s: TensorSnapshot, limit: Int = 4) -> String {
        if let v = s.values {
            if s.shape.isEmpty, let x = v.first { return number(x, dtype: s.dtype) }
            if s.shape.count == 1 && v.count <= limit {
                return "[" + v.map { number($0, dtype: s.dtype) }.joined(separator: ", ") + "]"
            }
            if s.shape.count == 2 && v.count <= limit, let cols = s.shape.last, cols > 0 {
                var rows: [String] = []
                var i = 0
                while i < v.count {
                    rows.append("[" + v[i..<min(i + cols, v.count)].map { number($0, dtype: s.dtype) }.joined(separator: ", ") + "]")
                    i += cols
                }
                return "[" + rows.joined(separator: ", ") + "]"
            }
            let mean = v.isEmpty ? 0 : v.reduce(0, +) / Double(v.count)
            return "\(shape(s.shape)), mean \(number(mean, dtype: s.dtype))"
        }
        return "\(shape(s.shape)), mean \(s.mean.map { number($0, dtype: s.dtype) } ?? "–")"
    }

    /// Rows for a tensor vertex: values when they fit, else shape and a summary.
    static func valueRows(_ s: TensorSnapshot) -> [String] {
        if let v = s.values {
            if s.shape.isEmpty, let x = v.first { return [number(x, dtype: s.dtype)] }
            if s.shape.count == 1 && v.count <= 6 {
                return ["[" + v.map { number($0, dtype: s.dtype) }.joined(separator: ", ") + "]"]
            }
            if s.shape.count == 2 && v.count <= 12, let cols = s.shape.last, cols > 0, cols <= 4 {
                var rows: [String] = []
                var i = 0
                while i < v.count {
                    rows.append("[" + v[i..<min(i + cols, v.count)].map { number($0, dtype: s.dtype) }.joined(separator: ", ") + "]")
                    i += cols
                }
                return rows
            }
            let lo = v.min() ?? 0, hi = v.max() ?? 0
            let mean = v.isEmpty ? 0 : v.reduce(0, +) / Double(v.count)
            return ["min \(number(lo, dtype: s.dtype)) · max \(number(hi, dtype: s.dtype))",
                    "mean \(number(mean, dtype: s.dtype))"]
        }
        let f = { (x: Double?) in x.map { number($0, dtype: s.dtype) } ?? "–" }
        return ["min \(f(s.min)) · max \(f(s.max))", "mean \(f(s.mean))"]
    }

    /// `shape [2, 3]` (and the dtype when it is not float32), for tensors that are not scalars.
    static func meta(_ s: TensorSnapshot) -> String? {
        var parts: [String] = []
        if !s.shape.isEmpty { parts.append("shape \(s.shapeText)") }
        if s.dtype != "torch.float32" { parts.append(s.dtype.replacingOccurrences(of: "torch.", with: "")) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// `lines` when every one fits in a vertex row, else `fallback` (each cut to fit).
    static func fit(_ lines: [String], or fallback: [String]) -> [String] {
        lines.allSatisfy { DisplayWidth.of($0) <= rowColumns } ? lines : fallback.map { clip($0) }
    }

    /// `text` cut to `columns` display columns with an ellipsis.
    static func clip(_ text: String, _ columns: Int = rowColumns) -> String {
        DisplayWidth.of(text) <= columns ? text : DisplayWidth.truncate(text, to: columns)
    }
}
