import Foundation
import Testing
@testable import Trace

/// The loss chart and the sparkline at the ends of the double range: every tick loop
/// ends, every position is a finite number, no level is NaN.
@Suite struct LossChartExtremesTests {
    static let extremes: [[Double]] = [
        [0, 1.79e308], [-1.79e308, 1.79e308], [1.7e308, 1.79e308], [-1.79e308, 0], [5e-324, 1.79e308],
        [0, 5e-324], [1e-300, 1e300], [.greatestFiniteMagnitude, .greatestFiniteMagnitude],
    ]

    @Test(arguments: extremes)
    func theLossAxisIsFiniteAndShort(_ losses: [Double]) {
        let points = losses.enumerated().map { (iteration: $0.offset, loss: $0.element) }
        let chart = LossChart(points: points, count: points.count, current: points.count - 1)
        let axis = chart.lossAxis()
        #expect(axis.lo.isFinite && axis.hi.isFinite && axis.lo < axis.hi)
        #expect(!axis.ticks.isEmpty && axis.ticks.count <= 12)
        let dot = chart.statements(in: LossChartTests.box)
        #expect(!dot.contains("nan") && !dot.contains("inf"), "positions are numbers")
    }

    @Test(arguments: extremes)
    func theSparklineHasALevelForEveryLoss(_ losses: [Double]) {
        let points = losses.enumerated().map { (iteration: $0.offset, loss: $0.element) }
        let line = LossSparkline.line(points, count: points.count, current: points.count - 1)
        #expect(line.count == points.count)
        #expect(line.allSatisfy { LossSparkline.levels.contains($0) })
    }
}
