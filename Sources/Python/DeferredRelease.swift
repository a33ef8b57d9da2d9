import Foundation

/// Frees deeply nested Python data without recursion: a container being freed hands its
/// nested values to a per-thread list that one loop drains, so a list nested three million
/// deep is freed in constant stack space (what CPython's "trashcan" does).
enum DeferredRelease {
    private final class State {
        var pending: [PyValue] = []
        var draining = false
    }

    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k) { p in
            guard let p else { return }
            Unmanaged<AnyObject>.fromOpaque(p).release()
        }
        return k
    }()

    private static var state: State {
        if let p = pthread_getspecific(key) { return Unmanaged<State>.fromOpaque(p).takeUnretainedValue() }
        let s = State()
        pthread_setspecific(key, Unmanaged.passRetained(s).toOpaque())
        return s
    }

    /// True when freeing `v` may free further containers.
    @inline(__always)
    static func mayNest(_ v: PyValue) -> Bool {
        switch v {
        case .list, .dict, .tuple, .object: return true
        case .none, .bool, .int, .float, .str: return false
        }
    }

    /// Takes the values a container being freed still holds and releases them one at a time.
    static func release(_ values: inout [PyValue]) {
        guard values.contains(where: mayNest) else { return }
        let s = state
        s.pending.append(contentsOf: values)
        values.removeAll()
        if s.draining { return }
        s.draining = true
        defer { s.draining = false }
        while let v = s.pending.popLast() {
            // A tuple has no object of its own to defer through: keep its items for the loop.
            if case .tuple(let items) = v { s.pending.append(contentsOf: items) }
        }
    }
}
