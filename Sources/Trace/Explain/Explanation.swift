/// What one step means, as every view shows it: the SVG caption, the terminal step-through
/// and `manifest.json` all format this one value.
public struct Explanation: Sendable, Equatable {
    /// The section in force (of the module-level statement running).
    public var section: String?
    /// The narration comments of the statement (empty when the step repeats them).
    public var narration: [String]
    /// The lesson line and its source.
    public var line: Int?
    public var source: String?
    /// The step in words: `y = 2 * x records MulBackward0`.
    public var heading: String
    /// Further facts, one sentence each.
    public var details: [String]
    /// For a backward node: the chain rule, one term per input edge.
    public var chainRule: [ChainRuleTerm]
    /// Gradients that add because a tensor is used more than once (`6 + 6 = 12`).
    public var sums: [GradientSum]
    /// For an error: the exception's type and message, whole.
    public var error: ErrorText?
    /// Text the lesson printed at this step.
    public var printed: String?

    public init(section: String? = nil, narration: [String] = [], line: Int? = nil, source: String? = nil, heading: String,
                details: [String] = [], chainRule: [ChainRuleTerm] = [], sums: [GradientSum] = [], error: ErrorText? = nil,
                printed: String? = nil) {
        self.section = section
        self.narration = narration
        self.line = line
        self.source = source
        self.heading = heading
        self.details = details
        self.chainRule = chainRule
        self.sums = sums
        self.error = error
        self.printed = printed
    }
}

/// A quantity written both with the lesson's names and with numbers: `∂z/∂y = 2·y = 12`.
public struct Quantity: Sendable, Equatable {
    /// What it is: `∂z/∂y`.
    public var symbol: String
    /// How it is computed, with the lesson's names (`2·y`), when there is a formula.
    public var formula: String?
    /// The formula with the numbers substituted (`2·6`), when that is short enough to read.
    public var substituted: String?
    /// Its value: `12`, `[2, 4, 6]`, or a summary.
    public var value: String

    public init(symbol: String, formula: String? = nil, substituted: String? = nil, value: String) {
        self.symbol = symbol
        self.formula = formula
        self.substituted = substituted
        self.value = value
    }

    /// `∂z/∂y = 2·y = 2·6 = 12` (parts that add nothing left out).
    public var text: String {
        var parts = [symbol]
        if let f = formula, f != value { parts.append(f) }
        if let s = substituted, s != formula, s != value { parts.append(s) }
        parts.append(value)
        return parts.joined(separator: " = ")
    }
}

/// One edge of a backward node: upstream gradient × local derivative = what the input receives.
public struct ChainRuleTerm: Sendable, Equatable {
    /// The lesson's name for the input (`y`), or the rule's (`self`).
    public var input: String
    /// The rule's name for the input slot (`self`, `other`).
    public var role: String
    /// The gradient arriving at the node: `∂z/∂z = 1`.
    public var upstream: Quantity
    /// The local derivative ∂output/∂input: `∂z/∂self = other = y = 6`.
    public var local: Quantity
    /// What the input receives along this edge: `1 × 6 = 6`.
    public var downstream: Quantity
    /// Elementwise tensors multiply element by element (⊙).
    public var elementwise: Bool

    public init(input: String, role: String, upstream: Quantity, local: Quantity, downstream: Quantity, elementwise: Bool) {
        self.input = input
        self.role = role
        self.upstream = upstream
        self.local = local
        self.downstream = downstream
        self.elementwise = elementwise
    }
}

/// Gradients reaching one tensor along several edges add up: `∂z/∂y = 6 + 6 = 12`.
public struct GradientSum: Sendable, Equatable {
    /// `∂z/∂y`.
    public var symbol: String
    /// The lesson's name of the tensor receiving them.
    public var target: String
    public var terms: [String]
    public var total: String

    public init(symbol: String, target: String, terms: [String], total: String) {
        self.symbol = symbol
        self.target = target
        self.terms = terms
        self.total = total
    }

    /// `∂z/∂y = 6 + 6 = 12`.
    public var text: String { "\(symbol) = \(terms.joined(separator: " + ")) = \(total)" }
}

/// An exception as the lesson raised it.
public struct ErrorText: Sendable, Equatable {
    public var type: String
    public var message: String
    /// The grad_fn that failed, when backward failed inside one.
    public var node: String?

    public init(type: String, message: String, node: String? = nil) {
        self.type = type
        self.message = message
        self.node = node
    }
}
