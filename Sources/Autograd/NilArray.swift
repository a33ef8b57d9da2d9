/// Arrays of `nil` for the engine's per-op bookkeeping. Array literals of small sizes
/// are allocated with statically known storage metadata, while `Array(repeating:count:)`
/// looks the storage type up at run time on every call (about a microsecond per op).
@inline(__always)
func nilArray<T>(_ count: Int, of _: T.Type = T.self) -> [T?] {
    switch count {
    case 0: return []
    case 1: return [nil]
    case 2: return [nil, nil]
    case 3: return [nil, nil, nil]
    case 4: return [nil, nil, nil, nil]
    default: return Array(repeating: nil, count: count)
    }
}
