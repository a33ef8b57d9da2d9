import Foundation

extension Raster {
    /// `svgs.map { try png(svg: $0, width: width, height: height) }`, rendered on `threads` threads.
    ///
    /// Each SVG is drawn and encoded on one thread by itself, so the PNGs are byte-identical
    /// to the serial ones, in the same order. Uses at most one thread per SVG.
    /// - Throws: the `RasterError` of the first failing SVG, with its `index` — the one a
    ///   serial loop would have stopped at; `.request` for a bad size or `threads` < 1.
    public static func pngs(_ svgs: [String], width: Int, height: Int, threads: Int) throws -> [Data] {
        try checkPixelSize(width: width, height: height)
        guard threads >= 1 else { throw RasterError(stage: .request, message: "threads must be at least 1, not \(threads)") }
        return try FixedThreads.map(count: svgs.count, threads: threads) { index in
            do {
                return try png(svg: svgs[index], width: width, height: height)
            } catch let error as RasterError {
                throw error.at(index)
            }
        }
    }
}
