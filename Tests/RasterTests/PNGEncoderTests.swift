import CZlib
import Foundation
import Testing
import Raster

/// The encoder on pixels made up in the test: translucent ones (RGBA, alpha divided out),
/// every filter and zlib setting, padded rows; decoded back by cairo (libpng) and by zlib.
@Suite struct PNGEncoderTests {
    /// Premultiplied `0xAARRGGBB` pixels from a fixed-seed generator, every colour ≤ its alpha
    /// as cairo keeps them; a quarter fully opaque, some fully transparent.
    static func pixels(width: Int, height: Int, seed: UInt64, opaque: Bool = false) -> [UInt32] {
        var state = seed
        func next() -> UInt32 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt32(truncatingIfNeeded: state >> 33)
        }
        return (0..<(width * height)).map { _ in
            let roll = next()
            let a: UInt32 = opaque || roll % 4 == 0 ? 255 : (roll % 7 == 1 ? 0 : roll >> 8 & 0xFF)
            let channel = { a == 0 ? 0 : next() % (a + 1) }
            return a << 24 | channel() << 16 | channel() << 8 | channel()
        }
    }

    /// Encodes `words` laid out `stride` bytes a row (padding filled with junk).
    static func encode(_ words: [UInt32], width: Int, height: Int, stride: Int, options: PNGOptions) throws -> Data {
        var bytes = [UInt8](repeating: 0xAB, count: stride * height)
        for y in 0..<height {
            for x in 0..<width {
                withUnsafeBytes(of: words[y * width + x]) { word in
                    for i in 0..<4 { bytes[y * stride + 4 * x + i] = word[i] }
                }
            }
        }
        return try bytes.withUnsafeBytes { raw in
            try PNGEncoder.encode(PremultipliedPixels(width: width, height: height, stride: stride, bytes: raw), options: options)
        }
    }

    static let allOptions: [PNGOptions] = PNGOptions.Filter.allCases.flatMap { filter in
        [PNGOptions(filter: filter, level: 1, strategy: .standard), PNGOptions(filter: filter, level: 6, strategy: .rle),
         PNGOptions(filter: filter, level: 9, strategy: .filtered)]
    }

    @Test(arguments: allOptions)
    func everyFilterAndLevelDecodesToTheSamePixels(options: PNGOptions) throws {
        for (width, height) in [(1, 1), (2, 3), (7, 5), (33, 9)] {
            for opaque in [false, true] {
                let words = Self.pixels(width: width, height: height, seed: UInt64(width * 31 + height), opaque: opaque)
                let png = try Self.encode(words, width: width, height: height, stride: 4 * width, options: options)
                let header = try #require(try PNGChunks(png).header)
                let allOpaque = words.allSatisfy { $0 >> 24 == 255 }
                #expect(header.colourType == (allOpaque ? 2 : 6), "\(width)×\(height) opaque \(opaque)")
                // libpng premultiplies with rounding, which undoes the encoder's rounded division exactly.
                #expect(try CairoPNGReader.decode(png).pixels == words, "\(width)×\(height) opaque \(opaque) \(options)")
            }
        }
    }

    @Test func paddedRowsAreReadUpToTheirWidth() throws {
        let words = Self.pixels(width: 5, height: 4, seed: 9)
        let padded = try Self.encode(words, width: 5, height: 4, stride: 32, options: Raster.pngOptions)
        let tight = try Self.encode(words, width: 5, height: 4, stride: 20, options: Raster.pngOptions)
        #expect(padded == tight)
    }

    @Test func alphaIsDividedOutWithRounding() throws {
        // (64, 0, 128) premultiplied by alpha 128 is (128, 0, 255) straight; a transparent pixel is all zero.
        let words: [UInt32] = [0x8040_0080, 0x0000_0000, 0xFF11_2233, 0x0301_0203]
        let png = try Self.encode(words, width: 4, height: 1, stride: 16,
                                  options: PNGOptions(filter: .none, level: 1, strategy: .standard))
        let idat = try #require(try PNGChunks(png).chunks.first { $0.type == "IDAT" })
        var raw = [UInt8](repeating: 0, count: 1 + 16)
        var rawCount = uLongf(raw.count)
        #expect(uncompress(&raw, &rawCount, idat.payload, uLong(idat.payload.count)) == Z_OK)
        #expect(raw == [0, 128, 0, 255, 128, 0, 0, 0, 0, 0x11, 0x22, 0x33, 0xFF, 85, 170, 255, 3])
    }

    @Test func sameInputGivesSameBytes() throws {
        let words = Self.pixels(width: 64, height: 48, seed: 2)
        let first = try Self.encode(words, width: 64, height: 48, stride: 256, options: Raster.pngOptions)
        #expect(try Self.encode(words, width: 64, height: 48, stride: 256, options: Raster.pngOptions) == first)
    }
}
