/// What one frame shows: every vertex and edge that exists at its event, with
/// colours and label rows, and the caption. DOT is written from this.
struct FrameScene {
    /// The trace event the frame stands for.
    var eventIndex: Int
    /// Looks of the visible vertices, by index into `GraphModel.vertices`.
    var vertices: [(index: Int, look: VertexLook)]
    /// Looks of the visible edges, by index into `GraphModel.edges`.
    var edges: [(index: Int, look: EdgeLook)]
    var caption: [LabelRow]
}

/// One line of a label and how it is set.
struct LabelRow: Hashable, Sendable {
    enum Tone: Hashable, Sendable {
        /// The vertex's name, bold.
        case title
        /// Values and plain facts.
        case body
        /// Secondary facts (shape, saved tensors), smaller and grey.
        case small
        /// Lesson source code, monospace.
        case code
        /// A gradient value: the gradient colour.
        case gradient
        /// Something gone or not recorded.
        case muted
        /// The caption's section title.
        case heading
        /// A narration comment.
        case narration
        /// Source lines and printed output in a caption, monospace.
        case output
    }

    var text: String
    var tone: Tone

    init(_ text: String, _ tone: Tone = .body) {
        self.text = text
        self.tone = tone
    }
}

/// A vertex's colours and label in one frame.
struct VertexLook: Hashable {
    enum Style: Hashable {
        case leaf, result, constant, notRecorded, gradFn, accumulate
    }

    enum Emphasis: Hashable {
        case none
        /// Created by this frame's forward op.
        case new
        /// Acted on by this frame's event (the node being applied, the leaf accumulating).
        case active
        /// Already applied in the running backward pass.
        case visited
        /// Its saved tensors were freed by a backward without `retain_graph`.
        case released
    }

    var style: Style
    var emphasis: Emphasis
    var rows: [LabelRow]
}

/// An edge's colours and label in one frame.
struct EdgeLook: Hashable {
    enum Tone: Hashable {
        case normal
        /// Created by this frame's forward op.
        case new
        /// Carrying a gradient in this frame.
        case gradient
        /// Carried a gradient earlier in the running backward pass.
        case flowed
    }

    var tone: Tone
    /// The gradient value on the edge, when one flows or flowed.
    var label: String?
}
