/// Rewrites a generator body so that every yield is a statement of its own (see ``GenStmt``).
///
/// Operands evaluated before a yield are stored in hidden slots first, in CPython's order of
/// evaluation, so that nothing is evaluated twice when the generator continues.
extension Compiler {
    func lowerGeneratorBlock(_ body: [Stmt]) throws -> [GenStmt] {
        var out: [GenStmt] = []
        for s in body {
            if YieldScan.contains(s) {
                out.append(contentsOf: try lowerStatement(s))
            } else {
                out.append(GenStmt(kind: .plain(s), line: s.location.line, reported: true))
            }
        }
        return out
    }

    /// A new hidden local slot, as the expression that reads it.
    func hiddenSlot(_ loc: SourceLocation) -> Expr {
        Expr(.name(newHiddenSlotName()), loc)
    }

    /// Adds a hidden local slot (its name cannot be written in Python) and returns its name.
    func newHiddenSlotName() -> String {
        let name = ".y\(scope.slotNames.count)"
        scope.addSlot(name)
        return name
    }

    private func step(_ kind: GenStmt.Kind, _ line: Int) -> GenStmt {
        GenStmt(kind: kind, line: line, reported: false)
    }

    private func assignStep(_ target: Expr, _ value: Expr, _ line: Int) -> GenStmt {
        step(.plain(Stmt(.assign([target], value), value.location)), line)
    }

    /// The steps of one source statement: the first one is reported as the statement.
    private func statementSteps(_ steps: [GenStmt]) -> [GenStmt] {
        var out = steps
        if !out.isEmpty { out[0].reported = true }
        return out
    }

    private func unsupportedYield(_ place: String, _ loc: SourceLocation) -> UnsupportedFeature {
        UnsupportedFeature("'yield' in \(place)", line: loc.line)
    }

    private func lowerStatement(_ s: Stmt) throws -> [GenStmt] {
        let line = s.location.line
        switch s.kind {
        case .expression(let e):
            return statementSteps(try lowerValue(e, into: [], line))
        case .assign(let targets, let value):
            if !targets.contains(where: YieldScan.contains) {
                return statementSteps(try lowerValue(value, into: targets, line))
            }
            let v = hiddenSlot(value.location)
            var steps = try lowerValue(value, into: [v], line)
            for target in targets { steps += try lowerTarget(target, v, line) }
            return statementSteps(steps)
        case .annAssign(let target, _, let value):
            guard let value else { return [GenStmt(kind: .plain(s), line: line, reported: true)] }
            if YieldScan.contains(target) { throw unsupportedYield("an assignment target", target.location) }
            return statementSteps(try lowerValue(value, into: [target], line))
        case .augAssign(let target, let op, let value):
            return statementSteps(try lowerAugAssign(target, op, value, s.location))
        case .return(let value):
            guard let value else { return [GenStmt(kind: .plain(s), line: line, reported: true)] }
            let (pre, r) = try lowerExpr(value, line)
            return statementSteps(pre + [step(.plain(Stmt(.return(r), s.location)), line)])
        case .if(let branches, let orelse):
            return statementSteps(try lowerIf(branches[...], orelse, line))
        case .while(let test, let body, let orelse):
            let (pre, r) = try lowerExpr(test, line)
            return [GenStmt(kind: .while(prelude: pre, test: r, body: try lowerGeneratorBlock(body),
                                         orelse: try lowerGeneratorBlock(orelse)), line: line, reported: true)]
        case .for(let target, let iterable, let body, let orelse):
            if YieldScan.contains(target) { throw unsupportedYield("a 'for' target", target.location) }
            let (pre, r) = try lowerExpr(iterable, line)
            let loop = step(.for(target: target, iterable: r, body: try lowerGeneratorBlock(body),
                                 orelse: try lowerGeneratorBlock(orelse)), line)
            return statementSteps(pre + [loop])
        case .with(let items, let body):
            return statementSteps(try lowerWith(items[...], body, line))
        case .try(let body, let handlers, let orelse, let finalBody):
            var lowered: [GenHandler] = []
            for h in handlers {
                if let t = h.type, YieldScan.contains(t) { throw unsupportedYield("an 'except' clause", t.location) }
                lowered.append(GenHandler(type: h.type, name: h.name, body: try lowerGeneratorBlock(h.body), line: h.location.line))
            }
            return [GenStmt(kind: .try(body: try lowerGeneratorBlock(body), handlers: lowered,
                                       orelse: try lowerGeneratorBlock(orelse), finally: try lowerGeneratorBlock(finalBody)),
                            line: line, reported: true)]
        case .raise(let e, let cause):
            let operands = [e, cause].compactMap { $0 }
            let (pre, r) = try lowerOperands(operands, line)
            let raise = Stmt(.raise(e == nil ? nil : r[0], cause: cause == nil ? nil : r[r.count - 1]), s.location)
            return statementSteps(pre + [step(.plain(raise), line)])
        case .assert(let test, let message):
            if let m = message, YieldScan.contains(m) { throw unsupportedYield("an assert message", m.location) }
            let (pre, r) = try lowerExpr(test, line)
            return statementSteps(pre + [step(.plain(Stmt(.assert(r, message: message), s.location)), line)])
        case .delete:
            throw unsupportedYield("a 'del' statement", s.location)
        case .functionDef, .classDef:
            throw unsupportedYield("a decorator, default or base class", s.location)
        case .pass, .break, .continue, .global, .nonlocal, .import, .importFrom:
            return [GenStmt(kind: .plain(s), line: line, reported: true)]
        }
    }

    /// Steps that evaluate `e` and bind it to `targets` (or drop it when there are none).
    private func lowerValue(_ e: Expr, into targets: [Expr], _ line: Int) throws -> [GenStmt] {
        switch e.kind {
        case .yield(let value):
            let (pre, r) = try lowerOptional(value, line)
            return pre + [step(.yield(r, into: targets), line)]
        case .yieldFrom(let value):
            let (pre, r) = try lowerExpr(value, line)
            return pre + [step(.yieldFrom(r, into: targets), line)]
        default:
            let (pre, r) = try lowerExpr(e, line)
            let stmt = targets.isEmpty ? Stmt(.expression(r), e.location) : Stmt(.assign(targets, r), e.location)
            return pre + [step(.plain(stmt), line)]
        }
    }

    /// Stores `value` (a hidden slot) into a target whose own operands contain yields, in
    /// CPython's order: a target's operands are evaluated just before it is stored to, and a
    /// tuple target is unpacked before any of its items is.
    private func lowerTarget(_ target: Expr, _ value: Expr, _ line: Int) throws -> [GenStmt] {
        guard YieldScan.contains(target) else { return [assignStep(target, value, line)] }
        switch target.kind {
        case .attribute(let obj, let name):
            let (pre, o) = try lowerExpr(obj, line)
            return pre + [assignStep(Expr(.attribute(o, name), target.location), value, line)]
        case .index(let obj, let key):
            let (pre, operands) = try lowerOperands([obj, key], line)
            return pre + [assignStep(Expr(.index(operands[0], operands[1]), target.location), value, line)]
        case .tuple(let items), .list(let items):
            var parts: [(item: Expr, slot: Expr)] = []
            var unpackTargets: [Expr] = []
            for item in items {
                let slot = hiddenSlot(item.location)
                if case .starred(let inner) = item.kind {
                    parts.append((inner, slot))
                    unpackTargets.append(Expr(.starred(slot), item.location))
                } else {
                    parts.append((item, slot))
                    unpackTargets.append(slot)
                }
            }
            var steps = [assignStep(Expr(.tuple(unpackTargets), target.location), value, line)]
            for part in parts { steps += try lowerTarget(part.item, part.slot, line) }
            return steps
        default:
            throw unsupportedYield("an assignment target", target.location)
        }
    }

    /// `target op= value` with the target's operands and old value read before the value's yields.
    private func lowerAugAssign(_ target: Expr, _ op: PyBinaryOp, _ value: Expr, _ loc: SourceLocation) throws -> [GenStmt] {
        let line = loc.line
        if YieldScan.contains(target) { throw unsupportedYield("an assignment target", target.location) }
        var steps: [GenStmt] = []
        let store: Expr
        switch target.kind {
        case .attribute(let obj, let name):
            let o = hiddenSlot(obj.location)
            steps.append(assignStep(o, obj, line))
            store = Expr(.attribute(o, name), target.location)
        case .index(let obj, let key):
            let o = hiddenSlot(obj.location), k = hiddenSlot(key.location)
            steps.append(assignStep(o, obj, line))
            steps.append(assignStep(k, key, line))
            store = Expr(.index(o, k), target.location)
        default:
            store = target
        }
        let current = hiddenSlot(target.location)
        steps.append(assignStep(current, store, line))
        let (pre, r) = try lowerExpr(value, line)
        steps += pre
        steps.append(step(.plain(Stmt(.augAssign(current, op, r), loc)), line))
        steps.append(assignStep(store, current, line))
        return steps
    }

    private func lowerIf(_ branches: ArraySlice<(test: Expr, body: [Stmt])>, _ orelse: [Stmt], _ line: Int) throws -> [GenStmt] {
        var pre: [GenStmt] = []
        var lowered: [(test: Expr, body: [GenStmt])] = []
        for (i, branch) in zip(branches.indices, branches) {
            if YieldScan.contains(branch.test) && i != branches.startIndex {
                let rest = try lowerIf(branches[i...], orelse, branch.test.location.line)
                return pre + [step(.if(lowered, orelse: rest), line)]
            }
            let (p, r) = try lowerExpr(branch.test, line)
            pre += p
            lowered.append((r, try lowerGeneratorBlock(branch.body)))
        }
        return pre + [step(.if(lowered, orelse: try lowerGeneratorBlock(orelse)), line)]
    }

    private func lowerWith(_ items: ArraySlice<WithItem>, _ body: [Stmt], _ line: Int) throws -> [GenStmt] {
        guard let item = items.first else { return try lowerGeneratorBlock(body) }
        if let t = item.target, YieldScan.contains(t) { throw unsupportedYield("a 'with' target", t.location) }
        let (pre, r) = try lowerExpr(item.context, line)
        let inner = try lowerWith(items.dropFirst(), body, line)
        return pre + [step(.with(context: r, target: item.target, body: inner), line)]
    }

    private func lowerOptional(_ e: Expr?, _ line: Int) throws -> ([GenStmt], Expr?) {
        guard let e else { return ([], nil) }
        let (pre, r) = try lowerExpr(e, line)
        return (pre, r)
    }

    /// Steps that compute what `e` computes, and a yield-free expression for the result.
    func lowerExpr(_ e: Expr, _ line: Int) throws -> ([GenStmt], Expr) {
        guard YieldScan.contains(e) else { return ([], e) }
        switch e.kind {
        case .yield, .yieldFrom:
            let t = hiddenSlot(e.location)
            return (try lowerValue(e, into: [t], line), t)
        case .boolOp(let isAnd, let items):
            if !items.dropFirst().contains(where: YieldScan.contains) {
                let (pre, first) = try lowerExpr(items[0], line)
                return (pre, Expr(.boolOp(isAnd: isAnd, [first] + items.dropFirst()), e.location))
            }
            let t = hiddenSlot(e.location)
            return (try lowerShortCircuit(items[...], isAnd: isAnd, into: t, line), t)
        case .conditional(let test, let body, let orelse):
            let (pre, r) = try lowerExpr(test, line)
            if !YieldScan.contains(body) && !YieldScan.contains(orelse) {
                return (pre, Expr(.conditional(test: r, body: body, orelse: orelse), e.location))
            }
            let t = hiddenSlot(e.location)
            let branch = step(.if([(r, try lowerValue(body, into: [t], line))], orelse: try lowerValue(orelse, into: [t], line)), line)
            return (pre + [branch], t)
        case .compare(let first, let rest):
            if !rest.contains(where: { YieldScan.contains($0.1) }) {
                let (pre, r) = try lowerExpr(first, line)
                return (pre, Expr(.compare(r, rest), e.location))
            }
            var (pre, left) = try lowerExpr(first, line)
            left = persist(left, &pre, line)
            let t = hiddenSlot(e.location)
            return (pre + (try lowerComparisons(rest[...], left: left, into: t, line)), t)
        case .comprehension(let kind, var clauses):
            let (pre, r) = try lowerExpr(clauses[0].iterable, line)
            clauses[0].iterable = r
            return (pre, Expr(.comprehension(kind, clauses), e.location))
        case .lambda:
            throw unsupportedYield("a lambda default", e.location)
        default:
            let (pre, operands) = try lowerOperands(YieldScan.children(e), line)
            return (pre, Compiler.replacingChildren(e, operands))
        }
    }

    /// `a and b and c` with yields after the first operand: `t = a; if t: t = b; if t: ...`.
    private func lowerShortCircuit(_ items: ArraySlice<Expr>, isAnd: Bool, into t: Expr, _ line: Int) throws -> [GenStmt] {
        guard let first = items.first else { return [] }
        var steps = try lowerValue(first, into: [t], line)
        if items.count > 1 {
            let test = isAnd ? t : Expr(.not(t), t.location)
            steps.append(step(.if([(test, try lowerShortCircuit(items.dropFirst(), isAnd: isAnd, into: t, line))], orelse: []), line))
        }
        return steps
    }

    /// `left op1 b op2 c ...`: each operand evaluated once, later ones only while the chain holds.
    private func lowerComparisons(_ rest: ArraySlice<(CompareOperator, Expr)>, left: Expr, into t: Expr, _ line: Int) throws -> [GenStmt] {
        guard let (op, operand) = rest.first else { return [] }
        var (steps, right) = try lowerExpr(operand, line)
        if rest.count > 1 { right = persist(right, &steps, line) }
        steps.append(assignStep(t, Expr(.compare(left, [(op, right)]), operand.location), line))
        if rest.count > 1 {
            steps.append(step(.if([(t, try lowerComparisons(rest.dropFirst(), left: right, into: t, line))], orelse: []), line))
        }
        return steps
    }

    /// Operands evaluated in order; those before the last one with a yield are kept in hidden slots.
    private func lowerOperands(_ operands: [Expr], _ line: Int) throws -> ([GenStmt], [Expr]) {
        guard let last = operands.lastIndex(where: YieldScan.contains) else { return ([], operands) }
        var pre: [GenStmt] = []
        var out: [Expr] = []
        for (i, operand) in operands.enumerated() {
            if i > last {
                out.append(operand)
                continue
            }
            if case .starred(let inner) = operand.kind {
                var (p, r) = try lowerExpr(inner, line)
                pre += p
                if i < last { r = persist(r, &pre, line) }
                out.append(Expr(.starred(r), operand.location))
                continue
            }
            var (p, r) = try lowerExpr(operand, line)
            pre += p
            if i < last { r = persist(r, &pre, line) }
            out.append(r)
        }
        return (pre, out)
    }

    /// `e` itself when its value cannot change (a literal or hidden slot), else a hidden slot
    /// assigned now.
    private func persist(_ e: Expr, _ steps: inout [GenStmt], _ line: Int) -> Expr {
        switch e.kind {
        case .none, .bool, .int, .float, .string, .ellipsis: return e
        case .name(let n) where n.hasPrefix("."): return e
        default:
            let t = hiddenSlot(e.location)
            steps.append(assignStep(t, e, line))
            return t
        }
    }

    /// `e` with its same-scope sub-expressions (``YieldScan/children(_:)``) replaced, in order.
    static func replacingChildren(_ e: Expr, _ children: [Expr]) -> Expr {
        var next = children.makeIterator()
        func take(_ old: Expr) -> Expr { next.next() ?? old }
        func fields(_ nodes: [FStringNode]) -> [FStringNode] {
            nodes.map { node in
                guard case .field(let fe, let conversion, let spec, let debug) = node else { return node }
                let value = take(fe)
                return .field(value, conversion: conversion, spec: fields(spec), debugText: debug)
            }
        }
        let kind: ExprKind
        switch e.kind {
        case .fstring(let nodes): kind = .fstring(fields(nodes))
        case .list(let items): kind = .list(items.map(take))
        case .tuple(let items): kind = .tuple(items.map(take))
        case .set(let items): kind = .set(items.map(take))
        case .dict(let entries):
            kind = .dict(entries.map { entry in
                let key = entry.key.map(take)
                return (key, take(entry.value))
            })
        case .starred(let inner): kind = .starred(take(inner))
        case .attribute(let obj, let name): kind = .attribute(take(obj), name)
        case .unary(let op, let operand): kind = .unary(op, take(operand))
        case .not(let operand): kind = .not(take(operand))
        case .index(let obj, let key):
            let o = take(obj)
            kind = .index(o, take(key))
        case .slice(let lower, let upper, let step):
            let l = lower.map(take), u = upper.map(take)
            kind = .slice(l, u, step.map(take))
        case .call(let callee, let args):
            let c = take(callee)
            kind = .call(c, args.map { arg in
                switch arg {
                case .positional(let x): return .positional(take(x))
                case .keyword(let n, let x): return .keyword(n, take(x))
                case .star(let x): return .star(take(x))
                case .doubleStar(let x): return .doubleStar(take(x))
                }
            })
        case .binary(let l, let op, let r):
            let left = take(l)
            kind = .binary(left, op, take(r))
        case .namedExpr(let name, let value):
            kind = .namedExpr(name, take(value))
        default:
            return e
        }
        return Expr(kind, e.location)
    }
}
