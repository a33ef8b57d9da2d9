/// Shape arithmetic shared by every op: broadcasting, strides, dimension wrapping.
enum Shape {
    /// The number of elements of `shape` (0 with a zero size anywhere, else `Int.max` when
    /// the product overflows, which shape validation never lets a tensor have).
    @inline(__always)
    static func count<S: Sequence<Int>>(_ shape: S) -> Int {
        if shape.contains(0) { return 0 }
        var n = 1
        for d in shape {
            let (m, o) = n.multipliedReportingOverflow(by: d)
            if o { return Int.max }
            n = m
        }
        return n
    }

    /// `[2, 3]`, as PyTorch's messages print sizes.
    static func text(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }

    /// The element count of a new tensor of `shape`, with PyTorch's errors: a negative
    /// size, or a byte size that does not fit in 64 bits (`computeStorageNbytes`, which
    /// multiplies every size in turn, so an overflow before a zero still counts).
    static func checkedCount(_ shape: [Int], itemSize: Int = 4) throws -> Int {
        for d in shape where d < 0 {
            throw AutogradError.runtime("Trying to create tensor with negative dimension \(d): \(text(shape))")
        }
        var n: UInt64 = 1
        var overflowed = false
        for d in shape {
            let (m, o) = n.multipliedReportingOverflow(by: UInt64(d))
            overflowed = overflowed || o
            n = m
        }
        let (bytes, o) = n.multipliedReportingOverflow(by: UInt64(itemSize))
        if overflowed || o || bytes > UInt64(Int64.max) {
            throw AutogradError.runtime("Storage size calculation overflowed with sizes=\(text(shape))")
        }
        // Contiguous strides multiply the sizes after the first, a zero counting as one.
        var stride = 1
        for d in shape.dropFirst().reversed() {
            let (m, o) = stride.multipliedReportingOverflow(by: Swift.max(d, 1))
            if o { throw AutogradError.runtime("Stride calculation overflowed") }
            stride = m
        }
        return Int(n)
    }

    /// The elements of a strided layout over `storage`, in row-major order.
    static func gather<T>(_ storage: [T], shape: [Int], strides: [Int], offset: Int) -> [T] {
        let n = count(shape)
        if n == 0 { return [] }
        if let copied = stridedCopy(storage, offset: offset, shape: shape, strides: strides) { return copied }
        return [T](unsafeUninitializedCapacity: n) { out, initialized in
            storage.withUnsafeBufferPointer { v in
                forEachIndex(shape, strides, strides) { k, i, _ in out.initializeElement(at: k, to: v[offset + i]) }
            }
            initialized = n
        }
    }

    /// Row-major strides of a contiguous tensor of `shape`.
    static func strides(_ shape: [Int]) -> [Int] {
        if shape.isEmpty { return [] }
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            s[i] = acc
            // Wrapping: a zero-element tensor may have sizes whose product passes Int.max.
            acc = acc &* shape[i]
        }
        return s
    }

    /// Whether `strides` lay out `shape` row-major without gaps (size-1 dimensions ignored;
    /// a tensor of no elements is contiguous), as ATen's `compute_contiguous`.
    static func isContiguous(shape: [Int], strides: [Int]) -> Bool {
        if shape.contains(0) { return true }
        var expected = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) where shape[i] != 1 {
            if strides[i] != expected { return false }
            expected = expected &* shape[i]
        }
        return true
    }

    /// Strides for viewing a tensor of `oldShape`/`oldStrides` as `newShape` without
    /// copying, or nil when impossible (ATen's `computeStride`).
    static func viewStrides(oldShape: [Int], oldStrides: [Int], newShape: [Int]) -> [Int]? {
        let numel = count(oldShape)
        if numel == 0 { return strides(newShape) }
        if oldShape.isEmpty { return [Int](repeating: 1, count: newShape.count) }
        var newStrides = [Int](repeating: 0, count: newShape.count)
        var viewD = newShape.count - 1
        var chunkBaseStride = oldStrides[oldStrides.count - 1]
        var tensorNumel = 1
        var viewNumel = 1
        for tensorD in stride(from: oldShape.count - 1, through: 0, by: -1) {
            tensorNumel *= oldShape[tensorD]
            if tensorD == 0 || (oldShape[tensorD - 1] != 1 && oldStrides[tensorD - 1] != tensorNumel * chunkBaseStride) {
                while viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1) {
                    newStrides[viewD] = viewNumel * chunkBaseStride
                    viewNumel *= newShape[viewD]
                    viewD -= 1
                }
                if viewNumel != tensorNumel { return nil }
                if tensorD > 0 {
                    chunkBaseStride = oldStrides[tensorD - 1]
                    tensorNumel = 1
                    viewNumel = 1
                }
            }
        }
        if viewD != -1 { return nil }
        return newStrides
    }

    /// PyTorch's broadcast of two shapes, with its error text.
    static func broadcast(_ a: [Int], _ b: [Int]) throws -> [Int] {
        if a == b { return a }
        let n = max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        // From the last dimension, as PyTorch's infer_size reports the rightmost mismatch.
        for i in (0..<n).reversed() {
            let da = i < n - a.count ? 1 : a[i - (n - a.count)]
            let db = i < n - b.count ? 1 : b[i - (n - b.count)]
            if da == db || db == 1 {
                out[i] = da
            } else if da == 1 {
                out[i] = db
            } else {
                throw AutogradError.runtime(
                    "The size of tensor a (\(da)) must match the size of tensor b (\(db)) at non-singleton dimension \(i)")
            }
        }
        return out
    }

    /// Strides for reading a tensor of `shape` as if it had `target` shape
    /// (0 along broadcast dimensions).
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(shape)
        let offset = target.count - shape.count
        var out = [Int](repeating: 0, count: target.count)
        for i in 0..<shape.count where shape[i] != 1 || target[i + offset] == 1 {
            out[i + offset] = shape[i] == 1 ? 0 : own[i]
        }
        return out
    }

    /// Whether `shape` can be broadcast to `target` (the check for a gradient's shape).
    static func isExpandable(_ shape: [Int], to target: [Int]) -> Bool {
        (try? broadcast(shape, target)) == target
    }

    /// Wraps a possibly negative dimension index, with PyTorch's IndexError text.
    static func wrapDim(_ dim: Int, rank: Int) throws -> Int {
        let r = max(rank, 1)
        guard dim >= -r && dim < r else {
            throw AutogradError(.indexError,
                "Dimension out of range (expected to be in range of [\(-r), \(r - 1)], but got \(dim))")
        }
        return dim < 0 ? dim + r : dim
    }

    /// The dimensions along which `shape` was broadcast to make `target`, for
    /// reducing a gradient back to `shape`: leading extra dimensions, and
    /// dimensions where `shape` has size 1 and `target` does not.
    static func reducedDims(from target: [Int], to shape: [Int]) -> (leading: [Int], kept: [Int]) {
        let offset = target.count - shape.count
        let leading = Array(0..<max(offset, 0))
        var kept: [Int] = []
        for i in 0..<shape.count where shape[i] == 1 && target[i + offset] != 1 {
            kept.append(i + offset)
        }
        return (leading, kept)
    }

    /// Steps a row-major multi-index to the next position (the last dimension fastest).
    @inline(__always)
    static func advance(_ idx: inout [Int], in shape: [Int]) {
        var d = shape.count - 1
        while d >= 0 {
            idx[d] += 1
            if idx[d] < shape[d] { return }
            idx[d] = 0
            d -= 1
        }
    }

    /// `f` of the elements of two row-major operands of shapes `sa` and `sb`, broadcast to `shape`.
    static func zip<T, R>(_ a: [T], _ sa: [Int], _ b: [T], _ sb: [Int], to shape: [Int], _ f: (T, T) -> R) -> [R] {
        let n = count(shape)
        if sa == sb { return (0..<n).map { f(a[$0], b[$0]) } }
        if b.count == 1 && a.count == n { return a.map { f($0, b[0]) } }
        if a.count == 1 && b.count == n { return b.map { f(a[0], $0) } }
        let stA = broadcastStrides(sa, to: shape), stB = broadcastStrides(sb, to: shape)
        return [R](unsafeUninitializedCapacity: n) { out, initialized in
            forEachIndex(shape, stA, stB) { k, i, j in out.initializeElement(at: k, to: f(a[i], b[j])) }
            initialized = n
        }
    }

    /// Visits every multi-index of `shape` in row-major order, giving the linear
    /// offsets into two operands with the given strides.
    @inline(__always)
    static func forEachIndex(_ shape: [Int], _ sa: [Int], _ sb: [Int], _ body: (Int, Int, Int) -> Void) {
        let n = count(shape)
        if n == 0 { return }
        let rank = shape.count
        if rank == 0 { body(0, 0, 0); return }
        var idx = [Int](repeating: 0, count: rank)
        var oa = 0, ob = 0
        for k in 0..<n {
            body(k, oa, ob)
            var d = rank - 1
            while d >= 0 {
                idx[d] += 1
                oa += sa[d]
                ob += sb[d]
                if idx[d] < shape[d] { break }
                oa -= sa[d] * shape[d]
                ob -= sb[d] * shape[d]
                idx[d] = 0
                d -= 1
            }
        }
    }
}

extension Tensor {
    /// The number of elements of a tensor of `shape` (`Int.max` if the product overflows).
    public static func elementCount<S: Sequence<Int>>(_ shape: S) -> Int { Shape.count(shape) }

    /// PyTorch's broadcast of two shapes (error text included).
    public static func broadcastShape(_ a: [Int], _ b: [Int]) throws -> [Int] { try Shape.broadcast(a, b) }
}
