import Autograd
import Foundation

/// numpy's array printing (`array2string` with its defaults: precision 8 as the shortest
/// unique digits, `floatmode='maxprec'`, line width 75, summary past 1000 elements).
enum NumpyArrayFormat {
    /// `repr(a)`: `array([1. , 2.5], dtype=float32)`; numpy names every dtype but its
    /// defaults (float64, int64, bool).
    static func repr(_ t: Tensor) -> String {
        let shown: Set<DType> = [.float64, .int64, .bool]
        let suffix = shown.contains(t.dtype) ? "" : ", dtype=\(t.dtype.shortName)"
        let elements = words(t)
        if t.shape.isEmpty { return "array(\(elements.first ?? "")\(suffix))" }
        let text = "array(" + body(elements, shape: t.shape, separator: ", ", indent: 7)
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0
        if !suffix.isEmpty && lastLine + suffix.count + 1 > 75 {
            return text + ",\n      dtype=\(t.dtype.shortName))"
        }
        return text + suffix + ")"
    }

    /// `str(a)`: `[1.  2.5]`.
    static func str(_ t: Tensor) -> String {
        if t.shape.isEmpty {
            if t.dtype.isInteger { return t.integers.first.map { String($0) } ?? "" }
            guard let v = t.values.first else { return "" }
            switch t.dtype {
            case .bool: return v != 0 ? "True" : "False"
            default: return shortest(v, t.dtype).plain
            }
        }
        return body(words(t), shape: t.shape, separator: " ", indent: 1)
    }

    /// Rows of elements in brackets, wrapped at 75 columns; `indent` is where the first `[` sits.
    static func body(_ elements: [String], shape: [Int], separator: String, indent: Int) -> String {
        let summarize = elements.count > 1000
        let last = shape.last ?? 1
        var rows: [String] = []
        let rowCount = last > 0 ? elements.count / last : 0
        for r in 0..<max(rowCount, shape.contains(0) ? 0 : 1) where rowCount > 0 {
            var items = Array(elements[(r * last)..<((r + 1) * last)])
            if summarize && items.count > 6 { items = Array(items.prefix(3)) + ["..."] + Array(items.suffix(3)) }
            let depth = shape.count
            let lead = indent + depth - 1
            var lines: [String] = []
            var line = String(repeating: " ", count: lead)
            for (k, item) in items.enumerated() {
                let word = item + (k < items.count - 1 ? separator.trimmingCharacters(in: .whitespaces) : "")
                if line.count + word.count > 75 - depth && line.trimmingCharacters(in: .whitespaces).count > 0 {
                    lines.append(String(line.reversed().drop { $0 == " " }.reversed()))
                    line = String(repeating: " ", count: lead)
                }
                line += word
                if k < items.count - 1 { line += separator.hasPrefix(",") ? " " : separator }
            }
            lines.append(line)
            var text = lines.joined(separator: "\n")
            text = "[" + text.dropFirst(lead)
            rows.append(text + "]")
        }
        if shape.count == 1 { return rows.first ?? "[]" }
        let rowSeparator = separator.hasPrefix(",") ? ",\n" : "\n"
        let pad = String(repeating: " ", count: indent)
        var out = "["
        for (k, row) in rows.enumerated() {
            out += (k == 0 ? "" : pad) + row + (k < rows.count - 1 ? rowSeparator : "")
        }
        return out + "]"
    }

    /// Every element formatted and padded to one width, as numpy's FloatingFormat does.
    static func words(_ t: Tensor) -> [String] {
        if t.dtype.isInteger {
            let s = t.integers.map { String($0) }
            let w = s.map(\.count).max() ?? 0
            return s.map { pad($0, w) }
        }
        if t.dtype == .bool {
            let values = t.values
            let w = values.contains(0) ? 5 : 4
            return values.map { pad($0 != 0 ? "True" : "False", w) }
        }
        return floats(t.values, t.dtype)
    }

    static func pad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }

    /// Shortest decimal digits and exponent of a value (`1.5` is digits "15", exponent 0).
    struct Decimal {
        var negative: Bool
        var digits: [Character]
        /// The power of ten of the first digit.
        var exponent: Int
        var plain: String
    }

    /// The shortest text that reads back as `v` in `dtype`'s precision.
    static func shortestText(_ v: Double, _ dtype: DType) -> String {
        switch dtype {
        case .float16: Float16(v).description
        case .float32, .bfloat16: Float(v).description
        default: v.description
        }
    }

    static func shortest(_ v: Double, _ dtype: DType) -> Decimal {
        let text = shortestText(v, dtype)
        var body = text
        var negative = false
        if body.hasPrefix("-") { negative = true; body.removeFirst() }
        var exp = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exp = Int(body[body.index(after: e)...]) ?? 0
            body = String(body[..<e])
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0]), frac = parts.count > 1 ? String(parts[1]) : ""
        var digits = Array(intPart + frac)
        var point = intPart.count + exp
        while digits.count > 1 && digits.first == "0" { digits.removeFirst(); point -= 1 }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        if digits == ["0"] { point = 1 }
        return Decimal(negative: negative, digits: digits, exponent: point - 1, plain: text)
    }

    /// Positional text with at most 8 fractional digits: integer part and fraction apart.
    static func positional(_ d: Decimal) -> (String, String) {
        var digits = d.digits
        var exponent = d.exponent
        // Round to 8 digits after the point when there are more.
        let fracDigits = digits.count - 1 - exponent
        if fracDigits > 8 {
            let keep = digits.count - (fracDigits - 8)
            if keep <= 0 {
                digits = ["0"]
                exponent = 0
            } else {
                let roundUp = digits[keep] >= "5"
                digits = Array(digits[0..<keep])
                if roundUp {
                    var i = digits.count - 1
                    while i >= 0 {
                        if digits[i] == "9" { digits[i] = "0"; i -= 1 } else { digits[i] = Character(String((Int(String(digits[i])) ?? 0) + 1)); break }
                    }
                    if i < 0 { digits.insert("1", at: 0); exponent += 1 }
                }
                while digits.count > 1 && digits.last == "0" && digits.count - 1 - exponent > 0 { digits.removeLast() }
            }
        }
        var intPart = "", frac = ""
        if exponent < 0 {
            intPart = "0"
            frac = String(repeating: "0", count: -exponent - 1) + String(digits)
        } else if digits.count > exponent + 1 {
            intPart = String(digits[0...exponent])
            frac = String(digits[(exponent + 1)...])
        } else {
            intPart = String(digits) + String(repeating: "0", count: exponent + 1 - digits.count)
        }
        while frac.hasSuffix("0") { frac.removeLast() }
        return ((d.negative ? "-" : "") + intPart, frac)
    }

    static func floats(_ values: [Double], _ dtype: DType) -> [String] {
        let finite = values.filter { $0.isFinite }
        let nonzero = finite.map(abs).filter { $0 != 0 }
        var exponential = false
        if let maxV = nonzero.max(), let minV = nonzero.min() {
            exponential = maxV >= 1e8 || minV < 0.0001 || maxV / minV > 1000
        }
        let decimals = values.map { shortest($0, dtype) }
        if exponential {
            let parts = decimals.enumerated().map { k, d -> (String, String, String) in
                guard values[k].isFinite else { return (special(values[k]), "", "") }
                var mant = String(d.digits[0]) + "."
                mant += String(d.digits.dropFirst().prefix(8))
                let e = d.exponent
                let es = (e < 0 ? "-" : "+") + (abs(e) < 10 ? "0" : "") + String(abs(e))
                return ((d.negative ? "-" : "") + mant.split(separator: ".")[0], String(mant.split(separator: ".", omittingEmptySubsequences: false)[1]), es)
            }
            let left = parts.map(\.0.count).max() ?? 0, right = parts.map(\.1.count).max() ?? 0
            return parts.map { p in
                if p.2.isEmpty { return pad(p.0, left + right + 5) }
                return pad(p.0, left) + "." + p.1 + String(repeating: "0", count: right - p.1.count) + "e" + p.2
            }
        }
        let parts = decimals.enumerated().map { k, d -> (String, String, Bool) in
            guard values[k].isFinite else { return (special(values[k]), "", true) }
            let (i, f) = positional(d)
            return (i, f, false)
        }
        let left = parts.map(\.0.count).max() ?? 0, right = parts.filter { !$0.2 }.map(\.1.count).max() ?? 0
        return parts.map { p in
            if p.2 { return pad(p.0, left + 1 + right) }
            return pad(p.0, left) + "." + p.1 + String(repeating: " ", count: right - p.1.count)
        }
    }

    static func special(_ v: Double) -> String {
        v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf")
    }
}
