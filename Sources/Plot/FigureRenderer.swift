import Foundation

/// Draws a figure onto a canvas in matplotlib's default style: layout (with `tight_layout`
/// when asked), then each axes — background, artists in z-order, grid, ticks, spines,
/// labels, legend — then the suptitle.
struct FigureRenderer {
    let figure: Figure
    let canvas: Canvas
    var height: Double { figure.size.1 }

    /// Lays out every axes (fitting the subplot parameters first under `tight_layout`).
    func layouts() -> [AxesLayout] {
        if figure.tightLayout {
            TightLayout.apply(to: figure, canvas: canvas)
        }
        return figure.axes.map { AxesLayout($0, figureSize: figure.size, canvas: canvas) }
    }

    /// Draws the whole figure; returns the layouts used (for the summary).
    @discardableResult
    func draw() -> [AxesLayout] {
        let (w, h) = figure.size
        canvas.setColor(figure.faceColor)
        canvas.rectangle(0, 0, w, h)
        canvas.fill()
        let all = layouts()
        for layout in all { drawAxes(layout) }
        if let sup = figure.suptitle, !sup.isEmpty {
            let s = figure.suptitleStyle
            PlacedText(sup, at: PlotPoint(w / 2, 0.98 * h), size: s.size, bold: s.bold, color: s.color, ha: .center, va: .top, on: canvas)
                .draw(on: canvas, height: h)
        }
        return all
    }

    /// Figure points (y up) to cairo (y down).
    func px(_ p: PlotPoint) -> (Double, Double) { (p.x, height - p.y) }

    func drawAxes(_ layout: AxesLayout) {
        let a = layout.axes, t = layout.transform, box = t.box
        if a.axisOn {
            canvas.setColor(.white)
            canvas.rectangle(box.x0, height - box.y1, box.width, box.height)
            canvas.fill()
        }
        if let bar = a.colorbar {
            drawColorbar(bar, layout)
            return
        }
        let sorted = a.artists.enumerated().sorted { ($0.element.zorder, $0.offset) < ($1.element.zorder, $1.offset) }
        var decorated = false
        for (_, artist) in sorted {
            if !decorated && artist.zorder > 1.5 {
                drawGridAndTicks(layout)
                decorated = true
            }
            drawArtist(artist, layout)
        }
        if !decorated { drawGridAndTicks(layout) }
        if a.axisOn { drawSpines(box) }
        for text in layout.texts { text.draw(on: canvas, height: height) }
        if let legend = a.legend { drawLegend(legend, layout) }
    }

    /// The colour scale, its outline, ticks on the right and the labels.
    func drawColorbar(_ bar: Colorbar, _ layout: AxesLayout) {
        let t = layout.transform, box = t.box
        switch bar.scale {
        case .bands(let levels, let colors):
            canvas.setAntialias(false)
            for k in 0..<min(levels.count - 1, colors.count) {
                let lo = t.apply(0, levels[k]).y, hi = t.apply(0, levels[k + 1]).y
                canvas.rectangle(box.x0, height - max(lo, hi), box.width, abs(hi - lo))
                canvas.setColor(colors[k])
                canvas.fill()
            }
            canvas.setAntialias(true)
        case .lines(let levels, let colors):
            for (k, v) in levels.enumerated() where k < colors.count {
                let y = height - t.apply(0, v).y
                canvas.move(box.x0, y)
                canvas.line(box.x1, y)
                canvas.setColor(colors[k])
                canvas.setLineWidth(1.5)
                canvas.setDash([])
                canvas.stroke()
            }
        case .continuous(let cmap, _, _):
            let cells = (0..<256).reversed().map { [cmap.color(at: (Double($0) + 0.5) / 256)] }
            canvas.image(cells, x: box.x0, y: height - box.y1, width: box.width, height: box.height)
        }
        drawSpines(box)
        canvas.setColor(.black)
        canvas.setLineWidth(0.8)
        canvas.setCap(.butt)
        for v in layout.yTicks.positions {
            let y = height - t.apply(0, v).y
            canvas.move(box.x1, y)
            canvas.line(box.x1 + AxesLayout.tickLength, y)
        }
        canvas.stroke()
        for text in layout.texts { text.draw(on: canvas, height: height) }
    }

    func drawSpines(_ box: PlotRect) {
        canvas.setColor(.black)
        canvas.setLineWidth(0.8)
        canvas.setDash([])
        canvas.setCap(.square)
        canvas.setJoin(.miter)
        canvas.rectangle(box.x0, height - box.y1, box.width, box.height)
        canvas.stroke()
    }

    func drawGridAndTicks(_ layout: AxesLayout) {
        let a = layout.axes, t = layout.transform, box = t.box
        guard a.axisOn else { return }
        canvas.setCap(.butt)
        if let g = a.grid {
            canvas.setColor(g.color.withAlpha(g.alpha))
            canvas.setLineWidth(g.lineWidth)
            canvas.setDash(g.lineStyle.dashes(width: g.lineWidth))
            if g.xAxis {
                for v in layout.xTicks.positions {
                    let x = t.apply(v, t.y.low).x
                    canvas.move(x, height - box.y0)
                    canvas.line(x, height - box.y1)
                }
            }
            if g.yAxis {
                for v in layout.yTicks.positions {
                    let y = height - t.apply(t.x.low, v).y
                    canvas.move(box.x0, y)
                    canvas.line(box.x1, y)
                }
            }
            canvas.stroke()
        }
        canvas.setColor(.black)
        canvas.setLineWidth(0.8)
        canvas.setDash([])
        for v in layout.xTicks.positions {
            let x = t.apply(v, t.y.low).x
            canvas.move(x, height - box.y0)
            canvas.line(x, height - box.y0 + AxesLayout.tickLength)
        }
        for v in layout.yTicks.positions {
            let y = height - t.apply(t.x.low, v).y
            canvas.move(box.x0, y)
            canvas.line(box.x0 - AxesLayout.tickLength, y)
        }
        canvas.stroke()
        // Minor ticks (log axes): 2 points long, 0.6 wide.
        canvas.setLineWidth(0.6)
        for v in layout.xTicks.minor {
            let x = t.apply(v, t.y.low).x
            canvas.move(x, height - box.y0)
            canvas.line(x, height - box.y0 + 2)
        }
        for v in layout.yTicks.minor {
            let y = height - t.apply(t.x.low, v).y
            canvas.move(box.x0, y)
            canvas.line(box.x0 - 2, y)
        }
        canvas.stroke()
    }
}
