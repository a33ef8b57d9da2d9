/// A Python dict: insertion-ordered, keyed by ``PyHashKey``.
///
/// Deleted entries leave a hole that is compacted once holes outnumber live entries,
/// so `pop` stays amortised O(1) and iteration order stays the insertion order.
public final class PyDict {
    /// `dict`, or one of the dict subclasses of `collections`.
    public var kind: DictKind = .dict
    private var entries: [(key: PyValue, value: PyValue)?] = []
    private var index: [PyHashKey: Int] = [:]
    private var holes = 0

    /// Creates an empty dict.
    public init() {}

    deinit {
        guard entries.contains(where: { $0.map { DeferredRelease.mayNest($0.key) || DeferredRelease.mayNest($0.value) } ?? false })
        else { return }
        var values: [PyValue] = []
        values.reserveCapacity(entries.count * 2)
        for case let entry? in entries {
            values.append(entry.key)
            values.append(entry.value)
        }
        entries.removeAll()
        index.removeAll()
        DeferredRelease.release(&values)
    }

    /// Creates a dict from string keys, in order.
    public convenience init(_ pairs: [(String, PyValue)]) {
        self.init()
        for (k, v) in pairs { setValue(v, forHashKey: .str(k), key: .str(k)) }
    }

    /// The number of entries.
    public var count: Int { index.count }

    /// The entries in insertion order.
    public var items: [(key: PyValue, value: PyValue)] { entries.compactMap { $0 } }

    /// The keys in insertion order.
    public var keys: [PyValue] { entries.compactMap { $0?.key } }

    /// The values in insertion order.
    public var values: [PyValue] { entries.compactMap { $0?.value } }

    /// The value stored under `key`, or nil; raises TypeError for unhashable keys.
    public func get(_ key: PyValue) throws -> PyValue? {
        guard let i = index[try key.hashKey()] else { return nil }
        return entries[i]?.value
    }

    /// The value stored under a string key.
    public subscript(key: String) -> PyValue? {
        get { index[.str(key)].flatMap { entries[$0]?.value } }
        set {
            if let v = newValue {
                setValue(v, forHashKey: .str(key), key: .str(key))
            } else {
                _ = removeValue(forHashKey: .str(key))
            }
        }
    }

    /// Stores `value` under `key`, keeping the position of an existing key.
    public func set(_ key: PyValue, _ value: PyValue) throws {
        setValue(value, forHashKey: try key.hashKey(), key: key)
    }

    /// Removes and returns the value under `key`, or nil when absent.
    @discardableResult
    public func remove(_ key: PyValue) throws -> PyValue? {
        removeValue(forHashKey: try key.hashKey())
    }

    /// True when `key` is present.
    public func contains(_ key: PyValue) throws -> Bool {
        index[try key.hashKey()] != nil
    }

    /// Removes every entry.
    public func removeAll() {
        entries.removeAll()
        index.removeAll()
        holes = 0
    }

    /// A shallow copy of the same kind.
    public func copy() -> PyDict {
        let d = PyDict()
        d.kind = kind
        d.entries = entries.compactMap { $0 }
        for (i, e) in d.entries.enumerated() {
            if let e { d.index[(try? e.key.hashKey()) ?? .none] = i }
        }
        return d
    }

    /// Removes and returns the last inserted entry.
    public func popLast() -> (key: PyValue, value: PyValue)? {
        while let last = entries.last {
            entries.removeLast()
            if let last {
                if let k = try? last.key.hashKey() { index[k] = nil }
                return last
            }
            holes -= 1
        }
        return nil
    }

    /// Removes and returns the first inserted entry.
    public func popFirst() -> (key: PyValue, value: PyValue)? {
        guard let first = entries.first(where: { $0 != nil }) ?? nil else { return nil }
        _ = removeValue(forHashKey: (try? first.key.hashKey()) ?? .none)
        return first
    }

    /// Moves an existing key to the end (or the front) of the order; false when absent.
    public func move(_ key: PyValue, toEnd: Bool) throws -> Bool {
        let h = try key.hashKey()
        guard let i = index[h], let entry = entries[i] else { return false }
        if toEnd {
            entries[i] = nil
            holes += 1
            index[h] = entries.count
            entries.append(entry)
        } else {
            entries[i] = nil
            entries.insert(entry, at: 0)
            compact()
        }
        return true
    }

    private func setValue(_ value: PyValue, forHashKey h: PyHashKey, key: PyValue) {
        if let i = index[h] {
            entries[i]!.value = value
        } else {
            index[h] = entries.count
            entries.append((key, value))
        }
    }

    private func removeValue(forHashKey h: PyHashKey) -> PyValue? {
        guard let i = index.removeValue(forKey: h) else { return nil }
        let old = entries[i]?.value
        entries[i] = nil
        holes += 1
        if holes > 16 && holes > index.count { compact() }
        return old
    }

    private func compact() {
        entries = entries.filter { $0 != nil }
        holes = 0
        for (i, e) in entries.enumerated() {
            if let e, let k = try? e.key.hashKey() { index[k] = i }
        }
    }
}
