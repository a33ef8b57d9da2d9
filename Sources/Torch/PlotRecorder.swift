import Matplotlib
import Plot
import Trace

/// Hands the figures a lesson shows or saves to the recorder, as frames.
final class PlotRecorder: PlotObserver {
    weak var recorder: Recorder?

    init(recorder: Recorder) {
        self.recorder = recorder
    }

    func figureShown(_ figure: RenderedFigure, line: Int) {
        recorder?.plotted(PlotEvent(svg: figure.svg, width: figure.figure.width, height: figure.figure.height, savedTo: nil),
                          line: line)
    }

    func figureSaved(_ figure: RenderedFigure, path: String, line: Int) {
        recorder?.plotted(PlotEvent(svg: figure.svg, width: figure.figure.width, height: figure.figure.height, savedTo: path),
                          line: line)
    }
}
