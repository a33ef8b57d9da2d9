/// Writes SVG markup: escaped text and attributes, numbers with two decimals at most.
struct SVGText {
    private(set) var out = ""

    mutating func raw(_ s: String) { out += s }

    /// `<name a="…" …>` with attributes in the given order; `close` ends it with `/>`.
    mutating func open(_ name: String, _ attributes: [(String, String)], close: Bool = false) {
        out += "<" + name
        for (k, v) in attributes {
            out += " \(k)=\""
            out += SVGText.escape(v)
            out += "\""
        }
        out += close ? "/>" : ">"
    }

    mutating func end(_ name: String) { out += "</\(name)>" }

    /// A `<text>` element.
    mutating func text(_ s: String, x: Double, y: Double, size: Double, face: TextMetrics.Face, color: String,
                       anchor: String = "start", extra: [(String, String)] = []) {
        var a: [(String, String)] = [("x", SVGText.num(x)), ("y", SVGText.num(y)), ("font-size", SVGText.num(size)),
                                     ("fill", color)]
        switch face {
        case .sansBold: a.append(("font-weight", "bold"))
        case .sansItalic: a.append(("font-style", "italic"))
        case .mono: a.append(("font-family", Palette.monoFont))
        case .sans: break
        }
        if anchor != "start" { a.append(("text-anchor", anchor)) }
        open("text", a + extra)
        out += SVGText.escape(s)
        end("text")
    }

    static func num(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        if r == r.rounded() && Swift.abs(r) < 1e12 { return String(Int(r)) }
        return String(r)
    }

    static func escape(_ s: String) -> String {
        var o = ""
        o.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            default:
                // Control characters other than tab and newline are not allowed in XML.
                if u.value < 0x20 && u != "\t" && u != "\n" { o += " " } else { o.unicodeScalars.append(u) }
            }
        }
        return o
    }
}
