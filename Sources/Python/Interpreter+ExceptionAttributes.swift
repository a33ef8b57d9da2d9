/// The attributes CPython gives every exception object beyond `args`.
extension Interpreter {
    /// `__cause__`, `__context__`, `__suppress_context__`, `__traceback__` and `with_traceback`
    /// of an exception instance; nil for other names.
    func exceptionAttribute(_ inst: PyInstance, _ name: String) -> PyValue? {
        let state = inst.exceptionState
        switch name {
        case "__cause__": return state.cause.map { .object($0) } ?? PyValue.none
        case "__context__": return state.context.map { .object($0) } ?? PyValue.none
        case "__suppress_context__": return .bool(state.suppressContext)
        case "__traceback__":
            return PyTracebackObject.chain(Array(state.traceback.reversed())[...]) ?? PyValue.none
        case "value" where inst.cls.isSubclass(of: .stopIteration):
            return inst.exceptionArgs.first ?? PyValue.none
        case "code" where inst.cls.isSubclass(of: .systemExit):
            return inst.exceptionArgs.count == 1 ? inst.exceptionArgs[0]
                : inst.exceptionArgs.isEmpty ? PyValue.none : .tuple(inst.exceptionArgs)
        case "with_traceback":
            return .object(PyBuiltinFunction(name: "with_traceback", boundTo: .object(inst)) { args, _ in
                try Interpreter.expectArgs(args, "with_traceback", min: 1, max: 1)
                return .object(inst)
            })
        default: return nil
        }
    }

    /// Assignment to `__cause__`, `__context__` or `__suppress_context__`; false for other names.
    func setExceptionAttribute(_ inst: PyInstance, _ name: String, _ value: PyValue) throws -> Bool {
        func exceptionOrNone(_ what: String) throws -> PyInstance? {
            if value.isNone { return nil }
            if case .object(let e as PyInstance) = value, e.cls.isExceptionClass { return e }
            throw PyException(.typeError, "exception \(what) must be None or derive from BaseException")
        }
        switch name {
        case "__cause__":
            inst.exceptionState.cause = try exceptionOrNone("cause")
            inst.exceptionState.suppressContext = true
        case "__context__":
            inst.exceptionState.context = try exceptionOrNone("context")
        case "__suppress_context__":
            inst.exceptionState.suppressContext = try isTruthy(value)
        default:
            return false
        }
        return true
    }
}

/// A traceback object (`e.__traceback__`, `tb.tb_next`): one frame the exception passed.
final class PyTracebackObject: PyObject {
    let entry: PyTracebackEntry
    let next: PyValue

    init(entry: PyTracebackEntry, next: PyValue) {
        self.entry = entry
        self.next = next
    }

    /// The chain for entries from the outermost frame to the innermost; nil when empty.
    static func chain(_ entries: ArraySlice<PyTracebackEntry>) -> PyValue? {
        var next: PyValue?
        for entry in entries.reversed() { next = .object(PyTracebackObject(entry: entry, next: next ?? .none)) }
        return next
    }

    override var typeName: String { "traceback" }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "tb_lineno": return .int(entry.line)
        case "tb_next": return next
        default: return nil
        }
    }
}
