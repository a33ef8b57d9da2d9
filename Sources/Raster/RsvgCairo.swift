import CRsvg
import Foundation

/// librsvg and cairo in process: the only file that touches their C API.
///
/// Every `RsvgHandle` is released with `g_object_unref`, every `GError` with `g_error_free`,
/// every surface with `cairo_surface_destroy` and every drawing context with `cairo_destroy`,
/// each by a `defer` beside the call that made it. Handles and surfaces never outlive a call,
/// so separate threads may draw at once (librsvg, cairo and pango's per-thread font maps allow it).
enum RsvgCairo {
    /// Draws `svg` fitted to `width`×`height` pixels over white and lends cairo's pixels to `body`.
    static func withPixels<T>(
        svg: String, width: Int, height: Int, _ body: (PremultipliedPixels) throws -> T
    ) throws -> T {
        let handle = try load(svg)
        defer { g_object_unref(handle) }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface))
        let cr = cairo_create(surface)
        defer { cairo_destroy(cr) }
        // The white underlay makes every pixel opaque, as a page would be.
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        try draw(handle, on: cr, width: Double(width), height: Double(height))
        cairo_surface_flush(surface)
        try check(cairo_surface_status(surface))
        guard let data = cairo_image_surface_get_data(surface) else {
            throw RasterError(stage: .cairo, message: "the image surface has no pixel data")
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let bytes = UnsafeRawBufferPointer(start: data, count: stride * height)
        return try body(PremultipliedPixels(width: width, height: height, stride: stride, bytes: bytes))
    }

    /// Encodes `pixels` with cairo's own PNG writer (libpng at its default settings), for comparison.
    ///
    /// `pixels.stride` must be one cairo accepts for ARGB32 (a multiple of 4 that holds the row).
    static func cairoPNG(_ pixels: PremultipliedPixels) throws -> Data {
        guard let base = pixels.bytes.baseAddress else { throw RasterError(stage: .request, message: "no pixels") }
        // cairo only reads the pixels while writing the PNG.
        let data = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
        let surface = cairo_image_surface_create_for_data(
            data, CAIRO_FORMAT_ARGB32, Int32(pixels.width), Int32(pixels.height), Int32(pixels.stride))
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface))
        let sink = ByteSink()
        try withExtendedLifetime(sink) {
            try check(cairo_surface_write_to_png_stream(surface, appendToSink, Unmanaged.passUnretained(sink).toOpaque()))
        }
        return sink.data
    }

    /// One PDF, `width`×`height` points a page, with page `i` showing `pages[i]` fitted to it.
    static func pdf(pages: [String], width: Double, height: Double) throws -> Data {
        let sink = ByteSink()
        try withExtendedLifetime(sink) {
            let surface = cairo_pdf_surface_create_for_stream(
                appendToSink, Unmanaged.passUnretained(sink).toOpaque(), width, height)
            // Destroying an unfinished surface still writes to the sink, which outlives this scope.
            defer { cairo_surface_destroy(surface) }
            try check(cairo_surface_status(surface))
            // cairo stamps the current time unless told otherwise, and reruns would differ; a date
            // that is not ISO 8601 (here the empty one) makes it leave /CreationDate out.
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "")
            let cr = cairo_create(surface)
            defer { cairo_destroy(cr) }
            for (index, svg) in pages.enumerated() {
                do {
                    let handle = try load(svg)
                    defer { g_object_unref(handle) }
                    try draw(handle, on: cr, width: width, height: height)
                    cairo_show_page(cr)
                    try check(cairo_status(cr))
                } catch let error as RasterError {
                    throw error.at(index)
                }
            }
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface))
        }
        return sink.data
    }

    /// Parses `svg` into a handle; the caller releases it with `g_object_unref`.
    ///
    /// The handle has no base URI, so librsvg loads nothing from files or the network.
    private static func load(_ svg: String) throws -> UnsafeMutablePointer<RsvgHandle> {
        var error: UnsafeMutablePointer<GError>?
        let bytes = Array(svg.utf8)
        let handle = bytes.withUnsafeBufferPointer { rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error) }
        defer { if let error { g_error_free(error) } }
        guard let handle else { throw RasterError(stage: .read, message: message(of: error)) }
        // Lengths in pt, mm or in convert to pixels at CSS's 96 per inch on every machine.
        rsvg_handle_set_dpi(handle, 96)
        return handle
    }

    /// Renders the whole document into the viewport (0, 0, width, height) of `cr`'s user space,
    /// scaled to fit as the SVG's `viewBox` and `preserveAspectRatio` say.
    private static func draw(_ handle: UnsafeMutablePointer<RsvgHandle>, on cr: OpaquePointer?, width: Double, height: Double) throws {
        var viewport = RsvgRectangle(x: 0, y: 0, width: width, height: height)
        var error: UnsafeMutablePointer<GError>?
        let drawn = rsvg_handle_render_document(handle, cr, &viewport, &error)
        defer { if let error { g_error_free(error) } }
        guard drawn != 0 else { throw RasterError(stage: .render, message: message(of: error)) }
        try check(cairo_status(cr))
    }

    private static func message(of error: UnsafeMutablePointer<GError>?) -> String {
        guard let error, let text = error.pointee.message else { return "unknown error" }
        // libxml2's messages end in a newline.
        return String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func check(_ status: cairo_status_t) throws {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw RasterError(stage: .cairo, message: String(cString: cairo_status_to_string(status)))
    }
}

/// Collects the bytes cairo writes to a stream.
private final class ByteSink {
    var data = Data()
}

/// cairo's write callback: appends to the `ByteSink` passed as the closure pointer.
private let appendToSink: cairo_write_func_t = { closure, bytes, length in
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    if let bytes { sink.data.append(bytes, count: Int(length)) }
    return CAIRO_STATUS_SUCCESS
}
