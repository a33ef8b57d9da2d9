/// The arguments of a call: positional values and keyword pairs, in call order.
public struct PyArgs {
    /// Positional arguments (after `*iterable` expansion).
    public var positional: [PyValue]
    /// Keyword arguments (after `**mapping` expansion), in call order.
    public var keywords: [(name: String, value: PyValue)]

    /// Creates call arguments.
    public init(_ positional: [PyValue] = [], keywords: [(name: String, value: PyValue)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// The number of arguments of both kinds.
    public var count: Int { positional.count + keywords.count }

    /// The value of keyword `name`, if given.
    public func keyword(_ name: String) -> PyValue? {
        keywords.first { $0.name == name }?.value
    }

    /// Binds the arguments to `signature`, raising Python's TypeError texts for missing,
    /// surplus, unexpected and duplicate arguments.
    public func bind(_ signature: PySignature) throws -> PyBoundArgs {
        try signature.bind(self)
    }

    /// Binds to a signature written in Python syntax, e.g. `"add(input, other, *, alpha=1)"`.
    /// Defaults may be None, True, False, numbers, strings or `()`. Parsed signatures are cached.
    public func bind(signature text: String) throws -> PyBoundArgs {
        try PySignature.cached(text).bind(self)
    }

    /// Binds to positional-or-keyword `names`, with `defaults` for the optional ones.
    public func bind(names: [String], defaults: [String: PyValue] = [:], function: String) throws -> PyBoundArgs {
        try PySignature(name: function,
                        parameters: names.map { PySignature.Parameter(name: $0, defaultValue: defaults[$0]) })
            .bind(self)
    }
}

/// Arguments bound to a ``PySignature``: one value per parameter, in declaration order
/// (`*args` as a tuple and `**kwargs` as a dict, in their positions).
public struct PyBoundArgs {
    /// One value per parameter.
    public var values: [PyValue]
    let signature: PySignature

    /// The value of parameter `i`.
    public subscript(_ i: Int) -> PyValue { values[i] }

    /// The value of the parameter called `name`.
    public subscript(_ name: String) -> PyValue {
        guard let i = signature.index(of: name) else {
            preconditionFailure("no parameter \(name) in \(signature.name)")
        }
        return values[i]
    }
}
