/// Receives the interpreter's progress, for tracing; nothing is reported when none is attached.
public protocol InterpreterObserver: AnyObject {
    /// Called before each simple statement and each compound statement's header.
    func willExecute(line: Int, statement: StatementInfo)
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

    /// Creates the description of one statement.
    public init(line: Int, sourceText: String, narration: [String], section: String?) {
        self.line = line
        self.sourceText = sourceText
        self.narration = narration
        self.section = section
    }
}
