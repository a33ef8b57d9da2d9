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

/// `range(start, stop, step)`.
public final class PyRange: PyObject {
    /// The first element, the exclusive bound and the (non-zero) step.
    public let start: Int
    public let stop: Int
    public let step: Int

    /// Creates `range(start, stop, step)`; `step` must not be zero.
    public init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    public override var typeName: String { "range" }

    /// The number of elements.
    public var count: Int {
        let (span, overflow) = step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
        if span <= 0 && !overflow { return 0 }
        if overflow { return Int.max }
        return (span - 1) / (step > 0 ? step : -step) + 1
    }

    /// Element `i` (0 <= i < count).
    public func element(_ i: Int) -> Int { start + i * step }

    public override func length(interp: Interpreter) throws -> Int? { count }

    public override func iterate(interp: Interpreter) throws -> PyIterator? {
        var current = start
        let stop = self.stop, step = self.step
        return PyClosureIterator(typeName: "range_iterator") { _ in
            if step > 0 ? current >= stop : current <= stop { return nil }
            defer { current += step }
            return .int(current)
        }
    }

    public override func contains(_ value: PyValue, interp: Interpreter) throws -> Bool? {
        guard let i = value.asInt else { return nil }
        if step > 0 ? (i < start || i >= stop) : (i > start || i <= stop) { return false }
        return (i - start) % step == 0
    }

    public override func getItem(_ key: PyValue, interp: Interpreter) throws -> PyValue? {
        if case .object(let s as PySlice) = key {
            let (st, _, sp, n) = try s.indices(length: count, interp: interp)
            let first = element(st)
            return .object(PyRange(start: first, stop: first + n * step * sp, step: step * sp))
        }
        var i = try interp.index(key)
        if i < 0 { i += count }
        guard i >= 0 && i < count else { throw PyException(.indexError, "range object index out of range") }
        return .int(element(i))
    }

    public override func repr(interp: Interpreter) throws -> String? {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }

    public override func compare(_ op: PyCompareOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        guard op == .eq || op == .ne, case .object(let o as PyRange) = other else { return nil }
        let same = count == o.count && (count == 0 || (start == o.start && (count == 1 || step == o.step)))
        return .bool(op == .eq ? same : !same)
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
