/// Binds the identifiers of a derivative-table formula (`exponent · self^(exponent − 1)`,
/// `cos(self)`, `grad · other`) to what the lesson had: its tensors (by their names and
/// values) and the op's arguments. One binder serves every formula of the table.
public struct FormulaBinder: Sendable {
    public enum Value: Sendable, Equatable {
        /// A tensor: its name in the symbolic form, its values in the numeric form.
        case tensor(name: String, values: TensorValues)
        /// A number the op was called with (`exponent`, `alpha`).
        case number(Double)
        /// Shown as-is in both forms (`∂z/∂y` for `grad`).
        case symbol(String)
    }

    public var bindings: [String: Value] = [:]

    public init(_ bindings: [String: Value] = [:]) {
        self.bindings = bindings
    }

    /// The formula with the lesson's names (and argument values) in place of the rule's names.
    public func symbolic(_ formula: String) -> String {
        substitute(formula) { name, alone in
            switch bindings[name] {
            case .tensor(let n, _)?: return alone || FormulaBinder.isSimpleName(n) ? n : "(" + n + ")"
            case .number(let x)?: return alone ? NumberText.number(x) : NumberText.operand(x)
            case .symbol(let s)?: return s
            case nil: return nil
            }
        }
    }

    /// The formula with the numbers substituted; nil when a bound tensor is too large to write.
    public func numeric(_ formula: String) -> String? {
        var complete = true
        let text = substitute(formula) { name, alone in
            switch bindings[name] {
            case .tensor(_, let v)?:
                guard let e = v.elements, e.count <= NumberText.listLimit else {
                    complete = false
                    return nil
                }
                return alone ? NumberText.values(v) : NumberText.operand(v)
            case .number(let x)?: return alone ? NumberText.number(x) : NumberText.operand(x)
            case .symbol(let s)?: return s
            case nil: return nil
            }
        }
        return complete ? text : nil
    }

    /// Every identifier the formula uses that is neither bound nor a function name.
    public func unbound(_ formula: String) -> [String] {
        var out: [String] = []
        _ = substitute(formula) { name, _ in
            if bindings[name] == nil && !FormulaBinder.knownWords.contains(name) { out.append(name) }
            return nil
        }
        return out
    }

    /// Words of the table's formulas that are not identifiers to bind.
    static let knownWords: Set<String> = ["grad", "ln", "if", "else", "where", "sum", "mean", "and", "or", "the", "of", "at",
                                          "with", "to", "by", "in", "T", "n", "e", "pi"]

    static func isSimpleName(_ s: String) -> Bool {
        s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    }

    /// Replaces each identifier of `template` for which `replacement` has an answer. `alone` tells
    /// whether the identifier is the whole formula or already inside parentheses or bars.
    private func substitute(_ template: String, _ replacement: (String, Bool) -> String?) -> String {
        let chars = Array(template)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if FormulaBinder.startsIdentifier(c) && (i == 0 || !FormulaBinder.continuesIdentifier(chars[i - 1])) {
                var j = i
                while j < chars.count && FormulaBinder.continuesIdentifier(chars[j]) { j += 1 }
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

    private static func startsIdentifier(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c == "_") }
    private static func continuesIdentifier(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }
}
