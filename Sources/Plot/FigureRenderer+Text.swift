import Foundation

/// `text` and `annotate`: the text, an optional box behind it, and the annotation arrow.
extension FigureRenderer {
    func resolve(_ p: Placement, _ t: DataTransform, relativeTo target: PlotPoint? = nil) -> PlotPoint {
        switch p {
        case .data(let x, let y): return t.apply(x, y)
        case .axesFraction(let x, let y): return t.axes(x, y)
        case .figureFraction(let x, let y): return PlotPoint(x * figure.size.0, y * figure.size.1)
        case .offsetPoints(let dx, let dy):
            let base = target ?? t.axes(0, 0)
            return PlotPoint(base.x + dx, base.y + dy)
        }
    }

    func drawText(_ text: TextArtist, _ t: DataTransform) {
        let target = text.target.map { resolve($0, t) }
        let anchor = resolve(text.position, t, relativeTo: target)
        guard anchor.x.isFinite && anchor.y.isFinite else { return }
        let s = text.style
        let placed = PlacedText(text.text, at: anchor, size: s.size, bold: s.bold, color: s.color.withAlpha(s.alpha),
                                rotation: text.rotation, ha: text.ha, va: text.va, on: canvas)
        if let target, let arrow = text.arrow, target.x.isFinite, target.y.isFinite {
            drawAnnotationArrow(arrow, from: placed.box, to: target)
        }
        if let face = text.boxColor {
            let pad = 0.3 * s.size
            let b = placed.box
            canvas.rectangle(b.x0 - pad, height - b.y1 - pad, b.width + 2 * pad, b.height + 2 * pad)
            canvas.setColor(face)
            canvas.fill()
        }
        placed.draw(on: canvas, height: height)
    }

    /// The arrow from the text's box (its centre, clipped to the box edge) to the target.
    func drawAnnotationArrow(_ arrow: ArrowProps, from box: PlotRect, to target: PlotPoint) {
        let centre = PlotPoint((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
        var dx = target.x - centre.x, dy = target.y - centre.y
        let full = hypot(dx, dy)
        guard full > 0 else { return }
        dx /= full
        dy /= full
        // Leave the text's box: the distance along the direction to the box edge.
        let hx = box.width / 2, hy = box.height / 2
        let exit = min(dx != 0 ? hx / abs(dx) : .infinity, dy != 0 ? hy / abs(dy) : .infinity)
        var startDist = exit.isFinite ? exit : 0
        var endDist = full
        if let style = arrow.style {
            startDist += 2
            endDist -= 2
            guard endDist > startDist else { return }
            let a = PlotPoint(centre.x + dx * startDist, centre.y + dy * startDist)
            let b = PlotPoint(centre.x + dx * endDist, centre.y + dy * endDist)
            canvas.setColor(arrow.color)
            canvas.setLineWidth(arrow.lineWidth)
            canvas.setDash([])
            canvas.setCap(.butt)
            canvas.setJoin(.miter)
            let headLength = 0.4 * 10, headWidth = 0.2 * 10
            let filled = style.contains("|>")
            func head(at tip: PlotPoint, back ux: Double, _ uy: Double) {
                let base = PlotPoint(tip.x - ux * headLength, tip.y - uy * headLength)
                let l = PlotPoint(base.x - uy * headWidth, base.y + ux * headWidth)
                let r = PlotPoint(base.x + uy * headWidth, base.y - ux * headWidth)
                path([l, tip, r], closed: filled)
                if filled { canvas.fillPreserve() }
                canvas.stroke()
            }
            path([a, b], closed: false)
            canvas.stroke()
            if style.hasSuffix(">") { head(at: b, back: dx, dy) }
            if style.hasPrefix("<") { head(at: a, back: -dx, -dy) }
            return
        }
        // The filled "simple" arrow of arrowprops=dict(facecolor=…, shrink=…).
        let shrink = arrow.shrink * (endDist - startDist)
        startDist += shrink
        endDist -= shrink
        guard endDist > startDist else { return }
        let length = endDist - startDist
        let hl = min(arrow.headLength, length), hw = arrow.headWidth / 2, w = arrow.width / 2
        let local: [(Double, Double)] = [(0, w), (length - hl, w), (length - hl, hw), (length, 0),
                                         (length - hl, -hw), (length - hl, -w), (0, -w)]
        let pts = local.map { PlotPoint(centre.x + dx * (startDist + $0.0) - dy * $0.1, centre.y + dy * (startDist + $0.0) + dx * $0.1) }
        path(pts, closed: true)
        canvas.setColor(arrow.color)
        canvas.fillPreserve()
        canvas.setLineWidth(1)
        canvas.setJoin(.miter)
        canvas.stroke()
    }
}
