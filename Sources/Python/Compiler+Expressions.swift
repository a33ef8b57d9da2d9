/// Expressions to closures.
extension Compiler {
    func compile(_ e: Expr) throws -> Eval {
        switch e.kind {
        case .name(let n):
            return load(n)
        case .none:
            return { _ in .none }
        case .bool(let b):
            let v = PyValue.bool(b)
            return { _ in v }
        case .int(let i):
            let v = PyValue.int(i)
            return { _ in v }
        case .float(let d):
            let v = PyValue.float(d)
            return { _ in v }
        case .string(let s):
            let v = PyValue.str(s)
            return { _ in v }
        case .ellipsis:
            return { _ in .object(PyEllipsisType.shared) }
        case .fstring(let nodes):
            return try compileFString(nodes)
        case .list(let items):
            let build = try compileSequence(items)
            return { f in .list(PyList(try build(f))) }
        case .tuple(let items):
            let build = try compileSequence(items)
            return { f in .tuple(try build(f)) }
        case .set(let items):
            let build = try compileSequence(items)
            return { f in
                let s = PySet()
                for v in try build(f) { try s.add(v) }
                return .object(s)
            }
        case .dict(let entries):
            return try compileDict(entries)
        case .starred:
            throw PySyntaxError(.syntaxError, "can't use starred expression here", at: e.location)
        case .attribute(let obj, let name):
            let oe = try compile(obj)
            return { f in try f.interp.getAttribute(try oe(f), name) }
        case .index(let obj, let key):
            let oe = try compile(obj)
            let ke = try compile(key)
            return { f in
                let o = try oe(f)
                let k = try ke(f)
                if case .list(let l) = o, case .int(var i) = k {
                    if i < 0 { i += l.items.count }
                    if i >= 0 && i < l.items.count { return l.items[i] }
                }
                return try f.interp.getItem(o, k)
            }
        case .slice(let lower, let upper, let step):
            let le = try lower.map(compile)
            let ue = try upper.map(compile)
            let se = try step.map(compile)
            return { f in
                .object(PySlice(start: try le?(f) ?? .none, stop: try ue?(f) ?? .none, step: try se?(f) ?? .none))
            }
        case .call(let callee, let args):
            return try compileCall(callee, args, e.location)
        case .binary(let l, let op, let r):
            return try compileBinary(l, op, r)
        case .unary(let op, let operand):
            let oe = try compile(operand)
            return { f in try f.interp.unaryOp(op, try oe(f)) }
        case .not(let operand):
            let oe = try compile(operand)
            return { f in .bool(!(try f.interp.isTruthy(try oe(f)))) }
        case .boolOp(let isAnd, let items):
            let evals = try items.map(compile)
            return { f in
                var v = try evals[0](f)
                for next in evals.dropFirst() {
                    let truth = try f.interp.isTruthy(v)
                    if truth != isAnd { return v }
                    v = try next(f)
                }
                return v
            }
        case .compare(let first, let rest):
            return try compileCompare(first, rest)
        case .conditional(let test, let body, let orelse):
            let te = try compile(test)
            let be = try compile(body)
            let oe = try compile(orelse)
            return { f in try f.interp.isTruthy(try te(f)) ? try be(f) : try oe(f) }
        case .lambda(let params, let body):
            let ret = Stmt(.return(body), e.location)
            let def = FunctionDef(name: "<lambda>", parameters: params, body: [ret], decorators: [])
            return try compileFunctionObject(def, location: e.location)
        case .comprehension(let kind, let clauses):
            return try compileComprehension(kind, clauses, e.location)
        case .namedExpr(let name, let value):
            let ve = try compile(value)
            let assign = try compileTarget(Expr(.name(name), e.location))
            return { f in
                let v = try ve(f)
                try assign(f, v)
                return v
            }
        case .yield, .yieldFrom:
            if scope.kind == .module || scope.kind == .classBody {
                throw PySyntaxError(.syntaxError, "'yield' outside function", at: e.location)
            }
            throw unsupported("'yield' here", e.location)
        }
    }

    /// Elements of a display, expanding `*iterable` items.
    func compileSequence(_ items: [Expr]) throws -> (Frame) throws -> [PyValue] {
        let hasStar = items.contains { if case .starred = $0.kind { return true } else { return false } }
        if !hasStar {
            let evals = try items.map(compile)
            return { f in
                var out: [PyValue] = []
                out.reserveCapacity(evals.count)
                for e in evals { out.append(try e(f)) }
                return out
            }
        }
        let parts: [(Bool, Eval)] = try items.map {
            if case .starred(let inner) = $0.kind { return (true, try compile(inner)) }
            return (false, try compile($0))
        }
        return { f in
            var out: [PyValue] = []
            for (star, e) in parts {
                if star { out.append(contentsOf: try f.interp.iterate(try e(f))) } else { out.append(try e(f)) }
            }
            return out
        }
    }

    func compileDict(_ entries: [(key: Expr?, value: Expr)]) throws -> Eval {
        let parts: [(Eval?, Eval)] = try entries.map { (try $0.key.map(compile), try compile($0.value)) }
        return { f in
            let d = PyDict()
            for (k, v) in parts {
                if let k {
                    let key = try k(f)
                    try d.set(key, try v(f))
                } else {
                    let m = try v(f)
                    guard case .dict(let other) = m else {
                        throw PyException(.typeError, "'\(m.typeName)' object is not a mapping")
                    }
                    for (key, value) in other.items { try d.set(key, value) }
                }
            }
            return .dict(d)
        }
    }

    func compileBinary(_ l: Expr, _ op: PyBinaryOp, _ r: Expr) throws -> Eval {
        let le = try compile(l)
        let re = try compile(r)
        switch op {
        case .add:
            return { f in
                let a = try le(f)
                let b = try re(f)
                if case .float(let x) = a, case .float(let y) = b { return .float(x + y) }
                return try f.interp.binaryOp(.add, a, b)
            }
        case .mul:
            return { f in
                let a = try le(f)
                let b = try re(f)
                if case .float(let x) = a, case .float(let y) = b { return .float(x * y) }
                return try f.interp.binaryOp(.mul, a, b)
            }
        default:
            return { f in
                let a = try le(f)
                return try f.interp.binaryOp(op, a, try re(f))
            }
        }
    }

    func compileCompare(_ first: Expr, _ rest: [(CompareOperator, Expr)]) throws -> Eval {
        let fe = try compile(first)
        let ops: [(CompareOperator, Eval)] = try rest.map { ($0.0, try compile($0.1)) }
        func apply(_ op: CompareOperator, _ a: PyValue, _ b: PyValue, _ interp: Interpreter) throws -> PyValue {
            switch op {
            case .rich(let r): return try interp.compare(r, a, b)
            case .in: return .bool(try interp.contains(b, a))
            case .notIn: return .bool(!(try interp.contains(b, a)))
            case .is: return .bool(a.isIdentical(to: b))
            case .isNot: return .bool(!a.isIdentical(to: b))
            }
        }
        if ops.count == 1 {
            let (op, se) = ops[0]
            if case .rich(let r) = op {
                return { f in
                    let a = try fe(f)
                    let b = try se(f)
                    if case .int(let x) = a, case .int(let y) = b { return .bool(Interpreter.compareOrdered(r, x, y)) }
                    return try f.interp.compare(r, a, b)
                }
            }
            return { f in
                let a = try fe(f)
                return try apply(op, a, try se(f), f.interp)
            }
        }
        return { f in
            var left = try fe(f)
            var result = PyValue.bool(true)
            for (op, e) in ops {
                let right = try e(f)
                result = try apply(op, left, right, f.interp)
                if !(try f.interp.isTruthy(result)) { return result }
                left = right
            }
            return result
        }
    }

    func compileFString(_ nodes: [FStringNode]) throws -> Eval {
        enum Piece {
            case text(String)
            case field(Eval, Character?, ((Frame) throws -> String)?, String?)
        }
        var pieces: [Piece] = []
        for node in nodes {
            switch node {
            case .literal(let s):
                pieces.append(.text(s))
            case .field(let e, let conversion, let spec, let debug):
                let ee = try compile(e)
                let specEval: ((Frame) throws -> String)? = spec.isEmpty ? nil : try {
                    let inner = try compileFString(spec)
                    return { f in
                        guard case .str(let s) = try inner(f) else { return "" }
                        return s
                    }
                }()
                pieces.append(.field(ee, conversion, specEval, debug))
            }
        }
        return { f in
            var out = ""
            let interp = f.interp
            for p in pieces {
                switch p {
                case .text(let s):
                    out += s
                case .field(let e, let conversion, let spec, let debug):
                    var v = try e(f)
                    if let debug { out += debug }
                    let conv = conversion ?? (debug != nil && spec == nil ? "r" : nil)
                    switch conv {
                    case "r": v = .str(try interp.repr(v))
                    case "s": v = .str(try interp.str(v))
                    case "a": v = .str(Interpreter.asciiEscaped(try interp.repr(v)))
                    default: break
                    }
                    if let spec {
                        out += try interp.format(v, spec: try spec(f))
                    } else if case .str(let s) = v {
                        out += s
                    } else {
                        out += try interp.format(v, spec: "")
                    }
                }
            }
            return .str(out)
        }
    }
}
