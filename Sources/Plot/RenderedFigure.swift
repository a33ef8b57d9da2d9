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

    /// The figure in the format a file name's extension asks for (`.png`, `.svg`, `.pdf`).
    public func bytes(forExtension ext: String, dpi: Double?) throws -> [UInt8] {
        switch ext.lowercased() {
        case "png": return try png(dpi: dpi)
        case "svg": return Array(svg.utf8)
        case "pdf": return try pdf()
        default:
            throw PlotError(.valueError, "Format '\(ext)' is not supported (supported formats: pdf, png, svg)")
        }
    }

    static func draw(_ figure: Figure, _ format: Canvas.Format) throws -> [UInt8] {
        let (w, h) = figure.size
        return try Canvas.render(format, width: w, height: h) { canvas in
            FigureRenderer(figure: figure, canvas: canvas).draw()
        }
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
