import Foundation
import Testing
@testable import Trace

/// Checks a PDF's structure: every xref entry points at its object, the page tree counts its pages.
enum PDFCheck {
    struct Broken: Error, CustomStringConvertible { var description: String }

    static func pageCount(_ data: Data) throws -> Int {
        let bytes = [UInt8](data)
        func ascii(_ r: Range<Int>) -> String { String(decoding: bytes[r].map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self) }
        guard ascii(0..<8) == "%PDF-1.5", ascii(bytes.count - 6..<bytes.count) == "%%EOF\n" else { throw Broken(description: "header or trailer") }
        let tail = ascii(max(0, bytes.count - 64)..<bytes.count)
        guard let sx = tail.range(of: "startxref\n"), let xref = Int(tail[sx.upperBound...].prefix { $0.isNumber }) else {
            throw Broken(description: "startxref")
        }
        let lines = ascii(xref..<bytes.count).split(separator: "\n")
        guard lines.first == "xref", let count = Int(lines[1].split(separator: " ")[1]) else { throw Broken(description: "xref") }
        for i in 1..<count {
            guard let offset = Int(lines[2 + i].prefix(10)), ascii(offset..<min(offset + 20, bytes.count)).hasPrefix("\(i) 0 obj") else {
                throw Broken(description: "object \(i) is not where the xref says")
            }
        }
        let text = ascii(0..<bytes.count)
        let pages = text.components(separatedBy: "/Type /Page\n").count - 1 + text.components(separatedBy: "/Type /Page ").count - 1
        guard let countRange = text.range(of: #"/Count \d+"#, options: .regularExpression),
              let declared = Int(text[countRange].dropFirst(7)), declared == pages else { throw Broken(description: "page count") }
        return pages
    }
}

@Suite struct PDFPagesTests {
    @Test func mergesGraphvizPagesIntoOneDocument() throws {
        let pages = try ["digraph G { a -> b; }", "digraph G { c -> d -> e; }", "digraph G { 链 -> 式; }"].map {
            try Graphviz.render($0, format: "pdf")
        }
        let merged = try PDFPages.merge(pages)
        #expect(try PDFCheck.pageCount(merged) == 3)
        #expect(!String(decoding: merged, as: Unicode.ASCII.self).contains("/CreationDate"))
        #expect(try PDFPages.merge(pages) == merged)
    }

    @Test func rejectsWhatIsNotAPDF() {
        #expect(throws: PDFPages.Failure.self) { _ = try PDFPages.merge([Data("not a pdf".utf8)]) }
    }
}
