/// How a rule's op was called, by name: which of the recorded attributes are arguments a
/// learner passed (`exponent` of `x ** 3.3`, `dim`/`keepdim` of `sum`) and what they are called.
///
/// Declared next to each rule in ``Derivatives``; the trace, the explanations and the
/// formula binder read arguments only through these declarations.
public struct ArgumentSpec: Sendable {
    /// The argument's name in the op's Python signature.
    public let name: String
    let read: @Sendable (OpAttributes) -> OpArgument.Value?

    init(_ name: String, _ read: @escaping @Sendable (OpAttributes) -> OpArgument.Value?) {
        self.name = name
        self.read = read
    }

    /// A floating-point argument kept in `scalar` (`alpha`, `exponent`, `value`…).
    public static func scalar(_ name: String) -> ArgumentSpec { ArgumentSpec(name) { .double($0.scalar) } }
    /// A floating-point argument kept in `scalar2`.
    public static func scalar2(_ name: String) -> ArgumentSpec { ArgumentSpec(name) { .double($0.scalar2) } }
    /// The dimensions an op works along (`dim`): one int, or a list when there are several.
    public static let dim = ArgumentSpec("dim") { a in
        a.dims.isEmpty ? nil : (a.dims.count == 1 ? .int(a.dims[0]) : .ints(a.dims))
    }
    /// Both dimensions of a two-dimension op (`transpose`'s `dim0`, `dim1`).
    public static func dims(_ first: String, _ second: String) -> [ArgumentSpec] {
        [ArgumentSpec(first) { $0.dims.count > 0 ? .int($0.dims[0]) : nil },
         ArgumentSpec(second) { $0.dims.count > 1 ? .int($0.dims[1]) : nil }]
    }
    /// A list of dimensions (`permute`'s `dims`, `flip`'s `dims`).
    public static func dimList(_ name: String) -> ArgumentSpec { ArgumentSpec(name) { .ints($0.dims) } }
    public static let keepdim = ArgumentSpec("keepdim") { .bool($0.keepdim) }
    /// An integer argument kept in `index` (`index`, `diagonal`, `offset`).
    public static func index(_ name: String) -> ArgumentSpec { ArgumentSpec(name) { .int($0.index) } }
    /// A shape argument (`size`, `shape`).
    public static func shape(_ name: String) -> ArgumentSpec { ArgumentSpec(name) { .ints($0.shape) } }
    /// An integer list kept in `indices` (`repeats`, `shifts`, `split_sizes`).
    public static func list(_ name: String) -> ArgumentSpec { ArgumentSpec(name) { .ints($0.indices) } }
    /// A loss's `reduction`, kept as 0 (`none`), 1 (`mean`) or 2 (`sum`) in `index`.
    public static let reduction = ArgumentSpec("reduction") { a in
        .string(["none", "mean", "sum"].indices.contains(a.index) ? ["none", "mean", "sum"][a.index] : "mean")
    }
    /// A slice's `start`, `end` and `step`.
    public static let slice: [ArgumentSpec] = [
        ArgumentSpec("start") { .int($0.start) }, ArgumentSpec("end") { .int($0.end) }, ArgumentSpec("step") { .int($0.step) },
    ]
    /// `clamp`'s optional bounds.
    public static let bounds: [ArgumentSpec] = [
        ArgumentSpec("min") { $0.hasMin ? .double($0.scalar) : OpArgument.Value.none },
        ArgumentSpec("max") { $0.hasMax ? .double($0.scalar2) : OpArgument.Value.none },
    ]
    /// A target dtype.
    public static let dtype = ArgumentSpec("dtype") { .string($0.dtype.torchName) }
}

extension DerivativeRule {
    /// The arguments `attrs` holds, as this rule declares them.
    public func arguments(_ attrs: OpAttributes) -> [OpArgument] {
        argumentSpecs.compactMap { spec in spec.read(attrs).map { OpArgument(spec.name, $0) } }
    }
}

extension OpNode {
    /// The op's arguments, as its rule declares them.
    public var arguments: [OpArgument] { rule.arguments(attrs) }
}
