/// A Python iterator: `next` returns nil when exhausted (StopIteration).
open class PyIterator: PyObject {
    public override init() {}

    open override var typeName: String { "iterator" }

    /// The next element, or nil at the end.
    open func next(interp: Interpreter) throws -> PyValue? { nil }

    open override func iterate(interp: Interpreter) throws -> PyIterator? { self }
}

/// An iterator over a fixed array of values.
public final class PyArrayIterator: PyIterator {
    private let values: [PyValue]
    private var position = 0
    private let name: String

    /// Iterates `values`; `typeName` names the iterator type (`list_iterator`).
    public init(_ values: [PyValue], typeName: String = "list_iterator") {
        self.values = values
        self.name = typeName
    }

    public override var typeName: String { name }

    public override func next(interp: Interpreter) throws -> PyValue? {
        guard position < values.count else { return nil }
        defer { position += 1 }
        return values[position]
    }
}

/// An iterator driven by a Swift closure that returns nil at the end.
public final class PyClosureIterator: PyIterator {
    private let body: (Interpreter) throws -> PyValue?
    private let name: String

    /// Iterates by calling `body` until it returns nil.
    public init(typeName: String = "iterator", _ body: @escaping (Interpreter) throws -> PyValue?) {
        self.body = body
        self.name = typeName
    }

    public override var typeName: String { name }

    public override func next(interp: Interpreter) throws -> PyValue? { try body(interp) }
}
