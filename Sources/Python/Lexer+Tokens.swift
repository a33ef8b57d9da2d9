import Foundation

/// Names, keywords, numbers, operators and brackets.
extension Lexer {
    static let operators3: Set<String> = ["**=", "//=", ">>=", "<<=", "...", "!="]
    static let operators2: Set<String> = [
        "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
        "^=", "@=", "->", ":=",
    ]
    static let operators1: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}",
        ",", ":", ".", ";", "=",
    ]

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" }
        return c.properties.isXIDStart
    }

    static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return isIdentifierStart(c) || (c >= "0" && c <= "9") }
        return c.properties.isXIDContinue
    }

    func lexToken() throws -> Token {
        let start = location
        let c = peekScalar()!
        if Lexer.isIdentifierStart(c) {
            var p = pos
            while p < scalars.count && Lexer.isIdentifierContinue(scalars[p]) { p += 1 }
            let word = String(String.UnicodeScalarView(scalars[pos..<p]))
            if p < scalars.count, scalars[p] == "'" || scalars[p] == "\"",
               ["r", "u", "f", "b", "br", "rb", "fr", "rf"].contains(word.lowercased()) {
                pos = p
                return try lexString(prefix: word.lowercased(), start: start)
            }
            pos = p
            if let k = Keyword(rawValue: word) { return Token(.keyword(k), start, end: location) }
            return Token(.name(word), start, end: location)
        }
        if c == "'" || c == "\"" { return try lexString(prefix: "", start: start) }
        if (c >= "0" && c <= "9") || (c == "." && (peekScalar(1).map { $0 >= "0" && $0 <= "9" } ?? false)) {
            return try lexNumber(start: start)
        }
        return try lexOperator(start: start)
    }

    private func lexOperator(start: SourceLocation) throws -> Token {
        let c = peekScalar()!
        for length in [3, 2] where pos + length <= scalars.count {
            let text = String(String.UnicodeScalarView(scalars[pos..<(pos + length)]))
            if (length == 3 ? Lexer.operators3 : Lexer.operators2).contains(text) {
                pos += length
                return Token(.op(text), start, end: location)
            }
        }
        guard Lexer.operators1.contains(c) else {
            if c == "!" || c == "$" || c == "?" || c == "`" {
                throw PySyntaxError(.syntaxError, "invalid syntax", at: start)
            }
            let hex = String(c.value, radix: 16, uppercase: true)
            let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            throw PySyntaxError(.syntaxError, "invalid character '\(c)' (U+\(code))", at: start)
        }
        pos += 1
        switch c {
        case "(", "[", "{":
            if brackets.count >= 200 {
                throw PySyntaxError(.syntaxError, "too many nested parentheses", at: start)
            }
            brackets.append((c, start))
        case ")", "]", "}":
            guard let open = brackets.popLast() else {
                throw PySyntaxError(.syntaxError, "unmatched '\(c)'", at: start)
            }
            let expected: Unicode.Scalar = open.scalar == "(" ? ")" : (open.scalar == "[" ? "]" : "}")
            if c != expected {
                if open.location.line != start.line {
                    throw PySyntaxError(.syntaxError, "closing parenthesis '\(c)' does not match opening parenthesis '\(open.scalar)' on line \(open.location.line)", at: start)
                }
                throw PySyntaxError(.syntaxError, "closing parenthesis '\(c)' does not match opening parenthesis '\(open.scalar)'", at: start)
            }
        default:
            break
        }
        return Token(.op(String(c)), start, end: location)
    }

    private func lexNumber(start: SourceLocation) throws -> Token {
        let begin = pos
        func digits(_ allowed: (Unicode.Scalar) -> Bool, kind: String) throws -> String {
            var out = ""
            var lastUnderscore = false
            while let d = peekScalar() {
                if d == "_" {
                    if lastUnderscore || out.isEmpty { throw PySyntaxError(.syntaxError, "invalid \(kind) literal", at: start) }
                    lastUnderscore = true
                    pos += 1
                    continue
                }
                guard allowed(d) else { break }
                out.unicodeScalars.append(d)
                lastUnderscore = false
                pos += 1
            }
            if lastUnderscore { throw PySyntaxError(.syntaxError, "invalid \(kind) literal", at: start) }
            return out
        }
        let isDecimal: (Unicode.Scalar) -> Bool = { $0 >= "0" && $0 <= "9" }
        if peekScalar() == "0", let x = peekScalar(1), "xXoObB".unicodeScalars.contains(x) {
            pos += 2
            if peekScalar() == "_" { pos += 1 }
            let (radix, kind): (Int, String) = (x == "x" || x == "X") ? (16, "hexadecimal") : ((x == "o" || x == "O") ? (8, "octal") : (2, "binary"))
            let text = try digits({ Int(String($0), radix: radix) != nil }, kind: kind)
            if text.isEmpty { throw PySyntaxError(.syntaxError, "invalid \(kind) literal", at: start) }
            if let next = peekScalar(), Lexer.isIdentifierContinue(next) {
                guard numberIsFollowedByKeyword() else { throw PySyntaxError(.syntaxError, "invalid \(kind) literal", at: start) }
                warn("invalid \(kind) literal", at: start)
            }
            guard let v = Int(text, radix: radix) else {
                throw UnsupportedFeature("integer literal beyond 64 bits", line: start.line)
            }
            return Token(.int(v), start, end: location)
        }
        var text = try digits(isDecimal, kind: "decimal")
        var isFloat = false
        if peekScalar() == "." {
            isFloat = true
            pos += 1
            text += "."
            if let d = peekScalar(), isDecimal(d) { text += try digits(isDecimal, kind: "decimal") }
        }
        if let e = peekScalar(), e == "e" || e == "E" {
            let save = pos
            pos += 1
            var exp = "e"
            if let s = peekScalar(), s == "+" || s == "-" {
                exp.unicodeScalars.append(s)
                pos += 1
            }
            let ds = try digits(isDecimal, kind: "decimal")
            if ds.isEmpty {
                pos = save
                if numberIsFollowedByKeyword() {
                    warn("invalid decimal literal", at: start)
                    return try finishDecimal(text, isFloat: isFloat, start: start)
                }
                throw PySyntaxError(.syntaxError, "invalid decimal literal", at: start)
            }
            text += exp + ds
            isFloat = true
        }
        if let j = peekScalar(), j == "j" || j == "J" {
            pos += 1
            return Token(.unsupportedLiteral("complex literal"), start, end: location)
        }
        if let n = peekScalar(), Lexer.isIdentifierStart(n) {
            guard numberIsFollowedByKeyword() else { throw PySyntaxError(.syntaxError, "invalid decimal literal", at: start) }
            warn("invalid decimal literal", at: start)
        }
        _ = begin
        return try finishDecimal(text, isFloat: isFloat, start: start)
    }

    /// CPython's `verify_end_of_number`: a number may run straight into `and`, `else`, `for`,
    /// `if`, `in`, `is`, `not` or `or` (with a SyntaxWarning), as in `1if x else 2`.
    private func numberIsFollowedByKeyword() -> Bool {
        func next(_ text: String) -> Bool {
            for (i, c) in text.unicodeScalars.enumerated() where peekScalar(i) != c { return false }
            return true
        }
        return next("and") || next("else") || next("for") || next("if") || next("in") || next("is")
            || next("not") || next("or")
    }

    private func finishDecimal(_ digits: String, isFloat: Bool, start: SourceLocation) throws -> Token {
        var text = digits
        if isFloat {
            if text.hasPrefix(".") { text = "0" + text }
            if text.hasSuffix(".") { text += "0" }
            text = text.replacingOccurrences(of: ".e", with: ".0e")
            guard let v = Double(text) else { throw PySyntaxError(.syntaxError, "invalid decimal literal", at: start) }
            return Token(.float(v), start, end: location)
        }
        if text.count > 1 && text.hasPrefix("0") && text.contains(where: { $0 != "0" }) {
            throw PySyntaxError(.syntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", at: start)
        }
        guard let v = Int(text) else {
            throw UnsupportedFeature("integer literal beyond 64 bits", line: start.line)
        }
        return Token(.int(v), start, end: location)
    }
}
