import CRsvg
import Foundation

/// Decodes PNG files with cairo's reader (libpng), independently of the encoder under test.
enum CairoPNGReader {
    /// A decoded image: `pixels[y * width + x]` is `0xAARRGGBB`, premultiplied, as cairo stores it.
    struct Image {
        var width: Int
        var height: Int
        var pixels: [UInt32]

        /// The pixel at (x, y) as straight `(r, g, b, a)`, for readable expectations on opaque images.
        func rgba(_ x: Int, _ y: Int) -> [UInt8] {
            let p = pixels[y * width + x]
            return [UInt8(truncatingIfNeeded: p >> 16), UInt8(truncatingIfNeeded: p >> 8), UInt8(truncatingIfNeeded: p), UInt8(p >> 24)]
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads `png` into premultiplied ARGB32 pixels, or throws cairo's message.
    static func decode(_ png: Data) throws -> Image {
        let source = Source(bytes: [UInt8](png))
        return try withExtendedLifetime(source) {
            let surface = cairo_image_surface_create_from_png_stream(readFromSource, Unmanaged.passUnretained(source).toOpaque())
            defer { cairo_surface_destroy(surface) }
            let status = cairo_surface_status(surface)
            guard status == CAIRO_STATUS_SUCCESS else { throw Failure(description: String(cString: cairo_status_to_string(status))) }
            let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
            let stride = Int(cairo_image_surface_get_stride(surface))
            guard let data = cairo_image_surface_get_data(surface) else { throw Failure(description: "no pixel data") }
            var pixels: [UInt32] = []
            pixels.reserveCapacity(width * height)
            for y in 0..<height {
                for x in 0..<width {
                    pixels.append(UnsafeRawPointer(data).load(fromByteOffset: y * stride + 4 * x, as: UInt32.self))
                }
            }
            return Image(width: width, height: height, pixels: pixels)
        }
    }

    private final class Source {
        let bytes: [UInt8]
        var offset = 0
        init(bytes: [UInt8]) { self.bytes = bytes }
    }

    private static let readFromSource: cairo_read_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
        let source = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
        let count = Int(length)
        guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
        source.bytes.withUnsafeBufferPointer { if let base = $0.baseAddress { data.update(from: base + source.offset, count: count) } }
        source.offset += count
        return CAIRO_STATUS_SUCCESS
    }
}
