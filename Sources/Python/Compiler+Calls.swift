/// Calls: argument evaluation, method calls without bound-method objects, zero-argument `super()`.
extension Compiler {
    /// Code that evaluates call arguments; with `reserveReceiver`, positional slot 0 is left
    /// for the receiver of a method call.
    func compileArguments(_ args: [Argument], reserveReceiver: Bool = false) throws -> (Frame) throws -> PyArgs {
        var positional: [Eval] = []
        var keywords: [(String, Eval)] = []
        var simple = true
        for a in args {
            switch a {
            case .positional(let e): positional.append(try compile(e))
            case .keyword(let n, let e): keywords.append((n, try compile(e)))
            case .star, .doubleStar: simple = false
            }
        }
        if simple && reserveReceiver {
            return { f in
                var values: [PyValue] = [.none]
                values.reserveCapacity(positional.count + 1)
                for p in positional { values.append(try p(f)) }
                var kws: [(name: String, value: PyValue)] = []
                for (n, e) in keywords { kws.append((n, try e(f))) }
                return PyArgs(values, keywords: kws)
            }
        }
        if simple {
            if keywords.isEmpty {
                switch positional.count {
                case 0: return { _ in PyArgs() }
                case 1:
                    let a0 = positional[0]
                    return { f in PyArgs([try a0(f)]) }
                case 2:
                    let a0 = positional[0], a1 = positional[1]
                    return { f in
                        let x = try a0(f)
                        return PyArgs([x, try a1(f)])
                    }
                default:
                    return { f in
                        var values: [PyValue] = []
                        values.reserveCapacity(positional.count)
                        for p in positional { values.append(try p(f)) }
                        return PyArgs(values)
                    }
                }
            }
            return { f in
                var values: [PyValue] = []
                for p in positional { values.append(try p(f)) }
                var kws: [(name: String, value: PyValue)] = []
                for (n, e) in keywords { kws.append((n, try e(f))) }
                return PyArgs(values, keywords: kws)
            }
        }
        enum Piece {
            case positional(Eval), keyword(String, Eval), star(Eval), doubleStar(Eval)
        }
        let pieces: [Piece] = try args.map {
            switch $0 {
            case .positional(let e): return .positional(try compile(e))
            case .keyword(let n, let e): return .keyword(n, try compile(e))
            case .star(let e): return .star(try compile(e))
            case .doubleStar(let e): return .doubleStar(try compile(e))
            }
        }
        return { f in
            var result = PyArgs(reserveReceiver ? [.none] : [])
            for p in pieces {
                switch p {
                case .positional(let e): result.positional.append(try e(f))
                case .keyword(let n, let e): result.keywords.append((n, try e(f)))
                case .star(let e):
                    let v = try e(f)
                    guard try f.interp.isIterable(v) else {
                        throw PyException(.typeError, "Value after * must be an iterable, not \(v.typeName)")
                    }
                    result.positional.append(contentsOf: try f.interp.iterate(v))
                case .doubleStar(let e):
                    let v = try e(f)
                    guard case .dict(let d) = v else {
                        throw PyException(.typeError, "argument after ** must be a mapping, not \(v.typeName)")
                    }
                    for (k, value) in d.items {
                        guard case .str(let key) = k else { throw PyException(.typeError, "keywords must be strings") }
                        if result.keywords.contains(where: { $0.name == key }) {
                            throw PyException(.typeError, "got multiple values for keyword argument '\(key)'")
                        }
                        result.keywords.append((key, value))
                    }
                }
            }
            return result
        }
    }

    func compileCall(_ callee: Expr, _ args: [Argument], _ location: SourceLocation) throws -> Eval {
        let line = location.line
        let setLine = line != statementLine
        if case .attribute(let objExpr, let name) = callee.kind {
            let oe = try compile(objExpr)
            let argsEval = try compileArguments(args, reserveReceiver: true)
            return { f in
                let obj = try oe(f)
                if case .object(let inst as PyInstance) = obj, inst.attributes[name] == nil,
                   case .object(let fn as PyFunction)? = inst.cls.lookup(name) {
                    var a = try argsEval(f)
                    a.positional[0] = obj
                    if setLine { f.line = line }
                    return try f.interp.callFunction(fn, a)
                }
                if case .list(let l) = obj, name == "append" {
                    var a = try argsEval(f)
                    if a.positional.count == 2 && a.keywords.isEmpty {
                        l.items.append(a.positional[1])
                        return .none
                    }
                    a.positional.removeFirst()
                    return try f.interp.call(try f.interp.getAttribute(obj, name), a)
                }
                let method = try f.interp.getAttribute(obj, name)
                var a = try argsEval(f)
                a.positional.removeFirst()
                if setLine { f.line = line }
                return try f.interp.call(method, a)
            }
        }
        let argsEval = try compileArguments(args)
        if case .name("super") = callee.kind, args.isEmpty {
            let superLoad = load("super")
            let firstArg: Eval? = scope.isFunctionLike && !scope.slotNames.isEmpty ? load(scope.slotNames[0]) : nil
            return { f in
                let s = try superLoad(f)
                if case .object(let b as PyBuiltinFunction) = s, b.name == "super" {
                    guard let cls = f.definingClass else {
                        throw PyException(.runtimeError, "super(): __class__ cell not found")
                    }
                    guard let firstArg else { throw PyException(.runtimeError, "super(): no arguments") }
                    return .object(PySuper(startClass: cls, receiver: try firstArg(f)))
                }
                return try f.interp.call(s, PyArgs())
            }
        }
        let ce = try compile(callee)
        return { f in
            let c = try ce(f)
            let a = try argsEval(f)
            if setLine { f.line = line }
            if case .object(let o) = c, let r = try o.call(a, interp: f.interp) { return r }
            throw PyException(.typeError, "'\(c.typeName)' object is not callable")
        }
    }
}

extension Interpreter {
    /// `obj.name(args)`, calling plain methods of user classes without creating a bound method.
    func callMethod(_ obj: PyValue, _ name: String, _ args: PyArgs) throws -> PyValue {
        if case .object(let inst as PyInstance) = obj, inst.attributes[name] == nil,
           case .object(let fn as PyFunction)? = inst.cls.lookup(name) {
            var a = args
            a.positional.insert(obj, at: 0)
            return try callFunction(fn, a)
        }
        let method = try getAttribute(obj, name)
        return try call(method, args)
    }

    /// True when `iter(v)` would succeed.
    func isIterable(_ v: PyValue) throws -> Bool {
        switch v {
        case .list, .tuple, .str, .dict: return true
        case .object(let o): return try o.iterate(interp: self) != nil
        default: return false
        }
    }

    /// `ascii()` escaping of a repr: non-ASCII characters as `\x`, `\u` or `\U` escapes.
    static func asciiEscaped(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.isASCII {
                out.unicodeScalars.append(u)
            } else if u.value <= 0xff {
                out += "\\x" + String(format2: u.value, width: 2)
            } else if u.value <= 0xffff {
                out += "\\u" + String(format2: u.value, width: 4)
            } else {
                out += "\\U" + String(format2: u.value, width: 8)
            }
        }
        return out
    }
}

extension String {
    init(format2 value: UInt32, width: Int) {
        let h = String(value, radix: 16)
        self = String(repeating: "0", count: Swift.max(0, width - h.count)) + h
    }
}
