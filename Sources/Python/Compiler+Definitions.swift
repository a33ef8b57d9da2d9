/// Functions, lambdas, classes and comprehensions: each gets its own scope and code object.
extension Compiler {
    func withScope<T>(_ s: Scope, _ body: () throws -> T) rethrows -> T {
        let saved = scope
        let savedLine = statementLine
        scope = s
        defer {
            scope = saved
            statementLine = savedLine
        }
        return try body()
    }

    /// Code that creates the function object (defaults evaluated now, in the enclosing scope).
    func compileFunctionObject(_ def: FunctionDef, location: SourceLocation) throws -> Eval {
        let qualname = scope.qualname + def.name
        let fnScope = Scope(kind: .function, parent: scope, qualname: qualname + ".<locals>.")
        for p in def.parameters.items { fnScope.addSlot(p.name) }
        BindingCollector.collect(def.body, into: fnScope)
        for n in fnScope.nonlocals.sorted() {
            if fnScope.slots[n] != nil && def.parameters.items.contains(where: { $0.name == n }) {
                throw PySyntaxError(.syntaxError, "name '\(n)' is parameter and nonlocal", at: location)
            }
            if fnScope.findFree(n) == nil {
                throw PySyntaxError(.syntaxError, "no binding for nonlocal '\(n)' found", at: location)
            }
        }
        var defaultEvals: [(Int, Eval)] = []
        for (i, p) in def.parameters.items.enumerated() {
            if let d = p.defaultValue { defaultEvals.append((i, try compile(d))) }
        }
        let code = CodeObject(name: def.name, qualname: qualname, fileName: fileName,
                              firstLine: location.line, kind: .function)
        code.parameters = def.parameters.items.map { PySignature.Parameter(name: $0.name, kind: $0.kind) }
        code.simplePositional = def.parameters.items.allSatisfy { $0.kind == .positionalOrKeyword }
        code.docstring = Compiler.docstring(def.body)
        let body = try withScope(fnScope) { try compileBlock(def.body) }
        code.slotNames = fnScope.slotNames
        code.body = { f in _ = try body(f) }
        let count = def.parameters.items.count
        return { f in
            var defaults = [PyValue?](repeating: nil, count: count)
            for (i, e) in defaultEvals { defaults[i] = try e(f) }
            return .object(PyFunction(code: code, defaults: defaults, closure: Compiler.closureFrame(f), module: f.module))
        }
    }

    func compileFunctionDef(_ def: FunctionDef, location: SourceLocation) throws -> Exec {
        let decorators = try def.decorators.map(compile)
        let make = try compileFunctionObject(def, location: location)
        let bind = store(def.name)
        return { f in
            var decoratorValues: [PyValue] = []
            for d in decorators { decoratorValues.append(try d(f)) }
            var value = try make(f)
            for d in decoratorValues.reversed() { value = try f.interp.call(d, [value]) }
            try bind(f, value)
            return .normal
        }
    }

    func compileClassDef(_ def: ClassDef, location: SourceLocation) throws -> Exec {
        if def.bases.count > 1 { throw unsupported("multiple inheritance", location) }
        let decorators = try def.decorators.map(compile)
        let baseEval = try def.bases.first.map(compile)
        let qualname = scope.qualname + def.name
        let classScope = Scope(kind: .classBody, parent: scope, qualname: qualname + ".")
        BindingCollector.collect(def.body, into: classScope)
        let code = CodeObject(name: def.name, qualname: qualname, fileName: fileName,
                              firstLine: location.line, kind: .classBody)
        let body = try withScope(classScope) { try compileBlock(def.body) }
        code.body = { f in _ = try body(f) }
        code.docstring = Compiler.docstring(def.body)
        let bind = store(def.name)
        let name = def.name
        let line = location.line
        return { f in
            var decoratorValues: [PyValue] = []
            for d in decorators { decoratorValues.append(try d(f)) }
            var base: PyClass?
            var native: NativeClass?
            if let baseEval {
                let b = try baseEval(f)
                switch b {
                case .object(let c as PyClass):
                    if c.isBuiltin && c.kind != .object && c.kind != .baseException {
                        throw UnsupportedFeature("subclassing builtin type '\(c.name)'", line: line)
                    }
                    base = c
                case .object(let n as NativeClass):
                    native = n
                default:
                    throw PyException(.typeError, "bases must be types")
                }
            }
            let cf = Frame(code: code, parent: Compiler.closureFrame(f), module: f.module, interp: f.interp)
            var ns: [String: PyValue] = ["__module__": .str(f.module.name), "__qualname__": .str(qualname)]
            if let doc = code.docstring { ns["__doc__"] = .str(doc) }
            cf.classNamespace = ns
            _ = try f.interp.runFrame(cf)
            let cls = PyClass(name: name, base: base, nativeBase: native, dict: cf.classNamespace!, moduleName: f.module.name)
            for (_, v) in cls.dict { Compiler.setDefiningClass(v, cls) }
            var value = PyValue.object(cls)
            for d in decoratorValues.reversed() { value = try f.interp.call(d, [value]) }
            try bind(f, value)
            return .normal
        }
    }

    static func setDefiningClass(_ v: PyValue, _ cls: PyClass) {
        guard case .object(let o) = v else { return }
        switch o {
        case let fn as PyFunction: if fn.definingClass == nil { fn.definingClass = cls }
        case let s as PyStaticMethod: setDefiningClass(s.function, cls)
        case let c as PyClassMethod: setDefiningClass(c.function, cls)
        case let p as PyProperty:
            setDefiningClass(p.getter, cls)
            setDefiningClass(p.setter, cls)
        default: break
        }
    }

    func compileComprehension(_ kind: ComprehensionKind, _ clauses: [ComprehensionClause], _ location: SourceLocation) throws -> Eval {
        let firstIterable = try compile(clauses[0].iterable)
        let compScope = Scope(kind: .comprehension, parent: scope, qualname: scope.qualname)
        compScope.addSlot(".0")
        for c in clauses {
            var names: [String] = []
            BindingCollector.targetNames(c.target, &names)
            for n in names { compScope.addSlot(n) }
        }
        let name: String
        switch kind {
        case .list: name = "<listcomp>"
        case .set: name = "<setcomp>"
        case .dict: name = "<dictcomp>"
        case .generator: name = "<genexpr>"
        }
        struct Level {
            let iterable: Eval?
            let target: Assign
            let conditions: [Eval]
        }
        let (levels, element, value): ([Level], Eval, Eval?) = try withScope(compScope) {
            var levels: [Level] = []
            for (i, c) in clauses.enumerated() {
                levels.append(Level(iterable: i == 0 ? nil : try compile(c.iterable),
                                    target: try compileTarget(c.target),
                                    conditions: try c.conditions.map(compile)))
            }
            switch kind {
            case .list(let e), .set(let e), .generator(let e): return (levels, try compile(e), nil)
            case .dict(let k, let v): return (levels, try compile(k), try compile(v))
            }
        }
        let code = CodeObject(name: name, qualname: scope.qualname + name, fileName: fileName,
                              firstLine: location.line, kind: .comprehension)
        code.slotNames = compScope.slotNames
        let isSet: Bool, isDict: Bool, isGenerator: Bool
        switch kind {
        case .set: (isSet, isDict, isGenerator) = (true, false, false)
        case .dict: (isSet, isDict, isGenerator) = (false, true, false)
        case .generator: (isSet, isDict, isGenerator) = (false, false, true)
        case .list: (isSet, isDict, isGenerator) = (false, false, false)
        }
        code.body = { f in
            let interp = f.interp
            var items: [PyValue] = []
            let dict = isDict ? PyDict() : nil
            func run(_ level: Int, _ iterable: PyValue) throws {
                let l = levels[level]
                try interp.forEach(iterable) { v in
                    try interp.tick()
                    try l.target(f, v)
                    for c in l.conditions where !(try interp.isTruthy(try c(f))) { return true }
                    if level + 1 < levels.count {
                        try run(level + 1, try levels[level + 1].iterable!(f))
                    } else if let dict {
                        let k = try element(f)
                        try dict.set(k, try value!(f))
                    } else {
                        items.append(try element(f))
                    }
                    return true
                }
            }
            try run(0, f.slots[0]!)
            if let dict {
                f.returnValue = .dict(dict)
            } else if isSet {
                let s = PySet()
                for v in items { try s.add(v) }
                f.returnValue = .object(s)
            } else if isGenerator {
                f.returnValue = .object(PyArrayIterator(items, typeName: "generator"))
            } else {
                f.returnValue = .list(PyList(items))
            }
        }
        return { f in
            let iterable = try firstIterable(f)
            let cf = Frame(code: code, parent: Compiler.closureFrame(f), module: f.module, interp: f.interp)
            cf.slots[0] = iterable
            return try f.interp.runFrame(cf)
        }
    }
}
