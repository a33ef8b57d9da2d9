/// The base class of objects implemented in Swift and exposed to lessons (tensors, dtypes,
/// grad_fn nodes, torch modules, context managers).
///
/// Override the hooks of ``PyObject``; every hook left alone makes the interpreter raise
/// Python's own error for the missing capability.
open class NativeObject: PyObject {
    public override init() {}

    /// The native class of this object (`torch.Tensor`), used by `type(x)` and `isinstance`.
    open var nativeClass: NativeClass? { nil }

    open override func pythonType(interp: Interpreter) -> PyObject? { nativeClass }
}

/// A class implemented in Swift. It can be called to construct natives, tested with
/// `isinstance`, and used as the base of a user class (`class Net(nn.Module)`,
/// `class line(torch.autograd.Function)`).
///
/// Attribute lookup on a user class or its instances walks the user classes first, then asks
/// the native base through ``classAttr(_:of:interp:)`` and ``instanceAttr(_:of:interp:)``.
open class NativeClass: NativeObject {
    /// The class name (`Tensor`).
    public let name: String
    /// The native base class, for `isinstance` and `issubclass` across natives.
    public let nativeBase: NativeClass?

    /// Creates a native class named `name`.
    public init(name: String, base: NativeClass? = nil) {
        self.name = name
        self.nativeBase = base
    }

    open override var typeName: String { "type" }

    open override func repr(interp: Interpreter) throws -> String? { "<class '\(qualifiedName)'>" }

    /// The dotted name shown by `repr(cls)` (`torch.Tensor`); defaults to ``name``.
    open var qualifiedName: String { name }

    /// Attribute `name` looked up on a user class deriving from this class, after the user
    /// classes missed; nil when absent.
    open func classAttr(_ name: String, of cls: PyClass, interp: Interpreter) throws -> PyValue? {
        try getAttr(name, interp: interp)
    }

    /// Attribute `name` looked up on an instance of a user class deriving from this class, after
    /// the instance dict and the user classes missed; nil when absent.
    open func instanceAttr(_ name: String, of instance: PyInstance, interp: Interpreter) throws -> PyValue? { nil }

    /// Attribute assignment on such an instance; return false to store it in the instance dict.
    open func setInstanceAttr(_ name: String, _ value: PyValue, of instance: PyInstance, interp: Interpreter) throws -> Bool { false }

    /// Called when a user subclass is instantiated, before its `__init__` runs, so the native
    /// side can attach state to ``PyInstance/nativeState``.
    open func initInstance(_ instance: PyInstance, args: PyArgs, interp: Interpreter) throws {}

    /// `isinstance(value, self)` for values that are not instances of user classes.
    open func isInstance(_ value: PyValue) -> Bool {
        guard case .object(let o) = value, let n = o as? NativeObject else { return false }
        var c = n.nativeClass
        while let k = c {
            if k === self { return true }
            c = k.nativeBase
        }
        return false
    }

    /// True when `self` is `other` or derives from it.
    public func isSubclass(of other: NativeClass) -> Bool {
        var c: NativeClass? = self
        while let k = c {
            if k === other { return true }
            c = k.nativeBase
        }
        return false
    }
}
