import Foundation

extension Raster {
    /// `png(svg:width:height:)` with the encoder's filter and zlib settings chosen by the caller,
    /// for measuring them.
    package static func png(svg: String, width: Int, height: Int, options: PNGOptions) throws -> Data {
        try checkPixelSize(width: width, height: height)
        return try RsvgCairo.withPixels(svg: svg, width: width, height: height) { pixels in
            try PNGEncoder.encode(pixels, options: options)
        }
    }

    /// `pixels` encoded by cairo's own PNG writer (`cairo_surface_write_to_png_stream`, libpng at
    /// its default settings): the reference the encoder is measured and checked against.
    package static func cairoPNG(_ pixels: PremultipliedPixels) throws -> Data {
        try RsvgCairo.cairoPNG(pixels)
    }

    /// Draws `svg` like `png(svg:width:height:)` and lends the premultiplied pixels to `body`
    /// (for timing the drawing alone, and for checking pixels without a PNG decoder).
    package static func withPixels<T>(svg: String, width: Int, height: Int, _ body: (PremultipliedPixels) throws -> T) throws -> T {
        try checkPixelSize(width: width, height: height)
        return try RsvgCairo.withPixels(svg: svg, width: width, height: height, body)
    }
}
