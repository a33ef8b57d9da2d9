import Plot

/// Receives every figure a lesson shows or saves, already drawn, with the lesson line.
///
/// This is the hook for frames: `plt.show()` calls ``figureShown(_:line:)`` and
/// `savefig(...)` (pyplot's or a figure's) calls ``figureSaved(_:path:line:)`` after the file
/// is written. ``RenderedFigure/svg`` is the SVG text; ``RenderedFigure/png(dpi:)`` and
/// ``RenderedFigure/pdf()`` draw PNG or PDF bytes of the same frozen figure on demand. The
/// calls happen on the interpreter's thread while the lesson runs; `line` is the lesson line
/// of the call (inside a function: the line in the lesson that is executing).
public protocol PlotObserver: AnyObject {
    /// `plt.show()` (each open figure, in number order) and `fig.show()` (that figure).
    func figureShown(_ figure: RenderedFigure, line: Int)
    /// `savefig(path)`: `path` is as the lesson wrote it; the file exists when this is called.
    func figureSaved(_ figure: RenderedFigure, path: String, line: Int)
}

/// How plotting behaves in one run: who sees the figures and where files may be written.
public struct PlotOptions {
    /// Told about every shown or saved figure; nil draws nothing at `show()`.
    public var observer: PlotObserver?
    /// The lesson's folder; `savefig` may write there and under the working directory.
    public var lessonDirectory: String?
    /// Lets `savefig` write anywhere (the command's `--allow-savefig-anywhere`).
    public var allowWritesAnywhere = false

    /// Receives matplotlib's `UserWarning` texts with the lesson line that caused them.
    public var warn: ((String, Int) -> Void)?

    public init(observer: PlotObserver? = nil, lessonDirectory: String? = nil, allowWritesAnywhere: Bool = false) {
        self.observer = observer
        self.lessonDirectory = lessonDirectory
        self.allowWritesAnywhere = allowWritesAnywhere
    }
}
