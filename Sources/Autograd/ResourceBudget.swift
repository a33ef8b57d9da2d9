/// What one lesson run may use, so a runaway lesson stops with a clear message instead of
/// exhausting the machine: elements in one tensor, tensor memory held at once, autograd
/// nodes alive, and element operations per statement.
///
/// Each thread has its own budget (`ResourceBudget.current`); a lesson runner installs a
/// fresh one per run. Exceeding a limit is a gradviz limitation, not a Python error: it
/// throws `ResourceLimitError`, whose message names the command-line option that raises it.
public final class ResourceBudget {
    /// The limits, one per command-line option.
    public struct Limits: Sendable {
        /// Elements in one tensor, views included (`--max-elements`).
        public var maxElements = 50_000_000
        /// Bytes of tensor memory held at once (`--max-memory`, given in MB).
        public var maxMemoryBytes = 4_096 << 20
        /// Autograd graph nodes alive at once (`--max-graph-nodes`).
        public var maxGraphNodes = 5_000_000
        /// Element operations one statement may perform; a matrix product counts n·k·m (`--max-work`).
        public var maxWork = 4_000_000_000

        public init() {}
    }

    // Counters read and written on every node and storage: no dynamic exclusivity checks
    // (they cost more than the counting; measured on Benchmarks/per_op_loop.txt).
    @exclusivity(unchecked) public var limits: Limits
    /// The lesson line being run, for messages (set by the language binding).
    public var lineProvider: (() -> Int)?
    /// A number that changes from one statement to the next (set by the language binding):
    /// work is counted per statement. Without it, per operation.
    public var statementClock: (() -> Int)?

    /// Bytes held by live storages.
    @exclusivity(unchecked) public private(set) var liveBytes = 0
    /// Nodes of the autograd graph alive.
    @exclusivity(unchecked) public private(set) var liveNodes = 0
    @exclusivity(unchecked) private var work = 0
    @exclusivity(unchecked) private var workStatement = Int.min
    /// A limit passed where the engine could not throw (node and storage creation);
    /// raised by the next `raisePending()`.
    @exclusivity(unchecked) private var pending: ResourceLimitError?

    /// Bytes a stored element takes (every dtype is held as a `Double` or an `Int64`).
    static let bytesPerElement = 8

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// The budget of the lesson running on this thread.
    public static var current: ResourceBudget {
        get { ThreadState.current.budget }
        set { ThreadState.current.budget = newValue }
    }

    private func failure(_ message: String) -> ResourceLimitError {
        ResourceLimitError(message: message, line: lineProvider?() ?? 0)
    }

    // MARK: - Memory

    /// Checks, before allocating, that a new tensor of `count` elements (of `shape`, for
    /// the message) fits both the per-tensor limit and the memory still free.
    public func reserve(_ count: Int, shape: [Int]) throws {
        try checkElements(count, shape: shape)
        try reserveMemory(count)
    }

    /// Checks the per-tensor limit for a view of `count` elements (no memory of its own).
    public func checkElements(_ count: Int, shape: [Int]) throws {
        if count > limits.maxElements {
            throw failure("a tensor of shape \(Shape.text(shape)) has \(count) elements, more than the limit of \(limits.maxElements) (raise --max-elements)")
        }
    }

    /// Checks that `count` more elements fit in the memory still free (no per-tensor check:
    /// for a kernel's scratch space).
    public func reserveMemory(_ count: Int) throws {
        let (bytes, o1) = count.multipliedReportingOverflow(by: ResourceBudget.bytesPerElement)
        let (total, o2) = liveBytes.addingReportingOverflow(bytes)
        if o1 || o2 || total > limits.maxMemoryBytes { throw memoryFailure() }
    }

    private func memoryFailure() -> ResourceLimitError {
        failure("the lesson's tensors need more than \(limits.maxMemoryBytes >> 20) MB of memory (raise --max-memory)")
    }

    /// A storage of `count` elements was made.
    func allocated(_ count: Int) {
        liveBytes &+= count &* ResourceBudget.bytesPerElement
        if liveBytes > limits.maxMemoryBytes && pending == nil { pending = memoryFailure() }
    }

    /// A storage of `count` elements was freed.
    func freed(_ count: Int) { liveBytes &-= count &* ResourceBudget.bytesPerElement }

    // MARK: - Graph

    /// A node was created.
    @inline(__always)
    func nodeCreated() {
        liveNodes &+= 1
        if liveNodes > limits.maxGraphNodes && pending == nil {
            pending = failure("the autograd graph has more than \(limits.maxGraphNodes) nodes alive (raise --max-graph-nodes; in a loop, `.detach()` or `torch.no_grad()` keeps it small)")
        }
    }

    /// A node was freed.
    @inline(__always)
    func nodeFreed() { liveNodes &-= 1 }

    // MARK: - Work

    /// Counts `amount` element operations against the current statement's work.
    public func charge(_ amount: Int) throws {
        if let clock = statementClock {
            let now = clock()
            if now != workStatement {
                workStatement = now
                work = 0
            }
        } else {
            work = 0
        }
        let (total, overflow) = work.addingReportingOverflow(amount)
        work = overflow ? Int.max : total
        if overflow || amount < 0 || work > limits.maxWork {
            throw failure("one statement needs more than \(limits.maxWork) element operations (raise --max-work)")
        }
    }

    /// What making one tensor object counts as, in element operations, where an op makes a
    /// number of tensors the program chose (`chunk` of an empty dimension into 2**31 pieces).
    public static let workPerTensor = 1_000

    /// Counts the product of `factors` element operations (a matrix product's n·k·m).
    public func charge(product factors: Int...) throws {
        var total = 1
        for f in factors {
            let (m, o) = total.multipliedReportingOverflow(by: Swift.max(f, 0))
            total = o ? Int.max : m
        }
        try charge(total)
    }

    /// Throws a limit passed earlier where the engine could not throw.
    public func raisePending() throws {
        if let p = pending {
            pending = nil
            throw p
        }
    }

    /// Whether a limit was passed and not yet raised.
    public var hasPending: Bool {
        @inline(__always) get { pending != nil }
    }

    /// Throws a limit passed earlier on this thread where the engine could not throw.
    @inline(__always)
    public static func raisePendingOnThisThread() throws {
        if ThreadState.budgetHasPending { try ThreadState.current.budget.raisePending() }
    }
}

/// A resource limit of `ResourceBudget` was reached: a gradviz limitation (exit status 2),
/// never a Python exception a lesson could catch.
public struct ResourceLimitError: Error, CustomStringConvertible, Equatable {
    /// What was exceeded and the option that raises the limit.
    public var message: String
    /// The lesson line running when it happened (0 when unknown).
    public var line: Int

    public var description: String { "\(message) at line \(line)" }
}
