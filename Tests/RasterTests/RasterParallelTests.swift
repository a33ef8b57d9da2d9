import Foundation
import Testing
import Raster

/// `Raster.pngs`: the same bytes, in the same order, as one `Raster.png` after another,
/// whatever the number of threads; the first failing SVG is the one reported.
@Suite struct RasterParallelTests {
    static let frames = (0..<7).map(TestSVGs.frame)

    @Test(arguments: [1, 2, 3, 16])
    func parallelEqualsSerial(threads: Int) throws {
        let serial = try Self.frames.map { try Raster.png(svg: $0, width: 160, height: 90) }
        #expect(try Raster.pngs(Self.frames, width: 160, height: 90, threads: threads) == serial)
    }

    @Test(arguments: [1, 2, 3])
    func firstFailingSVGIsReported(threads: Int) throws {
        var svgs = Self.frames
        svgs[2] = "<svg"
        svgs[5] = "garbage"
        let error = try #require(throws: RasterError.self) { try Raster.pngs(svgs, width: 40, height: 30, threads: threads) }
        #expect(error.index == 2 && error.stage == .read)
    }

    @Test func noSVGsGiveNoPNGs() throws {
        #expect(try Raster.pngs([], width: 10, height: 10, threads: 2).isEmpty)
    }

    @Test func threadsMustBePositive() throws {
        let error = try #require(throws: RasterError.self) { try Raster.pngs(Self.frames, width: 10, height: 10, threads: 0) }
        #expect(error.stage == .request)
    }
}
