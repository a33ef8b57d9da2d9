import Foundation

/// A figure frozen at `show()` or `savefig`, drawn as SVG, with PNG and PDF on demand; what
/// plot observers receive. Rendering is one cairo code path for all three formats.
public struct RenderedFigure {
    /// The frozen figure.
    public let figure: Figure
    /// The SVG document (sizes in points, as matplotlib writes them).
    public let svg: String

    /// Draws `figure` (a snapshot is taken, so later changes do not show).
    public init(_ figure: Figure) throws {
        let frozen = figure.snapshot()
        self.figure = frozen
        self.svg = try RenderedFigure.svgText(frozen)
    }

    /// PNG bytes at `dpi` (the figure's own, 100 by default, when nil).
    public func png(dpi: Double? = nil) throws -> [UInt8] {
        try RenderedFigure.draw(figure.snapshot(), .png(dpi: dpi ?? figure.dpi))
    }

    /// PDF bytes, one page.
    public func pdf() throws -> [UInt8] {
        try RenderedFigure.draw(figure.snapshot(), .pdf)
    }

    /// The figure in the format a file name's extension asks for (`.png`, `.svg`, `.pdf`);
    /// `tightPad` crops it to what is drawn plus that many points (`bbox_inches='tight'`).
    public func bytes(forExtension ext: String, dpi: Double?, tightPad: Double? = nil) throws -> [UInt8] {
        if let pad = tightPad {
            let crop = try RenderedFigure.tightBox(figure.snapshot(), pad: pad)
            switch ext.lowercased() {
            case "png": return try RenderedFigure.draw(figure.snapshot(), .png(dpi: dpi ?? figure.dpi), crop: crop)
            case "svg": return try RenderedFigure.draw(figure.snapshot(), .svg, crop: crop)
            case "pdf": return try RenderedFigure.draw(figure.snapshot(), .pdf, crop: crop)
            default: break
            }
        }
        switch ext.lowercased() {
        case "png": return try png(dpi: dpi)
        case "svg": return Array(svg.utf8)
        case "pdf": return try pdf()
        default:
            throw PlotError(.valueError, "Format '\(ext)' is not supported (supported formats: pdf, png, svg)")
        }
    }

    static func draw(_ figure: Figure, _ format: Canvas.Format, crop: PlotRect? = nil) throws -> [UInt8] {
        let (w, h) = figure.size
        guard let crop else {
            return try Canvas.render(format, width: w, height: h) { canvas in
                FigureRenderer(figure: figure, canvas: canvas).draw()
            }
        }
        return try Canvas.render(format, width: crop.width, height: crop.height) { canvas in
            canvas.setColor(figure.faceColor)
            canvas.rectangle(0, 0, crop.width, crop.height)
            canvas.fill()
            canvas.translate(-crop.x0, -(h - crop.y1))
            FigureRenderer(figure: figure, canvas: canvas).draw()
        }
    }

    /// The box of everything drawn (axes with their labels, legends' axes, the suptitle) plus
    /// `pad` points, in figure points (y up).
    static func tightBox(_ figure: Figure, pad: Double) throws -> PlotRect {
        var box: PlotRect?
        _ = try Canvas.render(.png(dpi: 72), width: 1, height: 1) { canvas in
            let renderer = FigureRenderer(figure: figure, canvas: canvas)
            for layout in renderer.layouts() {
                box = box.map { $0.union(layout.tightBox) } ?? layout.tightBox
            }
            if let sup = figure.suptitle, !sup.isEmpty {
                let (w, h) = figure.size
                let s = figure.suptitleStyle
                let t = PlacedText(sup, at: PlotPoint(w / 2, 0.98 * h), size: s.size, bold: s.bold, ha: .center, va: .top, on: canvas)
                box = box.map { $0.union(t.box) } ?? t.box
            }
        }
        let (w, h) = figure.size
        let b = box ?? PlotRect(x0: 0, y0: 0, x1: w, y1: h)
        return PlotRect(x0: b.x0 - pad, y0: b.y0 - pad, x1: b.x1 + pad, y1: b.y1 + pad)
    }

    /// The SVG with a summary of what was drawn appended as a comment (limits, ticks, counts),
    /// which tests compare with matplotlib's own SVG structure.
    static func svgText(_ figure: Figure) throws -> String {
        let (w, h) = figure.size
        var summary = ""
        let bytes = try Canvas.render(.svg, width: w, height: h) { canvas in
            let layouts = FigureRenderer(figure: figure, canvas: canvas).draw()
            summary = PlotSummary(layouts: layouts).text
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if let end = text.range(of: "</svg>", options: .backwards) {
            text.insert(contentsOf: "<!-- gradviz-plot\n\(summary)-->\n", at: end.lowerBound)
        }
        return text
    }
}
