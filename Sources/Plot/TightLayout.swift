/// `tight_layout()`: subplot parameters that fit every axes' labels inside the figure with
/// `pad = 1.08` font sizes around and between them (`_tight_layout._auto_adjust_subplotpars`).
enum TightLayout {
    static func apply(to figure: Figure, canvas: Canvas) {
        let gridAxes = figure.axes.filter { $0.cell != nil }
        guard let first = gridAxes.first?.cell else { return }
        let rows = first.rows, cols = first.cols
        let (w, h) = figure.size
        let pad = 1.08 * 10.0
        // Two rounds: tick labels depend on the axes' size, which the first round changes.
        for _ in 0..<2 {
            figure.placeAxes()
            // What sticks out of each column (left, right) and row (top, bottom) of axes.
            var left = [Double](repeating: 0, count: cols), right = left
            var top = [Double](repeating: 0, count: rows), bottom = top
            for a in gridAxes {
                guard let cell = a.cell, cell.rows == rows, cell.cols == cols else { continue }
                let layout = AxesLayout(a, figureSize: figure.size, canvas: canvas)
                let tight = layout.tightBox, box = layout.transform.box
                left[cell.colSpan.lowerBound] = max(left[cell.colSpan.lowerBound], box.x0 - tight.x0)
                right[cell.colSpan.upperBound] = max(right[cell.colSpan.upperBound], tight.x1 - box.x1)
                top[cell.rowSpan.lowerBound] = max(top[cell.rowSpan.lowerBound], tight.y1 - box.y1)
                bottom[cell.rowSpan.upperBound] = max(bottom[cell.rowSpan.upperBound], box.y0 - tight.y0)
            }
            var p = figure.params
            let suptitle = figure.suptitle.map { $0.isEmpty ? 0 : 0.02 * h + figure.suptitleStyle.size * 1.2 } ?? 0
            p.left = (left[0] + pad) / w
            p.right = 1 - (right[cols - 1] + pad) / w
            p.top = 1 - (top[0] + pad + suptitle) / h
            p.bottom = (bottom[rows - 1] + pad) / h
            if cols > 1 {
                let gap = (0..<(cols - 1)).map { right[$0] + left[$0 + 1] }.max()! + pad
                let axesW = ((p.right - p.left) * w - gap * Double(cols - 1)) / Double(cols)
                p.wspace = axesW > 0 ? gap / axesW : 0.2
            }
            if rows > 1 {
                let gap = (0..<(rows - 1)).map { bottom[$0] + top[$0 + 1] }.max()! + pad
                let axesH = ((p.top - p.bottom) * h - gap * Double(rows - 1)) / Double(rows)
                p.hspace = axesH > 0 ? gap / axesH : 0.2
            }
            guard p.left < p.right, p.bottom < p.top else { return }
            figure.params = p
        }
        figure.placeAxes()
    }
}
