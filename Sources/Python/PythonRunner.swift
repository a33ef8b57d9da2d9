import Foundation

/// The outcome of running a lesson program.
public struct RunResult: Equatable, Sendable {
    /// 0 on success, 1 for an uncaught Python exception or a SyntaxError (as CPython),
    /// 2 for a gradviz limitation (unsupported construct, resource limit), the code of an
    /// uncaught SystemExit, or minus a signal number when CPython would die by that signal
    /// after printing the traceback (`-SIGINT` for an uncaught KeyboardInterrupt).
    public var exitStatus: Int32
    /// What goes to stderr: the traceback, the SyntaxError report or the gradviz error.
    public var stderr: String

    /// Creates a result.
    public init(exitStatus: Int32, stderr: String) {
        self.exitStatus = exitStatus
        self.stderr = stderr
    }
}

/// Runs lesson programs on a thread with a large stack, so deep Python recursion reaches
/// RecursionError long before the Swift stack runs out.
public struct PythonRunner {
    /// The stack size of the interpreter thread.
    public static let stackSize = 512 << 20

    /// Runs `source` as `python3 fileName` would: `print` output goes to `output`, the returned
    /// result carries the exit status and the stderr text. `configure` runs first, on the
    /// interpreter thread (register native and prelude modules there); `finished` runs there too,
    /// after the program, while its objects are still alive.
    ///
    /// With `keepObjects`, the program's objects (its globals, and through them tensors and
    /// graphs) are not freed when it ends: a command that exits soon after leaves them to the
    /// operating system instead of releasing a large graph object by object.
    public static func run(source: String, fileName: String, output: @escaping (String) -> Void,
                           observer: InterpreterObserver?, keepObjects: Bool = false,
                           configure: @escaping (Interpreter) -> Void,
                           finished: @escaping (Interpreter) -> Void = { _ in }) -> RunResult {
        let box = ResultBox()
        runOnLargeStack {
            let interp = Interpreter(fileName: fileName, output: output)
            interp.observer = observer
            configure(interp)
            box.result = interp.runMain(source: source, fileName: fileName)
            finished(interp)
            if keepObjects { KeptUntilExit.shared.keep(interp) }
        }
        return box.result
    }

    /// Runs `body` on a new thread with a ``stackSize`` stack and waits for it to finish.
    public static func runOnLargeStack(_ body: @escaping () -> Void) {
        let work = ThreadWork(body)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let context = Unmanaged.passRetained(work).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let created = pthread_create(&thread, &attributes, { raw in
            Unmanaged<ThreadWork>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<ThreadWork>.fromOpaque(context).release()
            body()
            return
        }
        #if canImport(Darwin)
        pthread_join(thread!, nil)
        #else
        pthread_join(thread, nil)
        #endif
    }
}

/// Interpreters whose objects are left to the operating system at exit.
private final class KeptUntilExit: @unchecked Sendable {
    static let shared = KeptUntilExit()
    private let lock = NSLock()
    private var kept: [AnyObject] = []

    func keep(_ object: AnyObject) {
        lock.lock()
        kept.append(object)
        lock.unlock()
    }
}

private final class ThreadWork {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

private final class ResultBox: @unchecked Sendable {
    var result = RunResult(exitStatus: 0, stderr: "")
}

extension Interpreter {
    /// Runs the main program on the current thread and reports the outcome like CPython.
    public func runMain(source: String, fileName: String) -> RunResult {
        var result = runMainReportingErrors(source: source, fileName: fileName)
        result.stderr = errorText + result.stderr
        return result
    }

    private func runMainReportingErrors(source: String, fileName: String) -> RunResult {
        do {
            try execute(source: source, fileName: fileName)
            try closePendingGenerators()
            return RunResult(exitStatus: 0, stderr: "")
        } catch let e as PyException {
            if e.matches(.systemExit) { return systemExitResult(e) }
            // CPython prints the traceback, then dies by the signal the interrupt stands for.
            if e.matches(.keyboardInterrupt) { return RunResult(exitStatus: -SIGINT, stderr: formatTraceback(e)) }
            return RunResult(exitStatus: 1, stderr: formatTraceback(e))
        } catch let e as PySyntaxError {
            let lines = sourceLines[fileName] ?? source.split(separator: "\n", omittingEmptySubsequences: false)
            return RunResult(exitStatus: 1, stderr: e.formatted(fileName: fileName, sourceLines: lines))
        } catch let e as UnsupportedFeature {
            return RunResult(exitStatus: 2, stderr: e.description + "\n")
        } catch let e as ResourceLimitExceeded {
            return RunResult(exitStatus: 2, stderr: e.description + "\n")
        } catch {
            return RunResult(exitStatus: 2, stderr: "gradviz: \(error)\n")
        }
    }

    /// An uncaught SystemExit: its code is the exit status (None: 0); any other object is
    /// printed to stderr and the status is 1, as CPython's `handle_system_exit`.
    private func systemExitResult(_ e: PyException) -> RunResult {
        let args = e.instance.exceptionArgs
        let code: PyValue = args.count > 1 ? .tuple(args) : (args.first ?? .none)
        switch code {
        case .none:
            return RunResult(exitStatus: 0, stderr: "")
        case .int, .bool:
            return RunResult(exitStatus: Int32(truncatingIfNeeded: (code.asInt ?? 1) & 0xff), stderr: "")
        default:
            let text = (try? str(code)) ?? ""
            return RunResult(exitStatus: 1, stderr: text + "\n")
        }
    }

    /// The exception's last traceback line: `ValueError: message` (module-qualified for
    /// classes outside `__main__` and builtins).
    public func exceptionSummary(_ e: PyException) -> String {
        let name = exceptionTypeName(e)
        let text = exceptionMessage(e)
        return (text.isEmpty ? name : "\(name): \(text)") + suggestionSuffix(e)
    }

    /// The exception's type as its traceback names it (`ValueError`, `torch.autograd.GradcheckError`).
    public func exceptionTypeName(_ e: PyException) -> String {
        let cls = e.instance.cls
        return (cls.moduleName == "__main__" || cls.moduleName == "builtins") ? cls.name : "\(cls.moduleName).\(cls.name)"
    }

    /// `str(e)`: the exception's message.
    public func exceptionMessage(_ e: PyException) -> String {
        do {
            return try str(.object(e.instance))
        } catch {
            return "<exception str() failed>"
        }
    }

    /// The traceback CPython prints for an uncaught exception (without caret lines), preceded by
    /// the exceptions it was raised from or while handling.
    public func formatTraceback(_ e: PyException) -> String {
        var chain: [(PyException, String?)] = []
        var seen: Set<ObjectIdentifier> = []
        var current: PyException? = e
        var link: String?
        while let c = current, !seen.contains(ObjectIdentifier(c.instance)) {
            seen.insert(ObjectIdentifier(c.instance))
            chain.append((c, link))
            if let cause = c.cause {
                current = cause
                link = "The above exception was the direct cause of the following exception:"
            } else if let context = c.context, !c.suppressContext {
                current = context
                link = "During handling of the above exception, another exception occurred:"
            } else {
                current = nil
            }
        }
        var out = ""
        for (exception, separator) in chain.reversed() {
            out += formatSingleTraceback(exception)
            if let separator { out += "\n\(separator)\n\n" }
        }
        return out
    }

    private func formatSingleTraceback(_ e: PyException) -> String {
        var out = "Traceback (most recent call last):\n"
        var last: PyTracebackEntry?
        var repeats = 0
        func flushRepeats() {
            if repeats > 0 {
                out += "  [Previous line repeated \(repeats) more time\(repeats == 1 ? "" : "s")]\n"
            }
            repeats = 0
        }
        var count = 0
        for entry in e.traceback.reversed() {
            if let l = last, l == entry {
                count += 1
                if count > 3 {
                    repeats += 1
                    continue
                }
            } else {
                flushRepeats()
                count = 1
            }
            last = entry
            out += "  File \"\(entry.fileName)\", line \(entry.line), in \(entry.function)\n"
            if !entry.sourceLine.isEmpty { out += "    \(entry.sourceLine)\n" }
        }
        flushRepeats()
        out += exceptionSummary(e) + "\n"
        return out
    }
}
