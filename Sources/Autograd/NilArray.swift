// Small arrays for the engine's per-op bookkeeping.
//
// An array literal whose elements are run-time values is allocated with statically
// known storage metadata. Every other way of making an array (`map`, `append` to an
// empty one, `Array(repeating:count:)`, `unsafeUninitializedCapacity`) looks the
// storage type up in the runtime on each call, which costs more than the rest of a
// scalar op. And a literal of constant nils is one shared static object, copied on
// the first write. So the common sizes are written out as literals of run-time values.

/// A fresh array of `count` nils.
@inline(__always)
func nilArray<T>(_ count: Int, of _: T.Type = T.self) -> [T?] {
    if count == 0 { return [] }
    return [T?](unsafeUninitializedCapacity: count) { buffer, initialized in
        buffer.initialize(repeating: nil)
        initialized = count
    }
}

/// An array of `count` entries: `value` at `slot`, nil elsewhere.
@inline(__always)
func arrayWith<T>(_ value: T, at slot: Int, count: Int) -> [T?] {
    switch count {
    case 1: return [value]
    case 2: return [slot == 0 ? value : nil, slot == 1 ? value : nil]
    case 3: return [slot == 0 ? value : nil, slot == 1 ? value : nil, slot == 2 ? value : nil]
    case 4: return [slot == 0 ? value : nil, slot == 1 ? value : nil, slot == 2 ? value : nil, slot == 3 ? value : nil]
    default:
        var a = nilArray(count, of: T.self)
        a[slot] = value
        return a
    }
}
