/// Where everything around one axes goes: the transform, the ticks, and the placed texts
/// (tick labels, axis labels, titles, offset texts), with the box holding all of them.
struct AxesLayout {
    let axes: Axes
    let transform: DataTransform
    let xTicks: AxisTicks
    let yTicks: AxisTicks
    var texts: [PlacedText] = []

    static let tickLength = 3.5
    static let tickPad = 3.5
    static let labelPad = 4.0
    static let titlePad = 6.0
    static let offsetPad = 3.0

    init(_ axes: Axes, figureSize: (Double, Double), canvas: Canvas) {
        self.axes = axes
        let t = axes.view(figureSize: figureSize)
        transform = t
        let size = axes.tickLabelSize
        let none = AxisTicks(positions: [], labels: [], offsetText: "")
        if let bar = axes.colorbar {
            xTicks = none
            yTicks = AxisTicks.make(view: t.y, length: t.box.height, perLabel: 2, labelSize: size, fixed: bar.fixedTicks)
        } else {
            xTicks = axes.axisOn ? AxisTicks.make(view: t.x, length: t.box.width, perLabel: 3, labelSize: size, fixed: axes.xTicks, log: axes.xLog) : none
            yTicks = axes.axisOn ? AxisTicks.make(view: t.y, length: t.box.height, perLabel: 2, labelSize: size, fixed: axes.yTicks, log: axes.yLog) : none
        }
        let box = t.box
        let gap = AxesLayout.tickLength + AxesLayout.tickPad
        if let bar = axes.colorbar {
            var right = box.x1
            for (v, label) in zip(yTicks.positions, yTicks.labels) {
                let p = PlacedText(label, at: PlotPoint(box.x1 + gap, t.apply(0, v).y), size: size, ha: .left, va: .centerBaseline, on: canvas)
                right = max(right, p.box.x1)
                texts.append(p)
            }
            if !yTicks.offsetText.isEmpty {
                texts.append(PlacedText(yTicks.offsetText, at: PlotPoint(box.x1, box.y1 + AxesLayout.offsetPad), size: size,
                                        ha: .left, va: .bottom, on: canvas))
            }
            if !bar.label.isEmpty {
                texts.append(PlacedText(bar.label, at: PlotPoint(right + AxesLayout.labelPad, (box.y0 + box.y1) / 2), size: 10,
                                        rotation: 90, ha: .center, va: .top, anchorMode: true, on: canvas))
            }
            return
        }
        var xLabelBoxes: [PlotRect] = []
        for (v, label) in zip(xTicks.positions, xTicks.labels) where !axes.hideXTickLabels {
            let p = PlacedText(label, at: PlotPoint(t.apply(v, t.y.low).x, box.y0 - gap), size: size, ha: .center, va: .top, on: canvas)
            xLabelBoxes.append(p.box)
            texts.append(p)
        }
        var yLabelBoxes: [PlotRect] = []
        for (v, label) in zip(yTicks.positions, yTicks.labels) where !axes.hideYTickLabels {
            let p = PlacedText(label, at: PlotPoint(box.x0 - gap, t.apply(t.x.low, v).y), size: size, ha: .right, va: .centerBaseline, on: canvas)
            yLabelBoxes.append(p.box)
            texts.append(p)
        }
        let below = xLabelBoxes.map(\.y0).min() ?? box.y0
        let left = yLabelBoxes.map(\.x0).min() ?? box.x0
        if !xTicks.offsetText.isEmpty && !axes.hideXTickLabels {
            texts.append(PlacedText(xTicks.offsetText, at: PlotPoint(box.x1, below - AxesLayout.offsetPad), size: size,
                                    ha: .right, va: .top, on: canvas))
        }
        if !yTicks.offsetText.isEmpty && !axes.hideYTickLabels {
            texts.append(PlacedText(yTicks.offsetText, at: PlotPoint(box.x0, box.y1 + AxesLayout.offsetPad), size: size,
                                    ha: .left, va: .bottom, on: canvas))
        }
        let style = axes.labelStyle
        if !axes.xLabel.isEmpty {
            texts.append(PlacedText(axes.xLabel, at: PlotPoint((box.x0 + box.x1) / 2, min(below, box.y0) - AxesLayout.labelPad),
                                    size: style.size, bold: style.bold, color: style.color, ha: .center, va: .top, on: canvas))
        }
        if !axes.yLabel.isEmpty {
            texts.append(PlacedText(axes.yLabel, at: PlotPoint(min(left, box.x0) - AxesLayout.labelPad, (box.y0 + box.y1) / 2),
                                    size: style.size, bold: style.bold, color: style.color, rotation: 90, ha: .center, va: .bottom,
                                    anchorMode: true, on: canvas))
        }
        var titleBase = box.y1 + AxesLayout.titlePad
        if !yTicks.offsetText.isEmpty, let top = texts.last(where: { $0.text == yTicks.offsetText })?.box.y1 {
            titleBase = max(titleBase, top + 1)
        }
        for (align, title) in axes.titles.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where !title.isEmpty {
            let x: Double
            switch align {
            case .left: x = box.x0
            case .center: x = (box.x0 + box.x1) / 2
            case .right: x = box.x1
            }
            let ts = axes.titleStyle
            texts.append(PlacedText(title, at: PlotPoint(x, titleBase), size: ts.size, bold: ts.bold, color: ts.color,
                                    ha: align, va: .baseline, on: canvas))
        }
    }

    /// The box of the axes and all its decorations (`get_tightbbox`).
    var tightBox: PlotRect {
        texts.filter { !$0.text.isEmpty }.reduce(transform.box) { $0.union($1.box) }
    }
}
