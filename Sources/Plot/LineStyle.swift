/// A line's dash style (`'-'`, `'--'`, `'-.'`, `':'`, `'None'`).
public enum LineStyle: String, Sendable, CaseIterable {
    case solid = "-"
    case dashed = "--"
    case dashDot = "-."
    case dotted = ":"
    case none = "None"

    /// `'-'`, `'solid'`, `'None'`, `' '`, `''` and the rest of matplotlib's spellings.
    public init?(spec: String) {
        switch spec {
        case "-", "solid": self = .solid
        case "--", "dashed": self = .dashed
        case "-.", "dashdot": self = .dashDot
        case ":", "dotted": self = .dotted
        case "None", "none", " ", "": self = .none
        default: return nil
        }
    }

    /// The dash pattern in points at line width `width` (`lines.*_pattern`, scaled by width).
    func dashes(width: Double) -> [Double] {
        let scale = max(width, 0)
        switch self {
        case .solid, .none: return []
        case .dashed: return [3.7, 1.6].map { $0 * scale }
        case .dashDot: return [6.4, 1.6, 1, 1.6].map { $0 * scale }
        case .dotted: return [1, 1.65].map { $0 * scale }
        }
    }
}

/// A marker shape (`'o'`, `'s'`, `'^'`, `'x'`, …).
public enum MarkerShape: String, Sendable, CaseIterable {
    case point = "."
    case pixel = ","
    case circle = "o"
    case triangleDown = "v"
    case triangleUp = "^"
    case triangleLeft = "<"
    case triangleRight = ">"
    case square = "s"
    case pentagon = "p"
    case star = "*"
    case hexagon = "h"
    case plus = "+"
    case x = "x"
    case diamond = "D"
    case thinDiamond = "d"
    case vline = "|"
    case hline = "_"
    case plusFilled = "P"
    case xFilled = "X"

    /// Unfilled markers are stroked only (`+`, `x`, `|`, `_`).
    var isFilled: Bool {
        switch self {
        case .plus, .x, .vline, .hline: return false
        default: return true
        }
    }
}

/// A parsed format string (`'r--'`, `'bo-'`, `'C2:'`): each part optional.
public struct FormatString: Equatable, Sendable {
    public var color: PlotColor?
    public var lineStyle: LineStyle?
    public var marker: MarkerShape?

    /// Parses like matplotlib's `_process_plot_format`; the error text is its own.
    public init(_ fmt: String) throws {
        if let c = PlotColor(spec: fmt), Int(fmt) == nil {
            color = c
            lineStyle = .solid
            return
        }
        let chars = Array(fmt)
        var i = 0
        func invalid(_ why: String) -> PlotError { PlotError(.valueError, "'\(fmt)' is not a valid format string (\(why))") }
        while i < chars.count {
            let c = chars[i]
            let two = i + 1 < chars.count ? String(chars[i...(i + 1)]) : ""
            if two == "--" || two == "-." {
                if lineStyle != nil { throw invalid("two linestyle symbols") }
                lineStyle = LineStyle(spec: two)
                i += 2
            } else if c == "-" || c == ":" {
                if lineStyle != nil { throw invalid("two linestyle symbols") }
                lineStyle = LineStyle(spec: String(c))
                i += 1
            } else if let m = MarkerShape(rawValue: String(c)) {
                if marker != nil { throw invalid("two marker symbols") }
                marker = m
                i += 1
            } else if let base = PlotColor.base[c] {
                if color != nil { throw invalid("two color symbols") }
                color = base
                i += 1
            } else if c == "C", i + 1 < chars.count, chars[i + 1].isNumber {
                if color != nil { throw invalid("two color symbols") }
                var j = i + 1
                while j < chars.count, chars[j].isNumber { j += 1 }
                color = PlotColor(spec: String(chars[i..<j]))
                i = j
            } else {
                throw invalid("unrecognized character '\(c)'")
            }
        }
        if lineStyle == nil && marker == nil { lineStyle = .solid }
        if lineStyle == nil { lineStyle = LineStyle.none }
    }
}
