/// A reference to a Python object, as the interpreter and the torch bindings pass it around.
///
/// Immutable Python values (`None`, `bool`, `int`, `float`, `str`, `tuple`) are stored inline;
/// mutable containers are shared class instances so that aliasing behaves as in Python
/// (`b = a; b.append(1)` changes `a`). Everything else — functions, classes, instances,
/// modules, exceptions and native objects such as tensors — is a ``PyObject``.
public enum PyValue {
    case none
    case bool(Bool)
    /// A Python int limited to 64 bits; arithmetic that overflows raises an unsupported error.
    case int(Int)
    case float(Double)
    case str(String)
    case list(PyList)
    case tuple([PyValue])
    case dict(PyDict)
    case object(PyObject)
}

extension PyValue {
    /// `type(x).__name__` for this value.
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .str: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict(let d): return d.kind.typeName
        case .object(let o): return o.typeName
        }
    }

    /// True for `None`.
    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// The value as a Swift `Int` when it is a Python int or bool (Python's `__index__`).
    public var asInt: Int? {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// The value as a `Double` when it is a Python int, bool or float.
    public var asDouble: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .float(let d): return d
        default: return nil
        }
    }

    /// The string when the value is a Python str.
    public var asString: String? {
        if case .str(let s) = self { return s }
        return nil
    }

    /// The object when the value is a ``PyObject``.
    public var asObject: PyObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The elements when the value is a list or a tuple.
    public var asSequence: [PyValue]? {
        switch self {
        case .list(let l): return l.items
        case .tuple(let t): return t
        default: return nil
        }
    }

    /// Python's `is`: identity for objects and containers, equality for inline immutable values
    /// (CPython caches small ints and interns short strings, which is what lessons rely on).
    public func isIdentical(to other: PyValue) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.str(let a), .str(let b)): return a == b
        case (.list(let a), .list(let b)): return a === b
        case (.dict(let a), .dict(let b)): return a === b
        case (.tuple(let a), .tuple(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical(to: $1) }
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }

    /// The key under which this value is stored in a dict or set.
    ///
    /// Equal numbers share a key (`1`, `1.0` and `True`), as Python's hash/eq contract requires.
    /// Lists, dicts and sets are unhashable and raise Python's TypeError.
    public func hashKey() throws -> PyHashKey {
        switch self {
        case .none: return .none
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i): return .int(i)
        case .float(let d):
            if d == d.rounded(), let i = Int(exactly: d) { return .int(i) }
            return .float(d)
        case .str(let s): return .str(s)
        case .tuple(let items): return .tuple(try items.map { try $0.hashKey() })
        case .list: throw PyException(.typeError, "unhashable type: 'list'")
        case .dict: throw PyException(.typeError, "unhashable type: 'dict'")
        case .object(let o): return try o.hashKey()
        }
    }
}

/// A normalised dictionary key: Python values that compare equal map to the same key.
public enum PyHashKey: Hashable {
    case none
    case int(Int)
    case float(Double)
    case str(String)
    indirect case tuple([PyHashKey])
    case object(ObjectIdentifier)
}
