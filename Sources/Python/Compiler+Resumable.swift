/// Generator bodies to closures that can continue after a yield.
///
/// A yield throws ``GeneratorSuspension/error``; every statement it passes records a ``ResumeMark``.
/// The next `next()`/`send()` runs the body again with ``GeneratorState/resuming`` set: each
/// statement on the way takes its mark and goes straight back into the part it left, until
/// the yield itself is reached, which clears the flag and evaluates to the sent value.
extension Compiler {
    /// The body of a generator function.
    func compileGeneratorBody(_ body: [Stmt]) throws -> Exec {
        try compileResumableBlock(try lowerGeneratorBlock(body))
    }

    func compileResumableBlock(_ stmts: [GenStmt]) throws -> Exec {
        let execs = try stmts.map(compileResumable)
        if execs.isEmpty { return { _ in .normal } }
        return { f in
            let state = try f.generatorState()
            var i = state.resuming ? try state.nextPosition() : 0
            while i < execs.count {
                let flow: Flow
                do {
                    flow = try execs[i](f)
                } catch where state.suspended {
                    state.marks.append(.position(i))
                    throw error
                }
                if case .normal = flow {
                    i += 1
                    continue
                }
                return flow
            }
            return .normal
        }
    }

    private func compileResumable(_ s: GenStmt) throws -> Exec {
        let line = s.line
        statementLine = line
        if case .plain(let stmt) = s.kind {
            if s.reported { return try compileStatement(stmt) }
            let body = try compileStatementBody(stmt)
            return { f in
                f.line = line
                return try body(f)
            }
        }
        let body: Exec
        switch s.kind {
        case .plain:
            return { _ in .normal }
        case .yield(let value, let targets):
            body = try compileYield(value, targets)
        case .yieldFrom(let iterable, let targets):
            body = try compileYieldFrom(iterable, targets)
        case .if(let branches, let orelse):
            body = try compileResumableIf(branches, orelse)
        case .while(let prelude, let test, let loopBody, let orelse):
            body = try compileResumableWhile(prelude, test, loopBody, orelse, line: line, report: s.reported && observed)
        case .for(let target, let iterable, let loopBody, let orelse):
            body = try compileResumableFor(target, iterable, loopBody, orelse, report: s.reported && observed)
        case .with(let context, let target, let withBody):
            body = try compileResumableWith(context, target, withBody)
        case .try(let tryBody, let handlers, let orelse, let finalBody):
            body = try compileResumableTry(tryBody, handlers, orelse, finalBody)
        }
        guard s.reported else {
            return { f in
                f.line = line
                return try body(f)
            }
        }
        let info = statementInfo(line: line)
        let observed = self.observed
        let simple: Bool
        switch s.kind {
        case .yield, .yieldFrom: simple = true
        default: simple = false
        }
        return { f in
            f.line = line
            let interp = f.interp
            let resuming = f.generator?.resuming ?? false
            if !resuming { try interp.tick() }
            guard observed, let o = interp.observer else { return try body(f) }
            if !resuming { o.willExecute(line: line, statement: info) }
            let flow: Flow
            do {
                flow = try body(f)
            } catch let e as PyException {
                if !e.instance.exceptionState.reported {
                    e.instance.exceptionState.reported = true
                    o.didRaise(type: interp.exceptionTypeName(e), message: interp.exceptionMessage(e), line: line)
                }
                throw e
            }
            if simple { o.didExecute(line: line) }
            return flow
        }
    }

    /// Binds a value to every target in order (nothing for an empty list).
    private func compileTargets(_ targets: [Expr]) throws -> Assign? {
        let assigns = try targets.map(compileTarget)
        if assigns.isEmpty { return nil }
        return { f, v in
            for a in assigns { try a(f, v) }
        }
    }

    private func compileYield(_ value: Expr?, _ targets: [Expr]) throws -> Exec {
        let ve = try value.map(compile)
        let assign = try compileTargets(targets)
        return { f in
            let state = try f.generatorState()
            if state.resuming {
                state.resuming = false
                if let e = state.thrown {
                    state.thrown = nil
                    throw e
                }
                let sent = state.sent
                state.sent = .none
                try assign?(f, sent)
                return .normal
            }
            throw state.suspend(yielding: try ve?(f) ?? .none)
        }
    }

    private func compileYieldFrom(_ iterable: Expr, _ targets: [Expr]) throws -> Exec {
        let ie = try compile(iterable)
        let assign = try compileTargets(targets)
        let slot = scope.addSlot(newHiddenSlotName())
        return { f in
            let state = try f.generatorState()
            let interp = f.interp
            let outcome: DelegationOutcome
            if state.resuming {
                state.resuming = false
                guard case .object(let sub as PyIterator)? = f.slots[slot] else {
                    throw PyException(.runtimeError, "generator lost its place")
                }
                let (sent, thrown) = (state.sent, state.thrown)
                state.sent = .none
                state.thrown = nil
                do {
                    outcome = try interp.delegate(to: sub, sent: sent, thrown: thrown)
                } catch {
                    f.slots[slot] = nil
                    throw error
                }
            } else {
                let sub = try interp.makeIterator(try ie(f))
                f.slots[slot] = .object(sub)
                outcome = try interp.delegate(to: sub, sent: .none, thrown: nil)
            }
            switch outcome {
            case .yielded(let v):
                throw state.suspend(yielding: v)
            case .returned(let v):
                f.slots[slot] = nil
                try assign?(f, v)
                return .normal
            }
        }
    }

    private func compileResumableIf(_ branches: [(test: Expr, body: [GenStmt])], _ orelse: [GenStmt]) throws -> Exec {
        let compiled: [(test: Eval, body: Exec, line: Int)] = try branches.map {
            (try compile($0.test), try compileResumableBlock($0.body), $0.test.location.line)
        }
        let elseBlock = try compileResumableBlock(orelse)
        return { f in
            let state = try f.generatorState()
            var chosen = compiled.count
            if state.resuming {
                chosen = try state.nextPosition()
            } else {
                for (i, branch) in compiled.enumerated() {
                    f.line = branch.line
                    if try f.interp.isTruthy(try branch.test(f)) {
                        chosen = i
                        break
                    }
                }
            }
            do {
                return chosen < compiled.count ? try compiled[chosen].body(f) : try elseBlock(f)
            } catch where state.suspended {
                state.marks.append(.position(chosen))
                throw error
            }
        }
    }

    private func compileResumableWhile(_ prelude: [GenStmt], _ test: Expr, _ body: [GenStmt], _ orelse: [GenStmt],
                                       line: Int, report: Bool) throws -> Exec {
        let pe = try compileResumableBlock(prelude)
        let te = try compile(test)
        let be = try compileResumableBlock(body)
        let ee = try compileResumableBlock(orelse)
        let counter = scope.addSlot(newHiddenSlotName())
        let (testing, looping, finishing) = (0, 1, 2)
        return { f in
            let state = try f.generatorState()
            let interp = f.interp
            if !state.resuming { f.slots[counter] = .int(0) }
            var phase = state.resuming ? try state.nextPosition() : testing
            while true {
                do {
                    switch phase {
                    case testing:
                        _ = try pe(f)
                        phase = try interp.isTruthy(try te(f)) ? looping : finishing
                        if phase == looping {
                            try interp.tick()
                            if report { Compiler.reportIteration(f, counter, line) }
                        }
                    case looping:
                        switch try be(f) {
                        case .breakLoop: return .normal
                        case .returned: return .returned
                        default:
                            f.line = line
                            phase = testing
                        }
                    default:
                        return try ee(f)
                    }
                } catch where state.suspended {
                    state.marks.append(.position(phase))
                    throw error
                }
            }
        }
    }

    private func compileResumableFor(_ target: Expr, _ iterable: Expr, _ body: [GenStmt], _ orelse: [GenStmt],
                                     report: Bool) throws -> Exec {
        let ie = try compile(iterable)
        let assign = try compileTarget(target)
        let be = try compileResumableBlock(body)
        let ee = try compileResumableBlock(orelse)
        let line = target.location.line
        let slot = scope.addSlot(newHiddenSlotName())
        let counter = scope.addSlot(newHiddenSlotName())
        let (looping, finishing) = (0, 1)
        return { f in
            let state = try f.generatorState()
            let interp = f.interp
            var inBody = false
            var phase = looping
            if state.resuming {
                phase = try state.nextPosition()
                inBody = phase == looping
            } else {
                f.slots[slot] = .object(try interp.makeIterator(try ie(f)))
                f.slots[counter] = .int(0)
            }
            if phase == looping {
                guard case .object(let iterator as PyIterator)? = f.slots[slot] else {
                    throw PyException(.runtimeError, "generator lost its place")
                }
                while true {
                    if !inBody {
                        f.line = line
                        guard let v = try iterator.next(interp: interp) else { break }
                        try interp.tick()
                        f.line = line
                        if report { Compiler.reportIteration(f, counter, line) }
                        try assign(f, v)
                    }
                    inBody = false
                    let flow: Flow
                    do {
                        flow = try be(f)
                    } catch where state.suspended {
                        state.marks.append(.position(looping))
                        throw error
                    }
                    switch flow {
                    case .breakLoop:
                        f.slots[slot] = nil
                        return .normal
                    case .returned:
                        f.slots[slot] = nil
                        return .returned
                    default:
                        continue
                    }
                }
                f.slots[slot] = nil
            }
            do {
                return try ee(f)
            } catch where state.suspended {
                state.marks.append(.position(finishing))
                throw error
            }
        }
    }

    private func compileResumableWith(_ context: Expr, _ target: Expr?, _ body: [GenStmt]) throws -> Exec {
        let ce = try compile(context)
        let assign = try target.map(compileTarget)
        let be = try compileResumableBlock(body)
        let slot = scope.addSlot(newHiddenSlotName())
        return { f in
            let state = try f.generatorState()
            let interp = f.interp
            let manager: PyValue
            if state.resuming {
                _ = try state.nextPosition()
                guard let m = f.slots[slot] else { throw PyException(.runtimeError, "generator lost its place") }
                manager = m
            } else {
                manager = try ce(f)
                let entered = try interp.enterContext(manager)
                f.slots[slot] = manager
                if let assign {
                    do {
                        try assign(f, entered)
                    } catch let e as PyException {
                        f.slots[slot] = nil
                        if try interp.exitContext(manager, e) { return .normal }
                        throw e
                    }
                }
            }
            let flow: Flow
            do {
                flow = try be(f)
            } catch where state.suspended {
                state.marks.append(.position(0))
                throw error
            } catch let e as PyException {
                f.slots[slot] = nil
                if try interp.exitContext(manager, e) { return .normal }
                throw e
            }
            f.slots[slot] = nil
            _ = try interp.exitContext(manager, nil)
            return flow
        }
    }

    /// Tells the observer that the loop at `line` starts its next iteration, counted in a
    /// hidden slot so the count survives the generator's suspensions.
    static func reportIteration(_ f: Frame, _ counter: Int, _ line: Int) {
        guard let o = f.interp.observer else { return }
        let index = f.slots[counter]?.asInt ?? 0
        o.loopIteration(line: line, index: index)
        f.slots[counter] = .int(index + 1)
    }
}
