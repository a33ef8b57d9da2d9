/// A generator object: the suspended frame of a generator function or generator expression.
public final class PyGenerator: PyIterator {
    let core: GeneratorCore

    init(frame: Frame, interp: Interpreter) {
        core = GeneratorCore(frame: frame, interp: interp)
        super.init()
        core.address = addressText
    }

    deinit {
        // CPython closes a suspended generator when it is freed, so its `finally` blocks and
        // `with` exits run; the interpreter does it at its next statement.
        if core.isSuspended, core.life.isAlive { core.frame.interp.scheduleClose(core) }
    }

    public override var typeName: String { "generator" }

    /// `next(gen)`: the next yielded value, or nil when the generator returns.
    public override func next(interp: Interpreter) throws -> PyValue? {
        switch try core.resume(sent: .none, thrown: nil) {
        case .yielded(let v): return v
        case .returned: return nil
        }
    }

    /// The value of the `return` that finished the generator, once, for the StopIteration
    /// that `next()` raises.
    func takeReturnValue() -> PyValue? {
        defer { core.returnValue = nil }
        return core.returnValue
    }

    public override func repr(interp: Interpreter) throws -> String? {
        "<generator object \(core.frame.code.qualname) at \(addressText)>"
    }

    public override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        let receiver = PyValue.object(self)
        switch name {
        case "__name__": return .str(core.frame.code.name)
        case "__qualname__": return .str(core.frame.code.qualname)
        case "gi_running": return .bool(core.running)
        case "__next__":
            return .object(PyBuiltinFunction(name: "__next__", boundTo: receiver) { args, interp in
                try Interpreter.expectArgs(args, "__next__", min: 0, max: 0)
                return try self.valueOrStop(try self.core.resume(sent: .none, thrown: nil))
            })
        case "__iter__":
            return .object(PyBuiltinFunction(name: "__iter__", boundTo: receiver) { _, _ in receiver })
        case "send":
            return .object(PyBuiltinFunction(name: "send", boundTo: receiver) { args, _ in
                try Interpreter.expectArgs(args, "send", min: 1, max: 1)
                let value = args.positional[0]
                if !self.core.started && !self.core.finished && !value.isNone {
                    throw PyException(.typeError, "can't send non-None value to a just-started generator")
                }
                return try self.valueOrStop(try self.core.resume(sent: value, thrown: nil))
            })
        case "throw":
            return .object(PyBuiltinFunction(name: "throw", boundTo: receiver) { args, interp in
                try Interpreter.expectArgs(args, "throw", min: 1, max: 3)
                let e = try interp.exceptionToThrow(args.positional)
                return try self.valueOrStop(try self.core.resume(sent: .none, thrown: e))
            })
        case "close":
            return .object(PyBuiltinFunction(name: "close", boundTo: receiver) { args, _ in
                try Interpreter.expectArgs(args, "close", min: 0, max: 0)
                try self.core.close()
                return .none
            })
        default:
            return nil
        }
    }

    private func valueOrStop(_ outcome: DelegationOutcome) throws -> PyValue {
        switch outcome {
        case .yielded(let v): return v
        case .returned(let v):
            core.returnValue = nil
            throw PyException(.stopIteration, args: v.isNone ? [] : [v])
        }
    }
}

/// What resuming a generator (or delegating to an iterator) produced.
enum DelegationOutcome {
    case yielded(PyValue)
    case returned(PyValue)
}

/// The frame and run state of a generator, apart from the object so that freeing the object
/// can still close the frame.
final class GeneratorCore {
    let frame: Frame
    let state = GeneratorState()
    /// Whether the interpreter running the frame still exists.
    let life: InterpreterLife
    var started = false
    var finished = false
    var running = false
    /// The return value of a generator that just finished, until `next()` reports it.
    var returnValue: PyValue?
    /// The generator object's address, for reports after the object is gone.
    var address = ""

    init(frame: Frame, interp: Interpreter) {
        self.frame = frame
        self.life = interp.life
        frame.generator = state
    }

    /// Started and stopped at a yield.
    var isSuspended: Bool { started && !finished && !running }

    /// Runs the frame until its next yield or its end.
    func resume(sent: PyValue, thrown: PyException?) throws -> DelegationOutcome {
        if running { throw PyException(.valueError, "generator already executing") }
        guard life.isAlive else { throw PyException(.runtimeError, "generator outlived its interpreter") }
        let interp = frame.interp
        if finished {
            if let thrown { throw thrown }
            return .returned(.none)
        }
        if !started, let thrown {
            finished = true
            throw thrown
        }
        state.resuming = started
        state.sent = sent
        state.thrown = thrown
        running = true
        defer { running = false }
        do {
            _ = try interp.runFrame(frame)
        } catch where state.suspended {
            state.suspended = false
            started = true
            let value = state.yielded
            state.yielded = .none
            return .yielded(value)
        } catch let e as PyException {
            finish()
            if e.matches(.stopIteration) {
                let error = PyException(.runtimeError, "generator raised StopIteration")
                error.cause = e
                error.context = e
                interp.addTracebackEntry(error, frame)
                throw error
            }
            throw e
        } catch {
            finish()
            throw error
        }
        finish()
        let value = frame.returnValue
        returnValue = value
        return .returned(value)
    }

    private func finish() {
        started = true
        finished = true
        state.marks.removeAll()
    }

    /// `gen.close()`: raises GeneratorExit at the yield; the generator must not yield again.
    func close() throws {
        guard isSuspended else {
            finished = true
            return
        }
        do {
            if case .yielded = try resume(sent: .none, thrown: PyException(.generatorExit, nil)) {
                throw PyException(.runtimeError, "generator ignored GeneratorExit")
            }
        } catch let e as PyException where e.matches(.generatorExit) || e.matches(.stopIteration) {
            return
        }
    }
}
