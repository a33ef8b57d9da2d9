/// Statements: simple statements, compound statements and blocks.
extension Parser {
    /// One logical line of simple statements, or one compound statement.
    func parseStatement() throws -> [Stmt] {
        let t = try peek()
        switch t.kind {
        case .indent:
            throw syntaxError("unexpected indent", at: try peek(1).location, .indentationError)
        case .keyword(.def): return [try parseFunctionDef(decorators: [])]
        case .keyword(.class): return [try parseClassDef(decorators: [])]
        case .keyword(.if): return [try parseIf()]
        case .keyword(.while): return [try parseWhile()]
        case .keyword(.for): return [try parseFor()]
        case .keyword(.try): return [try parseTry()]
        case .keyword(.with): return [try parseWith()]
        case .keyword(.async): throw UnsupportedFeature("'async'", line: t.location.line)
        case .op("@"): return [try parseDecorated()]
        case .name("match"):
            let next = try peek(1)
            let startsSubject: Bool
            switch next.kind {
            case .name, .int, .float, .string, .fstring, .invalidLiteral, .unsupportedLiteral, .keyword(.None), .keyword(.True), .keyword(.False): startsSubject = true
            case .op(let o): startsSubject = o == "(" || o == "[" || o == "{" || o == "-"
            default: startsSubject = false
            }
            if startsSubject, try lineEndsWithColon(), try lineIsFollowedByIndent() {
                throw UnsupportedFeature("'match' statement", line: t.location.line)
            }
        case .keyword(.elif), .keyword(.else), .keyword(.except), .keyword(.finally):
            throw syntaxError("invalid syntax", at: t.location)
        default: break
        }
        return try parseSimpleStatements()
    }

    private func lineIsFollowedByIndent() throws -> Bool {
        var i = 0
        while true {
            let t = try peek(i)
            if t.kind == .endOfFile { return false }
            if t.kind == .newline { return try peek(i + 1).kind == .indent }
            i += 1
        }
    }

    private func lineEndsWithColon() throws -> Bool {
        var i = 0
        while true {
            let t = try peek(i)
            if t.kind == .newline || t.kind == .endOfFile {
                if i == 0 { return false }
                return try peek(i - 1).kind == .op(":")
            }
            i += 1
        }
    }

    func parseSimpleStatements() throws -> [Stmt] {
        var out = [try parseSimpleStatement()]
        while try match(";") {
            if try peek().kind == .newline { break }
            out.append(try parseSimpleStatement())
        }
        let t = try peek()
        if t.kind == .newline {
            try advance()
        } else if t.kind != .endOfFile {
            throw try invalidSyntax()
        }
        return out
    }

    func parseSimpleStatement() throws -> Stmt {
        let t = try peek()
        let loc = t.location
        switch t.kind {
        case .keyword(.pass):
            try advance()
            return Stmt(.pass, loc)
        case .keyword(.break):
            try advance()
            if loopDepth == 0 { deferError(syntaxError("'break' outside loop", at: loc)) }
            return Stmt(.break, loc)
        case .keyword(.continue):
            try advance()
            if loopDepth == 0 { deferError(syntaxError("'continue' not properly in loop", at: loc)) }
            return Stmt(.continue, loc)
        case .keyword(.return):
            try advance()
            if functionDepth == 0 { deferError(syntaxError("'return' outside function", at: loc)) }
            if try atStatementEnd() { return Stmt(.return(nil), loc) }
            return Stmt(.return(try parseStarExpressions()), loc)
        case .keyword(.raise):
            try advance()
            if try atStatementEnd() { return Stmt(.raise(nil, cause: nil), loc) }
            let e = try parseExpression()
            var cause: Expr?
            if try match(.from) { cause = try parseExpression() }
            return Stmt(.raise(e, cause: cause), loc)
        case .keyword(.global), .keyword(.nonlocal):
            try advance()
            var names = [try expectName()]
            while try match(",") { names.append(try expectName()) }
            if case .keyword(.global) = t.kind { return Stmt(.global(names), loc) }
            if functionDepth == 0 { deferError(syntaxError("nonlocal declaration not allowed at module level", at: loc)) }
            return Stmt(.nonlocal(names), loc)
        case .keyword(.del):
            try advance()
            if try atStatementEnd() { throw try invalidSyntax() }
            var targets = [try parseTargetLike()]
            while try match(",") {
                if try atStatementEnd() { break }
                targets.append(try parseTargetLike())
            }
            for target in targets { try validateDeleteTarget(target) }
            return Stmt(.delete(targets), loc)
        case .keyword(.assert):
            try advance()
            let test = try parseExpression()
            var message: Expr?
            if try match(",") { message = try parseExpression() }
            return Stmt(.assert(test, message: message), loc)
        case .keyword(.import):
            try advance()
            var names = [try parseImportName(dotted: true)]
            while try match(",") { names.append(try parseImportName(dotted: true)) }
            return Stmt(.import(names), loc)
        case .keyword(.from):
            try advance()
            if try check(".") || check("...") { throw UnsupportedFeature("relative import", line: loc.line) }
            let module = try parseDottedName()
            try consume(.import)
            var names: [ImportName] = []
            if try match("*") { throw UnsupportedFeature("'from \(module) import *'", line: loc.line) }
            let parenthesized = try match("(")
            if parenthesized { bracketDepth += 1 }
            names.append(try parseImportName(dotted: false))
            while try match(",") {
                if parenthesized, try check(")") { break }
                names.append(try parseImportName(dotted: false))
            }
            if parenthesized {
                try consume(")")
                bracketDepth -= 1
            }
            return Stmt(.importFrom(module: module, names: names), loc)
        default:
            return try parseExpressionStatement()
        }
    }

    func atStatementEnd() throws -> Bool {
        let t = try peek()
        return t.kind == .newline || t.kind == .endOfFile || t.kind == .op(";")
    }

    private func parseDottedName() throws -> String {
        var name = try expectName()
        while try match(".") { name += "." + (try expectName()) }
        return name
    }

    private func parseImportName(dotted: Bool) throws -> ImportName {
        let loc = try peek().location
        let name = dotted ? try parseDottedName() : try expectName()
        var alias: String?
        if try match(.as) { alias = try expectName() }
        return ImportName(name: name, alias: alias, location: loc)
    }

    /// `a, b c = d`: after a tuple, CPython's grammar reads further expressions and reports
    /// `c = d` as a misplaced assignment (`invalid_named_expression`); else "invalid syntax".
    private func juxtaposedAfterTuple() throws -> PySyntaxError {
        let failing = try peek()
        while startsCommaHintOperand(try peek()) {
            guard try parsesTentatively(parseExpression) else { break }
            if try check("=") {
                let e = try assignmentInExpression(lastParsedExpression)
                if e.message != "invalid syntax" { return e }
                break
            }
        }
        return syntaxError("invalid syntax", at: failing.location)
    }

    private func parseExpressionStatement() throws -> Stmt {
        let start = try peek()
        let loc = start.location
        let startsWithYield = try check(.yield)
        let first = startsWithYield ? try parseYieldExpression() : try parseStarExpressions()
        if !startsWithYield, lastStarExpressionsHadComma, startsCommaHintOperand(try peek()) {
            throw try juxtaposedAfterTuple()
        }
        if case .name(let legacy) = first.kind, legacy == "print" || legacy == "exec", startsAtom(try peek()) {
            throw syntaxError("Missing parentheses in call to '\(legacy)'. Did you mean \(legacy)(...)?", at: loc)
        }
        if try check("=") {
            var targets = [first]
            // A yield written without parentheses cannot be a target at all.
            var bareYields = [startsWithYield]
            var value: Expr
            try advance()
            while true {
                let bare = try check(.yield)
                if !bare, !startsExpression(try peek()) {
                    // `f() = = 1`: the invalid target is reported before the missing value.
                    for target in targets { try validateAssignTarget(target, inAssignment: false) }
                    throw try invalidSyntax()
                }
                value = try parseAssignedValue()
                if try match("=") {
                    targets.append(value)
                    bareYields.append(bare)
                } else {
                    break
                }
            }
            for (target, bare) in zip(targets, bareYields) {
                if bare { throw syntaxError("assignment to yield expression not possible", at: target.location) }
                try validateAssignTarget(target, inAssignment: targets.count == 1)
            }
            return Stmt(.assign(targets, value), loc)
        }
        if case .op(let o) = try peek().kind, o.count >= 2, o.hasSuffix("="), o != "==", o != "!=", o != "<=", o != ">=",
           let op = PyBinaryOp(rawValue: String(o.dropLast())) {
            switch first.kind {
            case .name, .attribute, .index: break
            default:
                throw syntaxError("'\(Parser.describe(first))' is an illegal expression for augmented assignment", at: first.location)
            }
            try advance()
            let value = try parseAssignedValue()
            return Stmt(.augAssign(first, op, value), loc)
        }
        if try check(":=") {
            // A bare `name := value` statement is not Python; other targets get the target error.
            guard case .name = first.kind else { throw namedExpressionTargetError(first) }
            throw syntaxError("invalid syntax", at: try peek().location)
        }
        if try check(":") {
            switch first.kind {
            case .name, .attribute, .index: break
            default:
                // CPython's rule needs an annotation after the colon; without one it is generic.
                try advance()
                guard startsExpression(try peek()), try parsesTentatively(parseExpression) else { throw try invalidSyntax() }
                throw syntaxError("illegal target for annotation", at: first.location)
            }
            try advance()
            let annotation = try parseExpression()
            var value: Expr?
            if try match("=") { value = try parseAssignedValue() }
            return Stmt(.annAssign(first, annotation: annotation, value: value), loc)
        }
        if case .starred = first.kind {
            throw syntaxError("can't use starred expression here", at: first.location)
        }
        return Stmt(.expression(first), loc)
    }

    // MARK: blocks

    /// `':' NEWLINE INDENT statements DEDENT` or `':' simple_stmts`.
    func parseBlock(after what: String, line: Int) throws -> [Stmt] {
        if !(try match(":")) {
            // CPython's grammar forces the colon (`&&':'`) after `def`, `try`, `else` and
            // `finally`; elsewhere "expected ':'" only when the header ends the line.
            let forced = what == "function definition" || what == "'try' statement" || what == "'else' statement"
                || what == "'finally' statement"
            if try forced || peek().kind == .newline { throw syntaxError("expected ':'", at: try peek().location) }
            throw try invalidSyntax()
        }
        if try peek().kind != .newline {
            return try parseSimpleStatements()
        }
        try advance()
        guard try peek().kind == .indent else {
            throw syntaxError("expected an indented block after \(what) on line \(line)", at: try peek().location, .indentationError)
        }
        try advance()
        var body: [Stmt] = []
        while true {
            let t = try peek()
            if t.kind == .dedent {
                try advance()
                break
            }
            if t.kind == .endOfFile { break }
            if t.kind == .newline {
                try advance()
                continue
            }
            body.append(contentsOf: try parseStatement())
        }
        return body
    }

    func parseIf() throws -> Stmt {
        let start = try advance()
        var branches: [(test: Expr, body: [Stmt])] = []
        let test = try parseNamedExpression()
        branches.append((test, try parseBlock(after: "'if' statement", line: start.location.line)))
        var orelse: [Stmt] = []
        while true {
            if try check(.elif) {
                let e = try advance()
                let t = try parseNamedExpression()
                branches.append((t, try parseBlock(after: "'elif' statement", line: e.location.line)))
            } else if try check(.else) {
                let e = try advance()
                orelse = try parseBlock(after: "'else' statement", line: e.location.line)
                break
            } else {
                break
            }
        }
        return Stmt(.if(branches, orelse: orelse), start.location)
    }

    func parseWhile() throws -> Stmt {
        let start = try advance()
        let test = try parseNamedExpression()
        loopDepth += 1
        let body = try parseBlock(after: "'while' statement", line: start.location.line)
        loopDepth -= 1
        var orelse: [Stmt] = []
        if try check(.else) {
            let e = try advance()
            orelse = try parseBlock(after: "'else' statement", line: e.location.line)
        }
        return Stmt(.while(test, body: body, orelse: orelse), start.location)
    }

    func parseFor() throws -> Stmt {
        let start = try advance()
        let target = try parseTargetList()
        try validateAssignTarget(target, inAssignment: false)
        if !(try match(.in)) { throw try invalidSyntax() }
        let iterable = try parseStarExpressions()
        loopDepth += 1
        let body = try parseBlock(after: "'for' statement", line: start.location.line)
        loopDepth -= 1
        var orelse: [Stmt] = []
        if try check(.else) {
            let e = try advance()
            orelse = try parseBlock(after: "'else' statement", line: e.location.line)
        }
        return Stmt(.for(target: target, iterable: iterable, body: body, orelse: orelse), start.location)
    }

    func parseTry() throws -> Stmt {
        let start = try advance()
        let body = try parseBlock(after: "'try' statement", line: start.location.line)
        var handlers: [ExceptHandler] = []
        var orelse: [Stmt] = []
        var finalBody: [Stmt] = []
        while try check(.except) {
            let e = try advance()
            if try check("*") { throw UnsupportedFeature("'except*'", line: e.location.line) }
            var type: Expr?
            var name: String?
            if !(try check(":")) {
                type = try parseExpression()
                if try check(",") {
                    throw syntaxError("multiple exception types must be parenthesized", at: type!.location)
                }
                if try match(.as) { name = try expectName() }
            }
            let handlerBody = try parseBlock(after: "'except' statement", line: e.location.line)
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, location: e.location))
        }
        if try check(.else) {
            let e = try advance()
            if handlers.isEmpty { throw syntaxError("expected 'except' or 'finally' block", at: e.location) }
            orelse = try parseBlock(after: "'else' statement", line: e.location.line)
        }
        if try check(.finally) {
            let e = try advance()
            finalBody = try parseBlock(after: "'finally' statement", line: e.location.line)
        }
        if handlers.isEmpty && finalBody.isEmpty {
            throw syntaxError("expected 'except' or 'finally' block", at: try peek().location)
        }
        return Stmt(.try(body: body, handlers: handlers, orelse: orelse, finally: finalBody), start.location)
    }

    func parseWith() throws -> Stmt {
        let start = try advance()
        var items: [WithItem] = []
        let parenthesized = try check("(") && withItemsAreParenthesized()
        if parenthesized {
            try advance()
            bracketDepth += 1
        }
        repeat {
            if parenthesized, try check(")") { break }
            let context = try parseExpression()
            var target: Expr?
            if try match(.as) {
                target = try parseTarget()
                try validateAssignTarget(target!, inAssignment: false)
            }
            items.append(WithItem(context: context, target: target))
        } while try match(",")
        if parenthesized {
            try consume(")")
            bracketDepth -= 1
        }
        let body = try parseBlock(after: "'with' statement", line: start.location.line)
        return Stmt(.with(items, body: body), start.location)
    }

    /// True when `with (` opens a parenthesised list of items rather than an expression.
    private func withItemsAreParenthesized() throws -> Bool {
        var depth = 0
        var i = 0
        var sawTopLevelAsOrComma = false
        while true {
            let t = try peek(i)
            switch t.kind {
            case .op("("), .op("["), .op("{"): depth += 1
            case .op(")"), .op("]"), .op("}"):
                depth -= 1
                if depth == 0 {
                    let after = try peek(i + 1)
                    return sawTopLevelAsOrComma && after.kind == .op(":")
                }
            case .keyword(.as) where depth == 1: sawTopLevelAsOrComma = true
            case .op(",") where depth == 1: sawTopLevelAsOrComma = true
            case .newline, .endOfFile: return false
            default: break
            }
            i += 1
        }
    }

    func parseDecorated() throws -> Stmt {
        var decorators: [Expr] = []
        while try match("@") {
            decorators.append(try parseNamedExpression())
            if try peek().kind != .newline { throw try invalidSyntax() }
            try advance()
        }
        if try check(.def) { return try parseFunctionDef(decorators: decorators) }
        if try check(.class) { return try parseClassDef(decorators: decorators) }
        if try check(.async) { throw UnsupportedFeature("'async'", line: try peek().location.line) }
        throw try invalidSyntax()
    }

    func parseFunctionDef(decorators: [Expr]) throws -> Stmt {
        let start = try advance()
        let name = try expectName()
        if !(try check("(")) { throw syntaxError("expected '('", at: try peek().location) }
        try advance()
        bracketDepth += 1
        let params = try parseParameters(closing: ")", allowAnnotations: true)
        if !(try match(")")) { throw try invalidSyntax(commaHint: false) }
        bracketDepth -= 1
        if try match("->") { _ = try parseExpression() }
        let savedLoop = loopDepth
        loopDepth = 0
        functionDepth += 1
        let body = try parseBlock(after: "function definition", line: start.location.line)
        functionDepth -= 1
        loopDepth = savedLoop
        return Stmt(.functionDef(FunctionDef(name: name, parameters: params, body: body, decorators: decorators)), start.location)
    }

    func parseClassDef(decorators: [Expr]) throws -> Stmt {
        let start = try advance()
        let name = try expectName()
        var bases: [Expr] = []
        if try match("(") {
            bracketDepth += 1
            while !(try check(")")) {
                if case .name(let kw) = try peek().kind, try peek(1).kind == .op("=") {
                    throw UnsupportedFeature("class keyword argument '\(kw)'", line: start.location.line)
                }
                if try check("*") || check("**") {
                    throw UnsupportedFeature("unpacking in class bases", line: start.location.line)
                }
                bases.append(try parseExpression())
                if !(try match(",")) { break }
            }
            try consume(")")
            bracketDepth -= 1
        }
        let savedLoop = loopDepth
        let savedFunction = functionDepth
        loopDepth = 0
        functionDepth = 0
        let body = try parseBlock(after: "class definition", line: start.location.line)
        loopDepth = savedLoop
        functionDepth = savedFunction
        return Stmt(.classDef(ClassDef(name: name, bases: bases, body: body, decorators: decorators)), start.location)
    }

    /// True when the tokens ahead are `( name [, name]* [,] )`, which CPython reports as
    /// parenthesized parameters.
    private func parenthesizedNames() throws -> Bool {
        var i = 1
        var sawName = false
        while true {
            let t = try peek(i)
            switch t.kind {
            case .name:
                if sawName { return false }
                sawName = true
            case .op(","):
                if !sawName { return false }
                sawName = false
            case .op(")"):
                return i > 1
            default:
                return false
            }
            i += 1
        }
    }

    /// Parameters of a `def` (annotations allowed) or a `lambda`, up to `closing`.
    func parseParameters(closing: String, allowAnnotations: Bool) throws -> Parameters {
        commaHintBlockedDepths.append(bracketDepth)
        defer { commaHintBlockedDepths.removeLast() }
        var items: [Parameter] = []
        var keywordOnly = false
        var sawDefault = false
        var seen = Set<String>()
        var bareStar: SourceLocation?
        func add(_ p: Parameter) throws {
            if seen.contains(p.name) {
                throw syntaxError("duplicate argument '\(p.name)' in function definition", at: p.location)
            }
            seen.insert(p.name)
            items.append(p)
        }
        while !(try check(closing)) {
            let loc = try peek().location
            if try check("("), try parenthesizedNames() {
                throw syntaxError(allowAnnotations ? "Function parameters cannot be parenthesized"
                                                   : "Lambda expression parameters cannot be parenthesized", at: loc)
            }
            if try match("**") {
                let name = try expectName()
                if allowAnnotations, try match(":") { _ = try parseExpression() }
                try add(Parameter(name: name, kind: .varKeyword, defaultValue: nil, location: loc))
                _ = try match(",")
                break
            }
            if try match("*") {
                if keywordOnly { throw try invalidSyntax() }
                keywordOnly = true
                if try check(",") || check(closing) {
                    bareStar = loc
                } else {
                    let name = try expectName()
                    if allowAnnotations, try match(":") { _ = try parseExpression() }
                    try add(Parameter(name: name, kind: .varPositional, defaultValue: nil, location: loc))
                }
            } else if try match("/") {
                if items.isEmpty { throw syntaxError("at least one argument must precede /", at: loc) }
                for i in items.indices where items[i].kind == .positionalOrKeyword { items[i].kind = .positionalOnly }
            } else {
                let name = try expectName()
                if allowAnnotations, try match(":") { _ = try parseExpression() }
                var defaultValue: Expr?
                if try match("=") {
                    defaultValue = try parseExpression()
                    if !keywordOnly { sawDefault = true }
                } else if sawDefault && !keywordOnly {
                    throw syntaxError("non-default argument follows default argument", at: loc)
                }
                try add(Parameter(name: name, kind: keywordOnly ? .keywordOnly : .positionalOrKeyword,
                                  defaultValue: defaultValue, location: loc))
                if keywordOnly { bareStar = nil }
            }
            if !(try match(",")) { break }
        }
        if let b = bareStar, !items.contains(where: { $0.kind == .keywordOnly }) {
            throw syntaxError("named arguments must follow bare *", at: b)
        }
        return Parameters(items: items)
    }
}
