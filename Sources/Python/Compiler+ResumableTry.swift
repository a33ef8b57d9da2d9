/// `try` in a generator body: it may be left at a yield inside its body, a handler, the
/// `else` block or the `finally` block, and continue there.
extension Compiler {
    private struct CompiledHandler {
        let type: Eval?
        let bind: Assign?
        let unbind: Exec?
        let body: Exec
        let line: Int
    }

    func compileResumableTry(_ body: [GenStmt], _ handlers: [GenHandler], _ orelse: [GenStmt], _ finalBody: [GenStmt]) throws -> Exec {
        let be = try compileResumableBlock(body)
        let compiled: [CompiledHandler] = try handlers.map { h in
            CompiledHandler(type: try h.type.map(compile), bind: h.name.map(store), unbind: h.name.map(delete),
                            body: try compileResumableBlock(h.body), line: h.line)
        }
        let ee = try compileResumableBlock(orelse)
        let fe: Exec? = finalBody.isEmpty ? nil : try compileResumableBlock(finalBody)
        let (inBody, inElse) = (0, 1)

        func runHandler(_ index: Int, _ e: PyException, resumed: Bool, _ f: Frame, _ state: GeneratorState) throws -> Flow {
            let interp = f.interp
            let h = compiled[index]
            if !resumed {
                if e.context == nil, let outer = interp.handling.last, !outer.isSame(as: e) {
                    e.context = outer
                }
                if let bind = h.bind { try bind(f, .object(e.instance)) }
            }
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
            } catch where state.suspended {
                state.marks.append(.handler(index, e))
                throw error
            } catch let inner as PyException {
                if !inner.isSame(as: e) && inner.context == nil { inner.context = e }
                throw inner
            }
            if let unbind = h.unbind { _ = try? unbind(f) }
            return flow
        }

        func handle(_ e: PyException, _ f: Frame, _ state: GeneratorState) throws -> Flow {
            let interp = f.interp
            interp.addTracebackEntry(e, f)
            for (i, h) in compiled.enumerated() {
                if let te = h.type {
                    f.line = h.line
                    guard try interp.exceptionMatches(e, try te(f)) else { continue }
                }
                return try runHandler(i, e, resumed: false, f, state)
            }
            throw e
        }

        func tryExcept(_ f: Frame, _ state: GeneratorState, _ mark: ResumeMark?) throws -> Flow {
            switch mark {
            case .handler(let index, let e)?:
                return try runHandler(index, e, resumed: true, f, state)
            case .position(inElse)?:
                break
            default:
                let flow: Flow
                do {
                    flow = try be(f)
                } catch where state.suspended {
                    state.marks.append(.position(inBody))
                    throw error
                } catch let e as PyException {
                    return try handle(e, f, state)
                }
                if case .normal = flow {} else { return flow }
            }
            do {
                return try ee(f)
            } catch where state.suspended {
                state.marks.append(.position(inElse))
                throw error
            }
        }

        return { f in
            let state = try f.generatorState()
            let mark = state.resuming ? try state.nextMark() : nil
            guard let fe else { return try tryExcept(f, state, mark) }
            let pending: PendingExit
            if case .finalBlock(let p)? = mark {
                pending = p
            } else {
                do {
                    pending = .flow(try tryExcept(f, state, mark))
                } catch let e as PyException {
                    pending = .exception(e)
                }
            }
            let finalFlow: Flow
            do {
                finalFlow = try fe(f)
            } catch where state.suspended {
                state.marks.append(.finalBlock(pending))
                throw error
            } catch let inner as PyException {
                if case .exception(let e) = pending, !inner.isSame(as: e), inner.context == nil {
                    inner.context = e
                }
                throw inner
            }
            if case .normal = finalFlow {} else { return finalFlow }
            switch pending {
            case .flow(let flow): return flow
            case .exception(let e): throw e
            }
        }
    }
}
