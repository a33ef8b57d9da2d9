import CCairo
import Foundation

/// The one place that talks to cairo and pango: surfaces for SVG, PNG and PDF, paths,
/// text layout and measurement. Every cairo/pango object is created and released here,
/// each release in a `defer` beside its creation; a failed surface reports cairo's status.
///
/// Coordinates are figure points with y down (cairo's convention); the renderer flips.
final class Canvas {
    /// The output being drawn.
    enum Format {
        case svg, pdf
        case png(dpi: Double)
    }

    private let cr: OpaquePointer
    private let pango: OpaquePointer

    private init(cr: OpaquePointer, pango: OpaquePointer) {
        self.cr = cr
        self.pango = pango
    }

    /// Draws a `width` × `height` points picture with `draw` and returns the file's bytes.
    static func render(_ format: Format, width: Double, height: Double, _ draw: (Canvas) throws -> Void) throws -> [UInt8] {
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        let surface: OpaquePointer?
        var scale = 1.0
        switch format {
        case .svg:
            surface = cairo_svg_surface_create_for_stream(write, closure, width, height)
            if let surface { cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT) }
        case .pdf:
            surface = cairo_pdf_surface_create_for_stream(write, closure, width, height)
        case .png(let dpi):
            scale = dpi / 72
            let pixels = (width * scale).rounded(.up) * (height * scale).rounded(.up)
            guard pixels.isFinite, pixels <= 50_000_000, width * scale <= 20_000, height * scale <= 20_000 else {
                throw PlotError(.valueError, "gradviz: a \(safeInt(width * scale))×\(safeInt(height * scale)) pixel image is too large to draw (at most 50 million pixels)")
            }
            let w = Int32(max(1, (width * scale).rounded(.up)))
            let h = Int32(max(1, (height * scale).rounded(.up)))
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)
        }
        guard let surface else { throw PlotError(.runtimeError, "cairo: could not create a surface") }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface))
        guard let cr = cairo_create(surface) else { throw PlotError(.runtimeError, "cairo: could not create a context") }
        defer { cairo_destroy(cr) }
        cairo_scale(cr, scale, scale)
        guard let pango = pango_cairo_create_context(cr) else { throw PlotError(.runtimeError, "pango: could not create a context") }
        defer { g_object_unref(UnsafeMutableRawPointer(pango)) }
        pango_cairo_context_set_resolution(pango, 72)
        guard let options = cairo_font_options_create() else { throw PlotError(.runtimeError, "cairo: out of memory") }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(pango, options)
        let canvas = Canvas(cr: cr, pango: pango)
        try draw(canvas)
        try check(cairo_status(cr))
        cairo_surface_flush(surface)
        if case .png = format {
            try check(cairo_surface_write_to_png_stream(surface, write, closure))
        } else {
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface))
        }
        return sink.bytes
    }

    private static func check(_ status: cairo_status_t) throws {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw PlotError(.runtimeError, "cairo: " + String(cString: cairo_status_to_string(status)))
    }

    // MARK: Paths

    func setColor(_ c: PlotColor) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a) }
    func setLineWidth(_ w: Double) { cairo_set_line_width(cr, w) }

    func setDash(_ pattern: [Double], offset: Double = 0) {
        pattern.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), offset) }
    }

    enum Cap { case butt, round, square }
    enum Join { case miter, round, bevel }

    func setCap(_ cap: Cap) {
        switch cap {
        case .butt: cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        case .round: cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        case .square: cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        }
    }

    func setJoin(_ join: Join) {
        switch join {
        case .miter: cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        case .round: cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        case .bevel: cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL)
        }
    }

    func move(_ x: Double, _ y: Double) { cairo_move_to(cr, x, y) }
    func line(_ x: Double, _ y: Double) { cairo_line_to(cr, x, y) }
    func curve(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x3: Double, _ y3: Double) {
        cairo_curve_to(cr, x1, y1, x2, y2, x3, y3)
    }
    func close() { cairo_close_path(cr) }
    func newPath() { cairo_new_path(cr) }
    func rectangle(_ x: Double, _ y: Double, _ w: Double, _ h: Double) { cairo_rectangle(cr, x, y, w, h) }
    func circle(_ x: Double, _ y: Double, _ r: Double) {
        cairo_new_sub_path(cr)
        cairo_arc(cr, x, y, r, 0, 2 * Double.pi)
        cairo_close_path(cr)
    }

    /// Antialiasing of fills and strokes (off for filled contours, whose bands would
    /// otherwise show hairline seams, as matplotlib draws them).
    func setAntialias(_ on: Bool) { cairo_set_antialias(cr, on ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE) }

    func stroke() { cairo_stroke(cr) }
    func fill() { cairo_fill(cr) }
    func fillPreserve() { cairo_fill_preserve(cr) }
    func save() { cairo_save(cr) }
    func translate(_ dx: Double, _ dy: Double) { cairo_translate(cr, dx, dy) }
    func restore() { cairo_restore(cr) }

    /// Restricts drawing to a rectangle until the matching `restore`.
    func clip(_ x: Double, _ y: Double, _ w: Double, _ h: Double) {
        cairo_rectangle(cr, x, y, w, h)
        cairo_clip(cr)
    }

    // MARK: Images

    /// Draws `cells` (rows of colours) stretched over the rectangle, each cell one block.
    func image(_ cells: [[PlotColor]], x: Double, y: Double, width: Double, height: Double) {
        let rows = cells.count, cols = cells.first?.count ?? 0
        guard rows > 0, cols > 0, let img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(cols), Int32(rows)) else { return }
        defer { cairo_surface_destroy(img) }
        cairo_surface_flush(img)
        let stride = Int(cairo_image_surface_get_stride(img))
        guard let data = cairo_image_surface_get_data(img) else { return }
        for r in 0..<rows {
            for c in 0..<min(cols, cells[r].count) {
                let col = cells[r][c]
                let a = max(0, min(1, col.a))
                let px = UInt32((a * 255).rounded()) << 24 | UInt32((col.r * a * 255).rounded()) << 16
                    | UInt32((col.g * a * 255).rounded()) << 8 | UInt32((col.b * a * 255).rounded())
                (data + r * stride + 4 * c).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee = px }
            }
        }
        cairo_surface_mark_dirty(img)
        cairo_save(cr)
        cairo_translate(cr, x, y)
        cairo_scale(cr, width / Double(cols), height / Double(rows))
        cairo_set_source_surface(cr, img, 0, 0)
        if let pattern = cairo_get_source(cr) { cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST) }
        cairo_rectangle(cr, 0, 0, Double(cols), Double(rows))
        cairo_fill(cr)
        cairo_restore(cr)
    }

    // MARK: Text

    /// A laid-out string's size in points: advance width, ascent above and descent below the baseline.
    struct TextSize {
        var width: Double
        var ascent: Double
        var descent: Double
        var height: Double { ascent + descent }
    }

    private func withLayout<T>(_ text: String, size: Double, bold: Bool, _ body: (OpaquePointer) -> T) -> T {
        let layout = pango_layout_new(pango)!
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let font = pango_font_description_from_string("DejaVu Sans")!
        defer { pango_font_description_free(font) }
        pango_font_description_set_absolute_size(font, Canvas.fontSize(size) * Double(PANGO_SCALE))
        if bold { pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD) }
        pango_layout_set_font_description(layout, font)
        // Lines with $…$ are matplotlib mathtext: drawn from pango markup.
        if let markup = MathText.markup(text, size: Canvas.fontSize(size)) {
            pango_layout_set_markup(layout, markup, -1)
        } else {
            pango_layout_set_text(layout, text, -1)
        }
        return body(layout)
    }

    /// Font sizes from lessons, kept to what pango can lay out (0.1 … 1000 points).
    static func fontSize(_ size: Double) -> Double {
        size.isFinite ? min(max(size, 0.1), 1000) : 10
    }

    /// The size of `text` as matplotlib measures it: the logical width, and the height of
    /// "lp" (ascender to descender) so that labels of different glyphs line up.
    func measure(_ text: String, size: Double, bold: Bool = false) -> TextSize {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let lp = withLayout("lp", size: size, bold: bold) { layout -> TextSize in
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_get_extents(layout, &ink, &logical)
            let baseline = Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE)
            let top = Double(ink.y) / Double(PANGO_SCALE), bottom = Double(ink.y + ink.height) / Double(PANGO_SCALE)
            return TextSize(width: 0, ascent: baseline - top, descent: bottom - baseline)
        }
        var width = 0.0
        for line in lines {
            width = max(width, withLayout(String(line), size: size, bold: bold) { layout -> Double in
                var ink = PangoRectangle(), logical = PangoRectangle()
                pango_layout_get_extents(layout, &ink, &logical)
                return Double(logical.width) / Double(PANGO_SCALE)
            })
        }
        let lineStep = size * 1.2
        return TextSize(width: width, ascent: lp.ascent + Double(lines.count - 1) * lineStep, descent: lp.descent)
    }

    /// Draws `text` with its baseline's left end at the origin after moving to (x, y) and
    /// rotating by `degrees` counter-clockwise; `dx`, `dy` shift it in the rotated frame.
    func text(_ text: String, size: Double, bold: Bool = false, color: PlotColor, x: Double, y: Double,
              degrees: Double, dx: Double, dy: Double, align: HAlign = .left) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let block = measure(text, size: size, bold: bold)
        cairo_save(cr)
        cairo_translate(cr, x, y)
        cairo_rotate(cr, -degrees * Double.pi / 180)
        setColor(color)
        for (k, line) in lines.enumerated() {
            withLayout(String(line), size: size, bold: bold) { layout in
                pango_cairo_update_layout(cr, layout)
                let baseline = Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE)
                var ink = PangoRectangle(), logical = PangoRectangle()
                pango_layout_get_extents(layout, &ink, &logical)
                let w = Double(logical.width) / Double(PANGO_SCALE)
                let shift: Double
                switch align {
                case .left: shift = 0
                case .center: shift = (block.width - w) / 2
                case .right: shift = block.width - w
                }
                let lineY = dy - Double(lines.count - 1 - k) * size * 1.2
                cairo_move_to(cr, dx + shift, lineY - baseline)
                pango_cairo_show_layout(cr, layout)
            }
        }
        cairo_restore(cr)
    }
}

/// Collects what cairo writes to a stream.
private final class ByteSink {
    var bytes: [UInt8] = []
}
