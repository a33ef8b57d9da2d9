/// `collections.deque`: a double-ended queue in a ring buffer, optionally bounded by `maxlen`
/// (appending to a full deque drops an item from the other end).
final class PyDeque: NativeObject {
    private var storage: [PyValue] = []
    private var head = 0
    private(set) var count = 0
    /// `maxlen`, nil for an unbounded deque.
    let maxlen: Int?

    init(maxlen: Int?) {
        self.maxlen = maxlen
    }

    /// `collections.deque`.
    static let type = NativeType("deque", module: "collections") { _, args, interp in
        let b = try args.bind(PySignature.cached("deque(iterable=(), maxlen=None)"))
        var maxlen: Int?
        if !b[1].isNone {
            guard let m = b[1].asInt ?? (try? interp.index(b[1])) else { throw PyException(.typeError, "an integer is required") }
            if m < 0 { throw PyException(.valueError, "maxlen must be non-negative") }
            maxlen = m
        }
        let d = PyDeque(maxlen: maxlen)
        try interp.forEach(b[0]) { v in
            d.append(v)
            return true
        }
        return .object(d)
    }

    override var typeName: String { "deque" }

    override var nativeClass: NativeClass? { PyDeque.type }

    /// The items from left to right.
    var items: [PyValue] {
        (0..<count).map { storage[(head + $0) % storage.count] }
    }

    private func grow() {
        let old = items
        storage = old + [PyValue](repeating: .none, count: max(8, old.count))
        head = 0
    }

    func append(_ v: PyValue) {
        if maxlen == 0 { return }
        if let m = maxlen, count == m { _ = popLeft() }
        if count == storage.count { grow() }
        storage[(head + count) % storage.count] = v
        count += 1
    }

    func appendLeft(_ v: PyValue) {
        if maxlen == 0 { return }
        if let m = maxlen, count == m { _ = popRight() }
        if count == storage.count { grow() }
        head = (head + storage.count - 1) % storage.count
        storage[head] = v
        count += 1
    }

    func popRight() -> PyValue? {
        guard count > 0 else { return nil }
        count -= 1
        let i = (head + count) % storage.count
        defer { storage[i] = .none }
        return storage[i]
    }

    func popLeft() -> PyValue? {
        guard count > 0 else { return nil }
        let v = storage[head]
        storage[head] = .none
        head = (head + 1) % storage.count
        count -= 1
        return v
    }

    /// Replaces the contents (keeping `maxlen`).
    func replace(with values: [PyValue]) {
        storage = []
        head = 0
        count = 0
        for v in values { append(v) }
    }

    private func position(_ key: PyValue, _ interp: Interpreter) throws -> Int {
        if case .object(is PySlice) = key {
            throw PyException(.typeError, "sequence index must be integer, not 'slice'")
        }
        var i = try interp.index(key)
        if i < 0 { i += count }
        guard i >= 0 && i < count else { throw PyException(.indexError, "deque index out of range") }
        return (head + i) % storage.count
    }

    override func getItem(_ key: PyValue, interp: Interpreter) throws -> PyValue? {
        storage[try position(key, interp)]
    }

    override func setItem(_ key: PyValue, _ value: PyValue, interp: Interpreter) throws -> Bool {
        storage[try position(key, interp)] = value
        return true
    }

    override func delItem(_ key: PyValue, interp: Interpreter) throws -> Bool {
        _ = try position(key, interp)
        var values = items
        var i = try interp.index(key)
        if i < 0 { i += count }
        values.remove(at: i)
        replace(with: values)
        return true
    }

    override func length(interp: Interpreter) throws -> Int? { count }

    override func iterate(interp: Interpreter) throws -> PyIterator? {
        PyArrayIterator(items, typeName: "_collections._deque_iterator")
    }

    override func contains(_ value: PyValue, interp: Interpreter) throws -> Bool? {
        try items.contains { try interp.equalsItem($0, value) }
    }

    override func hashKey() throws -> PyHashKey {
        throw PyException(.typeError, "unhashable type: 'collections.deque'")
    }

    override func repr(interp: Interpreter) throws -> String? {
        let inner = try interp.repr(.list(PyList(items)))
        if let maxlen { return "deque(\(inner), maxlen=\(maxlen))" }
        return "deque(\(inner))"
    }

    override func compare(_ op: PyCompareOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        guard case .object(let o as PyDeque) = other else { return nil }
        return try interp.compare(op, .list(PyList(items)), .list(PyList(o.items)))
    }

    override func binaryOp(_ op: PyBinaryOp, _ other: PyValue, reflected: Bool, interp: Interpreter) throws -> PyValue? {
        switch op {
        case .add where !reflected:
            guard case .object(let o as PyDeque) = other else {
                throw PyException(.typeError, "can only concatenate deque (not \"\(other.typeName)\") to deque")
            }
            let d = PyDeque(maxlen: maxlen)
            for v in items + o.items { d.append(v) }
            return .object(d)
        case .mul:
            guard let n = other.asInt else { return nil }
            try interp.checkRepetition(count, n)
            let d = PyDeque(maxlen: maxlen)
            for _ in 0..<max(n, 0) { for v in items { d.append(v) } }
            return .object(d)
        default:
            return nil
        }
    }

    override func inplaceOp(_ op: PyBinaryOp, _ other: PyValue, interp: Interpreter) throws -> PyValue? {
        guard op == .add else { return nil }
        for v in try interp.iterate(other) { append(v) }
        return .object(self)
    }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        if name == "maxlen" { return maxlen.map { .int($0) } ?? PyValue.none }
        return method(name)
    }
}
