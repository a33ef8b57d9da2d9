/// Fonts and colours of the pictures: forward in blue, the backward node being
/// applied in orange, gradients in crimson, on light fills that project well.
enum Theme {
    /// DejaVu Sans for Latin text and maths (∂, ·, ×, ², −), Noto Sans CJK where
    /// it is installed for CJK narration, the viewer's sans-serif otherwise.
    static let font = "DejaVu Sans, Noto Sans CJK SC, sans-serif"
    static let monoFont = "DejaVu Sans Mono, Noto Sans Mono CJK SC, monospace"

    static let fontSize = 12.0
    static let edgeFontSize = 12.0

    static let ink = "#111827"
    static let secondary = "#4b5563"
    static let faint = "#9ca3af"
    static let forward = "#1d4ed8"
    static let gradient = "#c2185b"
    static let gradientPast = "#e7a3bf"
    static let activeFill = "#ffedd5"
    static let activeBorder = "#ea580c"
    static let visitedBorder = "#f59e0b"
    /// Grid lines of the loss chart.
    static let chartGrid = "#e5e7eb"

    /// Fill and border of each kind of vertex.
    static func colors(_ style: VertexLook.Style) -> (fill: String, border: String) {
        switch style {
        case .leaf: return ("#dbeafe", "#60a5fa")
        case .result: return ("#dcfce7", "#15803d")
        case .constant: return ("#f3f4f6", "#9ca3af")
        case .notRecorded: return ("#ffffff", "#9ca3af")
        case .gradFn: return ("#eef0f3", "#4b5563")
        case .accumulate: return ("#fef3c7", "#b45309")
        }
    }

    /// The HTML-like markup of one label row.
    static func markup(_ row: LabelRow) -> String {
        let t = DOTWriter.escapeHTML(row.text)
        switch row.tone {
        case .title: return "<FONT POINT-SIZE=\"13\"><B>\(t)</B></FONT>"
        case .body: return "<FONT COLOR=\"\(ink)\">\(t)</FONT>"
        case .small: return "<FONT POINT-SIZE=\"10\" COLOR=\"\(secondary)\">\(t)</FONT>"
        case .code: return "<FONT FACE=\"\(monoFont)\" POINT-SIZE=\"10\" COLOR=\"#374151\">\(t)</FONT>"
        case .gradient: return "<FONT COLOR=\"\(gradient)\"><B>\(t)</B></FONT>"
        case .muted: return "<FONT POINT-SIZE=\"10\" COLOR=\"\(faint)\"><I>\(t)</I></FONT>"
        case .heading: return "<FONT POINT-SIZE=\"17\"><B>\(t)</B></FONT>"
        case .narration: return "<FONT POINT-SIZE=\"13\" COLOR=\"#374151\"><I>\(t)</I></FONT>"
        case .output: return "<FONT FACE=\"\(monoFont)\" POINT-SIZE=\"11\" COLOR=\"#1f2937\">\(t)</FONT>"
        }
    }

    /// The key to the colours, the last row of every caption.
    static let legend: String = {
        func chip(_ color: String, _ text: String) -> String {
            "<FONT COLOR=\"\(color)\">■</FONT> <FONT COLOR=\"\(secondary)\">\(text)</FONT>"
        }
        return "<FONT POINT-SIZE=\"10\">"
            + [chip(colors(.leaf).border, "leaf"), chip(colors(.result).border, "result"),
               chip(colors(.gradFn).border, "grad_fn"), chip(colors(.accumulate).border, "AccumulateGrad"),
               chip(forward, "new in forward"), chip(activeBorder, "applying"),
               chip(gradient, "gradient")].joined(separator: "   ")
            + "</FONT>"
    }()
}
