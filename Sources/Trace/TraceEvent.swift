/// One step of a lesson run, as recorded for pictures, the step-through and `--trace`.
///
/// Every event carries the lesson line that caused it and the narration in force
/// there; the payload fields used depend on `kind` (see docs/trace-schema.md).
public struct TraceEvent: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// An op ran: `op`, `inputs`, `output` (with its new grad_fn in `node`, if recorded).
        case forward
        /// Backward or autograd.grad started: `roots`, `grads` (the seed gradients).
        case backwardBegin = "backward_begin"
        /// A grad_fn was applied: `node`, `incoming`, `outgoing`.
        case node
        /// A leaf's `.grad` changed: `tensor` (the leaf), `before`, `incoming`, `after`.
        case accumulate
        /// Backward finished: `released` lists nodes whose saved tensors were freed.
        case backwardEnd = "backward_end"
        /// Gradients were reset: `tensors` (the parameters), `setToNone`.
        case zeroGrad = "zero_grad"
        /// An optimizer updated parameters: `tensors` (after), `before`, `text` (the rule with numbers).
        case step
        /// Grad mode changed: `enabled`.
        case gradMode = "grad_mode"
        /// A tensor hook ran: `tensor`, `incoming` (its argument), `outgoing` (its result, if any).
        case hook
        /// The lesson printed `text`.
        case print
    }

    public var index: Int
    public var kind: Kind
    /// 1-based lesson line, nil for events outside any statement.
    public var line: Int?
    /// The statement's source text.
    public var source: String?
    /// The `## Title` section in force.
    public var section: String?
    /// The `#` comment lines directly above the statement.
    public var narration: [String]
    /// Which iteration of the innermost loop around the line (0-based), when inside a loop.
    public var iteration: Int?

    public var op: String?
    public var inputs: [TensorSnapshot]?
    public var output: TensorSnapshot?
    public var node: NodeSnapshot?
    public var incoming: [TensorSnapshot?]?
    public var outgoing: [TensorSnapshot?]?
    public var tensor: TensorSnapshot?
    public var tensors: [TensorSnapshot]?
    public var before: TensorSnapshot?
    public var after: TensorSnapshot?
    public var beforeAll: [TensorSnapshot]?
    public var roots: [TensorSnapshot]?
    public var grads: [TensorSnapshot]?
    public var released: [Int]?
    public var enabled: Bool?
    public var setToNone: Bool?
    public var retainGraph: Bool?
    public var createGraph: Bool?
    public var text: String?

    public init(index: Int, kind: Kind, line: Int?, source: String? = nil, section: String? = nil,
                narration: [String] = [], iteration: Int? = nil) {
        self.index = index
        self.kind = kind
        self.line = line
        self.source = source
        self.section = section
        self.narration = narration
        self.iteration = iteration
    }
}
