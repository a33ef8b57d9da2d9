/// Where everything of a lesson's pictures sits, decided once for all frames:
/// vertex and edge positions from the union layout, the caption box above them,
/// and the canvas that every frame spans so Graphviz never shifts the drawing.
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
    /// The caption box in points.
    var captionSize: (width: Double, height: Double)
    var canvas: Canvas
    /// `dot` for lessons of ordinary size, `layered` for large graphs.
    var engine: String

    /// Space between the graph and the caption above it, in points.
    static let captionGap = 18.0

    init(placement p: Graphviz.Placement, captionSize: (width: Double, height: Double), engine: String) {
        nodes = p.nodes
        edges = p.edges
        self.captionSize = captionSize
        self.engine = engine
        let bb = p.boundingBox
        let top = bb[3] + (p.nodes.isEmpty ? 0 : FixedLayout.captionGap)
        captionPos = "\(DOTWriter.number(bb[0] + captionSize.width / 2)),\(DOTWriter.number(top + captionSize.height / 2))"
        canvas = Canvas(minX: bb[0], minY: bb[1], maxX: max(bb[2], bb[0] + captionSize.width),
                        maxY: top + captionSize.height)
    }
}
