import Trace

/// JSON carried inside a page's `<script type="application/json">` element.
enum ScriptData {
    /// The element holding `json`. Inside a script element the HTML parser ends the data at
    /// `</script` and changes state at `<!--`; `<` appears in JSON only inside strings, so those
    /// two sequences are written with JSON escapes (`<\/`, `\u003c!--`), which parse to the same text.
    static func element(id: String, json: JSONValue) -> String {
        var text = ""
        json.write(into: &text)
        return "<script id=\"\(id)\" type=\"application/json\">" + escape(text) + "</script>\n"
    }

    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            guard bytes.contains(0x3C) else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x3C, i + 1 < bytes.count, bytes[i + 1] == 0x2F {  // "</" → "<\/"
                    out.append(contentsOf: [0x3C, 0x5C, 0x2F])
                    i += 2
                    continue
                }
                if b == 0x3C, i + 3 < bytes.count, bytes[i + 1] == 0x21, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D {
                    out.append(contentsOf: Array("\\u003c!--".utf8))  // "<!--" → "\u003c!--"
                    i += 4
                    continue
                }
                out.append(b)
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
