/// A formula from the derivative table (`grad · other`, `exponent · self^(exponent − 1)`)
/// with its identifiers bound to the lesson's tensors, written once with the
/// lesson's names and once per element with the numbers substituted.
struct FormulaBinding {
    enum Value {
        /// A tensor: its label in symbolic text, its element values in numeric text.
        case tensor(TensorSnapshot, label: String)
        /// A number known from the trace (a Python scalar, a count).
        case number(Double)
        /// A name shown as-is in both forms (`∂z/∂y` for `grad`).
        case symbol(String)
    }

    var bindings: [String: Value] = [:]

    /// The formula with the lesson's names.
    func symbolic(_ template: String) -> String {
        substitute(template) { name, alone in
            switch bindings[name] {
            case .tensor(_, let label)?: return alone ? label : TensorLabels.grouped(label)
            case .number(let x)?: return alone ? ValueText.number(x) : ValueText.operand(x)
            case .symbol(let s)?: return s
            case nil: return nil
            }
        }
    }

    /// The formula with element `flat` of each bound tensor substituted (tensors
    /// broadcast to `outShape`); nil when a bound tensor's values were not kept.
    func numeric(_ template: String, element flat: Int, outShape: [Int]) -> String? {
        var complete = true
        let text = substitute(template) { name, alone in
            switch bindings[name] {
            case .tensor(let s, _)?:
                guard let x = ValueText.element(s, flat, outShape: outShape) else {
                    complete = false
                    return nil
                }
                return alone ? ValueText.number(x, dtype: s.dtype) : ValueText.operand(x, dtype: s.dtype)
            case .number(let x)?: return alone ? ValueText.number(x) : ValueText.operand(x)
            case .symbol(let s)?: return s
            case nil: return nil
            }
        }
        return complete ? text : nil
    }

    /// Replaces each ASCII identifier of `template` for which `replacement` has an answer;
    /// `alone` tells whether the identifier is the whole formula or already
    /// enclosed in parentheses or bars (no grouping needed).
    private func substitute(_ template: String, _ replacement: (String, Bool) -> String?) -> String {
        let chars = Array(template)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if FormulaBinding.startsIdentifier(c) && (i == 0 || !FormulaBinding.continuesIdentifier(chars[i - 1])) {
                var j = i
                while j < chars.count && FormulaBinding.continuesIdentifier(chars[j]) { j += 1 }
                let name = String(chars[i..<j])
                let enclosed = i > 0 && j < chars.count
                    && ((chars[i - 1] == "(" && chars[j] == ")") || (chars[i - 1] == "|" && chars[j] == "|"))
                let alone = (i == 0 && j == chars.count) || enclosed
                let isCall = j < chars.count && chars[j] == "("
                if !isCall, let r = replacement(name, alone) {
                    out += r
                } else {
                    out += name
                }
                i = j
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    private static func startsIdentifier(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c == "_")
    }

    private static func continuesIdentifier(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_")
    }
}
