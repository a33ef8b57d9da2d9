import Python
import Autograd
import Trace
import Matplotlib

/// The outcome of running a lesson.
public struct LessonRun {
    /// 0 on success, 1 for an uncaught exception (as `python3`), 2 for a gradviz limitation.
    public var exitStatus: Int32
    /// What the run writes to stderr (traceback or error report).
    public var stderr: String
    /// The trace, when recording was asked for.
    public var events: [TraceEvent]
    /// The program's state at the events that may become frames, by event index.
    public var scenes: [Int: Scene]
    /// The lesson's structure (sections, narration, loops, functions).
    public var outline: LessonOutline
    /// Events beyond the recorder's limit that were not kept.
    public var droppedEvents: Int
}

/// Runs a lesson on the engine: the `torch` modules registered, and when asked, one
/// recorder receiving the engine's and the interpreter's reports.
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
        public var maxEvents = 1_000_000

        public init() {}
    }

    /// Runs `source`; with `record`, the trace is kept and scenes are captured by `scenes`.
    /// With `keepObjects` the lesson's objects are left to the operating system at exit rather
    /// than freed when it ends (for a command that exits afterwards). `plots` says who receives
    /// the lesson's figures and where `savefig` may write.
    public static func run(source: String, fileName: String, output: @escaping (String) -> Void,
                           record: Bool, scenes: ScenePolicy = .all, limits: Limits = Limits(),
                           keepObjects: Bool = false, plots: PlotOptions = PlotOptions()) -> LessonRun {
        let recorder = record ? Recorder(eventLimit: limits.maxEvents, capture: scenes) : nil
        let warnings = WarningBuffer()
        let budgetBox = BudgetBox()
        let state = StateBox()
        let result = PythonRunner.run(source: source, fileName: fileName, output: output, observer: recorder,
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
            let reference = InterpreterReference(interp)
            TorchWarnings.current = TorchWarnings(fileName: fileName, source: source, passes: { message, file, line, module in
                // An "error" filter cannot interrupt a warning raised inside an operation: it is shown instead.
                guard let interp = reference.value else { return true }
                return (try? interp.warningPasses(category: .userWarning, message: message, file: file, line: line, module: module)) ?? true
            }) { warnings.text += $0 }
            if let recorder {
                let lessonState = LessonState(interpreter: interp)
                state.value = lessonState
                recorder.interpreterReference = reference
                recorder.roots = lessonState
            }
            interp.stepBudget = limits.stepBudget
            interp.nativeErrors = { ($0 as? AutogradError).map(TorchBridge.pyException) }
            TorchModules.register(in: interp)
            var plotOptions = plots
            if plotOptions.observer == nil, let recorder { plotOptions.observer = PlotRecorder(recorder: recorder) }
            plotOptions.warn = { message, line in TorchWarnings.fromLesson(message, line: line) }
            MatplotlibModules.register(in: interp, options: plotOptions)
        } finished: { _ in
            recorder?.finish()
        }
        budgetBox.budget?.lineProvider = nil
        budgetBox.budget?.statementClock = nil
        return LessonRun(exitStatus: result.exitStatus, stderr: warnings.text + result.stderr,
                         events: recorder?.events ?? [], scenes: recorder?.scenes ?? [:],
                         outline: recorder?.outline ?? LessonOutline(), droppedEvents: recorder?.droppedEvents ?? 0)
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

/// Keeps the state walker alive for the run (the recorder holds it weakly).
final class StateBox: @unchecked Sendable {
    var value: LessonState?
}

/// Registers the torch modules with an interpreter.
public enum TorchModules {
    public static func register(in interp: Interpreter) {
        let torch = TorchModule.make()
        TorchMeshgrid.install(in: torch)
        interp.registerNativeModule("torch", torch)
        interp.registerNativeModule("torch._gradviz", GradvizHooks.make())
        // `torch.functional`: the Python-level functions PyTorch defines there, the same objects as torch's.
        let functional = PyModuleObject(name: "torch.functional")
        for name in ["einsum", "norm", "split", "meshgrid", "broadcast_tensors", "tensordot", "unique", "cdist", "atleast_1d", "atleast_2d", "atleast_3d"] {
            if let f = torch.get(name) { functional.set(name, f) }
        }
        interp.registerNativeModule("torch.functional", functional)
        torch.set("functional", .object(functional))
        torch.set("_gradviz", .object(GradvizHooks.make()))
        let parameter = PyModuleObject(name: "torch.nn.parameter")
        parameter.set("Parameter", .object(ParameterClass.shared))
        interp.registerNativeModule("torch.nn.parameter", parameter)
        interp.registerNativeModule("torch.nn.functional", FunctionalModule.make())
        interp.registerPreludeModule("torch.nn.init", source: NNPrelude.initSource)
        interp.registerPreludeModule("torch.nn", source: NNPrelude.nnSource)
        interp.registerPreludeModule("torch.nn.utils", source: NNPrelude.utilsSource)
        interp.registerPreludeModule("torch.optim", source: OptimPrelude.source)
        interp.registerPreludeModule("torch.optim.lr_scheduler", source: OptimPrelude.schedulerSource)
        interp.registerNativeModule("torch.utils", TorchUtilsModule(name: "torch.utils"))
        interp.registerPreludeModule("torch.utils.data", source: DataPrelude.source)
        interp.registerPreludeModule("torch.autograd.functional", source: AutogradFunctionalPrelude.source)
        interp.registerPreludeModule("torch.autograd.profiler", source: ProfilerPrelude.source)
        interp.registerPreludeModule("torch.profiler", source: ProfilerPrelude.newSource)
        if case .object(let autograd as PyModuleObject)? = torch.get("autograd") {
            interp.registerNativeModule("torch.autograd", autograd)
            if case .object(let f as PyModuleObject)? = autograd.get("function") {
                interp.registerNativeModule("torch.autograd.function", f)
            }
        }
    }
}

