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

    /// Losses a diverging run gives: NaN and infinities among finite values, or nothing finite.
    static let nonFinite: [[Double]] = [
        [1, .nan, 2], [.infinity, 1, 0.5], [1, 2, -.infinity], [.nan, .infinity, 1e308, 1.79e308],
        [.nan, .nan], [.infinity, -.infinity], [.nan],
    ]

    static func chart(_ losses: [Double]) -> String {
        let iterations = losses.enumerated().map { LoopRun.Iteration(number: $0.offset, events: $0.offset..<$0.offset + 1, end: $0.offset + 1, loss: $0.element) }
        let summary = FrameSelection.Summary(run: LoopRun(line: 1, iterations: iterations), iteration: losses.count - 1, every: 1)
        var svg = SVGText()
        LossChartSVG.draw(summary, in: Rect(minX: 0, minY: 0, maxX: 600, maxY: 300), into: &svg)
        return svg.out
    }

    @Test(arguments: extremes)
    func everyPositionIsANumber(_ losses: [Double]) {
        let out = Self.chart(losses)
        #expect(out.contains("<path"), "the curve is drawn")
        #expect(!out.contains("nan") && !out.contains("inf"), "\(out)")
    }

    @Test(arguments: nonFinite)
    func nonFiniteLossesLeaveAValidChart(_ losses: [Double]) {
        let out = Self.chart(losses)
        #expect(out.contains("class=\"loss-chart\""), "the chart is drawn")
        #expect(!out.lowercased().contains("nan") && !out.contains("inf"), "\(out)")
        #expect(out.contains("<path") == (losses.filter(\.isFinite).count > 1), "the curve joins the finite losses")
    }
}
