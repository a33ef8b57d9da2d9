import CZlib
import Foundation

/// PNG files from cairo's premultiplied ARGB32 pixels: signature, IHDR, one IDAT, IEND.
///
/// An image whose pixels are all opaque is written as 8-bit RGB (colour type 2); any other
/// as 8-bit RGBA (colour type 6) with alpha divided back out of the colours. The same pixels
/// and options give the same bytes on every run.
package enum PNGEncoder {
    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Encodes `pixels` as a PNG file.
    package static func encode(_ pixels: PremultipliedPixels, options: PNGOptions) throws -> Data {
        let channels = isOpaque(pixels) ? 3 : 4
        var rows = filteredRows(pixels, channels: channels, filter: options.filter)
        var png = Data(signature)
        png.reserveCapacity(rows.count / 8 + 1024)
        var header = [UInt8]()
        header.appendBigEndian(UInt32(pixels.width))
        header.appendBigEndian(UInt32(pixels.height))
        // bit depth 8, colour type RGB or RGBA, deflate, adaptive filtering, no interlace
        header += [8, channels == 3 ? 2 : 6, 0, 0, 0]
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", try deflate(&rows, options: options), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// Whether every pixel's alpha is 255.
    static func isOpaque(_ pixels: PremultipliedPixels) -> Bool {
        guard let base = pixels.bytes.baseAddress else { return true }
        for y in 0..<pixels.height {
            let row = UnsafeBufferPointer(start: (base + y * pixels.stride).assumingMemoryBound(to: UInt32.self), count: pixels.width)
            // One AND over the row, a loop the compiler can vectorise, instead of a branch per pixel.
            guard row.reduce(UInt32.max, &) >> 24 == 255 else { return false }
        }
        return true
    }

    /// Appends length, type, payload and the CRC-32 of type and payload.
    static func appendChunk(_ type: String, _ payload: [UInt8], to png: inout Data) {
        var chunk = [UInt8]()
        chunk.reserveCapacity(payload.count + 12)
        chunk.appendBigEndian(UInt32(payload.count))
        chunk += Array(type.utf8)
        chunk += payload
        let crc = chunk[4...].withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        chunk.appendBigEndian(UInt32(truncatingIfNeeded: crc))
        png.append(contentsOf: chunk)
    }

    /// The zlib stream (header, deflate data, Adler-32) of `rows`; `inout` only so zlib reads them in place.
    static func deflate(_ rows: inout [UInt8], options: PNGOptions) throws -> [UInt8] {
        var stream = z_stream()
        let strategy: Int32 = switch options.strategy {
        case .standard: Z_DEFAULT_STRATEGY
        case .rle: Z_RLE
        case .filtered: Z_FILTERED
        }
        let started = deflateInit2_(&stream, options.level, Z_DEFLATED, MAX_WBITS, 8, strategy,
                                    ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard started == Z_OK else { throw failure(started, stream) }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(rows.count)))
        return try [UInt8](unsafeUninitializedCapacity: bound) { output, written in
            let status = rows.withUnsafeMutableBufferPointer { input in
                stream.next_in = input.baseAddress
                stream.avail_in = uInt(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = uInt(output.count)
                // deflateBound leaves room for the whole stream, so one call finishes it.
                return CZlib.deflate(&stream, Z_FINISH)
            }
            guard status == Z_STREAM_END else { throw failure(status, stream) }
            written = output.count - Int(stream.avail_out)
        }
    }

    private static func failure(_ status: Int32, _ stream: z_stream) -> RasterError {
        let message = stream.msg.map { String(cString: $0) } ?? "status \(status)"
        return RasterError(stage: .deflate, message: message)
    }
}

extension [UInt8] {
    /// Appends `value` most significant byte first, as PNG stores integers.
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
