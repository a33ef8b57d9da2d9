/// Thrown by a `yield` through the statements of a generator frame: each statement on the
/// way out records where it was (a ``ResumeMark``) so the next resume can find the yield again.
/// Statements recognise it by ``GeneratorState/suspended`` rather than by its type.
struct GeneratorSuspension: Error {
    /// The one value thrown (no allocation per yield).
    static let error: any Error = GeneratorSuspension()
}

/// Where a suspended statement of a generator body continues.
enum ResumeMark {
    /// A position within the statement: the index of a block's statement, the branch of an
    /// `if`, the part of a loop.
    case position(Int)
    /// Inside `except` handler `index`, handling `exception`.
    case handler(Int, PyException)
    /// Inside a `finally` block, with what happens after it.
    case finalBlock(PendingExit)
}

/// What a `try` statement does once its `finally` block has run.
enum PendingExit {
    case flow(Flow)
    case exception(PyException)
}

/// The resume bookkeeping of one generator frame.
final class GeneratorState {
    /// Marks left by the statements a suspension passed through, innermost first; a resume
    /// takes them from the end (outermost first).
    @exclusivity(unchecked) var marks: [ResumeMark] = []
    /// True from a resume until the suspended yield is reached again.
    @exclusivity(unchecked) var resuming = false
    /// The value the resumed yield evaluates to (`send`).
    @exclusivity(unchecked) var sent: PyValue = .none
    /// The exception the resumed yield raises instead (`throw`, `close`).
    @exclusivity(unchecked) var thrown: PyException?
    /// The value of the yield that suspended the frame.
    @exclusivity(unchecked) var yielded: PyValue = .none
    /// True while a suspension unwinds the frame's statements.
    @exclusivity(unchecked) var suspended = false

    /// Starts suspending at a yield of `value`; returns the error to throw.
    func suspend(yielding value: PyValue) -> any Error {
        yielded = value
        suspended = true
        return GeneratorSuspension.error
    }

    /// The next mark on the way back to the yield.
    func nextMark() throws -> ResumeMark {
        guard let mark = marks.popLast() else {
            throw PyException(.runtimeError, "generator lost its place")
        }
        return mark
    }

    /// The next mark, which must be a position.
    func nextPosition() throws -> Int {
        guard case .position(let p) = try nextMark() else {
            throw PyException(.runtimeError, "generator lost its place")
        }
        return p
    }
}

extension Frame {
    /// The resume state of a generator frame.
    func generatorState() throws -> GeneratorState {
        guard let state = generator else { throw PyException(.runtimeError, "generator lost its place") }
        return state
    }
}
