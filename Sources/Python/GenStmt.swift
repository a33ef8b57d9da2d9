/// A statement of a generator body once every yield has been lowered to statement level.
///
/// A generator suspends at a yield and later continues from there. The compiled closures of
/// ordinary code cannot stop halfway through an expression, so the body is first rewritten:
/// the operands evaluated before a yield go to hidden local slots (`.y0`, `.y1`, ...), and each
/// yield becomes a statement of its own. Only the statements on the way to a yield (blocks,
/// `if`, loops, `with`, `try`) need to know how to continue; they are the other cases here.
struct GenStmt {
    indirect enum Kind {
        /// A statement without yield, compiled as everywhere else.
        case plain(Stmt)
        /// `yield value`, binding what the generator is sent to `into` (the targets in order).
        case yield(Expr?, into: [Expr])
        /// `yield from iterable`, binding the sub-iterator's return value to `into`.
        case yieldFrom(Expr, into: [Expr])
        case `if`([(test: Expr, body: [GenStmt])], orelse: [GenStmt])
        /// A `while` whose test needs statements of its own (`prelude`) when it contains a yield.
        case `while`(prelude: [GenStmt], test: Expr, body: [GenStmt], orelse: [GenStmt])
        case `for`(target: Expr, iterable: Expr, body: [GenStmt], orelse: [GenStmt])
        /// One `with` item; several items nest.
        case with(context: Expr, target: Expr?, body: [GenStmt])
        case `try`(body: [GenStmt], handlers: [GenHandler], orelse: [GenStmt], finally: [GenStmt])
    }

    var kind: Kind
    /// The source line the statement comes from.
    var line: Int
    /// True for a statement of the source (reported to the observer, counted as a step);
    /// false for the later steps a statement was split into.
    var reported: Bool

    /// False for plain statements, which never suspend.
    var canSuspend: Bool {
        if case .plain = kind { return false }
        return true
    }
}

/// An `except` clause of a generator's `try`.
struct GenHandler {
    var type: Expr?
    var name: String?
    var body: [GenStmt]
    var line: Int
}
