/// The `operator` module: Python's operators as functions (`operator.add`,
/// `operator.lt`, `operator.getitem`, the in-place forms) and the callables `itemgetter`,
/// `attrgetter` and `methodcaller`.
extension Interpreter {
    func makeOperatorModule() -> PyModuleObject {
        let m = PyModuleObject(name: "operator")
        func define(_ names: [String], _ body: @escaping (PyArgs, Interpreter) throws -> PyValue) {
            let f = PyValue.object(PyBuiltinFunction(name: names[0], body))
            for n in names { m.set(n, f) }
        }
        func unary(_ name: String, aliases: [String] = [], _ body: @escaping (PyValue, Interpreter) throws -> PyValue) {
            define([name] + aliases + ["__\(name)__"]) { args, interp in
                if !args.keywords.isEmpty { throw PyException(.typeError, "\(name)() takes no keyword arguments") }
                guard args.positional.count == 1 else {
                    throw PyException(.typeError, "_operator.\(name)() takes exactly one argument (\(args.positional.count) given)")
                }
                return try body(args.positional[0], interp)
            }
        }
        func binary(_ name: String, dunder: Bool = true, _ body: @escaping (PyValue, PyValue, Interpreter) throws -> PyValue) {
            define(dunder ? [name, "__\(name.hasSuffix("_") ? String(name.dropLast()) : name)__"] : [name]) { args, interp in
                try Interpreter.expectArgs(args, name, min: 2, max: 2)
                return try body(args.positional[0], args.positional[1], interp)
            }
        }
        for op in PyBinaryOp.allCases {
            let name = ["and": "and_", "or": "or_"][op.dunderStem] ?? op.dunderStem
            binary(name) { a, b, interp in try interp.binaryOp(op, a, b) }
            binary("i" + op.dunderStem) { a, b, interp in try interp.inplaceOp(op, a, b) }
        }
        for op in [PyCompareOp.lt, .le, .eq, .ne, .gt, .ge] {
            binary(String(op.dunder.dropFirst(2).dropLast(2))) { a, b, interp in try interp.compare(op, a, b) }
        }
        unary("neg") { v, interp in try interp.unaryOp(.neg, v) }
        unary("pos") { v, interp in try interp.unaryOp(.pos, v) }
        unary("invert", aliases: ["inv", "__inv__"]) { v, interp in try interp.unaryOp(.invert, v) }
        unary("abs") { v, interp in try interp.call(interp.builtins.get("abs") ?? .none, [v]) }
        unary("not_") { v, interp in .bool(!(try interp.isTruthy(v))) }
        unary("truth") { v, interp in .bool(try interp.isTruthy(v)) }
        unary("index") { v, interp in .int(try interp.index(v)) }
        binary("is_", dunder: false) { a, b, _ in .bool(a.isIdentical(to: b)) }
        binary("is_not", dunder: false) { a, b, _ in .bool(!a.isIdentical(to: b)) }
        binary("contains") { a, b, interp in .bool(try interp.contains(a, b)) }
        binary("getitem") { a, b, interp in try interp.getItem(a, b) }
        binary("delitem") { a, b, interp in
            try interp.deleteItem(a, b)
            return .none
        }
        define(["setitem", "__setitem__"]) { args, interp in
            try Interpreter.expectArgs(args, "setitem", min: 3, max: 3)
            try interp.setItem(args.positional[0], args.positional[1], args.positional[2])
            return .none
        }
        for (name, inplace) in [("concat", false), ("iconcat", true)] {
            binary(name) { a, b, interp in
                guard Interpreter.isSequence(a) else { throw PyException(.typeError, "'\(a.typeName)' object can't be concatenated") }
                return inplace ? try interp.inplaceOp(.add, a, b) : try interp.binaryOp(.add, a, b)
            }
        }
        // Identity first, then ==, as the `in` operator compares.
        func same(_ v: PyValue, _ b: PyValue, _ interp: Interpreter) throws -> Bool {
            if v.isIdentical(to: b) { return true }
            return try interp.isTruthy(try interp.compare(.eq, v, b))
        }
        binary("countOf", dunder: false) { a, b, interp in
            var n = 0
            for v in try interp.iterate(a) where try same(v, b, interp) { n += 1 }
            return .int(n)
        }
        binary("indexOf", dunder: false) { a, b, interp in
            for (i, v) in try interp.iterate(a).enumerated() where try same(v, b, interp) { return .int(i) }
            throw PyException(.valueError, "sequence.index(x): x not in sequence")
        }
        define(["length_hint"]) { args, interp in
            try Interpreter.expectArgs(args, "length_hint", min: 1, max: 2)
            if let n = try? interp.call(interp.builtins.get("len") ?? .none, [args.positional[0]]) { return n }
            return args.positional.count == 2 ? args.positional[1] : .int(0)
        }
        m.set("itemgetter", .object(OperatorGetter.itemgetterType))
        m.set("attrgetter", .object(OperatorGetter.attrgetterType))
        m.set("methodcaller", .object(OperatorGetter.methodcallerType))
        return m
    }

    /// Whether `v` supports `+` as sequence concatenation (what `operator.concat` checks).
    private static func isSequence(_ v: PyValue) -> Bool {
        switch v {
        case .str, .list, .tuple, .object: return true
        default: return false
        }
    }
}
