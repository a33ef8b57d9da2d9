/// Colours, fonts and sizes of frames. The colours are Okabe and Ito's palette, which stays
/// distinguishable with the common colour-vision deficiencies; every meaning is also carried
/// by a shape or a line style (see ``Legend``).
enum Palette {
    static let font = "DejaVu Sans, Noto Sans CJK SC, Noto Sans CJK, sans-serif"
    static let monoFont = "DejaVu Sans Mono, Noto Sans Mono CJK SC, monospace"

    static let ink = "#1a1a1a"
    static let secondary = "#4d4d4d"
    static let faint = "#8c8c8c"
    static let background = "#ffffff"
    static let panel = "#f6f7f9"

    /// Leaf tensors that require grad (sky blue family).
    static let leafFill = "#dcebf7"
    static let leafBorder = "#0072b2"
    /// Results with a grad_fn (bluish green).
    static let resultFill = "#dcf2ea"
    static let resultBorder = "#009e73"
    /// Tensors that need no gradient.
    static let plainFill = "#f2f2f2"
    static let plainBorder = "#8c8c8c"
    /// grad_fn nodes.
    static let functionFill = "#ececec"
    static let functionBorder = "#4d4d4d"
    /// AccumulateGrad.
    static let accumulateFill = "#fff3cc"
    static let accumulateBorder = "#5b4a00"
    /// The node a step acts on (vermillion, with a thick double border).
    static let active = "#d55e00"
    /// Nodes a statement just created (blue, dashed outline).
    static let new = "#0072b2"
    /// Gradients (reddish purple, thick arrows pointing toward the inputs).
    static let gradient = "#cc79a7"
    static let gradientText = "#9c2f6a"
    /// Errors.
    static let error = "#c0392b"
    static let errorFill = "#fdecea"

    /// No text of a frame is smaller than this on the 1920×1080 canvas.
    static let minimumText = 18.0

    // Sizes in pixels of the 1920×1080 canvas, before the graph is scaled to fit.
    static let titleSize = 24.0
    static let valueSize = 22.0
    static let smallSize = 20.0
    static let edgeLabelSize = 21.0
    static let nodePadX = 14.0
    static let nodePadY = 9.0
    static let lineGap = 1.25
}
