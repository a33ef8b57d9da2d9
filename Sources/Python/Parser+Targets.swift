/// Assignment, `for`, `with` and `del` targets, validated with CPython's messages.
extension Parser {
    /// `star_targets`: a comma-separated target list (a tuple when there are commas).
    func parseTargetList() throws -> Expr {
        let first = try parseTarget()
        guard try check(",") else { return first }
        var items = [first]
        while try match(",") {
            if try check(.in) || check("=") || check(")") { break }
            items.append(try parseTarget())
        }
        return Expr(.tuple(items), first.location)
    }

    /// One target: `*name` or an expression at the precedence of `|` (so `in` stops it).
    func parseTarget() throws -> Expr {
        let loc = try peek().location
        if try match("*") { return Expr(.starred(try parseTarget()), loc) }
        return try parseBitwiseOr()
    }

    /// A `del` operand.
    func parseTargetLike() throws -> Expr {
        try parseBitwiseOr()
    }

    /// How CPython names an expression that cannot be assigned to.
    static func describe(_ e: Expr) -> String {
        switch e.kind {
        case .int, .float, .string, .ellipsis: return "literal"
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .fstring: return "f-string expression"
        case .call: return "function call"
        case .tuple: return "tuple"
        case .list: return "list"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .conditional: return "conditional expression"
        case .lambda: return "lambda"
        case .comprehension(let kind, _):
            switch kind {
            case .list: return "list comprehension"
            case .set: return "set comprehension"
            case .dict: return "dict comprehension"
            case .generator: return "generator expression"
            }
        case .compare: return "comparison"
        case .starred: return "starred"
        case .yield, .yieldFrom: return "yield expression"
        default: return "expression"
        }
    }

    /// Checks an assignment target; `inAssignment` enables CPython's `'=='` hint for `=` statements.
    func validateAssignTarget(_ e: Expr, inAssignment: Bool) throws {
        var stack: [(Expr, Bool, Bool)] = [(e, inAssignment, true)]
        while let (t, hint, topLevel) = stack.popLast() {
            switch t.kind {
            case .name, .attribute, .index:
                continue
            case .tuple(let items), .list(let items):
                let starred = items.filter { if case .starred = $0.kind { return true } else { return false } }
                if starred.count > 1 {
                    throw syntaxError("multiple starred expressions in assignment", at: starred[1].location)
                }
                let isTuple: Bool
                if case .tuple = t.kind { isTuple = true } else { isTuple = false }
                for item in items.reversed() { stack.append((item, hint && isTuple, false)) }
            case .starred(let inner):
                if topLevel {
                    throw syntaxError("starred assignment target must be in a list or tuple", at: t.location)
                }
                stack.append((inner, false, false))
            default:
                let what = Parser.describe(t)
                var hintable = hint
                switch t.kind {
                case .not, .boolOp, .conditional, .lambda, .compare, .none, .bool: hintable = false
                default: break
                }
                if hintable {
                    throw syntaxError("cannot assign to \(what) here. Maybe you meant '==' instead of '='?", at: t.location)
                }
                throw syntaxError("cannot assign to \(what)", at: t.location)
            }
        }
    }

    func validateDeleteTarget(_ e: Expr) throws {
        var stack = [e]
        while let t = stack.popLast() {
            switch t.kind {
            case .name, .attribute, .index: continue
            case .tuple(let items), .list(let items): stack.append(contentsOf: items)
            default: throw syntaxError("cannot delete \(Parser.describe(t))", at: t.location)
            }
        }
    }
}
