/// A SyntaxError, IndentationError or TabError found while reading the lesson, laid out as CPython does.
public struct PySyntaxError: Error, Equatable {
    /// The exception class CPython raises.
    public enum Kind: String, Sendable {
        case syntaxError = "SyntaxError"
        case indentationError = "IndentationError"
        case tabError = "TabError"
    }

    /// The exception class.
    public var kind: Kind
    /// The text after `SyntaxError: `.
    public var message: String
    /// Where the caret points.
    public var location: SourceLocation
    /// The column one past the end of the offending range, for the caret line.
    public var endColumn: Int?

    /// Creates a syntax error report.
    public init(_ kind: Kind = .syntaxError, _ message: String, at location: SourceLocation, endColumn: Int? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.endColumn = endColumn
    }

    /// The lines CPython prints: `File ..., line N`, the source line, the caret line, `Kind: message`.
    public func formatted(fileName: String, sourceLines: [Substring]) -> String {
        var out = "  File \"\(fileName)\", line \(location.line)\n"
        if location.line >= 1 && location.line <= sourceLines.count {
            let raw = String(sourceLines[location.line - 1])
            let stripped = raw.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
            let removed = raw.unicodeScalars.count - stripped.unicodeScalars.count
            let text = String(stripped).trimmingTrailingNewline()
            if !text.isEmpty {
                out += "    \(text)\n"
                let start = max(1, location.column - removed)
                var width = 1
                if let e = endColumn, e - removed > start { width = e - removed - start }
                out += "    " + String(repeating: " ", count: start - 1) + String(repeating: "^", count: width) + "\n"
            }
        }
        out += "\(kind.rawValue): \(message)\n"
        return out
    }
}

extension String {
    func trimmingTrailingNewline() -> String {
        var s = self
        while let last = s.unicodeScalars.last, last == "\n" || last == "\r" || last == " " || last == "\t" {
            s.unicodeScalars.removeLast()
        }
        return s
    }
}
