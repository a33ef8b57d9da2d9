/// Expressions, one method per level of the precedence ladder.
extension Parser {
    /// `star_expressions`: expressions separated by commas (a tuple when there are commas).
    func parseStarExpressions() throws -> Expr {
        let first = try parseStarExpression()
        lastStarExpressionsHadComma = false
        guard try check(",") else { return first }
        lastStarExpressionsHadComma = true
        var items = [first]
        while try match(",") {
            if !startsExpression(try peek()) { break }
            items.append(try parseStarExpression())
        }
        return Expr(.tuple(items), first.location)
    }

    func startsExpression(_ t: Token) -> Bool {
        switch t.kind {
        case .name, .int, .float, .string, .fstring, .invalidLiteral, .unsupportedLiteral: return true
        case .keyword(let k): return [.None, .True, .False, .not, .lambda, .await, .yield].contains(k)
        case .op(let o): return ["(", "[", "{", "-", "+", "~", "*", "...", "**"].contains(o)
        default: return false
        }
    }

    func parseStarExpression() throws -> Expr {
        let loc = try peek().location
        if try match("*") { return Expr(.starred(try parseBitwiseOr()), loc) }
        return try parseExpression()
    }

    /// An expression where `:=` would be allowed (reported as unsupported). Outside call
    /// arguments, an `=` after it is CPython's `invalid_named_expression` error.
    func parseNamedExpression(inCall: Bool = false) throws -> Expr {
        let e = try parseExpression()
        if try check(":=") {
            guard case .name(let name) = e.kind else { throw namedExpressionTargetError(e) }
            try advance()
            return Expr(.namedExpr(name, try parseExpression()), e.location)
        }
        if !inCall, try check("=") { throw try assignmentInExpression(e) }
        return e
    }

    /// CPython's error for `target := value` whose target is not a plain name.
    func namedExpressionTargetError(_ target: Expr) -> PySyntaxError {
        let what: String
        switch target.kind {
        case .attribute: what = "attribute"
        case .index: what = "subscript"
        default: what = Parser.describe(target)
        }
        return syntaxError("cannot use assignment expressions with \(what)", at: target.location)
    }

    /// Whether an expression starting like `e` is exempt from the comma hint (see
    /// ``excludedFromCommaHint(_:_:)``); only a plain name can be.
    func lastDisjunctionExcludedAt(_ e: Expr) -> Bool {
        guard case .name(let n) = e.kind else { return false }
        return ["match", "case", "_"].contains { $0.hasPrefix(n) }
    }

    /// The error for `target = value` where an expression was expected (`if a = 1:`).
    func assignmentInExpression(_ target: Expr) throws -> PySyntaxError {
        let equals = try advance()
        let generic = syntaxError("invalid syntax", at: equals.location)
        guard startsExpression(try peek()), try parsesTentatively(parseBitwiseOr), !(try check("=")), !(try check(":=")) else {
            return generic
        }
        switch target.kind {
        case .name:
            return syntaxError("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", at: target.location)
        case .list, .tuple, .bool, .none, .compare, .not, .boolOp, .conditional, .lambda, .starred, .yield, .yieldFrom:
            return generic
        case .comprehension(.generator, _):
            return generic
        default:
            return syntaxError("cannot assign to \(Parser.describe(target)) here. Maybe you meant '==' instead of '='?", at: target.location)
        }
    }

    /// `expression`: a conditional expression or a lambda.
    func parseExpression() throws -> Expr {
        if try check(.lambda) { return try parseLambda() }
        let body = try parseDisjunction()
        guard try check(.if) else { return body }
        try advance()
        let test = try parseDisjunction()
        guard try match(.else) else {
            if try check(":") { throw try invalidSyntax() }
            throw syntaxError("expected 'else' after 'if' expression", at: body.location)
        }
        let orelse = try parseExpression()
        return Expr(.conditional(test: test, body: body, orelse: orelse), body.location)
    }

    /// `yield [star_expressions]` or `yield from expression`, at the `yield` keyword.
    func parseYieldExpression() throws -> Expr {
        let start = try advance()
        if try match(.from) { return Expr(.yieldFrom(try parseExpression()), start.location) }
        let next = try peek()
        if startsExpression(next) && next.kind != .keyword(.yield) {
            return Expr(.yield(try parseStarExpressions()), start.location)
        }
        return Expr(.yield(nil), start.location)
    }

    /// The right-hand side of an assignment: a yield expression or `star_expressions`.
    func parseAssignedValue() throws -> Expr {
        if try check(.yield) { return try parseYieldExpression() }
        return try parseStarExpressions()
    }

    func parseLambda() throws -> Expr {
        let start = try advance()
        let params = try parseParameters(closing: ":", allowAnnotations: false)
        if !(try match(":")) { throw try invalidSyntax(commaHint: false) }
        let savedFunction = functionDepth
        functionDepth = 1
        defer { functionDepth = savedFunction }
        let body = try parseExpression()
        return Expr(.lambda(params, body), start.location)
    }

    func parseDisjunction() throws -> Expr {
        let head = try peek()
        var excluded = false
        if case .name = head.kind { excluded = excludedFromCommaHint(head, try peek(1)) }
        let first = try parseConjunction()
        defer {
            lastDisjunctionStart = first.location
            lastDisjunctionExcluded = excluded
        }
        guard try check(.or) else { return first }
        var items = [first]
        while try match(.or) { items.append(try parseConjunction()) }
        return Expr(.boolOp(isAnd: false, items), first.location)
    }

    func parseConjunction() throws -> Expr {
        let first = try parseInversion()
        guard try check(.and) else { return first }
        var items = [first]
        while try match(.and) { items.append(try parseInversion()) }
        return Expr(.boolOp(isAnd: true, items), first.location)
    }

    func parseInversion() throws -> Expr {
        var nots: [SourceLocation] = []
        while try check(.not) { nots.append(try advance().location) }
        var e = try parseComparison()
        for loc in nots.reversed() { e = Expr(.not(e), loc) }
        return e
    }

    func parseComparison() throws -> Expr {
        let first = try parseBitwiseOr()
        var ops: [(CompareOperator, Expr)] = []
        while true {
            let op: CompareOperator
            let t = try peek()
            switch t.kind {
            case .op("<"): op = .rich(.lt)
            case .op("<="): op = .rich(.le)
            case .op("=="): op = .rich(.eq)
            case .op("!="): op = .rich(.ne)
            case .op(">"): op = .rich(.gt)
            case .op(">="): op = .rich(.ge)
            case .keyword(.in): op = .in
            case .keyword(.is):
                if try peek(1).kind == .keyword(.not) {
                    try advance()
                    op = .isNot
                } else {
                    op = .is
                }
            case .keyword(.not):
                guard try peek(1).kind == .keyword(.in) else { return finish(first, ops) }
                try advance()
                op = .notIn
            default:
                return finish(first, ops)
            }
            try advance()
            ops.append((op, try parseBitwiseOr()))
        }
    }

    private func finish(_ first: Expr, _ ops: [(CompareOperator, Expr)]) -> Expr {
        ops.isEmpty ? first : Expr(.compare(first, ops), first.location)
    }

    private func parseBinaryLevel(_ operators: [String: PyBinaryOp], _ next: () throws -> Expr) throws -> Expr {
        var left = try next()
        while case .op(let o) = try peek().kind, let op = operators[o] {
            try advance()
            let right = try next()
            left = Expr(.binary(left, op, right), left.location)
        }
        return left
    }

    func parseBitwiseOr() throws -> Expr { try parseBinaryLevel(["|": .or], parseBitwiseXor) }
    func parseBitwiseXor() throws -> Expr { try parseBinaryLevel(["^": .xor], parseBitwiseAnd) }
    func parseBitwiseAnd() throws -> Expr { try parseBinaryLevel(["&": .and], parseShift) }
    func parseShift() throws -> Expr { try parseBinaryLevel(["<<": .lshift, ">>": .rshift], parseSum) }
    func parseSum() throws -> Expr { try parseBinaryLevel(["+": .add, "-": .sub], parseTerm) }
    func parseTerm() throws -> Expr {
        try parseBinaryLevel(["*": .mul, "/": .truediv, "//": .floordiv, "%": .mod, "@": .matmul], parseFactor)
    }

    func parseFactor() throws -> Expr {
        let t = try peek()
        let op: PyUnaryOp
        switch t.kind {
        case .op("-"): op = .neg
        case .op("+"): op = .pos
        case .op("~"): op = .invert
        default: return try parsePower()
        }
        try advance()
        let operand = try parseFactor()
        if op == .neg {
            if case .int(let i) = operand.kind, i != Int.min { return Expr(.int(-i), t.location) }
            if case .float(let d) = operand.kind { return Expr(.float(-d), t.location) }
        }
        return Expr(.unary(op, operand), t.location)
    }

    func parsePower() throws -> Expr {
        if try check(.await) { throw UnsupportedFeature("'await'", line: try peek().location.line) }
        let base = try parsePrimary()
        guard try match("**") else { return base }
        let exponent = try parseFactor()
        return Expr(.binary(base, .pow, exponent), base.location)
    }

    /// An atom followed by `.name`, `(args)` and `[subscript]` trailers.
    func parsePrimary() throws -> Expr {
        var e = try parseAtom()
        while true {
            if try match(".") {
                let t = try peek()
                guard case .name(let n) = t.kind else { throw try invalidSyntax() }
                try advance()
                e = Expr(.attribute(e, n), e.location)
            } else if try check("(") {
                try advance()
                bracketDepth += 1
                let args = try parseArguments()
                bracketDepth -= 1
                e = Expr(.call(e, args), e.location)
            } else if try check("[") {
                // `x[]` inside brackets reads to CPython as `x` followed by an empty list.
                if bracketDepth > 0, try peek(1).kind == .op("]"), !lastDisjunctionExcludedAt(e) {
                    throw syntaxError("invalid syntax. Perhaps you forgot a comma?", at: e.location)
                }
                try advance()
                bracketDepth += 1
                let index = try parseSubscript()
                if !(try match("]")) { throw try invalidSyntax() }
                bracketDepth -= 1
                e = Expr(.index(e, index), e.location)
            } else {
                return e
            }
        }
    }

    /// Call arguments after `(`, through the closing `)`.
    func parseArguments() throws -> [Argument] {
        var args: [Argument] = []
        var sawKeyword = false
        var sawDoubleStar = false
        while !(try check(")")) {
            let loc = try peek().location
            if try match("**") {
                args.append(.doubleStar(try parseExpression()))
                sawDoubleStar = true
            } else if try match("*") {
                if sawDoubleStar {
                    throw syntaxError("iterable argument unpacking follows keyword argument unpacking", at: loc)
                }
                args.append(.star(try parseExpression()))
            } else if case .name(let n) = try peek().kind, try peek(1).kind == .op("=") {
                try advance()
                try advance()
                args.append(.keyword(n, try parseExpression()))
                sawKeyword = true
            } else {
                let e = try parseNamedExpression(inCall: true)
                if try check(.for) {
                    let gen = try parseComprehension(.generator(e), start: e.location)
                    let comma = try check(",")
                    let closeAfterComma = try peek(1).kind == .op(")")
                    if !args.isEmpty || (comma && !closeAfterComma) {
                        throw syntaxError("Generator expression must be parenthesized", at: e.location)
                    }
                    args.append(.positional(gen))
                } else {
                    if try check("=") {
                        throw syntaxError("expression cannot contain assignment, perhaps you meant \"==\"?", at: e.location)
                    }
                    // An argument that is not complete is reported by the generic rules first.
                    if sawDoubleStar || sawKeyword, !(try check(",")), !(try check(")")) { throw try invalidSyntax() }
                    if sawDoubleStar {
                        throw syntaxError("positional argument follows keyword argument unpacking", at: e.location)
                    }
                    if sawKeyword {
                        throw syntaxError("positional argument follows keyword argument", at: e.location)
                    }
                    args.append(.positional(e))
                }
            }
            if !(try match(",")) { break }
        }
        if !(try match(")")) { throw try invalidSyntax() }
        return args
    }

    /// The inside of `[...]` after a primary: one index, a slice, or a tuple of them.
    func parseSubscript() throws -> Expr {
        let first = try parseSliceItem()
        guard try check(",") else { return first }
        var items = [first]
        while try match(",") {
            if try check("]") { break }
            items.append(try parseSliceItem())
        }
        return Expr(.tuple(items), first.location)
    }

    private func parseSliceItem() throws -> Expr {
        let loc = try peek().location
        var lower: Expr?
        if !(try check(":")) {
            if try check("*") { return Expr(.starred(try { try advance(); return try parseBitwiseOr() }()), loc) }
            lower = try parseNamedExpression()
            if !(try check(":")) { return lower! }
        }
        try consume(":")
        var upper: Expr?
        let upperAbsent = try check(":") || check("]") || check(",")
        if !upperAbsent { upper = try parseExpression() }
        var step: Expr?
        if try match(":") {
            let stepAbsent = try check("]") || check(",")
            if !stepAbsent { step = try parseExpression() }
        }
        return Expr(.slice(lower, upper, step), loc)
    }
}
