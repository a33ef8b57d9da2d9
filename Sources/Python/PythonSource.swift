import Foundation

/// Reads the bytes of a Python source file as CPython does (PEP 263): UTF-8 unless the first
/// or second line declares another encoding (`# -*- coding: latin-1 -*-`), a UTF-8 byte-order
/// mark skipped, and CPython's SyntaxError when the bytes do not decode.
public enum PythonSource {
    /// Why a source file could not be read, as the text CPython writes to stderr (exit status 1).
    public struct DecodingError: Error, Equatable {
        /// The complete stderr report.
        public var stderr: String
    }

    /// The source text of `bytes`, read from the file named `fileName` (as it appears in messages).
    public static func decode(_ bytes: [UInt8], fileName: String) -> Result<String, DecodingError> {
        var body = bytes[...]
        let hasBOM = body.starts(with: [0xEF, 0xBB, 0xBF])
        if hasBOM { body = body.dropFirst(3) }
        let declared = declaredEncoding(body)
        func failure(_ message: String) -> Result<String, DecodingError> {
            .failure(DecodingError(stderr: "SyntaxError: \(message)\n"))
        }
        guard let name = declared else {
            if let text = String(validating: body, as: UTF8.self) { return .success(text) }
            let (offset, line) = firstInvalidUTF8(body)
            let byte = String(body[body.startIndex + offset], radix: 16)
            return failure("Non-UTF-8 code starting with '\\x\(byte)' in file \(fileName) on line \(line), but no encoding declared; see https://peps.python.org/pep-0263/ for details")
        }
        let normal = normalName(name)
        if hasBOM && normal != "utf-8" { return failure("encoding problem: \(normal) with BOM") }
        switch normal {
        case "utf-8", "utf8":
            if let text = String(validating: body, as: UTF8.self) { return .success(text) }
            let (offset, line) = firstInvalidUTF8(body)
            let byte = String(body[body.startIndex + offset], radix: 16)
            return .failure(DecodingError(stderr: "  File \"\(fileName)\", line \(line)\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0x\(byte) in position \(offset): invalid start byte\n"))
        case "iso-8859-1", "latin1", "l1":
            return .success(String(String.UnicodeScalarView(body.map { Unicode.Scalar($0) })))
        case "ascii", "us-ascii", "646":
            if let bad = body.firstIndex(where: { $0 >= 0x80 }) {
                let line = body[..<bad].filter { $0 == 0x0A }.count + 1
                return .failure(DecodingError(stderr: "  File \"\(fileName)\", line \(line)\nSyntaxError: (unicode error) 'ascii' codec can't decode byte 0x\(String(body[bad], radix: 16)) in position \(bad - body.startIndex): ordinal not in range(128)\n"))
            }
            return .success(String(decoding: body, as: UTF8.self))
        case "cp1252", "windows-1252":
            if let text = String(data: Data(body), encoding: .windowsCP1252) { return .success(text) }
            return failure("encoding problem: \(name)")
        default:
            return failure("encoding problem: \(name)")
        }
    }

    /// The encoding named on the first line, or on the second when the first is blank or only
    /// a comment (`coding[:=]\s*([-\w.]+)` in a comment).
    static func declaredEncoding(_ bytes: ArraySlice<UInt8>) -> String? {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        while lines.count < 2 && start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            lines.append(bytes[start..<end])
            start = end + 1
        }
        for (i, line) in lines.enumerated() {
            if let name = codingSpec(line) { return name }
            if i == 0 && !isBlankOrComment(line) { return nil }
        }
        return nil
    }

    private static func isBlankOrComment(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0C && $0 != 0x0D }) else { return true }
        return first == UInt8(ascii: "#")
    }

    private static func codingSpec(_ line: ArraySlice<UInt8>) -> String? {
        guard let hash = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0C }),
              line[hash] == UInt8(ascii: "#") else { return nil }
        let text = Array(line[hash...])
        let coding = Array("coding".utf8)
        var i = 0
        while i + coding.count < text.count {
            if Array(text[i..<(i + coding.count)]) == coding, text[i + coding.count] == UInt8(ascii: ":") || text[i + coding.count] == UInt8(ascii: "=") {
                var j = i + coding.count + 1
                while j < text.count && (text[j] == 0x20 || text[j] == 0x09) { j += 1 }
                var name = ""
                while j < text.count, let c = Optional(Unicode.Scalar(text[j])), c == "-" || c == "." || c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c) {
                    name.unicodeScalars.append(c)
                    j += 1
                }
                if !name.isEmpty { return name }
            }
            i += 1
        }
        return nil
    }

    /// CPython's `get_normal_name`: utf-8 and latin-1 under their usual spellings.
    static func normalName(_ name: String) -> String {
        let lower = String(name.lowercased().replacingOccurrences(of: "_", with: "-"))
        if lower == "utf-8" || lower.hasPrefix("utf-8-") { return "utf-8" }
        for latin in ["latin-1", "iso-8859-1", "iso-latin-1"] where lower == latin || lower.hasPrefix(latin + "-") {
            return "iso-8859-1"
        }
        return lower
    }

    /// The offset of the first byte that is not valid UTF-8, and its line.
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (offset: Int, line: Int) {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xF0 && b < 0xF5 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0
            let valid = length > 0 && i + length <= bytes.endIndex
                && bytes[(i + 1)..<(i + length)].allSatisfy { $0 & 0xC0 == 0x80 }
                && String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil
            if !valid { break }
            i += length
        }
        let line = bytes[bytes.startIndex..<i].filter { $0 == 0x0A }.count + 1
        return (i - bytes.startIndex, line)
    }
}
