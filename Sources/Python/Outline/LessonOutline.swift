/// A lesson's structure, computed once from its AST and comments: its sections, which
/// narration comments belong to which statement, the loops and function bodies.
///
/// Every view (pictures, the step-through, the player) reads lesson structure from here,
/// never from the raw text.
public struct LessonOutline: Sendable, Equatable {
    /// A `## Title` line: a section starts there.
    public struct Section: Sendable, Equatable {
        public var title: String
        public var line: Int
    }

    /// One statement (a simple statement or a compound statement's header).
    public struct Statement: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable {
            case simple, `if`, `for`, `while`, with, `try`, def, `class`
        }

        public var line: Int
        public var kind: Kind
        /// The statement's first source line, as written (without indentation).
        public var source: String
        /// The `#` comment lines that narrate it, in order, without `# `: the comment lines
        /// between the previous statement (or section line) and this one.
        public var narration: [String]
        /// The lines those comments are on.
        public var narrationLines: [Int]
        /// The enclosing `def` (index into ``functions``), if any.
        public var function: Int?
        /// The enclosing loops (indices into ``loops``), outermost first.
        public var loops: [Int]
    }

    /// A `for` or `while` loop.
    public struct Loop: Sendable, Equatable {
        public var line: Int
        /// The last line of its body.
        public var endLine: Int
        public var keyword: String
    }

    /// A `def` (a method's `qualname` includes its class: `Line.backward`).
    public struct Function: Sendable, Equatable {
        public var name: String
        public var qualname: String
        public var line: Int
        public var endLine: Int
    }

    public var sections: [Section]
    /// Statements in line order.
    public var statements: [Statement]
    public var loops: [Loop]
    public var functions: [Function]
    /// Comment lines after the last statement (they narrate the end of the lesson).
    public var closingNarration: [String]

    public init(sections: [Section] = [], statements: [Statement] = [], loops: [Loop] = [], functions: [Function] = [],
                closingNarration: [String] = []) {
        self.sections = sections
        self.statements = statements
        self.loops = loops
        self.functions = functions
        self.closingNarration = closingNarration
    }

    /// The lesson's title: its first section's, if the lesson has sections.
    public var title: String? { sections.first?.title }

    /// The statement starting at `line`, if any.
    public func statement(at line: Int) -> Statement? {
        statementIndex(at: line).map { statements[$0] }
    }

    /// The index of the statement starting at `line`, if any.
    public func statementIndex(at line: Int) -> Int? {
        var lo = 0, hi = statements.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if statements[mid].line < line { lo = mid + 1 } else { hi = mid }
        }
        return lo < statements.count && statements[lo].line == line ? lo : nil
    }

    /// The section in force at `line` (the last `## Title` at or above it).
    public func section(at line: Int) -> Section? {
        var found: Section?
        for s in sections {
            if s.line > line { break }
            found = s
        }
        return found
    }

    /// The lesson's language for generated text: `zh` when its narration or titles are Chinese.
    public var language: String {
        let texts = sections.map(\.title) + statements.flatMap(\.narration) + closingNarration
        for t in texts where t.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) { return "zh" }
        return "en"
    }
}

extension LessonOutline {
    /// The outline of lesson `source`, parsed without running it; nil when it does not parse.
    public static func of(source: String) -> LessonOutline? {
        let parser = Parser(source: Interpreter.normalizedSource(source))
        guard let body = try? parser.parseModule() else { return nil }
        return OutlineBuilder.build(body, commentLines: parser.commentLines, sourceLines: parser.sourceLines)
    }
}
