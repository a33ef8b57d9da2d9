import Foundation
import Plot
import Python

/// pyplot's global state in one run: the open figures by number and the current one;
/// `show()` hands figures to the observer, `savefig` writes files inside the allowed folders.
final class PyplotState {
    let options: PlotOptions
    private(set) var figures: [FigureObject] = []
    var current: FigureObject?
    /// Figures and saved files are capped so a lesson's loop cannot fill the disk.
    static let maxFigures = 200
    static let maxSaves = 1000
    private var saves = 0

    init(options: PlotOptions) {
        self.options = options
    }

    /// `figure(num=None, figsize=None, dpi=None)`.
    func figure(num: Int?, size: (Double, Double)?, dpi: Double?) throws -> FigureObject {
        if let num, let existing = figures.first(where: { $0.number == num }) {
            current = existing
            return existing
        }
        guard figures.count < PyplotState.maxFigures else {
            throw PyException(.runtimeError, "gradviz: more than \(PyplotState.maxFigures) figures open; close some with plt.close()")
        }
        let f = Figure(width: size?.0 ?? 6.4, height: size?.1 ?? 4.8, dpi: dpi ?? 100)
        let number = num ?? ((figures.map(\.number).max() ?? 0) + 1)
        let o = FigureObject(figure: f, number: number, state: self)
        figures.append(o)
        current = o
        return o
    }

    /// `gcf()`: the current figure, a new one when none is open.
    func gcf() throws -> FigureObject {
        if let current { return current }
        return try figure(num: nil, size: nil, dpi: nil)
    }

    func close(_ fig: FigureObject) {
        figures.removeAll { $0 === fig }
        if current === fig { current = figures.last }
    }

    func closeAll() {
        figures = []
        current = nil
    }

    /// `show()`: every open figure is drawn and handed over, then closed, as a window
    /// closing ends it in an interactive session (matplotlib's Agg backend keeps them open;
    /// nothing is printed either way).
    func show(line: Int) throws {
        defer { closeAll() }
        guard let observer = options.observer else { return }
        for f in figures.sorted(by: { $0.number < $1.number }) {
            observer.figureShown(try plotting { try RenderedFigure(f.figure) }, line: line)
        }
    }

    /// `savefig(fname, dpi=None, format=None, ...)` for figure `fig`.
    func save(_ fig: FigureObject, _ args: PyArgs, _ interp: Interpreter) throws {
        let kw = Keywords(args, interp)
        guard let nameValue = args.positional.first ?? args.keyword("fname") else {
            throw PyException(.typeError, "savefig() missing 1 required positional argument: 'fname'")
        }
        var name = try interp.str(nameValue)
        var ext = (name as NSString).pathExtension.lowercased()
        if let format = try kw.string("format") {
            ext = format.lowercased()
        } else if ext.isEmpty {
            ext = "png"
            name += ".png"
        }
        guard ["png", "svg", "pdf"].contains(ext) else {
            throw PyException(.valueError, "Format \(PlotFormat.quoted(ext)) is not supported (supported formats: avif, eps, gif, jpeg, jpg, pdf, pgf, png, ps, raw, rgba, svg, svgz, tif, tiff, webp)")
        }
        var dpi: Double?
        if let d = kw.value("dpi"), !d.isNone {
            if case .str(let s) = d, s == "figure" { dpi = nil } else { dpi = try interp.toDouble(d) }
        }
        if let d = dpi, !(d > 0 && d <= 1200) {
            throw PyException(.valueError, "gradviz: savefig dpi must be between 0 and 1200, not \(PlotFormat.short(d))")
        }
        let target = try SavePolicy(options: options).resolve(name)
        saves += 1
        guard saves <= PyplotState.maxSaves else {
            throw PyException(.runtimeError, "gradviz: more than \(PyplotState.maxSaves) savefig calls in one run")
        }
        let rendered = try plotting { try RenderedFigure(fig.figure) }
        var tightPad: Double?
        if let b = try kw.string("bbox_inches") {
            guard b == "tight" else { throw PyException(.valueError, "bbox_inches must be 'tight' or None here, not \(PlotFormat.quoted(b))") }
            tightPad = 72 * (try kw.double("pad_inches") ?? 0.1)
        }
        let bytes = try plotting { try rendered.bytes(forExtension: ext, dpi: dpi ?? fig.figure.dpi, tightPad: tightPad) }
        let directory = target.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            let message = "[Errno 2] No such file or directory: \(PlotFormat.quoted(name))"
            if case .object(let cls as PyClass)? = interp.builtins.get("FileNotFoundError") { throw PyException(cls, message) }
            throw PyException(.runtimeError, message)
        }
        do {
            try Data(bytes).write(to: target)
        } catch {
            throw PyException(.runtimeError, "could not write \(PlotFormat.quoted(name)): \(error.localizedDescription)")
        }
        options.observer?.figureSaved(rendered, path: name, line: interp.currentLine)
    }
}

/// Where `savefig` may write: under the working directory or the lesson's folder, unless the
/// user allowed anywhere.
struct SavePolicy {
    let options: PlotOptions

    /// The absolute file for `name` (relative to the working directory, as matplotlib resolves
    /// it), or a PermissionError naming the option that allows it.
    func resolve(_ name: String) throws -> URL {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        let target = URL(fileURLWithPath: name, relativeTo: cwd).standardizedFileURL.absoluteURL
        if options.allowWritesAnywhere { return target }
        var roots = [cwd.resolvingSymlinksInPath().path, cwd.path]
        if let lesson = options.lessonDirectory {
            let l = URL(fileURLWithPath: lesson, relativeTo: cwd).standardizedFileURL
            roots += [l.path, l.resolvingSymlinksInPath().path]
        }
        let parent = target.deletingLastPathComponent()
        let candidates = [parent.path, parent.resolvingSymlinksInPath().path]
        let inside = candidates.allSatisfy { dir in roots.contains { root in dir == root || dir.hasPrefix(root.hasSuffix("/") ? root : root + "/") } }
        guard inside else {
            throw PyException(.runtimeError, "gradviz: savefig(\(PlotFormat.quoted(name))) would write outside the lesson's folder and the working directory; run gradviz with --allow-savefig-anywhere to allow it")
        }
        return target
    }
}
