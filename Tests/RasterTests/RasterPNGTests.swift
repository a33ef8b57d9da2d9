import Foundation
import Testing
import Raster

/// `Raster.png`: size, colours at known points, a valid PNG container, cairo's decoder agreeing
/// with the drawn pixels, byte-identical reruns and librsvg's errors.
@Suite struct RasterPNGTests {
    @Test func rectAndTextLandWhereTheViewBoxSays() throws {
        // The 200×100 viewBox drawn at twice its size: every user unit is 2 pixels.
        let image = try CairoPNGReader.decode(try Raster.png(svg: TestSVGs.rectAndText, width: 400, height: 200))
        #expect(image.width == 400 && image.height == 200)
        #expect(image.rgba(50, 60) == [255, 0, 0, 255])
        #expect(image.rgba(390, 10) == [0, 0, 255, 255])
        #expect(image.rgba(200, 180) == [0, 128, 0, 255])
        #expect(image.rgba(2, 195) == [255, 255, 255, 255], "white where the SVG paints nothing")
        #expect(image.rgba(397, 197) == [255, 255, 255, 255])
        // "Hi" in white on the blue square: some of its pixels must be white, none red.
        var white = 0
        for y in 60..<120 {
            for x in 240..<360 {
                let p = image.rgba(x, y)
                #expect(p[0] == p[1], "text pixels mix white and blue only, got \(p) at \(x),\(y)")
                if p == [255, 255, 255, 255] { white += 1 }
            }
        }
        #expect(white > 300, "the text drew \(white) white pixels")
    }

    @Test func pictureIsScaledToFitKeepingItsAspectRatio() throws {
        // A square viewBox in a 2:1 picture: a centred 100×100 square, white bands either side.
        let image = try CairoPNGReader.decode(try Raster.png(svg: TestSVGs.redSquare, width: 200, height: 100))
        #expect(image.rgba(100, 50) == [255, 0, 0, 255])
        #expect(image.rgba(51, 1) == [255, 0, 0, 255])
        #expect(image.rgba(148, 98) == [255, 0, 0, 255])
        #expect(image.rgba(48, 50) == [255, 255, 255, 255])
        #expect(image.rgba(152, 50) == [255, 255, 255, 255])
    }

    @Test func pictureWithoutViewBoxIsScaledFromItsWidthAndHeight() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="50" height="25"><rect width="25" height="25" fill="blue"/></svg>"#
        let image = try CairoPNGReader.decode(try Raster.png(svg: svg, width: 200, height: 100))
        #expect(image.rgba(90, 90) == [0, 0, 255, 255])
        #expect(image.rgba(110, 10) == [255, 255, 255, 255])
    }

    @Test(arguments: [(1, 1), (3, 2), (400, 200), (97, 61)])
    func containerIsValid(width: Int, height: Int) throws {
        let chunks = try PNGChunks(try Raster.png(svg: TestSVGs.frame(0), width: width, height: height))
        #expect(chunks.chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])
        for chunk in chunks.chunks {
            #expect(chunk.storedCRC == chunk.computedCRC, "CRC of \(chunk.type)")
        }
        let header = try #require(chunks.header)
        #expect(header.width == UInt32(width) && header.height == UInt32(height))
        // 8-bit RGB: every pixel is opaque over the white background.
        #expect(header.bitDepth == 8 && header.colourType == 2 && header.rest == [0, 0, 0])
        #expect(chunks.chunks.last?.payload.isEmpty == true)
    }

    @Test func decodedPNGHoldsExactlyTheDrawnPixels() throws {
        let png = try Raster.png(svg: TestSVGs.frame(3), width: 320, height: 180)
        let decoded = try CairoPNGReader.decode(png)
        let drawn = try Raster.withPixels(svg: TestSVGs.frame(3), width: 320, height: 180) { pixels in
            (0..<pixels.height).flatMap { y in (0..<pixels.width).map { x in pixels.pixel(x: x, y: y) } }
        }
        #expect(decoded.pixels == drawn)
        // cairo's own writer (libpng) encodes the same picture.
        let viaCairo = try Raster.withPixels(svg: TestSVGs.frame(3), width: 320, height: 180) { try Raster.cairoPNG($0) }
        #expect(try CairoPNGReader.decode(viaCairo).pixels == decoded.pixels)
    }

    @Test func rerunsAreByteIdentical() throws {
        let first = try Raster.png(svg: TestSVGs.frame(1), width: 640, height: 360)
        let second = try Raster.png(svg: TestSVGs.frame(1), width: 640, height: 360)
        #expect(first == second)
        #expect(try Raster.png(svg: TestSVGs.frame(2), width: 640, height: 360) != first)
    }

    @Test(arguments: ["<svg", "", "not xml at all", "<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>"])
    func malformedSVGThrowsLibrsvgsMessage(svg: String) throws {
        let error = try #require(throws: RasterError.self) { try Raster.png(svg: svg, width: 10, height: 10) }
        #expect(error.stage == .read)
        #expect(!error.message.isEmpty && error.message != "unknown error")
        #expect(error.index == nil)
        #expect(error.description.hasPrefix("librsvg could not read the SVG: "))
    }

    @Test func xmlThatIsNotSVGIsRefused() throws {
        let error = try #require(throws: RasterError.self) { try Raster.png(svg: "<html><body/></html>", width: 10, height: 10) }
        #expect(error == RasterError(stage: .read, message: "XML does not have <svg> root"))
    }

    @Test func deeplyNestedSVGIsAnErrorNotACrash() throws {
        let depth = 50_000
        let svg = "<svg xmlns='http://www.w3.org/2000/svg'>" + String(repeating: "<g>", count: depth)
            + "<rect width='5' height='5'/>" + String(repeating: "</g>", count: depth) + "</svg>"
        let error = try #require(throws: RasterError.self) { try Raster.png(svg: svg, width: 10, height: 10) }
        #expect(error.stage == .read && error.message.contains("depth"), "\(error)")
    }

    @Test func nothingIsLoadedFromFiles() throws {
        // A red PNG on disk, referenced by an absolute file URI: without a base URI librsvg must not read it.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("raster-red-\(getpid()).png")
        try Raster.png(svg: TestSVGs.redSquare, width: 8, height: 8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 8 8">\
        <image xlink:href="\(file.absoluteString)" width="8" height="8"/></svg>
        """
        let image = try CairoPNGReader.decode(try Raster.png(svg: svg, width: 8, height: 8))
        #expect(image.pixels.allSatisfy { $0 == 0xFFFF_FFFF })
        // The same image embedded as a data: URI is drawn, so the white above is the file being refused.
        let embedded = svg.replacingOccurrences(
            of: file.absoluteString, with: "data:image/png;base64," + (try Data(contentsOf: file)).base64EncodedString())
        let drawn = try CairoPNGReader.decode(try Raster.png(svg: embedded, width: 8, height: 8))
        #expect(drawn.rgba(4, 4) == [255, 0, 0, 255])
    }

    @Test(arguments: [(0, 10), (10, 0), (-1, 5), (40_000, 10), (20_000, 20_000)])
    func sizesOutsideTheLimitsAreRefused(width: Int, height: Int) throws {
        let error = try #require(throws: RasterError.self) { try Raster.png(svg: TestSVGs.redSquare, width: width, height: height) }
        #expect(error.stage == .request)
    }
}
