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

/// `f` applied to each element of a short array, as a literal for the common sizes.
@inline(__always)
func mapSmall<T, U>(_ items: [T], _ f: (T) throws -> U) rethrows -> [U] {
    switch items.count {
    case 0: return []
    case 1: return [try f(items[0])]
    case 2:
        let a = try f(items[0])
        return [a, try f(items[1])]
    case 3:
        let a = try f(items[0]), b = try f(items[1])
        return [a, b, try f(items[2])]
    default: return try items.map(f)
    }
}
