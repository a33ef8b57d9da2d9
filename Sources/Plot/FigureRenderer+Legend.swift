import Foundation

/// The legend: one row per labelled artist (handle, then label), framed, placed at `loc`
/// or, for `'best'`, at the first of matplotlib's nine spots that covers the least data.
extension FigureRenderer {
    enum Handle {
        case line(Line2D)
        case marker(ScatterSet)
        case patch(PlotColor, edge: PlotColor?)
    }

    static func legendEntries(_ axes: Axes, labels: [String]?) -> [(Handle, String)] {
        var entries: [(Handle, String)] = []
        var k = 0
        for artist in axes.artists {
            let handle: Handle?, own: String?
            switch artist {
            case .line(let l): (handle, own) = (.line(l), l.label)
            case .reference(let r): (handle, own) = (.line(r.line), r.line.label)
            case .scatter(let s): (handle, own) = (.marker(s), s.label)
            case .fill(let f): (handle, own) = (.patch(f.color.withAlpha(f.alpha), edge: f.edgeColor), f.label)
            case .arrow(let a): (handle, own) = (.patch(a.faceColor.withAlpha(a.alpha), edge: a.edgeColor), a.label)
            case .quiver(let q): (handle, own) = (.patch(q.colors.first ?? .black, edge: nil), q.label)
            default: (handle, own) = (nil, nil)
            }
            guard let handle else { continue }
            if let labels {
                if k < labels.count { entries.append((handle, labels[k])) }
                k += 1
            } else if let own, !own.hasPrefix("_") {
                entries.append((handle, own))
            }
        }
        return entries
    }

    func drawLegend(_ spec: LegendSpec, _ layout: AxesLayout) {
        let entries = FigureRenderer.legendEntries(layout.axes, labels: spec.labels)
        guard !entries.isEmpty else { return }
        let fs = spec.fontSize
        let sizes = entries.map { canvas.measure($0.1, size: fs) }
        let rowHeights = sizes.map { max($0.height, 0.7 * fs) }
        let textWidth = sizes.map(\.width).max() ?? 0
        let borderPad = 0.4 * fs, handleLength = 2.0 * fs, handleTextPad = 0.8 * fs, labelSpacing = 0.5 * fs
        var titleSize: Canvas.TextSize?
        if let title = spec.title, !title.isEmpty { titleSize = canvas.measure(title, size: fs) }
        let contentWidth = max(handleLength + handleTextPad + textWidth, titleSize?.width ?? 0)
        let width = contentWidth + 2 * borderPad
        var boxHeight = rowHeights.reduce(0, +) + labelSpacing * Double(entries.count - 1) + 2 * borderPad
        if let titleSize { boxHeight += titleSize.height + labelSpacing }
        let box = layout.transform.box
        let origin = legendOrigin(spec, width: width, height: boxHeight, box: box, layout: layout)
        let frame = PlotRect(x0: origin.x, y0: origin.y, x1: origin.x + width, y1: origin.y + boxHeight)
        if spec.frameOn {
            roundedRect(frame, radius: 0.2 * fs)
            canvas.setColor(PlotColor(1, 1, 1, 0.8))
            canvas.fillPreserve()
            canvas.setColor(PlotColor(0.8, 0.8, 0.8, 0.8))
            canvas.setLineWidth(1)
            canvas.setDash([])
            canvas.stroke()
        }
        var y = frame.y1 - borderPad
        if let title = spec.title, let titleSize {
            PlacedText(title, at: PlotPoint((frame.x0 + frame.x1) / 2, y), size: fs, ha: .center, va: .top, on: canvas)
                .draw(on: canvas, height: self.height)
            y -= titleSize.height + labelSpacing
        }
        for (k, (handle, label)) in entries.enumerated() {
            let rowTop = y, rowH = rowHeights[k]
            let hx = frame.x0 + borderPad
            let handleMid = rowTop - rowH / 2
            drawHandle(handle, x: hx, y: handleMid, length: handleLength, height: 0.7 * fs)
            PlacedText(label, at: PlotPoint(hx + handleLength + handleTextPad, rowTop - rowH + sizes[k].descent), size: fs,
                       ha: .left, va: .baseline, on: canvas).draw(on: canvas, height: self.height)
            y -= rowH + labelSpacing
        }
    }


    func roundedRect(_ r: PlotRect, radius: Double) {
        let x0 = r.x0, x1 = r.x1, y0 = height - r.y1, y1 = height - r.y0
        let k = 0.5523 * radius
        canvas.newPath()
        canvas.move(x0 + radius, y0)
        canvas.line(x1 - radius, y0)
        canvas.curve(x1 - radius + k, y0, x1, y0 + radius - k, x1, y0 + radius)
        canvas.line(x1, y1 - radius)
        canvas.curve(x1, y1 - radius + k, x1 - radius + k, y1, x1 - radius, y1)
        canvas.line(x0 + radius, y1)
        canvas.curve(x0 + radius - k, y1, x0, y1 - radius + k, x0, y1 - radius)
        canvas.line(x0, y0 + radius)
        canvas.curve(x0, y0 + radius - k, x0 + radius - k, y0, x0 + radius, y0)
        canvas.close()
    }

    func drawHandle(_ handle: Handle, x: Double, y: Double, length: Double, height h: Double) {
        switch handle {
        case .line(let l):
            var plain = l
            plain.marker = nil
            drawLine(plain, points: [PlotPoint(x, y), PlotPoint(x + length, y)])
            if let m = l.marker {
                drawMarker(m, size: l.markerSize, at: PlotPoint(x + length / 2, y), face: (l.markerFaceColor ?? l.color).withAlpha(l.alpha),
                           edge: (l.markerEdgeColor ?? l.color).withAlpha(l.alpha), edgeWidth: l.markerEdgeWidth)
            }
        case .marker(let s):
            let face = s.colors.first?.withAlpha(s.alpha) ?? .black
            let edge = s.edgeColors.map { $0.first?.withAlpha(s.alpha) } ?? face
            drawMarker(s.marker, size: max(s.sizes.first ?? 36, 0).squareRoot(), at: PlotPoint(x + length / 2, y),
                       face: s.marker.isFilled ? face : nil, edge: edge ?? (s.marker.isFilled ? nil : face), edgeWidth: s.lineWidth)
        case .patch(let color, let edge):
            canvas.rectangle(x, self.height - (y + h / 2), length, h)
            canvas.setColor(color)
            canvas.fillPreserve()
            if let edge {
                canvas.setColor(edge)
                canvas.setLineWidth(1)
                canvas.stroke()
            } else {
                canvas.newPath()
            }
        }
    }

    /// The lower-left corner of the legend box.
    func legendOrigin(_ spec: LegendSpec, width: Double, height: Double, box: PlotRect, layout: AxesLayout) -> PlotPoint {
        let pad = 0.5 * spec.fontSize
        if let (ax, ay) = spec.anchor {
            let p = layout.transform.axes(ax, ay)
            let code = spec.location == 0 ? 1 : spec.location
            let container = PlotRect(x0: p.x, y0: p.y, x1: p.x, y1: p.y)
            return FigureRenderer.anchored(code, width, height, container, pad: pad)
        }
        let container = box
        if spec.location != 0 { return FigureRenderer.anchored(spec.location, width, height, container, pad: pad) }
        let t = layout.transform
        var vertices: [PlotPoint] = [], polylines: [[PlotPoint]] = []
        for artist in layout.axes.artists {
            switch artist {
            case .line(let l):
                let pts = zip(l.xs, l.ys).map { t.apply($0, $1) }
                vertices += pts
                polylines.append(pts)
            case .reference(let r):
                let pts: [PlotPoint] = r.orientation == .horizontal
                    ? [PlotPoint(t.axes(r.from, 0).x, t.apply(t.x.low, r.value).y), PlotPoint(t.axes(r.to, 0).x, t.apply(t.x.low, r.value).y)]
                    : [PlotPoint(t.apply(r.value, t.y.low).x, t.axes(0, r.from).y), PlotPoint(t.apply(r.value, t.y.low).x, t.axes(0, r.to).y)]
                vertices += pts
                polylines.append(pts)
            case .scatter(let s): vertices += zip(s.xs, s.ys).map { t.apply($0, $1) }
            case .quiver(let q): vertices += zip(q.xs, q.ys).map { t.apply($0, $1) }
            case .fill(let f):
                let top = zip(f.xs, f.y1).map { t.apply($0, $1) }, bottom = zip(f.xs, f.y2).map { t.apply($0, $1) }
                polylines += [top, bottom]
            default: break
            }
        }
        var best: (Int, Int, PlotPoint)?
        for code in 1...10 {
            let o = FigureRenderer.anchored(code, width, height, container, pad: pad)
            let r = PlotRect(x0: o.x, y0: o.y, x1: o.x + width, y1: o.y + height)
            var badness = vertices.filter { $0.x > r.x0 && $0.x < r.x1 && $0.y > r.y0 && $0.y < r.y1 }.count
            for line in polylines where FigureRenderer.intersects(line, r) { badness += 1 }
            if badness == 0 { return o }
            if best == nil || badness < best!.0 { best = (badness, code, o) }
        }
        return best?.2 ?? PlotPoint(box.x1 - width - pad, box.y1 - height - pad)
    }

    /// `offsetbox._get_anchored_bbox` for location codes 1 … 10 inside `container` less `pad`.
    static func anchored(_ code: Int, _ w: Double, _ h: Double, _ container: PlotRect, pad: Double) -> PlotPoint {
        let c = PlotRect(x0: container.x0 + pad, y0: container.y0 + pad, x1: container.x1 - pad, y1: container.y1 - pad)
        let left = c.x0, right = c.x1 - w, cx = (c.x0 + c.x1) / 2 - w / 2
        let bottom = c.y0, top = c.y1 - h, cy = (c.y0 + c.y1) / 2 - h / 2
        switch code {
        case 1: return PlotPoint(right, top)
        case 2: return PlotPoint(left, top)
        case 3: return PlotPoint(left, bottom)
        case 4: return PlotPoint(right, bottom)
        case 5, 7: return PlotPoint(right, cy)
        case 6: return PlotPoint(left, cy)
        case 8: return PlotPoint(cx, bottom)
        case 9: return PlotPoint(cx, top)
        default: return PlotPoint(cx, cy)
        }
    }

    /// Whether a polyline passes through a rectangle (a vertex inside or a segment crossing it).
    static func intersects(_ line: [PlotPoint], _ r: PlotRect) -> Bool {
        func inside(_ p: PlotPoint) -> Bool { p.x > r.x0 && p.x < r.x1 && p.y > r.y0 && p.y < r.y1 }
        func cross(_ a: PlotPoint, _ b: PlotPoint, _ c: PlotPoint, _ d: PlotPoint) -> Bool {
            func orient(_ p: PlotPoint, _ q: PlotPoint, _ s: PlotPoint) -> Double { (q.x - p.x) * (s.y - p.y) - (q.y - p.y) * (s.x - p.x) }
            return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0
        }
        let corners = [PlotPoint(r.x0, r.y0), PlotPoint(r.x1, r.y0), PlotPoint(r.x1, r.y1), PlotPoint(r.x0, r.y1)]
        for k in 0..<max(line.count - 1, 0) {
            let a = line[k], b = line[k + 1]
            guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { continue }
            if inside(a) || inside(b) { return true }
            for e in 0..<4 where cross(a, b, corners[e], corners[(e + 1) % 4]) { return true }
        }
        return false
    }
}
