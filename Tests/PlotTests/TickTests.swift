import Foundation
import Testing
@testable import Plot

/// gradviz's AutoLocator and ScalarFormatter against matplotlib's on a sweep of view
/// intervals and tick spaces (`scripts/gen_tick_cases.py`), and contour level selection.
@Suite struct TickTests {
    struct TickCase: Decodable, CustomTestStringConvertible {
        var low: Double
        var high: Double
        var space: Int
        var ticks: [Double]
        var labels: [String]
        var offset: String
        var testDescription: String { "\(low)...\(high) space \(space)" }
    }

    struct LevelCase: Decodable, CustomTestStringConvertible {
        var n: Int
        var low: Double
        var high: Double
        var levels: [Double]
        var testDescription: String { "\(n) levels over \(low)...\(high)" }
    }

    struct Cases: Decodable {
        var ticks: [TickCase]
        var contourLevels: [LevelCase]
    }

    static let cases: Cases = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("tick_cases.json")
        guard let data = try? Data(contentsOf: url), let c = try? JSONDecoder().decode(Cases.self, from: data) else {
            return Cases(ticks: [], contourLevels: [])
        }
        return c
    }()

    @Test func casesLoaded() {
        #expect(TickTests.cases.ticks.count > 100)
    }

    @Test(arguments: TickTests.cases.ticks)
    func locatorAndFormatter(_ c: TickCase) {
        let ticks = TickLocator.auto.ticks(c.low, c.high, tickSpace: c.space)
        #expect(ticks.count == c.ticks.count)
        for (a, b) in zip(ticks, c.ticks) {
            #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "tick \(a) vs \(b)")
        }
        var f = TickFormatter()
        f.setLocs(c.ticks, view: PlotInterval(c.low, c.high))
        #expect(c.ticks.map { f.label($0) } == c.labels)
        #expect(f.offsetText == c.offset)
    }

    @Test(arguments: TickTests.cases.contourLevels)
    func contourLevels(_ c: LevelCase) {
        let levels = ContourSet.autoLevels(c.n, c.low, c.high)
        #expect(levels.count == c.levels.count)
        for (a, b) in zip(levels, c.levels) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b))) }
    }

    @Test func formatStrings() throws {
        let f = try FormatString("r--")
        #expect(f.color == PlotColor(1, 0, 0) && f.lineStyle == .dashed && f.marker == nil)
        let g = try FormatString("bo")
        #expect(g.marker == .circle && g.lineStyle == LineStyle.none)
        let named = try FormatString("green")
        #expect(named.lineStyle == .solid)
        #expect(throws: PlotError.self) { try FormatString("q") }
    }
}
