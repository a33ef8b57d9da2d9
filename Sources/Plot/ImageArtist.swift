/// `imshow` of a small matrix: one colour per cell (nearest-neighbour), colormapped.
public struct ImageArtist: Sendable {
    /// Rows of values (row 0 at the top for `origin='upper'`).
    public var values: [[Double]]
    /// RGB(A) cells given directly instead of values.
    public var rgb: [[PlotColor]]?
    public var colormap: Colormap
    public var vmin: Double
    public var vmax: Double
    /// left, right, bottom, top in data coordinates.
    public var extent: (Double, Double, Double, Double)
    public var originUpper = true
    public var alpha: Double?
    public var zorder = 0.0

    public init(values: [[Double]], colormap: Colormap, vmin: Double?, vmax: Double?, extent: (Double, Double, Double, Double)?, originUpper: Bool) {
        self.values = values
        self.colormap = colormap
        let finite = values.joined().filter { $0.isFinite }
        self.vmin = vmin ?? finite.min() ?? 0
        self.vmax = vmax ?? finite.max() ?? 1
        let rows = Double(values.count), cols = Double(values.first?.count ?? 0)
        self.extent = extent ?? (-0.5, cols - 0.5, originUpper ? rows - 0.5 : -0.5, originUpper ? -0.5 : rows - 0.5)
        self.originUpper = originUpper
    }

    /// The colour of cell (row, col).
    func color(_ r: Int, _ c: Int) -> PlotColor {
        if let rgb { return rgb[r][c] }
        let v = values[r][c]
        let t = vmax > vmin ? (v - vmin) / (vmax - vmin) : 0
        return colormap.color(at: t >= 1 ? 1 : t)
    }
}

/// Every kind of thing drawn inside an axes.
public enum Artist: Sendable {
    case line(Line2D)
    case reference(ReferenceLine)
    case scatter(ScatterSet)
    case fill(FillBetween)
    case quiver(QuiverSet)
    case contour(ContourSet)
    case image(ImageArtist)
    case text(TextArtist)
    case arrow(ArrowPatch)

    var zorder: Double {
        switch self {
        case .line(let l): return l.zorder
        case .reference(let r): return r.line.zorder
        case .scatter(let s): return s.zorder
        case .fill(let f): return f.zorder
        case .quiver(let q): return q.zorder
        case .contour(let c): return c.zorder
        case .image(let i): return i.zorder
        case .text(let t): return t.zorder
        case .arrow(let a): return a.zorder
        }
    }
}
