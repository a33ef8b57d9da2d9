import Python
import Autograd
import Trace

/// The outcome of running a lesson.
public struct LessonRun {
    /// 0 on success, 1 for an uncaught exception (as `python3`), 2 for a gradviz limitation.
    public var exitStatus: Int32
    /// What the run writes to stderr (traceback or error report).
    public var stderr: String
    /// The trace, when recording was asked for.
    public var events: [TraceEvent]
    /// Events beyond the recorder's limit that were not kept.
    public var droppedEvents: Int
}

/// Runs a lesson on the engine: the `torch` modules registered, the trace recorded
/// when asked, names and narration handed from the interpreter to the recorder.
public enum LessonRunner {
    /// Resource limits for one run.
    public struct Limits {
        /// Statements and loop iterations before the run stops (an infinite loop ends with a clear error).
        public var stepBudget = 50_000_000
        /// Elements in one tensor.
        public var maxTensorElements = 50_000_000
        /// What the engine may use: tensor memory, graph nodes, work per statement.
        public var budget = ResourceBudget.Limits()
        /// Trace events kept.
        public var maxEvents = 200_000

        public init() {}
    }

    /// Runs `source`; with `keepObjects` the lesson's objects are left to the operating system
    /// at exit rather than freed when it ends (for a command that exits afterwards).
    public static func run(source: String, fileName: String, output: @escaping (String) -> Void,
                           record: Bool, limits: Limits = Limits(), keepObjects: Bool = false) -> LessonRun {
        let recorder = record ? Recorder(eventLimit: limits.maxEvents) : nil
        let bridge = recorder.map { TraceBridge(recorder: $0, source: source) }
        let warnings = WarningBuffer()
        let budgetBox = BudgetBox()
        let result = PythonRunner.run(source: source, fileName: fileName, output: output, observer: bridge,
                                      keepObjects: keepObjects) { interp in
            // The interpreter thread gets fresh engine state: ids, grad mode, generator, observer.
            Tensor.resetIDs()
            Node.resetIDs()
            GradMode.set(true)
            Generator.setCurrent(Generator())
            var budgetLimits = limits.budget
            budgetLimits.maxElements = limits.maxTensorElements
            let budget = ResourceBudget(limits: budgetLimits)
            // Unowned, not weak: a weak reference would slow every retain of the interpreter.
            // The closures are dropped when the run ends, before the interpreter is.
            budget.lineProvider = { [unowned interp] in interp.currentLine }
            budget.statementClock = { [unowned interp] in interp.stepsTaken }
            ResourceBudget.current = budget
            budgetBox.budget = budget
            DType.defaultFloat = .float32
            EngineObservers.current = recorder
            TorchWarnings.current = TorchWarnings(fileName: fileName, source: source) { warnings.text += $0 }
            bridge?.interpreter = interp
            interp.stepBudget = limits.stepBudget
            TorchModules.register(in: interp)
        }
        budgetBox.budget?.lineProvider = nil
        budgetBox.budget?.statementClock = nil
        let warningText = warnings.text
        return LessonRun(exitStatus: result.exitStatus, stderr: warningText + result.stderr,
                         events: recorder?.events ?? [], droppedEvents: recorder?.droppedEvents ?? 0)
    }
}

/// The budget of a run, handed from the interpreter thread to the caller.
final class BudgetBox: @unchecked Sendable {
    var budget: ResourceBudget?
}

/// Collects warning text on the interpreter thread for the caller.
final class WarningBuffer: @unchecked Sendable {
    var text = ""
}

/// Hands the interpreter's statements, names and prints to the recorder.
final class TraceBridge: InterpreterObserver {
    let recorder: Recorder
    private var executions: [Int: Int] = [:]
    private var statements: [Int: StatementInfo] = [:]
    private let loopLines: Set<Int>
    private let topLevelLines: Set<Int>
    /// The iteration of the loop line that ran last: a function called from a loop body
    /// belongs to that iteration.
    private var loopIteration: Int?
    weak var interpreter: Interpreter?

    init(recorder: Recorder, source: String) {
        self.recorder = recorder
        (loopLines, topLevelLines) = TraceBridge.classifyLines(source)
        recorder.contextProvider = { [weak self] in self?.currentContext() }
    }

    func willExecute(line: Int, statement: StatementInfo) {
        let n = executions[line, default: 0]
        executions[line] = n + 1
        statements[line] = statement
        recorder.enterStatement(line: line, source: statement.sourceText, section: statement.section,
                                narration: statement.narration, iteration: iteration(of: line))
    }

    /// Loop lines count their own runs; top-level lines are outside loops; lines of a
    /// function body take the iteration of the loop that called them.
    private func iteration(of line: Int) -> Int? {
        if loopLines.contains(line) {
            loopIteration = executions[line, default: 1] - 1
        } else if topLevelLines.contains(line) {
            loopIteration = nil
        }
        return loopIteration
    }

    /// The statement of the innermost running frame: after a call returns, the caller's line.
    private func currentContext() -> Recorder.StatementContext? {
        guard let line = interpreter?.currentLine, let s = statements[line] else { return nil }
        return Recorder.StatementContext(line: line, source: s.sourceText, section: s.section, narration: s.narration,
                                         iteration: iteration(of: line))
    }

    /// Lines in the body of a `for` or `while` (by indentation), whose events are
    /// numbered by iteration for frame selection, and the unindented lines.
    static func classifyLines(_ source: String) -> (loops: Set<Int>, topLevel: Set<Int>) {
        var loops = Set<Int>(), topLevel = Set<Int>()
        var loopIndents: [Int] = []
        for (i, raw) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = raw.drop { $0 == " " || $0 == "\t" }
            if text.isEmpty || text.hasPrefix("#") { continue }
            let indent = raw.count - text.count
            if indent == 0 { topLevel.insert(i + 1) }
            while let last = loopIndents.last, indent <= last { loopIndents.removeLast() }
            if !loopIndents.isEmpty { loops.insert(i + 1) }
            if text.hasPrefix("for ") || text.hasPrefix("while ") || text.hasPrefix("while(") { loopIndents.append(indent) }
        }
        return (loops, topLevel)
    }

    func didAssign(name: String, value: PyValue, line: Int) {
        if let t = TorchBridge.tensor(value) { recorder.name(t, name) }
    }

    func didPrint(_ text: String, line: Int) {
        recorder.printed(text)
    }
}

/// Registers the torch modules with an interpreter.
public enum TorchModules {
    public static func register(in interp: Interpreter) {
        let torch = TorchModule.make()
        interp.registerNativeModule("torch", torch)
        interp.registerNativeModule("torch._gradviz", GradvizHooks.make())
        torch.set("_gradviz", .object(GradvizHooks.make()))
        let parameter = PyModuleObject(name: "torch.nn.parameter")
        parameter.set("Parameter", .object(ParameterClass.shared))
        interp.registerNativeModule("torch.nn.parameter", parameter)
        interp.registerNativeModule("torch.nn.functional", FunctionalModule.make())
        interp.registerPreludeModule("torch.nn.init", source: NNPrelude.initSource)
        interp.registerPreludeModule("torch.nn", source: NNPrelude.nnSource)
        interp.registerPreludeModule("torch.optim", source: OptimPrelude.source)
        if case .object(let autograd as PyModuleObject)? = torch.get("autograd") {
            interp.registerNativeModule("torch.autograd", autograd)
            if case .object(let f as PyModuleObject)? = autograd.get("function") {
                interp.registerNativeModule("torch.autograd.function", f)
            }
        }
    }
}

extension Recorder: TraceRecorderHooks {}
