import Foundation
import Testing
@testable import Trace

/// The loss chart of summary frames: its DOT, and frames rendered through libgvc.
@Suite struct LossChartTests {
    static let box = LossChart.Box(minX: 0, minY: 0, maxX: LossChart.size.width, maxY: LossChart.size.height)

    /// The `d` attribute of the path in the SVG group with `id`, if any.
    static func path(_ svg: String, id: String) -> String? {
        guard let g = svg.range(of: "<g id=\"\(id)\" class=\"edge\">") else { return nil }
        let rest = svg[g.upperBound...]
        guard let d = rest.range(of: " d=\""), let end = rest[d.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(rest[d.upperBound..<end])
    }

    @Test func polylineIsABSplineWithControlPointsOnTheSegments() {
        #expect(LossChart.polyline([(0, 0), (10, 5), (20, 0)]) == "0,0 0,0 10,5 10,5 10,5 20,0 20,0")
    }

    @Test func curveStopsAtTheCurrentIterationOnAxesOfTheWholeRun() {
        let points = (0..<30).map { (iteration: $0, loss: 10 * pow(0.8, Double($0))) }
        let early = LossChart(points: points, count: 30, current: 4).statements(in: LossChartTests.box)
        let late = LossChart(points: points, count: 30, current: 29).statements(in: LossChartTests.box)
        func curve(_ dot: String) -> String? {
            dot.split(separator: "\n").first { $0.contains("id=\"\(LossChart.curveID)\"") }.map(String.init)
        }
        let e = try? #require(curve(early)), l = try? #require(curve(late))
        // 5 points: 1 + 3·4 spline points; 30 points: 1 + 3·29.
        let count = { (s: String?) in s?.components(separatedBy: "pos=\"").last?.split(separator: "\"").first?.split(separator: " ").count }
        #expect(count(e) == 13)
        #expect(count(l) == 88)
        // Both frames share the axes: the same grid lines and tick labels.
        let axes = { (dot: String) in dot.split(separator: "\n").filter { $0.contains("chart_grid") || $0.contains("chart_x") || $0.contains("chart_y") } }
        #expect(axes(early) == axes(late))
        #expect(early.contains("chart_now") && early.contains("\"loss per iteration (log scale)\""))
    }

    @Test func logScaleWhenTheLossSpansMoreThanTwoDecades() {
        let steep = LossChart(points: [(0, 5), (1, 0.5), (2, 0.01)], count: 3, current: 2)
        #expect(steep.logScale)
        #expect(steep.lossAxis().ticks.map(\.label) == ["0.01", "0.1", "1"])
        #expect(steep.statements(in: LossChartTests.box).contains("(log scale)"))
        let flat = LossChart(points: [(0, 0.8), (1, 0.5), (2, 0.3)], count: 3, current: 2)
        #expect(!flat.logScale)
        #expect(flat.lossAxis().ticks.map(\.label) == ["0.4", "0.6", "0.8"])
        let constant = LossChart(points: [(0, 2), (1, 2)], count: 2, current: 1)
        #expect(!constant.lossAxis().ticks.isEmpty)
    }

    @Test(arguments: [(500, [1, 100, 200, 300, 400, 500]), (29, [1, 10, 20, 29]), (12, [1, 5, 10, 12]), (2, [1, 2])])
    func iterationTicks(_ count: Int, _ expected: [Int]) {
        #expect(LossChart(points: [(0, 1)], count: count, current: 0).iterationTicks() == expected)
    }

    /// A 25-iteration training loop drawn with the default selection: summary frames
    /// with the chart in SVG, PNG and PDF, every frame on the same canvas.
    @Test func summaryFramesRenderTheChartThroughLibgvc() throws {
        let root = try CourseWriterTests.scratch("chart")
        defer { try? FileManager.default.removeItem(at: root) }
        let events = try PictureLessons.line(iterations: 25)
        let outputs = CourseOutputs(svg: root.appendingPathComponent("svg"), png: root.appendingPathComponent("png"),
                                    pdf: root.appendingPathComponent("l.pdf"))
        let summary = try CourseWriter.write(lessons: [RenderedLesson(name: "line", events: events)], outputs: outputs)
        let first = try #require(LoopRun.segment(events).first?.iterations.first?.events.upperBound)
        #expect(summary.lessons.first?.frames == first + 13)

        let svgDir = root.appendingPathComponent("svg")
        let manifest = try CourseWriterTests.manifest(svgDir)
        let summaries = manifest.frames.filter { $0.kind == LessonManifest.Frame.summaryKind }
        #expect(summaries.count == 13)
        let last = try #require(summaries.last)
        #expect(last.summary?.iteration == 25 && last.summary?.iterations == 25 && last.summary?.every == 2)
        #expect(last.summary?.loss != nil && last.summary?.firstLoss != nil)
        #expect(last.iteration == 24)
        #expect(last.caption.contains("iteration 25 of 25 · loss "))

        let svg = try String(contentsOf: svgDir.appendingPathComponent(last.file), encoding: .utf8)
        let d = try #require(LossChartTests.path(svg, id: LossChart.curveID), "the summary frame draws the loss curve")
        #expect(d.hasPrefix("M") && d.contains("C"))
        let inspector = try #require(SVGInspector.parse(Data(svg.utf8)))
        #expect(inspector.allText.contains("loss per iteration"))
        #expect(inspector.nodes.contains { $0.id == "chart_now" })
        // Full frames have no chart, and every frame spans the same canvas.
        let full = try #require(manifest.frames.first)
        let fullSVG = try String(contentsOf: svgDir.appendingPathComponent(full.file), encoding: .utf8)
        #expect(LossChartTests.path(fullSVG, id: LossChart.curveID) == nil)
        let size = { (s: String) in s.range(of: "viewBox=\"[^\"]*\"", options: .regularExpression).map { String(s[$0]) } }
        #expect(size(svg) != nil && size(svg) == size(fullSVG))

        let png = try Data(contentsOf: root.appendingPathComponent("png").appendingPathComponent(last.file.replacingOccurrences(of: ".svg", with: ".png")))
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let pdf = try Data(contentsOf: root.appendingPathComponent("l.pdf"))
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
    }
}
