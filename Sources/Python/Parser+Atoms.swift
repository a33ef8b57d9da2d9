/// Atoms: names, literals, strings, f-strings, displays and comprehensions.
extension Parser {
    func parseAtom() throws -> Expr {
        let t = try peek()
        let loc = t.location
        switch t.kind {
        case .name(let n):
            try advance()
            return Expr(.name(n), loc)
        case .keyword(.None):
            try advance()
            return Expr(.none, loc)
        case .keyword(.True):
            try advance()
            return Expr(.bool(true), loc)
        case .keyword(.False):
            try advance()
            return Expr(.bool(false), loc)
        case .int(let i):
            try advance()
            return Expr(.int(i), loc)
        case .float(let d):
            try advance()
            return Expr(.float(d), loc)
        case .op("..."):
            try advance()
            return Expr(.ellipsis, loc)
        case .string, .fstring, .invalidLiteral:
            return try parseStrings()
        case .unsupportedLiteral(let what):
            throw UnsupportedFeature(what, line: loc.line)
        case .op("("):
            return try parseParenthesized()
        case .op("["):
            return try parseListDisplay()
        case .op("{"):
            return try parseBraceDisplay()
        case .keyword(.await):
            throw UnsupportedFeature("'await'", line: loc.line)
        default:
            throw try invalidSyntax()
        }
    }

    /// Adjacent string literals concatenate; any f-string makes the whole an f-string.
    private func parseStrings() throws -> Expr {
        let loc = try peek().location
        var nodes: [FStringNode] = []
        var isF = false
        var plain = ""
        while true {
            let t = try peek()
            if case .string(let s) = t.kind {
                plain += s
                nodes.append(.literal(s))
            } else if case .invalidLiteral(let error) = t.kind {
                throw error
            } else if case .fstring(let parts) = t.kind {
                isF = true
                nodes.append(contentsOf: try convertFString(parts))
            } else {
                break
            }
            try advance()
        }
        return isF ? Expr(.fstring(nodes), loc) : Expr(.string(plain), loc)
    }

    private func convertFString(_ parts: [FStringPart]) throws -> [FStringNode] {
        var out: [FStringNode] = []
        for part in parts {
            switch part {
            case .literal(let s):
                out.append(.literal(s))
            case .field(let f):
                let sub = Parser(source: "(" + f.expression + ")",
                                 line: f.location.line, column: f.location.column - 1)
                let e: Expr
                do {
                    sub.bracketDepth = 0
                    e = try sub.parseExpression()
                    let end = try sub.peek()
                    if end.kind != .newline && end.kind != .endOfFile { throw try sub.invalidSyntax() }
                } catch var err as PySyntaxError {
                    // The parser's errors inside a field are prefixed; the tokenizer's are not (CPython).
                    if !sub.lexer.failed && !err.message.hasPrefix("f-string") { err.message = "f-string: " + err.message }
                    throw err
                }
                out.append(.field(e, conversion: f.conversion, spec: try convertFString(f.spec), debugText: f.debugText))
            }
        }
        return out
    }

    private func parseParenthesized() throws -> Expr {
        let open = try advance()
        bracketDepth += 1
        defer { bracketDepth -= 1 }
        if try match(")") { return Expr(.tuple([]), open.location) }
        if try check("**") {
            let stars = try advance()
            if try parsesTentatively(parseExpression), try check(")") {
                throw syntaxError("cannot use double starred expression here", at: stars.location)
            }
            throw syntaxError("invalid syntax", at: stars.location)
        }
        if try check(.yield) {
            let y = try parseYieldExpression()
            if !(try match(")")) { throw try invalidSyntax() }
            return y
        }
        let first = try parseStarOrNamed()
        if try check(.for) {
            let gen = try parseComprehension(.generator(first), start: open.location)
            if !(try match(")")) { throw try invalidSyntax(commaHint: false) }
            return gen
        }
        if try match(")") {
            if case .starred = first.kind { throw syntaxError("cannot use starred expression here", at: first.location) }
            return first
        }
        guard try match(",") else { throw try invalidSyntax() }
        var items = [first]
        while !(try check(")")) {
            items.append(try parseStarOrNamed())
            if !(try match(",")) { break }
        }
        if !(try match(")")) { throw try invalidSyntax() }
        return Expr(.tuple(items), open.location)
    }

    private func parseStarOrNamed() throws -> Expr {
        let loc = try peek().location
        if try match("*") { return Expr(.starred(try parseBitwiseOr()), loc) }
        return try parseNamedExpression()
    }

    private func parseListDisplay() throws -> Expr {
        let open = try advance()
        bracketDepth += 1
        defer { bracketDepth -= 1 }
        if try match("]") { return Expr(.list([]), open.location) }
        let first = try parseStarOrNamed()
        if try check(.for) {
            let comp = try parseComprehension(.list(first), start: open.location)
            if !(try match("]")) { throw try invalidSyntax(commaHint: false) }
            return comp
        }
        var items = [first]
        while try match(",") {
            if try check("]") { break }
            items.append(try parseStarOrNamed())
        }
        if !(try match("]")) { throw try invalidSyntax() }
        return Expr(.list(items), open.location)
    }

    private func parseBraceDisplay() throws -> Expr {
        let open = try advance()
        bracketDepth += 1
        defer { bracketDepth -= 1 }
        if try match("}") { return Expr(.dict([]), open.location) }
        if try match("**") {
            var entries: [(key: Expr?, value: Expr)] = [(nil, try parseBitwiseOr())]
            try parseDictRest(&entries)
            return Expr(.dict(entries), open.location)
        }
        let first = try parseStarOrNamed()
        if try match(":") {
            if try check("}") || check(",") {
                throw syntaxError("expression expected after dictionary key and ':'", at: previous.location)
            }
            let value = try parseExpression()
            if try check(.for) {
                let comp = try parseComprehension(.dict(key: first, value: value), start: open.location)
                if !(try match("}")) { throw try invalidSyntax(commaHint: false) }
                return comp
            }
            var entries: [(key: Expr?, value: Expr)] = [(first, value)]
            try parseDictRest(&entries)
            return Expr(.dict(entries), open.location)
        }
        if try check(.for) {
            let comp = try parseComprehension(.set(first), start: open.location)
            if !(try match("}")) { throw try invalidSyntax(commaHint: false) }
            return comp
        }
        var items = [first]
        while try match(",") {
            if try check("}") { break }
            items.append(try parseStarOrNamed())
        }
        if !(try match("}")) { throw try invalidSyntax() }
        return Expr(.set(items), open.location)
    }

    private func parseDictRest(_ entries: inout [(key: Expr?, value: Expr)]) throws {
        while try match(",") {
            if try check("}") { break }
            if try match("**") {
                entries.append((nil, try parseBitwiseOr()))
                continue
            }
            let key = try parseExpression()
            if !(try match(":")) { throw syntaxError("':' expected after dictionary key", at: key.location) }
            if try check("}") || check(",") {
                throw syntaxError("expression expected after dictionary key and ':'", at: previous.location)
            }
            entries.append((key, try parseExpression()))
        }
        if !(try match("}")) { throw try invalidSyntax() }
    }

    /// `for target in iterable [if cond]...` clauses after the element of a comprehension.
    func parseComprehension(_ kind: ComprehensionKind, start: SourceLocation) throws -> Expr {
        switch kind {
        case .list(let e), .set(let e), .generator(let e):
            if case .starred = e.kind { throw syntaxError("iterable unpacking cannot be used in comprehension", at: e.location) }
        case .dict: break
        }
        var clauses: [ComprehensionClause] = []
        while try check(.for) || check(.async) {
            if try check(.async) { throw UnsupportedFeature("'async' comprehension", line: try peek().location.line) }
            try advance()
            let target = try parseTargetList()
            try validateAssignTarget(target, inAssignment: false)
            if !(try match(.in)) { throw try invalidSyntax() }
            // The iterable and the conditions are `or`-expressions, never followed by a comma hint.
            commaHintBlockedDepths.append(bracketDepth)
            defer { commaHintBlockedDepths.removeLast() }
            let iterable = try parseDisjunction()
            var conditions: [Expr] = []
            while try match(.if) { conditions.append(try parseDisjunction()) }
            clauses.append(ComprehensionClause(target: target, iterable: iterable, conditions: conditions))
        }
        return Expr(.comprehension(kind, clauses), start)
    }
}
