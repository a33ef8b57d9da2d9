/// Where everything of a lesson's pictures sits, decided once for all frames:
/// vertex and edge positions from the union layout, the caption box above them,
/// the loss chart's box right of the caption (when the lesson has summary
/// frames), and the canvas that every frame spans so Graphviz never shifts the drawing.
struct FixedLayout {
    struct Canvas: Equatable {
        var minX: Double
        var minY: Double
        var maxX: Double
        var maxY: Double
    }

    /// Vertex key → Graphviz `pos` (points), `width` and `height` (inches).
    var nodes: [String: (pos: String, width: String, height: String)]
    /// Edge key → spline `pos` and label position `lp`.
    var edges: [String: (pos: String, lp: String?)]
    var captionPos: String
    /// The caption box in points (as tall as the chart when there is one).
    var captionSize: (width: Double, height: Double)
    /// Where summary frames draw the loss chart; nil when no frame has one.
    var chart: LossChart.Box?
    var canvas: Canvas
    /// `dot` for lessons of ordinary size, `layered` for large graphs.
    var engine: String

    /// Space between the graph and the caption above it, in points.
    static let captionGap = 18.0
    /// Space between the caption and the chart right of it, in points.
    static let chartGap = 24.0

    /// The layout of `p` with the caption above it and, with `chart`, room for the loss chart.
    init(placement p: Graphviz.Placement, captionSize: (width: Double, height: Double), chart: Bool = false, engine: String) {
        nodes = p.nodes
        edges = p.edges
        self.engine = engine
        let bb = p.boundingBox
        let top = bb[3] + (p.nodes.isEmpty ? 0 : FixedLayout.captionGap)
        let band = max(captionSize.height, chart ? LossChart.size.height : 0)
        self.captionSize = (captionSize.width, band)
        captionPos = "\(DOTWriter.number(bb[0] + captionSize.width / 2)),\(DOTWriter.number(top + band / 2))"
        var right = max(bb[2], bb[0] + captionSize.width)
        if chart {
            let left = bb[0] + captionSize.width + FixedLayout.chartGap
            let box = LossChart.Box(minX: left, minY: top + band - LossChart.size.height,
                                    maxX: left + LossChart.size.width, maxY: top + band)
            self.chart = box
            right = max(right, box.maxX)
        }
        canvas = Canvas(minX: bb[0], minY: bb[1], maxX: right, maxY: top + band)
    }
}
