/// A recursive-descent parser for the Python subset, one method per grammar rule.
///
/// Tokens are pulled from the ``Lexer`` on demand, so errors are reported in source order
/// as CPython reports them. Statement lists are parsed iteratively; only nesting recurses.
public final class Parser {
    let lexer: Lexer
    var lookahead: [Token] = []
    var previous: Token
    var loopDepth = 0
    var functionDepth = 0
    var bracketDepth = 0
    /// The bracket depths at which parameters or comprehension clauses are being parsed (no
    /// comma hint at that level; deeper brackets are expressions again).
    var commaHintBlockedDepths: [Int] = []
    /// Where the last complete `or`-expression started, for the comma hint's location.
    var lastDisjunctionStart: SourceLocation?
    /// Whether that expression starts in a way CPython exempts from the comma hint.
    var lastDisjunctionExcluded = false
    /// Whether the last `star_expressions` was a tuple written without parentheses.
    var lastStarExpressionsHadComma = false
    /// What the last successful ``parsesTentatively(_:)`` parsed.
    var lastParsedExpression = Expr(.none, SourceLocation(line: 0, column: 0))
    /// The first error of the compile phase met while parsing (see ``deferError(_:)``).
    var deferredError: PySyntaxError?
    /// The line of the furthest token read, which decides whether an unclosed bracket
    /// found after a syntax error is reported instead (CPython compares its last token).
    var lastFetchedLine = 0

    /// Creates a parser over `source`, whose first character sits at `line`:`column`
    /// (f-string fields are parsed from inside their string).
    public init(source: String, line: Int = 1, column: Int = 1) {
        self.lexer = Lexer(source: source, line: line, column: column)
        let start = SourceLocation(line: line, column: column)
        self.previous = Token(.newline, start, end: start)
    }

    /// Full-line comments seen so far, by line.
    public var commentLines: [Int: String] { lexer.commentLines }

    /// The source lines.
    public var sourceLines: [Substring] { lexer.lines }

    /// Parses a whole module.
    ///
    /// After an error of the parser (not of the tokenizer), the rest of the source is
    /// tokenized as CPython does, and a tokenizer error found there (an unterminated string, an
    /// unmatched bracket) is reported instead; a bracket left open at the end only when it was
    /// opened on an earlier line than the parser's error, and indentation errors never.
    public func parseModule() throws -> [Stmt] {
        do {
            let body = try parseStatements()
            if let deferredError { throw deferredError }
            return body
        } catch let e as PySyntaxError where e == deferredError {
            throw e
        } catch let e as PySyntaxError where !lexer.failed && e.message != "unexpected indent" && e.message != "unexpected unindent" {
            do {
                while try lexer.next().kind != .endOfFile {}
            } catch let later as PySyntaxError {
                if later.kind == .indentationError || later.kind == .tabError { throw e }
                if later.message.hasSuffix("was never closed") && later.location.line >= lastFetchedLine { throw e }
                throw later
            }
            throw e
        }
    }

    /// The tokenizer's SyntaxWarnings (`invalid decimal literal` before a keyword), by line.
    public var warnings: [(line: Int, message: String)] { lexer.warnings }

    private func parseStatements() throws -> [Stmt] {
        var body: [Stmt] = []
        while true {
            let t = try peek()
            if t.kind == .endOfFile { break }
            if t.kind == .newline {
                try advance()
                continue
            }
            body.append(contentsOf: try parseStatement())
        }
        return body
    }

    // MARK: helpers

    func peek(_ offset: Int = 0) throws -> Token {
        while lookahead.count <= offset {
            let t = try lexer.next()
            lastFetchedLine = t.location.line
            lookahead.append(t)
        }
        return lookahead[offset]
    }

    @discardableResult
    func advance() throws -> Token {
        let t = try peek()
        lookahead.removeFirst()
        previous = t
        return t
    }

    func check(_ op: String) throws -> Bool {
        if case .op(let o) = try peek().kind { return o == op }
        return false
    }

    func check(_ keyword: Keyword) throws -> Bool {
        if case .keyword(let k) = try peek().kind { return k == keyword }
        return false
    }

    func match(_ op: String) throws -> Bool {
        if try check(op) {
            try advance()
            return true
        }
        return false
    }

    func match(_ keyword: Keyword) throws -> Bool {
        if try check(keyword) {
            try advance()
            return true
        }
        return false
    }

    @discardableResult
    func consume(_ op: String) throws -> Token {
        if try check(op) { return try advance() }
        throw try invalidSyntax()
    }

    @discardableResult
    func consume(_ keyword: Keyword) throws -> Token {
        if try check(keyword) { return try advance() }
        throw try invalidSyntax()
    }

    func syntaxError(_ message: String, at loc: SourceLocation, _ kind: PySyntaxError.Kind = .syntaxError) -> PySyntaxError {
        PySyntaxError(kind, message, at: loc)
    }

    /// CPython's generic error at the current token, with its comma hint inside brackets.
    /// CPython's generic error at the current token. Inside brackets, an expression followed
    /// by another is "Perhaps you forgot a comma?", located at the first expression (CPython's
    /// `invalid_expression`); not where the grammar reads targets, parameters or a
    /// comprehension's clauses, which are not expressions there.
    func invalidSyntax(commaHint: Bool = true) throws -> PySyntaxError {
        let t = try peek()
        if t.kind == .indent { return syntaxError("unexpected indent", at: t.location, .indentationError) }
        if t.kind == .dedent { return syntaxError("unexpected unindent", at: t.location, .indentationError) }
        let generic = syntaxError("invalid syntax", at: t.location)
        if commaHint && commaHintBlockedDepths.last != bracketDepth && bracketDepth > 0 && startsCommaHintOperand(t)
            && previousEndsExpression() && !lastDisjunctionExcluded {
            // Only when what follows is itself a complete expression.
            let first = lastDisjunctionStart ?? t.location
            let operand: () throws -> Expr = t.kind == .keyword(.lambda) ? parseLambda : parseDisjunction
            guard try parsesTentatively(operand) else { return generic }
            return syntaxError("invalid syntax. Perhaps you forgot a comma?", at: first)
        }
        return generic
    }

    /// Parses ahead to decide which error to report: true when `parse` succeeds. A
    /// tokenizer error met on the way is thrown, as CPython's tokenizer errors come first.
    func parsesTentatively(_ parse: () throws -> Expr) throws -> Bool {
        do {
            lastParsedExpression = try parse()
            return true
        } catch let e as PySyntaxError where lexer.failed {
            throw e
        } catch {
            return false
        }
    }

    /// Records an error CPython's compiler reports after the whole file has parsed
    /// (`'return' outside function`); a later syntax error wins over it.
    func deferError(_ e: PySyntaxError) {
        if deferredError == nil { deferredError = e }
    }

    /// A token that can start the second expression of "Perhaps you forgot a comma?" (one
    /// that could not have continued the first).
    func startsCommaHintOperand(_ t: Token) -> Bool {
        startsAtom(t) || t.kind == .keyword(.lambda) || t.kind == .keyword(.not)
    }

    /// CPython 3.11 skips the comma hint after an expression starting with a name followed by
    /// a string (`f"..."`-like), or with a name that its soft-keyword check takes for `match`,
    /// `case` or `_` (it compares only the name's length: `m`, `ca`, `_`).
    func excludedFromCommaHint(_ first: Token, _ second: Token) -> Bool {
        guard case .name(let n) = first.kind else { return false }
        switch second.kind {
        case .string, .fstring, .invalidLiteral, .unsupportedLiteral: return true
        default: break
        }
        return ["match", "case", "_"].contains { $0.hasPrefix(n) }
    }

    func startsAtom(_ t: Token) -> Bool {
        switch t.kind {
        case .name, .int, .float, .string, .fstring, .invalidLiteral, .unsupportedLiteral: return true
        case .keyword(let k): return k == .None || k == .True || k == .False
        case .op(let o): return o == "(" || o == "[" || o == "{"
        default: return false
        }
    }

    func previousEndsExpression() -> Bool {
        switch previous.kind {
        case .name, .int, .float, .string, .fstring, .invalidLiteral, .unsupportedLiteral: return true
        case .keyword(let k): return k == .None || k == .True || k == .False
        case .op(let o): return o == ")" || o == "]" || o == "}"
        default: return false
        }
    }

    func expectName() throws -> String {
        let t = try peek()
        if case .name(let n) = t.kind {
            try advance()
            return n
        }
        throw try invalidSyntax()
    }
}
