/// A Python exception in flight, thrown as a Swift error through the interpreter and natives.
///
/// Natives raise Python errors with `throw PyException(.runtimeError, "message")`; the
/// interpreter adds one ``PyTracebackEntry`` per Python frame the exception leaves.
public final class PyException: Error {
    /// The exception object (`e` in `except ... as e`).
    public let instance: PyInstance
    /// Frames the exception has propagated through, innermost first (`__traceback__`, kept on
    /// the exception object so re-raising keeps it).
    public var traceback: [PyTracebackEntry] {
        get { instance.exceptionState.traceback }
        set { instance.exceptionState.traceback = newValue }
    }

    /// The exception being handled when this one was raised (`__context__`).
    public var context: PyException? {
        get { instance.exceptionState.context.map { PyException(instance: $0) } }
        set { instance.exceptionState.context = newValue?.instance }
    }

    /// The exception named by `raise ... from cause` (`__cause__`).
    public var cause: PyException? {
        get { instance.exceptionState.cause.map { PyException(instance: $0) } }
        set { instance.exceptionState.cause = newValue?.instance }
    }

    /// True after `raise ... from ...`: the context is not printed.
    public var suppressContext: Bool {
        get { instance.exceptionState.suppressContext }
        set { instance.exceptionState.suppressContext = newValue }
    }

    /// True when both wrap the same exception object.
    public func isSame(as other: PyException) -> Bool { instance === other.instance }

    /// Wraps an existing exception instance.
    public init(instance: PyInstance) {
        self.instance = instance
    }

    /// Creates an exception of builtin or user class `cls` with one message argument
    /// (no argument at all when `message` is nil).
    public init(_ cls: PyClass, _ message: String?) {
        let inst = PyInstance(cls: cls)
        if let message { inst.exceptionArgs = [.str(message)] }
        self.instance = inst
    }

    /// Creates an exception of class `cls` with arbitrary arguments (`KeyError(key)`).
    public init(_ cls: PyClass, args: [PyValue]) {
        let inst = PyInstance(cls: cls)
        inst.exceptionArgs = args
        self.instance = inst
    }

    /// The exception's class.
    public var cls: PyClass { instance.cls }

    /// True when the exception is an instance of `cls` or a subclass.
    public func matches(_ cls: PyClass) -> Bool { instance.cls.isSubclass(of: cls) }

    /// `TypeError` and friends: convenience constructors for natives.
    public static func typeError(_ message: String) -> PyException { PyException(.typeError, message) }
    /// A `ValueError`.
    public static func valueError(_ message: String) -> PyException { PyException(.valueError, message) }
    /// A `RuntimeError`.
    public static func runtimeError(_ message: String) -> PyException { PyException(.runtimeError, message) }
    /// An `IndexError`.
    public static func indexError(_ message: String) -> PyException { PyException(.indexError, message) }
    /// An `AttributeError`.
    public static func attributeError(_ message: String) -> PyException { PyException(.attributeError, message) }
    /// A `NotImplementedError`.
    public static func notImplementedError(_ message: String) -> PyException { PyException(.notImplementedError, message) }
    /// A `ZeroDivisionError`.
    public static func zeroDivisionError(_ message: String) -> PyException { PyException(.zeroDivisionError, message) }
    /// A `KeyError` for `key` (its message is `repr(key)`).
    public static func keyError(_ key: PyValue) -> PyException { PyException(.keyError, args: [key]) }
}

/// One line of a Python traceback: `File "lesson.txt", line 7, in <module>`.
public struct PyTracebackEntry: Equatable, Sendable {
    /// The file shown in the `File "..."` line.
    public var fileName: String
    /// The line being executed in that frame.
    public var line: Int
    /// `<module>`, the function name, or the class name for a class body.
    public var function: String
    /// The source line, stripped, as CPython prints it under the `File` line.
    public var sourceLine: String

    /// Creates a traceback entry.
    public init(fileName: String, line: Int, function: String, sourceLine: String) {
        self.fileName = fileName
        self.line = line
        self.function = function
        self.sourceLine = sourceLine
    }
}

/// A lesson feature outside the supported Python subset; reported as
/// `gradviz: unsupported <construct> at line N`, never caught by `try`/`except`.
public struct UnsupportedFeature: Error, Equatable, CustomStringConvertible {
    /// What is unsupported (`'yield'`, `import 'os'`).
    public var construct: String
    /// The lesson line.
    public var line: Int

    /// Reports `construct` at lesson line `line`.
    public init(_ construct: String, line: Int) {
        self.construct = construct
        self.line = line
    }

    public var description: String { "gradviz: unsupported \(construct) at line \(line)" }
}

/// A resource limit was hit (step budget); not catchable by lesson code.
public struct ResourceLimitExceeded: Error, Equatable, CustomStringConvertible {
    /// The message shown to the user.
    public var message: String
    /// The lesson line being executed.
    public var line: Int

    /// Reports the exhausted limit at lesson line `line`.
    public init(_ message: String, line: Int) {
        self.message = message
        self.line = line
    }

    public var description: String { "gradviz: \(message) at line \(line)" }
}
