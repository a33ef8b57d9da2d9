extension PNGEncoder {
    /// PNG's filter types, as the byte that starts each filtered row.
    enum FilterType: UInt8, CaseIterable {
        case none = 0, sub, up, average, paeth
    }

    /// Every row as straight (not premultiplied) RGB or RGBA, filtered, each after its filter-type byte:
    /// the bytes zlib compresses into IDAT.
    static func filteredRows(_ pixels: PremultipliedPixels, channels: Int, filter: PNGOptions.Filter) -> [UInt8] {
        let rowBytes = pixels.width * channels
        let count = pixels.height * (rowBytes + 1)
        guard let source = pixels.bytes.baseAddress, rowBytes > 0 else { return [UInt8](repeating: 0, count: count) }
        var previous = [UInt8](repeating: 0, count: filter == .none ? 0 : rowBytes)
        var current = previous
        var candidate = previous
        // Every byte is written below, so the 6 MB of a 1920×1080 frame are not zeroed first.
        return [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
            for y in 0..<pixels.height {
                let line = UnsafeMutableBufferPointer(rebasing: out[(y * (rowBytes + 1))...].prefix(rowBytes + 1))
                let row = source + y * pixels.stride
                if filter == .none {
                    // Unfiltered rows are the straight pixels themselves, after a 0 byte.
                    line[0] = FilterType.none.rawValue
                    straighten(row, width: pixels.width, channels: channels, into: UnsafeMutableBufferPointer(rebasing: line.dropFirst()))
                    continue
                }
                current.withUnsafeMutableBufferPointer { straighten(row, width: pixels.width, channels: channels, into: $0) }
                current.withUnsafeBufferPointer { cur in
                    previous.withUnsafeBufferPointer { prev in
                        candidate.withUnsafeMutableBufferPointer { scratch in
                            filterRow(cur, above: prev, bpp: channels, filter: filter, into: line, scratch: scratch)
                        }
                    }
                }
                swap(&previous, &current)
            }
            initialized = count
        }
    }

    /// Writes the filter-type byte and the filtered row into `line`; `adaptive` tries every type in `scratch`.
    private static func filterRow(
        _ row: UnsafeBufferPointer<UInt8>, above: UnsafeBufferPointer<UInt8>, bpp: Int,
        filter: PNGOptions.Filter, into line: UnsafeMutableBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<UInt8>
    ) {
        let body = UnsafeMutableBufferPointer(rebasing: line.dropFirst())
        let fixed: FilterType? = switch filter {
        case .none: FilterType.none
        case .sub: .sub
        case .up: .up
        case .average: .average
        case .paeth: .paeth
        case .adaptive: nil
        }
        if let fixed {
            line[0] = fixed.rawValue
            apply(fixed, row, above: above, bpp: bpp, into: body)
            return
        }
        var best = Int.max
        for type in FilterType.allCases {
            apply(type, row, above: above, bpp: bpp, into: scratch)
            let score = scratch.reduce(0) { $0 + abs(Int(Int8(bitPattern: $1))) }
            if score < best {
                best = score
                line[0] = type.rawValue
                _ = body.update(fromContentsOf: scratch)
            }
        }
    }

    /// Filters `row` (whose predecessor is `above`, zeros for the first row) with `type` into `out`.
    static func apply(
        _ type: FilterType, _ row: UnsafeBufferPointer<UInt8>, above: UnsafeBufferPointer<UInt8>,
        bpp: Int, into out: UnsafeMutableBufferPointer<UInt8>
    ) {
        let n = row.count
        switch type {
        case .none:
            for i in 0..<n { out[i] = row[i] }
        case .sub:
            for i in 0..<min(bpp, n) { out[i] = row[i] }
            for i in min(bpp, n)..<n { out[i] = row[i] &- row[i - bpp] }
        case .up:
            for i in 0..<n { out[i] = row[i] &- above[i] }
        case .average:
            for i in 0..<min(bpp, n) { out[i] = row[i] &- above[i] >> 1 }
            for i in min(bpp, n)..<n { out[i] = row[i] &- UInt8((Int(row[i - bpp]) + Int(above[i])) >> 1) }
        case .paeth:
            for i in 0..<min(bpp, n) { out[i] = row[i] &- above[i] }
            for i in min(bpp, n)..<n { out[i] = row[i] &- paeth(row[i - bpp], above[i], above[i - bpp]) }
        }
    }

    /// PNG's Paeth predictor: whichever of left, up, up-left is closest to left + up − up-left.
    @inline(__always)
    static func paeth(_ left: UInt8, _ up: UInt8, _ upLeft: UInt8) -> UInt8 {
        let a = Int(left), b = Int(up), c = Int(upLeft)
        let pa = abs(b - c), pb = abs(a - c), pc = abs(a + b - 2 * c)
        if pa <= pb && pa <= pc { return left }
        return pb <= pc ? up : upLeft
    }

    /// One row of cairo's premultiplied `0xAARRGGBB` words as straight R, G, B (and A when `channels` is 4).
    ///
    /// Colours are divided by alpha and rounded to nearest, as cairo's own PNG writer does.
    static func straighten(_ source: UnsafeRawPointer, width: Int, channels: Int, into out: UnsafeMutableBufferPointer<UInt8>) {
        if channels == 3 {
            // Opaque pixels need no division: the hot path for frames drawn over white.
            for x in 0..<width {
                let p = source.load(fromByteOffset: 4 * x, as: UInt32.self)
                out[3 * x] = UInt8(truncatingIfNeeded: p >> 16)
                out[3 * x + 1] = UInt8(truncatingIfNeeded: p >> 8)
                out[3 * x + 2] = UInt8(truncatingIfNeeded: p)
            }
            return
        }
        for x in 0..<width {
            let p = source.load(fromByteOffset: 4 * x, as: UInt32.self)
            let a = UInt8(truncatingIfNeeded: p >> 24)
            var r = UInt8(truncatingIfNeeded: p >> 16), g = UInt8(truncatingIfNeeded: p >> 8), b = UInt8(truncatingIfNeeded: p)
            if a != 255 {
                r = unpremultiply(r, a)
                g = unpremultiply(g, a)
                b = unpremultiply(b, a)
            }
            out[4 * x] = r
            out[4 * x + 1] = g
            out[4 * x + 2] = b
            out[4 * x + 3] = a
        }
    }

    /// `c · 255 / a` rounded to nearest; 0 when the pixel is fully transparent.
    @inline(__always)
    static func unpremultiply(_ c: UInt8, _ a: UInt8) -> UInt8 {
        guard a != 0 else { return 0 }
        // cairo keeps c ≤ a, so the quotient fits; min guards pixels that break that rule.
        return UInt8(min(255, (Int(c) * 255 + Int(a) / 2) / Int(a)))
    }
}
