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
        code.isGenerator = YieldScan.firstYield(in: def.body) != nil
        let body = try withScope(fnScope) {
            code.isGenerator ? try compileGeneratorBody(def.body) : try compileBlock(def.body)
        }
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
            try f.interp.recordAbstractMethods(cls)
            // Descriptors learn the name they were bound to (sorted: the namespace keeps no order).
            for (attrName, v) in cls.dict.sorted(by: { $0.key < $1.key }) {
                if case .object(let d as PyInstance) = v, let setName = d.cls.lookup("__set_name__") {
                    _ = try f.interp.call(setName, [v, .object(cls), .str(attrName)])
                }
            }
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
        let name: String, what: String
        switch kind {
        case .list: (name, what) = ("<listcomp>", "list comprehension")
        case .set: (name, what) = ("<setcomp>", "set comprehension")
        case .dict: (name, what) = ("<dictcomp>", "dict comprehension")
        case .generator: (name, what) = ("<genexpr>", "generator expression")
        }
        var inner: [Expr] = clauses.dropFirst().map(\.iterable) + clauses.flatMap(\.conditions)
        switch kind {
        case .list(let e), .set(let e), .generator(let e): inner.append(e)
        case .dict(let k, let v): inner += [k, v]
        }
        for e in inner {
            if let y = YieldScan.firstYield(e) { throw PySyntaxError(.syntaxError, "'yield' inside \(what)", at: y.location) }
        }
        if case .generator(let element) = kind {
            return try compileGeneratorExpression(element, clauses, location)
        }
        let firstIterable = try compile(clauses[0].iterable)
        let compScope = Scope(kind: .comprehension, parent: scope, qualname: scope.qualname)
        compScope.addSlot(".0")
        var iterationNames: [String] = []
        for c in clauses {
            var names: [String] = []
            BindingCollector.targetNames(c.target, &names)
            for n in names { compScope.addSlot(n) }
            iterationNames += names
        }
        try declareNamedExprTargets(kind, clauses, in: compScope, iterationNames: iterationNames)
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
        let isSet: Bool, isDict: Bool
        switch kind {
        case .set: (isSet, isDict) = (true, false)
        case .dict: (isSet, isDict) = (false, true)
        case .list, .generator: (isSet, isDict) = (false, false)
        }
        code.body = { f in
            let interp = f.interp
            var items: [PyValue] = []
            let dict = isDict ? PyDict() : nil
            func run(_ level: Int, _ iterable: PyValue) throws {
                let l = levels[level]
                try interp.forEach(iterable, ticks: false) { v in
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

    /// `(element for ... in ...)`: a generator running `for target in .0: [if cond:] yield element`,
    /// whose first iterable is turned into an iterator when the expression is evaluated.
    func compileGeneratorExpression(_ element: Expr, _ clauses: [ComprehensionClause], _ location: SourceLocation) throws -> Eval {
        let firstIterable = try compile(clauses[0].iterable)
        let compScope = Scope(kind: .comprehension, parent: scope, qualname: scope.qualname)
        compScope.addSlot(".0")
        var iterationNames: [String] = []
        for c in clauses {
            var names: [String] = []
            BindingCollector.targetNames(c.target, &names)
            for n in names { compScope.addSlot(n) }
            iterationNames += names
        }
        try declareNamedExprTargets(.generator(element), clauses, in: compScope, iterationNames: iterationNames)
        var body = Stmt(.expression(Expr(.yield(element), element.location)), element.location)
        for (i, c) in clauses.enumerated().reversed() {
            for condition in c.conditions.reversed() {
                body = Stmt(.if([(condition, [body])], orelse: []), condition.location)
            }
            let iterable = i == 0 ? Expr(.name(".0"), c.iterable.location) : c.iterable
            body = Stmt(.for(target: c.target, iterable: iterable, body: [body], orelse: []), c.target.location)
        }
        let code = CodeObject(name: "<genexpr>", qualname: scope.qualname + "<genexpr>", fileName: fileName,
                              firstLine: location.line, kind: .comprehension)
        code.isGenerator = true
        let exec = try withScope(compScope) {
            try compileResumableBlock(Compiler.unreported(try lowerGeneratorBlock([body])))
        }
        code.slotNames = compScope.slotNames
        code.body = { f in _ = try exec(f) }
        return { f in
            let iterator = try f.interp.makeIterator(try firstIterable(f))
            let cf = Frame(code: code, parent: Compiler.closureFrame(f), module: f.module, interp: f.interp)
            cf.slots[0] = .object(iterator)
            return .object(PyGenerator(frame: cf, interp: f.interp))
        }
    }

    /// The statements with none of them reported to the observer (a generator expression's
    /// loops are not statements of the lesson).
    static func unreported(_ stmts: [GenStmt]) -> [GenStmt] {
        stmts.map { s in
            var out = s
            out.reported = false
            switch s.kind {
            case .plain, .yield, .yieldFrom: break
            case .if(let branches, let orelse):
                out.kind = .if(branches.map { ($0.test, unreported($0.body)) }, orelse: unreported(orelse))
            case .while(let prelude, let test, let body, let orelse):
                out.kind = .while(prelude: unreported(prelude), test: test, body: unreported(body), orelse: unreported(orelse))
            case .for(let target, let iterable, let body, let orelse):
                out.kind = .for(target: target, iterable: iterable, body: unreported(body), orelse: unreported(orelse))
            case .with(let context, let target, let body):
                out.kind = .with(context: context, target: target, body: unreported(body))
            case .try(let body, let handlers, let orelse, let finalBody):
                out.kind = .try(body: unreported(body),
                                handlers: handlers.map { GenHandler(type: $0.type, name: $0.name, body: unreported($0.body), line: $0.line) },
                                orelse: unreported(orelse), finally: unreported(finalBody))
            }
            return out
        }
    }
}
