import Foundation

/// PNG and PDF made from SVG text in process, through librsvg and cairo, so every format
/// shows the same picture as the SVG.
///
/// librsvg reads each SVG with no base URI: nothing is loaded from files or the network.
/// Text is shaped by pango with the fonts fontconfig finds (the SVG's `font-family` list,
/// then fontconfig's fallbacks for characters the first family lacks, such as CJK).
/// The same input gives the same bytes on every run.
public enum Raster {
    /// The largest width or height of a PNG, in pixels (cairo's limit for image surfaces).
    public static let maxPixelSide = 32_767
    /// The most pixels one PNG may have: 64 Mi pixels, 256 MiB of cairo's 4-byte pixels.
    public static let maxPixelCount = 1 << 26
    /// The largest PDF page side, in points (200 inches, the page size limit of PDF readers).
    public static let maxPageSide = 14_400.0

    /// The PNG encoder's filter and zlib settings, chosen with `scripts/bench_raster.sh` on 1920×1080
    /// frames: unfiltered rows keep flat fills and repeated glyphs byte-identical, which deflate's
    /// matches find, so they came out smaller than Sub/Up/Paeth/adaptive filtering at the same
    /// zlib level (by 12–20% on lesson frames, 4–14% on a crowded one) and no slower; zlib's levels 1–3 share its fastest match finder, and 3 gave
    /// the smallest files of those (cairo's writer: 3–4× the time, larger files).
    package static let pngOptions = PNGOptions(filter: .none, level: 3, strategy: .standard)

    /// Rasterises `svg` to a PNG of exactly `width`×`height` pixels.
    ///
    /// The whole document is scaled to fit, as its `viewBox` and `preserveAspectRatio` say
    /// (centred, aspect ratio kept, by default), over a white background that the SVG may
    /// paint over. The PNG is 8-bit RGB: the background leaves no pixel transparent.
    /// - Throws: `RasterError` with librsvg's message for SVG it cannot read or draw,
    ///   cairo's for a failed surface, or `.request` for a size outside
    ///   1…`maxPixelSide` per side or above `maxPixelCount` pixels.
    public static func png(svg: String, width: Int, height: Int) throws -> Data {
        try checkPixelSize(width: width, height: height)
        return try RsvgCairo.withPixels(svg: svg, width: width, height: height) { pixels in
            try PNGEncoder.encode(pixels, options: pngOptions)
        }
    }

    /// One PDF with one page per SVG, every page `pageWidth`×`pageHeight` points.
    ///
    /// Each SVG is drawn as vectors (text as embedded font subsets), scaled to fit its page
    /// and centred, keeping its aspect ratio. The page is left unpainted where the SVG draws nothing.
    /// The document carries no creation date, so the same pages give the same bytes on every run.
    /// - Throws: `RasterError` (with `index` = the page, counted from 0) carrying librsvg's or
    ///   cairo's message, or `.request` when `pages` is empty or a side is not in (0, `maxPageSide`].
    public static func pdf(pages: [String], pageWidth: Double, pageHeight: Double) throws -> Data {
        guard !pages.isEmpty else { throw RasterError(stage: .request, message: "a PDF needs at least one page") }
        for side in [pageWidth, pageHeight] where !(side > 0 && side <= maxPageSide) {
            throw RasterError(stage: .request, message: "page size \(pageWidth)×\(pageHeight) pt is outside (0, \(maxPageSide)]")
        }
        return try RsvgCairo.pdf(pages: pages, width: pageWidth, height: pageHeight)
    }

    /// Refuses sizes cairo cannot allocate or that would take unbounded memory.
    static func checkPixelSize(width: Int, height: Int) throws {
        guard (1...maxPixelSide).contains(width), (1...maxPixelSide).contains(height),
              width * height <= maxPixelCount else {
            throw RasterError(stage: .request, message: "size \(width)×\(height) px is outside 1…\(maxPixelSide) per side or \(maxPixelCount) pixels")
        }
    }
}
