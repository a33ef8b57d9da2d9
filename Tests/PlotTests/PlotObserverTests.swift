import Foundation
import Matplotlib
import Plot
import Testing
import Torch

/// The hook for frames: every `show()` and `savefig` reaches the observer with the figure
/// drawn and the lesson line; `savefig` refuses paths outside the allowed folders.
@Suite struct PlotObserverTests {
    final class Recorder: PlotObserver {
        var shown: [(RenderedFigure, Int)] = []
        var saved: [(RenderedFigure, String, Int)] = []
        func figureShown(_ figure: RenderedFigure, line: Int) { shown.append((figure, line)) }
        func figureSaved(_ figure: RenderedFigure, path: String, line: Int) { saved.append((figure, path, line)) }
    }

    static func run(_ source: String, _ options: PlotOptions) -> LessonRun {
        LessonRunner.run(source: source, fileName: "lesson.txt", output: { _ in }, record: false, plots: options)
    }

    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gradviz-plot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func showHandsOverEachFigureWithItsLine() {
        let r = Recorder()
        let source = """
        import matplotlib.pyplot as plt
        plt.plot([1, 2, 3])
        plt.figure()
        plt.scatter([1], [2])
        def finish():
            plt.show()
        finish()
        plt.plot([3, 2, 1])
        plt.show()
        """
        let run = PlotObserverTests.run(source, PlotOptions(observer: r))
        #expect(run.exitStatus == 0, "\(run.stderr)")
        #expect(r.shown.map(\.1) == [6, 6, 9])
        #expect(r.shown.allSatisfy { $0.0.svg.hasPrefix("<?xml") && $0.0.svg.contains("</svg>") })
        // show() closes the figures: the third plot is a new figure with one axes and one line.
        #expect(r.shown[2].0.figure.axes.count == 1 && r.shown[2].0.figure.axes[0].artists.count == 1)
    }

    @Test func renderedFigureGivesPNGAndPDF() throws {
        let f = Figure()
        let a = f.addSubplot(rows: 1, cols: 1, row: 0, col: 0)
        a.add(.line(Line2D(xs: [0, 1], ys: [0, 1], color: .black)))
        let rendered = try RenderedFigure(f)
        let png = try rendered.png(dpi: 50)
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        // 6.4 × 4.8 in at 50 dpi: IHDR width 320, height 240.
        #expect(png.count > 24 && Int(png[18]) << 8 | Int(png[19]) == 320 && Int(png[22]) << 8 | Int(png[23]) == 240)
        let pdf = try rendered.pdf()
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(rendered.svg.contains("width=\"460.8pt\""))
        #expect(throws: PlotError.self) { try rendered.bytes(forExtension: "bmp", dpi: nil) }
    }

    @Test func savefigWritesInsideTheLessonFolder() throws {
        let dir = try PlotObserverTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = Recorder()
        let target = dir.appendingPathComponent("out.png").path
        let source = """
        import matplotlib.pyplot as plt
        plt.plot([1, 2])
        plt.savefig(\(PlotObserverTests.quoted(target)))
        """
        let run = PlotObserverTests.run(source, PlotOptions(observer: r, lessonDirectory: dir.path))
        #expect(run.exitStatus == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: target))
        #expect(r.saved.map(\.1) == [target] && r.saved.map(\.2) == [3])
    }

    @Test(arguments: ["/tmp/gradviz-outside.png", "../gradviz-escape.png"])
    func savefigRefusesToWriteElsewhere(_ path: String) throws {
        let dir = try PlotObserverTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = """
        import matplotlib.pyplot as plt
        plt.plot([1, 2])
        plt.savefig(\(PlotObserverTests.quoted(dir.appendingPathComponent("sub").path + "/" + path.replacingOccurrences(of: "/tmp/", with: "/../../../../tmp/"))))
        """
        let run = PlotObserverTests.run(source, PlotOptions(lessonDirectory: dir.appendingPathComponent("sub").path))
        #expect(run.exitStatus == 1)
        #expect(run.stderr.contains("--allow-savefig-anywhere"), "\(run.stderr)")
    }

    static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "\\'") + "'" }
}
