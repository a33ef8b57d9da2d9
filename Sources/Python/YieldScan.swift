/// Finds the `yield` and `yield from` expressions a scope evaluates itself: nested function,
/// lambda and class bodies are scopes of their own, and of a comprehension only the first
/// iterable is evaluated in the enclosing scope.
enum YieldScan {
    /// The sub-expressions of `e` evaluated in the same scope, in evaluation order.
    static func children(_ e: Expr) -> [Expr] {
        switch e.kind {
        case .name, .none, .bool, .int, .float, .string, .ellipsis:
            return []
        case .fstring(let nodes):
            return fieldExpressions(nodes)
        case .list(let items), .tuple(let items), .set(let items):
            return items
        case .dict(let entries):
            var out: [Expr] = []
            for entry in entries {
                if let k = entry.key { out.append(k) }
                out.append(entry.value)
            }
            return out
        case .starred(let inner), .attribute(let inner, _), .unary(_, let inner), .not(let inner), .yieldFrom(let inner):
            return [inner]
        case .index(let obj, let key):
            return [obj, key]
        case .slice(let lower, let upper, let step):
            return [lower, upper, step].compactMap { $0 }
        case .call(let callee, let args):
            return [callee] + args.map(argumentExpression)
        case .binary(let l, _, let r):
            return [l, r]
        case .boolOp(_, let items):
            return items
        case .compare(let first, let rest):
            return [first] + rest.map(\.1)
        case .conditional(let test, let body, let orelse):
            return [test, body, orelse]
        case .lambda(let params, _):
            return params.items.compactMap(\.defaultValue)
        case .comprehension(_, let clauses):
            return clauses.first.map { [$0.iterable] } ?? []
        case .yield(let value):
            return value.map { [$0] } ?? []
        case .namedExpr(_, let value):
            return [value]
        }
    }

    static func argumentExpression(_ a: Argument) -> Expr {
        switch a {
        case .positional(let e), .keyword(_, let e), .star(let e), .doubleStar(let e): return e
        }
    }

    /// The expressions of an f-string's fields and their format specs, in order.
    static func fieldExpressions(_ nodes: [FStringNode]) -> [Expr] {
        var out: [Expr] = []
        for node in nodes {
            if case .field(let e, _, let spec, _) = node {
                out.append(e)
                out.append(contentsOf: fieldExpressions(spec))
            }
        }
        return out
    }

    /// The first yield `e` evaluates in its own scope, in source order.
    static func firstYield(_ e: Expr) -> Expr? {
        var stack = [e]
        while let x = stack.popLast() {
            switch x.kind {
            case .yield, .yieldFrom: return x
            default: stack.append(contentsOf: children(x).reversed())
            }
        }
        return nil
    }

    static func contains(_ e: Expr) -> Bool { firstYield(e) != nil }

    /// True when the statement evaluates a yield in the current scope.
    static func contains(_ s: Stmt) -> Bool {
        firstYield(in: [s]) != nil
    }

    /// The first yield evaluated by a block in the current scope, in source order.
    static func firstYield(in body: [Stmt]) -> Expr? {
        var stack: [Stmt] = body.reversed()
        while let s = stack.popLast() {
            for e in expressions(of: s) {
                if let y = firstYield(e) { return y }
            }
            for block in nestedBlocks(of: s).reversed() { stack.append(contentsOf: block.reversed()) }
        }
        return nil
    }

    /// The expressions a statement evaluates itself (not those of its nested blocks).
    static func expressions(of s: Stmt) -> [Expr] {
        switch s.kind {
        case .expression(let e): return [e]
        case .assign(let targets, let value): return [value] + targets
        case .augAssign(let target, _, let value): return [target, value]
        case .annAssign(let target, _, let value): return [target] + (value.map { [$0] } ?? [])
        case .return(let value): return value.map { [$0] } ?? []
        case .delete(let targets): return targets
        case .if(let branches, _): return branches.map(\.test)
        case .while(let test, _, _): return [test]
        case .for(let target, let iterable, _, _): return [iterable, target]
        case .with(let items, _): return items.flatMap { [$0.context] + ($0.target.map { [$0] } ?? []) }
        case .try(_, let handlers, _, _): return handlers.compactMap(\.type)
        case .raise(let e, let cause): return [e, cause].compactMap { $0 }
        case .assert(let test, let message): return [test] + (message.map { [$0] } ?? [])
        case .functionDef(let def): return def.decorators + def.parameters.items.compactMap(\.defaultValue)
        case .classDef(let def): return def.decorators + def.bases
        case .pass, .break, .continue, .global, .nonlocal, .import, .importFrom: return []
        }
    }

    /// The blocks of a compound statement that run in the same scope.
    static func nestedBlocks(of s: Stmt) -> [[Stmt]] {
        switch s.kind {
        case .if(let branches, let orelse): return branches.map(\.body) + [orelse]
        case .while(_, let body, let orelse), .for(_, _, let body, let orelse): return [body, orelse]
        case .with(_, let body): return [body]
        case .try(let body, let handlers, let orelse, let finalBody): return [body] + handlers.map(\.body) + [orelse, finalBody]
        default: return []
        }
    }
}
