/// Receives the interpreter's progress, for tracing; nothing is reported when none is attached.
public protocol InterpreterObserver: AnyObject {
    /// Called before each simple statement and each compound statement's header.
    func willExecute(line: Int, statement: StatementInfo)
    /// Called after a simple statement (or a `def`/`class`) finished without raising.
    func didExecute(line: Int)
    /// Called when the `for` or `while` loop at `line` starts iteration `index` (0-based).
    func loopIteration(line: Int, index: Int)
    /// Called when a statement raises (the exception may still be caught).
    func didRaise(type: String, message: String, line: Int)
    /// Called after a plain name is bound (assignment, for targets, unpacking).
    func didAssign(name: String, value: PyValue, line: Int)
    /// Called with the text `print` writes (including `end`).
    func didPrint(_ text: String, line: Int)
}

/// What the narration layer knows about a statement.
public struct StatementInfo: Sendable, Equatable {
    /// The 1-based line of the statement.
    public var line: Int
    /// The statement's first source line, as written (without the newline).
    public var sourceText: String
    /// The `#` comment lines immediately above the statement, without `# `, in order.
    public var narration: [String]
    /// The latest `## Title` at or above the statement, without `## `.
    public var section: String?
    /// The statement's index in the lesson's ``LessonOutline``.
    public var index: Int?

    /// Creates the description of one statement.
    public init(line: Int, sourceText: String, narration: [String], section: String?, index: Int? = nil) {
        self.line = line
        self.sourceText = sourceText
        self.narration = narration
        self.section = section
        self.index = index
    }
}
