import Testing
@testable import Stepper

/// The sparkline at the ends of the double range: a level for every loss, never a NaN one.
@Suite struct SparklineExtremesTests {
    @Test(arguments: [
        [0, 1.79e308], [-1.79e308, 1.79e308], [1.7e308, 1.79e308], [-1.79e308, 0], [Double.leastNonzeroMagnitude, 1.79e308],
        [0, Double.leastNonzeroMagnitude], [1e-300, 1e300], [Double.greatestFiniteMagnitude, .greatestFiniteMagnitude],
    ] as [[Double]])
    func everyLossHasALevel(_ losses: [Double]) {
        let points = losses.enumerated().map { (iteration: $0.offset, loss: $0.element) }
        let line = LossSparkline.line(points, count: points.count, current: points.count - 1)
        #expect(line.count == points.count)
        #expect(line.allSatisfy { LossSparkline.levels.contains($0) })
    }
}
