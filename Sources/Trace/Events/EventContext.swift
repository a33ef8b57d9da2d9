/// Where an event happened: the lesson line running, the statement it belongs to, and
/// the loops around it.
public struct EventContext: Sendable, Equatable {
    /// The line of the innermost frame running lesson code (1-based); nil outside any statement.
    public var line: Int?
    /// The module-level statement running (its first line): a call's frames share their
    /// caller's, which decides the section a frame belongs to.
    public var topLine: Int?
    /// The loops running around the event, outermost first, each with its iteration.
    public var loops: [LoopPosition]
    /// How many lesson functions are running (0 at module level).
    public var depth: Int
    /// The grad_fn being applied, while backward runs one (a custom Function's backward is lesson code).
    public var node: Int?

    public init(line: Int? = nil, topLine: Int? = nil, loops: [LoopPosition] = [], depth: Int = 0, node: Int? = nil) {
        self.line = line
        self.topLine = topLine
        self.loops = loops
        self.depth = depth
        self.node = node
    }

    /// The iteration of the innermost loop, if any.
    public var iteration: Int? { loops.last?.iteration }
}

/// A loop (by its header line) and the iteration it is in (0-based).
public struct LoopPosition: Sendable, Equatable, Hashable {
    public var line: Int
    public var iteration: Int

    public init(line: Int, iteration: Int) {
        self.line = line
        self.iteration = iteration
    }
}
