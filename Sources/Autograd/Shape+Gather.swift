extension Shape {
    /// Whether `small`, without its leading 1s, is the trailing part of `shape`: its
    /// elements then repeat unchanged along `shape`'s leading dimensions.
    static func isSuffix(_ small: [Int], of shape: [Int]) -> Bool {
        let trimmed = small.drop { $0 == 1 }
        return trimmed.count <= shape.count && Array(trimmed) == Array(shape.suffix(trimmed.count))
    }

    /// The elements of the strided view `storage[offset + Σ i[d] · strides[d]]` in
    /// row-major order of `shape`, or nil when the view reaches outside `storage` (the
    /// caller then takes its checked path). One range check up front, then the inner
    /// dimension is copied through pointers, so materialising a transposed or sliced view
    /// costs a plain strided copy.
    ///
    /// - Complexity: O(n + rank) for n elements of the view.
    static func stridedCopy<T>(_ storage: [T], offset: Int, shape: [Int], strides: [Int]) -> [T]? {
        let rank = shape.count
        guard rank > 0, strides.count == rank else { return nil }
        var count = 1, low = offset, high = offset
        for d in 0..<rank {
            let size = shape[d], stride = strides[d]
            guard size >= 0 else { return nil }
            if size == 0 { return [] }
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow else { return nil }
            count = product
            let (reach, reachOverflow) = (size - 1).multipliedReportingOverflow(by: stride)
            guard !reachOverflow else { return nil }
            if reach < 0 { low += reach } else { high += reach }
        }
        guard low >= 0, high < storage.count else { return nil }
        let inner = shape[rank - 1], step = strides[rank - 1]
        return storage.withUnsafeBufferPointer { src in
            [T](unsafeUninitializedCapacity: count) { out, initialized in
                guard let base = src.baseAddress, let dst = out.baseAddress else { return }
                if rank == 2 && strides[0] == 1 && step != 1 {
                    transposeTiles(base + offset, rows: shape[0], cols: inner, columnStride: step, into: dst)
                    initialized = count
                    return
                }
                var idx = [Int](repeating: 0, count: rank)
                var from = offset, to = 0
                while to < count {
                    var p = base + from
                    for j in 0..<inner {
                        (dst + to + j).initialize(to: p.pointee)
                        p += step
                    }
                    to += inner
                    // Advance the outer dimensions (odometer), moving `from` along.
                    var d = rank - 2
                    while d >= 0 {
                        idx[d] += 1
                        from += strides[d]
                        if idx[d] < shape[d] { break }
                        from -= strides[d] * shape[d]
                        idx[d] = 0
                        d -= 1
                    }
                }
                initialized = count
            }
        }
    }

    /// A transposed matrix (`rows`×`cols`, rows contiguous in memory, columns
    /// `columnStride` apart) copied out row-major in 8×8 tiles, so both sides stay in
    /// cache (small tiles: a power-of-two row length would map larger tiles' lines onto
    /// the same cache sets).
    private static func transposeTiles<T>(_ src: UnsafePointer<T>, rows: Int, cols: Int, columnStride: Int,
                                          into dst: UnsafeMutablePointer<T>) {
        let tile = 8
        for rowStart in stride(from: 0, to: rows, by: tile) {
            let rowEnd = Swift.min(rowStart &+ tile, rows)
            for j in 0..<cols {
                let column = src + j &* columnStride
                for i in rowStart..<rowEnd { (dst + (i &* cols &+ j)).initialize(to: column[i]) }
            }
        }
    }
}
