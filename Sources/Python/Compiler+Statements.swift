/// Statements to closures. Every statement sets the frame's line, counts a step and, when an
/// observer is attached, reports itself before running.
extension Compiler {
    func compileBlock(_ body: [Stmt]) throws -> Exec {
        var execs: [Exec] = []
        execs.reserveCapacity(body.count)
        for s in body { execs.append(try compileStatement(s)) }
        switch execs.count {
        case 0: return { _ in .normal }
        case 1: return execs[0]
        default:
            return { f in
                for e in execs {
                    let flow = try e(f)
                    if case .normal = flow { continue }
                    return flow
                }
                return .normal
            }
        }
    }

    func compileStatement(_ stmt: Stmt) throws -> Exec {
        let line = stmt.location.line
        statementLine = line
        let body = try compileStatementBody(stmt)
        let info = statementInfo(line: line)
        if !observed {
            return { f in
                f.line = line
                try f.interp.tick()
                do {
                    return try body(f)
                } catch {
                    throw f.interp.pythonError(error)
                }
            }
        }
        let simple: Bool
        switch stmt.kind {
        case .if, .while, .for, .with, .try: simple = false
        default: simple = true
        }
        return { f in
            f.line = line
            let interp = f.interp
            interp.steps &+= 1
            if interp.steps > interp.stepCheckpoint { try interp.checkpoint() }
            guard let o = interp.observer else {
                do {
                    return try body(f)
                } catch {
                    throw interp.pythonError(error)
                }
            }
            o.willExecute(line: line, statement: info)
            let flow: Flow
            do {
                flow = try body(f)
            } catch {
                let error = interp.pythonError(error)
                if let e = error as? PyException, !e.instance.exceptionState.reported {
                    e.instance.exceptionState.reported = true
                    o.didRaise(type: interp.exceptionTypeName(e), message: interp.exceptionMessage(e), line: line)
                }
                throw error
            }
            if simple { o.didExecute(line: line) }
            return flow
        }
    }

    func compileStatementBody(_ stmt: Stmt) throws -> Exec {
        let loc = stmt.location
        switch stmt.kind {
        case .expression(let e):
            let ee = try compile(e)
            return { f in
                _ = try ee(f)
                return .normal
            }
        case .assign(let targets, let value):
            let ve = try compile(value)
            let assigns = try targets.map(compileTarget)
            if assigns.count == 1 {
                let a = assigns[0]
                return { f in
                    try a(f, try ve(f))
                    return .normal
                }
            }
            return { f in
                let v = try ve(f)
                for a in assigns { try a(f, v) }
                return .normal
            }
        case .augAssign(let target, let op, let value):
            return try compileAugAssign(target, op, value)
        case .annAssign(let target, let annotation, let value):
            let record = try compileAnnotationRecord(target, annotation)
            guard let value else {
                return { f in
                    try record?(f)
                    return .normal
                }
            }
            let ve = try compile(value)
            let a = try compileTarget(target)
            return { f in
                try a(f, try ve(f))
                try record?(f)
                return .normal
            }
        case .pass, .global, .nonlocal:
            return { _ in .normal }
        case .break:
            return { _ in .breakLoop }
        case .continue:
            return { _ in .continueLoop }
        case .return(let value):
            guard let value else {
                return { f in
                    f.returnValue = .none
                    return .returned
                }
            }
            let ve = try compile(value)
            return { f in
                f.returnValue = try ve(f)
                return .returned
            }
        case .delete(let targets):
            let parts = try targets.map(compileDeleteTarget)
            return { f in
                for p in parts { _ = try p(f) }
                return .normal
            }
        case .if(let branches, let orelse):
            let compiled: [(Eval, Exec)] = try branches.map { (try compile($0.test), try compileBlock($0.body)) }
            let elseBlock = try compileBlock(orelse)
            if compiled.count == 1 {
                let (test, body) = compiled[0]
                return { f in
                    let t = try test(f)
                    if case .bool(let b) = t { return b ? try body(f) : try elseBlock(f) }
                    return try f.interp.isTruthy(t) ? try body(f) : try elseBlock(f)
                }
            }
            let lines = branches.map { $0.test.location.line }
            return { f in
                for (i, (test, body)) in compiled.enumerated() {
                    f.line = lines[i]
                    if try f.interp.isTruthy(try test(f)) { return try body(f) }
                }
                return try elseBlock(f)
            }
        case .while(let test, let body, let orelse):
            let te = try compile(test)
            let be = try compileBlock(body)
            let ee = try compileBlock(orelse)
            let line = test.location.line
            let observed = observed
            return { f in
                let interp = f.interp
                var iteration = 0
                while try interp.isTruthy(try te(f)) {
                    try interp.tick()
                    if observed, let o = interp.observer {
                        o.loopIteration(line: line, index: iteration)
                        iteration += 1
                    }
                    switch try be(f) {
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    default: f.line = line
                    }
                }
                return try ee(f)
            }
        case .for(let target, let iterable, let body, let orelse):
            return try compileFor(target, iterable, body, orelse)
        case .functionDef(let def):
            return try compileFunctionDef(def, location: loc)
        case .classDef(let def):
            return try compileClassDef(def, location: loc)
        case .with(let items, let body):
            return try compileWith(items, body)
        case .try(let body, let handlers, let orelse, let finalBody):
            return try compileTry(body, handlers, orelse, finalBody)
        case .raise(let exc, let cause):
            let ee = try exc.map(compile)
            let ce = try cause.map(compile)
            return { f in
                guard let ee else {
                    if let active = f.interp.activeException(f) { throw active }
                    throw PyException(.runtimeError, "No active exception to reraise")
                }
                let value = try ee(f)
                let exception = try f.interp.makeException(value)
                if let ce {
                    let causeValue = try ce(f)
                    exception.suppressContext = true
                    if !causeValue.isNone { exception.cause = try f.interp.makeException(causeValue) }
                }
                throw exception
            }
        case .assert(let test, let message):
            let te = try compile(test)
            let me = try message.map(compile)
            return { f in
                if try f.interp.isTruthy(try te(f)) { return .normal }
                if let me { throw PyException(.assertionError, args: [try me(f)]) }
                throw PyException(.assertionError, nil)
            }
        case .import(let names):
            return try compileImport(names)
        case .importFrom(let module, let names):
            return try compileImportFrom(module, names, loc)
        }
    }

    private func compileAugAssign(_ target: Expr, _ op: PyBinaryOp, _ value: Expr) throws -> Exec {
        let ve = try compile(value)
        switch target.kind {
        case .name(let n):
            let get = load(n)
            let set = store(n)
            return { f in
                let current = try get(f)
                let v = try ve(f)
                if case .float(let x) = current, case .float(let y) = v, op == .add {
                    try set(f, .float(x + y))
                } else {
                    try set(f, try f.interp.inplaceOp(op, current, v))
                }
                return .normal
            }
        case .attribute(let obj, let name):
            let oe = try compile(obj)
            return { f in
                let o = try oe(f)
                let current = try f.interp.getAttribute(o, name)
                let result = try f.interp.inplaceOp(op, current, try ve(f))
                try f.interp.setAttribute(o, name, result)
                return .normal
            }
        case .index(let obj, let key):
            let oe = try compile(obj)
            let ke = try compile(key)
            return { f in
                let o = try oe(f)
                let k = try ke(f)
                let current = try f.interp.getItem(o, k)
                let result = try f.interp.inplaceOp(op, current, try ve(f))
                try f.interp.setItem(o, k, result)
                return .normal
            }
        default:
            throw PySyntaxError(.syntaxError, "'\(Parser.describe(target))' is an illegal expression for augmented assignment", at: target.location)
        }
    }

    private func compileFor(_ target: Expr, _ iterable: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws -> Exec {
        let ie = try compile(iterable)
        let assign = try compileTarget(target)
        let be = try compileBlock(body)
        let ee = try compileBlock(orelse)
        let line = target.location.line
        let observed = observed
        return { f in
            let interp = f.interp
            let it = try ie(f)
            var exit: Flow?
            var iteration = 0
            try interp.forEach(it, ticks: false) { v in
                try interp.tick()
                f.line = line
                if observed, let o = interp.observer {
                    o.loopIteration(line: line, index: iteration)
                    iteration += 1
                }
                try assign(f, v)
                switch try be(f) {
                case .breakLoop:
                    exit = .normal
                    return false
                case .returned:
                    exit = .returned
                    return false
                default:
                    // The next element is fetched on the loop's line (tracebacks name it there).
                    f.line = line
                    return true
                }
            }
            if let exit { return exit }
            return try ee(f)
        }
    }

    private func compileWith(_ items: [WithItem], _ body: [Stmt]) throws -> Exec {
        var inner = try compileBlock(body)
        for item in items.reversed() {
            let ce = try compile(item.context)
            let target = try item.target.map(compileTarget)
            let next = inner
            inner = { f in
                let interp = f.interp
                let manager = try ce(f)
                let entered = try interp.enterContext(manager)
                let flow: Flow
                do {
                    if let target { try target(f, entered) }
                    flow = try next(f)
                } catch let e as PyException {
                    if try interp.exitContext(manager, e) { return .normal }
                    throw e
                }
                _ = try interp.exitContext(manager, nil)
                return flow
            }
        }
        return inner
    }

    private func compileTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], _ finalBody: [Stmt]) throws -> Exec {
        let be = try compileBlock(body)
        let compiledHandlers: [(type: Eval?, bind: Assign?, unbind: Exec?, body: Exec, line: Int)] = try handlers.map { h in
            (try h.type.map(compile), h.name.map(store), h.name.map(delete), try compileBlock(h.body), h.location.line)
        }
        let ee = try compileBlock(orelse)
        let fe: Exec? = finalBody.isEmpty ? nil : try compileBlock(finalBody)
        let tryExcept: Exec = { f in
            let interp = f.interp
            do {
                let flow = try be(f)
                if case .normal = flow {} else { return flow }
            } catch let e as PyException {
                interp.addTracebackEntry(e, f)
                for h in compiledHandlers {
                    if let te = h.type {
                        f.line = h.line
                        guard try interp.exceptionMatches(e, try te(f)) else { continue }
                    }
                    if e.context == nil, let outer = interp.handling.last, !outer.isSame(as: e) {
                        e.context = outer
                    }
                    if let bind = h.bind { try bind(f, .object(e.instance)) }
                    let saved = f.handledException
                    f.handledException = e
                    interp.handling.append(e)
                    defer {
                        f.handledException = saved
                        interp.handling.removeLast()
                    }
                    let flow: Flow
                    do {
                        flow = try h.body(f)
                    } catch let inner as PyException {
                        if !inner.isSame(as: e) && inner.context == nil { inner.context = e }
                        throw inner
                    }
                    if let unbind = h.unbind { _ = try? unbind(f) }
                    return flow
                }
                throw e
            }
            return try ee(f)
        }
        guard let fe else { return tryExcept }
        return { f in
            let flow: Flow
            do {
                flow = try tryExcept(f)
            } catch let e as PyException {
                let finalFlow: Flow
                do {
                    finalFlow = try fe(f)
                } catch let inner as PyException {
                    if !inner.isSame(as: e) && inner.context == nil { inner.context = e }
                    throw inner
                }
                if case .normal = finalFlow {} else { return finalFlow }
                throw e
            }
            let finalFlow = try fe(f)
            if case .normal = finalFlow {} else { return finalFlow }
            return flow
        }
    }

    private func compileImport(_ names: [ImportName]) throws -> Exec {
        let parts: [(String, String?, Assign, Int)] = names.map { n in
            let bindName = n.alias ?? String(n.name.split(separator: ".").first!)
            return (n.name, n.alias, store(bindName), n.location.line)
        }
        return { f in
            for (name, alias, bind, line) in parts {
                let module = try f.interp.importModule(name, line: line)
                if alias != nil {
                    try bind(f, .object(module))
                } else {
                    let top = try f.interp.importModule(String(name.split(separator: ".").first!), line: line)
                    try bind(f, .object(top))
                }
            }
            return .normal
        }
    }

    private func compileImportFrom(_ module: String, _ names: [ImportName], _ loc: SourceLocation) throws -> Exec {
        let parts: [(String, Assign)] = names.map { ($0.name, store($0.alias ?? $0.name)) }
        let line = loc.line
        return { f in
            let interp = f.interp
            let m = try interp.importModule(module, line: line)
            for (name, bind) in parts {
                if let v = try m.getAttr(name, interp: interp) {
                    try bind(f, v)
                } else if let sub = try? interp.importModule(module + "." + name, line: line) {
                    try bind(f, .object(sub))
                } else {
                    throw PyException(.importError, "cannot import name '\(name)' from '\(module)' (unknown location)")
                }
            }
            return .normal
        }
    }
}
