import Foundation

/// An RGBA colour with components in 0...1, as matplotlib's `to_rgba` returns.
public struct PlotColor: Equatable, Sendable {
    public var r: Double
    public var g: Double
    public var b: Double
    public var a: Double

    public init(_ r: Double, _ g: Double, _ b: Double, _ a: Double = 1) {
        self.r = r
        self.g = g
        self.b = b
        self.a = a
    }

    public static let black = PlotColor(0, 0, 0)
    public static let white = PlotColor(1, 1, 1)

    /// The same colour with alpha replaced (matplotlib's `alpha=` overrides the colour's own).
    public func withAlpha(_ alpha: Double?) -> PlotColor {
        guard let alpha else { return self }
        return PlotColor(r, g, b, alpha)
    }

    /// `#rrggbb`, as matplotlib's SVG writes fills.
    public var hex: String {
        func c(_ v: Double) -> String { String(format: "%02x", Int((max(0, min(1, v)) * 255).rounded())) }
        return "#" + c(r) + c(g) + c(b)
    }

    /// matplotlib's default property cycle (`tab10`).
    public static let cycle: [PlotColor] = ["1f77b4", "ff7f0e", "2ca02c", "d62728", "9467bd",
                                            "8c564b", "e377c2", "7f7f7f", "bcbd22", "17becf"].map { PlotColor(hex: $0)! }

    /// Parses `rrggbb` or `rrggbbaa` (no `#`).
    init?(hex: String) {
        let digits = Array(hex)
        guard digits.count == 6 || digits.count == 8, let v = UInt32(hex, radix: 16) else { return nil }
        if digits.count == 6 {
            self.init(Double((v >> 16) & 255) / 255, Double((v >> 8) & 255) / 255, Double(v & 255) / 255)
        } else {
            self.init(Double((v >> 24) & 255) / 255, Double((v >> 16) & 255) / 255, Double((v >> 8) & 255) / 255,
                      Double(v & 255) / 255)
        }
    }

    static let base: [Character: PlotColor] = [
        "b": PlotColor(0, 0, 1), "g": PlotColor(0, 0.5, 0), "r": PlotColor(1, 0, 0), "c": PlotColor(0, 0.75, 0.75),
        "m": PlotColor(0.75, 0, 0.75), "y": PlotColor(0.75, 0.75, 0), "k": PlotColor(0, 0, 0), "w": PlotColor(1, 1, 1),
    ]

    static let tableau = ["blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan"]

    /// matplotlib's colour string forms: names, `#rgb[a]`, `#rrggbb[aa]`, `'0.5'` greys,
    /// `'C3'`, `'tab:blue'`; nil when not a colour.
    public init?(spec: String) {
        let s = spec.lowercased()
        if s.hasPrefix("#") {
            let h = String(s.dropFirst())
            if h.count == 3 || h.count == 4 {
                self.init(hex: h.map { "\($0)\($0)" }.joined())
            } else {
                self.init(hex: h)
            }
            return
        }
        if s.count == 1, let c = PlotColor.base[s.first!] { self = c; return }
        if s.count >= 2, s.first == "c", let n = Int(s.dropFirst()), n >= 0 {
            self = PlotColor.cycle[n % PlotColor.cycle.count]
            return
        }
        if s.hasPrefix("tab:"), let i = PlotColor.tableau.firstIndex(of: String(s.dropFirst(4)).replacingOccurrences(of: "grey", with: "gray")) {
            self = PlotColor.cycle[i]
            return
        }
        if let h = ColorTables.css4[s] { self.init(hex: String(h.dropFirst())); return }
        if let grey = Double(s), s.first != "-", grey >= 0, grey <= 1, !s.contains("e"), !s.contains("n") {
            self.init(grey, grey, grey)
            return
        }
        return nil
    }

    /// The text of matplotlib's error for a value that is not a colour.
    public static func invalidMessage(_ repr: String) -> String {
        "\(repr) is not a valid value for color: supported inputs are (r, g, b) and (r, g, b, a) 0-1 float tuples; "
            + "'#rrggbb', '#rrggbbaa', '#rgb', '#rgba' strings; named color strings; string reprs of 0-1 floats for grayscale values; "
            + "'C0', 'C1', ... strings for colors of the color cycle; and pairs combining one of the above with an alpha value"
    }
}
