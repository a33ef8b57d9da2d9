/// Where a text or an arrow end is placed.
public enum Placement: Sendable {
    /// Data coordinates.
    case data(Double, Double)
    /// Axes fractions (`transform=ax.transAxes`, `xycoords='axes fraction'`).
    case axesFraction(Double, Double)
    /// Points offset from the annotated point (`textcoords='offset points'`).
    case offsetPoints(Double, Double)
    /// Figure fractions.
    case figureFraction(Double, Double)
}

/// Horizontal alignment of text.
public enum HAlign: String, Sendable { case left, center, right }
/// Vertical alignment of text.
public enum VAlign: String, Sendable { case top, center, bottom, baseline, centerBaseline = "center_baseline" }

/// Font and colour of a piece of text.
public struct TextStyle: Sendable {
    public var size = 10.0
    public var color = PlotColor.black
    public var bold = false
    public var alpha: Double?

    public init(size: Double = 10) {
        self.size = size
    }
}

/// The arrow of `annotate(arrowprops=…)`.
public struct ArrowProps: Sendable {
    /// `'->'`, `'-|>'`, `'<-'`, `'<->'`, `'-'`, or nil for the filled `YAArrow`-style arrow
    /// that `arrowprops=dict(facecolor=…)` draws.
    public var style: String?
    public var color = PlotColor.black
    public var lineWidth = 1.0
    public var shrink = 0.0
    public var width = 4.0
    public var headWidth = 12.0
    public var headLength = 12.0

    public init() {}
}

/// `text` and `annotate`.
public struct TextArtist: Sendable {
    public var text: String
    public var position: Placement
    public var style = TextStyle()
    public var ha: HAlign = .left
    public var va: VAlign = .baseline
    public var rotation = 0.0
    /// The annotated point for `annotate` (the arrow's head).
    public var target: Placement?
    public var arrow: ArrowProps?
    /// A box behind the text (`bbox=dict(...)`): face colour and padding in points.
    public var boxColor: PlotColor?
    public var zorder = 3.0

    public init(text: String, position: Placement) {
        self.text = text
        self.position = position
    }
}

/// `ax.arrow(x, y, dx, dy)`: a `FancyArrow` polygon in data coordinates.
public struct ArrowPatch: Sendable {
    public var x: Double
    public var y: Double
    public var dx: Double
    public var dy: Double
    public var width = 0.001
    public var headWidth: Double?
    public var headLength: Double?
    public var lengthIncludesHead = false
    public var faceColor: PlotColor
    public var edgeColor: PlotColor
    public var lineWidth = 1.0
    public var alpha: Double?
    public var label: String?
    public var zorder = 1.0

    public init(x: Double, y: Double, dx: Double, dy: Double, color: PlotColor) {
        self.x = x
        self.y = y
        self.dx = dx
        self.dy = dy
        self.faceColor = color
        self.edgeColor = color
    }

    /// The outline, as `FancyArrow._make_verts` builds it (shape 'full', no overhang).
    public var vertices: [PlotPoint] {
        let hw = headWidth ?? 3 * width
        let hl = headLength ?? 1.5 * hw
        let distance = (dx * dx + dy * dy).squareRoot()
        let length = lengthIncludesHead ? distance : distance + hl
        guard length > 0 else { return [] }
        // Arrow pointing along +x with its tip at (length, 0), shifted so the tail sits at the origin.
        let shaftEnd = length - hl
        let local: [(Double, Double)] = [
            (0, width / 2), (shaftEnd, width / 2), (shaftEnd, hw / 2), (length, 0),
            (shaftEnd, -hw / 2), (shaftEnd, -width / 2), (0, -width / 2),
        ]
        let (c, s) = distance > 0 ? (dx / distance, dy / distance) : (1.0, 0.0)
        return local.map { PlotPoint(x + $0.0 * c - $0.1 * s, y + $0.0 * s + $0.1 * c) }
    }
}
