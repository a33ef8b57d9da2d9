/// Finds the names bound by assignment expressions (`name := value`) that belong to a scope:
/// those in its own expressions and inside its comprehensions (whose `:=` targets bind in the
/// enclosing scope), but not inside lambdas, which are scopes of their own.
enum NamedExprScan {
    static func targets(in e: Expr, _ names: inout [String]) {
        var stack = [e]
        while let x = stack.popLast() {
            switch x.kind {
            case .namedExpr(let name, let value):
                names.append(name)
                stack.append(value)
            case .lambda:
                continue
            case .comprehension(let kind, let clauses):
                stack.append(contentsOf: comprehensionParts(kind, clauses))
            default:
                stack.append(contentsOf: YieldScan.children(x))
            }
        }
    }

    /// Every expression of a comprehension: iterables, conditions and the element.
    static func comprehensionParts(_ kind: ComprehensionKind, _ clauses: [ComprehensionClause]) -> [Expr] {
        var parts: [Expr] = []
        for c in clauses {
            parts.append(c.iterable)
            parts.append(contentsOf: c.conditions)
        }
        switch kind {
        case .list(let e), .set(let e), .generator(let e): parts.append(e)
        case .dict(let k, let v): parts += [k, v]
        }
        return parts
    }
}

extension Compiler {
    /// Makes the `:=` targets inside a comprehension bind in the nearest enclosing function
    /// (as nonlocals) or module (as globals), with CPython's SyntaxErrors for targets that
    /// rebind an iteration variable and for comprehensions in class bodies.
    func declareNamedExprTargets(_ kind: ComprehensionKind, _ clauses: [ComprehensionClause], in compScope: Scope,
                                 iterationNames: [String]) throws {
        var names: [String] = []
        for part in NamedExprScan.comprehensionParts(kind, clauses).dropFirst() { NamedExprScan.targets(in: part, &names) }
        guard !names.isEmpty else { return }
        for n in names where iterationNames.contains(n) {
            throw PySyntaxError(.syntaxError, "assignment expression cannot rebind comprehension iteration variable '\(n)'",
                                at: clauses[0].iterable.location)
        }
        var owner = scope
        while owner.kind == .comprehension, let p = owner.parent { owner = p }
        for n in names {
            switch owner.kind {
            case .classBody:
                throw PySyntaxError(.syntaxError, "assignment expression within a comprehension cannot be used in a class body",
                                    at: clauses[0].iterable.location)
            case .module:
                compScope.globals.insert(n)
            default:
                if owner.globals.contains(n) { compScope.globals.insert(n) } else { compScope.nonlocals.insert(n) }
            }
        }
    }
}
