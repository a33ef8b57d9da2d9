/// `NotImplemented`.
public final class PyNotImplementedType: PyObject {
    /// The singleton.
    public static let shared = PyNotImplementedType()

    public override var typeName: String { "NotImplementedType" }

    public override func repr(interp: Interpreter) throws -> String? { "NotImplemented" }
}

extension PyValue {
    /// `NotImplemented`, returned by binary dunders that do not handle an operand.
    public static var notImplemented: PyValue { .object(PyNotImplementedType.shared) }

    /// True for `NotImplemented`.
    public var isNotImplemented: Bool {
        if case .object(let o) = self { return o === PyNotImplementedType.shared }
        return false
    }
}

/// A slice object (`a[1:5:2]`); unset parts are None.
public final class PySlice: PyObject {
    /// The bounds and step as written (None when omitted).
    public let start: PyValue
    public let stop: PyValue
    public let step: PyValue

    /// Creates `slice(start, stop, step)`.
    public init(start: PyValue, stop: PyValue, step: PyValue) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    public override var typeName: String { "slice" }

    public override func repr(interp: Interpreter) throws -> String? {
        "slice(\(try interp.repr(start)), \(try interp.repr(stop)), \(try interp.repr(step)))"
    }

    public override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "start": return start
        case "stop": return stop
        case "step": return step
        default: return nil
        }
    }

    /// The concrete `(start, stop, step, count)` for a sequence of `length` elements,
    /// as Python's `slice.indices` computes them.
    public func indices(length: Int, interp: Interpreter) throws -> (start: Int, stop: Int, step: Int, count: Int) {
        var stepValue = step.isNone ? 1 : try interp.index(step)
        if stepValue == 0 { throw PyException(.valueError, "slice step cannot be zero") }
        if stepValue == Int.min { stepValue = -Int.max }
        let lower = stepValue < 0 ? -1 : 0
        let upper = stepValue < 0 ? length - 1 : length
        func clamp(_ v: PyValue, _ defaultValue: Int) throws -> Int {
            if v.isNone { return defaultValue }
            var i = try interp.index(v)
            if i < 0 {
                i += length
                if i < lower { i = lower }
            } else if i > upper {
                i = upper
            }
            return i
        }
        let s = try clamp(start, stepValue < 0 ? upper : lower)
        let e = try clamp(stop, stepValue < 0 ? lower : upper)
        let count: Int
        if stepValue > 0 {
            count = s < e ? (e - s - 1) / stepValue + 1 : 0
        } else {
            count = s > e ? (s - e - 1) / (-stepValue) + 1 : 0
        }
        return (s, e, stepValue, count)
    }
}

/// A Python set (insertion-ordered here; lessons should not print sets of strings).
public final class PySet: PyObject {
    /// Elements, keyed like dict keys.
    public let storage: PyDict

    /// Creates a set whose elements are the keys of `storage`.
    public init(storage: PyDict = PyDict()) {
        self.storage = storage
    }

    public override var typeName: String { "set" }

    /// The elements in insertion order.
    public var elements: [PyValue] { storage.keys }

    /// Adds `value`.
    public func add(_ value: PyValue) throws {
        if try !storage.contains(value) { try storage.set(value, .none) }
    }

    public override func length(interp: Interpreter) throws -> Int? { storage.count }

    public override func iterate(interp: Interpreter) throws -> PyIterator? {
        PyArrayIterator(storage.keys, typeName: "set_iterator")
    }

    public override func contains(_ value: PyValue, interp: Interpreter) throws -> Bool? {
        try storage.contains(value)
    }

    public override func hashKey() throws -> PyHashKey {
        throw PyException(.typeError, "unhashable type: 'set'")
    }

    public override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        try interp.setMethod(self, name)
    }

    public override func repr(interp: Interpreter) throws -> String? {
        if storage.count == 0 { return "set()" }
        return "{" + (try elements.map { try interp.repr($0) }.joined(separator: ", ")) + "}"
    }

    public override func binaryOp(_ op: PyBinaryOp, _ other: PyValue, reflected: Bool, interp: Interpreter) throws -> PyValue? {
        guard case .object(let o as PySet) = other else { return nil }
        let (a, b) = reflected ? (o, self) : (self, o)
        let result = PySet()
        switch op {
        case .or:
            for v in a.elements { try result.add(v) }
            for v in b.elements { try result.add(v) }
        case .and:
            for v in a.elements where try b.storage.contains(v) { try result.add(v) }
        case .sub:
            for v in a.elements where try !b.storage.contains(v) { try result.add(v) }
        case .xor:
            for v in a.elements where try !b.storage.contains(v) { try result.add(v) }
            for v in b.elements where try !a.storage.contains(v) { try result.add(v) }
        default:
            return nil
        }
        return .object(result)
    }

    public override func compare(_ op: PyCompareOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        guard case .object(let o as PySet) = other else { return nil }
        let subset = try elements.allSatisfy { try o.storage.contains($0) }
        let superset = try o.elements.allSatisfy { try storage.contains($0) }
        switch op {
        case .eq: return .bool(subset && superset)
        case .ne: return .bool(!(subset && superset))
        case .le: return .bool(subset)
        case .ge: return .bool(superset)
        case .lt: return .bool(subset && !superset)
        case .gt: return .bool(superset && !subset)
        }
    }
}

/// `super()` bound to a class and an instance (or class).
final class PySuper: PyObject {
    let startClass: PyClass
    let receiver: PyValue

    init(startClass: PyClass, receiver: PyValue) {
        self.startClass = startClass
        self.receiver = receiver
    }

    override var typeName: String { "super" }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        try interp.superGetAttr(self, name)
    }
}

/// `Ellipsis` (`...`), used in tensor indexing.
public final class PyEllipsisType: PyObject {
    /// The singleton.
    public static let shared = PyEllipsisType()

    public override var typeName: String { "ellipsis" }

    public override func repr(interp: Interpreter) throws -> String? { "Ellipsis" }
}
