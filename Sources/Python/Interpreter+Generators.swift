/// Generators at run time: delegation (`yield from`), exceptions thrown in, and the closing
/// of generators that were freed while suspended.
extension Interpreter {
    /// Asks `sub` for its next value on behalf of a `yield from`: `next`, `send` or `throw`
    /// as the delegating generator was resumed.
    func delegate(to sub: PyIterator, sent: PyValue, thrown: PyException?) throws -> DelegationOutcome {
        if let g = sub as? PyGenerator {
            if let thrown, thrown.matches(.generatorExit) {
                try g.core.close()
                throw thrown
            }
            if thrown == nil && !sent.isNone && !g.core.started && !g.core.finished {
                throw PyException(.typeError, "can't send non-None value to a just-started generator")
            }
            let outcome = try g.core.resume(sent: sent, thrown: thrown)
            if case .returned = outcome { g.core.returnValue = nil }
            return outcome
        }
        let receiver = PyValue.object(sub)
        if let thrown {
            if thrown.matches(.generatorExit) {
                if let close = try getAttributeIfPresent(receiver, "close") { _ = try call(close, []) }
                throw thrown
            }
            guard let method = try getAttributeIfPresent(receiver, "throw") else { throw thrown }
            return try delegateCall(method, [.object(thrown.instance)])
        }
        if sent.isNone {
            if let v = try sub.next(interp: self) { return .yielded(v) }
            return .returned(.none)
        }
        return try delegateCall(try getAttribute(receiver, "send"), [sent])
    }

    private func delegateCall(_ method: PyValue, _ args: [PyValue]) throws -> DelegationOutcome {
        do {
            return .yielded(try call(method, args))
        } catch let e as PyException where e.matches(.stopIteration) {
            return .returned(e.instance.exceptionArgs.first ?? .none)
        }
    }

    /// The exception `gen.throw(type[, value])` or `gen.throw(instance)` raises at the yield.
    func exceptionToThrow(_ args: [PyValue]) throws -> PyException {
        let value = args.count > 1 ? args[1] : PyValue.none
        switch args[0] {
        case .object(let inst as PyInstance) where inst.cls.isExceptionClass:
            if !value.isNone { throw PyException(.typeError, "instance exception may not have a separate value") }
            return PyException(instance: inst)
        case .object(let cls as PyClass) where cls.isExceptionClass:
            if case .object(let inst as PyInstance) = value, inst.cls.isSubclass(of: cls) {
                return PyException(instance: inst)
            }
            let callArgs: [PyValue]
            switch value {
            case .none: callArgs = []
            case .tuple(let items): callArgs = items
            default: callArgs = [value]
            }
            return try makeException(try call(args[0], callArgs))
        default:
            throw PyException(.typeError, "exceptions must be classes or instances deriving from BaseException, not \(args[0].typeName)")
        }
    }

    /// Queues a freed, suspended generator to be closed at the next statement.
    func scheduleClose(_ core: GeneratorCore) {
        pendingCloses.append(core)
        stepCheckpoint = 0
    }

    /// Runs at a step whose count passed ``stepCheckpoint``: closes queued generators, then
    /// checks the step budget.
    func checkpoint() throws {
        stepCheckpoint = stepBudget
        try closePendingGenerators()
        if steps > stepBudget {
            throw ResourceLimitExceeded("step budget of \(stepBudget) statements and iterations exhausted (an infinite loop? raise --max-steps)", line: currentLine)
        }
    }

    /// Closes the queued generators; an exception from one is reported as CPython reports
    /// exceptions in finalizers and does not stop the program.
    func closePendingGenerators() throws {
        while !pendingCloses.isEmpty {
            let cores = pendingCloses
            pendingCloses = []
            for core in cores {
                do {
                    try core.close()
                } catch let e as PyException {
                    writeError("Exception ignored in: <generator object \(core.frame.code.qualname) at \(core.address)>\n"
                               + formatTraceback(e))
                }
            }
        }
    }
}
