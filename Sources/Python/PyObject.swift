/// The base class of every Python object that is not an inline value of ``PyValue``.
///
/// Each hook returns nil (or false) to mean "not supported": the interpreter then raises
/// the TypeError or AttributeError CPython would raise, with CPython's text. Subclasses
/// override only what they support. Hooks receive the ``Interpreter`` so they can call
/// back into Python code (user dunder methods, hooks, `forward`).
open class PyObject {
    /// Creates an object.
    public init() {}

    /// `type(x).__name__`.
    open var typeName: String { "object" }

    /// Attribute read (`x.name`); nil when there is no such attribute.
    open func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? { nil }

    /// Attribute write (`x.name = value`); false when the object does not accept it.
    open func setAttr(_ name: String, _ value: PyValue, interp: Interpreter) throws -> Bool { false }

    /// Attribute deletion (`del x.name`); false when unsupported.
    open func delAttr(_ name: String, interp: Interpreter) throws -> Bool { false }

    /// What `callable(x)` answers for objects the interpreter does not know.
    open var isCallable: Bool { false }

    /// Call (`x(...)`); nil when the object is not callable.
    open func call(_ args: PyArgs, interp: Interpreter) throws -> PyValue? { nil }

    /// `self <op> other` (or `other <op> self` when `reflected`); nil for NotImplemented.
    open func binaryOp(_ op: PyBinaryOp, _ other: PyValue, reflected: Bool, interp: Interpreter) throws -> PyValue? { nil }

    /// `self <op>= other` in place; nil falls back to ``binaryOp(_:_:reflected:interp:)``.
    open func inplaceOp(_ op: PyBinaryOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? { nil }

    /// `-self`, `+self`, `~self`; nil when unsupported.
    open func unaryOp(_ op: PyUnaryOp, interp: Interpreter) throws -> PyValue? { nil }

    /// Rich comparison; nil for NotImplemented (`==`/`!=` then fall back to identity).
    open func compare(_ op: PyCompareOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? { nil }

    /// `self[key]`; nil when the object is not subscriptable.
    open func getItem(_ key: PyValue, interp: Interpreter) throws -> PyValue? { nil }

    /// `self[key] = value`; false when item assignment is unsupported.
    open func setItem(_ key: PyValue, _ value: PyValue, interp: Interpreter) throws -> Bool { false }

    /// `del self[key]`; false when unsupported.
    open func delItem(_ key: PyValue, interp: Interpreter) throws -> Bool { false }

    /// `len(self)`; nil when the object has no length.
    open func length(interp: Interpreter) throws -> Int? { nil }

    /// `iter(self)`; nil when the object is not iterable.
    open func iterate(interp: Interpreter) throws -> PyIterator? { nil }

    /// `value in self`; nil falls back to iteration.
    open func contains(_ value: PyValue, interp: Interpreter) throws -> Bool? { nil }

    /// `bool(self)`; nil falls back to ``length(interp:)``, then to true.
    open func truthiness(interp: Interpreter) throws -> Bool? { nil }

    /// `repr(self)`; nil gives `<typename object at 0x...>`.
    open func repr(interp: Interpreter) throws -> String? { nil }

    /// `str(self)`; nil falls back to ``repr(interp:)``.
    open func str(interp: Interpreter) throws -> String? { nil }

    /// `format(self, spec)`; nil formats `str(self)` as a string.
    open func format(spec: String, interp: Interpreter) throws -> String? { nil }

    /// `float(self)`; nil when unsupported.
    open func toFloat(interp: Interpreter) throws -> Double? { nil }

    /// `int(self)`; nil when unsupported.
    open func toInt(interp: Interpreter) throws -> Int? { nil }

    /// Python's `__index__` (used by `range`, slicing, `list[i]`); nil when unsupported.
    open func toIndex(interp: Interpreter) throws -> Int? { nil }

    /// `with self:` entry; nil means the object is not a context manager.
    open func enter(interp: Interpreter) throws -> PyValue? { nil }

    /// `with` exit, given the exception in flight (nil on normal exit); return true to
    /// swallow the exception. nil means the object is not a context manager.
    open func exit(_ exception: PyException?, interp: Interpreter) throws -> Bool? { nil }

    /// The dict/set key; identity by default. Throw TypeError for unhashable objects.
    open func hashKey() throws -> PyHashKey { .object(ObjectIdentifier(self)) }

    /// `dir(self)`, used for "Did you mean" hints; nil offers no hints.
    open func attributeNames(interp: Interpreter) -> [String]? { nil }

    /// The class object `type(self)` returns; nil lets the interpreter make one named ``typeName``.
    open func pythonType(interp: Interpreter) -> PyObject? { nil }

    /// A short hex address for default reprs (`0x7f...`), stable for the object's lifetime.
    public final var addressText: String {
        "0x" + String(UInt(bitPattern: Unmanaged.passUnretained(self).toOpaque()), radix: 16)
    }
}
