/// A Python list: a shared, mutable array of values.
public final class PyList {
    /// The elements, in order.
    @exclusivity(unchecked) public var items: [PyValue]

    /// Creates a list holding `items`.
    public init(_ items: [PyValue] = []) {
        self.items = items
    }

    /// The number of elements.
    public var count: Int { items.count }

    deinit {
        DeferredRelease.release(&items)
    }
}
