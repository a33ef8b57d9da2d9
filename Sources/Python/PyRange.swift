/// `range(start, stop, step)`.
///
/// Elements are reached by index (`start + i * step` in wrapping arithmetic, exact for every
/// index inside the range), so ranges that reach the ends of the 64-bit integers neither
/// overflow nor trap.
public final class PyRange: PyObject {
    /// The first element, the exclusive bound and the (non-zero) step.
    public let start: Int
    public let stop: Int
    public let step: Int
    /// The number of elements, which may exceed `Int.max` (`range(-2**62, 2**62)`).
    let size: UInt

    /// Creates `range(start, stop, step)`; `step` must not be zero.
    public init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
        if step > 0 && start < stop {
            size = (UInt(bitPattern: stop &- start) - 1) / UInt(step) + 1
        } else if step < 0 && start > stop {
            size = (UInt(bitPattern: start &- stop) - 1) / step.magnitude + 1
        } else {
            size = 0
        }
    }

    public override var typeName: String { "range" }

    /// The number of elements (`Int.max` when there are more).
    public var count: Int { Int(exactly: size) ?? Int.max }

    /// Element `i` (0 <= i < size).
    public func element(_ i: Int) -> Int { start &+ i &* step }

    private func element(at i: UInt) -> Int { start &+ Int(bitPattern: i) &* step }

    public override func length(interp: Interpreter) throws -> Int? {
        guard let n = Int(exactly: size) else {
            throw PyException(.overflowError, "Python int too large to convert to C ssize_t")
        }
        return n
    }

    public override func iterate(interp: Interpreter) throws -> PyIterator? {
        var i: UInt = 0
        let size = self.size
        return PyClosureIterator(typeName: "range_iterator") { [self] _ in
            guard i < size else { return nil }
            defer { i += 1 }
            return .int(element(at: i))
        }
    }

    /// The elements from last to first (`reversed(range)`).
    func reversedIterator() -> PyIterator {
        var remaining = size
        return PyClosureIterator(typeName: "range_iterator") { [self] _ in
            guard remaining > 0 else { return nil }
            remaining -= 1
            return .int(element(at: remaining))
        }
    }

    /// Calls `body` with each element until it returns false.
    func forEach(_ body: (PyValue) throws -> Bool) throws {
        var i: UInt = 0
        while i < size {
            if !(try body(.int(element(at: i)))) { return }
            i += 1
        }
    }

    public override func contains(_ value: PyValue, interp: Interpreter) throws -> Bool? {
        guard let v = value.asInt else { return nil }
        if step > 0 ? (v < start || v >= stop) : (v > start || v <= stop) { return false }
        return UInt(bitPattern: step > 0 ? v &- start : start &- v) % step.magnitude == 0
    }

    public override func getItem(_ key: PyValue, interp: Interpreter) throws -> PyValue? {
        if case .object(let s as PySlice) = key {
            guard let n = Int(exactly: size) else { throw PyException(.overflowError, "Python int too large to convert to C ssize_t") }
            // CPython's compute_slice: the slice's own start and stop mapped through the range.
            let (first, last, sliceStep, _) = try s.indices(length: n, interp: interp)
            let (newStep, o1) = step.multipliedReportingOverflow(by: sliceStep)
            let (newStart, o2) = step.multipliedReportingOverflow(by: first)
            let (newStop, o3) = step.multipliedReportingOverflow(by: last)
            let (a, o4) = start.addingReportingOverflow(newStart), (b, o5) = start.addingReportingOverflow(newStop)
            if o1 || o2 || o3 || o4 || o5 { throw interp.overflow() }
            return .object(PyRange(start: a, stop: b, step: newStep))
        }
        let i = try interp.index(key)
        let position: UInt
        if i >= 0 {
            position = UInt(i)
        } else {
            guard i.magnitude <= size else { throw PyException(.indexError, "range object index out of range") }
            position = size - i.magnitude
        }
        guard position < size else { throw PyException(.indexError, "range object index out of range") }
        return .int(element(at: position))
    }

    public override func repr(interp: Interpreter) throws -> String? {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }

    public override func compare(_ op: PyCompareOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        guard op == .eq || op == .ne, case .object(let o as PyRange) = other else { return nil }
        let same = size == o.size && (size == 0 || (start == o.start && (size == 1 || step == o.step)))
        return .bool(op == .eq ? same : !same)
    }
}
