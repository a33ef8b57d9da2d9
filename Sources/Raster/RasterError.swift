/// A failure to turn SVG text into PNG or PDF, carrying the library's own message.
public struct RasterError: Error, Equatable, CustomStringConvertible {
    /// Which step failed.
    public enum Stage: String, Sendable {
        /// librsvg could not parse the SVG (malformed XML, not an SVG document).
        case read
        /// librsvg parsed the SVG but failed while drawing it.
        case render
        /// cairo reported an error status for a surface or drawing context.
        case cairo
        /// zlib failed while compressing the PNG's pixel data.
        case deflate
        /// The requested size, page count or thread count is outside what can be drawn.
        case request
    }

    /// Which step failed.
    public var stage: Stage
    /// librsvg's `GError` message, `cairo_status_to_string`, zlib's `msg`, or why the request was refused.
    public var message: String
    /// The position of the failing SVG in a batch (`pngs`, or the page of `pdf`), counted from 0.
    public var index: Int?

    /// Creates an error; `index` is set when the SVG is one of several.
    public init(stage: Stage, message: String, index: Int? = nil) {
        self.stage = stage
        self.message = message
        self.index = index
    }

    /// `librsvg could not read the SVG (SVG 3): <message>`, naming the stage and, in a batch, the SVG.
    public var description: String {
        let which = index.map { " (SVG \($0))" } ?? ""
        switch stage {
        case .read: return "librsvg could not read the SVG\(which): \(message)"
        case .render: return "librsvg could not render the SVG\(which): \(message)"
        case .cairo: return "cairo failed\(which): \(message)"
        case .deflate: return "zlib failed\(which): \(message)"
        case .request: return "cannot rasterise\(which): \(message)"
        }
    }

    /// The same error, marked as coming from the SVG at `index` of a batch.
    func at(_ index: Int) -> RasterError {
        RasterError(stage: stage, message: message, index: index)
    }
}
