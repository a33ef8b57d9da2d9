import Foundation
import Testing
@testable import Render
@testable import Trace

/// The loss chart at the ends of the double range: every position and label is a number.
@Suite struct LossChartExtremesTests {
    static let extremes: [[Double]] = [
        [0, 1.79e308], [-1.79e308, 1.79e308], [1.7e308, 1.79e308], [-1.79e308, 0], [Double.leastNonzeroMagnitude, 1.79e308],
        [0, Double.leastNonzeroMagnitude], [1e-300, 1e300], [.greatestFiniteMagnitude, .greatestFiniteMagnitude],
    ]

    @Test(arguments: extremes)
    func everyPositionIsANumber(_ losses: [Double]) {
        let iterations = losses.enumerated().map { LoopRun.Iteration(number: $0.offset, events: $0.offset..<$0.offset + 1, end: $0.offset + 1, loss: $0.element) }
        let summary = FrameSelection.Summary(run: LoopRun(line: 1, iterations: iterations), iteration: losses.count - 1, every: 1)
        var svg = SVGText()
        LossChartSVG.draw(summary, in: Rect(minX: 0, minY: 0, maxX: 600, maxY: 300), into: &svg)
        #expect(svg.out.contains("<path"), "the curve is drawn")
        #expect(!svg.out.contains("nan") && !svg.out.contains("inf"), "\(svg.out)")
    }
}
