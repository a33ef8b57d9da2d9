import Foundation

/// Joins single-page PDFs (as Graphviz's cairo plugin writes them, one per
/// frame) into one document with a page per frame.
///
/// Graphviz's cairo device finishes its surface after the first page, so a
/// multi-page PDF cannot come out of libgvc directly. Each input is read through
/// its cross-reference table; its objects are renumbered and copied (streams
/// byte for byte), its pages re-parented under one page tree. The result has no
/// `/Info` dictionary, so it carries no creation date and two runs write the same bytes.
enum PDFPages {
    struct Failure: Error, CustomStringConvertible, Equatable {
        var description: String
    }

    private struct Document {
        /// Objects to keep: original number → raw bytes from `n 0 obj` up to the next object.
        var objects: [(number: Int, bytes: [UInt8])]
        var pages: [Int]
    }

    /// One document holding the pages of `documents`, in order.
    static func merge(_ documents: [Data]) throws -> Data {
        let parsed = try documents.map { try parse([UInt8]($0)) }
        var out: [UInt8] = Array("%PDF-1.5\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = [0, 0, 0]
        var next = 3
        var kids: [Int] = []
        var body: [UInt8] = []
        for doc in parsed {
            var renumber: [Int: Int] = [:]
            for o in doc.objects {
                renumber[o.number] = next
                next += 1
            }
            kids += doc.pages.compactMap { renumber[$0] }
            let pageSet = Set(doc.pages)
            for o in doc.objects {
                offsets.append(out.count + body.count)
                body += rewrite(o.bytes, renumber: renumber, newNumber: renumber[o.number]!,
                                parent: pageSet.contains(o.number) ? 1 : nil)
            }
        }
        out += body
        offsets[1] = out.count
        out += Array("1 0 obj\n<< /Type /Pages /Kids [ \(kids.map { "\($0) 0 R" }.joined(separator: " ")) ] /Count \(kids.count) >>\nendobj\n".utf8)
        offsets[2] = out.count
        out += Array("2 0 obj\n<< /Type /Catalog /Pages 1 0 R >>\nendobj\n".utf8)
        let xref = out.count
        var table = "xref\n0 \(next)\n0000000000 65535 f \n"
        for i in 1..<next { table += pad10(offsets[i]) + " 00000 n \n" }
        table += "trailer\n<< /Size \(next) /Root 2 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out += Array(table.utf8)
        return Data(out)
    }

    private static func pad10(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 10 - s.count)) + s
    }

    private static func parse(_ b: [UInt8]) throws -> Document {
        let text = String(decoding: b.suffix(1024), as: Unicode.ASCII.self)
        guard let sx = text.range(of: "startxref", options: .backwards),
              let xrefOffset = Int(text[sx.upperBound...].split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == " " }).first ?? "")
        else { throw Failure(description: "PDF without startxref") }
        guard xrefOffset < b.count else { throw Failure(description: "PDF startxref out of range") }
        let tail = latin1(Array(b[xrefOffset...]))
        var lines = tail.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map(String.init)[...]
        guard lines.first?.hasPrefix("xref") == true else { throw Failure(description: "PDF without xref table") }
        lines = lines.dropFirst()
        var offsets: [Int: Int] = [:]
        while let header = lines.first, !header.hasPrefix("trailer") {
            let f = header.split(separator: " ")
            guard f.count == 2, let start = Int(f[0]), let count = Int(f[1]) else { throw Failure(description: "bad xref subsection") }
            lines = lines.dropFirst()
            for i in 0..<count {
                guard let entry = lines.first else { throw Failure(description: "short xref table") }
                lines = lines.dropFirst()
                let e = entry.split(separator: " ")
                if e.count >= 3, e[2].hasPrefix("n"), let off = Int(e[0]) { offsets[start + i] = off }
            }
        }
        let trailer = lines.joined(separator: "\n")
        guard let root = firstReference(after: "/Root", in: trailer) else { throw Failure(description: "PDF trailer without /Root") }
        let info = firstReference(after: "/Info", in: trailer)

        let sorted = offsets.sorted { $0.value < $1.value }
        var raw: [Int: [UInt8]] = [:]
        for (i, entry) in sorted.enumerated() {
            let end = i + 1 < sorted.count ? sorted[i + 1].value : xrefOffset
            guard entry.value < end, end <= b.count else { throw Failure(description: "bad object offset") }
            raw[entry.key] = Array(b[entry.value..<end])
        }
        guard let catalog = raw[root], let pagesRoot = firstReference(after: "/Pages", in: dictionary(catalog)),
              let pagesObject = raw[pagesRoot] else { throw Failure(description: "PDF without a page tree") }
        let pagesDict = dictionary(pagesObject)
        guard let kidsStart = pagesDict.range(of: "/Kids"), let open = pagesDict[kidsStart.upperBound...].firstIndex(of: "["),
              let close = pagesDict[open...].firstIndex(of: "]") else { throw Failure(description: "PDF page tree without /Kids") }
        let pages = references(in: String(pagesDict[open...close]))
        let dropped: Set<Int> = [root, pagesRoot, info ?? -1]
        let objects = raw.keys.sorted().filter { !dropped.contains($0) }.map { ($0, raw[$0]!) }
        return Document(objects: objects, pages: pages)
    }

    /// The object with its number replaced, its references renumbered outside
    /// any stream, and, for pages, its `/Parent` pointed at object `parent`.
    private static func rewrite(_ bytes: [UInt8], renumber: [Int: Int], newNumber: Int, parent: Int?) -> [UInt8] {
        let split = streamStart(bytes) ?? bytes.count
        var head = latin1(Array(bytes[..<split]))
        if let obj = head.range(of: " obj") {
            head = "\(newNumber) 0" + head[obj.lowerBound...]
        }
        var result = ""
        var rest = head[...]
        while let m = rest.range(of: #"(\d+) (\d+) R\b"#, options: .regularExpression) {
            result += rest[..<m.lowerBound]
            let parts = rest[m].split(separator: " ")
            if let n = Int(parts[0]), let mapped = renumber[n] {
                result += "\(mapped) 0 R"
            } else if parent != nil {
                result += "\(parent!) 0 R"
            } else {
                result += rest[m]
            }
            rest = rest[m.upperBound...]
        }
        result += rest
        if let parent, let p = result.range(of: #"/Parent \d+ 0 R"#, options: .regularExpression) {
            result.replaceSubrange(p, with: "/Parent \(parent) 0 R")
        }
        var out = Array(result.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        out += bytes[split...]
        if out.last != 0x0A { out.append(0x0A) }
        return out
    }

    /// Where the `stream` keyword starts, if the object has a stream.
    private static func streamStart(_ b: [UInt8]) -> Int? {
        let key: [UInt8] = Array("stream".utf8)
        var i = 0
        while i + key.count <= b.count {
            if b[i] == key[0] && Array(b[i..<i + key.count]) == key {
                let after = i + key.count < b.count ? b[i + key.count] : 0
                let before = i > 0 ? b[i - 1] : 0
                if (after == 0x0A || after == 0x0D) && before != 0x64 /* d of endstream */ { return i }
            }
            i += 1
        }
        return nil
    }

    private static func dictionary(_ bytes: [UInt8]) -> String {
        latin1(Array(bytes[..<(streamStart(bytes) ?? bytes.count)]))
    }

    private static func latin1(_ b: [UInt8]) -> String {
        String(String.UnicodeScalarView(b.map { Unicode.Scalar($0) }))
    }

    private static func firstReference(after key: String, in text: String) -> Int? {
        guard let r = text.range(of: key) else { return nil }
        return references(in: String(text[r.upperBound...])).first
    }

    private static func references(in text: String) -> [Int] {
        var out: [Int] = []
        var rest = text[...]
        while let m = rest.range(of: #"(\d+) (\d+) R\b"#, options: .regularExpression) {
            if let n = Int(rest[m].split(separator: " ")[0]) { out.append(n) }
            rest = rest[m.upperBound...]
        }
        return out
    }
}
