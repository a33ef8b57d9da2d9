/// Indentation at the start of logical lines: INDENT and DEDENT tokens from the indent stack.
extension Lexer {
    /// Measures the indentation of the next non-blank line; returns an INDENT or the first of
    /// its DEDENTs (the rest wait in the pending queue), or nil when the level is unchanged.
    func lexIndentation() throws -> Token? {
        while true {
            // The column with tabs to multiples of 8, and with tabs as one space: CPython
            // requires both to order lines the same way (else TabError).
            var column = 0, altColumn = 0
            var p = pos
            while p < scalars.count {
                switch scalars[p] {
                case " ":
                    column += 1
                    altColumn += 1
                case "\t":
                    column = (column / 8 + 1) * 8
                    altColumn += 1
                case "\u{0C}":
                    column = 0
                    altColumn = 0
                default: break
                }
                if scalars[p] != " " && scalars[p] != "\t" && scalars[p] != "\u{0C}" { break }
                p += 1
            }
            if p >= scalars.count {
                pos = p
                atLineStart = false
                return nil
            }
            let c = scalars[p]
            if c == "#" || c == "\n" || c == "\r" {
                if c == "#" {
                    var e = p
                    while e < scalars.count && scalars[e] != "\n" { e += 1 }
                    var text = String(String.UnicodeScalarView(scalars[p..<e]))
                    if text.hasSuffix("\r") { text.removeLast() }
                    commentLines[line] = text
                    p = e
                }
                while p < scalars.count && scalars[p] != "\n" { p += 1 }
                if p < scalars.count {
                    pos = p + 1
                    newLine()
                    continue
                }
                pos = p
                atLineStart = false
                return nil
            }
            pos = p
            atLineStart = false
            let loc = location
            let current = indentStack.last ?? 0, altCurrent = altIndentStack.last ?? 0
            let tabError = PySyntaxError(.tabError, "inconsistent use of tabs and spaces in indentation", at: loc)
            if column > current {
                if altColumn <= altCurrent { throw tabError }
                if indentStack.count >= 100 {
                    throw PySyntaxError(.indentationError, "too many levels of indentation", at: loc)
                }
                indentStack.append(column)
                altIndentStack.append(altColumn)
                return Token(.indent, SourceLocation(line: line, column: 1), end: loc)
            }
            if column < current {
                var dedents: [Token] = []
                while let last = indentStack.last, column < last {
                    indentStack.removeLast()
                    altIndentStack.removeLast()
                    dedents.append(Token(.dedent, loc, end: loc))
                }
                if indentStack.last != column {
                    throw PySyntaxError(.indentationError, "unindent does not match any outer indentation level",
                                        at: SourceLocation(line: line, column: pos - lineStart + 1))
                }
                if altIndentStack.last != altColumn { throw tabError }
                pending.append(contentsOf: dedents.dropFirst())
                return dedents.first
            }
            if altColumn != altCurrent { throw tabError }
            return nil
        }
    }
}
