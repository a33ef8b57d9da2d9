import Foundation

/// A piece of text placed in figure space with matplotlib's alignment rules, and its box.
struct PlacedText {
    var text: String
    var anchor: PlotPoint
    var size: Double
    var bold = false
    var color = PlotColor.black
    var rotation = 0.0
    var ha: HAlign
    var va: VAlign
    /// Where the baseline's left end sits relative to the anchor, in the rotated frame (y up).
    var dx = 0.0
    var dy = 0.0
    var box = PlotRect(x0: 0, y0: 0, x1: 0, y1: 0)

    /// Measures and aligns `text` at `anchor`.
    init(_ text: String, at anchor: PlotPoint, size: Double, bold: Bool = false, color: PlotColor = .black,
         rotation: Double = 0, ha: HAlign, va: VAlign, anchorMode: Bool = false, on canvas: Canvas) {
        self.text = text
        self.anchor = anchor
        self.size = size
        self.bold = bold
        self.color = color
        self.rotation = rotation
        self.ha = ha
        self.va = va
        let m = canvas.measure(text, size: size, bold: bold)
        let lineAscent = m.ascent - Double(text.split(separator: "\n", omittingEmptySubsequences: false).count - 1) * size * 1.2
        // matplotlib aligns the rotated text's bounding box, so work out the box first.
        let corners = [PlotPoint(0, -m.descent), PlotPoint(m.width, -m.descent), PlotPoint(m.width, m.ascent), PlotPoint(0, m.ascent)]
        let (c, s) = (cos(rotation * .pi / 180), sin(rotation * .pi / 180))
        let rotated = corners.map { PlotPoint($0.x * c - $0.y * s, $0.x * s + $0.y * c) }
        let minX = rotated.map(\.x).min()!, maxX = rotated.map(\.x).max()!
        let minY = rotated.map(\.y).min()!, maxY = rotated.map(\.y).max()!
        if anchorMode {
            // rotation_mode='anchor': align in the text's own frame, then rotate about the anchor.
            let lx: Double, ly: Double
            switch ha {
            case .left: lx = 0
            case .center: lx = -m.width / 2
            case .right: lx = -m.width
            }
            switch va {
            case .top: ly = -m.ascent
            case .bottom: ly = m.descent
            case .center: ly = (m.descent - m.ascent) / 2
            case .baseline: ly = 0
            case .centerBaseline: ly = -lineAscent / 2
            }
            dx = lx
            dy = ly
            let pts = corners.map { PlotPoint(($0.x + lx) * c - ($0.y + ly) * s + anchor.x, ($0.x + lx) * s + ($0.y + ly) * c + anchor.y) }
            box = PlotRect(x0: pts.map(\.x).min()!, y0: pts.map(\.y).min()!, x1: pts.map(\.x).max()!, y1: pts.map(\.y).max()!)
            return
        }
        let ox: Double
        switch ha {
        case .left: ox = -minX
        case .center: ox = -(minX + maxX) / 2
        case .right: ox = -maxX
        }
        let oy: Double
        switch va {
        case .top: oy = -maxY
        case .bottom: oy = -minY
        case .center: oy = -(minY + maxY) / 2
        case .baseline: oy = 0
        case .centerBaseline: oy = -lineAscent / 2 * c
        }
        // (ox, oy) is the rotated baseline origin's offset from the anchor in figure space.
        dx = ox * c + oy * s
        dy = -ox * s + oy * c
        box = PlotRect(x0: anchor.x + ox + minX, y0: anchor.y + oy + minY, x1: anchor.x + ox + maxX, y1: anchor.y + oy + maxY)
    }

    /// Draws the text; `height` is the figure height in points (for the flip to y down).
    func draw(on canvas: Canvas, height: Double) {
        guard !text.isEmpty else { return }
        canvas.text(text, size: size, bold: bold, color: color, x: anchor.x, y: height - anchor.y,
                    degrees: rotation, dx: dx, dy: -dy, align: ha)
    }
}
