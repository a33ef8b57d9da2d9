import Plot
import Python

typealias AxesMethod = (AxesObject, PyArgs, Interpreter) throws -> PyValue

/// The `Axes` methods lessons call, by name; pyplot's functions of the same names call
/// them on the current axes.
enum AxesMethods {
    static let table: [String: MethodTableObject.Method] = methods.mapValues { m in
        { obj, args, interp in try m(obj as! AxesObject, args, interp) }
    }

    static let methods: [String: AxesMethod] = [
        "plot": plot, "scatter": scatter, "fill_between": fillBetween,
        "axhline": referenceLine(.horizontal), "axvline": referenceLine(.vertical),
        "text": text, "annotate": annotate, "arrow": arrow,
        "quiver": quiver, "contour": contour(filled: false), "contourf": contour(filled: true), "clabel": clabel,
        "imshow": imshow,
        "set_title": setTitle, "set_xlabel": setLabel(x: true), "set_ylabel": setLabel(x: false),
        "get_title": { ax, _, _ in .str(ax.axes.titles[.center] ?? "") },
        "get_xlabel": { ax, _, _ in .str(ax.axes.xLabel) }, "get_ylabel": { ax, _, _ in .str(ax.axes.yLabel) },
        "set_xlim": setLimits(x: true), "set_ylim": setLimits(x: false),
        "get_xlim": getLimits(x: true), "get_ylim": getLimits(x: false),
        "legend": legend, "grid": grid, "axis": axis, "set_aspect": setAspect,
        "set_xticks": setTicks(x: true), "set_yticks": setTicks(x: false),
        "set_xticklabels": setTickLabels(x: true), "set_yticklabels": setTickLabels(x: false),
        "invert_xaxis": { ax, _, _ in ax.axes.xInverted.toggle(); return .none },
        "invert_yaxis": { ax, _, _ in ax.axes.yInverted.toggle(); return .none },
        "margins": margins, "cla": { ax, _, _ in ax.axes.clear(); return .none },
        "clear": { ax, _, _ in ax.axes.clear(); return .none },
        "set": set, "set_facecolor": { _, _, _ in .none },
        "tick_params": tickParams,
        "get_figure": { ax, _, _ in .object(ax.figureObject) },
        "set_xscale": scale(x: true), "set_yscale": scale(x: false),
        "semilogx": logPlot(x: true, y: false), "semilogy": logPlot(x: false, y: true), "loglog": logPlot(x: true, y: true),
    ]

    /// Properties read as attributes rather than called.
    static func attribute(_ name: String, of ax: AxesObject) -> PyValue? {
        switch name {
        case "figure": return .object(ax.figureObject)
        case "transAxes": return .object(TransformObject(isAxes: true))
        case "transData": return .object(TransformObject(isAxes: false))
        case "lines":
            let handles = ax.axes.artists.indices.compactMap { k -> PyValue? in
                switch ax.axes.artists[k] {
                case .line, .reference: return handle(ax, k, "Line2D", "matplotlib.lines.Line2D")
                default: return nil
                }
            }
            return .list(PyList(handles))
        default: return nil
        }
    }
}

/// A text object returned where the lesson only prints it (`suptitle`).
final class TextHandle: NativeObject {
    let text: String

    init(text: String) {
        self.text = text
    }

    override var typeName: String { "Text" }
    override func str(interp: Interpreter) throws -> String? { text }
    override func repr(interp: Interpreter) throws -> String? { text }
}

/// `ax.transAxes` / `ax.transData`, accepted as `transform=` of `text`.
final class TransformObject: NativeObject {
    let isAxes: Bool

    init(isAxes: Bool) {
        self.isAxes = isAxes
    }

    override var typeName: String { isAxes ? "BboxTransformTo" : "CompositeGenericTransform" }
}
