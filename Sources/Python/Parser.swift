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
    /// Unary operators, `not`s, `**` exponents, `else` branches and lambda bodies nested so far
    /// (brackets are limited by the lexer): each level is a level of recursion here and in
    /// the compiler.
    var expressionNesting = 0

    /// CPython's compiler refuses an expression nested this deep ("maximum recursion depth
    /// exceeded during compilation"): its limit of 3000 levels, less the module and statement.
    static let maxExpressionNesting = 2998

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
    /// A generic "invalid syntax" is replaced by a tokenizer error found further on (an
    /// unclosed bracket, an unterminated string), as CPython reports it.
    public func parseModule() throws -> [Stmt] {
        do {
            return try parseStatements()
        } catch let e as PySyntaxError where e.message.hasPrefix("invalid syntax") {
            while true {
                let t = try lexer.next()
                if t.kind == .endOfFile { break }
            }
            throw e
        }
    }

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

    /// Parses one more level of expression nesting (`levels` at once for a run of `not`s),
    /// refusing depths past CPython's limit before the recursion could exhaust the stack.
    func nested<T>(_ levels: Int = 1, _ body: () throws -> T) throws -> T {
        expressionNesting += levels
        defer { expressionNesting -= levels }
        if expressionNesting > Parser.maxExpressionNesting {
            throw PyException(.recursionError, "maximum recursion depth exceeded during compilation")
        }
        return try body()
    }

    func peek(_ offset: Int = 0) throws -> Token {
        while lookahead.count <= offset { lookahead.append(try lexer.next()) }
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
    func invalidSyntax() throws -> PySyntaxError {
        let t = try peek()
        if t.kind == .indent { return syntaxError("unexpected indent", at: t.location, .indentationError) }
        if bracketDepth > 0 && startsAtom(t) && previousEndsExpression() {
            return syntaxError("invalid syntax. Perhaps you forgot a comma?", at: t.location)
        }
        return syntaxError("invalid syntax", at: t.location)
    }

    func startsAtom(_ t: Token) -> Bool {
        switch t.kind {
        case .name, .int, .float, .string, .fstring: return true
        case .keyword(let k): return k == .None || k == .True || k == .False
        case .op(let o): return o == "(" || o == "[" || o == "{"
        default: return false
        }
    }

    func previousEndsExpression() -> Bool {
        switch previous.kind {
        case .name, .int, .float, .string, .fstring: return true
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
