import Foundation

/// Drawing the artists inside an axes (clipped to its box, but texts).
extension FigureRenderer {
    func drawArtist(_ artist: Artist, _ layout: AxesLayout) {
        let t = layout.transform, box = t.box
        if case .text(let text) = artist {
            drawText(text, t)
            return
        }
        canvas.save()
        canvas.clip(box.x0, height - box.y1, box.width, box.height)
        switch artist {
        case .line(let l): drawLine(l, points: zip(l.xs, l.ys).map { t.apply($0, $1) })
        case .reference(let r):
            let pts: [PlotPoint] = r.orientation == .horizontal
                ? [PlotPoint(t.axes(r.from, 0).x, t.apply(t.x.low, r.value).y), PlotPoint(t.axes(r.to, 0).x, t.apply(t.x.low, r.value).y)]
                : [PlotPoint(t.apply(r.value, t.y.low).x, t.axes(0, r.from).y), PlotPoint(t.apply(r.value, t.y.low).x, t.axes(0, r.to).y)]
            drawLine(r.line, points: pts)
        case .scatter(let s): drawScatter(s, t)
        case .fill(let f): drawFill(f, t)
        case .quiver(let q):
            let extent = layout.axes.dataLimits
            let ext = (extent.x + extent.y).map(abs).max() ?? 1
            for (k, poly) in q.polygons(t, dpi: figure.dpi, dataExtent: ext).enumerated() {
                canvas.setColor(q.colors[k % max(q.colors.count, 1)].withAlpha(q.alpha))
                path(poly, closed: true)
                canvas.fill()
            }
        case .contour(let c): drawContour(c, t)
        case .image(let img):
            let (l, r, b, tp) = img.extent
            let p0 = t.apply(l, tp), p1 = t.apply(r, b)
            var cells = (0..<img.values.count).map { row in (0..<(img.values[row].count)).map { img.color(row, $0).withAlpha(img.alpha) } }
            if !img.originUpper { cells.reverse() }
            // Rows run from the top of the extent down; flip when the y axis runs the other way.
            if p0.y < p1.y { cells.reverse() }
            var columnsFlipped = false
            if p0.x > p1.x { columnsFlipped = true }
            if columnsFlipped { cells = cells.map { $0.reversed() } }
            canvas.image(cells, x: min(p0.x, p1.x), y: height - max(p0.y, p1.y), width: abs(p1.x - p0.x), height: abs(p1.y - p0.y))
        case .arrow(let a):
            path(a.vertices.map { t.apply($0) }, closed: true)
            canvas.setColor(a.faceColor.withAlpha(a.alpha))
            canvas.fillPreserve()
            canvas.setColor(a.edgeColor.withAlpha(a.alpha))
            canvas.setLineWidth(a.lineWidth)
            canvas.setDash([])
            canvas.setJoin(.miter)
            canvas.stroke()
        case .text: break
        }
        canvas.restore()
    }

    func path(_ points: [PlotPoint], closed: Bool) {
        canvas.newPath()
        for (k, p) in points.enumerated() {
            if k == 0 { canvas.move(p.x, height - p.y) } else { canvas.line(p.x, height - p.y) }
        }
        if closed { canvas.close() }
    }

    func drawLine(_ l: Line2D, points: [PlotPoint]) {
        let color = l.color.withAlpha(l.alpha)
        if l.lineStyle != .none && l.lineWidth > 0 {
            canvas.newPath()
            var pen = false
            for p in points {
                guard p.x.isFinite && p.y.isFinite else { pen = false; continue }
                if pen { canvas.line(p.x, height - p.y) } else { canvas.move(p.x, height - p.y) }
                pen = true
            }
            canvas.setColor(color)
            canvas.setLineWidth(l.lineWidth)
            canvas.setDash(l.lineStyle.dashes(width: l.lineWidth))
            canvas.setCap(l.lineStyle == .solid ? .square : .butt)
            canvas.setJoin(.round)
            canvas.stroke()
        }
        if let m = l.marker {
            let face = (l.markerFaceColor ?? l.color).withAlpha(l.alpha)
            let edge = (l.markerEdgeColor ?? l.color).withAlpha(l.alpha)
            for p in points where p.x.isFinite && p.y.isFinite {
                drawMarker(m, size: l.markerSize, at: p, face: face, edge: edge, edgeWidth: l.markerEdgeWidth)
            }
        }
    }

    func drawMarker(_ m: MarkerShape, size: Double, at p: PlotPoint, face: PlotColor?, edge: PlotColor?, edgeWidth: Double) {
        let (x, y) = px(p)
        canvas.newPath()
        canvas.setDash([])
        canvas.setJoin(.miter)
        canvas.setCap(.butt)
        switch m.outline(size: size) {
        case .circle(let r): canvas.circle(x, y, r)
        case .polygon(let pts):
            for (k, q) in pts.enumerated() {
                if k == 0 { canvas.move(x + q.x, y - q.y) } else { canvas.line(x + q.x, y - q.y) }
            }
            canvas.close()
        case .strokes(let pairs):
            for (a, b) in pairs {
                canvas.move(x + a.x, y - a.y)
                canvas.line(x + b.x, y - b.y)
            }
            canvas.setColor(edge ?? face ?? .black)
            canvas.setLineWidth(edgeWidth)
            canvas.stroke()
            return
        }
        if let face {
            canvas.setColor(face)
            if edge != nil && edgeWidth > 0 { canvas.fillPreserve() } else { canvas.fill() }
        }
        if let edge, edgeWidth > 0 {
            canvas.setColor(edge)
            canvas.setLineWidth(edgeWidth)
            canvas.stroke()
        }
        canvas.newPath()
    }

    func drawScatter(_ s: ScatterSet, _ t: DataTransform) {
        for k in 0..<min(s.xs.count, s.ys.count) {
            let p = t.apply(s.xs[k], s.ys[k])
            guard p.x.isFinite && p.y.isFinite else { continue }
            let area = s.sizes[k % max(s.sizes.count, 1)]
            let face = s.colors[k % max(s.colors.count, 1)].withAlpha(s.alpha)
            let edge = s.edgeColors.map { $0.isEmpty ? nil : $0[k % $0.count].withAlpha(s.alpha) } ?? face
            drawMarker(s.marker, size: max(area, 0).squareRoot(), at: p, face: s.marker.isFilled ? face : nil,
                       edge: edge ?? (s.marker.isFilled ? nil : face), edgeWidth: s.lineWidth)
        }
    }

    func drawFill(_ f: FillBetween, _ t: DataTransform) {
        let n = min(f.xs.count, f.y1.count, f.y2.count)
        var runs: [Range<Int>] = []
        var start: Int?
        for k in 0..<n {
            let on = (f.mask.map { k < $0.count ? $0[k] : false } ?? true) && f.xs[k].isFinite && f.y1[k].isFinite && f.y2[k].isFinite
            if on && start == nil { start = k }
            if !on, let s = start { runs.append(s..<k); start = nil }
        }
        if let s = start { runs.append(s..<n) }
        canvas.newPath()
        for run in runs {
            let top = run.map { t.apply(f.xs[$0], f.y1[$0]) }
            let bottom = run.reversed().map { t.apply(f.xs[$0], f.y2[$0]) }
            for (k, p) in (top + bottom).enumerated() {
                if k == 0 { canvas.move(p.x, height - p.y) } else { canvas.line(p.x, height - p.y) }
            }
            canvas.close()
        }
        canvas.setColor(f.color.withAlpha(f.alpha))
        canvas.fillPreserve()
        canvas.setColor((f.edgeColor ?? f.color).withAlpha(f.alpha))
        canvas.setLineWidth(f.edgeColor == nil ? 0.0001 : 1)
        canvas.setDash([])
        if f.edgeColor != nil { canvas.stroke() } else { canvas.newPath() }
    }

    func drawContour(_ c: ContourSet, _ t: DataTransform) {
        if c.filled {
            canvas.setAntialias(false)
            defer { canvas.setAntialias(true) }
            for (k, band) in c.bands.enumerated() {
                canvas.newPath()
                for poly in band {
                    for (i, p) in poly.enumerated() {
                        let q = t.apply(p)
                        if i == 0 { canvas.move(q.x, height - q.y) } else { canvas.line(q.x, height - q.y) }
                    }
                    canvas.close()
                }
                canvas.setColor(c.colors[k].withAlpha(c.alpha))
                canvas.fill()
            }
        } else {
            for (k, lines) in c.paths.enumerated() {
                let width = c.lineWidths[k % max(c.lineWidths.count, 1)]
                canvas.newPath()
                for line in lines {
                    for (i, p) in line.enumerated() {
                        let q = t.apply(p)
                        if i == 0 { canvas.move(q.x, height - q.y) } else { canvas.line(q.x, height - q.y) }
                    }
                }
                canvas.setColor(c.colors[k].withAlpha(c.alpha))
                canvas.setLineWidth(width)
                canvas.setDash(c.style(ofLevel: k).dashes(width: width))
                canvas.setCap(.butt)
                canvas.setJoin(.round)
                canvas.stroke()
            }
        }
        // Labels are texts, drawn outside the axes' clip (the caller's restore stays balanced).
        canvas.restore()
        canvas.save()
        for label in c.labels {
            PlacedText(label.text, at: t.apply(label.position), size: label.size, color: label.color, rotation: label.rotation,
                       ha: .center, va: .center, on: canvas).draw(on: canvas, height: height)
        }
    }
}
