/// Runs lesson programs written in the Python subset and hosts the native (torch) modules.
///
/// One interpreter runs one program on one thread. Natives call back into Python through
/// ``call(_:_:)`` and the other helpers, and read ``currentLine`` for trace events.
public final class Interpreter {
    /// Receives statements, assignments and printed text; nil costs nothing.
    public var observer: InterpreterObserver?
    /// The maximum number of statements and loop iterations before the run is stopped.
    public var stepBudget: Int = 50_000_000 {
        didSet { if pendingCloses.isEmpty { stepCheckpoint = stepBudget } }
    }
    /// Python's recursion limit (frames of Python code).
    public var recursionLimit: Int = 1000
    /// What `sys.setrecursionlimit` asked for, when above what the stack holds.
    var requestedRecursionLimit: Int?
    /// `sys.argv`: the program as it was named on the command line, then its arguments.
    public var argv: [String] = []
    /// The `builtins` namespace.
    public let builtins: PyModuleObject
    /// The file name shown in tracebacks for the main program.
    public internal(set) var fileName: String
    /// The main program's outline, once it is compiled.
    public internal(set) var outline = LessonOutline()
    /// Turns errors thrown by native modules (the engine's) into the Python exceptions they
    /// stand for, wherever they surface; nil leaves them as they are.
    public var nativeErrors: ((Error) -> PyException?)?

    /// `error` as the Python exception it stands for, when it is a native module's error.
    func pythonError(_ error: Error) -> Error {
        if error is PyException { return error }
        return nativeErrors?(error) ?? error
    }

    let output: (String) -> Void
    @exclusivity(unchecked) var steps = 0
    /// The step count at which ``checkpoint()`` runs: the budget, or 0 while generators wait
    /// to be closed (one comparison per step serves both).
    @exclusivity(unchecked) var stepCheckpoint = 50_000_000
    /// Suspended generators that were freed and must still be closed.
    var pendingCloses: [GeneratorCore] = []
    /// Tells objects that outlive a run (generators) whether the interpreter still exists.
    let life = InterpreterLife()
    /// Warnings already shown, by category, message and line (the "default" filter action).
    var warningsShown: Set<String> = []
    /// Warnings already shown under the "once" action, by category and message.
    var warningsOnce: Set<String> = []
    /// Python's `warnings.filters`, first match wins.
    var warningFilters = WarningFilter.defaults
    /// What the program wrote to stderr (`print(..., file=sys.stderr)`, ignored exceptions).
    var errorText = ""
    @exclusivity(unchecked) var frames: [Frame] = []
    var modules: [String: PyModuleObject] = [:]
    var nativeModules: [String: PyModuleObject] = [:]
    var preludeSources: [String: String] = [:]
    var sourceLines: [String: [Substring]] = [:]
    var nativeTypes: [String: PyClass] = [:]
    var reprInProgress: Set<ObjectIdentifier> = []
    var comparisonDepth = 0
    /// Exceptions whose `except` blocks are running, innermost last (for `__context__`).
    var handling: [PyException] = []

    /// Creates an interpreter whose `print` writes to `output`.
    public init(fileName: String = "<string>", output: @escaping (String) -> Void) {
        self.fileName = fileName
        self.output = output
        self.builtins = PyModuleObject(name: "builtins")
        installBuiltins()
    }

    /// The lesson line being executed: the line of the innermost frame running lesson code
    /// (prelude modules written in Python are skipped, so trace events point into the lesson).
    public var currentLine: Int {
        for f in frames.reversed() where f.code.fileName == fileName { return f.line }
        return frames.last?.line ?? 0
    }

    /// The lines being executed in every frame of lesson code, outermost first.
    public var callStackLines: [Int] { frames.filter { $0.code.fileName == fileName }.map(\.line) }

    /// Makes `import name` return `module` (and `name.attr` resolve through it).
    public func registerNativeModule(_ name: String, _ module: PyModuleObject) {
        nativeModules[name] = module
    }

    /// Makes `import name` execute `source` once, on first import, into a new module.
    public func registerPreludeModule(_ name: String, source: String) {
        preludeSources[name] = source
    }

    /// Calls any Python callable.
    public func call(_ callable: PyValue, _ args: PyArgs) throws -> PyValue {
        if case .object(let o) = callable, let r = try o.call(args, interp: self) { return r }
        throw PyException(.typeError, "'\(callable.typeName)' object is not callable")
    }

    /// Calls any Python callable with positional arguments.
    public func call(_ callable: PyValue, _ positional: [PyValue]) throws -> PyValue {
        try call(callable, PyArgs(positional))
    }

    /// Python's `print` destination: writes `text` and tells the observer.
    public func write(_ text: String) {
        output(text)
        observer?.didPrint(text, line: currentLine)
    }

    deinit {
        life.isAlive = false
    }

    /// Python's `sys.stderr` destination.
    public func writeError(_ text: String) {
        errorText += text
    }

    /// Statements and loop iterations run so far (a clock that ticks once per statement).
    public var stepsTaken: Int { steps }

    /// Counts one step against the budget.
    @inline(__always)
    func tick() throws {
        steps &+= 1
        if steps > stepCheckpoint { try checkpoint() }
    }
}

/// Whether an interpreter still exists; held strongly by objects that may outlive it, so that
/// the interpreter itself needs no weak references (which would slow down every retain of it).
final class InterpreterLife {
    var isAlive = true
}

/// A reference to an interpreter that does not keep it alive and reads as nil once it is
/// gone, without being a Swift `weak` reference: a single weak reference moves an object's
/// reference count into a side table, and every retain and release of the interpreter (there
/// are millions in a training loop) then takes the runtime's slow path.
public struct InterpreterReference {
    private unowned(unsafe) let interpreter: Interpreter
    private let life: InterpreterLife

    public init(_ interpreter: Interpreter) {
        self.interpreter = interpreter
        life = interpreter.life
    }

    /// The interpreter, or nil when it no longer exists.
    public var value: Interpreter? { life.isAlive ? interpreter : nil }
}
