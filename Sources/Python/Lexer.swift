/// Turns lesson source into tokens, one at a time, as CPython's tokenizer does:
/// INDENT/DEDENT from an indent stack, NEWLINE only at the end of logical lines,
/// implicit line joining inside brackets and backslash continuation.
///
/// Full-line comments are kept (``commentLines``) because they narrate the lesson.
public final class Lexer {
    let scalars: [Unicode.Scalar]
    var pos = 0
    var line = 1
    var lineStart = 0
    var indentStack: [Int] = [0]
    /// The indentation columns counting a tab as one column, for TabError.
    var altIndentStack: [Int] = [0]
    /// The first line holding a NUL character (CPython refuses it when it reads that line).
    let firstNulLine: Int?
    var pending: [Token] = []
    var brackets: [(scalar: Unicode.Scalar, location: SourceLocation)] = []
    var atLineStart = true
    var emittedAny = false
    var lastWasNewline = true
    var finished = false
    /// The text of every comment that is alone on its line, by line number (with its `#`).
    public internal(set) var commentLines: [Int: String] = [:]
    /// The source split into lines, for error messages.
    public let lines: [Substring]
    /// SyntaxWarnings met so far (`1if x else 2`), by line.
    public internal(set) var warnings: [(line: Int, message: String)] = []
    /// True once the tokenizer itself has raised an error.
    public internal(set) var failed = false

    /// Creates a lexer over `source`, whose first character sits at `line`:`column`.
    public init(source: String, line: Int = 1, column: Int = 1) {
        let scalars = Array(source.unicodeScalars)
        self.scalars = scalars
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        self.line = line
        self.lineStart = 1 - column
        firstNulLine = scalars.firstIndex(of: "\0").map { nul in line + scalars[..<nul].lazy.filter { $0 == "\n" }.count }
    }

    /// Every token up to and including the end-of-file token.
    public func tokenize() throws -> [Token] {
        var out: [Token] = []
        while true {
            let t = try next()
            out.append(t)
            if t.kind == .endOfFile { return out }
        }
    }

    var location: SourceLocation { SourceLocation(line: line, column: pos - lineStart + 1) }

    /// At the end of the source, the line CPython's tokenizer is on: the last line read (a final
    /// newline does not start another).
    var lineAtEnd: Int { pos > 0 && scalars[pos - 1] == "\n" ? line - 1 : line }

    func peekScalar(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = pos + offset
        return i < scalars.count ? scalars[i] : nil
    }

    func error(_ message: String, at loc: SourceLocation? = nil, _ kind: PySyntaxError.Kind = .syntaxError) -> PySyntaxError {
        PySyntaxError(kind, message, at: loc ?? location)
    }

    /// The next token.
    public func next() throws -> Token {
        do {
            return try nextToken()
        } catch {
            failed = true
            throw error
        }
    }

    func warn(_ message: String, at loc: SourceLocation) {
        warnings.append((loc.line, message))
    }

    private func nextToken() throws -> Token {
        if !pending.isEmpty { return pending.removeFirst() }
        if finished { return Token(.endOfFile, location, end: location) }
        if let nulLine = firstNulLine, line >= nulLine {
            throw error("source code cannot contain null bytes", at: SourceLocation(line: nulLine, column: 1))
        }
        if atLineStart && brackets.isEmpty {
            if let t = try lexIndentation() { return t }
        }
        while true {
            guard let c = peekScalar() else { return try endOfInput() }
            switch c {
            case " ", "\t", "\u{0C}":
                pos += 1
            case "\\":
                if peekScalar(1) == "\n" {
                    pos += 2
                    newLine()
                } else if peekScalar(1) == "\r" && peekScalar(2) == "\n" {
                    pos += 3
                    newLine()
                } else if peekScalar(1) == nil {
                    throw error("unexpected EOF while parsing")
                } else {
                    throw error("unexpected character after line continuation character", at: SourceLocation(line: line, column: pos - lineStart + 2))
                }
            case "#":
                while let d = peekScalar(), d != "\n" { pos += 1 }
            case "\r":
                pos += 1
            case "\n":
                let loc = location
                pos += 1
                newLine()
                if brackets.isEmpty {
                    atLineStart = true
                    lastWasNewline = true
                    return Token(.newline, loc, end: SourceLocation(line: loc.line, column: loc.column + 1))
                }
            default:
                let t = try lexToken()
                emittedAny = true
                lastWasNewline = false
                return t
            }
        }
    }

    func newLine() {
        line += 1
        lineStart = pos
    }

    private func endOfInput() throws -> Token {
        if let open = brackets.last {
            throw error("'\(open.scalar)' was never closed", at: open.location)
        }
        let loc = lineAtEnd == line ? location
            : SourceLocation(line: lineAtEnd, column: (lines.count >= lineAtEnd ? lines[lineAtEnd - 1].unicodeScalars.count : 0) + 1)
        if !lastWasNewline {
            lastWasNewline = true
            pending.append(contentsOf: dedentsToZero(at: loc))
            return Token(.newline, loc, end: loc)
        }
        let dedents = dedentsToZero(at: loc)
        finished = true
        if let first = dedents.first {
            pending.append(contentsOf: dedents.dropFirst())
            pending.append(Token(.endOfFile, loc, end: loc))
            return first
        }
        return Token(.endOfFile, loc, end: loc)
    }

    private func dedentsToZero(at loc: SourceLocation) -> [Token] {
        var out: [Token] = []
        while indentStack.count > 1 {
            indentStack.removeLast()
            out.append(Token(.dedent, loc, end: loc))
        }
        return out
    }
}
