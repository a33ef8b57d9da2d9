/// String literals: quotes, triple quotes, prefixes, escapes and f-string fields.
extension Lexer {
    func lexString(prefix: String, start: SourceLocation) throws -> Token {
        let raw = prefix.contains("r")
        let isF = prefix.contains("f")
        let quote = peekScalar()!
        let triple = peekScalar(1) == quote && peekScalar(2) == quote
        pos += triple ? 3 : 1
        var content: [Unicode.Scalar] = []
        var locations: [SourceLocation] = []
        while true {
            guard let c = peekScalar() else {
                if triple {
                    throw PySyntaxError(.syntaxError, "unterminated triple-quoted string literal (detected at line \(lineAtEnd))", at: start)
                }
                throw PySyntaxError(.syntaxError, "unterminated string literal (detected at line \(lineAtEnd))", at: start)
            }
            if c == quote {
                if !triple {
                    pos += 1
                    break
                }
                if peekScalar(1) == quote && peekScalar(2) == quote {
                    pos += 3
                    break
                }
            }
            if c == "\n" && !triple {
                throw PySyntaxError(.syntaxError, "unterminated string literal (detected at line \(line))", at: start)
            }
            if c == "\\", let n = peekScalar(1) {
                content.append(c)
                locations.append(location)
                pos += 1
                if n == "\n" {
                    content.append(n)
                    locations.append(location)
                    pos += 1
                    newLine()
                } else {
                    content.append(n)
                    locations.append(location)
                    pos += 1
                }
                continue
            }
            content.append(c)
            locations.append(location)
            pos += 1
            if c == "\n" { newLine() }
        }
        let end = location
        // A bytes literal is read to its end first, so that an unterminated one is CPython's SyntaxError.
        if prefix.contains("b") { return Token(.unsupportedLiteral("bytes literal"), start, end: end) }
        do {
            if isF {
                var i = 0
                let parts = try parseFString(content, locations, &i, raw: raw, inSpec: false, start: start)
                return Token(.fstring(parts), start, end: end)
            }
            return Token(.string(raw ? String(String.UnicodeScalarView(content)) : try decodeEscapes(content[...], at: start)), start, end: end)
        } catch let e as PySyntaxError {
            return Token(.invalidLiteral(e), start, end: end)
        }
    }

    /// Decodes backslash escapes as Python does for non-raw literals.
    func decodeEscapes(_ s: ArraySlice<Unicode.Scalar>, at loc: SourceLocation) throws -> String {
        var out = String.UnicodeScalarView()
        var i = s.startIndex
        func hexValue(_ count: Int, _ what: String) throws -> Unicode.Scalar {
            // CPython names the bytes from the backslash to the last hex digit read.
            var valid = 0
            while valid < count, i + 1 + valid < s.endIndex, s[i + 1 + valid].properties.isASCIIHexDigit { valid += 1 }
            let backslash = i - 1 - s.startIndex
            guard valid == count else {
                throw PySyntaxError(.syntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position \(backslash)-\(backslash + 1 + valid): truncated \(what) escape", at: loc)
            }
            let digits = String(String.UnicodeScalarView(s[(i + 1)...(i + count)]))
            guard let v = UInt32(digits, radix: 16), let u = Unicode.Scalar(v) else {
                throw PySyntaxError(.syntaxError, "(unicode error) 'unicodeescape' codec can't decode bytes in position \(backslash)-\(backslash + 1 + count): illegal Unicode character", at: loc)
            }
            i += count
            return u
        }
        while i < s.endIndex {
            let c = s[i]
            guard c == "\\", i + 1 < s.endIndex else {
                out.append(c)
                i += 1
                continue
            }
            i += 1
            let e = s[i]
            switch e {
            case "\n": break
            case "\\": out.append("\\")
            case "'": out.append("'")
            case "\"": out.append("\"")
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "v": out.append("\u{0B}")
            case "x": out.append(try hexValue(2, "\\xXX"))
            case "u": out.append(try hexValue(4, "\\uXXXX"))
            case "U": out.append(try hexValue(8, "\\UXXXXXXXX"))
            case "N": throw UnsupportedFeature("\\N{...} escape", line: loc.line)
            case "0"..."7":
                var v: UInt32 = 0
                var n = 0
                while n < 3, i < s.endIndex, s[i] >= "0", s[i] <= "7" {
                    v = v * 8 + (s[i].value - 48)
                    i += 1
                    n += 1
                }
                i -= 1
                out.append(Unicode.Scalar(v)!)
            default:
                out.append("\\")
                out.append(e)
            }
            i += 1
        }
        return String(out)
    }

    /// Splits f-string content into literal text and fields; in a format spec, stops at the
    /// closing `}` of the enclosing field.
    func parseFString(_ s: [Unicode.Scalar], _ locs: [SourceLocation], _ i: inout Int, raw: Bool,
                      inSpec: Bool, start: SourceLocation) throws -> [FStringPart] {
        var parts: [FStringPart] = []
        var literal: [Unicode.Scalar] = []
        func flush() throws {
            if literal.isEmpty { return }
            let text = raw ? String(String.UnicodeScalarView(literal)) : try decodeEscapes(literal[...], at: start)
            parts.append(.literal(text))
            literal.removeAll()
        }
        func fail(_ message: String) -> PySyntaxError {
            PySyntaxError(.syntaxError, "f-string: \(message)", at: start)
        }
        while i < s.count {
            let c = s[i]
            if c == "{" {
                if !inSpec && i + 1 < s.count && s[i + 1] == "{" {
                    literal.append("{")
                    i += 2
                    continue
                }
                try flush()
                i += 1
                parts.append(.field(try parseFStringField(s, locs, &i, raw: raw, start: start)))
                continue
            }
            if c == "}" {
                if inSpec { break }
                if i + 1 < s.count && s[i + 1] == "}" {
                    literal.append("}")
                    i += 2
                    continue
                }
                throw fail("single '}' is not allowed")
            }
            literal.append(c)
            i += 1
        }
        try flush()
        return parts
    }

    private func parseFStringField(_ s: [Unicode.Scalar], _ locs: [SourceLocation], _ i: inout Int, raw: Bool,
                                   start: SourceLocation) throws -> FStringField {
        func fail(_ message: String) -> PySyntaxError {
            PySyntaxError(.syntaxError, "f-string: \(message)", at: start)
        }
        let exprStart = i
        var open: [Unicode.Scalar] = []
        var quote: Unicode.Scalar?
        var exprEnd = -1
        var debug = false
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
                i += 1
                continue
            }
            if c == "\\" {
                throw PySyntaxError(.syntaxError, "f-string expression part cannot include a backslash", at: start)
            }
            if c == "#" {
                throw PySyntaxError(.syntaxError, "f-string expression part cannot include '#'", at: start)
            }
            if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" || c == "[" || c == "{" {
                open.append(c)
            } else if c == ")" || c == "]" || c == "}" {
                guard let opener = open.popLast() else {
                    if c == "}" {
                        exprEnd = i
                        break
                    }
                    throw fail("unmatched '\(c)'")
                }
                if (opener, c) != ("(", ")") && (opener, c) != ("[", "]") && (opener, c) != ("{", "}") {
                    throw fail("closing parenthesis '\(c)' does not match opening parenthesis '\(opener)'")
                }
            } else if open.isEmpty {
                let next = i + 1 < s.count ? s[i + 1] : nil
                if c == "!" && next != "=" {
                    exprEnd = i
                    break
                }
                if c == ":" {
                    exprEnd = i
                    break
                }
                if c == "=" && next != "=" {
                    let prev = i > exprStart ? s[i - 1] : nil
                    if prev != "=" && prev != "!" && prev != "<" && prev != ">" {
                        debug = true
                        exprEnd = i
                        break
                    }
                }
            }
            i += 1
        }
        if exprEnd < 0 { throw fail(quote == nil ? "expecting '}'" : "unterminated string") }
        let exprText = String(String.UnicodeScalarView(s[exprStart..<exprEnd]))
        if exprText.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) {
            throw fail("empty expression not allowed")
        }
        var field = FStringField(expression: exprText, location: locs[exprStart], conversion: nil, spec: [], debugText: nil)
        i = exprEnd
        if debug {
            i += 1
            var j = i
            while j < s.count && (s[j] == " " || s[j] == "\t") { j += 1 }
            field.debugText = String(String.UnicodeScalarView(s[exprStart..<j]))
            i = j
        }
        if i < s.count && s[i] == "!" {
            i += 1
            guard i < s.count else { throw fail("expecting '}'") }
            guard s[i] == "r" || s[i] == "s" || s[i] == "a" else {
                throw fail("invalid conversion character: expected 's', 'r', or 'a'")
            }
            field.conversion = Character(s[i])
            i += 1
        }
        if i < s.count && s[i] == ":" {
            i += 1
            field.spec = try parseFString(s, locs, &i, raw: raw, inSpec: true, start: start)
        }
        guard i < s.count, s[i] == "}" else { throw fail("expecting '}'") }
        i += 1
        return field
    }
}
