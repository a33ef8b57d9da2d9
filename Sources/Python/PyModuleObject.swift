/// A module: a namespace of global variables (`torch`, `math`, the lesson's `__main__`).
///
/// Each global lives in a ``GlobalCell`` so compiled code can hold the cell of every name it
/// uses and skip the lookup by name on every access.
open class PyModuleObject: PyObject {
    /// `__name__` (`torch.nn`).
    public let name: String
    private(set) var cells: [String: GlobalCell] = [:]
    private var order: [String] = []

    /// Creates an empty module.
    public init(name: String) {
        self.name = name
        super.init()
        set("__name__", .str(name))
    }

    open override var typeName: String { "module" }

    /// Binds a global (or module attribute).
    public func set(_ name: String, _ value: PyValue) {
        cell(for: name).value = value
    }

    /// The value of a global, or nil when unbound.
    public func get(_ name: String) -> PyValue? {
        cells[name]?.value
    }

    /// Binds several attributes at once.
    public func set(_ attributes: [(String, PyValue)]) {
        for (k, v) in attributes { set(k, v) }
    }

    /// The bound names in definition order.
    public var names: [String] { order.filter { cells[$0]?.value != nil } }

    /// The cell holding global `name`, created unbound if new.
    func cell(for name: String) -> GlobalCell {
        if let c = cells[name] { return c }
        let c = GlobalCell(name: name)
        cells[name] = c
        order.append(name)
        return c
    }

    /// Attribute lookup falls back here when no global of that name is bound; natives can
    /// override it to create attributes lazily.
    open func missingAttribute(_ name: String, interp: Interpreter) throws -> PyValue? { nil }

    open override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        if let v = cells[name]?.value { return v }
        return try missingAttribute(name, interp: interp)
    }

    open override func setAttr(_ name: String, _ value: PyValue, interp: Interpreter) throws -> Bool {
        set(name, value)
        return true
    }

    open override func repr(interp: Interpreter) throws -> String? {
        "<module '\(name)'>"
    }
}

/// The storage of one module-level variable; nil while unbound.
final class GlobalCell {
    package let name: String
    @exclusivity(unchecked) var value: PyValue?

    init(name: String) {
        self.name = name
    }
}
