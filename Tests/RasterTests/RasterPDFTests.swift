import Foundation
import Testing
import Raster

/// `Raster.pdf`: page count and page size read back from the PDF's own dictionaries,
/// byte-identical reruns, the fonts text resolved to, and errors naming the page.
@Suite struct RasterPDFTests {
    /// The text of a PDF, byte for byte (cairo writes its dictionaries in ASCII, outside compressed streams).
    static func text(_ pdf: Data) -> String { String(decoding: pdf, as: Unicode.ASCII.self) }

    static func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
        }
    }

    @Test(arguments: [(1, 960.0, 540.0), (3, 595.28, 841.89), (5, 300, 150)])
    func pdfHasOnePageOfTheRequestedSizePerSVG(count: Int, width: Double, height: Double) throws {
        let pdf = try Raster.pdf(pages: (0..<count).map(TestSVGs.frame), pageWidth: width, pageHeight: height)
        let text = Self.text(pdf)
        #expect(text.hasPrefix("%PDF-1."))
        #expect(text.hasSuffix("%%EOF\n"))
        #expect(try Self.matches(#"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)"#, in: text).map { $0[0] } == ["\(count)"])
        let boxes = try Self.matches(#"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]"#, in: text)
        #expect(boxes.count == count)
        for box in boxes {
            let numbers = box.compactMap(Double.init)
            #expect(numbers == [0, 0, width, height])
        }
    }

    @Test func rerunsAreByteIdenticalAndUndated() throws {
        let pages = (0..<3).map(TestSVGs.frame)
        let first = try Raster.pdf(pages: pages, pageWidth: 400, pageHeight: 300)
        #expect(try Raster.pdf(pages: pages, pageWidth: 400, pageHeight: 300) == first)
        #expect(!Self.text(first).contains("/CreationDate"))
        #expect(!Self.text(first).contains("/ModDate"))
    }

    @Test func textIsEmbeddedInDejaVuSansAndChineseInNotoSansCJK() throws {
        // The frame's Latin text asks for DejaVu Sans; its Chinese falls back to Noto Sans CJK.
        let text = Self.text(try Raster.pdf(pages: [TestSVGs.frame(0)], pageWidth: 320, pageHeight: 180))
        let fonts = Set(try Self.matches(#"/FontName\s*/[A-Z]{6}\+([A-Za-z-]+)"#, in: text).map { $0[0] })
        #expect(fonts.contains("DejaVuSans"), "fonts embedded: \(fonts)")
        #expect(fonts.contains("NotoSansCJKsc-Regular"), "fonts embedded: \(fonts)")
    }

    @Test func malformedPageThrowsLibrsvgsMessageWithItsIndex() throws {
        let pages = [TestSVGs.frame(0), "<svg><g>", TestSVGs.frame(2)]
        let error = try #require(throws: RasterError.self) { try Raster.pdf(pages: pages, pageWidth: 100, pageHeight: 100) }
        #expect(error.stage == .read && error.index == 1 && !error.message.isEmpty)
        #expect(error.description.hasPrefix("librsvg could not read the SVG (SVG 1): "))
    }

    @Test(arguments: [(100.0, 0.0), (-5, 10), (.nan, 10), (10, .infinity), (20_000, 10)])
    func badPageSizesAreRefused(width: Double, height: Double) throws {
        let error = try #require(throws: RasterError.self) { try Raster.pdf(pages: [TestSVGs.redSquare], pageWidth: width, pageHeight: height) }
        #expect(error.stage == .request)
    }

    @Test func aPDFNeedsAPage() throws {
        let error = try #require(throws: RasterError.self) { try Raster.pdf(pages: [], pageWidth: 100, pageHeight: 100) }
        #expect(error.stage == .request)
    }
}
