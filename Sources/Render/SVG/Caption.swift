import Trace

/// The caption of a frame laid out in lines that fit a width: section, narration, the source
/// line, the step in words, the chain rule, sums, an error whole, the program's output.
/// Text wraps at spaces (or anywhere in CJK text) and is never cut.
struct Caption {
    struct Line {
        enum Role {
            case section, narration, source, heading, detail, formula, sum, errorTitle, errorText, output, chart
        }

        var text: String
        var role: Role
        var face: TextMetrics.Face
        var size: Double
        var color: String
        /// Extra space above the line.
        var gapBefore: Double
    }

    /// The smallest caption text (21 px) stays at least 18 px.
    static let minimumScale = Palette.minimumText / 21.0

    var lines: [Line] = []
    /// The height of the lines, in pixels.
    var height: Double = 0

    /// Lays `x` out in `width` pixels with sizes scaled by `scale` (1 = the full sizes).
    init(_ x: Explanation, frame: Frame.Kind, width: Double, scale: Double, metrics: TextMetrics,
         words: PictureWords = PictureWords(language: "en")) {
        func add(_ text: String, _ role: Line.Role, _ face: TextMetrics.Face, _ size: Double, _ color: String, gap: Double = 0) {
            let s = size * scale
            let pieces = Caption.wrap(text, width: width, face: face, size: s, metrics: metrics)
            for (i, p) in pieces.enumerated() {
                lines.append(Line(text: p, role: role, face: face, size: s, color: color, gapBefore: i == 0 ? gap * scale : 0))
            }
        }
        if let section = x.section { add(section, .section, .sansBold, 30, Palette.ink) }
        for n in x.narration { add(n, .narration, .sansItalic, 25, Palette.secondary, gap: 8) }
        if let line = x.line, let source = x.source, !source.isEmpty {
            add("\(words.line(line))  \(source)", .source, .mono, 22, Palette.ink, gap: 14)
        }
        if !x.heading.isEmpty && x.heading != x.source { add(x.heading, .heading, .sansBold, 24, Palette.ink, gap: 14) }
        for d in x.details { add(d, .detail, .sans, 22, Palette.secondary, gap: 4) }
        for t in x.chainRule {
            if t.local.formula != nil || !t.local.value.isEmpty { add(t.local.text, .formula, .sans, 22, Palette.ink, gap: 10) }
            add("→ " + t.downstream.text, .formula, .sansBold, 22, Palette.gradientText, gap: t.local.formula == nil ? 10 : 2)
        }
        for s in x.sums { add(s.text, .sum, .sansBold, 24, Palette.gradientText, gap: 10) }
        if let err = x.error {
            add(err.type + (err.node.map { " in \($0)" } ?? ""), .errorTitle, .sansBold, 24, Palette.error, gap: 14)
            add(err.message, .errorText, .sans, 21, Palette.error, gap: 2)
        }
        if let printed = x.printed, !printed.isEmpty {
            for (i, l) in printed.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !(l.isEmpty && i > 0) {
                add(String(l), .output, .mono, 21, Palette.ink, gap: i == 0 ? 12 : 0)
            }
        }
        height = lines.reduce(0) { $0 + $1.gapBefore + $1.size * Palette.lineGap }
    }

    /// `text` broken into lines no wider than `width`: at spaces, or between any two wide
    /// (CJK) characters; a single word wider than the line is broken where it must be.
    static func wrap(_ text: String, width: Double, face: TextMetrics.Face, size: Double, metrics: TextMetrics) -> [String] {
        if metrics.width(text, face, size: size) <= width { return [text] }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0.0
        // Tokens: runs of non-space narrow characters, single spaces, single wide characters.
        var tokens: [String] = []
        var word = ""
        for c in text {
            if c == " " || DisplayWidth.of(c) > 1 {
                if !word.isEmpty { tokens.append(word); word = "" }
                tokens.append(String(c))
            } else {
                word.append(c)
            }
        }
        if !word.isEmpty { tokens.append(word) }
        for token in tokens {
            let w = metrics.width(token, face, size: size)
            if currentWidth + w <= width || current.isEmpty {
                if current.isEmpty && token == " " { continue }
                if w > width && current.isEmpty {
                    // A word longer than the line: cut it by characters.
                    var piece = ""
                    var pw = 0.0
                    for c in token {
                        let cw = metrics.width(String(c), face, size: size)
                        if pw + cw > width && !piece.isEmpty {
                            lines.append(piece)
                            piece = ""
                            pw = 0
                        }
                        piece.append(c)
                        pw += cw
                    }
                    current = piece
                    currentWidth = pw
                    continue
                }
                current += token
                currentWidth += w
            } else {
                lines.append(current.trimmingTrailingSpaces())
                current = token == " " ? "" : token
                currentWidth = token == " " ? 0 : w
            }
        }
        if !current.isEmpty { lines.append(current.trimmingTrailingSpaces()) }
        return lines
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
