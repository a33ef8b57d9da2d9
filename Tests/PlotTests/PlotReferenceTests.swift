import Foundation
import Matplotlib
import Plot
import Testing
import Torch

/// The reference programs drawn by gradviz and by real matplotlib
/// (`scripts/regen_plot_refs.py`): same axes boxes, ticks, tick labels, offset texts,
/// limits, and numbers of lines, points and arrows.
@Suite struct PlotReferenceTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("References")

    static var programs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }

    final class Collector: PlotObserver {
        var shown: [RenderedFigure] = []
        func figureShown(_ figure: RenderedFigure, line: Int) { shown.append(figure) }
        func figureSaved(_ figure: RenderedFigure, path: String, line: Int) {}
    }

    /// gradviz's SVG of the program's one shown figure.
    static func draw(_ program: String) throws -> String? {
        let source = try String(contentsOf: folder.appendingPathComponent(program), encoding: .utf8)
        let collector = Collector()
        let run = LessonRunner.run(source: source, fileName: program, output: { _ in }, record: false,
                                   plots: PlotOptions(observer: collector))
        #expect(run.exitStatus == 0, "\(program): \(run.stderr)")
        return collector.shown.first?.svg
    }

    @Test func thereAreReferences() {
        #expect(PlotReferenceTests.programs.count >= 12)
    }

    @Test(arguments: PlotReferenceTests.programs)
    func sameAxesAsMatplotlib(_ program: String) throws {
        let reference = try String(contentsOf: PlotReferenceTests.folder.appendingPathComponent(program.replacingOccurrences(of: ".txt", with: ".svg")),
                                   encoding: .utf8)
        guard let svg = try PlotReferenceTests.draw(program) else {
            Issue.record("\(program): no figure shown")
            return
        }
        let theirs = MatplotlibSVG.parse(reference), ours = MatplotlibSVG.parseSummary(svg)
        #expect(theirs.count == ours.count, "\(program): number of axes")
        for (k, (m, g)) in zip(theirs, ours).enumerated() {
            let at = "\(program) axes \(k)"
            for (a, b) in zip(m.box, g.box) { #expect(abs(a - b) < 1.5, "\(at): box \(m.box) vs \(g.box)") }
            #expect(m.xTicks.map(\.1) == g.xTicks.map(\.1), "\(at): x tick labels")
            #expect(m.yTicks.map(\.1) == g.yTicks.map(\.1), "\(at): y tick labels")
            for (a, b) in zip(m.xTicks, g.xTicks) { #expect(abs(a.0 - b.0) < 1.5, "\(at): x tick \(a.1) at \(a.0) vs \(b.0)") }
            for (a, b) in zip(m.yTicks, g.yTicks) { #expect(abs(a.0 - b.0) < 1.5, "\(at): y tick \(a.1) at \(a.0) vs \(b.0)") }
            #expect(m.xOffset == g.xOffset, "\(at): x offset text")
            #expect(m.yOffset == g.yOffset, "\(at): y offset text")
            if let a = m.xLimits, let b = g.xLimits {
                let span = abs(a.1 - a.0)
                #expect(abs(a.0 - b.0) < 0.005 * span && abs(a.1 - b.1) < 0.005 * span, "\(at): xlim \(a) vs \(b)")
            }
            if let a = m.yLimits, let b = g.yLimits {
                let span = abs(a.1 - a.0)
                #expect(abs(a.0 - b.0) < 0.005 * span && abs(a.1 - b.1) < 0.005 * span, "\(at): ylim \(a) vs \(b)")
            }
            #expect(m.lines == g.lines, "\(at): lines")
            #expect(m.points == g.points, "\(at): points")
            #expect(m.arrows == g.arrows, "\(at): arrows")
        }
    }
}
