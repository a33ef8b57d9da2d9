import Plot
import Python

/// A native object whose attributes are methods from a table, bound on access.
class MethodTableObject: NativeObject {
    typealias Method = (MethodTableObject, PyArgs, Interpreter) throws -> PyValue

    var methods: [String: Method] { [:] }
    var qualifiedTypeName: String { typeName }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        guard let m = methods[name] else { return nil }
        return .object(PyBuiltinFunction(name: name, boundTo: .object(self)) { [unowned self] args, interp in
            try m(self, args, interp)
        })
    }

    override func repr(interp: Interpreter) throws -> String? {
        "<\(qualifiedTypeName) object at \(addressText)>"
    }
}

/// `matplotlib.figure.Figure`.
final class FigureObject: MethodTableObject {
    let figure: Figure
    let number: Int
    weak var state: PyplotState?
    /// The axes objects made for this figure, one per `Axes`.
    var axesObjects: [AxesObject] = []
    var currentAxes: AxesObject?

    init(figure: Figure, number: Int, state: PyplotState) {
        self.figure = figure
        self.number = number
        self.state = state
    }

    override var typeName: String { "Figure" }
    override var qualifiedTypeName: String { "matplotlib.figure.Figure" }

    var pixelSize: String { "\(Int(figure.width * figure.dpi))x\(Int(figure.height * figure.dpi))" }

    override func repr(interp: Interpreter) throws -> String? {
        "<Figure size \(pixelSize) with \(figure.axes.count) Axes>"
    }

    override func str(interp: Interpreter) throws -> String? { "Figure(\(pixelSize))" }

    /// The Python object of an axes of this figure, made on first use.
    func object(for axes: Axes) -> AxesObject {
        if let o = axesObjects.first(where: { $0.axes === axes }) { return o }
        let o = AxesObject(axes: axes, figure: self)
        axesObjects.append(o)
        return o
    }

    /// `gca()`: the current axes, a new 1×1 subplot when there is none.
    func gca() -> AxesObject {
        if let c = currentAxes, figure.axes.contains(where: { $0 === c.axes }) { return c }
        if let last = figure.axes.last { currentAxes = object(for: last); return currentAxes! }
        let o = object(for: figure.addSubplot(rows: 1, cols: 1, row: 0, col: 0))
        currentAxes = o
        return o
    }

    override var methods: [String: Method] { FigureMethods.table }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "axes": return .list(PyList(figure.axes.map { .object(object(for: $0)) }))
        case "number": return .int(number)
        case "dpi": return .float(figure.dpi)
        default: return try super.getAttr(name, interp: interp)
        }
    }
}

/// `matplotlib.axes.Axes`.
final class AxesObject: MethodTableObject {
    let axes: Axes
    unowned let figureObject: FigureObject
    /// Colours as the lesson gave them, by artist index (`get_color` returns them unchanged).
    var colorSpecs: [Int: PyValue] = [:]

    init(axes: Axes, figure: FigureObject) {
        self.axes = axes
        self.figureObject = figure
    }

    override var typeName: String { "Axes" }
    override var qualifiedTypeName: String { "matplotlib.axes._axes.Axes" }

    override func repr(interp: Interpreter) throws -> String? {
        var fields: [String] = []
        let titles = [HAlign.left, .center, .right].compactMap { a in axes.titles[a].flatMap { $0.isEmpty ? nil : "'\(a.rawValue)': \(PlotFormat.quoted($0))" } }
        if !titles.isEmpty { fields.append("title={" + titles.joined(separator: ", ") + "}") }
        if !axes.xLabel.isEmpty { fields.append("xlabel=" + PlotFormat.quoted(axes.xLabel)) }
        if !axes.yLabel.isEmpty { fields.append("ylabel=" + PlotFormat.quoted(axes.yLabel)) }
        return "<Axes: " + fields.joined(separator: ", ") + ">"
    }

    override func str(interp: Interpreter) throws -> String? {
        let p = axes.position
        func g(_ v: Double) -> String { String(format: "%g", v) }
        return "Axes(\(g(p.x0)),\(g(p.y0));\(g(p.width))x\(g(p.height)))"
    }

    override var methods: [String: Method] { AxesMethods.table }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        if let v = AxesMethods.attribute(name, of: self) { return v }
        return try super.getAttr(name, interp: interp)
    }
}

/// A drawn artist returned to the lesson (`Line2D`, `PathCollection`, `QuadContourSet`, …).
final class ArtistObject: MethodTableObject {
    let kind: String
    let qualified: String
    unowned let owner: AxesObject
    var index: Int

    init(kind: String, qualified: String, owner: AxesObject, index: Int) {
        self.kind = kind
        self.qualified = qualified
        self.owner = owner
        self.index = index
    }

    override var typeName: String { kind }
    override var qualifiedTypeName: String { qualified }

    override var methods: [String: Method] { ArtistMethods.table }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        if name == "levels", owner.axes.artists.indices.contains(index), case .contour(let c) = owner.axes.artists[index] {
            return .list(PyList(c.levels.map { .object(NumpyFloat($0)) }))
        }
        return try super.getAttr(name, interp: interp)
    }

    override func str(interp: Interpreter) throws -> String? {
        let artists = owner.axes.artists
        let artist = artists.indices.contains(index) ? artists[index] : nil
        func label(_ l: String?) -> String { l ?? "_child\(index)" }
        switch (kind, artist) {
        case ("Line2D", .line(let l)?): return "Line2D(\(label(l.label)))"
        case ("Line2D", .reference(let r)?): return "Line2D(\(label(r.line.label)))"
        case ("Text", .text(let t)?), ("Annotation", .text(let t)?):
            let (x, y): (Double, Double)
            switch t.target ?? t.position {
            case .data(let a, let b), .axesFraction(let a, let b), .offsetPoints(let a, let b), .figureFraction(let a, let b): (x, y) = (a, b)
            }
            return "\(kind)(\(PlotFormat.short(x)), \(PlotFormat.short(y)), \(PlotFormat.quoted(t.text)))"
        case ("AxesImage", .image(let i)?): return "AxesImage(shape=(\(i.values.count), \(i.values.first?.count ?? 0)))"
        case ("Legend", _): return "Legend"
        case ("FancyArrow", _): return "FancyArrow()"
        default: return nil
        }
    }
}

/// The array of axes `subplots` returns for a grid (`axs[0, 1]`, `axs[1][0]`, `axs.flat`).
final class AxesArray: NativeObject {
    let rows: [[AxesObject]]
    let squeezedRow: Bool

    /// `squeezedRow`: a 1 × n or n × 1 grid, indexed by one number.
    init(rows: [[AxesObject]], squeezedRow: Bool) {
        self.rows = rows
        self.squeezedRow = squeezedRow
    }

    override var typeName: String { "ndarray" }

    var flat: [AxesObject] { rows.flatMap { $0 } }

    private func element(_ i: Int, count: Int) throws -> Int {
        let k = i < 0 ? i + count : i
        guard k >= 0 && k < count else {
            throw PyException(.indexError, "index \(i) is out of bounds for axis 0 with size \(count)")
        }
        return k
    }

    override func getItem(_ key: PyValue, interp: Interpreter) throws -> PyValue? {
        if case .tuple(let parts) = key, parts.count == 2, !squeezedRow {
            let r = try element(try interp.index(parts[0]), count: rows.count)
            let c = try element(try interp.index(parts[1]), count: rows[r].count)
            return .object(rows[r][c])
        }
        let i = try interp.index(key)
        if squeezedRow {
            let items = flat
            return .object(items[try element(i, count: items.count)])
        }
        let r = try element(i, count: rows.count)
        return .object(AxesArray(rows: [rows[r]], squeezedRow: true))
    }

    override func length(interp: Interpreter) throws -> Int? { squeezedRow ? flat.count : rows.count }

    override func iterate(interp: Interpreter) throws -> PyIterator? {
        let items: [PyValue] = squeezedRow ? flat.map { .object($0) } : rows.map { .object(AxesArray(rows: [$0], squeezedRow: true)) }
        return try interp.makeIterator(.list(PyList(items)))
    }

    override func getAttr(_ name: String, interp: Interpreter) throws -> PyValue? {
        switch name {
        case "flat": return .list(PyList(flat.map { .object($0) }))
        case "ravel", "flatten":
            return .object(PyBuiltinFunction(name: name) { [flat] _, _ in .object(AxesArray(rows: [flat], squeezedRow: true)) })
        case "shape":
            return squeezedRow ? .tuple([.int(flat.count)]) : .tuple([.int(rows.count), .int(rows.first?.count ?? 0)])
        case "size": return .int(flat.count)
        default: return nil
        }
    }

    override func repr(interp: Interpreter) throws -> String? {
        let inner = squeezedRow ? "[" + flat.map { (try? interp.repr(.object($0))) ?? "" }.joined(separator: ", ") + "]"
            : "[" + rows.map { "[" + $0.map { (try? interp.repr(.object($0))) ?? "" }.joined(separator: ", ") + "]" }.joined(separator: ",\n       ") + "]"
        return "array(\(inner), dtype=object)"
    }
}

/// Short number text for reprs.
enum PlotFormat {
    /// Python's repr of a plain string (single quotes unless the text has one).
    static func quoted(_ s: String) -> String {
        s.contains("'") && !s.contains("\"") ? "\"" + s + "\"" : "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    static func short(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
