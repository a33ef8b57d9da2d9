import Trace

/// Text widths for laying out frames, measured by Graphviz's text layout (pango with
/// fontconfig: the fonts the SVGs name) one character at a time and cached.
///
/// Widths of strings are sums of their characters' advances (kerning left out), so boxes
/// get a small margin for it.
final class TextMetrics {
    /// The typefaces frames use.
    enum Face: Hashable, CaseIterable {
        case sans, sansBold, sansItalic, mono

        /// The Graphviz font name that selects the face.
        var graphvizName: String {
            switch self {
            case .sans: return "DejaVu Sans"
            case .sansBold: return "DejaVu Sans Bold"
            case .sansItalic: return "DejaVu Sans Oblique"
            case .mono: return "DejaVu Sans Mono"
            }
        }
    }

    /// Measured at this size; widths scale linearly.
    static let referenceSize = 100.0
    private var advances: [Face: [Character: Double]] = [:]
    private let session: Graphviz.Session?

    init(session: Graphviz.Session?) {
        self.session = session
    }

    /// The width of `text` set in `face` at `size` pixels.
    func width(_ text: String, _ face: Face, size: Double) -> Double {
        var total = 0.0
        for c in text { total += advance(c, face) }
        return total * size / TextMetrics.referenceSize
    }

    /// Measures every character of `texts` not yet known, in one Graphviz layout per face.
    func prepare(_ texts: [String], _ face: Face) {
        var missing = Set<Character>()
        let known = advances[face] ?? [:]
        for t in texts { for c in t where known[c] == nil { missing.insert(c) } }
        if missing.isEmpty { return }
        measure(Array(missing).sorted(), face)
    }

    private func advance(_ c: Character, _ face: Face) -> Double {
        if let a = advances[face]?[c] { return a }
        measure([c], face)
        return advances[face]?[c] ?? TextMetrics.estimate(c)
    }

    /// A fallback when Graphviz cannot measure: wide for CJK, 0.6 em otherwise.
    static func estimate(_ c: Character) -> Double {
        let wide = DisplayWidth.of(String(c)) > 1
        return (wide ? 1.0 : 0.6) * referenceSize
    }

    /// Each character repeated ten times as one plaintext node: the node's width / 10 is its advance.
    private func measure(_ chars: [Character], _ face: Face) {
        var table = advances[face] ?? [:]
        defer { advances[face] = table }
        guard let session else {
            for c in chars { table[c] = TextMetrics.estimate(c) }
            return
        }
        var w = DOTWriter(name: "measure")
        w.defaults(node: ["shape": .raw("plaintext"), "margin": .number(0), "width": .number(0), "height": .number(0),
                          "fontname": .text(face.graphvizName), "fontsize": .number(TextMetrics.referenceSize),
                          "pos": .text("0,0")])
        for (i, c) in chars.enumerated() {
            let s = c == " " ? "\u{00A0}" : String(c)
            w.node("c\(i)", ["label": .text(String(repeating: s, count: 10))])
        }
        guard let placed = try? session.place(w.finish(), engine: "nop2") else {
            for c in chars { table[c] = TextMetrics.estimate(c) }
            return
        }
        for (i, c) in chars.enumerated() {
            let inches = Double(placed.nodes["c\(i)"]?.width ?? "") ?? 0
            table[c] = inches > 0 ? inches * 72 / 10 : TextMetrics.estimate(c)
        }
    }
}
