import Trace
/// One line of step-through text in styled runs, drawn with or without ANSI colour.
struct StyledLine: Equatable {
    enum Style: Equatable {
        case plain, heading, current, dim, formula, value, emphasis, inverse

        var ansi: String {
            switch self {
            case .plain: return ""
            case .heading: return "\u{1B}[1;36m"
            case .current: return "\u{1B}[1;33m"
            case .dim: return "\u{1B}[2m"
            case .formula: return "\u{1B}[32m"
            case .value: return "\u{1B}[1m"
            case .emphasis: return "\u{1B}[1;35m"
            case .inverse: return "\u{1B}[7m"
            }
        }
    }

    struct Span: Equatable {
        var text: String
        var style: Style
    }

    var spans: [Span]

    init(_ text: String = "", _ style: Style = .plain) {
        spans = text.isEmpty ? [] : [Span(text: text, style: style)]
    }

    init(spans: [Span]) { self.spans = spans }

    var plain: String { spans.map(\.text).joined() }
    var width: Int { DisplayWidth.of(plain) }

    mutating func append(_ text: String, _ style: Style = .plain) {
        if text.isEmpty { return }
        if let last = spans.last, last.style == style {
            spans[spans.count - 1].text += text
        } else {
            spans.append(Span(text: text, style: style))
        }
    }

    func rendered(color: Bool) -> String {
        if !color { return plain.trailingSpacesRemoved }
        var out = ""
        for s in spans {
            if s.style == .plain {
                out += s.text
            } else {
                out += s.style.ansi + s.text + "\u{1B}[0m"
            }
        }
        return out
    }

    /// The line cut to `columns` columns, styles kept, `…` marking the cut.
    func truncated(to columns: Int) -> StyledLine {
        if width <= columns { return self }
        var out = StyledLine()
        var used = 0
        let room = max(columns - 1, 0)
        outer: for s in spans {
            var piece = ""
            for c in s.text {
                let w = DisplayWidth.of(c)
                if used + w > room {
                    out.append(piece, s.style)
                    break outer
                }
                piece.append(c)
                used += w
            }
            out.append(piece, s.style)
        }
        if columns > 0 { out.append("…", .dim) }
        return out
    }

    /// The line broken to `columns` columns (see `DisplayWidth.wrap`); a line of
    /// one style keeps it on every piece, mixed styles are kept only when it fits.
    func wrapped(to columns: Int) -> [StyledLine] {
        if width <= columns { return [self] }
        if spans.count == 1 {
            return DisplayWidth.wrap(spans[0].text, to: columns).map { StyledLine($0, spans[0].style) }
        }
        return wrappedKeepingStyles(to: columns)
    }

    /// Wraps the plain text, then gives each character of the pieces the style
    /// it had: wrapping only drops spaces at breaks and adds indentation, so the
    /// pieces' other characters are the original ones, in order.
    private func wrappedKeepingStyles(to columns: Int) -> [StyledLine] {
        var styled: [(Character, Style)] = []
        for s in spans {
            for c in s.text { styled.append((c, s.style)) }
        }
        var k = 0
        var out: [StyledLine] = []
        for piece in DisplayWidth.wrap(plain, to: columns) {
            let indent = piece.prefix { $0 == " " }.count
            var line = StyledLine(String(repeating: " ", count: indent))
            if out.isEmpty {
                k = min(indent, styled.count)
            } else {
                while k < styled.count && styled[k].0 == " " { k += 1 }
            }
            for c in piece.dropFirst(indent) {
                while k < styled.count && styled[k].0 != c { k += 1 }
                line.append(String(c), k < styled.count ? styled[k].1 : .plain)
                k += 1
            }
            out.append(line)
        }
        return out
    }
}
